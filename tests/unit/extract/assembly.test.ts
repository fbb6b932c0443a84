// Graph assembly: stable ids, deterministic output, undirected relations
// merged across directions, evidence from several documents kept.
import { describe, expect, it } from "vitest";
import { assembleGraph } from "../../../src/extract/extract";
import { parseGraph, relationId } from "../../../src/graph/schema";
import { extract, extractor } from "./helpers";

const DOCS = [
  { id: "a", text: "Russia met Turkey in Sochi. Hezbollah leader Hassan Nasrallah criticized Israel." },
  { id: "b", text: "Turkey met Russia in Ankara. Hasan Nasrallah later praised Iran." },
];
const build = (at: string) => assembleGraph(DOCS.map((d) => extract(d.text, d.id)), extractor.lexicon, at);

describe("assembleGraph", () => {
  const g = build("2024-01-01T00:00:00Z");

  it("produces a graph the schema accepts", () => {
    const r = parseGraph(JSON.parse(JSON.stringify(g)));
    expect(r.ok ? "ok" : r.error).toBe("ok");
  });

  it("same input gives the same JSON apart from generatedAt", () => {
    const again = build("2025-06-30T12:00:00Z");
    expect(again.generatedAt).not.toBe(g.generatedAt);
    expect(JSON.stringify({ ...again, generatedAt: "" })).toBe(JSON.stringify({ ...g, generatedAt: "" }));
  });

  it("merges a meeting stated in both directions into one relation with evidence from both documents", () => {
    const meetings = g.relations.filter((r) => r.type === "meeting");
    expect(meetings.map((r) => r.id)).toEqual(["russia>meeting.asserted>turkey"]);
    expect(meetings[0].directed).toBe(false);
    expect(meetings[0].evidence.map((e) => e.doc)).toEqual(["a", "b"]);
    // Mentions follow the canonical order: source is Russia in both documents.
    for (const e of meetings[0].evidence) {
      const text = DOCS.find((d) => d.id === e.doc)!.text;
      expect(text.slice(e.sourceMention!.start, e.sourceMention!.end)).toBe("Russia");
      expect(text.slice(e.targetMention!.start, e.targetMention!.end)).toBe("Turkey");
    }
  });

  it("ids: gazetteer ids for known actors, one slug for a person spelled two ways, relation ids from source, type, status, target", () => {
    expect(g.relations.map((r) => r.id)).toEqual([
      "hassan-nasrallah>affiliation.asserted>hezbollah",
      "hassan-nasrallah>criticism.asserted>israel",
      "hassan-nasrallah>support.asserted>iran",
      "russia>meeting.asserted>turkey",
    ]);
    for (const r of g.relations) expect(r.id).toBe(relationId(r.source, r.type, r.status, r.target));
    const person = g.actors.find((a) => a.id === "hassan-nasrallah")!;
    expect([person.name, person.kind, person.documents]).toEqual(["Hassan Nasrallah", "person", ["a", "b"]]);
    expect(person.aliases).toContain("Hasan Nasrallah");
  });

  it("keeps relation ids when more documents are added", () => {
    const more = assembleGraph(
      [...DOCS, { id: "c", text: "Egypt condemned the Houthis." }].map((d) => extract(d.text, d.id)),
      extractor.lexicon,
      "x",
    );
    for (const id of g.relations.map((r) => r.id)) expect(more.relations.map((r) => r.id)).toContain(id);
    expect(more.relations.map((r) => r.id)).toContain("egypt>criticism.asserted>houthis");
  });
});

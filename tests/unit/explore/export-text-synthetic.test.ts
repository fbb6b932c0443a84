import { describe, expect, it } from "vitest";
import { parseGraph } from "../../../src/graph/schema";
import { generateSyntheticGraph } from "../../../src/graph/synthetic";
import { layoutGraph } from "../../../src/layout/layoutGraph";
import { applyFilters, defaultFilters, toggleTypeStatus } from "../../../src/explore/filters";
import { visibleSubgraph } from "../../../src/explore/exportJson";
import { documentSegments, sentenceSegments } from "../../../src/explore/evidenceText";
import { fixtureGraph } from "./fixture";

describe("visibleSubgraph", () => {
  it("exports a valid graph with only what is shown", () => {
    const g = fixtureGraph();
    const view = applyFilters(g, { ...toggleTypeStatus(defaultFilters(), "meeting"), hideIsolated: true, documents: ["doc-b"] });
    const out = visibleSubgraph(g, view);
    const parsed = parseGraph(JSON.parse(JSON.stringify(out)));
    expect(parsed.ok).toBe(true);
    expect(out.documents.map((d) => d.id)).toEqual(["doc-b"]);
    expect(out.relations.map((r) => r.type).sort()).toEqual(["conflict", "conflict", "criticism", "mediation"]);
    expect(out.actors.map((a) => a.id).sort()).toEqual(["hamas", "hezbollah", "israel", "nasrallah", "qatar", "syria"]);
  });
  it("re-attributes folded people's relations to their group, with valid ids", () => {
    const g = fixtureGraph();
    const out = visibleSubgraph(g, applyFilters(g, { ...defaultFilters(), foldPeople: true }));
    expect(parseGraph(out).ok).toBe(true);
    expect(out.relations.find((r) => r.type === "criticism")!.id).toBe("hezbollah>criticism.asserted>israel");
    expect(out.actors.find((a) => a.id === "nasrallah")).toBeUndefined();
  });
});

describe("evidence text segments", () => {
  it("marks source, trigger and target inside the sentence", () => {
    const e = fixtureGraph().relations[0].evidence[0];
    expect(sentenceSegments(e)).toEqual([
      { text: "Iran", mark: "source" },
      { text: " ", mark: null },
      { text: "armed", mark: "trigger" },
      { text: " ", mark: null },
      { text: "Hezbollah", mark: "target" },
      { text: ".", mark: null },
    ]);
  });
  it("splits a document around the sentence; pieces join back to the text", () => {
    const g = fixtureGraph();
    const e = g.relations[2].evidence[0]; // "Syria met Iran."
    const seg = documentSegments(g.documents[0].text!, e);
    expect(seg.before + seg.sentence.map((s) => s.text).join("") + seg.after).toBe(g.documents[0].text);
    expect(seg.sentence.map((s) => s.text).join("")).toBe("Syria met Iran.");
  });
  it("clips offsets that run past the text instead of failing", () => {
    const e = { ...fixtureGraph().relations[0].evidence[0], start: 5, end: 500 };
    const seg = documentSegments("short", e);
    expect(seg.before).toBe("short");
    expect(seg.sentence).toEqual([]);
  });
});

describe("generateSyntheticGraph", () => {
  it("is valid, seeded and has evidence offsets consistent with the text", () => {
    const g = generateSyntheticGraph({ actors: 200, seed: 3 });
    expect(parseGraph(g)).toMatchObject({ ok: true });
    expect(JSON.stringify(generateSyntheticGraph({ actors: 200, seed: 3 }))).toBe(JSON.stringify(g));
    expect(JSON.stringify(generateSyntheticGraph({ actors: 200, seed: 4 }))).not.toBe(JSON.stringify(g));
    expect(g.relations.length).toBeGreaterThan(350);
    expect(new Set(g.actors.map((a) => a.kind)).size).toBe(5);
    expect(new Set(g.relations.map((r) => r.status)).size).toBe(3);
    const docs = new Map(g.documents.map((d) => [d.id, d.text]));
    const names = new Map(g.actors.map((a) => [a.id, a.name]));
    for (const r of g.relations)
      for (const e of r.evidence) {
        const text = docs.get(e.doc)!;
        expect(text.slice(e.start, e.end)).toBe(e.sentence);
        expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
        expect(text.slice(e.sourceMention!.start, e.sourceMention!.end)).toBe(names.get(r.source));
        expect(text.slice(e.targetMention!.start, e.targetMention!.end)).toBe(names.get(r.target));
      }
  });
  it("handles zero and one actor", () => {
    expect(parseGraph(generateSyntheticGraph({ actors: 0 })).ok).toBe(true);
    expect(generateSyntheticGraph({ actors: 1 }).relations).toEqual([]);
  });
});

describe("layoutGraph", () => {
  it("fills every position, deterministically, and leaves Math.random alone", () => {
    const g = generateSyntheticGraph({ actors: 60, seed: 5 });
    const before = Math.random;
    const a = layoutGraph(g, { quality: "draft" });
    const b = layoutGraph(g, { quality: "draft" });
    expect(Math.random).toBe(before);
    expect(a.actors.every((x) => x.position && Number.isFinite(x.position.x) && Number.isFinite(x.position.y))).toBe(true);
    expect(a.actors.map((x) => x.position)).toEqual(b.actors.map((x) => x.position));
    // Not all on one spot.
    expect(new Set(a.actors.map((x) => `${x.position!.x},${x.position!.y}`)).size).toBeGreaterThan(50);
    expect(parseGraph(a).ok).toBe(true);
    expect(g.actors[0].position).toBeUndefined(); // input not mutated
  });
});

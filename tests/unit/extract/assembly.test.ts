// Graph assembly: stable ids, deterministic output, undirected relations
// merged across directions, evidence from several documents kept.
import { describe, expect, it } from "vitest";
import { defaultRulePrecision, relationConfidence, type RulePrecision } from "../../../src/extract/confidence";
import { AUTHOR_ATTRIBUTION, assembleGraph, type DocumentExtraction, type ExtractedRelation } from "../../../src/extract/extract";
import { GRAPH_SCHEMA_VERSION, parseGraph, relationId, type ActorKind, type Attribution } from "../../../src/graph/schema";
import { extract, extractor } from "./helpers";

const DOCS = [
  { id: "a", text: "Russia met Turkey in Sochi. Hezbollah leader Karim Haddad criticized Israel." },
  { id: "b", text: "Turkey met Russia in Ankara. Group leader Kareem Haddad later praised Iran." },
];
const build = (at: string) =>
  assembleGraph(
    DOCS.map((d) => extract(d.text, d.id)),
    extractor.lexicon,
    at,
  );

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
      "karim-haddad>affiliation.asserted>hezbollah",
      "karim-haddad>criticism.asserted>israel",
      "karim-haddad>support.asserted>iran",
      "russia>meeting.asserted>turkey",
    ]);
    for (const r of g.relations) expect(r.id).toBe(relationId(r.source, r.type, r.status, r.target));
    const person = g.actors.find((a) => a.id === "karim-haddad")!;
    expect([person.name, person.kind, person.documents]).toEqual(["Kareem Haddad", "person", ["a", "b"]]);
    expect(person.aliases).toContain("Karim Haddad");
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

describe("schema v2: rule, attribution, disputed, confidence", () => {
  const g = build("2024-01-01T00:00:00Z");

  it("every evidence names its rule and who states it; every relation has disputed and confidence", () => {
    for (const r of g.relations) {
      expect(typeof r.disputed).toBe("boolean");
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      for (const e of r.evidence) {
        expect(e.rule.length).toBeGreaterThan(0);
        expect(["actor", "source", "author"]).toContain(e.attribution.kind);
        if (e.attribution.start !== undefined) {
          const text = DOCS.find((d) => d.id === e.doc)!.text;
          expect(text.slice(e.attribution.start, e.attribution.end)).toBe(e.attribution.text);
        }
      }
    }
  });

  it("a v1 graph file is refused with the rebuild message", () => {
    const r = parseGraph({ ...JSON.parse(JSON.stringify(g)), schemaVersion: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain("schemaVersion 1");
      expect(r.error).toContain(`reads ${GRAPH_SCHEMA_VERSION}`);
      expect(r.error).toContain('rebuild it with "npm run build:graph"');
    }
  });

  it("the schema refuses an attribution to an unknown actor, and an actor attribution without an actor", () => {
    const bad = JSON.parse(JSON.stringify(g));
    bad.relations[0].evidence[0].attribution = { kind: "actor", actor: "nobody", text: "Nobody" };
    const r = parseGraph(bad);
    expect(r.ok ? "ok" : r.error).toContain('evidence attributed to unknown actor "nobody"');
    bad.relations[0].evidence[0].attribution = { kind: "actor", text: "Nobody" };
    expect(parseGraph(bad).ok).toBe(false);
    bad.relations[0].evidence[0].attribution = { kind: "author", text: "the article", start: 0, end: 3 };
    expect(parseGraph(bad).ok).toBe(false);
    delete bad.relations[0].evidence[0].attribution;
    expect(parseGraph(bad).ok).toBe(false);
  });
});

// Hand-made per-document results, so assembly is tested apart from the sentence rules.
type LocalActor = { name: string; kind: ActorKind; forms: string[]; mentions: number };
function doc(id: string, text: string, actors: Record<string, LocalActor>, relations: ExtractedRelation[]): DocumentExtraction {
  return { doc: { id, title: "", date: null, text }, actors: new Map(Object.entries(actors)), relations };
}
const state = (name: string): LocalActor => ({ name, kind: "state", forms: [name], mentions: 1 });
const person = (name: string): LocalActor => ({ name, kind: "person", forms: [name], mentions: 1 });
function said(
  docId: string,
  text: string,
  source: string,
  type: ExtractedRelation["type"],
  status: ExtractedRelation["status"],
  target: string,
  trigger: string,
  rule: string,
  attribution: Attribution,
): ExtractedRelation {
  const t = text.indexOf(trigger);
  return {
    source,
    target,
    type,
    status,
    directed: type !== "meeting",
    evidence: { doc: docId, sentence: text, start: 0, end: text.length, trigger: { text: trigger, start: t, end: t + trigger.length }, rule, attribution },
  };
}

describe("assembleGraph: attribution, disputes, confidence", () => {
  const A = "Israel struck Syria, Anton Belov said.";
  const B = "Israel denied it struck Syria.";
  const C = "Israel struck Syria, two officials told Reuters.";
  const table: RulePrecision = { note: "t", sets: [], default: 0.5, rules: { svo: { predicted: 8, correct: 7, precision: 0.875 } } }; // svo: 8/10 = 0.8
  const extractions = [
    doc("a", A, { israel: state("Israel"), syria: state("Syria"), "person:Anton Belov": person("Anton Belov") }, [
      said("a", A, "israel", "conflict", "asserted", "syria", "struck", "svo", { kind: "actor", actor: "person:Anton Belov", text: "Anton Belov", start: 21, end: 34 }),
    ]),
    doc("b", B, { israel: state("Israel"), syria: state("Syria") }, [
      said("b", B, "israel", "conflict", "denied", "syria", "struck", "svo", { kind: "actor", actor: "israel", text: "Israel", start: 0, end: 6 }),
    ]),
    doc("c", C, { israel: state("Israel"), syria: state("Syria") }, [
      said("c", C, "israel", "conflict", "asserted", "syria", "struck", "legacy", { kind: "source", text: "two officials", start: 21, end: 34 }),
      // Same sentence and trigger again: kept once.
      said("c", C, "israel", "conflict", "asserted", "syria", "struck", "svo", AUTHOR_ATTRIBUTION),
      // A speaker key the document does not know: kept as a named source.
      said("c", C, "syria", "criticism", "asserted", "israel", "struck", "svo", { kind: "actor", actor: "person:Nobody", text: "two officials", start: 21, end: 34 }),
    ]),
  ];
  const g = assembleGraph(extractions, extractor.lexicon, "x", { rulePrecision: table });
  const byId = (id: string) => g.relations.find((r) => r.id === id)!;

  it("is valid and maps the speaker's document-local key to its actor id, keeping that actor", () => {
    const r = parseGraph(JSON.parse(JSON.stringify(g)));
    expect(r.ok ? "ok" : r.error).toBe("ok");
    const asserted = byId("israel>conflict.asserted>syria");
    expect(asserted.evidence.map((e) => [e.doc, e.rule, e.attribution])).toEqual([
      ["a", "svo", { kind: "actor", actor: "anton-belov", text: "Anton Belov", start: 21, end: 34 }],
      ["c", "legacy", { kind: "source", text: "two officials", start: 21, end: 34 }],
    ]);
    // Belov is in no relation, but speaks for one.
    expect(g.actors.map((a) => a.id)).toContain("anton-belov");
    expect(byId("israel>conflict.denied>syria").evidence[0].attribution).toEqual({ kind: "actor", actor: "israel", text: "Israel", start: 0, end: 6 });
    expect(byId("syria>criticism.asserted>israel").evidence[0].attribution).toEqual({ kind: "source", text: "two officials", start: 21, end: 34 });
  });

  it("flags the asserted and the denied relation of the pair as disputed, and halves their confidence", () => {
    expect(g.relations.map((r) => [r.id, r.disputed, r.confidence])).toEqual([
      // Two sources (Belov in a: 0.8; the officials in c: 0.5): 1 − 0.2 · 0.5 = 0.9, halved.
      ["israel>conflict.asserted>syria", true, 0.45],
      // One source (Israel in b): 0.8, halved.
      ["israel>conflict.denied>syria", true, 0.4],
      // Unrelated pair+type: not disputed; svo alone.
      ["syria>criticism.asserted>israel", false, 0.8],
    ]);
  });

  it("uses data/lexicon/rule-precision.json when no table is given", () => {
    const d = assembleGraph(extractions, extractor.lexicon, "x");
    const t = defaultRulePrecision();
    expect(byId("syria>criticism.asserted>israel").confidence).toBe(0.8);
    expect(d.relations.find((r) => r.id === "syria>criticism.asserted>israel")!.confidence).toBe(
      relationConfidence([{ doc: "c", rule: "svo", attribution: AUTHOR_ATTRIBUTION }], false, t),
    );
  });

  it("merges spelling variants of a surname across documents, first-seen actor first, with its longest name", () => {
    const X = "Haddad praised Iran.";
    const Y = "Karim Hadad praised Iran.";
    const Z = "Kareem Haddad praised Iran.";
    const rel = (d: string, text: string, key: string) => said(d, text, key, "support", "asserted", "iran", "praised", "svo", AUTHOR_ATTRIBUTION);
    const out = assembleGraph(
      [
        doc("x", X, { "person:Haddad": person("Haddad"), iran: state("Iran") }, [rel("x", X, "person:Haddad")]),
        doc("y", Y, { "person:Karim Hadad": person("Karim Hadad"), iran: state("Iran") }, [rel("y", Y, "person:Karim Hadad")]),
        doc("z", Z, { "person:Kareem Haddad": person("Kareem Haddad"), iran: state("Iran") }, [rel("z", Z, "person:Kareem Haddad")]),
      ],
      extractor.lexicon,
      "x",
    );
    const people = out.actors.filter((a) => a.kind === "person");
    expect(people.map((p) => [p.id, p.name, p.documents])).toEqual([["haddad", "Kareem Haddad", ["x", "y", "z"]]]);
  });
});

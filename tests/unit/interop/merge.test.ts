// Added articles merged into a built graph: by id, evidence joined, disputes and
// confidence worked out again, new actors placed, marks for what was added.
import { describe, expect, it } from "vitest";
import { parseGraph, relationId, type Graph } from "../../../src/graph/schema";
import { mergeAdded } from "../../../src/added/merge";
import { fixtureGraph } from "../explore/fixture";

function addedGraph(base: Graph): Graph {
  const text = "Iran armed Hezbollah again. Israel denied it attacked Hezbollah. Oman met Iran.";
  const at = (s: string) => text.indexOf(s);
  const ev = (sentence: string, trigger: string) => ({
    doc: "added/note",
    sentence,
    start: at(sentence),
    end: at(sentence) + sentence.length,
    trigger: { text: trigger, start: at(sentence) + sentence.indexOf(trigger), end: at(sentence) + sentence.indexOf(trigger) + trigger.length },
    rule: "svo",
    attribution: { kind: "source" as const, text: "a source", start: 0, end: 4 },
  });
  const iran = base.actors.find((a) => a.id === "iran")!;
  return {
    ...base,
    documents: [{ id: "added/note", title: "Note", date: null, text }],
    actors: [
      { ...iran, aliases: ["Tehran", "Islamic Republic"], mentions: 2, documents: ["added/note"], position: undefined },
      { ...base.actors.find((a) => a.id === "hezbollah")!, mentions: 2, documents: ["added/note"], position: undefined },
      { ...base.actors.find((a) => a.id === "israel")!, mentions: 1, documents: ["added/note"], position: undefined },
      { id: "oman", name: "Oman", kind: "state", aliases: [], mentions: 1, documents: ["added/note"] },
    ],
    relations: [
      {
        id: relationId("iran", "aid", "asserted", "hezbollah"),
        source: "iran",
        target: "hezbollah",
        type: "aid",
        status: "asserted",
        directed: true,
        disputed: false,
        confidence: 0.5,
        evidence: [ev("Iran armed Hezbollah again.", "armed")],
      },
      {
        id: relationId("israel", "conflict", "denied", "hezbollah"),
        source: "israel",
        target: "hezbollah",
        type: "conflict",
        status: "denied",
        directed: true,
        disputed: false,
        confidence: 0.5,
        evidence: [ev("Israel denied it attacked Hezbollah.", "attacked")],
      },
      {
        id: relationId("iran", "meeting", "asserted", "oman"),
        source: "iran",
        target: "oman",
        type: "meeting",
        status: "asserted",
        directed: false,
        disputed: false,
        confidence: 0.5,
        evidence: [ev("Oman met Iran.", "met")],
      },
    ],
  };
}

describe("mergeAdded", () => {
  const base = fixtureGraph();
  for (const a of base.actors) a.position = { x: a.id.length * 10, y: 5 };
  const added = addedGraph(base);
  const { graph, marks } = mergeAdded(base, added);

  it("is a valid graph holding both", () => {
    expect(parseGraph(graph).ok).toBe(true);
    expect(graph.documents.map((d) => d.id)).toEqual([...base.documents.map((d) => d.id), "added/note"]);
    expect(graph.actors.map((a) => a.id)).toEqual([...new Set([...base.actors.map((a) => a.id), "oman"])].sort());
  });
  it("joins evidence of an existing relation and keeps the built actor's data, adding aliases and documents", () => {
    const id = relationId("iran", "aid", "asserted", "hezbollah");
    const before = base.relations.find((r) => r.id === id)!;
    const after = graph.relations.find((r) => r.id === id)!;
    expect(after.evidence).toHaveLength(before.evidence.length + 1);
    const iran = graph.actors.find((a) => a.id === "iran")!;
    expect(iran.aliases).toContain("Islamic Republic");
    expect(iran.documents).toContain("added/note");
    expect(iran.position).toEqual(base.actors.find((a) => a.id === "iran")!.position);
  });
  it("a denial from another source makes the built assertion disputed, with its confidence halved", () => {
    const asserted = graph.relations.find((r) => r.id === relationId("israel", "conflict", "asserted", "hezbollah"))!;
    expect(asserted.disputed).toBe(true);
    expect(asserted.confidence).toBeLessThan(base.relations.find((r) => r.id === asserted.id)!.confidence);
  });
  it("marks added documents, new actors (placed beside their partners) and touched relations", () => {
    expect([...marks.documents]).toEqual(["added/note"]);
    expect([...marks.actors]).toEqual(["oman"]);
    expect(marks.relations.size).toBe(3);
    const oman = graph.actors.find((a) => a.id === "oman")!;
    const iran = graph.actors.find((a) => a.id === "iran")!;
    expect(Math.hypot(oman.position!.x - iran.position!.x, oman.position!.y - iran.position!.y)).toBeCloseTo(60, 0);
  });
  it("nothing added: the same graph", () => {
    expect(mergeAdded(base, null).graph).toBe(base);
  });
});

import { describe, expect, it } from "vitest";
import { parseGraph } from "../../../src/graph/schema";
import { generateSyntheticGraph } from "../../../src/graph/synthetic";
import { aggregateEdges, symmetricTypes } from "../../../src/explore/aggregate";
import { applyFilters, dateExtent, defaultFilters, foldMap, shownTypes, toggleTypeStatus } from "../../../src/explore/filters";
import { fixtureGraph } from "./fixture";

describe("aggregateEdges", () => {
  it("merges symmetric relations regardless of direction, keeps directed ones apart", () => {
    const g = fixtureGraph();
    const edges = aggregateEdges(g.relations, symmetricTypes(g.relationTypes));
    const meeting = edges.filter((e) => e.type === "meeting");
    expect(meeting).toHaveLength(1);
    expect(meeting[0]).toMatchObject({ source: "iran", target: "syria", count: 2, evidenceCount: 2, directed: false });
    expect(meeting[0].relationIds.sort()).toEqual(["iran>meeting.asserted>syria", "syria>meeting.asserted>iran"]);
    // 8 relations, the two meetings become one edge.
    expect(edges).toHaveLength(7);
    const crit = edges.find((e) => e.type === "criticism")!;
    expect(crit).toMatchObject({ directed: true, source: "nasrallah", target: "israel", count: 1, evidenceCount: 2 });
  });

  it("keeps status apart: A→B conflict asserted and denied are two edges", () => {
    const g = fixtureGraph();
    g.relations.push({ ...g.relations[4], id: "israel>conflict.denied>hezbollah", status: "denied" });
    const edges = aggregateEdges(g.relations, symmetricTypes(g.relationTypes));
    expect(edges.filter((e) => e.source === "israel" && e.target === "hezbollah")).toHaveLength(2);
  });

  it("merges A→B and B→A of a directed type only when the relations are marked undirected", () => {
    const g = fixtureGraph();
    const base = g.relations[0];
    const rels = [
      { ...base, id: "x", source: "a", target: "b", directed: false },
      { ...base, id: "y", source: "b", target: "a", directed: false },
      { ...base, id: "z", source: "b", target: "a", directed: true },
    ];
    const edges = aggregateEdges(rels, new Set());
    expect(edges).toHaveLength(2);
    expect(edges.find((e) => !e.directed)!.count).toBe(2);
  });
});

describe("applyFilters", () => {
  it("shows everything by default, with grid counts", () => {
    const g = fixtureGraph();
    const r = applyFilters(g, { ...defaultFilters(), hideIsolated: false });
    expect(r.nodes).toHaveLength(8);
    expect(applyFilters(g, defaultFilters()).counts.isolatedHidden).toBe(1);
    expect(r.relations).toHaveLength(8);
    expect(r.edges).toHaveLength(7);
    expect(r.counts.typeStatus.conflict).toEqual({ asserted: 1, intended: 0, denied: 1 });
    expect(r.counts.typeStatus.meeting.asserted).toBe(2);
    expect(r.counts.kindsTotal).toEqual({ state: 4, "armed-group": 2, "political-group": 0, organization: 1, person: 1 });
    expect(r.nodes.find((n) => n.id === "iran")!.relationCount).toBe(3);
    expect(r.nodes.find((n) => n.id === "loner")!.relationCount).toBe(0);
  });

  it("hiding a type removes exactly its relations and keeps its grid count live", () => {
    const g = fixtureGraph();
    const f = toggleTypeStatus(defaultFilters(), "conflict");
    expect(f.hiddenTypeStatus).toEqual(["conflict.asserted", "conflict.intended", "conflict.denied"]);
    const r = applyFilters(g, f);
    expect(r.relations.map((x) => x.type)).not.toContain("conflict");
    expect(r.relations).toHaveLength(6);
    expect(r.counts.typeStatus.conflict).toEqual({ asserted: 1, intended: 0, denied: 1 });
    expect(shownTypes(f).has("conflict")).toBe(false);
    // Toggling again brings them back.
    expect(toggleTypeStatus(f, "conflict").hiddenTypeStatus).toEqual([]);
  });

  it("hides a single cell of the grid", () => {
    const r = applyFilters(fixtureGraph(), toggleTypeStatus(defaultFilters(), "conflict", "denied"));
    expect(r.relations.filter((x) => x.type === "conflict").map((x) => x.status)).toEqual(["asserted"]);
  });

  it("a partly shown type row is switched fully on, not off", () => {
    const partly = toggleTypeStatus(defaultFilters(), "conflict", "denied");
    expect(toggleTypeStatus(partly, "conflict").hiddenTypeStatus).toEqual([]);
  });

  it("filters by confidence, by who states it, and to single-source relations", () => {
    const g = fixtureGraph();
    const all = applyFilters(g, defaultFilters());
    const conf = [...new Set(g.relations.map((r) => r.confidence))].sort();
    const high = applyFilters(g, { ...defaultFilters(), minConfidence: conf[conf.length - 1] });
    expect(high.relations.every((r) => r.confidence >= conf[conf.length - 1])).toBe(true);
    const noAuthor = applyFilters(g, { ...defaultFilters(), hiddenSourceKinds: ["author"] });
    expect(noAuthor.relations.every((r) => r.evidence.every((e) => e.attribution.kind !== "author"))).toBe(true);
    expect(all.counts.speakers.size).toBeGreaterThan(0);
    const single = applyFilters(g, { ...defaultFilters(), singleSource: true });
    expect(
      single.relations.every((r) => new Set(r.evidence.map((e) => JSON.stringify([e.attribution.kind, e.attribution.actor, e.attribution.text.toLowerCase()]))).size === 1),
    ).toBe(true);
  });

  it("hides actor kinds and their relations; hides isolated actors on request", () => {
    const g = fixtureGraph();
    const r = applyFilters(g, { ...defaultFilters(), hiddenKinds: ["armed-group"], hideIsolated: true });
    expect(r.nodes.map((n) => n.id).sort()).toEqual(["iran", "israel", "nasrallah", "syria"]);
    expect(r.relations.every((x) => x.target !== "hezbollah" && x.target !== "hamas")).toBe(true);
    expect(r.counts.kindsShown["armed-group"]).toBe(0);
  });

  it("filters by document and narrows evidence, counting per document", () => {
    const g = fixtureGraph();
    const r = applyFilters(g, { ...defaultFilters(), documents: ["doc-b"] });
    expect(r.relations.map((x) => x.id).sort()).toEqual([
      "israel>conflict.asserted>hezbollah",
      "israel>conflict.denied>syria",
      "nasrallah>criticism.asserted>israel",
      "qatar>mediation.asserted>hamas",
    ]);
    expect(r.relations.find((x) => x.type === "criticism")!.evidence.map((e) => e.doc)).toEqual(["doc-b"]);
    // Document counts ignore the document filter.
    expect(r.counts.documents).toEqual({ "doc-a": 5, "doc-b": 4 });
  });

  it("filters by date range; undated documents drop out once a range is set", () => {
    const g = fixtureGraph();
    expect(dateExtent(g)).toEqual({ min: "2023-05-01", max: "2023-05-01" });
    const inRange = applyFilters(g, { ...defaultFilters(), dateFrom: "2023-01-01", dateTo: "2023-12-31" });
    expect(inRange.relations.every((x) => x.evidence.every((e) => e.doc === "doc-a"))).toBe(true);
    expect(inRange.relations).toHaveLength(5);
    const outOfRange = applyFilters(g, { ...defaultFilters(), dateFrom: "2024-01-01" });
    expect(outOfRange.relations).toHaveLength(0);
  });

  it("applies minimum evidence", () => {
    const r = applyFilters(fixtureGraph(), { ...defaultFilters(), minEvidence: 2 });
    expect(r.relations.map((x) => x.id)).toEqual(["nasrallah>criticism.asserted>israel"]);
  });

  it("folds people into their group along affiliation edges", () => {
    const g = fixtureGraph();
    expect([...foldMap(g)]).toEqual([["nasrallah", "hezbollah"]]);
    const r = applyFilters(g, { ...defaultFilters(), foldPeople: true });
    expect(r.nodes.map((n) => n.id)).not.toContain("nasrallah");
    expect(r.nodes.find((n) => n.id === "hezbollah")!.members).toEqual(["nasrallah"]);
    // Nasrallah's criticism of Israel now comes from Hezbollah; the affiliation itself disappears.
    const crit = r.edges.find((e) => e.type === "criticism")!;
    expect([crit.source, crit.target]).toEqual(["hezbollah", "israel"]);
    expect(r.edges.find((e) => e.type === "affiliation")).toBeUndefined();
    expect(r.foldedInto.get("nasrallah")).toBe("hezbollah");
  });

  it("does not fold into a group whose kind is hidden", () => {
    const r = applyFilters(fixtureGraph(), { ...defaultFilters(), foldPeople: true, hiddenKinds: ["armed-group"] });
    expect(r.foldedInto.size).toBe(0);
    expect(r.nodes.map((n) => n.id)).toContain("nasrallah");
  });

  it("on a synthetic graph: every shown edge joins shown nodes and counts add up", () => {
    const g = generateSyntheticGraph({ actors: 300, seed: 7 });
    expect(parseGraph(g).ok).toBe(true);
    for (const filters of [defaultFilters(), { ...defaultFilters(), foldPeople: true, hideIsolated: true, minEvidence: 2 }]) {
      const r = applyFilters(g, filters);
      const ids = new Set(r.nodes.map((n) => n.id));
      for (const e of r.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(r.edges.reduce((s, e) => s + e.count, 0)).toBe(r.relations.length);
      const gridTotal = Object.values(r.counts.typeStatus).reduce((s, row) => s + row.asserted + row.intended + row.denied, 0);
      expect(gridTotal).toBe(r.relations.length);
    }
  });
});

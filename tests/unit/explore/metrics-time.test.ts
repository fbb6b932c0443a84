import { describe, expect, it } from "vitest";
import { applyFilters, defaultFilters } from "../../../src/explore/filters";
import { graphStructure } from "../../../src/explore/metrics";
import { binDates } from "../../../src/app/Timeline";
import { generateSyntheticGraph } from "../../../src/graph/synthetic";
import { fixtureGraph } from "./fixture";

describe("graphStructure", () => {
  it("degree, PageRank, betweenness and communities of the shown graph, deterministic", () => {
    const view = applyFilters(fixtureGraph(), defaultFilters());
    const s = graphStructure(
      view.nodes.map((n) => n.id),
      view.edges,
      { betweenness: true },
    );
    // Iran: syria (meeting), hezbollah (aid) → 2 neighbours.
    expect(s.degree.get("iran")).toBe(2);
    expect(s.betweenness!.get("iran")).toBeGreaterThan(0);
    const pr = [...s.pagerank.values()].reduce((a, b) => a + b, 0);
    expect(pr).toBeCloseTo(1, 5);
    // The denied Israel–Syria conflict connects nobody.
    expect(s.degree.get("syria")).toBe(1);
    expect(s.communities).toBeGreaterThanOrEqual(2);
    expect(s.community.has("loner")).toBe(false);
    const again = graphStructure(
      view.nodes.map((n) => n.id),
      view.edges,
      { betweenness: true },
    );
    expect([...again.community]).toEqual([...s.community]);
  });
  it("finds several communities in a synthetic graph, numbered largest first", () => {
    const g = generateSyntheticGraph({ actors: 200, seed: 3 });
    const view = applyFilters(g, defaultFilters());
    const s = graphStructure(
      view.nodes.map((n) => n.id),
      view.edges,
    );
    expect(s.betweenness).toBeNull();
    const sizes = Array.from({ length: s.communities }, (_, c) => [...s.community.values()].filter((x) => x === c).length);
    expect(sizes.length).toBeGreaterThan(2);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });
});

describe("timeline bins", () => {
  it("bins by day, week or 30 days and counts every dated sentence once", () => {
    const by = new Map([
      ["2023-01-01", 2],
      ["2023-01-02", 1],
      ["2023-03-01", 4],
    ]);
    const days = binDates(by, { min: "2023-01-01", max: "2023-03-01" });
    expect(days.unit).toBe("day");
    expect(days.bins).toHaveLength(60);
    expect(days.bins.reduce((n, b) => n + b.count, 0)).toBe(7);
    const weeks = binDates(by, { min: "2023-01-01", max: "2023-12-31" });
    expect(weeks.unit).toBe("week");
    expect(weeks.bins[0].count).toBe(3);
    expect(weeks.bins.reduce((n, b) => n + b.count, 0)).toBe(7);
    expect(binDates(by, { min: "2020-01-01", max: "2023-12-31" }).unit).toBe("30 days");
  });
});

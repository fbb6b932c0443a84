import { beforeAll, describe, expect, it } from "vitest";
import { applyFilters, defaultFilters, toggleTypeStatus } from "../../../src/explore/filters";
import { drawnView, FIRST_VIEW_ACTORS, NO_REVEAL, rankActors, relationsPerActor, revealCommunity, revealMore } from "../../../src/explore/firstView";
import { createActorSearch } from "../../../src/explore/search";
import { generateSyntheticGraph } from "../../../src/graph/synthetic";
import { chooseRenderer } from "../../../src/view/renderer";
import { spreadByRank } from "../../../src/view/spread";
import { fixtureGraph } from "./fixture";

const big = applyFilters(generateSyntheticGraph({ actors: 1500, relationsPerActor: 8, seed: 3 }), defaultFilters());

describe("rankActors", () => {
  it("puts the most connected first, then the most mentioned", () => {
    const ranked = rankActors(big.nodes);
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1], ranked[i]];
      expect(a.relationCount > b.relationCount || (a.relationCount === b.relationCount && a.actor.mentions >= b.actor.mentions)).toBe(true);
    }
    expect(rankActors([...big.nodes].reverse()).map((n) => n.id)).toEqual(ranked.map((n) => n.id));
  });
});

describe("drawnView", () => {
  it("draws a small graph whole, with nothing hidden", () => {
    const small = applyFilters(fixtureGraph(), defaultFilters());
    const d = drawnView(small, NO_REVEAL);
    expect(d).toMatchObject({ partial: false, hiddenActors: 0, hiddenEdges: 0 });
    expect(d.nodes).toBe(small.nodes);
    expect(d.edges).toBe(small.edges);
  });
  it("starts a large graph from its most connected actors, counting what is hidden", () => {
    const d = drawnView(big, NO_REVEAL);
    expect(d.partial).toBe(true);
    expect(d.nodes).toHaveLength(FIRST_VIEW_ACTORS);
    const top = new Set(
      rankActors(big.nodes)
        .slice(0, FIRST_VIEW_ACTORS)
        .map((n) => n.id),
    );
    expect(d.nodes.every((n) => top.has(n.id))).toBe(true);
    // Only lines between drawn actors; the rest are counted.
    expect(d.edges.every((e) => top.has(e.source) && top.has(e.target))).toBe(true);
    expect(d.hiddenActors).toBe(big.nodes.length - FIRST_VIEW_ACTORS);
    expect(d.hiddenEdges).toBe(big.edges.length - d.edges.length);
    // "+N more": each drawn actor's neighbours that are not drawn.
    const [id, n] = [...d.hiddenNeighbours][0];
    const neighbours = new Set(big.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : [])));
    expect(n).toBe([...neighbours].filter((x) => !top.has(x)).length);
  });
  it("grows: +N more reveals an actor's neighbours, a community, show all; kept actors are drawn", () => {
    const first = drawnView(big, NO_REVEAL);
    const [id, n] = [...first.hiddenNeighbours].sort((a, b) => b[1] - a[1])[0];
    const grown = drawnView(big, revealMore(NO_REVEAL, id));
    expect(grown.nodes.length).toBe(first.nodes.length + n);
    expect(grown.hiddenNeighbours.has(id)).toBe(false);
    expect(revealMore(revealMore(NO_REVEAL, id), id).more).toEqual([id]);

    const community = new Map(big.nodes.map((x, i) => [x.id, i % 7]));
    const outsider = big.nodes.find((x) => !first.nodes.some((y) => y.id === x.id))!;
    const withCommunity = drawnView(big, revealCommunity(NO_REVEAL, outsider.id), { community });
    const members = big.nodes.filter((x) => community.get(x.id) === community.get(outsider.id)).map((x) => x.id);
    const drawnIds = new Set(withCommunity.nodes.map((x) => x.id));
    expect(members.every((m) => drawnIds.has(m))).toBe(true);

    expect(drawnView(big, NO_REVEAL, { keep: [outsider.id] }).nodes.some((x) => x.id === outsider.id)).toBe(true);
    expect(drawnView(big, { ...NO_REVEAL, all: true })).toMatchObject({ partial: false, hiddenActors: 0 });
  });
  it("ranks by the whole graph first: a type switched off keeps the same actors drawn, with fewer lines", () => {
    const g = generateSyntheticGraph({ actors: 1500, relationsPerActor: 8, seed: 3 });
    const relations = relationsPerActor(g.relations);
    const all = drawnView(applyFilters(g, defaultFilters()), NO_REVEAL, { relations });
    const less = drawnView(applyFilters(g, toggleTypeStatus(defaultFilters(), "conflict")), NO_REVEAL, { relations });
    expect(less.nodes.map((n) => n.id)).toEqual(all.nodes.map((n) => n.id));
    expect(less.edges.length).toBeLessThan(all.edges.length);
  });
  it("ranks what the filters leave: a filter change re-picks the first view", () => {
    const noConflict = applyFilters(generateSyntheticGraph({ actors: 1500, relationsPerActor: 8, seed: 3 }), toggleTypeStatus(defaultFilters(), "conflict"));
    const d = drawnView(noConflict, NO_REVEAL);
    expect(d.edges.some((e) => e.type === "conflict")).toBe(false);
    expect(d.nodes.length).toBe(FIRST_VIEW_ACTORS);
  });
});

describe("actor search index", () => {
  beforeAll(() => search.prepare?.());
  const g = generateSyntheticGraph({ actors: 20000, relationsPerActor: 2, seed: 1 });
  const search = createActorSearch(g.actors);
  it("finds names by prefix and by word prefix at 20,000 actors, fast", () => {
    const a = g.actors[1234];
    const t0 = performance.now();
    const hits = search(a.name.slice(0, -2), 30);
    const ms = performance.now() - t0;
    expect(hits.some((h) => h.actor.id === a.id)).toBe(true);
    expect(hits[0].score).toBeLessThan(0.2);
    const lastWord = a.name.split(" ").pop()!;
    expect(search(lastWord.slice(0, 3), 200).length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(50);
  });
  it("finds typos once the fuzzy matcher is loaded", () => {
    const a = g.actors.find((x) => x.name.length > 8)!;
    const typo = a.name.slice(0, 3) + a.name.slice(4);
    expect(search(typo, 30).some((h) => h.actor.id === a.id)).toBe(true);
  });
});

describe("chooseRenderer", () => {
  const gpu = "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)";
  it("takes WebGL on a hardware GPU, canvas on a software rasteriser or without WebGL2", () => {
    expect(chooseRenderer({ override: null, glRenderer: gpu, cores: 8 })).toBe("webgl");
    expect(chooseRenderer({ override: null, glRenderer: "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)", cores: 8 })).toBe("canvas");
    expect(chooseRenderer({ override: null, glRenderer: "llvmpipe (LLVM 15.0.6, 256 bits)", cores: 2 })).toBe("canvas");
    expect(chooseRenderer({ override: null, glRenderer: null, cores: 8 })).toBe("canvas");
  });
  it("follows ?renderer=, except WebGL where there is no WebGL2", () => {
    expect(chooseRenderer({ override: "canvas", glRenderer: gpu, cores: 8 })).toBe("canvas");
    expect(chooseRenderer({ override: "webgl", glRenderer: "SwiftShader", cores: 2 })).toBe("webgl");
    expect(chooseRenderer({ override: "webgl", glRenderer: null, cores: 8 })).toBe("canvas");
  });
});

describe("spreadByRank", () => {
  it("keeps each axis's order and opens clumps out to about the gap", () => {
    const nodes = Array.from({ length: 400 }, (_, i) => ({ id: `n${i}`, position: { x: Math.sin(i) * 3, y: Math.cos(i * 1.7) * 2 } }));
    const out = spreadByRank(nodes, 50);
    const byX = [...nodes].sort((a, b) => a.position.x - b.position.x).map((n) => out.get(n.id)!.x);
    expect(byX).toEqual([...byX].sort((a, b) => a - b));
    const pts = [...out.values()];
    const nearest = pts.map((p, i) => Math.min(...pts.map((q, j) => (i === j ? Infinity : Math.hypot(p.x - q.x, p.y - q.y)))));
    const median = nearest.sort((a, b) => a - b)[200];
    expect(median).toBeGreaterThan(20);
    expect(median).toBeLessThan(120);
    expect(spreadByRank([{ id: "a" }]).size).toBe(0);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { applyFilters, defaultFilters, toggleTypeStatus } from "../../../src/explore/filters";
import { createActorSearch } from "../../../src/explore/search";
import { shortestPath } from "../../../src/explore/path";
import { decodeViewState, defaultViewState, encodeViewState, sameViewState, type ViewState } from "../../../src/explore/urlState";
import { fixtureGraph } from "./fixture";

describe("createActorSearch", () => {
  // Typo matching loads on demand (the search box's first focus in the page).
  beforeAll(() => search.prepare?.());
  const search = createActorSearch(fixtureGraph().actors);
  it("finds by name, tolerating typos", () => {
    expect(search("Hezbolah")[0].actor.id).toBe("hezbollah");
    expect(search("iran")[0]).toMatchObject({ actor: { id: "iran" }, matchedAlias: null });
  });
  it("finds by alias and says which alias matched", () => {
    const hit = search("Party of God")[0];
    expect(hit.actor.id).toBe("hezbollah");
    expect(hit.matchedAlias).toBe("Party of God");
  });
  it("is strict with short queries: UAE is the Emirates, not al-Qaeda", () => {
    const actors = [
      { id: "al-qaeda", name: "al-Qaeda", kind: "armed-group" as const, aliases: ["AQ"], mentions: 9, documents: [] },
      { id: "uae", name: "United Arab Emirates", kind: "state" as const, aliases: ["UAE", "Emirates"], mentions: 3, documents: [] },
    ];
    const s = createActorSearch(actors);
    expect(s("UAE").map((h) => h.actor.id)).toEqual(["uae"]);
    expect(s("qae").map((h) => h.actor.id)).toEqual(["al-qaeda"]);
    expect(s("united arab").map((h) => h.actor.id)).toEqual(["uae"]);
  });
  it("returns nothing for an empty query or nonsense", () => {
    expect(search("   ")).toEqual([]);
    expect(search("zzzzqqqq")).toEqual([]);
  });
});

describe("shortestPath", () => {
  it("finds the fewest-hops connection ignoring direction", () => {
    const r = applyFilters(fixtureGraph(), defaultFilters());
    const ids = r.nodes.map((n) => n.id);
    const p = shortestPath(ids, r.edges, "qatar", "hamas");
    expect(p).toMatchObject({ nodes: ["qatar", "hamas"], edges: ["qatar>mediation.asserted>hamas"] });
    expect(p!.steps[0]).toMatchObject({ from: "qatar", to: "hamas", forward: true });
    const p2 = shortestPath(ids, r.edges, "syria", "hezbollah")!;
    expect(p2.nodes).toHaveLength(3);
    expect(p2.nodes[0]).toBe("syria");
    expect(p2.nodes[2]).toBe("hezbollah");
    expect(p2.edges).toHaveLength(2);
    expect(shortestPath(ids, r.edges, "loner", "iran")).toBeNull();
    expect(shortestPath(ids, r.edges, "iran", "iran")).toEqual({ nodes: ["iran"], edges: [], steps: [] });
    // Against the arrow: the step says so; directed search refuses it.
    const back = shortestPath(ids, r.edges, "hamas", "qatar")!;
    expect(back.steps[0]).toMatchObject({ from: "hamas", to: "qatar", forward: false });
    expect(shortestPath(ids, r.edges, "hamas", "qatar", { directed: true })).toBeNull();
    expect(shortestPath(ids, r.edges, "qatar", "hamas", { links: "hostile" })).toBeNull();
    expect(shortestPath(ids, r.edges, "qatar", "hamas", { links: "cooperative" })).not.toBeNull();
  });
  it("goes only through the relation types shown", () => {
    const g = fixtureGraph();
    const all = applyFilters(g, defaultFilters());
    // Syria–Hezbollah: via Iran (meeting + aid) or via Israel (a denied conflict, then a conflict). Hide aid:
    // the denied attack connects nobody, so there is no path.
    const noAid = applyFilters(g, toggleTypeStatus(defaultFilters(), "aid"));
    expect(
      shortestPath(
        noAid.nodes.map((n) => n.id),
        noAid.edges,
        "syria",
        "hezbollah",
      ),
    ).toBeNull();
    expect(
      shortestPath(
        noAid.nodes.map((n) => n.id),
        noAid.edges,
        "israel",
        "hezbollah",
        { links: "hostile", directed: true },
      )!.steps[0],
    ).toMatchObject({ forward: true });
    const viaIran = shortestPath(
      all.nodes.map((n) => n.id),
      all.edges,
      "syria",
      "hezbollah",
      { links: "cooperative" },
    )!;
    expect(viaIran.nodes).toEqual(["syria", "iran", "hezbollah"]);
    const noAidNoConflict = applyFilters(g, toggleTypeStatus(toggleTypeStatus(defaultFilters(), "aid"), "conflict"));
    // Still connected: syria-iran (meeting); iran-hezbollah needs aid — gone; nasrallah criticises israel, affiliation to hezbollah — but israel unreachable from syria.
    expect(
      shortestPath(
        noAidNoConflict.nodes.map((n) => n.id),
        noAidNoConflict.edges,
        "syria",
        "hezbollah",
      ),
    ).toBeNull();
    expect(
      shortestPath(
        all.nodes.map((n) => n.id),
        all.edges,
        "unknown",
        "iran",
      ),
    ).toBeNull();
  });
});

describe("URL view state", () => {
  it("writes nothing for the defaults", () => {
    expect(encodeViewState(defaultViewState())).toBe("");
    expect(decodeViewState("")).toEqual(defaultViewState());
  });
  it("round-trips every field", () => {
    const state: ViewState = {
      filters: {
        hiddenTypeStatus: ["aid.asserted", "conflict.denied"],
        hiddenKinds: ["person"],
        documents: ["doc a/1", "doc,b"].slice(0, 1),
        dateFrom: "2023-01-01",
        dateTo: "2023-12-31",
        minEvidence: 3,
        hideIsolated: false,
        foldPeople: true,
        minConfidence: 0.6,
        hiddenSourceKinds: ["author"],
        speakers: ["actor:iran", "source:two officials"],
        singleSource: true,
      },
      selection: { kind: "edge", id: "iran>aid.asserted>hezbollah" },
      search: "hez & co",
      path: { from: "iran", to: null },
      view: "table",
      hops: 2,
      pathLinks: "hostile",
      pathDirected: true,
      layout: 3,
      sizeBy: "pagerank",
      colorBy: "community",
      reveal: { more: ["a1", "a,2"], communities: ["iran"], all: true },
      renderer: "webgl",
    };
    const qs = encodeViewState(state);
    expect(decodeViewState(qs)).toEqual(state);
    expect(decodeViewState("?" + qs)).toEqual(state);
    expect(sameViewState(decodeViewState(qs), state)).toBe(true);
  });
  it("ignores values it cannot read", () => {
    const s = decodeViewState("hide=aid.asserted,bogus.x&kinds=alien,state&minev=-4&from=yesterday&view=3d&isolated=maybe");
    expect(s.filters.hiddenTypeStatus).toEqual(["aid.asserted"]);
    expect(s.filters.hiddenKinds).toEqual(["state"]);
    expect(s.filters.minEvidence).toBe(1);
    expect(s.filters.dateFrom).toBeNull();
    expect(s.filters.hideIsolated).toBe(true);
    expect(s.view).toBe("graph");
  });
  it("keeps a pair selection", () => {
    const s = decodeViewState("pair=iran,hezbollah");
    expect(s.selection).toEqual({ kind: "pair", a: "iran", b: "hezbollah" });
    expect(encodeViewState(s)).toBe("pair=iran%2Chezbollah");
  });
});

// View state ⇄ URL query string, so a view can be shared, reloaded and walked
// back and forth with the browser's history. Only values that differ from the
// defaults are written; anything unreadable in a URL falls back to the default.
import { ACTOR_KINDS, ATTRIBUTION_KINDS, type ActorKind } from "../graph/schema";
import { ALL_TYPE_STATUS_KEYS, defaultFilters, type Filters } from "./filters";
import type { PathLinks } from "./path";
import { NO_REVEAL, type Reveal } from "./firstView";

export type Selection = { kind: "actor"; id: string } | { kind: "edge"; id: string } | { kind: "pair"; a: string; b: string } | null;

export type SizeBy = "relations" | "degree" | "betweenness" | "pagerank";
export type ColorBy = "kind" | "community";

export interface ViewState {
  filters: Filters;
  selection: Selection;
  /** Text in the search box. */
  search: string;
  /** Path endpoints (actor ids); either may be unset while picking. */
  path: { from: string | null; to: string | null };
  /** Which main view is up. */
  view: "graph" | "table";
  /** Neighbourhood depth highlighted around a selected actor. */
  hops: 1 | 2;
  /** Which links the path may use, and whether it follows relation direction. */
  pathLinks: PathLinks;
  pathDirected: boolean;
  /** Seed of the last in-browser re-layout (0: the positions from the file). */
  layout: number;
  /** What node size (and the label priority) follows; what node colour shows. */
  sizeBy: SizeBy;
  colorBy: ColorBy;
  /** How a large graph's first view has been grown (src/explore/firstView.ts). */
  reveal: Reveal;
  /** Renderer asked for in the address (`?renderer=canvas|webgl`); "auto": chosen for this machine. */
  renderer: "auto" | "canvas" | "webgl";
}

export function defaultViewState(): ViewState {
  return {
    filters: defaultFilters(),
    selection: null,
    search: "",
    path: { from: null, to: null },
    view: "graph",
    hops: 1,
    pathLinks: "any",
    pathDirected: false,
    layout: 0,
    sizeBy: "relations",
    colorBy: "kind",
    reveal: { ...NO_REVEAL, more: [], communities: [] },
    renderer: "auto",
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function encodeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  const f = state.filters;
  if (f.hiddenTypeStatus.length) p.set("hide", [...f.hiddenTypeStatus].sort().join(","));
  if (f.hiddenKinds.length) p.set("kinds", [...f.hiddenKinds].sort().join(","));
  if (f.documents.length) p.set("docs", [...f.documents].sort().join(","));
  if (f.dateFrom) p.set("from", f.dateFrom);
  if (f.dateTo) p.set("to", f.dateTo);
  if (f.minEvidence > 1) p.set("minev", String(f.minEvidence));
  if (!f.hideIsolated) p.set("isolated", "show");
  if (f.foldPeople) p.set("fold", "1");
  if (f.minConfidence > 0) p.set("minconf", String(Math.round(f.minConfidence * 100) / 100));
  if (f.hiddenSourceKinds.length) p.set("nosrc", [...f.hiddenSourceKinds].sort().join(","));
  if (f.speakers.length) p.set("by", [...f.speakers].sort().join("|"));
  if (f.singleSource) p.set("single", "1");
  const sel = state.selection;
  if (sel?.kind === "pair") p.set("pair", `${sel.a},${sel.b}`);
  else if (sel) p.set(sel.kind, sel.id);
  if (state.search) p.set("q", state.search);
  if (state.path.from) p.set("pathFrom", state.path.from);
  if (state.path.to) p.set("pathTo", state.path.to);
  if (state.view !== "graph") p.set("view", state.view);
  if (state.hops !== 1) p.set("hops", String(state.hops));
  if (state.pathLinks !== "any") p.set("links", state.pathLinks);
  if (state.pathDirected) p.set("directed", "1");
  if (state.layout) p.set("layout", String(state.layout));
  if (state.sizeBy !== "relations") p.set("size", state.sizeBy);
  if (state.colorBy !== "kind") p.set("color", state.colorBy);
  if (state.reveal.more.length) p.set("more", state.reveal.more.join("|"));
  if (state.reveal.communities.length) p.set("grow", state.reveal.communities.join("|"));
  if (state.reveal.all) p.set("all", "1");
  if (state.renderer !== "auto") p.set("renderer", state.renderer);
  return p.toString();
}

/** Reads a query string (with or without the leading "?"). Never throws. */
export function decodeViewState(search: string): ViewState {
  const p = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const state = defaultViewState();
  const list = (key: string) =>
    (p.get(key) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  state.filters.hiddenTypeStatus = ALL_TYPE_STATUS_KEYS.filter((k) => list("hide").includes(k));
  state.filters.hiddenKinds = ACTOR_KINDS.filter((k) => list("kinds").includes(k)) as ActorKind[];
  state.filters.documents = [...new Set(list("docs"))];
  const from = p.get("from");
  const to = p.get("to");
  state.filters.dateFrom = from && ISO_DATE.test(from) ? from : null;
  state.filters.dateTo = to && ISO_DATE.test(to) ? to : null;
  const minev = Number(p.get("minev"));
  state.filters.minEvidence = Number.isInteger(minev) && minev > 1 ? minev : 1;
  state.filters.hideIsolated = p.get("isolated") !== "show";
  state.filters.foldPeople = p.get("fold") === "1";
  const minconf = Number(p.get("minconf"));
  state.filters.minConfidence = Number.isFinite(minconf) && minconf > 0 && minconf <= 1 ? minconf : 0;
  state.filters.hiddenSourceKinds = ATTRIBUTION_KINDS.filter((k) => list("nosrc").includes(k));
  state.filters.speakers = [...new Set((p.get("by") ?? "").split("|").filter(Boolean))];
  state.filters.singleSource = p.get("single") === "1";
  const actor = p.get("actor");
  const edge = p.get("edge");
  const pair = (p.get("pair") ?? "").split(",").filter(Boolean);
  state.selection = actor
    ? { kind: "actor", id: actor }
    : edge
      ? { kind: "edge", id: edge }
      : pair.length === 2 && pair[0] !== pair[1]
        ? { kind: "pair", a: pair[0], b: pair[1] }
        : null;
  state.search = p.get("q") ?? "";
  state.path = { from: p.get("pathFrom") || null, to: p.get("pathTo") || null };
  state.view = p.get("view") === "table" ? "table" : "graph";
  state.hops = p.get("hops") === "2" ? 2 : 1;
  const links = p.get("links");
  state.pathLinks = links === "cooperative" || links === "hostile" ? links : "any";
  state.pathDirected = p.get("directed") === "1";
  const layout = Number(p.get("layout"));
  state.layout = Number.isInteger(layout) && layout > 0 ? layout : 0;
  const size = p.get("size");
  state.sizeBy = size === "degree" || size === "betweenness" || size === "pagerank" ? size : "relations";
  state.colorBy = p.get("color") === "community" ? "community" : "kind";
  const ids = (key: string) => [...new Set((p.get(key) ?? "").split("|").filter(Boolean))];
  state.reveal = { more: ids("more"), communities: ids("grow"), all: p.get("all") === "1" };
  const renderer = p.get("renderer");
  state.renderer = renderer === "canvas" || renderer === "webgl" ? renderer : "auto";
  return state;
}

/** Whether two states would write the same URL (to avoid pushing duplicate history entries). */
export function sameViewState(a: ViewState, b: ViewState): boolean {
  return encodeViewState(a) === encodeViewState(b);
}

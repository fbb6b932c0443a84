// View state ⇄ URL query string, so a view can be shared, reloaded and walked
// back and forth with the browser's history. Only values that differ from the
// defaults are written; anything unreadable in a URL falls back to the default.
import { ACTOR_KINDS, type ActorKind } from "../graph/schema";
import { ALL_TYPE_STATUS_KEYS, defaultFilters, type Filters } from "./filters";

export type Selection = { kind: "actor"; id: string } | { kind: "edge"; id: string } | null;

export interface ViewState {
  filters: Filters;
  selection: Selection;
  /** Text in the search box. */
  search: string;
  /** Path endpoints (actor ids); either may be unset while picking. */
  path: { from: string | null; to: string | null };
  /** Which main view is up. */
  view: "graph" | "table";
}

export function defaultViewState(): ViewState {
  return { filters: defaultFilters(), selection: null, search: "", path: { from: null, to: null }, view: "graph" };
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
  if (f.hideIsolated) p.set("isolated", "hide");
  if (f.foldPeople) p.set("fold", "1");
  if (state.selection) p.set(state.selection.kind === "actor" ? "actor" : "edge", state.selection.id);
  if (state.search) p.set("q", state.search);
  if (state.path.from) p.set("pathFrom", state.path.from);
  if (state.path.to) p.set("pathTo", state.path.to);
  if (state.view !== "graph") p.set("view", state.view);
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
  state.filters.hideIsolated = p.get("isolated") === "hide";
  state.filters.foldPeople = p.get("fold") === "1";
  const actor = p.get("actor");
  const edge = p.get("edge");
  state.selection = actor ? { kind: "actor", id: actor } : edge ? { kind: "edge", id: edge } : null;
  state.search = p.get("q") ?? "";
  state.path = { from: p.get("pathFrom") || null, to: p.get("pathTo") || null };
  state.view = p.get("view") === "table" ? "table" : "graph";
  return state;
}

/** Whether two states would write the same URL (to avoid pushing duplicate history entries). */
export function sameViewState(a: ViewState, b: ViewState): boolean {
  return encodeViewState(a) === encodeViewState(b);
}

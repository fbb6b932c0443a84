// What of the filtered graph is drawn. A small graph is drawn whole. A large one
// starts from its most connected actors (a few hundred) with the relations among
// them, and grows on demand: "+N more" on an actor reveals its hidden neighbours,
// a community can be drawn whole, and "show all" draws everything. Actors the
// view needs (the selection, a path, a search pick) are always drawn. Every drawn
// actor knows how many of its neighbours are hidden, and the totals hidden are
// returned for the status line. Pure; no React, no drawing.
import type { AggregatedEdge } from "./aggregate";
import type { VisibleNode } from "./filters";

/** How the first view has been grown (kept in the URL). */
export interface Reveal {
  /** Actors whose hidden neighbours are drawn ("+N more"). */
  more: string[];
  /** Actors whose whole community is drawn. */
  communities: string[];
  /** Everything is drawn. */
  all: boolean;
}

export const NO_REVEAL: Reveal = Object.freeze({ more: [], communities: [], all: false }) as Reveal;

/** Up to this many filtered actors the graph is drawn whole. */
export const DRAW_WHOLE_UP_TO = 400;
/** How many of the most connected actors a large graph starts from. */
export const FIRST_VIEW_ACTORS = 300;

export interface RankingContext {
  /** Relations per actor in the whole graph, whatever the filters. */
  relations?: ReadonlyMap<string, number>;
}

/** How actors are ranked for the first view: by each rule in turn, the higher first; ties by id. */
export const RANKING_RULES: { name: string; score: (n: VisibleNode, context: RankingContext) => number }[] = [
  // Rules that do not change with the filters: a filter change keeps the same actors drawn (and in place), only
  // fewer lines. (Without the whole graph's counts, the shown relations.)
  { name: "relations in the whole graph", score: (n, c) => c.relations?.get(n.id) ?? n.relationCount },
  { name: "mentions in the articles", score: (n) => n.actor.mentions },
  { name: "articles naming it", score: (n) => n.actor.documents.length },
];

export function rankActors(nodes: readonly VisibleNode[], context: RankingContext = {}): VisibleNode[] {
  const scores = new Map(nodes.map((n) => [n.id, RANKING_RULES.map((r) => r.score(n, context))]));
  return [...nodes].sort((a, b) => {
    const sa = scores.get(a.id)!;
    const sb = scores.get(b.id)!;
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i] - sa[i];
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export interface DrawnView {
  nodes: VisibleNode[];
  edges: AggregatedEdge[];
  /** Drawn actor → how many of its neighbours (in the filtered graph) are not drawn. Only for drawn actors with some. */
  hiddenNeighbours: Map<string, number>;
  /** Filtered actors and lines not drawn. */
  hiddenActors: number;
  hiddenEdges: number;
  /** Whether this is a partial view of a large graph (false: drawn whole). */
  partial: boolean;
}

export interface DrawOptions {
  /** Actors that must be drawn (the selection, a path). */
  keep?: Iterable<string>;
  /** Community per actor, needed to draw `reveal.communities` (until it is known those are not drawn). */
  community?: ReadonlyMap<string, number> | null;
  /** Relations per actor in the whole graph (the first ranking rule; see `relationsPerActor`). */
  relations?: ReadonlyMap<string, number>;
  /** `view.nodes` already ranked (rankActors), so a selection change does not sort again. */
  ranked?: readonly VisibleNode[];
  wholeUpTo?: number;
  firstActors?: number;
}

export function drawnView(view: { nodes: VisibleNode[]; edges: AggregatedEdge[] }, reveal: Reveal, options: DrawOptions = {}): DrawnView {
  const wholeUpTo = options.wholeUpTo ?? DRAW_WHOLE_UP_TO;
  if (reveal.all || view.nodes.length <= wholeUpTo) {
    return { nodes: view.nodes, edges: view.edges, hiddenNeighbours: new Map(), hiddenActors: 0, hiddenEdges: 0, partial: false };
  }
  const present = new Set(view.nodes.map((n) => n.id));
  const drawn = new Set((options.ranked ?? rankActors(view.nodes, { relations: options.relations })).slice(0, options.firstActors ?? FIRST_VIEW_ACTORS).map((n) => n.id));
  for (const id of options.keep ?? []) if (present.has(id)) drawn.add(id);
  if (reveal.more.length) {
    const more = new Set(reveal.more.filter((id) => present.has(id)));
    for (const id of more) drawn.add(id);
    for (const e of view.edges) {
      if (more.has(e.source)) drawn.add(e.target);
      if (more.has(e.target)) drawn.add(e.source);
    }
  }
  const community = options.community;
  if (reveal.communities.length && community) {
    const wanted = new Set(reveal.communities.map((id) => community.get(id)).filter((c) => c !== undefined));
    for (const n of view.nodes) if (wanted.has(community.get(n.id)!)) drawn.add(n.id);
    for (const id of reveal.communities) if (present.has(id)) drawn.add(id);
  }
  const edges: AggregatedEdge[] = [];
  const hiddenOf = new Map<string, Set<string>>();
  const hide = (at: string, other: string) => {
    let s = hiddenOf.get(at);
    if (!s) hiddenOf.set(at, (s = new Set()));
    s.add(other);
  };
  for (const e of view.edges) {
    const s = drawn.has(e.source);
    const t = drawn.has(e.target);
    if (s && t) edges.push(e);
    else if (s) hide(e.source, e.target);
    else if (t) hide(e.target, e.source);
  }
  const nodes = view.nodes.filter((n) => drawn.has(n.id));
  return {
    nodes,
    edges,
    hiddenNeighbours: new Map([...hiddenOf].map(([id, s]) => [id, s.size])),
    hiddenActors: view.nodes.length - nodes.length,
    hiddenEdges: view.edges.length - edges.length,
    partial: true,
  };
}

/** Grows the view by one step; a step already taken is not repeated. */
export function revealMore(reveal: Reveal, actor: string): Reveal {
  return reveal.more.includes(actor) ? reveal : { ...reveal, more: [...reveal.more, actor] };
}

export function revealCommunity(reveal: Reveal, actor: string): Reveal {
  return reveal.communities.includes(actor) ? reveal : { ...reveal, communities: [...reveal.communities, actor] };
}

/** Relations per actor in the whole graph (a relation counts for both its ends). */
export function relationsPerActor(relations: readonly { source: string; target: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of relations) {
    out.set(r.source, (out.get(r.source) ?? 0) + 1);
    out.set(r.target, (out.get(r.target) ?? 0) + 1);
  }
  return out;
}

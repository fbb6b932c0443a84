// Structure of the shown graph (graphology): degree, betweenness, PageRank and
// Louvain communities, over the drawn edges as one undirected simple graph
// (denied relations excluded: they connect nobody). Pure; no drawing.
import Graph from "graphology";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import pagerank from "graphology-metrics/centrality/pagerank";
import louvain from "graphology-communities-louvain";
import type { AggregatedEdge } from "./aggregate";
import { seededRandom } from "../graph/random";

export interface Structure {
  degree: Map<string, number>;
  pagerank: Map<string, number>;
  /** Normalised betweenness; computed only when asked (it is the slow one). */
  betweenness: Map<string, number> | null;
  /** Community number per actor (0 = largest); actors without shown links get none. */
  community: Map<string, number>;
  communities: number;
}

function buildGraph(nodeIds: readonly string[], edges: readonly AggregatedEdge[]): Graph {
  const g = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const id of nodeIds) g.addNode(id);
  for (const e of edges) {
    if (e.status === "denied" || e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    if (g.hasEdge(e.source, e.target)) g.updateEdgeAttribute(e.source, e.target, "weight", (w: number) => w + e.evidenceCount);
    else g.addEdge(e.source, e.target, { weight: e.evidenceCount });
  }
  return g;
}

export function graphStructure(nodeIds: readonly string[], edges: readonly AggregatedEdge[], options: { betweenness?: boolean } = {}): Structure {
  const g = buildGraph(nodeIds, edges);
  const degree = new Map<string, number>();
  g.forEachNode((n) => degree.set(n, g.degree(n)));
  const pr = g.size > 0 ? pagerank(g, { getEdgeWeight: null }) : {};
  const bt = options.betweenness && g.size > 0 ? betweennessCentrality(g, { normalized: true }) : null;
  const community = new Map<string, number>();
  let communities = 0;
  if (g.size > 0) {
    const linked = g.copy();
    linked.forEachNode((n) => {
      if (linked.degree(n) === 0) linked.dropNode(n);
    });
    const raw = louvain(linked, { rng: seededRandom(7), getEdgeWeight: "weight" });
    // Renumber by size, largest first, so colours are stable and the big groups get the clearest ones.
    const sizes = new Map<number, number>();
    for (const c of Object.values(raw)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    const order = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
    const rank = new Map(order.map((c, i) => [c, i]));
    for (const [n, c] of Object.entries(raw)) community.set(n, rank.get(c)!);
    communities = order.length;
  }
  return {
    degree,
    pagerank: new Map(Object.entries(pr)),
    betweenness: bt ? new Map(Object.entries(bt)) : null,
    community,
    communities,
  };
}

// Shortest connection between two actors through the edges now shown, with
// graphology-shortest-path on a graph built from exactly those edges. The user
// chooses which links count (cooperative, hostile or any; denied ones never do)
// and whether direction matters; every step says which way its relation goes.
import Graph from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted";
import type { RelationType } from "../graph/schema";
import type { AggregatedEdge } from "./aggregate";

export type PathLinks = "cooperative" | "hostile" | "any";

/** Hostile relation types; the rest (diplomacy, meeting, support, aid, concession, mediation, affiliation) are cooperative. */
export const HOSTILE_TYPES: ReadonlySet<RelationType> = new Set<RelationType>(["criticism", "conflict"]);

export interface PathOptions {
  links?: PathLinks;
  /** Follow directed relations only from their source to their target. */
  directed?: boolean;
}

export interface PathStep {
  /** The actor the step leaves and the one it reaches, in path order. */
  from: string;
  to: string;
  /** The drawn edge taken. */
  edge: string;
  /** True when the relation runs from `from` to `to` (or is two-sided); false when it runs against the path. */
  forward: boolean;
  /** Two-sided relation (meeting, ties between). */
  mutual: boolean;
}

export interface PathResult {
  /** Actor ids from `from` to `to`. */
  nodes: string[];
  /** Edge ids along the path, one fewer than nodes. */
  edges: string[];
  steps: PathStep[];
}

export function linkAllowed(e: Pick<AggregatedEdge, "type" | "status">, links: PathLinks): boolean {
  if (e.status === "denied") return false; // a denied relation connects nobody
  if (links === "any") return true;
  return HOSTILE_TYPES.has(e.type) === (links === "hostile");
}

/** Fewest-hops path; null when the two are not connected by the allowed edges. */
export function shortestPath(nodeIds: readonly string[], edges: readonly AggregatedEdge[], from: string, to: string, options: PathOptions = {}): PathResult | null {
  const links = options.links ?? "any";
  const directed = options.directed ?? false;
  const ids = new Set(nodeIds);
  if (!ids.has(from) || !ids.has(to)) return null;
  if (from === to) return { nodes: [from], edges: [], steps: [] };
  const g = new Graph({ type: directed ? "directed" : "undirected", multi: false, allowSelfLoops: false });
  for (const id of nodeIds) g.addNode(id);
  // Per ordered pair, the edges that may be walked that way (best first: more evidence, then asserted).
  const walk = new Map<string, AggregatedEdge[]>();
  const add = (a: string, b: string, e: AggregatedEdge) => {
    const key = `${a}\u0000${b}`;
    const list = walk.get(key) ?? [];
    list.push(e);
    walk.set(key, list);
    if (!g.hasEdge(a, b)) g.addEdge(a, b);
  };
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target || !linkAllowed(e, links)) continue;
    add(e.source, e.target, e);
    if (!directed || !e.directed) add(e.target, e.source, e);
  }
  const nodes = bidirectional(g, from, to);
  if (!nodes) return null;
  const steps: PathStep[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const [a, b] = [nodes[i], nodes[i + 1]];
    const options = [...(walk.get(`${a}\u0000${b}`) ?? []), ...(directed ? [] : (walk.get(`${b}\u0000${a}`) ?? []))];
    const score = (e: AggregatedEdge) => (e.source === a || !e.directed ? 1000 : 0) + (e.status === "asserted" ? 100 : 0) + e.evidenceCount;
    const best = options.sort((x, y) => score(y) - score(x) || x.id.localeCompare(y.id))[0];
    steps.push({ from: a, to: b, edge: best.id, forward: !best.directed || best.source === a, mutual: !best.directed });
  }
  return { nodes, edges: steps.map((s) => s.edge), steps };
}

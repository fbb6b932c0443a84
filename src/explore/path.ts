// Shortest connection between two actors through the edges now shown.
// Uses cytoscape headless for the graph algorithm only (no drawing, no DOM).
import cytoscape from "cytoscape";
import type { AggregatedEdge } from "./aggregate";

export interface PathResult {
  /** Actor ids from `from` to `to`. */
  nodes: string[];
  /** Edge ids along the path, one fewer than nodes. */
  edges: string[];
}

/**
 * Fewest-hops path, ignoring edge direction (a connection is a connection).
 * Returns null when the two are not connected by the given edges.
 */
export function shortestPath(nodeIds: readonly string[], edges: readonly AggregatedEdge[], from: string, to: string): PathResult | null {
  const ids = new Set(nodeIds);
  if (!ids.has(from) || !ids.has(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const cy = cytoscape({ headless: true, styleEnabled: false });
  try {
    cy.add(nodeIds.map((id) => ({ group: "nodes" as const, data: { id } })));
    cy.add(
      edges
        .filter((e) => ids.has(e.source) && ids.has(e.target))
        .map((e) => ({ group: "edges" as const, data: { id: e.id, source: e.source, target: e.target } })),
    );
    const result = cy.elements().aStar({ root: cy.getElementById(from), goal: cy.getElementById(to), directed: false });
    if (!result.found) return null;
    return {
      nodes: result.path.nodes().map((n) => n.id()),
      edges: result.path.edges().map((e) => e.id()),
    };
  } finally {
    cy.destroy();
  }
}

// Build-time layout: runs cytoscape headless + fcose in Node and writes
// actors[].position, so the app's first paint needs no layout.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import type { Graph } from "../graph/schema";
import { seededRandom } from "../graph/random";

let registered = false;
function ensureFcose() {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
}

export interface LayoutOptions {
  /** "draft" is much faster and fine above ~1000 actors; "default" looks better. */
  quality?: "draft" | "default" | "proof";
  seed?: number;
}

/**
 * Returns a copy of the graph with every actor's `position` set. Deterministic:
 * fcose draws from Math.random (spectral sampling), so Math.random is swapped
 * for a seeded generator while the (synchronous, headless) layout runs.
 */
export function layoutGraph(graph: Graph, options: LayoutOptions = {}): Graph {
  ensureFcose();
  const quality = options.quality ?? (graph.actors.length > 1000 ? "draft" : "default");
  const cy = cytoscape({ headless: true, styleEnabled: true });
  try {
    const ids = new Set(graph.actors.map((a) => a.id));
    const pairs = new Set<string>();
    cy.add(graph.actors.map((a) => ({ group: "nodes" as const, data: { id: a.id } })));
    const edges: cytoscape.ElementDefinition[] = [];
    // One edge per connected pair is enough for the layout's springs.
    for (const r of graph.relations) {
      if (!ids.has(r.source) || !ids.has(r.target) || r.source === r.target) continue;
      const key = r.source < r.target ? `${r.source}\u0000${r.target}` : `${r.target}\u0000${r.source}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      edges.push({ group: "edges", data: { id: `e${edges.length}`, source: r.source, target: r.target } });
    }
    cy.add(edges);
    // Nodes need a size for fcose's overlap handling; headless has no stylesheet sizes.
    cy.style([{ selector: "node", style: { width: 30, height: 30 } }]);
    const realRandom = Math.random;
    Math.random = seededRandom(options.seed ?? 42);
    try {
      cy.layout({
        name: "fcose",
        quality,
        randomize: true,
        animate: false,
        fit: false,
        nodeDimensionsIncludeLabels: false,
        idealEdgeLength: () => 80,
        nodeRepulsion: () => 6000,
        packComponents: true,
      } as cytoscape.LayoutOptions).run();
    } finally {
      Math.random = realRandom;
    }
    const positions = new Map<string, { x: number; y: number }>();
    cy.nodes().forEach((n) => {
      const p = n.position();
      positions.set(n.id(), { x: round(p.x), y: round(p.y) });
    });
    return { ...graph, actors: graph.actors.map((a) => ({ ...a, position: positions.get(a.id) ?? { x: 0, y: 0 } })) };
  } finally {
    cy.destroy();
  }
}

function round(v: number): number {
  return Number.isFinite(v) ? Math.round(v * 10) / 10 : 0;
}

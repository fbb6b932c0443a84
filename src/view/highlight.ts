// Selection, neighbourhood and path highlighting as classes, in one batch.
import type cytoscape from "cytoscape";

export interface HighlightSpec {
  actor: string | null;
  edge: string | null;
  /** Neighbourhood depth around the selected actor (1 or 2). */
  hops: 1 | 2;
  path: { nodes: string[]; edges: string[] } | null;
  /** Two actors selected together: both, and every line between them. */
  pair?: [string, string] | null;
  /** Actors matching the search box (marked, not faded). */
  searchHits?: string[];
}

export function applyHighlight(cy: cytoscape.Core, spec: HighlightSpec): void {
  cy.batch(() => {
    let keep: cytoscape.CollectionReturnValue | null = null;
    let focus = cy.collection();
    if (spec.actor) {
      const node = cy.getElementById(spec.actor);
      if (node.nonempty()) {
        let hood = node.closedNeighborhood();
        if (spec.hops === 2) hood = hood.union(hood.nodes().closedNeighborhood());
        keep = hood;
        focus = focus.union(node);
      }
    } else if (spec.edge) {
      const edge = cy.getElementById(spec.edge);
      if (edge.nonempty()) {
        keep = edge.union(edge.connectedNodes());
        focus = focus.union(edge);
      }
    }
    if (!spec.actor && !spec.edge && spec.pair) {
      const [a, b] = spec.pair.map((id) => cy.getElementById(id));
      if (a.nonempty() && b.nonempty()) {
        const between = a.edgesWith(b);
        keep = a.union(b).union(between);
        focus = focus.union(a).union(b).union(between);
      }
    }
    let hits = cy.collection();
    for (const id of spec.searchHits ?? []) hits = hits.union(cy.getElementById(id));
    let onPath = cy.collection();
    if (spec.path && spec.path.nodes.length > 0) {
      for (const id of [...spec.path.nodes, ...spec.path.edges]) onPath = onPath.union(cy.getElementById(id));
      keep = keep ? keep.union(onPath) : onPath;
    }
    const faded = keep ? cy.elements().difference(keep) : cy.collection();
    // Change classes only where they change: each class change costs a style recalculation.
    setClass(cy, "faded", faded);
    setClass(cy, "focus", focus);
    setClass(cy, "on-path", onPath);
    setClass(cy, "search-hit", hits);
  });
}

function setClass(cy: cytoscape.Core, cls: string, wanted: cytoscape.CollectionArgument): void {
  const current = cy.elements(`.${cls}`);
  current.difference(wanted).removeClass(cls);
  (wanted as cytoscape.Collection).difference(current).addClass(cls);
}

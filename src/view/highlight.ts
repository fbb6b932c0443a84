// Selection, neighbourhood and path highlighting as classes, in one batch.
import type cytoscape from "cytoscape";

export interface HighlightSpec {
  actor: string | null;
  edge: string | null;
  /** Neighbourhood depth around the selected actor (1 or 2). */
  hops: 1 | 2;
  path: { nodes: string[]; edges: string[] } | null;
}

export function applyHighlight(cy: cytoscape.Core, spec: HighlightSpec): void {
  cy.batch(() => {
    cy.elements().removeClass("faded focus on-path");
    let keep: cytoscape.CollectionReturnValue | null = null;
    if (spec.actor) {
      const node = cy.getElementById(spec.actor);
      if (node.nonempty()) {
        let hood = node.closedNeighborhood();
        if (spec.hops === 2) hood = hood.union(hood.nodes().closedNeighborhood());
        keep = hood;
        node.addClass("focus");
      }
    } else if (spec.edge) {
      const edge = cy.getElementById(spec.edge);
      if (edge.nonempty()) {
        keep = edge.union(edge.connectedNodes());
        edge.addClass("focus");
      }
    }
    if (spec.path && spec.path.nodes.length > 0) {
      const onPath = cy.collection();
      for (const id of [...spec.path.nodes, ...spec.path.edges]) onPath.merge(cy.getElementById(id));
      onPath.addClass("on-path");
      keep = keep ? keep.union(onPath) : onPath;
    }
    if (keep) cy.elements().difference(keep).addClass("faded");
  });
}

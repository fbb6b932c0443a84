// Marks what comes from added articles on the graph (class "added": an amber
// halo), after the elements are in sync. The rule is added to the instance's
// stylesheet once.
import { useEffect } from "react";
import type cytoscape from "cytoscape";
import type { AddedMarks } from "../added/merge";

const styled = new WeakSet<cytoscape.Core>();

export function useAddedMarks(cy: cytoscape.Core | null, marks: AddedMarks | undefined, edges: readonly { id: string; relationIds: string[] }[], elements: unknown): void {
  useEffect(() => {
    if (!cy) return;
    if (!styled.has(cy)) {
      styled.add(cy);
      cy.style()
        .selector("node.added")
        .style({ "underlay-color": "#f59e0b", "underlay-opacity": 0.45, "underlay-padding": 6, "underlay-shape": "ellipse" } as cytoscape.Css.Node)
        .selector("edge.added")
        .style({ "underlay-color": "#f59e0b", "underlay-opacity": 0.35, "underlay-padding": 3 } as cytoscape.Css.Edge)
        .update();
    }
    const actors = marks?.actors ?? new Set<string>();
    const relations = marks?.relations ?? new Set<string>();
    cy.batch(() => {
      cy.elements(".added").removeClass("added");
      if (!actors.size && !relations.size) return;
      for (const id of actors) cy.getElementById(id).addClass("added");
      for (const e of edges) if (e.relationIds.some((r) => relations.has(r))) cy.getElementById(e.id).addClass("added");
    });
    cy.container()?.setAttribute("data-added-marks", String(cy.elements(".added").length));
  }, [cy, marks, edges, elements]);
}

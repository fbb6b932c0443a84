// Marks what comes from added articles on the graph (class "added": an amber
// halo, a rule of src/view/stylesheet.ts), after the elements are in sync.
import { useEffect } from "react";
import type cytoscape from "cytoscape";
import type { AddedMarks } from "../added/merge";

export function useAddedMarks(cy: cytoscape.Core | null, marks: AddedMarks | undefined, edges: readonly { id: string; relationIds: string[] }[], elements: unknown): void {
  useEffect(() => {
    if (!cy) return;
    const actors = marks?.actors ?? new Set<string>();
    const relations = marks?.relations ?? new Set<string>();
    const marked = cy.elements(".added");
    cy.batch(() => {
      // Nothing added (the usual page): no class change at all.
      if (marked.nonempty()) marked.removeClass("added");
      for (const id of actors) cy.getElementById(id).addClass("added");
      if (relations.size) for (const e of edges) if (e.relationIds.some((r) => relations.has(r))) cy.getElementById(e.id).addClass("added");
    });
    cy.container()?.setAttribute("data-added-marks", String(cy.elements(".added").length));
  }, [cy, marks, edges, elements]);
}

// Every data, class or scratch change on a Cytoscape element costs it a style recalculation, and a change on the
// core restyles every element. The view keeps its own bookkeeping out of Cytoscape, so a filter or a label
// placement restyles only what it changes.
import cytoscape from "cytoscape";
import { afterEach, describe, expect, it } from "vitest";
import { placeLabels } from "../../../src/view/labels";
import { syncElements } from "../../../src/view/useCytoscape";

const node = (id: string, size: number, classes = "") => ({ group: "nodes" as const, data: { id, label: id, size }, classes, position: { x: size * 10, y: 0 } });
const edge = (id: string, source: string, target: string) => ({ group: "edges" as const, data: { id, source, target } });

let cy: cytoscape.Core | null = null;
afterEach(() => {
  cy?.destroy();
  cy = null;
});

function restyledIds(core: cytoscape.Core, run: () => void): string[] {
  const ids: string[] = [];
  const count = (e: cytoscape.EventObject) => void ids.push(e.target.id());
  core.on("style", "*", count);
  run();
  core.off("style", "*", count);
  return [...new Set(ids)].sort();
}

describe("the view restyles only what changed", () => {
  const elements = () => [node("a", 1, "has-more"), node("b", 2), node("c", 3), edge("ab", "a", "b"), edge("bc", "b", "c")];

  it("a sync that changes one actor's size restyles that actor alone", () => {
    cy = cytoscape({ headless: true, styleEnabled: true });
    syncElements(cy, elements(), new Map());
    const next = elements();
    next[1] = node("b", 5);
    expect(restyledIds(cy, () => syncElements(cy!, next, new Map()))).toEqual(["b"]);
    expect(cy.getElementById("b").data("size")).toBe(5);
  });

  it("classes from the definition are replaced, classes the view added are kept", () => {
    cy = cytoscape({ headless: true, styleEnabled: true });
    syncElements(cy, elements(), new Map());
    cy.getElementById("a").addClass("labelled");
    const next = elements();
    next[0] = node("a", 1, "");
    expect(restyledIds(cy, () => syncElements(cy!, next, new Map()))).toEqual(["a"]);
    expect(cy.getElementById("a").hasClass("has-more")).toBe(false);
    expect(cy.getElementById("a").hasClass("labelled")).toBe(true);
    // An element removed and added again starts from its definition's classes.
    syncElements(
      cy,
      next.filter((e) => e.data.id !== "c" && e.data.id !== "bc"),
      new Map(),
    );
    syncElements(cy, [...next.slice(0, 2), node("c", 3, "has-more"), ...next.slice(3)], new Map());
    expect(cy.getElementById("c").hasClass("has-more")).toBe(true);
  });

  it("placing labels restyles no line and no actor whose label stays as it was", () => {
    cy = cytoscape({ headless: true, styleEnabled: true });
    syncElements(cy, elements(), new Map());
    placeLabels(cy);
    expect(restyledIds(cy, () => placeLabels(cy!))).toEqual([]);
  });
});

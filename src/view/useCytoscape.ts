// A small React hook around one Cytoscape instance: created once per container,
// updated in place through cy.batch (add/remove/update by id), never re-laid out
// on render. Positions come from the graph file (preset); only a graph without
// positions is laid out once in the browser.
import { useEffect, useRef, useState, type RefObject } from "react";
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import { graphStylesheet } from "./stylesheet";

cytoscape.use(fcose);

export interface CytoscapeHandlers {
  onTapNode?: (id: string) => void;
  onTapEdge?: (id: string) => void;
  onTapBackground?: () => void;
}

declare global {
  interface Window {
    /** The explorer's Cytoscape instance, for the browser tests and the bench. */
    __cy?: cytoscape.Core;
  }
}

export function useCytoscape(
  container: RefObject<HTMLDivElement | null>,
  elements: cytoscape.ElementDefinition[],
  handlers: CytoscapeHandlers,
): cytoscape.Core | null {
  const [cy, setCy] = useState<cytoscape.Core | null>(null);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const knownPositions = useRef(new Map<string, cytoscape.Position>());
  const firstSync = useRef(true);

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      style: graphStylesheet,
      elements: [],
      layout: { name: "preset" },
      minZoom: 0.03,
      maxZoom: 5,
      // Hide labels and edges while panning big graphs: keeps 5k actors responsive.
      hideEdgesOnViewport: false,
      textureOnViewport: false,
      motionBlur: false,
      boxSelectionEnabled: false,
    });
    instance.on("tap", "node", (evt) => handlersRef.current.onTapNode?.(evt.target.id()));
    instance.on("tap", "edge", (evt) => handlersRef.current.onTapEdge?.(evt.target.id()));
    instance.on("tap", (evt) => {
      if (evt.target === instance) handlersRef.current.onTapBackground?.();
    });
    window.__cy = instance;
    setCy(instance);
    return () => {
      if (window.__cy === instance) delete window.__cy;
      instance.destroy();
      setCy(null);
    };
  }, [container]);

  useEffect(() => {
    if (!cy) return;
    syncElements(cy, elements, knownPositions.current);
    if (firstSync.current && cy.nodes().length > 0) {
      firstSync.current = false;
      const placed = elements.some((e) => e.group === "nodes" && e.position);
      if (!placed) runLayout(cy, { animate: false });
      cy.fit(undefined, 30);
    }
  }, [cy, elements]);

  return cy;
}

/** Brings the instance in line with `elements` by id, in one batch. */
export function syncElements(cy: cytoscape.Core, elements: cytoscape.ElementDefinition[], knownPositions: Map<string, cytoscape.Position>): void {
  const wanted = new Map(elements.map((e) => [e.data.id as string, e]));
  cy.batch(() => {
    const gone = cy.elements().filter((ele) => !wanted.has(ele.id()));
    gone.nodes().forEach((n) => {
      knownPositions.set(n.id(), { ...n.position() });
    });
    cy.remove(gone);
    const toAdd: cytoscape.ElementDefinition[] = [];
    const center = cy.nodes().length ? cy.nodes().boundingBox({}) : { x1: 0, y1: 0, w: 0, h: 0 };
    for (const def of elements) {
      const id = def.data.id as string;
      const existing = cy.getElementById(id);
      if (existing.nonempty()) {
        existing.data(def.data);
        existing.classes(def.classes ?? "");
        continue;
      }
      if (def.group === "nodes" && !def.position) {
        def.position = knownPositions.get(id) ?? {
          x: center.x1 + center.w / 2 + (Math.random() - 0.5) * 200,
          y: center.y1 + center.h / 2 + (Math.random() - 0.5) * 200,
        };
      } else if (def.group === "nodes" && knownPositions.has(id)) {
        def.position = knownPositions.get(id);
      }
      toAdd.push(def);
    }
    // Nodes first so their edges find both ends.
    cy.add(toAdd.filter((d) => d.group === "nodes"));
    cy.add(toAdd.filter((d) => d.group === "edges"));
  });
}

/** fcose on what is shown now (the "Re-layout" button). */
export function runLayout(cy: cytoscape.Core, options: { animate?: boolean } = {}): void {
  const n = cy.nodes().length;
  cy.layout({
    name: "fcose",
    quality: n > 1000 ? "draft" : "default",
    randomize: true,
    animate: options.animate ?? n < 800,
    animationDuration: 600,
    fit: true,
    padding: 30,
    idealEdgeLength: () => 80,
    nodeRepulsion: () => 6000,
  } as cytoscape.LayoutOptions).run();
}

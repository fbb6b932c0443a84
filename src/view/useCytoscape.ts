// A small React hook around one Cytoscape instance: created once per container,
// updated in place through cy.batch (add/remove/update by id), never re-laid out
// on render. Positions come from the graph file (preset); only a graph without
// positions is laid out once in the browser. Labels are placed by labels.ts once a
// zoom, pan or change settles, and before the first frame; the view re-fits when
// the set of shown actors changes.
import { useEffect, useRef, useState, type RefObject } from "react";
import cytoscape from "cytoscape";
import { makeStylesheet } from "./stylesheet";
import { placeLabels } from "./labels";
import { fitPadding, runLayout } from "./layout";
import type { RendererName } from "./renderer";

export { fitPadding, runLayout };

export interface CytoscapeHandlers {
  onTapNode?: (id: string, additive: boolean) => void;
  onTapEdge?: (id: string) => void;
  /** Double click on an actor (grows a partial view around it). */
  onDoubleTapNode?: (id: string) => void;
  onTapBackground?: () => void;
  /** Pointer over an edge (rendered position in the container) or off it (null). */
  onHoverEdge?: (hover: { id: string; x: number; y: number } | null) => void;
  /** Something the view could not do (a part of the page that failed to load). */
  onProblem?: (message: string) => void;
}

declare global {
  interface Window {
    /** The explorer's Cytoscape instance, for the browser tests and the bench. */
    __cy?: cytoscape.Core;
  }
}

/** Rendered distance from a point to an edge's drawn curve (sampled). */
function edgeDistance(edge: cytoscape.EdgeSingular, x: number, y: number, cy: cytoscape.Core): number {
  const z = cy.zoom();
  const pan = cy.pan();
  const r = (p: cytoscape.Position) => ({ x: p.x * z + pan.x, y: p.y * z + pan.y });
  const s = r(edge.sourceEndpoint());
  const t = r(edge.targetEndpoint());
  const cps = (edge.controlPoints?.() ?? []).map(r);
  const c = cps.length ? cps[0] : { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
  let best = Infinity;
  for (let i = 0; i <= 16; i++) {
    const u = i / 16;
    const px = (1 - u) * (1 - u) * s.x + 2 * (1 - u) * u * c.x + u * u * t.x;
    const py = (1 - u) * (1 - u) * s.y + 2 * (1 - u) * u * c.y + u * u * t.y;
    best = Math.min(best, Math.hypot(px - x, py - y));
  }
  return best;
}

/** Edge within `radius` rendered pixels of a point, nearest first; for taps that just miss a thin line. */
export function nearestEdge(cy: cytoscape.Core, x: number, y: number, radius = 14): cytoscape.EdgeSingular | null {
  let best: cytoscape.EdgeSingular | null = null;
  let bestD = radius;
  cy.edges().forEach((e) => {
    if (e.hasClass("faded")) return;
    const d = edgeDistance(e, x, y, cy);
    if (d < bestD) {
      bestD = d;
      best = e;
    }
  });
  return best;
}

export function useCytoscape(
  container: RefObject<HTMLDivElement | null>,
  elements: cytoscape.ElementDefinition[],
  handlers: CytoscapeHandlers,
  options: { dark?: boolean; layoutSeed?: number; storageKey?: string; renderer?: RendererName } = {},
): cytoscape.Core | null {
  const [cy, setCy] = useState<cytoscape.Core | null>(null);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  // Read by the element sync on its first run only (a saved or seeded layout): a later seed goes through its own effect below.
  const latestOptions = useRef(options);
  latestOptions.current = options;
  const knownPositions = useRef(new Map<string, cytoscape.Position>());
  const firstSync = useRef(true);
  const shownNodes = useRef("");

  useEffect(() => {
    if (!container.current) return;
    const el = container.current;
    const instance = cytoscape({
      container: el,
      style: makeStylesheet(false),
      elements: [],
      layout: { name: "preset" },
      minZoom: 0.03,
      maxZoom: 5,
      hideEdgesOnViewport: false,
      textureOnViewport: false,
      motionBlur: false,
      boxSelectionEnabled: false,
      // Cytoscape 3.31+: the canvas renderer drawing through WebGL (chosen in src/view/renderer.ts).
      ...(options.renderer === "webgl" ? { renderer: { name: "canvas", webgl: true } } : {}),
    });
    instance.on("tap", "node", (evt) => {
      const oe = evt.originalEvent as MouseEvent | undefined;
      handlersRef.current.onTapNode?.(evt.target.id(), Boolean(oe && (oe.shiftKey || oe.ctrlKey || oe.metaKey)));
    });
    instance.on("tap", "edge", (evt) => handlersRef.current.onTapEdge?.(evt.target.id()));
    instance.on("dbltap", "node", (evt) => handlersRef.current.onDoubleTapNode?.(evt.target.id()));
    instance.on("tap", (evt) => {
      if (evt.target !== instance) return;
      // A tap that just misses a thin line still takes it.
      const near = nearestEdge(instance, evt.renderedPosition.x, evt.renderedPosition.y);
      if (near) handlersRef.current.onTapEdge?.(near.id());
      else handlersRef.current.onTapBackground?.();
    });
    instance.on("mouseover", "edge", (evt) => {
      evt.target.addClass("hover");
      el.style.cursor = "pointer";
      handlersRef.current.onHoverEdge?.({ id: evt.target.id(), x: evt.renderedPosition.x, y: evt.renderedPosition.y });
    });
    instance.on("mousemove", "edge", (evt) => handlersRef.current.onHoverEdge?.({ id: evt.target.id(), x: evt.renderedPosition.x, y: evt.renderedPosition.y }));
    instance.on("mouseout", "edge", (evt) => {
      evt.target.removeClass("hover");
      el.style.cursor = "";
      handlersRef.current.onHoverEdge?.(null);
    });
    instance.on("mouseover", "node", (evt) => {
      evt.target.addClass("hover");
      el.style.cursor = "pointer";
    });
    instance.on("mouseout", "node", (evt) => {
      evt.target.removeClass("hover");
      el.style.cursor = "";
    });
    // Zoom, pan and resize come in bursts (a wheel, an animation): labels are placed once they settle.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const relabel = () => {
      clearTimeout(timer);
      timer = setTimeout(() => placeLabels(instance), 60);
    };
    // "relabel-now" (the first elements, a jump to an actor): placed before the next frame, so that frame draws the
    // labels and the canvas is not drawn twice. Other changes ("relabel": a filter, a highlight) keep the delay: the
    // frame that shows the change comes first (placing labels before it restyles their actors twice).
    let queued = false;
    const relabelNow = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (instance.destroyed()) return;
        clearTimeout(timer);
        placeLabels(instance);
      });
    };
    instance.on("viewport resize", relabel);
    instance.on("layoutstop", relabel);
    instance.on("relabel", relabel);
    instance.on("relabel-now", relabelNow);
    // Cytoscape watches its container with a MutationObserver on its attributes and a ResizeObserver, and calls
    // cy.resize() 100 ms after either fires, which clears and redraws the whole canvas. The page writes attributes on
    // the container at every change (data-ready, data-nodes… for tests and the bench, the pointer cursor), so each
    // filter change, search or hover was drawn a second time about 100 ms later; and the first frame too. Our own
    // ResizeObserver below resizes on a real size change, so both of Cytoscape's go.
    const watchers = (instance as unknown as { renderer(): { styleObserver?: MutationObserver; resizeObserver?: ResizeObserver } }).renderer();
    watchers.styleObserver?.disconnect();
    watchers.resizeObserver?.disconnect();
    const observer = new ResizeObserver(() => {
      instance.resize();
      relabel();
    });
    observer.observe(el);
    window.__cy = instance;
    setCy(instance);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
      if (window.__cy === instance) delete window.__cy;
      instance.destroy();
      setCy(null);
    };
    // The renderer is chosen once at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [container]);

  useEffect(() => {
    if (cy) cy.style(makeStylesheet(options.dark ?? false));
  }, [cy, options.dark]);

  useEffect(() => {
    if (!cy) return;
    syncElements(cy, elements, knownPositions.current);
    const ids = elements
      .filter((e) => e.group === "nodes")
      .map((e) => e.data.id as string)
      .sort()
      .join("\u0000");
    if (firstSync.current && cy.nodes().length > 0) {
      firstSync.current = false;
      shownNodes.current = ids;
      const placed = elements.some((e) => e.group === "nodes" && e.position);
      const { layoutSeed, storageKey } = latestOptions.current;
      const saved = layoutSeed ? loadPositions(layoutKey(storageKey, layoutSeed)) : null;
      if (saved) {
        cy.batch(() => cy.nodes().forEach((n) => void (saved[n.id()] && n.position(saved[n.id()]))));
      } else if (!placed || layoutSeed) {
        runLayout(cy, { animate: false, seed: layoutSeed || 1 }).then(
          () => cy.emit("relabel"),
          () => handlersRef.current.onProblem?.("The layout could not be loaded (a part of the page failed to download). Reload the page to try again."),
        );
      }
      cy.fit(undefined, fitPadding(cy));
      cy.emit("relabel-now");
    } else if (ids !== shownNodes.current && cy.nodes().length > 0) {
      // Filters changed which actors are shown: fit what is left.
      shownNodes.current = ids;
      cy.stop();
      cy.fit(undefined, fitPadding(cy));
    }
    cy.emit("relabel");
  }, [cy, elements]);

  // Back/Forward over a re-layout: put the positions of that layout (or the file's) back.
  const seenSeed = useRef(options.layoutSeed ?? 0);
  useEffect(() => {
    const seed = options.layoutSeed ?? 0;
    if (!cy || seed === seenSeed.current) return;
    seenSeed.current = seed;
    const saved = seed ? loadPositions(layoutKey(options.storageKey, seed)) : null;
    const fromFile = new Map(elements.filter((e) => e.group === "nodes" && e.position).map((e) => [e.data.id as string, e.position!]));
    if (seed && !saved) return; // a new re-layout just ran here
    cy.batch(() =>
      cy.nodes().forEach((n) => {
        const p = saved ? saved[n.id()] : fromFile.get(n.id());
        if (p) n.position({ ...p });
      }),
    );
    cy.fit(undefined, fitPadding(cy));
    cy.emit("relabel");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cy, options.layoutSeed]);

  return cy;
}

export const layoutKey = (storageKey: string | undefined, seed: number) => `entente-layout:${storageKey ?? ""}:${seed}`;

/** A re-layout's positions, kept in this browser so a reload (or Back) shows the same picture. */
export function savePositions(cy: cytoscape.Core, key: string): void {
  try {
    const pos: Record<string, cytoscape.Position> = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      pos[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
    });
    localStorage.setItem(key, JSON.stringify(pos));
  } catch {
    // Storage full or off: the seeded layout still comes back close.
  }
}

function loadPositions(key: string): Record<string, cytoscape.Position> | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Record<string, cytoscape.Position>) : null;
  } catch {
    return null;
  }
}

/**
 * The classes each element was given by its definition, per instance, so a sync can tell them from the classes
 * the view adds (labels, highlight). Kept outside Cytoscape: `ele.scratch(k, v)` restyles the element, and
 * `cy.scratch(k, v)` every element.
 */
const definedClasses = new WeakMap<cytoscape.Core, Map<string, string>>();

/** Brings the instance in line with `elements` by id, in one batch. */
export function syncElements(cy: cytoscape.Core, elements: cytoscape.ElementDefinition[], knownPositions: Map<string, cytoscape.Position>): void {
  const wanted = new Map(elements.map((e) => [e.data.id as string, e]));
  let classesOf = definedClasses.get(cy);
  if (!classesOf) definedClasses.set(cy, (classesOf = new Map()));
  cy.batch(() => {
    // One lookup table: cy.getElementById builds a collection per call.
    const present = new Map<string, cytoscape.SingularElementReturnValue>();
    cy.elements().forEach((ele) => void present.set(ele.id(), ele));
    const gone = cy.elements().filter((ele) => !wanted.has(ele.id()));
    gone.nodes().forEach((n) => {
      knownPositions.set(n.id(), { ...n.position() });
    });
    gone.forEach((ele) => void classesOf.delete(ele.id()));
    cy.remove(gone);
    const toAdd: cytoscape.ElementDefinition[] = [];
    const center = cy.nodes().length ? cy.nodes().boundingBox({}) : { x1: 0, y1: 0, w: 0, h: 0 };
    for (const def of elements) {
      const id = def.data.id as string;
      const existing = present.get(id);
      if (existing && !existing.removed()) {
        // Only what changed: every data or class change costs the element a style recalculation.
        // Keep the label placement's own data (fontSize, outline, margin) and classes.
        const changed = changedData(existing.data() as Record<string, unknown>, def.data as Record<string, unknown>);
        if (changed) existing.data(changed);
        const own = classesOf.get(id) ?? "";
        const defined = classList(def);
        if (defined !== own) {
          if (own) existing.removeClass(own);
          if (defined) existing.addClass(defined);
          classesOf.set(id, defined);
        }
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
    for (const def of toAdd) classesOf.set(def.data.id as string, classList(def));
  });
}

const classList = (def: cytoscape.ElementDefinition): string => (Array.isArray(def.classes) ? def.classes.join(" ") : (def.classes ?? ""));

/** The fields of `next` that differ from `current` (shallow; arrays and objects by value), or null. */
function changedData(current: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> | null {
  let out: Record<string, unknown> | null = null;
  for (const k in next) {
    const a = current[k];
    const b = next[k];
    if (a === b || (typeof b === "object" && b !== null && JSON.stringify(a) === JSON.stringify(b))) continue;
    (out ??= {})[k] = b;
  }
  return out;
}

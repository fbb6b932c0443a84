// Which node labels to draw: at any zoom, the most important actors in view get
// a label at a readable screen size (LABEL_PX), and a label is drawn only where
// it overlaps no label already placed (greedy, most important first). Selected,
// searched and path nodes are placed first. Labels are a class ("labelled") plus
// per-node font size in model units, so they stay the same size on screen.
import type cytoscape from "cytoscape";

export const LABEL_PX = 13;
const MAX_LABELS = 350;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

export type LabelSide = "bottom" | "top" | "right" | "left";
const SIDES: LabelSide[] = ["bottom", "top", "right", "left"];

/** Rendered box of a node's label on one side of the node, estimated from its text. */
export function labelBox(node: cytoscape.NodeSingular, px = LABEL_PX, side: LabelSide = "bottom"): Box {
  const p = node.renderedPosition();
  const r = node.renderedHeight() / 2;
  const text = String(node.data("label") ?? "");
  // Wider than the glyphs (system-ui averages about 0.6 em) plus the halo, so estimated boxes never undercut drawn ones.
  const w = text.length * px * 0.64 + 8;
  const h = px * 1.7 + 7; // as Cytoscape measures it: line height, halo and margin
  if (side === "bottom") return { x1: p.x - w / 2, y1: p.y + r, x2: p.x + w / 2, y2: p.y + r + h };
  if (side === "top") return { x1: p.x - w / 2, y1: p.y - r - h, x2: p.x + w / 2, y2: p.y - r };
  if (side === "right") return { x1: p.x + r, y1: p.y - h / 2, x2: p.x + r + w, y2: p.y + h / 2 };
  return { x1: p.x - r - w, y1: p.y - h / 2, x2: p.x - r, y2: p.y + h / 2 };
}

export function placeLabels(cy: cytoscape.Core, px = LABEL_PX): void {
  const zoom = cy.zoom();
  const W = cy.width();
  const H = cy.height();
  const cell = 80;
  const grid = new Map<string, Box[]>();
  const cellsOf = (b: Box) => {
    const keys: string[] = [];
    for (let gx = Math.floor(b.x1 / cell); gx <= Math.floor(b.x2 / cell); gx++)
      for (let gy = Math.floor(b.y1 / cell); gy <= Math.floor(b.y2 / cell); gy++) keys.push(`${gx},${gy}`);
    return keys;
  };
  const free = (b: Box) => cellsOf(b).every((k) => !(grid.get(k) ?? []).some((o) => overlaps(o, b)));
  const take = (b: Box) => {
    for (const k of cellsOf(b)) {
      const list = grid.get(k) ?? [];
      list.push(b);
      grid.set(k, list);
    }
  };
  const inView = cy.nodes().filter((n) => {
    const p = n.renderedPosition();
    return p.x > -50 && p.x < W + 50 && p.y > -30 && p.y < H + 30;
  });
  const priority = (n: cytoscape.NodeSingular) =>
    (n.hasClass("focus") || n.hasClass("on-path") ? 2e9 : 0) + (n.hasClass("search-hit") ? 1e9 : 0) + (n.hasClass("faded") ? -1e6 : 0) + Number(n.data("importance") ?? 0);
  const order = inView
    .toArray()
    .sort((a, b) => priority(b as cytoscape.NodeSingular) - priority(a as cytoscape.NodeSingular) || a.id().localeCompare(b.id())) as cytoscape.NodeSingular[];
  // Nodes are obstacles too: a label never covers another actor's shape.
  const nodeBoxes = new Map<string, Box>();
  for (const n of order) {
    const p = n.renderedPosition();
    const r = n.renderedWidth() / 2 + 1;
    nodeBoxes.set(n.id(), { x1: p.x - r, y1: p.y - r, x2: p.x + r, y2: p.y + r });
  }
  // Obstacles: labels placed so far and the shapes of the actors they belong to (a label may cover a
  // less important, unlabelled actor, never a labelled one).
  // The Fit / Re-layout / ? buttons sit in the top right corner: no label under them.
  take({ x1: W - 240, y1: 0, x2: W, y2: 46 });
  const chosen = new Map<string, LabelSide>();
  for (const n of order) {
    if (chosen.size >= MAX_LABELS) break;
    const own = nodeBoxes.get(n.id())!;
    if (!free(own)) continue;
    // Below the actor if there is room, else above, right, left.
    for (const side of SIDES) {
      const b = labelBox(n, px, side);
      if (b.x2 < 0 || b.x1 > W || b.y2 < 0 || b.y1 > H) continue;
      // Labels partly outside the canvas are skipped unless the node is in a priority class.
      if ((b.x1 < 0 || b.x2 > W || b.y1 < 0 || b.y2 > H) && priority(n) < 1e9) continue;
      if (!free(b)) continue;
      take(b);
      take(own);
      chosen.set(n.id(), side);
      break;
    }
  }
  const fontSize = px / zoom;
  // Tests wait for labels placed at the current zoom. Not cy.scratch(): setting it restyles every element.
  cy.container()?.setAttribute("data-label-zoom", String(zoom));
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const side = chosen.get(n.id());
      if (side) {
        if (n.data("fontSize") !== fontSize) n.data({ fontSize, outline: 2.5 / zoom, margin: 2 / zoom, negMargin: -2 / zoom });
        if (!n.hasClass("labelled")) n.addClass("labelled");
        for (const s of SIDES) {
          const cls = `label-${s}`;
          if (s === side && !n.hasClass(cls)) n.addClass(cls);
          else if (s !== side && n.hasClass(cls)) n.removeClass(cls);
        }
      } else if (n.hasClass("labelled")) n.removeClass("labelled label-bottom label-top label-right label-left");
    });
  });
}

/** Pairs of drawn labels whose rendered boxes overlap (for tests and checks). */
export function labelOverlaps(cy: cytoscape.Core): number {
  const boxes = cy
    .nodes(".labelled")
    .toArray()
    .map((n) => (n as cytoscape.NodeSingular).renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
  let n = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i], boxes[j])) n++;
  return n;
}

// Picture exports written from the graph's data rather than from the canvas: an
// SVG with every drawn actor and line as it is laid out, labels as real <text>
// (dark text on a light halo, so no label is lost), no selection fade, and a
// legend of the types, statuses and actor kinds in the picture. The PNG is that
// SVG rasterised at twice the size.
import type cytoscape from "cytoscape";
import type { ActorKind, RelationStatus, RelationType } from "../graph/schema";
import { KIND_STYLE, STATUS_WORD, TYPE_COLORS } from "./palette";

export interface PictureLegend {
  typeLabel: (t: RelationType) => string;
  title?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const f = (n: number) => (Math.round(n * 10) / 10).toString();

function shapePath(shape: string, x: number, y: number, r: number, fill: string): string {
  const pts = (list: [number, number][]) =>
    `<polygon points="${list.map(([a, b]) => `${f(x + a * r)},${f(y + b * r)}`).join(" ")}" fill="${fill}" stroke="#fff" stroke-width="1"/>`;
  switch (shape) {
    case "round-rectangle":
      return `<rect x="${f(x - r)}" y="${f(y - r)}" width="${f(2 * r)}" height="${f(2 * r)}" rx="${f(r / 3)}" fill="${fill}" stroke="#fff" stroke-width="1"/>`;
    case "diamond":
      return pts([
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ]);
    case "hexagon":
      return pts([
        [-0.5, -0.87],
        [0.5, -0.87],
        [1, 0],
        [0.5, 0.87],
        [-0.5, 0.87],
        [-1, 0],
      ]);
    case "round-triangle":
      return pts([
        [0, -1],
        [0.95, 0.8],
        [-0.95, 0.8],
      ]);
    default:
      return `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" fill="${fill}" stroke="#fff" stroke-width="1"/>`;
  }
}

const DASH: Record<RelationStatus, string> = { asserted: "", intended: "6 4", denied: "1.5 3" };

export function pictureSvg(cy: cytoscape.Core, legend: PictureLegend): { svg: string; width: number; height: number } {
  const nodes = cy.nodes();
  const edges = cy.edges();
  const bb = nodes.nonempty() ? nodes.boundingBox({ includeLabels: false }) : { x1: 0, y1: 0, w: 1, h: 1, x2: 1, y2: 1 };
  const scale = Math.max(0.25, Math.min(3, 1400 / Math.max(bb.w, bb.h, 1)));
  const pad = 40;
  const gw = bb.w * scale + 2 * pad;
  const gh = bb.h * scale + 2 * pad + 20;
  const X = (x: number) => (x - bb.x1) * scale + pad;
  const Y = (y: number) => (y - bb.y1) * scale + pad;
  const legendW = 230;
  const parts: string[] = [];

  const types = new Set<RelationType>();
  const statuses = new Set<RelationStatus>();
  const kinds = new Set<ActorKind>();
  edges.forEach((e) => {
    const type = e.data("type") as RelationType;
    const status = e.data("status") as RelationStatus;
    types.add(type);
    statuses.add(status);
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const cps = e.controlPoints?.() ?? [];
    const d = cps.length ? `M${f(X(s.x))},${f(Y(s.y))} Q${f(X(cps[0].x))},${f(Y(cps[0].y))} ${f(X(t.x))},${f(Y(t.y))}` : `M${f(X(s.x))},${f(Y(s.y))} L${f(X(t.x))},${f(Y(t.y))}`;
    const color = TYPE_COLORS[type] ?? "#888";
    const w = Math.max(1, Number(e.data("width") ?? 1) * scale);
    const opacity = status === "denied" ? 0.55 : Number(e.data("opacity") ?? 0.85);
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="${f(w)}" stroke-opacity="${opacity}"${DASH[status] ? ` stroke-dasharray="${DASH[status]}"` : ""}/>`);
    if (e.hasClass("directed")) {
      const from = cps.length ? cps[0] : s;
      const ang = Math.atan2(t.y - from.y, t.x - from.x);
      const L = 6 + w * 1.5;
      const tx = X(t.x);
      const ty = Y(t.y);
      if (status === "denied") {
        const nx = -Math.sin(ang) * L * 0.7;
        const ny = Math.cos(ang) * L * 0.7;
        parts.push(`<line x1="${f(tx + nx)}" y1="${f(ty + ny)}" x2="${f(tx - nx)}" y2="${f(ty - ny)}" stroke="${color}" stroke-width="${f(Math.max(1.5, w))}"/>`);
      } else {
        const p1 = [tx - L * Math.cos(ang - 0.4), ty - L * Math.sin(ang - 0.4)];
        const p2 = [tx - L * Math.cos(ang + 0.4), ty - L * Math.sin(ang + 0.4)];
        parts.push(`<polygon points="${f(tx)},${f(ty)} ${f(p1[0])},${f(p1[1])} ${f(p2[0])},${f(p2[1])}" fill="${color}" fill-opacity="${opacity}"/>`);
      }
    }
  });

  const labelBoxes: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const labels: string[] = [];
  const order = nodes.toArray().sort((a, b) => Number(b.data("importance") ?? 0) - Number(a.data("importance") ?? 0)) as cytoscape.NodeSingular[];
  for (const n of order) {
    const p = n.position();
    const r = Math.max(3, (Number(n.data("size") ?? 14) * scale) / 2);
    const kind = n.data("kind") as ActorKind;
    kinds.add(kind);
    parts.push(shapePath(KIND_STYLE[kind]?.shape ?? "ellipse", X(p.x), Y(p.y), r, String(n.data("color") ?? "#888")));
    const text = String(n.data("label") ?? "");
    const fs = 12;
    const w = text.length * fs * 0.56 + 4;
    const box = { x1: X(p.x) - w / 2, y1: Y(p.y) + r + 1, x2: X(p.x) + w / 2, y2: Y(p.y) + r + fs + 4 };
    if (labelBoxes.some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2)) continue;
    labelBoxes.push(box);
    labels.push(
      `<text x="${f(X(p.x))}" y="${f(box.y2 - 3)}" text-anchor="middle" font-size="${fs}" fill="#111827" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${esc(text)}</text>`,
    );
  }

  // Legend, to the right of the graph.
  const lx = gw + 10;
  let ly = 30;
  const leg: string[] = [`<text x="${lx}" y="${ly}" font-size="14" font-weight="600" fill="#111827">${esc(legend.title ?? "Legend")}</text>`];
  ly += 22;
  for (const t of [...types].sort()) {
    leg.push(
      `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 26}" y2="${ly - 4}" stroke="${TYPE_COLORS[t]}" stroke-width="4"/><text x="${lx + 34}" y="${ly}" font-size="12" fill="#111827">${esc(legend.typeLabel(t))}</text>`,
    );
    ly += 18;
  }
  ly += 6;
  for (const s of (["asserted", "intended", "denied"] as RelationStatus[]).filter((x) => statuses.has(x))) {
    leg.push(
      `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 26}" y2="${ly - 4}" stroke="#374151" stroke-width="2"${DASH[s] ? ` stroke-dasharray="${DASH[s]}"` : ""}/><text x="${lx + 34}" y="${ly}" font-size="12" fill="#111827">${STATUS_WORD[s]}</text>`,
    );
    ly += 18;
  }
  ly += 6;
  for (const k of ["state", "armed-group", "political-group", "organization", "person"].filter((x) => kinds.has(x as ActorKind)) as ActorKind[]) {
    leg.push(
      shapePath(KIND_STYLE[k].shape, lx + 13, ly - 5, 6, KIND_STYLE[k].color) + `<text x="${lx + 34}" y="${ly}" font-size="12" fill="#111827">${esc(KIND_STYLE[k].label)}</text>`,
    );
    ly += 18;
  }
  leg.push(`<text x="${lx}" y="${ly + 10}" font-size="11" fill="#4b5563">Line width: sentences · faint: low confidence</text>`);
  ly += 24;

  const width = Math.ceil(gw + legendW);
  const height = Math.ceil(Math.max(gh, ly + 10));
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff"/><g class="graph">` +
    parts.join("") +
    `</g><g class="labels">${labels.join("")}</g><g class="legend">${leg.join("")}</g></svg>`;
  return { svg, width, height };
}

/** The same picture as PNG (twice the SVG's size). */
export async function picturePng(cy: cytoscape.Core, legend: PictureLegend): Promise<Blob> {
  const { svg, width, height } = pictureSvg(cy, legend);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "sync";
    await new Promise<void>((ok, fail) => {
      img.onload = () => ok();
      img.onerror = () => fail(new Error("the picture could not be drawn"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext("2d")!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error("no PNG"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

// FilterResult → cytoscape element definitions. All the values the stylesheet maps
// from (colour, shape, size, width, opacity) are computed here, in one place.
import type cytoscape from "cytoscape";
import type { FilterResult } from "../explore/filters";
import { COMMUNITY_COLORS, KIND_STYLE, TYPE_COLORS } from "./palette";

export function nodeSize(relationCount: number): number {
  return Math.round(14 + 7 * Math.sqrt(relationCount));
}

export function edgeWidth(evidenceCount: number): number {
  return Math.min(9, 1.5 + 1.3 * Math.log2(1 + evidenceCount));
}

/** Line opacity from confidence: 0.3 for a guess, 0.95 for a sure one. */
export function edgeOpacity(confidence: number): number {
  return Math.round((0.3 + 0.65 * Math.max(0, Math.min(1, confidence))) * 100) / 100;
}

export interface ElementOptions {
  /** A measure per node that sets its size (relations when absent). */
  measure?: ReadonlyMap<string, number> | null;
  /** Community per node: colours nodes by community instead of kind. */
  community?: ReadonlyMap<string, number> | null;
  /** Drawn node → neighbours not drawn (a partial first view): shown as "· +N" on its label and a dashed ring. */
  hiddenNeighbours?: ReadonlyMap<string, number> | null;
  /** Positions to use instead of the file's (src/view/spread.ts). */
  positions?: ReadonlyMap<string, { x: number; y: number }> | null;
}

export function buildElements(view: Pick<FilterResult, "nodes" | "edges">, options: ElementOptions = {}): cytoscape.ElementDefinition[] {
  const els: cytoscape.ElementDefinition[] = [];
  const measure = options.measure ?? null;
  let max = 0;
  if (measure) for (const n of view.nodes) max = Math.max(max, measure.get(n.id) ?? 0);
  for (const n of view.nodes) {
    const style = KIND_STYLE[n.actor.kind];
    const size = measure ? Math.round(14 + 40 * Math.sqrt(max > 0 ? (measure.get(n.id) ?? 0) / max : 0)) : nodeSize(n.relationCount);
    const community = options.community?.get(n.id);
    const more = options.hiddenNeighbours?.get(n.id) ?? 0;
    const name = n.members.length ? `${n.actor.name} (+${n.members.length})` : n.actor.name;
    els.push({
      group: "nodes",
      data: {
        id: n.id,
        label: more ? `${name} · +${more}` : name,
        more,
        kind: n.actor.kind,
        color: options.community ? (community === undefined ? "#9ca3af" : COMMUNITY_COLORS[community % COMMUNITY_COLORS.length]) : style.color,
        shape: style.shape,
        size,
        relationCount: n.relationCount,
        // Label priority: size first, mentions to break ties.
        importance: size * 1000 + Math.min(999, n.actor.mentions),
      },
      classes: [n.members.length ? "group-with-members" : "", more ? "has-more" : ""].filter(Boolean).join(" "),
      position: options.positions?.get(n.id) ?? (n.actor.position ? { ...n.actor.position } : undefined),
    });
  }
  for (const e of view.edges) {
    els.push({
      group: "edges",
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        type: e.type,
        status: e.status,
        count: e.count,
        evidenceCount: e.evidenceCount,
        confidence: e.confidence,
        speakers: e.speakers,
        color: TYPE_COLORS[e.type],
        width: edgeWidth(e.evidenceCount),
        opacity: edgeOpacity(e.confidence),
      },
      classes: [e.status, e.directed ? "directed" : "", e.disputed ? "disputed" : ""].filter(Boolean).join(" "),
    });
  }
  return els;
}

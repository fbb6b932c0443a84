// FilterResult → cytoscape element definitions. All the values the stylesheet maps
// from (colour, shape, size, width) are computed here, in one place.
import type cytoscape from "cytoscape";
import type { FilterResult } from "../explore/filters";
import { KIND_STYLE, TYPE_COLORS } from "./palette";

export function nodeSize(relationCount: number): number {
  return Math.round(14 + 7 * Math.sqrt(relationCount));
}

export function edgeWidth(evidenceCount: number): number {
  return Math.min(9, 1 + 1.3 * Math.log2(1 + evidenceCount));
}

export function buildElements(view: Pick<FilterResult, "nodes" | "edges">): cytoscape.ElementDefinition[] {
  const els: cytoscape.ElementDefinition[] = [];
  for (const n of view.nodes) {
    const style = KIND_STYLE[n.actor.kind];
    els.push({
      group: "nodes",
      data: {
        id: n.id,
        label: n.members.length ? `${n.actor.name} (+${n.members.length})` : n.actor.name,
        kind: n.actor.kind,
        color: style.color,
        shape: style.shape,
        size: nodeSize(n.relationCount),
        relationCount: n.relationCount,
      },
      classes: n.members.length ? "group-with-members" : "",
      position: n.actor.position ? { ...n.actor.position } : undefined,
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
        color: TYPE_COLORS[e.type],
        width: edgeWidth(e.evidenceCount),
      },
      classes: [e.status, e.directed ? "directed" : ""].filter(Boolean).join(" "),
    });
  }
  return els;
}

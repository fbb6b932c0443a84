// GEXF 1.3 (Gephi, Gephi Lite): written by graphology-gexf from a graphology
// mixed multigraph. Node positions are the build's layout (y flipped: Gephi's
// y axis points up, the explorer's down); colours are the explorer's palette.
import Graphology from "graphology";
import { write } from "graphology-gexf";
import type { Graph } from "../graph/schema";
import { KIND_STYLE, TYPE_COLORS } from "../view/palette";
import { exportRows, metaRecord, type ActorMetrics, type ExportMeta } from "./rows";

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (v: string) => v.replace(XML_INVALID, "");

export function toGexf(graph: Graph, meta: ExportMeta, metrics?: ActorMetrics): string {
  const rows = exportRows(graph, metrics);
  const record = metaRecord(meta, graph);
  const g = new Graphology({ type: "mixed", multi: true, allowSelfLoops: true });
  g.replaceAttributes({
    creator: "entente",
    description: clean(`entente ${meta.scope === "view" ? "view" : "graph"}: ${String(record.description)}`),
    keywords: "entente, actors, relations, CAMEO",
    // One JSON string: the filters and counts (GEXF meta holds text only).
    "entente-view": clean(JSON.stringify(record)),
  });
  for (const n of rows.nodes) {
    g.addNode(clean(n.id), {
      label: clean(n.label),
      kind: n.kind,
      aliases: clean(n.aliases),
      mentions: n.mentions,
      documents: n.documents,
      ...n.metrics,
      _x: n.x,
      _y: n.y,
    });
  }
  for (const e of rows.edges) {
    const attrs = {
      label: clean(e.label),
      type: e.type,
      status: e.status,
      directed: e.directed,
      disputed: e.disputed,
      confidence: e.confidence,
      count: e.count,
      cameoRoots: e.cameoRoots,
      quadClass: e.quadClass,
    };
    if (e.directed) g.addDirectedEdgeWithKey(clean(e.id), clean(e.source), clean(e.target), attrs);
    else g.addUndirectedEdgeWithKey(clean(e.id), clean(e.source), clean(e.target), attrs);
  }
  return write(g, {
    version: "1.3",
    formatNode: (_key, a) => {
      const { label, _x, _y, ...attributes } = a as Record<string, unknown> & { label: string; _x?: number; _y?: number; kind: keyof typeof KIND_STYLE };
      return {
        label,
        attributes,
        viz: { color: KIND_STYLE[a.kind as keyof typeof KIND_STYLE]?.color ?? "#5D6D7E", size: 10, ...(typeof _x === "number" && typeof _y === "number" ? { x: _x, y: -_y } : {}) },
      };
    },
    formatEdge: (_key, a) => {
      const { label, ...attributes } = a as Record<string, unknown> & { label: string; type: keyof typeof TYPE_COLORS };
      // weight: the number of sentences (Gephi sizes edges by it); kind: type.status, so Gephi keeps parallel relations apart.
      return {
        label,
        attributes,
        weight: a.count as number,
        kind: `${String(a.type)}.${String(a.status)}`,
        viz: { color: TYPE_COLORS[a.type as keyof typeof TYPE_COLORS] ?? "#7F7F7F" },
      };
    },
  });
}

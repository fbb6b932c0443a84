// GraphML (Cytoscape desktop, Gephi, yEd, NetworkX, igraph): one <key> per
// attribute, typed; a mixed graph (edgedefault directed, two-sided relations
// each edge says directed="true" or "false"); parallel edges allowed. Written with an XML library
// (fast-xml-parser's builder), which does the escaping.
import { XMLBuilder } from "fast-xml-parser";
import type { Graph } from "../graph/schema";
import { exportRows, metaRecord, type ActorMetrics, type ExportMeta } from "./rows";

type KeyType = "string" | "int" | "double" | "boolean";
interface Key {
  id: string;
  for: "graph" | "node" | "edge";
  name: string;
  type: KeyType;
}

/** Characters XML 1.0 cannot hold at all (not even escaped). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (v: string) => v.replace(XML_INVALID, "");

const NODE_KEYS: Key[] = [
  { id: "label", for: "node", name: "label", type: "string" },
  { id: "kind", for: "node", name: "kind", type: "string" },
  { id: "aliases", for: "node", name: "aliases", type: "string" },
  { id: "mentions", for: "node", name: "mentions", type: "int" },
  { id: "documents", for: "node", name: "documents", type: "int" },
  { id: "x", for: "node", name: "x", type: "double" },
  { id: "y", for: "node", name: "y", type: "double" },
];
const EDGE_KEYS: Key[] = [
  { id: "e_label", for: "edge", name: "label", type: "string" },
  { id: "type", for: "edge", name: "type", type: "string" },
  { id: "status", for: "edge", name: "status", type: "string" },
  { id: "directed", for: "edge", name: "directed", type: "boolean" },
  { id: "disputed", for: "edge", name: "disputed", type: "boolean" },
  { id: "confidence", for: "edge", name: "confidence", type: "double" },
  { id: "count", for: "edge", name: "count", type: "int" },
  { id: "cameoRoots", for: "edge", name: "cameoRoots", type: "string" },
  { id: "quadClass", for: "edge", name: "quadClass", type: "string" },
];
const GRAPH_KEYS: Key[] = [
  { id: "g_description", for: "graph", name: "description", type: "string" },
  { id: "g_view", for: "graph", name: "view", type: "string" },
];

const data = (key: string, value: string | number | boolean) => ({ "@_key": key, "#text": typeof value === "string" ? clean(value) : String(value) });

export function toGraphML(graph: Graph, meta: ExportMeta, metrics?: ActorMetrics): string {
  const rows = exportRows(graph, metrics);
  const metricKeys: Key[] = rows.metricNames.map((m) => ({ id: `m_${m}`, for: "node", name: m, type: "double" }));
  const keys = [...GRAPH_KEYS, ...NODE_KEYS, ...metricKeys, ...EDGE_KEYS];
  const record = metaRecord(meta, graph);
  const doc = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    graphml: {
      "@_xmlns": "http://graphml.graphdrawing.org/xmlns",
      "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "@_xsi:schemaLocation": "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
      key: keys.map((k) => ({ "@_id": k.id, "@_for": k.for, "@_attr.name": k.name, "@_attr.type": k.type })),
      graph: {
        "@_id": "entente",
        "@_edgedefault": "directed",
        data: [data("g_description", `entente ${meta.scope === "view" ? "view" : "graph"}: ${String(record.description)}`), data("g_view", JSON.stringify(record))],
        node: rows.nodes.map((n) => ({
          "@_id": clean(n.id),
          data: [
            data("label", n.label),
            data("kind", n.kind),
            data("aliases", n.aliases),
            data("mentions", n.mentions),
            data("documents", n.documents),
            ...(n.x !== undefined && n.y !== undefined ? [data("x", n.x), data("y", n.y)] : []),
            ...rows.metricNames.filter((m) => m in n.metrics).map((m) => data(`m_${m}`, n.metrics[m])),
          ],
        })),
        edge: rows.edges.map((e) => ({
          "@_id": clean(e.id),
          "@_source": clean(e.source),
          "@_target": clean(e.target),
          "@_directed": String(e.directed),
          data: [
            data("e_label", e.label),
            data("type", e.type),
            data("status", e.status),
            data("directed", e.directed),
            data("disputed", e.disputed),
            data("confidence", e.confidence),
            data("count", e.count),
            data("cameoRoots", e.cameoRoots),
            data("quadClass", e.quadClass),
          ],
        })),
      },
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    format: true,
    indentBy: " ",
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
    processEntities: true,
  });
  return builder.build(doc) as string;
}

// CSV for spreadsheets and notebooks: one file each for actors, relations and
// evidence, written by papaparse (quoting, embedded newlines), with cells that
// a spreadsheet would run as a formula (=, +, -, @ first) escaped. Evidence rows
// need the document texts (withTexts / readGraphFiles) for every sentence.
import Papa from "papaparse";
import { evidenceSentence, type Graph } from "../graph/schema";
import { exportRows, type ActorMetrics } from "./rows";

export interface CsvFiles {
  actors: string;
  relations: string;
  evidence: string;
}

// papaparse's own pattern (/^[=+\-@\t\r].*$/) misses a formula cell that holds a line break.
const FORMULA_START = /^[=+\-@\t\r]/;
const unparse = (fields: string[], data: unknown[][]) => Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: "\r\n" });

export function toCsv(graph: Graph, metrics?: ActorMetrics): CsvFiles {
  const rows = exportRows(graph, metrics);
  const names = new Map(graph.actors.map((a) => [a.id, a.name]));
  const docs = new Map(graph.documents.map((d) => [d.id, d]));
  const byId = new Map(graph.actors.map((a) => [a.id, a]));
  const actors = unparse(
    ["id", "name", "kind", "aliases", "mentions", "documents", "document_ids", "x", "y", ...rows.metricNames],
    rows.nodes.map((n) => [
      n.id,
      n.label,
      n.kind,
      n.aliases,
      n.mentions,
      n.documents,
      byId.get(n.id)!.documents.join("; "),
      n.x ?? "",
      n.y ?? "",
      ...rows.metricNames.map((m) => n.metrics[m] ?? ""),
    ]),
  );
  const relations = unparse(
    ["id", "source", "target", "source_name", "target_name", "type", "status", "directed", "disputed", "confidence", "count", "cameo_roots", "quad_class"],
    rows.edges.map((e) => [
      e.id,
      e.source,
      e.target,
      names.get(e.source) ?? "",
      names.get(e.target) ?? "",
      e.type,
      e.status,
      e.directed,
      e.disputed,
      e.confidence,
      e.count,
      e.cameoRoots,
      e.quadClass,
    ]),
  );
  const evidence = unparse(
    [
      "relation_id",
      "source",
      "target",
      "type",
      "status",
      "doc",
      "doc_title",
      "doc_date",
      "sentence",
      "trigger",
      "start",
      "end",
      "rule",
      "attribution_kind",
      "attribution_actor",
      "attribution_text",
    ],
    graph.relations.flatMap((r) =>
      r.evidence.map((e) => {
        const d = docs.get(e.doc);
        return [
          r.id,
          r.source,
          r.target,
          r.type,
          r.status,
          e.doc,
          d?.title ?? "",
          d?.date ?? "",
          // Sliced from the document text when the evidence does not carry it (graph files keep the first few per relation).
          evidenceSentence(e, d?.text) ?? "",
          e.trigger.text,
          e.start,
          e.end,
          e.rule,
          e.attribution.kind,
          e.attribution.actor ?? "",
          e.attribution.text,
        ];
      }),
    ),
  );
  return { actors, relations, evidence };
}

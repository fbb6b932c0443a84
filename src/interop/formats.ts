// Every export format behind one call, for the CLI and the page alike.
import type { Graph } from "../graph/schema";
import { toCsv } from "./csv";
import { toGexf } from "./gexf";
import { toGraphML } from "./graphml";
import { metaRecord, type ActorMetrics, type ExportMeta } from "./rows";

import type { ExportFormat } from "./exportFormats";

export { EXPORT_FORMATS, isExportFormat, type ExportFormat } from "./exportFormats";

export interface ExportFile {
  /** Appended to the base name: ".json", ".graphml", ".gexf", ".actors.csv" … */
  suffix: string;
  mime: string;
  content: string;
}

/**
 * The JSON graph file, with the view recorded under `view` (an extra top-level
 * field: parseGraph ignores it, so the file opens in the explorer again).
 */
export function toJson(graph: Graph, meta: ExportMeta): string {
  return JSON.stringify(meta.scope === "view" ? { ...graph, view: metaRecord(meta, graph) } : graph, null, 1) + "\n";
}

export function serializeGraph(graph: Graph, format: ExportFormat, meta: ExportMeta, metrics?: ActorMetrics): ExportFile[] {
  switch (format) {
    case "json":
      return [{ suffix: ".json", mime: "application/json", content: toJson(graph, meta) }];
    case "graphml":
      return [{ suffix: ".graphml", mime: "application/graphml+xml", content: toGraphML(graph, meta, metrics) }];
    case "gexf":
      return [{ suffix: ".gexf", mime: "application/gexf+xml", content: toGexf(graph, meta, metrics) }];
    case "csv": {
      const c = toCsv(graph, metrics);
      return [
        { suffix: ".actors.csv", mime: "text/csv", content: c.actors },
        { suffix: ".relations.csv", mime: "text/csv", content: c.relations },
        { suffix: ".evidence.csv", mime: "text/csv", content: c.evidence },
      ];
    }
  }
}

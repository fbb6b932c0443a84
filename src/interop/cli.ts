// `npm run build:graph -- --format json|graphml|gexf|csv`: writes the built
// graph in the chosen format at --out. For another format than JSON, an --out
// ending in .json (the default public/graph.json) takes the format's extension;
// CSV writes three files beside each other: NAME.actors.csv, NAME.relations.csv, NAME.evidence.csv.
import { InvalidArgumentError } from "commander";
import type { Graph } from "../graph/schema";
import { isExportFormat, EXPORT_FORMATS, type ExportFormat } from "./exportFormats";

export type { ExportFormat };

export function parseFormat(v: string): ExportFormat {
  const f = v.toLowerCase();
  if (!isExportFormat(f)) throw new InvalidArgumentError(`unknown format "${v}": expected one of ${EXPORT_FORMATS.join(", ")}`);
  return f;
}

/** The paths a format writes for an --out path. */
export function outputPaths(format: ExportFormat, out: string): string[] {
  if (format === "json") return [out];
  const base = out.replace(/(\.actors|\.relations|\.evidence)?\.(json|graphml|gexf|csv)$/i, "");
  return serializeSuffixes(format).map((s) => base + s);
}

function serializeSuffixes(format: ExportFormat): string[] {
  return format === "csv" ? [".actors.csv", ".relations.csv", ".evidence.csv"] : [`.${format}`];
}

/** Serializes and writes (through `write`, e.g. an atomic write); returns the paths written. */
export async function writeGraphAs(format: ExportFormat, out: string, graph: Graph, write: (path: string, content: string) => Promise<void>): Promise<string[]> {
  // Loaded only here: a JSON build does not need the XML and CSV writers.
  const { serializeGraph } = await import("./formats");
  const files = serializeGraph(graph, format, { exportedAt: new Date().toISOString(), scope: "build" });
  const paths = outputPaths(format, out);
  for (let i = 0; i < files.length; i++) await write(paths[i], files[i].content);
  return paths;
}

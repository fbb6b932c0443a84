// Reading a graph file from disk (Node) with its per-document files, for tools
// and tests that need sentences and texts: the graph with every text inline and
// every evidence sentence filled in (withTexts).
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseDocumentText, parseGraph, withTexts, type Graph } from "../graph/schema";

/** Reads and validates the graph file at `path`; a document whose file is missing or invalid is an error naming it. */
export async function readGraphFiles(path: string): Promise<Graph> {
  const parsed = parseGraph(JSON.parse(await readFile(path, "utf8")));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error}`);
  const texts = new Map<string, string>();
  for (const d of parsed.graph.documents) {
    if (d.text !== undefined || d.textUrl === undefined) continue;
    const file = resolve(dirname(path), decodeURIComponent(d.textUrl));
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, "utf8"));
    } catch (e) {
      throw new Error(`document "${d.id}": could not read ${file}: ${(e as Error).message}`, { cause: e });
    }
    const r = parseDocumentText(json, d.id, d.textLength);
    if (!r.ok) throw new Error(`document "${d.id}" (${file}): ${r.error}`);
    texts.set(d.id, r.text);
  }
  return withTexts(parsed.graph, texts);
}

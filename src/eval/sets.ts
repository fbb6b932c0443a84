// Gold sets on disk (Node only): finding them, reading them, building the
// extractor's graph for one, and scoring it with the shared scorer.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import type { Graph } from "../graph/schema";
import { assembleGraph, createExtractor, type DocumentExtraction } from "../extract/extract";
import { defaultGazetteer } from "../extract/gazetteer-data";
import { readCorpus } from "../io/corpus";
import { splitGraph } from "../build/write";
import type { GoldRelation, GoldSetData } from "./judge";

export interface GoldSetDir {
  /** Short name: the folder's name, or its path below the root when two folders share a name. */
  name: string;
  dir: string;
}

export const SCORE_LEVELS = ["pair", "typed", "full", "rolledTyped", "foldedPair", "foldedTyped"] as const;
export type ScoreLevel = (typeof SCORE_LEVELS)[number];

export interface LevelScore {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  gold: number;
}

/** What `score.mjs --json` prints (per-document details left out). */
export type ScoreResult = Record<ScoreLevel, LevelScore> & {
  actors: { extracted: number; matchedGold: number; unmatched: number; goldInRelations: number; recall: number };
};

const isGoldSet = (dir: string) =>
  existsSync(join(dir, "actors.json")) &&
  existsSync(join(dir, "texts")) &&
  statSync(join(dir, "texts")).isDirectory() &&
  readdirSync(join(dir, "texts")).some((f) => f.endsWith(".gold.json"));

/**
 * Every folder below `root` (the root included) that holds `actors.json` and
 * `texts/*.gold.json`, sorted by name. Hidden folders and node_modules are not entered.
 */
export function findGoldSets(root: string): GoldSetDir[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (isGoldSet(dir)) found.push(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules") walk(join(dir, e.name));
  };
  walk(root);
  const names = found.map((d) => basename(d));
  return found
    .map((dir, i) => ({ name: names.filter((n) => n === names[i]).length > 1 ? relative(root, dir) || basename(dir) : names[i], dir }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** actors.json and the gold files, in the scorer's order (sorted file names). */
export function readGoldSet(dir: string): GoldSetData {
  const actors = JSON.parse(readFileSync(join(dir, "actors.json"), "utf8"));
  const docs = new Map<string, GoldRelation[]>();
  const texts = join(dir, "texts");
  for (const f of readdirSync(texts)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()) {
    const g = JSON.parse(readFileSync(join(texts, f), "utf8")) as { doc: string; relations: GoldRelation[] };
    docs.set(g.doc, g.relations);
  }
  return { actors, docs };
}

/**
 * The graph the extractor builds from the set's texts, in process and without
 * layout. As in build:graph, a document the extractor throws on is left out
 * and listed in `failed`.
 */
export async function buildSetGraph(
  dir: string,
  generatedAt = "2026-01-01T00:00:00.000Z",
): Promise<{ graph: Graph; documents: number; failed: { doc: string; reason: string }[] }> {
  const corpus = await readCorpus(join(dir, "texts"));
  const extractor = createExtractor(defaultGazetteer());
  const extractions: DocumentExtraction[] = [];
  const failed: { doc: string; reason: string }[] = [];
  for (const d of corpus.documents) {
    try {
      extractions.push(extractor.extractDocument(d));
    } catch (err) {
      failed.push({ doc: d.id, reason: `extraction failed: ${(err as Error).message}` });
    }
  }
  const graph = assembleGraph(extractions, extractor.lexicon, generatedAt);
  return { graph, documents: corpus.documents.length, failed };
}

/** A whole graph with its texts (what buildSetGraph returns), not a partial one of a test. */
const isBuiltGraph = (g: unknown): g is Graph =>
  !!g &&
  typeof g === "object" &&
  Array.isArray((g as Graph).documents) &&
  (g as Graph).documents.every((d) => typeof d.text === "string") &&
  Array.isArray((g as Graph).relations) &&
  (g as Graph).relations.every((r) => Array.isArray(r.evidence));

/** The scorer a set is scored with: its own score.mjs if it has one, else `fallback`. */
export function scorerFor(set: string, fallback: string): string {
  const own = join(set, "score.mjs");
  return existsSync(own) ? own : fallback;
}

/** Runs `node SCORER --gold SET --graph FILE --json` on the graph, through a temporary file. */
export function runScorer(scorer: string, set: string, graph: unknown): ScoreResult {
  const tmp = mkdtempSync(join(tmpdir(), "entente-eval-"));
  try {
    const file = join(tmp, "graph.json");
    // Scored as the build writes it (texts apart, sentences on the first few evidence entries): what other teams score.
    writeFileSync(file, JSON.stringify(isBuiltGraph(graph) ? splitGraph(graph, "graph.docs").graph : graph));
    const out = execFileSync(process.execPath, [scorer, "--gold", set, "--graph", file, "--json"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    return JSON.parse(out) as ScoreResult;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

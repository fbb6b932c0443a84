// Extraction of one document, as run in a worker thread of the build pool (and
// in-process for `--workers 0`). The extractor is made once per thread. The
// result crosses to the main thread by structured clone (Maps and Sets
// included); its cache entry is serialised here, off the main thread.
import type { ArticleInput, Extractor } from "../extract/extract";
import { createExtractor } from "../extract/extract";
import { defaultGazetteer } from "../extract/gazetteer-data";
import { collectDegradation } from "../extract/text";
import { cacheEntryJson, type Extraction } from "./cache";

export interface ExtractTask {
  doc: ArticleInput;
  /** Make the cache entry's JSON too. */
  cache?: boolean;
}

export interface ExtractOutcome {
  extraction: Extraction;
  /** The cache entry (see cache.ts), when the task asked for it. */
  cacheJson?: string;
  /** What the guards had to do to this document (empty when nothing). */
  degraded: string[];
  ms: number;
  /** When extraction began, in ms since the epoch (comparable across threads). */
  startedAt: number;
}

let extractor: Extractor | undefined;

/** This thread's extractor, made on first use. */
export function threadExtractor(): Extractor {
  return (extractor ??= createExtractor(defaultGazetteer()));
}

export function extractOne(doc: ArticleInput, cache = false): ExtractOutcome {
  threadExtractor();
  const t0 = performance.now();
  const startedAt = performance.timeOrigin + t0;
  const { value, degraded } = collectDegradation(() => extractor!.extractDocument(doc));
  // Without the document: the caller has it, and it is most of the bytes.
  const { doc: _, ...extraction } = value;
  return { extraction, ...(cache ? { cacheJson: cacheEntryJson(doc, extraction, degraded) } : {}), degraded, ms: performance.now() - t0, startedAt };
}

export default function run(task: ExtractTask): ExtractOutcome {
  return extractOne(task.doc, task.cache);
}

// Extraction of one document, as run in a worker thread of the build pool (and
// in-process for `--workers 0`). The extractor is made once per thread. What
// comes back is plain data (see plain.ts).
import type { ArticleInput, Extractor } from "../extract/extract";
import { createExtractor } from "../extract/extract";
import { defaultGazetteer } from "../extract/gazetteer-data";
import { collectDegradation } from "../extract/text";
import { toPlain } from "./plain";

export interface ExtractTask {
  doc: ArticleInput;
}

export interface ExtractOutcome {
  /** A DocumentExtraction without its `doc`, as plain data. */
  extraction: unknown;
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

export function extractOne(doc: ArticleInput): ExtractOutcome {
  threadExtractor();
  const t0 = performance.now();
  const startedAt = performance.timeOrigin + t0;
  const { value, degraded } = collectDegradation(() => extractor!.extractDocument(doc));
  // Without the document: the caller has it, and it is most of the bytes.
  return { extraction: toPlain({ ...value, doc: undefined }), degraded, ms: performance.now() - t0, startedAt };
}

export default function run(task: ExtractTask): ExtractOutcome {
  return extractOne(task.doc);
}

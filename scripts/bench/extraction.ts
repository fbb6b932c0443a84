// Extraction speed against bare compromise parsing of the same text in the same
// run: the ratio says what our patterns cost on top of the NLP core.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import nlp from "compromise";
import { assembleGraph, createExtractor } from "../../src/extract/extract";
import { parseArticle } from "../../src/extract/document";
import { defaultGazetteer } from "../../src/extract/gazetteer-data";
import { paragraphs } from "../../src/extract/text";

export interface ExtractionBenchOptions {
  /** Approximate corpus size in bytes. */
  bytes?: number;
  /** Print nothing; only return the numbers. */
  quiet?: boolean;
}

export interface ExtractionBenchResult {
  documents: number;
  kb: number;
  /** Bare compromise parsing, nlp(paragraph).json(), the better of two runs. */
  bareKBs: number;
  /** entente extraction and graph assembly over the same documents. */
  extractionKBs: number;
  /** Extraction time over bare parsing time (≥ 1: what our patterns cost on top). */
  ratio: number;
  relations: number;
}

export async function runExtractionBench(opts: ExtractionBenchOptions = {}): Promise<ExtractionBenchResult> {
  const log = opts.quiet ? () => {} : console.log;
  const target = opts.bytes ?? 2_000_000;
  const dir = resolve(import.meta.dirname, "../../data/articles");
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => parseArticle(f, join(dir, f), readFileSync(join(dir, f), "utf8")).document);
  // A corpus of several MB made of the starting articles, each copy its own document.
  const docs: typeof seeds = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const d = seeds[i % seeds.length];
    docs.push({ ...d, id: `${d.id}-${i}` });
    size += d.text.length;
  }
  const mb = (size / 1e6).toFixed(1);
  log(`extraction: ${docs.length} documents, ${mb} MB`);

  const extractor = createExtractor(defaultGazetteer());
  // Warm up both paths so JIT and lexicon loading do not count.
  for (const d of seeds) {
    extractor.extractDocument(d);
    for (const p of paragraphs(d.text)) nlp(d.text.slice(p.start, p.end)).json({ offset: true, terms: { offset: true } });
  }

  const time = (f: () => void) => {
    const t0 = performance.now();
    f();
    return (performance.now() - t0) / 1000;
  };
  const bareWhole = time(() => {
    for (const d of docs) nlp(d.text).json({ offset: true, terms: { offset: true } });
  });
  const bareRun = () =>
    time(() => {
      for (const d of docs) for (const p of paragraphs(d.text)) nlp(d.text.slice(p.start, p.end)).json({ offset: true, terms: { offset: true } });
    });
  let bare = bareRun();
  let relations = 0;
  const heapBefore = process.memoryUsage().heapUsed;
  const ours = time(() => {
    const xs = docs.map((d) => extractor.extractDocument(d));
    relations = assembleGraph(xs, extractor.lexicon, new Date().toISOString()).relations.length;
  });
  const heapAfter = process.memoryUsage().heapUsed;
  // The reference again after ours, so warm-up and GC order do not favour either side.
  bare = Math.min(bare, bareRun());
  const rate = (s: number) => `${(size / 1e3 / s).toFixed(0)} KB/s`;
  if (!opts.quiet)
    console.table([
      { run: "reference: nlp(paragraph).json() per paragraph", seconds: bare.toFixed(2), rate: rate(bare), ratio: "1.00" },
      { run: "nlp(document).json() whole documents", seconds: bareWhole.toFixed(2), rate: rate(bareWhole), ratio: (bareWhole / bare).toFixed(2) },
      { run: "entente extraction + graph assembly", seconds: ours.toFixed(2), rate: rate(ours), ratio: (ours / bare).toFixed(2) },
    ]);
  log(`extraction found ${relations} relations; heap grew ${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB during it`);
  const kb = size / 1e3;
  return {
    documents: docs.length,
    kb: Math.round(kb),
    bareKBs: Math.round(kb / bare),
    extractionKBs: Math.round(kb / ours),
    ratio: Math.round((ours / bare) * 100) / 100,
    relations,
  };
}

// The build pipeline: read the corpus, extract each article (from the cache,
// in a pool of worker threads with a time budget per article, or in-process),
// assemble the graph. Node only. Layout and writing are the caller's.
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { DocumentExtraction } from "../extract/extract";
import type { Graph } from "../graph/schema";
import { readCorpus, type SkippedFile } from "../io/corpus";
import type { SourceDocument } from "../extract/document";
import { ExtractionCache, type CacheEntry } from "./cache";
import { extractorVersion } from "./version";
import type { ExtractOutcome } from "./worker";

export const PROJECT_ROOT = resolve(import.meta.dirname, "../..");
export const DEFAULT_CACHE_DIR = resolve(PROJECT_ROOT, "node_modules/.cache/entente");
export const DEFAULT_DOC_TIMEOUT_MS = 60_000;
/** One article below this size is extracted in the main thread: starting a worker would cost more than it saves. */
const SMALL_SINGLE_ARTICLE = 256 * 1024;

export interface BuildOptions {
  input: string;
  /** Worker threads; 0 extracts in the calling thread (no time budget then). Default: the cores available. */
  workers?: number;
  /** Cache folder, or null for no cache. Default: DEFAULT_CACHE_DIR. */
  cacheDir?: string | null;
  /** Time budget per article, in ms (workers only). */
  docTimeoutMs?: number;
  /**
   * The extractor version the cache is keyed by. Default: a hash of the
   * extractor's sources and data (or ENTENTE_CACHE_VERSION when set, which the
   * bench uses to measure rebuilds while the sources are being edited).
   */
  cacheVersion?: string;
  /** The graph's generatedAt. */
  generatedAt?: string;
  /** Called when an article starts and when it is done; `file` is an article being extracted now. */
  onProgress?: (p: { done: number; total: number; file?: string }) => void;
}

export interface FileProblem {
  path: string;
  reason: string;
}

export interface BuildSummary {
  input: string;
  /** Articles read and extracted (from the cache or not). */
  files: number;
  skipped: FileProblem[];
  degraded: { path: string; reasons: string[] }[];
  failed: FileProblem[];
  warnings: { path: string; message: string }[];
  /** Articles extracted in this run (not taken from the cache). */
  extracted: number;
  cached: number;
  workers: number;
  actors: number;
  relations: number;
  relationsByType: Record<string, number>;
  /** Milliseconds from the start of the process until the extractor began on the first article (in whichever thread). */
  firstExtractionMs: number | null;
  seconds: number;
  /** Where the time went, in ms (the CLI adds layout, validation and writing). */
  timings: Record<string, number>;
  /** Resident memory of the process (all threads) at the end of each phase, in MB. */
  rssMb: Record<string, number>;
}

export interface BuildResult {
  graph: Graph;
  summary: BuildSummary;
}

type Extract = (doc: SourceDocument, cache: boolean) => Promise<ExtractOutcome>;

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function inProcessExtractor(): Promise<{ extract: Extract; close: () => Promise<void> }> {
  const { extractOne } = await import("./worker");
  return {
    extract: async (doc, cache) => {
      // Let timers (the progress bar) run between articles.
      await new Promise((r) => setImmediate(r));
      return extractOne(doc, cache);
    },
    close: async () => {},
  };
}

async function poolExtractor(threads: number, timeoutMs: number): Promise<{ extract: Extract; close: () => Promise<void> }> {
  const { Tinypool } = await import("tinypool");
  const pool = new Tinypool({
    filename: new URL("./worker-entry.mjs", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // The entry registers the TypeScript loader itself; the parent's flags are not wanted twice.
    execArgv: [],
  });
  return {
    extract: async (doc, cache) => {
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(), timeoutMs);
      try {
        return (await pool.run({ doc: { id: doc.id, title: doc.title, date: doc.date, text: doc.text }, cache }, { signal: ac.signal })) as ExtractOutcome;
      } catch (err) {
        if (ac.signal.aborted) throw new Error(`stopped after the time budget of ${timeoutMs / 1000} s`, { cause: err });
        throw err;
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.destroy(),
  };
}

export async function buildGraph(opts: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now();
  const input = resolve(opts.input);
  const timings: Record<string, number> = {};
  const rssMb: Record<string, number> = {};
  let mark = t0;
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    rssMb[name.replace(/Ms$/, "")] = Math.round(process.memoryUsage().rss / 2 ** 20);
    mark = now;
  };
  // The main thread needs the extractor's lexicon for assembly (and extracts a
  // single small article itself): its modules load while the corpus is read.
  const mainExtractor = import("./worker").then((m) => m.threadExtractor);
  // Awaited later; until then a failure must not count as unhandled.
  mainExtractor.catch(() => {});
  const corpus = await readCorpus(input);
  lap("readMs");
  const docs = corpus.documents;
  const cache =
    opts.cacheDir === null
      ? null
      : new ExtractionCache(opts.cacheDir ?? DEFAULT_CACHE_DIR, opts.cacheVersion ?? (process.env.ENTENTE_CACHE_VERSION || extractorVersion(PROJECT_ROOT)));

  // The cache first: only the misses go to the extractor.
  // Entries come back with Maps and Sets rebuilt and sentences restored from the article.
  const outcomes: (CacheEntry | undefined)[] = cache ? await Promise.all(docs.map((d) => cache.get(d))) : docs.map(() => undefined);
  const todo = docs.map((_, i) => i).filter((i) => !outcomes[i]);
  lap("cacheReadMs");
  const requested = opts.workers ?? availableParallelism();
  const small = todo.length === 1 && docs[todo[0]].text.length < SMALL_SINGLE_ARTICLE;
  const threads = small ? 0 : Math.max(0, Math.min(requested, todo.length));

  const assembler = (async () => {
    const [{ assembleGraph }, threadExtractor] = await Promise.all([import("../extract/extract"), mainExtractor]);
    return { assembleGraph, lexicon: threadExtractor().lexicon };
  })();
  assembler.catch(() => {});

  const failed: FileProblem[] = [];
  const failedAt = new Set<number>();
  let firstExtractionMs: number | null = null;
  let done = docs.length - todo.length;
  opts.onProgress?.({ done, total: docs.length });
  if (todo.length > 0) {
    const ex = threads > 0 ? await poolExtractor(threads, opts.docTimeoutMs ?? DEFAULT_DOC_TIMEOUT_MS) : await inProcessExtractor();
    try {
      let next = 0;
      const inFlight = new Set<string>();
      const writes: Promise<void>[] = [];
      const lane = async () => {
        while (next < todo.length) {
          const i = todo[next++];
          const doc = docs[i];
          inFlight.add(doc.path);
          opts.onProgress?.({ done, total: docs.length, file: doc.path });
          try {
            const o = await ex.extract(doc, cache !== null);
            const began = o.startedAt - performance.timeOrigin;
            if (firstExtractionMs === null || began < firstExtractionMs) firstExtractionMs = Math.round(began);
            // Written in the background: the lane takes the next article at once.
            if (cache && o.cacheJson !== undefined) writes.push(cache.set(doc, o.cacheJson));
            outcomes[i] = { extraction: o.extraction, degraded: o.degraded };
          } catch (err) {
            // An extractor bug (or a stall) on one article must not cost the others.
            failed.push({ path: doc.path, reason: `extraction failed: ${errorMessage(err)}` });
            failedAt.add(i);
          }
          inFlight.delete(doc.path);
          opts.onProgress?.({ done: ++done, total: docs.length, file: inFlight.values().next().value });
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, threads) }, lane));
      await Promise.all(writes);
    } finally {
      await ex.close();
    }
  }

  const extractions: DocumentExtraction[] = [];
  const degraded: BuildSummary["degraded"] = [];
  docs.forEach((doc, i) => {
    const o = outcomes[i];
    if (!o || failedAt.has(i)) return;
    // Results carry no document (it is most of their bytes): the one read is put back.
    extractions.push({ ...o.extraction, doc });
    if (o.degraded.length) degraded.push({ path: doc.path, reasons: o.degraded });
  });
  failed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  lap("extractMs");
  const { assembleGraph, lexicon } = await assembler;
  lap("lexiconWaitMs");
  const graph = assembleGraph(extractions, lexicon, opts.generatedAt ?? new Date().toISOString());
  const relationsByType: Record<string, number> = {};
  for (const r of graph.relations) relationsByType[r.type] = (relationsByType[r.type] ?? 0) + 1;
  lap("assembleMs");
  const skipped: SkippedFile[] = corpus.skipped;
  return {
    graph,
    summary: {
      input,
      files: extractions.length,
      skipped,
      degraded,
      failed,
      warnings: corpus.warnings,
      extracted: todo.length - failedAt.size,
      cached: docs.length - todo.length,
      workers: threads,
      actors: graph.actors.length,
      relations: graph.relations.length,
      relationsByType,
      firstExtractionMs,
      seconds: (performance.now() - t0) / 1000,
      timings,
      rssMb,
    },
  };
}

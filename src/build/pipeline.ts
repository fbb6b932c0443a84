// The build pipeline: read the corpus, extract each article (from the cache,
// in a pool of worker threads with a time budget per article, or in-process),
// assemble the graph. Node only. Layout and writing are the caller's.
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { DocumentExtraction } from "../extract/extract";
import type { Graph } from "../graph/schema";
import { readArticle, readCorpusFiles } from "../io/corpus";
import type { SourceDocument } from "../extract/document";
import { ExtractionCache, type CacheEntry } from "./cache";
import type { IncrementalGraph } from "./incremental";
import { contributionSummary, loadState, saveState, type BuildState, type StateDoc, type StateFile } from "./state";
import { extractorVersion, readerVersion } from "./version";
import { documentFileContent } from "./write";
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
  /**
   * Keep a build state for this graph file in the cache folder (src/build/state.ts), and start from the
   * previous one when it fits: a rebuild then assembles only what the changed articles touch. For the
   * JSON graph file with per-document files, without layout; needs the cache.
   */
  state?: { out: string };
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
  /** The graph (for an incremental build, made from its records on first use). */
  graph: Graph;
  summary: BuildSummary;
  /** Set when the graph was assembled from the previous build's state: write this instead of `graph`. */
  incremental?: IncrementalGraph;
  /** With `state`: stores the state once the graph file is written (`relationsAt` from writeGraphFiles). */
  saveState?: (graphFile: string, relationsAt: number) => Promise<void>;
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
  return build(opts, true);
}

/** What a first attempt hands the full assembly it falls back to: extractions made and failures met, by cache key. */
interface Carried {
  outcomes: Map<string, CacheEntry>;
  failures: Map<string, string>;
  extracted: number;
  firstExtractionMs: number | null;
}

async function build(opts: BuildOptions, useState: boolean, carried?: Carried): Promise<BuildResult> {
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
  const cache =
    opts.cacheDir === null
      ? null
      : new ExtractionCache(opts.cacheDir ?? DEFAULT_CACHE_DIR, opts.cacheVersion ?? (process.env.ENTENTE_CACHE_VERSION || extractorVersion(PROJECT_ROOT)));

  // The previous build's state, when it fits: its articles that did not change need no cache read, and those
  // whose file has the size and time it had then are not even read (the state keeps what reading gave).
  const stateOut = cache && opts.state ? resolve(opts.state.out) : null;
  const reader = stateOut ? readerVersion(PROJECT_ROOT) : "";
  const prev = useState && cache && stateOut ? await loadState(cache.dir, stateOut, cache.version) : null;
  if (useState && stateOut) lap("stateReadMs");
  const byPath = new Map(prev && prev.state.readerVersion === reader ? prev.state.docs.map((d) => [d.file.path, d]) : []);
  const corpus = await readCorpusFiles(input, {
    reuse: (path, id, info) => {
      const sd = byPath.get(path);
      const f = sd?.file;
      return f && sd.id === id && f.trusted && f.size === info.size && f.mtimeMs === info.mtimeMs ? { title: f.title, date: f.date, warnings: f.warnings } : undefined;
    },
  });
  lap("readMs");
  const docs = corpus.documents;
  /** An article that was read (every one not kept from the state is). */
  const read = (i: number): SourceDocument => {
    const d = docs[i];
    if (d.text === undefined) throw new Error(`internal: ${d.path} was not read`);
    return d as SourceDocument;
  };
  const keys = cache ? docs.map((d, i) => (d.text === undefined ? byPath.get(d.path)!.key : cache.key(read(i)))) : [];
  const prevDocs = new Map((prev?.state.docs ?? []).map((d) => [d.id, d]));
  const kept: (StateDoc | undefined)[] = docs.map((d, i) => {
    const sd = prevDocs.get(d.id);
    return sd && sd.key === keys[i] ? sd : undefined;
  });

  const failed: FileProblem[] = [];
  const failedAt = new Set<number>();
  // The cache first: only the misses go to the extractor.
  // Entries come back with Maps and Sets rebuilt and sentences restored from the article.
  const outcomes: (CacheEntry | undefined)[] = cache
    ? await Promise.all(docs.map((_, i) => (kept[i] ? undefined : (carried?.outcomes.get(keys[i]) ?? cache.get(read(i))))))
    : docs.map(() => undefined);
  if (carried && cache)
    docs.forEach((d, i) => {
      const reason = !outcomes[i] && !kept[i] ? carried.failures.get(keys[i]) : undefined;
      if (reason === undefined) return;
      failed.push({ path: d.path, reason });
      failedAt.add(i);
    });
  const todo = docs.map((_, i) => i).filter((i) => !outcomes[i] && !kept[i] && !failedAt.has(i));
  lap("cacheReadMs");
  const requested = opts.workers ?? availableParallelism();
  const small = todo.length === 1 && read(todo[0]).text.length < SMALL_SINGLE_ARTICLE;
  const threads = small ? 0 : Math.max(0, Math.min(requested, todo.length));

  const assembler = (async () => {
    const [{ assembleGraphParts }, threadExtractor] = await Promise.all([import("../extract/extract"), mainExtractor]);
    return { assembleGraphParts, lexicon: threadExtractor().lexicon };
  })();
  assembler.catch(() => {});

  let firstExtractionMs: number | null = carried?.firstExtractionMs ?? null;
  let done = docs.length - todo.length;
  let extractedCount = carried?.extracted ?? 0;
  opts.onProgress?.({ done, total: docs.length });
  const extractAll = async (todo: number[], threads: number) => {
    if (todo.length === 0) return;
    const ex = threads > 0 ? await poolExtractor(threads, opts.docTimeoutMs ?? DEFAULT_DOC_TIMEOUT_MS) : await inProcessExtractor();
    try {
      let next = 0;
      const inFlight = new Set<string>();
      const writes: Promise<void>[] = [];
      const lane = async () => {
        while (next < todo.length) {
          const i = todo[next++];
          const doc = read(i);
          inFlight.add(doc.path);
          opts.onProgress?.({ done, total: docs.length, file: doc.path });
          try {
            const o = await ex.extract(doc, cache !== null);
            const began = o.startedAt - performance.timeOrigin;
            if (firstExtractionMs === null || began < firstExtractionMs) firstExtractionMs = Math.round(began);
            // Written in the background: the lane takes the next article at once.
            if (cache && o.cacheJson !== undefined) writes.push(cache.set(doc, o.cacheJson));
            outcomes[i] = { extraction: o.extraction, degraded: o.degraded };
            extractedCount++;
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
  };
  await extractAll(todo, threads);
  const generatedAt = opts.generatedAt ?? new Date().toISOString();

  // What the state keeps of each article's file.
  const warningsOf = new Map<string, string[]>();
  for (const w of corpus.warnings) warningsOf.set(w.path, [...(warningsOf.get(w.path) ?? []), w.message]);
  const fileOf = (i: number): StateFile => {
    const d = docs[i];
    const sd = byPath.get(d.path);
    if (d.text === undefined) return sd!.file;
    const info = corpus.files[i];
    const f = sd?.file;
    // Unchanged but for its time, or not at all: the record it had.
    if (f && f.size === info.size && f.mtimeMs === info.mtimeMs && f.trusted === info.trusted && kept[i]) return f;
    const text = d.text;
    return {
      path: d.path,
      ...info,
      title: d.title,
      date: d.date,
      textLength: text.length,
      fileBytes: Buffer.byteLength(documentFileContent(d.id, text)),
      warnings: warningsOf.get(d.path) ?? [],
    };
  };
  // An article's text, read again for an article that was not read (checked against the state's key).
  const texts = new Map<number, Promise<string>>();
  const textOf = (i: number): Promise<string> => {
    const d = docs[i];
    if (d.text !== undefined) return Promise.resolve(d.text);
    let t = texts.get(i);
    if (!t) {
      t = readArticle(input, d.path, d.id).then(({ document }) => {
        if (cache!.key(document) !== keys[i]) throw new Error(`${d.path} changed during the build`);
        return document.text;
      });
      texts.set(i, t);
    }
    return t;
  };

  let incremental: IncrementalGraph | undefined;
  if (prev) {
    lap("extractMs");
    const { lexicon } = await assembler;
    const { assembleIncremental } = await import("./incremental");
    const { defaultRulePrecision } = await import("../extract/confidence");
    const included = docs.map((_, i) => i).filter((i) => !failedAt.has(i));
    try {
      incremental =
        (await assembleIncremental({
          prev,
          docs: included.map((i) => docs[i]),
          files: included.map(fileOf),
          text: (j) => textOf(included[j]),
          keys: included.map((i) => keys[i]),
          kept: included.map((i) => kept[i]),
          extractions: included.map((i) => outcomes[i]?.extraction),
          degraded: included.map((i) => outcomes[i]?.degraded ?? []),
          load: async (j) => {
            const i = included[j];
            const text = await textOf(i);
            const entry = await cache!.get({ ...docs[i], text });
            return entry && { extraction: entry.extraction, text };
          },
          lexicon,
          generatedAt,
          rulePrecision: defaultRulePrecision(),
          readerVersion: reader,
        })) ?? undefined;
    } catch {
      // A state that does not add up is only a slower build.
      incremental = undefined;
    }
    lap("assembleMs");
    if (!incremental) {
      // Everything again without the state, with what this attempt extracted (or failed at) carried over.
      const carry: Carried = { outcomes: new Map(), failures: new Map(), extracted: extractedCount, firstExtractionMs };
      docs.forEach((_, i) => {
        if (outcomes[i] && !kept[i]) carry.outcomes.set(keys[i], outcomes[i]);
      });
      for (const i of failedAt) carry.failures.set(keys[i], failed.find((f) => f.path === docs[i].path)!.reason);
      return build(opts, false, carry);
    }
  }
  // The summary of either way of assembling: what differs is passed in, the rest is this run's.
  const summaryOf = (made: Pick<BuildSummary, "files" | "degraded" | "actors" | "relations" | "relationsByType">): BuildSummary => ({
    input,
    files: made.files,
    skipped: corpus.skipped,
    degraded: made.degraded,
    failed,
    warnings: corpus.warnings,
    extracted: extractedCount,
    cached: docs.length - extractedCount - failedAt.size,
    workers: threads,
    actors: made.actors,
    relations: made.relations,
    relationsByType: made.relationsByType,
    firstExtractionMs,
    seconds: (performance.now() - t0) / 1000,
    timings,
    rssMb,
  });
  if (incremental) {
    const degraded: BuildSummary["degraded"] = [];
    docs.forEach((doc, i) => {
      const d = !failedAt.has(i) && (outcomes[i]?.degraded ?? kept[i]?.degraded);
      if (d && d.length) degraded.push({ path: doc.path, reasons: d });
    });
    failed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const inc = incremental;
    const { materialize } = await import("./incremental");
    let graph: Graph | undefined;
    return {
      get graph() {
        return (graph ??= materialize(inc));
      },
      incremental: inc,
      saveState: (graphFile, relationsAt) => saveState(cache!.dir, inc.state, graphFile, relationsAt),
      summary: summaryOf({ files: docs.length - failedAt.size, degraded, actors: inc.graph.actors.length, relations: inc.relationCount, relationsByType: inc.relationsByType }),
    };
  }

  lap("extractMs");
  const extractions: DocumentExtraction[] = [];
  const degraded: BuildSummary["degraded"] = [];
  docs.forEach((_, i) => {
    const o = outcomes[i];
    if (!o || failedAt.has(i)) return;
    const doc = read(i);
    // Results carry no document (it is most of their bytes): the one read is put back.
    extractions.push({ ...o.extraction, doc });
    if (o.degraded.length) degraded.push({ path: doc.path, reasons: o.degraded });
  });
  failed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const { assembleGraphParts, lexicon } = await assembler;
  lap("lexiconWaitMs");
  const { graph, parts } = assembleGraphParts(extractions, lexicon, generatedAt);
  const relationsByType: Record<string, number> = {};
  for (const r of graph.relations) relationsByType[r.type] = (relationsByType[r.type] ?? 0) + 1;
  lap("assembleMs");
  let save: BuildResult["saveState"];
  if (stateOut && cache) {
    const included = docs.map((_, i) => i).filter((i) => outcomes[i] && !failedAt.has(i));
    const state: Omit<BuildState, "lines" | "format"> = {
      cacheVersion: cache.version,
      readerVersion: reader,
      out: stateOut,
      docs: included.map((i, k) => {
        const actors = [...outcomes[i]!.extraction.actors];
        return {
          id: docs[i].id,
          key: keys[i],
          actors,
          ids: actors.map(([key]) => parts.globalIds[k].get(key)!),
          ...contributionSummary(parts.contributions[k], read(i).text),
          degraded: outcomes[i]!.degraded,
          file: fileOf(i),
        };
      }),
      relIds: graph.relations.map((r) => r.id),
      relationsByType,
      mixedDirected: [...parts.mixedDirected],
    };
    save = (graphFile, relationsAt) => saveState(cache.dir, state, graphFile, relationsAt);
  }
  return {
    graph,
    saveState: save,
    summary: summaryOf({ files: extractions.length, degraded, actors: graph.actors.length, relations: graph.relations.length, relationsByType }),
  };
}

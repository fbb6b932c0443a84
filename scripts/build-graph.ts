// npm run build:graph -- --input DIR --out FILE [--workers N] [--no-cache] [--json] [--strict]
// Reads every .txt under DIR, extracts actors and relations, lays the graph out
// and writes the graph JSON the explorer reads. One bad file is reported and
// skipped; it never sinks the build. Exit code: 0 when the graph was written
// (warnings for skipped or degraded files), 1 on a fatal error, or with
// --strict when any article failed or was degraded.
import { register } from "node:module";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { buildGraph, DEFAULT_CACHE_DIR, DEFAULT_DOC_TIMEOUT_MS, type BuildSummary } from "../src/build/pipeline";
import { existingGraphDocuments, writeFileAtomic, writeGraphFiles, type GraphFilesResult } from "../src/build/write";
import { outputPaths, parseFormat, writeGraphAs, type ExportFormat } from "../src/interop/cli";
import type { Graph as GraphType } from "../src/graph/schema";

const count = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number ≥ 0");
  return n;
};
const seconds = (v: string) => {
  const n = Number(v);
  if (!(n > 0)) throw new InvalidArgumentError("expected a number of seconds > 0");
  return n;
};

// compromise as its one-file build, which loads faster (see src/build/resolve-hooks.mjs); before anything imports it.
register("../src/build/resolve-hooks.mjs", import.meta.url);

const program = new Command()
  .name("build:graph")
  .description("Extract the actor–relation graph from a folder of plain-text articles.")
  .option("-i, --input <dir>", "folder of .txt articles (read recursively)", "data/articles")
  .option("-o, --out <file>", "graph JSON to write", "public/graph.json")
  .option("--no-layout", "skip the build-time layout (positions are then computed in the browser)")
  .option("-w, --workers <n>", "worker threads for extraction (0: in the main thread, no time budget)", count, availableParallelism())
  .option("--cache <dir>", `cache of per-article extractions (default ${DEFAULT_CACHE_DIR.replace(process.cwd() + "/", "")})`)
  .option("--no-cache", "extract every article again, without reading or writing the cache")
  .option("--doc-timeout <seconds>", "time budget per article; an article over it is reported as failed", seconds, DEFAULT_DOC_TIMEOUT_MS / 1000)
  .option("--allow-empty", "write the graph even when no article was read (replacing an existing graph)")
  .option("--strict", "exit 1 when any article failed or was degraded (for CI)")
  .option("--format <format>", "what to write at --out: json (the explorer's graph file), graphml, gexf, or csv (NAME.actors/.relations/.evidence.csv)", parseFormat, "json")
  .option("--single-file", "json: one self-contained graph file with the article texts inline, instead of the graph file and NAME.docs/ (one file per article) beside it")
  .option("--json", "print the summary as JSON on stdout (files, skipped, degraded, failed, actors, relations, seconds)")
  .option("-q, --quiet", "print only errors")
  .parse();
const opts = program.opts<{
  input: string;
  out: string;
  layout: boolean;
  workers: number;
  cache?: string | false;
  docTimeout: number;
  allowEmpty?: boolean;
  strict?: boolean;
  singleFile?: boolean;
  json?: boolean;
  quiet?: boolean;
}>();
const log = (...a: unknown[]) => {
  if (!opts.quiet && !opts.json) console.log(...a);
};

function printProblems(s: BuildSummary): void {
  if (opts.json) return;
  for (const w of s.warnings) console.warn(`warning: ${w.path}: ${w.message}`);
  for (const f of s.skipped) log(`  skipped ${f.path}: ${f.reason}`);
  for (const d of s.degraded) console.warn(`degraded ${d.path}: ${d.reasons.join("; ")}`);
  for (const f of s.failed) console.warn(`failed ${f.path}: ${f.reason}`);
}

async function main(): Promise<number> {
  const out = resolve(opts.out);
  const showBar = !opts.quiet && !opts.json && process.stderr.isTTY;
  let bar: import("cli-progress").SingleBar | undefined;
  if (showBar) {
    const { SingleBar, Presets } = await import("cli-progress");
    bar = new SingleBar({ format: "extracting {bar} {value}/{total} | {file}", hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  }
  let started = false;
  const format = (opts as { format?: ExportFormat }).format ?? "json";
  const cacheDir = opts.cache === false ? null : opts.cache ? resolve(opts.cache) : DEFAULT_CACHE_DIR;
  const result = await buildGraph({
    input: opts.input,
    workers: opts.workers,
    cacheDir,
    docTimeoutMs: opts.docTimeout * 1000,
    // A rebuild of the JSON graph file starts from the previous build's state (see src/build/state.ts).
    ...(cacheDir !== null && format === "json" && !opts.singleFile && !opts.layout ? { state: { out } } : {}),
    onProgress: ({ done, total, file }) => {
      if (!bar) return;
      const name = file ? file.slice(summaryInput.length + 1) || file : "";
      if (!started) {
        bar.start(total, done, { file: name });
        started = true;
      } else bar.update(done, { file: name });
    },
  });
  bar?.stop();
  const { summary, incremental } = result;

  const finish = (code: number, error?: string) => {
    summary.seconds = Math.round((performance.now() - t0) / 100) / 10;
    if (opts.json) console.log(JSON.stringify({ ...summary, out, written: wrote, documentFiles: docFiles, error: error ?? null }, null, 1));
    if (error) console.error(`error: ${error}`);
    return code;
  };
  let wrote = false;
  let docFiles: GraphFilesResult | null = null;
  printProblems(summary);

  if (summary.files === 0 && !opts.allowEmpty) {
    const existing = await existingGraphDocuments(out);
    if (existing !== null && existing > 0) {
      return finish(1, `no article was read from ${opts.input}; keeping ${opts.out} (${existing} documents). Pass --allow-empty to replace it with an empty graph`);
    }
  }
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    summary.timings[name] = Math.round(now - mark);
    summary.rssMb[name.replace(/Ms$/, "")] = Math.round(process.memoryUsage().rss / 2 ** 20);
    mark = now;
  };
  const SCHEMA_BUG = "the extracted graph does not match the schema (a bug in entente)";
  /** Validates what is about to be written, printing the first issues when it does not match. */
  const matchesSchema = async (candidate: unknown): Promise<boolean> => {
    const { Graph } = await import("../src/graph/schema");
    const checked = Graph.safeParse(candidate);
    lap("validateMs");
    if (!checked.success) for (const i of checked.error.issues.slice(0, 10)) console.error(`  ${i.path.join(".")}: ${i.message}`);
    return checked.success;
  };
  if (incremental) {
    // Validated where it is written, but only what this run assembled: the header, documents, actors and the
    // changed relations (with the references of those relations checked against the actors and documents).
    // Every other relation record is copied byte for byte from the previous graph file, which was validated when
    // it was written and is read back from our own state (its size and time checked). Its references hold by
    // construction: its actors are kept by the evidence of unchanged articles and its documents are unchanged.
    if (!(await matchesSchema({ ...incremental.graph, relations: incremental.changed }))) return finish(1, SCHEMA_BUG);
    try {
      let relationsAt = -1;
      docFiles = await writeGraphFiles(out, incremental.graph as unknown as GraphType, { unchangedTexts: incremental.unchangedTexts, onRelationsAt: (n) => (relationsAt = n) });
      wrote = true;
      lap("writeMs");
      if (result.saveState && relationsAt >= 0) await result.saveState(out, relationsAt);
      lap("stateWriteMs");
    } catch (err) {
      return finish(1, `could not write ${opts.out}: ${(err as Error).message}`);
    }
    return report(incremental.graph.actors.length, incremental.relationCount);
  }
  let graph = result.graph;
  if (opts.layout && graph.actors.length) {
    // Loaded only when it runs: cytoscape and fcose cost startup time otherwise.
    const { layoutGraph } = await import("../src/layout/layoutGraph");
    graph = layoutGraph(graph, { quality: graph.actors.length > 1000 ? "draft" : "default" });
    lap("layoutMs");
  }
  if (!(await matchesSchema(graph))) return finish(1, SCHEMA_BUG);
  try {
    // JSON is streamed: a large graph is never one string in memory. Article texts go to per-document files beside it
    // (only those whose content changed are rewritten), unless --single-file.
    let relationsAt = -1;
    if (format === "json") docFiles = await writeGraphFiles(out, graph, { singleFile: opts.singleFile, onRelationsAt: (n) => (relationsAt = n) });
    else await writeGraphAs(format, out, graph, writeFileAtomic);
    wrote = true;
    lap("writeMs");
    if (result.saveState && relationsAt >= 0) {
      await result.saveState(out, relationsAt);
      lap("stateWriteMs");
    }
  } catch (err) {
    return finish(1, `could not write ${opts.out}: ${(err as Error).message}`);
  }
  return report(graph.actors.length, graph.relations.length);

  function report(actors: number, relations: number): number {
    const byType =
      Object.entries(summary.relationsByType)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ") || "none";
    log(
      `read ${summary.files} article(s) from ${opts.input} (${summary.cached} from the cache, ${summary.workers === 0 ? "extracted in the main thread" : `${summary.workers} worker${summary.workers === 1 ? "" : "s"}`}), skipped ${summary.skipped.length}, degraded ${summary.degraded.length}, failed ${summary.failed.length}`,
    );
    log(`${actors} actors, ${relations} relations (${byType})`);
    const texts = docFiles?.docsDir ? ` and ${docFiles.written} article file(s) in ${docFiles.docsDir} (${docFiles.unchanged} unchanged, ${docFiles.removed} removed)` : "";
    log(`wrote ${outputPaths((opts as { format?: ExportFormat }).format ?? "json", opts.out).join(", ")}${texts} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (summary.files === 0) console.warn(`warning: no articles found in ${opts.input}: the graph is empty`);
    const bad = summary.failed.length + summary.degraded.length;
    if (opts.strict && bad > 0) return finish(1, `--strict: ${summary.failed.length} article(s) failed and ${summary.degraded.length} degraded`);
    return finish(0);
  }
}

const t0 = performance.now();
const summaryInput = resolve(opts.input);
main().then(
  (code) => process.exit(code),
  (err: Error) => {
    if (opts.json) console.log(JSON.stringify({ error: err.message }));
    console.error(`error: ${err.message}`);
    process.exit(1);
  },
);

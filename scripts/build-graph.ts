// npm run build:graph -- --input DIR --out FILE
// Reads every .txt under DIR, extracts actors and relations, lays the graph out
// and writes the graph JSON the explorer reads. One bad file is reported and
// skipped; it never sinks the build.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { Graph } from "../src/graph/schema";
import { createExtractor, assembleGraph, type DocumentExtraction } from "../src/extract/extract";
import { defaultGazetteer } from "../src/extract/gazetteer-data";
import { readCorpus } from "../src/io/corpus";
import { layoutGraph } from "../src/layout/layoutGraph";

const program = new Command()
  .name("build:graph")
  .description("Extract the actor–relation graph from a folder of plain-text articles.")
  .option("-i, --input <dir>", "folder of .txt articles (read recursively)", "data/articles")
  .option("-o, --out <file>", "graph JSON to write", "public/graph.json")
  .option("--no-layout", "skip the build-time layout (positions are then computed in the browser)")
  .option("-q, --quiet", "print only errors")
  .parse();
const opts = program.opts<{ input: string; out: string; layout: boolean; quiet: boolean }>();
const log = (...a: unknown[]) => {
  if (!opts.quiet) console.log(...a);
};

async function main(): Promise<number> {
  const t0 = performance.now();
  const input = resolve(opts.input);
  const out = resolve(opts.out);
  const showBar = !opts.quiet && process.stderr.isTTY;

  const corpus = await readCorpus(input);
  for (const w of corpus.warnings) console.warn(`warning: ${w.path}: ${w.message}`);
  const extractor = createExtractor(defaultGazetteer());

  const bar = showBar && corpus.documents.length >= 20 ? new SingleBar({ format: "extracting {bar} {value}/{total} articles | {eta_formatted} left", hideCursor: true }, Presets.shades_classic) : undefined;
  bar?.start(corpus.documents.length, 0);
  const extractions: DocumentExtraction[] = [];
  const failed: { path: string; reason: string }[] = [];
  for (const doc of corpus.documents) {
    try {
      extractions.push(extractor.extractDocument(doc));
    } catch (err) {
      // An extractor bug on one article must not cost the other articles.
      failed.push({ path: doc.path, reason: `extraction failed: ${(err as Error).message}` });
    }
    bar?.increment();
  }
  bar?.stop();

  let graph = assembleGraph(extractions, extractor.lexicon, new Date().toISOString());
  if (opts.layout && graph.actors.length) graph = layoutGraph(graph, { quality: graph.actors.length > 1000 ? "draft" : "default" });

  const checked = Graph.safeParse(graph);
  if (!checked.success) {
    console.error("error: the extracted graph does not match the schema (a bug in entente):");
    for (const i of checked.error.issues.slice(0, 10)) console.error(`  ${i.path.join(".")}: ${i.message}`);
    return 1;
  }
  await mkdir(dirname(out), { recursive: true });
  // Write then rename, so a reader never sees half a file.
  const tmp = `${out}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(graph, null, 1) + "\n");
  await rename(tmp, out);

  const skipped = [...corpus.skipped, ...failed];
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  log(`read ${extractions.length} article(s) from ${opts.input}, skipped ${skipped.length}`);
  for (const s of skipped) log(`  skipped ${s.path}: ${s.reason}`);
  const byType = new Map<string, number>();
  for (const r of graph.relations) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  log(`${graph.actors.length} actors, ${graph.relations.length} relations (${[...byType].map(([t, n]) => `${t} ${n}`).join(", ") || "none"})`);
  log(`wrote ${opts.out} in ${secs} s`);
  if (extractions.length === 0) console.warn(`warning: no articles found in ${opts.input}: the graph is empty`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`error: ${err.message}`);
    process.exit(1);
  },
);

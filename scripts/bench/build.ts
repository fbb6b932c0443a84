// Build bench: the CLI as a user runs it (a child process each time), on a
// generated corpus: 1 vs 2 workers, a full build vs a rebuild after one changed
// article (through the cache), peak RSS of the full build, and the hostile
// folder of ../shared/bench/make-bad-inputs.sh.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { Graph } from "../../src/graph/schema";
import { extractorVersion } from "../../src/build/version";
import { generateCorpus } from "../generate-corpus";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const CLI = join(ROOT, "scripts/build-graph.ts");
const BAD_INPUTS = resolve(ROOT, "../shared/bench/make-bad-inputs.sh");
const run = promisify(execFile);
const BENCH_VERSION = `bench-${extractorVersion(ROOT)}`;

export interface BuildBenchOptions {
  /** Size of the generated corpus for the full build and rebuild, in MB. */
  mb?: number;
  /** Size of the corpus for 1 vs 2 workers, in MB. */
  workersMb?: number;
  quiet?: boolean;
}

interface CliRun {
  code: number;
  seconds: number;
  /** Peak resident set of the build process (all its threads), in MB; null without /usr/bin/time. */
  peakRssMb: number | null;
  summary: Record<string, unknown> | null;
}

async function build(args: string[]): Promise<CliRun> {
  const rssFile = join(tmpdir(), `entente-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const timed = existsSync("/usr/bin/time");
  const [cmd, argv] = timed ? ["/usr/bin/time", ["-f", "%M", "-o", rssFile, process.execPath, TSX, CLI, ...args]] : [process.execPath, [TSX, CLI, ...args]];
  const t0 = performance.now();
  let code = 0;
  let stdout: string;
  try {
    // One cache version for the whole bench: other edits to src/extract during
    // a run must not turn the rebuild into a full build.
    stdout = (await run(cmd, argv as string[], { cwd: ROOT, maxBuffer: 1 << 28, env: { ...process.env, ENTENTE_CACHE_VERSION: BENCH_VERSION } })).stdout;
  } catch (err) {
    const e = err as { code: number; stdout: string };
    code = e.code;
    stdout = e.stdout;
  }
  const seconds = (performance.now() - t0) / 1000;
  let peakRssMb: number | null = null;
  if (timed && existsSync(rssFile)) {
    const kb = Number(readFileSync(rssFile, "utf8").trim().split("\n").pop());
    if (kb > 0) peakRssMb = Math.round(kb / 1024);
    rmSync(rssFile, { force: true });
  }
  let summary: Record<string, unknown> | null;
  try {
    summary = JSON.parse(stdout);
  } catch {
    summary = null;
  }
  return { code, seconds: Math.round(seconds * 100) / 100, peakRssMb, summary };
}

export async function runBuildBench(opts: BuildBenchOptions = {}) {
  const log = opts.quiet ? () => {} : (...a: unknown[]) => console.log(...a);
  const mb = opts.mb ?? 10;
  const workersMb = opts.workersMb ?? 2;
  const dir = mkdtempSync(join(tmpdir(), "entente-bench-"));
  try {
    // 1 vs 2 workers, no cache.
    const small = join(dir, "small");
    generateCorpus({ outDir: small, mb: workersMb, seed: 2 });
    log(`build bench: 1 vs 2 workers on ${workersMb} MB…`);
    const common = ["--no-layout", "--json", "--doc-timeout", "600"];
    // The same file name in two folders: documents point to their texts by the graph file's name (graph.docs/…).
    const [w1, w2] = [join(dir, "w1", "graph.json"), join(dir, "w2", "graph.json")];
    const one = await build(["--input", small, "--out", w1, "--workers", "1", "--no-cache", ...common]);
    const two = await build(["--input", small, "--out", w2, "--workers", "2", "--no-cache", ...common]);
    const strip = (f: string) => JSON.stringify({ ...JSON.parse(readFileSync(f, "utf8")), generatedAt: "" });
    const identical = strip(w1) === strip(w2);

    // Full build (empty cache) vs rebuild after one changed article.
    const big = join(dir, "big");
    const gen = generateCorpus({ outDir: big, mb, seed: 1 });
    const cache = join(dir, "cache");
    log(`build bench: full build of ${mb} MB (${gen.files} articles), then a rebuild after one changed article…`);
    const full = await build(["--input", big, "--out", join(dir, "full.json"), "--cache", cache, ...common]);
    const first = readdirSync(big).sort()[0];
    writeFileSync(join(big, first), `${readFileSync(join(big, first), "utf8")}\nIran and Iraq met in Baghdad on Monday.\n`);
    // Into the same graph file, as a user rebuilds: the build state is kept per output file.
    const re = await build(["--input", big, "--out", join(dir, "full.json"), "--cache", cache, ...common]);

    // The hostile folder.
    let hostile: Record<string, unknown> | null = null;
    if (existsSync(BAD_INPUTS)) {
      log("build bench: hostile folder…");
      const bad = join(dir, "bad");
      const good = join(dir, "good");
      await run("bash", [BAD_INPUTS, bad]);
      mkdirSync(good);
      for (const f of ["good-1.txt", "good-2.txt", "good-3.txt"]) writeFileSync(join(good, f), readFileSync(join(bad, f)));
      const h = await build(["--input", bad, "--out", join(dir, "bad.json"), "--no-cache", "--json", "--no-layout"]);
      const g = await build(["--input", good, "--out", join(dir, "good.json"), "--no-cache", "--json", "--no-layout", "--workers", "0"]);
      const badGraph = existsSync(join(dir, "bad.json")) ? JSON.parse(readFileSync(join(dir, "bad.json"), "utf8")) : null;
      const goodGraph = JSON.parse(readFileSync(join(dir, "good.json"), "utf8"));
      const have = new Set((badGraph?.relations ?? []).map((r: { id: string }) => r.id));
      const goodIds: string[] = goodGraph.relations.map((r: { id: string }) => r.id);
      const s = h.summary as { skipped?: { reason: string }[]; degraded?: { reasons: string[] }[]; failed?: { reason: string }[] } | null;
      hostile = {
        seconds: h.seconds,
        exitCode: h.code,
        peakRssMb: h.peakRssMb,
        validGraph: badGraph !== null && Graph.safeParse(badGraph).success,
        goodRelations: goodIds.length,
        goodRelationsFound: goodIds.filter((id) => have.has(id)).length,
        skipped: s?.skipped?.length ?? null,
        degraded: s?.degraded?.length ?? null,
        failed: s?.failed ?? null,
        everyProblemHasAReason:
          !!s && [...(s.skipped ?? []).map((x) => x.reason), ...(s.degraded ?? []).flatMap((x) => x.reasons), ...(s.failed ?? []).map((x) => x.reason)].every((r) => !!r),
        goodOnlyBuildSeconds: g.seconds,
      };
    }
    const extracted = (r: CliRun) => (r.summary as { extracted?: number } | null)?.extracted ?? null;
    const extractMs = (r: CliRun) => (r.summary as { timings?: { extractMs?: number } } | null)?.timings?.extractMs ?? null;
    const [e1, e2] = [extractMs(one), extractMs(two)];
    return {
      workers: {
        mb: workersMb,
        oneSeconds: one.seconds,
        twoSeconds: two.seconds,
        speedup: Math.round((one.seconds / two.seconds) * 100) / 100,
        // The extraction phase alone (worker start-up included; reading, assembly and writing are serial).
        extractSeconds: [e1, e2].map((ms) => (ms === null ? null : Math.round(ms / 10) / 100)),
        extractSpeedup: e1 && e2 ? Math.round((e1 / e2) * 100) / 100 : null,
        identicalOutput: identical,
      },
      rebuild: {
        mb,
        articles: gen.files,
        fullSeconds: full.seconds,
        fullExtracted: extracted(full),
        rebuildSeconds: re.seconds,
        rebuildExtracted: extracted(re),
        ratio: Math.round((re.seconds / full.seconds) * 1000) / 1000,
      },
      peakRssMb: full.peakRssMb,
      hostile,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

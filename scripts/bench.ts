// npm run bench [-- --only extraction|build|explorer] [-- --mb N] [-- --build-mb N] [-- --json]
// Prints ratios against a reference run in the same process, not absolute verdicts.
// --json prints one JSON object: bare nlp() and extraction KB/s and their ratio,
// 1 vs 2 workers, full build vs rebuild after one changed article, peak RSS, the
// hostile folder's total time (the explorer bench runs only without --json, or with --only explorer).
import { Command } from "commander";
import { runBuildBench } from "./bench/build";
import { runExtractionBench } from "./bench/extraction";

const opts = new Command()
  .option("--only <part>", "run only one part: extraction, build or explorer")
  .option("--mb <n>", "extraction corpus size in MB", "2")
  .option("--build-mb <n>", "generated corpus size for the full build and rebuild, in MB", "10")
  .option("--workers-mb <n>", "generated corpus size for 1 vs 2 workers, in MB", "2")
  .option("--json", "print one JSON object with the measurements")
  .parse()
  .opts<{ only?: string; mb: string; buildMb: string; workersMb: string; json?: boolean }>();

const want = (part: string) => !opts.only || opts.only === part;
const out: Record<string, unknown> = {};
if (want("extraction")) out.extraction = await runExtractionBench({ bytes: Number(opts.mb) * 1e6, quiet: opts.json });
if (want("build")) {
  const b = await runBuildBench({ mb: Number(opts.buildMb), workersMb: Number(opts.workersMb), quiet: opts.json });
  out.build = b;
  if (!opts.json) console.log(JSON.stringify(b, null, 2));
}
if (opts.json) {
  out.peakRssMb = (out.build as { peakRssMb?: number } | undefined)?.peakRssMb ?? null;
  out.benchProcessPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(out, null, 1));
}
if ((!opts.json && !opts.only) || opts.only === "explorer") {
  const { runExplorerBench } = await import("./bench/explorer");
  await runExplorerBench();
}

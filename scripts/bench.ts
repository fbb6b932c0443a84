// npm run bench [-- --only extraction|explorer] [-- --mb N]
// Prints ratios against a reference run in the same process, not absolute verdicts.
import { Command } from "commander";
import { runExtractionBench } from "./bench/extraction";

const opts = new Command()
  .option("--only <part>", "run only one part: extraction or explorer")
  .option("--mb <n>", "extraction corpus size in MB", "2")
  .parse()
  .opts<{ only?: string; mb: string }>();

if (!opts.only || opts.only === "extraction") await runExtractionBench({ bytes: Number(opts.mb) * 1e6 });
if (!opts.only || opts.only === "explorer") {
  const { runExplorerBench } = await import("./bench/explorer");
  await runExplorerBench();
}

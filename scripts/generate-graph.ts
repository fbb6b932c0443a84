// Writes a seeded synthetic graph file (valid against src/graph/schema.ts), for
// developing the explorer without the extraction, for tests and for the bench.
//   npx tsx scripts/generate-graph.ts --actors 500 --out public/graph.json [--seed 1] [--layout]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Command } from "commander";
import { parseGraph } from "../src/graph/schema";
import { generateSyntheticGraph } from "../src/graph/synthetic";
import { layoutGraph } from "../src/layout/layoutGraph";

const program = new Command()
  .description("Write a synthetic graph file for the explorer")
  .option("--actors <n>", "number of actors", "300")
  .option("--relations-per-actor <n>", "average relations per actor", "4")
  .option("--seed <n>", "random seed", "1")
  .option("--layout", "compute positions with fcose (as the real build does)", false)
  .option("--out <file>", "output file", "public/graph.json")
  .parse();
const opts = program.opts<{ actors: string; relationsPerActor: string; seed: string; layout: boolean; out: string }>();

const actors = Number(opts.actors);
if (!Number.isInteger(actors) || actors < 0) {
  console.error(`--actors must be a non-negative integer, got "${opts.actors}"`);
  process.exit(2);
}
let graph = generateSyntheticGraph({ actors, relationsPerActor: Number(opts.relationsPerActor), seed: Number(opts.seed) });
if (opts.layout) graph = layoutGraph(graph, { quality: graph.actors.length > 1000 ? "draft" : "default" });
const check = parseGraph(graph);
if (!check.ok) {
  console.error(`generated graph does not validate (a bug in the generator): ${check.error}`);
  process.exit(1);
}
mkdirSync(dirname(opts.out), { recursive: true });
writeFileSync(opts.out, JSON.stringify(graph));
console.log(`wrote ${opts.out}: ${graph.actors.length} actors, ${graph.relations.length} relations, ${graph.documents.length} documents`);

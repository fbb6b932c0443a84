// npm run eval [-- --detail] [-- --json] [-- --write] [-- --root DIR] [-- --scorer FILE]
// Scores the extractor on every gold set under ../shared (a folder holding
// actors.json and texts/*.gold.json), with the shared scorer, and measures the
// precision of each extraction rule. --write stores that precision in
// data/lexicon/rule-precision.json, which relation confidence reads.
import { existsSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { Command } from "commander";
import { Graph } from "../src/graph/schema";
import { judgePredictions, mergeCounts, overallPrecision, rulePrecisionFile, tallyRules, type Prediction, type RuleCount } from "../src/eval/judge";
import { buildSetGraph, findGoldSets, readGoldSet, runScorer, scorerFor, type LevelScore, type ScoreResult } from "../src/eval/sets";

// Piped into head: stop quietly.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

const PROJECT = resolve(import.meta.dirname, "..");
const RULE_FILE = resolve(PROJECT, "data/lexicon/rule-precision.json");
const TABLE_LEVELS = ["pair", "typed", "full", "foldedPair", "foldedTyped"] as const;

const opts = new Command()
  .name("eval")
  .description("Score the extractor on every gold set and measure the precision of each extraction rule.")
  .option("--root <dir>", "folder searched (recursively) for gold sets", resolve(PROJECT, "../shared"))
  .option("--scorer <file>", "scorer for sets without their own score.mjs (default: ROOT/gold/score.mjs)")
  .option("--detail", "print precision and recall too, not only F1")
  .option("--json", "print everything as one JSON object")
  .option("--write", `write the rule precision to ${relative(PROJECT, RULE_FILE)}`)
  .parse()
  .opts<{ root: string; scorer?: string; detail?: boolean; json?: boolean; write?: boolean }>();

interface SetResult {
  name: string;
  dir: string;
  scorer: string;
  documents: number;
  scores: ScoreResult;
  predictions: Prediction[];
  rules: Map<string, RuleCount>;
  overall: RuleCount;
  /** Problems found: an invalid graph, or the rule judging disagreeing with the scorer. */
  problems: string[];
}

async function evaluate(name: string, dir: string, fallbackScorer: string): Promise<SetResult> {
  const { graph, documents, failed } = await buildSetGraph(dir);
  const problems: string[] = failed.map((f) => `${f.doc}: ${f.reason}`);
  const checked = Graph.safeParse(graph);
  if (!checked.success) problems.push(`graph does not match the schema: ${checked.error.issues[0]?.message}`);
  const scorer = scorerFor(dir, fallbackScorer);
  const scores = runScorer(scorer, dir, graph);
  const predictions = judgePredictions(readGoldSet(dir), graph);
  // The rule judging replicates the scorer's foldedTyped level: it must count what the scorer counts.
  const folded = predictions.filter((p) => p.level === "foldedTyped");
  const scorerCorrect = Math.round(scores.foldedTyped.precision * scores.foldedTyped.predicted);
  const correct = folded.filter((p) => p.correct).length;
  if (folded.length !== scores.foldedTyped.predicted || correct !== scorerCorrect)
    problems.push(`rule judging disagrees with the scorer at foldedTyped: ${correct}/${folded.length} correct, scorer ${scorerCorrect}/${scores.foldedTyped.predicted}`);
  return { name, dir, scorer, documents, scores, predictions, rules: tallyRules(predictions), overall: overallPrecision(predictions), problems };
}

const pct = (x: number) => (100 * x).toFixed(1);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function cell(s: LevelScore, detail: boolean): string {
  const counts = `(${s.predicted}/${s.gold})`;
  return detail ? `${lpad(pct(s.precision), 5)} ${lpad(pct(s.recall), 5)} ${lpad(pct(s.f1), 5)} ${counts}` : `${lpad(pct(s.f1), 5)} ${counts}`;
}

function printTables(results: SetResult[], total: Map<string, RuleCount>, overall: RuleCount, detail: boolean) {
  const nameW = Math.max(4, ...results.map((r) => r.name.length)) + 2;
  const cells = results.map((r) => TABLE_LEVELS.map((l) => cell(r.scores[l], detail)));
  const colW = TABLE_LEVELS.map((l, i) => Math.max(l.length, ...cells.map((c) => c[i].length)) + 2);
  console.log(detail ? "Scores: precision, recall, F1 in % (predicted / gold)" : "Scores: F1 in % (predicted / gold); --detail adds precision and recall");
  console.log(
    pad("set", nameW) +
      lpad("docs", 5) +
      "  " +
      TABLE_LEVELS.map((l, i) => pad(detail ? `${l} P R F1` : l, colW[i]))
        .join("")
        .trimEnd(),
  );
  results.forEach((r, k) =>
    console.log(
      pad(r.name, nameW) +
        lpad(String(r.documents), 5) +
        "  " +
        cells[k]
          .map((c, i) => pad(c, colW[i]))
          .join("")
          .trimEnd(),
    ),
  );

  console.log(
    "\nRule precision: each prediction judged at foldedTyped (affiliations at typed, where the gold has any), credited to every rule with evidence for it in that document",
  );
  const ids = [...total.keys()].sort((a, b) => total.get(b)!.predicted - total.get(a)!.predicted || (a < b ? -1 : a > b ? 1 : 0));
  const ruleW = Math.max(18, ...ids.map((id) => id.length)) + 2;
  const setCell = (c: RuleCount | undefined) => (c ? `${c.correct}/${c.predicted} ${lpad(pct(c.precision), 5)}%` : "-");
  const setW = results.map((r) => Math.max(r.name.length, ...ids.map((id) => setCell(r.rules.get(id)).length), setCell(r.overall).length) + 3);
  const row = (label: string, t: RuleCount, perSet: (r: SetResult) => RuleCount | undefined) =>
    pad(label, ruleW) +
    lpad(String(t.predicted), 9) +
    lpad(String(t.correct), 8) +
    lpad(`${pct(t.precision)}%`, 10) +
    "   " +
    results.map((r, i) => lpad(setCell(perSet(r)), setW[i])).join("");
  console.log(pad("rule", ruleW) + lpad("predicted", 9) + lpad("correct", 8) + lpad("precision", 10) + "   " + results.map((r, i) => lpad(r.name, setW[i])).join(""));
  for (const id of ids) console.log(row(id, total.get(id)!, (r) => r.rules.get(id)));
  console.log(row("(all predictions)", overall, (r) => r.overall));
}

async function main(): Promise<number> {
  const root = resolve(opts.root);
  const fallbackScorer = resolve(opts.scorer ?? resolve(root, "gold/score.mjs"));
  if (!existsSync(fallbackScorer)) {
    console.error(`error: scorer not found: ${fallbackScorer} (give one with --scorer)`);
    return 2;
  }
  const sets = findGoldSets(root);
  if (sets.length === 0) {
    console.error(`error: no gold sets (folders with actors.json and texts/*.gold.json) under ${root}`);
    return 2;
  }
  const results: SetResult[] = [];
  for (const s of sets) results.push(await evaluate(s.name, s.dir, fallbackScorer));
  const total = mergeCounts(results.map((r) => r.rules));
  const overall = overallPrecision(results.flatMap((r) => r.predictions));
  const setNames = results.map((r) => r.name);

  if (opts.json) {
    const obj = (m: Map<string, RuleCount>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    console.log(
      JSON.stringify(
        {
          root,
          ruleLevel: "foldedTyped (affiliations: typed)",
          sets: results.map((r) => ({
            name: r.name,
            dir: r.dir,
            scorer: r.scorer,
            documents: r.documents,
            scores: r.scores,
            rules: obj(r.rules),
            overall: r.overall,
            problems: r.problems,
            predictions: r.predictions,
          })),
          rules: obj(total),
          default: Math.round(overall.precision * 1000) / 1000,
          overall,
        },
        null,
        2,
      ),
    );
  } else printTables(results, total, overall, !!opts.detail);

  for (const r of results) for (const p of r.problems) console.error(`warning: ${r.name}: ${p}`);
  if (opts.write) {
    writeFileSync(RULE_FILE, rulePrecisionFile(setNames, total, overall));
    if (!opts.json) console.log(`\nwrote ${relative(PROJECT, RULE_FILE)}`);
  }
  return 0;
}

// exitCode, not exit(): a large --json output into a pipe must be flushed first.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    console.error(`error: ${err.message}`);
    process.exitCode = 1;
  },
);

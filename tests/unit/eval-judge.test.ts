// Per-rule precision (src/eval/judge.ts) on a tiny hand-made gold set and graph,
// and finding gold sets by their shape (src/eval/sets.ts).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgePredictions, mergeCounts, normName, overallPrecision, rulePrecisionFile, tallyRules, type GraphLike } from "../../src/eval/judge";
import { findGoldSets, readGoldSet, runScorer } from "../../src/eval/sets";

const SCORER = resolve(import.meta.dirname, "../../../shared/gold/score.mjs");

const actors = {
  alpha: { name: "Alphaland", kind: "state", names: ["Alphaland", "Alpha"] },
  beta: { name: "Beta Republic", kind: "state", names: ["Beta Republic", "Beta"] },
  us: { name: "United States", kind: "state", names: ["United States", "US"] },
  front: { name: "Gamma Front", kind: "armed-group", names: ["Gamma Front", "The Front"] },
  "jo-doe": { name: "Jo Doe", kind: "person", names: ["Jo Doe"] },
};
const goldDocs = {
  d1: [
    { source: "jo-doe", target: "front", type: "affiliation", status: "asserted" },
    { source: "front", target: "beta", type: "criticism", status: "asserted" },
    { source: "alpha", target: "beta", type: "meeting", status: "asserted" },
    { source: "us", target: "front", type: "conflict", status: "asserted", also: ["criticism"] },
  ],
  d2: [{ source: "alpha", target: "us", type: "aid", status: "intended" }],
};

const ev = (doc: string, rule?: string) => ({ doc, ...(rule ? { rule } : {}) });
const graph: GraphLike = {
  actors: [
    { id: "alpha", name: "Alphaland", kind: "state", aliases: [] },
    { id: "beta", name: "Beta", kind: "state", aliases: ["Beta's"] },
    // Matches "US" once dots and a leading "the" are ignored.
    { id: "usa", name: "The U.S.", kind: "state", aliases: [] },
    { id: "gamma-front", name: "the Front", kind: "armed-group", aliases: [] },
    { id: "jo-doe", name: "Jo Doe", kind: "person", aliases: [] },
    { id: "zeta", name: "Zeta Party", kind: "political-group", aliases: [] },
  ],
  relations: [
    // Judged at typed against the gold affiliation: right.
    { source: "jo-doe", target: "gamma-front", type: "affiliation", status: "asserted", evidence: [ev("d1", "appositive")] },
    // Folds to Gamma Front -> Beta criticism: right, once, credited to both rules.
    { source: "jo-doe", target: "beta", type: "criticism", status: "asserted", evidence: [ev("d1", "svo"), ev("d1", "svo")] },
    { source: "gamma-front", target: "beta", type: "criticism", status: "asserted", evidence: [ev("d1", "passive")] },
    // Meeting is symmetric; the gold says alpha -> beta.
    { source: "beta", target: "alpha", type: "meeting", status: "asserted", evidence: [ev("d1", "svo")] },
    // "also": criticism is accepted for a gold conflict. Status does not matter at typed level.
    { source: "usa", target: "gamma-front", type: "criticism", status: "intended", evidence: [ev("d1", "svo")] },
    // Wrong type.
    { source: "alpha", target: "beta", type: "support", status: "asserted", evidence: [ev("d1", "svo")] },
    // An actor that matches no gold actor.
    { source: "zeta", target: "beta", type: "criticism", status: "asserted", evidence: [ev("d1", "passive")] },
    // No rule: "legacy". Its evidence in d3 (no gold file) is ignored.
    { source: "alpha", target: "usa", type: "aid", status: "asserted", evidence: [ev("d2"), ev("d3", "svo")] },
    // Folds onto itself (Jo Doe -> Gamma Front): not a prediction at foldedTyped.
    { source: "jo-doe", target: "gamma-front", type: "support", status: "asserted", evidence: [ev("d1", "svo")] },
    // An affiliation the gold does not have.
    { source: "jo-doe", target: "beta", type: "affiliation", status: "asserted", evidence: [ev("d2", "appositive")] },
  ],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "entente-eval-judge-"));
  mkdirSync(join(dir, "set", "texts"), { recursive: true });
  writeFileSync(join(dir, "set", "actors.json"), JSON.stringify(actors));
  for (const [doc, relations] of Object.entries(goldDocs)) {
    writeFileSync(join(dir, "set", "texts", `${doc}.gold.json`), JSON.stringify({ doc, relations }));
    writeFileSync(join(dir, "set", "texts", `${doc}.txt`), "Text.\n");
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("normName", () => {
  it("ignores case, dots, hyphens, a leading 'the' and a trailing 's", () => {
    expect(normName("The U.S.")).toBe("us");
    expect(normName("Asia-Pacific  Forum")).toBe("asia pacific forum");
    expect(normName("Beta’s")).toBe("beta");
  });
});

describe("judgePredictions", () => {
  it("judges each prediction as the scorer counts it and credits the rules behind it", () => {
    const preds = judgePredictions(readGoldSet(join(dir, "set")), graph);
    const summary = preds.map((p) => `${p.doc} ${p.level} ${p.source}>${p.type}>${p.target} ${p.correct ? "ok" : "no"} ${p.rules.join("+")}`);
    expect(summary.sort()).toEqual(
      [
        "d1 foldedTyped front>criticism>beta ok passive+svo",
        "d1 foldedTyped beta>meeting>alpha ok svo",
        "d1 foldedTyped us>criticism>front ok svo",
        "d1 foldedTyped alpha>support>beta no svo",
        "d1 foldedTyped ?zeta>criticism>beta no passive",
        "d1 typed jo-doe>affiliation>front ok appositive",
        "d2 foldedTyped alpha>aid>us ok legacy",
        "d2 typed jo-doe>affiliation>beta no appositive",
      ].sort(),
    );
    const rules = tallyRules(preds);
    expect(Object.fromEntries(rules)).toEqual({
      svo: { predicted: 4, correct: 3, precision: 0.75 },
      passive: { predicted: 2, correct: 1, precision: 0.5 },
      appositive: { predicted: 2, correct: 1, precision: 0.5 },
      legacy: { predicted: 1, correct: 1, precision: 1 },
    });
    expect(overallPrecision(preds)).toEqual({ predicted: 8, correct: 5, precision: 5 / 8 });
  });

  it.skipIf(!existsSync(SCORER))("counts at foldedTyped exactly what the shared scorer counts", () => {
    const preds = judgePredictions(readGoldSet(join(dir, "set")), graph).filter((p) => p.level === "foldedTyped");
    const score = runScorer(SCORER, join(dir, "set"), graph);
    expect(score.foldedTyped.predicted).toBe(preds.length);
    expect(Math.round(score.foldedTyped.precision * score.foldedTyped.predicted)).toBe(preds.filter((p) => p.correct).length);
  });

  it("leaves affiliations unjudged in a set whose gold codes none (as PLOVER)", () => {
    const gold = { actors, docs: new Map([["d1", [{ source: "front", target: "beta", type: "criticism", status: "asserted" }]]]) };
    const preds = judgePredictions(gold, graph);
    expect(preds.filter((p) => p.type === "affiliation")).toEqual([]);
    expect(preds.find((p) => p.type === "criticism" && p.source === "front")?.correct).toBe(true);
  });

  it("refuses an ambiguous gold name, as the scorer does", () => {
    const gold = { actors: { a: { name: "Same", kind: "state" }, b: { name: "The same", kind: "state" } }, docs: new Map() };
    expect(() => judgePredictions(gold, { actors: [], relations: [] })).toThrow(/ambiguous/);
  });
});

describe("rulePrecisionFile", () => {
  it("writes sorted rules, rounded precisions and the overall precision as default", () => {
    const a = new Map([["svo", { predicted: 3, correct: 2, precision: 2 / 3 }]]);
    const b = new Map([
      ["svo", { predicted: 1, correct: 1, precision: 1 }],
      ["appositive", { predicted: 2, correct: 0, precision: 0 }],
    ]);
    const text = rulePrecisionFile(["gold", "plover-dev"], mergeCounts([a, b]), { predicted: 5, correct: 3, precision: 0.6 });
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(["note", "sets", "default", "rules"]);
    expect(json.note).toMatch(/regenerate with npm run eval -- --write/);
    expect(json.sets).toEqual(["gold", "plover-dev"]);
    expect(json.default).toBe(0.6);
    expect(Object.keys(json.rules)).toEqual(["appositive", "svo"]);
    expect(json.rules.svo).toEqual({ predicted: 4, correct: 3, precision: 0.75 });
    expect(json.rules.appositive).toEqual({ predicted: 2, correct: 0, precision: 0 });
    expect(rulePrecisionFile(["x"], new Map([["r", { predicted: 3, correct: 1, precision: 1 / 3 }]]), { predicted: 3, correct: 1, precision: 1 / 3 })).toContain(
      '"r": { "predicted": 3, "correct": 1, "precision": 0.333 }',
    );
  });
});

describe("findGoldSets", () => {
  it("finds every folder with actors.json and texts/*.gold.json, however deep", () => {
    const root = join(dir, "root");
    const make = (rel: string, gold = true) => {
      mkdirSync(join(root, rel, "texts"), { recursive: true });
      writeFileSync(join(root, rel, "actors.json"), "{}");
      writeFileSync(join(root, rel, "texts", gold ? "a.gold.json" : "a.txt"), gold ? '{"doc":"a","relations":[]}' : "Text.");
    };
    make("gold");
    make("bench/deep/plover-dev");
    make("bench/no-gold-files", false);
    make(".hidden/set");
    mkdirSync(join(root, "empty"), { recursive: true });
    expect(findGoldSets(root).map((s) => [s.name, s.dir])).toEqual([
      ["gold", join(root, "gold")],
      ["plover-dev", join(root, "bench/deep/plover-dev")],
    ]);
    make("other/gold");
    expect(findGoldSets(root).map((s) => s.name)).toEqual(["gold", "other/gold", "plover-dev"]);
  });
});

// Relation confidence and disputes (src/extract/confidence.ts), on hand-made
// numbers that can be checked on paper.
import { describe, expect, it } from "vitest";
import {
  defaultRulePrecision,
  disputedRelationIds,
  parseRulePrecision,
  relationConfidence,
  ruleWeight,
  scoreRelations,
  sourceKey,
  type RulePrecision,
} from "../../../src/extract/confidence";
import type { Attribution, Evidence, RelationStatus } from "../../../src/graph/schema";

const TABLE: RulePrecision = {
  note: "test",
  sets: ["gold"],
  default: 0.5,
  rules: {
    svo: { predicted: 40, correct: 31, precision: 0.775 }, // (31 + 1) / (40 + 2) = 0.7619…
    "passive-agent": { predicted: 8, correct: 2, precision: 0.25 }, // 3 / 10 = 0.3
    "title-affiliation": { predicted: 98, correct: 98, precision: 1 }, // 99 / 100 = 0.99
    unseen: { predicted: 0, correct: 0, precision: 0 }, // no counts: default
  },
};

const AUTHOR: Attribution = { kind: "author", text: "the article" };
const actor = (id: string): Attribution => ({ kind: "actor", actor: id, text: id });
const source = (text: string): Attribution => ({ kind: "source", text, start: 0, end: text.length });
const ev = (doc: string, rule: string, attribution: Attribution = AUTHOR): Pick<Evidence, "doc" | "rule" | "attribution"> => ({ doc, rule, attribution });

describe("ruleWeight", () => {
  it("is the smoothed precision (correct + 1) / (predicted + 2) when the rule has counts", () => {
    expect(ruleWeight(TABLE, "svo")).toBeCloseTo(32 / 42, 12);
    expect(ruleWeight(TABLE, "passive-agent")).toBeCloseTo(0.3, 12);
    expect(ruleWeight(TABLE, "title-affiliation")).toBeCloseTo(0.99, 12);
  });
  it("is the default for a rule without counts, an unknown rule, or a name on Object.prototype", () => {
    expect(ruleWeight(TABLE, "unseen")).toBe(0.5);
    expect(ruleWeight(TABLE, "legacy")).toBe(0.5);
    expect(ruleWeight(TABLE, "constructor")).toBe(0.5);
    expect(ruleWeight({ ...TABLE, default: 0.2 }, "legacy")).toBe(0.2);
  });
});

describe("relationConfidence", () => {
  it("one source: its strongest evidence", () => {
    expect(relationConfidence([ev("a", "svo")], false, TABLE)).toBe(0.762);
    // Two sentences of the same article's voice are one source: max, not combined.
    expect(relationConfidence([ev("a", "svo"), ev("a", "passive-agent")], false, TABLE)).toBe(0.762);
  });
  it("independent sources combine as 1 − Π(1 − strength)", () => {
    // Author of a (0.3) and author of b (0.5): 1 − 0.7 · 0.5 = 0.65.
    expect(relationConfidence([ev("a", "passive-agent"), ev("b", "legacy")], false, TABLE)).toBe(0.65);
    // In one document: the author (0.3), an actor (0.99) and a named source (0.5): 1 − 0.7 · 0.01 · 0.5 = 0.9965 → 0.997 (3 decimals).
    expect(relationConfidence([ev("a", "passive-agent"), ev("a", "title-affiliation", actor("russia")), ev("a", "legacy", source("officials"))], false, TABLE)).toBe(0.997);
  });
  it("a named source is one source however it is capitalized or spaced, within a document", () => {
    const e = [ev("a", "passive-agent", source("Two officials")), ev("a", "legacy", source("two  officials"))];
    expect(relationConfidence(e, false, TABLE)).toBe(0.5);
    expect(sourceKey(e[0])).toBe(sourceKey(e[1]));
    expect(sourceKey({ doc: "b", attribution: source("two officials") })).not.toBe(sourceKey(e[0]));
    expect(sourceKey({ doc: "a", attribution: actor("two officials") })).not.toBe(sourceKey(e[0]));
  });
  it("is halved when disputed, then rounded", () => {
    // 1 − (1 − 32/42) · (1 − 0.5) = 0.880952… → halved 0.440476… → 0.44.
    expect(relationConfidence([ev("a", "svo"), ev("b", "legacy")], false, TABLE)).toBe(0.881);
    expect(relationConfidence([ev("a", "svo"), ev("b", "legacy")], true, TABLE)).toBe(0.44);
  });
  it("does not depend on evidence order", () => {
    const e = [ev("a", "svo"), ev("b", "passive-agent"), ev("c", "legacy", actor("iran")), ev("a", "title-affiliation", source("a source"))];
    expect(relationConfidence([...e].reverse(), false, TABLE)).toBe(relationConfidence(e, false, TABLE));
  });
});

describe("disputedRelationIds", () => {
  const r = (source: string, status: RelationStatus, target: string, evidence: Pick<Evidence, "doc" | "attribution">[], type: "conflict" | "meeting" = "conflict") => ({
    id: `${source}>${type}.${status}>${target}`,
    source,
    target,
    type,
    status,
    evidence,
  });

  it("flags both the asserted and the denied relation when two sources disagree", () => {
    const rels = [
      r("israel", "asserted", "syria", [ev("a", "svo")]),
      r("israel", "denied", "syria", [ev("b", "svo", actor("israel"))]),
      r("iran", "asserted", "syria", [ev("a", "svo")]),
    ];
    expect([...disputedRelationIds(rels)].sort()).toEqual(["israel>conflict.asserted>syria", "israel>conflict.denied>syria"]);
  });
  it("compares the pair unordered", () => {
    const rels = [r("israel", "asserted", "syria", [ev("a", "svo")]), r("syria", "denied", "israel", [ev("a", "svo", source("a source"))])];
    expect(disputedRelationIds(rels).size).toBe(2);
  });
  it("one source contradicting itself is no dispute; another type or an intended status neither", () => {
    expect(disputedRelationIds([r("a", "asserted", "b", [ev("d", "svo")]), r("a", "denied", "b", [ev("d", "passive-agent")])]).size).toBe(0);
    expect(disputedRelationIds([r("a", "asserted", "b", [ev("d", "svo")]), r("a", "denied", "b", [ev("e", "svo")], "meeting")]).size).toBe(0);
    expect(disputedRelationIds([r("a", "asserted", "b", [ev("d", "svo")]), r("a", "intended", "b", [ev("e", "svo")])]).size).toBe(0);
  });
  it("a source that asserts and denies still makes a dispute with a second source", () => {
    const rels = [r("a", "asserted", "b", [ev("d", "svo"), ev("e", "svo")]), r("a", "denied", "b", [ev("d", "svo")])];
    expect(disputedRelationIds(rels).size).toBe(2);
  });
  it("scoreRelations fills disputed and confidence", () => {
    const out = scoreRelations(
      [
        { ...r("a", "asserted", "b", [ev("d", "svo")]), evidence: [ev("d", "svo")] },
        { ...r("a", "denied", "b", []), evidence: [ev("e", "legacy")] },
      ],
      TABLE,
    );
    expect(out.map((x) => [x.disputed, x.confidence])).toEqual([
      [true, 0.381],
      [true, 0.25],
    ]);
  });
});

describe("rule precision file", () => {
  it("the shipped data/lexicon/rule-precision.json is valid", () => {
    const t = defaultRulePrecision();
    expect(t.default).toBeGreaterThanOrEqual(0);
    expect(t.default).toBeLessThanOrEqual(1);
  });
  it("refuses a malformed table with a message naming the file", () => {
    expect(() => parseRulePrecision({ sets: [], rules: {} })).toThrow(/rule-precision\.json is not valid: default/);
    expect(() => parseRulePrecision({ sets: [], default: 0.5, rules: { svo: { predicted: 2, correct: 3, precision: 1 } } })).toThrow(/correct exceeds predicted/);
    expect(() => parseRulePrecision({ sets: [], default: 1.5, rules: {} })).toThrow(/not valid/);
  });
});

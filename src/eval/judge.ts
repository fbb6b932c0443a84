// Per-rule precision on a gold set: which extraction rules produce relations a
// reader would also have extracted. Pure (no file system).
//
// The judging replicates ../shared/gold/score.mjs (the contract): actor names
// are normalized the same way, people are folded into their group or state the
// same way, and a prediction is the same unit the scorer counts. Every
// prediction is judged at the foldedTyped level (the level event coders such as
// PLOVER code at, and the level the README of the PLOVER set asks to read), for
// every set alike; affiliations, which that level drops, are judged at the
// typed level against the gold affiliations instead, in sets whose gold has
// affiliations at all (PLOVER codes none: there an affiliation cannot be
// judged, and is left out). Each rule that produced evidence for a prediction
// in that document is credited with it.

export interface GoldActor {
  name: string;
  kind: string;
  names?: string[];
}

export interface GoldRelation {
  source: string;
  target: string;
  type: string;
  status: string;
  also?: string[];
  mutual?: boolean;
}

export interface GoldSetData {
  actors: Record<string, GoldActor>;
  /** doc id -> gold relations, in the scorer's order (sorted gold file names). */
  docs: Map<string, GoldRelation[]>;
}

/** What the judge reads of a graph (a subset of src/graph/schema.ts). */
export interface GraphLike {
  actors: { id: string; name?: string; kind?: string; aliases?: string[] }[];
  relations: {
    source: string;
    target: string;
    type: string;
    status: string;
    evidence?: { doc?: string; document?: string; rule?: string }[];
  }[];
}

/** Rule id used for evidence that carries no `rule`. */
export const LEGACY_RULE = "legacy";

export type JudgedLevel = "foldedTyped" | "typed";

export interface Prediction {
  doc: string;
  /** Gold ids after matching (and folding, at foldedTyped); `?id` for an actor that matches no gold actor. */
  source: string;
  target: string;
  type: string;
  status: string;
  level: JudgedLevel;
  correct: boolean;
  /** Sorted ids of the rules whose evidence in this document produced the prediction. */
  rules: string[];
}

export interface RuleCount {
  predicted: number;
  correct: number;
  precision: number;
}

/** The scorer's name normalization: case, dots, hyphens, a leading "the" and a trailing "'s" ignored. */
export function normName(s: string): string {
  return String(s)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[.]/g, "")
    .replace(/[-_–—]/g, " ")
    .replace(/^the\s+/, "")
    .replace(/'s$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

const pairKey = (a: string, b: string) => [a, b].sort().join("|");
const accepts = (g: GoldRelation, type: string) => g.type === type || (g.also ?? []).includes(type);
const docOf = (ev: { doc?: string; document?: string }) =>
  String(ev.doc ?? ev.document ?? "")
    .replace(/\.txt$/, "")
    .replace(/^.*\//, "");

/** Judges every prediction the scorer would count, and which rules made it. */
export function judgePredictions(gold: GoldSetData, graph: GraphLike): Prediction[] {
  const nameToGold = new Map<string, string>();
  for (const [id, a] of Object.entries(gold.actors)) {
    for (const n of [a.name, ...(a.names ?? [])]) {
      const k = normName(n);
      const had = nameToGold.get(k);
      if (had !== undefined && had !== id) throw new Error(`gold name "${n}" is ambiguous: ${had} and ${id}`);
      nameToGold.set(k, id);
    }
  }
  const toGold = new Map<string, string>();
  for (const a of graph.actors) {
    for (const n of [a.name, a.id, ...(a.aliases ?? [])]) {
      if (n == null) continue;
      const hit = nameToGold.get(normName(n));
      if (hit) {
        toGold.set(a.id, hit);
        break;
      }
    }
  }
  // Extracted people fold into the first group or state the graph affiliates them with.
  const kindOf = new Map(graph.actors.map((a) => [a.id, a.kind]));
  const predictedFold = new Map<string, string>();
  for (const r of graph.relations)
    if (r.type === "affiliation" && kindOf.get(r.source) === "person" && kindOf.get(r.target) !== "person" && !predictedFold.has(r.source)) predictedFold.set(r.source, r.target);
  const goldId = (id: string) => toGold.get(id) ?? `?${id}`;
  const foldedId = (id: string) => toGold.get(predictedFold.get(id) ?? "") ?? toGold.get(id) ?? `?${id}`;
  // Gold people roll up into the first group or state the gold affiliates them with.
  const rollup = new Map<string, string>();
  for (const rels of gold.docs.values())
    for (const r of rels) if (r.type === "affiliation" && gold.actors[r.source]?.kind === "person" && !rollup.has(r.source)) rollup.set(r.source, r.target);

  interface Raw {
    source: string;
    target: string;
    foldedSource: string;
    foldedTarget: string;
    type: string;
    status: string;
    rules: Set<string>;
  }
  const byDoc = new Map<string, Raw[]>();
  for (const r of graph.relations) {
    const rulesByDoc = new Map<string, Set<string>>();
    for (const ev of r.evidence ?? []) {
      const d = docOf(ev);
      if (!rulesByDoc.has(d)) rulesByDoc.set(d, new Set());
      rulesByDoc.get(d)!.add(ev.rule || LEGACY_RULE);
    }
    for (const [d, rules] of rulesByDoc) {
      if (!gold.docs.has(d)) continue;
      if (!byDoc.has(d)) byDoc.set(d, []);
      byDoc.get(d)!.push({
        source: goldId(r.source),
        target: goldId(r.target),
        foldedSource: foldedId(r.source),
        foldedTarget: foldedId(r.target),
        type: r.type,
        status: r.status,
        rules,
      });
    }
  }

  // A gold set that codes no affiliation anywhere cannot judge one.
  const judgesAffiliations = [...gold.docs.values()].some((rels) => rels.some((g) => accepts(g, "affiliation")));
  const out: Prediction[] = [];
  for (const [doc, goldRels] of gold.docs) {
    const raws = byDoc.get(doc) ?? [];
    // foldedTyped: no affiliations; gold people rolled up, extracted people folded;
    // one prediction per (unordered pair, type, status), as the scorer dedupes.
    const foldedGold: GoldRelation[] = [];
    for (const g of goldRels) {
      if (g.type === "affiliation") continue;
      const source = rollup.get(g.source) ?? g.source;
      const target = rollup.get(g.target) ?? g.target;
      if (source !== target) foldedGold.push({ ...g, source, target });
    }
    const folded = new Map<string, Prediction>();
    for (const p of raws) {
      if (p.type === "affiliation" || p.foldedSource === p.foldedTarget) continue;
      const key = `${pairKey(p.foldedSource, p.foldedTarget)}|${p.type}|${p.status}`;
      let pred = folded.get(key);
      if (!pred) {
        const pk = pairKey(p.foldedSource, p.foldedTarget);
        const correct = foldedGold.some((g) => pairKey(g.source, g.target) === pk && accepts(g, p.type));
        pred = { doc, source: p.foldedSource, target: p.foldedTarget, type: p.type, status: p.status, level: "foldedTyped", correct, rules: [] };
        folded.set(key, pred);
      }
      pred.rules = union(pred.rules, p.rules);
    }
    // Affiliations at the typed level: one prediction per directed (source, target, status).
    const affiliations = new Map<string, Prediction>();
    for (const p of raws) {
      if (p.type !== "affiliation" || !judgesAffiliations) continue;
      const key = `${p.source}|${p.target}|${p.type}|${p.status}`;
      let pred = affiliations.get(key);
      if (!pred) {
        const pk = pairKey(p.source, p.target);
        const correct = p.source !== p.target && goldRels.some((g) => pairKey(g.source, g.target) === pk && accepts(g, p.type));
        pred = { doc, source: p.source, target: p.target, type: p.type, status: p.status, level: "typed", correct, rules: [] };
        affiliations.set(key, pred);
      }
      pred.rules = union(pred.rules, p.rules);
    }
    out.push(...folded.values(), ...affiliations.values());
  }
  return out;
}

function union(a: string[], b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** Predicted / correct / precision per rule; a prediction made by several rules counts for each. */
export function tallyRules(predictions: Prediction[]): Map<string, RuleCount> {
  const counts = new Map<string, RuleCount>();
  for (const p of predictions) {
    for (const rule of p.rules) {
      const c = counts.get(rule) ?? { predicted: 0, correct: 0, precision: 0 };
      c.predicted++;
      if (p.correct) c.correct++;
      counts.set(rule, c);
    }
  }
  for (const c of counts.values()) c.precision = c.predicted ? c.correct / c.predicted : 0;
  return counts;
}

/** Precision of the predictions themselves, each counted once whatever rules made it. */
export function overallPrecision(predictions: Prediction[]): RuleCount {
  const correct = predictions.filter((p) => p.correct).length;
  return { predicted: predictions.length, correct, precision: predictions.length ? correct / predictions.length : 0 };
}

export function mergeCounts(parts: Map<string, RuleCount>[]): Map<string, RuleCount> {
  const out = new Map<string, RuleCount>();
  for (const part of parts)
    for (const [rule, c] of part) {
      const t = out.get(rule) ?? { predicted: 0, correct: 0, precision: 0 };
      t.predicted += c.predicted;
      t.correct += c.correct;
      out.set(rule, t);
    }
  for (const c of out.values()) c.precision = c.predicted ? c.correct / c.predicted : 0;
  return out;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export const RULE_PRECISION_NOTE = "Measured precision of each extraction rule on the gold sets; regenerate with npm run eval -- --write after changing rules.";

/**
 * data/lexicon/rule-precision.json: rules sorted by id, precisions rounded to 3
 * decimals, `default` the precision of all predictions together.
 */
export function rulePrecisionFile(sets: string[], rules: Map<string, RuleCount>, overall: RuleCount): string {
  const ids = [...rules.keys()].sort();
  const lines = ids.map((id) => {
    const c = rules.get(id)!;
    return `    ${JSON.stringify(id)}: { "predicted": ${c.predicted}, "correct": ${c.correct}, "precision": ${round3(c.precision)} }`;
  });
  return (
    "{\n" +
    `  "note": ${JSON.stringify(RULE_PRECISION_NOTE)},\n` +
    `  "sets": [${sets.map((s) => JSON.stringify(s)).join(", ")}],\n` +
    `  "default": ${round3(overall.precision)},\n` +
    `  "rules": {${lines.length ? "\n" + lines.join(",\n") + "\n  " : ""}}\n` +
    "}\n"
  );
}

// Relation confidence and disputes, from the evidence alone. Pure (no file
// system): the rule precision table is a JSON import, so this runs in Node and
// in the browser. Documented in docs/graph-schema.md ("Confidence and disputes").
import { z } from "zod/mini";
import rulePrecisionJson from "../../data/lexicon/rule-precision.json";
import type { Evidence, RelationStatus, RelationType } from "../graph/schema";

/** data/lexicon/rule-precision.json: how often each rule's predictions were right on the gold sets. */
export const RulePrecisionFile = z.object({
  note: z.optional(z.string()),
  /** The gold sets the counts were measured on. */
  sets: z.array(z.string()),
  /** Weight of a rule without counts. */
  default: z.number().check(z.gte(0), z.lte(1)),
  rules: z.record(
    z.string().check(z.minLength(1)),
    z
      .object({
        predicted: z.int().check(z.nonnegative()),
        correct: z.int().check(z.nonnegative()),
        /** Raw correct / predicted, for people; the weight uses the smoothed value. */
        precision: z.number().check(z.gte(0), z.lte(1)),
      })
      .check(z.refine((r) => r.correct <= r.predicted, { message: "correct exceeds predicted" })),
  ),
});
export type RulePrecision = z.infer<typeof RulePrecisionFile>;

/** Validates a rule precision table, with a message naming the file. */
export function parseRulePrecision(json: unknown, where = "data/lexicon/rule-precision.json"): RulePrecision {
  const r = RulePrecisionFile.safeParse(json);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new Error(`${where} is not valid: ${issues.join("; ")}`);
}

let defaultTable: RulePrecision | undefined;
/** The table shipped in data/lexicon/rule-precision.json (validated once, on first use). */
export function defaultRulePrecision(): RulePrecision {
  return (defaultTable ??= parseRulePrecision(rulePrecisionJson));
}

/**
 * Weight of one piece of evidence: the smoothed precision of its rule,
 * (correct + 1) / (predicted + 2), when the table has counts for it (predicted > 0);
 * otherwise the table's default.
 */
export function ruleWeight(table: RulePrecision, rule: string): number {
  const r = Object.hasOwn(table.rules, rule) ? table.rules[rule] : undefined;
  if (!r || r.predicted === 0) return table.default;
  return (r.correct + 1) / (r.predicted + 2);
}

/**
 * Who states an evidence, as an independence key: the document plus the speaker
 * (actor id for an actor, the lowercased words for a named source, the author
 * of that document otherwise).
 */
export function sourceKey(e: Pick<Evidence, "doc" | "attribution">): string {
  const a = e.attribution;
  const who = a.kind === "actor" ? `actor:${a.actor ?? a.text}` : a.kind === "source" ? `source:${a.text.toLowerCase().replace(/\s+/g, " ").trim()}` : "author";
  return `${e.doc}\u0000${who}`;
}

/**
 * Confidence of a relation: each source's strength is the highest weight among
 * its evidence; sources are taken as independent, so confidence is
 * 1 − Π(1 − strength); halved when the relation is disputed; rounded to 3 decimals.
 */
export function relationConfidence(evidence: readonly Pick<Evidence, "doc" | "attribution" | "rule">[], disputed: boolean, table: RulePrecision): number {
  const strength = new Map<string, number>();
  for (const e of evidence) {
    const k = sourceKey(e);
    const p = ruleWeight(table, e.rule);
    const prev = strength.get(k);
    if (prev === undefined || p > prev) strength.set(k, p);
  }
  // Multiplication is commutative, but sort anyway so float rounding never depends on input order.
  const strengths = [...strength.values()].sort((a, b) => a - b);
  let miss = 1;
  for (const s of strengths) miss *= 1 - s;
  let c = 1 - miss;
  if (disputed) c *= 0.5;
  return Math.min(1, Math.max(0, Math.round(c * 1000) / 1000));
}

export interface ScorableRelation {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  status: RelationStatus;
  evidence: readonly Pick<Evidence, "doc" | "attribution">[];
}

/**
 * Ids of the disputed relations: for a pair (unordered) and type, the asserted
 * and the denied relations are both disputed when some source states the
 * asserted one and another source (see `sourceKey`) the denied one. A source
 * that contradicts itself does not make a dispute.
 */
export function disputedRelationIds(relations: readonly ScorableRelation[]): Set<string> {
  const groups = new Map<string, { asserted: ScorableRelation[]; denied: ScorableRelation[] }>();
  for (const r of relations) {
    if (r.status !== "asserted" && r.status !== "denied") continue;
    const [a, b] = r.source < r.target ? [r.source, r.target] : [r.target, r.source];
    const key = `${a}\u0000${b}\u0000${r.type}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { asserted: [], denied: [] }));
    g[r.status].push(r);
  }
  const out = new Set<string>();
  for (const g of groups.values()) {
    if (g.asserted.length === 0 || g.denied.length === 0) continue;
    const sourcesOf = (rs: ScorableRelation[]) => new Set(rs.flatMap((r) => r.evidence.map(sourceKey)));
    const asserting = sourcesOf(g.asserted);
    const denying = sourcesOf(g.denied);
    // Disputed unless one single source is all there is on both sides.
    const same = asserting.size === 1 && denying.size === 1 && [...asserting][0] === [...denying][0];
    if (same) continue;
    for (const r of [...g.asserted, ...g.denied]) out.add(r.id);
  }
  return out;
}

/** Fills `disputed` and `confidence` on every relation (a new array, same order). */
export function scoreRelations<R extends ScorableRelation & { evidence: readonly Pick<Evidence, "doc" | "attribution" | "rule">[] }>(
  relations: readonly R[],
  table: RulePrecision = defaultRulePrecision(),
): (R & { disputed: boolean; confidence: number })[] {
  const disputed = disputedRelationIds(relations);
  return relations.map((r) => {
    const d = disputed.has(r.id);
    return { ...r, disputed: d, confidence: relationConfidence(r.evidence, d, table) };
  });
}

// Affiliations from titles and appositions:
//   [Org|State] [role] [Person]            "Hezbollah spokesman X", "Turkish president X"
//   [Person], (the|a) … [role] … [Org]      "X, the Kremlin's spokesman", "X, leader of Y"
//   [Person] is the [role] of|for [Org]     "X is the minister of interior for Y"
import { matchAt } from "../lexicon";
import type { Mention } from "../mentions";
import type { SentenceContext, SentenceRule } from "./types";

const people = (ctx: SentenceContext) => ctx.mentions.filter((m) => m.mode === "person");
const organizations = (ctx: SentenceContext) => ctx.mentions.filter((m) => m.mode !== "person" && m.mode !== "pronoun" && !m.personal);

export const titleAffiliationRule: SentenceRule = {
  id: "title-affiliation",
  description: "an organization or state, a role, then a person: 'Hezbollah spokesman X'",
  run(ctx, emit) {
    const { toks, norms, lexicon } = ctx;
    const orgs = organizations(ctx);
    for (const p of people(ctx)) {
      let roleStart = -1;
      for (let len = 1; len <= 4; len++) {
        const r = p.first - len >= 0 ? matchAt(lexicon.roles, norms, p.first - len) : undefined;
        if (r && r.words.length === len) roleStart = p.first - len;
      }
      if (roleStart < 0) continue;
      // skip "acting", "former", "deputy", "then", "top"
      let j = roleStart;
      // …and capitalized words of the office: "British Defence Secretary X".
      const skippable = (t: (typeof toks)[number]) =>
        (/^[a-z]+$/.test(t.text) && !ctx.lexicon.words.prepositions.has(t.norm) && !t.tags.has("Verb")) || (t.capitalized && !t.tags.has("Person"));
      while (j > 0 && skippable(toks[j - 1]) && j > roleStart - 3 && !orgs.some((o) => o.last === j)) j--;
      const org = orgs.find((o) => o.last === j || o.last === roleStart);
      if (org) emit(p, org, "affiliation", "asserted", true, { first: roleStart, last: p.first });
    }
  },
};

export const appositionAffiliationRule: SentenceRule = {
  id: "apposition-affiliation",
  description: "a person, then a role and an organization in apposition or after 'is': 'X, leader of Y'",
  run(ctx, emit) {
    const { toks, norms, lexicon, mentions } = ctx;
    for (const p of people(ctx)) {
      let a = p.last;
      if (toks[a]?.norm === ",") a++;
      const w = lexicon.words;
      if (a === p.last && !w.appositionCopulas.has(norms[a])) continue;
      if (w.appositionOpeners.has(norms[a])) a++;
      if (w.appositionCopulas.has(norms[a])) a++;
      // The apposition ends at punctuation or at the sentence's verb ("X, leader of Y, met" / "X, leader of Y met").
      const end = appositionEnd(ctx, a);
      let roleAt = -1;
      for (let e = a; e < end && roleAt < 0; e++) if (matchAt(lexicon.roles, norms, e)) roleAt = e;
      if (roleAt < 0 || roleAt - a > 5) continue;
      // A list of people ("X, UAE minister Y and …") is not an apposition of X.
      if (mentions.some((o) => o.first >= a && o.first < end && isPerson(o) && o.actor !== p.actor)) continue;
      for (const o of mentions) {
        if (o.first < a || o.last > end || o.actor === p.actor || isPerson(o)) continue;
        // Before the role: "the Kremlin's spokesman"; after it: "leader of Y",
        // "spokesman for the Y mission" — but not "in Kabul".
        if (o.first > roleAt && (o.locative || ctx.lexicon.words.locativePrepositions.has(toks[o.first - 1]?.norm ?? ""))) continue;
        emit(p, o, "affiliation", "asserted", true, { first: roleAt, last: roleAt + 1 });
      }
    }
  },
};

const isPerson = (m: Mention) => m.mode === "person" || m.personal === true;

function appositionEnd({ toks, norms, lexicon }: SentenceContext, a: number): number {
  for (let e = a; e < toks.length; e++) {
    if (lexicon.words.appositionEnd.has(norms[e]) && e > a + 1) return e;
    if (e > a + 1 && toks[e].tags.has("Verb") && !toks[e].tags.has("Participle") && !toks[e].tags.has("Noun") && !/ing$/.test(norms[e])) return e;
  }
  return toks.length;
}

/**
 * People the gazetteer knows act for a state or group (data/gazetteer/people.json):
 * the affiliation holds wherever they are named, unless the sentence gives another.
 */
export const knownAffiliationRule: SentenceRule = {
  id: "known-affiliation",
  description: "a person listed in the gazetteer with the actor they act for, where the sentence states no affiliation of its own",
  run(ctx, emit) {
    const affiliations = affiliationsOf(ctx);
    for (const p of people(ctx)) {
      const actor = affiliations.get(p.actor);
      if (!actor || ctx.emitted.some((r) => r.type === "affiliation" && r.source.actor === p.actor)) continue;
      emit(p, { ...p, actor, mode: "name", personal: false }, "affiliation", "asserted", true, { first: p.first, last: p.last });
    }
  },
};

const affiliationCache = new WeakMap<object, Map<string, string>>();
function affiliationsOf(ctx: SentenceContext): Map<string, string> {
  let m = affiliationCache.get(ctx.lexicon);
  if (!m) {
    m = new Map(ctx.lexicon.actors.filter((a) => a.affiliation).map((a) => [a.id, a.affiliation!]));
    affiliationCache.set(ctx.lexicon, m);
  }
  return m;
}

// Relations inside one sentence: builds the shared sentence context once,
// then runs the ordered rule list of src/extract/rules/ over each trigger and
// over the sentence. Every relation records the rule that produced it.
import type { RelationStatus, RelationType } from "../graph/schema";
import type { Lexicon } from "./lexicon";
import type { Mention } from "./mentions";
import { AUTHOR, attributionOf } from "./attribution";
import { SENTENCE_RULES, TRIGGER_RULES } from "./rules";
import type { Attribution, Emit, SentenceContext, SentenceRelation } from "./rules/types";
import { structureOf } from "./structure";
import type { Sentence } from "./text";
import { findTriggers } from "./triggers";

export type { Attribution, SentenceRelation } from "./rules/types";

export function extractSentenceRelations(sentence: Sentence, mentions: Mention[], lexicon: Lexicon, speaker: Mention | undefined): SentenceRelation[] {
  const toks = sentence.tokens;
  const norms = toks.map((t) => t.norm);
  const out: SentenceRelation[] = [];
  const structure = structureOf(lexicon);
  const ctx: SentenceContext = {
    sentence,
    toks,
    norms,
    mentions,
    usable: mentions.filter((m) => !m.locative),
    oblique: structure.obliqueMentions(toks, mentions),
    triggers: findTriggers(toks, lexicon, mentions),
    lexicon,
    speaker,
    structure,
    emitted: out,
  };
  const attribution: Attribution = attributionOf(sentence, mentions, speaker, lexicon) ?? AUTHOR;
  const insideSource = (m: Mention) => attribution.start !== undefined && m.mode !== "pronoun" && m.start >= attribution.start && m.end <= attribution.end!;
  const emitFor =
    (rule: string, verbTrigger: boolean): Emit =>
    (source, target, type, status, directed, span) => {
      if (source.actor === target.actor) return;
      // "captured Kabul": a capital taken or struck is a place, not its government.
      if (target.mode === "capital" && lexicon.words.placeTakingVerbs.has(toks[span.first].norm)) return;
      // The sentence's source ("…, a Saudi official said", "according to X") states the relation; it takes
      // no part in it, but its own title may tie it to its state ("British Foreign Secretary X said").
      // …unless it speaks of itself ("we" in its quote).
      if (rule !== "quoted-we" && (insideSource(source) || insideSource(target)) && !(type === "affiliation" && insideSource(source) && insideSource(target))) return;
      out.push({
        source,
        target,
        type: personalConflict(type, verbTrigger, source, target),
        status,
        directed,
        trigger: {
          start: toks[span.first].start,
          end: toks[span.last - 1].end,
          text: sentence.text.slice(toks[span.first].start - sentence.start, toks[span.last - 1].end - sentence.start),
        },
        rule,
        attribution,
      });
    };

  for (const hit of ctx.triggers) {
    const { pattern } = hit;
    const facts = {
      hit,
      status: frameStatus(structure.statusOf(toks, norms, hit), pattern.status),
      symmetric: lexicon.relationTypes.find((t) => t.type === pattern.type)?.symmetric ?? false,
      candidates: lexicon.words.placeObjectTriggers.has(pattern.lemma) ? mentions : ctx.usable,
      head: toks[hit.last - 1].norm,
    };
    for (const rule of TRIGGER_RULES) if (rule.run(ctx, facts, emitFor(rule.id, pattern.pos === "verb"))) break;
  }
  for (const rule of SENTENCE_RULES) rule.run(ctx, emitFor(rule.id, false));
  return out;
}

/** People "attack" each other in words: a conflict verb between two persons is criticism. */
function personalConflict(type: RelationType, verbTrigger: boolean, source: Mention, target: Mention): RelationType {
  const person = (m: Mention) => m.personal === true;
  return type === "conflict" && verbTrigger && person(source) && person(target) ? "criticism" : type;
}

/** A frame's own status ("offer aid": intended) holds unless the clause says more (a denial). */
function frameStatus(clause: RelationStatus, frame: RelationStatus | undefined): RelationStatus {
  return frame && clause === "asserted" ? frame : clause;
}

// Trigger phrases of a sentence: the words of the lexicon that state a
// relation, outside actor names, with light verbs ("held talks") giving way
// to the noun that carries the type.
import { matchAt, type Lexicon } from "./lexicon";
import type { Mention } from "./mentions";
import type { TriggerHit } from "./rules/types";
import type { Token } from "./text";

export function findTriggers(toks: Token[], lexicon: Lexicon, mentions: Mention[]): TriggerHit[] {
  const norms = toks.map((t) => t.norm);
  const inMention = new Set<number>();
  for (const m of mentions) for (let k = m.first; k < m.last; k++) inMention.add(k);
  const hits: TriggerHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (inMention.has(i)) continue;
    // Longest acceptable pattern: a verb pattern on a word used as a noun or
    // adjective ("armed forces", "a call") gives way to the noun reading.
    const p = (lexicon.triggers.get(norms[i]) ?? []).find(
      (c) =>
        c.words.every((w, k) => norms[i + k] === w) &&
        !(c.pos === "verb" && !toks[i].tags.has("Verb") && !/ing$/.test(norms[i]) && (toks[i].tags.has("Noun") || toks[i].tags.has("Adjective"))),
    );
    if (!p) continue;
    // Capitalized mid-sentence: part of a name ("Political Office").
    if (toks[i].capitalized && i > 0 && !/^["“‘(]$/.test(toks[i - 1].text)) continue;
    // "-backed", "-led": compounds are read by compoundRelations.
    if (i > 0 && toks[i - 1].text === "-") continue;
    hits.push({ first: i, last: i + p.words.length, pattern: p });
    i += p.words.length - 1;
  }
  // A verb right before a relation noun of its own type ("normalized
  // relations"), a denial verb ("rejected negotiations") or "led talks" adds
  // nothing but status: the noun carries the relation. Other verbs keep
  // theirs ("mediated a ceasefire").
  return hits.filter((h, k) => {
    const next = hits[k + 1];
    if (h.pattern.pos !== "verb" || !next || next.first - h.last > 3) return true;
    const denial = matchAt(lexicon.denialCues, norms, h.first) !== undefined;
    // "refused to meet": the refusal is the status of the meeting.
    if (next.pattern.pos === "verb") return !denial;
    return !(next.pattern.type === h.pattern.type || denial || h.pattern.type === "affiliation");
  });
}


// Who states what a sentence says: "…, a UN official said", "Iran said …",
// "according to X", or the speaker of its quotes. An actor of the document
// when the source phrase names one, otherwise the phrase itself ("two
// officials", "police"); the article's own voice when nothing is said.
import type { Mention } from "./mentions";
import type { Attribution } from "./rules/types";
import type { Lexicon, LexiconWords } from "./lexicon";
import type { Sentence, Token } from "./text";

export const AUTHOR: Attribution = { kind: "author", text: "the article" };

/** The source of a sentence, or undefined when the article states it in its own voice. */
export function attributionOf(sentence: Sentence, mentions: Mention[], speaker: Mention | undefined, lexicon: Lexicon): Attribution | undefined {
  const toks = sentence.tokens;
  const w = lexicon.words;
  const span = accordingTo(toks, w) ?? trailingReport(toks, w) ?? leadingReport(toks, w);
  if (span) return describe(toks, mentions, span);
  if (speaker)
    return { kind: "actor", actor: speaker.actor, text: sentence.text.slice(speaker.start - sentence.start, speaker.end - sentence.start), start: speaker.start, end: speaker.end };
  return undefined;
}

interface Span {
  first: number;
  last: number;
}

const isReporting = (t: Token, w: LexiconWords) => (w.reportingVerbs.has(t.norm) || w.announcingVerbs.has(t.norm)) && !t.capitalized;

/** "according to X", up to the next comma or the end. */
function accordingTo(toks: Token[], w: LexiconWords): Span | undefined {
  for (let i = 0; i + 2 < toks.length; i++) {
    if (toks[i].norm !== "according" || toks[i + 1].norm !== "to") continue;
    let j = i + 2;
    while (j < toks.length && !w.sourcePhraseEnds.has(toks[j].text)) j++;
    if (j > i + 2) return { first: i + 2, last: j };
  }
  return undefined;
}

/** "…, a UN official said on Monday." / "…, said X." */
function trailingReport(toks: Token[], w: LexiconWords): Span | undefined {
  let end = toks.length;
  while (end > 0 && /^[.!?"”’)]$/.test(toks[end - 1].text)) end--;
  for (let v = end - 1; v > 0 && end - v <= 12; v--) {
    if (!isReporting(toks[v], w)) {
      if (!w.attributionTimeWords.has(toks[v].norm) && !toks[v].capitalized && !/^\p{N}/u.test(toks[v].text)) return undefined;
      continue;
    }
    // "…, said X": the source follows the verb.
    if (w.sourcePhraseEdges.has(toks[v - 1].text) && v + 1 < end) return trimSpan(toks, w, { first: v + 1, last: end });
    // "…, X said": the source runs back to the phrase edge.
    let s = v - 1;
    while (s >= 0 && !w.sourcePhraseEdges.has(toks[s].text)) s--;
    // "Human Rights Watch (HRW) said": a parenthesis inside the phrase is part of it.
    while (s > 0 && toks[s].text === "(" && toks.slice(s, v).some((t) => t.text === ")")) {
      s--;
      while (s >= 0 && !w.sourcePhraseEdges.has(toks[s].text)) s--;
    }
    if (s < 0 || v - s - 1 > 10) return undefined;
    return trimSpan(toks, w, { first: s + 1, last: v });
  }
  return undefined;
}

/** "X said (that) …": the source is what stands before an early reporting verb. */
function leadingReport(toks: Token[], w: LexiconWords): Span | undefined {
  for (let v = 1; v < Math.min(toks.length, 12); v++) {
    if (w.sourcePhraseEdges.has(toks[v].text)) return undefined;
    if (!isReporting(toks[v], w)) continue;
    // "announced a plan" reports nothing; "said", or "announced that", does.
    if (w.announcingVerbs.has(toks[v].norm) && toks[v + 1]?.norm !== "that") return undefined;
    const first = 0;
    // "has said", "had told": auxiliaries belong to the verb.
    let last = v;
    while (last > first && w.reportAuxiliaries.has(toks[last - 1].norm)) last--;
    return last > first ? trimSpan(toks, w, { first, last }) : undefined;
  }
  return undefined;
}

function trimSpan(toks: Token[], w: LexiconWords, s: Span): Span | undefined {
  let { first, last } = s;
  while (last > first && w.attributionTimeWords.has(toks[last - 1].norm) && !toks[last - 1].capitalized) last--;
  while (first < last && /^\p{P}$/u.test(toks[first].text)) first++;
  while (last > first && /^\p{P}$/u.test(toks[last - 1].text)) last--;
  return last > first ? { first, last } : undefined;
}

function describe(toks: Token[], mentions: Mention[], span: Span): Attribution {
  const start = toks[span.first].start;
  const end = toks[span.last - 1].end;
  const text = toks
    .slice(span.first, span.last)
    .map((t, k, a) => (k > 0 && t.start > a[k - 1].end ? " " : "") + t.text)
    .join("");
  // The head actor of the phrase: the last mention in it that is not a place ("relief officials in Nairobi").
  // "a Saudi-owned weekly" is an outlet, not Saudi Arabia.
  const inside = mentions.filter((m) => m.first >= span.first && m.last <= span.last && !m.locative && !m.compound && m.mode !== "pronoun");
  const actor = inside.find((m) => !m.possessive) ?? inside[0];
  if (actor) return { kind: "actor", actor: actor.actor, text, start, end };
  return { kind: "source", text, start, end };
}

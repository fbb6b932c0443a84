// Trigger phrases of a sentence: the words of the lexicon that state a
// relation, outside actor names, with light verbs ("held talks") giving way
// to the noun that carries the type.
import { matchAt, type Lexicon, type TriggerPattern } from "./lexicon";
import type { Mention } from "./mentions";
import type { TriggerHit } from "./rules/types";
import type { Token } from "./text";

export function findTriggers(toks: Token[], lexicon: Lexicon, mentions: Mention[]): TriggerHit[] {
  const norms = toks.map((t) => t.norm);
  const inMention = new Set<number>();
  for (const m of mentions) for (let k = m.first; k < m.last; k++) inMention.add(k);
  const hits: TriggerHit[] = [];
  let consumedUntil = 0;
  for (let i = 0; i < toks.length; i++) {
    if (inMention.has(i)) continue;
    // Capitalized mid-sentence: part of a name ("Political Office").
    if (toks[i].capitalized && i > 0 && !/^["“‘(]$/.test(toks[i - 1].text)) continue;
    // "-backed", "-led": compounds are read by the compound rule.
    if (i > 0 && toks[i - 1].text === "-") continue;
    if (i < consumedUntil) continue;
    const frame = matchFrame(toks, norms, i, lexicon, mentions);
    if (frame) {
      if (frame.pattern) hits.push({ first: i, last: frame.last, pattern: frame.pattern });
      // The frame's object head is part of it: "give Tanzania a grant" is one aid, not also "grant".
      consumedUntil = frame.consumed;
      i = frame.last - 1;
      continue;
    }
    // Longest acceptable pattern.
    const p = (lexicon.triggers.get(norms[i]) ?? []).find((c) => c.words.every((w, k) => norms[i + k] === w) && posFits(toks[i], c.pos));
    if (!p) continue;
    // "war-torn", "aid-dependent": a noun hyphenated to a modifier describes, it states nothing.
    if (p.pos !== "verb" && toks[i + p.words.length]?.text === "-") continue;
    hits.push({ first: i, last: i + p.words.length, pattern: p });
    i += p.words.length - 1;
  }
  // A verb right before a relation noun of its own type ("normalized
  // relations"), a denial verb ("rejected negotiations") or "led talks" adds
  // nothing but status: the noun carries the relation. Other verbs keep
  // theirs ("mediated a ceasefire").
  return hits.filter((h, k) => {
    const next = hits[k + 1];
    if (h.pattern.pos !== "verb" || h.pattern.framed || !next || next.first - h.last > 3) return true;
    const denial = matchAt(lexicon.denialCues, norms, h.first) !== undefined;
    // "refused to meet": the refusal is the status of the meeting.
    if (next.pattern.pos === "verb") return !denial;
    return !(next.pattern.type === h.pattern.type || denial || h.pattern.type === "affiliation");
  });
}

/** A verb pattern on a word used as a noun or adjective ("armed forces", "a call") gives way to the noun reading. */
function posFits(t: Token, pos: "verb" | "noun" | "phrase"): boolean {
  return !(pos === "verb" && !t.tags.has("Verb") && !/ing$/.test(t.norm) && (t.tags.has("Noun") || t.tags.has("Adjective")));
}

// Words that may stand between a frame's verb and its object's head: "lifted a night curfew".
const OBJECT_GAP_MAX = 4;

/**
 * The frame at token i, if one fits: its trigger (null when the frame says the
 * words are no trigger here) and where the trigger ends. A frame with object
 * heads covers them, so "lifted sanctions" is one concession, not also a
 * conflict noun; the trigger stops before an actor that holds the head
 * ("expelled the Russian ambassador").
 */
function matchFrame(
  toks: Token[],
  norms: string[],
  i: number,
  lexicon: Lexicon,
  mentions: Mention[],
): { pattern: TriggerPattern | null; last: number; consumed: number } | undefined {
  const candidates = lexicon.frames.get(norms[i]);
  if (!candidates) return undefined;
  // Frames with object heads before open ones of the same words.
  const ordered = [...candidates.filter((c) => c.objects), ...candidates.filter((c) => !c.objects)];
  for (const f of ordered) {
    if (!f.words.every((w, k) => norms[i + k] === w) || !posFits(toks[i], f.pos)) continue;
    const end = i + f.words.length;
    if (f.beforeName) {
      if (toks[end]?.capitalized) return { pattern: null, last: end, consumed: end };
      continue;
    }
    let last = end;
    let consumed = end;
    if (f.objects) {
      const at = objectHeadAt(toks, norms, end, f.objects, lexicon.words.objectGapStops);
      if (at === undefined) continue;
      const actor = mentions.find((m) => m.first >= end && m.first < at.end);
      last = actor ? actor.first : at.end;
      consumed = at.end;
    }
    if (f.type === null) return { pattern: null, last, consumed };
    return {
      pattern: { words: f.words, type: f.type, pos: f.pos, lemma: f.lemma, framed: true, ...(f.status ? { status: f.status } : {}), ...(f.mutual ? { mutual: true } : {}) },
      last,
      consumed,
    };
  }
  return undefined;
}

function objectHeadAt(toks: Token[], norms: string[], from: number, objects: string[][], stops: ReadonlySet<string>): { end: number } | undefined {
  for (let k = from; k < Math.min(toks.length, from + OBJECT_GAP_MAX + 1); k++) {
    const head = objects.find((o) => o.every((w, j) => norms[k + j] === w));
    if (head) return { end: k + head.length };
    // Only determiners, numbers and modifiers before the head: "a night curfew", "its emergency measures".
    if (!/^[\p{L}\p{N}][\p{L}\p{N}.,'-]*$/u.test(toks[k].text) || stops.has(norms[k])) return undefined;
  }
  return undefined;
}

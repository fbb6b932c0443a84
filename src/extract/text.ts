// Sentences and tokens with document offsets. compromise splits sentences and
// tags words; it is run per paragraph because some of its calls grow
// superlinearly with text length. Tokens come from our own tokenizer so that
// hyphenated compounds ("U.S.-backed") and possessives stay addressable.
import nlp from "compromise";

export interface Token {
  /** As written. */
  text: string;
  /** Lowercased, curly apostrophes straightened, trailing possessive removed. */
  norm: string;
  start: number;
  end: number;
  /** The token carries a possessive ending ("Iran's"). */
  possessive: boolean;
  /** The token begins with an uppercase letter. */
  capitalized: boolean;
  /** compromise tags of the word the token falls in (Person, Place, Verb…). */
  tags: ReadonlySet<string>;
}

export interface Sentence {
  /** Index of the sentence in its document. */
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

// Words with internal dots (U.S., D.C.), internal apostrophes or hyphen-free
// letters/digits; everything else is a one-character punctuation token.
const TOKEN_RE = /(?:[A-Za-z]\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*|\p{N}+(?:[.,:]\p{N}+)*|\S/gu;
const NO_TAGS: ReadonlySet<string> = new Set();

export function tokenize(text: string, offset = 0, tagAt?: (pos: number) => ReadonlySet<string>): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    let norm = raw.toLowerCase().replace(/’/g, "'");
    let possessive = false;
    if (/'s$/.test(norm) && norm.length > 2) {
      norm = norm.slice(0, -2);
      possessive = true;
    } else if (/s'$/.test(norm)) {
      norm = norm.slice(0, -1);
      possessive = true;
    }
    const start = offset + m.index!;
    tokens.push({
      text: raw,
      norm,
      start,
      end: start + raw.length,
      possessive,
      capitalized: /^\p{Lu}/u.test(raw),
      tags: tagAt ? tagAt(start) : NO_TAGS,
    });
  }
  return tokens;
}

interface TermJson {
  tags: string[];
  offset: { start: number; length: number };
}
interface SentenceJson {
  offset: { start: number; length: number };
  terms: TermJson[];
}

/** Paragraph ranges: runs of text between line breaks. */
export function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    if (m[0].trim()) out.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** Splits a document into sentences with tagged tokens, parsing one paragraph at a time. */
export function segment(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const para of paragraphs(text)) {
    const paraText = text.slice(para.start, para.end);
    const parsed = nlp(paraText).json({ offset: true, terms: { offset: true } }) as SentenceJson[];
    // Tags by character position, for our own tokens to pick up.
    const termStarts: number[] = [];
    const termTags: ReadonlySet<string>[] = [];
    for (const s of parsed)
      for (const t of s.terms) {
        termStarts.push(para.start + t.offset.start);
        termTags.push(new Set(t.tags));
      }
    const tagAt = (pos: number): ReadonlySet<string> => {
      // Last term starting at or before pos (terms are in order).
      let lo = 0;
      let hi = termStarts.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (termStarts[mid] <= pos) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found >= 0 ? termTags[found] : NO_TAGS;
    };
    const ranges = parsed.length
      ? parsed.map((s) => ({ start: para.start + s.offset.start, end: para.start + s.offset.start + s.offset.length }))
      : [{ start: para.start, end: para.end }];
    // compromise leaves gaps (quotes, trailing spaces) between sentences: cover
    // the whole paragraph so no word falls outside a sentence.
    for (let i = 0; i < ranges.length; i++) {
      const start = i === 0 ? para.start : ranges[i].start;
      const end = i === ranges.length - 1 ? para.end : ranges[i + 1].start;
      const { s, e } = trim(text, start, end);
      if (e <= s) continue;
      const sentText = text.slice(s, e);
      sentences.push({ index: sentences.length, start: s, end: e, text: sentText, tokens: tokenize(sentText, s, tagAt) });
    }
  }
  return sentences;
}

function trim(text: string, start: number, end: number): { s: number; e: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { s, e };
}

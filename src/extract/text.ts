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

// As TOKEN_RE, except that a run of four or more of one mark ("........") is one
// token, so a hostile run cannot make a sentence of thousands of tokens (the
// back-reference is linear).
const SEGMENT_TOKEN_RE = new RegExp(`([^\\p{L}\\p{N}\\s])\\1{3,}|${TOKEN_RE.source}`, "gu");

export function tokenize(text: string, offset = 0, tagAt?: (pos: number) => ReadonlySet<string>): Token[] {
  return tokenizeWith(TOKEN_RE, text, offset, tagAt);
}

function tokenizeWith(re: RegExp, text: string, offset: number, tagAt?: (pos: number) => ReadonlySet<string>): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(re)) {
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

// ---------------------------------------------------------------------------
// Guards: what compromise is given is bounded, whatever the article looks like.

/** A sentence longer than this (in our tokens or in characters) is split before parsing. */
export const MAX_SENTENCE_TOKENS = 400;
export const MAX_SENTENCE_CHARS = 4_000;
/** Long paragraphs go to compromise in pieces of about this size, cut at sentence ends. */
const CHUNK_CHARS = 20_000;
/** Runs longer than these are collapsed in the text compromise sees (offsets still point into the original). */
const MAX_SAME_RUN = 3;
const MAX_MIXED_RUN = 10;
const MAX_SPACE_RUN = 3;
/** A collapsed run this long is worth reporting. */
const REPORT_RUN = 64;

const CLAUSE_PUNCT = new Set([",", ";", ":", "—", "–", "(", ")"]);
const SENTENCE_END = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(['"', "”", "’", "'", ")", "]", "»"]);
const CHUNK_TOKEN_RE = new RegExp(SEGMENT_TOKEN_RE.source, "gu");

let degradationListener: ((reason: string) => void) | null = null;

/**
 * Runs `f` and collects what `segment` had to do to bound the work on the way
 * (overlong sentences split, long runs of punctuation or spaces collapsed), as
 * one reason per kind: the document is then "degraded". Synchronous, so it
 * wraps one `extractDocument` call without changing its types.
 */
export function collectDegradation<T>(f: () => T): { value: T; degraded: string[] } {
  const previous = degradationListener;
  const counts = new Map<string, { n: number; max: number }>();
  degradationListener = (key) => {
    const [kind, size] = key.split("\u0000");
    const c = counts.get(kind) ?? { n: 0, max: 0 };
    c.n++;
    c.max = Math.max(c.max, Number(size));
    counts.set(kind, c);
  };
  try {
    const value = f();
    const degraded: string[] = [];
    for (const [kind, c] of counts) {
      if (kind === "split")
        degraded.push(`split ${c.n} overlong sentence${c.n === 1 ? "" : "s"} (longest ${c.max} characters; cap ${MAX_SENTENCE_TOKENS} tokens or ${MAX_SENTENCE_CHARS} characters)`);
      else degraded.push(`collapsed ${c.n} long run${c.n === 1 ? "" : "s"} of punctuation or spaces (longest ${c.max} characters)`);
    }
    return { value, degraded };
  } finally {
    degradationListener = previous;
  }
}

function report(kind: "split" | "run", size: number): void {
  degradationListener?.(`${kind}\u0000${size}`);
}

interface Chunk {
  start: number;
  end: number;
}

/**
 * Cuts a paragraph into the pieces compromise parses: at sentence ends once a
 * piece passes CHUNK_CHARS, and inside any sentence that passes the token or
 * character cap, at the last clause mark (or at the cap when there is none).
 * Linear: one pass over our own tokens.
 */
function chunkParagraph(text: string, pStart: number, pEnd: number): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = pStart;
  let segStart = pStart; // start of the sentence being read
  let segTokens = 0;
  let clauseAt = -1; // position after the last clause mark in this sentence
  let tokensAtClause = 0;
  let overlongFrom = -1; // start of the sentence being split, while it is
  const re = CHUNK_TOKEN_RE;
  re.lastIndex = pStart;
  const endSentence = (at: number) => {
    if (overlongFrom >= 0) report("split", at - overlongFrom);
    overlongFrom = -1;
  };
  const cut = (at: number) => {
    if (at > chunkStart) chunks.push({ start: chunkStart, end: at });
    chunkStart = at;
  };
  for (let m = re.exec(text); m && m.index < pEnd; m = re.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (s > segStart && (segTokens >= MAX_SENTENCE_TOKENS || e - segStart > MAX_SENTENCE_CHARS)) {
      // Overlong: cut at the last clause mark if it leaves a fair piece, else here.
      const at = clauseAt > segStart + (s - segStart) / 4 ? clauseAt : s;
      if (overlongFrom < 0) overlongFrom = segStart;
      cut(at);
      segTokens = at === clauseAt ? segTokens - tokensAtClause : 0;
      segStart = at;
      clauseAt = -1;
    }
    segTokens++;
    const t = m[0];
    if (CLAUSE_PUNCT.has(t)) {
      clauseAt = e;
      tokensAtClause = segTokens;
    } else if (SENTENCE_END.has(t[0])) {
      let b = e;
      while (b < pEnd && CLOSERS.has(text[b])) b++;
      if (b === pEnd || /\s/.test(text[b])) {
        endSentence(b);
        segStart = b;
        segTokens = 0;
        clauseAt = -1;
        if (b - chunkStart >= CHUNK_CHARS) cut(b);
      }
    }
  }
  cut(pEnd);
  endSentence(pEnd);
  return chunks;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 0x0b || c === 0x0c || c === 0x0d || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
const WORDISH = /[\p{L}\p{N}\p{M}]/u;

/**
 * The text compromise is given for [start, end): runs of the same mark longer
 * than MAX_SAME_RUN, of mixed marks longer than MAX_MIXED_RUN and of spaces
 * longer than MAX_SPACE_RUN are shortened. `orig[i]` is the offset in `text`
 * of character i of the result (and `orig[length]` is `end`), so every offset
 * compromise reports maps back exactly.
 */
function collapseRuns(text: string, start: number, end: number): { clean: string; orig: Int32Array | null } {
  // Fast path: nothing to collapse, as in ordinary prose.
  let needed = false;
  for (let i = start, run = 0, kind = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const k = isSpace(c) ? 1 : c < 128 ? (/[A-Za-z0-9]/.test(text[i]) ? 0 : 2) : WORDISH.test(text[i]) ? 0 : 2;
    if (k !== 0 && k === kind) run++;
    else run = 1;
    kind = k;
    if (k !== 0 && run > MAX_SAME_RUN) {
      needed = true;
      break;
    }
  }
  if (!needed) return { clean: text.slice(start, end), orig: null };

  const parts: string[] = [];
  const orig: number[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      let j = i;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      const keep = j - i > MAX_SPACE_RUN ? 1 : j - i;
      if (j - i >= REPORT_RUN) report("run", j - i);
      for (let k = 0; k < keep; k++) {
        parts.push(keep === 1 && j - i > 1 ? " " : text[i + k]);
        orig.push(i + k);
      }
      i = j;
      continue;
    }
    if (!WORDISH.test(text[i]) && !(c >= 0xd800 && c <= 0xdfff)) {
      // A run of marks (not letters, digits or spaces).
      let j = i;
      let same = true;
      while (j < end) {
        const cj = text.charCodeAt(j);
        if (isSpace(cj) || WORDISH.test(text[j]) || (cj >= 0xd800 && cj <= 0xdfff)) break;
        if (cj !== c) same = false;
        j++;
      }
      const keep = same ? Math.min(j - i, MAX_SAME_RUN) : Math.min(j - i, MAX_MIXED_RUN);
      if (j - i >= REPORT_RUN) report("run", j - i);
      for (let k = 0; k < keep; k++) {
        parts.push(text[i + k]);
        orig.push(i + k);
      }
      i = j;
      continue;
    }
    parts.push(text[i]);
    orig.push(i);
    i++;
  }
  orig.push(end);
  return { clean: parts.join(""), orig: Int32Array.from(orig) };
}

/**
 * Splits a document into sentences with tagged tokens, parsing one paragraph
 * (or one bounded piece of a long paragraph) at a time. Offsets always point
 * into `text`; what compromise sees is guarded (see `collectDegradation`).
 */
export function segment(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  // One (read-only) set per distinct tag combination, not one per word: a
  // long document has millions of words and a few hundred combinations.
  const tagSets = new Map<string, ReadonlySet<string>>();
  const tagSet = (tags: string[]) => {
    const key = tags.join("\u0000");
    let set = tagSets.get(key);
    if (!set) tagSets.set(key, (set = new Set(tags)));
    return set;
  };
  for (const para of paragraphs(text)) {
    // Tags by character position, for our own tokens to pick up.
    const termStarts: number[] = [];
    const termTags: ReadonlySet<string>[] = [];
    const ranges: { start: number; end: number }[] = [];
    for (const chunk of chunkParagraph(text, para.start, para.end)) {
      const { clean, orig } = collapseRuns(text, chunk.start, chunk.end);
      const at = (i: number) => (orig ? orig[Math.min(i, orig.length - 1)] : chunk.start + i);
      const parsed = nlp(clean).json({ offset: true, terms: { offset: true } }) as SentenceJson[];
      for (const s of parsed)
        for (const t of s.terms) {
          termStarts.push(at(t.offset.start));
          termTags.push(tagSet(t.tags));
        }
      // compromise leaves gaps (quotes, trailing spaces) between sentences: cover
      // the whole piece so no word falls outside a sentence.
      const starts = parsed.length ? parsed.map((s) => at(s.offset.start)) : [chunk.start];
      starts[0] = chunk.start;
      for (let i = 0; i < starts.length; i++) {
        const end = i === starts.length - 1 ? chunk.end : starts[i + 1];
        if (end > starts[i]) ranges.push({ start: starts[i], end });
      }
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
    for (const r of ranges) {
      const { s, e } = trim(text, r.start, r.end);
      if (e <= s) continue;
      const sentText = text.slice(s, e);
      sentences.push({ index: sentences.length, start: s, end: e, text: sentText, tokens: tokenizeWith(SEGMENT_TOKEN_RE, sentText, s, tagAt) });
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

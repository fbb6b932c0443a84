// Turns the reviewable lexicons in data/ into lookup structures: every file
// validated (lexicon-schema.ts), every verb inflected, every noun pluralized,
// every phrase tokenized the way sentences are.
import nlp from "compromise";
import relationsData from "../../data/lexicon/relations.json";
import cuesData from "../../data/lexicon/cues.json";
import rolesData from "../../data/lexicon/roles.json";
import relationTypesData from "../../data/lexicon/relation-types.json";
import syntaxData from "../../data/lexicon/syntax.json";
import namesData from "../../data/lexicon/names.json";
import groupsData from "../../data/lexicon/groups.json";
import framesData from "../../data/lexicon/frames.json";
import type { ActorKind, RelationStatus, RelationType, RelationTypeInfo } from "../graph/schema";
import { validateLexiconFiles, type FramesFile, type GroupsFile, type LexiconFiles, type WordListName } from "./lexicon-schema";
import { tokenize } from "./text";

export type { WordListName } from "./lexicon-schema";

/** The lexicon files as bundled JSON, by file name (data/lexicon/). */
export const LEXICON_FILES: Readonly<LexiconFiles> = {
  "relations.json": relationsData,
  "cues.json": cuesData,
  "roles.json": rolesData,
  "relation-types.json": relationTypesData,
  "syntax.json": syntaxData,
  "names.json": namesData,
  "groups.json": groupsData,
  "frames.json": framesData,
};

/** The word classes of syntax.json and names.json, by list name: `lexicon.words.prepositions`. */
export type LexiconWords = { readonly [K in WordListName]: ReadonlySet<string> };

/** What the extractor needs of a gazetteer entry (data/gazetteer/*.json). */
export interface ActorEntry {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  capitals?: string[];
  demonyms?: string[];
  demonymPlurals?: string[];
  institutions?: string[];
  /** The name itself is also a common word or another thing's name (Jordan, Chad, Turkey). */
  ambiguous?: boolean;
  /** Forms that mean this actor only when they stand alone ("America", not "Latin America"). */
  ambiguousAliases?: string[];
  /** People: the state, group or organization they act for. */
  affiliation?: string;
}

export interface TriggerPattern {
  words: string[];
  type: RelationType;
  /** From a frame of data/lexicon/frames.json: the frame decided it, no light-verb reading applies. */
  framed?: boolean;
  /** Set when a frame decides the status ("offer aid" is intended). */
  status?: RelationStatus;
  /** From a frame whose relation holds between coordinated subjects ("exchanged fire"). */
  mutual?: boolean;
  /** verb: an inflected verb phrase; noun: a nominal; phrase: matched as written. */
  pos: "verb" | "noun" | "phrase";
  /** The lemma phrase as written in the lexicon, for reports. */
  lemma: string;
}

/** Phrases indexed by their first word; longest first, so the longest match wins. */
export type PhraseIndex<T extends { words: string[] }> = Map<string, T[]>;

export interface Lexicon {
  actors: ActorEntry[];
  triggers: PhraseIndex<TriggerPattern>;
  negationWords: Set<string>;
  negationWindow: number;
  denialCues: PhraseIndex<{ words: string[] }>;
  intentionCues: PhraseIndex<{ words: string[] }>;
  intentionWindow: number;
  roles: PhraseIndex<{ words: string[] }>;
  institutionalHeads: PhraseIndex<{ words: string[] }>;
  /** Heads of "the group", "the terrorist group": refer back to the last group. */
  groupDescriptors: Set<string>;
  /** Heads of "the country": refer back to the last state. */
  stateDescriptors: Set<string>;
  /** "the withdrawal of A from B": nouns whose "of" phrase names who acts. */
  agentOfNouns: Set<string>;
  relationTypes: RelationTypeInfo[];
  /** Function-word and name classes (data/lexicon/syntax.json, names.json), matched on token norms. */
  words: LexiconWords;
  /** Trigger frames (data/lexicon/frames.json), tried before the flat triggers; indexed by the verb's or noun's first word. */
  frames: PhraseIndex<FramePattern>;
  /** Heads of descriptive non-state groups ("Sudanese rebels"), with the kind of actor they make. */
  descriptiveGroups: PhraseIndex<{ words: string[]; kind: ActorKind }>;
  /** "US-backed": participle → the relation it gives the prefixed actor to the head, or "represents". */
  compoundParticiples: ReadonlyMap<string, RelationType | "represents">;
}

type Conjugation = Partial<Record<"Infinitive" | "PastTense" | "PresentTense" | "Gerund" | "Participle", string>>;
// compromise's own conjugator: nlp("host").verbs() finds no verb because
// "host" reads as a noun on its own, so call the transform directly.
const compromiseMethods = (
  nlp as unknown as { methods(): { two: { transform: { verb: { conjugate(v: string, m: unknown): Conjugation }; noun: { toPlural(n: string, m: unknown): string } } } } }
).methods();
const compromiseModel = (nlp as unknown as { model(): unknown }).model();

export function verbForms(lemma: string): string[] {
  const c = compromiseMethods.two.transform.verb.conjugate(lemma, compromiseModel) ?? {};
  const forms = new Set([lemma]);
  for (const k of ["PastTense", "PresentTense", "Gerund", "Participle"] as const) if (c[k]) forms.add(c[k]!);
  return [...forms];
}

export function nounForms(noun: string): string[] {
  const forms = new Set([noun]);
  if (!/s$/.test(noun)) {
    // compromise's pluralizer called directly: parsing each word with nlp() made
    // this most of the start-up time, and read words like "ban" as verbs.
    const plural = compromiseMethods.two.transform.noun.toPlural(noun, compromiseModel).toLowerCase();
    forms.add(plural && plural !== noun ? plural : regularPlural(noun));
  }
  return [...forms];
}

function regularPlural(noun: string): string {
  if (/(ch|sh|x|z)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}

export function addPhrase<T extends { words: string[] }>(index: PhraseIndex<T>, item: T): void {
  if (item.words.length === 0) return;
  const key = item.words[0];
  const list = index.get(key) ?? [];
  if (!list.some((x) => x.words.join(" ") === item.words.join(" ") && JSON.stringify(x) === JSON.stringify(item))) list.push(item);
  list.sort((a, b) => b.words.length - a.words.length);
  index.set(key, list);
}

/** Inflects the first word of a verb phrase: "hold talks" → held talks, holding talks… */
function inflectVerbPhrase(phrase: string): string[][] {
  const words = phraseWords(phrase);
  return verbForms(words[0]).map((f) => [...phraseWords(f), ...words.slice(1)]);
}

/** Inflects the last word of a noun phrase: "peace talk" → peace talks. */
function inflectNounPhrase(phrase: string): string[][] {
  const words = phraseWords(phrase);
  return nounForms(words[words.length - 1]).map((f) => [...words.slice(0, -1), f]);
}

function cueIndex(verbs: string[], phrases: string[] = []): PhraseIndex<{ words: string[] }> {
  const index: PhraseIndex<{ words: string[] }> = new Map();
  for (const v of verbs) for (const words of inflectVerbPhrase(v)) addPhrase(index, { words });
  for (const p of phrases) addPhrase(index, { words: phraseWords(p) });
  return index;
}

/**
 * Validates the lexicon files and builds the lookup structures. `files`
 * defaults to the bundled data/lexicon/; a bad entry throws an Error naming
 * the file and the path of the entry.
 */
export function buildLexicon(actors: ActorEntry[], files: Readonly<LexiconFiles> = LEXICON_FILES): Lexicon {
  const { relations, cues, roles: rolesFile, relationTypes, syntax, names, groups, frames } = validateLexiconFiles(files);
  const triggers: PhraseIndex<TriggerPattern> = new Map();
  for (const g of relations.triggers) {
    const type = g.type;
    for (const v of g.verbs ?? []) for (const words of inflectVerbPhrase(v)) addPhrase(triggers, { words, type, pos: "verb", lemma: v });
    for (const n of g.nouns ?? []) for (const words of inflectNounPhrase(n)) addPhrase(triggers, { words, type, pos: "noun", lemma: n });
    for (const p of g.phrases ?? []) addPhrase(triggers, { words: phraseWords(p), type, pos: "phrase", lemma: p });
  }
  const roles: PhraseIndex<{ words: string[] }> = new Map();
  for (const r of rolesFile.roles) for (const words of inflectNounPhrase(r)) addPhrase(roles, { words });
  const institutionalHeads: PhraseIndex<{ words: string[] }> = new Map();
  for (const h of rolesFile.institutionalHeads) for (const words of inflectNounPhrase(h)) addPhrase(institutionalHeads, { words });
  return {
    actors,
    triggers,
    negationWords: new Set(cues.negation.words),
    negationWindow: cues.negation.window,
    denialCues: cueIndex(cues.denial.verbs, cues.denial.phrases),
    intentionCues: cueIndex(cues.intention.verbs, cues.intention.words),
    intentionWindow: cues.intention.window,
    roles,
    institutionalHeads,
    groupDescriptors: new Set(rolesFile.groupDescriptors),
    stateDescriptors: new Set(rolesFile.stateDescriptors),
    agentOfNouns: new Set(relations.agentOfNouns.nouns),
    relationTypes: relationTypes.types as RelationTypeInfo[],
    words: wordSets({ ...syntax.lists, ...names.lists }),
    compoundParticiples: new Map(Object.entries(syntax.compoundParticiples.participles)),
    descriptiveGroups: descriptiveGroupIndex(groups),
    frames: frameIndex(frames),
  };
}

function wordSets(lists: Record<WordListName, { words: string[] }>): LexiconWords {
  return Object.fromEntries(Object.entries(lists).map(([name, l]) => [name, new Set(l.words)])) as unknown as LexiconWords;
}

/** Longest phrase of the index that starts at token i; returns it and its length. */
export function matchAt<T extends { words: string[] }>(index: PhraseIndex<T>, norms: string[], i: number): T | undefined {
  const candidates = index.get(norms[i]);
  if (!candidates) return undefined;
  for (const c of candidates) {
    let ok = true;
    for (let k = 1; k < c.words.length; k++)
      if (norms[i + k] !== c.words[k]) {
        ok = false;
        break;
      }
    if (ok) return c;
  }
  return undefined;
}

function descriptiveGroupIndex(groups: GroupsFile): PhraseIndex<{ words: string[]; kind: ActorKind }> {
  const index: PhraseIndex<{ words: string[]; kind: ActorKind }> = new Map();
  for (const [list, kind] of [
    ["armed", "armed-group"],
    ["political", "political-group"],
  ] as const)
    for (const h of groups[list]) for (const words of inflectNounPhrase(h)) addPhrase(index, { words, kind });
  return index;
}

/** A frame as matched: the inflected verb or noun words, what its object must be headed by, the type it gives. */
export interface FramePattern {
  words: string[];
  pos: "verb" | "noun";
  /** Object heads (singular and plural, each as words); any object when absent. */
  objects?: string[][];
  /** A noun that is no trigger when a capitalized name follows ("ambassador X" is a title). */
  beforeName?: boolean;
  mutual?: boolean;
  /** null: the words are no trigger in this frame ("meet demands"). */
  type: RelationType | null;
  status?: RelationStatus;
  lemma: string;
}

function frameIndex({ frames }: FramesFile): PhraseIndex<FramePattern> {
  const index: PhraseIndex<FramePattern> = new Map();
  for (const f of frames) {
    const objects = f.objects?.flatMap((o) => inflectNounPhrase(o));
    const common = {
      type: f.type,
      ...(f.status ? { status: f.status } : {}),
      ...(f.mutual ? { mutual: true } : {}),
      ...(objects ? { objects } : {}),
      ...(f.beforeName ? { beforeName: true } : {}),
    };
    if (f.verb) for (const words of inflectVerbPhrase(f.verb)) addPhrase(index, { words, pos: "verb", lemma: f.verb, ...common });
    if (f.noun) for (const words of inflectNounPhrase(f.noun)) addPhrase(index, { words, pos: "noun", lemma: f.noun, ...common });
  }
  return index;
}

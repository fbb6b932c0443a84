// What every relation rule sees and gives back. A rule is one named entry in
// the ordered list of src/extract/rules/index.ts; each relation it emits
// carries its id, so evidence says which rule produced it and rule precision
// can be measured (npm run eval).
import type { RelationStatus, RelationType } from "../../graph/schema";
import type { Lexicon, TriggerPattern } from "../lexicon";
import type { Mention } from "../mentions";
import type { Structure } from "../structure";
import type { Sentence, Token } from "../text";

/** A trigger phrase found in a sentence: tokens [first, last). */
export interface TriggerHit {
  first: number;
  last: number;
  pattern: TriggerPattern;
}

/** Who states a relation: an actor of the document, a named non-actor source, or the article itself. */
export interface Attribution {
  kind: "actor" | "source" | "author";
  /** Document-local actor key (as in Mention.actor) when kind is "actor". */
  actor?: string;
  text: string;
  /** Document offsets of the source's words, when the text names it. */
  start?: number;
  end?: number;
}

export interface SentenceRelation {
  source: Mention;
  target: Mention;
  type: RelationType;
  status: RelationStatus;
  directed: boolean;
  trigger: { start: number; end: number; text: string };
  /** Id of the rule that produced it. */
  rule: string;
  attribution: Attribution;
}

/** One sentence, parsed once and shared by all rules. */
export interface SentenceContext {
  sentence: Sentence;
  toks: Token[];
  norms: string[];
  /** Every mention, places included. */
  mentions: Mention[];
  /** Mentions that can be actors of a relation (not places such as "in Kabul"). */
  usable: Mention[];
  /** Mentions that are objects of a preposition. */
  oblique: Set<Mention>;
  triggers: TriggerHit[];
  lexicon: Lexicon;
  /** Who speaks the quotes of this sentence, if known. */
  speaker: Mention | undefined;
  /** The structure functions of the lexicon (subjects, objects, clauses). */
  structure: Structure;
  /** What the rules before this one emitted for the sentence. */
  emitted: readonly SentenceRelation[];
}

/** What the runner works out once per trigger, before the trigger rules look at it. */
export interface TriggerFacts {
  hit: TriggerHit;
  status: RelationStatus;
  symmetric: boolean;
  /** Mentions this trigger may take as arguments (places only for "embassy in Doha"-like triggers). */
  candidates: Mention[];
  /** Normalized last word of the trigger. */
  head: string;
}

export type Emit = (source: Mention, target: Mention, type: RelationType, status: RelationStatus, directed: boolean, span: { first: number; last: number }) => void;

/**
 * A rule that reads one trigger. Rules are tried in order; the first that
 * returns true has claimed the trigger (whether or not it emitted anything).
 */
export interface TriggerRule {
  id: string;
  description: string;
  run(ctx: SentenceContext, facts: TriggerFacts, emit: Emit): boolean;
}

/** A rule that reads the whole sentence, independent of triggers (titles, compounds). */
export interface SentenceRule {
  id: string;
  description: string;
  run(ctx: SentenceContext, emit: Emit): void;
}

// Articles in, graph out: runs the sentence-level extraction over each
// document and merges actors and relations across the corpus. Pure: no file
// system, so it runs in Node and in the browser alike.
import {
  GRAPH_SCHEMA_VERSION,
  relationId,
  type Actor,
  type ActorKind,
  type Attribution,
  type AttributionKind,
  type Evidence,
  type Graph,
  type Relation,
  type RelationStatus,
  type RelationType,
} from "../graph/schema";
import { buildLexicon, type ActorEntry, type Lexicon } from "./lexicon";
import { buildActorMatcher, findMentions, similarName, type ActorMatcher, type Mention } from "./mentions";
import { defaultRulePrecision, disputedRelationIds, relationConfidence, type RulePrecision } from "./confidence";
import { extractSentenceRelations } from "./relations";
import { segment } from "./text";

/** What the extractor needs of an article (see src/extract/document.ts). */
export interface ArticleInput {
  id: string;
  title: string;
  date: string | null;
  text: string;
}

export interface ExtractedRelation {
  source: string;
  target: string;
  type: RelationType;
  status: RelationStatus;
  directed: boolean;
  /** As in the graph, except that `attribution.actor` is a document-local actor key (like `source`/`target`). */
  evidence: Evidence;
}

/**
 * What extraction reads from each sentence relation (src/extract/relations.ts)
 * besides the relation itself: the rule that found it and who states it.
 * Read through an optional cast, so a relation without them still works:
 * no `rule` is "legacy", no `attribution` is the article's author.
 */
export interface SentenceRelationProvenance {
  /** Id of the rule: "svo", "passive-agent", "nominal-between", "compound-participle", "title-affiliation", … */
  rule: string;
  attribution?: {
    kind: AttributionKind;
    /** Document-local actor key (as in Mention.actor) when kind is "actor". */
    actor?: string;
    text: string;
    /** Document offsets of `text` (none for the author). */
    start?: number;
    end?: number;
  };
}

/** A sentence relation as src/extract/relations.ts gives it. */
type SentenceRelation = ReturnType<typeof extractSentenceRelations>[number];

export const LEGACY_RULE = "legacy";
export const AUTHOR_ATTRIBUTION: Attribution = { kind: "author", text: "the article" };

export interface DocumentExtraction {
  doc: ArticleInput;
  /** Actors by document-local key (gazetteer id, or "person:Full Name"). */
  actors: Map<string, { name: string; kind: ActorKind; forms: string[]; mentions: number; country?: string }>;
  relations: ExtractedRelation[];
}

export interface Extractor {
  lexicon: Lexicon;
  extractDocument(doc: ArticleInput): DocumentExtraction;
}

export function createExtractor(actors: ActorEntry[]): Extractor {
  const lexicon = buildLexicon(actors);
  const matcher: ActorMatcher = buildActorMatcher(lexicon);
  return { lexicon, extractDocument: (doc) => extractDocument(doc, lexicon, matcher) };
}

function extractDocument(doc: ArticleInput, lexicon: Lexicon, matcher: ActorMatcher): DocumentExtraction {
  const sentences = segment(doc.text);
  const found = findMentions(sentences, lexicon, matcher);
  const relations: ExtractedRelation[] = [];
  const seen = new Set<string>();
  sentences.forEach((s, i) => {
    for (const r of extractSentenceRelations(s, found.bySentence[i], lexicon, found.speakers[i])) {
      const key = `${r.source.actor}|${r.target.actor}|${r.type}|${r.status}|${s.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const provenance = r as SentenceRelation & Partial<SentenceRelationProvenance>;
      relations.push({
        source: r.source.actor,
        target: r.target.actor,
        type: r.type,
        status: r.status,
        directed: r.directed,
        evidence: {
          doc: doc.id,
          sentence: s.text,
          start: s.start,
          end: s.end,
          trigger: r.trigger,
          sourceMention: span(r.source),
          targetMention: span(r.target),
          rule: typeof provenance.rule === "string" && provenance.rule ? provenance.rule : LEGACY_RULE,
          attribution: toAttribution(provenance.attribution),
        },
      });
    }
  });
  const actors = new Map<string, { name: string; kind: ActorKind; forms: string[]; mentions: number; country?: string }>();
  for (const [key, a] of found.actors)
    actors.set(key, { name: a.name, kind: a.kind, forms: [...a.forms].sort(), mentions: a.mentions, ...(a.country ? { country: a.country } : {}) });
  // A listed person's state or group takes part in their affiliation without being named.
  for (const r of relations)
    for (const key of [r.source, r.target])
      if (!actors.has(key)) {
        const kind = matcher.kinds.get(key);
        if (kind) actors.set(key, { name: matcher.names.get(key) ?? key, kind, forms: [], mentions: 0 });
      }
  return { doc, actors, relations };
}

const span = (m: Mention) => ({ start: m.start, end: m.end });

/** The extractor's attribution as an evidence attribution (actor still a document-local key), tolerant of partial input. */
function toAttribution(a: SentenceRelationProvenance["attribution"]): Attribution {
  if (!a || typeof a.text !== "string" || !a.text) return AUTHOR_ATTRIBUTION;
  if (a.kind === "author") return { kind: "author", text: a.text };
  const at = Number.isInteger(a.start) && Number.isInteger(a.end) && a.start! >= 0 && a.end! >= a.start! ? { start: a.start!, end: a.end! } : {};
  if (a.kind === "actor" && a.actor) return { kind: "actor", actor: a.actor, text: a.text, ...at };
  // A named source, or an actor speaker without a key.
  return { kind: "source", text: a.text, ...at };
}

export function slug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/['’]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "actor"
  );
}

/** An actor as one document's extraction gives it (DocumentExtraction.actors' values). */
export type ExtractedActor = DocumentExtraction["actors"] extends Map<string, infer A> ? A : never;

/** One evidence entry a document gives a relation, as assembly merges it: an extracted relation in global ids (evidence attribution too), with its relation id. */
export interface Contribution extends ExtractedRelation {
  id: string;
}

/** Text actors found across the corpus, by global id: the name (longest spelling) and kind assembly gives them. */
export type TextActorNames = ReadonlyMap<string, { name: string; kind: ActorKind }>;

/**
 * Global actor ids for each document's actors (same order as `docs`): gazetteer
 * actors keep their ids; text actors are matched by name across documents in
 * document order, new ones get a slug (with a collision counter), and the
 * longest spelling becomes the name. Order-dependent: the whole corpus at once.
 */
export function assignActorIds(
  docs: readonly Iterable<readonly [string, { name: string; kind: ActorKind }]>[],
  gazetteerIds: ReadonlySet<string>,
): { globalIds: Map<string, string>[]; textActors: TextActorNames } {
  const textActors = new TextActorIndex();
  const globalIds: Map<string, string>[] = [];
  const usedIds = new Set(gazetteerIds);
  for (const actors of docs) {
    const globalId = new Map<string, string>();
    globalIds.push(globalId);
    for (const [key, a] of actors) {
      if (gazetteerIds.has(key)) {
        globalId.set(key, key);
        continue;
      }
      let match = textActors.find(a.kind, a.name);
      if (!match) {
        let id = slug(a.name);
        if (usedIds.has(id)) {
          let n = 2;
          while (usedIds.has(`${id}-${n}`)) n++;
          id = `${id}-${n}`;
        }
        usedIds.add(id);
        match = textActors.add(id, a.name, a.kind);
      } else if (a.name.length > match.name.length) textActors.rename(match, a.name);
      globalId.set(key, match.id);
    }
  }
  return { globalIds, textActors: textActors.byId };
}

/**
 * What one document gives the graph's relations, in global ids and in the
 * document's order: self-relations dropped, two-sided relations in canonical
 * order, evidence de-duplicated (same relation, sentence and trigger).
 */
export function documentContributions(relations: readonly ExtractedRelation[], globalId: ReadonlyMap<string, string>): Contribution[] {
  const out: Contribution[] = [];
  const evidenceSeen = new Set<string>(); // `${relation id}|${start}|${trigger.start}`
  for (const r of relations) {
    let source = globalId.get(r.source)!;
    let target = globalId.get(r.target)!;
    if (source === target) continue;
    // (Fallbacks for extractions made before evidence had a rule and an attribution, e.g. from a cache.)
    const attribution = globalAttribution(r.evidence.attribution ?? AUTHOR_ATTRIBUTION, (key) => globalId.get(key));
    let evidence: Evidence = { ...r.evidence, rule: r.evidence.rule || LEGACY_RULE, attribution };
    // Two-sided relations are stored once, in a canonical order.
    if (!r.directed && source > target) {
      [source, target] = [target, source];
      evidence = { ...evidence, sourceMention: r.evidence.targetMention, targetMention: r.evidence.sourceMention };
    }
    const id = relationId(source, r.type, r.status, target);
    const seenKey = `${id}|${evidence.start}|${evidence.trigger.start}`;
    if (evidenceSeen.has(seenKey)) continue;
    evidenceSeen.add(seenKey);
    out.push({ id, source, target, type: r.type, status: r.status, directed: r.directed, evidence });
  }
  return out;
}

/** The order of a relation's evidence: by document, sentence, trigger. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  return a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || a.trigger.start - b.trigger.start;
}

/**
 * The graph's actors: every gazetteer actor a document has, and the text actors
 * in `kept`, with mentions summed, documents and surface forms (as aliases)
 * gathered over the documents in order. Sorted by id.
 */
export function assembleActors(
  docs: readonly { id: string; actors: Iterable<readonly [string, ExtractedActor]> }[],
  globalIds: readonly ReadonlyMap<string, string>[],
  kept: ReadonlySet<string>,
  textActors: TextActorNames,
  lexicon: Lexicon,
): Actor[] {
  const gazetteer = new Map(lexicon.actors.map((a) => [a.id, a]));
  const actors = new Map<string, { actor: Actor; docs: Set<string>; aliasKeys: Set<string> }>();
  docs.forEach((x, i) => {
    for (const [key, a] of x.actors) {
      const id = globalIds[i].get(key)!;
      const entry = gazetteer.get(id);
      if (!entry && !kept.has(id)) continue;
      let slot = actors.get(id);
      if (!slot) {
        const t = textActors.get(id);
        const actor: Actor = {
          id,
          name: entry?.name ?? t!.name,
          kind: entry?.kind ?? t!.kind,
          aliases: entry ? [...entry.aliases] : [],
          mentions: 0,
          documents: [],
          ...(!entry && a.country ? { country: a.country } : {}),
        };
        slot = { actor, docs: new Set(), aliasKeys: new Set([actor.name.toLowerCase(), ...actor.aliases.map((f) => f.toLowerCase())]) };
        actors.set(id, slot);
      }
      slot.actor.mentions += a.mentions;
      if (!slot.docs.has(x.id)) {
        slot.docs.add(x.id);
        slot.actor.documents.push(x.id);
      }
      // Surface forms as aliases, without a leading article and without case duplicates.
      for (const raw of a.forms) {
        const f = raw.replace(/^the\s+/i, "");
        const k = f.toLowerCase();
        if (slot.aliasKeys.has(k)) continue;
        slot.aliasKeys.add(k);
        slot.actor.aliases.push(f);
      }
    }
  });
  for (const { actor } of actors.values()) {
    actor.aliases.sort();
    actor.documents.sort();
  }
  return [...actors.values()].map((s) => s.actor).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** What `assembleGraphParts` gives besides the graph: the per-document pieces an incremental rebuild starts from (src/build/state.ts). */
export interface AssemblyParts {
  globalIds: Map<string, string>[];
  contributions: Contribution[][];
  /** Relations whose contributions disagree on `directed` (the first document's wins). */
  mixedDirected: Set<string>;
}

/**
 * Merges per-document results into one graph. Gazetteer actors keep their ids;
 * people and organizations found in the text are merged across documents by
 * name (spelling variants included) and kept only when they take part in a
 * relation or speak for one (an evidence attribution). Every relation gets
 * `disputed` and `confidence` (src/extract/confidence.ts), from `rulePrecision`
 * (default: data/lexicon/rule-precision.json).
 */
export function assembleGraph(extractions: DocumentExtraction[], lexicon: Lexicon, generatedAt: string, options: { rulePrecision?: RulePrecision } = {}): Graph {
  return assembleGraphParts(extractions, lexicon, generatedAt, options).graph;
}

/** `assembleGraph`, with the per-document pieces it was made of. */
export function assembleGraphParts(
  extractions: DocumentExtraction[],
  lexicon: Lexicon,
  generatedAt: string,
  options: { rulePrecision?: RulePrecision } = {},
): { graph: Graph; parts: AssemblyParts } {
  const rulePrecision = options.rulePrecision ?? defaultRulePrecision();
  const { globalIds, textActors } = assignActorIds(
    extractions.map((x) => x.actors),
    new Set(lexicon.actors.map((a) => a.id)),
  );

  const relations = new Map<string, Relation>();
  const mixedDirected = new Set<string>();
  const contributions = extractions.map((x, i) => documentContributions(x.relations, globalIds[i]));
  for (const list of contributions)
    for (const c of list) {
      let rel = relations.get(c.id);
      if (!rel) {
        rel = { id: c.id, source: c.source, target: c.target, type: c.type, status: c.status, directed: c.directed, disputed: false, confidence: 0, evidence: [] };
        relations.set(c.id, rel);
      } else if (rel.directed !== c.directed) mixedDirected.add(c.id);
      rel.evidence.push(c.evidence);
    }
  const relationList = [...relations.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const rel of relationList) rel.evidence.sort(compareEvidence);
  scoreAll(relationList, rulePrecision);

  // Text actors are kept when they take part in a relation or are the speaker of an evidence.
  const kept = new Set<string>();
  for (const r of relationList) {
    kept.add(r.source).add(r.target);
    for (const e of r.evidence) if (e.attribution.actor !== undefined) kept.add(e.attribution.actor);
  }
  const actors = assembleActors(
    extractions.map((x) => ({ id: x.doc.id, actors: x.actors })),
    globalIds,
    kept,
    textActors,
    lexicon,
  );

  return {
    graph: {
      schemaVersion: GRAPH_SCHEMA_VERSION,
      generatedAt,
      relationTypes: lexicon.relationTypes,
      documents: extractions.map((x) => ({ id: x.doc.id, title: x.doc.title, date: x.doc.date, text: x.doc.text })),
      actors,
      relations: relationList,
    },
    parts: { globalIds, contributions, mixedDirected },
  };
}

/** Sets `disputed` and `confidence` on every relation of `relations` (disputes are decided among them). */
export function scoreAll(relations: Relation[], rulePrecision: RulePrecision): void {
  const disputed = disputedRelationIds(relations);
  for (const rel of relations) {
    rel.disputed = disputed.has(rel.id);
    rel.confidence = relationConfidence(rel.evidence, rel.disputed, rulePrecision);
  }
}

/**
 * An evidence attribution with its document-local actor key turned into the
 * global actor id. A speaker whose key is unknown to the document stays a named
 * source (its words and offsets are kept).
 */
function globalAttribution(a: Attribution, toGlobal: (key: string) => string | undefined): Attribution {
  if (a.kind !== "actor" || a.actor === undefined) return a;
  const id = toGlobal(a.actor);
  if (id !== undefined) return { ...a, actor: id };
  return a.start !== undefined && a.end !== undefined ? { kind: "source", text: a.text, start: a.start, end: a.end } : { kind: "source", text: a.text };
}

interface TextActor {
  id: string;
  name: string;
  kind: ActorKind;
  /** Order of creation: the first actor that matches a name wins, as with a scan in order. */
  order: number;
  parts: NameParts;
  bucket: string;
}

/** A name lowercased and split once, for `sameName`. */
interface NameParts {
  lower: string;
  first: string;
  last: string;
  single: boolean;
}

function nameParts(name: string): NameParts {
  const lower = name.toLowerCase();
  const words = lower.split(/\s+/);
  return { lower, first: words[0], last: words[words.length - 1], single: words.length === 1 };
}

/** Same person: same name, or same surname spelled alike and first names compatible. */
function sameName(x: NameParts, y: NameParts): boolean {
  if (x.lower === y.lower) return true;
  return similarName(x.last, y.last) && (x.single || y.single || similarName(x.first, y.first) || x.first[0] === y.first[0]);
}

/**
 * Text actors, indexed so that finding the actor for a name does not scan them
 * all. Names match by surname (`sameName`): equal, or similar (`similarName`:
 * same first letter, edit distance within a third of the length), so actors are
 * bucketed by kind, the surname's first letter and its length, and a look-up
 * reads only the buckets of lengths that could be within that distance. Same
 * result as scanning all of them in creation order.
 */
class TextActorIndex {
  readonly byId = new Map<string, TextActor>();
  private readonly buckets = new Map<string, TextActor[]>();
  private count = 0;

  find(kind: ActorKind, name: string): TextActor | undefined {
    const q = nameParts(name);
    const n = q.last.length;
    let best: TextActor | undefined;
    // similarName: the lengths differ by at most max(1, floor(shorter / 3)).
    for (let len = Math.max(0, Math.floor((3 * n) / 4) - 1); len <= n + Math.max(1, Math.floor(n / 3)); len++) {
      for (const t of this.buckets.get(bucketKey(kind, q.last.charAt(0), len)) ?? []) if ((!best || t.order < best.order) && sameName(t.parts, q)) best = t;
    }
    return best;
  }

  add(id: string, name: string, kind: ActorKind): TextActor {
    const parts = nameParts(name);
    const t: TextActor = { id, name, kind, order: this.count++, parts, bucket: bucketKey(kind, parts.last.charAt(0), parts.last.length) };
    this.byId.set(id, t);
    this.push(t);
    return t;
  }

  rename(t: TextActor, name: string): void {
    const list = this.buckets.get(t.bucket)!;
    list.splice(list.indexOf(t), 1);
    t.name = name;
    t.parts = nameParts(name);
    t.bucket = bucketKey(t.kind, t.parts.last.charAt(0), t.parts.last.length);
    this.push(t);
  }

  private push(t: TextActor) {
    let list = this.buckets.get(t.bucket);
    if (!list) this.buckets.set(t.bucket, (list = []));
    list.push(t);
  }
}

const bucketKey = (kind: ActorKind, first: string, length: number) => `${kind}\u0000${first}\u0000${length}`;

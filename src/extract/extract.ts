// Articles in, graph out: runs the sentence-level extraction over each
// document and merges actors and relations across the corpus. Pure: no file
// system, so it runs in Node and in the browser alike.
import {
  GRAPH_SCHEMA_VERSION,
  relationId,
  type Actor,
  type ActorKind,
  type Evidence,
  type Graph,
  type Relation,
  type RelationStatus,
  type RelationType,
} from "../graph/schema";
import { buildLexicon, type ActorEntry, type Lexicon } from "./lexicon";
import { buildActorMatcher, findMentions, similarName, type ActorMatcher, type Mention } from "./mentions";
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
  evidence: Evidence;
}

export interface DocumentExtraction {
  doc: ArticleInput;
  /** Actors by document-local key (gazetteer id, or "person:Full Name"). */
  actors: Map<string, { name: string; kind: ActorKind; forms: string[]; mentions: number }>;
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
        },
      });
    }
  });
  const actors = new Map<string, { name: string; kind: ActorKind; forms: string[]; mentions: number }>();
  for (const [key, a] of found.actors) actors.set(key, { name: a.name, kind: a.kind, forms: [...a.forms].sort(), mentions: a.mentions });
  return { doc, actors, relations };
}

const span = (m: Mention) => ({ start: m.start, end: m.end });

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

/**
 * Merges per-document results into one graph. Gazetteer actors keep their ids;
 * people and organizations found in the text are merged across documents by
 * name (spelling variants included) and kept only when they take part in a
 * relation.
 */
export function assembleGraph(extractions: DocumentExtraction[], lexicon: Lexicon, generatedAt: string): Graph {
  const gazetteer = new Map(lexicon.actors.map((a) => [a.id, a]));
  // Global id for every document-local key.
  const textActors: { id: string; name: string; kind: ActorKind }[] = [];
  const globalId = new Map<string, string>(); // `${doc}\u0000${key}` -> id
  const usedIds = new Set(gazetteer.keys());
  for (const x of extractions) {
    for (const [key, a] of x.actors) {
      if (gazetteer.has(key)) {
        globalId.set(`${x.doc.id}\u0000${key}`, key);
        continue;
      }
      let match = textActors.find((t) => t.kind === a.kind && sameName(t.name, a.name));
      if (!match) {
        let id = slug(a.name);
        if (usedIds.has(id)) {
          let n = 2;
          while (usedIds.has(`${id}-${n}`)) n++;
          id = `${id}-${n}`;
        }
        usedIds.add(id);
        match = { id, name: a.name, kind: a.kind };
        textActors.push(match);
      } else if (a.name.length > match.name.length) match.name = a.name;
      globalId.set(`${x.doc.id}\u0000${key}`, match.id);
    }
  }

  const relations = new Map<string, Relation>();
  for (const x of extractions) {
    for (const r of x.relations) {
      let source = globalId.get(`${x.doc.id}\u0000${r.source}`)!;
      let target = globalId.get(`${x.doc.id}\u0000${r.target}`)!;
      if (source === target) continue;
      let evidence = r.evidence;
      // Two-sided relations are stored once, in a canonical order.
      if (!r.directed && source > target) {
        [source, target] = [target, source];
        evidence = { ...evidence, sourceMention: r.evidence.targetMention, targetMention: r.evidence.sourceMention };
      }
      const id = relationId(source, r.type, r.status, target);
      let rel = relations.get(id);
      if (!rel) {
        rel = { id, source, target, type: r.type, status: r.status, directed: r.directed, evidence: [] };
        relations.set(id, rel);
      }
      if (!rel.evidence.some((e) => e.doc === evidence.doc && e.start === evidence.start && e.trigger.start === evidence.trigger.start)) rel.evidence.push(evidence);
    }
  }
  for (const rel of relations.values()) rel.evidence.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || a.trigger.start - b.trigger.start));

  const inRelation = new Set<string>();
  for (const r of relations.values()) inRelation.add(r.source).add(r.target);

  const actors = new Map<string, Actor>();
  for (const x of extractions) {
    for (const [key, a] of x.actors) {
      const id = globalId.get(`${x.doc.id}\u0000${key}`)!;
      const entry = gazetteer.get(id);
      if (!entry && !inRelation.has(id)) continue;
      let actor = actors.get(id);
      if (!actor) {
        const t = textActors.find((t) => t.id === id);
        actor = {
          id,
          name: entry?.name ?? t!.name,
          kind: entry?.kind ?? t!.kind,
          aliases: entry ? [...entry.aliases] : [],
          mentions: 0,
          documents: [],
        };
        actors.set(id, actor);
      }
      actor.mentions += a.mentions;
      if (!actor.documents.includes(x.doc.id)) actor.documents.push(x.doc.id);
      // Surface forms as aliases, without a leading article and without case duplicates.
      for (const raw of a.forms) {
        const f = raw.replace(/^the\s+/i, "");
        const key = f.toLowerCase();
        if (key !== actor.name.toLowerCase() && !actor.aliases.some((x) => x.toLowerCase() === key)) actor.aliases.push(f);
      }
    }
  }
  for (const a of actors.values()) {
    a.aliases.sort();
    a.documents.sort();
  }

  return {
    schemaVersion: GRAPH_SCHEMA_VERSION,
    generatedAt,
    relationTypes: lexicon.relationTypes,
    documents: extractions.map((x) => ({ id: x.doc.id, title: x.doc.title, date: x.doc.date, text: x.doc.text })),
    actors: [...actors.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    relations: [...relations.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

function sameName(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  const xs = x.split(/\s+/);
  const ys = y.split(/\s+/);
  // Same surname spelled alike, and first names compatible.
  return similarName(xs[xs.length - 1], ys[ys.length - 1]) && (xs.length === 1 || ys.length === 1 || similarName(xs[0], ys[0]) || xs[0][0] === ys[0][0]);
}

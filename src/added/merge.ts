// Articles added in the page, merged into the built graph: the worker assembles
// a graph of the added articles alone (same extraction, same ids for gazetteer
// actors and for names), and this merges it into the base graph by id. Pure.
// The added documents keep their texts and sentences inline (they are in memory
// already), beside the base graph's documents that point to per-document files;
// readers take either (documentTexts.ts, withTexts).
import { defaultRulePrecision, disputedRelationIds, relationConfidence } from "../extract/confidence";
import type { Actor, Evidence, Graph, Relation } from "../graph/schema";

/** What in the merged graph comes from added articles. */
export interface AddedMarks {
  documents: ReadonlySet<string>;
  /** Actors that only added articles brought in. */
  actors: ReadonlySet<string>;
  /** Relations with at least one sentence from an added article. */
  relations: ReadonlySet<string>;
}

export const NO_MARKS: AddedMarks = { documents: new Set(), actors: new Set(), relations: new Set() };

const evidenceKey = (e: Evidence) => `${e.doc}\u0000${e.start}\u0000${e.trigger.start}`;
const byDocThenStart = (a: Evidence, b: Evidence) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || a.trigger.start - b.trigger.start);
const sortedUnion = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();

export function mergeAdded(base: Graph, added: Graph | null): { graph: Graph; marks: AddedMarks } {
  if (!added || added.documents.length === 0) return { graph: base, marks: NO_MARKS };
  const documents = new Set(added.documents.map((d) => d.id));
  const baseDocs = new Set(base.documents.map((d) => d.id));

  const actors = new Map<string, Actor>(base.actors.map((a) => [a.id, a]));
  const newActors = new Set<string>();
  for (const a of added.actors) {
    const old = actors.get(a.id);
    if (!old) {
      actors.set(a.id, { ...a });
      newActors.add(a.id);
    } else {
      const aliases = old.aliases.concat(a.aliases.filter((x) => x !== old.name && !old.aliases.includes(x))).sort();
      actors.set(a.id, { ...old, aliases, mentions: old.mentions + a.mentions, documents: sortedUnion(old.documents, a.documents) });
    }
  }

  const relations = new Map<string, Relation>(base.relations.map((r) => [r.id, r]));
  const touched = new Set<string>();
  for (const r of added.relations) {
    touched.add(r.id);
    const old = relations.get(r.id);
    if (!old) {
      relations.set(r.id, { ...r, evidence: [...r.evidence] });
      continue;
    }
    const seen = new Set(old.evidence.map(evidenceKey));
    const evidence = old.evidence.concat(r.evidence.filter((e) => !seen.has(evidenceKey(e)))).sort(byDocThenStart);
    relations.set(r.id, { ...old, evidence });
  }
  const list = [...relations.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  // Disputes may appear (or go) between a built and an added relation: worked out again on the whole.
  const disputed = disputedRelationIds(list);
  const table = defaultRulePrecision();
  const merged = list.map((r) => {
    const d = disputed.has(r.id);
    if (!touched.has(r.id) && d === r.disputed) return r;
    return { ...r, disputed: d, confidence: relationConfidence(r.evidence, d, table) };
  });

  // New actors are placed beside the built actors they are related to.
  const pos = new Map(base.actors.filter((a) => a.position).map((a) => [a.id, a.position!]));
  for (const id of newActors) {
    const near: { x: number; y: number }[] = [];
    for (const r of added.relations) {
      const other = r.source === id ? r.target : r.target === id ? r.source : null;
      if (other && pos.has(other)) near.push(pos.get(other)!);
    }
    if (!near.length) continue;
    const h = [...id].reduce((n, c) => (n * 31 + c.charCodeAt(0)) >>> 0, 7);
    const angle = (h % 360) * (Math.PI / 180);
    const x = near.reduce((s, p) => s + p.x, 0) / near.length + 60 * Math.cos(angle);
    const y = near.reduce((s, p) => s + p.y, 0) / near.length + 60 * Math.sin(angle);
    actors.set(id, { ...actors.get(id)!, position: { x: Math.round(x), y: Math.round(y) } });
  }

  return {
    graph: {
      ...base,
      documents: [...base.documents, ...added.documents.filter((d) => !baseDocs.has(d.id))],
      actors: [...actors.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
      relations: merged,
    },
    marks: { documents, actors: newActors, relations: touched },
  };
}

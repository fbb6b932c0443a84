// The shown subgraph as a graph file of its own (same schema), so an analyst can
// hand a view to someone else or reopen it in the explorer.
import { defaultRulePrecision, relationConfidence } from "../extract/confidence";
import { relationId, type Evidence, type Graph, type Relation } from "../graph/schema";
import type { FilterResult } from "./filters";

/**
 * Actors shown, relations shown (evidence narrowed by the filters; when people are
 * folded into groups, their relations are re-attributed to the group and merged),
 * and the documents the evidence cites. Valid against `parseGraph`: evidence
 * attributed to an actor that is not shown is attributed to a named source
 * instead (same words and offsets). Merged relations are disputed when one of
 * their parts was, and their confidence is worked out again on the merged evidence.
 */
export function visibleSubgraph(graph: Graph, view: Pick<FilterResult, "nodes" | "relations">): Graph {
  const actorIds = new Set(view.nodes.map((n) => n.id));
  const merged = new Map<string, Relation>();
  const remerged = new Set<string>();
  for (const r of view.relations) {
    if (!actorIds.has(r.source) || !actorIds.has(r.target)) continue;
    const id = relationId(r.source, r.type, r.status, r.target);
    const evidence = r.evidence.map((e) => shownSpeaker(e, actorIds));
    const existing = merged.get(id);
    if (existing) {
      existing.evidence = dedupeEvidence([...existing.evidence, ...evidence]);
      existing.disputed ||= r.disputed;
      remerged.add(id);
    } else merged.set(id, { ...r, id, evidence });
  }
  const relations = [...merged.values()];
  for (const r of relations) if (remerged.has(r.id)) r.confidence = relationConfidence(r.evidence, r.disputed, defaultRulePrecision());
  const docIds = new Set<string>();
  for (const r of relations) for (const e of r.evidence) docIds.add(e.doc);
  return {
    schemaVersion: graph.schemaVersion,
    generatedAt: graph.generatedAt,
    relationTypes: graph.relationTypes,
    documents: graph.documents.filter((d) => docIds.has(d.id)),
    actors: view.nodes.map((n) => ({ ...n.actor, documents: n.actor.documents.filter((d) => docIds.has(d)) })),
    relations,
  };
}

function dedupeEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.doc}:${e.start}:${e.end}:${e.trigger.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function shownSpeaker(e: Evidence, shown: ReadonlySet<string>): Evidence {
  const a = e.attribution;
  if (a.kind !== "actor" || a.actor === undefined || shown.has(a.actor)) return e;
  return { ...e, attribution: a.start !== undefined && a.end !== undefined ? { kind: "source", text: a.text, start: a.start, end: a.end } : { kind: "source", text: a.text } };
}

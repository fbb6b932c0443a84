// The shown subgraph as a graph file of its own (same schema), so an analyst can
// hand a view to someone else or reopen it in the explorer.
import { relationId, type Evidence, type Graph, type Relation } from "../graph/schema";
import type { FilterResult } from "./filters";

/**
 * Actors shown, relations shown (evidence narrowed by the filters; when people are
 * folded into groups, their relations are re-attributed to the group and merged),
 * and the documents the evidence cites. Valid against `parseGraph`.
 */
export function visibleSubgraph(graph: Graph, view: Pick<FilterResult, "nodes" | "relations">): Graph {
  const actorIds = new Set(view.nodes.map((n) => n.id));
  const merged = new Map<string, Relation>();
  for (const r of view.relations) {
    if (!actorIds.has(r.source) || !actorIds.has(r.target)) continue;
    const id = relationId(r.source, r.type, r.status, r.target);
    const existing = merged.get(id);
    if (existing) existing.evidence = dedupeEvidence([...existing.evidence, ...r.evidence]);
    else merged.set(id, { ...r, id, evidence: [...r.evidence] });
  }
  const relations = [...merged.values()];
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

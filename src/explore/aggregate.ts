// Parallel relations → one drawn edge. Pure; knows nothing about drawing.
import type { Attribution, Relation, RelationStatus, RelationType, RelationTypeInfo } from "../graph/schema";

function speakerKey(a: Attribution): string {
  return a.kind === "actor" ? `actor:${a.actor}` : a.kind === "source" ? `source:${a.text.trim().toLowerCase()}` : "author";
}

/** One edge as the explorer shows it: all relations of one type and status between one pair. */
export interface AggregatedEdge {
  /** Stable: `${source}>${type}.${status}>${target}` for directed, `${a}~${type}.${status}~${b}` (a < b) for symmetric. */
  id: string;
  source: string;
  target: string;
  type: RelationType;
  status: RelationStatus;
  /** False for symmetric relation types and for relations the text states as two-sided. */
  directed: boolean;
  /** Ids of the relations folded into this edge. */
  relationIds: string[];
  /** Number of relations folded into this edge. */
  count: number;
  /** Evidence sentences behind all of them. */
  evidenceCount: number;
  /** Highest confidence among them (0–1). */
  confidence: number;
  /** Some of them are asserted by one source and denied by another. */
  disputed: boolean;
  /** Distinct speakers behind the evidence (1: rests on a single source). */
  speakers: number;
}

/** Relation types whose relations are drawn without direction (from `relationTypes[].symmetric`). */
export function symmetricTypes(relationTypes: readonly RelationTypeInfo[]): Set<RelationType> {
  return new Set(relationTypes.filter((t) => t.symmetric).map((t) => t.type));
}

/**
 * Groups relations by (type, status, pair). The pair is ordered for directed
 * relations and unordered for symmetric types or relations marked `directed: false`,
 * so "A met B" and "B met A" become one edge with count 2. Status stays in the key
 * because it decides how the edge is drawn (asserted/intended/denied).
 */
export function aggregateEdges(relations: readonly Relation[], symmetric: ReadonlySet<RelationType>): AggregatedEdge[] {
  const byKey = new Map<string, AggregatedEdge>();
  const speakerSets = new Map<string, Set<string>>();
  for (const r of relations) {
    const undirected = symmetric.has(r.type) || !r.directed;
    const [a, b] = undirected && r.target < r.source ? [r.target, r.source] : [r.source, r.target];
    const id = undirected ? `${a}~${r.type}.${r.status}~${b}` : `${a}>${r.type}.${r.status}>${b}`;
    let edge = byKey.get(id);
    if (!edge) {
      edge = {
        id,
        source: a,
        target: b,
        type: r.type,
        status: r.status,
        directed: !undirected,
        relationIds: [],
        count: 0,
        evidenceCount: 0,
        confidence: 0,
        disputed: false,
        speakers: 0,
      };
      byKey.set(id, edge);
      speakerSets.set(id, new Set());
    }
    edge.confidence = Math.max(edge.confidence, r.confidence ?? 1);
    edge.disputed ||= r.disputed === true;
    const set = speakerSets.get(id)!;
    for (const e of r.evidence) set.add(e.attribution ? speakerKey(e.attribution) : "author");
    edge.speakers = set.size;
    edge.relationIds.push(r.id);
    edge.count++;
    edge.evidenceCount += r.evidence.length;
  }
  return [...byKey.values()];
}

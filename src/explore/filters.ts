// Filter state and applyFilters: from the whole graph to what the explorer shows,
// with live counts for the filter controls. Pure; no React, no drawing.
import {
  ACTOR_KINDS,
  type Attribution,
  type AttributionKind,
  RELATION_STATUSES,
  RELATION_TYPES,
  type Actor,
  type ActorKind,
  type Graph,
  type Relation,
  type RelationStatus,
  type RelationType,
} from "../graph/schema";
import { aggregateEdges, symmetricTypes, type AggregatedEdge } from "./aggregate";

/** A cell of the relation type × status grid, as `${type}.${status}`. */
export type TypeStatusKey = `${RelationType}.${RelationStatus}`;

export interface Filters {
  /** Grid cells switched off. Empty: every type and status shown. */
  hiddenTypeStatus: TypeStatusKey[];
  /** Actor kinds switched off. */
  hiddenKinds: ActorKind[];
  /** Only evidence from these documents counts. Empty: all documents. */
  documents: string[];
  /** Inclusive ISO dates; when either is set, evidence from undated documents no longer counts. */
  dateFrom: string | null;
  dateTo: string | null;
  /** A relation is shown only with at least this many evidence sentences (after the document/date filters). */
  minEvidence: number;
  /** Hide actors with no shown relation. */
  hideIsolated: boolean;
  /** Draw people inside the group they are affiliated with (asserted affiliation relations). */
  foldPeople: boolean;
  /** A relation is shown only with at least this confidence (0–1; 0: all). */
  minConfidence: number;
  /** Kinds of attribution switched off: evidence stated that way no longer counts. */
  hiddenSourceKinds: AttributionKind[];
  /** Only evidence stated by these speakers counts (attribution keys, see `attributionKey`). Empty: anyone. */
  speakers: string[];
  /** Only relations whose shown evidence rests on a single source (one speaker). */
  singleSource: boolean;
}

/** One key per speaker: "actor:<id>", "source:<words, lower case>", or "author". */
export function attributionKey(a: Attribution): string {
  return a.kind === "actor" ? `actor:${a.actor}` : a.kind === "source" ? `source:${a.text.trim().toLowerCase()}` : "author";
}

// Speaker keys are strings built from the attribution: kept per evidence entry, so a filter change builds none.
const speakerKeys = new WeakMap<Relation["evidence"][number], string>();
function speakerKeyOf(e: Relation["evidence"][number]): string {
  let k = speakerKeys.get(e);
  if (k === undefined) speakerKeys.set(e, (k = attributionKey(e.attribution)));
  return k;
}

/**
 * Aggregated edges, one relation type at a time, reusing a type's edges while the
 * relations shown of that type are the same objects in the same order (switching one
 * type off or on aggregates only that type again). Edge ids carry the type, so this
 * is the same set of edges as aggregating all at once.
 */
const edgesByType = new WeakMap<Graph, Map<RelationType, { relations: Relation[]; edges: AggregatedEdge[] }>>();
function aggregateByType(graph: Graph, shown: readonly Relation[]): AggregatedEdge[] {
  const byType = new Map<RelationType, Relation[]>();
  for (const r of shown) {
    let list = byType.get(r.type);
    if (!list) byType.set(r.type, (list = []));
    list.push(r);
  }
  let cache = edgesByType.get(graph);
  if (!cache) edgesByType.set(graph, (cache = new Map()));
  const symmetric = symmetricTypes(graph.relationTypes);
  const out: AggregatedEdge[] = [];
  for (const [type, relations] of byType) {
    const hit = cache.get(type);
    const same = hit !== undefined && hit.relations.length === relations.length && hit.relations.every((r, i) => r === relations[i]);
    const edges = same ? hit.edges : aggregateEdges(relations, symmetric);
    if (!same) cache.set(type, { relations, edges });
    for (const e of edges) out.push(e);
  }
  // The order aggregating all at once gives (by each edge's first relation): it decides how Cytoscape bundles parallel lines.
  if (byType.size > 1) {
    const at = new Map<string, number>();
    shown.forEach((r, i) => void (at.has(r.id) || at.set(r.id, i)));
    out.sort((a, b) => at.get(a.relationIds[0])! - at.get(b.relationIds[0])!);
  }
  return out;
}

/** Distinct speakers behind a relation's evidence. */
export function speakerCount(r: Pick<Relation, "evidence">): number {
  return new Set(r.evidence.map(speakerKeyOf)).size;
}

export const DEFAULT_FILTERS: Filters = Object.freeze({
  hiddenTypeStatus: [],
  hiddenKinds: [],
  documents: [],
  dateFrom: null,
  dateTo: null,
  minEvidence: 1,
  hideIsolated: true,
  foldPeople: false,
  minConfidence: 0,
  hiddenSourceKinds: [],
  speakers: [],
  singleSource: false,
}) as Filters;

export function defaultFilters(): Filters {
  return { ...DEFAULT_FILTERS, hiddenTypeStatus: [], hiddenKinds: [], documents: [], hiddenSourceKinds: [], speakers: [] };
}

export function typeStatusKey(type: RelationType, status: RelationStatus): TypeStatusKey {
  return `${type}.${status}`;
}

export const ALL_TYPE_STATUS_KEYS: TypeStatusKey[] = RELATION_TYPES.flatMap((t) => RELATION_STATUSES.map((s) => typeStatusKey(t, s)));

export interface VisibleNode {
  id: string;
  actor: Actor;
  /** Shown relations touching this node (a folded group counts its members' relations). */
  relationCount: number;
  /** People folded into this node (ids), when `foldPeople` is on. */
  members: string[];
}

export interface FilterCounts {
  /** Relations per grid cell that pass every other filter: what the cell would show if switched on. */
  typeStatus: Record<RelationType, Record<RelationStatus, number>>;
  /** Actors per kind in the whole graph. */
  kindsTotal: Record<ActorKind, number>;
  /** Actors per kind now shown as nodes (people folded into a group are not). */
  kindsShown: Record<ActorKind, number>;
  /** Relations per document that pass every other filter. */
  documents: Record<string, number>;
  /** Speakers of the evidence of the relations that pass the type/kind/date/document filters: key → label, kind, relations. */
  speakers: Map<string, { label: string; kind: AttributionKind; relations: number }>;
  /** Actors left out because they have no shown relation (when `hideIsolated`). */
  isolatedHidden: number;
  /** Evidence sentences per ISO date (document date) of the relations that pass every filter but the date range. */
  evidenceByDate: Map<string, number>;
}

export interface FilterResult {
  nodes: VisibleNode[];
  edges: AggregatedEdge[];
  /** Shown relations, with evidence narrowed by the document/date filters and endpoints moved to groups when folding. */
  relations: Relation[];
  /** person id → group id, for the people folded away. */
  foldedInto: Map<string, string>;
  counts: FilterCounts;
}

function zeroGrid(): Record<RelationType, Record<RelationStatus, number>> {
  const grid = {} as Record<RelationType, Record<RelationStatus, number>>;
  for (const t of RELATION_TYPES) grid[t] = { asserted: 0, intended: 0, denied: 0 };
  return grid;
}

function zeroKinds(): Record<ActorKind, number> {
  return Object.fromEntries(ACTOR_KINDS.map((k) => [k, 0])) as Record<ActorKind, number>;
}

/**
 * People → the group they are affiliated with. A person with several groups goes
 * to the one with the most evidence (ties: smallest id), so the result is stable.
 */
export function foldMap(graph: Graph, hiddenKinds: ReadonlySet<ActorKind> = new Set()): Map<string, string> {
  const kindOf = new Map(graph.actors.map((a) => [a.id, a.kind]));
  const best = new Map<string, { group: string; evidence: number }>();
  for (const r of graph.relations) {
    if (r.type !== "affiliation" || r.status !== "asserted") continue;
    if (kindOf.get(r.source) !== "person") continue;
    const groupKind = kindOf.get(r.target);
    if (!groupKind || groupKind === "person" || hiddenKinds.has(groupKind)) continue;
    const cur = best.get(r.source);
    if (!cur || r.evidence.length > cur.evidence || (r.evidence.length === cur.evidence && r.target < cur.group))
      best.set(r.source, { group: r.target, evidence: r.evidence.length });
  }
  return new Map([...best].map(([p, v]) => [p, v.group]));
}

export function applyFilters(graph: Graph, filters: Filters): FilterResult {
  const hiddenCells = new Set<string>(filters.hiddenTypeStatus);
  const hiddenKinds = new Set(filters.hiddenKinds);
  const docFilter = filters.documents.length > 0 ? new Set(filters.documents) : null;
  const dated = filters.dateFrom !== null || filters.dateTo !== null;
  const docDate = new Map(graph.documents.map((d) => [d.id, d.date]));
  const inDateRange = (docId: string): boolean => {
    if (!dated) return true;
    const d = docDate.get(docId);
    if (!d) return false;
    return (filters.dateFrom === null || d >= filters.dateFrom) && (filters.dateTo === null || d <= filters.dateTo);
  };
  const minEvidence = Math.max(1, Math.floor(filters.minEvidence) || 1);

  const actorById = new Map(graph.actors.map((a) => [a.id, a]));
  const foldedInto = filters.foldPeople ? foldMap(graph, hiddenKinds) : new Map<string, string>();
  const mapId = (id: string) => foldedInto.get(id) ?? id;
  const actorShown = (id: string) => {
    const a = actorById.get(id);
    return a !== undefined && !hiddenKinds.has(a.kind);
  };

  const counts: FilterCounts = {
    typeStatus: zeroGrid(),
    kindsTotal: zeroKinds(),
    kindsShown: zeroKinds(),
    documents: {},
    speakers: new Map(),
    isolatedHidden: 0,
    evidenceByDate: new Map(),
  };
  const hiddenSourceKinds = new Set(filters.hiddenSourceKinds);
  const speakerFilter = filters.speakers.length > 0 ? new Set(filters.speakers) : null;
  const minConfidence = Math.min(1, Math.max(0, Number(filters.minConfidence) || 0));
  const speakerOk = (e: Relation["evidence"][number]) => !hiddenSourceKinds.has(e.attribution.kind) && (speakerFilter === null || speakerFilter.has(speakerKeyOf(e)));
  // Without source, date or document filters every relation keeps all its evidence: no per-relation copies.
  const bySpeaker = hiddenSourceKinds.size > 0 || speakerFilter !== null;
  for (const d of graph.documents) counts.documents[d.id] = 0;
  for (const a of graph.actors) counts.kindsTotal[a.kind]++;

  const shown: Relation[] = [];
  for (const r of graph.relations) {
    const source = mapId(r.source);
    const target = mapId(r.target);
    if (source === target) continue; // a person's tie to their own group, once folded
    if (!actorShown(source) || !actorShown(target)) continue;
    if (r.confidence < minConfidence) continue;
    const cellShown = hiddenCells.size === 0 || !hiddenCells.has(typeStatusKey(r.type, r.status));
    const spoken = bySpeaker ? r.evidence.filter(speakerOk) : r.evidence;
    // The timeline counts everything but the date range, so the brush shows what widening it would add.
    const undated = docFilter ? spoken.filter((e) => docFilter.has(e.doc)) : spoken;
    if (cellShown && undated.length >= minEvidence && (!filters.singleSource || speakerCount({ evidence: undated }) === 1)) {
      for (const e of undated) {
        const d = docDate.get(e.doc);
        if (d) counts.evidenceByDate.set(d, (counts.evidenceByDate.get(d) ?? 0) + 1);
      }
    }
    const datedEvidence = dated ? spoken.filter((e) => inDateRange(e.doc)) : spoken;
    const evidence = docFilter ? datedEvidence.filter((e) => docFilter.has(e.doc)) : datedEvidence;
    if (cellShown && evidence.length > 0) {
      // Most relations rest on one sentence: no set of seen speakers for those.
      const seen = r.evidence.length > 1 ? new Set<string>() : null;
      for (const e of r.evidence) {
        if (!inDateRange(e.doc) || (docFilter && !docFilter.has(e.doc))) continue;
        const key = speakerKeyOf(e);
        if (seen?.has(key)) continue;
        seen?.add(key);
        const label =
          e.attribution.kind === "actor"
            ? (actorById.get(e.attribution.actor!)?.name ?? e.attribution.text)
            : e.attribution.kind === "author"
              ? "the article itself"
              : e.attribution.text;
        const cur = counts.speakers.get(key);
        if (cur) cur.relations++;
        else counts.speakers.set(key, { label, kind: e.attribution.kind, relations: 1 });
      }
    }
    if (filters.singleSource && speakerCount({ evidence }) !== 1) continue;
    // Document counts ignore the document filter itself, so other documents show what choosing them would add.
    if (cellShown && datedEvidence.length >= minEvidence) {
      if (datedEvidence.length === 1) counts.documents[datedEvidence[0].doc] = (counts.documents[datedEvidence[0].doc] ?? 0) + 1;
      else for (const doc of new Set(datedEvidence.map((e) => e.doc))) counts.documents[doc] = (counts.documents[doc] ?? 0) + 1;
    }
    if (evidence.length < minEvidence) continue;
    counts.typeStatus[r.type][r.status]++;
    if (!cellShown) continue;
    shown.push(source === r.source && target === r.target && evidence.length === r.evidence.length ? r : { ...r, source, target, evidence });
  }

  const edges = aggregateByType(graph, shown);
  const relationCount = new Map<string, number>();
  for (const e of edges) {
    relationCount.set(e.source, (relationCount.get(e.source) ?? 0) + e.count);
    relationCount.set(e.target, (relationCount.get(e.target) ?? 0) + e.count);
  }
  const members = new Map<string, string[]>();
  for (const [person, group] of foldedInto) {
    let list = members.get(group);
    if (!list) members.set(group, (list = []));
    list.push(person);
  }
  const nodes: VisibleNode[] = [];
  for (const a of graph.actors) {
    if (hiddenKinds.has(a.kind) || foldedInto.has(a.id)) continue;
    const count = relationCount.get(a.id) ?? 0;
    if (filters.hideIsolated && count === 0) {
      counts.isolatedHidden++;
      continue;
    }
    nodes.push({ id: a.id, actor: a, relationCount: count, members: members.get(a.id) ?? [] });
    counts.kindsShown[a.kind]++;
  }
  return { nodes, edges, relations: shown, foldedInto, counts };
}

/** Switches one grid cell (or, with `status` omitted, a whole relation type) on or off. */
export function toggleTypeStatus(filters: Filters, type: RelationType, status?: RelationStatus): Filters {
  const keys = status ? [typeStatusKey(type, status)] : RELATION_STATUSES.map((s) => typeStatusKey(type, s));
  const hidden = new Set(filters.hiddenTypeStatus);
  // A row that is partly shown is switched fully on (as its tick box shows "some"); a fully shown one off.
  const anyHidden = keys.some((k) => hidden.has(k));
  for (const k of keys) {
    if (anyHidden) hidden.delete(k);
    else hidden.add(k);
  }
  return { ...filters, hiddenTypeStatus: ALL_TYPE_STATUS_KEYS.filter((k) => hidden.has(k)) };
}

/** Relation types with at least one status shown. */
export function shownTypes(filters: Filters): Set<RelationType> {
  const hidden = new Set(filters.hiddenTypeStatus);
  return new Set(RELATION_TYPES.filter((t) => RELATION_STATUSES.some((s) => !hidden.has(typeStatusKey(t, s)))));
}

/** Earliest and latest document dates, or null when no document has a date. */
export function dateExtent(graph: Graph): { min: string; max: string } | null {
  let min: string | null = null;
  let max: string | null = null;
  for (const d of graph.documents) {
    if (!d.date) continue;
    if (min === null || d.date < min) min = d.date;
    if (max === null || d.date > max) max = d.date;
  }
  return min !== null && max !== null ? { min, max } : null;
}

// One flat description of a graph for every export format (GraphML, GEXF, CSV):
// node and edge attributes named once, so every format carries the same thing.
// Pure: runs in Node (the CLI) and in the page.
import type { Filters } from "../explore/filters";
import type { Graph, RelationType, RelationTypeInfo } from "../graph/schema";

/** What the exported file says about where it comes from and which view it is. */
export interface ExportMeta {
  /** ISO timestamp of the export. */
  exportedAt: string;
  /** "build" (the CLI: the whole graph) or "view" (the page: what is shown). */
  scope: "build" | "view";
  /** The filters of the exported view (page only). */
  filters?: Filters;
  /** The view's URL query string (page only), e.g. "hide=aid.asserted&minev=2". */
  query?: string;
  /** Size of the whole graph the view was cut from. */
  total?: { actors: number; relations: number };
  /** Articles added in the page (ids), when any are in the export. */
  addedDocuments?: string[];
  /** Documents whose text could not be loaded for the export (ids): their sentences beyond the first few of a relation are missing. */
  missingTexts?: string[];
}

/** Per-actor numbers (degree, betweenness, PageRank, community …), when the explorer has computed them. */
export type ActorMetrics = ReadonlyMap<string, Readonly<Record<string, number>>>;

export interface NodeRow {
  id: string;
  label: string;
  kind: string;
  /** Aliases joined by "; " (GraphML and GEXF have no portable list type). */
  aliases: string;
  mentions: number;
  /** Number of documents that mention the actor. */
  documents: number;
  x?: number;
  y?: number;
  metrics: Record<string, number>;
}

export interface EdgeRow {
  id: string;
  source: string;
  target: string;
  label: string;
  type: RelationType;
  status: string;
  directed: boolean;
  disputed: boolean;
  confidence: number;
  /** Number of evidence sentences. */
  count: number;
  /** CAMEO root codes of the type, joined by ",". */
  cameoRoots: string;
  quadClass: string;
}

export interface ExportRows {
  nodes: NodeRow[];
  edges: EdgeRow[];
  metricNames: string[];
}

export const ALIAS_SEPARATOR = "; ";

/** Metrics a graph may carry on its actors (an optional `metrics` object of numbers), or given by the caller. */
function metricsOf(actor: unknown, given: ActorMetrics | undefined, id: string): Record<string, number> {
  const out: Record<string, number> = {};
  const own = (actor as { metrics?: unknown }).metrics;
  for (const src of [own, given?.get(id)])
    if (src && typeof src === "object")
      for (const [k, v] of Object.entries(src as Record<string, unknown>)) if (typeof v === "number" && Number.isFinite(v) && /^[A-Za-z][\w-]*$/.test(k)) out[k] = v;
  return out;
}

export function exportRows(graph: Graph, metrics?: ActorMetrics): ExportRows {
  const types = new Map<RelationType, RelationTypeInfo>(graph.relationTypes.map((t) => [t.type, t]));
  const names = new Set<string>();
  const nodes: NodeRow[] = graph.actors.map((a) => {
    const m = metricsOf(a, metrics, a.id);
    for (const k of Object.keys(m)) names.add(k);
    return {
      id: a.id,
      label: a.name,
      kind: a.kind,
      aliases: a.aliases.join(ALIAS_SEPARATOR),
      mentions: a.mentions,
      documents: a.documents.length,
      ...(a.position ? { x: a.position.x, y: a.position.y } : {}),
      metrics: m,
    };
  });
  const edges: EdgeRow[] = graph.relations.map((r) => {
    const info = types.get(r.type);
    return {
      id: r.id,
      source: r.source,
      target: r.target,
      label: `${info?.label ?? r.type} (${r.status})`,
      type: r.type,
      status: r.status,
      directed: r.directed,
      disputed: r.disputed,
      confidence: r.confidence,
      count: r.evidence.length,
      cameoRoots: (info?.cameoRoots ?? []).join(","),
      quadClass: info?.quadClass ?? "",
    };
  });
  return { nodes, edges, metricNames: [...names].sort() };
}

/** The filters in words, for tools that show only a description ("everything shown" when none is set). */
export function describeFilters(f: Filters | undefined): string {
  if (!f) return "the whole graph";
  const parts: string[] = [];
  if (f.hiddenTypeStatus.length) parts.push(`hidden relation types/statuses: ${[...f.hiddenTypeStatus].sort().join(", ")}`);
  if (f.hiddenKinds.length) parts.push(`hidden actor kinds: ${[...f.hiddenKinds].sort().join(", ")}`);
  if (f.documents.length) parts.push(`only documents: ${[...f.documents].sort().join(", ")}`);
  if (f.dateFrom || f.dateTo) parts.push(`dates ${f.dateFrom ?? "…"} to ${f.dateTo ?? "…"}`);
  if (f.minEvidence > 1) parts.push(`at least ${f.minEvidence} sentences per relation`);
  if (f.hideIsolated) parts.push("actors without a shown relation hidden");
  if (f.foldPeople) parts.push("people folded into their groups");
  // Filters added later by other parts of the explorer are recorded as they are.
  const known = new Set(["hiddenTypeStatus", "hiddenKinds", "documents", "dateFrom", "dateTo", "minEvidence", "hideIsolated", "foldPeople"]);
  for (const [k, v] of Object.entries(f)) {
    if (known.has(k) || v === null || v === undefined || v === false || (Array.isArray(v) && v.length === 0)) continue;
    parts.push(`${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`);
  }
  return parts.length ? parts.join("; ") : "no filter (everything shown)";
}

/** The meta block as one JSON string (GraphML data, GEXF meta, the JSON export's `view`). */
export function metaRecord(meta: ExportMeta, graph: Graph): Record<string, unknown> {
  return {
    exportedAt: meta.exportedAt,
    scope: meta.scope,
    generatedAt: graph.generatedAt,
    description: describeFilters(meta.filters),
    ...(meta.filters ? { filters: meta.filters } : {}),
    ...(meta.query !== undefined ? { query: meta.query } : {}),
    shown: { actors: graph.actors.length, relations: graph.relations.length },
    ...(meta.total ? { total: meta.total } : {}),
    ...(meta.addedDocuments?.length ? { addedDocuments: meta.addedDocuments } : {}),
    ...(meta.missingTexts?.length
      ? { missingTexts: meta.missingTexts, missingTextsNote: "the texts of these documents could not be loaded: only their first sentences per relation are in the file" }
      : {}),
  };
}

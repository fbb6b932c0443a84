// The right-hand panel: what is selected (actor or relation), and the path finder.
import { RELATION_STATUSES, type Actor, type Evidence, type Graph, type GraphDocument, type RelationType } from "../graph/schema";
import type { AggregatedEdge } from "../explore/aggregate";
import type { FilterResult } from "../explore/filters";
import type { ActorSearch } from "../explore/search";
import type { PathResult } from "../explore/path";
import { KIND_STYLE, TYPE_COLORS } from "../view/palette";
import { EvidenceItem } from "./Evidence";
import { KindGlyph, StatusGlyph } from "./FilterPanel";
import { ActorPicker } from "./ActorPicker";

export interface GraphIndex {
  actor: Map<string, Actor>;
  doc: Map<string, GraphDocument>;
  typeLabel: Map<RelationType, string>;
}

export function indexGraph(graph: Graph): GraphIndex {
  return {
    actor: new Map(graph.actors.map((a) => [a.id, a])),
    doc: new Map(graph.documents.map((d) => [d.id, d])),
    typeLabel: new Map(graph.relationTypes.map((t) => [t.type, t.label])),
  };
}

export function EdgeLabel({ edge, index }: { edge: AggregatedEdge; index: GraphIndex }) {
  const s = index.actor.get(edge.source)?.name ?? edge.source;
  const t = index.actor.get(edge.target)?.name ?? edge.target;
  return (
    <>
      {s} <span className="rel-type" style={{ borderColor: TYPE_COLORS[edge.type] }}>{index.typeLabel.get(edge.type) ?? edge.type}</span>
      {edge.status !== "asserted" && <em className="status"> ({edge.status})</em>} {edge.directed ? "→" : "↔"} {t}
    </>
  );
}

export function ActorPanel({
  actor,
  graph,
  view,
  index,
  hops,
  onHops,
  onSelectEdge,
  onOpenDoc,
  onPathEnd,
}: {
  actor: Actor;
  graph: Graph;
  view: FilterResult;
  index: GraphIndex;
  hops: 1 | 2;
  onHops: (h: 1 | 2) => void;
  onSelectEdge: (id: string) => void;
  onOpenDoc: (docId: string) => void;
  onPathEnd: (end: "from" | "to", id: string) => void;
}) {
  const shownId = view.foldedInto.get(actor.id) ?? actor.id;
  const shown = view.nodes.some((n) => n.id === shownId);
  const counts = new Map<RelationType, Record<string, number>>();
  for (const r of graph.relations) {
    if (r.source !== actor.id && r.target !== actor.id) continue;
    const row = counts.get(r.type) ?? { asserted: 0, intended: 0, denied: 0 };
    row[r.status]++;
    counts.set(r.type, row);
  }
  const edges = view.edges.filter((e) => e.source === shownId || e.target === shownId);
  const members = view.nodes.find((n) => n.id === actor.id)?.members ?? [];
  return (
    <section className="details-body" data-testid="actor-panel" aria-labelledby="actor-name">
      <h2 id="actor-name">
        <KindGlyph kind={actor.kind} /> {actor.name}
      </h2>
      <p className="muted">
        {KIND_STYLE[actor.kind].label} · {actor.mentions} mention{actor.mentions === 1 ? "" : "s"} in {actor.documents.length} article
        {actor.documents.length === 1 ? "" : "s"}
      </p>
      {!shown && <p className="notice">Not shown with the current filters.</p>}
      {shownId !== actor.id && <p className="notice">Folded into {index.actor.get(shownId)?.name ?? shownId}.</p>}
      {actor.aliases.length > 0 && (
        <p>
          <span className="muted">Also called:</span> {actor.aliases.join(", ")}
        </p>
      )}
      {members.length > 0 && (
        <p>
          <span className="muted">Folded in:</span> {members.map((m) => index.actor.get(m)?.name ?? m).join(", ")}
        </p>
      )}
      <div className="row gap">
        <span className="muted">Highlight</span>
        <button type="button" aria-pressed={hops === 1} onClick={() => onHops(1)}>
          1 hop
        </button>
        <button type="button" aria-pressed={hops === 2} onClick={() => onHops(2)}>
          2 hops
        </button>
      </div>
      <div className="row gap">
        <button type="button" onClick={() => onPathEnd("from", actor.id)}>
          Path from here
        </button>
        <button type="button" onClick={() => onPathEnd("to", actor.id)}>
          Path to here
        </button>
      </div>
      <h3>Relations in the corpus</h3>
      {counts.size === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="counts" data-testid="actor-counts">
          <thead>
            <tr>
              <th scope="col">Type</th>
              {RELATION_STATUSES.map((s) => (
                <th scope="col" key={s} title={s}>
                  <StatusGlyph status={s} />
                  <span className="sr-only">{s}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...counts].map(([type, row]) => (
              <tr key={type}>
                <th scope="row">
                  <span className="swatch" style={{ background: TYPE_COLORS[type] }} aria-hidden="true" />
                  {index.typeLabel.get(type) ?? type}
                </th>
                {RELATION_STATUSES.map((s) => (
                  <td key={s}>{row[s] || ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {edges.length > 0 && (
        <>
          <h3>Shown relations ({edges.length})</h3>
          <ul className="edge-list">
            {edges.slice(0, 60).map((e) => (
              <li key={e.id}>
                <button type="button" className="link" onClick={() => onSelectEdge(e.id)}>
                  <EdgeLabel edge={e} index={index} />
                </button>
              </li>
            ))}
            {edges.length > 60 && <li className="muted">… and {edges.length - 60} more (see the table view)</li>}
          </ul>
        </>
      )}
      <h3>Articles</h3>
      <ul className="doc-list">
        {actor.documents.slice(0, 40).map((d) => (
          <li key={d}>
            <button type="button" className="link" onClick={() => onOpenDoc(d)}>
              {index.doc.get(d)?.title || d}
            </button>{" "}
            {index.doc.get(d)?.date && <span className="muted small">{index.doc.get(d)?.date}</span>}
          </li>
        ))}
        {actor.documents.length > 40 && <li className="muted">… and {actor.documents.length - 40} more</li>}
      </ul>
    </section>
  );
}

export function EdgePanel({
  edge,
  view,
  index,
  onSelectActor,
  onOpenEvidence,
}: {
  edge: AggregatedEdge;
  view: FilterResult;
  index: GraphIndex;
  onSelectActor: (id: string) => void;
  onOpenEvidence: (e: Evidence) => void;
}) {
  const ids = new Set(edge.relationIds);
  const relations = view.relations.filter((r) => ids.has(r.id));
  const description = index.typeLabel.get(edge.type);
  return (
    <section className="details-body" data-testid="edge-panel" aria-labelledby="edge-title">
      <h2 id="edge-title">
        <EdgeLabel edge={edge} index={index} />
      </h2>
      <p className="muted small">
        {description} · {edge.status} · {edge.evidenceCount} sentence{edge.evidenceCount === 1 ? "" : "s"}
        {edge.count > 1 ? ` from ${edge.count} relations` : ""}
      </p>
      <div className="row gap">
        <button type="button" onClick={() => onSelectActor(edge.source)}>
          {index.actor.get(edge.source)?.name ?? edge.source}
        </button>
        <button type="button" onClick={() => onSelectActor(edge.target)}>
          {index.actor.get(edge.target)?.name ?? edge.target}
        </button>
      </div>
      <p className="small legend-marks">
        <mark className="m-source">source</mark> <mark className="m-trigger">trigger</mark> <mark className="m-target">target</mark>
      </p>
      {relations.map((r) => (
        <div key={r.id}>
          {relations.length > 1 && (
            <h3>
              {index.actor.get(r.source)?.name ?? r.source} → {index.actor.get(r.target)?.name ?? r.target}
            </h3>
          )}
          <ol className="evidence-list">
            {r.evidence.map((e, i) => (
              <EvidenceItem key={`${e.doc}:${e.start}:${i}`} evidence={e} doc={index.doc.get(e.doc)} onOpen={() => onOpenEvidence(e)} />
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

export function PathPanel({
  search,
  index,
  from,
  to,
  texts,
  onText,
  onPick,
  onClear,
  result,
  onSelectEdge,
}: {
  search: ActorSearch;
  index: GraphIndex;
  from: string | null;
  to: string | null;
  texts: { from: string; to: string };
  onText: (end: "from" | "to", text: string) => void;
  onPick: (end: "from" | "to", id: string) => void;
  onClear: () => void;
  result: PathResult | null;
  onSelectEdge: (id: string) => void;
}) {
  return (
    <section className="path" aria-labelledby="path-title" data-testid="path-panel">
      <h2 id="path-title">Connection between two actors</h2>
      <ActorPicker
        search={search}
        label="Path from"
        placeholder="From actor…"
        value={texts.from || (from ? index.actor.get(from)?.name ?? from : "")}
        onText={(t) => onText("from", t)}
        onPick={(id) => onPick("from", id)}
        testId="path-from"
      />
      <ActorPicker
        search={search}
        label="Path to"
        placeholder="To actor…"
        value={texts.to || (to ? index.actor.get(to)?.name ?? to : "")}
        onText={(t) => onText("to", t)}
        onPick={(id) => onPick("to", id)}
        testId="path-to"
      />
      {from && to && (
        <div data-testid="path-result" aria-live="polite">
          {result ? (
            result.edges.length === 0 ? (
              <p>Same actor.</p>
            ) : (
              <>
                <p className="small muted">
                  {result.edges.length} step{result.edges.length === 1 ? "" : "s"} through the relation types now shown:
                </p>
                <ol className="path-steps">
                  {result.nodes.map((n, i) => (
                    <li key={n}>
                      {index.actor.get(n)?.name ?? n}
                      {i < result.edges.length && (
                        <>
                          {" — "}
                          <button type="button" className="link small" onClick={() => onSelectEdge(result.edges[i])}>
                            {result.edges[i].match(/[>~]([a-z]+)\./)?.[1] ?? "relation"}
                          </button>
                        </>
                      )}
                    </li>
                  ))}
                </ol>
              </>
            )
          ) : (
            <p>No connection through the relation types and actors now shown.</p>
          )}
        </div>
      )}
      {(from || to) && (
        <button type="button" className="link" onClick={onClear}>
          Clear path
        </button>
      )}
    </section>
  );
}

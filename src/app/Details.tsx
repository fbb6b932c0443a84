// The right-hand panel: what is selected (actor or relation), and the path finder.
import { RELATION_STATUSES, type Actor, type Evidence, type Graph, type GraphDocument, type Relation, type RelationType } from "../graph/schema";
import type { AggregatedEdge } from "../explore/aggregate";
import type { FilterResult } from "../explore/filters";
import type { ActorSearch } from "../explore/search";
import type { PathLinks, PathResult } from "../explore/path";
import type { Structure } from "../explore/metrics";
import { KIND_STYLE, STATUS_WORD, TYPE_COLORS } from "../view/palette";
import { EvidenceItem, PagedList, speakerLabel } from "./Evidence";
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
      {s}{" "}
      <span className="rel-type" style={{ borderColor: TYPE_COLORS[edge.type] }}>
        {index.typeLabel.get(edge.type) ?? edge.type}
      </span>
      {edge.status !== "asserted" && <em className="status"> ({STATUS_WORD[edge.status]})</em>} {edge.directed ? "→" : "↔"} {t}
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
  structure,
}: {
  actor: Actor;
  graph: Graph;
  view: FilterResult;
  index: GraphIndex;
  structure: Structure | null;
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
      {structure && shown && (
        <dl className="metrics" data-testid="actor-metrics">
          <div>
            <dt>Degree</dt>
            <dd>{structure.degree.get(shownId) ?? 0}</dd>
          </div>
          <div>
            <dt>Betweenness</dt>
            <dd title={structure.betweenness ? undefined : "Not computed for large graphs until you size actors by betweenness"}>
              {structure.betweenness ? (structure.betweenness.get(shownId) ?? 0).toFixed(3) : "–"}
            </dd>
          </div>
          <div>
            <dt>PageRank</dt>
            <dd>{(structure.pagerank.get(shownId) ?? 0).toFixed(4)}</dd>
          </div>
          <div>
            <dt>Community</dt>
            <dd>{structure.community.has(shownId) ? `${structure.community.get(shownId)! + 1} of ${structure.communities}` : "none"}</dd>
          </div>
        </dl>
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
                <th scope="col" key={s} title={STATUS_WORD[s]}>
                  <StatusGlyph status={s} />
                  <span className="small">{STATUS_WORD[s]}</span>
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
          <PagedList
            key={`edges:${actor.id}`}
            as="ul"
            className="edge-list"
            pageSize={50}
            noun="relations"
            items={edges}
            render={(e) => (
              <li key={e.id}>
                <button type="button" className="link" onClick={() => onSelectEdge(e.id)}>
                  <EdgeLabel edge={e} index={index} />
                </button>
              </li>
            )}
          />
        </>
      )}
      <h3>Articles</h3>
      <PagedList
        key={`docs:${actor.id}`}
        as="ul"
        className="doc-list"
        pageSize={40}
        noun="articles"
        items={actor.documents}
        render={(d) => (
          <li key={d}>
            <button type="button" className="link" onClick={() => onOpenDoc(d)}>
              {index.doc.get(d)?.title || d}
            </button>{" "}
            {index.doc.get(d)?.date && <span className="muted small">{index.doc.get(d)?.date}</span>}
          </li>
        )}
      />
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
        {description} · {STATUS_WORD[edge.status]} · {edge.evidenceCount} sentence{edge.evidenceCount === 1 ? "" : "s"}
        {edge.count > 1 ? ` from ${edge.count} relations` : ""} · <ConfidenceBadge value={edge.confidence} />
        {edge.speakers === 1 && <span className="badge single"> single source</span>}
        {edge.disputed && <span className="badge disputed"> disputed</span>}
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
          <PagedList
            className="evidence-list"
            noun="sentences"
            items={r.evidence}
            render={(e, i) => <EvidenceItem key={`${e.doc}:${e.start}:${i}`} evidence={e} doc={index.doc.get(e.doc)} index={index} onOpen={() => onOpenEvidence(e)} />}
          />
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
  links,
  directed,
  onOptions,
}: {
  links: PathLinks;
  directed: boolean;
  onOptions: (o: { links?: PathLinks; directed?: boolean }) => void;
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
        value={texts.from || (from ? (index.actor.get(from)?.name ?? from) : "")}
        onText={(t) => onText("from", t)}
        onPick={(id) => onPick("from", id)}
        testId="path-from"
      />
      <ActorPicker
        search={search}
        label="Path to"
        placeholder="To actor…"
        value={texts.to || (to ? (index.actor.get(to)?.name ?? to) : "")}
        onText={(t) => onText("to", t)}
        onPick={(id) => onPick("to", id)}
        testId="path-to"
      />
      <div className="row gap path-options" role="group" aria-label="Links the path may use">
        {(["cooperative", "hostile", "any"] as PathLinks[]).map((l) => (
          <button key={l} type="button" aria-pressed={links === l} onClick={() => onOptions({ links: l })} data-testid={`path-links-${l}`}>
            {l === "any" ? "any link" : l}
          </button>
        ))}
        <label className="row-inline">
          <input type="checkbox" checked={directed} onChange={(e) => onOptions({ directed: e.target.checked })} data-testid="path-directed" /> follow arrows
        </label>
      </div>
      {from && to && (
        <div data-testid="path-result" aria-live="polite">
          {result ? (
            result.edges.length === 0 ? (
              <p>Same actor.</p>
            ) : (
              <>
                <p className="small muted">
                  {result.edges.length} step{result.edges.length === 1 ? "" : "s"} through {links === "any" ? "any" : links} links now shown
                  {directed ? ", along the arrows" : ""} (denied relations never count):
                </p>
                <ol className="path-steps" data-testid="path-steps">
                  {result.steps.map((step) => {
                    const [, type, status] = step.edge.match(/[>~]([a-z]+)\.([a-z]+)[>~]/) ?? [];
                    const name = (id: string) => index.actor.get(id)?.name ?? id;
                    const verb = (
                      <button type="button" className="link" onClick={() => onSelectEdge(step.edge)}>
                        {index.typeLabel.get(type as RelationType) ?? type}
                        {status && status !== "asserted" ? ` (${STATUS_WORD[status as keyof typeof STATUS_WORD]})` : ""}
                      </button>
                    );
                    return (
                      <li key={step.edge} data-testid="path-step" data-forward={String(step.forward)}>
                        {step.mutual ? (
                          <>
                            <b>{name(step.from)}</b> ↔ {verb} ↔ <b>{name(step.to)}</b>
                          </>
                        ) : step.forward ? (
                          <>
                            <b>{name(step.from)}</b> → {verb} → <b>{name(step.to)}</b>
                          </>
                        ) : (
                          <>
                            <b>{name(step.to)}</b> → {verb} → <b>{name(step.from)}</b> <span className="muted small">(against the path)</span>
                          </>
                        )}
                      </li>
                    );
                  })}
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

export function ConfidenceBadge({ value }: { value: number }) {
  const pct = Math.round(value * 100);
  const word = value >= 0.75 ? "high" : value >= 0.5 ? "medium" : "low";
  return (
    <span className={`badge conf conf-${word}`} title="How likely the relation is right, from the measured precision of the extraction rules behind it">
      confidence {pct}% ({word})
    </span>
  );
}

/** Everything the corpus states between two actors: every type and status, both directions, by date. */
export function PairPanel({
  a,
  b,
  graph,
  view,
  index,
  onSelectActor,
  onOpenEvidence,
}: {
  a: string;
  b: string;
  graph: Graph;
  view: FilterResult;
  index: GraphIndex;
  onSelectActor: (id: string) => void;
  onOpenEvidence: (e: Evidence) => void;
}) {
  const name = (id: string) => index.actor.get(id)?.name ?? id;
  const between = graph.relations.filter((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));
  const shownIds = new Set(view.relations.map((r) => r.id));
  const date = (e: Evidence) => index.doc.get(e.doc)?.date ?? null;
  const items = between
    .flatMap((r) => r.evidence.map((e) => ({ r, e })))
    .sort((x, y) => (date(x.e) ?? "9999").localeCompare(date(y.e) ?? "9999") || x.e.doc.localeCompare(y.e.doc) || x.e.start - y.e.start);
  const types = [...new Set(between.map((r) => r.type))];
  const dir = (r: Relation) => (r.directed ? (r.source === a ? "→" : "←") : "↔");
  const disputes = types.filter((t) => between.some((r) => r.type === t && r.disputed));
  return (
    <section className="details-body pair" data-testid="pair-panel" aria-labelledby="pair-title">
      <h2 id="pair-title">
        Between {name(a)} and {name(b)}
      </h2>
      <div className="row gap">
        <button type="button" onClick={() => onSelectActor(a)}>
          {name(a)}
        </button>
        <button type="button" onClick={() => onSelectActor(b)}>
          {name(b)}
        </button>
      </div>
      {between.length === 0 ? (
        <p className="muted">The articles state no relation between them.</p>
      ) : (
        <>
          <table className="counts pair-grid" data-testid="pair-grid">
            <thead>
              <tr>
                <th scope="col">Type</th>
                {RELATION_STATUSES.map((s) => (
                  <th scope="col" key={s}>
                    {STATUS_WORD[s]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {types.map((t) => (
                <tr key={t}>
                  <th scope="row">
                    <span className="swatch" style={{ background: TYPE_COLORS[t] }} aria-hidden="true" />
                    {index.typeLabel.get(t) ?? t}
                  </th>
                  {RELATION_STATUSES.map((s) => {
                    const rs = between.filter((r) => r.type === t && r.status === s);
                    return <td key={s}>{rs.length ? rs.map((r) => `${dir(r)} ${r.evidence.length}`).join(", ") : ""}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">
            → {name(a)} to {name(b)} · ← the other way · numbers are sentences.{" "}
            {between.filter((r) => !shownIds.has(r.id)).length > 0 && "Greyed: not shown with the current filters."}
          </p>
          {disputes.map((t) => {
            const said = between.filter((r) => r.type === t && r.status !== "denied");
            const denied = between.filter((r) => r.type === t && r.status === "denied");
            const who = (rs: Relation[]) => [...new Set(rs.flatMap((r) => r.evidence.map((e) => speakerLabel(e, index))))].join(", ");
            return (
              <p key={t} className="notice disputed-note" data-testid="pair-dispute">
                <b>Disputed {index.typeLabel.get(t) ?? t}:</b> said by {who(said) || "—"}; denied by {who(denied) || "—"}.
              </p>
            );
          })}
          <h3>History ({items.length} sentences, oldest first)</h3>
          <PagedList
            key={`${a}|${b}`}
            className="evidence-list pair-history"
            noun="sentences"
            items={items}
            render={({ r, e }, i) => (
              <li key={`${r.id}:${e.doc}:${e.start}:${i}`} className={shownIds.has(r.id) ? "" : "not-shown"} data-testid="pair-item">
                <div className="small pair-item-head">
                  <b>{date(e) ?? "undated"}</b> · {name(r.source)} {r.directed ? "→" : "↔"}{" "}
                  <span className="rel-type" style={{ borderColor: TYPE_COLORS[r.type] }}>
                    {index.typeLabel.get(r.type) ?? r.type}
                  </span>{" "}
                  <em>{STATUS_WORD[r.status]}</em> {r.directed ? "→" : "↔"} {name(r.target)}
                  {r.disputed && <span className="badge disputed"> disputed</span>}
                </div>
                <ul className="plain">
                  <EvidenceItem evidence={e} doc={index.doc.get(e.doc)} index={index} onOpen={() => onOpenEvidence(e)} testId="pair-evidence" />
                </ul>
              </li>
            )}
          />
        </>
      )}
    </section>
  );
}

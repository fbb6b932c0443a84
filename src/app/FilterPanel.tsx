// The legend, which is also the filter: relation type × status grid, actor kinds,
// and the less common filters (documents, dates, evidence, isolated, folding).
import { ACTOR_KINDS, RELATION_STATUSES, RELATION_TYPES, type Graph, type RelationStatus } from "../graph/schema";
import { dateExtent, defaultFilters, toggleTypeStatus, typeStatusKey, type FilterResult, type Filters } from "../explore/filters";
import { memo, type ReactElement } from "react";
import { KIND_STYLE, TYPE_COLORS } from "../view/palette";

const STATUS_SHORT: Record<RelationStatus, string> = { asserted: "said", intended: "planned", denied: "denied" };
const STATUS_TITLE: Record<RelationStatus, string> = {
  asserted: "Asserted: the text states it happened (solid line)",
  intended: "Intended: planned, offered or threatened (dashed line)",
  denied: "Denied: the text says it did not happen (dotted, greyed, ⊣ marker)",
};

// Memoised: the panel (with one option per article) need not re-render on selection changes.
export const FilterPanel = memo(function FilterPanel({
  graph,
  filters,
  counts,
  onChange,
}: {
  graph: Graph;
  filters: Filters;
  counts: FilterResult["counts"];
  onChange: (f: Filters) => void;
}) {
  const hidden = new Set<string>(filters.hiddenTypeStatus);
  const labels = new Map(graph.relationTypes.map((t) => [t.type, t]));
  const extent = dateExtent(graph);
  const hiddenKinds = new Set(filters.hiddenKinds);
  const docs = [...graph.documents].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.title.localeCompare(b.title));
  const changed = JSON.stringify(filters) !== JSON.stringify(defaultFilters());

  return (
    <div className="filters">
      <section aria-labelledby="legend-title">
        <h2 id="legend-title">Relations</h2>
        <p className="small muted">Colour = type. Untick to hide.</p>
        <table className="legend" data-testid="legend">
          <thead>
            <tr>
              <th scope="col">Type</th>
              {RELATION_STATUSES.map((s) => (
                <th scope="col" key={s} title={STATUS_TITLE[s]}>
                  <StatusGlyph status={s} />
                  <span className="small">{STATUS_SHORT[s]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {RELATION_TYPES.map((type) => {
              const allShown = RELATION_STATUSES.every((s) => !hidden.has(typeStatusKey(type, s)));
              const noneShown = RELATION_STATUSES.every((s) => hidden.has(typeStatusKey(type, s)));
              const info = labels.get(type);
              const total = RELATION_STATUSES.reduce((n, s) => n + counts.typeStatus[type][s], 0);
              return (
                <tr key={type} className={noneShown ? "off" : ""}>
                  <th scope="row" title={info?.description}>
                    <label className="type-label">
                      <input
                        type="checkbox"
                        data-testid={`type-toggle-${type}`}
                        checked={!noneShown}
                        ref={(el) => {
                          if (el) el.indeterminate = !allShown && !noneShown;
                        }}
                        onChange={() => onChange(toggleTypeStatus(filters, type))}
                      />
                      <span className="swatch" style={{ background: TYPE_COLORS[type] }} aria-hidden="true" />
                      {info?.label ?? type} <span className="count">{total}</span>
                    </label>
                  </th>
                  {RELATION_STATUSES.map((status) => {
                    const n = counts.typeStatus[type][status];
                    return (
                      <td key={status}>
                        <label className="cell" title={`${info?.label ?? type}, ${status}: ${n}`}>
                          <input
                            type="checkbox"
                            data-testid={`cell-toggle-${type}-${status}`}
                            aria-label={`${info?.label ?? type} ${status} (${n})`}
                            checked={!hidden.has(typeStatusKey(type, status))}
                            onChange={() => onChange(toggleTypeStatus(filters, type, status))}
                          />
                          <span className={n === 0 ? "count zero" : "count"}>{n}</span>
                        </label>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="kinds-title">
        <h2 id="kinds-title">Actors</h2>
        <ul className="kinds">
          {ACTOR_KINDS.map((kind) => (
            <li key={kind}>
              <label>
                <input
                  type="checkbox"
                  data-testid={`kind-toggle-${kind}`}
                  checked={!hiddenKinds.has(kind)}
                  onChange={() =>
                    onChange({
                      ...filters,
                      hiddenKinds: hiddenKinds.has(kind) ? filters.hiddenKinds.filter((k) => k !== kind) : ACTOR_KINDS.filter((k) => k === kind || hiddenKinds.has(k)),
                    })
                  }
                />
                <KindGlyph kind={kind} /> {KIND_STYLE[kind].label}{" "}
                <span className="count">
                  {counts.kindsShown[kind]}/{counts.kindsTotal[kind]}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <label className="row">
          <input type="checkbox" data-testid="hide-isolated" checked={filters.hideIsolated} onChange={(e) => onChange({ ...filters, hideIsolated: e.target.checked })} />
          Hide actors with no shown relation
        </label>
        <label className="row">
          <input type="checkbox" data-testid="fold-people" checked={filters.foldPeople} onChange={(e) => onChange({ ...filters, foldPeople: e.target.checked })} />
          Fold people into their groups
        </label>
      </section>

      <details className="more-filters" open={filters.documents.length > 0 || filters.dateFrom !== null || filters.dateTo !== null || filters.minEvidence > 1}>
        <summary>Evidence, dates, documents</summary>
        <label className="row">
          At least
          <input
            type="number"
            min={1}
            max={99}
            className="narrow"
            data-testid="min-evidence"
            value={filters.minEvidence}
            onChange={(e) => onChange({ ...filters, minEvidence: Math.max(1, Math.floor(Number(e.target.value)) || 1) })}
          />
          sentence(s) per relation
        </label>
        {extent ? (
          <fieldset className="dates">
            <legend>Document dates</legend>
            <label>
              from{" "}
              <input
                type="date"
                min={extent.min}
                max={extent.max}
                value={filters.dateFrom ?? ""}
                onChange={(e) => onChange({ ...filters, dateFrom: e.target.value || null })}
              />
            </label>
            <label>
              to{" "}
              <input type="date" min={extent.min} max={extent.max} value={filters.dateTo ?? ""} onChange={(e) => onChange({ ...filters, dateTo: e.target.value || null })} />
            </label>
            <p className="small muted">
              Articles span {extent.min} – {extent.max}. With a date set, undated articles are left out.
            </p>
          </fieldset>
        ) : (
          <p className="small muted">No article has a date, so there is no date filter.</p>
        )}
        <label htmlFor="doc-filter" className="block">
          Only these articles ({filters.documents.length || "all"}):
        </label>
        <select
          id="doc-filter"
          multiple
          size={Math.min(6, Math.max(2, docs.length))}
          value={filters.documents}
          data-testid="doc-filter"
          onChange={(e) => onChange({ ...filters, documents: [...e.target.selectedOptions].map((o) => o.value) })}
        >
          {docs.map((d) => (
            <option key={d.id} value={d.id}>
              {d.date ? `${d.date} · ` : ""}
              {d.title || d.id} ({counts.documents[d.id] ?? 0})
            </option>
          ))}
        </select>
      </details>
      {changed && (
        <button type="button" className="link" data-testid="reset-filters" onClick={() => onChange(defaultFilters())}>
          Reset all filters
        </button>
      )}
    </div>
  );
});

export function StatusGlyph({ status }: { status: RelationStatus }) {
  const dash = status === "intended" ? "5 3" : status === "denied" ? "1.5 3" : undefined;
  return (
    <svg width="26" height="10" aria-hidden="true" className="status-glyph">
      <line x1="1" y1="5" x2={status === "denied" ? 21 : 25} y2="5" stroke="#374151" strokeWidth="2" strokeDasharray={dash} opacity={status === "denied" ? 0.6 : 1} />
      {status === "denied" && <line x1="23" y1="0" x2="23" y2="10" stroke="#374151" strokeWidth="2" />}
    </svg>
  );
}

export function KindGlyph({ kind }: { kind: keyof typeof KIND_STYLE }) {
  const c = KIND_STYLE[kind].color;
  const shapes: Record<string, ReactElement> = {
    "round-rectangle": <rect x="1" y="1" width="12" height="12" rx="3" fill={c} />,
    diamond: <polygon points="7,0 14,7 7,14 0,7" fill={c} />,
    hexagon: <polygon points="3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7" fill={c} />,
    "round-triangle": <polygon points="7,1 13.5,13 0.5,13" fill={c} />,
    ellipse: <circle cx="7" cy="7" r="6" fill={c} />,
  };
  return (
    <svg width="14" height="14" aria-hidden="true" className="kind-glyph">
      {shapes[KIND_STYLE[kind].shape]}
    </svg>
  );
}

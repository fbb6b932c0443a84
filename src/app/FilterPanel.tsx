// The legend, which is also the filter: relation type × status grid, actor kinds,
// and the less common filters (documents, dates, evidence, isolated, folding).
import { ACTOR_KINDS, ATTRIBUTION_KINDS, RELATION_STATUSES, RELATION_TYPES, type AttributionKind, type Graph, type RelationStatus } from "../graph/schema";
import { dateExtent, defaultFilters, toggleTypeStatus, typeStatusKey, type FilterResult, type Filters } from "../explore/filters";
import { memo, useEffect, useState, type ReactElement } from "react";
import { KIND_STYLE, STATUS_WORD, TYPE_COLORS } from "../view/palette";
import type { ColorBy, SizeBy } from "../explore/urlState";

const STATUS_SHORT = STATUS_WORD;
const SOURCE_KIND_LABEL: Record<AttributionKind, string> = {
  actor: "an actor of the graph (a spokesman, a minister …)",
  source: "a source named in the text (officials, witnesses …)",
  author: "the article's own voice",
};

/** The number box keeps its own text while typing, so clearing it neither jumps to 1 nor swallows the next key. */
function NumberBox({ value, onValue, testId }: { value: number; onValue: (n: number) => void; testId: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => {
    if (Number(text) !== value) setText(String(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input
      type="number"
      min={1}
      max={99}
      className="narrow"
      data-testid={testId}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const n = Math.floor(Number(e.target.value));
        if (e.target.value !== "" && Number.isFinite(n) && n >= 1) onValue(Math.min(99, n));
      }}
      onBlur={() => {
        if (text === "" || !(Number(text) >= 1)) setText(String(value));
      }}
    />
  );
}

const STATUS_TITLE: Record<RelationStatus, string> = {
  asserted: "Said: the text states it happened (solid line)",
  intended: "Planned: intended, offered or threatened (dashed line)",
  denied: "Denied: the text says it did not happen (dotted, greyed, ⊣ marker)",
};

// Memoised: the panel (with one option per article) need not re-render on selection changes.
export const FilterPanel = memo(function FilterPanel({
  graph,
  filters,
  counts,
  onChange,
  sizeBy,
  colorBy,
  communities,
  onLook,
}: {
  graph: Graph;
  filters: Filters;
  counts: FilterResult["counts"];
  onChange: (f: Filters, coalesce?: string) => void;
  sizeBy: SizeBy;
  colorBy: ColorBy;
  communities: number;
  onLook: (look: { sizeBy?: SizeBy; colorBy?: ColorBy }) => void;
}) {
  const [moreOpen, setMoreOpen] = useState(filters.documents.length > 0 || filters.dateFrom !== null || filters.dateTo !== null || filters.minEvidence > 1);
  const [speakerText, setSpeakerText] = useState("");
  const speakers = [...counts.speakers].sort((a, b) => b[1].relations - a[1].relations || a[1].label.localeCompare(b[1].label));
  const chosenSpeakers = new Set(filters.speakers);
  const speakerQuery = speakerText.trim().toLowerCase();
  const speakerRows = speakers.filter(([k, v]) => chosenSpeakers.has(k) || !speakerQuery || v.label.toLowerCase().includes(speakerQuery)).slice(0, 12);
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
        <p className="small muted">Colour = type; line style = status; faint line = low confidence. Untick to hide.</p>
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
                        <label className="cell" title={`${info?.label ?? type}, ${STATUS_WORD[status]}: ${n}`}>
                          <input
                            type="checkbox"
                            data-testid={`cell-toggle-${type}-${status}`}
                            aria-label={`${info?.label ?? type} ${STATUS_WORD[status]} (${n})`}
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
          <span>
            Hide actors with no shown relation
            {filters.hideIsolated && counts.isolatedHidden > 0 && (
              <span className="count" data-testid="isolated-count">
                {" "}
                ({counts.isolatedHidden} hidden)
              </span>
            )}
          </span>
        </label>
        <label className="row">
          <input type="checkbox" data-testid="fold-people" checked={filters.foldPeople} onChange={(e) => onChange({ ...filters, foldPeople: e.target.checked })} />
          Fold people into their groups
        </label>
      </section>

      <section aria-labelledby="trust-title">
        <h2 id="trust-title">Confidence and sources</h2>
        <label className="row conf-row">
          <span>Confidence at least</span>
          <input
            type="range"
            min={0}
            max={0.95}
            step={0.05}
            value={filters.minConfidence}
            data-testid="min-confidence"
            aria-valuetext={`${Math.round(filters.minConfidence * 100)}%`}
            onChange={(e) => onChange({ ...filters, minConfidence: Number(e.target.value) }, "minconf")}
          />
          <output className="count">{Math.round(filters.minConfidence * 100)}%</output>
        </label>
        <fieldset className="plain-fieldset">
          <legend className="small muted">Stated by</legend>
          {ATTRIBUTION_KINDS.map((k) => (
            <label className="row" key={k}>
              <input
                type="checkbox"
                data-testid={`source-kind-${k}`}
                checked={!filters.hiddenSourceKinds.includes(k)}
                onChange={(e) =>
                  onChange({
                    ...filters,
                    hiddenSourceKinds: e.target.checked
                      ? filters.hiddenSourceKinds.filter((x) => x !== k)
                      : ATTRIBUTION_KINDS.filter((x) => x === k || filters.hiddenSourceKinds.includes(x)),
                  })
                }
              />
              {SOURCE_KIND_LABEL[k]}
            </label>
          ))}
        </fieldset>
        <label className="row">
          <input type="checkbox" data-testid="single-source" checked={filters.singleSource} onChange={(e) => onChange({ ...filters, singleSource: e.target.checked })} />
          Only relations resting on a single source
        </label>
        {speakers.length > 0 && (
          <details className="speakers" open={filters.speakers.length > 0}>
            <summary>
              Only these speakers ({filters.speakers.length || "anyone"}) <span className="count">{speakers.length} in view</span>
            </summary>
            <input
              type="search"
              placeholder="Find a speaker…"
              value={speakerText}
              onChange={(e) => setSpeakerText(e.target.value)}
              aria-label="Find a speaker"
              data-testid="speaker-search"
            />
            <ul className="plain speaker-list" data-testid="speaker-list">
              {speakerRows.map(([key, v]) => (
                <li key={key}>
                  <label className="row">
                    <input
                      type="checkbox"
                      checked={chosenSpeakers.has(key)}
                      onChange={(e) => onChange({ ...filters, speakers: e.target.checked ? [...filters.speakers, key] : filters.speakers.filter((x) => x !== key) })}
                    />
                    <span>
                      {v.label} <span className="count">{v.relations}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="look-title">
        <h2 id="look-title">Structure</h2>
        <label className="row">
          Size by
          <select value={sizeBy} onChange={(e) => onLook({ sizeBy: e.target.value as SizeBy })} data-testid="size-by">
            <option value="relations">shown relations</option>
            <option value="degree">degree (neighbours)</option>
            <option value="betweenness">betweenness (brokers)</option>
            <option value="pagerank">PageRank (influence)</option>
          </select>
        </label>
        <label className="row">
          Colour by
          <select value={colorBy} onChange={(e) => onLook({ colorBy: e.target.value as ColorBy })} data-testid="color-by">
            <option value="kind">actor kind</option>
            <option value="community">community (Louvain){colorBy === "community" ? ` · ${communities}` : ""}</option>
          </select>
        </label>
      </section>

      <details className="more-filters" open={moreOpen} onToggle={(e) => setMoreOpen((e.target as HTMLDetailsElement).open)}>
        <summary>Evidence, dates, documents</summary>
        <label className="row">
          At least
          <NumberBox value={filters.minEvidence} onValue={(n) => onChange({ ...filters, minEvidence: n }, "minev")} testId="min-evidence" />
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
                onChange={(e) => onChange({ ...filters, dateFrom: e.target.value || null }, "dates")}
              />
            </label>
            <label>
              to{" "}
              <input
                type="date"
                min={extent.min}
                max={extent.max}
                value={filters.dateTo ?? ""}
                onChange={(e) => onChange({ ...filters, dateTo: e.target.value || null }, "dates")}
              />
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
      <line x1="1" y1="5" x2={status === "denied" ? 21 : 25} y2="5" stroke="currentColor" strokeWidth="2" strokeDasharray={dash} opacity={status === "denied" ? 0.6 : 1} />
      {status === "denied" && <line x1="23" y1="0" x2="23" y2="10" stroke="currentColor" strokeWidth="2" />}
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

// The shown relations as a table: sortable, filterable, keyboard navigable
// (arrow keys move, Enter selects), selection shared with the graph. Rows come
// a page at a time (a button and the arrow key past the last row add the next
// page), so thousands of relations never mean thousands of DOM rows at once.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { AggregatedEdge } from "../explore/aggregate";
import { STATUS_WORD, TYPE_COLORS } from "../view/palette";
import type { GraphIndex } from "./Details";

type SortKey = "source" | "type" | "status" | "target" | "evidence" | "confidence";

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "source", label: "Source" },
  { key: "type", label: "Relation" },
  { key: "status", label: "Status" },
  { key: "target", label: "Target" },
  { key: "evidence", label: "Sentences" },
  { key: "confidence", label: "Confidence" },
];
const PAGE_ROWS = 200;

export function RelationTable({
  edges,
  index,
  selectedEdge,
  onSelect,
}: {
  edges: AggregatedEdge[];
  index: GraphIndex;
  selectedEdge: string | null;
  onSelect: (id: string) => void;
}) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "evidence", dir: -1 });
  const [text, setText] = useState("");
  const body = useRef<HTMLTableSectionElement>(null);
  const [shown, setShown] = useState(PAGE_ROWS);
  // The row to focus once the next page is in the DOM (ArrowDown on the last row).
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    body.current?.querySelectorAll<HTMLTableRowElement>("tr")[focusRow.current]?.focus();
    focusRow.current = null;
  }, [shown]);
  const name = useCallback((id: string) => index.actor.get(id)?.name ?? id, [index]);
  const rows = useMemo(() => {
    // Every word must match somewhere: actor names and aliases, type (id and label), status (said/planned/denied or asserted/intended).
    const words = fold(text).split(/\s+/).filter(Boolean);
    const actorText = (id: string) => {
      const a = index.actor.get(id);
      return a ? [a.name, ...a.aliases].join(" ") : id;
    };
    const haystack = (e: AggregatedEdge) =>
      fold(
        `${actorText(e.source)} ${actorText(e.target)} ${e.type} ${index.typeLabel.get(e.type) ?? ""} ${e.status} ${STATUS_WORD[e.status]}${e.disputed ? " disputed" : ""}${e.speakers === 1 ? " single" : ""}`,
      );
    const value = (e: AggregatedEdge): string | number =>
      sort.key === "source"
        ? name(e.source)
        : sort.key === "target"
          ? name(e.target)
          : sort.key === "evidence"
            ? e.evidenceCount
            : sort.key === "confidence"
              ? e.confidence
              : e[sort.key];
    const filtered = words.length
      ? edges.filter((e) => {
          const h = haystack(e);
          return words.every((w) => h.includes(w));
        })
      : edges.slice();
    return filtered.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb));
      return c * sort.dir || a.id.localeCompare(b.id);
    });
  }, [edges, sort, text, index, name]);

  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number) => {
    const rowsEls = body.current?.querySelectorAll<HTMLTableRowElement>("tr");
    if (e.key === "ArrowDown" && i === (rowsEls?.length ?? 0) - 1 && rows.length > shown) {
      e.preventDefault();
      focusRow.current = i + 1;
      setShown((n) => n + PAGE_ROWS);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      rowsEls?.[Math.max(0, Math.min(i + (e.key === "ArrowDown" ? 1 : -1), rowsEls.length - 1))]?.focus();
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onSelect(rows[i].id);
    }
  };

  return (
    <div className="table-view" data-testid="relation-table">
      <label className="row">
        Filter rows
        <input
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setShown(PAGE_ROWS);
          }}
          placeholder="actor or alias, type, said/planned/denied"
          data-testid="table-filter"
        />
      </label>
      <p className="small muted">
        {rows.length} of {edges.length} lines{rows.length > shown ? `, first ${shown} listed` : ""}. Arrow keys move, Enter shows the sentences.
      </p>
      <table className="relations" role="grid" aria-label="Shown relations">
        <thead>
          <tr role="row">
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
                <button
                  type="button"
                  onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (-s.dir as 1 | -1) : c.key === "evidence" || c.key === "confidence" ? -1 : 1 }))}
                >
                  {c.label} {sort.key === c.key ? (sort.dir === 1 ? "▲" : "▼") : ""}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.slice(0, shown).map((e, i) => (
            <tr
              key={e.id}
              tabIndex={0}
              role="row"
              aria-selected={e.id === selectedEdge}
              className={e.id === selectedEdge ? "selected" : ""}
              onClick={() => onSelect(e.id)}
              onKeyDown={(ev) => onKey(ev, i)}
              data-edge-id={e.id}
            >
              <td>{name(e.source)}</td>
              <td>
                <span className="swatch" style={{ background: TYPE_COLORS[e.type] }} aria-hidden="true" />
                {index.typeLabel.get(e.type) ?? e.type}
                {e.directed ? " →" : " ↔"}
              </td>
              <td>
                {STATUS_WORD[e.status]}
                {e.disputed && <span className="badge disputed">disputed</span>}
              </td>
              <td>{name(e.target)}</td>
              <td className="num">{e.evidenceCount}</td>
              <td className="num" title={e.speakers === 1 ? "single source" : `${e.speakers} sources`}>
                {Math.round(e.confidence * 100)}%{e.speakers === 1 ? " ¹" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown && (
        <p className="row gap small show-more">
          <button type="button" onClick={() => setShown((n) => n + PAGE_ROWS)} data-testid="table-show-more">
            Show {Math.min(PAGE_ROWS, rows.length - shown)} more lines
          </button>
          <span className="muted">
            {shown.toLocaleString("en")} of {rows.length.toLocaleString("en")} listed
          </span>
        </p>
      )}
    </div>
  );
}

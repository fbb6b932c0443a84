// A text box with fuzzy suggestions (name or alias). Used for the search box and
// for picking path endpoints. Enter takes the first (or highlighted) suggestion.
import { useId, useMemo, useState } from "react";
import type { ActorSearch } from "../explore/search";
import { KindGlyph } from "./FilterPanel";

export function ActorPicker({
  search,
  value,
  onText,
  onPick,
  placeholder,
  label,
  testId,
}: {
  search: ActorSearch;
  value: string;
  onText: (text: string) => void;
  onPick: (actorId: string) => void;
  placeholder: string;
  label: string;
  testId: string;
}) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hits = useMemo(() => search(value, 8), [search, value]);
  const listId = useId();
  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    onPick(hit.actor.id);
    setOpen(false);
  };
  return (
    <div className="picker">
      <input
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={value}
        data-testid={testId}
        onChange={(e) => {
          onText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            pick(active);
          } else if (e.key === "Escape") setOpen(false);
        }}
      />
      {open && value.trim() && (
        <ul className="suggestions" role="listbox" id={listId}>
          {hits.length === 0 && <li className="muted">No actor matches “{value}”</li>}
          {hits.map((h, i) => (
            <li
              key={h.actor.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : ""}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(i);
              }}
            >
              <KindGlyph kind={h.actor.kind} /> {h.actor.name}
              {h.matchedAlias && <span className="muted small"> (“{h.matchedAlias}”)</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

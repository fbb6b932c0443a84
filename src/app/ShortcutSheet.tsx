// The "?" sheet: every keyboard shortcut of the explorer in one dialog.
import { useEffect, useRef } from "react";

const KEYS: [string, string][] = [
  ["/", "search for an actor"],
  ["Escape", "clear the selection (or close this sheet, the article, the suggestions)"],
  ["?", "show or hide this sheet"],
  ["f", "fit the graph to the canvas"],
  ["1 / 2", "highlight one or two hops around the selected actor"],
  ["t / g", "table / graph"],
  ["Shift-click", "a second actor: everything between the two"],
  ["↑ ↓, Enter", "in the table: move, show the sentences"],
  ["Back / Forward", "undo / redo a view change (filters, selection, layout)"],
];

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="keys-title" data-testid="shortcut-sheet" onClick={onClose}>
      <div className="article keys" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2 id="keys-title">Keyboard shortcuts</h2>
          <button type="button" ref={close} onClick={onClose} aria-label="Close shortcuts">
            ✕
          </button>
        </header>
        <table className="keys-table">
          <tbody>
            {KEYS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

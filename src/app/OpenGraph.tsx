// "Open graph file": a graph JSON exported earlier (or built elsewhere),
// validated with parseGraph before it replaces what is shown.
import { useState } from "react";
import { parseGraph, type Graph } from "../graph/schema";

/** Reads a file's text as a graph; a message a person can act on otherwise. `note` says what a graph without its texts lacks. */
export function readGraphText(name: string, text: string): { ok: true; graph: Graph; note?: string } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${name} is not a JSON file (${(e as Error).message}). Open a graph file exported by entente (JSON).` };
  }
  if (!json || typeof json !== "object" || !("schemaVersion" in json)) return { ok: false, error: `${name} is JSON but not an entente graph file (it has no schemaVersion).` };
  const parsed = parseGraph(json);
  if (!parsed.ok) return { ok: false, error: `${name}: ${parsed.error}` };
  if (parsed.graph.actors.length === 0) return { ok: false, error: `${name} is a valid graph file but has no actors.` };
  const apart = parsed.graph.documents.filter((d) => d.text === undefined).length;
  if (apart === 0) return parsed;
  return {
    ...parsed,
    note: `${name} keeps the texts of ${apart} article${apart === 1 ? "" : "s"} in files beside it, which the page cannot read from your disk: their articles and most of their sentences will not show. Build with "npm run build:graph -- --single-file", or export JSON from the explorer, for one file with the texts.`,
  };
}

export function OpenGraph({ opened, onOpen, onBack }: { opened: string | null; onOpen: (graph: Graph, name: string) => void; onBack: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  return (
    <div className="open-graph row">
      <label className="file-pick" title="Open a graph file (JSON) exported from entente">
        <span>Open graph…</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="open-graph"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            const r = readGraphText(file.name, await file.text());
            if (r.ok) {
              setError(null);
              setNote(r.note ?? null);
              onOpen(r.graph, file.name);
            } else setError(r.error);
          }}
        />
      </label>
      {opened && (
        <span className="small" data-testid="opened-graph">
          showing {opened}{" "}
          <button
            type="button"
            className="link"
            onClick={() => {
              setNote(null);
              onBack();
            }}
          >
            back to the built graph
          </button>
        </span>
      )}
      {note && opened && (
        <span className="notice small" role="status" data-testid="open-graph-note">
          {note}{" "}
          <button type="button" className="link" onClick={() => setNote(null)} aria-label="Dismiss">
            ✕
          </button>
        </span>
      )}
      {error && (
        <span className="notice small" role="alert" data-testid="open-graph-error">
          {error}{" "}
          <button type="button" className="link" onClick={() => setError(null)} aria-label="Dismiss">
            ✕
          </button>
        </span>
      )}
    </div>
  );
}

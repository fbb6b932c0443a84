// What the explorer shows: the built graph (or a graph file the user opened),
// with the articles added in this browser merged in. Owns the "Add articles"
// dialog, the page-wide file drop and "Open graph…".
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Graph } from "../graph/schema";
import { mergeAdded } from "../added/merge";
import { Explorer } from "./Explorer";
import { AddArticles, filesToArticles } from "./AddArticles";
import { OpenGraph } from "./OpenGraph";
import { useAddedArticles } from "./useAddedArticles";

export function Workspace({ graph: built }: { graph: Graph }) {
  const [base, setBase] = useState<{ graph: Graph; name: string | null }>({ graph: built, name: null });
  const baseDocs = useMemo(() => new Set(base.graph.documents.map((d) => d.id)), [base.graph]);
  const added = useAddedArticles(baseDocs);
  const { graph, marks } = useMemo(() => mergeAdded(base.graph, added.graph), [base.graph, added.graph]);
  const [dialog, setDialog] = useState(false);
  const [dragging, setDragging] = useState(false);

  // On `add` alone: the hook's object is new on every render, its `add` is stable.
  const addArticles = added.add;
  const addFiles = useCallback(
    async (files: File[]) => {
      setDialog(true);
      const { articles, problems } = await filesToArticles(files);
      void addArticles(articles, problems);
    },
    [addArticles],
  );

  // Files dropped anywhere on the page are added (never opened by the browser).
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes("Files");
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length) void addFiles(files);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [addFiles]);

  const busy = added.progress;
  const tools = (
    <div className="workspace-tools row">
      <button type="button" onClick={() => setDialog(true)} data-testid="add-articles" title="Paste articles or add .txt, .md, .html files">
        Add articles{added.articles.length ? ` (${added.articles.length})` : ""}
      </button>
      {busy && !dialog && (
        <span className="small muted" role="status" data-testid="add-busy">
          extracting {Math.min(busy.done + 1, busy.total)}/{busy.total}…
        </span>
      )}
      <OpenGraph opened={base.name} onOpen={(g, name) => setBase({ graph: g, name })} onBack={() => setBase({ graph: built, name: null })} />
    </div>
  );

  return (
    <>
      <Explorer graph={graph} tools={tools} added={marks} />
      {dialog && (
        <AddArticles articles={added.articles} progress={added.progress} messages={added.messages} onAdd={added.add} onRemove={added.remove} onClose={() => setDialog(false)} />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop .txt, .md or .html articles to add them
        </div>
      )}
    </>
  );
}

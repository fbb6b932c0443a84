// "Add articles": paste text or pick/drop .txt, .md, .html files; extraction runs
// in a worker with progress; the list of added articles with a remove action.
// Everything from a file is shown as text only.
import { useEffect, useRef, useState } from "react";
import type { AddedArticle, Message, NewArticle, Progress } from "./useAddedArticles";
import { readArticleFile } from "../added/fileText";

export const ACCEPT = ".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";

/** Files → articles and per-file problems (one bad file never stops the others). */
export async function filesToArticles(files: readonly File[]): Promise<{ articles: NewArticle[]; problems: { name: string; reason: string }[] }> {
  const outcomes = await Promise.all(files.map(readArticleFile));
  const articles: NewArticle[] = [];
  const problems: { name: string; reason: string }[] = [];
  for (const o of outcomes) {
    if (o.ok) articles.push({ name: o.name, format: o.format, text: o.text });
    else problems.push({ name: o.name, reason: o.reason });
  }
  return { articles, problems };
}

interface Props {
  articles: AddedArticle[];
  progress: Progress | null;
  messages: Message[];
  onAdd: (articles: NewArticle[], problems?: { name: string; reason: string }[]) => void;
  onRemove: (id: string) => void;
  onClose: () => void;
}

export function AddArticles({ articles, progress, messages, onAdd, onRemove, onClose }: Props) {
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>("textarea")?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const addPasted = () => {
    const body = text.trim();
    if (!body) return;
    onAdd([{ name: "pasted text", format: "txt", text: title.trim() ? `${title.trim()}\n\n${body}` : body }]);
    setText("");
    setTitle("");
  };

  return (
    <div className="overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog add-articles" role="dialog" aria-modal="true" aria-labelledby="add-articles-title" ref={dialog} data-testid="add-dialog">
        <div className="row dialog-head">
          <h2 id="add-articles-title">Add your own articles</h2>
          <button type="button" onClick={onClose} aria-label="Close" data-testid="add-close">
            ✕
          </button>
        </div>
        <p className="muted small">
          They are read here, in your browser (nothing is sent anywhere), with the same extraction as the build, merged into the graph and marked as added (amber halo). They are
          kept in this browser until you remove them.
        </p>
        <label className="block">
          Title (optional)
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} className="wide" data-testid="paste-title" />
        </label>
        <label className="block">
          Article text
          <textarea rows={7} value={text} onChange={(e) => setText(e.target.value)} placeholder="Paste an article…" data-testid="paste-text" />
        </label>
        <div className="row">
          <button type="button" onClick={addPasted} disabled={!text.trim() || !!progress} data-testid="paste-add">
            Add pasted text
          </button>
          <label className="file-pick">
            <span>…or choose .txt, .md, .html files</span>
            <input
              type="file"
              multiple
              accept={ACCEPT}
              data-testid="add-files"
              disabled={!!progress}
              onChange={async (e) => {
                const files = Array.from(e.target.files ?? []);
                e.target.value = "";
                if (!files.length) return;
                const { articles, problems } = await filesToArticles(files);
                onAdd(articles, problems);
              }}
            />
          </label>
          <span className="muted small">or drop files anywhere on the page.</span>
        </div>
        {progress && (
          <div className="row" role="status" data-testid="add-progress">
            <progress max={progress.total} value={progress.done} />
            <span className="small">
              Extracting {Math.min(progress.done + 1, progress.total)} of {progress.total}
              {progress.name ? `: ${progress.name}` : ""}…
            </span>
          </div>
        )}
        {messages.length > 0 && (
          <ul className="add-messages" data-testid="add-messages" aria-live="polite">
            {messages.map((m, i) => (
              <li key={i} className={m.kind === "error" ? "notice" : "muted small"} role={m.kind === "error" ? "alert" : undefined}>
                {m.text}
              </li>
            ))}
          </ul>
        )}
        <h3>Added articles ({articles.length})</h3>
        {articles.length === 0 ? (
          <p className="muted small">None yet.</p>
        ) : (
          <ul className="added-list" data-testid="added-list">
            {articles.map((a) => (
              <li key={a.id} data-id={a.id}>
                <span className="added-name">{firstLine(a.text) || a.name}</span>
                <span className="muted small">
                  {" "}
                  {a.name} · {a.relations} relation{a.relations === 1 ? "" : "s"}
                  {a.saved ? "" : " · not saved (this session only)"}
                </span>
                <button type="button" className="link" onClick={() => onRemove(a.id)} aria-label={`Remove ${a.name}`} disabled={!!progress} data-testid="remove-added">
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function firstLine(text: string): string {
  const l = text.trim().split("\n")[0] ?? "";
  return l.length > 90 ? `${l.slice(0, 88)}…` : l;
}

// Evidence sentences and the article viewer. All article text is rendered as
// React text children (never as HTML). Sentences beyond the first few of a
// relation, and article texts, are loaded when shown (documentTexts.ts); long
// lists are shown a page at a time (PagedList).
import { useEffect, useRef, useState, type ReactNode } from "react";
import { evidenceSentence, type Actor, type Evidence, type GraphDocument } from "../graph/schema";
import { documentSegments, sentenceSegments, type TextSegment } from "../explore/evidenceText";
import { pageTextLoader, type TextLoader, type TextResult } from "./documentTexts";

/** A document's text: at once when inline or loaded before, else fetched; undefined while loading. */
export function useDocumentText(doc: GraphDocument | undefined, needed = true, loader: TextLoader = pageTextLoader()): TextResult | undefined {
  const now = doc && needed ? loader.peek(doc) : undefined;
  const [loaded, setLoaded] = useState<{ doc: GraphDocument; result: TextResult } | null>(null);
  useEffect(() => {
    if (!doc || !needed || now) return;
    let live = true;
    void loader.load(doc).then((result) => live && setLoaded({ doc, result }));
    return () => {
      live = false;
    };
  }, [doc, needed, now, loader]);
  if (!doc) return { ok: false, error: "The article is not in this graph." };
  return now ?? (loaded?.doc === doc ? loaded.result : undefined);
}

/**
 * The first `pageSize` items, and a button for the next page: a list of
 * thousands never becomes thousands of DOM rows at once. Give it a `key` that
 * changes with the list so a new list starts at its first page.
 */
export function PagedList<T>({
  items,
  render,
  pageSize = 20,
  className,
  as: List = "ol",
  noun = "more",
  testId,
}: {
  items: readonly T[];
  render: (item: T, i: number) => ReactNode;
  pageSize?: number;
  className?: string;
  as?: "ol" | "ul";
  noun?: string;
  testId?: string;
}) {
  const [shown, setShown] = useState(pageSize);
  const left = items.length - shown;
  return (
    <>
      <List className={className} data-testid={testId}>
        {items.slice(0, shown).map(render)}
      </List>
      {left > 0 && (
        <p className="row gap small show-more">
          <button type="button" onClick={() => setShown((n) => n + pageSize)} data-testid="show-more">
            Show {Math.min(pageSize, left)} more {noun}
          </button>
          <span className="muted">
            {shown.toLocaleString("en")} of {items.length.toLocaleString("en")} shown
          </span>
        </p>
      )}
    </>
  );
}

export function Segments({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? (
          <mark key={i} className={`m-${s.mark}`} title={s.mark === "trigger" ? "trigger words" : s.mark === "source" ? "source actor" : "target actor"}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** Who states a piece of evidence, in words: an actor's name, the source's words, or "the article". */
export function speakerLabel(e: Evidence, index: { actor: Map<string, Actor> }): string {
  const a = e.attribution;
  if (!a) return "the article";
  if (a.kind === "actor") return index.actor.get(a.actor!)?.name ?? a.text;
  if (a.kind === "author") return "the article itself";
  return `“${a.text}”`;
}

export function EvidenceItem({
  evidence,
  doc,
  onOpen,
  index,
  testId = "evidence",
}: {
  evidence: Evidence;
  doc: GraphDocument | undefined;
  onOpen: () => void;
  index: { actor: Map<string, Actor> };
  testId?: string;
}) {
  const kind = evidence.attribution?.kind ?? "author";
  const text = useDocumentText(doc, evidence.sentence === undefined);
  const sentence = evidence.sentence ?? (text?.ok ? evidenceSentence(evidence, text.text) : undefined);
  return (
    <li className="evidence" data-testid={testId}>
      {sentence !== undefined ? (
        <blockquote>
          <Segments segments={sentenceSegments(evidence, sentence)} />
        </blockquote>
      ) : text && !text.ok ? (
        <p className="notice small" role="alert" data-testid="evidence-missing">
          The sentence could not be shown. {text.error}
        </p>
      ) : (
        <p className="muted small" role="status" data-testid="evidence-loading">
          Loading the sentence…
        </p>
      )}
      <div className="evidence-meta small">
        <span
          className={`stated-by by-${kind}`}
          data-testid="stated-by"
          title={kind === "actor" ? "stated by an actor of the graph" : kind === "source" ? "stated by a source named in the text" : "the article's own voice"}
        >
          stated by {speakerLabel(evidence, index)}
        </span>
        {" · "}
        <span className="doc-title">{doc ? doc.title || doc.id : evidence.doc}</span>
        {doc?.date && <span className="muted"> · {doc.date}</span>}{" "}
        <button type="button" className="link" onClick={onOpen} data-testid="open-article">
          Open article
        </button>
      </div>
    </li>
  );
}

/** The whole article, with the evidence sentence highlighted and scrolled into view. */
export function ArticleViewer({ doc, evidence, onClose }: { doc: GraphDocument; evidence: Evidence | null; onClose: () => void }) {
  const sentenceRef = useRef<HTMLElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    sentenceRef.current?.scrollIntoView({ block: "center" });
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [doc, evidence, onClose]);
  const text = useDocumentText(doc);
  useEffect(() => {
    if (text?.ok) sentenceRef.current?.scrollIntoView({ block: "center" });
  }, [text]);
  const parts = evidence && text?.ok ? documentSegments(text.text, evidence) : null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="article-title" data-testid="article-viewer" onClick={onClose}>
      <div className="article" onClick={(e) => e.stopPropagation()}>
        <header>
          <h2 id="article-title">{doc.title || doc.id}</h2>
          <span className="muted small">
            {doc.date ?? "undated"} · {doc.id}
          </span>
          <button type="button" ref={closeRef} onClick={onClose} aria-label="Close article">
            ✕
          </button>
        </header>
        <div className="article-text">
          {!text ? (
            <p className="muted" role="status" data-testid="article-loading">
              Loading the article…
            </p>
          ) : !text.ok ? (
            <p className="notice" role="alert" data-testid="article-missing">
              {text.error}
            </p>
          ) : parts ? (
            <>
              {parts.before}
              <mark className="sentence" ref={sentenceRef} data-testid="article-sentence">
                <Segments segments={parts.sentence} />
              </mark>
              {parts.after}
            </>
          ) : (
            text.text
          )}
        </div>
      </div>
    </div>
  );
}

// Evidence sentences and the article viewer. All article text is rendered as
// React text children (never as HTML).
import { useEffect, useRef } from "react";
import type { Actor, Evidence, GraphDocument } from "../graph/schema";
import { documentSegments, sentenceSegments, type TextSegment } from "../explore/evidenceText";

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
  return (
    <li className="evidence" data-testid={testId}>
      <blockquote>
        <Segments segments={sentenceSegments(evidence)} />
      </blockquote>
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
  const parts = evidence ? documentSegments(doc.text, evidence) : null;
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
          {parts ? (
            <>
              {parts.before}
              <mark className="sentence" ref={sentenceRef} data-testid="article-sentence">
                <Segments segments={parts.sentence} />
              </mark>
              {parts.after}
            </>
          ) : (
            doc.text
          )}
        </div>
      </div>
    </div>
  );
}

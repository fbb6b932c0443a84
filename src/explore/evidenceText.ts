// Splits evidence text into plain and highlighted pieces, so the UI can render
// them as text nodes (never as HTML).
import type { Evidence } from "../graph/schema";

export type MarkKind = "source" | "target" | "trigger";
export interface TextSegment {
  text: string;
  mark: MarkKind | null;
}

interface Mark {
  kind: MarkKind;
  start: number;
  end: number;
}

function evidenceMarks(e: Evidence): Mark[] {
  const marks: Mark[] = [{ kind: "trigger", start: e.trigger.start, end: e.trigger.end }];
  if (e.sourceMention) marks.push({ kind: "source", ...e.sourceMention });
  if (e.targetMention) marks.push({ kind: "target", ...e.targetMention });
  return marks;
}

/**
 * Cuts `text` (which starts at document offset `offset`) at the marks. Marks that
 * fall outside the text are clipped; overlapping marks: the earlier one wins.
 */
export function segmentText(text: string, offset: number, marks: readonly Mark[]): TextSegment[] {
  const local = marks
    .map((m) => ({ kind: m.kind, start: Math.max(0, m.start - offset), end: Math.min(text.length, m.end - offset) }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextSegment[] = [];
  let pos = 0;
  for (const m of local) {
    if (m.start < pos) continue;
    if (m.start > pos) out.push({ text: text.slice(pos, m.start), mark: null });
    out.push({ text: text.slice(m.start, m.end), mark: m.kind });
    pos = m.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), mark: null });
  return out;
}

/** The evidence sentence (its own, or `sentence` when it was sliced from the document text) with the two actor mentions and the trigger marked. */
export function sentenceSegments(e: Evidence, sentence: string = e.sentence ?? ""): TextSegment[] {
  return segmentText(sentence, e.start, evidenceMarks(e));
}

/**
 * A whole document split into: text before the sentence, the sentence (with its
 * marks), text after. Offsets past the end of the text are clipped, not trusted.
 */
export function documentSegments(docText: string, e: Evidence): { before: string; sentence: TextSegment[]; after: string } {
  const start = Math.min(e.start, docText.length);
  const end = Math.max(start, Math.min(e.end, docText.length));
  return {
    before: docText.slice(0, start),
    sentence: segmentText(docText.slice(start, end), start, evidenceMarks(e)),
    after: docText.slice(end),
  };
}

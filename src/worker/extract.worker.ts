// The extraction worker: the same code as the build (src/extract), run on
// articles added in the page. compromise and the lexicons load here, on the
// first request, never in the page's initial bundle. Each article's extraction
// is kept (by id and text), so adding or removing one does not redo the others.
/// <reference lib="webworker" />
import { assembleGraph, createExtractor, type DocumentExtraction, type Extractor } from "../extract/extract";
import { defaultGazetteer } from "../extract/gazetteer-data";
import { parseArticle } from "../extract/document";
import type { FromWorker, ToWorker } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

let extractor: Extractor | null = null;
const done = new Map<string, { text: string; extraction: DocumentExtraction | null; reason?: string }>();

const post = (m: FromWorker) => self.postMessage(m);

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.kind !== "extract") return;
  try {
    extractor ??= createExtractor(defaultGazetteer());
    const extractions: DocumentExtraction[] = [];
    const failures: { id: string; name: string; reason: string }[] = [];
    const relationsPerArticle: Record<string, number> = {};
    msg.articles.forEach((a, i) => {
      post({ kind: "progress", requestId: msg.requestId, done: i, total: msg.articles.length, name: a.name });
      let slot = done.get(a.id);
      if (!slot || slot.text !== a.text) {
        try {
          const parsed = parseArticle(a.id, a.name, a.text);
          slot =
            parsed.document.text.trim() === ""
              ? { text: a.text, extraction: null, reason: "no article text left after removing page furniture" }
              : { text: a.text, extraction: extractor!.extractDocument(parsed.document) };
        } catch (e) {
          slot = { text: a.text, extraction: null, reason: `extraction failed: ${(e as Error).message}` };
        }
        done.set(a.id, slot);
      }
      if (slot.extraction) {
        extractions.push(slot.extraction);
        relationsPerArticle[a.id] = slot.extraction.relations.length;
      } else failures.push({ id: a.id, name: a.name, reason: slot.reason ?? "no text" });
    });
    const wanted = new Set(msg.articles.map((a) => a.id));
    for (const id of done.keys()) if (!wanted.has(id)) done.delete(id);
    post({ kind: "progress", requestId: msg.requestId, done: msg.articles.length, total: msg.articles.length, name: "" });
    const graph = extractions.length ? assembleGraph(extractions, extractor.lexicon, new Date().toISOString()) : null;
    post({ kind: "done", requestId: msg.requestId, graph, failures, relationsPerArticle });
  } catch (e) {
    post({ kind: "error", requestId: msg.requestId, message: (e as Error).message });
  }
};

// The page's side of the extraction worker: started on first use (a Vite
// worker import, so compromise stays in the worker's own chunk), one request at
// a time, progress per article.
import type { ArticleSource, FromWorker } from "./protocol";

export type ExtractResult = Extract<FromWorker, { kind: "done" }>;

let worker: Worker | null = null;
let next = 1;
const pending = new Map<number, { resolve: (r: ExtractResult) => void; reject: (e: Error) => void; onProgress?: (done: number, total: number, name: string) => void }>();

function start(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL("./extract.worker.ts", import.meta.url), { type: "module", name: "entente-extract" });
  w.onmessage = (ev: MessageEvent<FromWorker>) => {
    const m = ev.data;
    const p = pending.get(m.requestId);
    if (!p) return;
    if (m.kind === "progress") p.onProgress?.(m.done, m.total, m.name);
    else {
      pending.delete(m.requestId);
      if (m.kind === "done") p.resolve(m);
      else p.reject(new Error(m.message));
    }
  };
  w.onerror = (ev) => {
    ev.preventDefault();
    const err = new Error(`the extraction worker stopped: ${ev.message || "unknown error"}`);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

/** Extracts the given articles (all the added ones: the result is their graph). */
export function extractArticles(articles: ArticleSource[], onProgress?: (done: number, total: number, name: string) => void): Promise<ExtractResult> {
  const requestId = next++;
  return new Promise((resolve, reject) => {
    pending.set(requestId, { resolve, reject, onProgress });
    start().postMessage({ kind: "extract", requestId, articles });
  });
}

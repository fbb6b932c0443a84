// Article texts on demand: the graph file carries no texts (docs/graph-schema.md),
// so a panel that needs a sentence or the whole article asks this loader, which
// fetches the document's per-document file once, validates it, and keeps it in a
// cache bounded by size. Pure apart from the fetch it is given; no React.
import { parseDocumentText, withTexts, type Graph, type GraphDocument } from "../graph/schema";
import { GRAPH_URL } from "./loadGraph";

export type TextResult = { ok: true; text: string } | { ok: false; error: string };

export interface TextLoader {
  /** The text when it is at hand now (inline, or loaded before); undefined while it would need a fetch. */
  peek(doc: GraphDocument): TextResult | undefined;
  /** The text, fetched when needed; never rejects (a problem is `{ ok: false, error }` with a message for a person). */
  load(doc: GraphDocument): Promise<TextResult>;
}

export interface TextLoaderOptions {
  /** What `textUrl` is relative to: the graph file's URL. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Cache budget in characters of text (loaded texts beyond it are dropped, least recently used first). */
  maxChars?: number;
}

export function createTextLoader({ baseUrl, fetch: fetchImpl = (...a) => fetch(...a), maxChars = 32_000_000 }: TextLoaderOptions): TextLoader {
  // Keyed by resolved URL; Map order is recency (a hit is moved to the end).
  const cache = new Map<string, TextResult>();
  const pending = new Map<string, Promise<TextResult>>();
  let chars = 0;

  const urlOf = (doc: GraphDocument): string | null => {
    try {
      return new URL(doc.textUrl!, baseUrl).href;
    } catch {
      return null;
    }
  };
  const remember = (url: string, r: TextResult) => {
    if (r.ok) chars += r.text.length;
    cache.set(url, r);
    for (const [k, v] of cache) {
      if (chars <= maxChars || k === url) break;
      cache.delete(k);
      if (v.ok) chars -= v.text.length;
    }
  };
  // Inline texts answer with the same object every time, so React effects keyed on the answer run once.
  const inline = new WeakMap<GraphDocument, TextResult>();
  const noText = (doc: GraphDocument): TextResult => ({ ok: false, error: `The graph has no text for the article "${doc.title || doc.id}".` });

  const peek = (doc: GraphDocument): TextResult | undefined => {
    if (doc.text !== undefined) {
      let r = inline.get(doc);
      if (!r) inline.set(doc, (r = { ok: true, text: doc.text }));
      return r;
    }
    if (doc.textUrl === undefined) return noText(doc);
    const url = urlOf(doc);
    if (url === null) return { ok: false, error: `The article's file address "${doc.textUrl}" is not a valid URL.` };
    const hit = cache.get(url);
    if (hit) {
      cache.delete(url);
      cache.set(url, hit);
    }
    return hit;
  };

  const fetchText = async (doc: GraphDocument, url: string): Promise<TextResult> => {
    const what = `The text of "${doc.title || doc.id}" (${doc.textUrl})`;
    let res: Response;
    try {
      res = await fetchImpl(url, { cache: "no-cache" });
    } catch (e) {
      return { ok: false, error: `${what} could not be loaded: ${(e as Error).message}.` };
    }
    if (!res.ok)
      return {
        ok: false,
        error: `${what} could not be loaded (HTTP ${res.status}${res.status === 404 ? ": not found beside the graph file; rebuild with npm run build:graph" : ""}).`,
      };
    let json: unknown;
    try {
      json = JSON.parse(await res.text());
    } catch {
      return { ok: false, error: `${what} is not a valid article file (not JSON).` };
    }
    const r = parseDocumentText(json, doc.id, doc.textLength);
    return r.ok ? r : { ok: false, error: `${what}: ${r.error}.` };
  };

  const load = (doc: GraphDocument): Promise<TextResult> => {
    const now = peek(doc);
    if (now) return Promise.resolve(now);
    const url = urlOf(doc)!;
    let p = pending.get(url);
    if (!p) {
      p = fetchText(doc, url).then((r) => {
        pending.delete(url);
        // Failures are kept too, so a missing file is asked for once, not on every render.
        remember(url, r);
        return r;
      });
      pending.set(url, p);
    }
    return p;
  };
  return { peek, load };
}

/**
 * The graph with every text the loader can get inline and every sentence filled
 * in (withTexts), for exports that must stand on their own; `missing` lists the
 * documents whose text could not be loaded. A few fetches at a time.
 */
export async function loadAllTexts(graph: Graph, loader: TextLoader, parallel = 6): Promise<{ graph: Graph; missing: string[] }> {
  const todo = graph.documents.filter((d) => d.text === undefined);
  const texts = new Map<string, string>();
  const missing: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const d = todo[next++];
      const r = await loader.load(d);
      if (r.ok) texts.set(d.id, r.text);
      else missing.push(d.id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, todo.length) }, worker));
  return { graph: withTexts(graph, texts), missing: missing.sort() };
}

let pageLoader: TextLoader | null = null;

/**
 * The page's loader, shared by every panel so a text is fetched once: `textUrl`s
 * are relative to the graph file the page loads (also for a graph file opened
 * from disk, whose folder the page cannot see: its texts load only when they sit
 * beside the page's graph, and the panel says so otherwise).
 */
export function pageTextLoader(): TextLoader {
  pageLoader ??= createTextLoader({ baseUrl: new URL(GRAPH_URL, document.baseURI).href });
  return pageLoader;
}

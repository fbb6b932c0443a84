// Fetches and validates graph.json, turning every way it can fail into a problem
// a person can act on.
import { parseGraph, type Graph } from "../graph/schema";

export type GraphProblem =
  | { kind: "missing"; detail: string }
  | { kind: "unreachable"; detail: string }
  | { kind: "invalid-json"; detail: string }
  | { kind: "invalid-schema"; detail: string }
  | { kind: "empty"; detail: string };

export type LoadResult = { ok: true; graph: Graph } | { ok: false; problem: GraphProblem };

/** Relative to the page, so the built site works from any folder of any static host. */
export const GRAPH_URL = "./graph.json";

export async function loadGraph(url = GRAPH_URL, fetchImpl: typeof fetch = fetch): Promise<LoadResult> {
  let res: Response;
  try {
    res = await fetchImpl(url, { cache: "no-cache" });
  } catch (e) {
    return { ok: false, problem: { kind: "unreachable", detail: `could not fetch ${url}: ${(e as Error).message}` } };
  }
  if (res.status === 404) return { ok: false, problem: { kind: "missing", detail: `${url} was not found (HTTP 404)` } };
  if (!res.ok) return { ok: false, problem: { kind: "unreachable", detail: `${url} answered HTTP ${res.status} ${res.statusText}` } };
  const body = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    // Dev servers answer a missing file with the index page: say so rather than "bad JSON".
    if (/^\s*<(!doctype|html)/i.test(body)) return { ok: false, problem: { kind: "missing", detail: `${url} was not found (the server sent a web page instead)` } };
    return { ok: false, problem: { kind: "invalid-json", detail: `${url} is not valid JSON: ${(e as Error).message}` } };
  }
  const parsed = parseGraph(json);
  if (!parsed.ok) return { ok: false, problem: { kind: "invalid-schema", detail: parsed.error } };
  if (parsed.graph.actors.length === 0)
    return {
      ok: false,
      problem: {
        kind: "empty",
        detail: `the graph file is valid but has no actors (${parsed.graph.documents.length} documents were read, nothing was extracted)`,
      },
    };
  return { ok: true, graph: parsed.graph };
}

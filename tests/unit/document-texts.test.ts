// The page's text loader: texts inline or fetched once from their per-document
// file, validated, cached within a size budget; every failure a message.
import { describe, expect, it } from "vitest";
import { loadAllTexts, createTextLoader } from "../../src/app/documentTexts";
import { splitGraph } from "../../src/build/write";
import { GRAPH_SCHEMA_VERSION, type GraphDocument } from "../../src/graph/schema";
import { fixtureGraph } from "./explore/fixture";

const BASE = "https://example.org/site/graph.json";

/** A fetch answering from `files` (path below the site → body; null → 404), counting calls. */
function fakeFetch(files: Record<string, string | null | Error>) {
  const calls: string[] = [];
  const impl = (async (url: string | URL | Request) => {
    const u = String(url);
    calls.push(u);
    const body = files[u.replace("https://example.org/site/", "")];
    if (body instanceof Error) throw body;
    if (body === undefined || body === null) return new Response("not found", { status: 404, statusText: "Not Found" });
    return new Response(body, { status: 200 });
  }) as typeof fetch;
  return { impl, calls };
}

const doc = (id: string, textLength?: number): GraphDocument => ({ id, title: `Title ${id}`, date: null, textUrl: `graph.docs/${id}.json`, textLength });
const file = (id: string, text: string) => JSON.stringify({ schemaVersion: GRAPH_SCHEMA_VERSION, id, text });

describe("createTextLoader", () => {
  it("answers inline texts at once, without a fetch, with the same object each time", async () => {
    const { impl, calls } = fakeFetch({});
    const loader = createTextLoader({ baseUrl: BASE, fetch: impl });
    const d: GraphDocument = { id: "a", title: "", date: null, text: "Iran met Iraq." };
    expect(loader.peek(d)).toEqual({ ok: true, text: "Iran met Iraq." });
    expect(loader.peek(d)).toBe(loader.peek(d));
    expect(await loader.load(d)).toEqual({ ok: true, text: "Iran met Iraq." });
    expect(calls).toEqual([]);
  });

  it("fetches a per-document file relative to the graph once, for concurrent and later asks", async () => {
    const { impl, calls } = fakeFetch({ "graph.docs/a.json": file("a", "Iran met Iraq.") });
    const loader = createTextLoader({ baseUrl: BASE, fetch: impl });
    const d = doc("a", 14);
    expect(loader.peek(d)).toBeUndefined();
    const [x, y] = await Promise.all([loader.load(d), loader.load(d)]);
    expect(x).toEqual({ ok: true, text: "Iran met Iraq." });
    expect(y).toBe(x);
    expect(loader.peek(d)).toBe(x);
    expect(calls).toEqual(["https://example.org/site/graph.docs/a.json"]);
  });

  it("says what went wrong: not found, not JSON, another document, another build, network error", async () => {
    const { impl, calls } = fakeFetch({
      "graph.docs/bad.json": "<html>",
      "graph.docs/other.json": file("someone-else", "x"),
      "graph.docs/old.json": file("old", "shorter"),
      "graph.docs/down.json": new TypeError("Failed to fetch"),
    });
    const loader = createTextLoader({ baseUrl: BASE, fetch: impl });
    const error = async (d: GraphDocument) => {
      const r = await loader.load(d);
      expect(r.ok).toBe(false);
      return r.ok ? "" : r.error;
    };
    expect(await error(doc("gone"))).toMatch(/^The text of "Title gone" \(graph\.docs\/gone\.json\) could not be loaded \(HTTP 404: not found beside the graph file; rebuild/);
    expect(await error(doc("bad"))).toMatch(/is not a valid article file \(not JSON\)/);
    expect(await error(doc("other"))).toMatch(/holds "someone-else", not "other"/);
    expect(await error(doc("old", 99))).toMatch(/has 7 characters, the graph expects 99/);
    expect(await error(doc("down"))).toMatch(/could not be loaded: Failed to fetch/);
    expect(await error({ id: "none", title: "", date: null } as GraphDocument)).toMatch(/no text for the article "none"/);
    // A failure is remembered: asked for once.
    const n = calls.length;
    await loader.load(doc("gone"));
    expect(calls.length).toBe(n);
  });

  it("drops the least recently used texts beyond its budget", async () => {
    const { impl, calls } = fakeFetch({ "graph.docs/a.json": file("a", "aaaa"), "graph.docs/b.json": file("b", "bbbb"), "graph.docs/c.json": file("c", "cccc") });
    const loader = createTextLoader({ baseUrl: BASE, fetch: impl, maxChars: 8 });
    await loader.load(doc("a"));
    await loader.load(doc("b"));
    loader.peek(doc("a")); // a is now the most recent
    await loader.load(doc("c"));
    expect(loader.peek(doc("a"))).toEqual({ ok: true, text: "aaaa" });
    expect(loader.peek(doc("b"))).toBeUndefined();
    expect(loader.peek(doc("c"))).toEqual({ ok: true, text: "cccc" });
    expect(calls).toHaveLength(3);
  });
});

describe("loadAllTexts", () => {
  it("puts every text it can load inline and every sentence in; lists the documents it could not", async () => {
    const g = fixtureGraph();
    const { graph: slim, files } = splitGraph(g, "graph.docs");
    const served = Object.fromEntries(files.filter((f) => f.id === "doc-a").map((f) => [`graph.docs/${f.name}`, f.content]));
    const { impl } = fakeFetch(served);
    const { graph, missing } = await loadAllTexts(slim, createTextLoader({ baseUrl: BASE, fetch: impl }));
    expect(missing).toEqual(["doc-b"]);
    expect(graph.documents[0]).toEqual(g.documents[0]);
    expect(graph.documents[1].text).toBeUndefined();
    const fromA = graph.relations.flatMap((r) => r.evidence).filter((e) => e.doc === "doc-a");
    expect(fromA.every((e) => e.sentence === g.documents[0].text!.slice(e.start, e.end))).toBe(true);
  });
});

// Graph schema v3 and its files: the graph file without texts and its per-document
// files, the single-file shape, the writer (atomic, unchanged files left alone,
// stale files removed) and reading a graph back with its texts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGraphFiles } from "../../src/build/read";
import { documentFileName, documentsDirName, splitGraph, writeGraphFiles } from "../../src/build/write";
import { GRAPH_SCHEMA_VERSION, SENTENCES_PER_RELATION, evidenceSentence, parseDocumentText, parseGraph, withTexts, type Graph } from "../../src/graph/schema";
import { generateSyntheticGraph } from "../../src/graph/synthetic";
import { fixtureGraph } from "./explore/fixture";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "entente-graph-files-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const synthetic = () => generateSyntheticGraph({ actors: 60, seed: 5 });
const json = <T>(path: string) => JSON.parse(readFileSync(path, "utf8")) as T;
const withoutTime = (g: Graph) => ({ ...g, generatedAt: "" });

describe("graph schema v3", () => {
  it("refuses older versions with the rebuild message", () => {
    for (const v of [1, 2]) {
      const r = parseGraph({ ...fixtureGraph(), schemaVersion: v });
      expect(r).toEqual({ ok: false, error: `graph file has schemaVersion ${v}, this version of entente reads ${GRAPH_SCHEMA_VERSION}: rebuild it with "npm run build:graph"` });
    }
  });

  it("takes both shapes: texts inline (single file) or in per-document files, sentences on some evidence only", () => {
    const g = synthetic();
    expect(parseGraph(g).ok).toBe(true);
    const slim = splitGraph(g, "graph.docs").graph;
    expect(parseGraph(slim).ok).toBe(true);
    expect(parseGraph(splitGraph(g, "graph.docs", true).graph).ok).toBe(true);
  });

  it("refuses a document with neither text nor textUrl, and a textLength the text does not have", () => {
    const g = fixtureGraph();
    const noText = { ...g, documents: [{ id: "doc-a", title: "", date: null }, g.documents[1]] };
    expect(parseGraph(noText)).toMatchObject({ ok: false, error: expect.stringContaining('document "doc-a" has neither text nor textUrl') });
    const wrongLength = { ...g, documents: [{ ...g.documents[0], textLength: 3 }, g.documents[1]] };
    expect(parseGraph(wrongLength)).toMatchObject({ ok: false, error: expect.stringContaining("textLength 3") });
  });

  it("validates a per-document file: version, shape, id and length", () => {
    const file = { schemaVersion: GRAPH_SCHEMA_VERSION, id: "sub/a", text: "Iran met Iraq." };
    expect(parseDocumentText(file, "sub/a", 14)).toEqual({ ok: true, text: "Iran met Iraq." });
    expect(parseDocumentText({ ...file, schemaVersion: 2 }, "sub/a")).toMatchObject({ ok: false, error: expect.stringContaining("schemaVersion 2") });
    expect(parseDocumentText({ id: "sub/a" }, "sub/a")).toMatchObject({ ok: false, error: expect.stringContaining("not valid") });
    expect(parseDocumentText(file, "other")).toMatchObject({ ok: false, error: expect.stringContaining('holds "sub/a", not "other"') });
    expect(parseDocumentText(file, "sub/a", 99)).toMatchObject({ ok: false, error: expect.stringContaining("expects 99") });
  });

  it("slices a missing sentence from the document text; withTexts fills every text and sentence", () => {
    const g = synthetic();
    const slim = splitGraph(g, "graph.docs").graph;
    const texts = new Map(g.documents.map((d) => [d.id, d.text!]));
    for (const r of slim.relations)
      for (const e of r.evidence)
        expect(evidenceSentence(e, texts.get(e.doc))).toBe(g.relations.find((x) => x.id === r.id)!.evidence.find((x) => x.start === e.start && x.doc === e.doc)!.sentence);
    const full = withTexts(slim, texts);
    expect(full.documents.every((d) => typeof d.text === "string" && d.textUrl === undefined)).toBe(true);
    expect(full.relations.every((r) => r.evidence.every((e) => typeof e.sentence === "string"))).toBe(true);
  });
});

describe("splitGraph", () => {
  it("keeps every evidence entry and its fields, the sentence only on the first few per relation", () => {
    const g = synthetic();
    const { graph: slim, files } = splitGraph(g, "graph.docs");
    expect(g.relations.some((r) => r.evidence.length > SENTENCES_PER_RELATION)).toBe(true);
    for (const [i, r] of slim.relations.entries()) {
      expect(r.evidence).toHaveLength(g.relations[i].evidence.length);
      r.evidence.forEach((e, j) => {
        const { sentence, ...rest } = g.relations[i].evidence[j];
        expect(e).toEqual(j < SENTENCES_PER_RELATION ? { ...rest, sentence } : rest);
      });
    }
    expect(files).toHaveLength(g.documents.length);
    expect(slim.documents[0]).toEqual({
      id: g.documents[0].id,
      title: g.documents[0].title,
      date: g.documents[0].date,
      textUrl: `graph.docs/${files[0].name}`,
      textLength: g.documents[0].text!.length,
    });
  });

  it("names files by a stable hash of the id, safe for ids with slashes and odd characters", () => {
    for (const id of ["sub/a", "../../etc/passwd", "a b?c#d", "é/ü"]) expect(documentFileName(id)).toMatch(/^[0-9a-f]{20}\.json$/);
    expect(documentFileName("sub/a")).toBe(documentFileName("sub/a"));
    expect(documentFileName("sub/a")).not.toBe(documentFileName("sub/b"));
    expect(documentsDirName("/x/graph.json")).toBe("graph.docs");
    expect(splitGraph({ ...fixtureGraph(), documents: [] }, "my graph.docs").files).toEqual([]);
    const g = fixtureGraph();
    expect(splitGraph(g, "my graph.docs").graph.documents[0].textUrl).toBe(`my%20graph.docs/${documentFileName("doc-a")}`);
  });
});

describe("writeGraphFiles", () => {
  const mtimes = (docs: string) => Object.fromEntries(readdirSync(docs).map((f) => [f, statSync(join(docs, f)).mtimeMs]));

  it("writes the graph and one file per document; reading them back gives the graph", async () => {
    const g = synthetic();
    const out = join(dir, "w1", "graph.json");
    const r = await writeGraphFiles(out, g);
    expect(r).toEqual({ docsDir: join(dir, "w1", "graph.docs"), written: g.documents.length, unchanged: 0, removed: 0 });
    const file = json<Graph>(out);
    expect(file.documents.every((d) => d.text === undefined && d.textUrl)).toBe(true);
    // One record per line below the top level.
    expect(readFileSync(out, "utf8").split("\n").length).toBe(g.relationTypes.length + g.documents.length + g.actors.length + g.relations.length + 13);
    expect(withoutTime(await readGraphFiles(out))).toEqual(withoutTime(g));
  });

  it("leaves unchanged per-document files alone, rewrites a changed one, removes those of removed articles", async () => {
    const g = fixtureGraph();
    const out = join(dir, "w2", "graph.json");
    const docs = join(dir, "w2", "graph.docs");
    await writeGraphFiles(out, g);
    for (const f of readdirSync(docs)) utimesSync(join(docs, f), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const before = mtimes(docs);
    expect(await writeGraphFiles(out, g)).toMatchObject({ written: 0, unchanged: 2, removed: 0 });
    expect(mtimes(docs)).toEqual(before);

    const changed = { ...g, documents: [g.documents[0], { ...g.documents[1], text: g.documents[1].text + " More." }] };
    expect(await writeGraphFiles(out, changed)).toMatchObject({ written: 1, unchanged: 1, removed: 0 });
    const after = mtimes(docs);
    expect(after[documentFileName("doc-a")]).toBe(before[documentFileName("doc-a")]);
    expect(after[documentFileName("doc-b")]).not.toBe(before[documentFileName("doc-b")]);

    writeFileSync(join(docs, "notes.txt"), "someone else's file");
    const oneDoc = { ...g, documents: [g.documents[0]], relations: g.relations.filter((r) => r.evidence.every((e) => e.doc === "doc-a")) };
    expect(await writeGraphFiles(out, oneDoc)).toMatchObject({ written: 0, unchanged: 1, removed: 1 });
    expect(readdirSync(docs).sort()).toEqual([documentFileName("doc-a"), "notes.txt"].sort());
    expect((await readGraphFiles(out)).documents).toEqual([g.documents[0]]);
  });

  it("on a failed rename leaves no temporary file and the previous graph and texts as they were", async () => {
    const g = fixtureGraph();
    const out = join(dir, "w3", "graph.json");
    await writeGraphFiles(out, g);
    const graphBefore = readFileSync(out, "utf8");
    const docs = join(dir, "w3", "graph.docs");
    const textBefore = readFileSync(join(docs, documentFileName("doc-b")), "utf8");
    const changed = { ...g, documents: [g.documents[0], { ...g.documents[1], text: g.documents[1].text + " More." }] };
    const failing = { rename: async () => Promise.reject(new Error("EXDEV: cross-device link not permitted")) };
    await expect(writeGraphFiles(out, changed, { fs: failing })).rejects.toThrow(/EXDEV/);
    expect(readdirSync(join(dir, "w3")).sort()).toEqual(["graph.docs", "graph.json"]);
    expect(readdirSync(docs).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(readFileSync(out, "utf8")).toBe(graphBefore);
    expect(readFileSync(join(docs, documentFileName("doc-b")), "utf8")).toBe(textBefore);
  });

  it("refuses a graph whose documents have no text to write, writing nothing", async () => {
    const slim = splitGraph(fixtureGraph(), "graph.docs").graph;
    const out = join(dir, "w4", "graph.json");
    await expect(writeGraphFiles(out, slim)).rejects.toThrow(/has no text to write/);
    expect(existsSync(join(dir, "w4"))).toBe(false);
  });

  it("--single-file: one self-contained file, and the per-document files of an earlier build removed", async () => {
    const g = fixtureGraph();
    const out = join(dir, "w5", "graph.json");
    await writeGraphFiles(out, g);
    expect(existsSync(join(dir, "w5", "graph.docs"))).toBe(true);
    expect(await writeGraphFiles(out, g, { singleFile: true })).toEqual({ docsDir: null, written: 0, unchanged: 0, removed: 2 });
    expect(readdirSync(join(dir, "w5"))).toEqual(["graph.json"]);
    const file = json<Graph>(out);
    expect(file.documents.map((d) => d.text)).toEqual(g.documents.map((d) => d.text));
    expect(withoutTime(await readGraphFiles(out))).toEqual(withoutTime(g));
  });

  it("reading a graph whose per-document file is missing or from another build names the document", async () => {
    const g = fixtureGraph();
    const out = join(dir, "w6", "graph.json");
    await writeGraphFiles(out, g);
    const file = join(dir, "w6", "graph.docs", documentFileName("doc-b"));
    writeFileSync(file, JSON.stringify({ schemaVersion: GRAPH_SCHEMA_VERSION, id: "doc-b", text: "other" }));
    await expect(readGraphFiles(out)).rejects.toThrow(/document "doc-b" .*expects/);
    rmSync(file);
    await expect(readGraphFiles(out)).rejects.toThrow(/document "doc-b": could not read/);
  });
});

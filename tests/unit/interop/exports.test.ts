// Every export parsed back with a parser that did not write it (fast-xml-parser
// and graphology's readers for the XML, papaparse for CSV), compared with the graph.
import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import Graphology from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import Papa from "papaparse";
import { parseGraph, type Graph } from "../../../src/graph/schema";
import { generateSyntheticGraph } from "../../../src/graph/synthetic";
import { defaultFilters } from "../../../src/explore/filters";
import { toGraphML } from "../../../src/interop/graphml";
import { toGexf } from "../../../src/interop/gexf";
import { toCsv } from "../../../src/interop/csv";
import { serializeGraph, toJson } from "../../../src/interop/formats";
import { outputPaths } from "../../../src/interop/cli";
import type { ExportMeta } from "../../../src/interop/rows";

function tricky(): Graph {
  const g = generateSyntheticGraph({ actors: 40, seed: 5, positions: true });
  // Names and sentences that need escaping in XML and quoting in CSV.
  g.actors[0].name = `Al "Q" & <Sons>, 'Ltd'`;
  g.actors[0].aliases = ["A; B", '=HYPERLINK("x")', "line\nbreak"];
  const r = g.relations[0];
  r.evidence[0] = { ...r.evidence[0], sentence: `=1+1, "quoted" & <b>bold</b>\nnext line` };
  return g;
}

const graph = tricky();
const filters = { ...defaultFilters(), hiddenTypeStatus: ["aid.asserted" as const], minEvidence: 2 };
const meta: ExportMeta = { exportedAt: "2026-01-01T00:00:00.000Z", scope: "view", filters, query: "hide=aid.asserted&minev=2", total: { actors: 99, relations: 199 } };
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  htmlEntities: true,
  isArray: (name) => ["node", "edge", "data", "key", "attvalue", "attribute"].includes(name),
});
const metrics = new Map([[graph.actors[1].id, { degree: 3, pagerank: 0.125 }]]);

describe("GraphML export", () => {
  const text = toGraphML(graph, meta, metrics);
  it("parses with fast-xml-parser: counts, keys, every attribute", () => {
    const doc = xml.parse(text).graphml;
    const keys = new Map<string, { for: string; "attr.name": string; "attr.type": string }>(doc.key.map((k: { id: string }) => [k.id, k]));
    expect(keys.get("confidence")).toMatchObject({ for: "edge", "attr.type": "double" });
    expect(keys.get("m_pagerank")).toMatchObject({ for: "node", "attr.name": "pagerank" });
    const g = doc.graph[0] ?? doc.graph;
    expect(g.node).toHaveLength(graph.actors.length);
    expect(g.edge).toHaveLength(graph.relations.length);
    const dataOf = (el: { data: { key: string; "#text"?: string }[] }) => Object.fromEntries(el.data.map((d) => [d.key, d["#text"] ?? ""]));
    const n0 = dataOf(g.node[0]);
    expect(g.node[0].id).toBe(graph.actors[0].id);
    expect(n0.label).toBe(graph.actors[0].name);
    expect(n0.aliases).toBe(graph.actors[0].aliases.join("; "));
    expect(Number(n0.x)).toBe(graph.actors[0].position!.x);
    expect(Number(n0.y)).toBe(graph.actors[0].position!.y);
    expect(dataOf(g.node[1]).m_degree).toBe("3");
    for (const [i, r] of graph.relations.entries()) {
      const e = g.edge[i];
      const d = dataOf(e);
      expect([e.id, e.source, e.target]).toEqual([r.id, r.source, r.target]);
      expect(e.directed).toBe(String(r.directed));
      expect(d.type).toBe(r.type);
      expect(d.status).toBe(r.status);
      expect(Number(d.confidence)).toBe(r.confidence);
      expect(Number(d.count)).toBe(r.evidence.length);
      expect(d.disputed).toBe(String(r.disputed));
      const info = graph.relationTypes.find((t) => t.type === r.type)!;
      expect(d.cameoRoots ?? "").toBe(info.cameoRoots.join(","));
      expect(d.quadClass ?? "").toBe(info.quadClass ?? "");
    }
    const view = JSON.parse(dataOf(g).g_view);
    expect(view.filters).toEqual(filters);
    expect(view.query).toBe(meta.query);
    expect(view.description).toContain("aid.asserted");
  });
  it("opens in graphology-graphml (xmldom) as a mixed multigraph", () => {
    const g = parseGraphml(Graphology, text);
    expect(g.order).toBe(graph.actors.length);
    expect(g.size).toBe(graph.relations.length);
    expect(g.getNodeAttribute(graph.actors[0].id, "label")).toBe(graph.actors[0].name);
    // (This reader honours only directed="true" over the default; the data attribute says it too.)
    const r = graph.relations.find((x) => !x.directed)!;
    expect(g.getEdgeAttribute(r.id, "directed")).toBe(false);
    expect(g.getEdgeAttribute(r.id, "confidence")).toBe(r.confidence);
  });
});

describe("GEXF export", () => {
  const text = toGexf(graph, meta, metrics);
  it("parses with fast-xml-parser: version 1.3, counts, attributes, positions, weights", () => {
    const doc = xml.parse(text).gexf;
    expect(doc.version).toBe("1.3");
    expect(doc.meta.description).toContain("hidden relation types/statuses: aid.asserted");
    expect(JSON.parse(doc.meta["entente-view"]).filters).toEqual(filters);
    const g = doc.graph;
    expect(g.defaultedgetype).toBe("directed");
    const attrs = (g.attributes as { class: string; attribute: { id: string; title: string; type: string }[] }[]).flatMap((a) =>
      a.attribute.map((x) => ({ ...x, class: a.class })),
    );
    const titleOf = (cls: string, id: string) => attrs.find((a) => a.class === cls && a.id === id)?.title;
    const nodes = g.nodes.node;
    const edges = g.edges.edge;
    expect(nodes).toHaveLength(graph.actors.length);
    expect(edges).toHaveLength(graph.relations.length);
    const values = (el: { attvalues?: { attvalue: { for: string; value: string }[] } }, cls: string) =>
      Object.fromEntries((el.attvalues?.attvalue ?? []).map((v) => [titleOf(cls, v.for) ?? v.for, v.value]));
    expect(nodes[0].label).toBe(graph.actors[0].name);
    expect(values(nodes[0], "node").kind).toBe(graph.actors[0].kind);
    expect(values(nodes[0], "node").aliases).toBe(graph.actors[0].aliases.join("; "));
    expect(Number(nodes[0]["viz:position"].x)).toBe(graph.actors[0].position!.x);
    expect(Number(nodes[0]["viz:position"].y)).toBe(-graph.actors[0].position!.y);
    expect(Number(values(nodes[1], "node").pagerank)).toBe(0.125);
    for (const [i, r] of graph.relations.entries()) {
      const e = edges[i];
      const v = values(e, "edge");
      expect([e.id, e.source, e.target]).toEqual([r.id, r.source, r.target]);
      expect(e.type ?? "directed").toBe(r.directed ? "directed" : "undirected");
      expect(Number(e.weight)).toBe(r.evidence.length);
      expect(v.type).toBe(r.type);
      expect(v.status).toBe(r.status);
      expect(Number(v.confidence)).toBe(r.confidence);
      expect(Number(v.count)).toBe(r.evidence.length);
      const info = graph.relationTypes.find((t) => t.type === r.type)!;
      expect(v.cameoRoots ?? "").toBe(info.cameoRoots.join(","));
      expect(v.quadClass ?? "").toBe(info.quadClass ?? "");
    }
  });
  it("opens in graphology-gexf's reader (what Gephi Lite uses)", () => {
    const g = parseGexf(Graphology, text);
    expect(g.order).toBe(graph.actors.length);
    expect(g.size).toBe(graph.relations.length);
    expect(g.getNodeAttribute(graph.actors[0].id, "label")).toBe(graph.actors[0].name);
  });
});

describe("CSV export", () => {
  const csv = toCsv(graph, metrics);
  const read = (s: string) => Papa.parse<Record<string, string>>(s, { header: true, skipEmptyLines: true });
  it("actors: one row each, aliases, positions, metrics; formulas escaped", () => {
    const r = read(csv.actors);
    expect(r.errors).toEqual([]);
    expect(r.data).toHaveLength(graph.actors.length);
    expect(r.meta.fields).toEqual(["id", "name", "kind", "aliases", "mentions", "documents", "document_ids", "x", "y", "degree", "pagerank"]);
    expect(r.data[0].name).toBe(graph.actors[0].name);
    expect(r.data[0].aliases).toBe(graph.actors[0].aliases.join("; ")); // "=" inside a cell, not at its start, is left alone
    expect(Number(r.data[0].x)).toBe(graph.actors[0].position!.x);
    expect(r.data[1].pagerank).toBe("0.125");
  });
  it("relations: every attribute", () => {
    const r = read(csv.relations);
    expect(r.errors).toEqual([]);
    expect(r.data).toHaveLength(graph.relations.length);
    for (const [i, rel] of graph.relations.entries()) {
      const row = r.data[i];
      expect([row.id, row.source, row.target, row.type, row.status]).toEqual([rel.id, rel.source, rel.target, rel.type, rel.status]);
      expect([row.directed, row.disputed]).toEqual([String(rel.directed), String(rel.disputed)]);
      expect(Number(row.confidence)).toBe(rel.confidence);
      expect(Number(row.count)).toBe(rel.evidence.length);
    }
  });
  it("evidence: one row per sentence; a cell starting with = is escaped for spreadsheets", () => {
    const r = read(csv.evidence);
    expect(r.errors).toEqual([]);
    expect(r.data).toHaveLength(graph.relations.reduce((n, x) => n + x.evidence.length, 0));
    expect(r.data[0].sentence).toBe(`'${graph.relations[0].evidence[0].sentence}`);
    expect(r.data[1].sentence).toBe(graph.relations[0].evidence[1]?.sentence ?? graph.relations[1].evidence[0].sentence);
  });
});

describe("JSON export", () => {
  it("reopens with parseGraph and records the view", () => {
    const json = JSON.parse(toJson(graph, meta));
    expect(json.view.filters).toEqual(filters);
    const back = parseGraph(json);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.graph.relations).toHaveLength(graph.relations.length);
  });
  it("the build's JSON is the graph file as before", () => {
    expect(serializeGraph(graph, "json", { exportedAt: "x", scope: "build" })[0].content).toBe(JSON.stringify(graph, null, 1) + "\n");
  });
});

describe("CLI output paths", () => {
  it("takes the format's extension and writes three CSV files", () => {
    expect(outputPaths("json", "public/graph.json")).toEqual(["public/graph.json"]);
    expect(outputPaths("gexf", "public/graph.json")).toEqual(["public/graph.gexf"]);
    expect(outputPaths("graphml", "out/g.graphml")).toEqual(["out/g.graphml"]);
    expect(outputPaths("csv", "out/g")).toEqual(["out/g.actors.csv", "out/g.relations.csv", "out/g.evidence.csv"]);
  });
});

describe("npm run build:graph -- --format", () => {
  it("writes GEXF and the three CSV files from the articles; refuses an unknown format", async () => {
    const { execFileSync, spawnSync } = await import("node:child_process");
    const { mkdtempSync, readFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join, resolve } = await import("node:path");
    const root = resolve(import.meta.dirname, "../../..");
    const out = mkdtempSync(join(tmpdir(), "entente-format-"));
    const run = (...args: string[]) =>
      execFileSync(
        process.execPath,
        [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "scripts/build-graph.ts"), "--input", join(root, "data/articles"), "--workers", "0", "--no-layout", "-q", ...args],
        { cwd: root, encoding: "utf8" },
      );
    try {
      run("--out", join(out, "g.json"), "--format", "gexf");
      const gexf = parseGexf(Graphology, readFileSync(join(out, "g.gexf"), "utf8"));
      run("--out", join(out, "g.json"));
      const json = JSON.parse(readFileSync(join(out, "g.json"), "utf8")) as Graph;
      expect(gexf.order).toBe(json.actors.length);
      expect(gexf.size).toBe(json.relations.length);
      run("--out", join(out, "g.json"), "--format", "csv");
      const rel = Papa.parse<Record<string, string>>(readFileSync(join(out, "g.relations.csv"), "utf8"), { header: true, skipEmptyLines: true });
      expect(rel.data.map((r) => r.id)).toEqual(json.relations.map((r) => r.id));
      const ev = Papa.parse(readFileSync(join(out, "g.evidence.csv"), "utf8"), { header: true, skipEmptyLines: true });
      expect(ev.data).toHaveLength(json.relations.reduce((n, r) => n + r.evidence.length, 0));
      const bad = spawnSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "scripts/build-graph.ts"), "--format", "xls"], {
        cwd: root,
        encoding: "utf8",
      });
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/unknown format "xls"/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

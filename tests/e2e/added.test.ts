// Bring your own articles, take the network elsewhere: pasted and dropped
// articles extracted in the worker, kept across reloads, removed; dropped HTML
// never runs; a refused write loses nothing; graph files opened; every data
// export parsed back outside the browser.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { XMLParser } from "fast-xml-parser";
import Papa from "papaparse";
import { parseGraph, type Graph } from "../../src/graph/schema";
import { generateSyntheticGraph } from "../../src/graph/synthetic";
import { layoutGraph } from "../../src/layout/layoutGraph";
import { collectErrors, waitForGraph, type AppServer, startApp, stopApp } from "./harness";

let dir: string;
let server: AppServer;
let browser: Browser;
let graph: Graph;

beforeAll(async () => {
  graph = layoutGraph(generateSyntheticGraph({ actors: 40, seed: 7 }), { quality: "draft" });
  ({ dir, server, browser } = await startApp(JSON.stringify(graph)));
}, 180_000);

afterAll(async () => {
  await stopApp({ browser, server, dir });
});

async function open(ctx: BrowserContext, query = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.goto(server.url + query);
  await waitForGraph(page);
  return { page, errors };
}

/** Edges between two actors, by type, as drawn. */
const edgesBetween = (page: Page, a: string, b: string, type: string) =>
  page.evaluate(
    ([a, b, type]) =>
      window
        .__cy!.edges(`[type = "${type}"]`)
        .filter((e) => new Set([e.source().id(), e.target().id()]).has(a) && new Set([e.source().id(), e.target().id()]).has(b))
        .map((e) => ({ id: e.id(), added: e.hasClass("added") })),
    [a, b, type],
  );

async function reopenDialog(page: Page) {
  await page.getByTestId("add-articles").click();
  await page.getByTestId("add-dialog").waitFor();
}

async function waitIdle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="add-progress"]') && !document.querySelector('[data-testid="add-busy"]'), undefined, { timeout: 60_000 });
}

const PASTED = "Ankara and Jerusalem\n\nTurkey condemned Israel over the strikes on Monday, officials said.";

describe("added articles", { timeout: 120_000 }, () => {
  it("a pasted article's relation appears, marked as added; it survives a reload; remove takes it away", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, errors } = await open(ctx);
    const before = await page.evaluate(() => window.__cy!.edges().length);
    await reopenDialog(page);
    await page.getByTestId("paste-text").fill(PASTED);
    await page.getByTestId("paste-add").click();
    await page.getByTestId("added-list").locator("li").first().waitFor({ timeout: 60_000 });
    await waitIdle(page);
    const edges = await edgesBetween(page, "turkey", "israel", "criticism");
    expect(edges).toHaveLength(1);
    expect(edges[0].added).toBe(true);
    expect(await page.evaluate(() => window.__cy!.getElementById("turkey").hasClass("added"))).toBe(true);
    expect(await page.evaluate(() => window.__cy!.edges().length)).toBeGreaterThan(before);
    expect(await page.getByTestId("add-messages").textContent()).toMatch(/added, \d+ relations? found/);
    // The relation's sentence is the pasted one.
    await page.getByTestId("add-close").click();
    await page.evaluate((id) => window.__cy!.getElementById(id).emit("tap"), edges[0].id);
    await page.locator("#details-panel", { hasText: "Turkey condemned Israel over the strikes" }).waitFor();

    await page.reload();
    await waitForGraph(page);
    await page.waitForFunction(() => window.__cy!.getElementById("turkey").nonempty(), undefined, { timeout: 60_000 });
    expect(await edgesBetween(page, "turkey", "israel", "criticism")).toHaveLength(1);
    expect(await page.getByTestId("add-articles").textContent()).toContain("(1)");

    await reopenDialog(page);
    await page.getByTestId("remove-added").first().click();
    await page.waitForFunction(() => window.__cy!.getElementById("turkey").empty(), undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => window.__cy!.edges().length)).toBe(before);
    await page.reload();
    await waitForGraph(page);
    await waitIdle(page);
    expect(await page.evaluate(() => window.__cy!.getElementById("turkey").empty())).toBe(true);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("dropped files: HTML with a <script> never runs, a bad file says why and the others are added", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, errors } = await open(ctx);
    const html = `<!doctype html><html><head><title>Aid</title><script>window.__pwned = 1; document.title = "pwned"</script></head>
      <body onload="window.__pwned = 2"><nav>Home · World</nav><article><h1>Egypt sends aid</h1>
      <p>Qatar condemned Israel over the blockade.</p><img src="x" onerror="window.__pwned = 3"><p><script>window.__pwned = 4</script>Officials said more would follow.</p>
      <p>&lt;b&gt;not bold&lt;/b&gt; <iframe srcdoc="<script>parent.__pwned = 5</script>"></iframe></p></article></body></html>`;
    await page.evaluate(
      async ([html]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([html], "report.html", { type: "text/html" }));
        dt.items.add(new File([""], "empty.txt", { type: "text/plain" }));
        dt.items.add(new File(["%PDF-1.4"], "scan.pdf", { type: "application/pdf" }));
        dt.items.add(new File(["# Talks\n\nIran **met** Iraq in Baghdad on Sunday."], "talks.md", { type: "text/markdown" }));
        document.body.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [html],
    );
    await page.getByTestId("add-dialog").waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="added-list"] li').length === 2, undefined, { timeout: 60_000 });
    await waitIdle(page);
    const messages = await page.getByTestId("add-messages").textContent();
    expect(messages).toContain("empty.txt: empty file");
    expect(messages).toContain("scan.pdf: not a .txt, .md or .html file");
    expect(await edgesBetween(page, "qatar", "israel", "criticism")).toHaveLength(1);
    expect(await edgesBetween(page, "iran", "iraq", "meeting")).toHaveLength(1);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.title()).not.toBe("pwned");
    expect(await page.evaluate(() => document.querySelectorAll("iframe, img[src='x'], article, nav").length)).toBe(0);
    // The list shows the page's title as text.
    expect(await page.getByTestId("added-list").textContent()).toContain("Egypt sends aid");
    // Added articles' text is text: the escaped markup is shown as characters.
    const stored = await page.evaluate(async () => {
      const req = indexedDB.open("entente-added");
      const db: IDBDatabase = await new Promise((ok) => (req.onsuccess = () => ok(req.result)));
      const all: { name: string; text: string }[] = await new Promise((ok) => {
        const r = db.transaction("articles").objectStore("articles").getAll();
        r.onsuccess = () => ok(r.result);
      });
      return all.find((a) => a.name === "report.html")!.text;
    });
    expect(stored).toContain("<b>not bold</b>");
    expect(stored).not.toMatch(/pwned|Home · World/);
    // Chromium checks the inert parsed document's handler attributes against the page's
    // Content-Security-Policy and logs that they are blocked; nothing ran (asserted above).
    expect(errors.filter((e) => !/^Executing inline event handler violates the following Content Security Policy/.test(e))).toEqual([]);
    await ctx.close();
  });

  it("a refused write (storage full) says so and loses nothing stored before", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
        if ((window as unknown as { __full?: boolean }).__full) throw new DOMException("Quota exceeded", "QuotaExceededError");
        return put.apply(this, args);
      };
    });
    const { page, errors } = await open(ctx);
    await reopenDialog(page);
    await page.getByTestId("paste-text").fill(PASTED);
    await page.getByTestId("paste-add").click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="added-list"] li').length === 1, undefined, { timeout: 60_000 });
    await waitIdle(page);
    await page.evaluate(() => ((window as unknown as { __full?: boolean }).__full = true));
    await page.getByTestId("paste-text").fill("Qatar condemned Israel over the blockade.");
    await page.getByTestId("paste-add").click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="added-list"] li').length === 2, undefined, { timeout: 60_000 });
    await waitIdle(page);
    expect(await page.getByTestId("add-messages").textContent()).toMatch(/could not be saved \(the browser's storage for this page is full\).*articles stored before are kept/);
    expect(await page.getByTestId("added-list").textContent()).toContain("not saved (this session only)");
    expect(await edgesBetween(page, "qatar", "israel", "criticism")).toHaveLength(1);
    await page.reload();
    await waitForGraph(page);
    await page.waitForFunction(() => window.__cy!.getElementById("turkey").nonempty(), undefined, { timeout: 60_000 });
    expect(await edgesBetween(page, "qatar", "israel", "criticism")).toHaveLength(0);
    expect(await edgesBetween(page, "turkey", "israel", "criticism")).toHaveLength(1);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", htmlEntities: true, isArray: (n) => ["node", "edge", "data", "attvalue"].includes(n) });

describe("exports and opening a graph file", { timeout: 120_000 }, () => {
  it("exports the shown view as JSON, GraphML, GEXF and CSV, with its filters", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, errors } = await open(ctx, "?hide=meeting.asserted,meeting.intended,meeting.denied&minev=2");
    const download = async (testId: string) => {
      if (!(await page.getByTestId(testId).isVisible())) await page.getByTestId("export-data").click();
      const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
      return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, "utf8") };
    };
    const shown = graph.relations.filter((r) => r.type !== "meeting" && r.evidence.length >= 2);
    const json = await download("export-json");
    expect(json.name).toBe("entente-view.json");
    const parsed = parseGraph(JSON.parse(json.text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const view = parsed.graph;
    expect(view.relations.map((r) => r.id).sort()).toEqual(shown.map((r) => r.id).sort());
    const recorded = JSON.parse(json.text).view;
    expect(recorded.filters.minEvidence).toBe(2);
    expect(recorded.filters.hiddenTypeStatus).toEqual(expect.arrayContaining(["meeting.asserted", "meeting.intended", "meeting.denied"]));
    expect(recorded.query).toContain("minev=2");

    const graphml = await download("export-graphml");
    expect(graphml.name).toBe("entente-view.graphml");
    const gm = xml.parse(graphml.text).graphml.graph;
    expect(gm.node).toHaveLength(view.actors.length);
    expect(gm.edge).toHaveLength(view.relations.length);
    expect(JSON.parse(gm.data.find((d: { key: string }) => d.key === "g_view")["#text"]).filters.minEvidence).toBe(2);
    const firstEdge = Object.fromEntries(gm.edge[0].data.map((d: { key: string; "#text"?: string }) => [d.key, d["#text"] ?? ""]));
    const r0 = view.relations.find((r) => r.id === gm.edge[0].id)!;
    expect([firstEdge.type, firstEdge.status, Number(firstEdge.count), Number(firstEdge.confidence)]).toEqual([r0.type, r0.status, r0.evidence.length, r0.confidence]);

    const gexf = await download("export-gexf");
    const gx = xml.parse(gexf.text).gexf;
    expect(gx.version).toBe("1.3");
    expect(gx.graph.nodes.node).toHaveLength(view.actors.length);
    expect(gx.graph.edges.edge).toHaveLength(view.relations.length);
    expect(gx.meta.description).toContain("at least 2 sentences per relation");

    const csvActors = await download("export-csv-actors");
    const csvRelations = await download("export-csv-relations");
    const csvEvidence = await download("export-csv-evidence");
    expect([csvActors.name, csvRelations.name, csvEvidence.name]).toEqual(["entente-view.actors.csv", "entente-view.relations.csv", "entente-view.evidence.csv"]);
    const rows = (t: string) => Papa.parse<Record<string, string>>(t, { header: true, skipEmptyLines: true }).data;
    expect(rows(csvActors.text)).toHaveLength(view.actors.length);
    expect(
      rows(csvRelations.text)
        .map((r) => r.id)
        .sort(),
    ).toEqual(shown.map((r) => r.id).sort());
    expect(rows(csvEvidence.text)).toHaveLength(view.relations.reduce((n, r) => n + r.evidence.length, 0));
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("opens an exported graph file; a wrong file or version gets a clear message", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, errors } = await open(ctx);
    const ten = new Set(graph.actors.slice(0, 10).map((a) => a.id));
    const small: Graph = {
      ...graph,
      actors: graph.actors.slice(0, 10),
      relations: graph.relations.filter(
        (r) => ten.has(r.source) && ten.has(r.target) && r.evidence.every((e) => e.attribution.actor === undefined || ten.has(e.attribution.actor)),
      ),
    };
    expect(parseGraph(small).ok).toBe(true);
    const input = page.getByTestId("open-graph");
    await input.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{not json") });
    await page.getByTestId("open-graph-error").filter({ hasText: "notes.json is not a JSON file" }).waitFor();
    await input.setInputFiles({ name: "old.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...small, schemaVersion: 1 })) });
    await page.getByTestId("open-graph-error").filter({ hasText: "schemaVersion 1, this version of entente reads 3" }).waitFor();
    await input.setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ nodes: [] })) });
    await page.getByTestId("open-graph-error").filter({ hasText: "not an entente graph file" }).waitFor();
    expect(await page.evaluate(() => window.__cy!.nodes().length)).toBeGreaterThan(10);
    await input.setInputFiles({ name: "small.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(small)) });
    // (Isolated actors may be hidden by default: every node drawn is one of the file's.)
    await page.waitForFunction(
      (ids) =>
        window.__cy!.nodes().length > 0 &&
        window
          .__cy!.nodes()
          .map((n) => n.id())
          .every((id) => ids.includes(id)),
      small.actors.map((a) => a.id),
    );
    expect(await page.getByTestId("opened-graph").textContent()).toContain("small.json");
    expect(await page.getByTestId("open-graph-error").count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

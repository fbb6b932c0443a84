// Texts on demand and long lists, in Chromium: the page loads the graph file
// without the article texts; a panel fetches a per-document file when it shows a
// sentence the graph does not carry or the article; a relation with 40,000
// sentences opens at once, a page of 20 at a time; a missing file is a message.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { SENTENCES_PER_RELATION, type Evidence, type Graph, type Relation } from "../../src/graph/schema";
import { generateSyntheticGraph } from "../../src/graph/synthetic";
import { ROOT, collectErrors, graphSite, startApp, stopApp, waitForGraph, type RunningApp } from "./harness";

const SHOTS = join(ROOT, "test-results", "screenshots");
const LONG = 40_000;
let app: RunningApp;
let graph: Graph;
let site: ReturnType<typeof graphSite>;
let long: Relation;
let several: Relation;

/** A synthetic graph, plus one article of 40,000 sentences behind one relation. */
function withLongRelation(g: Graph): Graph {
  const sentence = "Alpha met Beta in the capital on Monday, officials said.";
  const step = sentence.length + 1;
  g.documents.push({ id: "reports/long", title: "A long report", date: "2024-01-01", text: `${sentence} `.repeat(LONG) });
  const r = g.relations[0];
  r.evidence = Array.from({ length: LONG }, (_, i): Evidence => ({
    doc: "reports/long",
    sentence,
    start: i * step,
    end: i * step + sentence.length,
    trigger: { text: "met", start: i * step + 6, end: i * step + 9 },
    sourceMention: { start: i * step, end: i * step + 5 },
    targetMention: { start: i * step + 10, end: i * step + 14 },
    rule: "svo",
    attribution: { kind: "author", text: "the article" },
  }));
  return g;
}

beforeAll(async () => {
  graph = withLongRelation(generateSyntheticGraph({ actors: 40, seed: 21, positions: true }));
  long = graph.relations[0];
  several = graph.relations.slice(1).sort((a, b) => b.evidence.length - a.evidence.length)[0];
  site = graphSite(graph);
  app = await startApp(site.graph, site.files);
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await stopApp(app);
});

async function open(query: string): Promise<{ page: Page; errors: string[]; fetched: string[] }> {
  const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = collectErrors(page);
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(app.server.url + query);
  await waitForGraph(page);
  return { page, errors, fetched };
}

describe("texts on demand", { timeout: 120_000 }, () => {
  it("the first load fetches the graph file only; a relation's sentences beyond the first few come from its articles' files", async () => {
    expect(several.evidence.length).toBeGreaterThan(SENTENCES_PER_RELATION);
    expect(site.graph).not.toContain(graph.documents[0].text!.slice(0, 200));
    const { page, errors, fetched } = await open("");
    expect(fetched.filter((p) => p.includes("graph.docs/"))).toEqual([]);

    await page.goto(`${app.server.url}?edge=${encodeURIComponent(several.id)}`);
    const panel = page.getByTestId("edge-panel");
    await panel.waitFor();
    const items = panel.getByTestId("evidence");
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="edge-panel"] [data-testid="evidence"] blockquote').length > 3);
    const shown = Math.min(20, several.evidence.length);
    expect(await items.locator("blockquote").allTextContents()).toEqual(several.evidence.slice(0, shown).map((e) => e.sentence));
    const docs = new Set(several.evidence.slice(SENTENCES_PER_RELATION, shown).map((e) => site.fileOf(e.doc).replace(/^/, "/")));
    expect(fetched.filter((p) => p.includes("graph.docs/")).sort()).toEqual([...docs].sort());
    expect(await items.first().locator("mark.m-trigger").count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, "texts-edge-panel.png") });

    // The article: loaded from its file, shown as text with the sentence marked.
    await items.nth(SENTENCES_PER_RELATION).getByTestId("open-article").click();
    const sentence = page.getByTestId("article-sentence");
    await sentence.waitFor();
    expect(await sentence.textContent()).toBe(several.evidence[SENTENCES_PER_RELATION].sentence);
    const e = several.evidence[SENTENCES_PER_RELATION];
    expect(await page.locator(".article-text").textContent()).toBe(graph.documents.find((d) => d.id === e.doc)!.text);
    await page.screenshot({ path: join(SHOTS, "texts-article.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it(`a relation with ${LONG.toLocaleString("en")} sentences opens in well under a second, 20 at a time`, async () => {
    const { page, errors } = await open("?view=table");
    const row = page.locator(`[data-edge-id="${long.id}"]`).first();
    await row.waitFor();
    const ms = await page.evaluate(async (id) => {
      const t0 = performance.now();
      (document.querySelector(`[data-edge-id="${CSS.escape(id)}"]`) as HTMLElement).click();
      // The panel with its first page of sentences, painted.
      await new Promise<void>((ok) => {
        const check = () => (document.querySelectorAll('[data-testid="edge-panel"] [data-testid="evidence"] blockquote').length >= 20 ? ok() : requestAnimationFrame(check));
        check();
      });
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      return performance.now() - t0;
    }, long.id);
    console.log(`panel of a relation with ${LONG} sentences: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(1000);
    const panel = page.getByTestId("edge-panel");
    expect(await panel.getByTestId("evidence").count()).toBe(20);
    expect(await panel.textContent()).toContain(`20 of ${LONG.toLocaleString("en")} shown`);

    // The next page: 20 more, their sentences sliced from the 2 MB article fetched once.
    await panel.getByTestId("show-more").click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="edge-panel"] [data-testid="evidence"] blockquote').length === 40);
    const texts = await panel.getByTestId("evidence").locator("blockquote").allTextContents();
    expect(new Set(texts)).toEqual(new Set([long.evidence[0].sentence]));
    expect(await panel.textContent()).toContain(`40 of ${LONG.toLocaleString("en")} shown`);
    await page.screenshot({ path: join(SHOTS, "texts-long-relation.png") });

    // The relation table lists a page of rows, not every line.
    await page.goto(`${app.server.url}?view=table`);
    await page.getByTestId("relation-table").waitFor();
    expect(await page.locator("table.relations tbody tr").count()).toBeLessThanOrEqual(200);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a missing or broken per-document file is a message in the panel and the article viewer, not a blank or a crash", async () => {
    const e = several.evidence[SENTENCES_PER_RELATION];
    const path = site.fileOf(e.doc);
    app.server.setFile(path, null);
    try {
      const { page, errors } = await open(`?edge=${encodeURIComponent(several.id)}`);
      const panel = page.getByTestId("edge-panel");
      const missing = panel.getByTestId("evidence-missing").first();
      await missing.waitFor();
      expect(await missing.textContent()).toMatch(/could not be loaded \(HTTP 404: not found beside the graph file/);
      // The sentences the graph carries still show.
      expect(await panel.getByTestId("evidence").first().locator("blockquote").textContent()).toBe(several.evidence[0].sentence);
      await page.screenshot({ path: join(SHOTS, "texts-missing-file.png") });
      await panel.getByTestId("evidence").nth(SENTENCES_PER_RELATION).getByTestId("open-article").click();
      await page.getByTestId("article-missing").waitFor();
      expect(await page.getByTestId("article-missing").textContent()).toMatch(/could not be loaded/);
      await page.keyboard.press("Escape");
      await page.close();
      // The console reports the 404 itself; nothing else goes wrong.
      expect(errors.filter((m) => !/404/.test(m))).toEqual([]);

      app.server.setFile(path, "{ not json");
      const again = await open(`?edge=${encodeURIComponent(several.id)}`);
      await again.page.getByTestId("evidence-missing").first().waitFor();
      expect(await again.page.getByTestId("evidence-missing").first().textContent()).toMatch(/not a valid article file/);
      expect(again.errors).toEqual([]);
      await again.page.close();
    } finally {
      app.server.setFile(path, site.files[path]);
    }
  });

  it("the JSON export carries the texts it shows, so it stands on its own", async () => {
    const { page, errors } = await open(`?edge=${encodeURIComponent(several.id)}`);
    await page.getByTestId("export-data").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-json").click()]);
    const exported = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"))) as Graph;
    expect(exported.documents.length).toBeGreaterThan(0);
    expect(exported.documents.every((d) => typeof d.text === "string" && d.textUrl === undefined)).toBe(true);
    expect(exported.relations.every((r) => r.evidence.every((x) => x.sentence === exported.documents.find((d) => d.id === x.doc)!.text!.slice(x.start, x.end)))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

// The explorer in a real (headless) Chromium against a built app and a synthetic graph.
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type cytoscape from "cytoscape";
import { parseGraph, type Graph } from "../../src/graph/schema";
import { generateSyntheticGraph } from "../../src/graph/synthetic";
import { layoutGraph } from "../../src/layout/layoutGraph";
import { ROOT, collectErrors, waitForGraph, type AppServer, startApp, stopApp } from "./harness";

let dir: string;
let server: AppServer;
let browser: Browser;
let graph: Graph;
const SHOTS = join(ROOT, "test-results", "screenshots");

beforeAll(async () => {
  graph = layoutGraph(generateSyntheticGraph({ actors: 80, seed: 11 }), { quality: "draft" });
  ({ dir, server, browser } = await startApp(JSON.stringify(graph)));
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await stopApp({ browser, server, dir });
});

async function open(query = "", viewport = { width: 1440, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = collectErrors(page);
  await page.goto(server.url + query);
  await waitForGraph(page);
  return { page, errors };
}

const cyCount = (page: Page, selector: string) => page.evaluate((s) => window.__cy!.elements(s).length, selector);

describe("explorer", { timeout: 60_000 }, () => {
  it("loads without console errors and says how much is shown", async () => {
    const { page, errors } = await open();
    expect(await cyCount(page, "node")).toBe(graph.actors.length);
    const status = await page.getByTestId("status").textContent();
    expect(status).toContain(`${graph.actors.length} actors, ${graph.relations.length} relations shown`);
    // Positions come from the file (preset), not from a browser layout.
    const pos = await page.evaluate((id) => window.__cy!.getElementById(id).position(), graph.actors[0].id);
    expect(pos).toEqual(graph.actors[0].position);
    await page.screenshot({ path: join(SHOTS, "desktop-1440x900.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("unchecking a relation type removes exactly those edges", async () => {
    const { page, errors } = await open();
    const before: string[] = await page.evaluate(() => window.__cy!.edges().map((e) => e.id()));
    const conflictIds: string[] = await page.evaluate(() => window.__cy!.edges('[type = "conflict"]').map((e) => e.id()));
    expect(conflictIds.length).toBeGreaterThan(0);
    await page.getByTestId("type-toggle-conflict").uncheck();
    await page.waitForFunction(() => window.__cy!.edges('[type = "conflict"]').length === 0);
    const after: string[] = await page.evaluate(() => window.__cy!.edges().map((e) => e.id()));
    expect(after.sort()).toEqual(before.filter((id) => !conflictIds.includes(id)).sort());
    expect(new URL(page.url()).searchParams.get("hide")).toContain("conflict.asserted");
    // A single grid cell.
    await page.getByTestId("type-toggle-conflict").check();
    await page.getByTestId("cell-toggle-aid-asserted").uncheck();
    await page.waitForFunction(() => window.__cy!.edges('[type = "conflict"]').length > 0);
    expect(await cyCount(page, 'edge[type = "aid"][status = "asserted"]')).toBe(0);
    expect(await cyCount(page, 'edge[type = "aid"][status != "asserted"]')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("clicking an edge shows its sentences, and the article opens on that sentence", async () => {
    const { page, errors } = await open();
    // Zoom on the edge whose middle is farthest from any node, so the click lands on it and nothing else.
    const target = await page.evaluate(() => {
      const cy = window.__cy!;
      const clearance = (e: cytoscape.EdgeSingular) => {
        const m = e.midpoint();
        return Math.min(...cy.nodes().map((n) => Math.hypot(n.position().x - m.x, n.position().y - m.y)));
      };
      const edge = cy.edges().sort((a, b) => clearance(b) - clearance(a))[0];
      cy.zoom(2);
      cy.center(edge);
      const m = edge.renderedMidpoint();
      return { id: edge.id(), x: m.x, y: m.y };
    });
    const box = (await page.getByTestId("graph").boundingBox())!;
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.getByTestId("edge-panel").waitFor();
    expect(new URL(page.url()).searchParams.get("edge")).toBe(target.id);
    const sentences = await page.getByTestId("evidence").locator("blockquote").allTextContents();
    const expected = graph.relations
      .filter((r) =>
        [`${r.source}>${r.type}.${r.status}>${r.target}`, `${r.source}~${r.type}.${r.status}~${r.target}`, `${r.target}~${r.type}.${r.status}~${r.source}`].includes(target.id),
      )
      .flatMap((r) => r.evidence.map((e) => e.sentence));
    expect(expected.length).toBeGreaterThan(0);
    expect(sentences.sort()).toEqual(expected.sort());
    // Mentions and trigger are highlighted.
    expect(await page.getByTestId("evidence").first().locator("mark.m-trigger").count()).toBe(1);
    await page.getByTestId("open-article").first().click();
    const sentence = page.getByTestId("article-sentence");
    await sentence.waitFor();
    expect(await sentence.textContent()).toBe(await page.getByTestId("evidence").first().locator("blockquote").textContent());
    expect(await sentence.isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await page.getByTestId("article-viewer").waitFor({ state: "detached" });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("search (name or alias) focuses an actor", async () => {
    const { page, errors } = await open();
    const person = graph.actors.find((a) => a.kind === "person" && a.aliases.length > 0)!;
    await page.getByTestId("search").fill(person.aliases[0]);
    await page.getByRole("option").first().waitFor();
    await page.getByTestId("search").press("Enter");
    await page.getByTestId("actor-panel").waitFor();
    expect(await page.locator("#actor-name").textContent()).toContain(person.name);
    expect(new URL(page.url()).searchParams.get("actor")).toBe(person.id);
    expect(await page.evaluate((id) => window.__cy!.getElementById(id).hasClass("focus"), person.id)).toBe(true);
    // Centred in the view once the animation has run.
    await page.waitForFunction(
      (id) => {
        const cy = window.__cy!;
        const p = cy.getElementById(id).renderedPosition();
        // The label below the node counts in its box, hence the slack.
        return Math.abs(p.x - cy.width() / 2) < 30 && Math.abs(p.y - cy.height() / 2) < 30;
      },
      person.id,
      { timeout: 5000 },
    );
    // Its neighbourhood stays bright, the rest fades.
    expect(await cyCount(page, "node.faded")).toBeGreaterThan(0);
    expect(await page.evaluate((id) => window.__cy!.getElementById(id).neighborhood("node").filter(".faded").length === 0, person.id)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a URL with state restores it, and Back/Forward walk through changes", async () => {
    const actor = graph.actors.find((a) => a.kind === "state")!;
    const { page, errors } = await open(`?hide=conflict.asserted,conflict.intended,conflict.denied&kinds=person&actor=${actor.id}&view=table`);
    expect(await page.getByTestId("type-toggle-conflict").isChecked()).toBe(false);
    expect(await page.getByTestId("kind-toggle-person").isChecked()).toBe(false);
    expect(await cyCount(page, 'edge[type = "conflict"]')).toBe(0);
    expect(await cyCount(page, 'node[kind = "person"]')).toBe(0);
    await page.getByTestId("relation-table").waitFor();
    expect(await page.locator("#actor-name").textContent()).toContain(actor.name);
    // Table rows = edges drawn.
    const rows = await page.getByTestId("relation-table").locator("tbody tr").count();
    expect(rows).toBe(Math.min(500, await cyCount(page, "edge")));
    // Keyboard: focus first row, arrow down, Enter selects that edge.
    await page.getByTestId("relation-table").locator("tbody tr").first().focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const secondId = await page.getByTestId("relation-table").locator("tbody tr").nth(1).getAttribute("data-edge-id");
    await page.getByTestId("edge-panel").waitFor();
    expect(new URL(page.url()).searchParams.get("edge")).toBe(secondId);
    await page.goBack();
    await page.getByTestId("actor-panel").waitFor();
    expect(new URL(page.url()).searchParams.get("actor")).toBe(actor.id);
    await page.goForward();
    await page.getByTestId("edge-panel").waitFor();
    // Reload keeps it all.
    await page.reload();
    await waitForGraph(page);
    await page.getByTestId("edge-panel").waitFor();
    expect(await page.getByTestId("type-toggle-conflict").isChecked()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("path between two actors goes through shown relations", async () => {
    const { page, errors } = await open();
    const [a, b] = await page.evaluate(() => {
      const cy = window.__cy!;
      const start = cy.nodes().sort((x, y) => y.degree(false) - x.degree(false))[0];
      const far = cy.elements().bfs({ root: start, directed: false }).path.nodes();
      return [start.id(), far[far.length - 1].id()];
    });
    await page.goto(`${server.url}?pathFrom=${a}&pathTo=${b}`);
    await waitForGraph(page);
    await page.getByTestId("path-result").waitFor();
    const onPath = await cyCount(page, "node.on-path");
    expect(onPath).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(([x, y]) => window.__cy!.getElementById(x).hasClass("on-path") && window.__cy!.getElementById(y).hasClass("on-path"), [a, b])).toBe(true);
    expect(await page.getByTestId("path-step").count()).toBe(onPath - 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("exports PNG, SVG and JSON files that are what they claim", async () => {
    const { page, errors } = await open("?hide=meeting.asserted,meeting.intended,meeting.denied");
    const download = async (testId: string) => {
      const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
      return readFileSync((await d.path())!);
    };
    const png = await download("export-png");
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = (await download("export-svg")).toString("utf8");
    const svgOk = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return doc.getElementsByTagName("parsererror").length === 0 && doc.documentElement.nodeName === "svg";
    }, svg);
    expect(svgOk).toBe(true);
    await page.getByTestId("export-data").click(); // the data exports are in a menu
    const json = JSON.parse((await download("export-json")).toString("utf8"));
    const parsed = parseGraph(json);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.graph.relations.some((r) => r.type === "meeting")).toBe(false);
      expect(parsed.graph.relations.length).toBe(graph.relations.filter((r) => r.type !== "meeting").length);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("works on a phone: panels collapse and open on demand", async () => {
    const { page, errors } = await open("", { width: 390, height: 844 });
    expect(await page.locator("#filters-panel").isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, "phone-390x844.png") });
    await page.getByRole("button", { name: "Filters" }).click();
    expect(await page.locator("#filters-panel").isVisible()).toBe(true);
    await page.getByTestId("type-toggle-support").uncheck();
    await page.waitForFunction(() => window.__cy!.edges('[type = "support"]').length === 0);
    expect(statSync(join(SHOTS, "phone-390x844.png")).size).toBeGreaterThan(5000);
    expect(errors).toEqual([]);
    await page.close();
  });
});

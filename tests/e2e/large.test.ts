// A large graph in the browser: the first view draws the most connected actors and
// grows on demand (+N more, a community, show all) with the hidden count always on
// screen; search reaches hidden actors; the actions that load on demand (re-layout,
// picture export) work, and one that fails to load says so.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Graph } from "../../src/graph/schema";
import { generateSyntheticGraph } from "../../src/graph/synthetic";
import { FIRST_VIEW_ACTORS } from "../../src/explore/firstView";
import { collectErrors, graphSite, waitForGraph, type AppServer, startApp, stopApp } from "./harness";

let dir: string;
let server: AppServer;
let browser: Browser;
let graph: Graph;

beforeAll(async () => {
  // Scattered positions are enough here (and quick); the bench uses the build's layout.
  graph = generateSyntheticGraph({ actors: 1500, relationsPerActor: 8, seed: 5, positions: true });
  const site = graphSite(graph);
  ({ dir, server, browser } = await startApp(site.graph, site.files));
}, 180_000);

afterAll(async () => {
  await stopApp({ browser, server, dir });
});

async function open(query = ""): Promise<{ page: Page; errors: string[]; scripts: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = collectErrors(page);
  const scripts: string[] = [];
  page.on("request", (r) => void (r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname)));
  await page.goto(server.url + query);
  await waitForGraph(page, 60_000);
  return { page, errors, scripts };
}

const drawnNodes = (page: Page) => page.evaluate(() => window.__cy!.nodes().length);
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
/** Taps a drawn actor as a click would. */
const tapNode = (page: Page, id: string) => page.evaluate((i) => void window.__cy!.getElementById(i).emit("tap"), id);

describe("a large graph", { timeout: 120_000 }, () => {
  it("opens on its most connected actors, with what is hidden counted on screen", async () => {
    const { page, errors } = await open();
    expect(await drawnNodes(page)).toBe(FIRST_VIEW_ACTORS);
    const hidden = await page.getByTestId("hidden-count").textContent();
    const shownActors = Number(await page.getByTestId("graph").getAttribute("data-nodes"));
    expect(shownActors).toBe(FIRST_VIEW_ACTORS);
    expect(hidden).toMatch(/^\d+ more actors and \d+ lines hidden$/);
    expect(await page.getByTestId("show-all").isVisible()).toBe(true);
    // Actors with hidden neighbours say how many: a dashed ring and "· +N" on the label.
    const more = await page.evaluate(() => window.__cy!.nodes(".has-more").map((n) => [n.data("more"), n.data("label")] as [number, string]));
    expect(more.length).toBeGreaterThan(0);
    for (const [n, label] of more) expect(label.endsWith(`· +${n}`)).toBe(true);
    // The most connected are the ones drawn.
    const minDrawn = await page.evaluate(() => Math.min(...window.__cy!.nodes().map((n) => n.data("relationCount") as number)));
    expect(minDrawn).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("grows: +N more on an actor, its community, show all; kept in the link; back to the first view", async () => {
    const { page, errors } = await open();
    const [id, n] = await page.evaluate(() => {
      const node = window.__cy!.nodes(".has-more").max((x) => x.data("more") as number).ele;
      return [node.id(), node.data("more") as number] as const;
    });
    await tapNode(page, id);
    await page.getByTestId("reveal-more").click();
    await page.waitForFunction((want) => window.__cy!.nodes().length === want, FIRST_VIEW_ACTORS + n);
    expect(param(page, "more")).toBe(id);
    expect(await page.evaluate((i) => window.__cy!.getElementById(i).hasClass("has-more"), id)).toBe(false);

    const before = await drawnNodes(page);
    await page.getByTestId("expand-community").click();
    await page.waitForFunction((b) => window.__cy!.nodes().length > b, before);
    expect(param(page, "grow")).toBe(id);

    await page.getByTestId("show-all").click();
    await page.waitForFunction(() => window.__cy!.nodes(".has-more").length === 0 && window.__cy!.nodes().length > 1000);
    expect(await page.getByTestId("hidden-count").count()).toBe(0);
    expect(param(page, "all")).toBe("1");
    // Reload: the grown view comes back from the link.
    await page.reload();
    await waitForGraph(page, 60_000);
    expect(await drawnNodes(page)).toBeGreaterThan(1000);

    await page.getByTestId("first-view").click();
    await page.waitForFunction((want) => window.__cy!.nodes().length <= want + 1, FIRST_VIEW_ACTORS);
    expect(param(page, "more")).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("search reaches an actor that is not drawn: picking it draws and focuses it", async () => {
    const { page } = await open();
    const drawn = new Set(await page.evaluate(() => window.__cy!.nodes().map((n) => n.id())));
    const hiddenActor = graph.actors.find((a) => !drawn.has(a.id) && a.kind === "state" && graph.relations.some((r) => r.source === a.id || r.target === a.id))!;
    await page.getByTestId("search").fill(hiddenActor.name);
    await page.getByRole("option").first().waitFor();
    await page.getByTestId("search").press("Enter");
    await page.getByTestId("actor-panel").waitFor();
    await page.waitForFunction((i) => window.__cy!.getElementById(i).hasClass("focus"), hiddenActor.id);
    await page.close();
  });

  // The first load's size is the bench's line (npm run bench -- --only explorer): under vitest the build
  // has NODE_ENV=test and so React's development build.
  it("re-layout and picture export load on demand and work", async () => {
    const { page, errors, scripts } = await open();
    const lazy = ["cytoscape-fcose", "picture", "metrics", "path", "RelationTable"];
    for (const name of lazy) expect(scripts.some((s) => s.includes(`/${name}-`))).toBe(false);

    const moved = page.evaluate(() => new Promise<boolean>((ok) => window.__cy!.one("layoutstop", () => ok(true))));
    await page.getByTestId("relayout").click();
    expect(await moved).toBe(true);
    await page.waitForFunction(() => new URL(location.href).searchParams.get("layout") === "1");
    expect(scripts.some((s) => s.includes("/cytoscape-fcose-"))).toBe(true);

    const download = page.waitForEvent("download");
    await page.getByTestId("export-svg").click();
    const file = await (await download).path();
    expect(readFileSync(file, "utf8")).toContain("<svg");
    expect(scripts.some((s) => s.includes("/picture-"))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an action whose part fails to download says so instead of breaking the page", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.route(/cytoscape-fcose-.*\.js$/, (route) => route.abort());
    await page.goto(server.url);
    await waitForGraph(page, 60_000);
    await page.getByTestId("relayout").click();
    await page.getByTestId("load-problem").waitFor();
    expect(await page.getByTestId("load-problem").textContent()).toContain("could not be loaded");
    // The graph is still there and usable.
    expect(await drawnNodes(page)).toBe(FIRST_VIEW_ACTORS);
    await page.close();
  });
});

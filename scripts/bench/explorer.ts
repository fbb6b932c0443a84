// Explorer bench: headless Chromium on synthetic graphs of 500, 2,000 and 5,000
// actors (4 relations each, positions from the build-time layout, as in a real build).
// Prints time to first paint, to apply a filter change and to search, with ratios
// against the 500-actor run in the same process (absolute numbers depend on the machine).
import type { Page } from "playwright-core";
import { generateSyntheticGraph } from "../../src/graph/synthetic";
import { layoutGraph } from "../../src/layout/layoutGraph";
import { buildApp, launchChromium, removeDir, serveApp, waitForGraph } from "../../tests/e2e/harness";

const SIZES = [500, 2000, 5000];
const REPEATS = 3;

interface Row {
  actors: number;
  relations: number;
  layoutMs: number;
  firstPaintMs: number;
  filterMs: number;
  searchMs: number;
  focusMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Milliseconds from navigation start to the first frame after the graph is in. */
async function firstPaint(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await waitForGraph(page, 120_000);
  return page.evaluate(() => new Promise<number>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(performance.now())))));
}

/** Untick one relation type and wait until its edges are gone and a frame is drawn; then tick it again. */
async function filterChange(page: Page, type: string, off: boolean): Promise<number> {
  // A string, not a function: tsx's keepNames would wrap inner functions in a
  // __name() helper that does not exist in the page.
  return page.evaluate(`new Promise((ok) => {
    const cy = window.__cy;
    const box = document.querySelector('[data-testid="type-toggle-${type}"]');
    const t0 = performance.now();
    box.click();
    const check = () => {
      const n = cy.edges('[type = "${type}"]').length;
      if (${off} ? n === 0 : n > 0) requestAnimationFrame(() => ok(performance.now() - t0));
      else requestAnimationFrame(check);
    };
    check();
  })`);
}

async function measure(page: Page, url: string, actorName: string): Promise<Omit<Row, "actors" | "relations" | "layoutMs">> {
  const paints: number[] = [];
  for (let i = 0; i < REPEATS; i++) paints.push(await firstPaint(page, url));
  const filters: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    filters.push(await filterChange(page, "criticism", true));
    filters.push(await filterChange(page, "criticism", false));
  }
  const searches: number[] = [];
  const focuses: number[] = [];
  const query = actorName.slice(0, Math.max(4, actorName.length - 2));
  for (let i = 0; i < REPEATS; i++) {
    await page.getByTestId("search").fill("");
    let t0 = Date.now();
    await page.getByTestId("search").fill(query);
    await page.getByRole("option").first().waitFor();
    searches.push(Date.now() - t0);
    t0 = Date.now();
    await page.getByTestId("search").press("Enter");
    await page.getByTestId("actor-panel").waitFor();
    focuses.push(Date.now() - t0);
    await page.goBack();
    await page.getByTestId("actor-panel").waitFor({ state: "detached" });
  }
  return { firstPaintMs: median(paints), filterMs: median(filters), searchMs: median(searches), focusMs: median(focuses) };
}

export async function runExplorerBench(): Promise<void> {
  console.log("explorer bench: building the app…");
  const dir = buildApp();
  const server = await serveApp(dir, null);
  const browser = await launchChromium();
  const rows: Row[] = [];
  try {
    for (const actors of SIZES) {
      const t0 = performance.now();
      const graph = layoutGraph(generateSyntheticGraph({ actors, relationsPerActor: 4, seed: 1 }), { quality: actors > 1000 ? "draft" : "default" });
      const layoutMs = performance.now() - t0;
      server.setGraph(JSON.stringify(graph));
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const name = graph.actors.find((a) => a.kind === "state")?.name ?? graph.actors[0].name;
      rows.push({ actors, relations: graph.relations.length, layoutMs, ...(await measure(page, server.url, name)) });
      await page.close();
      console.log(`  ${actors} actors done`);
    }
  } finally {
    await browser.close();
    await server.close();
    removeDir(dir);
  }
  const ref = rows[0];
  const cell = (v: number, r: number) => `${v.toFixed(0).padStart(6)} ms ×${(v / r).toFixed(1).padEnd(4)}`;
  const header = ["actors", "relations", "build layout", "first paint", "filter change", "search", "Enter→panel"];
  console.log(`\nExplorer (median of ${REPEATS}; ×N = ratio to the ${ref.actors}-actor run in this process)`);
  console.log(header.map((h) => h.padEnd(18)).join(""));
  for (const r of rows)
    console.log(
      [
        String(r.actors),
        String(r.relations),
        cell(r.layoutMs, ref.layoutMs),
        cell(r.firstPaintMs, ref.firstPaintMs),
        cell(r.filterMs, ref.filterMs),
        cell(r.searchMs, ref.searchMs),
        cell(r.focusMs, ref.focusMs),
      ]
        .map((c) => c.padEnd(18))
        .join(""),
    );
}

// Runnable on its own: npx tsx scripts/bench/explorer.ts
if (import.meta.url === `file://${process.argv[1]}`) await runExplorerBench();

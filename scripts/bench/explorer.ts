// Explorer bench: headless Chromium (no GPU) on synthetic graphs of 500, 5,000 and
// 20,000 actors with 4 relations per actor (2,000 / 20,000 / 80,000 relations).
// (The generator counts a relation at both ends: relationsPerActor 8.) Positions: the
// build-time layout, fcose, draft quality above 1,000 actors (about 40 s at 20,000).
//
// Each graph is drawn twice in the same run from the same harness: by the explorer,
// and by a bare page of plain Cytoscape (default canvas renderer, the same preset
// positions, the stylesheet of Cytoscape's getting-started example, every relation
// an edge). Figures: first paint (navigation start to the first frame with the graph
// in), a filter change (one relation type off, then on again, to the next frame),
// search (typing to the suggestions and the marks on the graph) and focus (Enter to
// the actor panel). Ours are also given as ratios to plain Cytoscape: the robust
// figure on a shared machine. The explorer is also run with the WebGL renderer
// (?renderer=webgl, SwiftShader: there is no GPU here).
//
// npm run bench -- --only explorer [--json] [--profile] [--sizes 500,5000]
//   --json     one JSON object per size, with the initial JS size (gzip bytes of the
//              scripts the page loads before any user action)
//   --profile  a CPU profile (CDP Profiler) of first paint, a filter change, search and
//              focus at the middle size, ours (an unminified build of the same code, so
//              functions keep their names) and plain; prints the top self-time functions
//              and the top inclusive ones (12 of each; PROFILE_TOP=N in the environment for more)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import type { Graph } from "../../src/graph/schema";
import { generateSyntheticGraph } from "../../src/graph/synthetic";
import { layoutGraph } from "../../src/layout/layoutGraph";
import { buildApp, CHROMIUM_PATH, graphSite, launchChromium, removeDir, ROOT, serveApp } from "../../tests/e2e/harness";

const args = process.argv.slice(2);
const JSON_OUT = args.includes("--json");
const PROFILE = args.includes("--profile");
const sizesArg = args.indexOf("--sizes");
const SIZES = sizesArg >= 0 ? args[sizesArg + 1].split(",").map(Number) : [500, 5000, 20000];
const REPEATS = 3;
const FILTER_TYPE = "criticism";
const log = (s: string) => (JSON_OUT ? console.error(s) : console.log(s));

interface OursFigures {
  firstPaintMs: number;
  filterMs: number;
  searchMs: number;
  focusMs: number;
  /** searchMs + focusMs: typing a name to its actor focused. */
  searchFocusMs: number;
  drawnNodes: number;
  drawnEdges: number;
}
interface PlainFigures {
  firstPaintMs: number;
  /** The edges of one type hidden with eles.style('display', 'none') and shown again. */
  filterDisplayMs: number;
  /** The same edges removed and added back. */
  filterRemoveMs: number;
  /** Fading all but one actor's neighbourhood (and back): a class on each faded element, one style function re-run for all, or a style bypass on each. */
  fadeClassMs: number;
  fadeStyleFunctionMs: number;
  fadeBypassMs: number;
}
export interface ExplorerBenchRow {
  actors: number;
  relations: number;
  layout: string;
  layoutMs: number;
  ours: OursFigures;
  webgl: Pick<OursFigures, "firstPaintMs" | "filterMs"> | { unavailable: string };
  plain: PlainFigures;
  /** ours ÷ plain: below 0.5 is at least 2× faster than plain Cytoscape. */
  ratioToPlain: { firstPaint: number; filter: number };
  initialJsGzipBytes: number;
  loadAverage: number[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 10) / 10;
}

// Page code is passed as strings: tsx's keepNames would wrap functions in a __name() helper the page lacks.

/** Milliseconds from navigation start to the first frame after `ready` matches. */
async function firstPaint(page: Page, url: string, ready: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 180_000 });
  return page.evaluate(`new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(performance.now()))))`);
}

/** Ours: untick one relation type (or tick it again) and wait until its edges are gone (back) and a frame is drawn. */
function filterChange(page: Page, off: boolean): Promise<number> {
  return page.evaluate(`new Promise((ok) => {
    const cy = window.__cy;
    const box = document.querySelector('[data-testid="type-toggle-${FILTER_TYPE}"]');
    const t0 = performance.now();
    box.click();
    const check = () => {
      const n = cy.edges('[type = "${FILTER_TYPE}"]').filter((e) => e.visible()).length;
      if (${off} ? n === 0 : n > 0) requestAnimationFrame(() => ok(performance.now() - t0));
      else requestAnimationFrame(check);
    };
    check();
  })`);
}

/** Plain Cytoscape: the same change by hand, as `display: none` or by removing the edges. */
function plainFilterChange(page: Page, how: "display" | "remove", off: boolean): Promise<number> {
  return page.evaluate(`new Promise((ok) => {
    const cy = window.__cy;
    const t0 = performance.now();
    if ("${how}" === "display") cy.edges('[type = "${FILTER_TYPE}"]').style("display", ${off} ? "none" : "element");
    else if (${off}) window.__removed = cy.remove('edge[type = "${FILTER_TYPE}"]');
    else window.__removed.restore();
    requestAnimationFrame(() => ok(performance.now() - t0));
  })`);
}

/** Plain Cytoscape: fade everything but one actor's neighbourhood, as a class per element, as a style function over a set, or as a style bypass per element. */
function plainFade(page: Page, how: "class" | "function" | "bypass", on: boolean): Promise<number> {
  return page.evaluate(`new Promise((ok) => {
    const cy = window.__cy;
    const hood = cy.nodes().max((n) => n.degree()).ele.closedNeighborhood();
    const others = cy.elements().difference(hood);
    const t0 = performance.now();
    if ("${how}" === "class") cy.batch(() => ${on} ? others.addClass("faded") : others.removeClass("faded"));
    else if ("${how}" === "bypass") cy.batch(() => ${on} ? others.style("opacity", 0.1) : others.removeStyle("opacity"));
    else {
      // The style function is added on first use, so it costs plain Cytoscape nothing before.
      if (!window.__faded) cy.style().selector("node, edge").style("opacity", (ele) => (window.__faded.has(ele.id()) ? 0.1 : 1));
      window.__faded = ${on} ? new Set(others.map((e) => e.id())) : new Set();
      cy.style().update();
    }
    requestAnimationFrame(() => ok(performance.now() - t0));
  })`);
}

/** Types `query` into the search box: until the suggestions are up and the hits are marked on the graph. */
function search(page: Page, query: string): Promise<number> {
  return page.evaluate(`new Promise((ok) => {
    const input = document.querySelector('[data-testid="search"]');
    const graph = document.querySelector('[data-testid="graph"]');
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    input.focus();
    set.call(input, "");
    input.dispatchEvent(new Event("input", { bubbles: true }));
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const t0 = performance.now();
      set.call(input, ${JSON.stringify(query)});
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const check = () => {
        if (document.querySelector('[role="option"]') && graph.dataset.search === ${JSON.stringify(query)}) requestAnimationFrame(() => ok(performance.now() - t0));
        else requestAnimationFrame(check);
      };
      check();
    }));
  })`);
}

/** Enter in the search box: until the actor's panel is up and the actor is focused on the graph. */
function focusFirstHit(page: Page): Promise<number> {
  return page.evaluate(`new Promise((ok) => {
    const input = document.querySelector('[data-testid="search"]');
    const t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    const check = () => {
      if (document.querySelector('[data-testid="actor-panel"]') && window.__cy.$("node.focus").length > 0) requestAnimationFrame(() => ok(performance.now() - t0));
      else requestAnimationFrame(check);
    };
    check();
  })`);
}

const OURS_READY = '[data-testid="graph"][data-ready="true"]';
const PLAIN_READY = 'body[data-ready="true"]';

async function measureOurs(page: Page, url: string, query: string): Promise<OursFigures> {
  const paints: number[] = [];
  for (let i = 0; i < REPEATS; i++) paints.push(await firstPaint(page, url, OURS_READY));
  const drawn = await page.evaluate(`[window.__cy.nodes().length, window.__cy.edges().length]`);
  const filters: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    filters.push(await filterChange(page, true));
    filters.push(await filterChange(page, false));
  }
  const searches: number[] = [];
  const focuses: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    searches.push(await search(page, query));
    focuses.push(await focusFirstHit(page));
    await page.goBack();
    await page.getByTestId("actor-panel").waitFor({ state: "detached" });
  }
  const [drawnNodes, drawnEdges] = drawn as [number, number];
  const searchMs = median(searches);
  const focusMs = median(focuses);
  return { firstPaintMs: median(paints), filterMs: median(filters), searchMs, focusMs, searchFocusMs: Math.round((searchMs + focusMs) * 10) / 10, drawnNodes, drawnEdges };
}

async function measureWebgl(page: Page, url: string): Promise<ExplorerBenchRow["webgl"]> {
  const paints: number[] = [];
  for (let i = 0; i < REPEATS; i++) paints.push(await firstPaint(page, url, OURS_READY));
  const renderer = await page.evaluate(`document.querySelector('[data-testid="graph"]').dataset.renderer`);
  if (renderer !== "webgl") return { unavailable: `the page drew with ${String(renderer)}` };
  const filters: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    filters.push(await filterChange(page, true));
    filters.push(await filterChange(page, false));
  }
  return { firstPaintMs: median(paints), filterMs: median(filters) };
}

async function measurePlain(page: Page, url: string): Promise<PlainFigures> {
  const paints: number[] = [];
  for (let i = 0; i < REPEATS; i++) paints.push(await firstPaint(page, url, PLAIN_READY));
  const display: number[] = [];
  const remove: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    display.push(await plainFilterChange(page, "display", true), await plainFilterChange(page, "display", false));
    remove.push(await plainFilterChange(page, "remove", true), await plainFilterChange(page, "remove", false));
  }
  const fadeClass: number[] = [];
  const fadeFunction: number[] = [];
  const fadeBypass: number[] = [];
  for (let i = 0; i < REPEATS; i++) fadeClass.push(await plainFade(page, "class", true), await plainFade(page, "class", false));
  for (let i = 0; i < REPEATS; i++) fadeBypass.push(await plainFade(page, "bypass", true), await plainFade(page, "bypass", false));
  for (let i = 0; i < REPEATS; i++) fadeFunction.push(await plainFade(page, "function", true), await plainFade(page, "function", false));
  return {
    firstPaintMs: median(paints),
    filterDisplayMs: median(display),
    filterRemoveMs: median(remove),
    fadeClassMs: median(fadeClass),
    fadeStyleFunctionMs: median(fadeFunction),
    fadeBypassMs: median(fadeBypass),
  };
}

/** The bare page: plain Cytoscape as its getting-started example draws a graph, positions from the file. */
function writePlainPage(dir: string): void {
  const plain = join(dir, "plain");
  mkdirSync(plain, { recursive: true });
  copyFileSync(join(ROOT, "node_modules/cytoscape/dist/cytoscape.min.js"), join(plain, "cytoscape.min.js"));
  writeFileSync(
    join(plain, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><title>plain cytoscape</title>
<style>html,body{margin:0;height:100%}#cy{width:100%;height:100%}</style></head>
<body><div id="cy"></div><script src="cytoscape.min.js"></script><script src="plain.js"></script></body></html>`,
  );
  writeFileSync(
    join(plain, "plain.js"),
    `fetch("graph.json").then((r) => r.json()).then((g) => {
  const elements = [];
  for (const a of g.actors) elements.push({ group: "nodes", data: { id: a.id, label: a.name }, position: a.position });
  for (const r of g.relations) elements.push({ group: "edges", data: { id: r.id, source: r.source, target: r.target, type: r.type } });
  const cy = cytoscape({
    container: document.getElementById("cy"),
    elements,
    layout: { name: "preset" },
    style: [
      { selector: "node", style: { "background-color": "#666", label: "data(label)" } },
      { selector: "edge", style: { width: 3, "line-color": "#ccc", "target-arrow-color": "#ccc", "target-arrow-shape": "triangle", "curve-style": "bezier" } },
      // For the fade measurement only (nothing has it when the page opens).
      { selector: ".faded", style: { opacity: 0.1 } },
    ],
  });
  window.__cy = cy;
  document.body.dataset.ready = "true";
});
`,
  );
}

/** Gzip bytes of the scripts the page fetched up to its first paint (before any user action). */
async function initialJs(browser: Browser, url: string, dir: string): Promise<number> {
  const page = await browser.newPage();
  const scripts = new Set<string>();
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.add(new URL(r.url()).pathname);
  });
  await firstPaint(page, url, OURS_READY);
  await page.waitForTimeout(500);
  await page.close();
  let bytes = 0;
  for (const path of scripts) bytes += gzipSync(readFileSync(join(dir, path))).length;
  return bytes;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Top self-time functions of a CPU profile taken around `run`. */
async function profile(page: Page, run: () => Promise<unknown>): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await run();
  const { profile: p } = (await cdp.send("Profiler.stop")) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await cdp.detach();
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const byName = new Map<string, number>();
  let total = 0;
  for (const n of p.nodes) {
    const ms = self.get(n.id) ?? 0;
    total += ms;
    const name = labelOf(n);
    byName.set(name, (byName.get(name) ?? 0) + ms);
  }
  // Inclusive time: a function's own samples and its callees', counted once per call stack (recursion not twice).
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  const walk = (id: number, onStack: Set<string>): number => {
    const n = byId.get(id)!;
    const name = labelOf(n);
    const fresh = !onStack.has(name);
    if (fresh) onStack.add(name);
    let ms = self.get(id) ?? 0;
    for (const c of n.children ?? []) ms += walk(c, onStack);
    if (fresh) {
      onStack.delete(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
    return ms;
  };
  walk(p.nodes[0].id, new Set());
  const top = (m: Map<string, number>, skip: (name: string) => boolean) =>
    [...m]
      .filter(([name]) => !skip(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.PROFILE_TOP ?? 12))
      .map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(0).padStart(3)}%  ${name}`);
  return [
    `total ${total.toFixed(0)} ms; self time:`,
    ...top(byName, () => false),
    `  inclusive (with callees), in our code or the libraries:`,
    ...top(inclusive, (name) => name.startsWith("(") || !/:\d+$/.test(name)),
  ];
}

function labelOf(n: ProfileNode): string {
  const file = n.callFrame.url.split("/").pop() ?? "";
  return `${n.callFrame.functionName || "(anonymous)"}${file ? ` ${file.replace(/-[\w-]{8}\.js$/, ".js")}:${n.callFrame.lineNumber + 1}` : ""}`;
}

/** The app built without minification, for profiles that name functions. */
function buildUnminified(): string {
  const outDir = mkdtempSync(join(tmpdir(), "entente-app-unminified-"));
  execFileSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--outDir", outDir, "--emptyOutDir", "--minify", "false", "--logLevel", "error"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  });
  writePlainPage(outDir);
  return outDir;
}

function graphOfSize(actors: number): { graph: Graph; layout: string; layoutMs: number } {
  const t0 = performance.now();
  const quality = actors > 1000 ? "draft" : "default";
  const graph = layoutGraph(generateSyntheticGraph({ actors, relationsPerActor: 8, seed: 1 }), { quality });
  return { graph, layout: `fcose ${quality}`, layoutMs: performance.now() - t0 };
}

export async function runExplorerBench(): Promise<ExplorerBenchRow[]> {
  log("explorer bench: building the app…");
  const dir = buildApp();
  writePlainPage(dir);
  const server = await serveApp(dir, null);
  const profileDir = PROFILE ? buildUnminified() : null;
  const profileServer = profileDir ? await serveApp(profileDir, null) : null;
  const browser = await launchChromium();
  // WebGL needs a GL context: no GPU here, so SwiftShader (software) stands in.
  const glBrowser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--ignore-gpu-blocklist", "--disable-background-networking", "--no-first-run"],
  });
  const rows: ExplorerBenchRow[] = [];
  const profiles: string[] = [];
  try {
    for (const actors of SIZES) {
      const { graph, layout, layoutMs } = graphOfSize(actors);
      // As the build writes it: the graph file, article texts in files beside it.
      const site = graphSite(graph);
      server.setGraph(site.graph);
      for (const [path, body] of Object.entries(site.files)) server.setFile(path, body);
      profileServer?.setGraph(site.graph);
      for (const [path, body] of Object.entries(site.files)) profileServer?.setFile(path, body);
      const query = (graph.actors.find((a) => a.kind === "state") ?? graph.actors[0]).name.slice(0, -2);
      const viewport = { width: 1440, height: 900 };
      let page = await browser.newPage({ viewport });
      const ours = await measureOurs(page, server.url, query);
      await page.close();
      page = await browser.newPage({ viewport });
      const plain = await measurePlain(page, `${server.url}plain/index.html`);
      await page.close();
      page = await glBrowser.newPage({ viewport });
      const webgl = await measureWebgl(page, `${server.url}?renderer=webgl`).catch((e: Error) => ({ unavailable: e.message.split("\n")[0] }));
      await page.close();
      if (profileServer && actors === SIZES[Math.floor(SIZES.length / 2)]) {
        page = await browser.newPage({ viewport });
        profiles.push(`ours, first paint (${actors} actors):`, ...(await profile(page, () => firstPaint(page, profileServer.url, OURS_READY))));
        profiles.push(`ours, filter change off and on:`, ...(await profile(page, async () => (await filterChange(page, true)) + (await filterChange(page, false)))));
        profiles.push(`ours, search and focus:`, ...(await profile(page, async () => (await search(page, query)) + (await focusFirstHit(page)))));
        await page.close();
        page = await browser.newPage({ viewport });
        profiles.push(`plain, first paint:`, ...(await profile(page, () => firstPaint(page, `${server.url}plain/index.html`, PLAIN_READY))));
        profiles.push(
          `plain, filter change (display none) off and on:`,
          ...(await profile(page, async () => (await plainFilterChange(page, "display", true)) + (await plainFilterChange(page, "display", false)))),
        );
        await page.close();
      }
      const initialJsGzipBytes = await initialJs(browser, server.url, dir);
      const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
      const row: ExplorerBenchRow = {
        actors,
        relations: graph.relations.length,
        layout,
        layoutMs: Math.round(layoutMs),
        ours,
        webgl,
        plain,
        ratioToPlain: { firstPaint: ratio(ours.firstPaintMs, plain.firstPaintMs), filter: ratio(ours.filterMs, plain.filterDisplayMs) },
        initialJsGzipBytes,
        loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      };
      rows.push(row);
      if (JSON_OUT) console.log(JSON.stringify(row));
      log(`  ${actors} actors done`);
    }
  } finally {
    await glBrowser.close();
    await browser.close();
    await server.close();
    await profileServer?.close();
    removeDir(dir);
    if (profileDir) removeDir(profileDir);
  }
  if (!JSON_OUT) printTable(rows);
  if (profiles.length) log(`\nWhere the time goes (CPU profile, self time):\n${profiles.join("\n")}`);
  return rows;
}

function printTable(rows: ExplorerBenchRow[]): void {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const cols: [string, (r: ExplorerBenchRow) => string][] = [
    ["actors", (r) => String(r.actors)],
    ["relations", (r) => String(r.relations)],
    ["drawn", (r) => `${r.ours.drawnNodes}/${r.ours.drawnEdges}`],
    ["first paint", (r) => `${ms(r.ours.firstPaintMs)} ×${r.ratioToPlain.firstPaint}`],
    ["filter", (r) => `${ms(r.ours.filterMs)} ×${r.ratioToPlain.filter}`],
    ["search", (r) => ms(r.ours.searchMs)],
    ["Enter→focus", (r) => ms(r.ours.focusMs)],
    ["webgl paint/filter", (r) => ("unavailable" in r.webgl ? "n/a" : `${ms(r.webgl.firstPaintMs)} / ${ms(r.webgl.filterMs)}`)],
    ["plain paint", (r) => ms(r.plain.firstPaintMs)],
    ["plain filter d/r", (r) => `${ms(r.plain.filterDisplayMs)} / ${ms(r.plain.filterRemoveMs)}`],
    ["plain fade cls/fn/byp", (r) => `${ms(r.plain.fadeClassMs)} / ${ms(r.plain.fadeStyleFunctionMs)} / ${ms(r.plain.fadeBypassMs)}`],
  ];
  console.log(`\nExplorer (median of ${REPEATS}; ×N = ours ÷ plain Cytoscape in this run, below 0.5 is 2× faster)`);
  console.log(cols.map(([h]) => h.padEnd(20)).join(""));
  for (const r of rows) console.log(cols.map(([, f]) => f(r).padEnd(20)).join(""));
  const r = rows[0];
  if (r)
    console.log(
      `initial JS ${(r.initialJsGzipBytes / 1024).toFixed(0)} KB gzip · load average ${r.loadAverage.join(" ")} · layouts: ${rows.map((x) => `${x.actors}: ${x.layout}`).join(", ")}`,
    );
}

// Runnable on its own: npx tsx scripts/bench/explorer.ts
if (import.meta.url === `file://${process.argv[1]}`) await runExplorerBench();

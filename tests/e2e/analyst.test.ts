// What a new analyst sees and does (issue 7), in a real headless Chromium: a
// legible first view at desktop and phone sizes, confidence and sources, the
// path finder's directions, the filter boxes, history, the time brush, the pair
// view, the picture exports and the keyboard.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Graph } from "../../src/graph/schema";
import { generateSyntheticGraph } from "../../src/graph/synthetic";
import { layoutGraph } from "../../src/layout/layoutGraph";
import { collectErrors, waitForGraph, type AppServer, startApp, stopApp } from "./harness";

let dir: string;
let server: AppServer;
let browser: Browser;
let graph: Graph;

beforeAll(async () => {
  graph = layoutGraph(generateSyntheticGraph({ actors: 120, seed: 4 }), { quality: "draft" });
  // Two actors with no relation at all: hidden by default, counted.
  graph.actors.push(
    { id: "lonely-1", name: "Lonely State", kind: "state", aliases: [], mentions: 1, documents: [], position: { x: 0, y: 0 } },
    { id: "lonely-2", name: "Lonely Group", kind: "armed-group", aliases: [], mentions: 1, documents: [], position: { x: 10, y: 0 } },
  );
  ({ dir, server, browser } = await startApp(JSON.stringify(graph)));
}, 180_000);

afterAll(async () => {
  await stopApp({ browser, server, dir });
});

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function open(query = "", viewport = DESKTOP): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = collectErrors(page);
  await page.goto(server.url + query);
  await waitForGraph(page);
  return { page, errors };
}

/** Label overlaps (pairs of drawn label boxes), labels drawn, their on-screen size, and how much of the canvas the graph fills. */
async function firstView(page: Page) {
  // Labels are placed a moment after the last zoom or pan.
  await page.waitForFunction(
    () => window.__cy!.nodes(".labelled").length > 0 && window.__cy!.container()?.getAttribute("data-label-zoom") === String(window.__cy!.zoom()),
    undefined,
    { timeout: 5000 },
  );
  await page.waitForTimeout(50);
  return page.evaluate(() => {
    const cy = window.__cy!;
    const boxes = cy.nodes(".labelled").map((n) => n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
      }
    const bb = cy.nodes().renderedBoundingBox({ includeLabels: false });
    const fontPx = parseFloat(cy.nodes(".labelled")[0].renderedStyle("font-size"));
    return { overlaps, labels: boxes.length, fontPx, fillW: bb.w / cy.width(), fillH: bb.h / cy.height(), isolated: cy.nodes("[relationCount = 0]").length };
  });
}

const edgeIdOf = (r: Graph["relations"][number], symmetric: Set<string>) => {
  const undirected = symmetric.has(r.type) || !r.directed;
  const [a, b] = undirected && r.target < r.source ? [r.target, r.source] : [r.source, r.target];
  return undirected ? `${a}~${r.type}.${r.status}~${b}` : `${a}>${r.type}.${r.status}>${b}`;
};

describe("first view", { timeout: 90_000 }, () => {
  for (const [name, viewport] of [
    ["desktop 1440×900", DESKTOP],
    ["phone 390×844", PHONE],
  ] as const) {
    it(`is legible on a ${name}: readable labels that do not overlap, the graph fills the canvas, isolated actors hidden and counted`, async () => {
      const { page, errors } = await open("", viewport);
      const m = await firstView(page);
      expect(m.overlaps).toBe(0);
      expect(m.labels).toBeGreaterThanOrEqual(viewport.width > 500 ? 15 : 6);
      expect(m.fontPx).toBeGreaterThanOrEqual(12);
      expect(Math.max(m.fillW, m.fillH)).toBeGreaterThan(0.85);
      expect(m.isolated).toBe(0);
      const lonely = graph.actors.filter((a) => !graph.relations.some((r) => r.source === a.id || r.target === a.id)).length;
      expect(lonely).toBeGreaterThanOrEqual(2);
      expect(await page.getByTestId("status").textContent()).toContain(`${lonely} actors with no shown relation hidden`);
      // Zooming in shows more labels, still without overlap.
      // (In braces: cy.zoom returns the instance, which the test must not ship back.)
      await page.evaluate(() => {
        window.__cy!.zoom({ level: window.__cy!.zoom() * 2.2, renderedPosition: { x: window.__cy!.width() / 2, y: window.__cy!.height() / 2 } });
      });
      const z = await firstView(page);
      expect(z.overlaps).toBe(0);
      await page.getByTestId("show-isolated").click();
      await page.waitForFunction((n) => window.__cy!.nodes("[relationCount = 0]").length === n, lonely);
      expect(new URL(page.url()).searchParams.get("isolated")).toBe("show");
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("re-fits when filters change what is shown, and says why a view is empty", async () => {
    const { page, errors } = await open();
    await page.getByTestId("kind-toggle-person").uncheck();
    await page.waitForFunction(() => window.__cy!.nodes('[kind = "person"]').length === 0);
    await page.waitForTimeout(200);
    const fill = await page.evaluate(() => {
      const cy = window.__cy!;
      const bb = cy.nodes().renderedBoundingBox({ includeLabels: false });
      return Math.max(bb.w / cy.width(), bb.h / cy.height());
    });
    expect(fill).toBeGreaterThan(0.85);
    await page.goto(`${server.url}?minev=99`);
    await waitForGraph(page);
    const empty = page.getByTestId("empty-view");
    await empty.waitFor();
    expect(await empty.textContent()).toContain("at least 99 sentences");
    await page.getByTestId("empty-reset").click();
    await empty.waitFor({ state: "detached" });
    expect(await page.evaluate(() => window.__cy!.edges().length)).toBe(graph.relations.length > 0 ? await page.evaluate(() => window.__cy!.edges().length) : 0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("trust: confidence and sources", { timeout: 90_000 }, () => {
  it("line opacity follows confidence; the confidence filter drops the weak ones", async () => {
    const { page, errors } = await open();
    const op = await page.evaluate(() => {
      const cy = window.__cy!;
      const es = cy.edges('[status = "asserted"]').sort((a, b) => a.data("confidence") - b.data("confidence"));
      return {
        low: es[0].data("confidence"),
        lowOp: Number(es[0].style("opacity")),
        high: es[es.length - 1].data("confidence"),
        highOp: Number(es[es.length - 1].style("opacity")),
      };
    });
    expect(op.high).toBeGreaterThan(op.low);
    expect(op.highOp).toBeGreaterThan(op.lowOp);
    await page.getByTestId("min-confidence").fill("0.7");
    await page.waitForFunction(() => window.__cy!.edges().every((e) => e.data("confidence") >= 0.7));
    expect(new URL(page.url()).searchParams.get("minconf")).toBe("0.7");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("each sentence says who states it; filtering by source and to single-source relations", async () => {
    const { page, errors } = await open();
    const edge = await page.evaluate(() =>
      window
        .__cy!.edges()
        .sort((a, b) => b.data("evidenceCount") - a.data("evidenceCount"))[0]
        .id(),
    );
    await page.goto(`${server.url}?edge=${encodeURIComponent(edge)}`);
    await waitForGraph(page);
    await page.getByTestId("edge-panel").waitFor();
    const stated = await page.getByTestId("edge-panel").getByTestId("stated-by").allTextContents();
    expect(stated.length).toBeGreaterThan(0);
    expect(stated.every((t) => t.startsWith("stated by "))).toBe(true);
    await page.getByTestId("source-kind-author").uncheck();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("nosrc") === "author");
    await page.getByTestId("single-source").check();
    await page.waitForFunction(() => window.__cy!.edges().every((e) => e.data("speakers") === 1));
    expect(await page.evaluate(() => window.__cy!.edges().length)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("reading the graph", { timeout: 90_000 }, () => {
  it("path finder: cooperative, hostile or any; directed or not; steps read in the relation's direction", async () => {
    const symmetric = new Set(graph.relationTypes.filter((t) => t.symmetric).map((t) => t.type));
    // A directed, asserted conflict A → B: a one-step hostile path.
    const r = graph.relations.find((x) => x.type === "conflict" && x.status === "asserted" && x.directed && !symmetric.has(x.type))!;
    const { page, errors } = await open(`?pathFrom=${r.target}&pathTo=${r.source}&links=hostile`);
    await page.getByTestId("path-result").waitFor();
    const steps = page.getByTestId("path-step");
    expect(await steps.count()).toBeGreaterThanOrEqual(1);
    // Undirected search from the target back to the source: if the one step is that conflict, it reads source → target.
    if ((await steps.count()) === 1) {
      const text = await steps.first().textContent();
      const source = graph.actors.find((a) => a.id === r.source)!.name;
      const target = graph.actors.find((a) => a.id === r.target)!.name;
      expect(text!.indexOf(source)).toBeLessThan(text!.indexOf(target));
      expect(await steps.first().getAttribute("data-forward")).toBe("false");
    }
    // Every step of a hostile path is criticism or conflict.
    const hostileEdges = await page.evaluate(() => window.__cy!.edges(".on-path").map((e) => e.data("type")));
    expect(hostileEdges.every((t: string) => t === "conflict" || t === "criticism")).toBe(true);
    // Directed: every step goes along its arrow.
    await page.getByTestId("path-directed").check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("directed") === "1");
    const forward = await page.getByTestId("path-step").evaluateAll((els) => els.map((e) => e.getAttribute("data-forward")));
    expect(forward.every((f) => f === "true")).toBe(true);
    // Cooperative: no hostile step.
    await page.getByTestId("path-links-cooperative").click();
    await page.waitForTimeout(100);
    const coop = await page.evaluate(() => window.__cy!.edges(".on-path").map((e) => e.data("type")));
    expect(coop.some((t: string) => t === "conflict" || t === "criticism")).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the minimum-evidence box can be cleared and retyped: section stays open, no key lost, one history entry", async () => {
    const { page, errors } = await open();
    const before = await page.evaluate(() => history.length);
    await page.locator("summary", { hasText: "Evidence, dates, documents" }).click();
    const box = page.getByTestId("min-evidence");
    await box.click();
    await box.press("Backspace");
    await page.waitForTimeout(100);
    expect(await page.locator("details.more-filters").getAttribute("open")).not.toBeNull();
    expect(await box.inputValue()).toBe("");
    await page.keyboard.type("3");
    expect(await box.inputValue()).toBe("3");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("minev") === "3");
    await box.press("ArrowUp");
    await box.press("ArrowUp");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("minev") === "5");
    expect(await page.locator("details.more-filters").getAttribute("open")).not.toBeNull();
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(before + 1);
    // No orphan actors once relations drop out.
    expect(await page.evaluate(() => window.__cy!.nodes().filter((n) => n.degree(false) === 0).length)).toBe(0);
    // Typing in the search box adds no history entry either.
    await page.getByTestId("search").fill("abc");
    await page.getByTestId("search").fill("abcd");
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(before + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("hop depth and a re-layout are kept in the link; Back undoes a view change", async () => {
    const hub = graph.actors[0].id;
    const { page, errors } = await open(`?actor=${hub}`);
    await page.getByRole("button", { name: "2 hops" }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("hops") === "2");
    await page.getByTestId("relayout").click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("layout") === "1");
    const pos = await page.evaluate((id) => window.__cy!.getElementById(id).position(), graph.actors[5].id);
    await page.reload();
    await waitForGraph(page);
    expect(await page.getByRole("button", { name: "2 hops" }).getAttribute("aria-pressed")).toBe("true");
    const again = await page.evaluate((id) => window.__cy!.getElementById(id).position(), graph.actors[5].id);
    expect(Math.abs(again.x - pos.x) + Math.abs(again.y - pos.y)).toBeLessThan(1);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("layout") === null);
    // Back undoes the re-layout: the positions from the file return.
    const back = graph.actors[5];
    await page.waitForFunction(
      ([id, x, y]) => {
        const p = window.__cy!.getElementById(id as string).position();
        return Math.abs(p.x - (x as number)) < 0.5 && Math.abs(p.y - (y as number)) < 0.5;
      },
      [back.id, back.position!.x, back.position!.y] as const,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lines: hover shows a pointer and a tooltip; a click just beside a thin line takes it", async () => {
    const { page, errors } = await open();
    const target = await page.evaluate(() => {
      const cy = window.__cy!;
      const clearance = (e: import("cytoscape").EdgeSingular) => {
        const m = e.midpoint();
        return Math.min(...cy.nodes().map((n) => Math.hypot(n.position().x - m.x, n.position().y - m.y)));
      };
      const edge = cy.edges().sort((a, b) => clearance(b) - clearance(a))[0];
      cy.center(edge);
      const s = edge.renderedSourceEndpoint();
      const t = edge.renderedTargetEndpoint();
      const m = edge.renderedMidpoint();
      const len = Math.hypot(t.x - s.x, t.y - s.y);
      // 10 px off the line, perpendicular to it.
      return { id: edge.id(), x: m.x, y: m.y, ox: m.x + (-(t.y - s.y) / len) * 10, oy: m.y + ((t.x - s.x) / len) * 10 };
    });
    const box = (await page.getByTestId("graph").boundingBox())!;
    await page.mouse.move(box.x + target.x, box.y + target.y);
    const tip = page.getByTestId("edge-tooltip");
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/sentence.*confidence \d+%/);
    expect(await page.getByTestId("graph").evaluate((el) => getComputedStyle(el).cursor)).toBe("pointer");
    await page.mouse.move(box.x + 2, box.y + 2);
    await page.mouse.click(box.x + target.ox, box.y + target.oy);
    await page.getByTestId("edge-panel").waitFor();
    expect(new URL(page.url()).searchParams.get("edge")).toBe(target.id);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a partly ticked type row ticks all on click; one vocabulary (said / planned / denied)", async () => {
    const { page, errors } = await open("?hide=conflict.denied");
    const row = page.getByTestId("type-toggle-conflict");
    expect(await row.evaluate((el: HTMLInputElement) => el.indeterminate)).toBe(true);
    await row.click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get("hide"));
    expect(await page.getByTestId("cell-toggle-conflict-denied").isChecked()).toBe(true);
    const edge = await page.evaluate(() => window.__cy!.edges('[status = "intended"]')[0].id());
    await page.goto(`${server.url}?edge=${encodeURIComponent(edge)}`);
    await waitForGraph(page);
    const panel = await page.getByTestId("edge-panel").textContent();
    expect(panel).toContain("planned");
    expect(panel).not.toMatch(/\bintended\b/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("search is strict and marks its hits on the graph; the table filter reads aliases and statuses", async () => {
    const { page, errors } = await open();
    const withAlias = graph.actors.find((a) => a.kind !== "person" && a.aliases.length > 0 && a.aliases[0].length <= 4)!;
    await page.getByTestId("search").fill(withAlias.aliases[0]);
    await page.getByRole("option").first().waitFor();
    const options = await page.getByRole("option").allTextContents();
    expect(options[0]).toContain(withAlias.name);
    await page.waitForFunction((id) => window.__cy!.getElementById(id).hasClass("search-hit"), withAlias.id);
    await page.getByTestId("search").fill("");
    await page.getByTestId("tab-table").click();
    const person = graph.actors.find((a) => a.kind === "person" && a.aliases.length > 0 && graph.relations.some((r) => r.source === a.id || r.target === a.id))!;
    await page.getByTestId("table-filter").fill(`${person.aliases[0]} said`);
    const rows = page.getByTestId("relation-table").locator("tbody tr");
    await page.waitForTimeout(100);
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.includes(person.name) && t.includes("said"))).toBe(true);
    expect(await page.getByTestId("relation-table").locator("table").getAttribute("role")).toBe("grid");
    expect(await rows.first().getAttribute("role")).toBe("row");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keys: / focuses search, Escape clears a selection, ? opens the sheet, focus returns after the article", async () => {
    const edge = await (async () => {
      const { page } = await open();
      const id = await page.evaluate(() => window.__cy!.edges()[0].id());
      await page.close();
      return id;
    })();
    const { page, errors } = await open(`?edge=${encodeURIComponent(edge)}`);
    await page.getByTestId("edge-panel").waitFor();
    const opener = page.getByTestId("edge-panel").getByTestId("open-article").first();
    await opener.click();
    await page.getByTestId("article-viewer").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("article-viewer").waitFor({ state: "detached" });
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).searchParams.get("edge")).toBe(edge);
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !new URL(location.href).searchParams.get("edge"));
    await page.keyboard.press("/");
    expect(await page.getByTestId("search").evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByTestId("search").evaluate((el) => (el as HTMLElement).blur());
    await page.keyboard.press("?");
    await page.getByTestId("shortcut-sheet").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("shortcut-sheet").waitFor({ state: "detached" });
    // Zero counts in the legend are readable (contrast at least 4.5:1 on white).
    const zeroColor = await page.evaluate(() => {
      const el = document.querySelector(".count.zero");
      return el ? getComputedStyle(el).color : null;
    });
    if (zeroColor) {
      const [r, g, b] = zeroColor
        .match(/\d+/g)!
        .map(Number)
        .map((c) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
      const L = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      expect(1.05 / (L + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("follows the system's light or dark setting while the page is open, asking for it once", async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const errors = collectErrors(page);
    // Each matchMedia() call brings the page's style and layout up to date: asked at every render, it cost a filter change about 4 ms.
    await page.addInitScript(() => {
      const calls: Record<string, number> = {};
      const original = window.matchMedia.bind(window);
      window.matchMedia = (query: string) => ((calls[query] = (calls[query] ?? 0) + 1), original(query));
      (window as unknown as { __mediaCalls: Record<string, number> }).__mediaCalls = calls;
    });
    await page.goto(server.url);
    await waitForGraph(page);
    const halo = () => page.evaluate(() => window.__cy!.nodes()[0].style("text-outline-color") as string);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = { halo: await halo(), background: await background() };
    expect(light.halo).toBe("rgb(255,255,255)");
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => window.__cy!.nodes()[0].style("text-outline-color") !== "rgb(255,255,255)");
    expect(await background()).not.toBe(light.background);
    // A filter change in between re-renders the page; the setting is still followed after it.
    await page.getByTestId("kind-toggle-person").uncheck();
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => window.__cy!.nodes()[0].style("text-outline-color") === "rgb(255,255,255)");
    expect(await background()).toBe(light.background);
    const calls = await page.evaluate(() => (window as unknown as { __mediaCalls: Record<string, number> }).__mediaCalls);
    expect(calls["(prefers-color-scheme: dark)"]).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("on a phone a shared link to a relation opens its sentences with the graph and the line in view", async () => {
    const edge = graph.relations[3];
    const id = edgeIdOf(edge, new Set(graph.relationTypes.filter((t) => t.symmetric).map((t) => t.type)));
    const { page, errors } = await open(`?edge=${encodeURIComponent(id)}`, PHONE);
    await page.getByTestId("edge-panel").waitFor();
    expect(await page.getByTestId("edge-panel").isVisible()).toBe(true);
    await page.waitForTimeout(500);
    const seen = await page.evaluate((eid) => {
      const cy = window.__cy!;
      const m = cy.getElementById(eid).renderedMidpoint();
      const rect = (document.querySelector('[data-testid="graph"]') as HTMLElement).getBoundingClientRect();
      const drawer = (document.querySelector("#details-panel") as HTMLElement).getBoundingClientRect();
      return { inCanvas: m.x >= 0 && m.x <= cy.width() && m.y >= 0 && m.y <= cy.height(), canvasH: rect.height, graphAboveDrawer: rect.bottom <= drawer.top + 1 };
    }, id);
    expect(seen.inCanvas).toBe(true);
    expect(seen.canvasH).toBeGreaterThan(200);
    expect(seen.graphAboveDrawer).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("time, pairs, structure, pictures", { timeout: 90_000 }, () => {
  it("the time brush filters the graph by date; playback steps the window", async () => {
    const { page, errors } = await open();
    const brush = page.getByTestId("timeline-brush");
    const b = (await brush.boundingBox())!;
    const allEdges = await page.evaluate(() => window.__cy!.edges().length);
    await page.mouse.move(b.x + b.width * 0.1, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width * 0.4, b.y + b.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("from") !== null);
    const url = new URL(page.url());
    const from = url.searchParams.get("from")!;
    const to = url.searchParams.get("to")!;
    expect(from < to).toBe(true);
    const shown = await page.evaluate(() => window.__cy!.edges().length);
    expect(shown).toBeLessThan(allEdges);
    // Every shown relation has a sentence from an article dated inside the range.
    const docDate = new Map(graph.documents.map((d) => [d.id, d.date]));
    const symmetric = new Set(graph.relationTypes.filter((t) => t.symmetric).map((t) => t.type));
    const ids = new Set(await page.evaluate(() => window.__cy!.edges().map((e) => e.id())));
    for (const r of graph.relations.filter((x) => ids.has(edgeIdOf(x, symmetric)))) {
      expect(r.evidence.some((e) => (docDate.get(e.doc) ?? "") >= from && (docDate.get(e.doc) ?? "") <= to)).toBe(true);
    }
    // The keyboard moves the period by one bar.
    await brush.focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction((f) => (new URL(location.href).searchParams.get("from") ?? "") > f, from);
    const moved = new URL(page.url()).searchParams.get("from")!;
    await page.getByTestId("timeline-play").click();
    await page.waitForFunction((f) => new URL(location.href).searchParams.get("from") !== f, moved, { timeout: 5000 });
    await page.getByTestId("timeline-play").click();
    await page.getByTestId("timeline-clear").click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("from") === null);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the pair view lists everything between two actors, by date, with sources and disputes", async () => {
    const disputed = graph.relations.find((r) => r.disputed)!;
    const [a, b] = [disputed.source, disputed.target];
    const between = graph.relations.filter((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));
    const { page, errors } = await open(`?actor=${a}`);
    await page.getByTestId("actor-panel").waitFor();
    // Shift-click the other actor on the graph.
    const pos = await page.evaluate((id) => window.__cy!.getElementById(id).renderedPosition(), b);
    await page.evaluate((id) => {
      const cy = window.__cy!;
      cy.center(cy.getElementById(id));
    }, b);
    const p2 = await page.evaluate((id) => window.__cy!.getElementById(id).renderedPosition(), b);
    void pos;
    const box = (await page.getByTestId("graph").boundingBox())!;
    await page.keyboard.down("Shift");
    await page.mouse.click(box.x + p2.x, box.y + p2.y);
    await page.keyboard.up("Shift");
    const panel = page.getByTestId("pair-panel");
    await panel.waitFor();
    expect(new URL(page.url()).searchParams.get("pair")).toBe(`${a},${b}`);
    const items = panel.getByTestId("pair-item");
    expect(await items.count()).toBe(between.reduce((n, r) => n + r.evidence.length, 0));
    expect(await panel.getByTestId("pair-dispute").count()).toBeGreaterThan(0);
    expect(await panel.getByTestId("pair-dispute").first().textContent()).toMatch(/said by .+; denied by .+/);
    expect(await panel.getByTestId("stated-by").count()).toBe(await items.count());
    expect(await panel.locator("mark.m-trigger").count()).toBe(await items.count());
    // Oldest first.
    const dates = (await items.locator(".pair-item-head b").allTextContents()).filter((d) => d !== "undated");
    expect([...dates].sort()).toEqual(dates);
    // Sentences are text, never HTML.
    expect(await panel.locator("blockquote script, blockquote img").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("structure: size by betweenness or PageRank, colour by community, numbers in the actor panel", async () => {
    const { page, errors } = await open(`?actor=${graph.actors[0].id}`);
    await page.getByTestId("actor-metrics").waitFor();
    expect(await page.getByTestId("actor-metrics").textContent()).toMatch(/Degree\d+Betweenness[\d.]+PageRank[\d.]+Community\d+ of \d+/);
    await page.getByTestId("size-by").selectOption("pagerank");
    await page.getByTestId("color-by").selectOption("community");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("color") === "community");
    const colours = await page.evaluate(() => new Set(window.__cy!.nodes().map((n) => n.data("color"))).size);
    expect(colours).toBeGreaterThan(2);
    const sizes = await page.evaluate(() => new Set(window.__cy!.nodes().map((n) => n.data("size"))).size);
    expect(sizes).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the SVG picture keeps every label as text, has a legend and no fade; PNG is a picture with the same", async () => {
    const hub = graph.actors[0].id;
    const { page, errors } = await open(`?actor=${hub}`);
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-svg").click()]);
    const svg = readFileSync((await d.path())!, "utf8");
    const check = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      const texts = [...doc.querySelectorAll(".labels text")].map((t) => t.textContent);
      const legend = [...doc.querySelectorAll(".legend text")].map((t) => t.textContent);
      const opacities = [...doc.querySelectorAll("path")].map((p) => Number(p.getAttribute("stroke-opacity") ?? 1));
      return {
        ok: doc.getElementsByTagName("parsererror").length === 0,
        texts,
        legend,
        minOpacity: Math.min(...opacities),
        fills: [...doc.querySelectorAll(".labels text")].map((t) => t.getAttribute("fill")),
      };
    }, svg);
    expect(check.ok).toBe(true);
    const hubName = graph.actors[0].name;
    expect(check.texts).toContain(hubName);
    expect(check.texts.length).toBeGreaterThan(20);
    expect(check.fills.every((f) => f === "#111827")).toBe(true);
    expect(check.legend.join(" ")).toMatch(/said/);
    expect(check.minOpacity).toBeGreaterThanOrEqual(0.3); // no 0.1 fade baked in
    const [p] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
    const png = readFileSync((await p.path())!);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.length).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});

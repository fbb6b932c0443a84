// Article text is shown as text, never run as markup, and the built site carries a
// Content-Security-Policy that forbids inline script.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { generateSyntheticGraph } from "../../src/graph/synthetic";
import { collectErrors, type AppServer, startApp, stopApp } from "./harness";

const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> javascript:window.__pwned=3`;

let dir: string;
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  const graph = generateSyntheticGraph({ actors: 12 });
  // Markup in every place article text reaches: a name, a sentence, a document title.
  graph.actors[0].name = `Actor ${HOSTILE}`;
  for (const r of graph.relations) for (const e of r.evidence) e.sentence = `${HOSTILE} ${e.sentence}`;
  graph.documents[0].title = HOSTILE;
  ({ dir, server, browser } = await startApp(JSON.stringify(graph)));
}, 120_000);

afterAll(async () => {
  await stopApp({ browser, server, dir });
});

describe("article text in the page", { timeout: 60_000 }, () => {
  it("the built page carries a Content-Security-Policy with no inline script", () => {
    const html = readFileSync(join(dir, "index.html"), "utf8").replace(/&#39;/g, "'");
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toContain("script-src 'self'");
    expect(meta?.[1]).not.toContain("unsafe-inline' ; script");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("markup in names and sentences shows literally and runs nothing", async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
      );
    });
    await page.goto(`${server.url}?view=table`);
    await page.getByText("Actor <img", { exact: false }).first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await page.close();
  });
});

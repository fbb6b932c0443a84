// Every way graph.json can be unusable ends on a page that says what happened and what to run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { generateSyntheticGraph } from "../../src/graph/synthetic";
import { collectErrors, type AppServer, startApp, stopApp } from "./harness";

let dir: string;
let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  ({ dir, server, browser } = await startApp(null));
}, 120_000);

afterAll(async () => {
  await stopApp({ browser, server, dir });
});

async function problemFor(body: string | null, route?: (url: string) => { status: number; body: string }) {
  server.setGraph(body);
  const page = await browser.newPage();
  const errors = collectErrors(page);
  if (route)
    await page.route("**/graph.json", (r) => {
      const res = route(r.request().url());
      return r.fulfill({ status: res.status, body: res.body, contentType: "application/json" });
    });
  await page.goto(server.url);
  const problem = page.getByTestId("problem-page");
  await problem.waitFor({ timeout: 15_000 });
  const out = {
    kind: await problem.getAttribute("data-problem"),
    text: (await problem.textContent()) ?? "",
    detail: (await page.getByTestId("problem-detail").textContent()) ?? "",
    errors,
  };
  await page.close();
  return out;
}

describe("problem page", { timeout: 60_000 }, () => {
  it("missing graph file (404) says to run build:graph", async () => {
    const p = await problemFor(null);
    expect(p.kind).toBe("missing");
    expect(p.text).toContain("npm run build:graph");
    expect(p.detail).toContain("404");
  });

  it("invalid JSON says the file is damaged", async () => {
    const p = await problemFor('{"schemaVersion": 2, "actors": [');
    expect(p.kind).toBe("invalid-json");
    expect(p.detail).toMatch(/not valid JSON/);
    expect(p.text).toContain("npm run build:graph");
  });

  it("schema errors name the problem", async () => {
    const g = generateSyntheticGraph({ actors: 5 });
    (g.relations[0] as { source: string }).source = "nobody";
    const p = await problemFor(JSON.stringify(g));
    expect(p.kind).toBe("invalid-schema");
    expect(p.detail).toContain('unknown source actor "nobody"');
  });

  it("a graph from another schema version says to rebuild", async () => {
    const p = await problemFor(JSON.stringify({ ...generateSyntheticGraph({ actors: 3 }), schemaVersion: 1 }));
    expect(p.kind).toBe("invalid-schema");
    expect(p.detail).toContain("schemaVersion 1");
    expect(p.detail).toContain("npm run build:graph");
  });

  it("an empty corpus says to add articles", async () => {
    const p = await problemFor(JSON.stringify(generateSyntheticGraph({ actors: 0 })));
    expect(p.kind).toBe("empty");
    expect(p.text).toContain("data/articles");
  });

  it("a server error (via page.route) is reported, not a blank screen", async () => {
    const p = await problemFor("{}", () => ({ status: 500, body: "boom" }));
    expect(p.kind).toBe("unreachable");
    expect(p.detail).toContain("500");
  });
});

// Browser-test harness: builds the app once into a temp folder, serves it from a
// tiny static server on 127.0.0.1 (graph.json and the per-document files beside
// it supplied by the test: graphSite), and drives Debian's Chromium with
// playwright-core. Also used by scripts/bench/explorer.ts.
import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { splitGraph } from "../../src/build/write";
import type { Graph } from "../../src/graph/schema";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Runs `vite build` into a fresh temp folder and returns it. */
export function buildApp(): string {
  const outDir = mkdtempSync(join(tmpdir(), "entente-app-"));
  execFileSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  });
  if (!existsSync(join(outDir, "index.html"))) throw new Error(`vite build wrote no index.html in ${outDir}`);
  return outDir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Files served beside graph.json, by path below the site root ("graph.docs/….json"): a body, or null for 404. */
export type SiteFiles = Record<string, string | null>;

/**
 * A graph as the build writes it: the graph file's body and its per-document
 * files (graph.docs/…), for startApp(site.graph, site.files).
 */
export function graphSite(graph: Graph): { graph: string; files: SiteFiles; fileOf: (docId: string) => string } {
  const split = splitGraph(graph, "graph.docs");
  const files: SiteFiles = {};
  const byDoc = new Map<string, string>();
  for (const f of split.files) {
    files[`graph.docs/${f.name}`] = f.content;
    byDoc.set(f.id, `graph.docs/${f.name}`);
  }
  return { graph: JSON.stringify(split.graph), files, fileOf: (id) => byDoc.get(id)! };
}

export interface AppServer {
  url: string;
  /** What /graph.json answers: a body, or null for 404. */
  setGraph(body: string | null): void;
  /** What a file beside graph.json answers (path as in graphSite's files): a body, null for 404, undefined to forget it. */
  setFile(path: string, body: string | null | undefined): void;
  close(): Promise<void>;
}

/** Static server for a built app; graph.json comes from setGraph and the files beside it from setFile, not from disk. */
export async function serveApp(dir: string, graphBody: string | null = null, siteFiles: SiteFiles = {}): Promise<AppServer> {
  let graph = graphBody;
  const files = new Map(Object.entries(siteFiles));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const served = files.get(path.replace(/^\/+/, ""));
    if (served !== undefined) {
      if (served === null) res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      else res.writeHead(200, { "content-type": "application/json" }).end(served);
      return;
    }
    if (path.endsWith("/graph.json")) {
      if (graph === null) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      } else res.writeHead(200, { "content-type": "application/json" }).end(graph);
      return;
    }
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    setGraph: (body) => {
      graph = body;
    },
    setFile: (path, body) => {
      if (body === undefined) files.delete(path);
      else files.set(path, body);
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Waits until the graph is drawn (the app marks the container when elements are in). */
export async function waitForGraph(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('[data-testid="graph"][data-ready="true"]', { timeout });
}

/** Console errors and uncaught page errors, for "loads without errors" checks. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

export interface RunningApp {
  dir: string;
  server: AppServer;
  browser: Browser;
}

/** Builds the app, serves it with `graphBody` as graph.json (and `files` beside it, see graphSite) and starts Chromium: the common beforeAll. */
export async function startApp(graphBody: string | null, files: SiteFiles = {}): Promise<RunningApp> {
  const dir = buildApp();
  const server = await serveApp(dir, graphBody, files);
  const browser = await launchChromium();
  return { dir, server, browser };
}

/** Stops what startApp started; safe on a partly started app (the common afterAll). */
export async function stopApp(app: Partial<RunningApp>): Promise<void> {
  await app.browser?.close();
  await app.server?.close();
  if (app.dir) removeDir(app.dir);
}

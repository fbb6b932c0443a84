// The build pipeline and CLI: worker pool output identical to one worker and to
// in-process extraction, the per-article cache, the time budget, the summary,
// exit codes, refusing to replace a good graph with an empty one, atomic writes.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build/pipeline";
import { cacheEntryJson, parseCacheEntry } from "../../src/build/cache";
import { extractorVersion } from "../../src/build/version";
import { writeFileAtomic, writeJsonAtomic } from "../../src/build/write";

const ROOT = resolve(import.meta.dirname, "../..");
const ARTICLES = join(ROOT, "data/articles");
const run = promisify(execFile);
const stable = (g: unknown) => JSON.stringify({ ...(g as object), generatedAt: "" });

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/build-graph.ts"), ...args], {
      cwd: ROOT,
      maxBuffer: 1 << 26,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "entente-build-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function corpus(name: string): string {
  const d = join(dir, name);
  cpSync(ARTICLES, d, { recursive: true });
  return d;
}

describe("cache entries", () => {
  const doc = { id: "a.txt", title: "A", date: null, text: "Iran and Iraq met.  Then  they argued." };
  const evidence = (start: number, end: number, sentence: string) => ({
    doc: "a.txt",
    sentence,
    start,
    end,
    trigger: { start, end: start + 1, text: "x" },
    sourceMention: { start, end: start + 1 },
    targetMention: { start, end: start + 1 },
    rule: "svo",
    attribution: { kind: "author" as const, text: "the article" },
  });
  const extraction = {
    actors: new Map([["iran", { name: "Iran", kind: "state" as const, forms: ["Iran"], mentions: 1 }]]),
    relations: [
      { source: "iran", target: "iraq", type: "meeting" as const, status: "asserted" as const, directed: false, evidence: evidence(0, 18, "Iran and Iraq met.") },
      // A sentence that is not a plain slice of the text (whitespace collapsed) is kept as it is.
      { source: "iran", target: "iraq", type: "criticism" as const, status: "asserted" as const, directed: true, evidence: evidence(20, 39, "Then they argued.") },
    ],
  };

  it("leaves out sentences the article gives back, and restores them on reading", () => {
    const json = cacheEntryJson(doc, extraction, ["split a long sentence"]);
    expect(json).not.toContain("Iran and Iraq met.");
    expect(json).toContain("Then they argued.");
    const back = parseCacheEntry(doc, json)!;
    expect(back).toEqual({ extraction, degraded: ["split a long sentence"] });
    // Key order too: a graph from the cache is byte-identical to a fresh one.
    expect(JSON.stringify(back.extraction.relations)).toBe(JSON.stringify(extraction.relations));
  });

  it("reads something that is not an entry as a miss", () => {
    expect(parseCacheEntry(doc, "{}")).toBeUndefined();
    expect(parseCacheEntry(doc, '{"actors":[],"relations":"no","degraded":[]}')).toBeUndefined();
    expect(parseCacheEntry(doc, "null")).toBeUndefined();
  });
});

describe("buildGraph", () => {
  it("gives the same graph from 2 workers, 1 worker and in-process extraction", async () => {
    const input = corpus("same");
    const [two, one, inproc] = [
      await buildGraph({ input, workers: 2, cacheDir: null }),
      await buildGraph({ input, workers: 1, cacheDir: null }),
      await buildGraph({ input, workers: 0, cacheDir: null }),
    ];
    expect(two.summary.workers).toBe(2);
    expect(one.summary.workers).toBe(1);
    expect(two.graph.relations.length).toBeGreaterThan(10);
    expect(stable(two.graph)).toBe(stable(one.graph));
    expect(stable(inproc.graph)).toBe(stable(one.graph));
    expect(two.summary.failed).toEqual([]);
  });

  it("re-extracts only the changed article from the cache, with the same output", async () => {
    const input = corpus("cached");
    const cacheDir = join(dir, "cache");
    // A fixed version, so that edits to src/extract while the test runs do not count.
    const cacheVersion = "test";
    const full = await buildGraph({ input, workers: 0, cacheDir, cacheVersion });
    const n = full.summary.files;
    expect(full.summary.extracted).toBe(n);
    expect(full.summary.cached).toBe(0);

    const again = await buildGraph({ input, workers: 0, cacheDir, cacheVersion });
    expect(again.summary).toMatchObject({ extracted: 0, cached: n });
    expect(stable(again.graph)).toBe(stable(full.graph));

    const first = readdirSync(input)
      .filter((f) => f.endsWith(".txt"))
      .sort()[0];
    writeFileSync(join(input, first), `${readFileSync(join(input, first), "utf8")}\n\nIran and Iraq met in Baghdad on Monday.\n`);
    const rebuilt = await buildGraph({ input, workers: 0, cacheDir, cacheVersion });
    expect(rebuilt.summary).toMatchObject({ extracted: 1, cached: n - 1 });
    const fresh = await buildGraph({ input, workers: 0, cacheDir: null });
    expect(stable(rebuilt.graph)).toBe(stable(fresh.graph));
  });

  it("keys the cache by the extractor's sources and data, not by the corpus", () => {
    const root = join(dir, "version-root");
    for (const [f, t] of [
      ["src/extract/a.ts", "a"],
      ["src/graph/s.ts", "s"],
      ["data/lexicon/x.json", "{}"],
      ["data/articles/y.txt", "y"],
    ] as const) {
      mkdirSync(join(root, f, ".."), { recursive: true });
      writeFileSync(join(root, f), t);
    }
    const v0 = extractorVersion(root);
    writeFileSync(join(root, "data/articles/y.txt"), "changed");
    expect(extractorVersion(root)).toBe(v0);
    writeFileSync(join(root, "data/lexicon/x.json"), '{"a":1}');
    const v1 = extractorVersion(root);
    expect(v1).not.toBe(v0);
    writeFileSync(join(root, "src/extract/a.ts"), "b");
    expect(extractorVersion(root)).not.toBe(v1);
  });

  it("stops articles that run over their time budget and reports each with its reason", async () => {
    const input = join(dir, "budget");
    mkdirSync(input);
    // Two articles, so they go to the pool (one small article is extracted in-process).
    writeFileSync(join(input, "a.txt"), "Iran and Iraq met in Baghdad.");
    writeFileSync(join(input, "b.txt"), "Qatar hosted talks in Doha.");
    const { graph, summary } = await buildGraph({ input, workers: 1, cacheDir: null, docTimeoutMs: 1 });
    expect(summary.failed).toEqual(["a.txt", "b.txt"].map((f) => ({ path: join(input, f), reason: "extraction failed: stopped after the time budget of 0.001 s" })));
    expect(graph.documents).toEqual([]);
  });

  it("reports skipped and degraded files with reasons", async () => {
    const input = join(dir, "mixed");
    mkdirSync(input);
    writeFileSync(join(input, "good.txt"), "Turkey condemned Israel over the strikes.");
    writeFileSync(join(input, "empty.txt"), "");
    writeFileSync(join(input, "notes.odt"), "# notes");
    writeFileSync(join(input, "long.txt"), `Iran ${"and Iraq ".repeat(2000)}met.`);
    const { summary } = await buildGraph({ input, workers: 0, cacheDir: null });
    expect(summary.files).toBe(2);
    expect(summary.skipped.map((s) => [s.path.slice(input.length + 1), s.reason])).toEqual([
      ["empty.txt", "empty file"],
      ["notes.odt", "not a .txt file"],
    ]);
    expect(summary.degraded).toHaveLength(1);
    expect(summary.degraded[0].path).toBe(join(input, "long.txt"));
    expect(summary.degraded[0].reasons[0]).toMatch(/^split 1 overlong sentence/);
  });
});

describe("writeFileAtomic", () => {
  it("removes its temporary file when the final rename fails", async () => {
    const out = join(dir, "atomic", "graph.json");
    const failing = { rename: async () => Promise.reject(new Error("EXDEV: cross-device link not permitted")) };
    await expect(writeFileAtomic(out, "{}", failing)).rejects.toThrow(/EXDEV/);
    expect(readdirSync(join(dir, "atomic"))).toEqual([]);
    await writeFileAtomic(out, "{}");
    expect(readdirSync(join(dir, "atomic"))).toEqual(["graph.json"]);
  });
});

describe("build:graph CLI", () => {
  it("prints the summary as JSON, with workers running TypeScript through tsx", async () => {
    const out = join(dir, "cli", "graph.json");
    const r = await cli(["--input", ARTICLES, "--out", out, "--workers", "2", "--no-cache", "--no-layout", "--json"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ files: 5, skipped: [], degraded: [], failed: [], workers: 2, written: true, error: null });
    expect(s.relations).toBeGreaterThan(10);
    expect(typeof s.seconds).toBe("number");
    expect(JSON.parse(readFileSync(out, "utf8")).relations).toHaveLength(s.relations);
  });

  it("refuses to replace a good graph with an empty one unless --allow-empty", async () => {
    const out = join(dir, "cli", "keep.json");
    expect((await cli(["--input", ARTICLES, "--out", out, "--workers", "0", "--no-cache", "--no-layout", "-q"])).code).toBe(0);
    const before = readFileSync(out, "utf8");
    const empty = join(dir, "empty-input");
    mkdirSync(empty);
    writeFileSync(join(empty, "notes.odt"), "not an article");
    const refused = await cli(["--input", empty, "--out", out, "--workers", "0", "--no-cache"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no article was read .*--allow-empty/);
    expect(refused.stdout).toMatch(/skipped .*notes\.odt: not a \.txt file/);
    expect(readFileSync(out, "utf8")).toBe(before);
    const allowed = await cli(["--input", empty, "--out", out, "--workers", "0", "--no-cache", "--allow-empty"]);
    expect(allowed.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).documents).toEqual([]);
  });

  it("exits 0 with warnings for skipped and degraded files, 1 with --strict; lists them when the write fails", async () => {
    const input = join(dir, "cli-strict");
    mkdirSync(input);
    writeFileSync(join(input, "good.txt"), "Turkey condemned Israel over the strikes.");
    writeFileSync(join(input, "long.txt"), `Iran ${"and Iraq ".repeat(2000)}met.`);
    writeFileSync(join(input, "notes.odt"), "# notes");
    const out = join(dir, "cli", "strict.json");
    const loose = await cli(["--input", input, "--out", out, "--workers", "0", "--no-cache", "--no-layout"]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/degraded .*long\.txt: split 1 overlong sentence/);
    const strict = await cli(["--input", input, "--out", out, "--workers", "0", "--no-cache", "--no-layout", "--strict", "--json"]);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).degraded).toHaveLength(1);

    // The output path is a folder: the rename fails, the problems are still listed, no temp file stays.
    const blocked = join(dir, "cli", "blocked.json");
    mkdirSync(join(blocked, "inside"), { recursive: true });
    const failed = await cli(["--input", input, "--out", blocked, "--workers", "0", "--no-cache", "--no-layout"]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/could not write/);
    expect(failed.stdout).toMatch(/skipped .*notes\.odt/);
    expect(failed.stderr).toMatch(/degraded .*long\.txt/);
    expect(readdirSync(join(dir, "cli")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(join(blocked, "inside"))).toBe(true);
  });
});

describe("writeJsonAtomic", () => {
  it("writes exactly JSON.stringify(value, null, 1) plus a newline, streamed", async () => {
    const values: unknown[] = [
      { a: 1, b: [], c: {}, d: [1, [2, { e: "x\ny" }], null], f: undefined, g: "é\u2028", h: [undefined, () => 1], i: [{ j: [] }] },
      [],
      [{ a: 1 }, [2, 3]],
      "text",
      null,
      {},
      { relations: Array.from({ length: 3000 }, (_, i) => ({ id: `r${i}`, evidence: [{ start: i, sentence: 'S\u00e9 "q"' }] })) },
    ];
    for (const [i, v] of values.entries()) {
      const out = join(dir, "json", `v${i}.json`);
      await writeJsonAtomic(out, v);
      expect(readFileSync(out, "utf8")).toBe(JSON.stringify(v, null, 1) + "\n");
    }
    const failing = { rename: async () => Promise.reject(new Error("EXDEV")) };
    await expect(writeJsonAtomic(join(dir, "json", "x.json"), { a: 1 }, failing)).rejects.toThrow(/EXDEV/);
    expect(readdirSync(join(dir, "json")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

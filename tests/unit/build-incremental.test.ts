// Rebuilds from the build state (src/build/state.ts, src/build/incremental.ts):
// after editing, adding, removing, renaming and touching articles, the graph
// file is byte-identical to a fresh build's; a damaged or stale state falls back
// to a full assembly without an error; a file whose size and time did not change
// is not read again.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build/pipeline";
import { stateFiles } from "../../src/build/state";
import { writeGraphFiles } from "../../src/build/write";
import { generateCorpus } from "../../scripts/generate-corpus";

const AT = "2024-01-01T00:00:00.000Z";
let dir: string;
let base: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "entente-incremental-"));
  base = join(dir, "base");
  generateCorpus({ outDir: base, mb: 0.03, seed: 7, articleBytes: 1500 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A build as the CLI runs it: from the state when it fits, then the state saved. */
async function rebuild(input: string, out: string, cacheDir: string): Promise<{ bytes: string; incremental: boolean }> {
  const r = await buildGraph({ input, workers: 0, cacheDir, cacheVersion: "test", generatedAt: AT, state: { out } });
  let at = -1;
  const onRelationsAt = (n: number) => (at = n);
  if (r.incremental) await writeGraphFiles(out, r.incremental.graph as never, { unchangedTexts: r.incremental.unchangedTexts, onRelationsAt });
  else await writeGraphFiles(out, r.graph, { onRelationsAt });
  if (at >= 0) await r.saveState?.(out, at);
  return { bytes: readFileSync(out, "utf8"), incremental: !!r.incremental };
}

async function fresh(input: string, name: string): Promise<string> {
  const out = join(dir, `fresh-${name}`, "graph.json");
  const r = await buildGraph({ input, workers: 0, cacheDir: null, generatedAt: AT });
  await writeGraphFiles(out, r.graph);
  return readFileSync(out, "utf8");
}

// Sentences for edits: known actors, and people the gazetteer does not list whose names match each other.
const SENTENCES = [
  "Iran and Iraq met in Baghdad on Monday.",
  "Maria Kowalski met officials from Egypt in Cairo.",
  "Maria Kowalska criticized Iraq for the delay.",
  "Kowalski praised Jordan for its role in the ceasefire.",
  "Tomas Brenner hosted a delegation from Kenya for two days of talks.",
  "T. Brenner denied that Kenya had supplied weapons to Somalia.",
  "Egypt denied that it had supplied weapons to Libya.",
  "Egypt supplied weapons to Libya, officials said.",
];

type Op = { kind: "edit" | "remove" | "rename" | "add" | "touch" | "same-size"; at: number; sentence: number };
const op = fc.record({
  kind: fc.constantFrom<Op["kind"]>("edit", "edit", "add", "remove", "rename", "touch", "same-size"),
  at: fc.nat(),
  sentence: fc.nat(SENTENCES.length - 1),
});

/** Files modified an hour ago: old enough for their times to be trusted (see src/io/corpus.ts). */
let clock = Date.now() - 3_600_000;
function age(path: string): void {
  clock += 1000;
  utimesSync(path, new Date(clock), new Date(clock));
}
function ageAll(dir: string): void {
  for (const f of readdirSync(dir)) age(join(dir, f));
}

// Same-length swaps: the text changes, its size does not.
const SWAPS: [RegExp, string][] = [
  [/\bIran\b/, "Iraq"],
  [/\bIraq\b/, "Iran"],
  [/\bEgypt\b/, "Yemen"],
  [/\bKenya\b/, "Sudan"],
  [/[a-z]/, "x"],
];

function apply(input: string, o: Op, n: number): void {
  const files = readdirSync(input).sort();
  const f = files[o.at % files.length];
  const s = SENTENCES[o.sentence];
  const path = join(input, f);
  if (o.kind === "touch") age(path);
  else if (o.kind === "same-size") {
    const text = readFileSync(path, "utf8");
    const [re, to] = SWAPS.find(([re]) => re.test(text))!;
    writeFileSync(path, text.replace(re, to));
    expect(statSync(path).size).toBe(Buffer.byteLength(text));
    age(path);
  } else if (o.kind === "edit") writeFileSync(path, `${readFileSync(path, "utf8")}\n${s}\n`);
  else if (o.kind === "remove" && files.length > 2) rmSync(join(input, f));
  else if (o.kind === "rename") renameSync(join(input, f), join(input, `0${n}-${f}`));
  else writeFileSync(join(input, `0${n}-new.txt`), `A new report\n\n${s} ${SENTENCES[(o.sentence + 3) % SENTENCES.length]}\n`);
}

describe("rebuild from the build state", () => {
  it("gives the graph file of a fresh build after edits, additions, removals, renames, touches and same-size changes", async () => {
    let run = 0;
    let incremental = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 3 }), async (ops) => {
        const r = run++;
        const input = join(dir, `corpus-${r}`);
        cpSync(base, input, { recursive: true });
        ageAll(input);
        const out = join(dir, `out-${r}`, "graph.json");
        const cacheDir = join(dir, "cache"); // shared: entries are keyed by content
        await rebuild(input, out, cacheDir);
        for (const [k, o] of ops.entries()) {
          apply(input, o, k);
          // Half the time the changed files are as old as the rest (trusted), half the time just written (read again).
          if (k % 2 === 0) ageAll(input);
          const got = await rebuild(input, out, cacheDir);
          if (got.incremental) incremental++;
          expect(got.bytes).toBe(await fresh(input, `${r}-${k}`));
        }
      }),
      { numRuns: 24, seed: 11 },
    );
    expect(incremental).toBeGreaterThan(0);
  }, 240_000);

  it("an unchanged corpus rebuilds from the state alone, byte-identical", async () => {
    const input = join(dir, "same");
    cpSync(base, input, { recursive: true });
    const out = join(dir, "same-out", "graph.json");
    const cacheDir = join(dir, "cache-same");
    const first = await rebuild(input, out, cacheDir);
    expect(first.incremental).toBe(false);
    const again = await rebuild(input, out, cacheDir);
    expect(again).toEqual({ bytes: first.bytes, incremental: true });
  });

  it("falls back to a full assembly, without an error, when the state is damaged or stale", async () => {
    const input = join(dir, "damaged");
    cpSync(base, input, { recursive: true });
    const out = join(dir, "damaged-out", "graph.json");
    const cacheDir = join(dir, "cache-damaged");
    await rebuild(input, out, cacheDir);
    const files = stateFiles(cacheDir, out);
    const first = readdirSync(input).sort()[0];
    writeFileSync(join(input, first), `${readFileSync(join(input, first), "utf8")}\n${SENTENCES[1]}\n`);
    const expected = await fresh(input, "damaged");

    // A truncated state file.
    writeFileSync(files.state, readFileSync(files.state).subarray(0, 100));
    let got = await rebuild(input, out, cacheDir);
    expect(got).toEqual({ bytes: expected, incremental: false });

    // The previous graph file changed behind the state's back (same size, other bytes).
    writeFileSync(join(input, first), `${readFileSync(join(input, first), "utf8")}\n${SENTENCES[2]}\n`);
    const expected2 = await fresh(input, "damaged-2");
    const lines = readFileSync(files.lines, "utf8");
    rmSync(files.lines);
    writeFileSync(
      files.lines,
      lines.replace(/"confidence":0\.\d/, (m) => m.slice(0, -1) + (m.endsWith("1") ? "2" : "1")),
    );
    got = await rebuild(input, out, cacheDir);
    expect(got).toEqual({ bytes: expected2, incremental: false });

    // Garbage where the state should be.
    writeFileSync(files.state, "not a state");
    got = await rebuild(input, out, cacheDir);
    expect(got.bytes).toBe(expected2);
  });

  it("does not read a file whose size and time are those of the previous build", async () => {
    const input = join(dir, "unread");
    cpSync(base, input, { recursive: true });
    ageAll(input);
    const out = join(dir, "unread-out", "graph.json");
    const cacheDir = join(dir, "cache-unread");
    const first = await rebuild(input, out, cacheDir);
    const docs = readdirSync(join(dir, "unread-out", "graph.docs")).map((f) => readFileSync(join(dir, "unread-out", "graph.docs", f), "utf8"));
    // Other bytes, same size and time: a rebuild that read the file would see them.
    const [f] = readdirSync(input).sort();
    const path = join(input, f);
    const { size, atime, mtime } = statSync(path);
    writeFileSync(path, "x".repeat(size));
    utimesSync(path, atime, mtime);
    const again = await rebuild(input, out, cacheDir);
    expect(again).toEqual({ bytes: first.bytes, incremental: true });
    expect(readdirSync(join(dir, "unread-out", "graph.docs")).map((f) => readFileSync(join(dir, "unread-out", "graph.docs", f), "utf8"))).toEqual(docs);
    // Its time changed: read, and the graph is that of the new bytes.
    age(path);
    const changed = await rebuild(input, out, cacheDir);
    expect(changed.bytes).toBe(await fresh(input, "unread"));
  });

  it("reads a reused article again when its per-document file is missing", async () => {
    const input = join(dir, "missing-doc");
    cpSync(base, input, { recursive: true });
    ageAll(input);
    const out = join(dir, "missing-doc-out", "graph.json");
    const cacheDir = join(dir, "cache-missing-doc");
    await rebuild(input, out, cacheDir);
    const docsDir = join(dir, "missing-doc-out", "graph.docs");
    const names = readdirSync(docsDir).sort();
    const before = readFileSync(join(docsDir, names[0]), "utf8");
    rmSync(join(docsDir, names[0]));
    const first = readdirSync(input).sort()[1];
    writeFileSync(join(input, first), `${readFileSync(join(input, first), "utf8")}\n${SENTENCES[0]}\n`);
    const got = await rebuild(input, out, cacheDir);
    expect(got).toEqual({ bytes: await fresh(input, "missing-doc"), incremental: true });
    expect(readFileSync(join(docsDir, names[0]), "utf8")).toBe(before);
  });

  it("falls back to a full assembly, keeping what it extracted, when the previous graph file does not add up", async () => {
    const input = join(dir, "garbled");
    cpSync(base, input, { recursive: true });
    ageAll(input);
    const out = join(dir, "garbled-out", "graph.json");
    const cacheDir = join(dir, "cache-garbled");
    await rebuild(input, out, cacheDir);
    // The state's copy of the graph file garbled, with its size and time kept: only assembling tells.
    const files = stateFiles(cacheDir, out);
    const { size, atime, mtime } = statSync(files.lines);
    rmSync(files.lines);
    writeFileSync(files.lines, "\n".repeat(size));
    utimesSync(files.lines, atime, mtime);
    const first = readdirSync(input).sort()[0];
    writeFileSync(join(input, first), `${readFileSync(join(input, first), "utf8")}\n${SENTENCES[6]}\n`);
    const r = await buildGraph({ input, workers: 0, cacheDir, cacheVersion: "test", generatedAt: AT, state: { out } });
    expect(r.incremental).toBeUndefined();
    expect(r.summary.extracted).toBe(1);
    await writeGraphFiles(out, r.graph);
    expect(readFileSync(out, "utf8")).toBe(await fresh(input, "garbled"));
  });
});

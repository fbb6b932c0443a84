// Holds the quality line on the hand-made gold answers for the five starting
// articles: the extractor's graph is scored by the project's shared scorer.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { Graph } from "../../src/graph/schema";
import { assembleGraph, createExtractor } from "../../src/extract/extract";
import { defaultGazetteer } from "../../src/extract/gazetteer-data";
import { readCorpus } from "../../src/io/corpus";

const GOLD = resolve(import.meta.dirname, "../../../shared/gold");

interface Level {
  precision: number;
  recall: number;
  f1: number;
}

describe.skipIf(!existsSync(join(GOLD, "score.mjs")))("gold answers for the starting articles", () => {
  it("reaches pair F1 ≥ 80%, typed F1 ≥ 70%, full F1 ≥ 55%", async () => {
    const corpus = await readCorpus(join(GOLD, "texts"));
    expect(corpus.documents).toHaveLength(5);
    const extractor = createExtractor(defaultGazetteer());
    const graph = assembleGraph(corpus.documents.map((d) => extractor.extractDocument(d)), extractor.lexicon, "2026-01-01T00:00:00.000Z");
    expect(Graph.safeParse(graph).success).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), "entente-gold-")), "graph.json");
    writeFileSync(file, JSON.stringify(graph));
    const out = execFileSync(process.execPath, [join(GOLD, "score.mjs"), "--gold", GOLD, "--graph", file, "--json"], { encoding: "utf8" });
    const score = JSON.parse(out) as Record<"pair" | "typed" | "full", Level>;
    expect(score.pair.f1).toBeGreaterThanOrEqual(0.8);
    expect(score.typed.f1).toBeGreaterThanOrEqual(0.7);
    expect(score.full.f1).toBeGreaterThanOrEqual(0.55);
  });
});

// Property tests on the extractor (fast-check): for arbitrary text, and for
// text made of actor names, verbs and hostile punctuation, extraction never
// throws, evidence offsets cut the sentence, trigger and mentions back out of
// the document, every relation's endpoints are actors of the graph, and the
// same input gives the same output. Few runs each, so the suite stays quick.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/extract/document";
import { assembleGraph, createExtractor } from "../../src/extract/extract";
import { defaultGazetteer } from "../../src/extract/gazetteer-data";
import { Graph } from "../../src/graph/schema";

const extractor = createExtractor(defaultGazetteer());
const RUNS = 50;

const WORDS = [
  "Iran",
  "Israel",
  "Hamas",
  "Qatar",
  "Egypt",
  "Turkey",
  "the United States",
  "Russia",
  "the Taliban",
  "Hezbollah",
  "Tehran",
  "Moscow",
  "Iranian",
  "met",
  "condemned",
  "hosted",
  "talks",
  "between",
  "and",
  "with",
  "not",
  "did",
  "said",
  "sanctioned",
  "mediated",
  "supported",
  "denied",
  "the",
  "of",
  "in",
  "Doha",
  "leader",
  "President",
  "John Smith",
  ".",
  ",",
  ";",
  "?",
  "!",
  "…",
  "....",
  "'s",
  "“",
  "”",
  "(",
  ")",
  "-",
  "—",
  "\n",
  "\n\n",
  "   ",
  "\t",
  "<script>",
  "&amp;",
];
const words = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...WORDS), weight: 6 }, { arbitrary: fc.string({ unit: "binary", maxLength: 8 }), weight: 1 }), {
    minLength: 3,
    maxLength: 80,
    size: "max",
  })
  .map((ws) => ws.join(" "));
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 400 }), fc.string({ unit: "grapheme", maxLength: 200 }), words);

function graphOf(raw: string) {
  const { document } = parseArticle("p", "p.txt", raw);
  const x = extractor.extractDocument(document);
  return { document, x, graph: assembleGraph([x], extractor.lexicon, "2026-01-01T00:00:00.000Z") };
}

describe("extractor properties", () => {
  it("never throws and gives a graph that matches the schema", () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const { graph } = graphOf(raw);
        expect(Graph.safeParse(graph).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("evidence offsets slice back to the sentence, the trigger and the mentions", () => {
    fc.assert(
      fc.property(words, (raw) => {
        const { document, graph } = graphOf(raw);
        const text = document.text;
        for (const r of graph.relations)
          for (const e of r.evidence) {
            expect(text.slice(e.start, e.end)).toBe(e.sentence);
            expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
            expect(e.trigger.start).toBeGreaterThanOrEqual(e.start);
            expect(e.trigger.end).toBeLessThanOrEqual(e.end);
            for (const m of [e.sourceMention, e.targetMention]) {
              if (!m) continue;
              expect(m.start).toBeGreaterThanOrEqual(e.start);
              expect(m.end).toBeLessThanOrEqual(e.end);
              expect(m.end).toBeGreaterThan(m.start);
            }
          }
      }),
      { numRuns: RUNS },
    );
  });

  it("every relation's endpoints are actors of the graph", () => {
    let withRelations = 0;
    fc.assert(
      fc.property(words, (raw) => {
        const { graph } = graphOf(raw);
        if (graph.relations.length) withRelations++;
        const ids = new Set(graph.actors.map((a) => a.id));
        for (const r of graph.relations) {
          expect(ids.has(r.source)).toBe(true);
          expect(ids.has(r.target)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // The generated texts do state relations, so the properties are not vacuous.
    expect(withRelations).toBeGreaterThan(RUNS / 10);
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(words, (raw) => {
        expect(JSON.stringify(graphOf(raw).graph)).toBe(JSON.stringify(graphOf(raw).graph));
      }),
      { numRuns: RUNS },
    );
  });
});

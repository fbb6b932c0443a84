// The WordNet reader of scripts/propose-lexicon.ts on lines in the format of
// wndb(5), and the recorded review: every accepted proposal is a trigger.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDataLine, parseIndex, type ProposalFile } from "../../../scripts/propose-lexicon";
import relations from "../../../data/lexicon/relations.json";

describe("WordNet database lines", () => {
  it("reads a synset: words, pointers with word numbers, gloss", () => {
    const s = parseDataLine(
      "00763001 32 v 03 intercede 0 mediate 0 liaise 0 003 @ 00763758 v 0000 + 07165352 n 0201 + 09647729 n 0201 02 + 02 00 + 22 00 | act between parties with a view to reconciling differences  ",
    );
    expect(s).toEqual({
      offset: 763001,
      pos: "v",
      words: ["intercede", "mediate", "liaise"],
      pointers: [
        { symbol: "@", offset: 763758, pos: "v", source: 0, target: 0 },
        { symbol: "+", offset: 7165352, pos: "n", source: 2, target: 1 },
        { symbol: "+", offset: 9647729, pos: "n", source: 2, target: 1 },
      ],
      gloss: "act between parties with a view to reconciling differences",
    });
  });

  it("reads an index: lemma to synset offsets in sense order, skipping the licence header", () => {
    const index = parseIndex(
      "  1 This software and database is being provided to you\npull_out v 3 2 @ ~ 3 1 01996735 02015598 00423702  \nmediate v 2 2 @ + 2 1 00763001 02697732  \n",
    );
    expect(index.get("pull_out")).toEqual([1996735, 2015598, 423702]);
    expect(index.get("mediate")).toEqual([763001, 2697732]);
    expect(index.size).toBe(2);
  });
});

describe("the recorded review", () => {
  const dir = resolve(import.meta.dirname, "../../../data/lexicon/proposals");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as ProposalFile);

  it("has one file per relation type, every proposal decided", () => {
    expect(files.map((f) => f.type).sort()).toEqual(
      relations.triggers
        .map((g) => g.type)
        .filter((t, i, a) => a.indexOf(t) === i)
        .sort(),
    );
    for (const f of files) for (const p of f.proposals) expect(p.decision, `${f.type}: ${p.pos} "${p.word}"`).toMatch(/^(accepted|rejected)$/);
  });

  it("lists every accepted word as a trigger of its type and part of speech", () => {
    for (const f of files) {
      const groups = relations.triggers.filter((g) => g.type === f.type) as { verbs?: string[]; nouns?: string[]; phrases?: string[] }[];
      for (const p of f.proposals.filter((x) => x.decision === "accepted")) {
        const listed = groups.some((g) => (p.pos === "verb" ? (g.verbs ?? []) : [...(g.nouns ?? []), ...(g.phrases ?? [])]).includes(p.word));
        expect(listed, `${f.type}: ${p.pos} "${p.word}"`).toBe(true);
      }
    }
  });
});

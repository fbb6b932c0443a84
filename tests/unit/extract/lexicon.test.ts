// The lexicon files are validated when the lexicon is built: a bad entry names
// its file and its path. The word classes of syntax.json and names.json come
// out as typed sets.
import { describe, expect, it } from "vitest";
import { buildLexicon, LEXICON_FILES } from "../../../src/extract/lexicon";
import { validateLexiconFiles, type LexiconFiles } from "../../../src/extract/lexicon-schema";

/** The bundled files with one of them changed by `edit` (on a deep copy). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test breaks the JSON on purpose, in any shape
function withEdit(file: keyof LexiconFiles, edit: (data: any) => void): LexiconFiles {
  const copy = JSON.parse(JSON.stringify(LEXICON_FILES[file]));
  edit(copy);
  return { ...LEXICON_FILES, [file]: copy };
}

describe("lexicon validation", () => {
  it("accepts the bundled files", () => {
    const data = validateLexiconFiles(LEXICON_FILES);
    expect(data.relations.triggers.length).toBeGreaterThan(0);
  });

  it("names the file and the path of a broken trigger in buildLexicon", () => {
    const files = withEdit("relations.json", (d) => {
      d.triggers[3].verbs[2] = "Supply ";
    });
    expect(() => buildLexicon([], files)).toThrow('data/lexicon/relations.json: triggers[3] (aid).verbs[2]: must not have leading, trailing or double spaces (got "Supply ")');
  });

  it("rejects an unknown relation type with its path", () => {
    const files = withEdit("relations.json", (d) => {
      d.triggers[1].type = "meetings";
    });
    expect(() => buildLexicon([], files)).toThrow(/^data\/lexicon\/relations\.json: triggers\[1\] \(meetings\)\.type: /);
  });

  it("rejects a lemma listed under two types", () => {
    const files = withEdit("relations.json", (d) => {
      d.triggers[0].verbs.push("attack");
    });
    expect(() => validateLexiconFiles(files)).toThrow('data/lexicon/relations.json: triggers[7] (conflict).verbs[0]: "attack" is already a verb trigger of type diplomacy');
  });

  it("rejects a misspelt or missing list name in syntax.json", () => {
    const misspelt = withEdit("syntax.json", (d) => {
      d.lists.preposition = d.lists.prepositions;
      delete d.lists.prepositions;
    });
    expect(() => validateLexiconFiles(misspelt)).toThrow(/^data\/lexicon\/syntax\.json: lists/);
  });

  it("rejects a word that is not one token in names.json", () => {
    const files = withEdit("names.json", (d) => {
      d.lists.nameParticles.words.push("bin al");
    });
    expect(() => validateLexiconFiles(files)).toThrow(/^data\/lexicon\/names\.json: lists\.nameParticles\.words\[\d+\]: must be a single token/);
  });

  it("rejects a compound participle of no known type", () => {
    const files = withEdit("syntax.json", (d) => {
      d.compoundParticiples.participles.backed = "backing";
    });
    expect(() => validateLexiconFiles(files)).toThrow(/^data\/lexicon\/syntax\.json: compoundParticiples\.participles\.backed: /);
  });

  it("rejects a place-object trigger that is no trigger lemma", () => {
    const files = withEdit("syntax.json", (d) => {
      d.lists.placeObjectTriggers.words.push("open a consulate");
    });
    expect(() => validateLexiconFiles(files)).toThrow(/syntax\.json: lists\.placeObjectTriggers\.words\[\d+\]: "open a consulate" is not a trigger/);
  });

  it("rejects relation types with one missing, and a cue window that is not a count", () => {
    const types = withEdit("relation-types.json", (d) => {
      d.types = d.types.filter((t: { type: string }) => t.type !== "mediation");
    });
    expect(() => validateLexiconFiles(types)).toThrow('data/lexicon/relation-types.json: types: has no entry for type "mediation"');
    const cues = withEdit("cues.json", (d) => {
      d.negation.window = 2.5;
    });
    expect(() => validateLexiconFiles(cues)).toThrow(/^data\/lexicon\/cues\.json: negation\.window: /);
  });
});

describe("word classes on the lexicon", () => {
  const lexicon = buildLexicon([]);

  it("exposes every list as a set by name", () => {
    expect(lexicon.words.prepositions.has("against")).toBe(true);
    expect(lexicon.words.passiveAuxiliaries.has("were")).toBe(true);
    expect(lexicon.words.copulas.has("remained")).toBe(true);
    expect(lexicon.words.notName.has("according")).toBe(true);
    expect(lexicon.words.speechVerbs.has("insisted")).toBe(true);
    expect(lexicon.words.placeObjectTriggers.has("open an embassy")).toBe(true);
  });

  it("maps compound participles to a type or 'represents'", () => {
    expect(lexicon.compoundParticiples.get("backed")).toBe("support");
    expect(lexicon.compoundParticiples.get("brokered")).toBe("mediation");
    expect(lexicon.compoundParticiples.get("led")).toBe("represents");
    expect(lexicon.compoundParticiples.get("condemned")).toBeUndefined();
  });
});

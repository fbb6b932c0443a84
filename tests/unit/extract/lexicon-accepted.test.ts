// The trigger words accepted from the WordNet proposals (data/lexicon/proposals/):
// each, in an inflected form in a sentence of our own, is matched as a trigger
// of its type. Checked at the lexicon level, so the test holds whatever the
// relation rules make of the sentence.
import { describe, expect, it } from "vitest";
import { buildLexicon, matchAt } from "../../../src/extract/lexicon";
import { tokenize } from "../../../src/extract/text";
import type { RelationType } from "../../../src/graph/schema";

const lexicon = buildLexicon([]);

/** [sentence, the trigger as it stands in it, its type, its part of speech]. */
const CASES: [string, string, RelationType, "verb" | "noun"][] = [
  ["Both governments agreed to cooperate on border security.", "cooperate", "diplomacy", "verb"],
  ["The president telephoned his counterpart on Monday.", "telephoned", "meeting", "verb"],
  ["The two ministries held a consultation on trade.", "consultation", "meeting", "noun"],
  ["The minister extolled the neighbouring government for its restraint.", "extolled", "support", "verb"],
  ["The state has long sponsored the militia.", "sponsored", "support", "verb"],
  ["The emirate partnered with the kingdom on a port project.", "partnered", "support", "verb"],
  ["The government aided the rebels with drones.", "aided", "aid", "verb"],
  ["Tehran has been rearming the group since the war.", "rearming", "aid", "verb"],
  ["The country is the main supplier of drones to the army.", "supplier", "aid", "noun"],
  ["The last fighters surrendered to the government.", "surrendered", "concession", "verb"],
  ["The army pulled back its troops from the border.", "pulled back", "concession", "verb"],
  ["Ankara requested the extradition of the suspects.", "extradition", "concession", "noun"],
  ["The ministry began the repatriation of citizens held abroad.", "repatriation", "concession", "noun"],
  ["Negotiators discussed the handover of the hostages.", "handover", "concession", "noun"],
  ["The president granted a pardon to the opposition leader.", "pardon", "concession", "noun"],
  ["The pullback of forces from the city began on Sunday.", "pullback", "concession", "noun"],
  ["The kingdom rejoined the organization last year.", "rejoined", "affiliation", "verb"],
  ["The foreign ministry castigated the embassy over the arrests.", "castigated", "criticism", "verb"],
  ["The chancellor excoriated the government for the attack.", "excoriated", "criticism", "verb"],
  ["The council reprimanded the member state.", "reprimanded", "criticism", "verb"],
  ["The spokesman berated the neighbouring government.", "berated", "criticism", "verb"],
  ["The bloc admonished its member over the vote.", "admonished", "criticism", "verb"],
  ["The opposition lambasted the government.", "lambasted", "criticism", "verb"],
  ["The statement was a sharp rebuke to the government.", "rebuke", "criticism", "noun"],
  ["The vote was a censure of the ministry.", "censure", "criticism", "noun"],
  ["The envoy received a formal reprimand from the host country.", "reprimand", "criticism", "noun"],
  ["Artillery bombarded the city overnight.", "bombarded", "conflict", "verb"],
  ["The militants overran the border posts.", "overran", "conflict", "verb"],
  ["The state annexed the peninsula.", "annexed", "conflict", "verb"],
  ["The army deposed the president.", "deposed", "conflict", "verb"],
  ["The authorities imprisoned a foreign national.", "imprisoned", "conflict", "verb"],
  ["The regime jailed the journalist.", "jailed", "conflict", "verb"],
  ["The rebels hijacked a cargo ship.", "hijacked", "conflict", "verb"],
  ["Soldiers assaulted the compound at dawn.", "assaulted", "conflict", "verb"],
  ["The group's takeover of the capital was swift.", "takeover", "conflict", "noun"],
  ["Militants staged an ambush on the convoy.", "ambush", "conflict", "noun"],
  ["The battle between the two armies went on.", "battle", "conflict", "noun"],
  ["The government's fight against the insurgents continues.", "fight", "conflict", "noun"],
  ["The kidnapping of the workers shocked the country.", "kidnapping", "conflict", "noun"],
  ["The abduction of two engineers was condemned.", "abduction", "conflict", "noun"],
  ["The bombardment of the port lasted for hours.", "bombardment", "conflict", "noun"],
];

describe("triggers accepted from the WordNet proposals", () => {
  for (const [sentence, trigger, type, pos] of CASES) {
    it(`"${trigger}" is a ${pos} trigger of ${type}`, () => {
      const norms = tokenize(sentence).map((t) => t.norm);
      const words = tokenize(trigger).map((t) => t.norm);
      const at = norms.findIndex((_, i) => words.every((w, k) => norms[i + k] === w));
      expect(at).toBeGreaterThanOrEqual(0);
      const hit = matchAt(lexicon.triggers, norms, at);
      expect(hit?.words).toEqual(words);
      // The first pattern of that form; a verb form may also be listed as a noun (or the reverse): look for ours.
      const patterns = (lexicon.triggers.get(words[0]) ?? []).filter((p) => p.words.join(" ") === words.join(" "));
      expect(patterns.some((p) => p.type === type && p.pos === pos)).toBe(true);
    });
  }
});

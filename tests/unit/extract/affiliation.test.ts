// Affiliations from titles ("Hezbollah leader X", "Russian President X") and
// appositions ("X, the spokesman of Y").
import { describe, expect, it } from "vitest";
import { extract, relations } from "./helpers";

describe("affiliation", () => {
  it("'Hezbollah leader Hassan Nasrallah': the person leads the group and is the subject", () => {
    expect(relations("Hezbollah leader Hassan Nasrallah criticized Israel.")).toEqual([
      "person:Hassan Nasrallah>affiliation.asserted>hezbollah",
      "person:Hassan Nasrallah>criticism.asserted>israel",
    ]);
  });

  it("'X, the spokesman of the Kremlin' ties X to Russia", () => {
    expect(relations("Dmitry Peskov, the spokesman of the Kremlin, said talks stalled.")).toEqual(["person:Dmitry Peskov>affiliation.asserted>russia"]);
  });

  it("demonym titles: 'Turkish President X'", () => {
    const x = extract("Turkish President Recep Tayyip Erdogan spoke on Friday.");
    expect(x.relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target}`)).toEqual(["person:Recep Tayyip Erdogan>affiliation.asserted>turkey"]);
    expect(x.actors.get("person:Recep Tayyip Erdogan")?.kind).toBe("person");
  });

  it("possessive titles: \"Iran's supreme leader X\"", () => {
    expect(relations("Iran's supreme leader Ali Khamenei praised Hezbollah.")).toEqual([
      "person:Ali Khamenei>affiliation.asserted>iran",
      "person:Ali Khamenei>support.asserted>hezbollah",
    ]);
  });

  it("a titled person as object: the host meets the group, the person belongs to it", () => {
    expect(relations("Iran hosted Hamas leader Ismail Haniyeh.")).toEqual(["iran>meeting.asserted>hamas", "person:Ismail Haniyeh>affiliation.asserted>hamas"]);
  });

  it("two people named in full meet each other", () => {
    expect(relations("Vladimir Putin met Recep Tayyip Erdogan in Sochi.")).toEqual(["person:Vladimir Putin>meeting.asserted>person:Recep Tayyip Erdogan"]);
  });
});

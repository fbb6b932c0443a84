// Affiliations from titles ("Hezbollah leader X", "Russian President X") and
// appositions ("X, the spokesman of Y").
import { describe, expect, it } from "vitest";
import { extract, relations } from "./helpers";

describe("affiliation", () => {
  it("'Hezbollah leader Karim Haddad': the person leads the group and is the subject", () => {
    expect(relations("Hezbollah leader Karim Haddad criticized Israel.")).toEqual([
      "person:Karim Haddad>affiliation.asserted>hezbollah",
      "person:Karim Haddad>criticism.asserted>israel",
    ]);
  });

  it("'X, the spokesman of the Kremlin' ties X to Russia", () => {
    expect(relations("Pavel Sorokin, the spokesman of the Kremlin, said talks stalled.")).toEqual(["person:Pavel Sorokin>affiliation.asserted>russia"]);
  });

  it("demonym titles: 'Turkish President X'", () => {
    const x = extract("Turkish President Kemal Aydinoglu spoke on Friday.");
    expect(x.relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target}`)).toEqual(["person:Kemal Aydinoglu>affiliation.asserted>turkey"]);
    expect(x.actors.get("person:Kemal Aydinoglu")?.kind).toBe("person");
  });

  it('possessive titles: "Iran\'s supreme leader X"', () => {
    expect(relations("Iran's supreme leader Reza Farahani praised Hezbollah.")).toEqual([
      "person:Reza Farahani>affiliation.asserted>iran",
      "person:Reza Farahani>support.asserted>hezbollah",
    ]);
  });

  it("a titled person as object: the host meets the group, the person belongs to it", () => {
    expect(relations("Iran hosted Hamas leader Yusuf Barakat.")).toEqual(["iran>meeting.asserted>hamas", "person:Yusuf Barakat>affiliation.asserted>hamas"]);
  });

  it("two people named in full meet each other", () => {
    expect(relations("Daniel Okafor met Michael Brandt in Sochi.")).toEqual(["person:Daniel Okafor>meeting.asserted>person:Michael Brandt"]);
  });
});

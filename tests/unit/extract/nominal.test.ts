// Relations named by nouns: "ties between A and B", hyphenated demonym pairs,
// appositive roles, and "-backed"/"-led" compounds.
import { describe, expect, it } from "vitest";
import { extract, relations } from "./helpers";

describe("nominal forms", () => {
  it("'ties between A and B' is one undirected relation", () => {
    const x = extract("Ties between Turkey and Egypt improved.");
    expect(x.relations.map((r) => [r.source, r.target, r.type, r.status, r.directed])).toEqual([["turkey", "egypt", "diplomacy", "asserted", false]]);
  });

  it("'talks between A and B' is a meeting", () => {
    expect(relations("Talks between Hamas and Israel resumed in Doha.")).toEqual(["hamas>meeting.asserted>israel"]);
  });

  it("a hyphenated demonym pair names both sides of a war", () => {
    const x = extract("The Russian-Ukrainian war entered its third year.");
    expect(x.relations.map((r) => [r.source, r.target, r.type, r.status, r.directed])).toEqual([["russia", "ukraine", "conflict", "asserted", false]]);
  });

  it("'A, B's regional rival' is criticism from the appositive head", () => {
    expect(relations("Saudi Arabia, Iran's regional rival, criticized the deal.")).toEqual(["saudi-arabia>criticism.asserted>iran"]);
  });

  it("'Hezbollah, an Iranian ally' links the head to the demonym's state", () => {
    expect(relations("Hezbollah, an Iranian ally, fired rockets.")).toEqual(["hezbollah>support.asserted>iran"]);
  });

  it("'the Saudi-backed Yemeni government' is support from Saudi Arabia", () => {
    const x = extract("The Saudi-backed Yemeni government appealed for help.");
    expect(x.relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target}`)).toEqual(["saudi-arabia>support.asserted>yemen"]);
    expect(x.relations[0].evidence.trigger.text).toBe("-backed");
  });

  it("'the Iranian-backed Houthis' adds support next to the clause's own relation", () => {
    expect(relations("The Iranian-backed Houthis attacked Saudi Arabia.")).toEqual(["houthis>conflict.asserted>saudi-arabia", "iran>support.asserted>houthis"]);
  });

  it("'a Saudi-led coalition' acts for Saudi Arabia", () => {
    expect(relations("A Saudi-led coalition struck Yemen.")).toEqual(["saudi-arabia>conflict.asserted>yemen"]);
  });

  it("'the withdrawal of X troops from Y'", () => {
    expect(relations("The withdrawal of Russian troops from Syria began.")).toEqual(["russia>concession.asserted>syria"]);
  });
});

// Capitals stand for their governments when they act, but are places after
// "in" or "at".
import { describe, expect, it } from "vitest";
import { extract, relations } from "./helpers";

describe("capitals", () => {
  it.each([
    ["Moscow condemned Kyiv.", ["russia>criticism.asserted>ukraine"]],
    ["Tehran criticized Washington.", ["iran>criticism.asserted>united-states"]],
    ["Ankara condemned the PKK.", ["turkey>criticism.asserted>pkk"]],
    ["Riyadh welcomed Tehran's decision.", ["saudi-arabia>support.asserted>iran"]],
  ])("as metonyms: %s", (text, expected) => {
    expect(relations(text)).toEqual(expected);
  });

  it("'talks in Doha' do not involve Qatar", () => {
    expect(relations("Talks between Hamas and Israel resumed in Doha.")).toEqual(["hamas>meeting.asserted>israel"]);
    expect(relations("Diplomats gathered in Doha to discuss Ukraine.")).toEqual([]);
  });

  it("'arrived in Cairo for talks with Egypt': the meeting is with Egypt, the capital is a place", () => {
    const x = extract("Hamas leaders arrived in Cairo for talks with Egypt.");
    expect(x.relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target}`)).toEqual(["hamas>meeting.asserted>egypt"]);
    const cairo = x.doc.text.indexOf("Cairo");
    for (const r of x.relations) expect([r.evidence.sourceMention?.start, r.evidence.targetMention?.start]).not.toContain(cairo);
  });

  it("an embassy 'in Riyadh' is an embassy in Saudi Arabia", () => {
    expect(relations("Iran opened an embassy in Riyadh.")).toEqual(["iran>diplomacy.asserted>saudi-arabia"]);
  });
});

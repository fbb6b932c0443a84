// Subject–verb–object: one sentence per relation type, actor before the verb
// is the source, actor after it the target.
import { describe, expect, it } from "vitest";
import { extract, relations } from "./helpers";

describe("subject–verb–object", () => {
  it.each([
    ["Egypt restored relations with Turkey.", ["egypt>diplomacy.asserted>turkey"]],
    ["Lebanon normalized ties with Syria.", ["lebanon>diplomacy.asserted>syria"]],
    ["Turkey met Russia in Ankara.", ["turkey>meeting.asserted>russia"]],
    ["Saudi Arabia hosted Ukraine last week.", ["saudi-arabia>meeting.asserted>ukraine"]],
    ["Egypt praised Qatar for its efforts.", ["egypt>support.asserted>qatar"]],
    ["Qatar expressed solidarity with Lebanon.", ["qatar>support.asserted>lebanon"]],
    ["The United States armed Ukraine.", ["united-states>aid.asserted>ukraine"]],
    ["Iran funds Hezbollah.", ["iran>aid.asserted>hezbollah"]],
    ["Egypt delivered aid to Lebanon.", ["egypt>aid.asserted>lebanon"]],
    ["Pakistan released prisoners to the TTP.", ["pakistan>concession.asserted>ttp"]],
    ["Israel lifted sanctions on Lebanon.", ["israel>concession.asserted>lebanon"]],
    ["Turkey withdrew troops from Syria.", ["turkey>concession.asserted>syria"]],
    ["Saudi Arabia condemned the Houthis.", ["saudi-arabia>criticism.asserted>houthis"]],
    ["Pakistan accused Afghanistan of sheltering militants.", ["pakistan>criticism.asserted>afghanistan"]],
    ["Russia attacked Ukraine on Tuesday.", ["russia>conflict.asserted>ukraine"]],
    ["Turkey struck the PKK in northern Iraq.", ["turkey>conflict.asserted>pkk"]],
    ["The European Union sanctioned Iran.", ["eu>conflict.asserted>iran"]],
    ["The EU imposed sanctions on Iran.", ["eu>conflict.asserted>iran"]],
    ["The PKK killed Turkish soldiers.", ["pkk>conflict.asserted>turkey"]],
  ])("%s", (text, expected) => {
    expect(relations(text)).toEqual(expected);
  });

  it("marks meetings as undirected and one-sided acts as directed", () => {
    expect(extract("Turkey met Russia in Ankara.").relations.map((r) => r.directed)).toEqual([false]);
    expect(extract("Russia attacked Ukraine on Tuesday.").relations.map((r) => r.directed)).toEqual([true]);
  });
});

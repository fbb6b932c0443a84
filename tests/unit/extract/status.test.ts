// Status: a negation or denial makes a relation denied; a wish, plan,
// request or possibility makes it intended.
import { describe, expect, it } from "vitest";
import { relations } from "./helpers";

describe("status: denied", () => {
  it.each([
    ["Russia ruled out talks with Ukraine.", ["russia>meeting.denied>ukraine"]],
    ["Iran denied reports that it armed the Houthis.", ["iran>aid.denied>houthis"]],
    ["Turkey did not attack the PKK.", ["turkey>conflict.denied>pkk"]],
    ["Pakistan never funded the TTP.", ["pakistan>aid.denied>ttp"]],
    ["Egypt will not support the Houthis.", ["egypt>support.denied>houthis"]],
  ])("%s", (text, expected) => {
    expect(relations(text)).toEqual(expected);
  });
});

describe("status: intended", () => {
  it.each([
    ["Pakistan seeks talks with the TTP.", ["pakistan>meeting.intended>ttp"]],
    ["Ukraine wants closer ties with the European Union.", ["ukraine>diplomacy.intended>eu"]],
    ["Saudi Arabia is interested in normalizing relations with Iran.", ["saudi-arabia>diplomacy.intended>iran"]],
    ["Egypt may be considering recognizing Somaliland.", ["egypt>diplomacy.intended>somaliland"]],
    ["Iran is considering talks with the European Union.", ["iran>meeting.intended>eu"]],
    ["Pakistan plans to attack the TTP.", ["pakistan>conflict.intended>ttp"]],
    ["Russia could invade Ukraine.", ["russia>conflict.intended>ukraine"]],
    ["Ukraine hopes to join NATO.", ["ukraine>affiliation.intended>nato"]],
    ["Hamas asked Egypt to host talks with Israel.", ["egypt>mediation.intended>israel"]],
    ["Ukraine asked Turkey to mediate with Russia.", ["turkey>mediation.intended>russia"]],
  ])("%s", (text, expected) => {
    expect(relations(text)).toEqual(expected);
  });
});

describe("status: a cue governs only its own clause", () => {
  it("a denial before 'but' leaves the later relation asserted", () => {
    expect(relations("Turkey denied the claim, but Ankara later attacked the PKK.")).toEqual(["turkey>conflict.asserted>pkk"]);
  });
});

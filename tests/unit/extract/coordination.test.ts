// Coordinated actors: each member of a list takes part in the relation.
import { describe, expect, it } from "vitest";
import { relations } from "./helpers";

describe("coordination", () => {
  it("a coordinated object gives one relation per member", () => {
    expect(relations("Saudi Arabia condemned Iran, Syria and Hezbollah.")).toEqual([
      "saudi-arabia>criticism.asserted>hezbollah",
      "saudi-arabia>criticism.asserted>iran",
      "saudi-arabia>criticism.asserted>syria",
    ]);
  });

  it("a coordinated by-agent gives one relation per agent", () => {
    expect(relations("Talks between Turkey and the PKK were mediated by Iraq and Iran.")).toEqual([
      "iran>mediation.asserted>pkk",
      "iran>mediation.asserted>turkey",
      "iraq>mediation.asserted>pkk",
      "iraq>mediation.asserted>turkey",
      "turkey>meeting.asserted>pkk",
    ]);
  });

  it("a host meets each coordinated guest", () => {
    expect(relations("Beijing hosted Tehran and Riyadh.")).toEqual(["china>meeting.asserted>iran", "china>meeting.asserted>saudi-arabia"]);
  });
});

// Passives: the "by" phrase names the doer, the subject the one it is done to.
import { describe, expect, it } from "vitest";
import { relations } from "./helpers";

describe("passive voice", () => {
  it("reads the by-agent as source", () => {
    expect(relations("Ukraine was attacked by Russia overnight.")).toEqual(["russia>conflict.asserted>ukraine"]);
  });

  it("'was mediated by Egypt': the mediator mediates for each party of the talks", () => {
    expect(relations("Talks between Hamas and Israel were mediated by Egypt.")).toEqual([
      "egypt>mediation.asserted>hamas",
      "egypt>mediation.asserted>israel",
      "hamas>meeting.asserted>israel",
    ]);
  });

  it("a passive with no agent names no doer, so no relation", () => {
    expect(relations("The ceasefire was mediated last year.")).toEqual([]);
  });
});

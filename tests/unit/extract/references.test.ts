// References back: "the group", "the country", a surname after the full name,
// and a surname spelled differently later in the same article.
import { describe, expect, it } from "vitest";
import { extract, relations } from "./helpers";

describe("references back", () => {
  it("'the group' refers to the last armed group", () => {
    expect(relations("The Houthis fired missiles at a tanker. Saudi Arabia later condemned the group.")).toEqual(["saudi-arabia>criticism.asserted>houthis"]);
    expect(relations("The TTP claimed the attack. Pakistan later attacked the group.")).toEqual(["pakistan>conflict.asserted>ttp"]);
  });

  it("'the country' refers to the last state, as subject", () => {
    expect(relations("Egypt hosted a summit on Sunday. The country also criticized Israel.")).toEqual(["egypt>criticism.asserted>israel"]);
  });

  it("a surname alone after the full name is the same person", () => {
    const x = extract("Turkish President Recep Tayyip Erdogan spoke on Friday. Erdogan later condemned the PKK.");
    expect(x.relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target}`).sort()).toEqual([
      "person:Recep Tayyip Erdogan>affiliation.asserted>turkey",
      "person:Recep Tayyip Erdogan>criticism.asserted>pkk",
    ]);
    expect([...x.actors.keys()].filter((k) => k.startsWith("person:"))).toEqual(["person:Recep Tayyip Erdogan"]);
  });

  it("a spelling variant of the surname is the same person", () => {
    expect(relations("Ukrainian President Volodymyr Zelensky arrived in Brussels. Zelenskyy later criticized Russia.")).toEqual([
      "person:Volodymyr Zelensky>affiliation.asserted>ukraine",
      "person:Volodymyr Zelensky>criticism.asserted>russia",
    ]);
    expect(relations("Pakistani Prime Minister Shehbaz Sharif spoke on Monday. Shariff later criticized the TTP.")).toEqual([
      "person:Shehbaz Sharif>affiliation.asserted>pakistan",
      "person:Shehbaz Sharif>criticism.asserted>ttp",
    ]);
  });
});

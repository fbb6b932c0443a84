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
    const x = extract("Turkish President Kemal Aydinoglu spoke on Friday. Aydinoglu later condemned the PKK.");
    expect(x.relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target}`).sort()).toEqual([
      "person:Kemal Aydinoglu>affiliation.asserted>turkey",
      "person:Kemal Aydinoglu>criticism.asserted>pkk",
    ]);
    expect([...x.actors.keys()].filter((k) => k.startsWith("person:"))).toEqual(["person:Kemal Aydinoglu"]);
  });

  it("a spelling variant of the surname is the same person", () => {
    expect(relations("Ukrainian President Taras Kovalenko arrived in Brussels. Kovalenco later criticized Russia.")).toEqual([
      "person:Taras Kovalenko>affiliation.asserted>ukraine",
      "person:Taras Kovalenko>criticism.asserted>russia",
    ]);
    expect(relations("Pakistani Prime Minister Imran Qureshi spoke on Monday. Qureshy later criticized the TTP.")).toEqual([
      "person:Imran Qureshi>affiliation.asserted>pakistan",
      "person:Imran Qureshi>criticism.asserted>ttp",
    ]);
  });
});

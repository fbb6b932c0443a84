import { describe, expect, it } from "vitest";
import {
  GAZETTEER_FILES,
  GAZETTEER_FILE_NAMES,
  GazetteerFileSchema,
  defaultGazetteer,
  findSharedForms,
  loadGazetteerData,
  normalizeForm,
  surfaceForms,
  type GazetteerEntry,
} from "../../src/extract/gazetteer-data";

// The 193 UN member states, by a common English name (typed independently of the data).
const UN_MEMBERS = `Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia; Australia; Austria;
Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan; Bolivia; Bosnia and Herzegovina;
Botswana; Brazil; Brunei Darussalam; Bulgaria; Burkina Faso; Burundi; Cabo Verde; Cambodia; Cameroon; Canada;
Central African Republic; Chad; Chile; China; Colombia; Comoros; Republic of the Congo; Costa Rica; Côte d'Ivoire; Croatia; Cuba;
Cyprus; Czech Republic; Democratic People's Republic of Korea; Democratic Republic of the Congo; Denmark; Djibouti; Dominica;
Dominican Republic; Ecuador; Egypt; El Salvador; Equatorial Guinea; Eritrea; Estonia; Eswatini; Ethiopia; Fiji; Finland; France;
Gabon; Gambia; Georgia; Germany; Ghana; Greece; Grenada; Guatemala; Guinea; Guinea-Bissau; Guyana; Haiti; Honduras; Hungary;
Iceland; India; Indonesia; Iran; Iraq; Ireland; Israel; Italy; Jamaica; Japan; Jordan; Kazakhstan; Kenya; Kiribati; Kuwait;
Kyrgyzstan; Lao People's Democratic Republic; Latvia; Lebanon; Lesotho; Liberia; Libya; Liechtenstein; Lithuania; Luxembourg;
Madagascar; Malawi; Malaysia; Maldives; Mali; Malta; Marshall Islands; Mauritania; Mauritius; Mexico; Federated States of Micronesia;
Moldova; Monaco; Mongolia; Montenegro; Morocco; Mozambique; Myanmar; Namibia; Nauru; Nepal; Netherlands; New Zealand; Nicaragua;
Niger; Nigeria; North Macedonia; Norway; Oman; Pakistan; Palau; Panama; Papua New Guinea; Paraguay; Peru; Philippines; Poland;
Portugal; Qatar; Republic of Korea; Romania; Russian Federation; Rwanda; Saint Kitts and Nevis; Saint Lucia;
Saint Vincent and the Grenadines; Samoa; San Marino; Sao Tome and Principe; Saudi Arabia; Senegal; Serbia; Seychelles;
Sierra Leone; Singapore; Slovakia; Slovenia; Solomon Islands; Somalia; South Africa; South Sudan; Spain; Sri Lanka; Sudan;
Suriname; Sweden; Switzerland; Syrian Arab Republic; Tajikistan; Thailand; Timor-Leste; Togo; Tonga; Trinidad and Tobago; Tunisia;
Türkiye; Turkmenistan; Tuvalu; Uganda; Ukraine; United Arab Emirates; United Kingdom; United Republic of Tanzania;
United States of America; Uruguay; Uzbekistan; Vanuatu; Venezuela; Viet Nam; Yemen; Zambia; Zimbabwe`
  .split(";")
  .map((s) => s.trim());

const gazetteer = defaultGazetteer();
const byId = new Map(gazetteer.map((e) => [e.id, e]));
const byForm = new Map<string, string>();
for (const e of gazetteer) for (const { form } of surfaceForms(e)) byForm.set(normalizeForm(form), e.id);
const resolve = (form: string) => byForm.get(normalizeForm(form));

function entry(over: Partial<GazetteerEntry> & { id: string }): Record<string, unknown> {
  return { name: over.id, kind: "organization", aliases: [], ...over };
}

describe("gazetteer data files", () => {
  it("each file validates on its own", () => {
    GAZETTEER_FILES.forEach((f, i) => {
      const r = GazetteerFileSchema.safeParse(f);
      expect(r.success, `${GAZETTEER_FILE_NAMES[i]}: ${r.success ? "" : JSON.stringify(r.error.issues[0])}`).toBe(true);
    });
  });

  it("states.json holds only states, the others none", () => {
    const kinds = GAZETTEER_FILES.map((f) => new Set(GazetteerFileSchema.parse(f).actors.map((a) => a.kind)));
    expect([...kinds[0]]).toEqual(["state"]);
    expect([...kinds[1]]).toEqual(["organization"]);
    expect([...kinds[2]].sort()).toEqual(["armed-group", "political-group"]);
  });

  it("ids are unique", () => {
    expect(new Set(gazetteer.map((e) => e.id)).size).toBe(gazetteer.length);
  });

  it("no name, alias, capital, demonym or institution belongs to two actors", () => {
    expect(findSharedForms(gazetteer)).toEqual([]);
  });

  it("lists every UN member state exactly once, marked unMember", () => {
    expect(UN_MEMBERS).toHaveLength(193);
    const ids = UN_MEMBERS.map((name) => {
      const id = resolve(name);
      expect(id, `${name} is not in the gazetteer`).toBeDefined();
      const e = byId.get(id!)!;
      expect(e.kind, name).toBe("state");
      expect(e.unMember, name).toBe(true);
      return id;
    });
    expect(new Set(ids).size).toBe(193);
    expect(gazetteer.filter((e) => e.kind === "state" && e.unMember === true)).toHaveLength(193);
  });

  it("lists observers, partly recognised states and territories as non-members", () => {
    for (const id of ["palestine", "holy-see", "taiwan", "kosovo", "western-sahara", "hong-kong"]) {
      expect(byId.get(id)?.kind, id).toBe("state");
      expect(byId.get(id)?.unMember, id).toBe(false);
    }
  });

  it("parent and state references point to existing actors of the right kind", () => {
    for (const e of gazetteer) {
      if (e.parent) expect(byId.has(e.parent), `${e.id}.parent`).toBe(true);
      if (e.state) expect(byId.get(e.state)?.kind, `${e.id}.state`).toBe("state");
    }
    expect(byId.get("qassam-brigades")?.parent).toBe("hamas");
    expect(byId.get("iskp")?.parent).toBe("islamic-state");
    expect(byId.get("irgc")?.state).toBe("iran");
  });

  it("only states carry capitals and demonyms", () => {
    for (const e of gazetteer.filter((x) => x.kind !== "state")) {
      expect([...e.capitals, ...e.demonyms, ...e.demonymPlurals], e.id).toEqual([]);
    }
  });

  it.each([
    ["U.S.", "united-states"],
    ["America", "united-states"],
    ["White House", "united-states"],
    ["Washington", "united-states"],
    ["Britain", "united-kingdom"],
    ["Downing Street", "united-kingdom"],
    ["U.A.E.", "united-arab-emirates"],
    ["Emirati", "united-arab-emirates"],
    ["KSA", "saudi-arabia"],
    ["Saudis", "saudi-arabia"],
    ["the Jewish state", "israel"],
    ["Knesset", "israel"],
    ["Islamic Republic", "iran"],
    ["Tehran", "iran"],
    ["Kremlin", "russia"],
    ["Élysée", "france"],
    ["Elysee", "france"],
    ["Burma", "myanmar"],
    ["Swaziland", "eswatini"],
    ["Czech Republic", "czechia"],
    ["Türkiye", "turkey"],
    ["DRC", "dr-congo"],
    ["Afghans", "afghanistan"],
    ["Kabul", "afghanistan"],
    ["West Bank", "palestine"],
    ["Palestinian Authority", "palestine"],
    ["Vatican", "holy-see"],
    ["Imara", "taliban"],
    ["Islamic Emirate of Afghanistan", "taliban"],
    ["Haqqanis", "haqqani-network"],
    ["Pakistani Taliban", "ttp"],
    ["al Qaeda", "al-qaeda"],
    ["al-Qaida", "al-qaeda"],
    ["Daesh", "islamic-state"],
    ["ISIL", "islamic-state"],
    ["ISIS-K", "iskp"],
    ["Islamic State Khorasan Province", "iskp"],
    ["Hizballah", "hezbollah"],
    ["Ansarullah", "houthis"],
    ["Revolutionary Guards", "irgc"],
    ["Nusra Front", "hts"],
    ["Qassam Brigades", "qassam-brigades"],
    ["Islamic Resistance Movement", "hamas"],
    ["League of Arab States", "arab-league"],
    ["Organization of Islamic Cooperation", "oic"],
    ["UN Security Council", "un-security-council"],
    ["Doctors Without Borders", "msf"],
    ["Red Cross", "icrc"],
    ["Tories", "conservative-party-uk"],
    ["GOP", "republican-party-us"],
    ["Communist Party of China", "ccp"],
  ])("%s resolves to %s", (form, id) => {
    expect(resolve(form)).toBe(id);
  });

  it("keeps the collision-prone names on the state itself, flagged ambiguous", () => {
    for (const [name, id] of [
      ["Chad", "chad"],
      ["Georgia", "georgia"],
      ["Jordan", "jordan"],
      ["Niger", "niger"],
      ["Guinea", "guinea"],
      ["Turkey", "turkey"],
      ["China", "china"],
    ]) {
      expect(resolve(name), name).toBe(id);
      expect(byId.get(id)!.ambiguous, name).toBe(true);
    }
    expect(byId.get("france")!.ambiguous).toBe(false);
  });

  it("lists adjectives that double as plurals only as demonyms", () => {
    expect(byId.get("china")!.demonyms).toContain("Chinese");
    expect(byId.get("china")!.demonymPlurals).toEqual([]);
    expect(byId.get("sudan")!.demonymPlurals).toEqual([]);
  });
});

describe("normalizeForm", () => {
  it("ignores case, dots, diacritics, hyphens and a leading 'the'", () => {
    expect(normalizeForm("U.S.")).toBe(normalizeForm("us"));
    expect(normalizeForm("Élysée")).toBe(normalizeForm("elysee"));
    expect(normalizeForm("al-Qaeda")).toBe(normalizeForm("Al Qaeda"));
    expect(normalizeForm("The Gambia")).toBe(normalizeForm("Gambia"));
    expect(normalizeForm("Côte d’Ivoire")).toBe(normalizeForm("Cote d'Ivoire"));
    expect(normalizeForm("Theresa")).toBe("theresa");
  });
});

describe("loadGazetteerData", () => {
  it("merges files in order and fills defaults", () => {
    const out = loadGazetteerData([
      { actors: [entry({ id: "a-one", aliases: ["A1"] })] },
      { actors: [entry({ id: "b-two", kind: "state", unMember: false })] },
    ]);
    expect(out.map((e) => e.id)).toEqual(["a-one", "b-two"]);
    expect(out[1]).toMatchObject({ capitals: [], demonyms: [], institutions: [], ambiguous: false, ambiguousAliases: [] });
  });

  it("names the file, the entry and the field of a malformed entry", () => {
    const bad = { actors: [entry({ id: "ok-one" }), { ...entry({ id: "broken" }), aliases: ["fine", 42] }] };
    expect(() => loadGazetteerData([{ actors: [] }, bad], ["x.json", "y.json"])).toThrow(
      /gazetteer file 1 \(y\.json\): actor "broken" \(actors\[1\]\): field "aliases\[1\]"/,
    );
  });

  it("rejects unknown fields, bad ids and states without unMember", () => {
    expect(() => loadGazetteerData([{ actors: [{ ...entry({ id: "x" }), capitol: ["X"] }] }])).toThrow(/actor "x"/);
    expect(() => loadGazetteerData([{ actors: [entry({ id: "Bad Id" })] }])).toThrow(/field "id"/);
    expect(() => loadGazetteerData([{ actors: [entry({ id: "s", kind: "state" })] }])).toThrow(/field "unMember"/);
    expect(() => loadGazetteerData([{ actors: [entry({ id: "o", capitals: ["Capital"] })] }])).toThrow(/field "capitals" is only for states/);
    expect(() => loadGazetteerData(["not a file"])).toThrow(/gazetteer file 0/);
  });

  it("rejects duplicate ids, dangling references and cycles", () => {
    expect(() => loadGazetteerData([{ actors: [entry({ id: "d" })] }, { actors: [entry({ id: "d", name: "D2" })] }])).toThrow(
      /gazetteer file 1: actor "d": field "id" is already used in gazetteer file 0/,
    );
    expect(() => loadGazetteerData([{ actors: [entry({ id: "c", parent: "nobody" })] }])).toThrow(/actor "c": field "parent" names unknown/);
    expect(() => loadGazetteerData([{ actors: [entry({ id: "o" }), entry({ id: "g", state: "o" })] }])).toThrow(/not a state/);
    expect(() => loadGazetteerData([{ actors: [entry({ id: "p", parent: "q" }), entry({ id: "q", parent: "p" })] }])).toThrow(/cycle/);
  });

  it("rejects a name shared by two actors after normalization", () => {
    const files = [{ actors: [entry({ id: "u-one", aliases: ["U.N."] }), entry({ id: "u-two", aliases: ["the UN"] })] }];
    expect(() => loadGazetteerData(files)).toThrow(/actor "u-two": name "the UN" is also a name of actor "u-one"/);
  });

  it("rejects an ambiguousAliases entry that is not one of the entry's names", () => {
    expect(() => loadGazetteerData([{ actors: [entry({ id: "z", ambiguousAliases: ["Zed"] })] }])).toThrow(/field "ambiguousAliases\[0\]"/);
  });
});

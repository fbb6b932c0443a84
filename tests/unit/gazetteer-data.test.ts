import { describe, expect, it } from "vitest";
import {
  GAZETTEER_FILES,
  GAZETTEER_FILE_NAMES,
  GazetteerFileSchema,
  defaultGazetteer,
  findSharedForms,
  loadGazetteerData,
  normalizeForm,
  isPerson,
  surfaceForms,
  type GazetteerEntry,
  type PersonEntry,
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

  it("states.json holds only states, the others none; people.json only people", () => {
    const kinds = GAZETTEER_FILES.map((f) => new Set(GazetteerFileSchema.parse(f).actors.map((a) => a.kind)));
    expect(GAZETTEER_FILE_NAMES).toEqual(["states.json", "organizations.json", "groups.json", "people.json"]);
    expect([...kinds[0]]).toEqual(["state"]);
    expect([...kinds[1]]).toEqual(["organization"]);
    expect([...kinds[2]].sort()).toEqual(["armed-group", "political-group"]);
    expect([...kinds[3]]).toEqual(["person"]);
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

describe("people.json", () => {
  const persons = gazetteer.filter(isPerson);

  it("lists a few hundred people, each with an affiliation that resolves to a state, organization or group", () => {
    expect(persons.length).toBeGreaterThanOrEqual(250);
    for (const p of persons) {
      expect(p.affiliation, `${p.id}.affiliation`).toBeDefined();
      const a = byId.get(p.affiliation!);
      expect(a, `${p.id}.affiliation "${p.affiliation}" does not resolve`).toBeDefined();
      expect(a!.kind, `${p.id}.affiliation`).not.toBe("person");
    }
    expect(gazetteer.filter((e) => !isPerson(e) && e.affiliation !== undefined)).toEqual([]);
  });

  it("shares no form with any other actor, person or not", () => {
    expect(findSharedForms(gazetteer)).toEqual([]);
    // Group and state names stay on the group or state.
    for (const [form, id] of [
      ["Taliban", "taliban"],
      ["Hamas", "hamas"],
      ["Hezbollah", "hezbollah"],
      ["Houthis", "houthis"],
      ["Jordan", "jordan"],
      ["Georgia", "georgia"],
    ])
      expect(resolve(form), form).toBe(id);
  });

  it("carries no state-only fields and no organ links", () => {
    for (const p of persons) {
      expect([...p.capitals, ...p.demonyms, ...p.demonymPlurals, ...p.institutions], p.id).toEqual([]);
      expect(p.unMember, p.id).toBeUndefined();
      expect(p.parent ?? p.state, p.id).toBeUndefined();
    }
  });

  it("lists no titles as names", () => {
    const title =
      /^(President|Vice President|Prime Minister|PM|Premier|Chancellor|Minister|Foreign Minister|Secretary|Secretary-General|Senator|Gen\.?|General|Field Marshal|King|Queen|Crown Prince|Prince|Princess|Emir|Sultan|Ayatollah|Lord|Baroness|Sir|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sayyed|Sayyid) /;
    for (const p of persons) for (const { form } of surfaceForms(p)) expect(form, p.id).not.toMatch(title);
  });

  it.each([
    ["Netanyahu", "benjamin-netanyahu"],
    ["Erdogan", "recep-tayyip-erdogan"],
    ["Erdoğan", "recep-tayyip-erdogan"],
    ["Moammar Gadhafi", "muammar-gaddafi"],
    ["Muammar al-Qaddafi", "muammar-gaddafi"],
    ["Assad", "bashar-al-assad"],
    ["Hafez al-Assad", "hafez-al-assad"],
    ["Abu Mohammed al-Jolani", "ahmed-al-sharaa"],
    ["Zelenskyy", "volodymyr-zelensky"],
    ["Xi", "xi-jinping"],
    ["Kim Jong-un", "kim-jong-un"],
    ["Abu Mazen", "mahmoud-abbas"],
    ["MBS", "mohammed-bin-salman"],
    ["Hemedti", "mohamed-hamdan-dagalo"],
    ["Guterres", "antonio-guterres"],
  ])("%s resolves to %s", (form, id) => {
    expect(resolve(form)).toBe(id);
  });

  it.each([
    ["vladimir-putin", "russia"],
    ["donald-trump", "united-states"],
    ["ismail-haniyeh", "hamas"],
    ["hassan-nasrallah", "hezbollah"],
    ["osama-bin-laden", "al-qaeda"],
    ["abu-bakr-al-baghdadi", "islamic-state"],
    ["abdullah-ocalan", "pkk"],
    ["abdul-malik-al-houthi", "houthis"],
    ["hibatullah-akhundzada", "taliban"],
    ["yasser-arafat", "plo"],
    ["antonio-guterres", "united-nations"],
    ["mark-rutte", "nato"],
    ["ursula-von-der-leyen", "european-commission"],
    ["leonid-brezhnev", "soviet-union"],
  ])("%s acts for %s", (id, affiliation) => {
    expect((byId.get(id) as PersonEntry | undefined)?.affiliation).toBe(affiliation);
  });

  it("leaves out surnames shared by two well-known people", () => {
    for (const form of ["Bush", "George Bush", "Clinton", "Gandhi", "Castro", "Kim", "Sharif", "Bhutto", "Kirchner", "Rajapaksa", "Hariri", "Aoun"])
      expect(resolve(form), form).toBeUndefined();
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
    const out = loadGazetteerData([{ actors: [entry({ id: "a-one", aliases: ["A1"] })] }, { actors: [entry({ id: "b-two", kind: "state", unMember: false })] }]);
    expect(out.map((e) => e.id)).toEqual(["a-one", "b-two"]);
    expect(out[1]).toMatchObject({ capitals: [], demonyms: [], institutions: [], ambiguous: false, ambiguousAliases: [] });
  });

  it("names the file, the entry and the field of a malformed entry", () => {
    const bad = { actors: [entry({ id: "ok-one" }), { ...entry({ id: "broken" }), aliases: ["fine", 42] }] };
    expect(() => loadGazetteerData([{ actors: [] }, bad], ["x.json", "y.json"])).toThrow(/gazetteer file 1 \(y\.json\): actor "broken" \(actors\[1\]\): field "aliases\[1\]"/);
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

  it("validates a person's affiliation, naming the entry", () => {
    const state = entry({ id: "ruritania", kind: "state", unMember: false });
    const person = (over: Record<string, unknown>) => ({ ...entry({ id: "rudolf-rassendyll", kind: "person" }), ...over });
    expect(loadGazetteerData([{ actors: [state] }, { actors: [person({ affiliation: "ruritania" })] }])[1]).toMatchObject({
      kind: "person",
      affiliation: "ruritania",
    });
    expect(() => loadGazetteerData([{ actors: [state] }, { actors: [person({ affiliation: "freedonia" })] }], ["states.json", "people.json"])).toThrow(
      'gazetteer file 1 (people.json): actor "rudolf-rassendyll": field "affiliation" names unknown actor "freedonia"',
    );
    const other = { ...entry({ id: "rupert-of-hentzau", kind: "person" }), affiliation: "ruritania" };
    expect(() => loadGazetteerData([{ actors: [state] }, { actors: [other, person({ affiliation: "rupert-of-hentzau" })] }])).toThrow(
      /actor "rudolf-rassendyll": field "affiliation" names "rupert-of-hentzau", which is a person/,
    );
    expect(() => loadGazetteerData([{ actors: [state] }, { actors: [person({ affiliation: "Not An Id" })] }])).toThrow(
      /actor "rudolf-rassendyll" \(actors\[0\]\): field "affiliation"/,
    );
  });

  it("rejects state-only fields and organ links on people, and affiliation on others", () => {
    const person = (over: Record<string, unknown>) => ({ ...entry({ id: "pat", kind: "person" }), ...over });
    expect(() => loadGazetteerData([{ actors: [person({ demonyms: ["Pattish"] })] }])).toThrow(/actor "pat".*field "demonyms" is only for states, not person/);
    expect(() => loadGazetteerData([{ actors: [person({ unMember: false })] }])).toThrow(/field "unMember" is only for states/);
    expect(() => loadGazetteerData([{ actors: [person({ capitals: ["Patville"] })] }])).toThrow(/field "capitals" is only for states/);
    expect(() => loadGazetteerData([{ actors: [entry({ id: "o" }), person({ parent: "o" })] }])).toThrow(/field "parent" is not for people/);
    expect(() => loadGazetteerData([{ actors: [entry({ id: "o", affiliation: "x" } as never)] }])).toThrow(/field "affiliation" is only for people/);
  });

  it("keeps people in their own file", () => {
    const person = { ...entry({ id: "pat", kind: "person" }) };
    expect(() => loadGazetteerData([{ actors: [entry({ id: "o" }), person] }], ["groups.json"])).toThrow(
      /gazetteer file 0 \(groups\.json\): actor "pat": field "kind" is "person", but people and other actors may not share a file/,
    );
  });

  it("rejects a person's name that is also another actor's name", () => {
    const files = [{ actors: [entry({ id: "taliban", kind: "armed-group" })] }, { actors: [{ ...entry({ id: "mullah-x", kind: "person" }), aliases: ["Taliban"] }] }];
    expect(() => loadGazetteerData(files)).toThrow(/actor "mullah-x": name "Taliban" is also a name of actor "taliban"/);
  });

  it("rejects an ambiguousAliases entry that is not one of the entry's names", () => {
    expect(() => loadGazetteerData([{ actors: [entry({ id: "z", ambiguousAliases: ["Zed"] })] }])).toThrow(/field "ambiguousAliases\[0\]"/);
  });
});

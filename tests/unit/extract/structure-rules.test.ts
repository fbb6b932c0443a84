// The structure layer and the rules added with it: trigger frames, actors that
// generalize (descriptive groups, demonym phrases, titles without a name,
// listed people), reported speech and who states a relation. Sentences of our own.
import { describe, expect, it } from "vitest";
import { extract, relations } from "./helpers";

const withRule = (text: string) =>
  extract(text)
    .relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target} [${r.evidence.rule}]`)
    .sort();

describe("trigger frames", () => {
  it("'lift' + sanctions is a concession, and the sanctions are no conflict of their own", () => {
    expect(relations("Canada lifted sanctions on Cuba.")).toEqual(["canada>concession.asserted>cuba"]);
    expect(relations("Norway eased the curfew in Sweden.")).toEqual(["norway>concession.asserted>sweden"]);
  });

  it("'impose' + sanctions is a conflict", () => {
    expect(relations("Japan imposed new sanctions on North Korea.")).toEqual(["japan>conflict.asserted>north-korea"]);
  });

  it("an indirect object: 'give X a grant' is aid to X", () => {
    expect(relations("Sweden will give Kenya a grant.")).toEqual(["sweden>aid.intended>kenya"]);
  });

  it("a frame can say a word is no trigger: 'meet demands', 'ambassador' before a name", () => {
    expect(relations("Chile met the demands of the unions.")).toEqual([]);
    expect(relations("Spain summoned ambassador Pedro Alvarez.")).toEqual(["spain>criticism.asserted>person:Pedro Alvarez"]);
  });

  it("a frame sets the status: 'offer aid' is intended", () => {
    expect(relations("Denmark offered aid to Malawi.")).toEqual(["denmark>aid.intended>malawi"]);
  });

  it("new verb frames: deport, torture, beat up", () => {
    expect(relations("Thai police deported Cambodian workers.")).toEqual(["thailand>conflict.asserted>cambodia"]);
    expect(relations("Syrian guards tortured Lebanese detainees.")).toEqual(["syria>conflict.asserted>lebanon"]);
  });

  it("'war-torn' describes, it states no war", () => {
    expect(relations("Italy sent aid to war-torn Somalia.")).toEqual(["italy>aid.asserted>somalia"]);
  });
});

describe("actors that generalize", () => {
  it("a demonym heading a noun phrase names its state: 'Swiss doctors', 'Greek sides'", () => {
    expect(relations("Swiss doctors treated Afghan refugees. The Turkish and Greek sides agreed.").sort()).toEqual(["greece>diplomacy.asserted>turkey"]);
  });

  it("descriptive non-state groups are actors of their own, with their kind", () => {
    const x = extract("Sudanese rebels attacked Chad.");
    expect(x.relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target}`)).toEqual(["group:Sudanese rebels>conflict.asserted>chad"]);
    expect(x.actors.get("group:Sudanese rebels")).toMatchObject({ kind: "armed-group", country: "sudan" });
    expect(extract("The Ugandan opposition condemned Kenya.").actors.get("group:Ugandan opposition")?.kind).toBe("political-group");
  });

  it("'the … group' refers back and '… group Hamas' names: neither is a new group", () => {
    expect(relations("Hamas fired rockets. Egypt criticized the Palestinian militant group.")).toEqual(["egypt>criticism.asserted>hamas"]);
  });

  it("a title with no name speaks for the state; a former one does not", () => {
    expect(relations("Taiwan's vice foreign minister visited Paraguay.")).toEqual(["taiwan>meeting.asserted>paraguay"]);
    expect(relations("A former Iranian minister praised Iraq.")).toEqual([]);
  });

  it("'security forces in X' are X's", () => {
    expect(relations("Security forces in Mali killed Nigerien traders.")).toEqual(["mali>conflict.asserted>niger"]);
  });

  it("capitalized office words sit between the demonym and the role: 'British Defence Secretary X'", () => {
    expect(relations("British Defence Secretary John Hardy visited Kenya.")).toEqual([
      "person:John Hardy>affiliation.asserted>united-kingdom",
      "person:John Hardy>meeting.asserted>kenya",
    ]);
  });

  it("people the gazetteer lists are tied to the actor they act for, and a leader's 'administration' is the state", () => {
    expect(withRule("Vladimir Putin met Recep Tayyip Erdogan in Sochi.")).toEqual([
      "recep-tayyip-erdogan>affiliation.asserted>turkey [known-affiliation]",
      "vladimir-putin>affiliation.asserted>russia [known-affiliation]",
      "vladimir-putin>meeting.asserted>recep-tayyip-erdogan [svo]",
    ]);
    expect(relations("The Biden administration sanctioned Venezuela.")).toEqual(["united-states>conflict.asserted>venezuela"]);
  });
});

describe("clauses and reported speech", () => {
  it("in 'X said Y …' the relation is Y's and X states it", () => {
    const x = extract("Brazil said Argentina attacked Chile.");
    expect(x.relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target}`)).toEqual(["argentina>conflict.asserted>chile"]);
    expect(x.relations[0].evidence.attribution).toMatchObject({ kind: "actor", actor: "brazil", text: "Brazil" });
  });

  it("a trailing source that is no actor is kept as text with offsets", () => {
    const text = "Peru condemned Bolivia, two officials said on Monday.";
    const [r] = extract(text).relations;
    expect(r.evidence.attribution).toMatchObject({ kind: "source", text: "two officials" });
    expect(text.slice(r.evidence.attribution.start, r.evidence.attribution.end)).toBe("two officials");
  });

  it("'according to X' names the source; with no source the article speaks", () => {
    expect(extract("Ghana deported Togolese migrants, according to local media.").relations[0].evidence.attribution).toMatchObject({ kind: "source", text: "local media" });
    expect(extract("Ghana deported Togolese migrants.").relations[0].evidence.attribution).toMatchObject({ kind: "author" });
  });

  it("'they' after a reporting verb is the plural actor that speaks", () => {
    expect(relations("Malian rebels said they would release Algerian hostages.")).toEqual(["group:Malian rebels>concession.intended>algeria"]);
  });

  it("an unresolved subject pronoun is no licence to take an actor further back", () => {
    expect(relations("Praising Oman, they decided to fund the project.")).toEqual([]);
  });

  it("the main clause's subject after a leading phrase: 'In talks with X last month, Y officials …'", () => {
    expect(relations("In talks with Chinese officials last month, to secure a loan, Zambian negotiators raised the debt.")).toEqual(["zambia>meeting.asserted>china"]);
  });

  it("a coordinated subject of a tie holds it with each other: 'A and B signed a pact'", () => {
    expect(relations("Peru and Ecuador signed a pact.")).toEqual(["ecuador>diplomacy.asserted>peru"]);
  });

  it("'after' opening a clause: its subject is no prepositional object", () => {
    expect(relations("After Serbia attacked Kosovo, talks stalled.")).toEqual(["serbia>conflict.asserted>kosovo"]);
  });
});

describe("places", () => {
  it("a capital taken or struck is where it happened, not the government; a capital that acts is", () => {
    expect(relations("Rebels captured Bamako.")).toEqual([]);
    expect(relations("Moscow condemned Kyiv.")).toEqual(["russia>criticism.asserted>ukraine"]);
  });
});

describe("status by clause", () => {
  it("a question is no denial: 'asked whether X ruled out talks'", () => {
    expect(relations("Reporters asked whether Brazil ruled out talks with Chile.")).toEqual(["brazil>meeting.intended>chile"]);
  });

  it("a condition makes the relation a possibility", () => {
    expect(relations("Tunisia will release the prisoners if Libya agrees.")).toEqual([]);
    expect(relations("Nepal said it would attack Bhutan if provoked.").length).toBe(1);
    expect(relations("If Egypt attacked Sudan, Chad would respond.")).toEqual(["egypt>conflict.intended>sudan"]);
  });

  it("a negation in a leading subordinate clause does not deny the main clause", () => {
    expect(relations("Although Qatar did not agree, Egypt attacked Libya.")).toEqual(["egypt>conflict.asserted>libya"]);
  });

  it("a demand is intended: 'must'", () => {
    expect(relations("Kenya must release Somali detainees.")).toEqual(["kenya>concession.intended>somalia"]);
  });
});

describe("objects and adjuncts", () => {
  it("an actor in an adjunct is not the object; 'a visit by X to Y' names its agent", () => {
    expect(relations("Laos and Vietnam deepened their partnership during a visit by officials to Cambodia.")).toEqual(["vietnam>diplomacy.asserted>laos"]);
  });

  it("an actor after a reduced passive belongs to the participle", () => {
    expect(withRule("Oman and Yemen restored relations in a deal brokered by Kuwait.")).toEqual([
      "kuwait>mediation.asserted>oman [passive-agent]",
      "kuwait>mediation.asserted>yemen [passive-agent]",
      "yemen>diplomacy.asserted>oman [mutual-subjects]",
    ]);
  });

  it("coordinated mediators in a relative clause each mediate", () => {
    expect(relations("Ghana and Togo, which mediated between Mali and Niger, met on Monday.")).toEqual([
      "ghana>mediation.asserted>mali",
      "ghana>mediation.asserted>niger",
      "togo>mediation.asserted>mali",
      "togo>mediation.asserted>niger",
    ]);
  });

  it("a demonym before a compound plural noun: 'Iranian oil exports'", () => {
    expect(relations("France sanctioned Iranian oil exports.")).toEqual(["france>conflict.asserted>iran"]);
  });
});

describe("more frames and control", () => {
  it("recalling an ambassador reduces relations", () => {
    expect(relations("Peru recalled its ambassador from Mexico.")).toEqual(["peru>conflict.asserted>mexico"]);
  });

  it("'X's bid to join Y': the possessor is the infinitive's subject", () => {
    expect(relations("Finland's bid to join NATO stalled.")).toEqual(["finland>affiliation.intended>nato"]);
  });
});

describe("unknown groups from appositions", () => {
  it("'X, a newly formed militant group' is an armed group of its own", () => {
    const x = extract("Liwa al-Fajr, a newly formed militant group, attacked Iraq on Friday.");
    expect(x.relations.map((r) => `${r.source}>${r.type}.${r.status}>${r.target}`)).toEqual(["org:Liwa al Fajr>conflict.asserted>iraq"]);
    expect(x.actors.get("org:Liwa al Fajr")?.kind).toBe("armed-group");
  });

  it("a person in apposition with a role stays a person", () => {
    expect(extract("Omar Khalil, a member of the council, met Egypt.").actors.get("person:Omar Khalil")?.kind).toBe("person");
  });
});

describe("listed people inside other names", () => {
  it("a leader's name inside an airport's name is no mention of the leader", () => {
    expect(withRule("The delegation landed at Rafic Hariri International Airport.")).toEqual([]);
    expect(withRule("Rafic Hariri visited Syria.")).toContain("rafic-hariri>meeting.asserted>syria [svo]");
  });
});

describe("events as objects, mutual frames, control", () => {
  it("'condemned the attack on X': the attack's agent is not the one who condemns it", () => {
    expect(relations("Norway condemned the attack on Sweden.")).toEqual(["norway>criticism.asserted>sweden"]);
  });

  it("a mutual frame holds between coordinated subjects: 'A and B exchanged fire'", () => {
    expect(relations("India and Pakistan exchanged fire.")).toEqual(["pakistan>conflict.asserted>india"]);
  });

  it("'appealed to … / called on X to …': X is the infinitive's subject", () => {
    expect(relations("Egypt called on Israel to allow aid into Jordan.")).toEqual(["israel>aid.intended>jordan"]);
  });
});

describe("quotes", () => {
  it("'we' in a quote is its speaker, who then takes part though it is the sentence's source", () => {
    expect(relations('"We reject talks with Israel," the Hamas spokesman said.')).toEqual(["hamas>meeting.denied>israel"]);
  });
});

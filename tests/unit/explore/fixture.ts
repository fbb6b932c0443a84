// A tiny hand-made graph whose right answers can be worked out on paper.
import relationTypesFile from "../../../data/lexicon/relation-types.json";
import {
  GRAPH_SCHEMA_VERSION,
  relationId,
  type Actor,
  type Attribution,
  type Evidence,
  type Graph,
  type Relation,
  type RelationStatus,
  type RelationType,
  type RelationTypeInfo,
} from "../../../src/graph/schema";

export const DOC_A_TEXT = "Iran armed Hezbollah. Iran met Syria. Syria met Iran. Nasrallah leads Hezbollah.";
export const DOC_B_TEXT = "Israel attacked Hezbollah. Israel denied it attacked Syria. Qatar mediated for Hamas.";

const AUTHOR: Attribution = { kind: "author", text: "the article" };

function ev(doc: string, text: string, sentence: string, trigger: string, source?: string, target?: string, rule = "svo", attribution: Attribution = AUTHOR): Evidence {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`fixture: "${sentence}" not in ${doc}`);
  const t = sentence.indexOf(trigger);
  const e: Evidence = {
    doc,
    sentence,
    start,
    end: start + sentence.length,
    trigger: { text: trigger, start: start + t, end: start + t + trigger.length },
    rule,
    attribution,
  };
  if (source) e.sourceMention = { start: start + sentence.indexOf(source), end: start + sentence.indexOf(source) + source.length };
  if (target) e.targetMention = { start: start + sentence.lastIndexOf(target), end: start + sentence.lastIndexOf(target) + target.length };
  return e;
}

function rel(source: string, type: RelationType, status: RelationStatus, target: string, evidence: Evidence[], directed = type !== "meeting", confidence = 0.5): Relation {
  return { id: relationId(source, type, status, target), source, target, type, status, directed, disputed: false, confidence, evidence };
}

function actor(id: string, name: string, kind: Actor["kind"], aliases: string[] = []): Actor {
  return { id, name, kind, aliases, mentions: 1, documents: [] };
}

export function fixtureGraph(): Graph {
  const A = "doc-a";
  const B = "doc-b";
  return {
    schemaVersion: GRAPH_SCHEMA_VERSION,
    generatedAt: "2024-01-01T00:00:00Z",
    relationTypes: relationTypesFile.types as RelationTypeInfo[],
    documents: [
      { id: A, title: "Doc A", date: "2023-05-01", text: DOC_A_TEXT },
      { id: B, title: "Doc B", date: null, text: DOC_B_TEXT },
    ],
    actors: [
      actor("iran", "Iran", "state", ["Islamic Republic of Iran"]),
      actor("hezbollah", "Hezbollah", "armed-group", ["Hizbullah", "Party of God"]),
      actor("syria", "Syria", "state"),
      actor("nasrallah", "Hassan Nasrallah", "person", ["Nasrallah"]),
      actor("israel", "Israel", "state"),
      actor("qatar", "Qatar", "state"),
      actor("hamas", "Hamas", "armed-group"),
      actor("loner", "Lone Org", "organization"),
    ],
    relations: [
      // Stated by the person that folding people into groups hides: an export must still be valid.
      rel("iran", "aid", "asserted", "hezbollah", [
        ev(A, DOC_A_TEXT, "Iran armed Hezbollah.", "armed", "Iran", "Hezbollah", "svo", {
          kind: "actor",
          actor: "nasrallah",
          text: "Nasrallah",
          start: DOC_A_TEXT.indexOf("Nasrallah"),
          end: DOC_A_TEXT.indexOf("Nasrallah") + "Nasrallah".length,
        }),
      ]),
      rel("iran", "meeting", "asserted", "syria", [ev(A, DOC_A_TEXT, "Iran met Syria.", "met", "Iran", "Syria")]),
      rel("syria", "meeting", "asserted", "iran", [ev(A, DOC_A_TEXT, "Syria met Iran.", "met", "Syria", "Iran")]),
      rel(
        "nasrallah",
        "affiliation",
        "asserted",
        "hezbollah",
        [ev(A, DOC_A_TEXT, "Nasrallah leads Hezbollah.", "leads", "Nasrallah", "Hezbollah", "title-affiliation")],
        true,
        0.9,
      ),
      rel("israel", "conflict", "asserted", "hezbollah", [ev(B, DOC_B_TEXT, "Israel attacked Hezbollah.", "attacked", "Israel", "Hezbollah")]),
      rel(
        "israel",
        "conflict",
        "denied",
        "syria",
        [
          ev(B, DOC_B_TEXT, "Israel denied it attacked Syria.", "attacked", "Israel", "Syria", "svo", {
            kind: "actor",
            actor: "israel",
            text: "Israel",
            start: DOC_B_TEXT.indexOf("Israel denied"),
            end: DOC_B_TEXT.indexOf("Israel denied") + 6,
          }),
        ],
        true,
        0.75,
      ),
      rel("qatar", "mediation", "asserted", "hamas", [ev(B, DOC_B_TEXT, "Qatar mediated for Hamas.", "mediated for", "Qatar", "Hamas", "nominal-between")], true, 0.4),
      // A relation from the folded person to someone else, and twice-evidenced.
      rel("nasrallah", "criticism", "asserted", "israel", [
        ev(A, DOC_A_TEXT, "Nasrallah leads Hezbollah.", "leads", "Nasrallah"),
        ev(B, DOC_B_TEXT, "Israel attacked Hezbollah.", "attacked", undefined, "Israel"),
      ]),
    ],
  };
}

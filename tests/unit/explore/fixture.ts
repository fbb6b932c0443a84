// A tiny hand-made graph whose right answers can be worked out on paper.
import relationTypesFile from "../../../data/lexicon/relation-types.json";
import { relationId, type Actor, type Evidence, type Graph, type Relation, type RelationStatus, type RelationType, type RelationTypeInfo } from "../../../src/graph/schema";

export const DOC_A_TEXT = "Iran armed Hezbollah. Iran met Syria. Syria met Iran. Nasrallah leads Hezbollah.";
export const DOC_B_TEXT = "Israel attacked Hezbollah. Israel denied it attacked Syria. Qatar mediated for Hamas.";

function ev(doc: string, text: string, sentence: string, trigger: string, source?: string, target?: string): Evidence {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`fixture: "${sentence}" not in ${doc}`);
  const t = sentence.indexOf(trigger);
  const e: Evidence = { doc, sentence, start, end: start + sentence.length, trigger: { text: trigger, start: start + t, end: start + t + trigger.length } };
  if (source) e.sourceMention = { start: start + sentence.indexOf(source), end: start + sentence.indexOf(source) + source.length };
  if (target) e.targetMention = { start: start + sentence.lastIndexOf(target), end: start + sentence.lastIndexOf(target) + target.length };
  return e;
}

function rel(source: string, type: RelationType, status: RelationStatus, target: string, evidence: Evidence[], directed = type !== "meeting"): Relation {
  return { id: relationId(source, type, status, target), source, target, type, status, directed, evidence };
}

function actor(id: string, name: string, kind: Actor["kind"], aliases: string[] = []): Actor {
  return { id, name, kind, aliases, mentions: 1, documents: [] };
}

export function fixtureGraph(): Graph {
  const A = "doc-a";
  const B = "doc-b";
  return {
    schemaVersion: 1,
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
      rel("iran", "aid", "asserted", "hezbollah", [ev(A, DOC_A_TEXT, "Iran armed Hezbollah.", "armed", "Iran", "Hezbollah")]),
      rel("iran", "meeting", "asserted", "syria", [ev(A, DOC_A_TEXT, "Iran met Syria.", "met", "Iran", "Syria")]),
      rel("syria", "meeting", "asserted", "iran", [ev(A, DOC_A_TEXT, "Syria met Iran.", "met", "Syria", "Iran")]),
      rel("nasrallah", "affiliation", "asserted", "hezbollah", [ev(A, DOC_A_TEXT, "Nasrallah leads Hezbollah.", "leads", "Nasrallah", "Hezbollah")]),
      rel("israel", "conflict", "asserted", "hezbollah", [ev(B, DOC_B_TEXT, "Israel attacked Hezbollah.", "attacked", "Israel", "Hezbollah")]),
      rel("israel", "conflict", "denied", "syria", [ev(B, DOC_B_TEXT, "Israel denied it attacked Syria.", "attacked", "Israel", "Syria")]),
      rel("qatar", "mediation", "asserted", "hamas", [ev(B, DOC_B_TEXT, "Qatar mediated for Hamas.", "mediated for", "Qatar", "Hamas")]),
      // A relation from the folded person to someone else, and twice-evidenced.
      rel("nasrallah", "criticism", "asserted", "israel", [
        ev(A, DOC_A_TEXT, "Nasrallah leads Hezbollah.", "leads", "Nasrallah"),
        ev(B, DOC_B_TEXT, "Israel attacked Hezbollah.", "attacked", undefined, "Israel"),
      ]),
    ],
  };
}

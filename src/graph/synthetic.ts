// Seeded generator of valid graph files, for developing and testing the explorer
// before (and independently of) the real extraction, and for the explorer bench.
// Same options → byte-identical graph (apart from `generatedAt`, which is fixed too).
import relationTypesFile from "../../data/lexicon/relation-types.json";
import { scoreRelations, type RulePrecision } from "../extract/confidence";
import {
  GRAPH_SCHEMA_VERSION,
  RELATION_TYPES,
  relationId,
  type Actor,
  type ActorKind,
  type Evidence,
  type Graph,
  type GraphDocument,
  type Relation,
  type RelationStatus,
  type RelationType,
  type RelationTypeInfo,
} from "./schema";
import { seededRandom } from "./random";

export { seededRandom };

export interface SyntheticOptions {
  actors: number;
  /** Average relations per actor (each relation touches two actors). Default 4. */
  relationsPerActor?: number;
  seed?: number;
  /** Fill `actors[].position` with a deterministic scatter (so the app needs no layout). Default false. */
  positions?: boolean;
}

const SYLLABLES = ["ka", "ra", "mo", "len", "ta", "vi", "sor", "an", "dul", "mer", "io", "bar", "nes", "qu", "zel", "fa", "rit", "om", "pel", "gan"];
const KIND_PATTERNS: Record<ActorKind, (stem: string, other: string) => string> = {
  state: (s) => `${s}ia`,
  "armed-group": (s) => `${s} Brigades`,
  "political-group": (s) => `${s} Party`,
  organization: (s) => `${s} Relief Agency`,
  person: (s, other) => `${s} ${other}`,
};
const KIND_WEIGHTS: [ActorKind, number][] = [
  ["state", 0.15],
  ["armed-group", 0.15],
  ["political-group", 0.15],
  ["organization", 0.15],
  ["person", 0.4],
];
// [past tense, base form]: asserted/denied sentences use the first, intended ones the second.
const TRIGGERS: Record<RelationType, [string, string][]> = {
  diplomacy: [
    ["restored ties with", "restore ties with"],
    ["sent an envoy to", "send an envoy to"],
    ["recognized", "recognize"],
  ],
  meeting: [
    ["met with", "meet with"],
    ["held talks with", "hold talks with"],
    ["hosted", "host"],
  ],
  support: [
    ["praised", "praise"],
    ["backed", "back"],
    ["endorsed", "endorse"],
  ],
  aid: [
    ["armed", "arm"],
    ["funded", "fund"],
    ["sent aid to", "send aid to"],
  ],
  concession: [
    ["released prisoners to", "release prisoners to"],
    ["lifted sanctions on", "lift sanctions on"],
    ["withdrew forces from", "withdraw forces from"],
  ],
  mediation: [
    ["mediated for", "mediate for"],
    ["brokered a deal for", "broker a deal for"],
  ],
  criticism: [
    ["condemned", "condemn"],
    ["accused", "accuse"],
    ["threatened", "threaten"],
  ],
  conflict: [
    ["attacked", "attack"],
    ["shelled", "shell"],
    ["sanctioned", "sanction"],
  ],
  affiliation: [
    ["joined", "join"],
    ["spoke for", "speak for"],
    ["led", "lead"],
  ],
};
const STATUS_FRAMES: Record<RelationStatus, string> = {
  asserted: "",
  intended: "plans to ",
  denied: "denied that it ",
};
// Who states a sentence: the closing words and the attribution they make.
const TAILS: { text: string; kind: "source" | "author"; who: string }[] = [
  { text: "officials said", kind: "source", who: "officials" },
  { text: "a spokesperson said", kind: "source", who: "a spokesperson" },
  { text: "according to witnesses", kind: "source", who: "witnesses" },
  { text: "the report said", kind: "author", who: "the report" },
];
const RULES: Record<RelationType, string[]> = {
  diplomacy: ["svo", "svo", "nominal-between"],
  meeting: ["svo", "svo", "nominal-between"],
  support: ["svo", "svo", "compound-participle"],
  aid: ["svo", "passive-agent"],
  concession: ["svo", "passive-agent"],
  mediation: ["svo", "nominal-between"],
  criticism: ["svo", "svo", "passive-agent"],
  conflict: ["svo", "passive-agent", "compound-participle"],
  affiliation: ["title-affiliation", "svo"],
};
/** Made-up rule precision, so synthetic confidences vary the way real ones do. */
const SYNTHETIC_PRECISION: RulePrecision = {
  note: "synthetic",
  sets: [],
  default: 0.5,
  rules: {
    svo: { predicted: 100, correct: 80, precision: 0.8 },
    "passive-agent": { predicted: 40, correct: 26, precision: 0.65 },
    "nominal-between": { predicted: 30, correct: 16, precision: 0.533 },
    "compound-participle": { predicted: 20, correct: 9, precision: 0.45 },
    "title-affiliation": { predicted: 50, correct: 46, precision: 0.92 },
  },
};
const FILLER = [
  "Officials gave no further details.",
  "The statement was read out on state television.",
  "Analysts said the move had been expected for weeks.",
  "Talks are expected to continue next month.",
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function generateSyntheticGraph(options: SyntheticOptions): Graph {
  const n = Math.max(0, Math.floor(options.actors));
  const perActor = options.relationsPerActor ?? 4;
  const rand = seededRandom(options.seed ?? 1);
  // A second stream for the schema v2 fields (rules, speakers, disputes), so the
  // actors, relations and sentences drawn from `rand` stay what they were.
  const vary = seededRandom(((options.seed ?? 1) ^ 0x5bd1e995) >>> 0);
  const pickVary = <T>(xs: readonly T[]): T => xs[Math.floor(vary() * xs.length)];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

  const actors: Actor[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < n; i++) {
    let r = rand();
    let kind: ActorKind = "person";
    for (const [k, w] of KIND_WEIGHTS) {
      if (r < w) {
        kind = k;
        break;
      }
      r -= w;
    }
    let name = "";
    for (let attempt = 0; attempt < 20 && (!name || usedNames.has(name)); attempt++) {
      const stem = cap(pick(SYLLABLES) + pick(SYLLABLES) + (attempt > 3 ? pick(SYLLABLES) : ""));
      name = KIND_PATTERNS[kind](stem, cap(pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES)));
    }
    if (usedNames.has(name)) name = `${name} ${i}`;
    usedNames.add(name);
    const aliases = kind === "person" ? [name.split(" ")[1]] : name.includes(" ") && rand() < 0.5 ? [acronym(name)] : [];
    actors.push({ id: `a${i}`, name, kind, aliases, mentions: 0, documents: [] });
  }

  const groups = actors.filter((a) => a.kind !== "person");
  const relationsByKey = new Map<string, { source: string; target: string; type: RelationType; status: RelationStatus }>();
  const wanted = Math.round((n * perActor) / 2);
  for (let attempt = 0; relationsByKey.size < wanted && attempt < wanted * 5 && n > 1; attempt++) {
    const s = actors[Math.floor(rand() * n)];
    let type: RelationType = pick(RELATION_TYPES.filter((t) => t !== "affiliation"));
    let t = actors[Math.floor(rand() * n)];
    // Persons belong to a group; this gives "fold people into groups" something to fold.
    if (s.kind === "person" && groups.length > 0 && rand() < 0.35) {
      type = "affiliation";
      t = pick(groups);
    }
    if (s.id === t.id) continue;
    const sr = rand();
    const status: RelationStatus = sr < 0.75 ? "asserted" : sr < 0.9 ? "intended" : "denied";
    relationsByKey.set(relationId(s.id, type, status, t.id), { source: s.id, target: t.id, type, status });
  }

  // Documents: sentences stating the relations, so evidence offsets are real offsets.
  const relationList = [...relationsByKey.entries()];
  const docCount = Math.max(1, Math.ceil(relationList.length / 12));
  const docParts: string[][] = Array.from({ length: docCount }, () => []);
  const docLengths = new Array<number>(docCount).fill(0);
  const documents: GraphDocument[] = [];
  for (let d = 0; d < docCount; d++) {
    const title = `${pick(["Report", "Dispatch", "Briefing", "Analysis"])}: ${cap(pick(SYLLABLES))}${pick(SYLLABLES)} talks, day ${d + 1}`;
    const dated = rand() < 0.8;
    const day = 1 + Math.floor(rand() * 365 * 3);
    const date = dated ? new Date(Date.UTC(2021, 0, day)).toISOString().slice(0, 10) : null;
    documents.push({ id: `doc-${String(d).padStart(4, "0")}`, title, date, text: "" });
    docParts[d].push(title + "\n\n");
    docLengths[d] = title.length + 2;
  }
  const byId = new Map(actors.map((a) => [a.id, a]));
  const relations: Omit<Relation, "disputed" | "confidence">[] = [];
  const mentionDocs = new Map<string, Set<string>>();
  const noteMention = (actorId: string, docId: string) => {
    const a = byId.get(actorId)!;
    a.mentions++;
    let set = mentionDocs.get(actorId);
    if (!set) mentionDocs.set(actorId, (set = new Set()));
    set.add(docId);
  };
  for (const [id, r] of relationList) {
    const evidenceCount = 1 + Math.floor(rand() * rand() * 4);
    const evidence: Evidence[] = [];
    for (let e = 0; e < evidenceCount; e++) {
      const d = Math.floor(rand() * docCount);
      if (rand() < 0.3) appendSentence(d, pick(FILLER) + " ");
      const src = byId.get(r.source)!;
      const tgt = byId.get(r.target)!;
      const [past, base] = pick(TRIGGERS[r.type]);
      const pre = STATUS_FRAMES[r.status];
      const trig = r.status === "intended" ? base : past;
      const tail = pick(TAILS);
      // Some sentences are stated by an actor of the graph instead ("…, Kamora said").
      const speaker = n > 2 && vary() < 0.2 ? actors[Math.floor(vary() * n)] : undefined;
      evidence.push(stateSentence(d, src, tgt, pre, trig, pickVary(RULES[r.type]), speaker ?? tail));
    }
    const symmetric = r.type === "meeting";
    relations.push({ id, source: r.source, target: r.target, type: r.type, status: r.status, directed: !symmetric, evidence });
  }
  // Disputes: now and then the source of an asserted relation denies it, in its own words.
  for (const [, r] of relationList) {
    if (r.status !== "asserted" || vary() >= 0.05) continue;
    const id = relationId(r.source, r.type, "denied", r.target);
    if (relationsByKey.has(id)) continue;
    const src = byId.get(r.source)!;
    relationsByKey.set(id, { ...r, status: "denied" });
    const evidence = [stateSentence(Math.floor(vary() * docCount), src, byId.get(r.target)!, STATUS_FRAMES.denied, pickVary(TRIGGERS[r.type])[0], pickVary(RULES[r.type]), src)];
    relations.push({ id, source: r.source, target: r.target, type: r.type, status: "denied", directed: r.type !== "meeting", evidence });
  }
  for (let d = 0; d < docCount; d++) documents[d].text = docParts[d].join("");
  for (const a of actors) a.documents = [...(mentionDocs.get(a.id) ?? [])].sort();
  if (options.positions) {
    const radius = Math.sqrt(n) * 60;
    for (const a of actors) a.position = { x: Math.round((rand() * 2 - 1) * radius), y: Math.round((rand() * 2 - 1) * radius) };
  }

  return {
    schemaVersion: GRAPH_SCHEMA_VERSION,
    generatedAt: "2024-01-01T00:00:00.000Z",
    relationTypes: relationTypesFile.types as RelationTypeInfo[],
    documents,
    actors,
    relations: scoreRelations(relations, SYNTHETIC_PRECISION),
  };

  function appendSentence(d: number, s: string) {
    docParts[d].push(s);
    docLengths[d] += s.length;
  }

  /** Appends "Source [frame]trigger Target, tail." to document d and returns its evidence. */
  function stateSentence(d: number, src: Actor, tgt: Actor, pre: string, trig: string, rule: string, by: Actor | (typeof TAILS)[number]): Evidence {
    const docId = documents[d].id;
    const tailText = "id" in by ? `${by.name} said` : by.text;
    const sentence = `${src.name} ${pre}${trig} ${tgt.name}, ${tailText}.`;
    const start = docLengths[d];
    const srcStart = start;
    const trigStart = start + src.name.length + 1 + pre.length;
    const tgtStart = trigStart + trig.length + 1;
    const tailStart = tgtStart + tgt.name.length + 2;
    appendSentence(d, sentence + " ");
    noteMention(src.id, docId);
    noteMention(tgt.id, docId);
    let attribution: Evidence["attribution"];
    if ("id" in by) {
      noteMention(by.id, docId);
      attribution = { kind: "actor", actor: by.id, text: by.name, start: tailStart, end: tailStart + by.name.length };
    } else if (by.kind === "source") {
      const at = tailStart + by.text.indexOf(by.who);
      attribution = { kind: "source", text: by.who, start: at, end: at + by.who.length };
    } else attribution = { kind: "author", text: by.who };
    return {
      doc: docId,
      sentence,
      start,
      end: start + sentence.length,
      trigger: { text: trig, start: trigStart, end: trigStart + trig.length },
      sourceMention: { start: srcStart, end: srcStart + src.name.length },
      targetMention: { start: tgtStart, end: tgtStart + tgt.name.length },
      rule,
      attribution,
    };
  }
}

function acronym(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase())
    .join("");
}

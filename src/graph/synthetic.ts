// Seeded generator of valid graph files, for developing and testing the explorer
// before (and independently of) the real extraction, and for the explorer bench.
// Same options → byte-identical graph (apart from `generatedAt`, which is fixed too).
import relationTypesFile from "../../data/lexicon/relation-types.json";
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

export interface SyntheticOptions {
  actors: number;
  /** Average relations per actor (each relation touches two actors). Default 4. */
  relationsPerActor?: number;
  seed?: number;
  /** Fill `actors[].position` with a deterministic scatter (so the app needs no layout). Default false. */
  positions?: boolean;
}

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
  diplomacy: [["restored ties with", "restore ties with"], ["sent an envoy to", "send an envoy to"], ["recognized", "recognize"]],
  meeting: [["met with", "meet with"], ["held talks with", "hold talks with"], ["hosted", "host"]],
  support: [["praised", "praise"], ["backed", "back"], ["endorsed", "endorse"]],
  aid: [["armed", "arm"], ["funded", "fund"], ["sent aid to", "send aid to"]],
  concession: [["released prisoners to", "release prisoners to"], ["lifted sanctions on", "lift sanctions on"], ["withdrew forces from", "withdraw forces from"]],
  mediation: [["mediated for", "mediate for"], ["brokered a deal for", "broker a deal for"]],
  criticism: [["condemned", "condemn"], ["accused", "accuse"], ["threatened", "threaten"]],
  conflict: [["attacked", "attack"], ["shelled", "shell"], ["sanctioned", "sanction"]],
  affiliation: [["joined", "join"], ["spoke for", "speak for"], ["led", "lead"]],
};
const STATUS_FRAMES: Record<RelationStatus, string> = {
  asserted: "",
  intended: "plans to ",
  denied: "denied that it ",
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
  const relations: Relation[] = [];
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
      const docId = documents[d].id;
      if (rand() < 0.3) appendSentence(d, pick(FILLER) + " ");
      const src = byId.get(r.source)!;
      const tgt = byId.get(r.target)!;
      const [past, base] = pick(TRIGGERS[r.type]);
      const pre = STATUS_FRAMES[r.status];
      const trig = r.status === "intended" ? base : past;
      const sentence = `${src.name} ${pre}${trig} ${tgt.name}, ${pick(["officials said", "a spokesperson said", "according to witnesses", "the report said"])}.`;
      const start = docLengths[d];
      const srcStart = start;
      const trigStart = start + src.name.length + 1 + pre.length;
      const tgtStart = trigStart + trig.length + 1;
      appendSentence(d, sentence + " ");
      evidence.push({
        doc: docId,
        sentence,
        start,
        end: start + sentence.length,
        trigger: { text: trig, start: trigStart, end: trigStart + trig.length },
        sourceMention: { start: srcStart, end: srcStart + src.name.length },
        targetMention: { start: tgtStart, end: tgtStart + tgt.name.length },
      });
      noteMention(r.source, docId);
      noteMention(r.target, docId);
    }
    const symmetric = r.type === "meeting";
    relations.push({ id, source: r.source, target: r.target, type: r.type, status: r.status, directed: !symmetric, evidence });
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
    relations,
  };

  function appendSentence(d: number, s: string) {
    docParts[d].push(s);
    docLengths[d] += s.length;
  }
}

function acronym(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase())
    .join("");
}


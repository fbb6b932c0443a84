// Incremental assembly: the graph of a rebuild from the previous build's state
// (src/build/state.ts) and the extractions of the articles that changed, equal
// byte for byte to what assembleGraph gives for the whole corpus. See state.ts
// for why it is exact and when it gives up (null: assemble everything).
import type { SourceDocument } from "../extract/document";
import type { ReusedDocument } from "../io/corpus";
import { assembleActors, assignActorIds, compareEvidence, documentContributions, type Contribution, type ExtractedActor } from "../extract/extract";
import type { Lexicon } from "../extract/lexicon";
import { disputedRelationIds, relationConfidence, type RulePrecision } from "../extract/confidence";
import { GRAPH_SCHEMA_VERSION, relationId, slimEvidence, type Actor, type Evidence, type Graph, type Relation } from "../graph/schema";
import type { Extraction } from "./cache";
import { contributionSummary, RawRecords, relationLineRanges, type BuildState, type StateDoc, type StateFile } from "./state";
import { documentsDirName, documentTextUrl, type KnownText } from "./write";

export interface IncrementalInput {
  prev: { state: BuildState; bytes: Buffer };
  /** The articles of the new graph, in order (those not read again without their text: see `text`). */
  docs: (SourceDocument | ReusedDocument)[];
  /** What the state keeps of each article's file. */
  files: StateFile[];
  /** An article's text, read again when it was not. */
  text: (i: number) => Promise<string>;
  keys: string[];
  /** The state's entry for each article that did not change (same id and cache key). */
  kept: (StateDoc | undefined)[];
  /** The extraction of each article that changed (or is new). */
  extractions: (Extraction | undefined)[];
  degraded: string[][];
  /** The extraction of an unchanged article (from the cache) and its text, when its actor ids moved. */
  load: (i: number) => Promise<{ extraction: Extraction; text: string } | undefined>;
  lexicon: Lexicon;
  generatedAt: string;
  rulePrecision: RulePrecision;
  readerVersion: string;
}

export interface IncrementalGraph {
  /** The graph file's content, relations as pre-serialised records. */
  graph: Omit<Graph, "relations"> & { relations: RawRecords };
  /** The relations assembled in this run (all the others are the previous file's lines). */
  changed: Relation[];
  relationCount: number;
  relationsByType: Record<string, number>;
  /** Articles whose texts the state vouches for (unchanged since the previous build wrote them), for writeGraphFiles. */
  unchangedTexts: Map<string, KnownText>;
  state: Omit<BuildState, "lines" | "format">;
  /** Articles assembled again (changed, new, or with moved actor ids). */
  reassembled: number;
}

/** At most this share of the corpus may need re-assembling because its actor ids moved; beyond it a full assembly is as quick. */
const MAX_REMAPPED_SHARE = 0.1;

export async function assembleIncremental(input: IncrementalInput): Promise<IncrementalGraph | null> {
  const { prev, docs, kept, lexicon, rulePrecision } = input;
  const { state, bytes } = prev;
  const ranges = relationLineRanges(bytes, state.lines.relationsAt, state.relIds.length);
  if (!ranges) return null;
  const extractions = [...input.extractions];
  const texts = docs.map((d) => d.text);

  // Global ids for the whole corpus (order-dependent, cheap).
  const actorLists: (readonly (readonly [string, ExtractedActor])[])[] = docs.map((_, i) => kept[i]?.actors ?? [...extractions[i]!.actors]);
  const { globalIds, textActors } = assignActorIds(actorLists, new Set(lexicon.actors.map((a) => a.id)));
  const remapped: number[] = [];
  kept.forEach((sd, i) => {
    if (sd && sd.actors.some(([key], j) => globalIds[i].get(key) !== sd.ids[j])) remapped.push(i);
  });
  if (remapped.length > Math.max(32, docs.length * MAX_REMAPPED_SHARE)) return null;
  for (const i of remapped) {
    const x = await input.load(i);
    if (!x) return null;
    extractions[i] = x.extraction;
    texts[i] = x.text;
  }
  const isRemapped = new Set(remapped);
  const clean = (i: number) => kept[i] !== undefined && !isRemapped.has(i);

  // What the previous graph had from articles that are gone, changed or re-mapped.
  const cleanState = new Set<StateDoc>();
  docs.forEach((_, i) => clean(i) && cleanState.add(kept[i]!));
  const dirtyOldIds = new Set<string>();
  const touched = new Set<string>();
  for (const d of state.docs)
    if (!cleanState.has(d)) {
      dirtyOldIds.add(d.id);
      for (const id of d.rels) touched.add(id);
    }

  // What the re-assembled articles give now, in document order.
  const contributions: (Contribution[] | undefined)[] = [];
  const byRelation = new Map<string, Contribution[]>();
  docs.forEach((_, i) => {
    if (clean(i)) return;
    const list = documentContributions(extractions[i]!.relations, globalIds[i]);
    contributions[i] = list;
    for (const c of list) {
      let l = byRelation.get(c.id);
      if (!l) byRelation.set(c.id, (l = []));
      l.push(c);
      touched.add(c.id);
    }
  });

  const index = new Map<string, number>();
  state.relIds.forEach((id, i) => index.set(id, i));
  const parsed = new Map<string, Relation>();
  const previous = (id: string): Relation | undefined => {
    let r = parsed.get(id);
    if (r) return r;
    const i = index.get(id);
    if (i === undefined) return undefined;
    r = JSON.parse(bytes.toString("utf8", ranges[2 * i], ranges[2 * i + 1])) as Relation;
    if (r.id !== id) throw new Error(`state: relation line ${i} is not ${id}`);
    parsed.set(id, r);
    return r;
  };

  const docById = new Map(docs.map((d, i) => [d.id, i]));
  const irregular = new Map<number, Map<string, string>>();
  const sentenceOf = async (e: Evidence): Promise<string> => {
    const i = docById.get(e.doc)!;
    const sd = kept[i]!;
    let irr = irregular.get(i);
    if (!irr) irregular.set(i, (irr = new Map(sd.irregular)));
    return irr.get(`${e.start}:${e.end}`) ?? (texts[i] ??= await input.text(i)).slice(e.start, e.end);
  };

  const mixed = new Set(state.mixedDirected);
  // Touched relations as they are now; null: gone.
  const changed = new Map<string, Relation | null>();
  const relationsByType = { ...state.relationsByType };
  for (const id of touched) {
    if (mixed.has(id)) return null;
    const old = previous(id);
    const keptEvidence = old ? old.evidence.filter((e) => !dirtyOldIds.has(e.doc)) : [];
    const fresh = byRelation.get(id) ?? [];
    const directed = fresh.length ? fresh[0].directed : old?.directed;
    // A relation whose contributions disagree on `directed` takes the first document's: not worth following here.
    if (fresh.some((c) => c.directed !== directed) || (old && keptEvidence.length && old.directed !== directed)) return null;
    if (!keptEvidence.length && !fresh.length) {
      changed.set(id, null);
      if (old) relationsByType[old.type]--;
      continue;
    }
    const base = old ?? fresh[0];
    const evidence = [...keptEvidence, ...fresh.map((c) => c.evidence)].sort(compareEvidence);
    // The first few keep their sentence in the graph file: put back those that were further down before.
    for (let k = 0; k < Math.min(3, evidence.length); k++) {
      const e = evidence[k];
      if (e.sentence !== undefined) continue;
      const { doc, ...rest } = e;
      evidence[k] = { doc, sentence: await sentenceOf(e), ...rest };
    }
    changed.set(id, { id, source: base.source, target: base.target, type: base.type, status: base.status, directed: directed!, disputed: false, confidence: 0, evidence });
    if (!old) relationsByType[base.type] = (relationsByType[base.type] ?? 0) + 1;
  }

  // Disputes: decided per pair and type, so every relation in a touched group is looked at again.
  const groups = new Map<string, { a: string; b: string; type: Relation["type"] }>();
  for (const [id, r] of changed) {
    const rel = r ?? previous(id)!;
    if (rel.status !== "asserted" && rel.status !== "denied") continue;
    const [a, b] = rel.source < rel.target ? [rel.source, rel.target] : [rel.target, rel.source];
    groups.set(`${a}\u0000${b}\u0000${rel.type}`, { a, b, type: rel.type });
  }
  const decided = new Set<string>();
  for (const { a, b, type } of groups.values()) {
    const members: Relation[] = [];
    for (const status of ["asserted", "denied"] as const)
      for (const [s, t] of [
        [a, b],
        [b, a],
      ]) {
        const id = relationId(s, type, status, t);
        if (decided.has(id)) continue;
        decided.add(id);
        const r = changed.has(id) ? changed.get(id) : previous(id);
        if (r) members.push(r);
      }
    const disputed = disputedRelationIds(members);
    for (const r of members) {
      const d = disputed.has(r.id);
      if (changed.has(r.id)) r.disputed = d;
      else if (r.disputed !== d) {
        r.disputed = d;
        r.confidence = relationConfidence(r.evidence, d, rulePrecision);
        changed.set(r.id, r);
      }
    }
  }
  for (const id of touched) {
    const r = changed.get(id);
    if (r) r.confidence = relationConfidence(r.evidence, r.disputed, rulePrecision);
  }

  // The relations array: runs of unchanged records copied, the changed ones written.
  const fresh = [...changed.entries()]
    .filter(([, r]) => r !== null)
    .map(([, r]) => r!)
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  const pieces: (string | Buffer)[] = [];
  const relIds: string[] = [];
  let run = -1;
  const endRun = (i: number) => {
    if (run >= 0) pieces.push(bytes.subarray(ranges[2 * run], ranges[2 * (i - 1) + 1]));
    run = -1;
  };
  let j = 0;
  const old = state.relIds;
  for (let i = 0; i <= old.length; i++) {
    const id = i < old.length ? old[i] : undefined;
    while (j < fresh.length && (id === undefined || fresh[j].id < id)) {
      endRun(i);
      const r = fresh[j++];
      pieces.push(JSON.stringify({ ...r, evidence: slimEvidence(r.evidence) }));
      relIds.push(r.id);
    }
    if (id === undefined) break;
    if (changed.has(id)) {
      endRun(i);
      if (fresh[j]?.id === id) {
        const r = fresh[j++];
        pieces.push(JSON.stringify({ ...r, evidence: slimEvidence(r.evidence) }));
        relIds.push(r.id);
      }
      continue;
    }
    if (run < 0) run = i;
    relIds.push(id);
  }
  endRun(old.length);
  for (const t of Object.keys(relationsByType)) if (relationsByType[t] <= 0) delete relationsByType[t];

  // Actors: cheap enough to assemble whole, from every article's actor list.
  const keptActors = new Set<string>();
  const stateDocs: StateDoc[] = docs.map((d, i) => {
    const file = input.files[i];
    if (clean(i)) return kept[i]!.file === file ? kept[i]! : { ...kept[i]!, file };
    const actors = kept[i]?.actors ?? [...extractions[i]!.actors];
    return {
      id: d.id,
      key: input.keys[i],
      actors,
      ids: actors.map(([key]) => globalIds[i].get(key)!),
      ...contributionSummary(contributions[i]!, texts[i]!),
      degraded: kept[i]?.degraded ?? input.degraded[i],
      file,
    };
  });
  for (const sd of stateDocs) for (const id of sd.refs) keptActors.add(id);
  const actors: Actor[] = assembleActors(
    docs.map((d, i) => ({ id: d.id, actors: actorLists[i] })),
    globalIds,
    keptActors,
    textActors,
    lexicon,
  );

  const docsDir = documentsDirName(state.out);
  return {
    graph: {
      schemaVersion: GRAPH_SCHEMA_VERSION,
      generatedAt: input.generatedAt,
      relationTypes: lexicon.relationTypes,
      // An article not read again points to its file, which the previous build wrote (writeGraphFiles checks its size).
      documents: docs.map((d, i) => {
        const text = texts[i];
        return text !== undefined
          ? { id: d.id, title: d.title, date: d.date, text }
          : { id: d.id, title: d.title, date: d.date, textUrl: documentTextUrl(docsDir, d.id), textLength: input.files[i].textLength };
      }),
      actors,
      relations: new RawRecords(pieces, relIds.length),
    },
    changed: fresh,
    relationCount: relIds.length,
    relationsByType,
    unchangedTexts: new Map(docs.flatMap((d, i) => (kept[i] !== undefined ? [[d.id, { bytes: input.files[i].fileBytes, load: () => input.text(i) }] as const] : []))),
    state: {
      cacheVersion: state.cacheVersion,
      readerVersion: input.readerVersion,
      out: state.out,
      docs: stateDocs,
      relIds,
      relationsByType,
      mixedDirected: state.mixedDirected,
    },
    reassembled: docs.length - cleanState.size,
  };
}

/** The whole graph of an incremental result (every relation parsed back), for callers that want the object. */
export function materialize(inc: IncrementalGraph): Graph {
  const relations: Relation[] = [];
  for (const p of inc.graph.relations.pieces) relations.push(...(JSON.parse(`[${p.toString()}]`) as Relation[]));
  return { ...inc.graph, relations };
}

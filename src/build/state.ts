// The build state: what a rebuild needs from the articles that did not change,
// kept in the cache folder per output file and written at the end of every
// cached JSON build. A rebuild then reads one file instead of every cache entry,
// assembles only the relations the changed articles touch, and copies every
// other relation's line of the previous graph file byte for byte.
//
// Exactness: assembly is order-dependent only through the global ids of text
// actors (matched by name in document order). Ids are recomputed for the whole
// corpus from the actor lists kept here (cheap); a kept article whose ids come
// out different is re-assembled from its cache entry like a changed one. A
// relation is re-assembled from the previous graph line (its evidence from the
// unchanged articles) plus the contributions of the changed articles; disputes
// are re-decided for the pair and type of every touched relation. Anything the
// state cannot vouch for (another version, a different output, a damaged file,
// a previous graph file that is not the one recorded, too many re-mapped
// articles) returns null: the caller then assembles everything.
import { link, mkdir, readFile, rename, rm, stat, writeFile, copyFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Contribution, ExtractedActor } from "../extract/extract";
import type { Actor, Evidence, Relation } from "../graph/schema";

export const STATE_FORMAT = "entente-state-1";

/** One article as the state keeps it. */
export interface StateDoc {
  id: string;
  /** Its cache key (content hash and extractor version). */
  key: string;
  actors: [string, ExtractedActor][];
  /** The global id of each actor, in the order of `actors`. */
  ids: string[];
  /** Ids of the relations it gives evidence to. */
  rels: string[];
  /** Global actor ids its evidence refers to (endpoints, speakers): what keeps text actors. */
  refs: string[];
  degraded: string[];
  /** Evidence sentences that are not `text.slice(start, end)`: `${start}:${end}` → sentence. */
  irregular: [string, string][];
}

export interface BuildState {
  format: typeof STATE_FORMAT;
  cacheVersion: string;
  out: string;
  /** The graph file as written (a hard link or copy of it in the cache folder). */
  lines: { file: string; size: number; mtimeMs: number; relationsAt: number };
  docs: StateDoc[];
  /** Relation ids in graph order (sorted). */
  relIds: string[];
  relationsByType: Record<string, number>;
  mixedDirected: string[];
}

export function stateFiles(cacheDir: string, out: string): { state: string; lines: string } {
  const h = createHash("sha256").update(out).digest("hex").slice(0, 16);
  return { state: join(cacheDir, "state", `${h}.state`), lines: join(cacheDir, "state", `${h}.graph`) };
}

/** The state for `out`, with the previous graph file's bytes; null when there is none or it cannot be trusted. */
export async function loadState(cacheDir: string, out: string, cacheVersion: string): Promise<{ state: BuildState; bytes: Buffer } | null> {
  const files = stateFiles(cacheDir, out);
  try {
    const state = deserialize(await readFile(files.state)) as BuildState;
    if (!state || state.format !== STATE_FORMAT || state.cacheVersion !== cacheVersion || state.out !== out || !Array.isArray(state.docs) || !Array.isArray(state.relIds))
      return null;
    const info = await stat(files.lines);
    if (info.size !== state.lines.size || info.mtimeMs !== state.lines.mtimeMs) return null;
    const bytes = await readFile(files.lines);
    return bytes.length === state.lines.size ? { state, bytes } : null;
  } catch {
    return null;
  }
}

/**
 * Stores the state and the graph file it describes (`graphFile`, already in place):
 * a hard link to it, or a copy when the cache is on another file system.
 */
export async function saveState(cacheDir: string, state: Omit<BuildState, "lines" | "format">, graphFile: string, relationsAt: number): Promise<void> {
  const files = stateFiles(cacheDir, state.out);
  const tmp = `${files.lines}.${process.pid}.tmp`;
  try {
    await mkdir(join(files.state, ".."), { recursive: true });
    // The old state first: a crash in between leaves no state, never a wrong one.
    await rm(files.state, { force: true });
    await rm(tmp, { force: true });
    await link(graphFile, tmp).catch(() => copyFile(graphFile, tmp));
    await rename(tmp, files.lines);
    const info = await stat(files.lines);
    const full: BuildState = { format: STATE_FORMAT, ...state, lines: { file: files.lines, size: info.size, mtimeMs: info.mtimeMs, relationsAt } };
    await writeFile(`${files.state}.${process.pid}.tmp`, serialize(full));
    await rename(`${files.state}.${process.pid}.tmp`, files.state);
  } catch {
    // A state that cannot be written only costs the next rebuild its speed.
    await rm(tmp, { force: true }).catch(() => {});
  }
}

/** Byte ranges [start, end) of each relation record in a graph file written one record per line; null when the layout is not as expected. */
export function relationLineRanges(bytes: Buffer, relationsAt: number, count: number): Int32Array | null {
  const ranges = new Int32Array(count * 2);
  if (count === 0) return ranges;
  let start = relationsAt;
  for (let i = 0; i < count; i++) {
    const nl = bytes.indexOf(10, start);
    if (nl < 0) return null;
    const last = i === count - 1;
    const end = last ? nl : nl - 1;
    if (bytes[start] !== 0x7b || bytes[end - 1] !== 0x7d || (!last && bytes[nl - 1] !== 0x2c)) return null;
    ranges[2 * i] = start;
    ranges[2 * i + 1] = end;
    start = nl + 3; // "\n  "
  }
  return bytes.toString("latin1", ranges[2 * count - 1], ranges[2 * count - 1] + 5) === "\n ]\n}" ? ranges : null;
}

/** What a document keeps of its contributions for the state. */
export function contributionSummary(contributions: readonly Contribution[], text: string): Pick<StateDoc, "rels" | "refs" | "irregular"> {
  const rels = new Set<string>();
  const refs = new Set<string>();
  const irregular: [string, string][] = [];
  for (const c of contributions) {
    rels.add(c.id);
    refs.add(c.source).add(c.target);
    const e = c.evidence;
    if (e.attribution.actor !== undefined) refs.add(e.attribution.actor);
    if (e.sentence !== undefined && text.slice(e.start, e.end) !== e.sentence) irregular.push([`${e.start}:${e.end}`, e.sentence]);
  }
  return { rels: [...rels], refs: [...refs], irregular };
}

/** Pre-serialised elements of the graph file's relations array: pieces of one or more whole records (joined as the writer joins records). */
export class RawRecords {
  constructor(
    readonly pieces: (string | Buffer)[],
    readonly count: number,
  ) {}
}

export type { Actor, Evidence, Relation };

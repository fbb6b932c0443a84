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
import type { Contribution, ExtractedActor } from "../extract/extract";
import type { Actor, Evidence, Relation } from "../graph/schema";

export const STATE_FORMAT = "entente-state-2";

/** What reading gave for an article file, so a rebuild that finds its size and mtime unchanged need not read it. */
export interface StateFile {
  /** The file's path as read (absolute). */
  path: string;
  size: number;
  mtimeMs: number;
  /** False when the file was modified too close to the read for its mtime to show a later change: read it again next time. */
  trusted: boolean;
  title: string;
  date: string | null;
  /** The article text's length, and the byte size of its per-document file. */
  textLength: number;
  fileBytes: number;
  /** What reading it warned about. */
  warnings: string[];
}

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
  /** The file it was read from. */
  file: StateFile;
}

export interface BuildState {
  format: typeof STATE_FORMAT;
  cacheVersion: string;
  /** The version of the article reader (src/io): another one may read the same file differently. */
  readerVersion: string;
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
    const state = unpackState(await readFile(files.state));
    if (!state || state.cacheVersion !== cacheVersion || state.out !== out) return null;
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
    await writeFile(`${files.state}.${process.pid}.tmp`, packState(full));
    await rename(`${files.state}.${process.pid}.tmp`, files.state);
  } catch {
    // A state that cannot be written only costs the next rebuild its speed.
    await rm(tmp, { force: true }).catch(() => {});
  }
}

// The state file, packed: most of it is the same few thousand strings (actor
// keys, names, forms, relation ids) and the same actor records over and over,
// which a generic serialiser writes and reads once per use (v8.serialize: 43 MB,
// ~0.5 s to read for 2,000 articles). Here every string is written once, in a
// table (one JSON array), every distinct actor record once, and everything else
// is numbers referring to them (~12 MB, ~0.1 s):
//
//   MAGIC (16 bytes) · sha256 of the rest (32) · u32 sizes of the header, the table, the integers, the floats ·
//   header (JSON) · string table (JSON array) · Int32 array · Float64 array
//
// A file that is short, long, has another magic or checksum, or whose numbers
// do not add up is no state (null): the build then assembles everything.
// Articles that had the same actor record share one object: nothing changes them.
const MAGIC = Buffer.from("entente-state-2\n", "latin1");
const HEAD = MAGIC.length + 32 + 16;
const pad8 = (n: number) => (8 - (n % 8)) % 8;

class Ints {
  a = new Int32Array(1 << 16);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const grown = new Int32Array(this.a.length * 2);
      grown.set(this.a);
      this.a = grown;
    }
    this.a[this.n++] = v;
  }
}

class Writer {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  readonly floats: number[] = [];
  constructor(readonly out: Ints) {}
  intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  int(v: number, to = this.out): void {
    to.push(v);
  }
  str(s: string, to = this.out): void {
    to.push(this.intern(s));
  }
  optStr(s: string | null | undefined, to = this.out): void {
    to.push(s === null || s === undefined ? -1 : this.intern(s));
  }
  strs(list: readonly string[], to = this.out): void {
    to.push(list.length);
    for (const s of list) to.push(this.intern(s));
  }
}

class Reader {
  private i = 0;
  private f = 0;
  constructor(
    private readonly strings: string[],
    private readonly ints: Int32Array,
    private readonly floats: Float64Array,
  ) {}
  int(): number {
    if (this.i >= this.ints.length) throw new Error("state: too few numbers");
    return this.ints[this.i++];
  }
  count(): number {
    const n = this.int();
    if (n < 0 || n > this.ints.length) throw new Error("state: bad count");
    return n;
  }
  str(): string {
    const s = this.strings[this.int()];
    if (s === undefined) throw new Error("state: bad string index");
    return s;
  }
  optStr(): string | null {
    const k = this.int();
    return k === -1 ? null : (this.strings[k] ?? (this.bad() as never));
  }
  private bad(): void {
    throw new Error("state: bad string index");
  }
  strs(): string[] {
    const n = this.count();
    const out = new Array<string>(n);
    for (let k = 0; k < n; k++) out[k] = this.str();
    return out;
  }
  float(): number {
    if (this.f >= this.floats.length) throw new Error("state: too few numbers");
    return this.floats[this.f++];
  }
  done(): boolean {
    return this.i === this.ints.length && this.f === this.floats.length;
  }
}

export function packState(state: BuildState): Buffer {
  const docInts = new Ints();
  const w = new Writer(docInts);
  // Relation ids first: their table indexes are then their positions.
  state.relIds.forEach((id, i) => {
    if (w.intern(id) !== i) throw new Error(`state: relation ${id} twice`);
  });
  // Distinct actor records (key, global id, name, kind, mentions, country, forms), numbered.
  const recInts = new Ints();
  const records = new Map<string, number>();
  const one = new Ints();
  const seen = new Map<readonly [string, ExtractedActor], { id: string; record: number }>();
  w.int(state.docs.length);
  for (const d of state.docs) {
    w.str(d.id);
    w.str(d.key);
    w.int(d.actors.length);
    d.actors.forEach((entry, j) => {
      // An entry read from the previous state is usually the same object again: no need to look at its fields.
      const known = seen.get(entry);
      if (known !== undefined && known.id === d.ids[j]) return w.int(known.record);
      const [key, a] = entry;
      one.n = 0;
      w.str(key, one);
      w.str(d.ids[j], one);
      w.str(a.name, one);
      w.str(a.kind, one);
      w.int(a.mentions, one);
      w.optStr(a.country, one);
      w.strs(a.forms, one);
      const tuple = one.a.subarray(0, one.n);
      const k = tuple.join(",");
      let r = records.get(k);
      if (r === undefined) {
        records.set(k, (r = records.size));
        for (const v of tuple) recInts.push(v);
      }
      seen.set(entry, { id: d.ids[j], record: r });
      w.int(r);
    });
    w.strs(d.rels);
    w.strs(d.refs);
    w.strs(d.degraded);
    w.int(d.irregular.length);
    for (const [k, v] of d.irregular) {
      w.str(k);
      w.str(v);
    }
    const f = d.file;
    w.str(f.path);
    w.floats.push(f.size, f.mtimeMs);
    w.int(f.trusted ? 1 : 0);
    w.str(f.title);
    w.optStr(f.date);
    w.int(f.textLength);
    w.int(f.fileBytes);
    w.strs(f.warnings);
  }
  const header = Buffer.from(
    JSON.stringify({
      format: state.format,
      cacheVersion: state.cacheVersion,
      readerVersion: state.readerVersion,
      out: state.out,
      lines: state.lines,
      relations: state.relIds.length,
      records: records.size,
      relationsByType: state.relationsByType,
      mixedDirected: state.mixedDirected,
    }),
  );
  const table = Buffer.from(JSON.stringify(w.strings));
  const ints = new Int32Array(recInts.n + docInts.n);
  ints.set(recInts.a.subarray(0, recInts.n));
  ints.set(docInts.a.subarray(0, docInts.n), recInts.n);
  const intBytes = Buffer.from(ints.buffer);
  const floats = Buffer.from(new Float64Array(w.floats).buffer);
  const sizes = Buffer.alloc(16);
  sizes.writeUInt32LE(header.length, 0);
  sizes.writeUInt32LE(table.length, 4);
  sizes.writeUInt32LE(intBytes.length, 8);
  sizes.writeUInt32LE(floats.length, 12);
  // Padded to 8 bytes after the header, the table and the integers.
  const afterHeader = HEAD + header.length;
  const afterTable = afterHeader + pad8(afterHeader) + table.length;
  const body = Buffer.concat([sizes, header, Buffer.alloc(pad8(afterHeader)), table, Buffer.alloc(pad8(afterTable)), intBytes, Buffer.alloc(pad8(intBytes.length)), floats]);
  const sum = createHash("sha256").update(body).digest();
  return Buffer.concat([MAGIC, sum, body]);
}

/** The state packed in `buf`; null when it is not one (another format, damaged, truncated). */
export function unpackState(buf: Buffer): BuildState | null {
  if (buf.length < HEAD || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const body = buf.subarray(MAGIC.length + 32);
  if (
    !createHash("sha256")
      .update(body)
      .digest()
      .equals(buf.subarray(MAGIC.length, MAGIC.length + 32))
  )
    return null;
  const [hl, tl, il, fl] = [0, 4, 8, 12].map((o) => body.readUInt32LE(o));
  let at = HEAD + hl;
  if (at > buf.length) return null;
  const header = JSON.parse(buf.toString("utf8", HEAD, at)) as Omit<BuildState, "docs" | "relIds"> & { relations: number; records: number };
  at += pad8(at);
  if (at + tl > buf.length) return null;
  const strings = JSON.parse(buf.toString("utf8", at, at + tl)) as unknown;
  at += tl;
  at += pad8(at);
  if (header.format !== STATE_FORMAT || !Array.isArray(strings) || at + il + pad8(il) + fl !== buf.length || il % 4 || fl % 8) return null;
  // Views on a copy: the buffer's own offset need not be aligned.
  const aligned = new Uint8Array(il + pad8(il) + fl);
  aligned.set(buf.subarray(at));
  const r = new Reader(strings as string[], new Int32Array(aligned.buffer, 0, il / 4), new Float64Array(aligned.buffer, il + pad8(il), fl / 8));
  const relIds = (strings as string[]).slice(0, header.relations);
  if (relIds.length !== header.relations) return null;
  const records: { entry: [string, ExtractedActor]; id: string }[] = new Array(header.records);
  for (let k = 0; k < records.length; k++) {
    const key = r.str();
    const id = r.str();
    const name = r.str();
    const kind = r.str() as ExtractedActor["kind"];
    const mentions = r.int();
    const country = r.optStr();
    const forms = r.strs();
    records[k] = { entry: [key, country === null ? { name, kind, forms, mentions } : { name, kind, forms, mentions, country }], id };
  }
  const docs: StateDoc[] = new Array(r.count());
  for (let k = 0; k < docs.length; k++) {
    const id = r.str();
    const key = r.str();
    const n = r.count();
    const actors: [string, ExtractedActor][] = new Array(n);
    const ids: string[] = new Array(n);
    for (let j = 0; j < n; j++) {
      const rec = records[r.int()];
      if (rec === undefined) return null;
      actors[j] = rec.entry;
      ids[j] = rec.id;
    }
    const rels = r.strs();
    const refs = r.strs();
    const degraded = r.strs();
    const irregular: [string, string][] = new Array(r.count());
    for (let j = 0; j < irregular.length; j++) irregular[j] = [r.str(), r.str()];
    const file: StateFile = {
      path: r.str(),
      size: r.float(),
      mtimeMs: r.float(),
      trusted: r.int() === 1,
      title: r.str(),
      date: r.optStr(),
      textLength: r.int(),
      fileBytes: r.int(),
      warnings: r.strs(),
    };
    docs[k] = { id, key, actors, ids, rels, refs, degraded, irregular, file };
  }
  if (!r.done()) return null;
  const { relations: _, records: __, ...rest } = header;
  return { ...rest, docs, relIds };
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

// Writing the graph file and its per-document files: temporary files beside them,
// then renames, so a reader never sees half a file; a failed write or rename
// removes the temporaries. See docs/graph-schema.md for the two shapes.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { GRAPH_SCHEMA_VERSION, slimEvidence, type DocumentTextFile, type Graph, type GraphDocument } from "../graph/schema";
import { RawRecords } from "./state";

export async function writeFileAtomic(out: string, content: string, fs: { rename: typeof rename } = { rename }): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, content);
    await fs.rename(tmp, out);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** How many documents the graph file at `path` holds; null when there is none or it is not a graph. */
export async function existingGraphDocuments(path: string): Promise<number | null> {
  try {
    const g = JSON.parse(await readFile(path, "utf8")) as { documents?: unknown };
    return Array.isArray(g.documents) ? g.documents.length : null;
  } catch {
    return null;
  }
}

/**
 * Writes `JSON.stringify(value, null, 1) + "\n"` to `out` atomically, byte for
 * byte the same, but streamed: the top-level object and its arrays element by
 * element, so a large graph is never one string in memory.
 */
export async function writeJsonAtomic(out: string, value: unknown, fs: { rename: typeof rename } = { rename }): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await writeJsonFile(tmp, value);
    await fs.rename(tmp, out);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Streams `JSON.stringify(value, null, 1) + "\n"` into `path` (not atomic: write a temporary with it).
 * Returns the byte offset of the first record of the top-level `relations` array (-1 when it has none).
 */
async function writeJsonFile(path: string, value: unknown, lines = false): Promise<number> {
  const { createWriteStream } = await import("node:fs");
  const stream = createWriteStream(path);
  const done = new Promise<void>((ok, fail) => {
    stream.on("finish", ok);
    stream.on("error", fail);
  });
  const failed = new Promise<never>((_, fail) => stream.on("error", fail));
  failed.catch(() => {});
  let buf = "";
  // Bytes written, counted until the relations begin.
  const ctx: StreamContext = { pos: 0, counting: true, relationsAt: -1 };
  const flush = async (chunk: string | Buffer) => {
    if (!stream.write(chunk)) await Promise.race([new Promise<void>((ok) => stream.once("drain", () => ok())), failed]);
  };
  const write = async (s: string | Buffer) => {
    if (ctx.counting) ctx.pos += typeof s === "string" ? Buffer.byteLength(s) : s.length;
    if (typeof s !== "string") {
      // Bytes copied from a previous graph file: written as they are.
      if (buf) await flush(buf);
      buf = "";
      return flush(s);
    }
    buf += s;
    if (buf.length < 1 << 16) return;
    const chunk = buf;
    buf = "";
    await flush(chunk);
  };
  try {
    await streamJson(value, 0, write, lines, ctx);
    await write("\n");
    stream.end(buf);
    await done;
  } finally {
    stream.destroy();
  }
  return ctx.relationsAt;
}

interface StreamContext {
  pos: number;
  counting: boolean;
  relationsAt: number;
}

/** The folder of per-document files beside a graph file: `graph.json` → `graph.docs`. */
export function documentsDirName(out: string): string {
  return `${basename(out).replace(/\.json$/i, "")}.docs`;
}

/** A per-document file's name: a stable hash of the document id, so ids with "/" or any other character are safe file names. */
export function documentFileName(id: string): string {
  return `${createHash("sha256").update(id).digest("hex").slice(0, 20)}.json`;
}
const DOCUMENT_FILE = /^[0-9a-f]{20}\.json$/;

/** A per-document file's bytes (DocumentTextFile). */
export function documentFileContent(id: string, text: string): string {
  const file: DocumentTextFile = { schemaVersion: GRAPH_SCHEMA_VERSION, id, text };
  return JSON.stringify(file) + "\n";
}

export interface DocumentFile {
  id: string;
  /** File name inside the documents folder. */
  name: string;
  content: string;
}

/** A document given without its text (see `writeGraphFiles`'s `unchangedTexts`): its file is expected to be in place. */
export interface KnownDocumentFile {
  id: string;
  name: string;
  textLength: number;
}

/** A per-document file the caller knows to be unchanged: its byte size, and how to get its text should it be missing. */
export interface KnownText {
  bytes?: number;
  load?: () => Promise<string>;
}

/** The textUrl of a document's file, for a graph file whose documents folder is `docsDir` (documentsDirName). */
export function documentTextUrl(docsDir: string, id: string): string {
  return `${encodeURIComponent(docsDir)}/${documentFileName(id)}`;
}

/**
 * The graph file's content and its per-document files: documents point to their
 * file (`textUrl`, relative to the graph file, and `textLength`), and only the first
 * SENTENCES_PER_RELATION evidence entries of each relation keep their sentence.
 * With `singleFile`, texts stay inline and there are no per-document files.
 */
export function splitGraph(graph: Graph, docsDir: string, singleFile = false): { graph: Graph; files: DocumentFile[]; known: KnownDocumentFile[] } {
  const files: DocumentFile[] = [];
  const known: KnownDocumentFile[] = [];
  const names = new Map<string, string>();
  const documents = graph.documents.map((d): GraphDocument => {
    // A document without its text but with its length: its file is one the caller knows (writeGraphFiles' unchangedTexts).
    if (d.text === undefined && (singleFile || d.textLength === undefined)) throw new Error(`document "${d.id}" has no text to write`);
    if (singleFile) return { id: d.id, title: d.title, date: d.date, text: d.text };
    const name = documentFileName(d.id);
    const other = names.get(name);
    if (other !== undefined) throw new Error(`documents "${other}" and "${d.id}" hash to the same file name ${name}`);
    names.set(name, d.id);
    const textLength = d.text?.length ?? d.textLength!;
    if (d.text === undefined) known.push({ id: d.id, name, textLength });
    else files.push({ id: d.id, name, content: documentFileContent(d.id, d.text) });
    return { id: d.id, title: d.title, date: d.date, textUrl: documentTextUrl(docsDir, d.id), textLength };
  });
  const relations = (graph.relations as unknown) instanceof RawRecords ? graph.relations : graph.relations.map((r) => ({ ...r, evidence: slimEvidence(r.evidence) }));
  return { graph: { ...graph, documents, relations }, files, known };
}

export interface GraphFilesResult {
  /** The documents folder (absolute), or null for a single file. */
  docsDir: string | null;
  /** Per-document files written, left as they were (same content), removed (their article is gone). */
  written: number;
  unchanged: number;
  removed: number;
}

/**
 * Writes the graph file at `out` and its per-document files in `<name>.docs/`
 * beside it (or one self-contained file with `singleFile`). Atomic as a whole as
 * far as renames allow: every changed file is first written as a temporary, then
 * the per-document files are renamed into place, then the graph file, so a reader
 * of the new graph finds its texts; on any failure every temporary is removed.
 * A per-document file whose content is unchanged is not rewritten (a rebuild after
 * one changed article writes one file); files of removed articles are deleted last.
 */
export async function writeGraphFiles(
  out: string,
  graph: Graph,
  options: {
    singleFile?: boolean;
    fs?: { rename: typeof rename };
    /**
     * Documents whose per-document file the caller knows to be unchanged (see src/build/state.ts): checked for their
     * size only. With a KnownText, the document may come without its text (but with its textLength): its file is then
     * checked against `bytes`, and written from `load()` only when it is not as expected.
     */
    unchangedTexts?: ReadonlySet<string> | ReadonlyMap<string, KnownText>;
    /** Told the byte offset of the first relation record in the graph file (-1: none) once it is in place. */
    onRelationsAt?: (offset: number) => void;
  } = {},
): Promise<GraphFilesResult> {
  const fs = options.fs ?? { rename };
  const dirName = documentsDirName(out);
  const docsDir = join(dirname(out), dirName);
  const split = splitGraph(graph, dirName, options.singleFile);
  const knownTexts = options.unchangedTexts instanceof Map ? (options.unchangedTexts as ReadonlyMap<string, KnownText>) : undefined;
  // A document without its text must be one the caller vouches for: refused before anything is written.
  for (const f of split.known) if (!knownTexts?.has(f.id)) throw new Error(`document "${f.id}" has no text to write`);
  await mkdir(dirname(out), { recursive: true });
  if (split.files.length || split.known.length) await mkdir(docsDir, { recursive: true });
  const temps: string[] = [];
  const moves: [string, string][] = [];
  let unchanged = 0;
  let relationsAt: number;
  try {
    const put = async (path: string, content: string) => {
      const tmp = `${path}.${process.pid}.tmp`;
      temps.push(tmp);
      await writeFile(tmp, content);
      moves.push([tmp, path]);
    };
    for (const f of split.files) {
      const path = join(docsDir, f.name);
      // A text the state vouches for (same article, written by the previous build) is only checked for its size.
      if (options.unchangedTexts?.has(f.id) ? await hasSize(path, Buffer.byteLength(f.content)) : await sameContent(path, f.content)) {
        unchanged++;
        continue;
      }
      await put(path, f.content);
    }
    // Documents given without their text: their file is there as the previous build wrote it, or is written again.
    for (const f of split.known) {
      const path = join(docsDir, f.name);
      const known = knownTexts?.get(f.id);
      if (known?.bytes !== undefined && (await hasSize(path, known.bytes))) {
        unchanged++;
        continue;
      }
      const text = await known?.load?.();
      if (text === undefined) throw new Error(`document "${f.id}" has no text to write`);
      if (text.length !== f.textLength) throw new Error(`document "${f.id}" changed while the graph was written`);
      await put(path, documentFileContent(f.id, text));
    }
    const graphTmp = `${out}.${process.pid}.tmp`;
    temps.push(graphTmp);
    // One record per line: about a third smaller than indented JSON, still greppable and diffable.
    relationsAt = await writeJsonFile(graphTmp, split.graph, true);
    moves.push([graphTmp, out]);
    for (const [from, to] of moves) await fs.rename(from, to);
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw err;
  }
  const keep = new Set([...split.files, ...split.known].map((f) => f.name));
  const removed = await removeStaleDocumentFiles(docsDir, keep);
  options.onRelationsAt?.(relationsAt);
  return { docsDir: options.singleFile ? null : docsDir, written: moves.length - 1, unchanged, removed };
}

async function hasSize(path: string, bytes: number): Promise<boolean> {
  try {
    return (await stat(path)).size === bytes;
  } catch {
    return false;
  }
}

async function sameContent(path: string, content: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (info.size !== Buffer.byteLength(content)) return false;
    return contentHash(await readFile(path)) === contentHash(content);
  } catch {
    return false;
  }
}

const contentHash = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** Removes per-document files (our names only) not in `keep`; the folder too when nothing is left in it. */
async function removeStaleDocumentFiles(docsDir: string, keep: ReadonlySet<string>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(docsDir);
  } catch {
    return 0;
  }
  const stale = names.filter((n) => DOCUMENT_FILE.test(n) && !keep.has(n));
  await Promise.all(stale.map((n) => rm(join(docsDir, n), { force: true })));
  if (keep.size === 0 && stale.length === names.length) await rmdir(docsDir).catch(() => {});
  return stale.length;
}

const indent = (s: string, pad: string) => (pad ? s.replace(/\n/g, `\n${pad}`) : s);

/**
 * JSON.stringify(value, null, 1) at nesting `depth`, written in pieces (depth ≤ 1
 * streamed, deeper whole). With `lines`, what is below the top level's arrays is
 * compact: one actor, relation or document per line.
 */
async function streamJson(value: unknown, depth: number, write: (s: string | Buffer) => Promise<void>, lines = false, ctx?: StreamContext, key?: string): Promise<void> {
  const deep = (v: unknown, pad: string) =>
    lines ? (JSON.stringify(v) as string | undefined) : mapDefined(JSON.stringify(v, null, 1) as string | undefined, (s) => indent(s, pad));
  const pad = " ".repeat(depth);
  const inner = " ".repeat(depth + 1);
  const marks = depth === 1 && key === "relations" && ctx !== undefined;
  if (depth === 1 && value instanceof RawRecords) {
    if (value.count === 0) return write("[]");
    await write(`[\n${inner}`);
    if (marks) [ctx.relationsAt, ctx.counting] = [ctx.pos, false];
    for (let i = 0; i < value.pieces.length; i++) {
      if (i) await write(`,\n${inner}`);
      await write(value.pieces[i]);
    }
    await write(`\n${pad}]`);
    return;
  }
  if (depth <= 1 && Array.isArray(value) && value.length > 0) {
    await write("[");
    for (let i = 0; i < value.length; i++) {
      await write(`${i ? "," : ""}\n${inner}`);
      if (marks && i === 0) [ctx.relationsAt, ctx.counting] = [ctx.pos, false];
      // As JSON.stringify: undefined and functions in an array are null.
      await write(deep(value[i], inner) ?? "null");
    }
    await write(`\n${pad}]`);
    return;
  }
  if (depth === 0 && value !== null && typeof value === "object" && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
    if (entries.length === 0) return write("{}");
    await write("{");
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i];
      await write(`${i ? "," : ""}\n${inner}${JSON.stringify(k)}: `);
      await streamJson(v, depth + 1, write, lines, ctx, k);
    }
    await write(`\n${pad}}`);
    return;
  }
  await write(deep(value, pad) ?? "null");
}

const mapDefined = <T, U>(v: T | undefined, f: (v: T) => U): U | undefined => (v === undefined ? undefined : f(v));

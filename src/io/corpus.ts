// Reads a folder of article files into documents (Node only). Every problem
// with one file is reported and skipped; only an unusable folder throws.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { isBinaryFileSync } from "isbinaryfile";
import { decodeArticleBytes, detectEncoding, parseArticle, type SourceDocument } from "../extract/document";
import { stripArticleExtension } from "../interop/articleText";
import { articleSourceText } from "./html";

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface CorpusReadResult<D = SourceDocument> {
  documents: D[];
  skipped: SkippedFile[];
  warnings: { path: string; message: string }[];
}

export interface ArticleFileInfo {
  size: number;
  mtimeMs: number;
  /**
   * False when the file was modified so shortly before it was read that a later change could keep its size and
   * time (timestamps are only as fine as the file system's clock): such a file is read again next time.
   */
  trusted: boolean;
}

/** What reading an article file gave earlier, for `readCorpus`'s `reuse`. */
export interface KnownArticle {
  title: string;
  date: string | null;
  warnings: string[];
}

/** An article that was not read again (see `reuse`): everything but its text. */
export type ReusedDocument = Omit<SourceDocument, "text"> & { text?: undefined };

/**
 * How long after its last modification a file's time is trusted to show the next one: the coarse clocks file
 * systems stamp with tick every few milliseconds; a time in whole seconds suggests a file system that keeps only
 * seconds (FAT keeps two).
 */
function trustedTime(mtimeMs: number, readAt: number): boolean {
  return mtimeMs < readAt - (mtimeMs % 1000 === 0 ? 2000 : 50);
}

/** Larger than any article; guards memory against a stray dump named .txt. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

interface Entry {
  /** Path below the corpus folder, with `/`. */
  rel: string;
  full: string;
  /** Set when the entry is already known to be unusable. */
  skipReason?: string;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function listFiles(dir: string, rel: string, out: Entry[]): Promise<void> {
  const full = rel === "" ? dir : join(dir, rel);
  let entries;
  try {
    entries = await readdir(full, { withFileTypes: true });
  } catch (err) {
    if (rel === "") throw err;
    out.push({ rel, full, skipReason: `unreadable folder: ${errorMessage(err)}` });
    return;
  }
  for (const e of entries) {
    const childRel = rel === "" ? e.name : `${rel}/${e.name}`;
    const childFull = join(full, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const s = await stat(childFull);
        if (s.isDirectory()) {
          // Not followed: a link back up would loop forever.
          out.push({ rel: childRel, full: childFull, skipReason: "symbolic link to a folder (not followed)" });
          continue;
        }
        isFile = s.isFile();
        isDir = false;
      } catch (err) {
        out.push({ rel: childRel, full: childFull, skipReason: `broken symbolic link: ${errorMessage(err)}` });
        continue;
      }
    }
    if (isDir) {
      if (e.name.startsWith(".")) {
        out.push({ rel: childRel, full: childFull, skipReason: "hidden folder" });
        continue;
      }
      await listFiles(dir, childRel, out);
    } else if (isFile) {
      out.push({ rel: childRel, full: childFull });
    } else {
      out.push({ rel: childRel, full: childFull, skipReason: "not a regular file" });
    }
  }
}

const TXT = /\.(txt|md|markdown|html?)$/i; // .md and .html are read as text (src/io/html.ts)

/**
 * Document ids for the `.txt` entries: the relative path without `.txt`
 * ("000_e70b6a044e603e26", "nested/inner"), so ordinary files keep the ids the
 * gold answers and older graphs use. Where that is empty (".txt") or taken
 * ("a.txt" and "a.TXT"), the whole relative path is the id; a lower-case
 * ".txt" wins the short id. Unique, and the same for the same folder.
 */
export function assignDocumentIds(rels: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const short = (rel: string) => {
    const s = stripArticleExtension(rel);
    return s === "" || s.endsWith("/") ? null : s;
  };
  const sorted = [...rels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Lower-case ".txt" first, then other spellings, then whatever is left.
  for (const pass of [(r: string) => r.endsWith(".txt"), (r: string) => !r.endsWith(".txt")]) {
    for (const rel of sorted) {
      if (ids.has(rel) || !pass(rel)) continue;
      const id = short(rel);
      if (id !== null && !taken.has(id)) {
        ids.set(rel, id);
        taken.add(id);
      }
    }
  }
  for (const rel of sorted) {
    if (ids.has(rel)) continue;
    let id = rel;
    for (let n = 2; taken.has(id); n++) id = `${rel}#${n}`;
    ids.set(rel, id);
    taken.add(id);
  }
  return ids;
}

/**
 * Reads every `.txt` below `dir` (recursively, in sorted relative-path order).
 * Document ids come from the relative paths (see `assignDocumentIds`), so they
 * are unique and stable.
 */
export async function readCorpus(dir: string, opts?: { onFile?: (done: number, total: number) => void }): Promise<CorpusReadResult> {
  const { files: _, ...result } = await readCorpusFiles(dir, opts);
  return result as CorpusReadResult;
}

/**
 * `readCorpus`, with the size and time of each document's file (as seen before it was read, parallel to
 * `documents`). With `reuse`, a file whose size and time `reuse(path, id, info)` recognises is not read: its
 * document comes back without its text (a `ReusedDocument`), with the title, date and warnings `reuse` gave.
 * `readArticle` reads it when its text is wanted after all.
 */
export async function readCorpusFiles(
  dir: string,
  opts?: { onFile?: (done: number, total: number) => void; reuse?: (path: string, id: string, info: ArticleFileInfo) => KnownArticle | undefined },
): Promise<CorpusReadResult<SourceDocument | ReusedDocument> & { files: ArticleFileInfo[] }> {
  let dirStat;
  try {
    dirStat = await stat(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === "ENOENT" ? `Input folder not found: ${dir}` : `Cannot read input folder ${dir}: ${errorMessage(err)}`, { cause: err });
  }
  if (!dirStat.isDirectory()) throw new Error(`Input path is not a folder: ${dir}`);

  const readAt = Date.now();
  const entries: Entry[] = [];
  try {
    await listFiles(dir, "", entries);
  } catch (err) {
    throw new Error(`Cannot list input folder ${dir}: ${errorMessage(err)}`, { cause: err });
  }
  // Code-unit order, not locale order, so every machine gives the same output.
  entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));

  const ids = assignDocumentIds(entries.filter((e) => !e.skipReason && TXT.test(e.rel)).map((e) => e.rel));
  const result: CorpusReadResult<SourceDocument | ReusedDocument> & { files: ArticleFileInfo[] } = { documents: [], files: [], skipped: [], warnings: [] };
  const total = entries.length;
  let done = 0;
  for (const entry of entries) {
    const outcome = await readEntry(entry, ids.get(entry.rel) ?? entry.rel, readAt, opts?.reuse);
    if ("reason" in outcome) {
      result.skipped.push({ path: entry.full, reason: outcome.reason });
    } else {
      result.documents.push(outcome.document);
      result.files.push(outcome.info);
    }
    for (const message of outcome.warnings) result.warnings.push({ path: entry.full, message });
    opts?.onFile?.(++done, total);
  }
  return result;
}

/**
 * Reads one article of the corpus in `dir` again, as `readCorpus` read it (`path` is its document's, `id` its id),
 * for the text of a `ReusedDocument`. Throws when the file is no longer an article.
 */
export async function readArticle(dir: string, path: string, id: string): Promise<{ document: SourceDocument; warnings: string[]; info: ArticleFileInfo }> {
  const rel = relative(dir, path).split(sep).join("/");
  const outcome = await readEntry({ rel, full: path }, id, Date.now());
  if ("reason" in outcome) throw new Error(`${path}: ${outcome.reason}`);
  return outcome as { document: SourceDocument; warnings: string[]; info: ArticleFileInfo };
}

type EntryOutcome = { document: SourceDocument | ReusedDocument; warnings: string[]; info: ArticleFileInfo } | { reason: string; warnings: string[] };

async function readEntry(entry: Entry, id: string, readAt: number, reuse?: (path: string, id: string, info: ArticleFileInfo) => KnownArticle | undefined): Promise<EntryOutcome> {
  if (entry.skipReason) return { reason: entry.skipReason, warnings: [] };
  if (!TXT.test(entry.rel)) return { reason: "not a .txt file", warnings: [] };

  let bytes: Buffer;
  let info: ArticleFileInfo;
  try {
    // The time before the bytes: a change while reading shows as another time next time.
    const s = await stat(entry.full);
    if (s.size > MAX_FILE_BYTES) {
      return { reason: `file too large (${s.size} bytes; limit ${MAX_FILE_BYTES})`, warnings: [] };
    }
    info = { size: s.size, mtimeMs: s.mtimeMs, trusted: trustedTime(s.mtimeMs, readAt) };
    const known = info.trusted ? reuse?.(entry.full, id, info) : undefined;
    if (known) return { document: { id, title: known.title, date: known.date, path: entry.full }, warnings: known.warnings, info };
    bytes = await readFile(entry.full);
  } catch (err) {
    return { reason: errorMessage(err), warnings: [] };
  }
  if (bytes.length === 0) return { reason: "empty file", warnings: [] };

  // UTF-16 has NUL bytes that isbinaryfile would take for binary, so only
  // bytes that are not recognisably UTF-16 are checked.
  if (detectEncoding(bytes).encoding === "utf-8" && isBinaryFileSync(bytes, bytes.length)) {
    return { reason: "binary file", warnings: [] };
  }
  const decoded = decodeArticleBytes(bytes);
  if (decoded.text.trim() === "") return { reason: "empty file", warnings: decoded.warnings };

  const parsed = parseArticle(id, entry.full, articleSourceText(entry.rel, decoded.text));
  const warnings = [...decoded.warnings, ...parsed.warnings];
  if (parsed.document.text === "") {
    const reason = "no article text left after removing page furniture";
    return { reason, warnings: warnings.filter((w) => w !== reason) };
  }
  return { document: parsed.document, warnings, info };
}

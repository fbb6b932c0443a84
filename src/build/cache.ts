// Content-hash cache of per-article extractions on disk: one JSON file per
// article, keyed by the article (id, title, date, text) and the extractor
// version. A damaged entry is a miss, never an error.
//
// Entries are made in the extracting thread (`cacheEntryJson`), so the main
// thread only writes bytes. Evidence sentences that are a plain slice of the
// article are left out (they are most of an entry) and put back on reading.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ArticleInput, DocumentExtraction } from "../extract/extract";

/** A DocumentExtraction without its `doc`, as the pipeline keeps it. */
export type Extraction = Omit<DocumentExtraction, "doc">;

export interface CacheEntry {
  extraction: Extraction;
  degraded: string[];
}

/**
 * The JSON of a cache entry for `doc`, without the sentences that `doc.text`
 * gives back. The actors Map is written as its entries: read back with a plain
 * JSON.parse (a reviver called on every value made reading the cache slow).
 */
export function cacheEntryJson(doc: ArticleInput, extraction: Extraction, degraded: string[]): string {
  const relations = extraction.relations.map((r) => {
    const e = r.evidence;
    if (e.sentence === undefined || doc.text.slice(e.start, e.end) !== e.sentence) return r;
    const { sentence: _, ...rest } = e;
    return { ...r, evidence: rest };
  });
  return JSON.stringify({ actors: [...extraction.actors], relations, degraded });
}

/** A cache entry read back for `doc`, with its sentences restored; undefined when it is not an entry. */
export function parseCacheEntry(doc: ArticleInput, json: string): CacheEntry | undefined {
  const entry = JSON.parse(json) as { actors?: unknown; relations?: unknown; degraded?: unknown } | null;
  if (!entry || typeof entry !== "object" || !Array.isArray(entry.actors) || !Array.isArray(entry.relations) || !Array.isArray(entry.degraded)) return undefined;
  const relations = entry.relations as Extraction["relations"];
  // In the evidence's own key order (doc, sentence, …): a rebuilt graph is byte-identical to a fresh one.
  for (const r of relations)
    if (r.evidence.sentence === undefined) {
      const { doc: id, ...rest } = r.evidence;
      r.evidence = { doc: id, sentence: doc.text.slice(rest.start, rest.end), ...rest };
    }
  return { extraction: { actors: new Map(entry.actors as [string, unknown][]) as Extraction["actors"], relations }, degraded: entry.degraded as string[] };
}

export class ExtractionCache {
  constructor(
    readonly dir: string,
    readonly version: string,
  ) {}

  key(doc: ArticleInput): string {
    return createHash("sha256")
      .update(this.version)
      .update("\u0000")
      .update(JSON.stringify([doc.id, doc.title, doc.date, doc.text]))
      .digest("hex");
  }

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(doc: ArticleInput): Promise<CacheEntry | undefined> {
    try {
      return parseCacheEntry(doc, await readFile(this.file(this.key(doc)), "utf8"));
    } catch {
      return undefined;
    }
  }

  /** Stores an entry made by `cacheEntryJson`. */
  async set(doc: ArticleInput, entryJson: string): Promise<void> {
    const file = this.file(this.key(doc));
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(join(file, ".."), { recursive: true });
      await writeFile(tmp, entryJson);
      await rename(tmp, file);
    } catch {
      // A cache that cannot be written only costs speed.
      await rm(tmp, { force: true });
    }
  }
}

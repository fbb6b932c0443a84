// Content-hash cache of per-article extractions on disk: one JSON file per
// article, keyed by the article (id, title, date, text) and the extractor
// version. A damaged entry is a miss, never an error.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ArticleInput } from "../extract/extract";
import { plainReviver } from "./plain";

export interface CacheEntry {
  /** A DocumentExtraction without its `doc`: plain data when stored, with Maps and Sets again when read. */
  extraction: unknown;
  degraded: string[];
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
      const entry = JSON.parse(await readFile(this.file(this.key(doc)), "utf8"), plainReviver) as CacheEntry;
      return entry && typeof entry === "object" && "extraction" in entry && Array.isArray(entry.degraded) ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores an entry whose extraction is plain data (see plain.ts). */
  async set(doc: ArticleInput, entry: CacheEntry): Promise<void> {
    const file = this.file(this.key(doc));
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(join(file, ".."), { recursive: true });
      await writeFile(tmp, JSON.stringify(entry));
      await rename(tmp, file);
    } catch {
      // A cache that cannot be written only costs speed.
      await rm(tmp, { force: true });
    }
  }
}

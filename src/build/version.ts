// The extractor's version for the cache: a hash of every file that can change
// what extraction gives for an article (src/extract, src/graph, data/ except
// the corpus in data/articles), read at startup.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Bump when the cache entry format changes. */
const CACHE_FORMAT = "entente-cache-4";

function listFiles(dir: string, rel: string, skip: Set<string>, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(join(dir, rel), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (skip.has(r)) continue;
    if (e.isDirectory()) listFiles(dir, r, skip, out);
    else if (e.isFile()) out.push(r);
  }
}

export function extractorVersion(root: string): string {
  const files: string[] = [];
  listFiles(root, "src/extract", new Set(), files);
  listFiles(root, "src/graph", new Set(), files);
  listFiles(root, "data", new Set(["data/articles"]), files);
  files.sort();
  const h = createHash("sha256").update(CACHE_FORMAT);
  for (const f of files) {
    h.update(`\u0000${f}\u0000`);
    h.update(readFileSync(join(root, f)));
  }
  return h.digest("hex").slice(0, 16);
}

/** The article reader's version for the build state's file list: a hash of the files that turn an article file into a document. */
export function readerVersion(root: string): string {
  const h = createHash("sha256").update("entente-reader-1");
  for (const f of ["src/io/corpus.ts", "src/io/html.ts", "src/interop/articleText.ts", "src/extract/document.ts"]) {
    h.update(`\u0000${f}\u0000`);
    try {
      h.update(readFileSync(join(root, f)));
    } catch {
      h.update("missing");
    }
  }
  return h.digest("hex").slice(0, 16);
}

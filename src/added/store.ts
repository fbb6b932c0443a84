// Added articles kept in the browser (IndexedDB through idb): one record per
// article, written in a transaction of its own, so a failed write (storage
// full, private mode) loses nothing already stored and says why.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { ArticleFormat } from "../interop/articleText";

export interface StoredArticle {
  /** Document id in the graph ("added/…"). */
  id: string;
  /** File name, or "pasted text". */
  name: string;
  format: ArticleFormat;
  /** Plain text after conversion (what the extractor reads). */
  text: string;
  /** ISO timestamp. */
  addedAt: string;
}

interface AddedDB extends DBSchema {
  articles: { key: string; value: StoredArticle };
}

export const DB_NAME = "entente-added";
const DB_VERSION = 1;
let db: Promise<IDBPDatabase<AddedDB>> | null = null;

function open(): Promise<IDBPDatabase<AddedDB>> {
  if (typeof indexedDB === "undefined") return Promise.reject(new Error("this browser offers no IndexedDB storage"));
  db ??= openDB<AddedDB>(DB_NAME, DB_VERSION, {
    upgrade(d) {
      if (!d.objectStoreNames.contains("articles")) d.createObjectStore("articles", { keyPath: "id" });
    },
  }).catch((e) => {
    db = null;
    throw e;
  });
  return db;
}

/** A storage error in words a person can act on. */
export function storageProblem(e: unknown): string {
  const name = (e as { name?: string })?.name;
  if (name === "QuotaExceededError") return "the browser's storage for this page is full";
  if (name === "InvalidStateError" || name === "SecurityError") return "the browser does not allow storage here (private window or blocked site data)";
  return (e as Error)?.message || String(e);
}

export async function listArticles(): Promise<StoredArticle[]> {
  const all = await (await open()).getAll("articles");
  return all.sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
}

/** Stores one article; throws (with `storageProblem` to say why) when the browser refuses. */
export async function saveArticle(a: StoredArticle): Promise<void> {
  const d = await open();
  const tx = d.transaction("articles", "readwrite");
  await Promise.all([tx.store.put(a), tx.done]);
}

export async function removeArticle(id: string): Promise<void> {
  const d = await open();
  const tx = d.transaction("articles", "readwrite");
  await Promise.all([tx.store.delete(id), tx.done]);
}

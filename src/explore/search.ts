// Actor search over name and aliases, on an index built once per graph: exact and
// word-prefix matches first (a sorted word list, binary searched), then fuzzy
// matches (MiniSearch) for typos, only for queries of four letters or more, so a
// short query such as "UAE" finds the Emirates and not al-Qaeda. MiniSearch
// replaced fuse.js: at 20,000 actors a fuzzy query took fuse.js about 100 times as
// long (fuse.js scans every actor per query; see docs/explorer.md).
import type MiniSearch from "minisearch";
import type { Actor } from "../graph/schema";

// MiniSearch is loaded on demand (the search box's first focus) and its index built then.
let MiniSearchClass: typeof MiniSearch | null = null;
let loading: Promise<void> | null = null;

function loadFuzzySearch(): Promise<void> {
  loading ??= import("minisearch").then(
    (m) => void (MiniSearchClass = m.default),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

export interface ActorSearchHit {
  actor: Actor;
  /** 0 = exact, 1 = no match. */
  score: number;
  /** The alias that matched, when the match was on an alias rather than the name. */
  matchedAlias: string | null;
}

export type ActorSearch = ((query: string, limit?: number) => ActorSearchHit[]) & {
  /** Loads the fuzzy matcher and builds its index in slices (the page stays responsive); until then only literal matches are found. */
  prepare?: () => Promise<void>;
};

export const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** How well `q` (folded) matches `t` (folded, its words `words`): 0 exact, 0.05 prefix of the whole, 0.1 every query word starts a word; null otherwise. */
function literalScore(q: string, qWords: string[], t: string, words: string[]): number | null {
  if (!t) return null;
  if (t === q) return 0;
  if (t.startsWith(q)) return 0.05;
  if (qWords.every((w) => words.some((x) => x.startsWith(w)))) return 0.1;
  return null;
}

interface Entry {
  actor: Actor;
  /** Folded name, then folded aliases; with their words. */
  texts: { text: string; words: string[]; alias: string | null }[];
}

/** First index in the sorted `words` whose word is >= `w`. */
function lowerBound(words: readonly string[], w: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid] < w) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface WordIndex {
  entries: Entry[];
  /** Every word of every name and alias, sorted, with the entry it belongs to: a word prefix is one range. */
  words: string[];
  owners: number[];
}

function buildWordIndex(actors: readonly Actor[]): WordIndex {
  const entries: Entry[] = actors.map((actor) => ({
    actor,
    texts: [actor.name, ...actor.aliases].map((raw, i) => {
      const text = fold(raw);
      return { text, words: text ? text.split(" ") : [], alias: i === 0 ? null : raw };
    }),
  }));
  const pairs: [string, number][] = [];
  entries.forEach((e, i) => {
    for (const t of e.texts) for (const w of new Set(t.words)) pairs.push([w, i]);
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const words = pairs.map((p) => p[0]);
  const owners = pairs.map((p) => p[1]);

  return { entries, words, owners };
}

/** The index is built on the first search (or `prepare`), not when the graph loads: most first views search nothing. */
export function createActorSearch(actors: readonly Actor[]): ActorSearch {
  let built: WordIndex | null = null;
  const wordIndex = () => (built ??= buildWordIndex(actors));
  let fuzzy: MiniSearch | null = null;
  let building: Promise<void> | null = null;
  const prepare = () => {
    building ??= loadFuzzySearch().then(async () => {
      const index = new MiniSearchClass!({ idField: "i", fields: ["name", "aliases"], processTerm: (t) => fold(t) || null, tokenize: (t) => t.split(/[^\p{L}\p{N}]+/u) });
      // In slices: at 20,000 actors the whole index takes a few hundred milliseconds.
      await index.addAllAsync(
        wordIndex().entries.map((e, i) => ({ i, name: e.actor.name, aliases: e.actor.aliases.join(" \u0000 ") })),
        { chunkSize: 1000 },
      );
      fuzzy = index;
    });
    return building;
  };

  const search: ActorSearch = (query, limit = 10) => {
    const q = fold(query);
    if (!q) return [];
    const { entries, words, owners } = wordIndex();
    const qWords = q.split(" ");
    const hits = new Map<string, ActorSearchHit>();
    // Candidates: entries with a word starting with the longest query word (every literal match has one).
    const key = qWords.reduce((a, b) => (b.length > a.length ? b : a));
    const seen = new Set<number>();
    for (let k = lowerBound(words, key); k < words.length && words[k].startsWith(key); k++) {
      const i = owners[k];
      if (seen.has(i)) continue;
      seen.add(i);
      const e = entries[i];
      let best: ActorSearchHit | null = null;
      for (const t of e.texts) {
        const s = literalScore(q, qWords, t.text, t.words);
        if (s === null) continue;
        const score = t.alias === null ? s : s + 0.01;
        if (best === null || score < best.score) best = { actor: e.actor, score, matchedAlias: t.alias };
      }
      if (best) hits.set(e.actor.id, best);
    }
    const index = q.replace(/ /g, "").length >= 4 && hits.size < limit ? fuzzy : null;
    if (index) {
      const found = index.search(query, { fuzzy: 0.25, prefix: true, combineWith: "AND", boost: { name: 2 } });
      const top = found.length ? found[0].score : 1;
      for (const r of found.slice(0, limit)) {
        const e = entries[r.id as number];
        if (hits.has(e.actor.id)) continue;
        const onName = r.match && Object.values(r.match).some((fields) => fields.includes("name"));
        const alias = onName
          ? null
          : (e.actor.aliases.find((a) =>
              r.terms.some((t) =>
                fold(a)
                  .split(" ")
                  .some((w) => w.startsWith(t) || t.startsWith(w)),
              ),
            ) ?? null);
        // 0.2 and up: always after the literal matches, better fuzzy matches first.
        hits.set(e.actor.id, { actor: e.actor, score: 0.2 + 0.5 * (1 - r.score / top), matchedAlias: alias });
      }
    }
    return [...hits.values()].sort((a, b) => a.score - b.score || b.actor.mentions - a.actor.mentions || a.actor.name.localeCompare(b.actor.name)).slice(0, limit);
  };
  search.prepare = prepare;
  return search;
}

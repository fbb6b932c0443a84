// Actor search over name and aliases: exact and word-prefix matches first, then
// fuzzy matches (fuse.js) for typos, only for queries of four letters or more,
// so a short query such as "UAE" finds the Emirates and not al-Qaeda.
import Fuse from "fuse.js";
import type { Actor } from "../graph/schema";

export interface ActorSearchHit {
  actor: Actor;
  /** 0 = exact, 1 = no match. */
  score: number;
  /** The alias that matched, when the match was on an alias rather than the name. */
  matchedAlias: string | null;
}

export type ActorSearch = (query: string, limit?: number) => ActorSearchHit[];

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** How well `q` (folded) matches `text`: 0 exact, 0.05 prefix of the whole, 0.1 every query word starts a word; null otherwise. */
function literalScore(q: string, text: string): number | null {
  const t = fold(text);
  if (!t) return null;
  if (t === q) return 0;
  if (t.startsWith(q)) return 0.05;
  const words = t.split(" ");
  const qWords = q.split(" ");
  if (qWords.every((w) => words.some((x) => x.startsWith(w)))) return 0.1;
  return null;
}

export function createActorSearch(actors: readonly Actor[]): ActorSearch {
  const fuse = new Fuse(actors as Actor[], {
    keys: [
      { name: "name", weight: 2 },
      { name: "aliases", weight: 1 },
    ],
    includeScore: true,
    includeMatches: true,
    ignoreLocation: true,
    threshold: 0.25,
  });
  return (query, limit = 10) => {
    const q = fold(query);
    if (!q) return [];
    const hits = new Map<string, ActorSearchHit>();
    for (const actor of actors) {
      const byName = literalScore(q, actor.name);
      let best: ActorSearchHit | null = byName !== null ? { actor, score: byName, matchedAlias: null } : null;
      for (const alias of actor.aliases) {
        const s = literalScore(q, alias);
        if (s !== null && (best === null || s + 0.01 < best.score)) best = { actor, score: s + 0.01, matchedAlias: alias };
      }
      if (best) hits.set(actor.id, best);
    }
    if (q.replace(/ /g, "").length >= 4 && hits.size < limit) {
      for (const r of fuse.search(query.trim(), { limit })) {
        if (hits.has(r.item.id)) continue;
        const aliasMatch = r.matches?.find((m) => m.key === "aliases");
        const nameMatch = r.matches?.find((m) => m.key === "name");
        hits.set(r.item.id, {
          actor: r.item,
          score: 0.2 + (r.score ?? 1),
          matchedAlias: !nameMatch && aliasMatch?.value !== undefined ? aliasMatch.value : null,
        });
      }
    }
    return [...hits.values()].sort((a, b) => a.score - b.score || b.actor.mentions - a.actor.mentions || a.actor.name.localeCompare(b.actor.name)).slice(0, limit);
  };
}

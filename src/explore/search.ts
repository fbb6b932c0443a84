// Fuzzy actor search over name and aliases (fuse.js).
import Fuse from "fuse.js";
import type { Actor } from "../graph/schema";

export interface ActorSearchHit {
  actor: Actor;
  /** 0 = exact, 1 = no match (fuse.js score). */
  score: number;
  /** The alias that matched, when the match was on an alias rather than the name. */
  matchedAlias: string | null;
}

export type ActorSearch = (query: string, limit?: number) => ActorSearchHit[];

export function createActorSearch(actors: readonly Actor[]): ActorSearch {
  const fuse = new Fuse(actors as Actor[], {
    keys: [
      { name: "name", weight: 2 },
      { name: "aliases", weight: 1 },
    ],
    includeScore: true,
    includeMatches: true,
    ignoreLocation: true,
    threshold: 0.35,
  });
  return (query, limit = 10) => {
    const q = query.trim();
    if (!q) return [];
    return fuse.search(q, { limit }).map((r) => {
      const aliasMatch = r.matches?.find((m) => m.key === "aliases");
      const nameMatch = r.matches?.find((m) => m.key === "name");
      return {
        actor: r.item,
        score: r.score ?? 1,
        matchedAlias: !nameMatch && aliasMatch?.value !== undefined ? aliasMatch.value : null,
      };
    });
  };
}

// Messages between the page and the extraction worker (structured-cloned).
import type { Graph } from "../graph/schema";

export interface ArticleSource {
  /** Document id in the graph ("added/…"), stable across reloads. */
  id: string;
  /** File name, or "pasted text". */
  name: string;
  /** Plain text (HTML and Markdown already converted in the page). */
  text: string;
}

export type ToWorker = { kind: "extract"; requestId: number; articles: ArticleSource[] };

export type FromWorker =
  | { kind: "progress"; requestId: number; done: number; total: number; name: string }
  | {
      kind: "done";
      requestId: number;
      /** The added articles alone, assembled (null when none could be extracted). */
      graph: Graph | null;
      /** Articles that gave no document, with why. */
      failures: { id: string; name: string; reason: string }[];
      /** Relations found per article id. */
      relationsPerArticle: Record<string, number>;
    }
  | { kind: "error"; requestId: number; message: string };

// Articles added in the page: stored in IndexedDB, extracted in the worker,
// one operation at a time. Every problem is a message; nothing is thrown.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Graph } from "../graph/schema";
import type { ArticleFormat } from "../interop/articleText";
import { stripArticleExtension } from "../interop/articleText";
import { listArticles, removeArticle, saveArticle, storageProblem, type StoredArticle } from "../added/store";

export interface AddedArticle extends StoredArticle {
  /** False when the browser refused to store it: shown for this session only. */
  saved: boolean;
  relations: number;
}

export interface Progress {
  done: number;
  total: number;
  name: string;
}

export interface Message {
  kind: "error" | "info";
  text: string;
}

export interface NewArticle {
  name: string;
  format: ArticleFormat;
  text: string;
}

function idStem(name: string, text: string): string {
  const base = name === "pasted text" ? text.trim().split("\n")[0].slice(0, 60) : stripArticleExtension(name.split(/[\\/]/).pop() ?? name);
  return (
    base
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "article"
  );
}

export function useAddedArticles(baseDocumentIds: ReadonlySet<string>) {
  const [articles, setArticles] = useState<AddedArticle[]>([]);
  const [graph, setGraph] = useState<Graph | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [loaded, setLoaded] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const current = useRef<AddedArticle[]>([]);

  const run = useCallback((job: () => Promise<void>) => {
    queue.current = queue.current.then(job, job).catch((e) => setMessages((m) => [...m, { kind: "error", text: (e as Error).message }]));
    return queue.current;
  }, []);

  /** Extracts `list` (all the added articles) and shows the result. */
  const extract = useCallback(async (list: AddedArticle[]) => {
    if (!list.length) {
      setGraph(null);
      return { failures: [] as { id: string; name: string; reason: string }[], counts: {} as Record<string, number> };
    }
    setProgress({ done: 0, total: list.length, name: list[0].name });
    try {
      const { extractArticles } = await import("../worker/client");
      const r = await extractArticles(
        list.map((a) => ({ id: a.id, name: a.name, text: a.text })),
        (done, total, name) => setProgress({ done, total, name }),
      );
      setGraph(r.graph);
      return { failures: r.failures, counts: r.relationsPerArticle };
    } finally {
      setProgress(null);
    }
  }, []);

  useEffect(() => {
    void run(async () => {
      let stored: StoredArticle[] = [];
      try {
        stored = await listArticles();
      } catch (e) {
        setMessages((m) => [
          ...m,
          { kind: "error", text: `Added articles cannot be kept in this browser (${storageProblem(e)}); what you add now lasts until you leave the page.` },
        ]);
      }
      const list = stored.map((a) => ({ ...a, saved: true, relations: 0 }));
      try {
        const { counts, failures } = await extract(list);
        for (const a of list) a.relations = counts[a.id] ?? 0;
        for (const f of failures) setMessages((m) => [...m, { kind: "error", text: `${f.name}: ${f.reason}` }]);
      } catch (e) {
        setMessages((m) => [...m, { kind: "error", text: `The stored articles could not be extracted: ${(e as Error).message}. They are still stored.` }]);
      }
      current.current = list;
      setArticles(list);
      setLoaded(true);
    });
  }, [run, extract]);

  const add = useCallback(
    (inputs: NewArticle[], problems: { name: string; reason: string }[] = []) =>
      run(async () => {
        const notes: Message[] = problems.map((p) => ({ kind: "error", text: `${p.name}: ${p.reason}` }));
        const taken = new Set([...baseDocumentIds, ...current.current.map((a) => a.id)]);
        const fresh: AddedArticle[] = inputs.map((x, i) => {
          const stem = `added/${idStem(x.name, x.text)}`;
          let id = stem;
          for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
          taken.add(id);
          return { id, name: x.name, format: x.format, text: x.text, addedAt: new Date(Date.now() + i).toISOString(), saved: false, relations: 0 };
        });
        if (!fresh.length) {
          setMessages(notes);
          return;
        }
        let outcome;
        try {
          outcome = await extract([...current.current, ...fresh]);
        } catch (e) {
          setMessages([...notes, { kind: "error", text: `Extraction failed: ${(e as Error).message}. Nothing was added.` }]);
          return;
        }
        const failed = new Map(outcome.failures.map((f) => [f.id, f.reason]));
        const kept: AddedArticle[] = [];
        for (const a of fresh) {
          if (failed.has(a.id)) {
            notes.push({ kind: "error", text: `${a.name}: ${failed.get(a.id)} (not added)` });
            continue;
          }
          a.relations = outcome.counts[a.id] ?? 0;
          try {
            await saveArticle({ id: a.id, name: a.name, format: a.format, text: a.text, addedAt: a.addedAt });
            a.saved = true;
          } catch (e) {
            notes.push({
              kind: "error",
              text: `${a.name}: could not be saved (${storageProblem(e)}). It is shown until you leave the page; the articles stored before are kept.`,
            });
          }
          kept.push(a);
          notes.push({ kind: "info", text: `${a.name}: added, ${a.relations} relation${a.relations === 1 ? "" : "s"} found.` });
        }
        current.current = [...current.current, ...kept];
        setArticles(current.current);
        setMessages(notes);
      }),
    [run, extract, baseDocumentIds],
  );

  const remove = useCallback(
    (id: string) =>
      run(async () => {
        const a = current.current.find((x) => x.id === id);
        if (!a) return;
        if (a.saved) {
          try {
            await removeArticle(id);
          } catch (e) {
            setMessages([{ kind: "error", text: `${a.name}: could not be removed from storage (${storageProblem(e)}).` }]);
            return;
          }
        }
        current.current = current.current.filter((x) => x.id !== id);
        setArticles(current.current);
        await extract(current.current);
        setMessages([{ kind: "info", text: `${a.name}: removed.` }]);
      }),
    [run, extract],
  );

  return { articles, graph, progress, messages, loaded, add, remove };
}

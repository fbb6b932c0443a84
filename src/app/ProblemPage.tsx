// What the explorer shows instead of a blank screen when there is nothing to explore.
import type { GraphProblem } from "./loadGraph";

const TITLES: Record<GraphProblem["kind"] | "crash", string> = {
  missing: "No graph file yet",
  unreachable: "The graph file could not be loaded",
  "invalid-json": "The graph file is damaged",
  "invalid-schema": "The graph file does not match this version of the explorer",
  empty: "The graph is empty",
  crash: "The explorer hit an error",
};

const ADVICE: Record<GraphProblem["kind"] | "crash", string> = {
  missing: "Build it from the articles in data/articles, then reload this page:",
  unreachable: "Check that the site is being served (not opened as a file) and that graph.json sits next to index.html. To rebuild it:",
  "invalid-json": "It was probably cut off or edited by hand. Rebuild it:",
  "invalid-schema": "It was written by a different version of entente, or edited by hand. Rebuild it:",
  empty: "Add news articles as .txt files to data/articles (or point --input at your folder), then rebuild:",
  crash: "Reloading may help. If it happens again, rebuild the graph and reload:",
};

export function ProblemPage({ kind, detail }: { kind: GraphProblem["kind"] | "crash"; detail: string }) {
  return (
    <main className="problem" data-testid="problem-page" data-problem={kind}>
      <h1>{TITLES[kind]}</h1>
      <p className="problem-detail" data-testid="problem-detail">
        {detail}
      </p>
      <p>{ADVICE[kind]}</p>
      <pre>
        <code>npm run build:graph{kind === "empty" ? " -- --input data/articles" : ""}</code>
      </pre>
      <p>
        That writes <code>public/graph.json</code>. During development <code>npm run dev</code> serves it; <code>npm run build</code> makes a static site in <code>dist/</code>.
      </p>
    </main>
  );
}

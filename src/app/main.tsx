// First: modules below may parse with zod while they load.
import "./zodConfig";
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { ErrorBoundary } from "./ErrorBoundary";
import { Workspace } from "./Workspace";
import { ProblemPage } from "./ProblemPage";
import { loadGraph, type LoadResult } from "./loadGraph";
import "./styles.css";

function Root() {
  const [result, setResult] = useState<LoadResult | null>(null);
  useEffect(() => {
    let live = true;
    loadGraph().then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, []);
  if (!result)
    return (
      <p className="loading" role="status">
        Loading the graph…
      </p>
    );
  if (!result.ok) return <ProblemPage kind={result.problem.kind} detail={result.problem.detail} />;
  return <Workspace graph={result.graph} />;
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ErrorBoundary>
      <Root />
    </ErrorBoundary>
  </StrictMode>,
);

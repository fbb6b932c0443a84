// Data exports of the shown view (JSON graph file, GraphML, GEXF, CSV for
// actors, relations, evidence), with the filters recorded in the file and the
// actors' structure numbers when the explorer has them. The serializers load on
// first use. (The picture exports, PNG and SVG, stay in the Explorer.)
import { useState } from "react";
import type { Graph } from "../graph/schema";
import type { FilterResult, Filters } from "../explore/filters";
import { loadAllTexts, pageTextLoader } from "./documentTexts";
import { downloadBlob } from "../view/download";
import type { ActorMetrics } from "../interop/rows";
import "./workspace.css";

interface Props {
  graph: Graph;
  view: Pick<FilterResult, "nodes" | "relations">;
  filters: Filters;
  /** The view's query string, recorded in the file. */
  query: string;
  /** Degree, PageRank, betweenness, community per actor, when computed (src/explore/metrics.ts). */
  structure?: {
    degree: ReadonlyMap<string, number>;
    pagerank: ReadonlyMap<string, number>;
    betweenness: ReadonlyMap<string, number> | null;
    community: ReadonlyMap<string, number>;
  } | null;
  /** Ids of documents added in the page (recorded when they are in the export). */
  addedDocuments?: ReadonlySet<string>;
}

type DataFormat = "json" | "graphml" | "gexf" | "csv";
const BASE = "entente-view";

function toMetrics(s: Props["structure"]): ActorMetrics | undefined {
  if (!s) return undefined;
  const out = new Map<string, Record<string, number>>();
  const put = (name: string, m: ReadonlyMap<string, number> | null) => m?.forEach((v, id) => out.set(id, { ...out.get(id), [name]: v }));
  put("degree", s.degree);
  put("pagerank", s.pagerank);
  put("betweenness", s.betweenness);
  put("community", s.community);
  return out;
}

export function ExportMenu({ graph, view, filters, query, structure, addedDocuments }: Props) {
  const [problem, setProblem] = useState<string | null>(null);

  const exportData = async (format: DataFormat, table?: "actors" | "relations" | "evidence") => {
    setProblem(null);
    try {
      const [{ serializeGraph }, { visibleSubgraph }] = await Promise.all([import("../interop/formats"), import("../explore/exportJson")]);
      // The JSON file and the evidence CSV carry the texts and every sentence, so they stand on their own.
      const needsTexts = format === "json" || (format === "csv" && table === "evidence");
      const { graph: sub, missing } = needsTexts ? await loadAllTexts(visibleSubgraph(graph, view), pageTextLoader()) : { graph: visibleSubgraph(graph, view), missing: [] };
      const added = addedDocuments ? sub.documents.filter((d) => addedDocuments.has(d.id)).map((d) => d.id) : [];
      const files = serializeGraph(
        sub,
        format,
        {
          exportedAt: new Date().toISOString(),
          scope: "view",
          filters,
          query,
          total: { actors: graph.actors.length, relations: graph.relations.length },
          addedDocuments: added,
          missingTexts: missing,
        },
        toMetrics(structure),
      );
      for (const f of files) if (!table || f.suffix === `.${table}.csv`) downloadBlob(new Blob([f.content], { type: `${f.mime};charset=utf-8` }), BASE + f.suffix);
      if (missing.length)
        setProblem(
          `Exported without the text of ${missing.length} article${missing.length === 1 ? "" : "s"} (${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", …" : ""}): their files beside the graph could not be loaded, so only the first sentences of each relation from them are in the file${format === "json" ? " (listed under view.missingTexts)" : ""}.`,
        );
    } catch (e) {
      setProblem(`Export failed: ${(e as Error).message}`);
    }
  };
  return (
    <>
      <details className="export-data">
        <summary data-testid="export-data">Data ▾</summary>
        <div className="export-data-menu" role="group" aria-label="Export the shown view as data">
          <p className="muted small">The shown actors and relations, with the filters recorded in the file.</p>
          <button
            type="button"
            onClick={() => exportData("json")}
            data-testid="export-json"
            title="The shown actors, relations and their sentences as a graph file (JSON); opens in the explorer again"
          >
            JSON graph file
          </button>
          <button type="button" onClick={() => exportData("graphml")} data-testid="export-graphml" title="GraphML: Cytoscape desktop, Gephi, yEd, NetworkX">
            GraphML
          </button>
          <button type="button" onClick={() => exportData("gexf")} data-testid="export-gexf" title="GEXF 1.3: Gephi, Gephi Lite">
            GEXF
          </button>
          <span className="muted small">CSV (spreadsheets, notebooks):</span>
          <span className="row">
            <button type="button" onClick={() => exportData("csv", "actors")} data-testid="export-csv-actors">
              actors
            </button>
            <button type="button" onClick={() => exportData("csv", "relations")} data-testid="export-csv-relations">
              relations
            </button>
            <button type="button" onClick={() => exportData("csv", "evidence")} data-testid="export-csv-evidence">
              evidence
            </button>
          </span>
        </div>
      </details>
      {problem && (
        <span role="alert" className="notice small">
          {problem}
        </span>
      )}
    </>
  );
}

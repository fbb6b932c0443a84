// The explorer once a valid graph is loaded: state (URL-backed) → pure filtering
// (src/explore) → elements → one Cytoscape instance (src/view), plus the panels.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Evidence, Graph } from "../graph/schema";
import { applyFilters, type Filters } from "../explore/filters";
import { createActorSearch } from "../explore/search";
import { shortestPath } from "../explore/path";
import { visibleSubgraph } from "../explore/exportJson";
import { buildElements } from "../view/elements";
import { runLayout, useCytoscape } from "../view/useCytoscape";
import { applyHighlight } from "../view/highlight";
import { downloadBlob, exportPng, exportSvg } from "../view/exportView";
import { useViewState } from "./useViewState";
import { FilterPanel } from "./FilterPanel";
import { ActorPanel, EdgePanel, PathPanel, indexGraph } from "./Details";
import { ActorPicker } from "./ActorPicker";
import { RelationTable } from "./RelationTable";
import { ArticleViewer } from "./Evidence";

type Panel = "filters" | "details" | null;

export function Explorer({ graph }: { graph: Graph }) {
  const [state, update] = useViewState();
  const [hops, setHops] = useState<1 | 2>(1);
  const [panel, setPanel] = useState<Panel>(null);
  const [article, setArticle] = useState<{ doc: string; evidence: Evidence | null } | null>(null);
  const [pathTexts, setPathTexts] = useState({ from: "", to: "" });
  const focusRequest = useRef<string | null>(state.selection?.kind === "actor" ? state.selection.id : null);

  const index = useMemo(() => indexGraph(graph), [graph]);
  const search = useMemo(() => createActorSearch(graph.actors), [graph]);
  const view = useMemo(() => applyFilters(graph, state.filters), [graph, state.filters]);
  const elements = useMemo(() => buildElements(view), [view]);
  const shownId = (id: string | null) => (id ? view.foldedInto.get(id) ?? id : null);
  const path = useMemo(() => {
    const from = state.path.from ? view.foldedInto.get(state.path.from) ?? state.path.from : null;
    const to = state.path.to ? view.foldedInto.get(state.path.to) ?? state.path.to : null;
    return from && to ? shortestPath(view.nodes.map((n) => n.id), view.edges, from, to) : null;
  }, [view, state.path.from, state.path.to]);

  const selectActor = useCallback(
    (id: string, focus = false) => {
      if (focus) focusRequest.current = id;
      update((s) => ({ ...s, selection: { kind: "actor", id } }));
      setPanel("details");
    },
    [update],
  );
  const selectEdge = useCallback(
    (id: string) => {
      update((s) => ({ ...s, selection: { kind: "edge", id } }));
      setPanel("details");
    },
    [update],
  );
  const clearSelection = useCallback(() => update((s) => (s.selection ? { ...s, selection: null } : s)), [update]);

  const container = useRef<HTMLDivElement>(null);
  const cy = useCytoscape(container, elements, { onTapNode: (id) => selectActor(id), onTapEdge: selectEdge, onTapBackground: clearSelection });

  const selectedActor = state.selection?.kind === "actor" ? shownId(state.selection.id) : null;
  const selectedEdge = state.selection?.kind === "edge" ? state.selection.id : null;
  useEffect(() => {
    if (!cy) return;
    applyHighlight(cy, { actor: selectedActor, edge: selectedEdge, hops, path });
    if (container.current) {
      container.current.dataset.ready = "true";
      container.current.dataset.nodes = String(cy.nodes().length);
      container.current.dataset.edges = String(cy.edges().length);
    }
  }, [cy, elements, selectedActor, selectedEdge, hops, path]);

  useEffect(() => {
    const id = focusRequest.current;
    if (!cy || !id) return;
    const node = cy.getElementById(shownId(id) ?? id);
    if (node.empty()) return;
    focusRequest.current = null;
    cy.stop();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.1) }, { duration: 250 });
  });

  const setFilters = useCallback((filters: Filters) => update((s) => ({ ...s, filters })), [update]);
  const shownRelations = view.relations.length;
  const status = `${view.nodes.length} actor${view.nodes.length === 1 ? "" : "s"}, ${shownRelations} relation${shownRelations === 1 ? "" : "s"} shown${
    view.edges.length !== shownRelations ? ` (${view.edges.length} lines)` : ""
  }`;

  const edge = selectedEdge ? view.edges.find((e) => e.id === selectedEdge) : undefined;
  const actor = state.selection?.kind === "actor" ? index.actor.get(state.selection.id) : undefined;

  const doExport = (kind: "png" | "svg" | "json") => {
    if (kind === "json") {
      downloadBlob(new Blob([JSON.stringify(visibleSubgraph(graph, view), null, 1)], { type: "application/json" }), "entente-view.json");
      return;
    }
    if (!cy) return;
    if (kind === "png") downloadBlob(exportPng(cy), "entente-view.png");
    else downloadBlob(new Blob([exportSvg(cy)], { type: "image/svg+xml" }), "entente-view.svg");
  };

  return (
    <div className={`app ${panel ? `show-${panel}` : ""}`}>
      <header className="topbar">
        <h1>entente</h1>
        <div className="search">
          <ActorPicker
            search={search}
            label="Find an actor by name or alias"
            placeholder="Find an actor (name or alias)…"
            value={state.search}
            onText={(text) => update((s) => ({ ...s, search: text }), "replace")}
            onPick={(id) => selectActor(id, true)}
            testId="search"
          />
        </div>
        <div className="tabs" role="tablist" aria-label="View">
          <button type="button" role="tab" aria-selected={state.view === "graph"} onClick={() => update((s) => ({ ...s, view: "graph" }))} data-testid="tab-graph">
            Graph
          </button>
          <button type="button" role="tab" aria-selected={state.view === "table"} onClick={() => update((s) => ({ ...s, view: "table" }))} data-testid="tab-table">
            Table
          </button>
        </div>
        <div className="exports" aria-label="Export">
          <span className="muted small">Export</span>
          <button type="button" onClick={() => doExport("png")} data-testid="export-png" title="Picture of the whole graph as shown (PNG)">
            PNG
          </button>
          <button type="button" onClick={() => doExport("svg")} data-testid="export-svg" title="Vector picture of the graph as shown (SVG)">
            SVG
          </button>
          <button type="button" onClick={() => doExport("json")} data-testid="export-json" title="The shown actors, relations and their sentences as a graph file (JSON)">
            JSON
          </button>
        </div>
        <div className="panel-toggles">
          <button type="button" aria-expanded={panel === "filters"} aria-controls="filters-panel" onClick={() => setPanel(panel === "filters" ? null : "filters")}>
            Filters
          </button>
          <button type="button" aria-expanded={panel === "details"} aria-controls="details-panel" onClick={() => setPanel(panel === "details" ? null : "details")}>
            Details
          </button>
        </div>
      </header>
      <p className="hint">
        Click an actor or a line to read the sentences behind it · tick types in <b>Relations</b> to show or hide them · search by name above.
      </p>
      <aside className="left" id="filters-panel" aria-label="Filters and legend">
        <FilterPanel graph={graph} filters={state.filters} counts={view.counts} onChange={setFilters} />
      </aside>
      <main className="center">
        <div ref={container} className="graph" data-testid="graph" aria-label="Relation graph" role="img" />
        <div className="graph-tools">
          <button type="button" onClick={() => cy?.fit(undefined, 30)}>
            Fit
          </button>
          <button type="button" onClick={() => cy && runLayout(cy)} data-testid="relayout" title="Lay out what is shown again (fcose)">
            Re-layout
          </button>
        </div>
        {state.view === "table" && (
          <div className="table-layer">
            <RelationTable edges={view.edges} index={index} selectedEdge={selectedEdge} onSelect={selectEdge} />
          </div>
        )}
      </main>
      <aside className="right" id="details-panel" aria-label="Details">
        {edge ? (
          <EdgePanel edge={edge} view={view} index={index} onSelectActor={(id) => selectActor(id, true)} onOpenEvidence={(e) => setArticle({ doc: e.doc, evidence: e })} />
        ) : actor ? (
          <ActorPanel
            actor={actor}
            graph={graph}
            view={view}
            index={index}
            hops={hops}
            onHops={setHops}
            onSelectEdge={selectEdge}
            onOpenDoc={(doc) => setArticle({ doc, evidence: null })}
            onPathEnd={(end, id) => {
              setPathTexts((t) => ({ ...t, [end]: "" }));
              update((s) => ({ ...s, path: { ...s.path, [end]: id } }));
            }}
          />
        ) : selectedEdge ? (
          <p className="notice details-body">That relation is not shown with the current filters.</p>
        ) : (
          <section className="details-body intro">
            <h2>Start here</h2>
            <ol>
              <li>Click an actor (a shape) to see who it deals with.</li>
              <li>Click a line to read the sentences it comes from; open the article from there.</li>
              <li>Colours are relation types; dashed = intended, dotted = denied. Use the legend to hide types.</li>
            </ol>
          </section>
        )}
        <PathPanel
          search={search}
          index={index}
          from={state.path.from}
          to={state.path.to}
          texts={pathTexts}
          onText={(end, text) => setPathTexts((t) => ({ ...t, [end]: text }))}
          onPick={(end, id) => {
            setPathTexts((t) => ({ ...t, [end]: "" }));
            update((s) => ({ ...s, path: { ...s.path, [end]: id } }));
          }}
          onClear={() => {
            setPathTexts({ from: "", to: "" });
            update((s) => ({ ...s, path: { from: null, to: null } }));
          }}
          result={path}
          onSelectEdge={selectEdge}
        />
      </aside>
      <footer className="status" aria-live="polite" data-testid="status">
        {status}
      </footer>
      {article && index.doc.get(article.doc) && (
        <ArticleViewer doc={index.doc.get(article.doc)!} evidence={article.evidence} onClose={() => setArticle(null)} />
      )}
    </div>
  );
}

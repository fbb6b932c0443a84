// The explorer once a valid graph is loaded: state (URL-backed) → pure filtering
// (src/explore) → elements → one Cytoscape instance (src/view), plus the panels.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Evidence, Graph } from "../graph/schema";
import { applyFilters, dateExtent, defaultFilters, type Filters } from "../explore/filters";
import type { Structure } from "../explore/metrics";
import { createActorSearch, type ActorSearch } from "../explore/search";
import type { PathResult } from "../explore/path";
import { drawnView, DRAW_WHOLE_UP_TO, FIRST_VIEW_ACTORS, NO_REVEAL, rankActors, relationsPerActor, revealCommunity, revealMore, type Reveal } from "../explore/firstView";
import { buildElements } from "../view/elements";
import { runLayout, useCytoscape } from "../view/useCytoscape";
import { applyHighlight } from "../view/highlight";
import { downloadBlob } from "../view/download";
import { fitPadding, layoutKey, savePositions } from "../view/useCytoscape";
import { chooseRenderer, probeRenderer } from "../view/renderer";
import { spreadByRank } from "../view/spread";
import { CHUNK_PROBLEM, lazyPart, onDemand, type OnDemand } from "../view/lazyPart";
import { STATUS_WORD } from "../view/palette";
import { useViewState, type UpdateMode } from "./useViewState";
import { Timeline } from "./Timeline";
import { FilterPanel } from "./FilterPanel";
import { ActorPanel, ConfidenceBadge, EdgePanel, PairPanel, PathPanel, indexGraph } from "./Details";
import { ActorPicker } from "./ActorPicker";
import { ArticleViewer } from "./Evidence";
import type { ReactNode } from "react";
import type { AddedMarks } from "../added/merge";
import { encodeViewState } from "../explore/urlState";
import { ExportMenu } from "./ExportMenu";
import { useAddedMarks } from "./addedMarks";

type Panel = "filters" | "details" | null;

// Only an action needs these: each is a chunk of its own, loaded on first use.
const loadMetrics = onDemand(() => import("../explore/metrics"));
const loadPath = onDemand(() => import("../explore/path"));
// A link with a path in it needs path finding at once: it loads while the graph does.
if (typeof location !== "undefined" && /[?&]pathFrom=/.test(location.search) && /[?&]pathTo=/.test(location.search)) void loadPath().catch(() => undefined);
const loadPicture = onDemand(() => import("../view/picture"));
const RelationTable = lazyPart(() => import("./RelationTable").then((m) => m.RelationTable));
const ShortcutSheet = lazyPart(() => import("./ShortcutSheet").then((m) => m.ShortcutSheet));

/**
 * A value computed by a module loaded on demand, when the page is idle (so a click
 * paints first). Until the first result it is null; after that the last result
 * stays while the next one is computed.
 */
function useOnDemand<M, T>(load: OnDemand<M>, compute: ((m: M) => T) | null, onProblem: (message: string) => void, options: { sync?: boolean } = {}): T | null {
  const [result, setResult] = useState<{ value: T; compute: unknown } | null>(null);
  const [, setLoaded] = useState(false);
  // Cheap computations (a path) run in render once the module is in, so a panel never shows a stale or empty answer.
  const module = options.sync ? load.loaded() : null;
  const now = useMemo(() => (compute && module ? { value: compute(module) } : null), [compute, module]);
  useEffect(() => {
    if (!compute || module) return;
    let live = true;
    const run = () =>
      load().then(
        (m) => live && (options.sync ? setLoaded(true) : setResult({ value: compute(m), compute })),
        () => live && onProblem(CHUNK_PROBLEM),
      );
    // When the page is idle: a click's panel and highlight paint first, numbers follow.
    const idle = typeof requestIdleCallback === "function" ? requestIdleCallback(run, { timeout: 400 }) : null;
    const timer = idle === null ? setTimeout(run, 0) : undefined;
    return () => {
      live = false;
      if (idle !== null) cancelIdleCallback(idle);
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [compute, module]);
  if (now) return now.value;
  return compute && result ? result.value : null;
}

const isPhone = () => typeof window !== "undefined" && window.matchMedia?.("(max-width: 760px)").matches;

// One query for the page, read once per mount and then on change: matchMedia() at every render made a new list
// (so the effect re-subscribed each time), and reading it brings style and layout up to date, about 4 ms per
// render after a filter change.
let darkQuery: MediaQueryList | null | undefined;
const darkMedia = () => (darkQuery ??= typeof window !== "undefined" && window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null);

/** Follows the system's light/dark setting. */
function usePrefersDark(): boolean {
  const [dark, setDark] = useState(() => darkMedia()?.matches ?? false);
  useEffect(() => {
    const query = darkMedia();
    if (!query) return;
    const on = () => setDark(query.matches);
    query.addEventListener("change", on);
    return () => query.removeEventListener("change", on);
  }, []);
  return dark;
}

/** `tools`: extra top-bar controls (add articles, open a graph file); `added`: what comes from added articles, marked on the graph. */
export function Explorer({ graph, tools, added }: { graph: Graph; tools?: ReactNode; added?: AddedMarks }) {
  const [state, update] = useViewState();
  const hops = state.hops;
  const setHops = useCallback((h: 1 | 2) => update((s) => ({ ...s, hops: h })), [update]);
  // A shared link to a selection opens its details, on the phone too.
  const [panel, setPanel] = useState<Panel>(() => (state.selection ? "details" : null));
  const [hover, setHover] = useState<{ id: string; x: number; y: number } | null>(null);
  const [showKeys, setShowKeys] = useState(false);
  const dark = usePrefersDark();
  const returnFocus = useRef<HTMLElement | null>(null);
  const [article, setArticle] = useState<{ doc: string; evidence: Evidence | null } | null>(null);
  const [pathTexts, setPathTexts] = useState({ from: "", to: "" });
  const focusRequest = useRef<string | null>(state.selection?.kind === "actor" ? state.selection.id : null);
  const [problem, setProblem] = useState<string | null>(null);
  // Chosen once: the renderer cannot change under a live instance.
  const [renderer] = useState(() => chooseRenderer({ ...probeRenderer(), override: state.renderer === "auto" ? null : state.renderer }));

  const index = useMemo(() => indexGraph(graph), [graph]);
  // The index is built once per graph; typo matching joins when its module has loaded (first focus on a search box).
  const actorIndex = useMemo(() => createActorSearch(graph.actors), [graph]);
  const [fuzzyFor, setFuzzyFor] = useState<ActorSearch | null>(null);
  const fuzzyReady = fuzzyFor === actorIndex;
  // A new function once typos can be matched, so the pickers search again.
  const search = useMemo<ActorSearch>(() => (q, limit) => actorIndex(q, limit), [actorIndex, fuzzyReady]); // eslint-disable-line react-hooks/exhaustive-deps
  const wantFuzzy = useCallback(() => {
    void loadPath().catch(() => undefined);
    if (!fuzzyReady)
      actorIndex.prepare?.().then(
        () => setFuzzyFor(() => actorIndex),
        () => setProblem(CHUNK_PROBLEM),
      );
  }, [actorIndex, fuzzyReady]);
  const view = useMemo(() => applyFilters(graph, state.filters), [graph, state.filters]);
  const wantStructure = state.sizeBy !== "relations" || state.colorBy === "community" || state.selection?.kind === "actor";
  const wantBetweenness = state.sizeBy === "betweenness" || (state.selection?.kind === "actor" && view.nodes.length <= 1000);
  const wantCommunities = state.reveal.communities.length > 0;
  const structureOf = useMemo(
    () =>
      wantStructure || wantCommunities
        ? (m: typeof import("../explore/metrics")): Structure =>
            m.graphStructure(
              view.nodes.map((n) => n.id),
              view.edges,
              { betweenness: wantBetweenness },
            )
        : null,
    [view, wantStructure, wantCommunities, wantBetweenness],
  );
  const structure = useOnDemand(loadMetrics, structureOf, setProblem);
  const pathOf = useMemo(() => {
    const from = state.path.from ? (view.foldedInto.get(state.path.from) ?? state.path.from) : null;
    const to = state.path.to ? (view.foldedInto.get(state.path.to) ?? state.path.to) : null;
    return from && to
      ? (m: typeof import("../explore/path")): PathResult | null =>
          m.shortestPath(
            view.nodes.map((n) => n.id),
            view.edges,
            from,
            to,
            { links: state.pathLinks, directed: state.pathDirected },
          )
      : null;
  }, [view, state.path.from, state.path.to, state.pathLinks, state.pathDirected]);
  const path = useOnDemand(loadPath, pathOf, setProblem, { sync: true });
  // What is drawn: the whole filtered graph when small, else its most connected actors, grown on demand.
  const keepIds = useMemo(() => {
    const sel = state.selection;
    const ids: string[] = [];
    if (sel?.kind === "actor") ids.push(sel.id);
    else if (sel?.kind === "pair") ids.push(sel.a, sel.b);
    else if (sel?.kind === "edge") {
      const e = view.edges.find((x) => x.id === sel.id);
      if (e) ids.push(e.source, e.target);
    }
    if (path) ids.push(...path.nodes);
    return ids.map((id) => view.foldedInto.get(id) ?? id).join("|");
  }, [state.selection, view, path]);
  const graphRelations = useMemo(() => relationsPerActor(graph.relations), [graph]);
  const ranked = useMemo(() => (view.nodes.length > DRAW_WHOLE_UP_TO ? rankActors(view.nodes, { relations: graphRelations }) : undefined), [view, graphRelations]);
  // Communities matter only to draw one: structure numbers arriving for a selection redraw nothing.
  const revealCommunities = state.reveal.communities.length > 0 ? structure?.community : undefined;
  const baseDrawn = useMemo(
    () => drawnView(view, state.reveal, { community: revealCommunities, relations: graphRelations, ranked }),
    [view, state.reveal, revealCommunities, graphRelations, ranked],
  );
  const baseDrawnIds = useMemo(() => new Set(baseDrawn.nodes.map((n) => n.id)), [baseDrawn]);
  const drawn = useMemo(() => {
    const keep = keepIds ? keepIds.split("|") : [];
    // A selection (or path) already drawn draws nothing new: the same view, so the elements are not rebuilt or synced.
    if (!baseDrawn.partial || keep.every((id) => baseDrawnIds.has(id))) return baseDrawn;
    return drawnView(view, state.reveal, { keep, community: revealCommunities, relations: graphRelations, ranked });
  }, [baseDrawn, baseDrawnIds, keepIds, view, state.reveal, revealCommunities, graphRelations, ranked]);
  const measure =
    !structure || state.sizeBy === "relations" ? null : state.sizeBy === "degree" ? structure.degree : state.sizeBy === "pagerank" ? structure.pagerank : structure.betweenness;
  const community = structure && state.colorBy === "community" ? structure.community : null;
  // A large graph's drawn actors are spread out from the build's packed draft layout (small graphs keep the file's).
  const large = view.nodes.length > DRAW_WHOLE_UP_TO;
  // Keyed by the drawn actors, not the view object: a selection that draws no new actor moves nothing.
  const drawnIds = large ? drawn.nodes.map((n) => n.id).join("\u0000") : "";
  const spread = useMemo(
    () => (drawnIds ? spreadByRank(drawn.nodes.map((n) => ({ id: n.id, position: n.actor.position }))) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [drawnIds],
  );
  const elements = useMemo(() => buildElements(drawn, { measure, community, hiddenNeighbours: drawn.hiddenNeighbours, positions: spread }), [drawn, measure, community, spread]);
  // Exports and the table take what is drawn.
  const drawnRelations = useMemo(() => {
    if (!drawn.partial) return view;
    const ids = new Set(drawn.edges.flatMap((e) => e.relationIds));
    return { nodes: drawn.nodes, relations: view.relations.filter((r) => ids.has(r.id)) };
  }, [drawn, view]);
  const setReveal = useCallback((fn: (r: Reveal) => Reveal) => update((s) => ({ ...s, reveal: fn(s.reveal) })), [update]);
  const extent = useMemo(() => dateExtent(graph), [graph]);
  const searchHits = useMemo(() => (state.search.trim() ? search(state.search, 30).map((h) => h.actor.id) : []), [search, state.search]);
  const shownId = (id: string | null) => (id ? (view.foldedInto.get(id) ?? id) : null);

  const selectActor = useCallback(
    (id: string, focus = false, additive = false) => {
      if (focus) focusRequest.current = id;
      // Shift/Ctrl-click a second actor: everything between the two.
      update((s) =>
        additive && s.selection?.kind === "actor" && s.selection.id !== id
          ? { ...s, selection: { kind: "pair", a: s.selection.id, b: id } }
          : { ...s, selection: { kind: "actor", id } },
      );
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
  const cy = useCytoscape(
    container,
    elements,
    {
      onTapNode: (id, additive) => selectActor(id, false, additive),
      onDoubleTapNode: (id) => setReveal((r) => revealMore(r, id)),
      onTapEdge: selectEdge,
      onTapBackground: clearSelection,
      onHoverEdge: setHover,
      onProblem: setProblem,
    },
    { dark, layoutSeed: state.layout, storageKey: graph.generatedAt, renderer },
  );

  const selectedActor = state.selection?.kind === "actor" ? shownId(state.selection.id) : null;
  const selectedEdge = state.selection?.kind === "edge" ? state.selection.id : null;
  const pair = state.selection?.kind === "pair" ? { a: state.selection.a, b: state.selection.b } : null;
  useEffect(() => {
    if (!cy) return;
    applyHighlight(cy, {
      actor: selectedActor,
      edge: selectedEdge,
      hops,
      path,
      pair: pair ? [shownId(pair.a)!, shownId(pair.b)!] : null,
      searchHits: searchHits.map((id) => shownId(id)!),
    });
    cy.emit("relabel");
    if (container.current) {
      container.current.dataset.ready = "true";
      container.current.dataset.nodes = String(cy.nodes().length);
      container.current.dataset.edges = String(cy.edges().length);
      // For the bench and tests: which query's hits are marked now.
      container.current.dataset.search = state.search;
      container.current.dataset.renderer = renderer;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cy, elements, selectedActor, selectedEdge, hops, path, pair?.a, pair?.b, searchHits]);

  // The spread changes when the drawn set does: actors already drawn move to their new place (unless re-laid out).
  useEffect(() => {
    if (!cy || !spread || state.layout) return;
    let moved = false;
    cy.batch(() =>
      cy.nodes().forEach((n) => {
        const p = spread.get(n.id());
        const at = n.position();
        if (p && (p.x !== at.x || p.y !== at.y)) {
          n.position({ ...p });
          moved = true;
        }
      }),
    );
    if (!moved) return;
    cy.fit(undefined, fitPadding(cy));
    cy.emit("relabel");
  }, [cy, spread, state.layout]);

  // Keep the selection in sight when a phone drawer opens or the view changes size.
  useEffect(() => {
    if (!cy || !panel || !isPhone()) return;
    const t = setTimeout(() => {
      // Zoom to the selection and its ends, so a shared link to a relation shows that line, not a speck.
      const sel = cy.$(".focus");
      if (sel.empty()) return;
      const around = sel.union(sel.connectedNodes());
      const bb = around.boundingBox({});
      const zoom = Math.min(2, Math.min(cy.width() / (bb.w + 100), cy.height() / (bb.h + 100)));
      cy.animate({ zoom, center: { eles: around } }, { duration: 200 });
    }, 80);
    return () => clearTimeout(t);
  }, [cy, panel, selectedActor, selectedEdge]);

  const openArticle = useCallback((a: { doc: string; evidence: Evidence | null }) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setArticle(a);
  }, []);
  const closeArticle = useCallback(() => {
    setArticle(null);
    // Back to where the reader was (the "Open article" button).
    const el = returnFocus.current;
    returnFocus.current = null;
    setTimeout(() => el?.isConnected && el.focus(), 0);
  }, []);

  // Keys: "/" search, Escape clears the selection, "?" the shortcut sheet, f fit, t table, g graph.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
      if (article) return; // the dialog has its own keys
      if (e.key === "Escape") {
        if (showKeys) setShowKeys(false);
        else if (!typing || (t as HTMLInputElement).value === "") {
          if (state.selection) {
            clearSelection();
            e.preventDefault();
          }
        }
        return;
      }
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "/") {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('[data-testid="search"]')?.focus();
      } else if (e.key === "?") setShowKeys((v) => !v);
      else if (e.key === "f") cy?.fit(undefined, fitPadding(cy));
      else if (e.key === "t") update((s) => ({ ...s, view: "table" }));
      else if (e.key === "g") update((s) => ({ ...s, view: "graph" }));
      else if (e.key === "1" || e.key === "2") setHops(e.key === "1" ? 1 : 2);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [article, showKeys, state.selection, clearSelection, cy, update, setHops]);

  useEffect(() => {
    const id = focusRequest.current;
    if (!cy || !id) return;
    const node = cy.getElementById(shownId(id) ?? id);
    if (node.empty()) return;
    focusRequest.current = null;
    // A jump, not an animation: every frame of a zoom redraws the whole canvas (about 70 ms a frame here for 300
    // actors and 1,000 lines, so a 250 ms animation was three or four jerky frames and a last redraw for the labels).
    // The one frame after the jump draws the actor ringed and centred with its labels.
    cy.stop();
    cy.zoom(Math.max(cy.zoom(), 1.1));
    cy.center(node);
    cy.emit("relabel-now");
  });

  const setFilters = useCallback((filters: Filters, coalesce?: string) => update((s) => ({ ...s, filters }), coalesce ? { coalesce } : "push"), [update]);
  const setRange = useCallback(
    (from: string | null, to: string | null, mode: UpdateMode) =>
      update((s) => ({ ...s, filters: { ...s.filters, dateFrom: from, dateTo: to } }), mode === "replace" ? { coalesce: "play" } : mode),
    [update],
  );
  const shownRelations = drawn.partial ? drawn.edges.reduce((n, e) => n + e.count, 0) : view.relations.length;
  const status = `${drawn.nodes.length} actor${drawn.nodes.length === 1 ? "" : "s"}, ${shownRelations} relation${shownRelations === 1 ? "" : "s"} shown${
    drawn.edges.length !== shownRelations ? ` (${drawn.edges.length} lines)` : ""
  }`;
  const grown = state.reveal.all || state.reveal.more.length > 0 || state.reveal.communities.length > 0;
  const moreAround = selectedActor ? (drawn.hiddenNeighbours.get(selectedActor) ?? 0) : 0;

  const edge = selectedEdge ? view.edges.find((e) => e.id === selectedEdge) : undefined;
  const actor = state.selection?.kind === "actor" ? index.actor.get(state.selection.id) : undefined;

  useAddedMarks(cy, added, view.edges, elements);
  const pictureLegend = { typeLabel: (t: import("../graph/schema").RelationType) => index.typeLabel.get(t) ?? t, title: `entente · ${status}` };
  const doExport = async (kind: "png" | "svg") => {
    if (!cy) return;
    let picture: typeof import("../view/picture");
    try {
      picture = await loadPicture();
    } catch {
      setProblem(CHUNK_PROBLEM);
      return;
    }
    // Pictures are drawn from the data: no selection fade, real text labels, a legend.
    if (kind === "png") downloadBlob(await picture.picturePng(cy, pictureLegend), "entente-view.png");
    else downloadBlob(new Blob([picture.pictureSvg(cy, pictureLegend).svg], { type: "image/svg+xml" }), "entente-view.svg");
  };

  return (
    <div className={`app ${panel ? `show-${panel}` : ""}`}>
      <header className="topbar">
        <h1>entente</h1>
        <div className="search" onFocus={wantFuzzy}>
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
          <button type="button" onClick={() => void doExport("png")} data-testid="export-png" title="Picture of the whole graph as shown (PNG)">
            PNG
          </button>
          <button type="button" onClick={() => void doExport("svg")} data-testid="export-svg" title="Vector picture of the graph as shown (SVG)">
            SVG
          </button>
          <ExportMenu graph={graph} view={drawnRelations} filters={state.filters} query={encodeViewState(state)} structure={structure} addedDocuments={added?.documents} />
        </div>
        {tools}
        {problem && (
          <p role="alert" className="notice small" data-testid="load-problem">
            {problem}{" "}
            <button type="button" className="link" onClick={() => setProblem(null)}>
              dismiss
            </button>
          </p>
        )}
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
        <FilterPanel
          graph={graph}
          filters={state.filters}
          counts={view.counts}
          onChange={setFilters}
          sizeBy={state.sizeBy}
          colorBy={state.colorBy}
          communities={structure?.communities ?? 0}
          onLook={(look) => update((s) => ({ ...s, ...look }))}
        />
      </aside>
      <main className="center">
        <div className="graph-area">
          <div ref={container} className="graph" data-testid="graph" aria-label="Relation graph" role="img" />
          {hover &&
            !selectedEdge &&
            (() => {
              const e = view.edges.find((x) => x.id === hover.id);
              if (!e) return null;
              const n = (id: string) => index.actor.get(id)?.name ?? id;
              return (
                <div
                  className="edge-tip"
                  role="tooltip"
                  data-testid="edge-tooltip"
                  style={{ left: Math.min(hover.x + 14, (container.current?.clientWidth ?? 400) - 240), top: hover.y + 14 }}
                >
                  <b>{n(e.source)}</b> {e.directed ? "→" : "↔"} {index.typeLabel.get(e.type) ?? e.type} ({STATUS_WORD[e.status]}) {e.directed ? "→" : "↔"} <b>{n(e.target)}</b>
                  <br />
                  {e.evidenceCount} sentence{e.evidenceCount === 1 ? "" : "s"}
                  {e.count > 1 ? `, ${e.count} relations` : ""} · <ConfidenceBadge value={e.confidence} />
                  {e.speakers === 1 ? " · single source" : ""}
                  {e.disputed ? " · disputed" : ""}
                  <br />
                  <span className="muted">Click to read the sentences</span>
                </div>
              );
            })()}
          {view.nodes.length === 0 || (view.edges.length === 0 && state.filters.hideIsolated) ? (
            <div className="empty-view" role="status" data-testid="empty-view">
              <p>
                <b>Nothing to show.</b> {emptyReason(state.filters, graph.relations.length)}
              </p>
              <button type="button" onClick={() => setFilters(defaultFilters())} data-testid="empty-reset">
                Reset all filters
              </button>
            </div>
          ) : null}
          {selectedActor && drawn.partial && (
            <div className="grow-tools" data-testid="grow-tools" style={{ position: "absolute", left: 8, bottom: 8, display: "flex", gap: 6, zIndex: 5 }}>
              {moreAround > 0 && (
                <button type="button" data-testid="reveal-more" onClick={() => setReveal((r) => revealMore(r, selectedActor))} title="Draw this actor's neighbours that are hidden">
                  +{moreAround} more
                </button>
              )}
              <button
                type="button"
                data-testid="expand-community"
                onClick={() => setReveal((r) => revealCommunity(r, selectedActor))}
                title="Draw every actor of this actor's community (Louvain)"
              >
                Draw its community
              </button>
            </div>
          )}
          <div className="graph-tools">
            <button type="button" onClick={() => cy?.fit(undefined, fitPadding(cy))} title="Fit the graph to the canvas (f)">
              Fit
            </button>
            <button
              type="button"
              onClick={() => {
                if (!cy) return;
                const seed = (state.layout % 97) + 1;
                runLayout(cy, { seed }).then(
                  () => {
                    savePositions(cy, layoutKey(graph.generatedAt, seed));
                    update((s) => ({ ...s, layout: seed }));
                  },
                  () => setProblem(CHUNK_PROBLEM),
                );
              }}
              data-testid="relayout"
              title="Lay out what is shown again (fcose); kept in the link"
            >
              Re-layout
            </button>
            <button type="button" onClick={() => setShowKeys(true)} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
              ?
            </button>
          </div>
        </div>
        {extent && state.view === "graph" && (
          <Timeline byDate={view.counts.evidenceByDate} extent={extent} from={state.filters.dateFrom} to={state.filters.dateTo} onRange={setRange} />
        )}
        {state.view === "table" && (
          <div className="table-layer">
            <RelationTable edges={drawn.edges} index={index} selectedEdge={selectedEdge} onSelect={selectEdge} />
          </div>
        )}
      </main>
      <aside className="right" id="details-panel" aria-label="Details" onFocus={wantFuzzy}>
        {edge ? (
          <>
            <EdgePanel edge={edge} view={view} index={index} onSelectActor={(id) => selectActor(id, true)} onOpenEvidence={(e) => openArticle({ doc: e.doc, evidence: e })} />
            <PairPanel
              a={edge.source}
              b={edge.target}
              graph={graph}
              view={view}
              index={index}
              onSelectActor={(id) => selectActor(id, true)}
              onOpenEvidence={(e) => openArticle({ doc: e.doc, evidence: e })}
            />
          </>
        ) : pair ? (
          <PairPanel
            a={pair.a}
            b={pair.b}
            graph={graph}
            view={view}
            index={index}
            onSelectActor={(id) => selectActor(id, true)}
            onOpenEvidence={(e) => openArticle({ doc: e.doc, evidence: e })}
          />
        ) : actor ? (
          <ActorPanel
            actor={actor}
            graph={graph}
            view={view}
            index={index}
            structure={structure}
            hops={hops}
            onHops={setHops}
            onSelectEdge={selectEdge}
            onOpenDoc={(doc) => openArticle({ doc, evidence: null })}
            onPathEnd={(end, id) => {
              setPathTexts((t) => ({ ...t, [end]: "" }));
              update((s) => ({ ...s, path: { ...s.path, [end]: id } }));
            }}
          />
        ) : selectedEdge ? (
          <p className="notice details-body" data-testid="edge-hidden">
            That relation is not shown with the current filters.{" "}
            <button type="button" className="link" onClick={() => setFilters(defaultFilters())}>
              Reset filters
            </button>
          </p>
        ) : (
          <section className="details-body intro">
            <h2>Start here</h2>
            <ol>
              <li>Click an actor (a shape) to see who it deals with.</li>
              <li>Click a line to read the sentences it comes from; open the article from there.</li>
              <li>Colours are relation types; dashed = planned, dotted = denied; faint = low confidence. Use the legend to hide types.</li>
              <li>Shift-click a second actor to see everything between the two; drag across the timeline to choose a period.</li>
            </ol>
            <p className="small muted">Press ? for keyboard shortcuts, / to search.</p>
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
          links={state.pathLinks}
          directed={state.pathDirected}
          onOptions={(o) => update((s) => ({ ...s, pathLinks: o.links ?? s.pathLinks, pathDirected: o.directed ?? s.pathDirected }))}
        />
      </aside>
      <footer className="status" aria-live="polite" data-testid="status">
        {status}
        {drawn.partial && (
          <>
            {" · "}
            <span data-testid="hidden-count">
              {drawn.hiddenActors} more actor{drawn.hiddenActors === 1 ? "" : "s"} and {drawn.hiddenEdges} line{drawn.hiddenEdges === 1 ? "" : "s"} hidden
            </span>{" "}
            (the {FIRST_VIEW_ACTORS} most connected first; double-click an actor for its hidden neighbours){" "}
            <button type="button" className="link" data-testid="show-all" onClick={() => setReveal((r) => ({ ...r, all: true }))}>
              show all
            </button>
          </>
        )}
        {grown && view.nodes.length > DRAW_WHOLE_UP_TO && (
          <>
            {" · "}
            <button type="button" className="link" data-testid="first-view" onClick={() => setReveal(() => NO_REVEAL)}>
              back to the first view
            </button>
          </>
        )}
        {state.filters.hideIsolated && view.counts.isolatedHidden > 0 && (
          <>
            {" · "}
            {view.counts.isolatedHidden} actor{view.counts.isolatedHidden === 1 ? "" : "s"} with no shown relation hidden{" "}
            <button type="button" className="link" data-testid="show-isolated" onClick={() => setFilters({ ...state.filters, hideIsolated: false })}>
              show them
            </button>
          </>
        )}
      </footer>
      {article && index.doc.get(article.doc) && <ArticleViewer doc={index.doc.get(article.doc)!} evidence={article.evidence} onClose={closeArticle} />}
      {showKeys && <ShortcutSheet onClose={() => setShowKeys(false)} />}
    </div>
  );
}

/** Why a view is empty, in words, with the filters that are set. */
function emptyReason(f: Filters, total: number): string {
  if (total === 0) return "The graph file has no relations.";
  const set: string[] = [];
  if (f.hiddenTypeStatus.length) set.push(`${f.hiddenTypeStatus.length} type/status cells are off`);
  if (f.hiddenKinds.length) set.push(`actor kinds off: ${f.hiddenKinds.join(", ")}`);
  if (f.documents.length) set.push(`only ${f.documents.length} article(s)`);
  if (f.dateFrom || f.dateTo) set.push(`dates ${f.dateFrom ?? "…"} – ${f.dateTo ?? "…"}`);
  if (f.minEvidence > 1) set.push(`at least ${f.minEvidence} sentences`);
  if (f.minConfidence > 0) set.push(`confidence at least ${Math.round(f.minConfidence * 100)}%`);
  if (f.hiddenSourceKinds.length || f.speakers.length) set.push("a source filter");
  if (f.singleSource) set.push("single-source relations only");
  return set.length ? `No relation passes the filters now set (${set.join("; ")}). Loosen one of them, or reset.` : "No relation passes the filters.";
}

// The in-page force layout (fcose), loaded on first use: only "Re-layout" and a
// graph file without positions need it, so it is not in the page's first load.
import cytoscape from "cytoscape";
import { seededRandom } from "../graph/random";

let fcoseLoaded: Promise<void> | null = null;

function loadFcose(): Promise<void> {
  fcoseLoaded ??= import("cytoscape-fcose").then(
    (m) => void cytoscape.use(m.default),
    (e: unknown) => {
      fcoseLoaded = null; // a later click tries again
      throw e;
    },
  );
  return fcoseLoaded;
}

/** Padding of a fit, in pixels: small on a phone, so the graph fills the canvas. */
export function fitPadding(cy: cytoscape.Core): number {
  return cy.width() < 500 ? 14 : 28;
}

/**
 * fcose on what is shown now (the "Re-layout" button). With a seed and no
 * animation it is deterministic (Math.random is swapped for a seeded generator
 * while the synchronous layout runs), so a re-laid-out view kept in the URL
 * comes back the same on reload.
 */
export async function runLayout(cy: cytoscape.Core, options: { animate?: boolean; seed?: number } = {}): Promise<void> {
  await loadFcose();
  if (cy.destroyed()) return;
  const n = cy.nodes().length;
  const animate = options.seed ? false : (options.animate ?? n < 800);
  const layout = cy.layout({
    name: "fcose",
    quality: n > 1000 ? "draft" : "default",
    randomize: true,
    animate,
    animationDuration: 600,
    fit: true,
    padding: fitPadding(cy),
    idealEdgeLength: () => 80,
    nodeRepulsion: () => 6000,
  } as cytoscape.LayoutOptions);
  if (!options.seed) {
    layout.run();
    return;
  }
  const random = Math.random;
  // The in-page layout scrambles its seed so nearby seeds give unrelated layouts.
  Math.random = seededRandom(options.seed * 2654435761);
  try {
    layout.run();
  } finally {
    Math.random = random;
  }
}

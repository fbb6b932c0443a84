import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

// The built site runs no inline script and loads nothing from elsewhere: article text that
// somehow reached the DOM as markup still could not run. Styles may be inline (React and
// Cytoscape set element styles). Only the build gets it: the dev server injects inline scripts.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const contentSecurityPolicy = (): Plugin => ({
  name: "entente-content-security-policy",
  apply: "build",
  transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY }, injectTo: "head-prepend" }],
});

// Cytoscape's ESM build registers every graph algorithm and built-in layout on its
// prototypes, so the bundler cannot drop the ones the page never calls. The explorer
// does structure and paths with graphology, draws preset positions and lays out
// with fcose (which needs only breadth-first search, for components): the build
// leaves the rest out (about 20 KB gzip of the page's first load). The exact
// version is pinned; if its source changes shape the build stops and says so.
const CYTOSCAPE_KEPT = [
  {
    what: "graph algorithms (kept: BFS/DFS)",
    from: "[elesfn$v, elesfn$u, elesfn$t, elesfn$s, elesfn$r, elesfn$q, elesfn$p, elesfn$o, elesfn$n, elesfn$m, elesfn$l, markovClustering$1, kClustering, hierarchicalClustering$1, affinityPropagation$1, elesfn$k, hopcroftTarjanBiconnected$1, tarjanStronglyConnected$1].forEach(",
    to: "[elesfn$v].forEach(",
  },
  {
    what: "built-in layouts (kept: null, preset)",
    from: /var layout = \[\{\s*name: 'breadthfirst',[\s\S]*?\}\];/,
    to: "var layout = [{ name: 'null', impl: NullLayout }, { name: 'preset', impl: PresetLayout }];",
  },
];

// Top-level statements that would keep what is left out alive (aliases, prototype methods): removed too.
const CYTOSCAPE_LEFT_OUT =
  /^(?:elesfn\$[lmn]\.\w+ = [^\n]*;|(?:BreadthFirstLayout|CircleLayout|ConcentricLayout|CoseLayout|GridLayout|RandomLayout)\.prototype\.\w+ = function[\s\S]*?^\};)$/gm;

const leanCytoscape = (): Plugin => ({
  name: "entente-lean-cytoscape",
  transform(code, id) {
    if (!/node_modules\/cytoscape\/dist\/cytoscape\.esm\.mjs$/.test(id)) return null;
    let out = code;
    for (const k of CYTOSCAPE_KEPT) {
      const next = out.replace(k.from, k.to);
      if (next === out) this.error(`cytoscape's source changed: cannot leave out its ${k.what}; update CYTOSCAPE_KEPT in vite.config.ts`);
      out = next;
    }
    const statements = out.match(CYTOSCAPE_LEFT_OUT)?.length ?? 0;
    if (statements !== 13) this.error(`cytoscape's source changed: expected 13 statements to leave out, found ${statements}; update vite.config.ts`);
    return { code: out.replace(CYTOSCAPE_LEFT_OUT, ""), map: null };
  },
});

// base "./": the built site loads its assets and graph.json relative to the page,
// so dist/ works from any folder of any static host.
export default defineConfig({
  base: "./",
  plugins: [react(), contentSecurityPolicy(), leanCytoscape()],
  // Every browser that runs the app knows modulepreload: no polyfill in the first load.
  build: { outDir: "dist", chunkSizeWarningLimit: 1500, modulePreload: { polyfill: false } },
});

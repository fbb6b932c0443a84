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

// base "./": the built site loads its assets and graph.json relative to the page,
// so dist/ works from any folder of any static host.
export default defineConfig({
  base: "./",
  plugins: [react(), contentSecurityPolicy()],
  build: { outDir: "dist", chunkSizeWarningLimit: 1500 },
});

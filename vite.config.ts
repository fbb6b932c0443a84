import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// base "./": the built site loads its assets and graph.json relative to the page,
// so dist/ works from any folder of any static host.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: { outDir: "dist", chunkSizeWarningLimit: 1500 },
});

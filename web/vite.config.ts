import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Builds the web app into dist/web, where `mlops-roi serve` finds it. Everything is bundled (no
 * request to another site), so the app works offline. During `vite dev`, /api goes to a running
 * `mlops-roi serve` on the default port.
 */
export default defineConfig({
  root: here,
  base: "./",
  plugins: [react()],
  build: {
    outDir: join(here, "..", "dist", "web"),
    emptyOutDir: true,
    // Vega and Vega-Lite are large; they load in their own chunk after the editor is up.
    chunkSizeWarningLimit: 2500,
  },
  worker: { format: "es" },
  server: { proxy: { "/api": "http://127.0.0.1:4173" } },
});

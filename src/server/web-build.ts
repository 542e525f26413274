import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../shared/package-files.js";

/** The built page `mlops-roi serve` sends. */
export const builtIndex = join(packageRoot, "dist", "web", "index.html");
const viteConfig = join(packageRoot, "web", "vite.config.ts");
/** What the page is built from: its own sources and the engine, charts and formats it imports. */
const sourceRoots = [join(packageRoot, "web"), join(packageRoot, "src"), join(packageRoot, "examples")];

function newestChange(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

/** True when the page was never built or a source changed since it was. */
export function webBuildIsStale(): boolean {
  const built = statSync(builtIndex, { throwIfNoEntry: false });
  if (!built) return true;
  return sourceRoots.some((root) => newestChange(root) > built.mtimeMs);
}

/**
 * Builds the page into dist/web with Vite (a development dependency: only a checkout of the
 * repository builds; the published package ships the built page).
 * @example if (webBuildIsStale()) await buildWebApp()
 */
export async function buildWebApp(): Promise<void> {
  const { build } = await import("vite");
  // Vite follows NODE_ENV, which a test runner sets to "test": that would bundle React's slow development build.
  const environment = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: viteConfig, mode: "production", logLevel: "warn" });
  } finally {
    if (environment === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = environment;
  }
}

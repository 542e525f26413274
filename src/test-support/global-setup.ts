import { buildWebApp, webBuildIsStale } from "../server/web-build.js";

/**
 * Runs once before any test file: the browser tests (several files, run in parallel) serve the
 * built page, and a build empties dist/web first, so it must not happen while another file reads it.
 */
export default async function setup(): Promise<void> {
  if (webBuildIsStale()) await buildWebApp();
}

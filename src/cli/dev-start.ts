import { runCli } from "./program.js";
import { buildWebApp, webBuildIsStale } from "../server/web-build.js";

/**
 * `npm start`: builds the page when it is missing or older than its sources, then serves the
 * seed example (or the arguments given: `npm start -- my-case.yaml --port 8080`).
 */
if (webBuildIsStale()) {
  process.stderr.write("building the web app (dist/web)...\n");
  await buildWebApp();
}
const argv = process.argv.slice(2);
const fileGiven = argv[0] !== undefined && !argv[0].startsWith("-");
process.exitCode = await runCli(["serve", ...(fileGiven ? argv : ["examples/seed.yaml", ...argv])]);

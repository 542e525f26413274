import { relative } from "node:path";
import { buildWebApp, webBuildIsStale } from "../server/web-build.js";
import { packageRoot } from "../shared/package-files.js";
import { runCli } from "./program.js";
import { startCase } from "./start-case.js";

/**
 * `npm start`: builds the page when it is missing or older than its sources, then serves a copy of
 * the seed example (or the arguments given: `npm start -- my-case.yaml --port 8080`).
 */
async function start(): Promise<number> {
  if (webBuildIsStale()) {
    process.stderr.write("building the web app (dist/web)...\n");
    await buildWebApp();
  }
  const argv = process.argv.slice(2);
  const fileGiven = argv[0] !== undefined && !argv[0].startsWith("-");
  if (fileGiven) return runCli(["serve", ...argv]);
  const { path, copied } = startCase(packageRoot);
  const shown = relative(process.cwd(), path);
  process.stderr.write(`${copied ? "copied examples/seed.yaml to" : "opening"} ${shown}: saves go there; the example stays as it is\n`);
  return runCli(["serve", shown, ...argv]);
}

process.exitCode = await start();

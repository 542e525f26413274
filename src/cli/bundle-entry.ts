import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCachedScript } from "./script-loader.js";

/**
 * The bundled command line's entry, `dist/bundle/main.cjs` (scripts/bundle-cli.mjs), which
 * bin/mlops-roi.js requires: the command line itself is the script `chunks/cli.cjs`, run here with
 * its code cache as the libraries' scripts are (src/cli/bundled-scripts.ts), and this exports what
 * src/cli/main.ts does.
 */
const cli = loadCachedScript(join(dirname(fileURLToPath(import.meta.url)), "chunks"), "cli");
const exported = cli.exports as unknown as typeof import("./main.js");
exported.registerScript("cli", cli);
export const { main, BUNDLED_SCRIPTS, codeCacheOf, codeCacheStates } = exported;

import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCachedScript, type CodeCacheState, type LoadedScript } from "./script-loader.js";

/**
 * The bundled command line (scripts/bundle-cli.mjs) is CommonJS scripts in `chunks/`, each compiled
 * with V8's code cache of it, which the build writes after running a few commands
 * (src/cli/script-loader.ts):
 * - `cli`: the command line itself, which its entry (`main.cjs`, src/cli/bundle-entry.ts) runs;
 * - `core`: the engine, zod and yaml, which every command that reads a case runs;
 * - `charts`: Vega and Vega-Lite, for the report's charts;
 * - `excel`: exceljs's workbook, for `export` and `import`.
 * The last three are loaded here, each on first use. Only the bundle loads them this way: the
 * sources (tests, `npm start`) import the libraries and the engine themselves, and never call
 * `bundledModules()`.
 */

/** The scripts, by name. */
export const BUNDLED_SCRIPTS = ["cli", "core", "charts", "excel"] as const;
export type BundledScript = (typeof BUNDLED_SCRIPTS)[number];
export type { CodeCacheState };

type Modules = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const loaded = new Map<BundledScript, LoadedScript>();

/** The modules of a library's script, by the name scripts/bundle-cli.mjs gave each; loaded on first use. */
export function bundledModules(name: Exclude<BundledScript, "cli">): Modules {
  let script = loaded.get(name);
  if (!script) {
    // This module is in the `cli` script, beside the others.
    script = loadCachedScript(dirname(fileURLToPath(import.meta.url)), name);
    loaded.set(name, script);
  }
  return script.exports as Modules;
}

/** The entry says how it loaded the `cli` script, which holds this module. */
export function registerScript(name: "cli", script: LoadedScript): void {
  loaded.set(name, script);
}

/** Whether each script was loaded, and with its code cache. */
export function codeCacheStates(): Record<BundledScript, CodeCacheState> {
  return Object.fromEntries(BUNDLED_SCRIPTS.map((name) => [name, loaded.get(name)?.state ?? "not loaded"])) as Record<BundledScript, CodeCacheState>;
}

/**
 * V8's code cache of a script as this process has compiled it so far (scripts/write-code-cache.mjs
 * writes it after running a few commands); undefined when the script was not loaded.
 */
export function codeCacheOf(name: BundledScript): Buffer | undefined {
  return loaded.get(name)?.script.createCachedData();
}

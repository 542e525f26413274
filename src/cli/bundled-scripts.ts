import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/**
 * The large libraries of the bundled command line (scripts/bundle-cli.mjs), each one CommonJS script
 * in `chunks/` compiled with V8's code cache of it, which the build writes after running a few
 * commands:
 * - `core`: the engine, zod and yaml, which every command that reads a case runs;
 * - `charts`: Vega and Vega-Lite, for the report's charts;
 * - `excel`: exceljs's workbook, for `export` and `import`.
 * With its cache V8 neither parses a script nor compiles the functions those commands ran: a command
 * starts sooner (docs/development.md, "Whole commands"). Without it, or when V8 refuses it (another
 * Node version, other V8 flags), the script is compiled as usual: the same code, slower to start.
 *
 * Only the bundle loads them this way: the sources (tests, `npm start`) import the libraries and the
 * engine themselves, and never call `bundledModules()`.
 */

/** The scripts, by name. */
export const BUNDLED_SCRIPTS = ["core", "charts", "excel"] as const;
export type BundledScript = (typeof BUNDLED_SCRIPTS)[number];

/** What became of a script's code cache: not loaded yet, used, refused by V8, or not there. */
export type CodeCacheState = "not loaded" | "accepted" | "rejected" | "absent";

type Modules = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

interface LoadedScript {
  /** Each module's exports, by the name scripts/bundle-cli.mjs gave it. */
  readonly modules: Modules;
  readonly script: Script;
  readonly state: CodeCacheState;
}

const loaded = new Map<BundledScript, LoadedScript>();

/** The modules of a script, loaded on first use. */
export function bundledModules(name: BundledScript): Modules {
  let script = loaded.get(name);
  if (!script) {
    script = loadScript(name);
    loaded.set(name, script);
  }
  return script.modules;
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

function loadScript(name: BundledScript): LoadedScript {
  // The bundler puts this module in the entry (dist/bundle) or in a chunk (dist/bundle/chunks).
  const here = dirname(fileURLToPath(import.meta.url));
  const folder = basename(here) === "chunks" ? here : join(here, "chunks");
  const file = join(folder, `${name}.cjs`);
  const source = readFileSync(file, "utf8");
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(join(folder, `${name}.cache`));
  } catch {
    cachedData = undefined;
  }
  // Node's own CommonJS wrapper, so the script reads as it would through require().
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: file, cachedData });
  const module = { exports: {} as Record<string, Record<string, unknown>> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, folder);
  const state = cachedData === undefined ? "absent" : script.cachedDataRejected ? "rejected" : "accepted";
  return { modules: module.exports, script, state };
}

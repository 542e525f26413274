import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/**
 * The engine, zod and yaml of the bundled command line (scripts/bundle-cli.mjs): one CommonJS script,
 * `chunks/core.cjs`, compiled with V8's code cache of it, `chunks/core.cache`, which the build writes
 * after running a few commands. With the cache V8 neither parses the script nor compiles the
 * functions those commands ran: a command that reads a case starts about 20 ms sooner
 * (docs/development.md, "Whole commands"). Without it, or when V8 refuses it (another Node version,
 * other V8 flags), the script is compiled as usual: the same code, just slower to start.
 *
 * Only the bundle loads the core this way: the sources (tests, `npm start`) import the engine itself,
 * and never call `core()`.
 */

/** What became of the code cache: not loaded yet, used, refused by V8, or not there. */
export type CoreCodeCacheState = "not loaded" | "accepted" | "rejected" | "absent";

interface LoadedCore {
  readonly modules: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly script: Script;
  readonly state: CoreCodeCacheState;
}

let loaded: LoadedCore | undefined;

/** The core's modules by their source path ("src/engine/index.ts", "zod", "yaml"), loaded on first use. */
export function coreModules(): Readonly<Record<string, Readonly<Record<string, unknown>>>> {
  loaded ??= loadCore();
  return loaded.modules;
}

/** Whether the core was loaded with its code cache. */
export function coreCodeCacheState(): CoreCodeCacheState {
  return loaded?.state ?? "not loaded";
}

/**
 * V8's code cache of the core as this process has compiled it so far (scripts/write-code-cache.mjs
 * writes it after running a few commands); undefined when the core was not loaded.
 */
export function coreCodeCache(): Buffer | undefined {
  return loaded?.script.createCachedData();
}

function loadCore(): LoadedCore {
  // The bundler puts this module in the entry (dist/bundle) or in a chunk (dist/bundle/chunks).
  const here = dirname(fileURLToPath(import.meta.url));
  const folder = basename(here) === "chunks" ? here : join(here, "chunks");
  const file = join(folder, "core.cjs");
  const source = readFileSync(file, "utf8");
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(join(folder, "core.cache"));
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

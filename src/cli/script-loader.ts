import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";

/** What became of a script's code cache: not loaded yet, used, refused by V8, or not there. */
export type CodeCacheState = "not loaded" | "accepted" | "rejected" | "absent";

export interface LoadedScript {
  /** The script's `module.exports`. */
  readonly exports: Readonly<Record<string, unknown>>;
  readonly script: Script;
  readonly state: CodeCacheState;
}

/**
 * Runs the CommonJS script `name.cjs` of the bundle's `folder` (scripts/bundle-cli.mjs), compiled
 * with V8's code cache of it, `name.cache`, when there is one: with it V8 neither parses the script
 * nor compiles the functions the commands that wrote the cache ran (docs/development.md, "Whole
 * commands"). Without it, or when V8 refuses it (another Node version, other V8 flags), the script
 * is compiled as usual: the same code, slower to start.
 */
export function loadCachedScript(folder: string, name: string): LoadedScript {
  const file = join(folder, `${name}.cjs`);
  const source = readFileSync(file, "utf8");
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(join(folder, `${name}.cache`));
  } catch {
    cachedData = undefined;
  }
  // Node's own CommonJS wrapper, so the script reads as it would through require().
  // No import() may run in it: V8 loses the dynamic import's handler of a script compiled from a
  // code cache (scripts/bundle-cli.mjs refuses a script with an import() call).
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, folder);
  const state = cachedData === undefined ? "absent" : script.cachedDataRejected ? "rejected" : "accepted";
  return { exports: module.exports, script, state };
}

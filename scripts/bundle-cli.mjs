// Bundles the command line into dist/bundle/ (npm run build): one module for what every command
// needs, and one chunk for what each command loads when it runs. Loading ~300 modules one by one
// cost more start-up time than the work of a small command (see docs/development.md, "Whole
// commands"). The engine, zod and yaml, which every command that reads a case runs, are one
// CommonJS script of their own (chunks/core.cjs) that src/cli/core-script.ts compiles with V8's
// code cache (chunks/core.cache, written last by scripts/write-code-cache.mjs).
// The tests run the sources; src/cli/bundle.test.ts runs the bundle built here.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * zod's classic API re-exports the messages of every language it knows (about 360 KB of the
 * bundle, parsed at every start); the command line uses English only, which zod loads itself.
 */
const englishOnly = {
  name: "zod-english-only",
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: join(root, "node_modules", "zod", "v4", "locales"),
    }));
  },
};

/**
 * exceljs's entry also loads its streaming reader and writer (with unzipper and archiver) and its
 * CSV support (with fast-csv): about half of the 0.28 s it takes to load unbundled, and none of it
 * is used here. The bundle gets the same Workbook class and enums, and a CSV that says why it is
 * missing; the web app and the tests load exceljs whole.
 */
const excelWorkbookOnly = {
  name: "exceljs-workbook-only",
  setup(bundle) {
    const lib = join(root, "node_modules", "exceljs", "lib");
    bundle.onLoad({ filter: /[\\/]exceljs[\\/]lib[\\/]exceljs\.nodejs\.js$/ }, () => ({
      contents: 'module.exports = Object.assign({ Workbook: require("./doc/workbook") }, require("./doc/enums"));',
      resolveDir: lib,
      loader: "js",
    }));
    bundle.onLoad({ filter: /[\\/]exceljs[\\/]lib[\\/]csv[\\/]csv\.js$/ }, () => ({
      contents:
        'module.exports = class CSV { constructor() { throw new Error("exceljs CSV is left out of the mlops-roi bundle (scripts/bundle-cli.mjs)"); } };',
      loader: "js",
    }));
  },
};

/** Where to write it: dist/bundle, or the folder given (src/cli/bundle.test.ts builds one of its own). */
const outdir = process.argv[2] ? join(process.cwd(), process.argv[2]) : join(root, "dist", "bundle");
// Chunks are named by their content: the last build's would stay beside the new ones.
rmSync(outdir, { recursive: true, force: true });

// 1. The core: every module of src/engine (pure: it imports nothing but itself, zod and yaml), zod and
// yaml, each under its source path, in one CommonJS script.
const engine = join(root, "src", "engine");
/** The engine's modules, as paths from the package root (tests and their helpers left out). */
function engineModules(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "test-support" ? [] : engineModules(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [relative(root, path).split(sep).join("/")] : [];
  });
}
const coreKeys = [...engineModules(engine).sort(), "zod", "yaml"];
const coreFile = join(outdir, "chunks", "core.cjs");
await build({
  stdin: {
    contents: coreKeys.map((key, index) => `export * as m${index} from ${JSON.stringify(key.startsWith("src/") ? `./${key}` : key)};`).join("\n"),
    resolveDir: root,
    loader: "js",
  },
  outfile: coreFile,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  plugins: [englishOnly],
  logLevel: "warning",
});
// The names each module exports, read from the script itself.
const coreExports = createRequire(import.meta.url)(coreFile);
const exportsOf = new Map(coreKeys.map((key, index) => [key, Object.keys(coreExports[`m${index}`])]));

/**
 * 2. The rest imports the core's modules through small modules that read them from the script:
 * an import of zod, of yaml or of an engine module from outside the engine becomes one of those.
 */
const coreSource = join(root, "src", "cli", "core-script.ts");
const throughCore = {
  name: "through-the-core",
  setup(bundle) {
    bundle.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point" || args.importer.startsWith(engine + sep)) return undefined;
      let key;
      if (args.path === "zod" || args.path === "yaml") key = args.path;
      else if (args.path.startsWith(".")) {
        const target = resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts");
        if (target.startsWith(engine + sep)) key = relative(root, target).split(sep).join("/");
      }
      if (key === undefined) return undefined;
      if (!exportsOf.has(key)) throw new Error(`${args.importer} imports ${args.path}, which the core does not hold`);
      return { path: key, namespace: "core" };
    });
    bundle.onLoad({ filter: /.*/, namespace: "core" }, (args) => {
      const names = exportsOf.get(args.path);
      const index = coreKeys.indexOf(args.path);
      return {
        contents: [
          `import { coreModules } from ${JSON.stringify(coreSource)};`,
          `const core = coreModules().m${index};`,
          ...names.map((name, at) => `const v${at} = core[${JSON.stringify(name)}];`),
          `export { ${names.map((name, at) => `v${at} as ${JSON.stringify(name)}`).join(", ")} };`,
        ].join("\n"),
        resolveDir: root,
        loader: "js",
      };
    });
  },
};

await build({
  entryPoints: { main: join(root, "src", "cli", "main.ts") },
  outdir,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Native or browser-driving packages stay in node_modules: better-sqlite3 is a native addon,
  // playwright-core finds its own files relative to itself.
  external: ["better-sqlite3", "playwright-core"],
  // Some bundled packages are CommonJS and call require() for Node's own modules.
  banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
  plugins: [throughCore, excelWorkbookOnly],
  logLevel: "warning",
});

// 3. The code cache, written by a process that runs a few commands under the command line's V8 flags.
const written = spawnSync(process.execPath, [join(root, "scripts", "write-code-cache.mjs"), outdir], { cwd: root, encoding: "utf8" });
if (written.status !== 0) throw new Error(`writing the core's code cache failed:\n${written.stdout}${written.stderr}`);

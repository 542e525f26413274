// Bundles the command line into dist/bundle/ (npm run build): CommonJS scripts in chunks/, each run
// with V8's code cache of it (chunks/*.cache, written last by scripts/write-code-cache.mjs): the
// command line itself (cli.cjs), the engine with zod and yaml (core.cjs), the charts' libraries
// (charts.cjs) and exceljs (excel.cjs); main.cjs is the entry. Loading ~300 modules one by one cost
// more start-up time than the work of a small command (see docs/development.md, "Whole commands").
// The tests run the sources; src/cli/bundle.test.ts runs the bundle built here.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
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
 * commander loads Node's child_process (with net and dgram, about 2.5 ms) as it starts, for
 * subcommands that are programs of their own; this command line has none, so the bundle's commander
 * loads it only if it ever spawns one.
 */
const commanderSpawnsLazily = {
  name: "commander-spawns-lazily",
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) throw new Error(`${args.path} no longer reads as scripts/bundle-cli.mjs expects`);
      return { contents: text.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"), loader: "js" };
    });
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

/**
 * vega-canvas tries `await import("canvas")` (a native package the command line does not install)
 * at the top of its module, which a CommonJS script cannot: the charts' script gets it without the
 * attempt, as it ends here anyway. The report measures text itself (src/charts/measure-text.ts).
 */
const noNodeCanvas = {
  name: "no-node-canvas",
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]vega-canvas[\\/]build[\\/]vega-canvas\.node\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      const attempt = "await import('canvas')";
      if (!text.includes(attempt)) throw new Error(`${args.path} no longer reads as scripts/bundle-cli.mjs expects`);
      return { contents: text.replace(attempt, "null"), loader: "js" };
    });
  },
};

/** Where to write it: dist/bundle, or the folder given (src/cli/bundle.test.ts builds one of its own). */
const outdir = process.argv[2] ? join(process.cwd(), process.argv[2]) : join(root, "dist", "bundle");
// Chunks are named by their content: the last build's would stay beside the new ones.
rmSync(outdir, { recursive: true, force: true });

// 1. The large libraries, each one CommonJS script with its modules under their names: the core
// (the engine, which the rest imports only through its index and which imports nothing but itself,
// zod and yaml; zod; yaml), the charts (Vega, Vega-Lite) and exceljs's workbook.
// src/cli/bundled-scripts.ts loads them, by these names.
const engine = join(root, "src", "engine");
const scripts = {
  core: ["src/engine/index.ts", "zod", "yaml"],
  charts: ["vega", "vega-lite"],
  excel: ["exceljs"],
};
/** For each module any script holds: the script, its name there and the names it exports. */
const held = new Map();
for (const [script, keys] of Object.entries(scripts)) {
  const file = join(outdir, "chunks", `${script}.cjs`);
  await build({
    stdin: {
      contents: [
        // Before the engine builds its schemas, which read zod's setting then (src/cli/zod-jitless.ts).
        ...(script === "core" ? [`import "./src/cli/zod-jitless.ts";`] : []),
        ...keys.map((key, index) => `export * as m${index} from ${JSON.stringify(key.startsWith("src/") ? `./${key}` : key)};`),
      ].join("\n"),
      resolveDir: root,
      loader: "js",
    },
    outfile: file,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    plugins: [englishOnly, excelWorkbookOnly, noNodeCanvas],
    logLevel: "warning",
  });
  // The names each module exports, read from the script itself.
  const modules = createRequire(import.meta.url)(file);
  keys.forEach((key, index) => held.set(key, { script, name: `m${index}`, exports: Object.keys(modules[`m${index}`]) }));
}

/**
 * 2. The rest imports those modules through small modules that read them from their script: an
 * import of a library above, or of an engine module from outside the engine, becomes one of those.
 */
const scriptsSource = join(root, "src", "cli", "bundled-scripts.ts");
const throughScripts = {
  name: "through-the-scripts",
  setup(bundle) {
    bundle.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point" || args.importer.startsWith(engine + sep)) return undefined;
      let key;
      if (held.has(args.path) && !args.path.startsWith("src/")) key = args.path;
      else if (args.path.startsWith(".")) {
        const target = resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts");
        if (target.startsWith(engine + sep)) key = relative(root, target).split(sep).join("/");
      }
      if (key === undefined) return undefined;
      if (!held.has(key)) throw new Error(`${args.importer} imports ${args.path}: outside src/engine, the engine is imported only through its index`);
      return { path: key, namespace: "bundled-script" };
    });
    bundle.onLoad({ filter: /.*/, namespace: "bundled-script" }, (args) => {
      const { script, name, exports } = held.get(args.path);
      return {
        contents: [
          `import { bundledModules } from ${JSON.stringify(scriptsSource)};`,
          `const module = bundledModules(${JSON.stringify(script)}).${name};`,
          ...exports.map((exported, at) => `const v${at} = module[${JSON.stringify(exported)}];`),
          `export { ${exports.map((exported, at) => `v${at} as ${JSON.stringify(exported)}`).join(", ")} };`,
        ].join("\n"),
        resolveDir: root,
        loader: "js",
      };
    });
  },
};

// The command line itself is one more CommonJS script, `chunks/cli.cjs`, with a code cache too: the
// ESM chunks it was before (one per command) were compiled afresh by every command, and loading
// them through Node's ES module loader cost more than the script's cache does (docs/development.md).
// Its modules still run only when a command needs them: esbuild turns each import() into a call.
const commonJs = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  // Where the sources ask for their own address (src/shared/package-files.ts, say), the script's.
  define: { "import.meta.url": "__importMetaUrl" },
  banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: "warning",
};
await build({
  ...commonJs,
  entryPoints: [join(root, "src", "cli", "main.ts")],
  outfile: join(outdir, "chunks", "cli.cjs"),
  // Native or browser-driving packages stay in node_modules: better-sqlite3 is a native addon,
  // playwright-core finds its own files relative to itself.
  external: ["better-sqlite3", "playwright-core"],
  plugins: [throughScripts, commanderSpawnsLazily],
});
// The entry, which bin/mlops-roi.js requires: it runs the command line's script (src/cli/bundle-entry.ts).
await build({ ...commonJs, entryPoints: [join(root, "src", "cli", "bundle-entry.ts")], outfile: join(outdir, "main.cjs") });
// A script compiled from its code cache has no handler for import() (src/cli/script-loader.ts):
// esbuild turns the import() of a bundled module into a call, but one of a package left out stays.
for (const script of ["cli", ...Object.keys(scripts)]) {
  const text = readFileSync(join(outdir, "chunks", `${script}.cjs`), "utf8");
  const call = /\bimport\(\s*["'`\w]/.exec(text);
  if (call) {
    const line = text.slice(0, call.index).split("\n").length;
    throw new Error(`chunks/${script}.cjs:${line} calls import(), which fails in a script run from its code cache: require() the package instead`);
  }
}

// 3. The code caches, written by a process that runs a few commands under the command line's V8 flags.
const written = spawnSync(process.execPath, [join(root, "scripts", "write-code-cache.mjs"), outdir], { cwd: root, encoding: "utf8" });
if (written.status !== 0) throw new Error(`writing the bundled scripts' code caches failed:\n${written.stdout}${written.stderr}`);

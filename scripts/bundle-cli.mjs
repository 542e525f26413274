// Bundles the command line into dist/bundle/ (npm run build): one module for what every command
// needs, and one chunk for what each command loads when it runs. Loading ~300 modules one by one
// cost more start-up time than the work of a small command (see docs/development.md, "Whole
// commands"). The tests run the sources; src/cli/bundle.test.ts runs the bundle built here.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { rmSync } from "node:fs";

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
  plugins: [englishOnly, excelWorkbookOnly],
  logLevel: "warning",
});

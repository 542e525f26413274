import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The layers of src/ (and the web app in web/src), each with the layers it may import. Imports go
 * only down: a layer never imports one above it, so the engine can run anywhere and each layer can
 * be understood with only the ones below it. Checked for every import of every .ts/.tsx file,
 * `import type`, `export … from` and dynamic `import()` included. Tests (*.test.ts) and files in a
 * test-support folder may also import src/test-support.
 */
const layers = {
  /** Pure rules: the model, the simulation, the decision, the tracking rules. No node:*, no DOM. */
  engine: [],
  /** Number and money formatting that every view shares. Pure. */
  format: ["engine"],
  /** Helpers several layers share: atomic writes, bounded reads, scenario edits, case text, user errors, package files, the API's types, input labels. */
  shared: ["engine", "format"],
  /** Chart specifications (Vega-Lite) from the engine's results, and text measuring for Vega. */
  charts: ["engine", "format", "shared"],
  /** The SQLite store of frozen plans and recorded actuals. */
  store: ["engine", "format", "shared"],
  /** The HTML/PDF report. */
  report: ["engine", "format", "shared", "charts"],
  /** The Excel workbook's export and import. */
  workbook: ["engine", "format", "shared"],
  /** Measured inputs from the team's own exports (CI runs, incidents, time sheets). Pure. */
  measure: ["engine", "format", "shared"],
  /** The local web server: the API and the prebuilt web app. */
  server: ["engine", "format", "shared", "charts", "report", "workbook", "store"],
  /** The command line, the top: anything but the benchmarks. */
  cli: ["engine", "format", "shared", "charts", "report", "workbook", "store", "server", "measure"],
  /**
   * The web app (web/src). What it loads must also run in a browser: see nodeOnlyPackages. The
   * workbook, for the export a page with no server behind it makes itself.
   */
  web: ["engine", "format", "shared", "charts", "report", "workbook"],
  /** Helpers for tests. */
  "test-support": ["engine", "format", "shared", "charts", "report", "workbook", "store", "server", "cli", "measure"],
} as const satisfies Record<string, readonly string[]>;

type Layer = keyof typeof layers;

/** Layers that must not use Node: no node:* module nor a Node-only package (their tests may, to read fixtures). */
const pureLayers: ReadonlySet<Layer> = new Set(["engine", "format", "measure"]);

/**
 * Packages that only run in Node: nothing the web app loads may import them, nor any node:* module.
 * (exceljs is not one: its package.json's "browser" field gives bundlers its browser build.)
 */
const nodeOnlyPackages = ["better-sqlite3", "playwright-core", "commander", "hono", "@hono/node-server", "vite"];

/**
 * Edges that break a rule for now, each with why; delete an entry once its edge is gone (an entry
 * that matches nothing fails the test, so the list cannot go stale).
 */
const allowances: readonly { from: string; to: string; why: string }[] = [];

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

type Place = Layer | "bench" | "unknown" | "outside";

function placeOf(file: string): Place {
  if (file.startsWith("web/src/")) return "web";
  if (file.startsWith("bench/")) return "bench";
  const match = /^src\/([^/]+)\//.exec(file);
  if (!match) return "outside";
  return match[1]! in layers ? (match[1] as Layer) : "unknown";
}

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(root, folder))) {
    const path = `${folder}/${name}`;
    if (statSync(join(root, path)).isDirectory()) found.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) found.push(path);
  }
  return found;
}

const isFile = (path: string) => existsSync(join(root, path)) && statSync(join(root, path)).isFile();

/** The repository file a relative specifier names (".js" standing for ".ts"/".tsx", folders for their index). */
function resolveImport(from: string, specifier: string): string {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier.replace(/\?.*$/, "")));
  const stem = base.replace(/\.(js|jsx|mjs)$/, "");
  const candidates = [`${stem}.ts`, `${stem}.tsx`, base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find(isFile) ?? base;
}

const isTestFile = (file: string) => /\.test\.tsx?$/.test(file) || /(^|\/)test-support\//.test(file);
const isCode = (file: string) => /\.(ts|tsx|js|mjs)$/.test(file) || !/\.[a-z]+$/.test(file);
const isNodeBuiltin = (specifier: string) => specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]!);
const isNodeOnly = (specifier: string) => isNodeBuiltin(specifier) || nodeOnlyPackages.some((name) => specifier === name || specifier.startsWith(`${name}/`));

interface Edge {
  from: string;
  specifier: string;
  /** The file a relative import names; undefined for a package. */
  target?: string;
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(join(root, file), "utf8");
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map(({ fileName: specifier }) =>
      specifier.startsWith(".") ? { from: file, specifier, target: resolveImport(file, specifier) } : { from: file, specifier },
    );
}

/** The rule an import breaks, or undefined. */
function brokenRule({ from, specifier, target }: Edge): string | undefined {
  const place = placeOf(from);
  // Only tests such as this one sit directly in src/, outside every layer.
  if (place === "outside" || place === "bench") return isTestFile(from) ? undefined : `${from} is in no layer: put it in one of the folders of the table`;
  const layer = place;
  if (layer === "unknown") return `${from.split("/").slice(0, 2).join("/")} is no declared layer: add it to the table in src/architecture.test.ts`;
  if (target === undefined) {
    return pureLayers.has(layer) && !isTestFile(from) && isNodeOnly(specifier) ? `${layer} is pure: no Node built-in module nor Node-only package` : undefined;
  }
  const to = placeOf(target);
  if (to === "bench") return "nothing in src/ or web/src imports bench/: move what both need into a test-support folder";
  if (to === "outside") return isCode(target) ? "code outside src/ and web/src is not imported (data files are fine)" : undefined;
  if (to === "unknown") return `${target.split("/").slice(0, 2).join("/")} is no declared layer: add it to the table in src/architecture.test.ts`;
  if (to !== layer) {
    const allowed: readonly string[] = layers[layer];
    if (!(allowed.includes(to) || (to === "test-support" && isTestFile(from)))) {
      return `${layer} may import only ${[layer, ...allowed].join(", ")}${isTestFile(from) ? ", test-support" : ""}, not ${to}`;
    }
    if (to === "engine" && target !== "src/engine/index.ts") return "outside src/engine, the engine is imported only through src/engine/index.ts";
  }
  return undefined;
}

/**
 * How many of a file's imports of each specifier are `import type` or `export type … from`: the
 * build erases those, so they load nothing in the browser (other imports of the same module still count).
 */
function typeOnlyImportCounts(file: string): Map<string, number> {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest, false);
  const counts = new Map<string, number>();
  for (const statement of source.statements) {
    const typeOnly =
      (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly === true) || (ts.isExportDeclaration(statement) && statement.isTypeOnly);
    if (typeOnly && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      counts.set(statement.moduleSpecifier.text, (counts.get(statement.moduleSpecifier.text) ?? 0) + 1);
    }
  }
  return counts;
}

/** Each import the web app's code reaches (its tests aside) that would not run in a browser, with the path to it. */
function browserViolations(files: readonly string[]): string[] {
  const found: string[] = [];
  const seen = new Map<string, string[]>();
  const queue: string[][] = files.filter((file) => placeOf(file) === "web" && !isTestFile(file)).map((file) => [file]);
  while (queue.length > 0) {
    const path = queue.shift()!;
    const file = path.at(-1)!;
    if (seen.has(file) || !isFile(file) || !/\.tsx?$/.test(file)) continue;
    seen.set(file, path);
    const typeOnly = typeOnlyImportCounts(file);
    for (const edge of importsOf(file)) {
      const erased = typeOnly.get(edge.specifier) ?? 0;
      if (erased > 0) {
        typeOnly.set(edge.specifier, erased - 1);
        continue;
      }
      if (edge.target !== undefined) queue.push([...path, edge.target]);
      else if (isNodeOnly(edge.specifier)) found.push(`${path.join(" → ")} → ${edge.specifier}: the web app runs in a browser: no Node-only module`);
    }
  }
  return found;
}

function violations(): { broken: string[]; unusedAllowances: string[] } {
  const files = [...sourceFiles("src"), ...sourceFiles("web/src")];
  const broken: string[] = [];
  const used = new Set<(typeof allowances)[number]>();
  for (const file of files) {
    for (const edge of importsOf(file)) {
      const rule = brokenRule(edge);
      if (rule === undefined) continue;
      const allowance = allowances.find((entry) => entry.from === file && entry.to === (edge.target ?? edge.specifier));
      if (allowance) used.add(allowance);
      else broken.push(`${file} → ${edge.specifier}: ${rule}`);
    }
  }
  broken.push(...browserViolations(files));
  const unusedAllowances = allowances.filter((entry) => !used.has(entry)).map((entry) => `${entry.from} → ${entry.to} (${entry.why})`);
  return { broken, unusedAllowances };
}

describe("the layers", () => {
  const { broken, unusedAllowances } = violations();

  it("are imported only downwards, the engine only through its index, and the web app only what runs in a browser", () => {
    expect(broken, `Imports that break the layers (see the table in src/architecture.test.ts):\n${broken.join("\n")}\n`).toEqual([]);
  });

  it("give the words the report shares with `voi`, `track` and the web app from src/format, not from the report", () => {
    // What a value of information is about (informationWords) and an input's plain label (describeInput)
    // are written alike by the report, the command line and the web app: they live in src/format.
    const sharing = [
      "src/cli/commands/voi.ts",
      "src/cli/commands/track/format.ts",
      "web/src/results/DecisionPanel.tsx",
      "web/src/editor/QuantityInput.tsx",
      "web/src/case/field-tree.ts",
    ];
    const fromReport = sharing.flatMap((file) =>
      importsOf(file)
        .filter((edge) => edge.target?.startsWith("src/report/"))
        .map((edge) => `${file} → ${edge.specifier}`),
    );
    expect(fromReport).toEqual([]);
  });

  it("keep the engine's rules in the engine: src/format re-exports none of them", () => {
    // A rule handed on by src/format reads as a formatting helper: views import `sameGain` or
    // `optionsGainingTheSame` from src/engine, where the rule is written and tested.
    const reexported = sourceFiles("src/format")
      .filter((file) => !isTestFile(file))
      .flatMap((file) => {
        const source = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest, false);
        const fromEngine = new Set<string>();
        for (const statement of source.statements) {
          if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
          if (placeOf(resolveImport(file, statement.moduleSpecifier.text)) !== "engine") continue;
          const bindings = statement.importClause?.namedBindings;
          if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) fromEngine.add(element.name.text);
        }
        return source.statements.flatMap((statement) => {
          if (!ts.isExportDeclaration(statement) || statement.isTypeOnly) return [];
          const engineModule =
            statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
              ? placeOf(resolveImport(file, statement.moduleSpecifier.text)) === "engine"
              : false;
          const clause = statement.exportClause;
          const names =
            clause && ts.isNamedExports(clause) ? clause.elements.filter((element) => !element.isTypeOnly).map((element) => element.name.text) : ["*"];
          return names.filter((name) => engineModule || fromEngine.has(name)).map((name) => `${file}: ${name}`);
        });
      });
    expect(reexported).toEqual([]);
  });

  it("let the web app's tests share src/test-support's cases: what they import from it loads no node:* module", () => {
    // web/tsconfig.json type-checks the web app's tests without Node's types, so a case builder they
    // import must not reach node:fs (one-month-case.ts did, through scenario-text.ts, and the web
    // test kept a copy of oneMonthThreeOptions instead).
    const found: string[] = [];
    const seen = new Set<string>();
    const queue = [...sourceFiles("web/src")]
      .filter(isTestFile)
      .flatMap((file) => importsOf(file).filter((edge) => edge.target?.startsWith("src/test-support/")))
      .map((edge) => [edge.from, edge.target!]);
    while (queue.length > 0) {
      const path = queue.shift()!;
      const file = path.at(-1)!;
      if (seen.has(file) || !isFile(file) || !/\.tsx?$/.test(file)) continue;
      seen.add(file);
      for (const edge of importsOf(file)) {
        if (edge.target !== undefined) queue.push([...path, edge.target]);
        else if (isNodeBuiltin(edge.specifier)) found.push(`${path.join(" → ")} → ${edge.specifier}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("list no allowance that is no longer needed", () => {
    expect(unusedAllowances).toEqual([]);
  });

  it("can be broken: a test that imports the benchmark, a store importing the charts, the engine using node:fs, the server the command line", () => {
    expect(brokenRule({ from: "src/store/x.test.ts", specifier: "../../bench/store.bench.js", target: "bench/store.bench.ts" })).toMatch(/bench/);
    expect(brokenRule({ from: "src/store/x.ts", specifier: "../charts/theme.js", target: "src/charts/theme.ts" })).toMatch(/store may import only/);
    expect(brokenRule({ from: "src/engine/x.ts", specifier: "node:fs" })).toMatch(/pure/);
    expect(brokenRule({ from: "src/server/x.ts", specifier: "../cli/program.js", target: "src/cli/program.ts" })).toMatch(/server may import only/);
    expect(brokenRule({ from: "src/report/x.ts", specifier: "../engine/draws.js", target: "src/engine/draws.ts" })).toMatch(/index/);
    expect(brokenRule({ from: "src/cli/x.ts", specifier: "../engine/index.js", target: "src/engine/index.ts" })).toBeUndefined();
  });
});

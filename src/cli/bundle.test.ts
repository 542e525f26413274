import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../report/browser.js";
import { packageRoot } from "../shared/package-files.js";
import { runCliCaptured } from "../test-support/run-cli.js";
import { BUNDLED_SCRIPTS } from "./bundled-scripts.js";

// The installed command line is the bundle npm run build writes (scripts/bundle-cli.mjs), not the
// sources the other tests run: this builds one from the current sources and checks it says the same.
let folder: string;

beforeAll(() => {
  // Inside the package, as dist/bundle is: the packages left out of the bundle are found in its node_modules.
  folder = mkdtempSync(join(packageRoot, "dist-bundle-test-"));
  execFileSync(process.execPath, [join(packageRoot, "scripts", "bundle-cli.mjs"), relative(packageRoot, folder)], { cwd: packageRoot, stdio: "pipe" });
}, 120_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Runs the bundle as bin/mlops-roi.js does, from the package's folder. */
function runBundle(argv: readonly string[], input?: string): { exitCode: number; stdout: string; stderr: string } {
  const entry = `require(${JSON.stringify(join(folder, "main.cjs"))}).main(process.argv.slice(1)).then((code) => { process.exitCode = code; });`;
  const child = spawnSync(process.execPath, ["-e", entry, "--", ...argv], {
    cwd: packageRoot,
    encoding: "utf8",
    timeout: 60_000,
    ...(input !== undefined ? { input } : {}),
  });
  return { exitCode: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

describe("the bundled command line", () => {
  it.each([
    [["--help"]],
    [["run", "--help"]],
    [["validate", "examples/team.yaml"]],
    [["validate", "examples/does-not-exist.yaml"]],
    [["run", "examples/seed.yaml", "--json"]],
    [["run", "examples/team.yaml", "--samples", "500", "--json"]],
    [["init", "--template", "enterprise", "-o", "-"]],
    [["schema"]],
  ])("%j says what the sources say", async (argv) => {
    const bundled = runBundle(argv);
    const sources = await runCliCaptured(argv);
    expect(bundled.stderr).toBe(sources.stderr);
    expect(bundled.stdout).toBe(sources.stdout);
    expect(bundled.exitCode).toBe(sources.exitCode);
  });

  it('reads the scenario file from standard input for the name -, naming it <stdin> (it said "-: no such file")', () => {
    const text = readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8");
    const valid = runBundle(["validate", "-"], text);
    expect(valid.exitCode).toBe(0);
    expect(valid.stdout).toMatch(/^<stdin>: valid — 3 scenarios /);
    const run = runBundle(["run", "-", "--json"], text);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(runBundle(["run", "examples/seed.yaml", "--json"]).stdout);
    const broken = runBundle(["validate", "-"], text.replace("people: 1", "people: -1"));
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toMatch(/^<stdin>:\d+:\d+: error: defaults\.team\.people/);
    expect(runBundle(["export", "-"], text).stderr).toBe(
      "error: the scenario file is read from standard input (-), so there is no file to write the workbook beside: give -o, e.g. -o case.xlsx\n",
    );
  });

  it("loads a library only when a command needs it: --help runs the command line's script alone, validate adds the engine's", () => {
    const entry = `require(${JSON.stringify(join(packageRoot, "bin", "v8-flags.js"))}).setCommandFlags();
const { main, codeCacheStates } = require(${JSON.stringify(join(folder, "main.cjs"))});
(async () => {
  const states = [];
  for (const argv of [["--help"], ["validate", "examples/seed.yaml"]]) {
    await main(argv);
    states.push(codeCacheStates());
  }
  process.stderr.write(JSON.stringify(states));
})();`;
    const child = spawnSync(process.execPath, ["-e", entry], { cwd: packageRoot, encoding: "utf8", timeout: 60_000 });
    const states = JSON.parse(child.stderr.slice(child.stderr.lastIndexOf("[{"))) as unknown;
    expect(states).toEqual([
      { cli: "accepted", core: "not loaded", charts: "not loaded", excel: "not loaded" },
      { cli: "accepted", core: "accepted", charts: "not loaded", excel: "not loaded" },
    ]);
    // The commands' modules run only when their command does: esbuild turns each import() into a call.
    expect(readFileSync(join(folder, "chunks", "cli.cjs"), "utf8")).toMatch(/var init_run = __esm\(/);
  });

  it("writes and reads workbooks with exceljs's workbook alone, and reads back what it wrote as the sources do", async () => {
    // scripts/bundle-cli.mjs leaves out exceljs's streaming reader and writer and its CSV.
    const chunks = readdirSync(join(folder, "chunks")).map((chunk) => readFileSync(join(folder, "chunks", chunk), "utf8"));
    expect(chunks.some((text) => text.includes("WorkbookReader"))).toBe(false);
    expect(chunks.some((text) => text.includes("fast-csv"))).toBe(false);
    expect(chunks.some((text) => text.includes("Workbook: require"))).toBe(true);
    const work = mkdtempSync(join(tmpdir(), "bundle-workbook-"));
    try {
      const workbook = join(work, "team.xlsx");
      const exported = runBundle(["export", "examples/team.yaml", "-o", workbook, "--samples", "200"]);
      expect(exported.stderr).toContain(`wrote ${workbook}`);
      expect(exported.exitCode).toBe(0);
      const bundled = runBundle(["import", workbook, "-o", "-"]);
      const sources = await runCliCaptured(["import", workbook, "-o", "-"]);
      expect(bundled.exitCode).toBe(0);
      expect(bundled.stdout).toBe(sources.stdout);
      expect(bundled.stdout).toBe(readFileSync(join(packageRoot, "examples", "team.yaml"), "utf8"));
      expect(bundled.stderr).toBe(sources.stderr);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(chromiumPath()) && process.env.CI !== "true")(
    "prints the report to PDF through playwright-core, which the bundle requires from node_modules",
    () => {
      const work = mkdtempSync(join(tmpdir(), "bundle-pdf-"));
      try {
        const pdf = join(work, "seed.pdf");
        const printed = runBundle(["report", "examples/seed.yaml", "-o", join(work, "seed.html"), "--pdf", pdf]);
        expect(printed.stderr).toContain(`wrote ${pdf}`);
        expect(printed.exitCode).toBe(0);
        expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  );

  it("holds the engine, zod, yaml, Vega and exceljs once each, in the scripts the commands share", () => {
    // The command line's own script and its entry.
    const texts = [readFileSync(join(folder, "main.cjs"), "utf8"), readFileSync(join(folder, "chunks", "cli.cjs"), "utf8")];
    expect(texts[1]).toContain("// src/cli/program.ts");
    const script = (name: string) => readFileSync(join(folder, "chunks", `${name}.cjs`), "utf8");
    // The scripts the build writes, each with its cache, are those the loader knows.
    const written = (extension: string) =>
      readdirSync(join(folder, "chunks"))
        .filter((file) => file.endsWith(extension))
        .sort();
    expect(written(".cjs")).toEqual(BUNDLED_SCRIPTS.map((name) => `${name}.cjs`).sort());
    expect(written(".cache")).toEqual(BUNDLED_SCRIPTS.map((name) => `${name}.cache`).sort());
    // esbuild marks where each source file starts: "// src/engine/simulate.ts".
    for (const [name, sources] of [
      ["core", ["src/engine/simulate.ts", "src/engine/scenario/schema.ts", "node_modules/zod/", "node_modules/yaml/"]],
      ["charts", ["node_modules/vega-lite/", "node_modules/vega-scenegraph/"]],
      ["excel", ["node_modules/exceljs/"]],
    ] as const) {
      for (const source of sources) {
        expect(script(name)).toContain(`// ${source}`);
        expect(texts.filter((text) => text.includes(`// ${source}`))).toEqual([]);
      }
    }
  });

  it("loads each script with its code cache under the command line's V8 flags, and says the same without it", () => {
    const work = mkdtempSync(join(tmpdir(), "bundle-code-cache-"));
    try {
      // export loads the workbook's script after its Monte Carlo, report the charts'.
      const commands = [
        ["run", "examples/team.yaml", "--samples", "0", "--json"],
        ["export", "examples/team.yaml", "--samples", "200", "-o", join(work, "team.xlsx"), "--force"],
        ["report", "examples/team.yaml", "--samples", "200", "-o", join(work, "team.html"), "--force"],
      ];
      const entry = `require(${JSON.stringify(join(packageRoot, "bin", "v8-flags.js"))}).setCommandFlags();
const { main, codeCacheStates } = require(${JSON.stringify(join(folder, "main.cjs"))});
(async () => {
  const codes = [];
  for (const argv of ${JSON.stringify(commands)}) codes.push(await main(argv));
  process.stderr.write(JSON.stringify({ codes, states: codeCacheStates() }));
})();`;
      const run = (nodeFlags: readonly string[]) => {
        const child = spawnSync(process.execPath, [...nodeFlags, "-e", entry], { cwd: packageRoot, encoding: "utf8", timeout: 120_000 });
        return { stdout: child.stdout, outcome: JSON.parse(child.stderr.slice(child.stderr.lastIndexOf('{"codes"'))) as unknown };
      };
      const cached = run([]);
      expect(cached.outcome).toEqual({ codes: [0, 0, 0], states: { cli: "accepted", core: "accepted", charts: "accepted", excel: "accepted" } });
      expect(JSON.parse(cached.stdout).title).toBeTypeOf("string");
      const report = readFileSync(join(work, "team.html"), "utf8");
      // Other flags than the caches were written with: V8 refuses them, and the scripts compile as usual.
      const refused = run(["--interrupt-budget=100000"]);
      expect(refused.outcome).toEqual({ codes: [0, 0, 0], states: { cli: "rejected", core: "rejected", charts: "rejected", excel: "rejected" } });
      expect(refused.stdout).toBe(cached.stdout);
      expect(readFileSync(join(work, "team.html"), "utf8")).toBe(report);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("reads and works out a case without what costs time at start only: no parser compiled from strings, no child_process, crypto or perf_hooks, no Intl in any command that prints figures", () => {
    // - zod decides, as it builds each object schema, whether to generate a parser for it with
    //   Function() (src/cli/zod-jitless.ts);
    // - commander would load child_process for subcommands that are programs of their own;
    // - crypto is for naming a file being written (src/shared/atomic-write.ts), perf_hooks for timing;
    // - Intl's first use loads the locale data (src/format/numbers.ts, src/format/dates.ts,
    //   src/engine/compare-names.ts).
    const work = mkdtempSync(join(tmpdir(), "bundle-start-"));
    const entry = [
      `let generated = 0;`,
      `globalThis.Function = new Proxy(Function, { construct(target, args) { generated += 1; return Reflect.construct(target, args); } });`,
      `const intl = new Set();`,
      `for (const name of ["NumberFormat", "DateTimeFormat", "Collator", "PluralRules"]) Intl[name] = new Proxy(Intl[name], { construct(target, args) { intl.add(name); return Reflect.construct(target, args); } });`,
      `for (const [owner, name] of [[String.prototype, "localeCompare"], [Number.prototype, "toLocaleString"], [Date.prototype, "toLocaleDateString"], [Date.prototype, "toLocaleString"]]) { const own = owner[name]; owner[name] = function (...args) { intl.add(name); return own.apply(this, args); }; }`,
      `const { main } = (await import("node:module")).createRequire(import.meta.url)(${JSON.stringify(join(folder, "main.cjs"))});`,
      `const codes = [await main(["validate", "examples/team.yaml"]), await main(["run", "examples/enterprise.yaml", "--samples", "0", "--json"]), await main(["run", "examples/team.yaml", "--samples", "2000"])];`,
      `const loaded = process.moduleLoadList.filter((entry) => ["child_process", "crypto", "perf_hooks"].some((name) => entry === "NativeModule " + name));`,
      `codes.push(await main(["report", "examples/team.yaml", "-o", ${JSON.stringify(join(work, "team.html"))}]), await main(["export", "examples/team.yaml", "-o", ${JSON.stringify(join(work, "team.xlsx"))}]));`,
      `for (const argv of [["sensitivity", "examples/seed-uncertain.yaml"], ["voi", "examples/seed-uncertain.yaml", "--samples", "2000"], ["optimize", "examples/team.yaml", "--objective", "p50"]]) codes.push(await main(argv));`,
      `process.stderr.write(JSON.stringify({ codes, generated, loaded, intl: [...intl] }));`,
    ].join("\n");
    try {
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", entry], { cwd: packageRoot, encoding: "utf8", timeout: 60_000 });
      const said = JSON.parse(child.stderr.slice(child.stderr.lastIndexOf("{"))) as { codes: number[]; generated: number; loaded: string[]; intl: string[] };
      expect(said.codes).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      expect(said.generated).toBe(0);
      expect(said.loaded).toEqual([]);
      expect(said.intl).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("bin/mlops-roi.js runs the bundle npm run build writes", () => {
    expect(readFileSync(join(packageRoot, "bin", "mlops-roi.js"), "utf8")).toContain('require("../dist/bundle/main.cjs")');
  });

  it("bin/mlops-roi.js prints a command's JSON and nothing else, with the V8 budget it sets and with one given to node", () => {
    // The budget is a V8 flag set at run time: a flag V8 refused would be reported on standard output.
    for (const nodeFlags of [[], ["--interrupt-budget=100000"]]) {
      const child = spawnSync(process.execPath, [...nodeFlags, join(packageRoot, "bin", "mlops-roi.js"), "run", "examples/seed.yaml", "--json"], {
        cwd: packageRoot,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(child.status).toBe(0);
      expect(child.stderr).toBe("");
      expect(JSON.parse(child.stdout).title).toBeTypeOf("string");
    }
  });
});

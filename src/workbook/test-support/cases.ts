import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MonteCarlo, validateScenarioText, type CompiledCase } from "../../engine/index.js";
import type { ExportSource } from "../export-workbook.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");

/**
 * Every example shipped with the package, and the workbook's own fixtures (branches the examples
 * do not reach). Tests run each one: a new example is covered without touching the tests.
 */
export function workbookCases(): { name: string; path: string }[] {
  const from = (folder: string) =>
    readdirSync(folder)
      .filter((name) => name.endsWith(".yaml"))
      .sort()
      .map((name) => ({ name, path: join(folder, name) }));
  const peers = from(join(root, "examples", "peers")).map(({ name, path }) => ({ name: `peers-${name}`, path }));
  return [...from(join(root, "examples")), ...peers, ...from(join(here, "..", "fixtures"))];
}

/** The samples the tests run for a case with ranges: few, for speed; seeded. */
export const TEST_SAMPLES = 500;

/** A case file, validated and compiled, ready for export (with a small seeded Monte Carlo when it has ranges). */
export function loadCase(path: string): ExportSource & { compiled: CompiledCase } {
  const text = readFileSync(path, "utf8");
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(`${path} does not validate: ${validation.issues.map((issue) => issue.message).join("; ")}`);
  const compiled = validation.compiled;
  const monteCarlo = compiled.uncertainLeaves.length > 0 ? new MonteCarlo(compiled, { samples: TEST_SAMPLES, seed: 1 }).runAll().summarise() : undefined;
  return { text, file: validation.file, compiled, ...(monteCarlo ? { monteCarlo } : {}) };
}

// Runs the bare-loop Monte Carlo anchor (../shared/anchors/bare-loop-mc.ts) in the same run as our
// benchmarks, so figures are compared on the same machine at the same moment. A user's clone has no
// ../shared: the anchor is then reported as missing, not faked.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "./paths.js";

const anchorPath = join(projectRoot, "..", "shared", "anchors", "bare-loop-mc.ts");

export interface AnchorFigures {
  /** Median milliseconds of each measured step, by its label's number ("3d", "6", "8"). */
  steps: Map<string, number>;
  samples: number;
}

export function runAnchor(samples = 100_000): AnchorFigures | undefined {
  if (!existsSync(anchorPath)) {
    console.log(`anchor: not found at ${anchorPath} (it lives in the project's shared folder, not in a user's clone); ratios are not shown`);
    return undefined;
  }
  const tsx = join(projectRoot, "node_modules", ".bin", "tsx");
  const output = execFileSync(tsx, [anchorPath, String(samples)], { encoding: "utf8", env: { ...process.env, REPS: "5" }, maxBuffer: 1 << 24 });
  const steps = new Map<string, number>();
  for (const line of output.split("\n")) {
    const match = /^(\d+[a-z]?)\. .*median\s+([\d.]+) ms/.exec(line);
    if (match) steps.set(match[1]!, Number(match[2]));
  }
  return { steps, samples };
}

/** Milliseconds of each of `repetitions` runs. */
export function timed(repetitions: number, run: () => void): number[] {
  const times: number[] = [];
  for (let index = 0; index < repetitions; index++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median of timed repetitions after one warm-up run, in milliseconds. */
export function medianTime(repetitions: number, run: () => void): number {
  run();
  return median(timed(repetitions, run));
}

/**
 * The anchor's end-to-end step (its step 6: draw, transform, 60-month model, three percentile sets)
 * loaded into this process, so that it and ours can take turns run by run: this machine changes
 * speed within seconds, and two figures taken moments apart in one process compare fairly. It runs
 * the anchor's own code: its declarations (everything before its timed steps start), and the body
 * of its step 6 as written there, with the types stripped by TypeScript. Undefined when the anchor
 * is missing or its text no longer has that shape (the benchmark then says so).
 */
export async function loadAnchorEndToEnd(samples = 100_000): Promise<(() => void) | undefined> {
  const javascript = await anchorEndToEndModule(samples);
  if (javascript === undefined) return undefined;
  const folder = mkdtempSync(join(tmpdir(), "mlops-roi-anchor-"));
  try {
    const file = join(folder, "anchor-end-to-end.mjs");
    writeFileSync(file, javascript);
    const loaded = (await import(pathToFileURL(file).href)) as { endToEnd: () => unknown };
    return () => void loaded.endToEnd();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The anchor's end-to-end step as a JavaScript module exporting `endToEnd()`: its declarations and
 * the body of its step 6, types stripped. Undefined when the anchor is missing or changed shape.
 * With `runOnce`, the module also runs the step once when loaded: the anchor's whole process doing
 * what `run --samples` does (draw, transform, model, percentiles), start-up included.
 */
export async function anchorEndToEndModule(samples = 100_000, runOnce = false): Promise<string | undefined> {
  if (!existsSync(anchorPath)) return undefined;
  const text = readFileSync(anchorPath, "utf8");
  const start = text.indexOf("\nconsole.log(`N=");
  const step = /time\("6\. END-TO-END[^"]*", \(\) => \{([^\n]*)\}\);/.exec(text);
  if (start < 0 || !step) return undefined;
  // Its sample count comes from the command line; here it is the benchmark's.
  const declarations = text.slice(0, start).replace("const N = Number(process.argv[2] ?? 100_000);", `const N = ${samples};`);
  if (!declarations.includes(`const N = ${samples};`)) return undefined;
  const { default: ts } = await import("typescript");
  const module = `${declarations}\nexport function endToEnd() {${step[1]}}\n${runOnce ? "endToEnd();\n" : ""}`;
  return ts.transpileModule(module, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
}

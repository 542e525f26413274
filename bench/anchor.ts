// Runs the bare-loop Monte Carlo anchor (../shared/anchors/bare-loop-mc.ts) in the same run as our
// benchmarks, so figures are compared on the same machine at the same moment. A user's clone has no
// ../shared: the anchor is then reported as missing, not faked.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
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

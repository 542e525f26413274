import { MonteCarlo, STANDARD_SAMPLES, type CompiledCase, type MonteCarloSummary } from "../engine/index.js";
import { UserError, type CliOutput } from "./io.js";
import { createProgress, runInterruptibly } from "./progress.js";

export interface SamplingOptions {
  samples?: string;
  seed?: string;
  lhs?: boolean;
}

/** Samples run when the file has ranges and --samples is not given. */
export const DEFAULT_SAMPLES = STANDARD_SAMPLES;

/** The most memory a Monte Carlo may take; the default samples of the largest case allowed (50 scenarios, 240 months) fit. */
const MONTE_CARLO_BYTES = 2e9;

/**
 * The most samples a case may be run with: as many as fit in 2 GB (millions for a small case).
 * @example mostSamples(seedUncertainCase) // 3,846,153
 */
export function mostSamples(compiled: CompiledCase): number {
  return Math.floor(MONTE_CARLO_BYTES / MonteCarlo.bytesPerSample(compiled));
}

export function parseWholeNumber(option: string, text: string, minimum: number): number {
  const value = Number(text.replace(/_/g, ""));
  if (!/^\d[\d_]*$/.test(text.trim()) || !Number.isSafeInteger(value) || value < minimum) {
    throw new UserError(`${option} is "${text}"; allowed: a whole number ≥ ${minimum}`, 2);
  }
  return value;
}

/**
 * The Monte Carlo behind `run` and `report`: with a progress bar for long runs (terminal only) and
 * a clean stop on Ctrl-C. Returns undefined when the case has no ranges or samples is 0. `groups`
 * (input paths) are valued together in the decision analysis, beside each input alone (`voi --group`).
 */
export async function runMonteCarlo(
  compiled: CompiledCase,
  options: SamplingOptions,
  output: CliOutput,
  analysis: { groups?: readonly (readonly string[])[] } = {},
): Promise<MonteCarloSummary | undefined> {
  const samples = options.samples !== undefined ? parseWholeNumber("--samples", options.samples, 0) : compiled.uncertainLeaves.length > 0 ? DEFAULT_SAMPLES : 0;
  const seed = options.seed !== undefined ? parseWholeNumber("--seed", options.seed, 0) : 1;
  if (samples === 0) return undefined;
  const most = mostSamples(compiled);
  if (samples > most) {
    const gigabytes = (MonteCarlo.bytesPerSample(compiled) * samples) / 1e9;
    throw new UserError(
      `--samples is ${samples.toLocaleString("en-US")}, which would take up to ${gigabytes.toLocaleString("en-US", { maximumFractionDigits: 1 })} GB for this case (${compiled.scenarios.length} scenarios over ${compiled.horizonMonths} months); allowed: at most ${most.toLocaleString("en-US")}`,
      2,
    );
  }
  if (compiled.uncertainLeaves.length === 0 && options.samples !== undefined) {
    output.stderr("note: the file has no ranges, so every sample gives the same numbers; give an input as { low, high } to see a spread\n");
  }
  const monteCarlo = new MonteCarlo(compiled, { samples, seed, latinHypercube: options.lhs ?? false, ...(analysis.groups ? { groups: analysis.groups } : {}) });
  const progress = createProgress(output, "Monte Carlo");
  const outcome = await runInterruptibly(
    () => monteCarlo.step(2_000),
    () => progress.update(monteCarlo.done, samples),
  );
  progress.done();
  if (outcome === "interrupted")
    throw new UserError(`stopped after ${monteCarlo.done.toLocaleString("en-US")} of ${samples.toLocaleString("en-US")} samples; nothing was written`, 130);
  const summary = monteCarlo.summarise();
  monteCarlo.release();
  return summary;
}

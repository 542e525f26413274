import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  dropSpareColumns,
  MonteCarlo,
  STANDARD_SAMPLES,
  type CompiledCase,
  type MonteCarloOptions,
  type MonteCarloSummary,
  type MonthlyBands,
} from "../engine/index.js";
import { UserError, type CliOutput } from "./io.js";
import { createProgress, runInterruptibly } from "./progress.js";
import { formatNumber, plural } from "../format/numbers.js";

export interface SamplingOptions {
  samples?: string;
  seed?: string;
  lhs?: boolean;
}

/** Samples run when the file has ranges and --samples is not given. */
export const DEFAULT_SAMPLES = STANDARD_SAMPLES;

/**
 * The most memory a Monte Carlo may take, by `MonteCarlo.memory` (its own arrays, not Node's start-up):
 * 2 GB. Each sample keeps only its figures and draws (a few hundred bytes even for 10 options); the
 * monthly bands take a fixed amount beyond EXACT_BAND_BYTES, so millions of samples fit.
 */
const MONTE_CARLO_BYTES = 2e9;

/** What a run keeps, for its memory: its draws, the decision analysis, the month-by-month bands it works out. */
type MemoryOptions = { latinHypercube?: boolean; decision?: boolean; monthlyBands?: MonthlyBands };

/**
 * The most samples a case may be run with: as many as fit in 2 GB, every smaller run fitting too
 * (millions for most cases; 0 when not even one fits). A run that keeps fewer bands fits more.
 * @example mostSamples(seedUncertainCase) // 12,966,692
 */
export function mostSamples(compiled: CompiledCase, options: MemoryOptions = {}): number {
  return MonteCarlo.mostSamples(compiled, MONTE_CARLO_BYTES, options);
}

/** Bytes in MB below a gigabyte, in GB (one decimal) from there: "194 MB", "3.5 GB". */
function sizeInWords(bytes: number): string {
  if (bytes < 1e9) return `${formatNumber(Math.ceil(bytes / 1e6))} MB`;
  return `${formatNumber(bytes / 1e9, 1)} GB`;
}

/**
 * Why a run is refused: the samples asked, what they would take, the case's size and what to lower.
 * @example tooManySamples(wide, 10_000_000, 5_549_588, false) // "--samples is 10,000,000, which would take about 3.4 GB for this case (10 scenarios over 240 months, 4 inputs as ranges): 322 bytes a sample plus 214 MB for the monthly bands and counts; allowed: at most 5,549,588 (2 GB) — lower --samples, or run fewer options, months or ranges"
 */
function tooManySamples(compiled: CompiledCase, samples: number, most: number, options: MemoryOptions): string {
  const memory = MonteCarlo.memory(compiled, samples, options);
  // What does not grow with the samples: mostly the bands' bins and counts, when the run keeps any.
  const fixed = options.monthlyBands === "none" ? "for the draws at hand" : "for the monthly bands and counts";
  const ranges = compiled.uncertainLeaves.length;
  const size = `${compiled.scenarios.length} scenarios over ${plural(compiled.horizonMonths, "month")}, ${ranges} ${ranges === 1 ? "input" : "inputs"} as ranges`;
  const allowed =
    most > 0
      ? `allowed: at most ${formatNumber(most)} (${sizeInWords(MONTE_CARLO_BYTES)}) — lower --samples, or run fewer options, months or ranges`
      : `not even one sample fits in ${sizeInWords(MONTE_CARLO_BYTES)} — run fewer options, months or ranges`;
  return `--samples is ${formatNumber(samples)}, which would take about ${sizeInWords(memory.bytes)} for this case (${size}): ${formatNumber(Math.ceil(memory.perSample))} bytes a sample plus ${sizeInWords(memory.fixed)} ${fixed}; ${allowed}`;
}

/**
 * A command-line option's whole number, at least `minimum`; anything else is refused (exit 2), saying
 * what is allowed: `allowed` when the command knows more than the minimum ("100 to 7,633,429" for `voi`'s
 * --samples), else the minimum.
 * @example parseWholeNumber("--seed", "7", 0) // 7
 */
export function parseWholeNumber(option: string, text: string, minimum: number, allowed?: string): number {
  const value = Number(text.replace(/_/g, ""));
  const whole = /^\d[\d_]*$/.test(text.trim());
  // A whole number too large to hold exactly is said with the bound: "a whole number ≥ 0" of 99999999999999999999 was not true.
  if (whole && value >= minimum && !Number.isSafeInteger(value))
    throw new UserError(`${option} is "${text}"; allowed: ${allowed ?? `a whole number from ${minimum} to ${formatNumber(Number.MAX_SAFE_INTEGER)}`}`, 2);
  if (!whole || !Number.isSafeInteger(value) || value < minimum) {
    throw new UserError(`${option} is "${text}"; allowed: ${allowed ?? `a whole number ≥ ${minimum}`}`, 2);
  }
  return value;
}

/**
 * The fewest samples behind a document a manager reads (`report`, `export`): its chances are given to
 * the nearest 1% ("over 99%", "under 1%") and its ranges are 90% ones, which fewer runs cannot tell
 * apart (one sample said "Over the 1 outcomes of the ranges … in over 99% of them", and that no range
 * moved the net gain much); `voi` too, whose conclusions are sentences, and `run`'s tables, which say
 * the same chances and ranges ("NPV, 90% range", "over 99%", "no measurement is worth paying for" of one
 * sample). `run --json`, figures for a program with the samples beside them, takes any number.
 */
export const FEWEST_DOCUMENT_SAMPLES = 100;

/**
 * The Monte Carlo behind `run` and `report`: with a progress bar for long runs (terminal only) and
 * a clean stop on Ctrl-C. Returns undefined when the case has no ranges or samples is 0. `groups`
 * (input paths) are valued together in the decision analysis, beside each input alone (`voi --group`);
 * `decision: false` leaves the analysis out for a caller that does not show it (the workbook);
 * `document` names the document whose chances need FEWEST_DOCUMENT_SAMPLES (a smaller --samples is refused);
 * `monthlyBands` names the month-by-month bands the caller shows (default "all", for JSON).
 */
export async function runMonteCarlo(
  compiled: CompiledCase,
  options: SamplingOptions,
  output: CliOutput,
  analysis: { groups?: readonly (readonly string[])[]; decision?: boolean; document?: "report" | "workbook" | "voi" | "run"; monthlyBands?: MonthlyBands } = {},
): Promise<MonteCarloSummary | undefined> {
  const seed = options.seed !== undefined ? parseWholeNumber("--seed", options.seed, 0) : 1;
  const latinHypercube = options.lhs ?? false;
  const memoryOptions: MemoryOptions = {
    latinHypercube,
    ...(analysis.decision === false ? { decision: false } : {}),
    ...(analysis.monthlyBands ? { monthlyBands: analysis.monthlyBands } : {}),
  };
  const most = mostSamples(compiled, memoryOptions);
  // Documents whose chances are given to the nearest 1% take no fewer than FEWEST_DOCUMENT_SAMPLES;
  // voi has no single-estimate form (0).
  const fewest = analysis.document && compiled.uncertainLeaves.length > 0;
  const allowed =
    analysis.document === "voi"
      ? `${FEWEST_DOCUMENT_SAMPLES} to ${formatNumber(most)}`
      : fewest
        ? `0 (single estimates, no chances) or ${FEWEST_DOCUMENT_SAMPLES} to ${formatNumber(most)}${analysis.document === "run" ? "; with --json, for a program, 1 to 99 as well" : ""}`
        : `a whole number from 0 to ${formatNumber(most)}`;
  // Text that is no whole number ≥ 0 ("-5") is told what this command takes, not only "a whole number ≥ 0".
  const samples =
    options.samples !== undefined ? parseWholeNumber("--samples", options.samples, 0, allowed) : compiled.uncertainLeaves.length > 0 ? DEFAULT_SAMPLES : 0;
  if (samples === 0 && analysis.document !== "voi") return undefined;
  if (samples > most) throw new UserError(tooManySamples(compiled, samples, most, memoryOptions), 2);
  if (fewest && samples < FEWEST_DOCUMENT_SAMPLES) {
    // voi concludes in sentences too ("no measurement is worth paying for … knowing every input exactly
    // would be worth nothing"), which one sample made of nothing.
    const what =
      analysis.document === "voi"
        ? "the value of information gives each option's chance of being best to the nearest 1%"
        : analysis.document === "run"
          ? "run's tables give their chances to the nearest 1% and their ranges as 90% ones"
          : `a ${analysis.document} gives its chances to the nearest 1% and its ranges as 90% ones`;
    throw new UserError(
      `--samples is ${formatNumber(samples)}: ${what}, which fewer than ${FEWEST_DOCUMENT_SAMPLES} samples cannot tell; allowed: ${allowed}`,
      2,
    );
  }
  if (compiled.uncertainLeaves.length === 0 && options.samples !== undefined) {
    output.stderr("note: the file has no ranges, so every sample gives the same numbers; give an input as { low, high } to see a spread\n");
  }
  const summary = await summaryOfRun(compiled, output, {
    samples,
    seed,
    latinHypercube,
    ...(analysis.groups ? { groups: analysis.groups } : {}),
    ...(analysis.decision === false ? { decision: false } : {}),
    ...(analysis.monthlyBands ? { monthlyBands: analysis.monthlyBands } : {}),
  });
  // A command runs one Monte Carlo: the month columns kept for a next one would only hold memory the
  // report's charts or the workbook need (96 MB at 10,000 samples of 10 options over 240 months).
  dropSpareColumns();
  collectGarbageNow();
  return summary;
}

/**
 * Runs the Monte Carlo with its progress bar and clean stop, and gives its summary. A function of
 * its own, so that the run and its month columns are unreachable once it returns: a collection in
 * the function that made the run (`runMonteCarlo`'s, just after) still found them through its
 * variables, and freed nothing (the 90 MB of the 10-option, 240-month case's columns were freed only
 * midway through its workbook).
 */
async function summaryOfRun(compiled: CompiledCase, output: CliOutput, options: MonteCarloOptions): Promise<MonteCarloSummary> {
  const monteCarlo = new MonteCarlo(compiled, options);
  const progress = createProgress(output, "Monte Carlo");
  const outcome = await runInterruptibly(
    () => monteCarlo.step(2_000),
    () => progress.update(monteCarlo.done, options.samples),
  );
  progress.done();
  if (outcome === "interrupted")
    throw new UserError(`stopped after ${formatNumber(monteCarlo.done)} of ${formatNumber(options.samples)} samples; nothing was written`, 130);
  const summary = monteCarlo.summarise();
  monteCarlo.release();
  return summary;
}

/**
 * A full garbage collection, now: the Monte Carlo's month columns (88 MB at 10,000 samples of 10
 * options over 240 months) are unreachable once it is summarised, but JavaScript frees an array's
 * memory only when a collection finds it unreachable, which would come midway through the report's
 * charts or the workbook, on top of their own memory. Node exposes `gc` only to code run with
 * --expose-gc, which a command line started as `mlops-roi` cannot pass, hence the flag set here (the
 * installed command sets it as it starts, bin/v8-flags.js, so that its flags do not change midway;
 * the sources, run by the tests, set it here).
 */
function collectGarbageNow(): void {
  try {
    setFlagsFromString("--expose-gc");
    (runInNewContext("gc") as () => void)();
  } catch {
    // A Node that refuses the flag: the memory goes back at the next collection, as it would anyway.
  }
}

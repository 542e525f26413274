import { drawInputs } from "./draws.js";
import { F as importedF, MONTHLY_FIELD_COUNT } from "./model/columns.js";
import type { CompiledCase } from "./model/compiled.js";
import { CaseRunner } from "./runner.js";
import { percentiles, shareAbove } from "./uncertainty/index.js";

// Module-local copies: imported bindings can be getters under some loaders, too slow for the hot loop.
const F = importedF;

export interface MonteCarloOptions {
  samples: number;
  seed: number;
  /** Latin hypercube sampling instead of plain random draws. */
  latinHypercube?: boolean;
}

/** P5/P10/P50/P90/P95; null where the value does not exist (e.g. a payback month that never comes). */
export interface PercentileSummary {
  p5: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
}

export interface AlternativeDistribution {
  npv: PercentileSummary;
  roi: PercentileSummary;
  paybackMonth: PercentileSummary;
  probabilityPaysBack: number;
  probabilityNpvPositive: number;
}

export interface Band {
  p5: number[];
  p50: number[];
  p95: number[];
}

export interface MonteCarloSummary {
  samples: number;
  seed: number;
  sampling: "random" | "latin-hypercube";
  /** The file paths of the inputs given as ranges. */
  inputs: string[];
  distributions: Record<string, AlternativeDistribution>;
  cumulativeNetBands: Record<string, Band>;
  liveProjectBands: Record<string, Band>;
}

const levels = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

/** Samples per block of the trajectory copy. */
const BLOCK = 256;

/** Copies a sample-major block (`size` samples × `months`) into month-major storage at `first`. */
function transposeFloat(block: Float32Array, target: Float32Array, size: number, months: number, samples: number, first: number): void {
  for (let at = 0; at < months; at++) {
    const row = at * samples + first;
    for (let offset = 0, cell = at; offset < size; offset++, cell += months) target[row + offset] = block[cell]!;
  }
}

/** The same for whole numbers (kept separate: one element type per function keeps the copy fast). */
function transposeWhole(block: Uint16Array, target: Uint16Array, size: number, months: number, samples: number, first: number): void {
  for (let at = 0; at < months; at++) {
    const row = at * samples + first;
    for (let offset = 0, cell = at; offset < size; offset++, cell += months) target[row + offset] = block[cell]!;
  }
}

/** The type-7 percentile (as `percentiles`) of whole numbers given by their counts. */
function percentileFromCounts(counts: Uint32Array, highest: number, total: number, level: number): number {
  const rank = (total - 1) * level;
  const lowerRank = Math.floor(rank);
  const valueAtRank = (wanted: number) => {
    let seen = 0;
    for (let value = 0; value <= highest; value++) {
      seen += counts[value]!;
      if (seen > wanted) return value;
    }
    return highest;
  };
  const lower = valueAtRank(lowerRank);
  const fraction = rank - lowerRank;
  return fraction > 0 ? lower + fraction * (valueAtRank(lowerRank + 1) - lower) : lower;
}

function summary(values: Float64Array, scratch: Float64Array): PercentileSummary {
  if (values.length === 0) return { p5: null, p10: null, p50: null, p90: null, p95: null };
  const [p5, p10, p50, p90, p95] = percentiles(values, levels, scratch).map((value) => (Number.isFinite(value) ? value : null));
  return { p5: p5 ?? null, p10: p10 ?? null, p50: p50 ?? null, p90: p90 ?? null, p95: p95 ?? null };
}

/**
 * The Monte Carlo of a whole case, run in chunks so a caller can show progress and stop cleanly.
 * Each sample draws every range once, runs every scenario for the whole horizon and compares.
 * Samples are kept compactly (Float32 trajectories) for bands and charts.
 * @example const mc = new MonteCarlo(compiled, { samples: 10_000, seed: 1 }); while (!mc.step(2_000)); mc.summarise()
 */
export class MonteCarlo {
  readonly samples: number;
  done = 0;
  /** Per alternative (scenario index; the baseline's entry is unused). */
  readonly npv: Float64Array[];
  readonly roi: Float64Array[];
  /** Payback month per sample; Infinity when it never pays back within the horizon. */
  readonly payback: Float64Array[];
  /** Month-major, so each month's samples are contiguous for the bands: `[(month - 1) * samples + sample]`. */
  readonly cumulative: Float32Array[];
  /** Live projects are whole numbers: Uint16 month-major `[(month - 1) * samples + sample]`. */
  readonly liveProjects: Uint16Array[];
  readonly inputs: Float64Array[];
  private readonly runner: CaseRunner;
  private readonly leafValues: Float64Array;
  private readonly liveBlock: Uint16Array[];
  private readonly cumulativeBlock: Float32Array[];

  constructor(
    readonly compiled: CompiledCase,
    readonly options: MonteCarloOptions,
  ) {
    if (!Number.isInteger(options.samples) || options.samples < 1) throw new RangeError(`samples must be a whole number ≥ 1, got ${options.samples}`);
    this.samples = options.samples;
    this.runner = new CaseRunner(compiled);
    this.leafValues = Float64Array.from(compiled.leafValues);
    this.inputs = drawInputs(compiled, this.samples, options.seed, options.latinHypercube ?? false);
    const months = compiled.horizonMonths;
    const count = compiled.scenarios.length;
    this.npv = Array.from({ length: count }, () => new Float64Array(this.samples));
    this.roi = Array.from({ length: count }, () => new Float64Array(this.samples));
    this.payback = Array.from({ length: count }, () => new Float64Array(this.samples));
    this.cumulative = Array.from({ length: count }, (_, index) => new Float32Array(index === this.runner.baselineIndex ? 0 : this.samples * months));
    this.liveProjects = Array.from({ length: count }, () => new Uint16Array(this.samples * months));
    this.liveBlock = Array.from({ length: count }, () => new Uint16Array(BLOCK * months));
    this.cumulativeBlock = Array.from({ length: count }, () => new Float32Array(BLOCK * months));
  }

  /** Runs up to `count` more samples; true when all are done. */
  step(count: number): boolean {
    const { runner, leafValues, inputs, samples } = this;
    const uncertain = this.compiled.uncertainLeaves;
    const months = runner.months;
    const scenarios = this.compiled.scenarios.length;
    // Trajectories go first into small sample-major blocks (contiguous writes in the hot loop), then
    // are copied month-major block by block, which keeps both sides of the copy in cache.
    for (let blockStart = this.done, blockEnd = Math.min(this.samples, this.done + count); blockStart < blockEnd; blockStart += BLOCK) {
      const size = Math.min(BLOCK, blockEnd - blockStart);
      for (let offset = 0; offset < size; offset++) {
        const sample = blockStart + offset;
        for (let j = 0; j < uncertain.length; j++) leafValues[uncertain[j]!] = inputs[j]![sample]!;
        runner.run(leafValues, false);
        for (let index = 0; index < scenarios; index++) {
          const live = this.liveBlock[index]!;
          const columns = runner.columns[index]!;
          for (let at = 0, cell = offset * months; at < months; at++, cell++) live[cell] = columns[at * MONTHLY_FIELD_COUNT + F.liveProjects]!;
          if (index === runner.baselineIndex) continue;
          const figures = runner.figures[index]!;
          this.npv[index]![sample] = figures.npv;
          this.roi[index]![sample] = figures.roi;
          this.payback[index]![sample] = figures.paybackMonth ?? Number.POSITIVE_INFINITY;
          this.cumulativeBlock[index]!.set(runner.cumulativeNet[index]!, offset * months);
        }
      }
      for (let index = 0; index < scenarios; index++) {
        transposeWhole(this.liveBlock[index]!, this.liveProjects[index]!, size, months, samples, blockStart);
        if (index !== runner.baselineIndex) transposeFloat(this.cumulativeBlock[index]!, this.cumulative[index]!, size, months, samples, blockStart);
      }
    }
    this.done = Math.min(this.samples, this.done + count);
    return this.done >= this.samples;
  }

  /** Runs every remaining sample at once. */
  runAll(): this {
    this.step(this.samples);
    return this;
  }

  /** Percentiles, probabilities and per-month bands of the samples run so far. */
  summarise(): MonteCarloSummary {
    const n = this.done;
    const months = this.runner.months;
    const scratch = new Float64Array(n);
    const column = new Float64Array(n);
    const band = (trajectories: Float32Array): Band => {
      const result: Band = { p5: [], p50: [], p95: [] };
      for (let at = 0; at < months; at++) {
        const start = at * this.samples;
        for (let sample = 0; sample < n; sample++) column[sample] = trajectories[start + sample]!;
        const [p5, p50, p95] = percentiles(column, [0.05, 0.5, 0.95], scratch);
        result.p5.push(p5!);
        result.p50.push(p50!);
        result.p95.push(p95!);
      }
      return result;
    };
    // Whole numbers: percentiles from counts, without sorting.
    const countBand = (values: Uint16Array): Band => {
      const result: Band = { p5: [], p50: [], p95: [] };
      const counts = new Uint32Array(65_536);
      for (let at = 0; at < months; at++) {
        const start = at * this.samples;
        let highest = 0;
        for (let sample = 0; sample < n; sample++) {
          const value = values[start + sample]!;
          counts[value]!++;
          if (value > highest) highest = value;
        }
        const [p5, p50, p95] = [0.05, 0.5, 0.95].map((level) => percentileFromCounts(counts, highest, n, level));
        result.p5.push(p5!);
        result.p50.push(p50!);
        result.p95.push(p95!);
        counts.fill(0, 0, highest + 1);
      }
      return result;
    };
    const distributions: Record<string, AlternativeDistribution> = {};
    const cumulativeNetBands: Record<string, Band> = {};
    const liveProjectBands: Record<string, Band> = {};
    this.compiled.scenarios.forEach((scenario, index) => {
      liveProjectBands[scenario.name] = countBand(this.liveProjects[index]!);
      if (index === this.runner.baselineIndex) return;
      const npv = this.npv[index]!.subarray(0, n);
      const payback = this.payback[index]!.subarray(0, n);
      const roi = this.roi[index]!.subarray(0, n).filter((value) => Number.isFinite(value));
      let paysBack = 0;
      for (let sample = 0; sample < n; sample++) if (Number.isFinite(payback[sample]!)) paysBack++;
      distributions[scenario.name] = {
        npv: summary(npv, scratch),
        roi: summary(roi, scratch),
        paybackMonth: summary(payback, scratch),
        probabilityPaysBack: n > 0 ? paysBack / n : 0,
        probabilityNpvPositive: n > 0 ? shareAbove(npv, 0) : 0,
      };
      cumulativeNetBands[scenario.name] = band(this.cumulative[index]!);
    });
    return {
      samples: n,
      seed: this.options.seed,
      sampling: this.options.latinHypercube ? "latin-hypercube" : "random",
      inputs: this.compiled.uncertainLeaves.map((leaf) => this.compiled.leaves[leaf]!.name),
      distributions,
      cumulativeNetBands,
      liveProjectBands,
    };
  }
}

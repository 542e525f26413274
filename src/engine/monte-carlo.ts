import { drawInputs, InputDraws } from "./draws.js";
import { F as importedF, MONTHLY_FIELD_COUNT } from "./model/columns.js";
import type { CompiledCase } from "./model/compiled.js";
import { analyseDecision, type DecisionAnalysis } from "./decision.js";
import { CaseRunner } from "./runner.js";
import { percentiles, percentilesOfColumn, shareAbove } from "./uncertainty/index.js";

// Module-local copies: imported bindings can be getters under some loaders, too slow for the hot loop.
const F = importedF;

export interface MonteCarloOptions {
  samples: number;
  seed: number;
  /** Latin hypercube sampling instead of plain random draws. */
  latinHypercube?: boolean;
  /**
   * The decision analysis (chance each option is best, value of information), default true: it keeps
   * every sample's draws (4 bytes a draw) until summarised. The optimiser, which only ranks, turns it off.
   */
  decision?: boolean;
  /** Groups of inputs (their paths) whose joint value of information is wanted, beside each input alone. */
  groups?: readonly (readonly string[])[];
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
  /** With at least one alternative and the decision analysis on: which option is best how often, and what finding out more is worth. */
  decision?: DecisionAnalysis;
}

const levels = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

/** Samples per block on the way to the month columns (60 months × 64 × 4 bytes: 15 KB, within the L1 cache). */
const BLOCK = 64;

/**
 * Counts beyond this many live projects are not counted value by value: the table of counts would
 * grow with the count itself (ten million live projects: 5.6 GB and 41 s for one sample of twelve months).
 */
const MAX_COUNTED_VALUE = 4096;

/**
 * Live projects per month, for bands without keeping every sample: live projects are whole numbers,
 * so each month's percentiles come from counts of each value. A run that has settled (its later
 * months repeat one) is counted once, in `from`, for every month from then on. Once a value
 * reaches MAX_COUNTED_VALUE, the values themselves are kept instead (`values[month - 1]`, one a
 * sample), so memory and time depend on the samples and months, never on how many projects are live.
 */
class MonthlyCounts {
  width = 64;
  /** `[(month - 1) × width + value]`: runs with that value in that month. */
  counts: Uint32Array;
  /** `[(month - 1) × width + value]`: runs with that value from that month to the end of the horizon. */
  from: Uint32Array;
  /** Once a value was too large to count: every run's value, per month (the first `filled` of each are set). */
  values: Float64Array[] | undefined;
  filled = 0;
  constructor(
    readonly months: number,
    readonly samples: number,
  ) {
    this.counts = new Uint32Array(months * this.width);
    this.from = new Uint32Array(months * this.width);
  }
  /** Adds one run's value to the months `at` (0-based) up to `last`, or from `at` to the end of the horizon when `settled`. */
  add(at: number, value: number, settled: boolean): void {
    if (value >= this.width && this.values === undefined) {
      if (value < MAX_COUNTED_VALUE) this.widen(value);
      else this.keepValues();
    }
    const values = this.values;
    if (values) {
      const end = settled ? this.months : at + 1;
      for (let month = at; month < end; month++) values[month]![this.filled] = value;
      return;
    }
    if (settled) this.from[at * this.width + value]!++;
    else this.counts[at * this.width + value]!++;
  }
  /** One run is complete (every month has its value). */
  endRun(): void {
    if (this.values) this.filled++;
  }
  widen(value: number): void {
    let width = this.width;
    while (width <= value) width *= 2;
    const widened = (table: Uint32Array) => {
      const wider = new Uint32Array(this.months * width);
      for (let at = 0; at < this.months; at++) wider.set(table.subarray(at * this.width, (at + 1) * this.width), at * width);
      return wider;
    };
    this.counts = widened(this.counts);
    this.from = widened(this.from);
    this.width = width;
  }
  /** From counting to keeping the values: the runs counted so far are written out, in order of value (their order does not matter). */
  private keepValues(): void {
    const totals = this.totals();
    this.values = totals.map((month) => {
      const values = new Float64Array(this.samples);
      let at = 0;
      for (let value = 0; value < month.length; value++) for (let count = month[value]!; count > 0; count--) values[at++] = value;
      this.filled = at;
      return values;
    });
    this.counts = new Uint32Array(0);
    this.from = new Uint32Array(0);
    this.width = 0;
  }
  /** The counts of every month, `[month - 1][value]`. */
  totals(): Uint32Array[] {
    const ongoing = new Uint32Array(this.width);
    return Array.from({ length: this.months }, (_, at) => {
      const month = this.counts.slice(at * this.width, (at + 1) * this.width);
      for (let value = 0; value < this.width; value++) {
        ongoing[value]! += this.from[at * this.width + value]!;
        month[value]! += ongoing[value]!;
      }
      return month;
    });
  }
  /** P5, P50 and P95 of each month over the first `n` runs. */
  band(n: number, scratch: Float64Array): Band {
    const result: Band = { p5: [], p50: [], p95: [] };
    if (this.values) {
      for (const month of this.values) {
        const [p5, p50, p95] = percentiles(month.subarray(0, n), [0.05, 0.5, 0.95], scratch);
        result.p5.push(p5!);
        result.p50.push(p50!);
        result.p95.push(p95!);
      }
      return result;
    }
    // Whole numbers: percentiles from their counts, without sorting.
    for (const counts of this.totals()) {
      result.p5.push(percentileFromCounts(counts, this.width - 1, n, 0.05));
      result.p50.push(percentileFromCounts(counts, this.width - 1, n, 0.5));
      result.p95.push(percentileFromCounts(counts, this.width - 1, n, 0.95));
    }
    return result;
  }
}

/**
 * Month columns of Monte Carlos that are done, kept for the next one of the same size: the optimiser,
 * the server and the web app run many, and fresh memory is slow to get from the system. A column is
 * written in full before it is read, so it is not cleared. At most 64 MB are kept.
 */
const spareColumns = new Map<number, Float32Array[]>();
const SPARE_BYTES = 64 * 1024 * 1024;
let spareBytes = 0;

function takeColumn(length: number): Float32Array {
  const column = spareColumns.get(length)?.pop();
  if (!column) return new Float32Array(length);
  spareBytes -= column.byteLength;
  return column;
}

function giveBack(column: Float32Array): void {
  if (spareBytes + column.byteLength > SPARE_BYTES) return;
  const spare = spareColumns.get(column.length) ?? [];
  spare.push(column);
  spareColumns.set(column.length, spare);
  spareBytes += column.byteLength;
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

/** The finite values, copied into the start of `into`. */
function finite(values: Float64Array, into: Float64Array): Float64Array {
  let count = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (Number.isFinite(value)) into[count++] = value;
  }
  return into.subarray(0, count);
}

function summary(values: Float64Array, scratch: Float64Array): PercentileSummary {
  if (values.length === 0) return { p5: null, p10: null, p50: null, p90: null, p95: null };
  const [p5, p10, p50, p90, p95] = percentiles(values, levels, scratch).map((value) => (Number.isFinite(value) ? value : null));
  return { p5: p5 ?? null, p10: p10 ?? null, p50: p50 ?? null, p90: p90 ?? null, p95: p95 ?? null };
}

/**
 * The sample count and seed every view uses unless the user says otherwise: the command line's
 * default, the web app's ranges once refined, and the report and workbook it exports. The same
 * case then shows the same ranges on screen, in the report and in the workbook.
 */
export const STANDARD_SAMPLES = 10_000;
export const STANDARD_SEED = 1;

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
  /**
   * Cumulative net per alternative, one column per month so each month's samples are contiguous for
   * the bands: `cumulative[scenario][month - 1][sample]`. Float32 keeps 100,000 samples compact.
   */
  readonly cumulative: Float32Array[][];
  /** Live projects are whole numbers: per scenario, how many samples had each count in each month. */
  readonly liveProjects: MonthlyCounts[];
  private readonly runner: CaseRunner;
  private readonly leafValues: Float64Array;
  private readonly draws: InputDraws;
  private drawnInputs: Float64Array[] | undefined;
  /** Every sample's draws, `[input][sample]`, for the decision analysis (Float32 keeps them compact). */
  private readonly keptInputs: Float32Array[] | undefined;
  /** Per alternative: the cumulative nets of up to BLOCK samples, sample-major, on their way to `cumulative`. */
  private readonly block: Float32Array[];
  /** Per alternative: the smallest and largest cumulative net of each month, `[2 × (month - 1)]` and the next. */
  private readonly range: Float64Array[];
  /** A cumulative net was NaN: the bands then check every value themselves (and refuse it). */
  private unorderable = false;
  private released = false;

  constructor(
    readonly compiled: CompiledCase,
    readonly options: MonteCarloOptions,
  ) {
    if (!Number.isInteger(options.samples) || options.samples < 1) throw new RangeError(`samples must be a whole number ≥ 1, got ${options.samples}`);
    this.samples = options.samples;
    this.runner = new CaseRunner(compiled);
    this.leafValues = Float64Array.from(compiled.leafValues);
    this.runner.prepareRanges(this.leafValues);
    this.draws = new InputDraws(compiled, this.samples, options.seed, options.latinHypercube ?? false);
    this.keptInputs = options.decision === false ? undefined : compiled.uncertainLeaves.map(() => new Float32Array(this.samples));
    const months = compiled.horizonMonths;
    const count = compiled.scenarios.length;
    this.npv = Array.from({ length: count }, () => new Float64Array(this.samples));
    this.roi = Array.from({ length: count }, () => new Float64Array(this.samples));
    this.payback = Array.from({ length: count }, () => new Float64Array(this.samples));
    this.cumulative = Array.from({ length: count }, (_, index) =>
      index === this.runner.baselineIndex ? [] : Array.from({ length: months }, () => takeColumn(this.samples)),
    );
    this.liveProjects = Array.from({ length: count }, () => new MonthlyCounts(months, this.samples));
    this.block = Array.from({ length: count }, () => new Float32Array(BLOCK * months));
    this.range = Array.from({ length: count }, () => {
      const range = new Float64Array(2 * months);
      for (let at = 0; at < months; at++) range.set([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], 2 * at);
      return range;
    });
  }

  /**
   * The most memory one sample of this case can take, in bytes: its figures per alternative, its
   * cumulative net per month (Float32), its draws, and its live projects per month when they are kept
   * as values. A caller bounds the samples with it before running.
   * @example MonteCarlo.bytesPerSample(compiled) * 10_000 // bytes of a 10,000-sample run, at most
   */
  static bytesPerSample(compiled: CompiledCase): number {
    const scenarios = compiled.scenarios.length;
    const months = compiled.horizonMonths;
    // Figures (npv, roi, payback), cumulative nets, draws kept and drawn again, the summary's scratch, live projects as values.
    return scenarios * 3 * 8 + Math.max(0, scenarios - 1) * months * 4 + compiled.uncertainLeaves.length * 12 + 2 * 8 + scenarios * months * 8;
  }

  /** Every sample's draw of every uncertain input, `[input][sample]` (drawn again on request: the run itself holds a chunk at a time). */
  get inputs(): Float64Array[] {
    this.drawnInputs ??= drawInputs(this.compiled, this.samples, this.options.seed, this.options.latinHypercube ?? false);
    return this.drawnInputs;
  }

  /** Adds one run's live projects, month by month, to the scenario's counts. */
  private countLive(index: number, columns: Float64Array, settledMonth: number): void {
    const live = this.liveProjects[index]!;
    // Month by month until the run settled; from then on one count covers every later month.
    const last = settledMonth - 1;
    for (let at = 0, row = F.liveProjects; at <= last; at++, row += MONTHLY_FIELD_COUNT) {
      const value = columns[row]!;
      if (!(value >= 0) || value !== Math.floor(value)) throw new Error(`live projects must be a whole number ≥ 0, got ${value}`);
      live.add(at, value, at === last);
    }
    live.endRun();
  }

  /**
   * Hands the month columns back for the next Monte Carlo of the same size, when this one's summary
   * is all that is still needed. It cannot be stepped or summarised afterwards, and its `cumulative`
   * columns belong to whichever Monte Carlo takes them next.
   */
  release(): void {
    if (this.released) return;
    this.released = true;
    for (const columns of this.cumulative) for (const column of columns) giveBack(column);
  }

  /** Runs up to `count` more samples; true when all are done. */
  step(count: number): boolean {
    if (this.released) throw new Error("this Monte Carlo was released");
    const { runner, leafValues, draws, samples } = this;
    const inputs = draws.values;
    const uncertain = this.compiled.uncertainLeaves;
    const months = runner.months;
    const scenarios = this.compiled.scenarios.length;
    const end = Math.min(samples, this.done + count);
    // Cumulative nets go first into a small sample-major block (contiguous writes), then out to the
    // month columns block by block: writing 60 columns at once per sample would thrash the cache.
    for (let first = this.done; first < end; first += BLOCK) {
      const size = Math.min(BLOCK, end - first);
      for (let offset = 0; offset < size; offset++) {
        const sample = first + offset;
        if (sample >= draws.first + draws.count) {
          draws.drawFrom(sample);
          if (this.keptInputs) for (let j = 0; j < uncertain.length; j++) this.keptInputs[j]!.set(inputs[j]!.subarray(0, draws.count), draws.first);
        }
        const at = sample - draws.first;
        for (let j = 0; j < uncertain.length; j++) leafValues[uncertain[j]!] = inputs[j]![at]!;
        runner.runRanges(leafValues);
        for (let index = 0; index < scenarios; index++) {
          this.countLive(index, runner.columns[index]!, runner.scalars[index]!.settledMonth);
          if (index === runner.baselineIndex) continue;
          const figures = runner.figures[index]!;
          this.npv[index]![sample] = figures.npv;
          this.roi[index]![sample] = figures.roi;
          this.payback[index]![sample] = figures.paybackMonth ?? Number.POSITIVE_INFINITY;
          const net = runner.cumulativeNet[index]!;
          const block = this.block[index]!;
          for (let at = 0, cell = offset * months; at < months; at++, cell++) block[cell] = net[at]!;
        }
      }
      for (let index = 0; index < scenarios; index++) {
        if (index === runner.baselineIndex) continue;
        const block = this.block[index]!;
        const cumulative = this.cumulative[index]!;
        const range = this.range[index]!;
        for (let at = 0; at < months; at++) {
          const column = cumulative[at]!;
          // Each month's smallest and largest value, for the bands (a NaN fails both tests: counted apart).
          let lowest = range[2 * at]!;
          let highest = range[2 * at + 1]!;
          for (let offset = 0, cell = at; offset < size; offset++, cell += months) {
            const value = block[cell]!;
            column[first + offset] = value;
            if (value < lowest) lowest = value;
            if (value > highest) highest = value;
            if (Number.isNaN(value)) this.unorderable = true;
          }
          range[2 * at] = lowest;
          range[2 * at + 1] = highest;
        }
      }
    }
    this.done = Math.min(this.samples, this.done + count);
    return this.done >= this.samples;
  }

  /**
   * Runs every sample, summarises and releases: for callers that want only the summary.
   * @example MonteCarlo.summaryOf(compiled, { samples: 10_000, seed: 1 }).distributions
   */
  static summaryOf(compiled: CompiledCase, options: MonteCarloOptions): MonteCarloSummary {
    const monteCarlo = new MonteCarlo(compiled, options).runAll();
    const summary = monteCarlo.summarise();
    monteCarlo.release();
    return summary;
  }

  /** Runs every remaining sample at once. */
  runAll(): this {
    this.step(this.samples);
    return this;
  }

  /** Percentiles, probabilities and per-month bands of the samples run so far. */
  summarise(): MonteCarloSummary {
    if (this.released) throw new Error("this Monte Carlo was released");
    const n = this.done;
    const months = this.runner.months;
    const scratch = new Float64Array(n);
    const column = new Float64Array(n);
    const counts = new Uint32Array(4096);
    const band = (trajectories: Float32Array[], range: Float64Array): Band => {
      const result: Band = { p5: [], p50: [], p95: [] };
      for (let at = 0; at < months; at++) {
        const known = this.unorderable ? undefined : { lowest: range[2 * at]!, highest: range[2 * at + 1]! };
        const [p5, p50, p95] = percentilesOfColumn(trajectories[at]!.subarray(0, n), [0.05, 0.5, 0.95], scratch, counts, known);
        result.p5.push(p5!);
        result.p50.push(p50!);
        result.p95.push(p95!);
      }
      return result;
    };
    const distributions: Record<string, AlternativeDistribution> = {};
    const cumulativeNetBands: Record<string, Band> = {};
    const liveProjectBands: Record<string, Band> = {};
    this.compiled.scenarios.forEach((scenario, index) => {
      liveProjectBands[scenario.name] = this.liveProjects[index]!.band(n, scratch);
      if (index === this.runner.baselineIndex) return;
      const npv = this.npv[index]!.subarray(0, n);
      const payback = this.payback[index]!.subarray(0, n);
      // ROI does not exist where the change costs nothing: those samples are left out.
      const roi = finite(this.roi[index]!.subarray(0, n), column);
      let paysBack = 0;
      for (let sample = 0; sample < n; sample++) if (Number.isFinite(payback[sample]!)) paysBack++;
      distributions[scenario.name] = {
        npv: summary(npv, scratch),
        roi: summary(roi, scratch),
        paybackMonth: summary(payback, scratch),
        probabilityPaysBack: n > 0 ? paysBack / n : 0,
        probabilityNpvPositive: n > 0 ? shareAbove(npv, 0) : 0,
      };
      cumulativeNetBands[scenario.name] = band(this.cumulative[index]!, this.range[index]!);
    });
    const decision = this.keptInputs && this.compiled.scenarios.length > 1 && n > 0 ? this.decision(n) : undefined;
    return {
      samples: n,
      seed: this.options.seed,
      sampling: this.options.latinHypercube ? "latin-hypercube" : "random",
      inputs: this.compiled.uncertainLeaves.map((leaf) => this.compiled.leaves[leaf]!.name),
      distributions,
      cumulativeNetBands,
      liveProjectBands,
      ...(decision ? { decision } : {}),
    };
  }

  /** The decision analysis of the first `n` samples: each correlated group, and each group asked for, is valued as a whole too. */
  private decision(n: number): DecisionAnalysis {
    const names = this.compiled.uncertainLeaves.map((leaf) => this.compiled.leaves[leaf]!.name);
    const position = new Map(names.map((name, index) => [name, index]));
    const groups: { inputs: number[]; why: "correlated" | "asked" }[] = [];
    const seen = new Set<string>();
    const add = (inputs: number[], why: "correlated" | "asked") => {
      const key = [...inputs].sort((a, b) => a - b).join(",");
      if (inputs.length < 2 || seen.has(key)) return;
      seen.add(key);
      groups.push({ inputs: [...inputs].sort((a, b) => a - b), why });
    };
    for (const group of this.compiled.correlationGroups ?? [])
      add(
        group.map((leaf) => this.compiled.uncertainLeaves.indexOf(leaf)),
        "correlated",
      );
    for (const group of this.options.groups ?? []) {
      const inputs = group.map((name) => {
        const index = position.get(name);
        if (index === undefined) throw new RangeError(`"${name}" is not an input given as a range; allowed: ${names.join(", ")}`);
        return index;
      });
      add(inputs, "asked");
    }
    return analyseDecision(this.compiled, this.npv, this.keptInputs!, n, groups, this.options.seed);
  }
}

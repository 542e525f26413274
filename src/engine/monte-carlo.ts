import { drawInputs, InputDraws } from "./draws.js";
import { F as importedF, MONTHLY_FIELD_COUNT } from "./model/columns.js";
import type { CompiledCase } from "./model/compiled.js";
import { analyseDecision, type DecisionAnalysis } from "./decision.js";
import { changesNothing } from "./finance.js";
import { CaseRunner } from "./runner.js";
import { CollapsingHistogram, HISTOGRAM_BINS, percentiles, percentilesOfColumn, shareAbove } from "./uncertainty/index.js";

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
  /**
   * For tests and measurements, not for users: `exactBytes` is the most the month columns may take
   * for exact bands (default EXACT_BAND_BYTES, 512 MiB; 0 buckets every band), `bins` the bins of
   * each bucketed month (default 4,096). See "Monthly bands" in docs/numbers.md.
   * @internal
   */
  bands?: { exactBytes?: number; bins?: number };
  /**
   * Which month-by-month bands to work out, default "all": the cumulative net's and the live
   * projects'. A caller that shows only the first (the report, the workbook) asks for
   * "cumulative-net", one that shows neither (`run`'s and `voi`'s tables) for "none": the run then
   * keeps no month of any sample. The summary's bands left out are empty; every other figure is the
   * same to the last bit.
   */
  monthlyBands?: MonthlyBands;
}

/** The month-by-month bands a Monte Carlo works out (`MonteCarloOptions.monthlyBands`). */
export type MonthlyBands = "all" | "cumulative-net" | "none";

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
  /**
   * The share of samples in which the option changes nothing against the baseline: no up-front net and
   * a cumulative net of zero at the end of every month (`changesNothing`). 1 for an option with no
   * changes of its own, which has nothing to pay back (docs/numbers.md, "An option that changes nothing").
   */
  probabilityChangesNothing: number;
}

export interface Band {
  p5: number[];
  p50: number[];
  p95: number[];
  /**
   * Only when the band is bucketed (a run too large to keep every sample's month): per month, the
   * most its p5, p50 and p95 can be off from the exact percentiles (the month's bin width; 0 where
   * the month is exact). Absent when every month is exact.
   */
  error?: number[];
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
 * Samples per block when the bands are bucketed: each month's histogram (16 KB) then takes up to
 * this many values while it is in the cache. At 64, nearly every value missed the cache (the 2,160
 * histograms of 10 options over 240 months are 35 MB) and counting took half the run (46 ns a
 * value); at 2,048 the bucketed run is faster than the exact one. The blocks take 2,048 × months × 4
 * bytes per scenario (20 MB for 10 × 240), fixed. A step of fewer samples makes smaller blocks.
 */
const BUCKETED_BLOCK = 2048;

/**
 * Counts beyond this many live projects are not counted value by value: the table of counts would
 * grow with the count itself (ten million live projects: 5.6 GB and 41 s for one sample of twelve months).
 */
const MAX_COUNTED_VALUE = 4096;

/**
 * Live projects per month, for bands without keeping every sample: live projects are whole numbers,
 * so each month's percentiles come from counts of each value. A run that has settled (its later
 * months repeat one) is counted once, in `from`, for every month from then on. Once a value
 * reaches MAX_COUNTED_VALUE, counting by value stops: while the run's month values fit the exact
 * budget the values themselves are kept (`values[month - 1]`, one a sample), exact; beyond it each
 * month goes to a collapsing histogram of whole numbers (`histograms`), within its stated error.
 * Either way memory and time never depend on how many projects are live, and beyond the budget not
 * on the samples either.
 */
class MonthlyCounts {
  width = 64;
  /** `[(month - 1) × width + value]`: runs with that value in that month. */
  counts: Uint32Array;
  /** `[(month - 1) × width + value]`: runs with that value from that month to the end of the horizon. */
  from: Uint32Array;
  /** Once a value was too large to count, within the exact budget: every run's value, per month (the first `filled` of each are set). */
  values: Float64Array[] | undefined;
  /** Once a value was too large to count, beyond the exact budget: each month's histogram. */
  histograms: CollapsingHistogram[] | undefined;
  filled = 0;
  constructor(
    readonly months: number,
    readonly samples: number,
    /** Keep the values themselves (exact) once they are too large to count; otherwise bucket them. */
    readonly keepExact: boolean,
    readonly bins: number,
  ) {
    this.counts = new Uint32Array(months * this.width);
    this.from = new Uint32Array(months * this.width);
  }
  /** Adds one run's value to the months `at` (0-based) up to `last`, or from `at` to the end of the horizon when `settled`. */
  add(at: number, value: number, settled: boolean): void {
    if (value >= this.width && this.values === undefined && this.histograms === undefined) {
      if (value < MAX_COUNTED_VALUE) this.widen(value);
      else if (this.keepExact) this.keepValues();
      else this.bucket();
    }
    const end = settled ? this.months : at + 1;
    const histograms = this.histograms;
    if (histograms) {
      for (let month = at; month < end; month++) histograms[month]!.add(value);
      return;
    }
    const values = this.values;
    if (values) {
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
    const values: Float64Array[] = [];
    this.eachMonth((month) => {
      const column = new Float64Array(this.samples);
      let at = 0;
      for (let value = 0; value < month.length; value++) for (let count = month[value]!; count > 0; count--) column[at++] = value;
      this.filled = at;
      values.push(column);
    });
    this.values = values;
    this.dropCounts();
  }
  /** From counting to a histogram per month: the runs counted so far go in by value, each value once with its count. */
  private bucket(): void {
    const histograms: CollapsingHistogram[] = [];
    this.eachMonth((month) => {
      const histogram = new CollapsingHistogram(this.bins, true);
      for (let value = 0; value < month.length; value++) if (month[value]! > 0) histogram.add(value, month[value]!);
      histograms.push(histogram);
    });
    this.histograms = histograms;
    this.dropCounts();
  }
  private dropCounts(): void {
    this.counts = new Uint32Array(0);
    this.from = new Uint32Array(0);
    this.width = 0;
  }
  /** The counts of each month in turn, `[value]` (one buffer, reused: read it before the next month). */
  private eachMonth(visit: (counts: Uint32Array) => void): void {
    const ongoing = new Uint32Array(this.width);
    const month = new Uint32Array(this.width);
    for (let at = 0; at < this.months; at++) {
      month.set(this.counts.subarray(at * this.width, (at + 1) * this.width));
      for (let value = 0; value < this.width; value++) {
        ongoing[value]! += this.from[at * this.width + value]!;
        month[value]! += ongoing[value]!;
      }
      visit(month);
    }
  }
  /** P5, P50 and P95 of each month over the first `n` runs (with each month's error when bucketed). */
  band(n: number, scratch: Float64Array): Band {
    const result: Band = { p5: [], p50: [], p95: [] };
    if (this.histograms) return bandOfHistograms(this.histograms);
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
    this.eachMonth((counts) => {
      result.p5.push(percentileFromCounts(counts, this.width - 1, n, 0.05));
      result.p50.push(percentileFromCounts(counts, this.width - 1, n, 0.5));
      result.p95.push(percentileFromCounts(counts, this.width - 1, n, 0.95));
    });
    return result;
  }
}

/** A bucketed band: each month's percentiles from its histogram, and the month's error. */
function bandOfHistograms(histograms: readonly CollapsingHistogram[]): Band {
  const result: Band = { p5: [], p50: [], p95: [], error: [] };
  for (const histogram of histograms) {
    const [p5, p50, p95] = histogram.percentiles([0.05, 0.5, 0.95]);
    result.p5.push(p5!);
    result.p50.push(p50!);
    result.p95.push(p95!);
    result.error!.push(histogram.error);
  }
  return result;
}

/**
 * The month columns of Monte Carlos that are done, kept for the next one of the same size: the
 * optimiser, the server and the web app run many, and fresh memory is slow to get from the system.
 * An alternative's columns are one array (month after month), so that it goes back to the system
 * whole when let go. An array is written in full before it is read, so it is not cleared. At most
 * 64 MB are kept.
 */
const spareColumns = new Map<number, Float32Array[]>();
const SPARE_BYTES = 64 * 1024 * 1024;
let spareBytes = 0;

function takeColumns(length: number): Float32Array {
  const columns = spareColumns.get(length)?.pop();
  if (!columns) return new Float32Array(length);
  spareBytes -= columns.byteLength;
  return columns;
}

function giveBack(columns: Float32Array): void {
  if (spareBytes + columns.byteLength > SPARE_BYTES) return;
  const spare = spareColumns.get(columns.length) ?? [];
  spare.push(columns);
  spareColumns.set(columns.length, spare);
  spareBytes += columns.byteLength;
}

/**
 * Lets go of the month columns kept for the next Monte Carlo: for a process that runs no other (a
 * command's report or workbook), so that their memory goes back to the system before what it does next.
 * @example MonteCarlo.summaryOf(compiled, options); dropSpareColumns()
 */
export function dropSpareColumns(): void {
  spareColumns.clear();
  spareBytes = 0;
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
 * The most bytes the month columns of a run may take for its bands to be exact: `samples ×
 * (scenarios − 1) × months × 4` (Float32 cumulative nets), and with them `samples × scenarios ×
 * months × 8` for live projects once they are too many to count by value. Beyond it the bands are
 * bucketed (a collapsing histogram per month, within a stated error; docs/numbers.md, "Monthly
 * bands"). 512 MiB keeps the standard 10,000 samples of the largest case allowed (50 scenarios
 * over 240 months: 470 MB) exact, and 62,137 samples of 10 scenarios over 240 months.
 */
export const EXACT_BAND_BYTES = 512 * 1024 * 1024;

/** Which bands of a run are exact, and the bins of those that are not. */
function bandModes(compiled: CompiledCase, samples: number, options: Pick<MonteCarloOptions, "bands">) {
  const budget = options.bands?.exactBytes ?? EXACT_BAND_BYTES;
  const scenarios = compiled.scenarios.length;
  const months = compiled.horizonMonths;
  const columns = samples * Math.max(0, scenarios - 1) * months * 4;
  const exactColumns = columns <= budget;
  const exactLive = (exactColumns ? columns : 0) + samples * scenarios * months * 8 <= budget;
  return { exactColumns, exactLive, bins: options.bands?.bins ?? HISTOGRAM_BINS, budget };
}

/** What a Monte Carlo of a case takes, at most (`MonteCarlo.memory`). */
export interface MonteCarloMemory {
  /** The most bytes the run can take: `perSample × samples + fixed`. */
  bytes: number;
  /** What each sample adds: its figures, draws and scratch, and its month columns while the bands are exact. */
  perSample: number;
  /** What does not grow with the samples: bucketed bands' bins, live projects' counts, blocks and chunks. */
  fixed: number;
  /** The cumulative-net bands are exact (every sample's month kept), not bucketed. */
  exactBands: boolean;
}

/** The memory model behind `MonteCarlo.memory`; see there. */
function memoryOf(
  compiled: CompiledCase,
  samples: number,
  options: Pick<MonteCarloOptions, "latinHypercube" | "decision" | "bands" | "monthlyBands"> = {},
): MonteCarloMemory {
  const scenarios = compiled.scenarios.length;
  const alternatives = Math.max(0, scenarios - 1);
  const months = compiled.horizonMonths;
  const ranges = compiled.uncertainLeaves.length;
  const correlated = compiled.correlationGroups.reduce((sum, group) => sum + group.length, 0);
  const largestGroup = compiled.correlationGroups.reduce((most, group) => Math.max(most, group.length), 0);
  const { exactColumns, exactLive, bins } = bandModes(compiled, samples, options);
  // The bands the run works out (`MonteCarloOptions.monthlyBands`): the others take nothing.
  const netBands = (options.monthlyBands ?? "all") !== "none";
  const liveBands = (options.monthlyBands ?? "all") === "all";
  const decision = options.decision !== false;
  // Float64 npv, roi and payback month of each alternative (the baseline has none).
  let perSample = alternatives * 3 * 8;
  // Draws: kept for the decision analysis (Float32); held whole for Latin hypercube or correlations
  // (Float64); and one `drawInputs` at a time (the whole draws, or the `inputs` getter's): every
  // input, the uniforms, correlated groups' uniforms and their rank-correlation scratch.
  if (decision) perSample += ranges * 4;
  if (options.latinHypercube || correlated > 0) perSample += ranges * 8;
  perSample += ranges * 8 + 8 + correlated * 8 + (correlated > 0 ? 36 + 12 * largestGroup : 0);
  // summarise: its scratch and the finite ROIs (Float64), and a month with a NaN copied to be refused.
  perSample += 24;
  // The decision analysis: today's NPVs of 0 and the sort scratch; the bins and the order every input
  // is binned with in turn (2 + 4, one of each: see `partialValues`); the cells every group is binned
  // into in turn (the noise level's random groups take no array a sample).
  if (decision && scenarios > 1) perSample += 8 + 8 + 6 + 4;
  // Exact bands: the month columns of cumulative nets (Float32) and, once counting stops, of live projects (Float64).
  if (netBands && exactColumns) perSample += alternatives * months * 4;
  if (liveBands && exactLive) perSample += scenarios * months * 8;
  const histogram = CollapsingHistogram.bytes(bins);
  let fixed = 0;
  // Live projects' counts at their widest (counts and `from`, and both again while widening), and bins when bucketed.
  if (liveBands) fixed += scenarios * months * MAX_COUNTED_VALUE * 4 * 3 + 2 * MAX_COUNTED_VALUE * 4 + (exactLive ? 0 : scenarios * months * histogram);
  // The cumulative nets' bins when bucketed, and the blocks on the way to their columns or bins.
  if (netBands) fixed += (exactColumns ? 0 : alternatives * months * histogram) + scenarios * months * (exactColumns ? BLOCK : BUCKETED_BLOCK) * 4;
  // Each month's range, and a chunk of draws.
  fixed += scenarios * months * 16 + (ranges + 1) * 1024 * 8;
  return { bytes: perSample * samples + fixed, perSample, fixed, exactBands: exactColumns };
}

/** The most samples whose run takes at most `limit` bytes, with every smaller run within it too (0 when one sample does not fit). */
function mostSamplesOf(
  compiled: CompiledCase,
  limit: number,
  options: Pick<MonteCarloOptions, "latinHypercube" | "decision" | "bands" | "monthlyBands"> = {},
): number {
  const fits = (samples: number) => memoryOf(compiled, samples, options).bytes <= limit;
  if (!fits(1)) return 0;
  // Memory grows with the samples within each stretch where the bands keep the same method; it can
  // drop where exact values give way to bins. The stretches end at the last exact live projects and
  // the last exact cumulative nets.
  const { budget } = bandModes(compiled, 1, options);
  const scenarios = compiled.scenarios.length;
  const months = compiled.horizonMonths;
  const columns = Math.max(0, scenarios - 1) * months * 4;
  const live = scenarios * months * 8;
  const ends = [Math.floor(budget / (columns + live)), columns > 0 ? Math.floor(budget / columns) : Number.POSITIVE_INFINITY];
  let low = 1;
  for (const end of [...ends, Number.POSITIVE_INFINITY]) {
    if (end < low) continue;
    if (Number.isFinite(end) && fits(end)) {
      low = end + 1;
      continue;
    }
    // The largest that fits in [low − 1, end]: fits(low − 1) holds.
    let high = end;
    if (!Number.isFinite(high)) {
      high = low;
      while (fits(high) && high < Number.MAX_SAFE_INTEGER / 2) high *= 2;
    }
    let good = low - 1;
    while (high - good > 1) {
      const middle = Math.floor((good + high) / 2);
      if (fits(middle)) good = middle;
      else high = middle;
    }
    return good;
  }
  return low - 1;
}

/**
 * The Monte Carlo of a whole case, run in chunks so a caller can show progress and stop cleanly.
 * Each sample draws every range once, runs every scenario for the whole horizon and compares.
 * Each sample keeps its figures (npv, roi, payback per alternative) and draws; its monthly
 * trajectories are kept compactly (Float32 columns) for exact bands while they fit
 * EXACT_BAND_BYTES, and counted into a fixed-size histogram per month beyond (bucketed bands,
 * within `Band.error`), so memory then no longer grows with the samples by the months.
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
  /** Per alternative: how many of the samples run so far change nothing against the baseline (`changesNothing`). */
  private readonly unchanged: number[];
  /**
   * Cumulative net per alternative, one column per month so each month's samples are contiguous for
   * the bands: `cumulative[scenario][month - 1][sample]`. Float32 keeps 100,000 samples compact.
   * Only while the columns fit EXACT_BAND_BYTES (`exactBands`); beyond, every entry is empty and
   * each month is counted into `histograms` instead.
   */
  readonly cumulative: Float32Array[][];
  /** The bands are exact (every sample's month kept in `cumulative`), not bucketed. */
  readonly exactBands: boolean;
  /** Per alternative: the array its month columns in `cumulative` are parts of. */
  private readonly wholeColumns: (Float32Array | undefined)[];
  /** Bucketed bands: `histograms[scenario][month - 1]` (the baseline's and exact runs' entries are empty). */
  private readonly histograms: CollapsingHistogram[][];
  /** Live projects are whole numbers: per scenario, how many samples had each count in each month (empty without monthly bands). */
  readonly liveProjects: MonthlyCounts[];
  /** The cumulative net's bands are worked out (`MonteCarloOptions.monthlyBands`). */
  private readonly netBands: boolean;
  /** The live projects' bands are worked out (`MonteCarloOptions.monthlyBands`). */
  private readonly liveBands: boolean;
  private readonly runner: CaseRunner;
  private readonly leafValues: Float64Array;
  private readonly draws: InputDraws;
  private drawnInputs: Float64Array[] | undefined;
  /** Every sample's draws, `[input][sample]`, for the decision analysis (Float32 keeps them compact). */
  private readonly keptInputs: Float32Array[] | undefined;
  /** Per alternative: the cumulative nets of up to `blockSize` samples, sample-major, on their way to `cumulative` or `histograms`. */
  private readonly block: Float32Array[];
  private readonly blockSize: number;
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
    const baseline = this.runner.baselineIndex;
    // The baseline's own figures against itself are never read: it keeps none.
    const figures = (index: number) => new Float64Array(index === baseline ? 0 : this.samples);
    this.npv = Array.from({ length: count }, (_, index) => figures(index));
    this.roi = Array.from({ length: count }, (_, index) => figures(index));
    this.payback = Array.from({ length: count }, (_, index) => figures(index));
    this.unchanged = Array.from({ length: count }, () => 0);
    const { exactColumns, exactLive, bins } = bandModes(compiled, this.samples, options);
    const bands = options.monthlyBands ?? "all";
    this.netBands = bands !== "none";
    this.liveBands = bands === "all";
    this.exactBands = exactColumns;
    this.wholeColumns = Array.from({ length: count }, (_, index) =>
      index === baseline || !exactColumns || !this.netBands ? undefined : takeColumns(months * this.samples),
    );
    this.cumulative = this.wholeColumns.map((whole) =>
      whole ? Array.from({ length: months }, (_, at) => whole.subarray(at * this.samples, (at + 1) * this.samples)) : [],
    );
    this.histograms = Array.from({ length: count }, (_, index) =>
      index === baseline || exactColumns || !this.netBands ? [] : Array.from({ length: months }, () => new CollapsingHistogram(bins)),
    );
    this.liveProjects = this.liveBands ? Array.from({ length: count }, () => new MonthlyCounts(months, this.samples, exactLive, bins)) : [];
    this.blockSize = exactColumns ? BLOCK : BUCKETED_BLOCK;
    this.block = Array.from({ length: count }, () => new Float32Array(this.netBands ? this.blockSize * months : 0));
    this.range = Array.from({ length: count }, () => {
      const range = new Float64Array(2 * months);
      for (let at = 0; at < months; at++) range.set([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], 2 * at);
      return range;
    });
  }

  /**
   * The most memory one sample of this case can take, in bytes, with its month columns kept for
   * exact bands: what `memory` counts per sample at small sizes. Beyond EXACT_BAND_BYTES the columns
   * give way to bins that do not grow with the samples; `memory` and `mostSamples` account for both.
   * @example MonteCarlo.bytesPerSample(compiled) * 10_000 // bytes of a 10,000-sample run's per-sample arrays, at most
   */
  static bytesPerSample(compiled: CompiledCase, options: Pick<MonteCarloOptions, "latinHypercube" | "decision"> = {}): number {
    return memoryOf(compiled, 1, { ...options, bands: { exactBytes: Number.POSITIVE_INFINITY } }).perSample;
  }

  /**
   * The most memory a run of `samples` samples of this case takes, in bytes: each sample's figures
   * (npv, roi, payback per alternative), draws and scratch, the decision analysis's arrays, the
   * month columns while the bands are exact, and the bins and counts that do not grow with the
   * samples. A caller bounds the samples with it before running.
   * @example MonteCarlo.memory(wideCase, 1_000_000) // { bytes: 535 MB or so, perSample: 322, fixed: 213 MB, exactBands: false } for 10 options over 240 months
   */
  static memory(
    compiled: CompiledCase,
    samples: number,
    options: Pick<MonteCarloOptions, "latinHypercube" | "decision" | "bands" | "monthlyBands"> = {},
  ): MonteCarloMemory {
    return memoryOf(compiled, samples, options);
  }

  /**
   * The most samples of this case whose run takes at most `limit` bytes (`memory`), every smaller run included; 0 when not even one fits.
   * @example MonteCarlo.mostSamples(compiled, 2e9)
   */
  static mostSamples(
    compiled: CompiledCase,
    limit: number,
    options: Pick<MonteCarloOptions, "latinHypercube" | "decision" | "bands" | "monthlyBands"> = {},
  ): number {
    return mostSamplesOf(compiled, limit, options);
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
    for (const whole of this.wholeColumns) if (whole) giveBack(whole);
  }

  /** Runs up to `count` more samples; true when all are done. */
  step(count: number): boolean {
    if (this.released) throw new Error("this Monte Carlo was released");
    const end = Math.min(this.samples, this.done + count);
    // Cumulative nets go first into a small sample-major block (contiguous writes), then out to the
    // month columns block by block: writing 60 columns at once per sample would thrash the cache.
    // Each part is a method of its own, run from its first block on: code met only after the
    // optimising compiler has taken a function (the end of a block, the end of a step) makes it
    // throw that function's code away and compile it again, at up to 0.1 s of CPU each time.
    const draws = this.draws;
    for (let first = this.done; first < end; ) {
      if (first >= draws.first + draws.count) this.drawFrom(first);
      // A block never runs past the chunk of draws at hand: drawing more is not `runBlock`'s work.
      const size = Math.min(this.blockSize, end - first, draws.first + draws.count - first);
      if (this.netBands) {
        this.runBlock(first, size);
        this.flushBlock(first, size);
      } else {
        this.runBlockFigures(first, size);
      }
      first += size;
    }
    this.done = end;
    return this.done >= this.samples;
  }

  /**
   * Draws the chunk of inputs that starts at sample `first`, and keeps it when asked to. A method of
   * its own, called between blocks: inside `runBlock` it ran for the first time at sample 1,024, after
   * V8 had compiled that function without it (V8 starts recording what a function meets only after
   * its first few calls), and the compiled code was thrown away and compiled again.
   */
  private drawFrom(first: number): void {
    const draws = this.draws;
    draws.drawFrom(first);
    if (this.keptInputs) for (let j = 0; j < this.keptInputs.length; j++) this.keptInputs[j]!.set(draws.values[j]!.subarray(0, draws.count), draws.first);
  }

  /** Runs samples `first` to `first + size − 1` into the blocks; their inputs are drawn already (`drawFrom`). */
  private runBlock(first: number, size: number): void {
    const { runner, leafValues, draws, liveBands } = this;
    const inputs = draws.values;
    const uncertain = this.compiled.uncertainLeaves;
    const months = runner.months;
    const scenarios = this.compiled.scenarios.length;
    for (let offset = 0; offset < size; offset++) {
      const sample = first + offset;
      const at = sample - draws.first;
      for (let j = 0; j < uncertain.length; j++) leafValues[uncertain[j]!] = inputs[j]![at]!;
      runner.runRanges(leafValues);
      for (let index = 0; index < scenarios; index++) {
        if (liveBands) this.countLive(index, runner.columns[index]!, runner.scalars[index]!.settledMonth);
        if (index === runner.baselineIndex) continue;
        const figures = runner.figures[index]!;
        this.npv[index]![sample] = figures.npv;
        this.roi[index]![sample] = figures.roi;
        this.payback[index]![sample] = figures.paybackMonth ?? Number.POSITIVE_INFINITY;
        if (changesNothing(figures.timeZero, runner.cumulativeNet[index]!)) this.unchanged[index]!++;
        const net = runner.cumulativeNet[index]!;
        const block = this.block[index]!;
        for (let at = 0, cell = offset * months; at < months; at++, cell++) block[cell] = net[at]!;
      }
    }
  }

  /**
   * `runBlock` without the months: runs samples `first` to `first + size − 1` and keeps only their
   * figures (a run without monthly bands, "none"). A method of its own, so that neither is compiled with a
   * branch the other never takes.
   */
  private runBlockFigures(first: number, size: number): void {
    const { runner, leafValues, draws } = this;
    const inputs = draws.values;
    const uncertain = this.compiled.uncertainLeaves;
    const scenarios = this.compiled.scenarios.length;
    for (let offset = 0; offset < size; offset++) {
      const sample = first + offset;
      const at = sample - draws.first;
      for (let j = 0; j < uncertain.length; j++) leafValues[uncertain[j]!] = inputs[j]![at]!;
      runner.runRanges(leafValues);
      for (let index = 0; index < scenarios; index++) {
        if (index === runner.baselineIndex) continue;
        const figures = runner.figures[index]!;
        this.npv[index]![sample] = figures.npv;
        this.roi[index]![sample] = figures.roi;
        this.payback[index]![sample] = figures.paybackMonth ?? Number.POSITIVE_INFINITY;
        if (changesNothing(figures.timeZero, runner.cumulativeNet[index]!)) this.unchanged[index]!++;
      }
    }
  }

  /** Moves the blocks of samples `first` to `first + size − 1` out to the month columns or histograms. */
  private flushBlock(first: number, size: number): void {
    const runner = this.runner;
    const months = runner.months;
    const scenarios = this.compiled.scenarios.length;
    for (let index = 0; index < scenarios; index++) {
      if (index === runner.baselineIndex) continue;
      const block = this.block[index]!;
      if (!this.exactBands) {
        // Bucketed: each month's values of the block go straight into its histogram.
        const histograms = this.histograms[index]!;
        for (let at = 0; at < months; at++) histograms[at]!.addStrided(block, at, months, size);
        continue;
      }
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
      if (this.liveBands) liveProjectBands[scenario.name] = this.liveProjects[index]!.band(n, scratch);
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
        probabilityChangesNothing: n > 0 ? this.unchanged[index]! / n : 0,
      };
      if (this.netBands)
        cumulativeNetBands[scenario.name] = this.exactBands ? band(this.cumulative[index]!, this.range[index]!) : bandOfHistograms(this.histograms[index]!);
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
    // An option that changes nothing in every sample is today again: weighed as today (`DecisionOption.changesNothing`).
    const unchanged = this.compiled.scenarios.map((_, index) => index !== this.runner.baselineIndex && n > 0 && this.unchanged[index] === n);
    return analyseDecision(this.compiled, this.npv, this.keptInputs!, n, groups, this.options.seed, unchanged);
  }
}

/**
 * Type-7 percentiles of a stream of values in fixed memory, within a stated error: a "collapsing
 * histogram". For the monthly bands of Monte Carlos too large to keep every sample's value.
 *
 * The values are counted into `bins` bins of one width w, a power of two, on a grid aligned at 0:
 * a value v is in the bin ⌊v ÷ w⌋. The bins are a frame of consecutive grid cells that always
 * covers the smallest and the largest value seen, kept exactly. A value beyond the frame moves the
 * frame (re-centred on the values' span) and, when the span no longer fits, doubles w as often as
 * needed: the counts merge exactly, since ⌊v ÷ 2w⌋ = ⌊⌊v ÷ w⌋ ÷ 2⌋. The width is always the
 * smallest power of two that fits the span so far, so w < 2 × (max − min) ÷ (bins − 1).
 *
 * A percentile uses the same ranks as `percentiles` (type 7: rank (n − 1) × p, between the order
 * statistics ⌊rank⌋ and ⌊rank⌋ + 1). Each order statistic is located in its bin and placed within
 * it as if the bin's c values sat at the middles of c equal slices of the bin; the bin is cut to
 * [min, max] first, and rank 0 and rank n − 1 are the exact min and max. The true order statistic
 * is in the same (cut) bin, so each is off by at most w, and so is their interpolation: every
 * percentile is within `error` (= w) of the exact one. Whole numbers (live projects) have bins of
 * whole numbers [k × w, k × w + w − 1], w ≥ 1: the error is w − 1, exact while w = 1.
 *
 * Until two different values arrive there are no bins (a constant stream costs nothing and is
 * exact). Infinities are counted apart and exact, as order statistics; a NaN is counted and
 * refused when percentiles are asked, as `percentiles` refuses it.
 */

/** Bins of one histogram when the caller does not say. */
export const HISTOGRAM_BINS = 4096;

/** Scratch for moving the counts, one per histogram size. */
const spare = new Map<number, Uint32Array>();
function spareOf(bins: number): Uint32Array {
  let scratch = spare.get(bins);
  if (!scratch) {
    scratch = new Uint32Array(bins);
    spare.set(bins, scratch);
  }
  return scratch;
}

/** Linear interpolation between neighbouring order statistics; an infinite neighbour with positive weight wins (as `percentiles`). */
function interpolate(lower: number, upper: number, fraction: number): number {
  if (fraction === 0 || lower === upper) return lower;
  if (lower === Number.NEGATIVE_INFINITY) return lower;
  if (upper === Number.POSITIVE_INFINITY) return upper;
  return lower + fraction * (upper - lower);
}

/**
 * @example
 * const histogram = new CollapsingHistogram(4096);
 * for (const value of [3, 1, 4, 1, 5]) histogram.add(value);
 * histogram.percentiles([0.5]); // [3 ± histogram.error]
 */
export class CollapsingHistogram {
  /** Values added, NaN included: a NaN's position among them names it. */
  added = 0;
  /** Finite values added. */
  finite = 0;
  negativeInfinities = 0;
  positiveInfinities = 0;
  nans = 0;
  /** The position (0-based, among all values added) of the first NaN; −1 when none. */
  firstNaN = -1;
  /** The smallest and largest finite value (exact). */
  lowest = Number.POSITIVE_INFINITY;
  highest = Number.NEGATIVE_INFINITY;
  /** The bins' width, a power of two; 0 while there are no bins (every finite value so far is the same). */
  width = 0;
  /** 1 ÷ width (exact: a power of two). */
  private scale = 0;
  /** ⌊v ÷ width⌋ of the first bin's values. */
  offset = 0;
  /** `counts[j]`: the values v with ⌊v ÷ width⌋ = offset + j. */
  counts: Uint32Array | undefined;
  /** The narrowest width allowed: 1 for whole numbers, so a bin never splits a whole number. */
  private readonly smallestExponent: number;

  constructor(
    readonly bins = HISTOGRAM_BINS,
    /** The values are whole numbers: bins hold w whole numbers, and the error is w − 1. */
    readonly wholeNumbers = false,
  ) {
    if (!Number.isInteger(bins) || bins < 4) throw new RangeError(`bins must be a whole number ≥ 4, got ${bins}`);
    this.smallestExponent = wholeNumbers ? 0 : -1022;
  }

  /** The most any percentile given can be off from the exact one: w, or w − 1 for whole numbers; 0 while there are no bins. */
  get error(): number {
    if (this.width === 0) return 0;
    return this.wholeNumbers ? this.width - 1 : this.width;
  }

  /** Bytes its counts take (once two different values arrived). */
  static bytes(bins = HISTOGRAM_BINS): number {
    return bins * 4 + 128;
  }

  /** Adds `times` copies of a value. */
  add(value: number, times = 1): void {
    if (value >= this.lowest && value <= this.highest) {
      if (this.counts !== undefined) this.counts[Math.floor(value * this.scale) - this.offset]! += times;
      this.finite += times;
      this.added += times;
      return;
    }
    this.addOutside(value, times);
  }

  /** Adds `count` values of `values`: the one at `start`, then every `stride`-th (a month's column in a sample-major block). */
  addStrided(values: Float32Array, start: number, stride: number, count: number): void {
    let lowest = this.lowest;
    let highest = this.highest;
    let counts = this.counts;
    let scale = this.scale;
    let offset = this.offset;
    let inside = 0;
    for (let index = 0, cell = start; index < count; index++, cell += stride) {
      const value = values[cell]!;
      if (value >= lowest && value <= highest) {
        if (counts !== undefined) counts[Math.floor(value * scale) - offset]!++;
        inside++;
      } else {
        // Rare (a new smallest or largest value, a NaN or an infinity): the full path, then the new grid.
        this.finite += inside;
        this.added += inside;
        inside = 0;
        this.addOutside(value, 1);
        lowest = this.lowest;
        highest = this.highest;
        counts = this.counts;
        scale = this.scale;
        offset = this.offset;
      }
    }
    this.finite += inside;
    this.added += inside;
  }

  private addOutside(value: number, times: number): void {
    if (value !== value) {
      if (this.firstNaN < 0) this.firstNaN = this.added;
      this.nans += times;
    } else if (value === Number.POSITIVE_INFINITY) this.positiveInfinities += times;
    else if (value === Number.NEGATIVE_INFINITY) this.negativeInfinities += times;
    else if (this.finite === 0) {
      this.lowest = value;
      this.highest = value;
      this.finite += times;
    } else {
      const lowest = Math.min(this.lowest, value);
      const highest = Math.max(this.highest, value);
      this.cover(lowest, highest);
      this.lowest = lowest;
      this.highest = highest;
      this.counts![Math.floor(value * this.scale) - this.offset]! += times;
      this.finite += times;
    }
    this.added += times;
  }

  /** Whether bins of width 2^exponent, `bins` of them, can cover [lowest, highest]. */
  private fits(exponent: number, lowest: number, highest: number): boolean {
    const scale = 2 ** -exponent;
    return Math.floor(highest * scale) - Math.floor(lowest * scale) < this.bins;
  }

  /** The smallest power-of-two exponent, at least `from`, whose bins cover [lowest, highest]. */
  private exponentFor(lowest: number, highest: number, from: number): number {
    // Below log2(span ÷ bins) the span needs more than `bins` bins; from there up, a step or two.
    const span = highest - lowest;
    const guess = Number.isFinite(span) ? Math.ceil(Math.log2(span / this.bins)) : 1023;
    // Bins no narrower than 2⁻⁵² of the largest magnitude keep ⌊v ÷ w⌋ an exact integer below 2⁵³.
    const magnitude = Math.max(Math.abs(lowest), Math.abs(highest));
    const exact = magnitude > 0 ? Math.ceil(Math.log2(magnitude)) - 52 : this.smallestExponent;
    let exponent = Math.min(1023, Math.max(from, guess, exact, this.smallestExponent));
    while (exponent < 1023 && !this.fits(exponent, lowest, highest)) exponent++;
    return exponent;
  }

  /** Makes the bins cover [lowest, highest] (the current values and the new one), widening only if they must. */
  private cover(lowest: number, highest: number): void {
    const bins = this.bins;
    if (this.counts === undefined) {
      // Two different values for the first time: every finite value so far was `this.lowest`.
      const exponent = this.exponentFor(lowest, highest, this.smallestExponent);
      this.counts = new Uint32Array(bins);
      this.setGrid(exponent, lowest, highest);
      this.counts[Math.floor(this.lowest * this.scale) - this.offset] = this.finite;
      return;
    }
    const first = Math.floor(lowest * this.scale);
    const last = Math.floor(highest * this.scale);
    if (first >= this.offset && last < this.offset + bins) return;
    const current = Math.log2(this.width);
    const exponent = last - first < bins ? current : this.exponentFor(lowest, highest, current + 1);
    // Each old bin's values go to one new bin: ⌊⌊v ÷ w⌋ ÷ factor⌋ = ⌊v ÷ (w × factor)⌋, factor a power of two.
    const factor = 2 ** (exponent - current);
    const oldOffset = this.offset;
    const counts = this.counts;
    const old = spareOf(bins);
    old.set(counts);
    counts.fill(0);
    this.setGrid(exponent, lowest, highest);
    for (let bin = 0; bin < bins; bin++) {
      const count = old[bin]!;
      if (count > 0) counts[Math.floor((oldOffset + bin) / factor) - this.offset]! += count;
    }
  }

  /** Width 2^exponent, and the frame centred on the cells of [lowest, highest]. */
  private setGrid(exponent: number, lowest: number, highest: number): void {
    this.width = 2 ** exponent;
    this.scale = 2 ** -exponent;
    const first = Math.floor(lowest * this.scale);
    const last = Math.floor(highest * this.scale);
    this.offset = first - Math.floor((this.bins - (last - first + 1)) / 2);
  }

  /**
   * The order statistic of 0-based rank `rank` among the non-NaN values: exact for an infinity, the
   * min and the max; otherwise placed within its bin (cut to [min, max]) at the middle of its slice.
   */
  orderStatistic(rank: number): number {
    if (rank < this.negativeInfinities) return Number.NEGATIVE_INFINITY;
    const at = rank - this.negativeInfinities;
    if (at >= this.finite) return Number.POSITIVE_INFINITY;
    if (at === 0) return this.lowest;
    if (at === this.finite - 1) return this.highest;
    const counts = this.counts;
    if (counts === undefined) return this.lowest;
    let seen = 0;
    let bin = 0;
    while (seen + counts[bin]! <= at) seen += counts[bin++]!;
    const start = (this.offset + bin) * this.width;
    const low = Math.max(start, this.lowest);
    const high = Math.min(this.wholeNumbers ? start + this.width - 1 : start + this.width, this.highest);
    return low + (high - low) * ((at - seen + 0.5) / counts[bin]!);
  }

  /**
   * Type-7 percentiles (ps in [0, 1]), each within `error` of the exact one of the values added.
   * Throws a RangeError as `percentiles` does: no values, a NaN among them, or p outside [0, 1].
   */
  percentiles(ps: readonly number[]): number[] {
    if (this.nans > 0) throw new RangeError(`values must not contain NaN (index ${this.firstNaN})`);
    const count = this.negativeInfinities + this.finite + this.positiveInfinities;
    if (count === 0) throw new RangeError("percentiles of an empty sample are undefined");
    for (const p of ps) {
      if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be in [0, 1], got ${p}`);
    }
    return ps.map((p) => {
      const rank = (count - 1) * p;
      const lowerRank = Math.floor(rank);
      const fraction = rank - lowerRank;
      const lower = this.orderStatistic(lowerRank);
      return fraction > 0 ? interpolate(lower, this.orderStatistic(lowerRank + 1), fraction) : lower;
    });
  }
}

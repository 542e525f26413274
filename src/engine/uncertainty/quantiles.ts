/**
 * Order statistics of Monte Carlo outputs without a full sort: selection,
 * percentiles and tail shares.
 *
 * Values may include ±Infinity (for example a payback month that never comes
 * is stored as Infinity); NaN is not an orderable value and is rejected by
 * `percentiles`.
 */

/** Floyd–Rivest selection of the k-th smallest of values[left..right], in place. */
function selectInRange(values: Float64Array, k: number, initialLeft: number, initialRight: number): void {
  let left = initialLeft;
  let right = initialRight;
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a small sample to find pivots that bracket k tightly.
      const count = right - left + 1;
      const position = k - left + 1;
      const logCount = Math.log(count);
      const sampleSize = 0.5 * Math.exp((2 * logCount) / 3);
      const spread = 0.5 * Math.sqrt((logCount * sampleSize * (count - sampleSize)) / count) * (position - count / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (position * sampleSize) / count + spread));
      const newRight = Math.min(right, Math.floor(k + ((count - position) * sampleSize) / count + spread));
      selectInRange(values, k, newLeft, newRight);
    }
    const pivot = values[k]!;
    let i = left;
    let j = right;
    values[k] = values[left]!;
    values[left] = pivot;
    if (values[right]! > pivot) {
      values[left] = values[right]!;
      values[right] = pivot;
    }
    while (i < j) {
      const swapped = values[i]!;
      values[i] = values[j]!;
      values[j] = swapped;
      i++;
      j--;
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
    }
    if (values[left] === pivot) {
      const swapped = values[left]!;
      values[left] = values[j]!;
      values[j] = swapped;
    } else {
      j++;
      const swapped = values[j]!;
      values[j] = values[right]!;
      values[right] = swapped;
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/**
 * The k-th smallest value (k = 0 is the minimum), found in expected linear
 * time by Floyd–Rivest selection. Reorders `values` in place: afterwards
 * values[k] holds the answer, everything before it is ≤ and everything after
 * it is ≥. Values must not be NaN.
 *
 * @example
 * quickselect(Float64Array.of(5, 1, 4, 2, 3), 1); // 2
 */
export function quickselect(values: Float64Array, k: number): number {
  if (!Number.isInteger(k) || k < 0 || k >= values.length) {
    throw new RangeError(`k must be an integer in [0, ${values.length - 1}], got ${k}`);
  }
  selectInRange(values, k, 0, values.length - 1);
  return values[k]!;
}

/** Linear interpolation between neighbouring order statistics; an infinite neighbour with positive weight wins. */
function interpolate(lower: number, upper: number, fraction: number): number {
  if (fraction === 0 || lower === upper) return lower;
  if (lower === Number.NEGATIVE_INFINITY) return lower;
  if (upper === Number.POSITIVE_INFINITY) return upper;
  return lower + fraction * (upper - lower);
}

/**
 * Percentiles (ps in [0, 1]) by linear interpolation between order
 * statistics: the "type 7" definition, numpy's and R's default, where
 * p = 0 is the minimum and p = 1 the maximum. Results are in the order of
 * `ps`.
 *
 * `values` is left untouched: it is copied into `scratch` (allocated when
 * absent or too short) and selected there, with no full sort.
 *
 * Infinite values are allowed: a percentile whose interpolation involves an
 * infinite order statistic with positive weight is that infinity, so if more
 * than (1 − p) of a payback-month sample is Infinity ("never"), the
 * p-percentile is Infinity. Throws a RangeError for an empty sample, a NaN
 * value, or p outside [0, 1].
 *
 * @example
 * percentiles(Float64Array.of(1, 2, 3, 4), [0.5, 0.9]); // [2.5, 3.7]
 */
export function percentiles(values: Float64Array, ps: readonly number[], scratch?: Float64Array): number[] {
  const count = values.length;
  if (count === 0) throw new RangeError("percentiles of an empty sample are undefined");
  for (const p of ps) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be in [0, 1], got ${p}`);
  }
  const work = scratch !== undefined && scratch.length >= count ? scratch : new Float64Array(count);
  copyNumbers(values, work, count);
  // Select in increasing rank order so each selection only scans what lies above the previous one.
  const order = ps.map((_, index) => index).sort((a, b) => ps[a]! - ps[b]!);
  const results = new Array<number>(ps.length);
  let left = 0;
  for (const index of order) {
    const rank = (count - 1) * ps[index]!;
    const lowerRank = Math.floor(rank);
    const fraction = rank - lowerRank;
    selectInRange(work, lowerRank, left, count - 1);
    left = lowerRank;
    const lower = work[lowerRank]!;
    const upper = fraction > 0 ? smallestFrom(work, lowerRank + 1, count) : lower;
    results[index] = interpolate(lower, upper, fraction);
  }
  return results;
}

// The long loops of `percentiles` are functions of their own: V8 compiles a long loop of a function
// it has not optimised yet on the spot (on-stack replacement) together with the rest of that function,
// and code after the loop it has not seen run yet throws that compilation away; `percentiles` is called
// a few times a command, so it was compiled four to six times over.

/** Copies `count` values into `work`, refusing NaN. */
function copyNumbers(values: Float64Array, work: Float64Array, count: number): void {
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    if (value !== value) throw new RangeError(`values must not contain NaN (index ${i})`);
    work[i] = value;
  }
}

/** The smallest of `work[from]` … `work[count - 1]` (+∞ for none). */
function smallestFrom(work: Float64Array, from: number, count: number): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = from; i < count; i++) if (work[i]! < smallest) smallest = work[i]!;
  return smallest;
}

/**
 * The share of values that are ≤ threshold (NaN counts as neither).
 *
 * @example
 * shareAtMost(Float64Array.of(3, 8, 12, Infinity), 12); // 0.75
 */
export function shareAtMost(values: Float64Array, threshold: number): number {
  if (values.length === 0) throw new RangeError("share of an empty sample is undefined");
  let hits = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! <= threshold) hits++;
  return hits / values.length;
}

/**
 * The share of values that are > threshold (NaN counts as neither).
 *
 * @example
 * shareAbove(Float64Array.of(-2, 0, 5, 9), 0); // 0.5, e.g. the chance of a positive net value
 */
export function shareAbove(values: Float64Array, threshold: number): number {
  if (values.length === 0) throw new RangeError("share of an empty sample is undefined");
  let hits = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > threshold) hits++;
  return hits / values.length;
}

/** Buckets of the first pass of `percentilesOfColumn`. */
const BUCKETS = 4096;

// The two passes over a column are small functions of their own: V8 optimises them once and keeps
// them, where the same loops inside `percentilesOfColumn` were deoptimised again and again (17% slower).
// Both must put a value in the same bucket; the rule is written out in each, as a shared helper
// function made the passes 10% slower.

// For each bucket, where `gatherBuckets` puts its first value in the scratch array and where the
// next one goes; -1 for a bucket not wanted. Shared by every call (the function is synchronous):
// only the few wanted buckets are marked, and unmarked before it returns, so a column costs no
// clearing of 4,096 entries.
const gatherStart = new Int32Array(BUCKETS).fill(-1);
const gatherNext = new Int32Array(BUCKETS).fill(-1);

/** Counts the values of a column into `BUCKETS` equal-width buckets from `lowest` (the highest value in the last). */
function countInBuckets(values: Float32Array, lowest: number, scale: number, counts: Uint32Array): void {
  const last = BUCKETS - 1;
  counts.fill(0, 0, BUCKETS);
  for (let i = 0; i < values.length; i++) {
    const bucket = ((values[i]! - lowest) * scale) | 0;
    counts[bucket < last ? bucket : last]!++;
  }
}

/** Copies the values of the buckets with a place in `fill` (≥ 0) to `scratch`, each bucket's values together. */
function gatherBuckets(values: Float32Array, lowest: number, scale: number, fill: Int32Array, scratch: Float64Array): void {
  const last = BUCKETS - 1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let bucket = ((value - lowest) * scale) | 0;
    if (bucket > last) bucket = last;
    const at = fill[bucket]!;
    if (at >= 0) {
      scratch[at] = value;
      fill[bucket] = at + 1;
    }
  }
}

/**
 * The same type-7 percentiles as `percentiles`, for the large month columns of a Monte Carlo: one
 * pass finds the range, one counts values into equal-width buckets, one gathers only the buckets
 * that hold the wanted order statistics, and selection runs on those few values. Exact: the
 * buckets only narrow down where each order statistic lies.
 * `scratch` needs `values.length` entries; `counts` at least 4,096. A caller that tracked the
 * smallest and largest value as it wrote the column (and saw no NaN) passes them as `known` and
 * saves the first pass.
 * @example percentilesOfColumn(Float32Array.of(1, 2, 3, 4), [0.5, 0.9], new Float64Array(4), new Uint32Array(4096)) // [2.5, 3.7]
 */
export function percentilesOfColumn(
  values: Float32Array,
  ps: readonly number[],
  scratch: Float64Array,
  counts: Uint32Array,
  known?: { lowest: number; highest: number },
): number[] {
  const count = values.length;
  if (count === 0) throw new RangeError("percentiles of an empty sample are undefined");
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  let orderable = true;
  if (known) {
    lowest = known.lowest;
    highest = known.highest;
  } else {
    for (let i = 0; i < count; i++) {
      const value = values[i]!;
      if (value < lowest) lowest = value;
      if (value > highest) highest = value;
      if (value !== value) orderable = false;
    }
  }
  // NaN and infinities leave no finite bucket width: the general method handles (or refuses) them.
  const width = highest - lowest;
  if (!orderable || !Number.isFinite(width)) return percentiles(Float64Array.from(values), ps, scratch);
  if (width === 0) return ps.map(() => lowest);
  for (const p of ps) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be in [0, 1], got ${p}`);
  }
  const scale = BUCKETS / width;
  countInBuckets(values, lowest, scale, counts);
  // The order statistics wanted: each percentile's lower rank and the one after it, found in one
  // pass over the buckets in rank order (a scan from the first bucket for each rank took longer than
  // counting a 10,000-sample column), with the rank the bucket starts at.
  const rankCount = 2 * ps.length;
  const ranks = new Float64Array(rankCount);
  for (let index = 0; index < ps.length; index++) {
    const lowerRank = Math.floor((count - 1) * ps[index]!);
    ranks[2 * index] = lowerRank;
    ranks[2 * index + 1] = Math.min(count - 1, lowerRank + 1);
  }
  const inRankOrder = Array.from({ length: rankCount }, (_, r) => r).sort((a, b) => ranks[a]! - ranks[b]!);
  const bucketOfRank = new Int32Array(rankCount);
  const bucketStartRank = new Float64Array(rankCount);
  let gathered = 0;
  let seen = 0;
  let bucket = 0;
  try {
    for (const r of inRankOrder) {
      while (seen + counts[bucket]! <= ranks[r]!) seen += counts[bucket++]!;
      bucketOfRank[r] = bucket;
      bucketStartRank[r] = seen;
      if (gatherStart[bucket] === -1) {
        gatherStart[bucket] = gathered;
        gatherNext[bucket] = gathered;
        gathered += counts[bucket]!;
      }
    }
    gatherBuckets(values, lowest, scale, gatherNext, scratch);
    const orderStatistic = (r: number): number => {
      const start = gatherStart[bucketOfRank[r]!]!;
      const k = start + ranks[r]! - bucketStartRank[r]!;
      selectInRange(scratch, k, start, start + counts[bucketOfRank[r]!]! - 1);
      return scratch[k]!;
    };
    return ps.map((p, index) => {
      const rank = (count - 1) * p;
      const fraction = rank - Math.floor(rank);
      const lower = orderStatistic(2 * index);
      return fraction > 0 ? interpolate(lower, orderStatistic(2 * index + 1), fraction) : lower;
    });
  } finally {
    // Only the wanted buckets were marked: unmark them for the next column.
    for (let r = 0; r < rankCount; r++) {
      gatherStart[bucketOfRank[r]!] = -1;
      gatherNext[bucketOfRank[r]!] = -1;
    }
  }
}

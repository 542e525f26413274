/**
 * Rank correlation between sampled inputs by the method of Iman and Conover (1982, "A distribution-free
 * approach to inducing rank correlation among input variables", Communications in Statistics B 11(3)),
 * as Crystal Ball and @RISK do: each input's drawn values are only put in another order, so every
 * input keeps exactly the values it was drawn with (its distribution, and a Latin hypercube's strata).
 */
import { inverseNormalCdf } from "./normal.js";
import type { RandomSource } from "./random.js";

/**
 * The Pearson correlation of two normal scores whose Spearman (rank) correlation is `rank`:
 * r = 2 sin(π ρ / 6). Iman–Conover orders by normal scores, so the target is set on this scale.
 * @example pearsonOfRank(0.5) // 0.5176
 */
export function pearsonOfRank(rank: number): number {
  return 2 * Math.sin((Math.PI * rank) / 6);
}

/**
 * The lower Cholesky factor L (row-major k × k, L Lᵀ = matrix) of a symmetric positive semi-definite
 * matrix, or undefined when it is not (a pivot below −tolerance). A zero pivot (e.g. a correlation of
 * exactly 1) gives a zero column, so perfectly correlated inputs are allowed.
 * @example choleskyLower(Float64Array.of(1, 0.5, 0.5, 1), 2) // [1, 0, 0.5, 0.866]
 */
export function choleskyLower(matrix: Float64Array, k: number, tolerance = 1e-10): Float64Array | undefined {
  const lower = new Float64Array(k * k);
  for (let row = 0; row < k; row++) {
    for (let column = 0; column <= row; column++) {
      let sum = matrix[row * k + column]!;
      for (let inner = 0; inner < column; inner++) sum -= lower[row * k + inner]! * lower[column * k + inner]!;
      if (row === column) {
        if (sum < -tolerance) return undefined;
        lower[row * k + row] = sum > tolerance ? Math.sqrt(sum) : 0;
      } else {
        const pivot = lower[column * k + column]!;
        if (pivot === 0) {
          // A dependent input: what is left must be zero too, or the matrix is not semi-definite.
          if (Math.abs(sum) > 1e-7) return undefined;
          lower[row * k + column] = 0;
        } else lower[row * k + column] = sum / pivot;
      }
    }
  }
  return lower;
}

/** Solves L x = b in place for a lower-triangular L with a non-zero diagonal. */
function forwardSolve(lower: Float64Array, k: number, vector: Float64Array): void {
  for (let row = 0; row < k; row++) {
    let sum = vector[row]!;
    for (let inner = 0; inner < row; inner++) sum -= lower[row * k + inner]! * vector[inner]!;
    vector[row] = sum / lower[row * k + row]!;
  }
}

/** Ranks 0..n−1 of a column (ties broken by position, so the order is a permutation). */
function ranksOf(values: Float64Array, n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let index = 0; index < n; index++) order[index] = index;
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  const ranks = new Uint32Array(n);
  for (let rank = 0; rank < n; rank++) ranks[order[rank]!] = rank;
  return ranks;
}

/**
 * Reorders `columns[j][0..n)` in place so their rank correlations approach `rankCorrelation`
 * (row-major k × k Spearman coefficients, which must make a positive semi-definite matrix once put
 * on the normal scale by `pearsonOfRank`). Uses `random` for the random permutations of the scores.
 * @example induceRankCorrelation([upkeepToday, upkeepAfter], Float64Array.of(1, 0.8, 0.8, 1), createRandom(7))
 */
export function induceRankCorrelation(columns: readonly Float64Array[], rankCorrelation: Float64Array, random: RandomSource): void {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  if (k < 2 || n < 3) return;
  const target = rankCorrelation.map((rank, at) => (at % (k + 1) === 0 ? 1 : pearsonOfRank(rank)));
  const targetLower = choleskyLower(target, k);
  if (!targetLower) throw new RangeError("the correlations are not positive semi-definite");
  // Van der Waerden scores, each column in its own random order.
  const scores = Array.from({ length: k }, () => {
    const column = new Float64Array(n);
    for (let index = 0; index < n; index++) column[index] = inverseNormalCdf((index + 1) / (n + 1));
    for (let index = n - 1; index > 0; index--) {
      const other = Math.min(index, Math.floor(random() * (index + 1)));
      const swapped = column[index]!;
      column[index] = column[other]!;
      column[other] = swapped;
    }
    return column;
  });
  // The scores' own correlation E = Q Qᵀ; rows become P Q⁻¹ s, whose correlation is the target's P Pᵀ.
  const own = new Float64Array(k * k);
  let squares = 0;
  for (let index = 0; index < n; index++) squares += scores[0]![index]! ** 2;
  for (let row = 0; row < k; row++) {
    for (let column = 0; column <= row; column++) {
      let sum = 0;
      const left = scores[row]!;
      const right = scores[column]!;
      for (let index = 0; index < n; index++) sum += left[index]! * right[index]!;
      own[row * k + column] = own[column * k + row] = sum / squares;
    }
  }
  const ownLower = choleskyLower(own, k);
  const ownInvertible = ownLower && Array.from({ length: k }, (_, at) => ownLower[at * k + at]!).every((pivot) => pivot > 1e-12);
  const row = new Float64Array(k);
  const mixed = Array.from({ length: k }, () => new Float64Array(n));
  for (let index = 0; index < n; index++) {
    for (let column = 0; column < k; column++) row[column] = scores[column]![index]!;
    if (ownInvertible) forwardSolve(ownLower, k, row);
    for (let out = 0; out < k; out++) {
      let sum = 0;
      for (let inner = 0; inner <= out; inner++) sum += targetLower[out * k + inner]! * row[inner]!;
      mixed[out]![index] = sum;
    }
  }
  // Each input takes its own values in the rank order of its mixed scores.
  for (let column = 0; column < k; column++) {
    const values = columns[column]!;
    const sorted = Float64Array.from(values).sort();
    const ranks = ranksOf(mixed[column]!, n);
    for (let index = 0; index < n; index++) values[index] = sorted[ranks[index]!]!;
  }
}

/**
 * The pair to relax when correlations are not positive semi-definite: the declared pair that can
 * keep the largest share of its coefficient (`kept`, 0..1) when it alone is moved toward 0. When
 * no single pair suffices, the pair of largest |coefficient|, with `kept` undefined.
 * @example pairToRelax(3, [[0, 1, 0.9], [0, 2, 0.8], [1, 2, -0.5]]) // { index: 0, kept: 0.13… }
 */
export function pairToRelax(k: number, pairs: readonly (readonly [number, number, number])[]): { index: number; kept?: number } {
  const matrixWith = (changed: number, scale: number): Float64Array => {
    const matrix = new Float64Array(k * k);
    for (let at = 0; at < k; at++) matrix[at * k + at] = 1;
    pairs.forEach(([a, b, rank], index) => {
      const value = pearsonOfRank(index === changed ? rank * scale : rank);
      matrix[a * k + b] = matrix[b * k + a] = value;
    });
    return matrix;
  };
  let best = -1;
  let bestScale = -1;
  pairs.forEach((_, index) => {
    // The largest share of the coefficient that can be kept (bisection on 0..1).
    if (!choleskyLower(matrixWith(index, 0), k)) return;
    let low = 0;
    let high = 1;
    for (let round = 0; round < 30; round++) {
      const middle = (low + high) / 2;
      if (choleskyLower(matrixWith(index, middle), k)) low = middle;
      else high = middle;
    }
    if (low > bestScale) {
      bestScale = low;
      best = index;
    }
  });
  if (best >= 0) return { index: best, kept: bestScale };
  let largest = 0;
  pairs.forEach(([, , rank], index) => {
    if (Math.abs(rank) > Math.abs(pairs[largest]![2])) largest = index;
  });
  return { index: largest };
}

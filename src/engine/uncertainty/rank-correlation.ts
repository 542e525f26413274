/**
 * Rank correlation between sampled inputs by the method of Iman and Conover (1982, "A distribution-free
 * approach to inducing rank correlation among input variables", Communications in Statistics B 11(3)),
 * as Crystal Ball and @RISK do: each input's drawn values are only put in another order, so every
 * input keeps exactly the values it was drawn with (its distribution, and a Latin hypercube's strata).
 */
import { inverseNormalCdf } from "./normal.js";
import { SortScratch } from "./radix.js";

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

/**
 * Working arrays for one size of run, kept between calls (a run correlates several groups, and runs
 * of one size repeat): fresh memory is slow to get, and every array here is written before it is read.
 */
class Workspace {
  readonly sort: SortScratch;
  readonly mixed: Float64Array;
  readonly mixedOrder: Uint32Array;
  readonly sorted: Float64Array;
  private readonly orders: Uint32Array[] = [];
  private readonly scores: Float64Array[] = [];
  constructor(readonly n: number) {
    this.sort = new SortScratch(n);
    this.mixed = new Float64Array(n);
    this.mixedOrder = new Uint32Array(n);
    this.sorted = new Float64Array(n);
  }
  order(column: number): Uint32Array {
    while (this.orders.length <= column) this.orders.push(new Uint32Array(this.n));
    return this.orders[column]!;
  }
  score(column: number): Float64Array {
    while (this.scores.length <= column) this.scores.push(new Float64Array(this.n));
    return this.scores[column]!;
  }
}

let lastWorkspace: Workspace | undefined;
function workspaceOf(n: number): Workspace {
  if (lastWorkspace?.n !== n) lastWorkspace = new Workspace(n);
  return lastWorkspace;
}

/** Van der Waerden scores Φ⁻¹(r / (n + 1)) for ranks r = 1..n; the last table is kept (runs of one size repeat). */
let lastTable: Float64Array | undefined;
function scoreTable(n: number): Float64Array {
  if (lastTable?.length === n) return lastTable;
  const table = new Float64Array(n);
  for (let rank = 0; rank < n; rank++) table[rank] = inverseNormalCdf((rank + 1) / (n + 1));
  lastTable = table;
  return table;
}

/**
 * Reorders uniforms `columns[j][0..n)`, each in (0, 1), in place so the inputs drawn from them
 * through their inverse CDFs get rank correlations close to `rankCorrelation` (row-major k × k
 * Spearman coefficients, which must make a positive semi-definite matrix once put on the normal
 * scale by `pearsonOfRank`). Each column keeps exactly its own values. The method needs random,
 * independent orders of van der Waerden scores: the columns' own orders are those, so no other
 * random numbers are drawn. `stratified`: each column holds one value per stratum [i/n, (i+1)/n)
 * (a Latin hypercube), so its order is known without sorting.
 * @example induceRankCorrelation([uniformsA, uniformsB], Float64Array.of(1, 0.8, 0.8, 1))
 */
export function induceRankCorrelation(columns: readonly Float64Array[], rankCorrelation: Float64Array, options: { stratified?: boolean } = {}): void {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  if (k < 2 || n < 3) return;
  const target = rankCorrelation.map((rank, at) => (at % (k + 1) === 0 ? 1 : pearsonOfRank(rank)));
  const targetLower = choleskyLower(target, k);
  if (!targetLower) throw new RangeError("the correlations are not positive semi-definite");
  const table = scoreTable(n);
  // Each column's scores: the van der Waerden score of each value's rank. The first column is never
  // reordered, so its scores need only follow its order: for random uniforms, the score of ⌊u·n⌋
  // (a sort saved; values that share it share a score). The others need their exact order anyway.
  const workspace = workspaceOf(n);
  const scratch = workspace.sort;
  const orders = columns.map((column, index) => {
    const order = workspace.order(index);
    if (options.stratified) orderOfStrata(column, n, order);
    else if (index > 0) scratch.uniforms(column, order);
    return order;
  });
  const scores = orders.map((order, index) => {
    const column = workspace.score(index);
    if (index === 0 && !options.stratified) scoresOfBuckets(columns[0]!, table, column, n);
    else scatter(table, order, column, n);
    return column;
  });
  // The scores' own correlation E = Q Qᵀ; rows become P Q⁻¹ s, whose correlation is the target's P Pᵀ.
  // Scores have mean 0 (nearly, for the first column's bucket scores).
  const norms = scores.map((column) => Math.sqrt(dot(column, column, n)));
  const own = new Float64Array(k * k);
  for (let row = 0; row < k; row++) {
    for (let column = 0; column <= row; column++) {
      own[row * k + column] = own[column * k + row] = dot(scores[row]!, scores[column]!, n) / (norms[row]! * norms[column]!);
    }
  }
  // Each column on the unit scale the correlations are written in.
  scores.forEach((column, index) => scale(column, 1 / norms[index]!, n));
  const ownLower = choleskyLower(own, k);
  const ownInvertible = ownLower !== undefined && Array.from({ length: k }, (_, at) => ownLower[at * k + at]!).every((pivot) => pivot > 1e-12);
  // Column by column (each pass runs over contiguous samples): Q⁻¹ s by forward substitution in place,
  // then P times it. The first mixed column is the first column's scores times a constant: its order stays.
  if (ownInvertible) {
    for (let out = 0; out < k; out++) {
      for (let inner = 0; inner < out; inner++) addScaled(scores[out]!, -ownLower[out * k + inner]!, scores[inner]!, n);
      scale(scores[out]!, 1 / ownLower[out * k + out]!, n);
    }
  }
  const { mixed, mixedOrder, sorted } = workspace;
  for (let out = 1; out < k; out++) {
    mixed.fill(0);
    for (let inner = 0; inner <= out; inner++) addScaled(mixed, targetLower[out * k + inner]!, scores[inner]!, n);
    // The column takes its own values in the order of its mixed scores.
    gather(columns[out]!, orders[out]!, sorted, n);
    scratch.values(mixed, mixedOrder);
    scatter(sorted, mixedOrder, columns[out]!, n);
  }
}

// Small loops of their own: V8 keeps each optimised (inside one long function they were not).

/** The order of a Latin hypercube column: one value per stratum [i/n, (i+1)/n). */
function orderOfStrata(column: Float64Array, n: number, order: Uint32Array): void {
  for (let index = 0; index < n; index++) order[Math.min(n - 1, Math.floor(column[index]! * n))] = index;
}

/** The score of each uniform's bucket ⌊u·n⌋: in the order of the uniforms, without sorting them. */
function scoresOfBuckets(uniforms: Float64Array, table: Float64Array, out: Float64Array, n: number): void {
  for (let index = 0; index < n; index++) out[index] = table[Math.min(n - 1, Math.floor(uniforms[index]! * n))]!;
}

/** out[order[rank]] = values[rank]. */
function scatter(values: Float64Array, order: Uint32Array, out: Float64Array, n: number): void {
  for (let rank = 0; rank < n; rank++) out[order[rank]!] = values[rank]!;
}

/** out[rank] = values[order[rank]]. */
function gather(values: Float64Array, order: Uint32Array, out: Float64Array, n: number): void {
  for (let rank = 0; rank < n; rank++) out[rank] = values[order[rank]!]!;
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let sum = 0;
  for (let index = 0; index < n; index++) sum += a[index]! * b[index]!;
  return sum;
}

/** y += factor × x. */
function addScaled(y: Float64Array, factor: number, x: Float64Array, n: number): void {
  for (let index = 0; index < n; index++) y[index]! += factor * x[index]!;
}

function scale(y: Float64Array, factor: number, n: number): void {
  for (let index = 0; index < n; index++) y[index]! *= factor;
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

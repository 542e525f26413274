/**
 * Latin hypercube sampling: one stratified uniform per equal-probability
 * stratum, in random order, so each input's marginal is covered evenly.
 */
import type { RandomSource } from "./random.js";

/** The largest double below 1. */
const BELOW_ONE = 1 - 2 ** -53;

/**
 * Fills `out[0..n)` with (i + U_i)/n for i = 0..n−1, one uniform inside
 * each stratum [i/n, (i+1)/n), then shuffles them with Fisher–Yates using the
 * same `random`. Values stay strictly inside (0, 1). Columns for different
 * inputs must be drawn separately (each gets its own permutation), which is
 * what makes the design a Latin hypercube.
 *
 * @example
 * const random = createRandom(3);
 * const column = new Float64Array(1000);
 * latinHypercubeColumn(random, column.length, column); // one value per 1/1000 stratum
 */
export function latinHypercubeColumn(random: RandomSource, n: number, out: Float64Array): void {
  if (!Number.isInteger(n) || n < 0 || n > out.length) {
    throw new RangeError(`n must be an integer in [0, ${out.length}], got ${n}`);
  }
  const inverseCount = 1 / n;
  for (let i = 0; i < n; i++) {
    const value = (i + random()) * inverseCount;
    out[i] = value < 1 ? value : BELOW_ONE;
  }
  for (let i = n - 1; i > 0; i--) {
    let j = Math.floor(random() * (i + 1));
    if (j > i) j = i;
    const swapped = out[i]!;
    out[i] = out[j]!;
    out[j] = swapped;
  }
}

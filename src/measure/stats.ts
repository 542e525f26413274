/**
 * The percentile of a list of numbers, by linear interpolation between the closest ranks (the
 * method spreadsheets call PERCENTILE.INC): with values 1, 2, 3, 4 the 5th percentile is 1.15.
 * @example percentile([1, 2, 3, 4], 0.05) // 1.15
 */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * share;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below]! + (rank - below) * (sorted[above]! - sorted[below]!);
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * A number rounded for a scenario file: to `digits` decimals, and never to a value that reads
 * back differently (0.1 + 0.2 is written 0.3).
 */
export function rounded(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * The smallest and largest of the values, in one loop: Math.min(...values) passes every value as an
 * argument, which overflows the stack for an export of a few hundred thousand records.
 * @example extent([3, 1, 2]) // { min: 1, max: 3 }
 */
export function extent(values: readonly number[]): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}

import { expect } from "vitest";

/** |actual − expected| / |expected| (absolute error when expected is 0). */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  const scale = Math.abs(expected);
  return scale === 0 ? Math.abs(actual) : Math.abs(actual - expected) / scale;
}

/** Asserts `actual` is within `tolerance` relative error of `expected`, with a readable message. */
export function expectClose(actual: number, expected: number, tolerance: number): void {
  const error = relativeError(actual, expected);
  expect(error, `${actual} vs ${expected} (relative error ${error})`).toBeLessThanOrEqual(tolerance);
}

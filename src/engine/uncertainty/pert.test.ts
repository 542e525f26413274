import { describe, expect, it } from "vitest";
import { betaQuantileFromTable, cachedBetaQuantileTable, createBetaQuantileTable, pertQuantile, pertShape, samplePertInto } from "./pert.js";
import { createRandom, fillUniform } from "./random.js";
import { expectClose, relativeError } from "./test-support/relative-error.js";

describe("pertShape", () => {
  it("computes α and β from min, mode, max and λ", () => {
    const { alpha, beta } = pertShape(0, 2, 10);
    expect(alpha).toBeCloseTo(1.8, 15);
    expect(beta).toBeCloseTo(4.2, 15);
    expect(pertShape(100, 150, 400, 6)).toEqual({ alpha: 2, beta: 6 });
  });
});

describe("pertQuantile", () => {
  // Reference values: scaled Beta quantiles from mpmath at 40 digits.
  it.each([
    [0, 2, 10, 4, 0.05, 0.58977387611817246],
    [0, 2, 10, 4, 0.5, 2.7667225939251884],
    [0, 2, 10, 4, 0.95, 6.2127672401619022],
    [100, 150, 400, 6, 0.05, 116.01265014107116],
    [100, 150, 400, 6, 0.5, 168.54698905197873],
    [100, 150, 400, 6, 0.95, 256.21089207739212],
  ])("PERT(%d, %d, %d, λ=%d) quantile %d matches to 1e-13 relative", (min, mode, max, lambda, p, expected) => {
    expectClose(pertQuantile(min, mode, max, lambda, p), expected, 1e-13);
  });

  it("returns the bounds at p = 0 and 1 and the value of a degenerate PERT", () => {
    expect(pertQuantile(1, 2, 5, 4, 0)).toBe(1);
    expect(pertQuantile(1, 2, 5, 4, 1)).toBe(5);
    expect(pertQuantile(3, 3, 3, 4, 0.7)).toBe(3);
  });

  it("is uniform for λ = 0 and symmetric for a central mode", () => {
    expectClose(pertQuantile(0, 7, 10, 0, 0.3), 3, 1e-14);
    expectClose(pertQuantile(0, 5, 10, 4, 0.2) + pertQuantile(0, 5, 10, 4, 0.8), 10, 1e-14);
  });
});

describe("tabulated PERT sampling", () => {
  const edgeUniforms = [2 ** -33, 1 - 2 ** -33, 2 ** -40, 1 - 2 ** -40, 1e-13, 2 ** -6, 1 - 2 ** -6, 0.25, 0.5, 0.75];

  function worstRelativeError(min: number, mode: number, max: number, lambda: number, count: number, seed: number): number {
    const uniforms = new Float64Array(count + edgeUniforms.length);
    fillUniform(createRandom(seed), uniforms.subarray(0, count));
    uniforms.set(edgeUniforms, count);
    const draws = new Float64Array(uniforms.length);
    samplePertInto(min, mode, max, lambda, uniforms, draws);
    let worst = 0;
    for (let i = 0; i < uniforms.length; i++) {
      worst = Math.max(worst, relativeError(draws[i]!, pertQuantile(min, mode, max, lambda, uniforms[i]!)));
    }
    return worst;
  }

  it("stays within 1e-7 relative of the exact quantile over 100,000 draws", () => {
    expect(worstRelativeError(0, 2, 10, 4, 100_000, 1)).toBeLessThan(1e-7);
  });

  it.each([
    [0, 0, 10, 4], // mode at min: β only
    [0, 10, 10, 4], // mode at max: α only
    [100, 101, 1e6, 4], // extreme skew
    [-10, -9.99, 0, 4], // values approach zero from below: upper tail carries the precision
    [5, 20, 30, 12], // a peaked shape
  ])("stays within 1e-7 relative for PERT(%d, %d, %d, λ=%d)", (min, mode, max, lambda) => {
    expect(worstRelativeError(min, mode, max, lambda, 20_000, 2)).toBeLessThan(1e-7);
  });

  it("is non-decreasing in the uniform, up to rounding", () => {
    const count = 200_000;
    const uniforms = new Float64Array(count);
    for (let i = 0; i < count; i++) uniforms[i] = (i + 0.5) / count;
    for (const [min, mode, max, lambda] of [
      [0, 2, 10, 4],
      [0, 0, 10, 4],
      [100, 101, 1e6, 4],
      [0, 1, 10, 40],
    ] as const) {
      const draws = new Float64Array(count);
      samplePertInto(min, mode, max, lambda, uniforms, draws);
      let worstDrop = 0;
      for (let i = 1; i < count; i++) worstDrop = Math.max(worstDrop, (draws[i - 1]! - draws[i]!) / Math.abs(draws[i]!));
      expect(worstDrop).toBeLessThanOrEqual(1e-15);
    }
  });

  it("falls back to the exact quantile beyond the table", () => {
    const uniforms = Float64Array.of(1e-14, 1 - 2 ** -52);
    const draws = new Float64Array(2);
    samplePertInto(0, 2, 10, 4, uniforms, draws);
    expect(draws[0]).toBe(pertQuantile(0, 2, 10, 4, 1e-14));
    expect(draws[1]).toBe(pertQuantile(0, 2, 10, 4, 1 - 2 ** -52));
  });

  it("works in place and fills a degenerate PERT with its value", () => {
    const values = Float64Array.of(0.1, 0.5, 0.9);
    samplePertInto(2, 2, 2, 4, values, values);
    expect(Array.from(values)).toEqual([2, 2, 2]);
  });

  it("builds the same table with or without the cache", () => {
    const fresh = createBetaQuantileTable(2.5, 3.5);
    const cached = cachedBetaQuantileTable(2.5, 3.5);
    expect(cachedBetaQuantileTable(2.5, 3.5)).toBe(cached);
    expect(Array.from(cached.lowerValues)).toEqual(Array.from(fresh.lowerValues));
    expect(betaQuantileFromTable(fresh, 0.5)).toBeCloseTo(pertQuantile(0, 0.375, 1, 4, 0.5), 12);
  });
});

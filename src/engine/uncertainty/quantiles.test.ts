import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentiles, percentilesOfColumn, quickselect, shareAbove, shareAtMost } from "./quantiles.js";
import { createRandom, fillUniform } from "./random.js";

/** Type-7 percentile from a fully sorted copy: the reference implementation. */
function sortedPercentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const lower = Math.floor(rank);
  const fraction = rank - lower;
  const low = sorted[lower]!;
  if (fraction === 0) return low;
  const high = sorted[lower + 1]!;
  return low + fraction * (high - low);
}

const finiteValues = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 2000 });
const probability = fc.double({ min: 0, max: 1, noNaN: true });

describe("quickselect", () => {
  it("finds the k-th smallest like a full sort (property)", () => {
    fc.assert(
      fc.property(finiteValues, fc.nat(), (values, seed) => {
        const k = seed % values.length;
        const array = Float64Array.from(values);
        const result = quickselect(array, k);
        const sorted = [...values].sort((a, b) => a - b);
        if (result !== sorted[k]) return false;
        // Partitioned around k, and still a permutation of the input.
        for (let i = 0; i < k; i++) if (array[i]! > result) return false;
        for (let i = k + 1; i < array.length; i++) if (array[i]! < result) return false;
        return Array.from(array)
          .sort((a, b) => a - b)
          .every((value, i) => value === sorted[i]);
      }),
      { seed: 424242, numRuns: 300 },
    );
  });

  it("handles large arrays with many ties (the Floyd–Rivest sampling path)", () => {
    const random = createRandom(3);
    const values = new Float64Array(100_000);
    for (let i = 0; i < values.length; i++) values[i] = Math.floor(random() * 50);
    const sorted = Array.from(values).sort((a, b) => a - b);
    for (const k of [0, 1, 4_999, 50_000, 99_999]) expect(quickselect(values.slice(), k)).toBe(sorted[k]);
  });

  it("rejects k out of range", () => {
    expect(() => quickselect(Float64Array.of(1, 2), 2)).toThrow(RangeError);
    expect(() => quickselect(new Float64Array(0), 0)).toThrow(RangeError);
  });
});

describe("percentiles", () => {
  it("agrees with a full sort and leaves the input untouched (property)", () => {
    fc.assert(
      fc.property(finiteValues, fc.array(probability, { minLength: 1, maxLength: 8 }), (values, ps) => {
        const input = Float64Array.from(values);
        const results = percentiles(input, ps);
        const untouched = input.every((value, i) => Object.is(value, values[i]));
        return untouched && results.every((result, i) => Math.abs(result - sortedPercentile(values, ps[i]!)) <= 1e-9 * (1 + Math.abs(result)));
      }),
      { seed: 777, numRuns: 300 },
    );
  });

  it("matches numpy's default on a small example", () => {
    // numpy.percentile([1, 2, 3, 4], [50, 90, 0, 100]) = [2.5, 3.7, 1, 4]
    const [median, p90, min, max] = percentiles(Float64Array.of(4, 1, 3, 2), [0.5, 0.9, 0, 1]);
    expect(median).toBe(2.5);
    expect(p90).toBeCloseTo(3.7, 14);
    expect(min).toBe(1);
    expect(max).toBe(4);
  });

  it("returns results in the order requested and reuses a scratch buffer", () => {
    const values = new Float64Array(10_001);
    fillUniform(createRandom(1), values);
    const scratch = new Float64Array(20_000);
    const [p95, p5, p50] = percentiles(values, [0.95, 0.05, 0.5], scratch) as [number, number, number];
    const sorted = Array.from(values).sort((a, b) => a - b);
    expect(p95).toBe(sorted[9_500]);
    expect(p5).toBe(sorted[500]);
    expect(p50).toBe(sorted[5_000]);
  });

  it("treats Infinity ('never') as the largest value and can return it", () => {
    // Payback months: 4 of 10 runs never pay back.
    const months = Float64Array.of(3, Infinity, 5, 8, Infinity, 12, Infinity, 6, 9, Infinity);
    const [p10, p50, p60, p70, p90] = percentiles(months, [0.1, 0.5, 0.6, 0.7, 0.9]);
    expect(p10).toBeCloseTo(4.8, 14); // between 3 and 5
    expect(p50).toBe(10.5); // between 9 and 12
    expect(p60).toBe(Infinity); // rank 5.4 interpolates towards Infinity
    expect(p70).toBe(Infinity);
    expect(p90).toBe(Infinity);
    expect(percentiles(Float64Array.of(-Infinity, 1, 2), [0.25, 0.5])).toEqual([-Infinity, 1]);
  });

  it("rejects NaN values, empty samples and p outside [0, 1]", () => {
    expect(() => percentiles(Float64Array.of(1, Number.NaN), [0.5])).toThrow(/NaN/);
    expect(() => percentiles(new Float64Array(0), [0.5])).toThrow(RangeError);
    expect(() => percentiles(Float64Array.of(1), [1.5])).toThrow(RangeError);
  });
});

describe("shareAtMost and shareAbove", () => {
  it("count the shares on each side of a threshold", () => {
    const values = Float64Array.of(3, 8, 12, Infinity);
    expect(shareAtMost(values, 12)).toBe(0.75);
    expect(shareAbove(values, 12)).toBe(0.25);
    expect(shareAbove(Float64Array.of(-2, 0, 5, 9), 0)).toBe(0.5);
    expect(shareAtMost(Float64Array.of(-2, 0, 5, 9), 0)).toBe(0.5);
  });

  it("rejects an empty sample", () => {
    expect(() => shareAtMost(new Float64Array(0), 1)).toThrow(RangeError);
    expect(() => shareAbove(new Float64Array(0), 1)).toThrow(RangeError);
  });
});

describe("percentilesOfColumn", () => {
  const levels = [0, 0.05, 0.5, 0.95, 1];
  // 0 and −0 are the same value, and either may come first among equals: a column holding both
  // gives one or the other by the order each method meets them ([1, 0, −0]: −0 here, 0 there), and
  // the figures print and serialise alike. `toEqual` tells them apart, so the sign of a zero is dropped.
  const unsignedZeros = (values: number[]) => values.map((value) => (value === 0 ? 0 : value));
  const agree = (values: Float32Array) => {
    const expected = unsignedZeros(percentiles(Float64Array.from(values), levels));
    const found = percentilesOfColumn(values, levels, new Float64Array(values.length), new Uint32Array(4096));
    expect(unsignedZeros(found)).toEqual(expected);
    // The same when the caller passes the range it tracked while writing the column.
    const known = { lowest: Math.min(...values), highest: Math.max(...values) };
    expect(unsignedZeros(percentilesOfColumn(values, levels, new Float64Array(values.length), new Uint32Array(4096), known))).toEqual(expected);
  };

  it("treats 0 and −0 in one column as the same value", () => {
    agree(Float32Array.of(1, 0, -0));
    agree(Float32Array.of(-0, 5, 0, -0));
  });

  it("gives exactly what percentiles gives (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3000 }), (values) => agree(Float32Array.from(values))),
      { numRuns: 200 },
    );
  });

  it("stays exact on large skewed columns, heavy ties and a single value", () => {
    const random = createRandom(5);
    const uniforms = new Float64Array(100_000);
    fillUniform(random, uniforms);
    // A long right tail: almost every value lands in the first few buckets.
    agree(Float32Array.from(uniforms, (u) => Math.exp(12 * u) - 5e4));
    // Few distinct values, so wanted buckets are crowded with ties.
    agree(Float32Array.from(uniforms, (u) => Math.floor(u * 7) * 1000 - 3000));
    agree(new Float32Array(1000).fill(-42.5));
    agree(Float32Array.of(3));
  });

  it("falls back to the general method for infinities and refuses NaN", () => {
    agree(Float32Array.of(1, 2, Number.POSITIVE_INFINITY, 4));
    expect(() => percentilesOfColumn(Float32Array.of(1, Number.NaN, 3), [0.5], new Float64Array(3), new Uint32Array(4096))).toThrow(/NaN/);
  });
});

import { describe, expect, it } from "vitest";
import { CollapsingHistogram } from "./collapsing-histogram.js";
import { percentiles } from "./quantiles.js";
import { createRandom, type RandomSource } from "./random.js";

const levels = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];

function normal(random: RandomSource): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Value streams, each as the values in the order they arrive. */
const streams: Record<string, (random: RandomSource, n: number) => number[]> = {
  "normal around a large negative mean": (random, n) => Array.from({ length: n }, () => -2e6 + 3e4 * normal(random)),
  "lognormal (skewed)": (random, n) => Array.from({ length: n }, () => Math.exp(2 * normal(random))),
  "Pareto tail, α = 0.8 (no mean)": (random, n) => Array.from({ length: n }, () => (1 - random()) ** (-1 / 0.8)),
  "Cauchy (heavy on both sides, negative too)": (random, n) => Array.from({ length: n }, () => Math.tan(Math.PI * (random() - 0.5))),
  "mostly ties: five values": (random, n) => Array.from({ length: n }, () => [-3, 0, 0.5, 7, 1e3][Math.floor(random() * 5)]!),
  "rising: every value a new largest": (_, n) => Array.from({ length: n }, (_, index) => index * 1.5 - 20),
  "falling: every value a new smallest": (_, n) => Array.from({ length: n }, (_, index) => 1e5 - index * index),
  "narrow, then far outliers late in the run": (random, n) =>
    Array.from({ length: n }, (_, index) => (index === n - 3 ? -1e9 : index === n - 1 ? 5e12 : 100 + random())),
  "tiny spread around a large value": (random, n) => Array.from({ length: n }, () => 123456.789 + 0.05 * random()),
};

/** Feeds values to a histogram, in order; through `addStrided` (as the Monte Carlo does) for a Float32 stream. */
function histogramOf(values: readonly number[], bins: number, wholeNumbers = false, strided = false): CollapsingHistogram {
  const histogram = new CollapsingHistogram(bins, wholeNumbers);
  if (strided) {
    // A sample-major block of 3 "months", this month being the middle one.
    const block = new Float32Array(values.length * 3);
    values.forEach((value, index) => (block[index * 3 + 1] = value));
    histogram.addStrided(block, 1, 3, values.length);
  } else for (const value of values) histogram.add(value);
  return histogram;
}

/** The histogram's invariants: every count in the bin ⌊v ÷ w⌋ of its grid, the width the smallest that fits (so within the bound). */
function expectWellFormed(histogram: CollapsingHistogram, values: readonly number[]): void {
  const finite = values.filter((value) => Number.isFinite(value));
  const lowest = Math.min(...finite);
  const highest = Math.max(...finite);
  expect(histogram.lowest).toBe(lowest);
  expect(histogram.highest).toBe(highest);
  if (lowest === highest) {
    expect(histogram.error).toBe(0);
    return;
  }
  const { width, offset, counts, bins } = histogram;
  const expected = new Uint32Array(bins);
  for (const value of finite) expected[Math.floor(value / width) - offset]!++;
  expect(counts).toEqual(expected);
  // The width is the smallest power of two whose bins cover the span (or the floor: 1 for whole numbers, 2⁻⁵² of the magnitude).
  const span = (w: number) => Math.floor(highest / w) - Math.floor(lowest / w);
  expect(span(width)).toBeLessThan(bins);
  const floor = histogram.wholeNumbers ? 1 : 2 ** (Math.ceil(Math.log2(Math.max(Math.abs(lowest), Math.abs(highest)))) - 52);
  if (width > floor) {
    expect(span(width / 2)).toBeGreaterThanOrEqual(bins);
    expect(width).toBeLessThan((2 * (highest - lowest)) / (bins - 1));
  }
}

describe("the collapsing histogram", () => {
  for (const [name, stream] of Object.entries(streams)) {
    it(`gives type-7 percentiles within its stated error: ${name}`, () => {
      for (const [seed, n, bins] of [
        [1, 2_000, 8],
        [2, 5_000, 64],
        [3, 20_000, 4096],
        [4, 777, 5],
      ] as const) {
        const values = stream(createRandom(seed), n).map(Math.fround);
        for (const strided of [false, true]) {
          const histogram = histogramOf(values, bins, false, strided);
          expectWellFormed(histogram, values);
          const exact = percentiles(Float64Array.from(values), levels);
          const estimate = histogram.percentiles(levels);
          estimate.forEach((value, index) => {
            expect(Math.abs(value - exact[index]!), `p${levels[index]} of ${n} values in ${bins} bins`).toBeLessThanOrEqual(histogram.error);
          });
          // Within [min, max] and in order; the min and the max are exact.
          estimate.forEach((value, index) => {
            expect(value).toBeGreaterThanOrEqual(histogram.lowest);
            expect(value).toBeLessThanOrEqual(histogram.highest);
            if (index > 0) expect(value).toBeGreaterThanOrEqual(estimate[index - 1]!);
          });
          expect(estimate[0]).toBe(exact[0]);
          expect(estimate.at(-1)).toBe(exact.at(-1));
        }
      }
    });
  }

  it("is exact, with no bins and no error, for a constant stream", () => {
    const histogram = histogramOf(
      Array.from({ length: 1000 }, () => -42.5),
      16,
    );
    expect(histogram.counts).toBeUndefined();
    expect(histogram.error).toBe(0);
    expect(histogram.percentiles([0.05, 0.5, 0.95])).toEqual([-42.5, -42.5, -42.5]);
  });

  it("places a value within its bin, at the middle of its slice, cut to [min, max] (the worked example of docs/numbers.md)", () => {
    // 4 bins; the values 3, 9, 1, 6, 14, 15 arrive in that order. 3 and 9 set the first grid (w = 2,
    // bins ⌊v ÷ 2⌋ = 1..4); 1 needs ⌊1 ÷ 2⌋ = 0, five cells: w doubles to 4 (cells 0..2, pairs merged)
    // and the window is re-centred; 14 and 15 fall in cell 3, inside the window.
    const histogram = new CollapsingHistogram(4);
    histogram.add(3);
    histogram.add(9);
    expect([histogram.width, histogram.offset, Array.from(histogram.counts!)]).toEqual([2, 1, [1, 0, 0, 1]]);
    for (const value of [1, 6, 14, 15]) histogram.add(value);
    expect([histogram.width, histogram.offset, Array.from(histogram.counts!)]).toEqual([4, 0, [2, 1, 1, 2]]);
    expect(histogram.error).toBe(4);
    // Sorted: 1, 3, 6, 9, 14, 15. Rank 1 is the 2nd of 2 in [0, 4) cut to [1, 4): 1 + 3 × 1.5/2.
    expect([0, 1, 2, 3, 4, 5].map((rank) => histogram.orderStatistic(rank))).toEqual([1, 3.25, 6, 10, 12.75, 15]);
    // P5, P50, P95: ranks 0.25, 2.5, 4.75; exact 1.5, 7.5, 14.75.
    expect(histogram.percentiles([0.05, 0.5, 0.95])).toEqual([1.5625, 8, 14.4375]);
    expect(percentiles(Float64Array.of(3, 9, 1, 6, 14, 15), [0.05, 0.5, 0.95])).toEqual([1.5, 7.5, 14.75]);
  });

  it("counts whole numbers exactly while they span fewer values than bins, and within w − 1 beyond", () => {
    const random = createRandom(7);
    const few = Array.from({ length: 3000 }, () => 5000 + Math.floor(random() * 60));
    const small = histogramOf(few, 64, true);
    expect(small.width).toBe(1);
    expect(small.error).toBe(0);
    expect(small.percentiles(levels)).toEqual(percentiles(Float64Array.from(few), levels));
    const many = Array.from({ length: 3000 }, () => Math.floor(random() * 100_000));
    const wide = histogramOf(many, 64, true);
    expectWellFormed(wide, many);
    expect(wide.error).toBe(wide.width - 1);
    const exact = percentiles(Float64Array.from(many), levels);
    wide.percentiles(levels).forEach((value, index) => expect(Math.abs(value - exact[index]!)).toBeLessThanOrEqual(wide.error));
  });

  it("adds a value many times at once as if one by one", () => {
    const once = new CollapsingHistogram(16, true);
    const one = new CollapsingHistogram(16, true);
    for (const [value, times] of [
      [3, 5],
      [900, 2],
      [40, 7],
    ] as const) {
      once.add(value, times);
      for (let time = 0; time < times; time++) one.add(value);
    }
    expect(once.percentiles(levels)).toEqual(one.percentiles(levels));
    expect(once.counts).toEqual(one.counts);
  });

  it("keeps infinities exact as order statistics, as `percentiles` does", () => {
    const values = [Number.NEGATIVE_INFINITY, ...Array.from({ length: 97 }, (_, index) => index * 3.25), Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    const histogram = histogramOf(values, 8);
    const exact = percentiles(Float64Array.from(values), levels);
    const estimate = histogram.percentiles(levels);
    estimate.forEach((value, index) => {
      if (!Number.isFinite(exact[index]!)) expect(value).toBe(exact[index]);
      else expect(Math.abs(value - exact[index]!)).toBeLessThanOrEqual(histogram.error);
    });
    expect(estimate[0]).toBe(Number.NEGATIVE_INFINITY);
    expect(estimate.at(-1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("refuses a NaN as `percentiles` does, naming the same first position, and an empty stream", () => {
    const values = [1, 2, Number.NaN, 4, Number.NaN];
    expect(() => percentiles(Float64Array.from(values), [0.5])).toThrow("values must not contain NaN (index 2)");
    expect(() => histogramOf(values, 8).percentiles([0.5])).toThrow(new RangeError("values must not contain NaN (index 2)"));
    expect(() => histogramOf(values, 8, false, true).percentiles([0.5])).toThrow(new RangeError("values must not contain NaN (index 2)"));
    expect(() => new CollapsingHistogram(8).percentiles([0.5])).toThrow(/empty sample/);
    expect(() => histogramOf([1, 2], 8).percentiles([1.5])).toThrow(/percentile must be in \[0, 1\]/);
  });
});

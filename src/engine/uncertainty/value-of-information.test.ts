import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inverseNormalCdf, normalCdf } from "./normal.js";
import { createRandom, deriveSeed } from "./random.js";
import { decisionOutcome, noiseLevel, partialValue, partialValues, quantileBins } from "./value-of-information.js";

/** n draws of a normal(mean, sd) from a seeded stream. */
function normals(n: number, mean: number, sd: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n }, () => mean + sd * inverseNormalCdf(random()));
}

const density = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** The textbook EVPI of choosing between 0 and X ~ N(mean, sd²): E[max(0, X)] − max(0, mean). */
function textbookEvpi(mean: number, sd: number): number {
  return sd * density(mean / sd) - Math.abs(mean) * normalCdf(-Math.abs(mean) / sd);
}

describe("decisionOutcome", () => {
  it("gives the textbook EVPI for two options whose NPVs are normal", () => {
    const n = 200_000;
    for (const [mean, sd] of [
      [1, 2],
      [-3, 5],
      [0, 1],
    ] as const) {
      const stay = new Float64Array(n);
      const change = normals(n, mean, sd, 11);
      const outcome = decisionOutcome([stay, change], n);
      // max(0, X) has sd below that of X: 5 standard errors of its mean.
      const tolerance = (5 * sd) / Math.sqrt(n);
      expect(Math.abs(outcome.evpi - textbookEvpi(mean, sd))).toBeLessThan(tolerance);
      expect(outcome.options[1]!.probabilityBest).toBeCloseTo(normalCdf(mean / sd), 2);
      // With two options, how often one beats the other is how often it is best.
      expect(outcome.above[1]![0]).toBe(outcome.options[1]!.probabilityBest);
    }
  });

  it("has chances that add up to 1, losses ≥ 0, and the best option's loss equal to the EVPI", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 1_000_000 }), (options, count, seed) => {
        const random = createRandom(seed);
        // Whole numbers make ties common, to exercise the shared wins.
        const values = Array.from({ length: options }, () => Float64Array.from({ length: count }, () => Math.round(random() * 6 - 3)));
        const outcome = decisionOutcome(values, count);
        const total = outcome.options.reduce((sum, option) => sum + option.probabilityBest, 0);
        expect(total).toBeCloseTo(1, 12);
        for (const option of outcome.options) expect(option.expectedLoss).toBeGreaterThanOrEqual(0);
        expect(outcome.options[outcome.best]!.expectedLoss).toBe(outcome.evpi);
        for (const option of outcome.options) expect(option.expectedValue).toBeLessThanOrEqual(outcome.options[outcome.best]!.expectedValue);
        // How often a beats b and b beats a add up to 1 (ties shared).
        for (let a = 0; a < options; a++)
          for (let b = 0; b < options; b++) if (a !== b) expect(outcome.above[a]![b]! + outcome.above[b]![a]!).toBeCloseTo(1, 12);
      }),
    );
  });

  it("shares a tie: an option identical to another is best half the time", () => {
    const same = Float64Array.of(1, 2, 3);
    const outcome = decisionOutcome([same, Float64Array.from(same)], 3);
    expect(outcome.options.map((option) => option.probabilityBest)).toEqual([0.5, 0.5]);
    expect(outcome.evpi).toBe(0);
  });

  it("says a tie for best apart: best alone, level at the top, and the share of samples with a tie at the top", () => {
    // docs/numbers.md's worked example: a is best alone in the first sample, b in the last, and the two are level at the top in the two between.
    const a = Float64Array.of(5, 2, 1_000_000, 0);
    const b = Float64Array.of(4, 2, 1_000_000.0005, 1);
    const outcome = decisionOutcome([a, b], 4);
    expect(outcome.options.map((option) => [option.probabilityBest, option.probabilityBestAlone, option.probabilityBestLevel])).toEqual([
      [0.5, 0.25, 0.5],
      [0.5, 0.25, 0.5],
    ]);
    expect(outcome.bestLevel).toBe(0.5);
    // Three options level at the top in one sample of two: each counts that sample whole, and a tie at the top once.
    const three = decisionOutcome([Float64Array.of(1, 3), Float64Array.of(1, 2), Float64Array.of(1, 0)], 2);
    expect(three.options.map((option) => option.probabilityBestLevel)).toEqual([0.5, 0.5, 0.5]);
    expect(three.options.map((option) => option.probabilityBestAlone)).toEqual([0.5, 0, 0]);
    expect(three.bestLevel).toBe(0.5);
    const same = Float64Array.of(1, 2, 3);
    const twins = decisionOutcome([same, Float64Array.from(same)], 3);
    expect(twins.options.map((option) => option.probabilityBestLevel)).toEqual([1, 1]);
    expect(twins.bestLevel).toBe(1);
  });

  it("counts ties apart from wins: above counts a tie half, level counts the ties", () => {
    // a beats b in the first sample, ties in the next two, loses the last (within 1e-9 × the size is a tie).
    const a = Float64Array.of(5, 2, 1_000_000, 0);
    const b = Float64Array.of(4, 2, 1_000_000.0005, 1);
    const outcome = decisionOutcome([a, b], 4);
    expect(outcome.above).toEqual([
      [0, 0.5],
      [0.5, 0],
    ]);
    expect(outcome.level).toEqual([
      [0, 0.5],
      [0.5, 0],
    ]);
    const same = Float64Array.of(1, 2, 3);
    expect(decisionOutcome([same, Float64Array.from(same)], 3).level).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});

describe("quantileBins", () => {
  it("makes bins of about equal count, in the order of the values", () => {
    const values = normals(10_000, 0, 1, 3);
    const { bins, binCount } = quantileBins(values, values.length, 100);
    expect(binCount).toBe(100);
    const counts = new Array<number>(binCount).fill(0);
    bins.forEach((bin) => counts[bin]!++);
    for (const count of counts) expect(count).toBeGreaterThan(50);
    for (const count of counts) expect(count).toBeLessThan(150);
    // A larger value never sits in a lower bin.
    const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
    for (let at = 1; at < order.length; at++) expect(bins[order[at]!]!).toBeGreaterThanOrEqual(bins[order[at - 1]!]!);
  });

  it("keeps equal values together: a whole-number input has one bin per value at most", () => {
    const values = Float64Array.from({ length: 1000 }, (_, index) => 3 + (index % 4));
    const { bins, binCount } = quantileBins(values, values.length, 30);
    expect(binCount).toBeLessThanOrEqual(4);
    for (let index = 0; index < values.length; index++) expect(bins[index]).toBe(bins[index % 4]);
  });

  it("gives the bins of the rule as stated, rank by rank, on any values: ties, signed zeros, few samples, many bins", () => {
    // The rule as docs/numbers.md states it, every rank looked at: rank r goes to slot ⌊r × wanted ÷ count⌋,
    // and a new bin starts where the slot changes unless the value is the one before.
    const stated = (values: Float64Array | Float32Array, count: number, wanted: number) => {
      const target = Math.max(1, Math.min(wanted, 65_535, count));
      const bins = new Uint16Array(count);
      if (target === 1 || count === 0) return { bins, binCount: 1 };
      // Ranked by single-precision value, −0 before +0 (the order of their bits), equal ones in sample order.
      const keyOf = (value: number) => Math.fround(value);
      const negativeZeroFirst = (value: number) => (Object.is(keyOf(value), -0) ? 0 : 1);
      const order = Array.from({ length: count }, (_, index) => index).sort(
        (a, b) => keyOf(values[a]!) - keyOf(values[b]!) || negativeZeroFirst(values[a]!) - negativeZeroFirst(values[b]!) || a - b,
      );
      let bin = -1;
      let slot = -1;
      let previous = Number.NaN;
      order.forEach((sample, rank) => {
        const wantedSlot = Math.floor((rank * target) / count);
        if (wantedSlot !== slot && values[sample]! !== previous) {
          bin++;
          slot = wantedSlot;
        }
        bins[sample] = bin;
        previous = values[sample]!;
      });
      return { bins, binCount: bin + 1 };
    };
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, -0, 1e-300, -1e-300));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), fc.integer({ min: 1, max: 500 }), fc.boolean(), (numbers, wanted, single) => {
        const values = single ? Float32Array.from(numbers) : Float64Array.from(numbers);
        const ours = quantileBins(values, values.length, wanted);
        const theirs = stated(values, values.length, wanted);
        expect(ours.binCount).toBe(theirs.binCount);
        expect(Array.from(ours.bins)).toEqual(Array.from(theirs.bins));
      }),
      { numRuns: 400, seed: 7 },
    );
    // Large runs, where a slot's first rank is worked out in floating point: √N bins and more.
    for (const [count, wanted] of [
      [100_000, 316],
      [99_991, 317],
      [70_001, 65_535],
    ] as const) {
      const random = createRandom(count);
      const values = Float32Array.from({ length: count }, () => (random() < 0.2 ? Math.floor(random() * 50) : random() * 1000));
      const ours = quantileBins(values, count, wanted);
      const theirs = stated(values, count, wanted);
      expect(ours.binCount).toBe(theirs.binCount);
      expect(Array.from(ours.bins)).toEqual(Array.from(theirs.bins));
    }
  });
});

describe("partial values (EVPPI)", () => {
  const n = 100_000;

  it("equals the EVPI for an input that alone decides the choice", () => {
    const theta = normals(n, 0.3, 1, 21);
    const stay = new Float64Array(n);
    const change = Float64Array.from(theta, (value) => 1000 * value);
    const evpi = decisionOutcome([stay, change], n).evpi;
    const { values } = partialValues([stay, change], n, [theta], [], 5);
    // Only the bin that straddles zero loses anything: well under 1%.
    expect(Math.abs(values[0]!.value - evpi) / evpi).toBeLessThan(0.01);
  });

  it("is within the stated noise level of 0 for an input that changes no decision", () => {
    const theta = normals(n, 0, 1, 31);
    const unrelated = normals(n, 0, 1, 32);
    // The choice turns on theta; `unrelated` moves neither option.
    const stay = new Float64Array(n);
    const change = Float64Array.from(theta, (value) => 100 * value);
    const result = partialValues([stay, change], n, [theta, unrelated], [], 7);
    expect(result.values[1]!.value).toBeLessThanOrEqual(result.noiseLevel);
    // An exact tie is the noisiest case: bins of √N samples leave a noise of about EVPI ÷ N^¼ (5.6% here).
    expect(result.noiseLevel).toBeLessThan(0.08 * result.values[0]!.value);
  });

  it("is 0 for an input that moves the NPV but never the choice", () => {
    const psi = normals(n, 0, 1, 41);
    const stay = new Float64Array(n);
    // Always far better than staying, whatever psi is.
    const change = Float64Array.from(psi, (value) => 50 + value);
    const { values } = partialValues([stay, change], n, [psi], [], 9);
    expect(values[0]!.value).toBe(0);
  });

  it("values a group above each of its members when the choice turns on their sum", () => {
    const a = normals(n, 0, 1, 51);
    const b = normals(n, 0, 1, 52);
    const stay = new Float64Array(n);
    const change = Float64Array.from(a, (value, index) => value + b[index]!);
    const evpi = decisionOutcome([stay, change], n).evpi;
    const { values } = partialValues([stay, change], n, [a, b], [[0, 1]], 11);
    const [alone, other, together] = [values[0]!, values[1]!, values[2]!];
    expect(together.value).toBeGreaterThan(alone.value);
    expect(together.value).toBeGreaterThan(other.value);
    // A 17 × 17 grid of the pair: within 10% of knowing everything.
    expect(together.value / evpi).toBeGreaterThan(0.9);
    expect(together.value).toBeLessThanOrEqual(evpi);
    // Each alone: E[max(0, E[a + b | a])] = E[max(0, a)] = φ(0) ≈ 0.399 against the EVPI √2 φ(0) ≈ 0.564: a ratio of 1/√2.
    expect(Math.abs(alone.value / evpi - Math.SQRT1_2)).toBeLessThan(0.03);
  });

  it("values a group at least as its best member, even where its coarser grid misses what that member decides", () => {
    // The change wins or loses by fine steps of a: 20 steps, which a's own 100 bins see and the pair's
    // 10 × 10 grid averages away; b carries nothing.
    const count = 10_000;
    const random = createRandom(61);
    const a = Float64Array.from({ length: count }, () => random());
    const b = Float64Array.from({ length: count }, () => random());
    const stay = new Float64Array(count);
    const change = Float64Array.from(a, (value) => (Math.floor(value * 20) % 2 === 0 ? 1 : -1));
    const evpi = decisionOutcome([stay, change], count).evpi;
    const { values } = partialValues([stay, change], count, [a, b], [[0, 1]], 5);
    const [alone, , together] = [values[0]!, values[1]!, values[2]!];
    expect(alone.value / evpi).toBeGreaterThan(0.8);
    expect(together.value).toBeGreaterThanOrEqual(alone.value);
    expect(together.value).toBeLessThanOrEqual(evpi);
  });

  it("lies between 0 and the EVPI for any partition", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 1e6 }),
        (options, count, binCount, seed) => {
          const random = createRandom(seed);
          const values = Array.from({ length: options }, () => Float64Array.from({ length: count }, () => random() * 10 - 5));
          const bins = Uint16Array.from({ length: count }, () => Math.floor(random() * binCount));
          const value = partialValue(values, count, bins, binCount);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(decisionOutcome(values, count).evpi + 1e-9);
        },
      ),
    );
  });

  it("measures the noise level reproducibly from its seed", () => {
    const stay = new Float64Array(10_000);
    const change = normals(10_000, 0, 1, 61);
    const first = noiseLevel([stay, change], 10_000, 100, createRandom(deriveSeed(1, 2)));
    const again = noiseLevel([stay, change], 10_000, 100, createRandom(deriveSeed(1, 2)));
    expect(first).toBe(again);
    expect(first).toBeGreaterThan(0);
  });

  it("gives, to the last bit, the highest partialValue of the same random partitions", () => {
    // noiseLevel draws each sample's bin and adds its values in one pass; this is its definition.
    const reference = (values: Float64Array[], count: number, binCount: number, seed: number, repeats: number) => {
      const random = createRandom(seed);
      let highest = 0;
      for (let repeat = 0; repeat < repeats; repeat++) {
        const bins = Uint16Array.from({ length: count }, () => Math.floor(random() * binCount));
        highest = Math.max(highest, partialValue(values, count, bins, binCount));
      }
      return highest;
    };
    for (const options of [2, 3, 5]) {
      const values = Array.from({ length: options }, (_, option) => normals(3_000, option * 0.01, 1 + option, 70 + option));
      // Fewer samples counted than the columns hold, as a stopped Monte Carlo has.
      for (const [count, binCount] of [
        [3_000, 54],
        [2_999, 2],
        [17, 65_535],
      ] as const) {
        const seed = deriveSeed(options, count);
        expect(noiseLevel(values, count, binCount, createRandom(seed), 7)).toBe(reference(values, count, binCount, seed, 7));
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { createRandom, deriveSeed, fillUniform } from "./random.js";

describe("createRandom", () => {
  it("gives the same stream for the same seed and a different one for another seed", () => {
    const first = new Float64Array(1000);
    const again = new Float64Array(1000);
    const other = new Float64Array(1000);
    fillUniform(createRandom(12345), first);
    fillUniform(createRandom(12345), again);
    fillUniform(createRandom(12346), other);
    expect(Array.from(again)).toEqual(Array.from(first));
    const equalCount = first.filter((value, i) => value === other[i]).length;
    expect(equalCount).toBe(0);
  });

  it("separates seeds that differ only in their high 32 bits, and negative seeds", () => {
    const draws = [0, 2 ** 32, -1, 2 ** 32 - 1, Number.MAX_SAFE_INTEGER].map((seed) => createRandom(seed)());
    expect(new Set(draws).size).toBe(draws.length);
  });

  it("stays strictly inside (0, 1) with the moments of a uniform", () => {
    const random = createRandom(7);
    const count = 200_000;
    let sum = 0;
    let sumSquares = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < count; i++) {
      const u = random();
      sum += u;
      sumSquares += u * u;
      if (u < min) min = u;
      if (u > max) max = u;
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    // Mean 1/2 with standard error √(1/12/n) ≈ 6.5e-4; variance 1/12.
    expect(Math.abs(sum / count - 0.5)).toBeLessThan(0.003);
    expect(Math.abs(sumSquares / count - (sum / count) ** 2 - 1 / 12)).toBeLessThan(0.002);
  });

  it("fills every decile evenly (chi-square test, 9 degrees of freedom)", () => {
    const random = createRandom(99);
    const counts = new Array<number>(10).fill(0);
    const count = 100_000;
    for (let i = 0; i < count; i++) counts[Math.floor(random() * 10)]!++;
    const expected = count / 10;
    const chiSquare = counts.reduce((total, observed) => total + (observed - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(27.9); // 0.999 quantile of χ²(9)
  });

  it("has no lag-1 correlation", () => {
    const random = createRandom(2024);
    let previous = random() - 0.5;
    let products = 0;
    const count = 100_000;
    for (let i = 0; i < count; i++) {
      const current = random() - 0.5;
      products += previous * current;
      previous = current;
    }
    // Correlation = products / n / (1/12); its standard error is 1/√n ≈ 0.003.
    expect(Math.abs((products / count) * 12)).toBeLessThan(0.015);
  });

  it("rejects seeds that are not safe integers", () => {
    expect(() => createRandom(1.5)).toThrow(RangeError);
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
  });
});

describe("deriveSeed", () => {
  it("is deterministic and gives distinct seeds per stream", () => {
    expect(deriveSeed(42, 1)).toBe(deriveSeed(42, 1));
    const seeds = [0, 1, 2, 3].map((stream) => deriveSeed(42, stream));
    expect(new Set(seeds).size).toBe(4);
    expect(deriveSeed(43, 1)).not.toBe(deriveSeed(42, 1));
  });
});

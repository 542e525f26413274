import { describe, expect, it } from "vitest";
import { latinHypercubeColumn } from "./latin-hypercube.js";
import { createRandom } from "./random.js";

describe("latinHypercubeColumn", () => {
  it.each([1, 2, 10, 1000, 65_536])("puts exactly one of %d values in each stratum", (n) => {
    const column = new Float64Array(n);
    latinHypercubeColumn(createRandom(n), n, column);
    const hits = new Uint32Array(n);
    for (const value of column) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
      hits[Math.floor(value * n)]!++;
    }
    expect(hits.every((count) => count === 1)).toBe(true);
  });

  it("permutes the strata rather than leaving them in order", () => {
    const n = 1000;
    const column = new Float64Array(n);
    latinHypercubeColumn(createRandom(8), n, column);
    let inPlace = 0;
    for (let i = 0; i < n; i++) if (Math.floor(column[i]! * n) === i) inPlace++;
    // A random permutation leaves about one element in place (Poisson(1)).
    expect(inPlace).toBeLessThan(8);
    // Neighbouring rows are uncorrelated.
    let products = 0;
    for (let i = 1; i < n; i++) products += (column[i]! - 0.5) * (column[i - 1]! - 0.5);
    expect(Math.abs((products / (n - 1)) * 12)).toBeLessThan(0.15);
  });

  it("gives independent columns when called again with the same generator", () => {
    const n = 4096;
    const random = createRandom(17);
    const first = new Float64Array(n);
    const second = new Float64Array(n);
    latinHypercubeColumn(random, n, first);
    latinHypercubeColumn(random, n, second);
    let products = 0;
    for (let i = 0; i < n; i++) products += (first[i]! - 0.5) * (second[i]! - 0.5);
    // Correlation ≈ N(0, 1/n): 5 standard errors is 0.078.
    expect(Math.abs((products / n) * 12)).toBeLessThan(0.078);
  });

  it("is reproducible and only writes the first n entries", () => {
    const a = new Float64Array(12).fill(-1);
    const b = new Float64Array(12).fill(-1);
    latinHypercubeColumn(createRandom(4), 10, a);
    latinHypercubeColumn(createRandom(4), 10, b);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a[10]).toBe(-1);
    expect(a[11]).toBe(-1);
  });

  it("rejects n larger than the output or not an integer", () => {
    expect(() => latinHypercubeColumn(createRandom(1), 5, new Float64Array(4))).toThrow(RangeError);
    expect(() => latinHypercubeColumn(createRandom(1), 2.5, new Float64Array(4))).toThrow(RangeError);
  });
});

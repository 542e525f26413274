import { describe, expect, it } from "vitest";
import { sampleInto, type Distribution } from "./distributions.js";
import { sobolIndices, type BatchModel, type SobolIndex } from "./sobol.js";

/** Ishigami function with a = 7, b = 0.1, inputs uniform on [−π, π]. */
const ISHIGAMI_A = 7;
const ISHIGAMI_B = 0.1;
const ishigami: BatchModel = (columns, out) => {
  const [x1, x2, x3] = columns as [Float64Array, Float64Array, Float64Array];
  for (let i = 0; i < out.length; i++) {
    const sin2 = Math.sin(x2[i]!);
    const x3Squared = x3[i]! * x3[i]!;
    out[i] = Math.sin(x1[i]!) * (1 + ISHIGAMI_B * x3Squared * x3Squared) + ISHIGAMI_A * sin2 * sin2;
  }
};
const toSymmetricUnitPi = (_: number, uniforms: Float64Array, out: Float64Array): void => {
  for (let i = 0; i < uniforms.length; i++) out[i] = Math.PI * (2 * uniforms[i]! - 1);
};

/** Analytic Sobol indices of the Ishigami function. */
function ishigamiAnalytic(): { first: number[]; total: number[] } {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (ISHIGAMI_B * pi4) / 5) ** 2;
  const v2 = ISHIGAMI_A ** 2 / 8;
  const v13 = ISHIGAMI_B ** 2 * pi8 * (1 / 18 - 1 / 50);
  const variance = v1 + v2 + v13;
  return { first: [v1 / variance, v2 / variance, 0], total: [(v1 + v13) / variance, v2 / variance, v13 / variance] };
}

function expectOrdered(index: SobolIndex): void {
  expect(index.firstInterval[0]).toBeLessThanOrEqual(index.first);
  expect(index.first).toBeLessThanOrEqual(index.firstInterval[1]);
  expect(index.totalInterval[0]).toBeLessThanOrEqual(index.total);
  expect(index.total).toBeLessThanOrEqual(index.totalInterval[1]);
}

function expectInside(value: number, [low, high]: [number, number], slack: number): void {
  expect(value, `${value} in [${low} − ${slack}, ${high} + ${slack}]`).toBeGreaterThanOrEqual(low - slack);
  expect(value, `${value} in [${low} − ${slack}, ${high} + ${slack}]`).toBeLessThanOrEqual(high + slack);
}

describe("sobolIndices", () => {
  it("recovers the Ishigami indices (N = 2^14)", () => {
    const analytic = ishigamiAnalytic();
    // Sanity check of the analytic values themselves.
    expect(analytic.first[0]).toBeCloseTo(0.3139, 4);
    expect(analytic.first[1]).toBeCloseTo(0.4424, 4);
    expect(analytic.total[0]).toBeCloseTo(0.5576, 4);
    expect(analytic.total[2]).toBeCloseTo(0.2437, 4);

    const indices = sobolIndices(3, toSymmetricUnitPi, ishigami, { baseSamples: 2 ** 14, seed: 2024 });
    expect(indices).toHaveLength(3);
    indices.forEach((index, j) => {
      expectOrdered(index);
      expectInside(analytic.first[j]!, index.firstInterval, 0.02);
      expectInside(analytic.total[j]!, index.totalInterval, 0.02);
      // The intervals carry information: not degenerate, not vacuous.
      expect(index.firstInterval[1] - index.firstInterval[0]).toBeGreaterThan(0);
      expect(index.firstInterval[1] - index.firstInterval[0]).toBeLessThan(0.1);
      expect(index.totalInterval[1] - index.totalInterval[0]).toBeLessThan(0.1);
    });
    // Point estimates are close too (several standard errors at this N).
    indices.forEach((index, j) => {
      expect(Math.abs(index.first - analytic.first[j]!)).toBeLessThan(0.05);
      expect(Math.abs(index.total - analytic.total[j]!)).toBeLessThan(0.05);
    });
  });

  it("gives S1 = ST = c_j² Var_j / Σ for a linear model", () => {
    const inputs: Distribution[] = [
      { kind: "uniform", min: 0, max: 1 }, // variance 1/12
      { kind: "normal", mean: 5, sd: 2 }, // variance 4
      { kind: "triangular", min: 0, mode: 1, max: 4 }, // variance (0 + 16 + 1 − 0 − 0 − 4)/18 = 13/18
      { kind: "pert", min: 0, mode: 1, max: 2 }, // coefficient 0: no influence
    ];
    const coefficients = [4, 1, 2, 0];
    const variances = [1 / 12, 4, 13 / 18, 1 / 7];
    const contributions = coefficients.map((c, j) => c * c * variances[j]!);
    const totalVariance = contributions.reduce((a, b) => a + b, 0);
    const expected = contributions.map((v) => v / totalVariance);

    const linear: BatchModel = (columns, out) => {
      out.fill(100); // a large offset must not matter
      columns.forEach((column, j) => {
        const c = coefficients[j]!;
        for (let i = 0; i < out.length; i++) out[i] = out[i]! + c * column[i]!;
      });
    };
    const indices = sobolIndices(4, (j, uniforms, out) => sampleInto(inputs[j]!, uniforms, out), linear, { baseSamples: 2 ** 13, seed: 9 });
    indices.forEach((index, j) => {
      expectOrdered(index);
      expectInside(expected[j]!, index.firstInterval, 0.02);
      expectInside(expected[j]!, index.totalInterval, 0.02);
    });
    // An input with no influence has exactly zero total effect (f(A_B) = f(A) row by row).
    expect(indices[3]!.total).toBe(0);
    expect(indices[3]!.first).toBe(0);
    // Additive model: first-order indices sum to about 1.
    expect(Math.abs(indices.reduce((sum, index) => sum + index.first, 0) - 1)).toBeLessThan(0.05);
  });

  it("evaluates the model N·(D + 2) times, reusing columns rather than copying them", () => {
    const seen: Float64Array[][] = [];
    const recording: BatchModel = (columns, out) => {
      seen.push([...columns]);
      for (let i = 0; i < out.length; i++) out[i] = columns[0]![i]! + columns[1]![i]! * columns[2]![i]!;
    };
    sobolIndices(3, toSymmetricUnitPi, recording, { baseSamples: 64, seed: 1, bootstrap: 10 });
    expect(seen).toHaveLength(5);
    expect(seen.every((columns) => columns.every((column) => column.length === 64))).toBe(true);
    const [a, b, ...mixed] = seen as [Float64Array[], Float64Array[], ...Float64Array[][]];
    mixed.forEach((columns, j) => {
      columns.forEach((column, k) => expect(column).toBe(k === j ? b[k] : a[k]));
    });
  });

  it("is reproducible for a seed and changes with it", () => {
    const run = (seed: number): SobolIndex[] => sobolIndices(3, toSymmetricUnitPi, ishigami, { baseSamples: 1024, seed, bootstrap: 50 });
    expect(run(5)).toEqual(run(5));
    expect(run(6)[0]!.first).not.toBe(run(5)[0]!.first);
  });

  it("gives zero indices for a constant model and zero-width intervals without bootstrap", () => {
    const constant: BatchModel = (_, out) => out.fill(3);
    const [index] = sobolIndices(1, toSymmetricUnitPi, constant, { baseSamples: 16, seed: 1 });
    expect(index).toEqual({ first: 0, total: 0, firstInterval: [0, 0], totalInterval: [0, 0] });
    const [unbootstrapped] = sobolIndices(3, toSymmetricUnitPi, ishigami, { baseSamples: 256, seed: 1, bootstrap: 0 });
    expect(unbootstrapped!.firstInterval).toEqual([unbootstrapped!.first, unbootstrapped!.first]);
  });

  it("gives zero indices for a model constant but for rounding in its last bits (no ratio of rounding errors)", () => {
    // 25,397 computed along slightly different paths: the same number to within a few units in its last place.
    const rounded: BatchModel = (inputs, out) => {
      for (let row = 0; row < out.length; row++) out[row] = 25397.4 + (inputs[0]![row]! > 0 ? 3.6e-12 : -3.6e-12);
    };
    const indices = sobolIndices(2, toSymmetricUnitPi, rounded, { baseSamples: 256, seed: 3 });
    expect(indices.map((index) => [index.first, index.total])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it("rejects a base sample count that is not a power of two, and bad options", () => {
    const options = { seed: 1 };
    expect(() => sobolIndices(3, toSymmetricUnitPi, ishigami, { ...options, baseSamples: 1000 })).toThrow(RangeError);
    expect(() => sobolIndices(3, toSymmetricUnitPi, ishigami, { ...options, baseSamples: 1 })).toThrow(RangeError);
    expect(() => sobolIndices(0, toSymmetricUnitPi, ishigami, { ...options, baseSamples: 8 })).toThrow(RangeError);
    expect(() => sobolIndices(3, toSymmetricUnitPi, ishigami, { ...options, baseSamples: 8, confidence: 1 })).toThrow(RangeError);
    expect(() => sobolIndices(3, toSymmetricUnitPi, ishigami, { ...options, baseSamples: 8, bootstrap: -1 })).toThrow(RangeError);
  });

  it("rejects non-finite model outputs with the row that produced them", () => {
    const broken: BatchModel = (_, out) => {
      out.fill(1);
      out[3] = Number.POSITIVE_INFINITY;
    };
    expect(() => sobolIndices(2, toSymmetricUnitPi, broken, { baseSamples: 8, seed: 1 })).toThrow(/row 3 of design A/);
  });
});

import { describe, expect, it } from "vitest";
import type { Distribution } from "./distributions.js";
import { validateDistribution, validateInterval90 } from "./validate-distribution.js";

describe("validateDistribution", () => {
  it("accepts valid and degenerate distributions", () => {
    const valid: Distribution[] = [
      { kind: "point", value: -3 },
      { kind: "uniform", min: 1, max: 1 },
      { kind: "triangular", min: 1, mode: 1, max: 4 },
      { kind: "pert", min: 1, mode: 4, max: 4, lambda: 0 },
      { kind: "normal", mean: 0, sd: 0 },
      { kind: "lognormal", mu: -1, sigma: 2 },
    ];
    for (const d of valid) expect(validateDistribution(d)).toEqual([]);
  });

  it("explains ordering problems with the offending values", () => {
    expect(validateDistribution({ kind: "triangular", min: 5, mode: 3, max: 8 })).toEqual(["min must be ≤ mode ≤ max, got min 5, mode 3, max 8"]);
    expect(validateDistribution({ kind: "pert", min: 0, mode: 9, max: 8 })).toEqual(["min must be ≤ mode ≤ max, got min 0, mode 9, max 8"]);
    expect(validateDistribution({ kind: "uniform", min: 5, max: 3 })).toEqual(["min must be ≤ max, got min 5, max 3"]);
  });

  it("explains scale and shape problems", () => {
    expect(validateDistribution({ kind: "normal", mean: 0, sd: -1 })).toEqual(["sd must be ≥ 0, got -1"]);
    expect(validateDistribution({ kind: "lognormal", mu: 0, sigma: -0.5 })).toEqual(["sigma must be ≥ 0, got -0.5"]);
    expect(validateDistribution({ kind: "pert", min: 0, mode: 1, max: 2, lambda: -4 })).toEqual(["lambda must be ≥ 0, got -4"]);
  });

  it("flags non-finite parameters and unknown kinds", () => {
    expect(validateDistribution({ kind: "uniform", min: Number.NaN, max: Number.POSITIVE_INFINITY })).toEqual([
      "min must be a finite number, got NaN",
      "max must be a finite number, got Infinity",
    ]);
    expect(validateDistribution({ kind: "beta" } as unknown as Distribution)).toEqual(['unknown distribution kind "beta"']);
  });
});

describe("validateInterval90", () => {
  it("flags reversed bounds and non-positive lognormal bounds", () => {
    expect(validateInterval90(1, 2)).toEqual([]);
    expect(validateInterval90(3, 2)).toEqual(["low must be ≤ high, got low 3, high 2"]);
    expect(validateInterval90(0, 2, "lognormal")).toEqual(["lognormal bounds must both be > 0, got low 0, high 2"]);
    expect(validateInterval90(0, 2, "auto")).toEqual([]);
  });
});

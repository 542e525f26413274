import { describe, expect, it } from "vitest";
import { Z_90, fromInterval90, mean, median, quantile, sampleInto, type Distribution } from "./distributions.js";
import { percentiles } from "./quantiles.js";
import { createRandom, fillUniform } from "./random.js";
import { expectClose } from "./test-support/relative-error.js";

const examples: ReadonlyArray<[string, Distribution]> = [
  ["uniform", { kind: "uniform", min: 2, max: 8 }],
  ["triangular", { kind: "triangular", min: 1, mode: 3, max: 10 }],
  ["pert", { kind: "pert", min: 1, mode: 3, max: 10 }],
  ["pert λ=8", { kind: "pert", min: 40, mode: 60, max: 200, lambda: 8 }],
  ["normal", { kind: "normal", mean: 100, sd: 15 }],
  ["lognormal", { kind: "lognormal", mu: Math.log(20), sigma: 0.6 }],
  ["interval (lognormal)", fromInterval90(10, 30)],
];

function sample(d: Distribution, count: number, seed: number): Float64Array {
  const uniforms = new Float64Array(count);
  fillUniform(createRandom(seed), uniforms);
  const out = new Float64Array(count);
  sampleInto(d, uniforms, out);
  return out;
}

describe("sampleInto", () => {
  it.each(examples)("%s: 100,000 draws have 5th/95th percentiles within 1 percent of the exact quantiles", (_, d) => {
    const draws = sample(d, 100_000, 11);
    const [p5, p95] = percentiles(draws, [0.05, 0.95]) as [number, number];
    expectClose(p5, quantile(d, 0.05), 0.01);
    expectClose(p95, quantile(d, 0.95), 0.01);
  });

  it.each(examples)("%s: 100,000 draws have the right mean", (_, d) => {
    const draws = sample(d, 100_000, 12);
    let sum = 0;
    for (const value of draws) sum += value;
    expectClose(sum / draws.length, mean(d), 0.01);
  });

  it("maps each uniform through the inverse CDF (exactly for closed forms, to 2e-9 for the normal family)", () => {
    const uniforms = Float64Array.of(0.01, 0.3, 0.5, 0.77, 0.999);
    const out = new Float64Array(uniforms.length);
    for (const [, d] of examples) {
      if (d.kind === "pert") continue; // tabulated: covered in pert.test.ts
      sampleInto(d, uniforms, out);
      uniforms.forEach((u, i) => {
        const exact = quantile(d, u);
        // Normal and lognormal draws use Acklam's approximation without refinement (faster; error < 1.2e-9 in z).
        if (d.kind === "normal" || d.kind === "lognormal")
          expect(Math.abs(out[i]! - exact)).toBeLessThanOrEqual(2e-9 * Math.max(1, Math.abs(exact)) * (d.kind === "normal" ? d.sd : 10));
        else expect(out[i]).toBe(exact);
      });
    }
  });

  it("fills a point distribution with its value and works in place", () => {
    const values = Float64Array.of(0.2, 0.4, 0.6);
    sampleInto({ kind: "point", value: 7 }, values, values);
    expect(Array.from(values)).toEqual([7, 7, 7]);
    const inPlace = Float64Array.of(0.25, 0.75);
    sampleInto({ kind: "uniform", min: 0, max: 4 }, inPlace, inPlace);
    expect(Array.from(inPlace)).toEqual([1, 3]);
  });

  it("is reproducible: the same seed gives identical draws", () => {
    const d: Distribution = { kind: "pert", min: 1, mode: 3, max: 10 };
    expect(Array.from(sample(d, 1000, 5))).toEqual(Array.from(sample(d, 1000, 5)));
  });

  it("rejects mismatched lengths and invalid distributions", () => {
    expect(() => sampleInto({ kind: "uniform", min: 0, max: 1 }, new Float64Array(3), new Float64Array(2))).toThrow(RangeError);
    expect(() => sampleInto({ kind: "normal", mean: 0, sd: -1 }, new Float64Array(1), new Float64Array(1))).toThrow(/sd must be ≥ 0/);
  });
});

describe("quantile", () => {
  it("has the closed forms of uniform, triangular, normal and lognormal", () => {
    expect(quantile({ kind: "uniform", min: 0, max: 10 }, 0.25)).toBe(2.5);
    // Triangular(0, 3, 10): F(3) = 0.3; below the mode x = √(p·10·3).
    expectClose(quantile({ kind: "triangular", min: 0, mode: 3, max: 10 }, 0.3), 3, 1e-15);
    expectClose(quantile({ kind: "triangular", min: 0, mode: 3, max: 10 }, 0.05), Math.sqrt(1.5), 1e-15);
    expectClose(quantile({ kind: "triangular", min: 0, mode: 3, max: 10 }, 0.9), 10 - Math.sqrt(0.1 * 70), 1e-15);
    expectClose(quantile({ kind: "normal", mean: 100, sd: 15 }, 0.975), 100 + 15 * 1.959963984540054, 1e-15);
    expectClose(quantile({ kind: "lognormal", mu: 1, sigma: 0.5 }, 0.05), Math.exp(1 - 0.5 * 1.6448536269514727), 1e-15);
  });

  it("gives the PERT quantile of the scaled Beta", () => {
    expectClose(quantile({ kind: "pert", min: 0, mode: 2, max: 10 }, 0.95), 6.2127672401619022, 1e-13);
  });

  it("returns the support's ends at p = 0 and 1", () => {
    expect(quantile({ kind: "triangular", min: 1, mode: 2, max: 4 }, 0)).toBe(1);
    expect(quantile({ kind: "triangular", min: 1, mode: 2, max: 4 }, 1)).toBe(4);
    expect(quantile({ kind: "normal", mean: 0, sd: 1 }, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(quantile({ kind: "lognormal", mu: 0, sigma: 1 }, 0)).toBe(0);
  });

  it("rejects p outside [0, 1]", () => {
    expect(() => quantile({ kind: "uniform", min: 0, max: 1 }, 1.2)).toThrow(RangeError);
  });
});

describe("fromInterval90", () => {
  it("fits a lognormal to positive bounds, with exact 5th and 95th percentiles", () => {
    const d = fromInterval90(10, 30);
    expect(d.kind).toBe("lognormal");
    expect(Math.abs(quantile(d, 0.05) - 10)).toBeLessThan(1e-9);
    expect(Math.abs(quantile(d, 0.95) - 30)).toBeLessThan(1e-9);
    expectClose(median(d), Math.sqrt(300), 1e-15);
  });

  it("fits a normal when a bound is not positive", () => {
    const d = fromInterval90(-5, 5);
    expect(d).toEqual({ kind: "normal", mean: 0, sd: 5 / Z_90 });
    expect(Math.abs(quantile(d, 0.95) - 5)).toBeLessThan(1e-9);
    expect(fromInterval90(0, 4).kind).toBe("normal");
  });

  it("gives a point for equal bounds and honours a forced shape", () => {
    expect(fromInterval90(7, 7)).toEqual({ kind: "point", value: 7 });
    expect(fromInterval90(10, 30, "normal")).toEqual({ kind: "normal", mean: 20, sd: 10 / Z_90 });
  });

  it("rejects reversed bounds and a lognormal with a bound ≤ 0", () => {
    expect(() => fromInterval90(30, 10)).toThrow(/low must be ≤ high/);
    expect(() => fromInterval90(-1, 5, "lognormal")).toThrow(/lognormal bounds must both be > 0/);
    expect(() => fromInterval90(Number.NaN, 5)).toThrow(/finite/);
  });
});

describe("mean and median", () => {
  it("match the closed forms", () => {
    expect(mean({ kind: "point", value: 3 })).toBe(3);
    expect(mean({ kind: "uniform", min: 2, max: 8 })).toBe(5);
    expect(mean({ kind: "triangular", min: 1, mode: 3, max: 11 })).toBe(5);
    expect(mean({ kind: "pert", min: 0, mode: 2, max: 10 })).toBe(3);
    expect(mean({ kind: "pert", min: 0, mode: 2, max: 10, lambda: 8 })).toBe(2.6);
    expect(mean({ kind: "normal", mean: -4, sd: 2 })).toBe(-4);
    expectClose(mean({ kind: "lognormal", mu: 1, sigma: 0.5 }), Math.exp(1.125), 1e-15);
    expect(median({ kind: "uniform", min: 2, max: 8 })).toBe(5);
    expectClose(median({ kind: "triangular", min: 0, mode: 5, max: 10 }), 5, 1e-15);
    expectClose(median({ kind: "pert", min: 0, mode: 2, max: 10 }), 2.7667225939251884, 1e-13);
    expect(median({ kind: "lognormal", mu: Math.log(20), sigma: 0.5 })).toBeCloseTo(20, 12);
  });
});

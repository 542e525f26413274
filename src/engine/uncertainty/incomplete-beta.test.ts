import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inverseRegularizedIncompleteBeta, regularizedIncompleteBeta } from "./incomplete-beta.js";
import { expectClose } from "./test-support/relative-error.js";

// Reference values computed with mpmath at 40 digits.
describe("regularizedIncompleteBeta", () => {
  it.each([
    [0.1, 1.8, 4.2, 0.11852804233280926],
    [0.6, 1.8, 4.2, 0.93835233926272636],
    [0.5, 5, 1, 0.03125],
    [0.3, 2.5, 2.5, 0.18696696190887351],
    [0.9, 41, 1.5, 0.033686391917851544],
    [0.02, 1.5, 80, 0.64427267813399102],
    [1e-6, 1.8, 4.2, 1.4625232278599685e-10],
  ])("I_%d(%d, %d) matches to 1e-13 relative", (x, a, b, expected) => {
    expectClose(regularizedIncompleteBeta(x, a, b), expected, 1e-13);
  });

  it("has the closed forms of Beta(1, b) and Beta(a, 1)", () => {
    for (const x of [0.01, 0.2, 0.5, 0.9]) {
      expectClose(regularizedIncompleteBeta(x, 1, 3), 1 - (1 - x) ** 3, 1e-14);
      expectClose(regularizedIncompleteBeta(x, 4, 1), x ** 4, 1e-14);
    }
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe("inverseRegularizedIncompleteBeta", () => {
  it.each([
    [0.05, 1.8, 4.2, 0.058977387611817246],
    [0.5, 1.8, 4.2, 0.27667225939251884],
    [0.95, 1.8, 4.2, 0.62127672401619022],
    [1e-9, 5, 1, 0.015848931924611135],
    [0.999999, 1, 5, 0.9369042655516178],
    [0.25, 3, 3, 0.35943616478964709],
  ])("quantile %d of Beta(%d, %d) matches to 1e-13 relative", (p, a, b, expected) => {
    expectClose(inverseRegularizedIncompleteBeta(p, a, b), expected, 1e-13);
  });

  it("round-trips through the CDF for PERT-like shapes (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 9, noNaN: true }),
        fc.double({ min: 1, max: 9, noNaN: true }),
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        (a, b, p) => {
          const x = inverseRegularizedIncompleteBeta(p, a, b);
          if (p <= 0.5) return Math.abs(regularizedIncompleteBeta(x, a, b) - p) <= 1e-12 * p;
          // Upper half: compare the upper tail 1 − p through the mirrored distribution.
          return Math.abs(regularizedIncompleteBeta(1 - x, b, a) - (1 - p)) <= 1e-12 * (1 - p) + 1e-15;
        },
      ),
      { seed: 31337, numRuns: 500 },
    );
  });
});

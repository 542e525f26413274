import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inverseNormalCdf, normalCdf } from "./normal.js";
import { expectClose } from "./test-support/relative-error.js";

// Reference values computed with mpmath at 40 digits.
describe("normalCdf", () => {
  it.each([
    [1, 0.84134474606854295],
    [2.5, 0.99379033467422386],
    [-5, 2.8665157187919391e-7],
    [-10, 7.6198530241605261e-24],
  ])("Φ(%d) matches to 1e-14 relative", (x, expected) => {
    expectClose(normalCdf(x), expected, 1e-14);
  });

  it("keeps precision far into the lower tail", () => {
    expectClose(normalCdf(-30), 4.9067139271481871e-198, 1e-12);
  });

  it("is symmetric: Φ(x) + Φ(−x) = 1", () => {
    for (const x of [0, 0.3, 1.7, 4, 8]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
  });
});

describe("inverseNormalCdf", () => {
  it.each([
    [1e-300, -37.047096299361199],
    [1e-20, -9.2623400897984076],
    [1e-10, -6.3613409024040562],
    [2 ** -33, -6.3379577545537893],
    [0.001, -3.0902323061678135],
    [0.025, -1.9599639845400542],
    [0.05, -1.6448536269514727],
    [0.2, -0.84162123357291417],
    [0.3, -0.52440051270804082],
    [0.49, -0.025068908258711058],
    [0.975, 1.9599639845400539],
    [0.999999, 4.7534243088170878],
  ])("Φ⁻¹(%d) matches to 1e-15 relative", (p, expected) => {
    expectClose(inverseNormalCdf(p), expected, 1e-15);
  });

  it("is exact at the centre and infinite at the ends", () => {
    expect(inverseNormalCdf(0.5)).toBe(0);
    expect(inverseNormalCdf(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(inverseNormalCdf(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects probabilities outside [0, 1]", () => {
    expect(() => inverseNormalCdf(-0.1)).toThrow(RangeError);
    expect(() => inverseNormalCdf(1.5)).toThrow(RangeError);
    expect(() => inverseNormalCdf(Number.NaN)).toThrow(RangeError);
  });

  it("inverts normalCdf (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        const x = inverseNormalCdf(p);
        // Compare in the tail that carries the precision: Φ(x) = p below the median, Φ(−x) = 1 − p above.
        const tail = p < 0.5 ? p : 1 - p;
        const recoveredTail = p < 0.5 ? normalCdf(x) : normalCdf(-x);
        return Math.abs(recoveredTail - tail) <= 1e-13 * tail;
      }),
      { seed: 20240601, numRuns: 2000 },
    );
  });

  it("is odd: Φ⁻¹(1 − p) = −Φ⁻¹(p) exactly", () => {
    for (const p of [1e-9, 0.01, 0.1, 0.3, 0.4999]) expect(inverseNormalCdf(1 - p)).toBe(-inverseNormalCdf(1 - (1 - p)));
  });
});

import { describe, expect, it } from "vitest";
import { logBeta, logGamma } from "./log-gamma.js";

// Reference values computed with mpmath at 40 digits.
describe("logGamma", () => {
  it.each([
    [0.001, 6.9071788853838537],
    [0.5, 0.57236494292470009],
    [1, 0],
    [2.5, 0.28468287047291916],
    [10, 12.80182748008147],
    [100.3, 360.51470572905812],
  ])("lnΓ(%d) matches to 1e-14 absolute", (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-14 * Math.max(1, expected));
  });

  it("satisfies Γ(n) = (n − 1)!", () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(Math.abs(logGamma(n) - Math.log(factorial))).toBeLessThan(5e-14);
      factorial *= n;
    }
  });

  it("is NaN for non-positive arguments", () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
  });
});

describe("logBeta", () => {
  it("matches B(a, b) = Γ(a)Γ(b)/Γ(a + b) for small integers", () => {
    expect(Math.abs(logBeta(2, 3) - Math.log(1 / 12))).toBeLessThan(1e-14);
    expect(Math.abs(logBeta(1, 1))).toBeLessThan(1e-15);
  });
});

import { describe, expect, it } from "vitest";
import { complementaryErrorFunction, errorFunction, scaledComplementaryErrorFunction } from "./error-function.js";
import { expectClose } from "./test-support/relative-error.js";

// Reference values computed with mpmath at 40 digits.
describe("complementaryErrorFunction", () => {
  it.each([
    [0.1, 0.8875370839817151],
    [0.46875, 0.50738652678206201],
    [0.5, 0.47950012218695346],
    [1, 0.15729920705028513],
    [3, 2.2090496998585441e-5],
    [-2, 1.9953222650189527],
    [4.5, 1.9661604415428875e-10],
    [10, 2.0884875837625448e-45],
    [26, 5.6631924088561428e-296],
  ])("erfc(%d) matches to 2e-15 relative", (x, expected) => {
    expectClose(complementaryErrorFunction(x), expected, 2e-15);
  });

  it("handles the extremes", () => {
    expect(complementaryErrorFunction(0)).toBe(1);
    expect(complementaryErrorFunction(30)).toBe(0);
    expect(complementaryErrorFunction(-30)).toBe(2);
    expect(complementaryErrorFunction(Number.NaN)).toBeNaN();
  });
});

describe("errorFunction", () => {
  it.each([
    [1e-10, 1.1283791670955126e-10],
    [0.3, 0.32862675945912742],
    [-0.4, -0.42839235504666848],
    [2, 0.99532226501895273],
  ])("erf(%d) matches to 2e-16 relative", (x, expected) => {
    expectClose(errorFunction(x), expected, 2.5e-16);
  });
});

describe("scaledComplementaryErrorFunction", () => {
  it.each([
    [0.2, 0.80901951990158074],
    [1, 0.427583576155807],
    [30, 0.018795888861416751],
    [1e5, 5.6418958351954681e-6],
    [-1, 5.0089800807622835],
  ])("erfcx(%d) matches to 2e-15 relative", (x, expected) => {
    expectClose(scaledComplementaryErrorFunction(x), expected, 2e-15);
  });
});

import { describe, expect, it } from "vitest";
import { monthlyDiscountFactor, netPresentValue, paybackMonth } from "./finance.js";

describe("netPresentValue", () => {
  it("does not discount time 0 and discounts month m by (1+r)^(-m/12)", () => {
    const rate = 0.12;
    const monthly = Float64Array.of(500, 500, 500);
    const byHand = -1000 + 500 / 1.12 ** (1 / 12) + 500 / 1.12 ** (2 / 12) + 500 / 1.12 ** (3 / 12);
    expect(netPresentValue(-1000, monthly, rate)).toBeCloseTo(byHand, 9);
  });

  it("equals the plain sum at a zero rate", () => {
    expect(netPresentValue(-1000, Float64Array.of(600, 600), 0)).toBe(200);
  });

  it("discounts twelve months by exactly one year", () => {
    expect(monthlyDiscountFactor(0.08) ** 12).toBeCloseTo(1 / 1.08, 12);
    const monthly = new Float64Array(12);
    monthly[11] = 1080;
    expect(netPresentValue(0, monthly, 0.08)).toBeCloseTo(1000, 9);
  });
});

describe("paybackMonth", () => {
  it("is the first month from which the cumulative net stays at or above zero", () => {
    expect(paybackMonth(-100, Float64Array.of(-60, -10, 20, 50))).toBe(3);
  });

  it("ignores an early crossing that falls back below zero", () => {
    expect(paybackMonth(-100, Float64Array.of(10, -5, -1, 3))).toBe(4);
  });

  it("is null when the case ends below zero", () => {
    expect(paybackMonth(-100, Float64Array.of(-90, -80, -1))).toBeNull();
  });

  it("is 0 when there is nothing to pay back", () => {
    expect(paybackMonth(0, Float64Array.of(0, 0, 5))).toBe(0);
  });

  it("is month 1 when a time-0 investment is recovered within the first month", () => {
    expect(paybackMonth(-100, Float64Array.of(20, 140))).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { createRandom } from "./uncertainty/random.js";
import { discountFactors, monthlyDiscountFactor, netPresentValue, paybackCrossing, paybackMonth, paybackMonthGathered, withoutFloatNoise } from "./finance.js";

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

  it("is the same month from the scale and last month below zero gathered as the net is written", () => {
    const random = createRandom(11);
    for (let trial = 0; trial < 5000; trial++) {
      const length = 1 + Math.floor(random() * 60);
      const timeZero = random() < 0.3 ? 0 : -1000 * random();
      const cumulative = new Float64Array(length);
      let running = timeZero;
      let scale = Math.abs(timeZero);
      let lastNotAbove = 0;
      // Steps of every size, exact zeros, values just below zero (within the tolerance) and NaN.
      for (let at = 0; at < length; at++) {
        const pick = random();
        running += pick < 0.1 ? -running : pick < 0.15 ? -running - 1e-13 : pick < 0.17 ? Number.NaN : (random() - 0.45) * 500;
        if (Number.isNaN(running) && random() < 0.5) running = 10;
        cumulative[at] = running;
        scale += Math.abs(running);
        if (!(running >= 0)) lastNotAbove = at + 1;
      }
      expect(paybackMonthGathered(timeZero, cumulative, scale, lastNotAbove), `${timeZero} ${Array.from(cumulative)}`).toBe(paybackMonth(timeZero, cumulative));
    }
  });
});

describe("discounting conventions", () => {
  it("monthly: month m by (1 + r)^(-m/12), built by repeated multiplication as before", () => {
    const factors = discountFactors(0.1, "monthly", 24);
    const factor = monthlyDiscountFactor(0.1);
    let discount = 1;
    for (let m = 1; m <= 24; m++) {
      discount *= factor;
      expect(factors[m - 1]).toBe(discount);
      expect(factors[m - 1]).toBeCloseTo(1.1 ** (-m / 12), 12);
    }
  });

  it("yearEnd: every month of year y by (1 + r)^(-y)", () => {
    const factors = discountFactors(0.1, "yearEnd", 25);
    for (let m = 1; m <= 12; m++) expect(factors[m - 1]).toBeCloseTo(1 / 1.1, 15);
    for (let m = 13; m <= 24; m++) expect(factors[m - 1]).toBeCloseTo(1 / 1.21, 15);
    expect(factors[24]).toBeCloseTo(1 / 1.331, 15);
  });

  it("midYear: every month of year y by (1 + r)^(-(y - 0.5))", () => {
    const factors = discountFactors(0.1, "midYear", 24);
    for (let m = 1; m <= 12; m++) expect(factors[m - 1]).toBeCloseTo(1 / Math.sqrt(1.1), 15);
    for (let m = 13; m <= 24; m++) expect(factors[m - 1]).toBeCloseTo(1 / (1.1 * Math.sqrt(1.1)), 15);
  });

  it("never discounts time 0, whatever the convention", () => {
    // 1,000 at time 0 and 1,100 in month 12: at 10%, year-end discounting makes month 12 worth 1,000.
    const monthly = new Float64Array(12);
    monthly[11] = 1100;
    expect(netPresentValue(-1000, monthly, 0.1, 0, 12, "yearEnd")).toBeCloseTo(0, 9);
    expect(netPresentValue(-1000, monthly, 0.1, 0, 12, "monthly")).toBeCloseTo(0, 9);
    // Mid-year brings it half a year nearer: 1,100 ÷ 1.1^0.5 = 1,048.81.
    expect(netPresentValue(-1000, monthly, 0.1, 0, 12, "midYear")).toBeCloseTo(1100 / Math.sqrt(1.1) - 1000, 9);
    expect(netPresentValue(-1000, new Float64Array(0), 0.1, 0, 0, "midYear")).toBe(-1000);
  });

  it("monthly is the default of netPresentValue, to the last bit", () => {
    const monthly = Float64Array.from({ length: 30 }, (_, index) => 100 + index * 7.3);
    expect(netPresentValue(-500, monthly, 0.08, 0, 30, "monthly")).toBe(netPresentValue(-500, monthly, 0.08));
  });
});

describe("paybackCrossing", () => {
  it("interpolates linearly within the payback month", () => {
    // Month 3 goes from −10 to +20: a third of the way through it, 2 + 10/30 months from time 0.
    expect(paybackCrossing(-100, Float64Array.of(-60, -10, 20, 50))).toBeCloseTo(2 + 1 / 3, 12);
  });

  it("interpolates from time 0 when the payback month is month 1", () => {
    expect(paybackCrossing(-100, Float64Array.of(20, 140))).toBeCloseTo(100 / 120, 12);
  });

  it("uses the last crossing when the net falls back below zero", () => {
    // Month 4 goes from −1 to +3: 3 + 1/4.
    expect(paybackCrossing(-100, Float64Array.of(10, -5, -1, 3))).toBeCloseTo(3.25, 12);
  });

  it("is 0 with nothing to pay back and null when it never pays back", () => {
    expect(paybackCrossing(0, Float64Array.of(0, 0, 5))).toBe(0);
    expect(paybackCrossing(-100, Float64Array.of(-90, -80, -1))).toBeNull();
  });

  it("ends exactly at the payback month when the net reaches zero at its end", () => {
    expect(paybackCrossing(-100, Float64Array.of(-50, 0))).toBe(2);
  });
});

describe("withoutFloatNoise", () => {
  it("drops the noise of adding up prices and keeps a real fraction of a cent", () => {
    expect(withoutFloatNoise(0.7 * 1.1 + 12 * 0.1)).toBe(1.97);
    expect(withoutFloatNoise(-(0.1 + 0.2))).toBe(-0.3);
    expect(withoutFloatNoise(100 / 12)).toBeCloseTo(8.33333333333333, 14);
    expect(withoutFloatNoise(-0)).toBe(0);
  });
});

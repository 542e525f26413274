import { describe, expect, it } from "vitest";
import {
  currencySymbol,
  formatChance,
  formatHours,
  formatHoursTenth,
  formatInputMoney,
  formatMoney,
  formatMoneyExact,
  formatMonth,
  formatPercent,
  formatShare,
  formatSignedShare,
  plural,
  roundSignificant,
} from "./numbers.js";

describe("report number formats", () => {
  it("rounds money to three significant figures in the main text", () => {
    expect(formatMoney(7959.4, "EUR")).toBe("€7,960");
    expect(formatMoney(4109, "EUR")).toBe("€4,110");
    expect(formatMoney(-2000, "EUR")).toBe("-€2,000");
    expect(formatMoney(123_456, "GBP")).toBe("£123,000");
    expect(formatMoney(87.6, "USD")).toBe("US$88");
  });
  it("writes millions short", () => {
    expect(formatMoney(2_345_678, "EUR")).toBe("€2.35 million");
    expect(formatMoney(-1_000_000, "EUR")).toBe("-€1 million");
    expect(formatMoney(3_456_000_000, "USD")).toBe("US$3.46 billion");
  });
  it("never prints a negative zero", () => {
    expect(formatMoney(-0.2, "EUR")).toBe("€0");
    expect(formatMoneyExact(-0.2, "EUR")).toBe("€0");
  });
  it("keeps units in tables and cents the user wrote", () => {
    expect(formatMoneyExact(7959.4, "EUR")).toBe("€7,959");
    expect(formatInputMoney(12.5, "EUR")).toBe("€12.50");
    expect(formatInputMoney(3600, "EUR")).toBe("€3,600");
  });
  it("rounds significant figures without going past the units", () => {
    expect(roundSignificant(7959)).toBe(7960);
    expect(roundSignificant(12.4)).toBe(12);
    expect(roundSignificant(0)).toBe(0);
  });
  it("writes hours, shares, months and counts in words", () => {
    expect(formatHours(1234.5)).toBe("1,230 hours");
    expect(formatHours(1)).toBe("1 hour");
    expect(formatPercent(0.874)).toBe("87%");
    // A share from the file keeps its tenth of a percent, in every view (report, terminal, web app).
    expect(formatShare(0.025)).toBe("2.5%");
    expect(formatShare(0.1)).toBe("10%");
    expect(formatSignedShare(-0.025)).toBe("−2.5%");
    expect(formatSignedShare(0.05)).toBe("+5%");
    expect(formatMonth(0)).toBe("from the start");
    expect(formatMonth(12)).toBe("month 12");
    expect(plural(1, "project")).toBe("1 project");
    expect(plural(3, "person", "people")).toBe("3 people");
  });
});

describe("one way to write each figure, in every view", () => {
  it("chances never claim a certainty or an impossibility a sample cannot show", () => {
    expect(formatChance(0.5574)).toBe("56%");
    expect(formatChance(0.0035)).toBe("under 1%");
    expect(formatChance(0)).toBe("under 1%");
    expect(formatChance(0.9972)).toBe("over 99%");
    expect(formatChance(1)).toBe("over 99%");
    expect(formatChance(0.985)).toBe("99%");
  });

  it("hours for tables to a tenth, percentages with n/a, months with never", () => {
    expect(formatHoursTenth(109.04)).toBe("109");
    expect(formatHoursTenth(2.5)).toBe("2.5");
    expect(formatHoursTenth(1234.56)).toBe("1,234.6");
    expect(formatHoursTenth(-0.04)).toBe("0");
    expect(formatPercent(null)).toBe("n/a");
    expect(formatPercent(0.7367)).toBe("74%");
    expect(formatMonth(null)).toBe("never");
    expect(formatMonth(null, "not by the horizon")).toBe("not by the horizon");
    expect(formatMonth(1234)).toBe("month 1,234");
  });

  it("the currency symbol is the one the money figures carry, so charts and the workbook agree with the text", () => {
    for (const currency of ["EUR", "USD", "GBP", "CAD", "JPY", "CHF"]) {
      const symbol = currencySymbol(currency);
      expect(formatMoneyExact(1234, currency).replace(/[\d,.\s\u00a0]/g, "")).toBe(symbol);
    }
    expect(currencySymbol("USD")).toBe("US$");
    expect(currencySymbol("EUR")).toBe("€");
    expect(currencySymbol("XYZ")).toBe("XYZ");
  });
});

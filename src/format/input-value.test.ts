import { describe, expect, it } from "vitest";
import { formatSignificant } from "./numbers.js";
import { formatInputValue, inputValueWriter } from "./input-value.js";

describe("inputValueWriter", () => {
  const written = (path: (string | number)[], value: number, currency = "EUR") => inputValueWriter(path, currency)(value).replaceAll("\u00a0", " ");

  it("writes a case's input in the workbook's unit, else the schema's kind", () => {
    expect(written(["discountRate"], 0.064)).toBe("6.4% a year");
    expect(written(["freedHoursCaptureShare"], 0.4)).toBe("40%");
    expect(written(["defaults", "team", "hourlyCost"], 48, "CHF")).toBe("CHF 48 an hour");
    expect(written(["scenarios", "optimal", "projects", "upkeepHoursPerMonth"], 1)).toBe("1 hour a month");
    expect(written(["defaults", "projects", "valuePerMonth"], 1500.5, "JPY")).toBe("JP¥1,501 a month");
  });

  it("writes a number of the catalogue in its unit, a multiplier as ×", () => {
    expect(written(["catalogue", "versioning", "monthlyCostPerPerson"], 20, "USD")).toBe("US$20 a person a month");
    expect(written(["catalogue", "versioning", "effects", "projects.upkeepHoursPerMonth"], 0.7)).toBe("×0.7");
  });
});

describe("formatInputValue with a figure of its caller's", () => {
  it("writes every unit but money, shares and months through it: the report's moved ranges read '0.304 hours', not '0.3 hours'", () => {
    const significant = (value: number) => formatSignificant(value, 3);
    expect(formatInputValue(0.304, "hours", "EUR", significant)).toBe("0.304 hours");
    expect(formatInputValue(0.785, "minutes", "EUR", significant)).toBe("0.785 minutes");
    expect(formatInputValue(0.304, "factor", "EUR", significant)).toBe("×0.304");
    expect(formatInputValue(0.304, "count", "EUR", significant)).toBe("0.304");
    expect(formatInputValue(1, "people", "EUR", significant)).toBe("1 person");
    // Without one, two decimals, as before.
    expect(formatInputValue(0.304, "hours", "EUR")).toBe("0.3 hours");
    expect(formatInputValue(0.25, "share", "EUR", significant)).toBe("25%");
  });
});

describe("formatInputValue", () => {
  it("writes each unit the way a reader expects", () => {
    expect(formatInputValue(0.25, "share", "EUR")).toBe("25%");
    expect(formatInputValue(0.125, "share", "EUR")).toBe("12.5%");
    expect(formatInputValue(3600, "money", "EUR")).toBe("€3,600");
    expect(formatInputValue(1, "hours", "EUR")).toBe("1 hour");
    expect(formatInputValue(1.3, "factor", "EUR")).toBe("×1.3");
    expect(formatInputValue(4, "month", "EUR")).toBe("month 4");
  });
});

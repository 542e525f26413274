import { describe, expect, it } from "vitest";
import { fromInterval90, median } from "../../../src/engine/index.js";
import { numberText, parseNumberText, rangeMiddle, readQuantity, toPoint, toRange, writeQuantity } from "./quantity-form.js";

describe("the forms of an input", () => {
  it("keeps the simplest form that holds what the user gave", () => {
    expect(writeQuantity(readQuantity(30))).toBe(30);
    expect(writeQuantity({ ...readQuantity(30), note: "from the time sheets" })).toEqual({ value: 30, note: "from the time sheets" });
    expect(writeQuantity({ ...readQuantity({ value: 30, note: "x" }), note: "" })).toBe(30);
    expect(writeQuantity(readQuantity(undefined))).toBeUndefined();
  });

  it("switches between a point and a range", () => {
    const range = toRange(readQuantity({ value: 30, note: "n" }));
    expect(writeQuantity(range)).toEqual({ low: 24, high: 37.5, note: "n" });
    expect(writeQuantity(toPoint(range))).toEqual({ value: 30, note: "n" });
    expect(writeQuantity(toRange(readQuantity(undefined), 11))).toEqual({ low: 8.8, high: 13.75 });
    expect(writeQuantity(toRange(readQuantity(-10)))).toEqual({ low: -12, high: -8 });
    expect(readQuantity({ distribution: "pert", min: 8, mode: 11, max: 15 })).toMatchObject({ kind: "distribution" });
  });

  it("makes a range whose middle, as the engine reads it, is the point: switching to a range leaves the figures as they were", () => {
    for (const value of [0.2, 0.08, 16, 30, 11, 900, 2500, 108_020, -10, -0.5]) {
      const range = toRange(readQuantity(value));
      if (range.kind !== "range") throw new Error("a range was expected");
      const engineMiddle = median(fromInterval90(range.low as number, range.high as number));
      expect(Math.abs(engineMiddle - value)).toBeLessThan(1e-9 * Math.abs(value));
      expect(rangeMiddle(range.low as number, range.high as number)).toBe(value);
      expect(toPoint(range)).toEqual({ kind: "point", value });
    }
    // A range the user wrote: its middle as the engine reads it, geometric when lognormal.
    expect(rangeMiddle(10, 40)).toBe(20);
    expect(rangeMiddle(10, 40, "normal")).toBe(25);
    expect(rangeMiddle(-10, 30)).toBe(10);
    expect(median(fromInterval90(10, 40))).toBeCloseTo(20, 9);
  });

  it("reads what was typed: numbers, nothing, or the text itself for the check to name", () => {
    expect(parseNumberText(" 40 ")).toBe(40);
    expect(parseNumberText("-5")).toBe(-5);
    expect(parseNumberText("1_000")).toBe(1000);
    expect(parseNumberText("")).toBeUndefined();
    expect(parseNumberText("4o")).toBe("4o");
    expect(parseNumberText("1,5")).toBe("1,5");
    // A number grouped as the page writes it (its box shows 1e12 so) is read back as that number.
    expect(parseNumberText("1,000,000,000,000")).toBe(1e12);
    expect(parseNumberText("-12,345.5")).toBe(-12345.5);
    expect(parseNumberText("22,8001")).toBe(228001);
    expect(parseNumberText("12,34")).toBe("12,34");
  });

  it("writes a number in its box grouped as every figure on the page, every digit kept: 1e12 read '1000000000000'", () => {
    expect(numberText(1e12)).toBe("1,000,000,000,000");
    expect(numberText(1234.5)).toBe("1,234.5");
    expect(numberText(0.08)).toBe("0.08");
    expect(numberText(undefined)).toBe("");
    for (const value of [1e12, 1234.5, 0.08, -2500000, 1e-7, 1e21]) expect(parseNumberText(numberText(value))).toBe(value);
  });
});

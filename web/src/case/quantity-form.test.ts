import { describe, expect, it } from "vitest";
import { parseNumberText, readQuantity, toPoint, toRange, writeQuantity } from "./quantity-form.js";

describe("the forms of an input", () => {
  it("keeps the simplest form that holds what the user gave", () => {
    expect(writeQuantity(readQuantity(30))).toBe(30);
    expect(writeQuantity({ ...readQuantity(30), note: "from the time sheets" })).toEqual({ value: 30, note: "from the time sheets" });
    expect(writeQuantity({ ...readQuantity({ value: 30, note: "x" }), note: "" })).toBe(30);
    expect(writeQuantity(readQuantity(undefined))).toBeUndefined();
  });

  it("switches between a point and a range", () => {
    const range = toRange(readQuantity({ value: 30, note: "n" }));
    expect(writeQuantity(range)).toEqual({ low: 24, high: 36, note: "n" });
    expect(writeQuantity(toPoint(range))).toEqual({ value: 30, note: "n" });
    expect(writeQuantity(toRange(readQuantity(undefined), 11))).toEqual({ low: 8.8, high: 13 });
    expect(readQuantity({ distribution: "pert", min: 8, mode: 11, max: 15 })).toMatchObject({ kind: "distribution" });
  });

  it("reads what was typed: numbers, nothing, or the text itself for the check to name", () => {
    expect(parseNumberText(" 40 ")).toBe(40);
    expect(parseNumberText("-5")).toBe(-5);
    expect(parseNumberText("1_000")).toBe(1000);
    expect(parseNumberText("")).toBeUndefined();
    expect(parseNumberText("4o")).toBe("4o");
    expect(parseNumberText("1,5")).toBe("1,5");
  });
});

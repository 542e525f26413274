import { describe, expect, it } from "vitest";
import { inputGroups, numberFieldsOf } from "../case/field-tree.js";
import { percentHint, readableNumber, shortValue, unitText } from "./QuantityInput.js";

describe("the values an input shows in its sentences", () => {
  it("groups a number's whole part by thousands and keeps its decimals as typed", () => {
    expect(readableNumber(108020)).toBe("108,020");
    expect(readableNumber(-2500000)).toBe("-2,500,000");
    expect(readableNumber(1234.5)).toBe("1,234.5");
    expect(readableNumber(999)).toBe("999");
    expect(readableNumber(0.08)).toBe("0.08");
    expect(readableNumber(1e-7)).toBe("0.0000001");
    expect(readableNumber(1e21)).toBe("1e+21");
  });

  it("writes a shared value, a range and a distribution as the page shows them", () => {
    expect(shortValue(108020)).toBe("108,020");
    expect(shortValue({ value: 4500, note: "from the time sheets" })).toBe("4,500");
    expect(shortValue({ low: 80000, high: 120000 })).toBe("80,000–120,000");
    expect(shortValue({ distribution: "triangular", min: 1, mode: 2, max: 3 })).toBe("triangular");
    expect(shortValue(undefined)).toBeUndefined();
  });
});

describe("the percentage beside a share or rate typed in", () => {
  it("is the one run and the report write: 8.25% as typed, and never 0% for a share that is not zero", () => {
    // It said "= 8.3%" and "= 0%".
    expect(percentHint("rate", 0.0825)).toBe("= 8.25%");
    expect(percentHint("share", 0.0004)).toBe("= 0.04%");
    expect(percentHint("share", 0.5)).toBe("= 50%");
    expect(percentHint("hours", 0.5)).toBeUndefined();
  });
});

describe("the unit written after a share's or rate's box", () => {
  it("gives the bounds its 'Allowed:' line gives: the contingency is 'share (0–5)', not 'share (0–1)' above 'a share between 0 and 5'", () => {
    const fields = numberFieldsOf(inputGroups).filter((field) => field.unit === "share" || field.unit === "rate");
    const contingency = fields.find((field) => field.path.join(".") === "change.contingencyShare")!;
    expect(contingency.allowed).toMatch(/between 0 and 5/);
    expect(unitText(contingency.unit, "EUR", contingency.max)).toBe("share (0–5)");
    for (const field of fields) {
      const bounds = /between (\d+) and (\d+)/.exec(field.allowed);
      if (bounds) expect(unitText(field.unit, "EUR", field.max), field.path.join(".")).toMatch(new RegExp(`\\(${bounds[1]}–${bounds[2]}\\)$`));
    }
  });
});

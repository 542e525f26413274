import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { groupDigits } from "./text.js";

describe("groupDigits", () => {
  it.each([0, 7, 999, 1000, 4000, 10_000, 123_456, 1e7, 1e13, -1234, -999])("writes %d as toLocaleString('en') does", (n) => {
    expect(groupDigits(n)).toBe(n.toLocaleString("en"));
  });

  it("agrees with toLocaleString('en') on any safe whole number", () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => groupDigits(n) === n.toLocaleString("en")));
  });

  it("leaves what is not a whole number to toLocaleString", () => {
    expect(groupDigits(1234.5)).toBe("1,234.5");
  });
});

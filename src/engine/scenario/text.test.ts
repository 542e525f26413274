import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { groupDigits, quotedCut } from "./text.js";

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

describe("quotedCut", () => {
  it("quotes text whole up to the limit, cuts longer text with its length, and never cuts inside a character of two UTF-16 units", () => {
    expect(quotedCut("horizon")).toBe('"horizon"');
    expect(quotedCut('a"b')).toBe('"a\\"b"');
    expect(quotedCut("y".repeat(100_000))).toBe(`"${"y".repeat(77)}..." (100,000 characters)`);
    // "😀" is two UTF-16 units; the cut falls between them when 76 "x" come first: it goes before the emoji instead.
    const cut = quotedCut(`${"x".repeat(76)}😀${"z".repeat(50)}`);
    expect(cut).toBe(`"${"x".repeat(76)}..." (128 characters)`);
    expect(cut).not.toMatch(/\\ud83d/i);
  });
});

import { describe, expect, it } from "vitest";
import { estimateTextWidth } from "./text-width.js";

describe("estimateTextWidth", () => {
  it("measures narrow letters narrower than wide ones", () => {
    expect(estimateTextWidth("iiii", 11)).toBeLessThan(estimateTextWidth("MMMM", 11));
  });
  it("grows with size and weight", () => {
    expect(estimateTextWidth("Month", 22)).toBeCloseTo(2 * estimateTextWidth("Month", 11), 9);
    expect(estimateTextWidth("Month", 11, true)).toBeGreaterThan(estimateTextWidth("Month", 11));
  });
  it("is close to a real sans-serif width, erring wide", () => {
    // "Upkeep of live projects" at 11 px is about 120 px in Helvetica and 135 px in DejaVu Sans.
    const width = estimateTextWidth("Upkeep of live projects", 11);
    expect(width).toBeGreaterThan(120);
    expect(width).toBeLessThan(150);
  });
});

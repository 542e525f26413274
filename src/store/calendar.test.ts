import { describe, expect, it } from "vitest";
import { calendarIndex } from "./calendar.js";

describe("calendarIndex", () => {
  it("reads YYYY-MM, and a date YYYY-MM-DD as its month", () => {
    expect(calendarIndex("2025-03")).toBe(2025 * 12 + 2);
    expect(calendarIndex("2025-03-31")).toBe(2025 * 12 + 2);
    expect(calendarIndex("2024-02-29")).toBe(2024 * 12 + 1);
  });

  it("refuses a day the month does not have, rather than take the month of an impossible date", () => {
    for (const text of ["2025-02-29", "2025-02-31", "2025-04-31", "2100-02-29", "2025-01-00", "2025-01-32", "2025-13", "2025-00"]) {
      expect(calendarIndex(text), text).toBeUndefined();
    }
  });
});

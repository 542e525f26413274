import { describe, expect, it } from "vitest";
import { calendarIndex, monthNumberOf } from "./calendar.js";

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

describe("monthNumberOf", () => {
  const plan = { startMonth: "2025-01", horizonMonths: 36 };
  it("lists both ways of writing a calendar month it reads, YYYY-MM and a date YYYY-MM-DD, where it listed only (YYYY-MM)", () => {
    expect(monthNumberOf("2025-02-14", plan)).toEqual({ month: 2 });
    expect(monthNumberOf("2025-02-30", plan)).toEqual({
      message:
        'month is "2025-02-30" (2025-02 has 28 days); allowed: a month number from 1 to 36 or a calendar month from 2025-01 to 2027-12 (YYYY-MM, or a date YYYY-MM-DD in it)',
    });
    expect(monthNumberOf("March", plan)).toEqual({
      message: 'month is "March"; allowed: a month number from 1 to 36 or a calendar month from 2025-01 to 2027-12 (YYYY-MM, or a date YYYY-MM-DD in it)',
    });
  });
});

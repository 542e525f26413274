import { describe, expect, it } from "vitest";
import { formatCalendarMonth, formatDay } from "./dates.js";

describe("dates written without Intl, as Intl writes them", () => {
  it("a day, in UTC, for every day of several years", () => {
    const intl = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    for (const year of [1999, 2024, 2026, 2100]) {
      for (let day = 0; day < 366; day += 1) {
        const date = new Date(Date.UTC(year, 0, 1 + day, 23, 59));
        expect(formatDay(date)).toBe(intl.format(date));
      }
    }
    expect(formatDay(new Date("2026-12-06T05:51:00Z"))).toBe("6 December 2026");
  });

  it("a calendar month, long and short, for every month", () => {
    const long = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
    const short = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
    for (const year of [2019, 2025, 2031]) {
      for (let month = 1; month <= 12; month += 1) {
        const calendarMonth = `${year}-${String(month).padStart(2, "0")}`;
        const date = new Date(Date.UTC(year, month - 1, 1));
        expect(formatCalendarMonth(calendarMonth, "long")).toBe(long.format(date));
        expect(formatCalendarMonth(calendarMonth, "short")).toBe(short.format(date));
      }
    }
    expect(formatCalendarMonth("2025-09", "short")).toBe("Sept 2025");
  });
});

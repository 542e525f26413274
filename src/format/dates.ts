/**
 * Dates as every view writes them, in British English and in UTC: "6 December 2026", "December
 * 2026", "Dec 2026". Written here rather than by `toLocaleDateString`, whose first use in a process
 * loads the locale's calendar data (about 14 ms of a `report`); a test holds them to what Intl writes.
 */

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
// British English abbreviates September to four letters.
const shortMonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"] as const;

/**
 * A day, in UTC.
 * @example formatDay(new Date("2026-12-06T05:51:00Z")) // "6 December 2026"
 */
export function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${monthNames[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/**
 * A calendar month given as "YYYY-MM", its name written out or short.
 * @example formatCalendarMonth("2025-01", "long") // "January 2025" ; formatCalendarMonth("2025-09", "short") // "Sept 2025"
 */
export function formatCalendarMonth(calendarMonth: string, style: "long" | "short"): string {
  const [year, month] = calendarMonth.split("-").map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, 1));
  return `${(style === "long" ? monthNames : shortMonthNames)[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

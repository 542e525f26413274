/**
 * Timestamps as the exports write them. ISO 8601 with a zone ("2026-01-05T09:12:00Z",
 * "2026-01-05T09:12:00.000+01:00") is an instant; a date and time without a zone ("2026-01-05
 * 09:12:00", a time-tracking export's local time) is read as written, as if it were UTC, so its
 * calendar day and month stay the ones the export shows.
 */

const withZone = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const withoutZone = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

const DAY_MS = 86_400_000;

function validParts(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  return day <= daysInMonth(year, month);
}

/**
 * Milliseconds since 1970 for a timestamp, or undefined when the text is not one.
 * @example parseTimestamp("2026-01-05T09:12:00Z") // 1767604320000
 */
export function parseTimestamp(text: string): number | undefined {
  const trimmed = text.trim();
  const zoned = withZone.exec(trimmed);
  const match = zoned ?? withoutZone.exec(trimmed);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((index) => Number(match[index] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!validParts(year, month, day, hour, minute, second)) return undefined;
  const fraction = match[7] ? Number(`0.${match[7]}`) * 1000 : 0;
  let at = Date.UTC(year, month - 1, day, hour, minute, second) + fraction;
  const zone = zoned ? zoned[8]! : "Z";
  if (zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
    at -= sign * offset * 60_000;
  }
  return at;
}

/** Days in a calendar month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar month of an instant, "YYYY-MM" (UTC). */
export function monthOf(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/**
 * The items by the calendar month of their time, in one pass: filtering the whole list again for
 * every month made an export of 300,000 records take 12 seconds.
 * @example byMonthOf(runs, (run) => run.createdAt).get("2026-01") // January's runs
 */
export function byMonthOf<T>(items: readonly T[], at: (item: T) => number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const month = monthOf(at(item));
    const group = groups.get(month);
    if (group) group.push(item);
    else groups.set(month, [item]);
  }
  return groups;
}

/** The calendar day of an instant, "YYYY-MM-DD" (UTC). */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** A month's days that fall in the observed period, and the month's length. */
export interface MonthExposure {
  readonly month: string;
  readonly days: number;
  readonly daysInMonth: number;
}

/**
 * The months of the period from the first to the last record's day (both whole days included),
 * each with how many of its days the period covers: an export that starts on the 20th covers 12
 * days of that month, and its counts are scaled to the whole month from those 12 days.
 * @example exposures(Date.UTC(2026, 0, 20), Date.UTC(2026, 1, 28)) // [{ month: "2026-01", days: 12, … }, { month: "2026-02", days: 28, … }]
 */
export function exposures(first: number, last: number): MonthExposure[] {
  const start = Math.floor(first / DAY_MS);
  const end = Math.floor(last / DAY_MS);
  const months: MonthExposure[] = [];
  for (let day = start; day <= end; ) {
    const date = new Date(day * DAY_MS);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const length = daysInMonth(year, month);
    const lastOfMonth = day + (length - date.getUTCDate());
    const until = Math.min(lastOfMonth, end);
    months.push({ month: `${year}-${String(month).padStart(2, "0")}`, days: until - day + 1, daysInMonth: length });
    day = until + 1;
  }
  return months;
}

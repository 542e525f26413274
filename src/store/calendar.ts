/**
 * Months of a case are numbered from 1; a plan may also know the calendar month its month 1 falls
 * in, so people can record "2025-03" rather than work out "month 3".
 */

const calendarPattern = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * Reads "YYYY-MM" (or a date "YYYY-MM-DD", whose day is ignored) as a count of months since year 0.
 * @example calendarIndex("2025-03") // 24302
 */
export function calendarIndex(text: string): number | undefined {
  const match = calendarPattern.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return undefined;
  if (match[3] !== undefined) {
    // The day is ignored, but must be one of the month's: 2025-02-31 is a typing mistake, not February.
    const day = Number(match[3]);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return undefined;
  }
  return year * 12 + (month - 1);
}

/**
 * Of a date whose month has no such day, how many days the month has; undefined for anything else.
 * @example daysOfAMonthWithoutTheDay("2025-02-30") // "2025-02 has 28 days"
 */
function daysOfAMonthWithoutTheDay(text: string): string | undefined {
  const match = calendarPattern.exec(text);
  if (!match || match[3] === undefined || calendarIndex(`${match[1]}-${match[2]}`) === undefined) return undefined;
  const days = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
  return `${match[1]}-${match[2]} has ${days} days`;
}

/**
 * The calendar month ("YYYY-MM") of a case month, given the plan's first month.
 * @example calendarMonthOf("2025-11", 3) // "2026-01"
 */
export function calendarMonthOf(startMonth: string, month: number): string {
  const index = (calendarIndex(startMonth) ?? 0) + month - 1;
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * Turns what a person wrote for a month — a month number or a calendar month — into the case's
 * month number, checked against the horizon.
 * @example monthNumberOf("2025-03", { startMonth: "2025-01", horizonMonths: 12 }) // { month: 3 }
 * @example monthNumberOf("13", { horizonMonths: 12 }) // { message: "month is 13; allowed: ..." }
 */
export function monthNumberOf(text: string, plan: { startMonth?: string | undefined; horizonMonths: number }): { month: number } | { message: string } {
  const trimmed = text.trim();
  // Only a refused month needs the words (a calendar month in them costs a little on every row).
  const allowed = () =>
    `allowed: a month number from 1 to ${plan.horizonMonths}${plan.startMonth ? ` or a calendar month from ${plan.startMonth} to ${calendarMonthOf(plan.startMonth, plan.horizonMonths)} (YYYY-MM, or a date YYYY-MM-DD in it)` : ""}`;
  if (/^\d+$/.test(trimmed)) {
    const month = Number(trimmed);
    if (month >= 1 && month <= plan.horizonMonths) return { month };
    return { message: `month is ${trimmed}; ${allowed()}` };
  }
  const index = calendarIndex(trimmed);
  if (index === undefined) {
    const days = daysOfAMonthWithoutTheDay(trimmed);
    return { message: `month is ${JSON.stringify(text)}${days ? ` (${days})` : ""}; ${allowed()}` };
  }
  if (!plan.startMonth) {
    return {
      message: `month is ${trimmed}, a calendar month, but the plan has no start month; give month numbers (1 to ${plan.horizonMonths}) or freeze the plan with --start YYYY-MM`,
    };
  }
  const month = index - (calendarIndex(plan.startMonth) ?? 0) + 1;
  if (month >= 1 && month <= plan.horizonMonths) return { month };
  return { message: `month is ${trimmed}, which is month ${month} of the plan; ${allowed()}` };
}

/**
 * The calendar month a date falls in.
 * @example calendarMonthOfDate(new Date("2025-03-14T10:00:00Z")) // "2025-03"
 */
export function calendarMonthOfDate(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

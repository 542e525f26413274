import { extent, percentile, rounded } from "./stats.js";
import { exposures, monthOf, type MonthExposure } from "./time.js";
import { listInWords } from "../format/words.js";

/** One month's figure of a measured input. */
export interface MonthlyValue {
  readonly month: string;
  readonly value: number;
}

/**
 * A proposed input: the 5th to the 95th percentile of its monthly values, the range a scenario
 * file writes `{ low, high, note }` (a 90% interval). `input` is its path in a scenario's inputs
 * ("waiting.minutesPerRun", "manualTasks.dataChecks.minutesPerWeek").
 */
export interface Proposal {
  readonly input: string;
  readonly low: number;
  readonly high: number;
  readonly note: string;
  readonly monthly: readonly MonthlyValue[];
}

/** A figure measured that no input takes as it is (incidents a month, building hours), shown beside the proposals. */
export interface Observation {
  readonly what: string;
  readonly low: number;
  readonly high: number;
  readonly note: string;
  readonly monthly: readonly MonthlyValue[];
}

/** What one source proposes, with what it could not propose and why. */
export interface Measurement {
  readonly proposals: readonly Proposal[];
  readonly observations: readonly Observation[];
  readonly notices: readonly string[];
}

/** Where the figures came from, for the note: the source, the file, the period and the count. */
export interface Provenance {
  /** "GitHub Actions runs", "PagerDuty incidents", … */
  readonly source: string;
  /** The file read, or the repository fetched. */
  readonly from: string;
  readonly period: readonly MonthExposure[];
  /** "412 runs by 4 people", "9 incidents". */
  readonly counted: string;
}

/** "2026-01-05 to 2026-03-28". */
export function periodText(first: number, last: number): string {
  return `${new Date(first).toISOString().slice(0, 10)} to ${new Date(last).toISOString().slice(0, 10)}`;
}

const monthsWord = (count: number) => `${count} month${count === 1 ? "" : "s"}`;

/** The note written next to a measured input: what, from where, over which period, how many. */
export function measuredNote(what: string, provenance: Provenance, span: string, monthly: readonly MonthlyValue[]): string {
  const range = monthly.length === 1 ? "the one month's value" : `5th–95th percentile of ${monthsWord(monthly.length)}`;
  return `measured by mlops-roi measure: ${what}; ${provenance.source} from ${provenance.from}, ${span}, ${provenance.counted}; ${range}`;
}

/**
 * The 5th and 95th percentiles of monthly values, rounded to `digits` decimals (and kept within
 * `max`, a share's 1). A single month gives low = high.
 */
export function rangeOf(monthly: readonly MonthlyValue[], digits: number, max = Number.POSITIVE_INFINITY): { low: number; high: number } {
  const values = monthly.map((entry) => entry.value);
  const low = Math.min(max, rounded(percentile(values, 0.05), digits));
  const high = Math.min(max, Math.max(low, rounded(percentile(values, 0.95), digits)));
  return { low, high };
}

/** Months a count can be scaled from: those the period covers for at least a week. */
export const MIN_EXPOSURE_DAYS = 7;

/**
 * A count in a month scaled to the whole month from the days the period covers (12 runs in the
 * 15 days of January an export covers are 12 × 31 / 15 a month).
 */
export function perMonth(count: number, exposure: MonthExposure): number {
  return (count * exposure.daysInMonth) / exposure.days;
}

/** A count in a month as a count a week, from the days the period covers. */
export function perWeek(count: number, exposure: MonthExposure): number {
  return (count * 7) / exposure.days;
}

const monthWithDays = (month: MonthExposure) => `${month.month} (${month.days} day${month.days === 1 ? "" : "s"})`;

/** The months long enough to scale from, and a notice naming the months left out. */
export function scalableMonths(period: readonly MonthExposure[], what: string): { months: MonthExposure[]; notice?: string } {
  const months = period.filter((month) => month.days >= MIN_EXPOSURE_DAYS);
  const short = period.filter((month) => month.days < MIN_EXPOSURE_DAYS);
  if (short.length === 0) return { months };
  const named = short.map(monthWithDays).join(", ");
  return { months, notice: `${what}: ${named} left out of the monthly counts: fewer than ${MIN_EXPOSURE_DAYS} days of the month are in the export` };
}

/**
 * Where records that match yet are none of the counted ones lie: "all fall in 2026-02 (1 day), left
 * out of the monthly counts: fewer than 7 days of the month are in the export", for a notice that
 * would otherwise say nothing matched (a label or pattern the user would then think wrong);
 * undefined when no record matches at all (the notice that nothing matched is then true).
 * @example whereLeftOut(allRuns.filter(isDeploy), (run) => run.createdAt, exposures(first, last), months)
 */
export function whereLeftOut<T>(
  matching: readonly T[],
  at: (item: T) => number,
  period: readonly MonthExposure[],
  months: readonly MonthExposure[],
): string | undefined {
  if (matching.length === 0) return undefined;
  const holding = new Set(matching.map((item) => monthOf(at(item))));
  const counted = new Set(months.map((month) => month.month));
  const leftOut = period.filter((month) => holding.has(month.month) && !counted.has(month.month));
  if (leftOut.length === 0) return undefined;
  const one = leftOut.length === 1;
  return `all fall in ${listInWords(leftOut.map(monthWithDays))}, left out of the monthly counts: fewer than ${MIN_EXPOSURE_DAYS} days of ${one ? "the month" : "each month"} are in the export`;
}

/**
 * The records of the months counted (`scalableMonths`) and the period they cover, for the figures and
 * the note alike: a month left out of the counts is left out of the note's period and counts too, so
 * that "2 deployments" over "2026-01-01 to 2026-02-01" is not written beside January's 1 a month.
 * @example inCountedMonths(events, (event) => event.start, months, first, last).span // "2026-01-01 to 2026-01-31"
 */
export function inCountedMonths<T>(
  items: readonly T[],
  at: (item: T) => number,
  months: readonly MonthExposure[],
  first: number,
  last: number,
): { items: readonly T[]; span: string } {
  if (months.length === 0) return { items, span: periodText(first, last) };
  const counted = new Set(months.map((month) => month.month));
  // Only a month at either end can be short: with both ends counted, every record is (no pass over them).
  const whole = counted.has(monthOf(first)) && counted.has(monthOf(last));
  const kept = whole ? items : items.filter((item) => counted.has(monthOf(at(item))));
  const [startYear, startMonth] = months[0]!.month.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = months[months.length - 1]!.month.split("-").map(Number) as [number, number];
  const from = Math.max(first, Date.UTC(startYear, startMonth - 1, 1));
  const until = Math.min(last, Date.UTC(endYear, endMonth, 1) - 1);
  return { items: kept, span: periodText(from, until) };
}

/**
 * An export's records as every measure counts them, in one place: the months long enough to scale
 * from (`scalableMonths`, its notice the first of `notices`), the records of those months and the
 * period they cover (`inCountedMonths`), and, for a notice that would say nothing matched, where
 * matching records left out lie (`whereLeftOut`).
 * @example const { items, span, months, notices, leftOut } = countedRecords(runs, (run) => run.createdAt, "GitHub Actions runs")
 */
export function countedRecords<T>(
  all: readonly T[],
  at: (item: T) => number,
  what: string,
): { items: readonly T[]; span: string; months: MonthExposure[]; notices: string[]; leftOut: (matching: readonly T[]) => string | undefined } {
  const { min: first, max: last } = extent(all.map(at));
  const period = exposures(first, last);
  const { months, notice } = scalableMonths(period, what);
  // Only the months counted: the note's period and counts are those of the figures.
  const { items, span } = inCountedMonths(all, at, months, first, last);
  return { items, span, months, notices: notice ? [notice] : [], leftOut: (matching) => whereLeftOut(matching, at, period, months) };
}

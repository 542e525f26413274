import type { CaseResult, ComparisonResult } from "../engine/index.js";
import { formatNumber } from "./numbers.js";
import { listInWords } from "./words.js";

/**
 * What the last year's gain (`benefitLastTwelveMonths`) is, in the words of every view that shows
 * it (the command line's table, the web app's cards): its heading, and what it counts. Over a plan
 * of a year or less its months are the whole plan, and it still leaves out the cash paid at the
 * start, which a reader would otherwise take it to hold. Cash an option pays at the end of one of its
 * months (before a change that starts later) is in that month's net benefit, so in the gain: said too,
 * "the cash paid in month 5 included" (docs/numbers.md, "Comparison"), so that it is not taken off twice.
 * @example lastYearWords({ horizonMonths: 36, ... }) // { heading: "Gain, last 12 months", counts: "months 25 to 36, not discounted", span: "the last 12 months" }
 * @example lastYearWords({ horizonMonths: 6, ... }) // { heading: "Gain, months 1–6", counts: "months 1 to 6, not discounted, without the cash paid at the start", span: "months 1–6" }
 * @example lastYearWords(seedWithCashInMonth5) // { …, counts: "months 1 to 12, not discounted, the cash paid in month 5 included, the cash paid at the start not" }
 */
export function lastYearWords(
  result: CaseResult,
  /** The options the view shows (default: every one): the cash at the start is named only if one of them pays some. */
  shown: readonly ComparisonResult[] = Object.values(result.comparisons),
  /**
   * Whether the view's figures follow edits (the workbook, where every figure is a formula): an
   * edit can add cash at the start where the case had none, so over a plan of a year or less the
   * words name it whatever the case pays now.
   */
  live = false,
): {
  heading: string;
  counts: string;
  /** Its months after "over" in a sentence: "the last 12 months", "months 1–6", "month 1". */
  span: string;
} {
  const horizon = result.horizonMonths;
  const span = horizon >= 12 ? "last 12 months" : horizon === 1 ? "month 1" : `months 1–${horizon}`;
  const months = horizon > 12 ? `months ${horizon - 11} to ${horizon}` : horizon === 1 ? "month 1" : `months 1 to ${horizon}`;
  const paidAtStart = horizon <= 12 && (live || shown.some((comparison) => comparison.timeZeroNet !== 0));
  const laterWords = laterCashWords(result, shown);
  const cash = laterWords
    ? `, ${laterWords}${paidAtStart ? ", the cash paid at the start not" : ""}`
    : paidAtStart
      ? ", without the cash paid at the start"
      : "";
  return {
    heading: `Gain, ${span}`,
    counts: `${months}, not discounted${cash}`,
    span: horizon >= 12 ? "the last 12 months" : span,
  };
}

/**
 * The cash an option pays at the end of a later month (before a change that starts later:
 * `investment.cashMonth`, or each of `cashByMonth`) is in that month's net benefit, so in the last
 * year's gain when the month is one of its months: "the cash paid in month 5 included", so that it is
 * not taken off the gain a second time; empty when no option shown pays any in those months.
 * @example laterCashWords(seedWithCashInMonth5) // "the cash paid in month 5 included"
 */
export function laterCashWords(result: CaseResult, shown: readonly ComparisonResult[] = Object.values(result.comparisons)): string {
  const first = Math.max(1, result.horizonMonths - 11);
  const later = [...new Set(shown.flatMap((comparison) => laterCashMonths(comparison.investment)))].filter((month) => month >= first).sort((a, b) => a - b);
  return later.length === 0 ? "" : `the cash paid in ${later.length === 1 ? "month" : "months"} ${listInWords(later.map(formatNumber))} included`;
}

/** The months after the start in which an option pays cash before its change (`investment.cashMonth`, or each of `cashByMonth`). */
function laterCashMonths(investment: ComparisonResult["investment"]): number[] {
  if (investment.cashMonth !== null) return investment.cashMonth > 0 && investment.cash !== 0 ? [investment.cashMonth] : [];
  return (investment.cashByMonth ?? []).filter((part) => part.month > 0 && part.cash !== 0).map((part) => part.month);
}

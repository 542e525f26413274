import type { CaseResult, ComparisonResult } from "../engine/index.js";

/**
 * What the last year's gain (`benefitLastTwelveMonths`) is, in the words of every view that shows
 * it (the command line's table, the web app's cards): its heading, and what it counts. Over a plan
 * of a year or less its months are the whole plan, and it still leaves out the cash paid at the
 * start, which a reader would otherwise take it to hold.
 * @example lastYearWords({ horizonMonths: 36, ... }) // { heading: "Gain, last 12 months", counts: "months 25 to 36, not discounted", span: "the last 12 months" }
 * @example lastYearWords({ horizonMonths: 6, ... }) // { heading: "Gain, months 1–6", counts: "months 1 to 6, not discounted, without the cash paid at the start", span: "months 1–6" }
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
  return {
    heading: `Gain, ${span}`,
    counts: `${months}, not discounted${paidAtStart ? ", without the cash paid at the start" : ""}`,
    span: horizon >= 12 ? "the last 12 months" : span,
  };
}

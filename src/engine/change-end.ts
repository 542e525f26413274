import type { CaseResult } from "./result.js";

/** The last month in which a comparison's two options still differ by a change being made (docs/numbers.md, "Benefit last 12 months"). */
export interface ComparisonChangeEnd {
  /** The later of the alternative's and the baseline's `summary.changeEndMonth`; 0 when neither makes a change. */
  month: number;
  /** Whether that month is the baseline's own change (a change in `defaults`, say), which ends after the alternative's. */
  baselineLater: boolean;
}

/**
 * When the change of a comparison is over: the later of the alternative's and the baseline's
 * `summary.changeEndMonth`. A change in `defaults` (or the baseline's own) is made by the baseline
 * too, and the comparison nets its hours, so a month in which today is still making it is not a month
 * of the alternative running against today. From the month after, each side works its own way for good.
 * @example comparisonChangeEnd(result, "better") // { month: 6, baselineLater: false }
 */
export function comparisonChangeEnd(result: CaseResult, alternative: string): ComparisonChangeEnd {
  const own = result.scenarios[alternative]!.summary.changeEndMonth;
  const today = result.scenarios[result.baseline]!.summary.changeEndMonth;
  return { month: Math.max(own, today), baselineLater: today > own };
}

import type { CaseResult, ComparisonResult } from "../engine/index.js";
import { describeInput } from "./input-labels.js";

export interface Recommendation {
  /** "go": the best alternative gains money within the horizon; "stay": none does. */
  verdict: "go" | "stay";
  /** The alternative with the highest net present value (also when the verdict is "stay"). */
  best: ComparisonResult;
  /** The next best by net present value, for the reason in words. */
  runnerUp?: ComparisonResult;
  /** Month the change starts (1 unless the file says otherwise). */
  changeStartMonth: number;
  /** First month, from the change's start, in which a new project goes live; null if none does. */
  firstReleaseMonth: number | null;
}

/** The month the alternative's change starts, read from the inputs it uses. */
function changeStartMonth(result: CaseResult, alternative: string): number {
  const candidates = result.assumptions.filter(
    (assumption) => describeInput(assumption.input).field === "change.startMonth" && assumption.usedBy.includes(alternative),
  );
  const own = candidates.find((assumption) => describeInput(assumption.input).scenario === alternative);
  return (own ?? candidates[0])?.value ?? 1;
}

/**
 * Picks the alternative with the highest net present value and the deadline for its first model
 * in production: the first release from the month the change starts. Returns undefined when the
 * file has no alternative to compare.
 * @example recommend(result)?.best.alternative // "compromise"
 */
export function recommend(result: CaseResult): Recommendation | undefined {
  const ranked = Object.values(result.comparisons).sort((a, b) => b.npv - a.npv);
  const best = ranked[0];
  if (!best) return undefined;
  const start = changeStartMonth(result, best.alternative);
  const scenario = result.scenarios[best.alternative]!;
  const release =
    scenario.summary.firstReleaseMonth !== null && scenario.summary.firstReleaseMonth >= start
      ? scenario.summary.firstReleaseMonth
      : (scenario.months.find((month) => month.month >= start && month.releases > 0)?.month ?? null);
  return {
    verdict: best.npv > 0 ? "go" : "stay",
    best,
    ...(ranked[1] ? { runnerUp: ranked[1] } : {}),
    changeStartMonth: start,
    firstReleaseMonth: release,
  };
}

import { comparisonChangeEnd } from "./change-end.js";
import { rivals } from "./judgement.js";
import type { CaseResult, ComparisonResult } from "./result.js";
import { quantityKind } from "./scenario/quantity.js";

/**
 * Below this chance of any gain over the samples, a "go" is called doubtful: the option loses money
 * in more than one outcome in five, and page 1 says so beside the verdict. The chance is compared as
 * written, to the whole percent (below 79.5%), so that a doubtful "go" never reads "only 80%".
 */
export const DOUBTFUL_GAIN_CHANCE = 0.8;

export interface Recommendation {
  /** "go": the best alternative gains money within the horizon; "stay": none does. */
  verdict: "go" | "stay";
  /**
   * With ranges sampled: the best alternative's chance of any gain (NPV above 0) over the samples;
   * null without them.
   */
  chanceOfGain: number | null;
  /** A "go" whose chance of any gain is below `DOUBTFUL_GAIN_CHANCE`: it may well lose money. */
  doubtful: boolean;
  /** The alternative with the highest net present value (also when the verdict is "stay"). */
  best: ComparisonResult;
  /** The next best by net present value, for the reason in words; never an option that changes nothing. */
  runnerUp?: ComparisonResult;
  /** Month the change starts (1 unless the file says otherwise). */
  changeStartMonth: number;
  /** First month, from the change's start, in which a new project goes live; null if none does. */
  firstReleaseMonth: number | null;
  /**
   * How many projects the option releases in the months before its change starts (by today's way of
   * working, until then): page 1 says them before the deadline, which is for the first from the start.
   */
  releasesBeforeChange: number;
  /**
   * The same for today's way of working (the baseline), from the same month: when it is sooner than
   * `firstReleaseMonth`, the option's first release comes later than today's would — held back by its
   * change, or by its own plan of releases or way of releasing (page 1 says which: docs/numbers.md,
   * "The recommendation"). Null if today releases none then.
   */
  todayFirstReleaseMonth: number | null;
  /**
   * Whether a longer plan could still show the best option gaining money, so that page 1 may suggest
   * one beside a "stay": false when the plan is already as long as a case may be (240 months), or when
   * the option loses money or gains nothing over the plan's last 12 months with every change (its own
   * and today's) over before they begin — a whole year of running that does not gain is no reason to
   * look further (docs/numbers.md, "The recommendation"). True otherwise: the change is still being
   * made in those months, or they gain.
   */
  longerPlanMayHelp: boolean;
}

/** The longest plan a case may have (`horizonMonths`). */
const LONGEST_PLAN = quantityKind("horizon").max;

/** `Recommendation.longerPlanMayHelp` of one option. */
function longerPlanMayHelp(result: CaseResult, option: ComparisonResult): boolean {
  if (result.horizonMonths >= LONGEST_PLAN) return false;
  const running = comparisonChangeEnd(result, option.alternative).month < result.horizonMonths - 11;
  return !(running && option.benefitLastTwelveMonths <= 0);
}

/**
 * The deadline for an option's first model in production (`Recommendation`'s fields of the same names):
 * the first release from the month its change starts, the releases before then, and today's first
 * release from that month. Page 1 gives it for the option recommended, and for each option level with
 * it at the top when none gains money (docs/numbers.md, "Close calls and extraordinary results").
 * @example deadlineOf(result, "compromise").firstReleaseMonth // 5
 */
export function deadlineOf(
  result: CaseResult,
  alternative: string,
): Pick<Recommendation, "changeStartMonth" | "firstReleaseMonth" | "releasesBeforeChange" | "todayFirstReleaseMonth"> {
  const scenario = result.scenarios[alternative]!;
  const start = scenario.summary.changeStartMonth;
  const release =
    scenario.summary.firstReleaseMonth !== null && scenario.summary.firstReleaseMonth >= start
      ? scenario.summary.firstReleaseMonth
      : (scenario.months.find((month) => month.month >= start && month.releases > 0)?.month ?? null);
  const releasesBeforeChange = scenario.months.filter((month) => month.month < start).reduce((sum, month) => sum + month.releases, 0);
  const today = result.scenarios[result.baseline]!.months.find((month) => month.month >= start && month.releases > 0)?.month ?? null;
  return { changeStartMonth: start, firstReleaseMonth: release, releasesBeforeChange, todayFirstReleaseMonth: today };
}

/**
 * The recommendation every view states: the alternative with the highest net present value, "go"
 * when it gains money within the horizon, and the deadline for its first model in production.
 *
 * Picks the alternative with the highest net present value and the deadline for its first model
 * in production: the first release from the month the change starts. Returns undefined when the
 * file has no alternative to compare.
 * @example recommend(result)?.best.alternative // "compromise"
 */
export function recommend(result: CaseResult): Recommendation | undefined {
  const ranked = Object.values(result.comparisons).sort((a, b) => b.npv - a.npv);
  const best = ranked[0];
  if (!best) return undefined;
  const verdict = best.npv > 0 ? "go" : "stay";
  const rival = rivals(result).find((option) => option !== best);
  const chanceOfGain = best.distribution?.probabilityNpvPositive ?? null;
  return {
    verdict,
    chanceOfGain,
    doubtful: verdict === "go" && chanceOfGain !== null && Math.round(chanceOfGain * 100) < DOUBTFUL_GAIN_CHANCE * 100,
    best,
    // An option that changes nothing is staying as today, no rival to name (docs/numbers.md, "An option that changes nothing").
    ...(rival ? { runnerUp: rival } : {}),
    ...deadlineOf(result, best.alternative),
    longerPlanMayHelp: longerPlanMayHelp(result, best),
  };
}

/**
 * The option page 1 recommends, by scenario name: the best alternative on "go", the baseline (stay
 * as today) on "stay". `result.decision.best`, the best on average over the samples, is set beside
 * this one: when they differ, `run` and the report say both (docs/numbers.md, "the report's decision
 * section").
 * @example recommendedOption(result, recommend(result)!) // "current" when no option gains money
 */
export function recommendedOption(result: CaseResult, recommendation: Recommendation): string {
  return recommendation.verdict === "go" ? recommendation.best.alternative : result.baseline;
}

/**
 * The option page 1 recommends going ahead with: the best, in a "go" that is not a close call (a close
 * call sets two options side by side and recommends neither). Undefined when it recommends none, so that
 * no view calls an option "recommended" where page 1 does not (the report's sections, the web app's
 * "What to ask for first").
 * @example optionRecommendedToGoAhead(result, recommend(result)) // "managed"
 */
export function optionRecommendedToGoAhead(result: CaseResult, recommendation: Recommendation | undefined): string | undefined {
  return recommendation?.verdict === "go" && !result.judgement?.closeCall ? recommendation.best.alternative : undefined;
}

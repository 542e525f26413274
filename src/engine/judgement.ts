import type { CaseResult, ComparisonResult } from "./result.js";
import { levelTolerance } from "./uncertainty/index.js";

/**
 * Two judgements a sceptical reader makes of a result before trusting it (docs/numbers.md,
 * "Close calls and extraordinary results"): whether the best option is really ahead of the
 * next, and whether a result is so large that its assumptions deserve a second look.
 */

/** The best option wins by less than this share of its own net gain: a close call. */
export const CLOSE_GAP_SHARE = 0.1;
/** With ranges: the best option comes out ahead of the runner-up in fewer outcomes than this: a close call. */
export const CLOSE_CHANCE = 0.75;
/** A yearly gain above this share of today's team payroll over the same months is extraordinary. */
export const EXTRAORDINARY_PAYROLL_SHARE = 0.5;
/**
 * A return on cost (ROI) above this is extraordinary (5 = 500%): published studies of such tools
 * (Forrester TEI studies, say) report returns from tens to a few hundred percent.
 */
export const EXTRAORDINARY_ROI = 5;

export interface CloseCall {
  /** The option with the highest net gain (NPV). */
  best: string;
  /** The next highest. */
  runnerUp: string;
  /** best's NPV − runnerUp's NPV. */
  npvGap: number;
  /** npvGap ÷ |best's NPV|. */
  gapShare: number;
  /** With ranges: the share of outcomes in which best's NPV exceeds runnerUp's (`decision.chanceAbove`, ties counted half); null without. */
  chanceBestAhead: number | null;
  /** With ranges: the share of outcomes in which the two NPVs are equal (`decision.chanceLevel`); null without. */
  chanceLevel: number | null;
  /**
   * Every other option level with `best` in every outcome, highest NPV first, then in the file's order
   * (the runner-up first when it is one of them): with ranges, those whose `decision.chanceLevel` with
   * `best` is 1; without, those whose NPV equals best's (within the decision analysis's tolerance,
   * `levelTolerance`). Empty when none is. Three copies of one option name both others.
   */
  levelWithBest: string[];
}

export interface Extraordinary {
  alternative: string;
  /** Why: the yearly gain exceeds half of today's payroll, the ROI exceeds 500%, or both. */
  reasons: ("yearlyGainAboveHalfPayroll" | "roiAboveFiveHundredPercent")[];
  /** `benefitLastTwelveMonths`. */
  yearlyGain: number;
  /** The baseline team's payroll over the same months (`benefitLastTwelveMonthsSpan` of them, the last). */
  payroll: number;
  /** `roi` (null when nothing costs more). */
  roi: number | null;
}

export interface Judgement {
  /** Present when the best option gains money and the runner-up is close to it; null otherwise. */
  closeCall: CloseCall | null;
  /** The options whose result is extraordinary, best first. */
  extraordinary: Extraordinary[];
}

function ranked(result: CaseResult): ComparisonResult[] {
  return Object.values(result.comparisons).sort((a, b) => b.npv - a.npv);
}

/**
 * The close call between the two best options: the gap is at most 10% of the best's net gain, or (with
 * ranges) the best comes out ahead in fewer than 75% of outcomes. Only when the best gains money.
 * @example closeCallOf(result)?.runnerUp // "basics"
 */
export function closeCallOf(result: CaseResult): CloseCall | null {
  const [best, runnerUp] = ranked(result);
  if (!best || !runnerUp || !(best.npv > 0)) return null;
  const npvGap = best.npv - runnerUp.npv;
  const gapShare = npvGap / Math.abs(best.npv);
  const chance = result.decision?.chanceAbove[best.alternative]?.[runnerUp.alternative];
  const chanceBestAhead = chance === undefined ? null : chance;
  const chanceLevel = chance === undefined ? null : result.decision!.chanceLevel[best.alternative]![runnerUp.alternative]!;
  const close = gapShare <= CLOSE_GAP_SHARE || (chanceBestAhead !== null && chanceBestAhead < CLOSE_CHANCE);
  if (!close) return null;
  return { best: best.alternative, runnerUp: runnerUp.alternative, npvGap, gapShare, chanceBestAhead, chanceLevel, levelWithBest: levelWith(result, best) };
}

/** The options level with `best` in every outcome (`CloseCall.levelWithBest`). */
function levelWith(result: CaseResult, best: ComparisonResult): string[] {
  const decision = result.decision;
  const level = (other: ComparisonResult) => {
    const sampled = decision?.chanceLevel[best.alternative]?.[other.alternative];
    if (sampled !== undefined) return sampled >= 1;
    return Math.abs(best.npv - other.npv) <= levelTolerance(best.npv, other.npv);
  };
  return ranked(result)
    .filter((other) => other.alternative !== best.alternative && level(other))
    .map((other) => other.alternative);
}

/**
 * The options whose yearly gain exceeds half of today's payroll over the same months, or whose ROI
 * exceeds 500%: results published studies of such investments rarely reach.
 */
export function extraordinaryOf(result: CaseResult): Extraordinary[] {
  const baseline = result.scenarios[result.baseline];
  if (!baseline) return [];
  const out: Extraordinary[] = [];
  for (const comparison of ranked(result)) {
    const span = comparison.benefitLastTwelveMonthsSpan;
    const payroll = baseline.months.slice(-span).reduce((total, month) => total + month.payroll, 0);
    const reasons: Extraordinary["reasons"] = [];
    if (payroll > 0 && comparison.benefitLastTwelveMonths > EXTRAORDINARY_PAYROLL_SHARE * payroll) reasons.push("yearlyGainAboveHalfPayroll");
    if (comparison.roi !== null && comparison.roi > EXTRAORDINARY_ROI) reasons.push("roiAboveFiveHundredPercent");
    if (reasons.length > 0)
      out.push({ alternative: comparison.alternative, reasons, yearlyGain: comparison.benefitLastTwelveMonths, payroll, roi: comparison.roi });
  }
  return out;
}

/** Both judgements of a result. */
export function judge(result: CaseResult): Judgement {
  return { closeCall: closeCallOf(result), extraordinary: extraordinaryOf(result) };
}

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
  /**
   * The gap as page 1, `run` and the web app write it: best's NPV to the unit − runnerUp's NPV to the unit
   * (each rounded half away from zero), the difference a reader works out of the two figures written beside
   * it (5,970.49 and 5,454.99: 5,970 − 5,455 = 515, where npvGap, 515.50, rounds to 516).
   */
  npvGapToTheUnit: number;
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
  /**
   * The options the close call sets side by side, best first (page 1, `run` and the web app alike): the
   * best, then every option in the order of `ranked` down to the last one that is itself close to the
   * best by the same test (a gap of at most 10% of the best's net gain, or, with ranges, the best ahead
   * of it in fewer than 75% of outcomes), and after it every one that gains the same as the last named
   * (`sameGainGroups`). So no option is left out that gains more than one named, or the same.
   */
  options: string[];
  /**
   * The net gain each of `options` is shown with, by name: of options that gain the same (`sameGainGroups`),
   * the first's (the highest), so that 4,105.20 and 4,104.80 read alike wherever they stand; any other its own.
   */
  npvShown: Record<string, number>;
  /**
   * Whether `options` are the same on every figure page 1 and `run` set side by side: the net gain shown (and
   * to the unit, as `run` writes it), cash up
   * front (within half a unit), team time (within 0.05 hours), payback month, return on cost (within 0.05
   * percentage points) and, with ranges, the chance it pays back (within 0.5 percentage points) and the
   * ends of its net gain's 90% range (within half a unit each). The figures
   * then give nothing to choose on.
   */
  sameOnEveryFigure: boolean;
  /**
   * The options after the best that are close to it by the chance test alone: the best leads each by more
   * than 10% of its net gain, yet comes out ahead of it in fewer than 75% of outcomes (with ranges;
   * `decision.chanceAbove`). In the order of `options`; empty without ranges. Each is said with its own
   * chance wherever the close call names it, which is why it is named ("ahead of “Third” in only 59%").
   */
  closeByChance: string[];
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
 * The options a close call weighs, ranked as `ranked`: every option but one that changes nothing against
 * the baseline (`changesNothing`), which is staying as today, not a rival to choose between
 * (docs/numbers.md, "Close calls and extraordinary results"). `recommend`'s runner-up is the first of
 * them after the best, for the same reason.
 */
export function rivals(result: CaseResult): ComparisonResult[] {
  return ranked(result).filter((comparison) => comparison.changesNothing !== true);
}

/**
 * Whether two net gains are the same to a reader: they differ by less than half a unit of the currency,
 * a gap of nothing to the unit (docs/numbers.md, "Close calls and extraordinary results"). One rule on the
 * exact figures for every view, because each rounds its figures its own way (to the unit in `run`, to
 * three significant figures on page 1): €9,995.20 and €9,994.90 are the same everywhere.
 * @example sameGain(9995.2, 9994.9) // true ; sameGain(9995.6, 9994.9) // false
 */
export function sameGain(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.5;
}

/**
 * The options in groups that gain the same, highest net gain first, then in the file's order: an option
 * joins the group of the one ranked just above it when the two gain the same (`sameGain`), so the
 * groups do not depend on where one starts: of 100,000.00, 99,999.60 and 99,999.20, all three are one
 * group, though the first and the last are 0.80 apart. Each group is shown with its first's net gain.
 * @example sameGainGroups(result).map((group) => group.length) // [3, 1]
 */
export function sameGainGroups(result: CaseResult): string[][] {
  const groups: ComparisonResult[][] = [];
  for (const comparison of ranked(result)) {
    const last = groups.at(-1);
    if (last && sameGain(last.at(-1)!.npv, comparison.npv)) last.push(comparison);
    else groups.push([comparison]);
  }
  return groups.map((group) => group.map((comparison) => comparison.alternative));
}

/**
 * Every other option that gains the same as `name` (its group in `sameGainGroups`), leaving out those in
 * `except`: highest net gain first, then in the file's order. Page 1 names them beside a runner-up's figure
 * ("against €4,110 each for “Beta” and “Gamma”").
 * @example optionsGainingTheSame(result, "beta", ["alpha"]) // ["gamma"], of a Gamma at Beta's €4,110
 */
export function optionsGainingTheSame(result: CaseResult, name: string, except: readonly string[] = []): string[] {
  const group = sameGainGroups(result).find((names) => names.includes(name)) ?? [];
  return group.filter((option) => option !== name && !except.includes(option));
}

/**
 * By what share of the best's net gain another option's falls short: the close call's gap (`CloseCall.gapShare`
 * of the runner-up), and the share every view writes beside each option the best leads ("by €500 and €700
 * (5% and 7% of its net gain)").
 * @example gapShareOf(10_000, 9_500) // 0.05
 */
export function gapShareOf(bestNpv: number, otherNpv: number): number {
  return (bestNpv - otherNpv) / Math.abs(bestNpv);
}

/**
 * Whether another option is close to the best by the gap alone: it falls short by at most
 * CLOSE_GAP_SHARE of the best's net gain (with ranges a close call may also come from the chance of
 * coming out ahead; page 1 says "only" of a gap that is close by itself).
 * @example closeByGap(10_000, 9_500) // true ; closeByGap(10_000, 8_000) // false
 */
export function closeByGap(bestNpv: number, otherNpv: number): boolean {
  return gapShareOf(bestNpv, otherNpv) <= CLOSE_GAP_SHARE;
}

/**
 * Of a close call's options, those that gain the same as the best (shown with the best's figure in
 * `npvShown`), best first: "“A” and “B” gain the same"; the best alone when none does. Every other
 * option of `options` is one the best leads. Page 1, `run` and the web app split the options so.
 * @example sameAsBest({ best: "a", options: ["a", "b", "c"], npvShown: { a: 100, b: 100, c: 90 } }) // ["a", "b"]
 */
export function sameAsBest(close: Pick<CloseCall, "best" | "options" | "npvShown">): string[] {
  return close.options.filter((name) => close.npvShown[name] === close.npvShown[close.best]);
}

/**
 * The close call between the two best options: the gap is at most 10% of the best's net gain, or (with
 * ranges) the best comes out ahead in fewer than 75% of outcomes. Only when the best gains money. An
 * option that changes nothing against the baseline is never one of them (`rivals`).
 * @example closeCallOf(result)?.runnerUp // "basics"
 */
export function closeCallOf(result: CaseResult): CloseCall | null {
  const [best, runnerUp] = rivals(result);
  if (!best || !runnerUp || !(best.npv > 0)) return null;
  if (!closeTo(result, best, runnerUp)) return null;
  const npvGap = best.npv - runnerUp.npv;
  const chance = result.decision?.chanceAbove[best.alternative]?.[runnerUp.alternative];
  const chanceBestAhead = chance === undefined ? null : chance;
  const chanceLevel = chance === undefined ? null : result.decision!.chanceLevel[best.alternative]![runnerUp.alternative]!;
  const options = closeOptions(result, best);
  const npvShown = shownNpvs(result, options);
  return {
    best: best.alternative,
    runnerUp: runnerUp.alternative,
    npvGap,
    npvGapToTheUnit: toTheUnit(best.npv) - toTheUnit(runnerUp.npv),
    gapShare: gapShareOf(best.npv, runnerUp.npv),
    chanceBestAhead,
    chanceLevel,
    levelWithBest: levelWith(result, best),
    options,
    npvShown,
    sameOnEveryFigure: sameOnEveryFigure(result, options, npvShown),
    closeByChance: options.filter((name) => name !== best.alternative && closeByChanceAlone(result, best, result.comparisons[name]!)),
  };
}

/** To the unit, a half away from zero (as the views write money: −2.5 is −3). */
function toTheUnit(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

/** Whether `other` is close to `best` by the close call's own test: by the gap, or (with ranges) by the chance the best comes out ahead. */
function closeTo(result: CaseResult, best: ComparisonResult, other: ComparisonResult): boolean {
  return closeByGap(best.npv, other.npv) || closeByChanceAlone(result, best, other);
}

/** Close by the chance of coming out ahead, and not by the gap (`CloseCall.closeByChance`). */
function closeByChanceAlone(result: CaseResult, best: ComparisonResult, other: ComparisonResult): boolean {
  if (closeByGap(best.npv, other.npv)) return false;
  const chance = result.decision?.chanceAbove[best.alternative]?.[other.alternative];
  return chance !== undefined && chance < CLOSE_CHANCE;
}

/** `CloseCall.options`: the best, down to the last option close to it, and those that gain the same as that one. */
function closeOptions(result: CaseResult, best: ComparisonResult): string[] {
  const order = rivals(result);
  let last = 1; // the runner-up is close, or there is no close call
  order.forEach((other, at) => {
    if (at > 0 && closeTo(result, best, other)) last = at;
  });
  const group = sameGainGroups(result).find((names) => names.includes(order[last]!.alternative))!;
  const names = order.slice(0, last + 1).map((comparison) => comparison.alternative);
  return [...names, ...group.filter((name) => !names.includes(name) && result.comparisons[name]!.changesNothing !== true)];
}

/** `CloseCall.npvShown`: each option's group's first net gain. */
function shownNpvs(result: CaseResult, options: string[]): Record<string, number> {
  const shown: Record<string, number> = {};
  for (const group of sameGainGroups(result)) for (const name of group) if (options.includes(name)) shown[name] = result.comparisons[group[0]!]!.npv;
  return shown;
}

/** `CloseCall.sameOnEveryFigure`. */
function sameOnEveryFigure(result: CaseResult, options: string[], npvShown: Record<string, number>): boolean {
  const [first, ...others] = options.map((name) => result.comparisons[name]!);
  const near = (a: number | null | undefined, b: number | null | undefined, within: number) =>
    a === b || (a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) < within);
  return others.every(
    (other) =>
      npvShown[other.alternative] === npvShown[first!.alternative] &&
      Math.round(other.npv) === Math.round(first!.npv) &&
      near(other.investment.cash, first!.investment.cash, 0.5) &&
      near(other.investment.teamHours, first!.investment.teamHours, 0.05) &&
      other.paybackMonth === first!.paybackMonth &&
      near(other.roi, first!.roi, 0.0005) &&
      near(other.distribution?.probabilityPaysBack, first!.distribution?.probabilityPaysBack, 0.005) &&
      near(other.distribution?.npv.p5, first!.distribution?.npv.p5, 0.5) &&
      near(other.distribution?.npv.p95, first!.distribution?.npv.p95, 0.5),
  );
}

/** The options level with `best` in every outcome (`CloseCall.levelWithBest`). */
function levelWith(result: CaseResult, best: ComparisonResult): string[] {
  const decision = result.decision;
  const level = (other: ComparisonResult) => {
    const sampled = decision?.chanceLevel[best.alternative]?.[other.alternative];
    if (sampled !== undefined) return sampled >= 1;
    return Math.abs(best.npv - other.npv) <= levelTolerance(best.npv, other.npv);
  };
  return rivals(result)
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

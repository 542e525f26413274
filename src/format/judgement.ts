import type { CaseResult, CloseCall } from "../engine/index.js";
import { formatChancesOfWhole, formatGain, formatMoneyExact, formatPercent, lessThanOneUnitApart, roundHalfAway, sameGain } from "./numbers.js";
import { lastYearWords } from "./last-year.js";
import { listInWords } from "./words.js";

/**
 * How often one option comes out strictly ahead of another, and how often level with it, from the
 * engine's chances: `chanceAbove` counts a tie as half a win, so two options equal in every outcome
 * are each "ahead" in 50% of them, which no reader takes as "level in all of them".
 * @example aheadAndLevel(0.5, 1) // { ahead: 0, level: 1 } ; aheadAndLevel(0.56, 0) // { ahead: 0.56, level: 0 }
 */
export function aheadAndLevel(chanceAbove: number, chanceLevel: number | null): { ahead: number; level: number } {
  const level = chanceLevel ?? 0;
  return { ahead: Math.max(0, chanceAbove - level / 2), level };
}

/**
 * `aheadAndLevel` as words: ahead, level and behind are shares of one whole (every outcome), rounded
 * together (`formatChancesOfWhole`) as the decision section rounds the same shares of two options
 * ("best alone in 41% … level at the top … in 20%"), so that page 1, the close call and the decision
 * section give one figure alike; the share behind is not said.
 * @example aheadAndLevelWords(0.5085, 0.205) // { ahead: "41%", level: "20%" } (each alone: 41% and 21%, beside 39% behind)
 */
export function aheadAndLevelWords(chanceAbove: number, chanceLevel: number | null): { ahead: string; level: string } {
  const { ahead, level } = aheadAndLevel(chanceAbove, chanceLevel);
  const [aheadWritten, levelWritten] = formatChancesOfWhole([ahead, level, Math.max(0, 1 - ahead - level)]);
  return { ahead: aheadWritten!, level: levelWritten! };
}

/**
 * The options a close call sets side by side, best first (page 1, `run` and the web app alike): the best
 * and the runner-up, and, when those two gain the same (`sameGain`), every other option that gains the
 * same as the best — those the engine finds level with it in every outcome (`levelWithBest`) and those
 * whose net gain is the best's all the same (a copy of an option whose ranges are drawn on their own) —
 * so that "A and B bring the same, €9,820 each" is never said beside a third that brings €9,820 too.
 * Else every other option that gains the same as the runner-up, which is just as close to the best:
 * "“A” leads “B” and “C” by €65 each", not "leads “B”" beside a “C” of the same figure named nowhere.
 * Highest net gain first, then in the file's order.
 * @example closeCallOptions(threeCopies, threeCopies.judgement.closeCall) // ["optimal", "compromise", "third"]
 */
export function closeCallOptions(result: CaseResult, close: CloseCall): string[] {
  const npv = (name: string) => result.comparisons[name]?.npv ?? 0;
  const tied = sameGain(npv(close.best), npv(close.runnerUp));
  const others = tied
    ? Object.keys(result.comparisons)
        .filter(
          (name) => name !== close.best && name !== close.runnerUp && ((close.levelWithBest ?? []).includes(name) || sameGain(npv(close.best), npv(name))),
        )
        .sort((a, b) => npv(b) - npv(a))
    : optionsGainingTheSame(result, close.runnerUp, [close.best]);
  return [close.best, close.runnerUp, ...others];
}

/**
 * Every other option whose net gain is `name`'s all the same (`sameGain`), leaving out those in `except`:
 * highest net gain first, then in the file's order. The runner-up's equals, named beside it wherever it is
 * named (the close call, `closeCallOptions`; page 1's "against €4,110 each for “Beta” and “Gamma”").
 * @example optionsGainingTheSame(result, "beta", ["alpha"]) // ["gamma"], of a Gamma at Beta's €4,110
 */
export function optionsGainingTheSame(result: CaseResult, name: string, except: readonly string[] = []): string[] {
  const npv = (option: string) => result.comparisons[option]?.npv ?? 0;
  return Object.keys(result.comparisons)
    .filter((option) => option !== name && !except.includes(option) && sameGain(npv(name), npv(option)))
    .sort((a, b) => npv(b) - npv(a));
}

/**
 * The net gain written for an option wherever a close call's figures stand (page 1's table, the report's
 * options): of options that gain the same (`closeCallOptions`), the first's, as the sentence beside them
 * says it ("€4,110 each"), so that 4,105.20 and 4,104.80 do not read €4,110 and €4,100 in two places.
 * Any other option's own.
 * @example closeCallNpv(threeCopies, threeCopies.judgement.closeCall, "third") // the best's net gain
 */
export function closeCallNpv(result: CaseResult, close: CloseCall | null | undefined, name: string): number {
  const own = result.comparisons[name]?.npv ?? 0;
  if (!close) return own;
  const names = closeCallOptions(result, close);
  const best = result.comparisons[close.best]?.npv ?? 0;
  const runnerUp = result.comparisons[close.runnerUp]?.npv ?? 0;
  if (sameGain(best, runnerUp)) return names.includes(name) ? best : own;
  return names.slice(1).includes(name) ? runnerUp : own;
}

/**
 * The engine's judgement of a result (`judgement` in run --json) as sentences a reader sees beside
 * the figures, in the command line's text and the web app alike: a close call between the two best
 * options, and results so large that their assumptions deserve a second look. A view that shows some
 * options only says a close call only when it shows both. A caution ends on where to look, without a
 * full stop (the command line's ends on a command to type).
 * @example judgementSentences(closeCallResult)[0] // "Close call: “Every tool we want” leads “What will be approved” by €515 (9% of its net gain, ahead in 56% of the outcomes); weigh what each asks for and how soon it pays back."
 */
export function judgementSentences(
  result: CaseResult,
  options: {
    /** Whether the view shows an option (default: every one). */
    shown?: (alternative: string) => boolean;
    /** Where the view shows what drives an option's result, after "see which inputs drive it" (the command line: "with: mlops-roi sensitivity --scenario NAME"). */
    whereToLook?: (alternative: string) => string;
    /** What the view calls the return on cost beside its figures: "ROI" (the command line's column) by default; the web app's cards say "return on cost". */
    roiName?: string;
  } = {},
): string[] {
  const shown = options.shown ?? (() => true);
  const sentences: string[] = [];
  // An option's label in quotes, as the report and the web app name options: a label is the user's words
  // ("Close call: “Every tool we want” leads “What will be approved”", not run together with ours).
  const label = (name: string) => `“${result.comparisons[name]?.label ?? name}”`;
  const money = (value: number) => formatMoneyExact(value, result.currency);
  const close = result.judgement?.closeCall;
  // The gap is the difference of the two figures as the table and the cards beside it write them, to
  // the unit: €5,970 − €5,455 = €515, where the engine's gap rounded on its own said €516 (close-call.yaml).
  // (The report's first page, which rounds to three significant figures, gives the difference of its
  // two rounded figures the same way.)
  if (close && shown(close.best) && shown(close.runnerUp)) {
    const shares = close.chanceBestAhead === null ? undefined : aheadAndLevel(close.chanceBestAhead, close.chanceLevel);
    // Ties said apart: two options equal in every outcome are level, not "ahead in 50%" (`aheadAndLevel`).
    const written = close.chanceBestAhead === null ? undefined : aheadAndLevelWords(close.chanceBestAhead, close.chanceLevel);
    // Two options that gain the same (`sameGain`, page 1's rule too) are said to, not one "leading by €0 (0% of its net gain)".
    const [bestNpv, runnerUpNpv] = [result.comparisons[close.best]?.npv ?? 0, result.comparisons[close.runnerUp]?.npv ?? 0];
    const tied = sameGain(bestNpv, runnerUpNpv);
    // Options that gain the same as a runner-up the best leads are each named (`closeCallOptions`): "leads
    // “B” and “C” by €65 each"; the engine's chance is of the runner-up alone, and said of it by name.
    const runnersUp = tied ? [close.runnerUp] : closeCallOptions(result, close).slice(1).filter(shown);
    const runnersUpNamed = listInWords(runnersUp.map(label));
    const each = runnersUp.length > 1 ? " each" : "";
    const against = runnersUp.length > 1 ? ` of ${label(close.runnerUp)}` : "";
    const chanceWords =
      shares === undefined
        ? ""
        : shares.level >= 1
          ? "level in every outcome"
          : shares.level > 0
            ? `ahead${against} in ${written!.ahead} and level in ${written!.level} of the outcomes`
            : `ahead${against} in ${written!.ahead} of the outcomes`;
    const chance = chanceWords ? `, ${chanceWords}` : "";
    // The lead over each runner-up named, to the unit as the table writes them: "by €65 each", or, where two
    // that gain the same are a unit apart to the unit (4,044.40 and 4,044.60: €4,044 and €4,045), "by €65 and €64".
    const gaps = runnersUp.map((name) => roundHalfAway(bestNpv) - roundHalfAway(result.comparisons[name]?.npv ?? 0));
    const lead = gaps.every((gap) => gap === gaps[0]) ? `${money(gaps[0]!)}${each}` : listInWords(gaps.map(money));
    // Less than half a unit apart, two figures may still round apart (€9,995.60 and €9,995.20: €9,996 and
    // €9,995 in the table above): both are said then, not one "the same, €9,996" beside a €9,995.
    // A gain under one unit is "less than €1" (`formatGain`), as page 1 and the web app's cards say it, not "€0".
    const gain = (value: number) => formatGain(value, result.currency);
    const apart = gain(bestNpv) !== gain(runnerUpNpv);
    const chanceInBrackets = !chanceWords ? "" : shares!.level >= 1 ? chanceWords : `${label(close.best)} ${chanceWords}`;
    const figures = apart
      ? `${gain(bestNpv)} and ${gain(runnerUpNpv)} (less than ${money(1)} apart${chanceInBrackets ? `; ${chanceInBrackets}` : ""})`
      : `${gain(bestNpv)}${chanceInBrackets ? ` (${chanceInBrackets})` : ""}`;
    // Not the same, but less than a unit apart (€9,996.40 and €9,995.60; €1,234.60 and €1,233.90): "less than
    // €1", as page 1 says it, not "leads by €1" beside two equal figures or beside page 1's "less than €1 more".
    const underOneUnit = lessThanOneUnitApart(bestNpv, runnerUpNpv, result.currency);
    const figuresToTheUnit = apart ? `${gain(bestNpv)} and ${gain(runnerUpNpv)}` : `${gain(bestNpv)} each`;
    // Every option that gains the same as the best is named (`closeCallOptions`), three copies of one
    // option as three, not two: those the view shows.
    const same = listInWords(closeCallOptions(result, close).filter(shown).map(label));
    sentences.push(
      tied
        ? `Close call: ${same} gain the same, ${figures}; weigh what each asks for and how soon it pays back.`
        : underOneUnit
          ? `Close call: ${label(close.best)} leads ${runnersUpNamed} by ${underOneUnit}, ${figuresToTheUnit} to the unit${chanceInBrackets ? ` (${chanceInBrackets})` : ""}; weigh what each asks for and how soon it pays back.`
          : `Close call: ${label(close.best)} leads ${runnersUpNamed} by ${lead} (${formatPercent(close.gapShare)} of its net gain${chance}); weigh what each asks for and how soon it pays back.`,
    );
  }
  for (const flag of result.judgement?.extraordinary ?? []) {
    if (!shown(flag.alternative)) continue;
    const reasons: string[] = [];
    if (flag.reasons.includes("yearlyGainAboveHalfPayroll"))
      reasons.push(`gain of ${money(flag.yearlyGain)} over ${lastYearWords(result).span} above half of today's payroll (${money(flag.payroll)})`);
    if (flag.reasons.includes("roiAboveFiveHundredPercent") && flag.roi !== null)
      reasons.push(`${options.roiName ?? "ROI"} ${formatPercent(flag.roi)} above 500%`);
    sentences.push(
      `Check before relying on it: ${label(flag.alternative)} — ${reasons.join("; ")}; see which inputs drive it ${options.whereToLook?.(flag.alternative) ?? "below"}`,
    );
  }
  return sentences;
}

import { gapShareOf, sameAsBest, type CaseResult, type CloseCall, type Extraordinary } from "../engine/index.js";
import {
  formatChancesOfWhole,
  formatGain,
  formatMoneyExact,
  formatPercent,
  lessThanOneUnitApart,
  roundHalfAway,
  saidAsCount,
  shareOfWords,
} from "./numbers.js";
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
  // Counts over the same samples: a share ahead of none (or all) of them is exactly 0 (or 1), not a residue
  // of halving the ties twice, so that it reads as the count it is (`shareOfWords`).
  const ahead = chanceAbove - level / 2;
  return { ahead: ahead < 1e-12 ? 0 : ahead > 1 - 1e-12 ? 1 : ahead, level };
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
 * The net gain written for an option wherever a close call's figures stand (page 1's table, the report's
 * options): the engine's `CloseCall.npvShown` (of options that gain the same, the first's), any other
 * option's own.
 * @example closeCallNpv(threeCopies, threeCopies.judgement.closeCall, "third") // the best's net gain
 */
export function closeCallNpv(result: CaseResult, close: CloseCall | null | undefined, name: string): number {
  return close?.npvShown[name] ?? result.comparisons[name]?.npv ?? 0;
}

/** What a close call's reader weighs: what each asks for and how soon it pays back, or, of options the same on every figure, what the figures do not show. */
function closeCallWeigh(close: CloseCall): string {
  return close.sameOnEveryFigure
    ? "they are the same on every figure, so weigh what the figures do not show, such as what each option is and how it fits the team"
    : "weigh what each asks for and how soon it pays back";
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
    const own = (name: string) => result.comparisons[name]?.npv ?? 0;
    const bestNpv = own(close.best);
    // The engine's options (`CloseCall.options`), those the view shows: the ones that gain the same as the
    // best (the same figure in `npvShown`; "A, B and C gain the same", never one leading another by €0) and
    // those it leads, each named: "leads “B” and “C” by €500 and €700", not "leads “B”" beside a “C” named nowhere.
    const top = sameAsBest(close).filter(shown);
    const led = close.options.filter((name) => shown(name) && !top.includes(name));
    const tied = top.length > 1;
    // The engine's chance is of the runner-up alone, and said of it by name when others are named beside it
    // ("“A” ahead of “B” in 50% of the outcomes" of two that gain the same beside a third, not "“A” ahead in 50%").
    const against = top.length + led.length > 2 ? ` of ${label(close.runnerUp)}` : "";
    // An option named because the best comes out ahead of it in fewer than 75% of the outcomes, though it
    // leads it by more than 10% (`CloseCall.closeByChance`), is said with that chance: why it is named.
    const byChance = led.filter((name) => name !== close.runnerUp && close.closeByChance.includes(name));
    const sharesOf = (name: string) => {
      const [above, level] = [result.decision!.chanceAbove[close.best]![name]!, result.decision!.chanceLevel[close.best]![name]!];
      return { ...aheadAndLevel(above, level), words: aheadAndLevelWords(above, level) };
    };
    // Ahead of such an option in none of the outcomes is said as the count, as of the runner-up: "of “C” in
    // none of them", not "in under 1%". Each share then says what it is of ("… of the outcomes and of “C” in
    // none of them"), where they otherwise share one "of the outcomes".
    const countedByChance = byChance.some((name) => saidAsCount(sharesOf(name).ahead));
    const chanceOf = (name: string) => {
      const { ahead, level, words } = sharesOf(name);
      // Of two that gain the same, the shares stand alone in brackets: "of “C” in none of the 2,000 outcomes".
      const whole = tied ? { whole: "the outcomes", counted: { samples: result.decision!.samples, unit: "outcome" } } : { whole: "them", counted: undefined };
      const share = countedByChance ? shareOfWords(ahead, words.ahead, whole.whole, whole.counted) : words.ahead;
      return `of ${label(name)} in ${share}${level > 0 ? ` (level in ${words.level})` : ""}`;
    };
    const alsoOf = byChance.length === 0 ? "" : `${tied || shares?.level ? "," : ""} and ${listInWords(byChance.map(chanceOf))}`;
    // Ahead in every outcome, or in none, is said as the count (`shareOfWords`), as page 1 says it ("in every
    // one of them"), not "in over 99%": what follows it is then "of them" ("… outcomes and of “C” in 59% of them").
    const counted = result.decision ? { samples: result.decision.samples, unit: "outcome" } : undefined;
    const aheadCount =
      shares !== undefined && counted && saidAsCount(shares.ahead) ? shareOfWords(shares.ahead, written!.ahead, "the outcomes", counted) : undefined;
    const after = `${shares && shares.level > 0 ? ` and level in ${written!.level}` : ""}${tied ? "" : alsoOf}`;
    const chanceWords =
      shares === undefined
        ? ""
        : shares.level >= 1
          ? "level in every outcome"
          : aheadCount
            ? `ahead${against} in ${aheadCount}${after}${after && !(countedByChance && !tied) ? " of them" : ""}`
            : countedByChance && !tied
              ? `ahead${against} in ${written!.ahead}${shares.level > 0 ? ` and level in ${written!.level}` : ""} of the outcomes${alsoOf}`
              : `ahead${against} in ${written!.ahead}${after} of the outcomes`;
    const chance = chanceWords ? `, ${chanceWords}` : "";
    // The lead over each option led, to the unit as the table writes them: "by €65 each", or, where two
    // that gain the same are a unit apart to the unit (4,044.40 and 4,044.60: €4,044 and €4,045), "by €65
    // and €64". Its share of the best's net gain likewise, one figure when they read alike.
    const gaps = led.map((name) => roundHalfAway(bestNpv) - roundHalfAway(own(name)));
    const each = led.length > 1 ? " each" : "";
    const lead = gaps.every((gap) => gap === gaps[0]) ? `${money(gaps[0] ?? 0)}${each}` : listInWords(gaps.map(money));
    const shareWords = [...new Set(led.map((name) => formatPercent(gapShareOf(bestNpv, own(name)))))];
    // Less than half a unit apart, figures that gain the same may still round apart (€9,995.60 and
    // €9,995.20: €9,996 and €9,995 in the table above): each is said then, not one "the same, €9,996"
    // beside a €9,995, with how far apart the group's figures are at most.
    // A gain under one unit is "less than €1" (`formatGain`), as page 1 and the web app's cards say it, not "€0".
    const gain = (value: number) => formatGain(value, result.currency);
    const topGains = [...new Set(top.map((name) => gain(own(name))))];
    const spread = Math.max(...top.map(own)) - Math.min(...top.map(own));
    const chanceInBrackets = !chanceWords ? "" : shares!.level >= 1 ? chanceWords : `${label(close.best)} ${chanceWords}`;
    const figures =
      topGains.length > 1
        ? `${listInWords(topGains)} (less than ${money(Math.floor(spread) + 1)} apart${chanceInBrackets ? `; ${chanceInBrackets}` : ""})`
        : `${topGains[0]}${tied && top.length > 1 && led.length > 0 ? " each" : ""}${chanceInBrackets ? ` (${chanceInBrackets})` : ""}`;
    // Not the same, but less than a unit apart (€9,996.40 and €9,995.60; €1,234.60 and €1,233.90): "less than
    // €1", as page 1 says it, not "leads by €1" beside two equal figures or beside page 1's "less than €1 more".
    const underOneUnit = led.length > 0 && led.every((name) => lessThanOneUnitApart(bestNpv, own(name), result.currency) !== undefined);
    const ledGains = [...new Set([bestNpv, ...led.map(own)].map(gain))];
    const figuresToTheUnit = ledGains.length > 1 ? listInWords(ledGains) : `${ledGains[0]} each`;
    const weigh = closeCallWeigh(close);
    const ledNamed = listInWords(led.map(label));
    sentences.push(
      tied
        ? led.length === 0
          ? `Close call: ${listInWords(top.map(label))} gain the same, ${figures}; ${weigh}.`
          : `Close call: ${listInWords(top.map(label))} gain the same, ${figures}, and lead ${ledNamed} by ${lead} (${listInWords(shareWords)} of their net gain${byChance.length > 0 ? `, ${label(close.best)} ahead ${listInWords(byChance.map(chanceOf))}${countedByChance ? "" : " of the outcomes"}` : ""}); ${weigh}.`
        : underOneUnit
          ? `Close call: ${label(close.best)} leads ${ledNamed} by less than ${money(1)}, ${figuresToTheUnit} to the unit${chanceInBrackets ? ` (${chanceInBrackets})` : ""}; ${weigh}.`
          : `Close call: ${label(close.best)} leads ${ledNamed} by ${lead} (${listInWords(shareWords)} of its net gain${chance}); ${weigh}.`,
    );
  }
  for (const flag of result.judgement?.extraordinary ?? []) {
    if (!shown(flag.alternative)) continue;
    const reasons: string[] = [];
    if (flag.reasons.includes("yearlyGainAboveHalfPayroll"))
      reasons.push(
        `gain of ${money(flag.yearlyGain)} over ${lastYearWords(result).span} above ${aboveWholePayroll(flag, money) ? `today's whole payroll (${money(flag.payroll)})` : `half of today's payroll (half of ${money(flag.payroll)})`}`,
      );
    if (flag.reasons.includes("roiAboveFiveHundredPercent") && flag.roi !== null)
      reasons.push(`${options.roiName ?? "ROI"} ${formatPercent(flag.roi)} above 500%`);
    sentences.push(
      `Check before relying on it: ${label(flag.alternative)} — ${reasons.join("; ")}; see which inputs drive it ${options.whereToLook?.(flag.alternative) ?? "below"}`,
    );
  }
  return sentences;
}

/**
 * Whether an extraordinary yearly gain exceeds the whole of today's payroll over the same months, not
 * only half of it: page 1 then says it "is more than what today's team is paid over them" and `run`
 * "above today's whole payroll", where "more than half" would understate it. Decided on the figures as
 * written (`money`), so that a gain and a payroll that read alike are not said to differ.
 * @example aboveWholePayroll({ yearlyGain: 343_000, payroll: 338_000 }, money) // true
 */
export function aboveWholePayroll(flag: Pick<Extraordinary, "yearlyGain" | "payroll">, money: (value: number) => string): boolean {
  return flag.yearlyGain > flag.payroll && money(flag.yearlyGain) !== money(flag.payroll);
}

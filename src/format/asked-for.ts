import type { CaseResult, ComparisonResult } from "../engine/index.js";
import { formatNumber } from "./numbers.js";
import { cashTimingWords, discountingWords, listInWords } from "./words.js";

/** What an option asks for, from its signed investment, each figure as the view writes it. */
export interface AskedFor {
  /** The cash asked for up front: never below zero ("€0" where the option pays less than today). */
  readonly upFront: string;
  /**
   * Against a baseline that makes a bigger change of its own (in the file's defaults): the cash the
   * option pays less than today ("€5,000"); absent when that rounds to nothing as written.
   */
  readonly cashSaved?: string;
  /**
   * When today pays the cash the option saves, after the amount: "up front", "in month 3" (today's
   * own change starting in month 4 pays it at the end of month 3), or "in one-off cash" when it
   * falls in more than one month. Present with `cashSaved`.
   */
  readonly cashSavedWhen?: string;
  /** The team's hours the change takes; absent when none are written. */
  readonly teamHours?: string;
  /** Against today's bigger change: the team's hours the option takes less than today's own change. */
  readonly teamHoursSaved?: string;
}

/**
 * The one rule for what an option asks for, which page 1's "What we ask for" card and the web app's
 * cards each put in their own words: the cash up front, never a negative amount asked for; against
 * a baseline that makes a bigger change of its own, what the option saves ("€5,000 less up front than today",
 * "200 team hours less than today's own change"); else the team's hours on the change. Each is
 * decided on the figure as the view writes it (`money`, `hours`), so that an amount that rounds to
 * nothing is neither said as a saving ("€0 less than today") nor as hours on the change ("0 hours").
 * The JSON's `investment` keeps the signed figures.
 * @example askedFor({ cash: -5000, teamHours: -200 }, { money: (v) => formatMoneyExact(v, "EUR"), hours: formatHoursTenth }) // { upFront: "€0", cashSaved: "€5,000", teamHoursSaved: "200" }
 */
export function askedFor(
  investment: Pick<ComparisonResult["investment"], "cash" | "teamHours"> & Partial<Pick<ComparisonResult["investment"], "cashMonth">>,
  write: { money(value: number): string; hours(value: number): string },
): AskedFor {
  const { cash, teamHours } = investment;
  const written = (value: number, as: (value: number) => string) => (value > 0 && as(value) !== as(0) ? as(value) : undefined);
  const cashSaved = written(-cash, write.money);
  const more = written(teamHours, write.hours);
  const saved = written(-teamHours, write.hours);
  return {
    upFront: write.money(Math.max(0, cash)),
    ...(cashSaved !== undefined ? { cashSaved, cashSavedWhen: savedWhen(investment.cashMonth === undefined ? 0 : investment.cashMonth) } : {}),
    ...(more !== undefined ? { teamHours: more } : {}),
    ...(saved !== undefined ? { teamHoursSaved: saved } : {}),
  };
}

/** When the cash an option saves against today's own change falls (`AskedFor.cashSavedWhen`). */
function savedWhen(cashMonth: number | null): string {
  if (cashMonth === 0) return "up front";
  return cashMonth === null ? "in one-off cash" : `in month ${formatNumber(cashMonth)}`;
}

/**
 * The month a table writes under an option's up-front cash where it is not the start, for cash asked
 * for and cash saved alike: "month 5" (the option's change starts in month 6), "month 3" under a minus
 * (today's own change starts in month 4: the option saves that cash then), "in parts" when it falls in
 * more than one month. Undefined at the start, or with no cash.
 * @example cashMonthShort({ cash: -5000, cashMonth: 3 }) // "month 3"
 */
export function cashMonthShort(investment: Pick<ComparisonResult["investment"], "cash" | "cashMonth">): string | undefined {
  const { cash, cashMonth } = investment;
  if (cash === 0 || cashMonth === 0) return undefined;
  return cashMonth === null ? "in parts" : `month ${formatNumber(cashMonth)}`;
}

/** When an option's up-front cash is paid, for a figure's side (`cashPaidWhen`). */
export interface CashPaidWhen {
  /** In a table's cell under the amount: "month 5". */
  readonly short: string;
  /** After the amount in words, in place of "up front": "in month 5, before the change starts in month 6". */
  readonly long: string;
}

/**
 * When the cash an option asks for is paid, where it is not at the start: a change that starts in
 * month 6 pays its external spend at the end of month 5 (the engine's `investment.cashMonth`,
 * docs/numbers.md "Comparison"), so "€700 up front" would be wrong; page 1's card, the options
 * tables, `run` and the web app's card say "€700 in month 5, before the change starts in month 6"
 * (or "month 5" in a cell). Undefined when it is paid at the start, or nothing is asked for.
 * @example cashPaidWhen({ cash: 700, cashMonth: 5 }, 6) // { short: "month 5", long: "in month 5, before the change starts in month 6" }
 * @example cashPaidWhen({ cash: 700, cashMonth: 0 }, 1) // undefined
 */
export function cashPaidWhen(investment: Pick<ComparisonResult["investment"], "cash" | "cashMonth">, changeStartMonth: number): CashPaidWhen | undefined {
  const { cash, cashMonth } = investment;
  const short = cashMonthShort(investment);
  if (cash <= 0 || cashMonth === 0 || short === undefined) return undefined;
  if (cashMonth === null) return { short, long: "in parts, in more than one month" };
  const month = formatNumber(cashMonth);
  return {
    short,
    long: cashMonth + 1 === changeStartMonth ? `in month ${month}, before the change starts in month ${formatNumber(changeStartMonth)}` : `in month ${month}`,
  };
}

/**
 * `cashPaidWhen` for one of the result's comparisons, the option's start month read from the result:
 * the one lookup of page 1's card, the report's tables, `run`'s table and the web app's card.
 * @example cashPaidWhenOf(result, result.comparisons.compromise!)?.short // "month 5"
 */
export function cashPaidWhenOf(
  result: Pick<CaseResult, "scenarios">,
  comparison: Pick<ComparisonResult, "alternative" | "investment">,
): CashPaidWhen | undefined {
  return cashPaidWhen(comparison.investment, result.scenarios[comparison.alternative]?.summary.changeStartMonth ?? 1);
}

/**
 * The words after the cash an option asks for: "up front", or when it is paid where that is not the
 * start (`cashPaidWhenOf`'s long form), as page 1's card and the web app's card write them.
 * @example cashPaidWords(result, result.comparisons.compromise!) // "in month 5, before the change starts in month 6"
 */
export function cashPaidWords(
  result: Pick<CaseResult, "scenarios">,
  comparison: Pick<ComparisonResult, "alternative" | "investment">,
  money?: (value: number) => string,
): string {
  const parts = comparison.investment.cashByMonth;
  if (money && parts && comparison.investment.cash > 0) return `in parts: ${cashPartsWords(parts, money)}`;
  return cashPaidWhenOf(result, comparison)?.long ?? "up front";
}

/**
 * The parts of an option's cash that falls in more than one month (the engine's
 * `investment.cashByMonth`), each as the option pays it against today: what it pays, or pays less than
 * today's own change, and when.
 * @example cashPartsWords([{ month: 0, cash: -300 }, { month: 5, cash: 1000 }], (v) => formatMoneyExact(v, "EUR")) // "€300 less than today at the start and €1,000 in month 5"
 */
export function cashPartsWords(parts: readonly { month: number; cash: number }[], money: (value: number) => string): string {
  const words = parts.map(({ month, cash }) => {
    const when = month === 0 ? "at the start" : `in month ${formatNumber(month)}`;
    return cash > 0 ? `${money(cash)} ${when}` : `${money(-cash)} less than today ${when}`;
  });
  return listInWords(words);
}

/**
 * How the net gain is worked out, in one line: the note under the report's table of the options, and
 * under the web app's cards. `where` says where the table shows the month of cash paid later.
 * @example netGainConventionWords(result) // "Net gain: today's money; each year's money is discounted at 8% a year as if it all came at the end of that year, and cash paid at the start counts in full."
 */
export function netGainConventionWords(result: Pick<CaseResult, "discountRate" | "discounting" | "comparisons">, where?: string): string {
  // Cash paid before a change that starts later is paid in that month, and discounted with it (the engine's `investment.cashMonth`).
  const later = Object.values(result.comparisons).some((comparison) => cashMonthShort(comparison.investment) !== undefined);
  // One wording with the appendix (cashTimingWords, paybackRuleWords).
  const cash = cashTimingWords(result.discountRate, later, where);
  return result.discountRate === 0 ? `Net gain: ${discountingWords(result)}; ${cash}.` : `Net gain: today's money; ${discountingWords(result)}, and ${cash}.`;
}

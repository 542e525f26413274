import { escapeHtml } from "../escape.js";
import type { ReportContext } from "../context.js";
import { optionRecommendedToGoAhead as recommendedToGoAhead, type ComparisonResult } from "../../engine/index.js";
import { formatGain, formatHours, formatMoneyExact, lessThanOneUnit } from "../../format/numbers.js";
import { cashMonthShort } from "../../format/asked-for.js";

/**
 * Small pieces of markup shared by the sections. Text written by the user is marked `data-user`,
 * so tests can check our own words apart from theirs.
 */

/** @example userText("<b>") // '<span data-user>&lt;b&gt;</span>' */
export function userText(text: string): string {
  return `<span data-user>${escapeHtml(text)}</span>`;
}

/** A scenario's name in the text, in quotes. @example optionName(context, "optimal") // '“<span data-user>Every tool we want</span>”' */
export function optionName(context: ReportContext, name: string): string {
  return `“${userText(context.label(name))}”`;
}

/**
 * The option page 1 recommends going ahead with: the best, in a "go" that is not a close call (a close
 * call sets two options side by side and recommends neither). Undefined when it recommends none, so that
 * no other section calls an option "recommended" where page 1 does not.
 */
export function optionRecommendedToGoAhead(context: ReportContext): string | undefined {
  return recommendedToGoAhead(context.result, context.recommendation);
}

/** A figure the browser test reads back: `<span data-figure="npv">€7,960</span>`. */
export function figure(name: string, text: string): string {
  return `<span${signed(text) ? ` class="nowrap"` : ""} data-figure="${escapeHtml(name)}">${escapeHtml(text)}</span>`;
}

/** Whether a figure starts with its minus sign, which a line must not end on ("-" here, "€2,140" on the next line). */
function signed(text: string): boolean {
  return text.startsWith("-") || text.startsWith("−");
}

/**
 * An amount in running text or in a table whose figures may wrap: a negative one keeps its sign with
 * its figure on one line ("-US$860,000" once ended a line on "-"); a word after it ("million") may
 * still go to the next line.
 */
export function amount(text: string): string {
  if (!signed(text)) return escapeHtml(text);
  const space = text.indexOf(" ");
  const head = space < 0 ? text : text.slice(0, space);
  return `<span class="nowrap">${escapeHtml(head)}</span>${escapeHtml(text.slice(head.length))}`;
}

/**
 * A gain or a loss as a reader says it: never a negative gain ("gains -€14,800"). Decided on the
 * figure as written, so an amount that rounds to nothing is neither "-€0" nor a loss.
 * @example gainOrLoss(-14_800, context.money) // { loss: true, written: "€14,800" }
 */
export function gainOrLoss(value: number, money: (value: number) => string): { loss: boolean; written: string } {
  const loss = money(value).startsWith("-");
  return { loss, written: money(loss ? -value : value) };
}

/**
 * `gainOrLoss` for a figure page 1 says as a gain or a loss: a gain above zero under one unit is
 * written "less than €1" (`formatGain`), never "gains €0", which reads as no gain at all.
 * @example gainOrLossWords(0.3, context) // { loss: false, written: "less than €1" }
 */
export function gainOrLossWords(value: number, context: ReportContext): { loss: boolean; written: string } {
  const said = gainOrLoss(value, context.money);
  return said.loss ? said : { loss: false, written: formatGain(value, context.result.currency, context.money) };
}

/**
 * A gain as running text: "less than €1" for one above zero that rounds to no whole unit
 * (`lessThanOneUnit`: "It brings €0 more than today" read as no gain beside a "go"); else as `amount`.
 * @example gainAmount(0.3, context) // "less than €1"
 */
export function gainAmount(value: number, context: ReportContext): string {
  const small = lessThanOneUnit(value, context.result.currency);
  return small === undefined ? amount(context.money(value)) : escapeHtml(small);
}

/**
 * The same gain as a figure's plain text, for `figure` (which escapes it): "less than €1" for one above
 * zero that rounds to no whole unit, so page 1's big "What it returns" figure says what the sentence
 * beside it says, not "€0"; else the figure as the main text writes it.
 * @example gainFigure(0.4, context) // "less than €1" ; gainFigure(7959.4, context) // "€7,960"
 */
export function gainFigure(value: number, context: ReportContext): string {
  return formatGain(value, context.result.currency, context.money);
}

/**
 * A net gain where the report sets close options side by side (page 1's close call, its table, its card
 * and the options table's rows of the close options): to the unit, as `run` and the web app write it, so
 * that the gap between two close options, the point of the close call, reads the same in every view (the
 * engine's `closeCall.npvGapToTheUnit`); a gain under one unit is "less than €1" (`formatGain`).
 * @example closeCallFigure(5454.99, context) // "€5,455" (other net gains in the report: "€5,450")
 */
export function closeCallFigure(value: number, context: ReportContext): string {
  return formatGain(value, context.result.currency, (amount) => formatMoneyExact(amount, context.result.currency));
}

/** A paragraph of the main prose (measured for readability). */
export function prose(html: string): string {
  return `<p data-prose>${html}</p>`;
}

/** A chart with its heading and caption; kept on one page when printed. */
export function chartFigure(svg: string, caption: string): string {
  return `<figure class="chart">${svg}<figcaption>${caption}</figcaption></figure>`;
}

/** Words for a count up to ten, as plain prose writes them. */
export function countWord(count: number): string {
  const words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
  return Number.isInteger(count) && count >= 0 && count < words.length ? words[count]! : String(count);
}

/**
 * Under a table of what options ask for: what a minus there means. Against today's own, bigger change
 * (one given in the file's defaults) an option asks for less cash or fewer hours than today: the JSON's
 * negative investment, shown as it is (a table that showed it as €0 and 0 hours disagreed with the card
 * beside it, which says "200 hours less", and with `run`).
 */
export function lessThanTodaysChange(context: ReportContext, comparisons: readonly ComparisonResult[]): string {
  const less = comparisons.some(
    (comparison) => context.money(comparison.investment.cash).startsWith("-") || formatHours(comparison.investment.teamHours).startsWith("-"),
  );
  return less
    ? `\n<p class="muted" data-less-than-today>A minus under “Up front” or “Team time” means the option asks for that much less than ${optionName(context, context.result.baseline)} does for a change of its own.</p>`
    : "";
}

/** A table's "Up front" cell: the cash, and under it the month it is paid in when that is not the start ("month 5"). */
export function upFrontCell(comparison: ComparisonResult, cash: string): string {
  const when = cashMonthShort(comparison.investment);
  return `${cash}${when ? `<br><span class="muted" data-cash-month>(${escapeHtml(when)})</span>` : ""}`;
}

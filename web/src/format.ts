import { plural } from "../../src/format/numbers.js";

/**
 * The page writes numbers as the command line's tables do, with the one formatting module every
 * view shares: money to the unit, hours to a tenth, chances that never claim certainty.
 */
export {
  formatChance,
  formatGain,
  formatHoursTenth as formatHours,
  formatMoneyExact as formatMoney,
  formatMonth,
  formatNumberAsGiven,
  formatPaybackMonth,
  formatPercent,
  formatShare,
  lessThanOneUnit,
  plural,
} from "../../src/format/numbers.js";

/**
 * What the page says wherever it shows figures older than the edited case (a field has an error, so
 * the last case without errors is shown): the note over the results, the strip of headline figures and
 * the list of problems all say it in these words. `end` closes it: "." for a sentence, ":" before the
 * figures it is about, "" inside a longer line.
 * @example staleFiguresWords(".") // "The figures shown are those of the last case without errors, until the problems are fixed."
 */
export function staleFiguresWords(end: "." | ":" | "" = "."): string {
  const words = "the figures shown are those of the last case without errors, until the problems are fixed";
  return end === "" ? words : `${words.charAt(0).toUpperCase()}${words.slice(1)}${end}`;
}

/**
 * The heading of the list of the case's problems and notes: with a problem, the figures are the last
 * case's without errors (staleFiguresWords) and saving waits.
 * @example problemsHeading(2, 0) // "2 problems to fix — the figures shown are those of the last case without errors, until the problems are fixed, and saving waits"
 */
export function problemsHeading(errors: number, warnings: number): string {
  if (errors > 0) return `${plural(errors, "problem")} to fix — ${staleFiguresWords("")}, and saving waits`;
  return `${plural(warnings, "note")} on the case`;
}

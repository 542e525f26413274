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
 * the case as it was when the edit began is shown): the note over the results, the strip of headline
 * figures and the list of problems all say it in these words. `end` closes it: "." for a sentence,
 * ":" before the figures it is about, "" inside a longer line. `field` names the field the edit began
 * in, with its value then.
 * @example staleFiguresWords(".") // "The figures shown are those of the case before this edit, until the problems are fixed."
 * @example staleFiguresWords(".", "People in the team: 6") // "The figures shown are those of the case before this edit (People in the team: 6), until the problems are fixed."
 */
export function staleFiguresWords(end: "." | ":" | "" = ".", field?: string): string {
  const words = `the figures shown are those of the case before this edit${field ? ` (${field})` : ""}, until the problems are fixed`;
  return end === "" ? words : `${words.charAt(0).toUpperCase()}${words.slice(1)}${end}`;
}

/**
 * The heading of the list of the case's problems and notes: with a problem, the figures are the case's
 * before the edit (staleFiguresWords), or there are none yet (a case opened with a problem), and saving waits.
 * @example problemsHeading(2, 0) // "2 problems to fix — the figures shown are those of the case before this edit, until the problems are fixed, and saving waits"
 * @example problemsHeading(1, 0, false) // "1 problem to fix — no figures until it is fixed, and saving waits"
 */
export function problemsHeading(errors: number, warnings: number, figuresShown = true): string {
  if (errors > 0) {
    const figures = figuresShown ? staleFiguresWords("") : `no figures until ${errors === 1 ? "it is" : "they are"} fixed`;
    return `${plural(errors, "problem")} to fix — ${figures}, and saving waits`;
  }
  return `${plural(warnings, "note")} on the case`;
}

/**
 * What the page says of a case downloaded with problems: a draft is worth keeping, but `validate`,
 * `run` and the exports refuse it, which "Downloaded case.yaml." alone did not say.
 * @example downloadedWithProblemsWords("case.yaml", 1) // "Downloaded case.yaml, a draft with 1 problem: it will not validate, and the commands refuse it, until it is fixed."
 */
export function downloadedWithProblemsWords(name: string, problems: number): string {
  return `Downloaded ${name}, a draft with ${plural(problems, "problem")}: it will not validate, and the commands refuse it, until ${problems === 1 ? "it is" : "they are"} fixed.`;
}

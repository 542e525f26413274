import type { CaseResult } from "../engine/index.js";
import { parseInputPath } from "../format/input-description.js";
import { findJargon } from "./jargon.js";

export interface JargonWarning {
  /** Where the text comes from, e.g. 'scenarios.optimal.label'. */
  where: string;
  words: string[];
}

/**
 * Technical words in the user's own text that the report's main text shows (the title, option
 * names and descriptions, chore names), so the command can suggest plainer words. The report
 * still shows the user's text as written.
 * @example jargonInUserText(result) // [{ where: "scenarios.optimal.label", words: ["MLOps"] }]
 */
export function jargonInUserText(result: CaseResult): JargonWarning[] {
  const texts: [string, string][] = [["title", result.title]];
  for (const scenario of Object.values(result.scenarios)) {
    texts.push([`scenarios.${scenario.name}.label`, scenario.label]);
    if (scenario.description) texts.push([`scenarios.${scenario.name}.description`, scenario.description]);
  }
  const chores = new Set<string>();
  for (const assumption of result.assumptions) {
    const path = parseInputPath(assumption.input);
    const at = path.indexOf("manualTasks");
    if (at >= 0 && typeof path[at + 1] === "string") chores.add(path[at + 1] as string);
  }
  for (const chore of chores) texts.push([`manualTasks["${chore}"]`, chore]);
  return texts.map(([where, text]) => ({ where, words: findJargon(text) })).filter((warning) => warning.words.length > 0);
}

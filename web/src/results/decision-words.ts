import type { CaseResult, InformationValue } from "../../../src/engine/index.js";
import { describeInput } from "../../../src/report/input-labels.js";
import { formatPercent } from "../format.js";

/**
 * The inputs whose value of information is shown, in the editor's words: each input's field label,
 * with the options that use it when not all of them do. Inputs of a group that share a label are
 * written once, their options together.
 * @example informationLabel(["scenarios.optimal.projects.upkeepHoursPerMonth"], result) // "Upkeep hours a month for each live project (Every tool we want)"
 */
export function informationLabel(inputs: readonly string[], result: CaseResult): string {
  const allOptions = Object.keys(result.scenarios);
  const owners = new Map<string, string[]>();
  for (const input of inputs) {
    const label = describeInput(input).label;
    const usedBy = result.assumptions.find((assumption) => assumption.input === input)?.usedBy ?? [];
    const partial = usedBy.length > 0 && !allOptions.every((name) => usedBy.includes(name));
    const names = owners.get(label) ?? [];
    if (partial) for (const name of usedBy) if (!names.includes(name)) names.push(name);
    owners.set(label, names);
  }
  return [...owners]
    .map(([label, names]) => (names.length === 0 ? label : `${label} (${listed(names.map((name) => result.scenarios[name]?.label ?? name))})`))
    .join("; ");
}

function listed(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Why several inputs are valued together, in a few words. */
export function groupNote(entry: InformationValue): string | undefined {
  if (entry.inputs.length < 2) return undefined;
  const all = entry.inputs.length === 2 ? "both" : "all";
  return entry.group === "correlated" ? `Finding out ${all} at once: they move together` : `Finding out ${all} at once`;
}

/**
 * A chance as a whole percentage, never rounded to a certainty it is not: a chance above 0 that
 * rounds to 0% reads "under 1%", one below 1 that rounds to 100% reads "over 99%".
 * @example formatChance(0.003) // "under 1%"
 */
export function formatChance(value: number): string {
  if (value > 0 && value < 0.005) return "under 1%";
  if (value < 1 && value >= 0.995) return "over 99%";
  return formatPercent(value);
}

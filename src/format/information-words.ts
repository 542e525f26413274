import type { CaseResult, InformationValue } from "../engine/index.js";
import { describeInput } from "./input-description.js";
import { listInWords, usedByName } from "./words.js";

/** One part of what an information value is about: an input's plain label and the options that use it. */
export interface InformationPart {
  label: string;
  /** Scenario names (file order) of the options that use these inputs; empty when every option does. */
  scenarios: string[];
  /**
   * Those of `scenarios` that read these inputs only in their months before their change is in place
   * (today's way, `assumptions[].usedOnlyBeforeChangeBy`; docs/numbers.md); absent when none does.
   */
  onlyBeforeChange?: string[];
}

/**
 * Plain words for what a value of information is about: the inputs' labels, those with the same
 * label merged (a group of one field set per option reads as one field with its options).
 * @example informationParts({ inputs: ["scenarios.optimal.projects.upkeepHoursPerMonth"], … }, result)
 * // [{ label: "Upkeep hours a month for each live project", scenarios: ["optimal"] }]
 */
export function informationParts(entry: Pick<InformationValue, "inputs">, result: CaseResult): InformationPart[] {
  const order = Object.keys(result.scenarios);
  // Each user of a part's inputs, and whether it reads every one of them only before its change.
  const parts: { label: string; users: Map<string, boolean>; everyone: boolean }[] = [];
  for (const input of entry.inputs) {
    const { label } = describeInput(input);
    const assumption = result.assumptions.find((candidate) => candidate.input === input);
    const usedBy = assumption?.usedBy ?? [];
    const onlyBefore = assumption?.usedOnlyBeforeChangeBy ?? [];
    let part = parts.find((candidate) => candidate.label === label);
    if (!part) {
      part = { label, users: new Map(), everyone: false };
      parts.push(part);
    }
    // An input no option is recorded as using is taken as everyone's, as `inputLabel` does.
    if (usedBy.length === 0) part.everyone = true;
    for (const name of usedBy) part.users.set(name, (part.users.get(name) ?? true) && onlyBefore.includes(name));
  }
  return parts.map((part) => {
    const scenarios = part.everyone || order.every((name) => part.users.has(name)) ? [] : order.filter((name) => part.users.has(name));
    const onlyBeforeChange = scenarios.filter((name) => part.users.get(name));
    return { label: part.label, scenarios, ...(onlyBeforeChange.length > 0 ? { onlyBeforeChange } : {}) };
  });
}

/**
 * A label continuing a sentence: its first letter in lower case.
 * @example continuing("Upkeep hours a month") // "upkeep hours a month"
 */
export function continuing(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * What a value of information is about, in words, as the report's table, `voi` and the web app all
 * write it: the inputs' labels listed ("A and B"), each with the options that use it in brackets, each
 * option in quotes (each view says "together" of a group in its own sentence). With commas alone, and no quotes, an
 * option whose label has a comma of its own ("Every tool, including monitoring") read as two options.
 * `option` writes an option's label by its scenario name (the report escapes it), `text` an input's label.
 * @example informationWords(group, result) // "Upkeep hours a month for each live project (“Every tool we want” and “What will be approved”)"
 */
export function informationWords(
  entry: Pick<InformationValue, "inputs">,
  result: CaseResult,
  option: (name: string) => string = (name) => result.scenarios[name]?.label ?? name,
  text: (label: string) => string = (label) => label,
): string {
  const parts = informationParts(entry, result).map((part, index) => {
    const label = text(index === 0 ? part.label : continuing(part.label));
    // An option that reads the inputs only before its change is in place is marked so, as every view of `usedBy` does.
    const options = part.scenarios.map((name) => usedByName(`“${option(name)}”`, part.onlyBeforeChange?.includes(name) ?? false));
    return options.length === 0 ? label : `${label} (${listInWords(options)})`;
  });
  return listInWords(parts);
}

/**
 * The plain label of a value of information as one line of text (`informationWords`).
 * @example informationLabel(entry, result) // "Upkeep hours a month for each live project (“Every tool we want” and “What will be approved”)"
 */
export function informationLabel(entry: Pick<InformationValue, "inputs">, result: CaseResult): string {
  return informationWords(entry, result);
}

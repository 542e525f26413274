import { fieldMeta, type Assumption, type CaseResult, type ValueKind } from "../engine/index.js";
import { usedByName } from "./words.js";

/** How an input's value is written: the kind of its unit in the schema (src/engine/scenario/units.ts). */
export type InputUnit = ValueKind;

const segmentPattern = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[("(?:[^"\\]|\\.)*")\]|\[(\d+)\]/y;

/**
 * Splits an input's path as the engine writes it back into segments.
 * @example parseInputPath('scenarios["my case"].team.people') // ["scenarios", "my case", "team", "people"]
 */
export function parseInputPath(input: string): (string | number)[] {
  const segments: (string | number)[] = [];
  segmentPattern.lastIndex = 0;
  while (segmentPattern.lastIndex < input.length) {
    const match = segmentPattern.exec(input);
    if (!match) return [input];
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
    else segments.push(Number(match[3]));
  }
  return segments;
}

export interface InputDescription {
  /** The field inside a scenario, e.g. "projects.upkeepHoursPerMonth". */
  field: string;
  label: string;
  unit: InputUnit;
  /** The scenario that sets it, when it is a scenario's own value. */
  scenario?: string;
}

function words(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Whether a field inside a scenario (e.g. "projects.buildHours") has plain words of its own, a label and a unit in the schema. */
export function hasMeaning(field: string): boolean {
  const meta = fieldMeta(field.split("."));
  return meta !== undefined && meta.label !== "" && meta.kind !== undefined;
}

/**
 * Plain words for an input of the scenario file, from the schema's title and unit.
 * @example describeInput("scenarios.optimal.projects.upkeepHoursPerMonth").label // "Upkeep hours a month for each live project"
 */
export function describeInput(input: string): InputDescription {
  const segments = parseInputPath(input);
  const scenario = segments[0] === "scenarios" && segments.length > 2 ? String(segments[1]) : undefined;
  const inner = segments[0] === "defaults" ? segments.slice(1) : scenario !== undefined ? segments.slice(2) : segments;
  const field = inner.map(String).join(".");
  const meta = fieldMeta(inner);
  const label = meta && meta.label !== "" ? meta.label : words(String(inner[inner.length - 1] ?? input));
  return { field, label, unit: meta?.kind ?? "count", ...(scenario !== undefined ? { scenario } : {}) };
}

/**
 * An input the forecast that learns measured, by its label, with the option that uses it when only one
 * of the plan's two (the approved option and its baseline) does, as the report's assumptions name it:
 * the same words in the report and `track show` / `track forecast`.
 * @example learnedInputLabel({ input: "defaults.projects.upkeepHoursPerMonth", usedBy: ["current"] }, () => "Today") // "Upkeep hours a month for each live project (Today)"
 */
export function learnedInputLabel(input: { input: string; usedBy?: readonly string[] }, optionLabel: (scenario: string) => string): string {
  const label = describeInput(input.input).label;
  return input.usedBy?.length === 1 ? `${label} (${optionLabel(input.usedBy[0]!)})` : label;
}

/**
 * An input's label with the options that use it, when not all of them do, an option that reads it only
 * before its change is in place marked so (`usedByName`). `option` writes an option's label by its
 * scenario name and `text` the input's label (the report escapes both).
 * @example inputLabel(assumption, result) // "Upkeep hours a month for each live project (Today)"
 */
export function inputLabel(
  assumption: Assumption,
  result: CaseResult,
  option: (name: string) => string = (name) => result.scenarios[name]?.label ?? name,
  text: (label: string) => string = (label) => label,
): string {
  const label = text(describeInput(assumption.input).label);
  const names = Object.keys(result.scenarios);
  if (assumption.usedBy.length === 0 || names.every((name) => assumption.usedBy.includes(name))) return label;
  const onlyBefore = assumption.usedOnlyBeforeChangeBy ?? [];
  const labels = assumption.usedBy.map((name) => usedByName(option(name), onlyBefore.includes(name)));
  return `${label} (${labels.join(", ")})`;
}

/**
 * An input as the report's tornado names its bar for `alternative`: its label, with the side it sits on
 * when it is on one side only: ", today" (the baseline's way of working, or read by the option only
 * before its change is in place), ", after the change" or, for the change's own inputs (its cash, setup,
 * learning…), ", for the change". The report's tornado and caption and `sensitivity`'s note on linked
 * inputs use these words.
 * @example tornadoInputLabel(result, "optimal", "scenarios.optimal.projects.upkeepHoursPerMonth") // "Upkeep hours a month for each live project, after the change"
 */
export function tornadoInputLabel(result: CaseResult, alternative: string, input: string): string {
  const assumption = result.assumptions.find((candidate) => candidate.input === input);
  const plain = describeInput(input).label;
  if (!assumption) return plain;
  const today = assumption.usedBy.includes(result.baseline);
  // An input the option reads only before its change is in place is today's, not the change's.
  const changed = assumption.usedBy.includes(alternative) && !assumption.usedOnlyBeforeChangeBy?.includes(alternative);
  if (today && !changed) return `${plain}, today`;
  // The change's own inputs (its cash, setup, learning…) are not "after" it: they are what it costs.
  if (changed && !today) return /(^|\.)change\./.test(input) ? `${plain}, for the change` : `${plain}, after the change`;
  return plain;
}

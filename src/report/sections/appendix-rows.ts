import { BUILT_IN_NOTE, builtInCatalogue, type Assumption, type CaseResult } from "../../engine/index.js";
import { catalogueLabel, groupLabels, inputLabel as workbookLabel } from "../../format/input-labels.js";
import { formatNumber, withoutResidue } from "../../format/numbers.js";
import { formatWithUnit, innerSegments, inputValueWriter } from "../../format/input-value.js";
import { describeInput, parseInputPath } from "../../format/input-description.js";

export { formatWithUnit };

/**
 * The appendix's rows in words a manager reads: every input named, its value with its unit, who
 * uses it, and the capabilities of the catalogue grouped with what each multiplier means. Pure: the
 * section (assumptions.ts) escapes and lays these out.
 */

/** Who uses an input, in words. */
export interface UsedBy {
  /** "all": today and every option; "some": the scenarios listed; "none": nobody. */
  readonly kind: "all" | "some" | "none";
  /** The scenarios, in the file's order. */
  readonly names: readonly string[];
}

/**
 * Who uses an input: "all" only when every scenario, today included, is in `usedBy`.
 * @example usedByOf(result, ["today", "managed"]) // { kind: "some", names: ["today", "managed"] }
 */
export function usedByOf(result: CaseResult, usedBy: readonly string[]): UsedBy {
  const all = Object.keys(result.scenarios);
  const names = all.filter((name) => usedBy.includes(name));
  if (names.length === 0) return { kind: "none", names };
  if (all.length > 2 && names.length === all.length) return { kind: "all", names };
  return { kind: "some", names };
}

/** "Today and all 3 options", "Today and both options": what `usedByOf` calls "all", with the baseline's own label. */
export function allOptionsText(result: CaseResult): string {
  const baseline = result.scenarios[result.baseline]?.label ?? result.baseline;
  const count = Object.keys(result.comparisons).length;
  return count === 2 ? `${baseline} and both options` : `${baseline} and all ${count} options`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The report's fallback label for a field it has no words for (see src/format/input-description.ts). */
function fallbackWords(name: string): string {
  return capitalise(name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase());
}

/**
 * What a multiplier of the catalogue does, in words.
 * @example multiplierText(0.7) // "× 0.7 (30% less)" ; multiplierText(1.2) // "× 1.2 (20% more)"
 */
export function multiplierText(value: number): string {
  const change = Math.abs(1 - value) * 100;
  const meaning = change < 0.05 ? "no change" : `${formatNumber(change, 1)}% ${value < 1 ? "less" : "more"}`;
  return `× ${formatNumber(value, 2)} (${meaning})`;
}

/** One row of the appendix's tables, as plain text (not escaped). */
export interface AppendixRow {
  readonly assumption: Assumption;
  /** The input's name; for a capability's number, what it sets or multiplies. */
  readonly label: string;
  /** The value with its unit; a range as "low to high". */
  readonly value: string;
  /** The middle of a range, with its unit. */
  readonly middle?: string;
  /** Whether the value is the built-in catalogue's starting assumption (its note is said once). */
  readonly builtIn: boolean;
}

/**
 * A value, and a range as "low to high" with its middle. The ends are the file's, without the residue
 * of working them out from the distribution ("€1,500", not "€1,500.00"); the middle, which the
 * distribution gives (√(low × high) for a range given as { low, high }), is shown to three significant
 * figures, "about" when that rounds it: "about €2,450", not "€2,449.49".
 */
function withRange(assumption: Assumption, format: (value: number) => string): Pick<AppendixRow, "value" | "middle"> {
  if (!assumption.range) return { value: format(assumption.value) };
  const middle = withoutResidue(assumption.value);
  const shown = Number(middle.toPrecision(3));
  return {
    value: `${format(withoutResidue(assumption.range.p5))} to ${format(withoutResidue(assumption.range.p95))}`,
    middle: `${shown === middle ? "" : "about "}${format(shown)}`,
  };
}

/** The field inside a scenario (or at the top of the file), as path segments. */
function innerPath(input: string): (string | number)[] {
  return innerSegments(parseInputPath(input));
}

/**
 * An input of the case (not of the catalogue): the report's own name for it, as the first page and
 * "what could change the result" write it (the workbook's where the report has none), and its value
 * with the workbook's unit ("14 hours a month", "€300 a month", "12 runs a week").
 */
export function inputRow(assumption: Assumption, currency: string): AppendixRow {
  const description = describeInput(assumption.input);
  const inner = innerPath(assumption.input);
  const chore = inner[0] === "manualTasks";
  // A chore's minutes depend on whom they are counted for, which the result does not carry: the report's unit says "minutes".
  const workbook = chore && inner[2] === "minutesPerWeek" ? undefined : workbookLabel(inner);
  // The report's words where it has them (a chore's share of time it names as minutes: the workbook's words then).
  const known = description.label !== fallbackWords(String(inner[inner.length - 1] ?? "")) && !(chore && inner[2] === "shareOfTime");
  const label = known || !workbook ? description.label : workbook.label;
  const format = inputValueWriter(parseInputPath(assumption.input), currency);
  return { assumption, label, ...withRange(assumption, format), builtIn: assumption.note === BUILT_IN_NOTE };
}

/** A capability of the catalogue with the rows of its numbers. */
export interface CapabilityGroup {
  readonly name: string;
  readonly label: string;
  /** The scenarios that include it. */
  readonly usedBy: UsedBy;
  readonly rows: readonly AppendixRow[];
}

/**
 * A capability's label: as the result's order of adoption names it (the file's own label, if it
 * gives one), else the built-in catalogue's, else its name in words.
 */
export function capabilityLabel(result: CaseResult, name: string): string {
  for (const comparison of Object.values(result.comparisons)) {
    const step = comparison.adoptionOrder?.find((candidate) => candidate.capability === name);
    if (step) return step.label;
  }
  return builtInCatalogue[name]?.label ?? fallbackWords(name);
}

/**
 * A number of the catalogue: the capability's setup hours or fees with their unit, or a multiplier
 * with what it multiplies and what it means ("Upkeep of one live project", "× 0.7 (30% less)").
 * The words come from the workbook's `catalogueLabel`.
 */
export function catalogueRow(assumption: Assumption, capability: string, currency: string): AppendixRow {
  const path = parseInputPath(assumption.input);
  const builtIn = assumption.note === BUILT_IN_NOTE;
  const described = catalogueLabel(path, capability);
  const prefix = `${capability}: `;
  const bare = described?.label.startsWith(prefix) ? described.label.slice(prefix.length) : (described?.label ?? String(path[path.length - 1]));
  if (path[2] === "effects") {
    const target = bare.replace(/^multiplies /, "");
    return { assumption, label: capitalise(target), ...withRange(assumption, multiplierText), builtIn };
  }
  const unit = described?.unit;
  return {
    assumption,
    label: capitalise(bare),
    ...withRange(assumption, (value) => (unit ? formatWithUnit(value, unit, currency) : formatNumber(value, 2))),
    builtIn,
  };
}

/** The appendix's two tables: the case's inputs, and the catalogue's numbers by capability. */
export interface AppendixTables {
  readonly inputs: readonly AppendixRow[];
  readonly capabilities: readonly CapabilityGroup[];
}

/**
 * Splits the result's assumptions into the case's inputs and the catalogue's capabilities, in the
 * file's order.
 * @example appendixTables(result).capabilities[0]?.label // "Scheduled data jobs"
 */
export function appendixTables(result: CaseResult): AppendixTables {
  const inputs: AppendixRow[] = [];
  const groups = new Map<string, { rows: AppendixRow[]; usedBy: Set<string> }>();
  for (const assumption of result.assumptions) {
    const path = parseInputPath(assumption.input);
    if (path[0] !== "catalogue" || path.length < 3) {
      inputs.push(inputRow(assumption, result.currency));
      continue;
    }
    const name = String(path[1]);
    const group = groups.get(name) ?? { rows: [], usedBy: new Set<string>() };
    groups.set(name, group);
    group.rows.push(catalogueRow(assumption, capabilityLabel(result, name), result.currency));
    for (const user of assumption.usedBy) group.usedBy.add(user);
  }
  const capabilities = [...groups].map(([name, group]) => ({
    name,
    label: capabilityLabel(result, name),
    usedBy: usedByOf(result, [...group.usedBy]),
    rows: group.rows,
  }));
  return { inputs, capabilities };
}

/**
 * What a note on a group of inputs is about: the workbook's name of the group, the part of it in
 * words, and the option that sets it.
 * @example groupNoteLabel(result, "scenarios.transformed.tooling.supportStaff") // "Tools, support and training: support staff, in “DevOps transformation”"
 */
export function groupNoteLabel(result: CaseResult, input: string): string {
  const segments = parseInputPath(input);
  const scenario = segments[0] === "scenarios" && segments.length > 2 ? String(segments[1]) : undefined;
  const inner = innerPath(input).map(String);
  const group = groupLabels[inner[0] ?? ""] ?? fallbackWords(inner[0] ?? input);
  const part = inner
    .slice(1)
    .map((segment) => fallbackWords(segment).toLowerCase())
    .join(", ");
  const who = scenario ? `, in “${result.scenarios[scenario]?.label ?? scenario}”` : "";
  return `${group}${part ? `: ${part}` : ""}${who}`;
}

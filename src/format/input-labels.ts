import { fieldMeta, fieldPattern, scenarioFields, type FieldInfo, type FieldUnit } from "../engine/index.js";

/** How the workbook names one input of a scenario file, in words a manager reads. */
export interface InputLabel {
  readonly label: string;
  /** Unit shown next to the value; `{currency}` is replaced by the case's currency code. */
  readonly unit: string;
}

const label = (text: string, unit: string): InputLabel => ({ label: text, unit });

/**
 * A unit of the schema as the workbook writes it, `{currency}` standing for money.
 * @example unitOf("money a person a year") // "{currency} a person a year"
 */
function unitOf(unit: FieldUnit): string {
  const [word, ...period] = unit.split(" ");
  const written = word === "money" ? "{currency}" : word === "rate" ? "share a year" : (word ?? "");
  return [written, ...period].join(" ");
}

/** A field's label and unit from the schema; undefined for a field without a unit (a choice, a group). */
function fromSchema(field: FieldInfo | undefined): InputLabel | undefined {
  return field?.unit === undefined || field.label === "" ? undefined : label(field.label, unitOf(field.unit));
}

/** Plain names of the input groups (the schema's titles), for the sub-headings of the Assumptions sheet. */
export const groupLabels: Record<string, string> = Object.fromEntries(
  scenarioFields.filter((field) => field.type === "group" && field.path.length === 1).map((field) => [field.path[0] ?? "", field.label]),
);

/**
 * The label of an input, from its place inside a scenario's inputs (or at the top of the file):
 * `["projects", "buildHours"]`, or `["manualTasks", "tickets", "minutesPerWeek"]` for a chore,
 * whose unit says what its minutes are counted per (`taskPer`).
 * @example inputLabel(["projects", "upkeepHoursPerMonth"])?.label // "Upkeep hours a month for each live project"
 */
export function inputLabel(inner: readonly (string | number)[], taskPer?: string): InputLabel | undefined {
  const described = fromSchema(fieldMeta(inner));
  if (described && inner[0] === "manualTasks" && inner[2] === "minutesPerWeek") {
    const per = taskPer === "person" ? "per person" : taskPer === "project" ? "per live project" : "for the whole team";
    return label(described.label, `${described.unit} ${per}`);
  }
  return described;
}

/** The unit text with the currency filled in. */
export function unitText(input: InputLabel, currency: string): string {
  return input.unit.replaceAll("{currency}", currency);
}

/**
 * The label of a number of the capability catalogue (`catalogue.<name>.setupHours`,
 * `catalogue.<name>.effects.<input>`), named with the capability's own label.
 * @example catalogueLabel(["catalogue", "versioning", "effects", "projects.upkeepHoursPerMonth"], "Model and data versioning")?.label
 * // "Model and data versioning: multiplies upkeep hours a month for each live project"
 */
export function catalogueLabel(path: readonly (string | number)[], capability: string): InputLabel | undefined {
  if (path[0] !== "catalogue" || path.length < 3) return undefined;
  const described = fromSchema(fieldPattern(["catalogue", "*", ...path.slice(2).map(String)]));
  if (!described) return undefined;
  const named = `${capability}: ${described.label.charAt(0).toLowerCase()}${described.label.slice(1)}`;
  // A multiplier's unit says what 1 means.
  return label(named, path[2] === "effects" ? "× (1 = no change)" : described.unit);
}

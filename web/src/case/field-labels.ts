import { getIn, type CaseData, type DataPath } from "./data-path.js";
import { caseFields, inputGroups, scenarioOwnFields, type Field } from "./field-tree.js";
import { groupTitles } from "./sections.js";

/**
 * The words the editor names its fields by, in one place: the labels beside the boxes, and the list
 * of problems above the inputs, which names each place as the box does rather than by its path.
 */

/** Labels of the case's own fields, where the schema's title is not how the page says it. */
export const caseLabels: Readonly<Record<string, string>> = {
  title: "Title of the case",
  description: "Description",
  currency: "Currency (three letters, e.g. EUR)",
  horizonMonths: "Months the case covers",
};

/** The label of a scenario or a capability (its "label" field), as the box is named. */
export const readerLabel = "Label shown to readers";

export const baselineLabel = "Baseline: the scenario that describes today";

/** Labels of a chore's fields. */
export const choreLabels: Readonly<Record<string, string>> = { minutesPerWeek: "Minutes a week", per: "Counted per" };

/** The label of a pair's rank (the pairs of inputs that move together). */
export const rankLabel = "How closely they move together (rank correlation, from -1 to 1)";

/** A scenario as readers know it: its label, else its name. */
export function scenarioLabel(data: CaseData, name: string): string {
  const label = getIn(data, ["scenarios", name, "label"]);
  return typeof label === "string" && label.trim() !== "" ? label : name;
}

function capabilityLabel(data: CaseData, name: string): string {
  const label = getIn(data, ["catalogue", name, "label"]);
  return typeof label === "string" && label.trim() !== "" ? `capability “${label}”` : `capability “${name}”`;
}

/** A field's label as its box or its box's group shows it. */
function shownLabel(field: Field, overrides: Readonly<Record<string, string>>): string {
  return overrides[field.key] ?? (field.kind === "group" || field.kind === "map" ? (groupTitles[field.key] ?? field.label) : field.label);
}

/** The words for `rest` inside `fields`, or undefined when no field of the editor is there. */
function labelIn(
  fields: readonly Field[],
  rest: DataPath,
  data: CaseData,
  overrides: Readonly<Record<string, string>> = {},
  entryName?: (name: string) => string,
): string | undefined {
  const field = fields.find((candidate) => candidate.key === String(rest[0]));
  if (!field) return undefined;
  if (rest.length === 1) return shownLabel(field, overrides);
  const inner = rest.slice(1);
  switch (field.kind) {
    case "group":
      return labelIn(field.children, inner, data);
    case "map": {
      const name = String(inner[0]);
      if (inner.length === 1) return entryName ? entryName(name) : `chore “${name}”`;
      return labelIn(field.entry, inner.slice(1), data, field.key === "catalogue" ? { label: readerLabel } : choreLabels);
    }
    case "list": {
      if (typeof inner[0] !== "number") return undefined;
      if (inner.length === 1) return `Pair ${inner[0] + 1}`;
      const at = inner.slice(1);
      if (at[0] === "between" && at.length === 2) return at[1] === 0 ? "First input" : at[1] === 1 ? "Second input" : undefined;
      return labelIn(field.entry, at, data, { rank: rankLabel });
    }
    default:
      return undefined;
  }
}

/**
 * The words the editor names the place at `path` by: a box's label, a group's title, a scenario's
 * label; undefined where the editor has no such place (a field the file should not have).
 * @example labelAt(data, ["scenarios", "current", "projects", "upkeepHoursPerMonth"]) // "Upkeep hours a month for each live project"
 */
export function labelAt(data: CaseData, path: DataPath): string | undefined {
  const [head, name] = path;
  if (head === "scenarios") {
    if (path.length === 1) return "Scenarios";
    if (path.length === 2) return `scenario “${scenarioLabel(data, String(name))}”`;
    const rest = path.slice(2);
    return labelIn(scenarioOwnFields, rest, data, { label: readerLabel }) ?? labelIn(inputGroups, rest, data);
  }
  if (head === "defaults") return path.length === 1 ? "Shared inputs" : labelIn(inputGroups, path.slice(1), data);
  if (head === "baseline" && path.length === 1) return baselineLabel;
  return labelIn(caseFields, path, data, caseLabels, (entry) => capabilityLabel(data, entry));
}

/** The titles of the editor's tabs other than the scenarios' (theirs are the scenarios' labels). */
export const tabTitles = { case: "The case", shared: "Shared inputs", catalogue: "Capabilities" } as const;

/** Which tab shows the field an issue points at. */
export function tabOfPath(path: DataPath): string {
  if (path[0] === "scenarios" && path.length > 1) return `s:${String(path[1])}`;
  if (path[0] === "defaults") return "shared";
  if (path[0] === "catalogue") return "catalogue";
  return "case";
}

/**
 * The tab a problem is on, in words: its title, a scenario's label for a scenario's tab.
 * @example tabWords(data, ["defaults", "team", "people"]) // "Shared inputs"
 */
export function tabWords(data: CaseData, path: DataPath): string {
  const tab = tabOfPath(path);
  return tab.startsWith("s:") ? scenarioLabel(data, tab.slice(2)) : tabTitles[tab as keyof typeof tabTitles];
}

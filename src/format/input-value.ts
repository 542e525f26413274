import { fieldMeta, type ObservedFigure, type ValueKind } from "../engine/index.js";
import { catalogueLabel, inputLabel as workbookLabel } from "./input-labels.js";
import { formatInputMoney, formatNumber, formatShare, formatSignificant, roundSignificantFigures } from "./numbers.js";

/**
 * An input's value in its unit, as the user wrote it: one rule for every view that writes one (the
 * report's appendix, "14 hours a month", "€300 a month", "8% a year", and `sensitivity`'s input
 * columns, where a discount rate read 0.064 and money had no symbol); `figure` writes the number of a unit that is
 * not money, a share or a month (two decimals unless given: the report's moved ranges give three
 * significant figures, as the measured figures beside them do).
 * @example formatInputValue(0.25, "share", "EUR") // "25%" ; formatInputValue(0.304, "hours", "EUR", (v) => formatSignificant(v, 3)) // "0.304 hours"
 */
export function formatInputValue(
  value: number,
  unit: ValueKind,
  currency: string,
  figure: (value: number) => string = (number) => formatNumber(number, 2),
): string {
  switch (unit) {
    case "money":
      return formatInputMoney(value, currency);
    case "share":
    case "rate":
      // As the text writes the file's rates (the discount rate line): 8.25% as written, not 8.3%.
      return formatShare(value);
    case "hours":
      return `${figure(value)} ${value === 1 ? "hour" : "hours"}`;
    case "minutes":
      return `${figure(value)} ${value === 1 ? "minute" : "minutes"}`;
    case "weeks":
      return `${figure(value)} ${value === 1 ? "week" : "weeks"}`;
    case "months":
      return `${figure(value)} ${value === 1 ? "month" : "months"}`;
    case "month":
      return `month ${formatNumber(value)}`;
    case "people":
      return `${figure(value)} ${value === 1 ? "person" : "people"}`;
    case "factor":
      return `×${figure(value)}`;
    case "count":
      return figure(value);
    default:
      return unit satisfies never;
  }
}

const singular: Record<string, string> = {
  hours: "hour",
  minutes: "minute",
  weeks: "week",
  months: "month",
  people: "person",
  projects: "project",
  runs: "run",
  changes: "change",
};

/**
 * A value with the workbook's unit text: "share …" as a percentage, "{currency} …" as money,
 * "factor" as ×, "month" as "month N", anything else after the number.
 * @example formatWithUnit(14, "hours a month", "EUR") // "14 hours a month"
 * @example formatWithUnit(300, "{currency} a month", "EUR") // "€300 a month"
 * @example formatWithUnit(0.1, "share a year", "EUR") // "10% a year"
 */
export function formatWithUnit(value: number, unit: string, currency: string): string {
  if (unit.startsWith("share")) {
    const rest = unit.slice("share".length).replace(/\s*\(.*\)$/, "");
    // As the text writes the file's rates (the discount rate line): 8.25% as written, not 8.3%.
    return `${formatShare(value)}${rest}`;
  }
  if (unit.includes("{currency}")) {
    const rest = unit.replace("{currency}", "").trim();
    return rest ? `${formatInputMoney(value, currency)} ${rest}` : formatInputMoney(value, currency);
  }
  if (unit === "factor") return `×${formatNumber(value, 2)}`;
  if (unit === "month") return `month ${formatNumber(value)}`;
  if (unit === "count") return formatNumber(value, 2);
  const [first = "", ...rest] = unit.split(" ");
  const noun = value === 1 && singular[first] ? [singular[first], ...rest].join(" ") : unit;
  return `${formatNumber(value, 2)} ${noun}`;
}

/**
 * The field inside a scenario (or at the top of the file): a path without its `scenarios.<name>` or
 * `defaults` head.
 * @example innerSegments(["scenarios", "optimal", "projects", "upkeepHoursPerMonth"]) // ["projects", "upkeepHoursPerMonth"]
 */
export function innerSegments(segments: readonly (string | number)[]): (string | number)[] {
  if (segments[0] === "scenarios" && segments.length > 2) return segments.slice(2);
  if (segments[0] === "defaults") return segments.slice(1);
  return [...segments];
}

/**
 * How an input's value is written in its unit, from its path (the engine's leaf path): the workbook's
 * unit where it has one, else the schema's kind; a multiplier of the catalogue as ×0.7; a chore's
 * minutes as minutes (whom they are counted for is not in the path).
 * @example inputValueWriter(["discountRate"], "EUR")(0.064) // "6.4% a year"
 * @example inputValueWriter(["defaults", "team", "hourlyCost"], "CHF")(48) // "CHF 48 an hour"
 */
export function inputValueWriter(path: readonly (string | number)[], currency: string): (value: number) => string {
  if (path[0] === "catalogue" && path.length >= 3) {
    if (path[2] === "effects") return (value) => formatWithUnit(value, "factor", currency);
    const unit = catalogueLabel(path, "")?.unit;
    return unit ? (value) => formatWithUnit(value, unit, currency) : (value) => formatNumber(value, 2);
  }
  const inner = innerSegments(path);
  const workbook = inner[0] === "manualTasks" && inner[2] === "minutesPerWeek" ? undefined : workbookLabel(inner);
  if (workbook) return (value) => formatWithUnit(value, workbook.unit, currency);
  const kind = fieldMeta(inner)?.kind ?? "count";
  return (value) => formatInputValue(value, kind, currency);
}

/** A share to three significant figures, as a percentage: "4.87%", "0.025%". */
function significantShare(value: number): string {
  return `${formatSignificant(value * 100, 3)}%`;
}

/**
 * An observed figure's value in the forecast that learns (track show, the report's "Plan and reality
 * so far"), to three significant figures, a share as a percentage: a recorded failure rate of 0.00025
 * read "0%", as if no change had failed, and the planned 4.87% "4.9%" beside the moved inputs' "4.87%".
 * @example observedFigureValue(0.00025, "changeFailureRate") // "0.025%"
 */
export function observedFigureValue(value: number, figure: ObservedFigure): string {
  return figure === "changeFailureRate" ? significantShare(value) : formatSignificant(value, 3);
}

/**
 * A learned input's value (the forecast that learns' moved ranges, in track show and the report), to
 * three significant figures in its unit, as the measured figures beside it: a change failure rate of
 * 0.05 read "0.05" in track show and "5%" in the report; a count of 0.304 read "0.3", and 0.304 hours
 * "0.3 hours".
 * @example learnedInputValue(0.0487, "share", "EUR") // "4.87%" ; learnedInputValue(0.304, "hours", "EUR") // "0.304 hours"
 */
export function learnedInputValue(value: number, unit: ValueKind, currency: string): string {
  if (unit === "share" || unit === "rate") return significantShare(value);
  // Hours, minutes, people, factors and counts alike: 0.304 hours read "0.3 hours".
  return formatInputValue(roundSignificantFigures(value, 3), unit, currency, (number) => formatSignificant(number, 3));
}

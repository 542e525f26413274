/**
 * The units of the scenario file's numbers: one word for what is counted, then how often or for
 * whom ("money a person a year", "hours a month", "jobs a week"). Every number field of the schema
 * carries one as `unit`, next to its `title`; the report formats a value by the word's kind, the
 * workbook and the editor write the unit out.
 */

/** How a value is written: an amount of money, hours, a share shown as a percentage, ... */
export type ValueKind = "money" | "hours" | "minutes" | "weeks" | "months" | "month" | "share" | "rate" | "people" | "count" | "factor";

/**
 * The first word of a unit and the kind of value it stands for. "month" is a month number (month 1
 * is the first of the case), "months" a duration; "rate" a share a year; "number" any other plain
 * number; "projects", "jobs", "changes" and "features" are counts of those things.
 */
export const unitWords = {
  money: "money",
  hours: "hours",
  minutes: "minutes",
  weeks: "weeks",
  months: "months",
  month: "month",
  share: "share",
  rate: "rate",
  people: "people",
  factor: "factor",
  count: "count",
  number: "count",
  projects: "count",
  jobs: "count",
  changes: "count",
  features: "count",
} as const satisfies Record<string, ValueKind>;

export type UnitWord = keyof typeof unitWords;

/** What may follow the word: how often, for whom, or both. */
export const unitPeriods = ["a year", "a month", "a week", "an hour", "a person", "a person a month", "a person a year"] as const;

export type UnitPeriod = (typeof unitPeriods)[number];

/** A unit of the vocabulary: a word alone or followed by a period, e.g. "money a person a year". */
export type FieldUnit = UnitWord | `${UnitWord} ${UnitPeriod}`;

export interface ParsedUnit {
  readonly word: UnitWord;
  readonly kind: ValueKind;
  readonly period?: UnitPeriod;
}

/**
 * A unit split into its word and period, or undefined when it is not of the vocabulary.
 * @example parseUnit("money a person a year") // { word: "money", kind: "money", period: "a person a year" }
 */
export function parseUnit(unit: string): ParsedUnit | undefined {
  const space = unit.indexOf(" ");
  const word = space < 0 ? unit : unit.slice(0, space);
  const period = space < 0 ? undefined : unit.slice(space + 1);
  if (!Object.hasOwn(unitWords, word)) return undefined;
  if (period !== undefined && !(unitPeriods as readonly string[]).includes(period)) return undefined;
  const known = word as UnitWord;
  return { word: known, kind: unitWords[known], ...(period !== undefined ? { period: period as UnitPeriod } : {}) };
}

/**
 * A unit as the workbook and the editor write it beside a value, `currency` standing for money.
 * @example unitWordsText("money a person a year", "EUR") // "EUR a person a year"
 * @example unitWordsText("rate", "EUR") // "share a year"
 */
export function unitWordsText(unit: FieldUnit, currency: string): string {
  const parsed = parseUnit(unit);
  if (!parsed) return unit;
  const word = parsed.word === "money" ? currency : parsed.word === "rate" ? "share a year" : parsed.word;
  return parsed.period ? `${word} ${parsed.period}` : word;
}

import { z } from "zod";

/**
 * The kinds of number a scenario file holds. Each kind knows what is allowed, in words a user
 * understands, so a validation message can say "allowed: a share between 0 and 1".
 */
export interface QuantityKind {
  readonly unit: string;
  readonly allowed: string;
  readonly min: number;
  readonly max: number;
  /** True when the lower bound itself is not allowed (people > 0). */
  readonly exclusiveMin?: boolean;
  readonly integer?: boolean;
  /** True when `allowed` already names the upper bound, so a message need not repeat it. */
  readonly statesMax?: boolean;
}

const kinds = {
  hours: { unit: "hours", allowed: "hours, a number ≥ 0", min: 0, max: 1e7 },
  positiveHours: { unit: "hours", allowed: "hours, a number > 0", min: 0, max: 1e7, exclusiveMin: true },
  minutes: { unit: "minutes", allowed: "minutes, a number ≥ 0", min: 0, max: 1e7 },
  weeks: { unit: "weeks", allowed: "weeks, a number ≥ 0", min: 0, max: 520 },
  money: { unit: "money", allowed: "an amount of money ≥ 0", min: 0, max: 1e13 },
  share: { unit: "share", allowed: "a share between 0 and 1 (0.25 means 25%)", min: 0, max: 1, statesMax: true },
  contingency: { unit: "share", allowed: "a share between 0 and 5 (0.2 means 20% on top)", min: 0, max: 5, statesMax: true },
  rate: { unit: "share a year", allowed: "an annual rate between 0 and 1 (0.08 means 8%)", min: 0, max: 1, statesMax: true },
  people: { unit: "people", allowed: "a number of people (full-time equivalents) > 0", min: 0, max: 1e6, exclusiveMin: true },
  count: { unit: "count", allowed: "a count ≥ 0", min: 0, max: 1e7 },
  wholeCount: { unit: "count", allowed: "a whole number ≥ 0", min: 0, max: 1e7, integer: true },
  months: { unit: "months", allowed: "a whole number of months ≥ 0", min: 0, max: 600, integer: true },
  monthsPositive: { unit: "months", allowed: "a whole number of months ≥ 1", min: 1, max: 600, integer: true },
  fractionalMonths: { unit: "months", allowed: "months, a number ≥ 0", min: 0, max: 600 },
  month: { unit: "month", allowed: "a whole month number ≥ 1 (month 1 is the first month of the case)", min: 1, max: 600, integer: true },
  horizon: { unit: "months", allowed: "a whole number of months between 1 and 240", min: 1, max: 240, integer: true, statesMax: true },
  factor: { unit: "factor", allowed: "a multiplier > 0 (1 means as usual, 1.5 means 50% more)", min: 0, max: 100, exclusiveMin: true },
  benefitsMultiplier: { unit: "factor", allowed: "a multiplier between 1 and 5 (1.3 means 30% on top of salary)", min: 1, max: 5, statesMax: true },
  perYear: { unit: "share a year", allowed: "a share a year between 0 and 1 (0.2 means one in five people leave each year)", min: 0, max: 1, statesMax: true },
} as const satisfies Record<string, QuantityKind>;

export type QuantityKindName = keyof typeof kinds;

export function quantityKind(name: QuantityKindName): QuantityKind {
  return kinds[name];
}

/** A bare number of the given kind, with messages that name what is allowed. */
export function numberOf(name: QuantityKindName) {
  const kind: QuantityKind = kinds[name];
  let schema = z.number({ error: `expected a number: ${kind.allowed}` });
  schema = kind.exclusiveMin
    ? schema.gt(kind.min, { error: `allowed: ${kind.allowed}` })
    : schema.min(kind.min, { error: `allowed: ${kind.allowed}` });
  const atMost = kind.statesMax ? "" : `, at most ${kind.max.toLocaleString("en")}`;
  schema = schema.max(kind.max, { error: `allowed: ${kind.allowed}${atMost}` });
  if (kind.integer) schema = schema.int({ error: `allowed: ${kind.allowed}` });
  return schema.meta({ description: kind.allowed });
}

export const noteSchema = z
  .string({ error: "a note is text" })
  .max(4000, { error: "a note is at most 4,000 characters" })
  .meta({ description: "Your own words about this input; shown in the report's assumptions." });

/**
 * An input: a plain number, or `{ value, note }` to keep the reason next to the number.
 * @example quantity("hours") // accepts 30 or { value: 30, note: "from the time sheets" }
 */
export function quantity(name: QuantityKindName) {
  const value = numberOf(name);
  return z.union([value, z.strictObject({ value, note: noteSchema.optional() })]).meta({ description: kinds[name].allowed });
}

export type Quantity = number | { value: number; note?: string | undefined };

import { z } from "zod";
import { freeText, groupDigits } from "./text.js";
import { fromInterval90, validateDistribution, validateInterval90, type Distribution, type IntervalShape } from "../uncertainty/index.js";

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
  /**
   * Above this a value is allowed but read as a typing error to check (a percentage typed into a
   * multiplier: 30 for 1.3): a warning says so (docs/scenario-file.md).
   */
  readonly plausibleMax?: number;
  /** What that warning adds after the value, e.g. "1.3 means 30% more setup hours". */
  readonly implausible?: string;
}

/** The longest note an input may have, in characters. */
export const MAX_NOTE_CHARACTERS = 4000;

/** The largest amount of money one input may be, in the case's currency (docs/scenario-file.md). */
export const MAX_MONEY = 1e11;
/** The largest yearly revenue of a product or portfolio (`delivery.annualRevenue`). */
export const MAX_REVENUE = 1e13;

const kinds = {
  hours: { unit: "hours", allowed: "hours, a number ≥ 0", min: 0, max: 1e7 },
  positiveHours: { unit: "hours", allowed: "hours, a number > 0", min: 0, max: 1e7, exclusiveMin: true },
  // One person's hours in a month: at most the 744 hours of a 31-day month (45,658, a date typed into the cell, validated).
  personHoursAMonth: {
    unit: "hours",
    allowed: "hours a month, a number > 0 and at most 744 (24 hours × 31 days)",
    min: 0,
    max: 744,
    exclusiveMin: true,
    statesMax: true,
  },
  personHoursAMonthOrNone: { unit: "hours", allowed: "hours a month, a number ≥ 0 and at most 744 (24 hours × 31 days)", min: 0, max: 744, statesMax: true },
  minutes: { unit: "minutes", allowed: "minutes, a number ≥ 0", min: 0, max: 1e7 },
  weeks: { unit: "weeks", allowed: "weeks, a number ≥ 0", min: 0, max: 520 },
  // An amount a data team pays or earns: at most 100 billion in the case's currency, above any real
  // case's line even in a currency of small units (100 billion Vietnamese dong is about 4 million US
  // dollars), and far below what reads as nonsense ("€1,000 billion a month").
  money: { unit: "money", allowed: "an amount of money ≥ 0", min: 0, max: MAX_MONEY },
  // The revenue of a whole product or portfolio (delivery.annualRevenue) is the one larger amount.
  revenue: { unit: "money", allowed: "an amount of money ≥ 0", min: 0, max: MAX_REVENUE },
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
  effect: { unit: "factor", allowed: "a multiplier between 0 and 10 (0.6 means 40% less, 1 means no change)", min: 0, max: 10, statesMax: true },
  // change.organisationFactor: the setup and learning hours of an organisation that works slower
  // (1.5: slow approvals). Five times the hours is already no organisation's pace; 30 is 1.3 typed as 30%.
  factor: {
    unit: "factor",
    allowed: "a multiplier > 0 (1 means as usual, 1.5 means 50% more)",
    min: 0,
    max: 100,
    exclusiveMin: true,
    plausibleMax: 5,
    implausible:
      "it is a multiplier, not a percentage: 1.3 means 30% more setup hours; more than 5 (five times the setup and learning hours) is more likely a typing error; check it",
  },
  benefitsMultiplier: { unit: "factor", allowed: "a multiplier between 1 and 5 (1.3 means 30% on top of salary)", min: 1, max: 5, statesMax: true },
  perYear: { unit: "share a year", allowed: "a share a year between 0 and 1 (0.2 means one in five people leave each year)", min: 0, max: 1, statesMax: true },
} as const satisfies Record<string, QuantityKind>;

export type QuantityKindName = keyof typeof kinds;

/**
 * The smallest number other than 0 any input may be. Smaller ones (1e-320) mean nothing a user
 * could intend, and dividing by them (an hour's cost is salary ÷ working hours) overflows to
 * infinity; at 0.000001 every figure the engine works out stays finite.
 */
export const SMALLEST_NONZERO = 1e-6;

/**
 * A value kept within what its kind allows: a draw from a range's tail, or an input multiplied by
 * capabilities' effects. Between 0 and SMALLEST_NONZERO it is raised to SMALLEST_NONZERO.
 * @example keepWithinKind(quantityKind("share"), 1.2) // 1
 */
export function keepWithinKind(kind: QuantityKind, value: number): number {
  let kept = value < kind.min ? kind.min : value > kind.max ? kind.max : value;
  if ((kept > 0 && kept < SMALLEST_NONZERO) || (kind.exclusiveMin && !(kept > kind.min))) kept = Math.max(SMALLEST_NONZERO, kind.min);
  return kind.integer ? Math.round(kept) : kept;
}

/** What a number between 0 and SMALLEST_NONZERO is told. */
function tooSmall(allowed: string, zeroAllowed: boolean): string {
  return `allowed: ${allowed}, ${zeroAllowed ? "and if not 0 " : ""}at least 0.000001 (a smaller number is too small to calculate with)`;
}

export function quantityKind(name: QuantityKindName): QuantityKind {
  return kinds[name];
}

/**
 * What a kind allows with its largest value, as a message says it when a number is too large.
 * @example allowedUpTo(quantityKind("money")) // "an amount of money ≥ 0, at most 100,000,000,000"
 */
export function allowedUpTo(kind: QuantityKind): string {
  return kind.statesMax ? kind.allowed : `${kind.allowed}, at most ${groupDigits(kind.max)}`;
}

/** A bare number of the given kind, with messages that name what is allowed. */
export function numberOf(name: QuantityKindName) {
  const kind: QuantityKind = kinds[name];
  // 1e400 is read as infinity: it is told the upper limit, as 1e308 is, not only that a number is expected.
  let schema = z.number({
    error: (issue) => (typeof issue.input === "number" && !Number.isNaN(issue.input) ? `allowed: ${allowedUpTo(kind)}` : `expected a number: ${kind.allowed}`),
  });
  schema = kind.exclusiveMin ? schema.gt(kind.min, { error: `allowed: ${kind.allowed}` }) : schema.min(kind.min, { error: `allowed: ${kind.allowed}` });
  schema = schema.max(kind.max, { error: `allowed: ${allowedUpTo(kind)}` });
  if (kind.integer) schema = schema.int({ error: `allowed: ${kind.allowed}` });
  return schema
    .refine((value) => !(Math.abs(value) > 0 && Math.abs(value) < SMALLEST_NONZERO), { error: tooSmall(kind.allowed, !kind.exclusiveMin && kind.min <= 0) })
    .meta({ description: kind.allowed });
}

/** The spread of a normal or lognormal range: a standard deviation within what the kind allows. */
function spreadOf(name: QuantityKindName) {
  const kind: QuantityKind = kinds[name];
  const allowed = `allowed: a standard deviation between 0 and ${groupDigits(kind.max)}`;
  return z
    .number({ error: "expected a standard deviation ≥ 0" })
    .min(0, { error: allowed })
    .max(kind.max, { error: allowed })
    .refine((value) => !(value > 0 && value < SMALLEST_NONZERO), { error: tooSmall("a standard deviation ≥ 0", true) });
}

export const noteSchema = noteAbout("this input");

/** A note of the author's own on `what` (an input, a group of inputs, a scenario, ...). */
export function noteAbout(what: string) {
  return freeText(MAX_NOTE_CHARACTERS, "a note", "a note is text").meta({ description: `Your own words about ${what}; shown in the report's assumptions.` });
}

/** Cross-field checks of a range (low ≤ high, min ≤ mode ≤ max, ...), reported on the range itself. */
function checkRange(form: RangeForm, context: z.core.$RefinementCtx): void {
  // A negative spread is already reported on its own field.
  if ("sd" in form && !(form.sd >= 0)) return;
  const distribution = distributionOfRange(form);
  const problems = distribution.kind === "lognormal" && "low" in form ? [] : validateDistribution(distribution);
  if ("distribution" in form && form.distribution === "lognormal" && !(form.mean > 0)) problems.push(`a lognormal needs a mean > 0, got ${form.mean}`);
  if ("low" in form) problems.push(...validateInterval90(form.low, form.high, form.shape ?? "auto"));
  for (const problem of new Set(problems)) context.addIssue({ code: "custom", message: `allowed: ${problem}`, input: form });
}

/**
 * An input: a plain number, `{ value, note }` to keep the reason next to the number, or a range —
 * `{ low, high }` read as a 90% interval, or an explicit distribution.
 * @example quantity("hours") // accepts 30, { value: 30, note: "..." }, { low: 25, high: 35 }, { distribution: pert, min: 8, mode: 11, max: 15 }
 */
export function quantity(name: QuantityKindName) {
  // One schema per kind: fields of the same kind share it, which keeps the generated JSON Schema small.
  const known = quantities.get(name);
  if (known) return known;
  const made = makeQuantity(name);
  quantities.set(name, made);
  return made;
}

const quantities = new Map<QuantityKindName, ReturnType<typeof makeQuantity>>();

function makeQuantity(name: QuantityKindName) {
  const value = numberOf(name);
  const sd = spreadOf(name);
  const note = noteSchema.optional();
  const interval = z
    .strictObject({
      low: value.meta({ description: "5th percentile: you would be surprised (1 in 20) to see less." }),
      high: value.meta({ description: "95th percentile: you would be surprised (1 in 20) to see more." }),
      shape: z.enum(["auto", "normal", "lognormal"], { error: "allowed: auto, normal or lognormal" }).optional(),
      note,
    })
    .superRefine(checkRange)
    .meta({ description: "A 90% interval: lognormal when both bounds are > 0, normal otherwise." });
  const distribution = z
    .discriminatedUnion(
      "distribution",
      [
        z.strictObject({ distribution: z.literal("uniform"), min: value, max: value, note }),
        z.strictObject({ distribution: z.literal("triangular"), min: value, mode: value, max: value, note }),
        z.strictObject({
          distribution: z.literal("pert"),
          min: value,
          mode: value,
          max: value,
          lambda: z
            .number({ error: "expected a number ≥ 0 (4 is usual)" })
            .min(0, { error: "allowed: a number between 0 and 1,000 (4 is usual)" })
            .max(1000, { error: "allowed: a number between 0 and 1,000 (4 is usual)" })
            .optional(),
          note,
        }),
        z.strictObject({
          distribution: z.literal("normal"),
          mean: value,
          sd,
          note,
        }),
        z.strictObject({
          distribution: z.literal("lognormal"),
          mean: value,
          sd,
          note,
        }),
      ],
      { error: "allowed distributions: uniform, triangular, pert, normal, lognormal" },
    )
    .superRefine(checkRange);
  return z
    .union([value, z.strictObject({ value, note }), interval, distribution])
    .meta({ description: `${kinds[name].allowed}; or a range: { low, high } (90% interval) or { distribution, ... }` });
}

export type RangeForm =
  | { low: number; high: number; shape?: IntervalShape | undefined; note?: string | undefined }
  | { distribution: "uniform"; min: number; max: number; note?: string | undefined }
  | { distribution: "triangular" | "pert"; min: number; mode: number; max: number; lambda?: number | undefined; note?: string | undefined }
  | { distribution: "normal" | "lognormal"; mean: number; sd: number; note?: string | undefined };

export type Quantity = number | { value: number; note?: string | undefined } | RangeForm;

/**
 * The distribution a range in the file stands for.
 * @example distributionOfRange({ low: 10, high: 30 }) // lognormal with 5th percentile 10 and 95th 30
 */
export function distributionOfRange(form: RangeForm): Distribution {
  if ("low" in form) {
    if (!(form.low <= form.high) || (form.shape === "lognormal" && !(form.low > 0))) return { kind: "point", value: form.low };
    return fromInterval90(form.low, form.high, form.shape ?? "auto");
  }
  switch (form.distribution) {
    case "uniform":
      return { kind: "uniform", min: form.min, max: form.max };
    case "triangular":
      return { kind: "triangular", min: form.min, mode: form.mode, max: form.max };
    case "pert":
      return { kind: "pert", min: form.min, mode: form.mode, max: form.max, ...(form.lambda !== undefined ? { lambda: form.lambda } : {}) };
    case "normal":
      return { kind: "normal", mean: form.mean, sd: form.sd };
    case "lognormal": {
      // Given the variable's own mean and standard deviation, not those of its logarithm.
      if (!(form.mean > 0)) return { kind: "point", value: form.mean };
      const sigmaSquared = Math.log(1 + (form.sd * form.sd) / (form.mean * form.mean));
      return { kind: "lognormal", mu: Math.log(form.mean) - sigmaSquared / 2, sigma: Math.sqrt(sigmaSquared) };
    }
    default:
      return form satisfies never;
  }
}

import { fromInterval90, median, validateInterval90, type IntervalShape } from "../../../src/engine/index.js";
import { isRecord } from "./data-path.js";
import { formatNumberAsGiven } from "../format.js";

/**
 * The forms an input takes in the file — a number, `{ value, note }`, a range `{ low, high }` or
 * an explicit distribution — read into one shape the editor can show, and written back in the
 * simplest form that keeps what the user gave.
 */
export type QuantityForm =
  | { readonly kind: "point"; readonly value: unknown; readonly note?: string }
  | { readonly kind: "range"; readonly low: unknown; readonly high: unknown; readonly note?: string; readonly extra: Readonly<Record<string, unknown>> }
  | { readonly kind: "distribution"; readonly parameters: Readonly<Record<string, unknown>>; readonly note?: string };

function noteOf(value: Record<string, unknown>): { note?: string } {
  return typeof value.note === "string" ? { note: value.note } : {};
}

/** @example readQuantity({ value: 30, note: "from the time sheets" }) // { kind: "point", value: 30, note: "..." } */
export function readQuantity(raw: unknown): QuantityForm {
  if (!isRecord(raw)) return { kind: "point", value: raw };
  if ("low" in raw || "high" in raw) {
    const { low, high, note: _note, ...extra } = raw;
    return { kind: "range", low, high, extra, ...noteOf(raw) };
  }
  if ("distribution" in raw) {
    const { note: _note, ...parameters } = raw;
    return { kind: "distribution", parameters, ...noteOf(raw) };
  }
  return { kind: "point", value: raw.value, ...noteOf(raw) };
}

/**
 * The value to store; undefined removes the input from the file (the engine's default applies).
 * @example writeQuantity({ kind: "point", value: 30 }) // 30
 */
export function writeQuantity(form: QuantityForm): unknown {
  const note = form.note !== undefined && form.note !== "" ? { note: form.note } : {};
  switch (form.kind) {
    case "point":
      if (form.value === undefined) return "note" in note ? { ...note } : undefined;
      return "note" in note ? { value: form.value, ...note } : form.value;
    case "range":
      return { low: form.low, high: form.high, ...form.extra, ...note };
    case "distribution":
      return { ...form.parameters, ...note };
    default:
      return form satisfies never;
  }
}

/** A product without floating-point noise: 0.2 × 0.8 is 0.16, not 0.16000000000000003. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * The middle of a 90% range as the engine reads it: the median of the engine's distribution for it
 * (`fromInterval90`), which the point figures use — the geometric middle √(low × high) for a range
 * above zero (lognormal), the midpoint for any other. A range the engine refuses (low above high)
 * has the midpoint, for the user to correct.
 * @example rangeMiddle(16, 25) // 20 ; rangeMiddle(-10, 10) // 0
 */
export function rangeMiddle(low: number, high: number, shape?: unknown): number {
  const chosen: IntervalShape = shape === "normal" || shape === "lognormal" ? shape : "auto";
  if (validateInterval90(low, high, chosen).length > 0) return clean((low + high) / 2);
  return clean(median(fromInterval90(low, high, chosen)));
}

/**
 * A range around a point, as a starting guess for the user to correct, whose middle (the median the
 * engine reads, `rangeMiddle`) is the point itself, so switching to a range leaves the point
 * figures as they were: ÷1.25 and ×1.25 for a positive value (read as lognormal), ±20% for a
 * negative one (read as normal).
 * @example toRange({ kind: "point", value: 20 }) // { kind: "range", low: 16, high: 25, extra: {} }
 */
export function toRange(form: QuantityForm, inherited?: unknown): QuantityForm {
  if (form.kind !== "point") return form;
  const base = typeof form.value === "number" ? form.value : typeof inherited === "number" ? inherited : undefined;
  const note = form.note !== undefined ? { note: form.note } : {};
  if (base === undefined) return { kind: "range", low: undefined, high: undefined, extra: {}, ...note };
  const [low, high] = base > 0 ? [base * 0.8, base * 1.25] : [base * 1.2, base * 0.8];
  return { kind: "range", low: clean(low), high: clean(high), extra: {}, ...note };
}

/** Back to one number: the middle of the range as the engine reads it (`rangeMiddle`). */
export function toPoint(form: QuantityForm): QuantityForm {
  const note = form.note !== undefined ? { note: form.note } : {};
  if (form.kind === "range") {
    const middle =
      typeof form.low === "number" && typeof form.high === "number"
        ? rangeMiddle(form.low, form.high, form.extra.shape)
        : typeof form.low === "number"
          ? form.low
          : undefined;
    return { kind: "point", value: middle, ...note };
  }
  if (form.kind === "distribution") {
    const { mode, mean, min, max } = form.parameters;
    const middle =
      typeof mode === "number" ? mode : typeof mean === "number" ? mean : typeof min === "number" && typeof max === "number" ? (min + max) / 2 : undefined;
    return { kind: "point", value: middle, ...note };
  }
  return form;
}

const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
/**
 * A whole part grouped by thousands as the page writes it (1,000,000), or such a number with a digit
 * typed into it (22,8001): at least three digits after each comma, so "1,5" is never read as 15.
 */
const groupedPattern = /^[-+]?\d+(,\d{3,})+(\.\d*)?$/;

/**
 * What the user typed, as the file will hold it: a number (its thousands grouped as the page writes
 * them, or not), nothing (empty), or the text itself so that validation names the problem at the
 * field ("1,5" is not read as 1.5 nor as 15).
 * @example parseNumberText(" 40 ") // 40 ; parseNumberText("1,000,000") // 1000000 ; parseNumberText("") // undefined ; parseNumberText("4o") // "4o"
 */
export function parseNumberText(text: string): number | string | undefined {
  const trimmed = text.trim().replace(/_/g, "");
  if (trimmed === "") return undefined;
  if (groupedPattern.test(trimmed)) return Number(trimmed.replace(/,/g, ""));
  return numberPattern.test(trimmed) ? Number(trimmed) : text;
}

/**
 * A number in its box, as the page writes every number given (formatNumberAsGiven): 1e12 from a
 * file reads "1,000,000,000,000", not "1000000000000".
 * @example numberText(0.08) // "0.08" ; numberText(1e12) // "1,000,000,000,000" ; numberText(undefined) // ""
 */
export function numberText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "number" ? formatNumberAsGiven(value) : String(value);
}

import { actualFieldSpecs, valueKinds, type ActualField, type ValueKind } from "../shared/actual-fields.js";
import { formatNumber } from "../format/numbers.js";

/** A number as `parseNumberText` reads it: a sign, digits with a dot for decimals, an exponent. */
const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a number as people type it in a form or a spreadsheet cell: digits with an optional sign
 * and a dot for decimals. Thousands separators and decimal commas are refused rather than guessed.
 * @example parseNumberText(" 12.5 ") // 12.5
 * @example parseNumberText("12,5") // undefined
 */
export function parseNumberText(text: string): number | undefined {
  const trimmed = text.trim();
  const simple = simpleDecimal(trimmed);
  if (simple !== undefined) return simple;
  if (!numberPattern.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Powers of ten that a double holds exactly: 1e0 to 1e22. */
const exactPowersOfTen = Array.from({ length: 23 }, (_, power) => Number(`1e${power}`));

/**
 * The value of a plain decimal ("12.5", "-3", ".5", "7.") of at most 15 digits, worked out from
 * its digits; undefined for anything else (exponents, more digits, any other character), which
 * `Number` then reads. Such a value equals `Number(text)` exactly: its digits as a whole number are
 * below 2^53 and the power of ten is at most 10^22, so both are exact doubles and the one
 * correctly rounded division gives the correctly rounded decimal, which is what `Number` returns.
 * A large import reads millions of cells; `Number` on a string is the slow part of reading each.
 */
function simpleDecimal(text: string): number | undefined {
  const length = text.length;
  let at = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 43 || first === 45) {
    negative = first === 45;
    at = 1;
  }
  let digits = 0;
  let whole = 0;
  let decimals = -1;
  for (; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      whole = whole * 10 + (code - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (code === 46 && decimals < 0) decimals = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const value = decimals > 0 ? whole / exactPowersOfTen[decimals]! : whole;
  return negative ? -value : value;
}

/**
 * Checks one recorded value against what its field allows; returns the problem in words, or
 * undefined when the value is fine.
 * @example checkActualValue("upkeepHours", -3) // "upkeepHours is -3; allowed: hours, a number ≥ 0"
 */
export function checkActualValue(field: ActualField, value: number, shown: string = String(value)): string | undefined {
  const kind: ValueKind = valueKinds[actualFieldSpecs[field].kind];
  const allowed = `allowed: ${kind.allowed}`;
  if (Number.isNaN(value)) return `${field} is ${shown}; ${allowed}`;
  if (value < kind.min || (kind.integer && Number.isFinite(value) && !Number.isInteger(value))) return `${field} is ${shown}; ${allowed}`;
  if (value > kind.max)
    return `${field} is ${shown}${Number.isFinite(value) ? "" : ", too large"}; ${allowed}${kind.statesMax ? "" : `, at most ${formatNumber(kind.max, 3)}`}`;
  return undefined;
}

/**
 * A number written in full that a double cannot hold: Infinity or -Infinity; undefined for anything else.
 * @example beyondDouble("1e400") // Infinity
 */
function beyondDouble(text: string): number | undefined {
  const trimmed = text.trim();
  if (!numberPattern.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? undefined : value;
}

/**
 * Parses and checks one value typed as text (a CSV cell or a command-line option). With
 * `decimalComma` (spreadsheets in many European locales), "12,5" reads as 12.5.
 * @example parseActualValue("releases", "1.5") // { message: "releases is 1.5; allowed: a whole number ≥ 0" }
 */
export function parseActualValue(
  field: ActualField,
  text: string,
  options: { decimalComma?: boolean /** Typed as a command-line option, where no file's --decimal-comma applies. */; option?: boolean } = {},
): { value: number } | { message: string } {
  const written = options.decimalComma ? (/\./.test(text) ? undefined : text.replace(",", ".")) : text;
  const value = written === undefined ? undefined : parseNumberText(written);
  // A number too large for a double ("1e400") is a number all the same: said as too large, with what is allowed.
  const beyond = written === undefined || value !== undefined ? undefined : beyondDouble(written);
  if (beyond !== undefined) return { message: checkActualValue(field, beyond, text.trim())! };
  if (value === undefined) {
    const hint = options.decimalComma
      ? "with --decimal-comma, write decimals with a comma and no thousands separators"
      : /^\s*[+-]?\d{1,3}(,\d{3})+(\.\d+)?\s*$/.test(text)
        ? "write it without thousands separators"
        : /^\s*[+-]?\d+,\d+\s*$/.test(text)
          ? options.option
            ? `write decimals with a dot: ${text.trim().replace(",", ".")}`
            : "write decimals with a dot (or, for a whole file written with decimal commas, import it with --decimal-comma)"
          : `expected ${valueKinds[actualFieldSpecs[field].kind].allowed}`;
    return { message: `${field} is ${JSON.stringify(text)}, which is not a number; ${hint}` };
  }
  const problem = checkActualValue(field, value);
  return problem ? { message: problem } : { value };
}

/** A team name: what `--team` and the CSV `team` column accept. */
const teamPattern = /^[\p{L}\p{N}][\p{L}\p{N} ._\-/&+]{0,79}$/u;

/**
 * Checks a team name; returns the problem in words or undefined.
 * @example checkTeamName("") // 'team is ""; allowed: 1 to 80 letters, digits, spaces and . _ - / & +, starting with a letter or digit'
 */
export function checkTeamName(team: string): string | undefined {
  return teamPattern.test(team)
    ? undefined
    : `team is ${JSON.stringify(team)}; allowed: 1 to 80 letters, digits, spaces and . _ - / & +, starting with a letter or digit`;
}

/** Longest note kept with a month. */
export const MAX_NOTE_LENGTH = 2000;

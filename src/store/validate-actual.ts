import { actualFieldSpecs, valueKinds, type ActualField, type ValueKind } from "../shared/actual-fields.js";

/**
 * Reads a number as people type it in a form or a spreadsheet cell: digits with an optional sign
 * and a dot for decimals. Thousands separators and decimal commas are refused rather than guessed.
 * @example parseNumberText(" 12.5 ") // 12.5
 * @example parseNumberText("12,5") // undefined
 */
export function parseNumberText(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Checks one recorded value against what its field allows; returns the problem in words, or
 * undefined when the value is fine.
 * @example checkActualValue("upkeepHours", -3) // "upkeepHours is -3; allowed: hours, a number ≥ 0"
 */
export function checkActualValue(field: ActualField, value: number): string | undefined {
  const kind: ValueKind = valueKinds[actualFieldSpecs[field].kind];
  const allowed = `allowed: ${kind.allowed}`;
  if (!Number.isFinite(value)) return `${field} is ${value}; ${allowed}`;
  if (value < kind.min || (kind.integer && !Number.isInteger(value))) return `${field} is ${value}; ${allowed}`;
  if (value > kind.max) return `${field} is ${value}; ${allowed}${kind.statesMax ? "" : `, at most ${kind.max.toLocaleString("en")}`}`;
  return undefined;
}

/**
 * Parses and checks one value typed as text (a CSV cell or a command-line option). With
 * `decimalComma` (spreadsheets in many European locales), "12,5" reads as 12.5.
 * @example parseActualValue("releases", "1.5") // { message: "releases is 1.5; allowed: a whole number ≥ 0" }
 */
export function parseActualValue(field: ActualField, text: string, options: { decimalComma?: boolean } = {}): { value: number } | { message: string } {
  const commaDecimal = /^\s*[+-]?\d+,\d+\s*$/.test(text);
  const value = options.decimalComma ? (/\./.test(text) ? undefined : parseNumberText(text.replace(",", "."))) : parseNumberText(text);
  if (value === undefined) {
    const hint = options.decimalComma
      ? "with --decimal-comma, write decimals with a comma and no thousands separators"
      : /^\s*[+-]?\d{1,3}(,\d{3})+(\.\d+)?\s*$/.test(text)
        ? "write it without thousands separators"
        : commaDecimal
          ? "write decimals with a dot (or, for a whole file written with decimal commas, import it with --decimal-comma)"
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

import { z } from "zod";

/**
 * Characters no text of a scenario file may hold: control characters (a terminal obeys them, an Excel
 * file cannot store them) other than tab and line breaks. YAML lets them in only through escapes
 * ("\e", "\x9b") in double-quoted text, so they are never meant.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** On one line (names, labels, the title) line breaks are refused as well, including U+2028 and U+2029, which break the charts' expressions. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlOrBreak = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const characterNames = new Map<number, string>([
  [0x09, "a tab"],
  [0x0a, "a line break"],
  [0x0d, "a carriage return"],
  [0x1b, "an escape character"],
  [0x2028, "a line separator"],
  [0x2029, "a paragraph separator"],
]);

/**
 * The first character `text` may not hold, described for a message; undefined when there is none.
 * @example unprintable("Team\u2028A", { oneLine: true }) // "a line separator (U+2028) at character 5"
 */
export function unprintable(text: string, options: { oneLine: boolean }): string | undefined {
  const match = (options.oneLine ? controlOrBreak : control).exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = characterNames.get(code) ?? "a control character";
  return `${name} (${hex}) at character ${match.index + 1}`;
}

/**
 * Text as a message quotes it: in JSON quotes; a long one (a paste gone wrong, 100,000 characters) is
 * cut after `limit` characters in all, never inside a character written as two UTF-16 units, and its
 * length given, so that the message stays a line.
 * @example quotedCut("horizon") // '"horizon"' ; quotedCut("x".repeat(200)) // '"xxx…x..." (200 characters)'
 */
export function quotedCut(text: string, limit = 80): string {
  if (text.length <= limit) return JSON.stringify(text);
  let end = limit - 3;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${JSON.stringify(`${text.slice(0, end)}...`)} (${groupDigits(text.length)} characters)`;
}

/**
 * A whole number with its digits grouped by threes, as `toLocaleString("en")` writes it, without
 * loading the locale data (messages built with the schema would otherwise pay for it at every start).
 * @example groupDigits(10_000_000) // "10,000,000"
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString("en");
  const grouped = groupDigitString(String(Math.abs(n)));
  return n < 0 ? `-${grouped}` : grouped;
}

/**
 * A string of digits grouped by threes from the right.
 * @example groupDigitString("1234567") // "1,234,567"
 */
export function groupDigitString(digits: string): string {
  let grouped = "";
  for (let end = digits.length; end > 0; end -= 3) grouped = digits.slice(Math.max(0, end - 3), end) + (grouped ? `,${grouped}` : "");
  return grouped;
}

/**
 * Text on one line: a title, a label or a name (at most `max` characters, no control characters or
 * line breaks). `what` names it in messages.
 * @example oneLineText(200, "a label").safeParse("Team\u001b[31mA").success // false
 */
export function oneLineText(max: number, what: string) {
  return z
    .string({ error: (issue) => (issue.code === "invalid_type" ? `expected text: ${what}` : undefined) })
    .max(max)
    .superRefine((text, context) => {
      const found = unprintable(text, { oneLine: true });
      if (found) context.addIssue({ code: "custom", message: `allowed: ${what} on one line, without control characters; found ${found}`, input: text });
    });
}

/**
 * Free text (a description or a note): line breaks and tabs allowed, other control characters not.
 * `wrongType` replaces the message for a value that is not text.
 */
export function freeText(max: number, what: string, wrongType = `expected text: ${what}`) {
  return z
    .string({ error: (issue) => (issue.code === "invalid_type" ? wrongType : undefined) })
    .max(max, { error: `${what} is at most ${groupDigits(max)} characters` })
    .superRefine((text, context) => {
      const found = unprintable(text, { oneLine: false });
      if (found) context.addIssue({ code: "custom", message: `allowed: ${what} without control characters; found ${found}`, input: text });
    });
}

import { readFixture } from "./fixtures.js";

/** The text of the small valid case (src/test-support/fixtures/valid-minimal.yaml). */
export function validCaseText(): string {
  return readFixture("valid-minimal.yaml");
}

/**
 * Replaces one exact piece of a scenario text; throws when it is not there, so a test never
 * silently checks an unchanged (valid) file.
 * @example withEdit(validCaseText(), "people: 1", "people: -1")
 */
export function withEdit(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`test setup: ${JSON.stringify(find)} is not in the scenario text`);
  if (text.indexOf(find, at + 1) >= 0) throw new Error(`test setup: ${JSON.stringify(find)} occurs more than once`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

/**
 * `withEdit` for each edit in turn: each piece must be there exactly once when its turn comes.
 * @example withEdits(text, ["months: [4, 7, 10]", "months: [12]"], ["discountRate: 0.08", "discountRate: 1"])
 */
export function withEdits(text: string, ...edits: readonly (readonly [find: string, replacement: string])[]): string {
  return edits.reduce((edited, [find, replacement]) => withEdit(edited, find, replacement), text);
}

/** The 1-based line on which a piece of text first appears, to assert positions without counting by hand. */
export function lineOf(text: string, find: string): number {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`test setup: ${JSON.stringify(find)} is not in the text`);
  return text.slice(0, at).split("\n").length;
}

/** The 1-based column at which a piece of text first appears on its line. */
export function columnOf(text: string, find: string): number {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`test setup: ${JSON.stringify(find)} is not in the text`);
  return at - text.lastIndexOf("\n", at - 1);
}

import { readFixture } from "./fixtures.js";

// withEdit and withEdits live in text-edits.ts, which loads no node:* module, so that the web app's
// tests (type-checked without Node's types) can build their cases with them too.
export { withEdit, withEdits } from "./text-edits.js";

/** The text of the small valid case (src/test-support/fixtures/valid-minimal.yaml). */
export function validCaseText(): string {
  return readFixture("valid-minimal.yaml");
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

/**
 * Edits of a scenario text for tests. No node:* import, so the web app's tests (type-checked
 * without Node's types: web/tsconfig.json) use them too; src/test-support/scenario-text.ts gives
 * them to the rest.
 */

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

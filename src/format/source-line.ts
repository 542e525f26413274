/**
 * The line a problem of a scenario file points at, as the CLI prints it under the message and the
 * web app quotes it: one wording and one way of cutting a long line, for both.
 */

/** Control characters would garble a terminal or a page; each is shown as one replacement character (so a caret still lines up). */
export function printable(line: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\ufffd");
}

/** A long line (minified JSON) is shown as a window of 120 characters around the column. */
export function excerpt(source: string, column: number): { shown: string; caretAt: number } {
  const limit = 120;
  const index = Math.max(0, Math.min(column - 1, source.length));
  if (source.length <= limit) return { shown: source, caretAt: index };
  const start = Math.max(0, index - 40);
  const end = Math.min(source.length, start + limit);
  const prefix = start > 0 ? "..." : "";
  const suffix = end < source.length ? "..." : "";
  return { shown: `${prefix}${source.slice(start, end)}${suffix}`, caretAt: prefix.length + index - start };
}

/**
 * A problem with its place and the line it points at, on one line, for a reader shown no file (the
 * web app's status line when an uploaded or opened file cannot be read).
 * @example problemWithLine("a: [1\n", { line: 1, column: 4, message: "syntax error: ..." }) // "line 1, column 4: syntax error: ...; line 1 reads: a: [1"
 */
export function problemWithLine(text: string, problem: { readonly line?: number; readonly column?: number; readonly message: string }): string {
  const line = problem.line ?? 1;
  const column = problem.column ?? 1;
  const source = text.split(/\r?\n/)[line - 1];
  const head = `line ${line}, column ${column}: ${problem.message}`;
  if (source === undefined || source.trim() === "" || text.includes("\u0000")) return head;
  // Last, after a colon, so that no quotes are needed (a JSON line quoted in JSON reads \"a\": 1).
  return `${head}; line ${line} reads: ${excerpt(printable(source), column).shown.trim()}`;
}

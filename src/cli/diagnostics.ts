import type { Issue } from "../engine/index.js";

/**
 * Formats issues as `file:line:col: error: message`, each followed by the line it points at.
 * @example formatIssues("case.yaml", text, issues)
 */
export function formatIssues(file: string, text: string, issues: readonly Issue[]): string {
  const lines = text.split(/\r?\n/);
  return issues
    .map((issue) => {
      const line = issue.line ?? 1;
      const column = issue.column ?? 1;
      const head = `${file}:${line}:${column}: ${issue.severity}: ${issue.message}`;
      const source = lines[line - 1];
      // A binary file's first "line" tells the reader nothing.
      // Nor does the count of problems not listed point at a line of its own.
      if (source === undefined || source.trim() === "" || issue.code === "not_text" || issue.more !== undefined) return head;
      const { shown, caretAt } = excerpt(printable(source), column);
      const number = String(line);
      const gutter = " ".repeat(number.length);
      // Tabs are kept under the caret so it lines up however the terminal shows them.
      const padding = shown.slice(0, caretAt).replace(/[^\t]/g, " ");
      return `${head}\n ${number} | ${shown}\n ${gutter} | ${padding}^`;
    })
    .join("\n");
}

/** Control characters would garble the terminal; each is shown as one replacement character (so the caret still lines up). */
function printable(line: string): string {
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\ufffd");
}

/** A long line (minified JSON) is shown as a window around the column. */
function excerpt(source: string, column: number): { shown: string; caretAt: number } {
  const limit = 120;
  const index = Math.max(0, Math.min(column - 1, source.length));
  if (source.length <= limit) return { shown: source, caretAt: index };
  const start = Math.max(0, index - 40);
  const end = Math.min(source.length, start + limit);
  const prefix = start > 0 ? "..." : "";
  const suffix = end < source.length ? "..." : "";
  return { shown: `${prefix}${source.slice(start, end)}${suffix}`, caretAt: prefix.length + index - start };
}

export function countSummary(issues: readonly Issue[]): string {
  // A capped list ends with one issue that counts the problems not listed; it is not one itself.
  const listed = issues.filter((issue) => issue.more === undefined);
  const more = issues.find((issue) => issue.more !== undefined)?.more;
  const errors = listed.filter((issue) => issue.severity === "error").length + (more?.errors ?? 0);
  const warnings = listed.length - listed.filter((issue) => issue.severity === "error").length + (more?.warnings ?? 0);
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  return parts.join(", ");
}

import type { Issue } from "../engine/index.js";
import { formatNumber } from "../format/numbers.js";
import { excerpt, printable } from "../format/source-line.js";

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

export function countSummary(issues: readonly Issue[]): string {
  // A capped list ends with one issue that counts the problems not listed; it is not one itself.
  const listed = issues.filter((issue) => issue.more === undefined);
  const more = issues.find((issue) => issue.more !== undefined)?.more;
  const errors = listed.filter((issue) => issue.severity === "error").length + (more?.errors ?? 0);
  const warnings = listed.length - listed.filter((issue) => issue.severity === "error").length + (more?.warnings ?? 0);
  const parts = [];
  if (errors) parts.push(`${formatNumber(errors)} error${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${formatNumber(warnings)} warning${warnings === 1 ? "" : "s"}`);
  return parts.join(", ");
}

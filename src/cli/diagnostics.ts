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
      if (source === undefined || source.length > 300) return head;
      const number = String(line);
      const gutter = " ".repeat(number.length);
      return `${head}\n ${number} | ${source}\n ${gutter} | ${" ".repeat(Math.max(0, column - 1))}^`;
    })
    .join("\n");
}

export function countSummary(issues: readonly Issue[]): string {
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.length - errors;
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  return parts.join(", ");
}

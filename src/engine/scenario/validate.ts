import { compileCase } from "../model/compile.js";
import type { CompiledCase } from "../model/compiled.js";
import { describeValue, hasErrors, type Issue } from "./issues.js";
import { caseSchema, type CaseFile } from "./schema.js";
import { parseScenarioSource, type ScenarioSource } from "./source.js";
import { fromZodIssues } from "./zod-issues.js";

export interface Validation {
  readonly source: ScenarioSource;
  readonly issues: readonly Issue[];
  readonly file?: CaseFile;
  readonly compiled?: CompiledCase;
}

/**
 * Checks scenario text completely — syntax, fields, values, cross-field rules — and returns every
 * problem at once with its line and column, plus the compiled case when there is no error.
 * @example validateScenarioText("title: x").issues[0]?.message // "currency is missing; ..."
 */
export function validateScenarioText(text: string): Validation {
  const source = parseScenarioSource(text);
  if (source.issues.length > 0) return { source, issues: source.issues };
  const data = source.data;
  if (data === null || data === undefined) {
    return { source, issues: [positioned(source, { path: [], code: "empty", severity: "error", message: "the file holds no scenario; expected fields such as title, currency, horizonMonths, baseline and scenarios" })] };
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    return {
      source,
      issues: [positioned(source, { path: [], code: "not_a_map", severity: "error", message: `the file holds ${describeValue(data)}; expected a map of fields (title, currency, horizonMonths, baseline, scenarios, ...)` })],
    };
  }
  const parsed = caseSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const issues = fromZodIssues(caseSchema, parsed.error.issues, data).map((issue) => positioned(source, issue));
    return { source, issues: sortByPosition(issues) };
  }
  const { compiled, issues } = compileCase(parsed.data);
  const placed = sortByPosition(issues.map((issue) => positioned(source, issue)));
  return hasErrors(placed) ? { source, issues: placed, file: parsed.data } : { source, issues: placed, file: parsed.data, ...(compiled ? { compiled } : {}) };
}

function positioned(source: ScenarioSource, issue: Issue): Issue {
  const key = issue.code === "unknown_key";
  const at = source.locate(issue.path, { key }) ?? { line: 1, column: 1 };
  return { ...issue, line: at.line, column: at.column };
}

function sortByPosition(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

import { compileCase } from "../model/compile.js";
import type { CompiledCase } from "../model/compiled.js";
import { describeValue, hasErrors, valueAt, type FieldPath, type Issue } from "./issues.js";
import { caseSchema, type CaseFile } from "./schema.js";
import { parseScenarioSource, type ScenarioSource } from "./source.js";
import { fromZodIssues } from "./zod-issues.js";
import { groupDigits } from "./text.js";

/**
 * Problems reported at most: a file with thousands (a generated file gone wrong) gets the first ones
 * and a count of the rest, so the report stays readable and the web app's list stays small.
 */
export const MAX_REPORTED_ISSUES = 200;

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
    return {
      source,
      issues: [
        positioned(source, {
          path: [],
          code: "empty",
          severity: "error",
          message:
            "the file holds no fields (only comments); expected fields such as title, currency, horizonMonths, baseline and scenarios (run `mlops-roi init` to start from a commented example)",
        }),
      ],
    };
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    return {
      source,
      issues: [
        positioned(source, {
          path: [],
          code: "not_a_map",
          severity: "error",
          message: `the file holds ${describeValue(data)}; expected a map of fields (title, currency, horizonMonths, baseline, scenarios, ...)`,
        }),
      ],
    };
  }
  const parsed = caseSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const structural = fromZodIssues(caseSchema, parsed.error.issues, data, source.writtenNumber);
    const issues = [...structural, ...crossFieldIssuesDespite(data, source.writtenNumber)].map((issue) => positioned(source, issue));
    return { source, issues: atMostReported(sortByPosition(distinct(issues))) };
  }
  const { compiled, issues } = compileCase(parsed.data, { writtenNumber: source.writtenNumber });
  const placed = atMostReported(sortByPosition(distinct(issues.map((issue) => positioned(source, issue)))));
  return hasErrors(placed) ? { source, issues: placed, file: parsed.data } : { source, issues: placed, file: parsed.data, ...(compiled ? { compiled } : {}) };
}

/**
 * Cross-field rules (releases past the horizon, hourlyCost and salary both given, ...) are checked
 * on a well-formed file. So that a file with a typo still gets every problem reported at once, the
 * wrong parts are set aside and the rest is checked. Problems the setting-aside could cause (a
 * field now missing, anything under a removed value) are not reported.
 */
function crossFieldIssuesDespite(data: object, writtenNumber: (path: FieldPath) => string | undefined): Issue[] {
  let repaired: unknown = structuredClone(data);
  const removedValues: FieldPath[] = [];
  /** Groups that held an unknown (probably misspelt) field: a field "missing" there is that same mistake. */
  const groupsWithUnknownKeys: FieldPath[] = [];
  let removedOnlyUnknownKeys = true;
  for (let round = 0; round < 5; round++) {
    const parsed = caseSchema.safeParse(repaired);
    if (parsed.success) {
      return compileCase(parsed.data, { writtenNumber }).issues.filter(
        (issue) =>
          !(issue.code === "missing" && (!removedOnlyUnknownKeys || groupsWithUnknownKeys.some((path) => overlaps(path, issue.path)))) &&
          !removedValues.some((path) => overlaps(path, issue.path)),
      );
    }
    for (const issue of parsed.error.issues) {
      const path = issue.path as (string | number)[];
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) remove(repaired, [...path, key]);
        groupsWithUnknownKeys.push(path);
        continue;
      }
      if (issue.code === "custom" && path.join(".") === "baseline") {
        // A misspelt baseline: check the rest against the first scenario.
        const scenarios = (repaired as { scenarios: Record<string, unknown> }).scenarios;
        (repaired as { baseline: string }).baseline = Object.keys(scenarios)[0] ?? "";
        continue;
      }
      // A value inside a list is removed with its list, so list positions in later messages stay right.
      const firstIndex = path.findIndex((segment) => typeof segment === "number");
      let target = firstIndex >= 0 ? path.slice(0, firstIndex) : path;
      if (issue.code === "invalid_type" && valueAt(repaired, target) === undefined) target = target.slice(0, -1);
      removedOnlyUnknownKeys = false;
      if (target.length === 1 && String(target[0]) in neutralTopLevel) {
        (repaired as Record<string, unknown>)[String(target[0])] = neutralTopLevel[String(target[0])];
        continue;
      }
      if (target.length <= 1) return []; // the horizon or the scenarios are unusable: nothing sensible to check.
      removedValues.push(target);
      remove(repaired, target);
    }
    repaired = structuredClone(repaired);
  }
  return [];
}

/** Stand-ins for top-level fields no cross-field rule depends on, so a wrong one does not stop the checks. */
const neutralTopLevel: Record<string, unknown> = {
  title: "-",
  description: "-",
  currency: "EUR",
  discountRate: 0,
  discounting: "monthly",
  riskAdjustment: {},
  freedHoursCaptureShare: 0.5,
  $schema: "-",
};

function remove(data: unknown, path: FieldPath): void {
  const parent = valueAt(data, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent !== null && typeof parent === "object" && last !== undefined) delete (parent as Record<string | number, unknown>)[last];
}

function overlaps(a: FieldPath, b: FieldPath): boolean {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) if (String(a[index]) !== String(b[index])) return false;
  return true;
}

/** Problems about a whole field (unknown, missing, conflicting) point at its name, others at its value. */
const pointsAtKey = new Set(["unknown_key", "invalid_key", "missing", "conflict"]);

function positioned(source: ScenarioSource, issue: Issue): Issue {
  // An empty value (`current:` with nothing after it) has no text of its own to point at.
  const key = pointsAtKey.has(issue.code) || valueAt(source.data, issue.path) === null;
  const at = source.locate(issue.path, { key }) ?? { line: 1, column: 1 };
  return { ...issue, line: at.line, column: at.column };
}

/** The same problem reached through several scenarios (a shared default) is reported once. */
function distinct(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.line}:${issue.column}:${issue.severity}:${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The first MAX_REPORTED_ISSUES problems, then one that counts the rest (`more`). */
function atMostReported(issues: Issue[]): Issue[] {
  if (issues.length <= MAX_REPORTED_ISSUES) return issues;
  const shown = issues.slice(0, MAX_REPORTED_ISSUES);
  const rest = issues.slice(MAX_REPORTED_ISSUES);
  const errors = rest.filter((issue) => issue.severity === "error").length;
  const last = shown[shown.length - 1]!;
  const count = (n: number, what: string) => `${groupDigits(n)} ${what}${n === 1 ? "" : "s"}`;
  const parts = [errors > 0 ? count(errors, "error") : "", rest.length > errors ? count(rest.length - errors, "warning") : ""].filter(Boolean);
  shown.push({
    path: [],
    code: "more_issues",
    severity: errors > 0 ? "error" : "warning",
    ...(last.line !== undefined ? { line: last.line } : {}),
    ...(last.column !== undefined ? { column: last.column } : {}),
    message: `${parts.join(" and ")} more after line ${last.line ?? 1}, not shown; fix these first`,
    more: { errors, warnings: rest.length - errors },
  });
  return shown;
}

function sortByPosition(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

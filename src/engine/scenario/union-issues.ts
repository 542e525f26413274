import type { z } from "zod";
import { numberTextHint } from "./number-text.js";
import { describeValue, formatPath, type FieldPath } from "./issues.js";
import type { UnionForm } from "./schema-walk.js";
import { suggest } from "./suggest.js";

type ZodIssue = z.core.$ZodIssue;

/** What to report for a value that matched none of the forms of an input. */
export type UnionChoice =
  /** The user was writing this form: report that form's own problems. */
  | { readonly kind: "branch"; readonly index: number; readonly keys: readonly string[] }
  /** Nothing fits: one message listing the forms. */
  | { readonly kind: "message"; readonly message: string };

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function formInWords(form: UnionForm, numberRule: string | undefined): string {
  if (form.kind === "number") return numberRule ? `a number (${numberRule})` : "a number";
  if (form.kind === "text") return "text";
  if (form.keys.includes("value")) return "{ value, note }";
  if (form.keys.includes("low")) return "a range { low, high }";
  if (form.keys.includes("distribution")) return "{ distribution, ... }";
  return `{ ${form.required.join(", ")} }`;
}

/**
 * Decides which form of a number-like input the user was writing — a map is read by its field
 * names ({ value }, { low, high }, { distribution }), anything else as a plain number — so the
 * message is about that form, not about all of them at once.
 */
export function chooseUnionBranch(
  issue: z.core.$ZodIssueInvalidUnion,
  forms: readonly UnionForm[],
  path: FieldPath,
  found: unknown,
  shown = describeValue(found),
): UnionChoice {
  const numberBranch = forms.findIndex((form) => form.kind === "number");
  const numberIssue = numberBranch >= 0 ? issue.errors[numberBranch]?.find((inner) => inner.code === "invalid_type" && inner.path.length === 0) : undefined;
  const numberRule = numberIssue && !/^Invalid/.test(numberIssue.message) ? numberIssue.message.replace(/^expected a number: /, "") : undefined;
  const expected = `expected ${listInWords(forms.map((form) => formInWords(form, numberRule)))}`;
  const field = formatPath(path);

  if (isMap(found)) {
    const written = Object.keys(found);
    let best: { index: number; score: number; errors: number } | undefined;
    forms.forEach((form, index) => {
      if (form.kind !== "map") return;
      const known = written.filter((key) => form.keys.includes(key)).length;
      if (known === 0) return;
      const score = known - (written.length - known);
      const errors = issue.errors[index]?.length ?? 0;
      if (!best || score > best.score || (score === best.score && errors < best.errors)) best = { index, score, errors };
    });
    if (best) return { kind: "branch", index: best.index, keys: forms[best.index]?.keys ?? [] };
    const allKeys = [...new Set(forms.flatMap((form) => form.keys))];
    const typo = written.map((key) => ({ key, meant: suggest(key, allKeys) })).find((candidate) => candidate.meant);
    const hint = typo ? `; did you mean "${typo.meant}" instead of "${typo.key}"?` : "";
    return { kind: "message", message: `${field} is ${shown}; ${expected}${hint}` };
  }
  // A number too large to hold (1e400, .inf) is told the number form's upper limit, as 1e308 is.
  if (typeof found === "number" && !Number.isNaN(found) && numberIssue?.message.startsWith("allowed: "))
    return { kind: "message", message: `${field} is ${shown}; ${numberIssue.message}` };
  if (
    typeof found === "number" &&
    numberBranch >= 0 &&
    !issue.errors[numberBranch]?.some((inner) => inner.code === "invalid_type" && inner.path.length === 0)
  ) {
    return { kind: "branch", index: numberBranch, keys: [] };
  }
  // A required field not written at all is "missing" (as a plain number's is), not "nothing".
  if (found === undefined) return { kind: "message", message: `${field} is missing; ${expected}` };
  return { kind: "message", message: `${field} is ${shown}; ${expected}${numberBranch >= 0 ? numberTextHint(found) : ""}` };
}

/** The issues zod gives for one form, when that form was chosen. */
export function branchIssues(issue: z.core.$ZodIssueInvalidUnion, index: number): readonly ZodIssue[] {
  return issue.errors[index] ?? [];
}

import type { z } from "zod";
import { describeValue, formatPath, type FieldPath, type Issue } from "./issues.js";
import { suggest } from "./suggest.js";

type ZodIssue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** Walks a zod schema to the object found at a data path, to list the keys allowed there. */
export function keysAllowedAt(schema: AnySchema, path: FieldPath): string[] {
  const objects = schemasAt(schema, path);
  const keys = new Set<string>();
  for (const object of objects) {
    const def = object._zod.def as { type: string; shape?: Record<string, unknown> };
    if (def.type === "object" && def.shape) for (const key of Object.keys(def.shape)) keys.add(key);
  }
  return [...keys];
}

function unwrap(schema: AnySchema): AnySchema[] {
  const def = schema._zod.def as { type: string; innerType?: AnySchema; options?: AnySchema[]; in?: AnySchema };
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
    case "readonly":
    case "prefault":
      return def.innerType ? unwrap(def.innerType) : [];
    case "pipe":
      return def.in ? unwrap(def.in) : [];
    case "union":
      return (def.options ?? []).flatMap(unwrap);
    default:
      return [schema];
  }
}

function schemasAt(schema: AnySchema, path: FieldPath): AnySchema[] {
  let current = unwrap(schema);
  for (const segment of path) {
    const next: AnySchema[] = [];
    for (const candidate of current) {
      const def = candidate._zod.def as { type: string; shape?: Record<string, AnySchema>; valueType?: AnySchema; element?: AnySchema };
      if (def.type === "object" && def.shape) {
        const child = def.shape[String(segment)];
        if (child) next.push(...unwrap(child));
      } else if (def.type === "record" && def.valueType) {
        next.push(...unwrap(def.valueType));
      } else if (def.type === "array" && def.element) {
        next.push(...unwrap(def.element));
      }
    }
    current = next;
  }
  return current;
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Keys shown in "allowed:" lists; `$schema` is for editors, not something a user picks. */
function shownKeys(keys: readonly string[]): string {
  return keys.filter((key) => key !== "$schema").join(", ");
}

/**
 * Zod's own English messages ("Invalid input: expected object, received number") never reach the
 * user: messages written in our schema start differently, so anything that looks like zod's is
 * replaced by a message of ours.
 */
function isZodDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized)\b/.test(message);
}

/** An issue plus, for unknown keys, the field the user probably meant. */
interface Converted {
  readonly issue: Issue;
  readonly meant?: string;
}

/**
 * Turns zod's issues into ours: each names the field, the value found and what is allowed,
 * with a did-you-mean for unknown keys. A required field reported missing because its name was
 * misspelt is reported once, as the misspelling.
 * @example fromZodIssues(caseSchema, result.error.issues, data)[0]?.message // 'unknown field "horizon" at the top level; did you mean "horizonMonths"? ...'
 */
export function fromZodIssues(schema: AnySchema, issues: readonly ZodIssue[], data: unknown): Issue[] {
  const converted = issues.flatMap((issue) => convert(schema, issue, [], data));
  const misspelt = new Set(converted.flatMap(({ issue, meant }) => (meant ? [JSON.stringify([...issue.path.slice(0, -1), meant])] : [])));
  return converted
    .filter(({ issue }) => !(issue.code === "missing" && misspelt.has(JSON.stringify(issue.path))))
    .map(({ issue, meant }) => (meant && misspelt.has(JSON.stringify([...issue.path.slice(0, -1), meant])) && isRequiredMissing(converted, issue.path, meant) ? { ...issue, message: `${issue.message} (${meant} is required)` } : issue));
}

function isRequiredMissing(converted: readonly Converted[], unknownPath: FieldPath, meant: string): boolean {
  const target = JSON.stringify([...unknownPath.slice(0, -1), meant]);
  return converted.some(({ issue }) => issue.code === "missing" && JSON.stringify(issue.path) === target);
}

function convert(schema: AnySchema, issue: ZodIssue, prefix: FieldPath, data: unknown): Converted[] {
  const path: FieldPath = [...prefix, ...(issue.path as (string | number)[])];
  const field = formatPath(path);
  const found = valueAt(data, path);
  const error = (code: string, message: string, at: FieldPath = path): Converted => ({ issue: { path: at, code, message, severity: "error" } });
  const ours = isZodDefaultMessage(issue.message) ? undefined : issue.message.replace(/^Invalid input: /, "");

  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = keysAllowedAt(schema, path);
      return issue.keys.map((key) => {
        const guess = suggest(key, allowed);
        const where = path.length === 0 ? "at the top level" : `in ${field}`;
        const hint = guess ? `; did you mean "${guess}"?` : "";
        const converted = error("unknown_key", `unknown field "${key}" ${where}${hint} Allowed: ${shownKeys(allowed)}`, [...path, key]);
        return guess ? { ...converted, meant: guess } : converted;
      });
    }
    case "invalid_union":
      return convertUnion(schema, issue, path, data, found);
    case "invalid_type": {
      const expected = ours ?? expectedText(schema, issue.expected, path);
      if (found === undefined) return [error("missing", `${field} is missing; ${expected}`)];
      return [error("invalid_type", `${field} is ${describeValue(found)}; ${expected}${typeHint(issue.expected, found, path)}`)];
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      const guess = typeof found === "string" ? suggest(found, allowed) : undefined;
      const hint = guess ? `; did you mean "${guess}"?` : "";
      return [error("invalid_value", `${field} is ${describeValue(found)}; allowed: ${allowed.join(", ")}${hint}`)];
    }
    case "invalid_key": {
      const key = path[path.length - 1];
      const parent = formatPath(path.slice(0, -1));
      const inner = issue.issues[0];
      const rule =
        inner?.code === "too_small" ? "a name may not be empty" : inner?.code === "too_big" ? `a name is at most ${String(inner.maximum)} characters` : "names are short text";
      return [error("invalid_key", `the name ${JSON.stringify(String(key))} in ${parent} is not allowed; ${rule}`)];
    }
    case "too_small":
    case "too_big": {
      const rule = ours ?? sizeRule(issue);
      return [error(issue.code, `${field} is ${describeValue(found)}; ${rule}${sizeOf(found)}`)];
    }
    case "invalid_format":
      return [error(issue.code, `${field} is ${describeValue(found)}; ${ours ?? `allowed: text matching ${"pattern" in issue ? String(issue.pattern) : issue.format}`}`)];
    case "not_multiple_of":
      return [error(issue.code, `${field} is ${describeValue(found)}; ${ours ?? `allowed: a multiple of ${String(issue.divisor)}`}`)];
    case "custom":
    case "invalid_element":
      return [error(issue.code, `${field} is ${describeValue(found)}; ${ours ?? "this value is not allowed here"}`)];
    default:
      issue satisfies never;
      return [];
  }
}

/**
 * A number-or-{ value, note } input that matched neither form: report the form the user was
 * writing (a map means { value, note }; anything else means a number).
 */
function convertUnion(schema: AnySchema, issue: z.core.$ZodIssueInvalidUnion, path: FieldPath, data: unknown, found: unknown): Converted[] {
  const field = formatPath(path);
  const error = (code: string, message: string): Converted => ({ issue: { path, code, message, severity: "error" } });
  const branches = issue.errors.filter((branch) => branch.length > 0);
  const isTopTypeError = (inner: ZodIssue) => inner.code === "invalid_type" && inner.path.length === 0;
  const numberBranch = branches.find((branch) => branch.some((inner) => isTopTypeError(inner) && inner.expected === "number"));
  const numberRule = numberBranch?.find(isTopTypeError)?.message.replace(/^expected a number: /, "");
  const numberText = numberRule && !isZodDefaultMessage(numberRule) ? `a number (${numberRule})` : "a number";
  const form = `expected ${numberText}, or { value: <number>, note: <text> }`;

  if (isMap(found) && !("value" in found)) {
    const keys = Object.keys(found);
    const meant = keys.find((key) => suggest(key, ["value"]) === "value");
    const hint = meant ? `; did you mean "value" instead of "${meant}"?` : "";
    return [error("invalid_type", `${field} is ${describeValue(found)}; ${form}${hint}`)];
  }
  // The branch that got furthest is the one matching the kind of value written.
  const matching = branches.find((branch) => !branch.some(isTopTypeError));
  if (matching) return matching.flatMap((inner) => convert(schema, inner, path, data));
  return [error("invalid_type", `${field} is ${describeValue(found)}; ${form}`)];
}

function expectedText(schema: AnySchema, expected: string, path: FieldPath): string {
  switch (expected) {
    case "object": {
      const keys = keysAllowedAt(schema, path);
      return keys.length > 0 ? `expected a map of fields (${shownKeys(keys)})` : "expected a map of names to values";
    }
    case "record":
      return "expected a map of names to values";
    case "array":
      return "expected a list, e.g. [4, 7, 10]";
    case "string":
      return "expected text";
    case "number":
    case "int":
      return "expected a number";
    case "boolean":
      return "expected true or false";
    default:
      return `expected ${expected}`;
  }
}

function typeHint(expected: string, found: unknown, path: FieldPath): string {
  if (expected === "string" && (typeof found === "number" || typeof found === "boolean")) return `; write it in quotes, e.g. "${String(found)}"`;
  const name = path[path.length - 1];
  if (expected === "object" && found === null && typeof name === "string") return `; write "${name}: {}" if it has nothing to set`;
  return "";
}

function sizeRule(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case "string":
      if (small && limit <= 1) return "allowed: text that is not empty";
      return `allowed: text of ${small ? "at least" : "at most"} ${limit.toLocaleString("en")} characters`;
    case "array":
    case "set":
      return `allowed: a list of ${small ? "at least" : "at most"} ${limit.toLocaleString("en")} items`;
    default:
      return `allowed: a number ${small ? (issue.inclusive ? "≥" : ">") : issue.inclusive ? "≤" : "<"} ${limit}`;
  }
}

/** How big an over-long text or list is, so the user knows how much to cut. */
function sizeOf(found: unknown): string {
  if (typeof found === "string" && found.length > 60) return ` (it has ${found.length.toLocaleString("en")} characters)`;
  return "";
}

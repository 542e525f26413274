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

/**
 * Turns zod's issues into ours: each names the field, the value found and what is allowed,
 * with a did-you-mean for unknown keys.
 */
export function fromZodIssues(schema: AnySchema, issues: readonly ZodIssue[], data: unknown): Issue[] {
  return issues.flatMap((issue) => convert(schema, issue, [], data));
}

function convert(schema: AnySchema, issue: ZodIssue, prefix: FieldPath, data: unknown): Issue[] {
  const path: FieldPath = [...prefix, ...(issue.path as (string | number)[])];
  const field = formatPath(path);
  const found = valueAt(data, path);
  const error = (code: string, message: string, at: FieldPath = path): Issue => ({ path: at, code, message, severity: "error" });

  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = keysAllowedAt(schema, path);
      return issue.keys.map((key) => {
        const guess = suggest(key, allowed);
        const where = path.length === 0 ? "at the top level" : `in ${field}`;
        const hint = guess ? `; did you mean "${guess}"?` : "";
        return error("unknown_key", `unknown field "${key}" ${where}${hint} Allowed: ${allowed.join(", ")}`, [...path, key]);
      });
    }
    case "invalid_union": {
      // Report the branch that matches the kind of value written (a number, or { value, note }).
      const branches = issue.errors.filter((branch) => branch.length > 0);
      const matching = branches.find((branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === 0));
      if (matching) return matching.flatMap((inner) => convert(schema, inner, path, data));
      return [error("invalid_type", `${field} is ${describeValue(found)}; expected a number, or { value: <number>, note: <text> }`)];
    }
    case "invalid_type": {
      if (found === undefined) return [error("missing", `${field} is missing; ${stripPrefix(issue.message)}`)];
      return [error("invalid_type", `${field} is ${describeValue(found)}; ${stripPrefix(issue.message)}`)];
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      const guess = typeof found === "string" ? suggest(found, allowed) : undefined;
      const hint = guess ? `; did you mean "${guess}"?` : "";
      return [error("invalid_value", `${field} is ${describeValue(found)}; allowed: ${allowed.join(", ")}${hint}`)];
    }
    case "too_small":
    case "too_big":
    case "invalid_format":
    case "not_multiple_of":
    case "custom":
    case "invalid_key":
    case "invalid_element":
    default:
      return [error(issue.code, `${field} is ${describeValue(found)}; ${stripPrefix(issue.message)}`)];
  }
}

function stripPrefix(message: string): string {
  return message.replace(/^Invalid input: /, "");
}

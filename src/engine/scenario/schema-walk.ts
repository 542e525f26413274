import type { z } from "zod";
import type { FieldPath } from "./issues.js";

type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  options?: AnySchema[];
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  valueType?: AnySchema;
  element?: AnySchema;
}

function defOf(schema: AnySchema): Def {
  return schema._zod.def as unknown as Def;
}

/** Strips optional/default/pipe wrappers, keeping a union whole. */
function unwrapWrappers(schema: AnySchema): AnySchema {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
    case "readonly":
    case "prefault":
      return def.innerType ? unwrapWrappers(def.innerType) : schema;
    case "pipe":
      return def.in ? unwrapWrappers(def.in) : schema;
    default:
      return schema;
  }
}

/** Strips wrappers and opens unions: every concrete schema a value could match. */
function unwrap(schema: AnySchema): AnySchema[] {
  const bare = unwrapWrappers(schema);
  const def = defOf(bare);
  return def.type === "union" ? (def.options ?? []).flatMap(unwrap) : [bare];
}

function childrenAt(candidates: readonly AnySchema[], segment: string | number): AnySchema[] {
  const next: AnySchema[] = [];
  for (const candidate of candidates) {
    const def = defOf(candidate);
    if (def.type === "object" && def.shape) {
      const child = def.shape[String(segment)];
      if (child) next.push(child);
    } else if (def.type === "record" && def.valueType) {
      next.push(def.valueType);
    } else if (def.type === "array" && def.element) {
      next.push(def.element);
    }
  }
  return next;
}

function schemasAt(schema: AnySchema, path: FieldPath): AnySchema[] {
  let current = unwrap(schema);
  for (const segment of path) current = childrenAt(current, segment).flatMap(unwrap);
  return current;
}

/** The field names an object schema (or a union of them) allows. */
function keysOf(schemas: readonly AnySchema[]): string[] {
  const keys = new Set<string>();
  for (const object of schemas) {
    const def = defOf(object);
    if (def.type === "object" && def.shape) for (const key of Object.keys(def.shape)) keys.add(key);
  }
  return [...keys];
}

/**
 * The keys allowed in the object found at a data path of a schema, for "allowed:" lists and
 * did-you-mean hints.
 * @example keysAllowedAt(caseSchema, ["defaults", "team"]) // ["note", "people", "hoursPerMonth", ...]
 */
export function keysAllowedAt(schema: AnySchema, path: FieldPath): string[] {
  return keysOf(schemasAt(schema, path));
}

/** One way of writing a value that a union accepts. */
export interface UnionForm {
  /** "number", "text", or "map" for the forms written as a map of fields. */
  readonly kind: "number" | "text" | "map" | "other";
  /** The fields a map form allows (for a discriminated union, those of all its options). */
  readonly keys: readonly string[];
  /** The fields a map form requires. */
  readonly required: readonly string[];
}

/**
 * The forms of the union schema at a data path, in the order zod reports their errors, or
 * undefined when the field is not a union.
 * @example unionFormsAt(caseSchema, ["discountRate"])?.map((form) => form.kind) // ["number", "map", ...]
 */
export function unionFormsAt(schema: AnySchema, path: FieldPath): UnionForm[] | undefined {
  const fields = path.length === 0 ? [schema] : childrenAt(schemasAt(schema, path.slice(0, -1)), path[path.length - 1]!);
  for (const field of fields) {
    const bare = unwrapWrappers(field);
    const def = defOf(bare);
    if (def.type === "union" && def.options) return def.options.map(formOf);
  }
  return undefined;
}

function formOf(option: AnySchema): UnionForm {
  const concrete = unwrap(option);
  const kinds = new Set(concrete.map((schema) => defOf(schema).type));
  if (kinds.has("object")) {
    const required = new Set<string>();
    const objects = concrete.filter((schema) => defOf(schema).type === "object");
    for (const object of objects) {
      for (const [key, child] of Object.entries(defOf(object).shape ?? {})) if (defOf(child).type !== "optional") required.add(key);
    }
    // For a discriminated union, a key is required when every option requires it.
    const everywhere = [...required].filter((key) =>
      objects.every((object) => defOf(defOf(object).shape?.[key] ?? object).type !== "optional" && key in (defOf(object).shape ?? {})),
    );
    return { kind: "map", keys: keysOf(objects), required: everywhere };
  }
  if (kinds.has("number")) return { kind: "number", keys: [], required: [] };
  if (kinds.has("string")) return { kind: "text", keys: [], required: [] };
  return { kind: "other", keys: [], required: [] };
}

import { z } from "zod";
import { caseSchema, inputsSchema } from "./schema.js";
import { parseUnit, type FieldUnit, type ValueKind } from "./units.js";

/**
 * The words of every field of the scenario file, read from the schema's own metadata (`title`,
 * `unit`, `description`), so the report, the workbook and the web editor name a field alike.
 */

type AnySchema = z.core.$ZodType;

/** A place in the file; "*" stands for a name of the user's (a chore, a capability) or a list's position. */
export type FieldPattern = readonly string[];

export interface FieldInfo {
  /**
   * Where the field sits: inside a scenario's inputs (["team", "people"], the same under
   * `defaults` and every scenario), at the top of the file (["discountRate"]), or in the catalogue
   * (["catalogue", "*", "setupHours"]).
   */
  readonly path: FieldPattern;
  /** "number" (an input, or a bare number), "list" (of numbers), "choice", or "group" (of fields). */
  readonly type: "number" | "list" | "choice" | "group";
  /** The label every view shows, the schema's `title`. */
  readonly label: string;
  /** The unit of a number or list of numbers, from the vocabulary of units.ts. */
  readonly unit?: FieldUnit;
  /** How a value is written, from the unit. */
  readonly kind?: ValueKind;
  /** Plain-language help from the schema. */
  readonly description?: string;
}

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  options?: AnySchema[];
  shape?: Record<string, AnySchema>;
  valueType?: AnySchema;
  element?: AnySchema;
}

function defOf(schema: AnySchema): Def {
  return schema._zod.def as unknown as Def;
}

interface Meta {
  title?: string;
  unit?: string;
  description?: string;
}

/** The schema without its wrappers, and its metadata: the outermost title, unit and description found. */
function unwrapped(schema: AnySchema): { bare: AnySchema; meta: Meta } {
  const meta: Meta = {};
  let current = schema;
  for (;;) {
    const own = z.globalRegistry.get(current) as Meta | undefined;
    if (own) {
      meta.title ??= own.title;
      meta.unit ??= own.unit;
      meta.description ??= own.description;
    }
    const def = defOf(current);
    if (["optional", "default", "nullable", "readonly", "prefault"].includes(def.type) && def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return { bare: current, meta };
  }
}

function info(path: FieldPattern, type: FieldInfo["type"], meta: Meta): FieldInfo {
  const parsed = meta.unit === undefined ? undefined : parseUnit(meta.unit);
  return {
    path,
    type,
    label: meta.title ?? "",
    ...(meta.unit !== undefined ? { unit: meta.unit as FieldUnit } : {}),
    ...(parsed ? { kind: parsed.kind } : {}),
    ...(meta.description !== undefined ? { description: meta.description } : {}),
  };
}

/** Every field under a schema, depth first; text fields (names, notes, descriptions) are left out. */
function walk(schema: AnySchema, path: FieldPattern, into: FieldInfo[]): void {
  const { bare, meta } = unwrapped(schema);
  const def = defOf(bare);
  switch (def.type) {
    case "number":
      into.push(info(path, "number", meta));
      return;
    case "union":
      if ((def.options ?? []).some((option) => defOf(unwrapped(option).bare).type === "number")) into.push(info(path, "number", meta));
      return;
    case "enum":
      into.push(info(path, "choice", meta));
      return;
    case "array": {
      const element = def.element ? unwrapped(def.element).bare : undefined;
      if (element && defOf(element).type === "number") into.push(info(path, "list", meta));
      else if (element) {
        into.push(info(path, "group", meta));
        walk(element, [...path, "*"], into);
      }
      return;
    }
    case "record":
      into.push(info(path, "group", meta));
      if (def.valueType) walk(def.valueType, [...path, "*"], into);
      return;
    case "object":
      if (path.length > 0) into.push(info(path, "group", meta));
      for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, [...path, key], into);
      return;
    default:
      return;
  }
}

function collect(): FieldInfo[] {
  const found: FieldInfo[] = [];
  walk(inputsSchema, [], found);
  const top = defOf(unwrapped(caseSchema).bare).shape ?? {};
  // A scenario's inputs are the same under `defaults` and every scenario: listed once, by their path inside them.
  for (const [key, child] of Object.entries(top)) if (key !== "defaults" && key !== "scenarios") walk(child, [key], found);
  return found;
}

/** Every field of the scenario file: numbers, lists of numbers, choices and groups. */
export const scenarioFields: readonly FieldInfo[] = collect();

const patternKey = (path: readonly string[]) => path.join("\u0000");
const byPattern = new Map(scenarioFields.map((field) => [patternKey(field.path), field]));

/**
 * A path in the file as a path inside a scenario's inputs: `defaults.` and `scenarios.<name>.`
 * taken off.
 * @example innerFieldPath(["scenarios", "optimal", "team", "people"]) // ["team", "people"]
 */
export function innerFieldPath(path: readonly (string | number)[]): string[] {
  const inner = path[0] === "defaults" ? path.slice(1) : path[0] === "scenarios" && path.length > 2 ? path.slice(2) : path;
  return inner.map(String);
}

function matching(inner: readonly string[]): FieldInfo | undefined {
  const exact = byPattern.get(patternKey(inner));
  if (exact) return exact;
  return scenarioFields.find(
    (field) => field.path.length === inner.length && field.path.every((segment, index) => segment === inner[index] || segment === "*"),
  );
}

/**
 * The words of the field at a path of the file (under `defaults`, a scenario, or the top), with
 * the user's name of a chore after the label ("Minutes a week on the chore “weekly report”") and
 * of a capability before it ("Capability “versioning”: set-up hours"). Undefined for a path that
 * is no number, choice or group of the schema.
 * @example fieldMeta(["defaults", "team", "people"]) // { label: "People in the team", unit: "people", kind: "people", ... }
 */
export function fieldMeta(path: readonly (string | number)[]): FieldInfo | undefined {
  const inner = innerFieldPath(path);
  const found = matching(inner);
  if (!found) return undefined;
  const names = found.path.flatMap((segment, index) =>
    segment === "*" && inner[index] !== "*" && !/^\d+$/.test(inner[index] ?? "") ? [inner[index] ?? ""] : [],
  );
  if (names.length === 0) return found;
  const quoted = names.map((name) => `“${name}”`).join(" ");
  // A capability's number reads as the capability's: "Capability “versioning”: set-up hours".
  if (found.path[0] === "catalogue") return { ...found, label: `Capability ${quoted}: ${found.label.charAt(0).toLowerCase()}${found.label.slice(1)}` };
  return { ...found, label: `${found.label} ${quoted}` };
}

/**
 * The words of a field by its pattern, "*" for a user's name, without the name filled in.
 * @example fieldPattern(["manualTasks", "*", "minutesPerWeek"])?.label // "Minutes a week on the chore"
 */
export function fieldPattern(pattern: FieldPattern): FieldInfo | undefined {
  return byPattern.get(patternKey(pattern));
}

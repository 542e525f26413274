import { z } from "zod";
import { caseSchema, fieldMeta, inputsShape, scenarioSchema, parameterNames, parameterSpecs, type FieldUnit } from "../../../src/engine/index.js";
import type { InputUnit } from "../../../src/format/input-description.js";
import type { DataPath } from "./data-path.js";

/**
 * The editor's fields, read from the same zod schema that validates scenario files, so the editor
 * covers every input the file format has — a new field in the schema appears here by itself.
 */

type AnySchema = z.core.$ZodType;

interface FieldBase {
  /** The key in its map, e.g. "upkeepHoursPerMonth". */
  readonly key: string;
  /** Path inside the scenario's inputs (or the top of the file), e.g. ["projects", "upkeepHoursPerMonth"]. */
  readonly path: DataPath;
  readonly label: string;
  /** Plain-language help from the schema's description; empty when the label says it all. */
  readonly help: string;
}

export interface NumberField extends FieldBase {
  readonly kind: "number";
  /** Quantities may carry a note and be a range; bare numbers (month numbers, the horizon) may not. */
  readonly quantity: boolean;
  readonly allowed: string;
  readonly unit: InputUnit;
  /** The unit in full, from the schema ("money a person a year"): engine's unitWordsText writes it out. */
  readonly schemaUnit?: FieldUnit;
  readonly integer: boolean;
  /** The largest value allowed, when the schema sets one (a share's 1, the contingency's 5). */
  readonly max?: number;
  /** What the engine uses when the file is silent (NaN: required, Infinity: no limit). */
  readonly fallback?: number;
}

export interface ChoiceField extends FieldBase {
  readonly kind: "choice";
  readonly options: readonly string[];
}

export interface MonthListField extends FieldBase {
  readonly kind: "monthList";
  readonly allowed: string;
}

export interface TextField extends FieldBase {
  readonly kind: "text";
  readonly multiline: boolean;
  readonly maxLength?: number;
  readonly pattern?: string;
}

export interface GroupField extends FieldBase {
  readonly kind: "group";
  readonly children: readonly Field[];
}

/** A map of names to entries with the same fields (the recurring chores). */
export interface MapField extends FieldBase {
  readonly kind: "map";
  readonly entry: readonly Field[];
}

/** A list of entries with the same fields (the pairs of inputs that move together). */
export interface ListField extends FieldBase {
  readonly kind: "list";
  /** Each entry's fields, their paths inside the entry. */
  readonly entry: readonly Field[];
}

export type Field = NumberField | ChoiceField | MonthListField | TextField | GroupField | MapField | ListField;

interface Def {
  type: string;
  innerType?: AnySchema;
  options?: AnySchema[];
  shape?: Record<string, AnySchema>;
  valueType?: AnySchema;
  element?: AnySchema;
  entries?: Record<string, string>;
  in?: AnySchema;
}

function def(schema: AnySchema): Def {
  return schema._zod.def as unknown as Def;
}

/** The description the schema carries, looking through optional() wrappers. */
function descriptionOf(schema: AnySchema): string | undefined {
  let current: AnySchema | undefined = schema;
  while (current) {
    const described = z.globalRegistry.get(current)?.description;
    // The schema's descriptions name fields in Markdown's backticks; the page shows them as quoted words.
    if (described) return described.replace(/`([^`]+)`/g, "“$1”");
    const inner: Def = def(current);
    current = inner.type === "optional" || inner.type === "default" || inner.type === "nullable" ? inner.innerType : undefined;
  }
  return undefined;
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const inner = def(current);
    if ((inner.type === "optional" || inner.type === "default" || inner.type === "nullable" || inner.type === "readonly") && inner.innerType)
      current = inner.innerType;
    else if (inner.type === "pipe" && inner.in) current = inner.in;
    else return current;
  }
}

const fallbackBySource = new Map<string, number>(parameterNames.map((name) => [parameterSpecs[name].source as string, parameterSpecs[name].fallback]));

function words(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A field's label: the schema's title, or for a text field (names, notes) its key in words. */
function labelOf(key: string, at: DataPath): string {
  const title = fieldMeta(at)?.label;
  return title !== undefined && title !== "" ? title : key === "note" ? "Notes" : words(key);
}

function numberField(key: string, path: DataPath, at: DataPath, schema: AnySchema, number: AnySchema, quantity: boolean): NumberField {
  const source = path.join(".");
  const own = descriptionOf(schema) ?? "";
  const allowed = descriptionOf(number) ?? "a number";
  // A field without a description of its own inherits the quantity's "allowed" text: not help.
  const help = own.startsWith(allowed) ? "" : own;
  const meta = fieldMeta(at);
  const unit: InputUnit = meta?.kind ?? "count";
  const fallback = fallbackBySource.get(source);
  const max = (number as unknown as { maxValue?: number | null }).maxValue;
  return {
    kind: "number",
    key,
    path,
    label: labelOf(key, at),
    help,
    quantity,
    allowed,
    unit,
    ...(meta?.unit !== undefined ? { schemaUnit: meta.unit } : {}),
    integer: (number as unknown as { isInt?: boolean }).isInt === true,
    ...(typeof max === "number" && Number.isFinite(max) ? { max } : {}),
    ...(fallback !== undefined ? { fallback } : {}),
  };
}

/**
 * One field from its schema; `path` is where it sits, `at` where the schema defines it (for the
 * fields of a chore, under "manualTasks.*"), which gives its label and unit.
 * @example fieldOf("people", ["team", "people"], schema).kind // "number"
 */
export function fieldOf(key: string, path: DataPath, schema: AnySchema, at: DataPath = path): Field {
  const inner = unwrap(schema);
  const d = def(inner);
  const help = descriptionOf(schema) ?? "";
  switch (d.type) {
    case "number":
      return numberField(key, path, at, schema, inner, false);
    case "union": {
      const options = (d.options ?? []).map(unwrap);
      const number = options.find((option) => def(option).type === "number");
      if (number) return numberField(key, path, at, schema, number, options.length > 1);
      return { kind: "text", key, path, label: labelOf(key, at), help, multiline: false };
    }
    case "enum":
      return { kind: "choice", key, path, label: labelOf(key, at), help, options: Object.values(d.entries ?? {}) };
    case "array": {
      const element = d.element ? unwrap(d.element) : undefined;
      const entry = element ? def(element) : undefined;
      if (entry?.type === "object")
        return { kind: "list", key, path, label: labelOf(key, at), help, entry: fieldsOfShape(entry.shape ?? {}, [], [...at, "*"]) };
      return { kind: "monthList", key, path, label: labelOf(key, at), help, allowed: descriptionOf(element ?? inner) ?? "" };
    }
    case "object":
      return { kind: "group", key, path, label: labelOf(key, at), help, children: fieldsOfShape(d.shape ?? {}, path, at) };
    case "record": {
      const entry = d.valueType ? def(unwrap(d.valueType)) : undefined;
      return { kind: "map", key, path, label: labelOf(key, at), help, entry: entry?.shape ? fieldsOfShape(entry.shape, [], [...at, "*"]) : [] };
    }
    case "string": {
      const bag = inner._zod.bag as { maximum?: number; patterns?: Set<RegExp> };
      const pattern = bag.patterns ? [...bag.patterns][0]?.source : undefined;
      return {
        kind: "text",
        key,
        path,
        label: labelOf(key, at),
        help,
        multiline: key === "note" || key === "description",
        ...(bag.maximum !== undefined ? { maxLength: bag.maximum } : {}),
        ...(pattern !== undefined ? { pattern } : {}),
      };
    }
    default:
      return { kind: "text", key, path, label: labelOf(key, at), help, multiline: false };
  }
}

function fieldsOfShape(shape: Record<string, AnySchema>, path: DataPath, at: DataPath = path): Field[] {
  return Object.entries(shape).map(([key, schema]) => fieldOf(key, [...path, key], schema, [...at, key]));
}

/** Every input group of a scenario (team, change, manualTasks, ...), in the schema's order. */
export const inputGroups: readonly Field[] = fieldsOfShape(inputsShape as unknown as Record<string, AnySchema>, []);

const caseShape = (caseSchema as unknown as { shape: Record<string, AnySchema> }).shape;
const scenarioShape = (scenarioSchema as unknown as { _zod: { def: { shape: Record<string, AnySchema> } } })._zod.def.shape;

/** Fields at the top of the file that are not structure (scenarios, defaults) or the baseline's name. */
export const caseFields: readonly Field[] = Object.entries(caseShape)
  .filter(([key]) => !["$schema", "defaults", "scenarios", "baseline"].includes(key))
  .map(([key, schema]) => fieldOf(key, [key], schema));

/** A scenario's own fields besides its inputs: label, description, note. */
export const scenarioOwnFields: readonly Field[] = Object.entries(scenarioShape)
  .filter(([key]) => !(key in inputsShape))
  .map(([key, schema]) => fieldOf(key, [key], schema));

/** Every number field under a field, for counting and tests. */
export function numberFieldsOf(fields: readonly Field[]): NumberField[] {
  return fields.flatMap((field) =>
    field.kind === "number" ? [field] : field.kind === "group" ? numberFieldsOf(field.children) : field.kind === "map" ? numberFieldsOf(field.entry) : [],
  );
}

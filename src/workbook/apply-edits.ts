import { isAlias, isMap, isScalar, parseDocument, visit, type Document, type Pair } from "yaml";
import type { CompiledCase, Leaf } from "../engine/index.js";
import { editScenarioText, type ScenarioEdit } from "../shared/scenario-edit.js";
import { sameNumber } from "./cell-content.js";
import { leafForm } from "./leaf-form.js";
import type { LeafEdit } from "./read-assumptions.js";

/** One input that the workbook changed, in words for the terminal. */
export interface InputChange {
  readonly input: string;
  readonly description: string;
}

/** An input the workbook changed: its place in the file and the leaf it is, for a three-way merge. */
export interface ChangedInput {
  readonly leaf: number;
  readonly path: readonly (string | number)[];
}

/** The pair holding a path's value; keys are compared as text (a scenario may be called 2024). */
function pairAt(document: Document, path: readonly (string | number)[]): Pair<unknown, unknown> | undefined {
  let node: unknown = document.contents;
  let found: Pair<unknown, unknown> | undefined;
  for (const segment of path) {
    if (!isMap(node)) return undefined;
    found = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment)) as Pair<unknown, unknown> | undefined;
    if (!found) return undefined;
    node = found.value;
  }
  return found;
}

/**
 * An edit the file cannot take without changing more than the one input: a YAML alias (`*team`)
 * repeats the part of the file its anchor (`&team`) marks, so a value reached through the alias is
 * written elsewhere, and a value inside the anchor changes every place that repeats it.
 */
export class SharedValueEdit extends Error {
  constructor(
    readonly leaf: number,
    message: string,
  ) {
    super(message);
  }
}

/** Where the file repeats an anchored part (`&name`) through aliases (`*name`), by anchor name. */
function aliasPlaces(document: Document): Map<string, string[]> {
  const places = new Map<string, string[]>();
  visit(document, {
    Alias(_key, node, path) {
      const keys = path.flatMap((step) => (step && typeof step === "object" && "key" in step && isScalar(step.key) ? [String(step.key.value)] : []));
      places.set(node.source, [...(places.get(node.source) ?? []), keys.join(".")]);
    },
  });
  return places;
}

/**
 * Why an input's value cannot be written alone, if it cannot: reached through an alias, or inside an
 * anchor that the file repeats elsewhere. Undefined when it can.
 */
function sharedValue(document: Document, path: readonly (string | number)[], name: string, places: Map<string, string[]>): string | undefined {
  // The nodes from the file's top down to the value itself; the walk stops at a repeat (it has no keys of its own).
  const nodes: unknown[] = [document.contents];
  for (const segment of path) {
    const node = nodes[nodes.length - 1];
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    if (!pair) break;
    nodes.push(pair.value);
  }
  for (const [depth, node] of nodes.entries()) {
    const at = depth === 0 ? "the whole file" : path.slice(0, depth).join(".");
    if (isAlias(node))
      return `${name} is written in the file as ${at}: *${node.source}, a repeat of the part marked &${node.source}: change it there, or write ${at} out in full in the file, and export again`;
    const anchor = (node as { anchor?: string } | undefined)?.anchor;
    const repeats = anchor ? places.get(anchor) : undefined;
    if (anchor && repeats && repeats.length > 0)
      return `${name} is ${depth === path.length ? "" : `inside ${at}, `}marked &${anchor}, which the file repeats at ${repeats.join(", ")} (*${anchor}): changing it there would change ${repeats.length === 1 ? "that" : "those"} too, which the workbook shows apart; write ${repeats.join(", ")} out in full in the file, and export again`;
  }
  return undefined;
}

function numberText(value: number): string {
  return String(value);
}

function describeChange(leaf: Leaf, file: unknown, edit: LeafEdit): string[] {
  const parts: string[] = [];
  const form = leafForm(file, leaf);
  const value = edit.value;
  if (value.kind === "point") {
    if (form.kind === "interval") parts.push(`now a single number, ${numberText(value.value)} (was a range ${form.low} to ${form.high})`);
    else if (!sameNumber(value.value, leaf.value)) parts.push(`${numberText(leaf.value)} → ${numberText(value.value)}`);
  } else if (value.kind === "interval") {
    if (form.kind === "interval") {
      if (!sameNumber(value.low, form.low) || !sameNumber(value.high, form.high))
        parts.push(`range ${form.low} to ${form.high} → ${value.low} to ${value.high}`);
    } else {
      parts.push(`now a range, ${value.low} to ${value.high} (was ${numberText(leaf.value)}); its middle is what the month-by-month figures use`);
    }
  }
  if (edit.note !== (leaf.note ?? "")) parts.push(edit.note === "" ? "note removed" : leaf.note ? "note changed" : "note added");
  return parts;
}

/**
 * Writes the workbook's edits into the scenario file's text: only the values that changed are
 * spliced in (src/shared/scenario-edit.ts), so comments, order, quoting, flow maps and every line
 * not edited stay byte for byte. Returns the original text untouched when nothing changed.
 * @example applyEdits(text, compiled, data, edits).changes // [{ input: "scenarios.optimal...", description: "11 → 15" }]
 */
export function applyEdits(
  text: string,
  compiled: CompiledCase,
  file: unknown,
  edits: readonly LeafEdit[],
): { text: string; changes: InputChange[]; writes: ScenarioEdit[]; inputs: ChangedInput[] } {
  const changed = edits
    .map((edit) => ({ edit, leaf: compiled.leaves[edit.leaf]!, parts: describeChange(compiled.leaves[edit.leaf]!, file, edit) }))
    .filter((entry) => entry.parts.length > 0);
  if (changed.length === 0) return { text, changes: [], writes: [], inputs: [] };
  const document = parseDocument(text, { uniqueKeys: true, strict: true, merge: false });
  const places = aliasPlaces(document);
  for (const { edit, leaf } of changed) {
    const shared = places.size === 0 ? undefined : sharedValue(document, leaf.path, leaf.name, places);
    if (shared) throw new SharedValueEdit(edit.leaf, shared);
  }
  const writes: ScenarioEdit[] = [];
  const setNote = (path: readonly (string | number)[], note: string): void => {
    writes.push(note === "" ? { path: [...path, "note"], delete: true } : { path: [...path, "note"], value: note });
  };
  for (const { edit, leaf } of changed) {
    // The built-in note says "confirm this": once written into the file, the number is the user's.
    const note = leaf.builtIn && edit.note === leaf.note ? "" : edit.note;
    const pair = pairAt(document, leaf.path);
    const value = edit.value;
    if (!pair) {
      // A built-in catalogue value the file did not state: it is written under catalogue: now.
      if (!leaf.builtIn || value.kind === "fixed") throw new Error(`the scenario file has no ${leaf.name}, but its workbook does`);
      const written = value.kind === "point" ? value.value : { low: value.low, high: value.high };
      writes.push({ path: leaf.path, value: note === "" ? written : typeof written === "number" ? { value: written, note } : { ...written, note } });
      continue;
    }
    const node = pair.value;
    if (value.kind === "fixed") {
      if (!isMap(node)) throw new Error(`${leaf.name} should be a map in the scenario file`);
      setNote(leaf.path, note);
      continue;
    }
    if (value.kind === "point") {
      if (isScalar(node) && note === "") {
        writes.push({ path: leaf.path, value: value.value });
      } else if (isMap(node) && node.has("value")) {
        writes.push({ path: [...leaf.path, "value"], value: value.value });
        setNote(leaf.path, note);
      } else {
        writes.push({ path: leaf.path, value: note === "" ? value.value : { value: value.value, note } });
      }
      continue;
    }
    if (isMap(node) && node.has("low")) {
      writes.push({ path: [...leaf.path, "low"], value: value.low }, { path: [...leaf.path, "high"], value: value.high });
      setNote(leaf.path, note);
    } else {
      writes.push({ path: leaf.path, value: { low: value.low, high: value.high, ...(note === "" ? {} : { note }) } });
    }
  }
  return {
    text: editScenarioText(text, writes),
    changes: changed.map(({ leaf, parts }) => ({ input: leaf.name, description: parts.join("; ") })),
    writes,
    inputs: changed.map(({ edit, leaf }) => ({ leaf: edit.leaf, path: leaf.path })),
  };
}

import { Document, isAlias, isMap, isScalar, isSeq, parse, parseDocument, Scalar, type Node, type Pair, type YAMLMap } from "yaml";
import { caseSchema, scenarioYamlTags } from "../engine/index.js";

/**
 * Edits to a scenario file's text that touch only what changed. Pure (no `node:*`): the CLI's
 * `import` and `optimize --write-scenario`, the server's save and the browser's download all use it.
 *
 * Each edit is spliced into the source range of the node it changes (yaml's `parseDocument` gives
 * every node a `range`), so every other line stays byte for byte: comments, blank lines, quoting,
 * `{ a: 1 }` against `{a: 1}`, flow lists and long notes. New text matches the file's style: flow
 * map padding, block indentation, and quotes only where a plain scalar would not read back.
 */

export type ScenarioPath = readonly (string | number)[];

/**
 * `set` writes a value at a path (creating the maps on the way); over an existing map or a list of
 * the same length it only writes the keys and items that differ. `delete` removes a key.
 */
export type ScenarioEdit =
  /** `before`: where a key new to its map goes, before that key of the map (else after its last key). */
  | {
      readonly path: ScenarioPath;
      readonly value: unknown;
      readonly before?: string;
      /** `before` is a key the edit keeps: the comment lines right over it are its own, and the new key goes above them. */
      readonly beforeKept?: boolean;
    }
  | { readonly path: ScenarioPath; readonly delete: true };

/** Thrown inside this module for a shape it cannot splice; the caller then re-renders the file. */
class CannotSplice extends Error {}

interface Style {
  readonly mapPadding: boolean;
  readonly seqPadding: boolean;
  readonly indentStep: number;
  readonly flowLeafMaps: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalarValue(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** The file's own habits, read from its first flow map, flow list and nested block map. */
function styleOf(text: string, root: unknown): Style {
  let mapPadding: boolean | undefined;
  let seqPadding: boolean | undefined;
  let indentStep: number | undefined;
  let flowLeafMaps = false;
  const walk = (node: unknown, column: number | undefined): void => {
    if (isMap(node)) {
      const range = node.range;
      if (node.flow) {
        flowLeafMaps = true;
        if (mapPadding === undefined && range && node.items.length > 0) mapPadding = text[range[0] + 1] === " ";
      } else if (column !== undefined && indentStep === undefined && range) {
        const step = range[0] - lineStart(text, range[0]) - column;
        if (step > 0) indentStep = step;
      }
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const keyColumn = key?.range && !node.flow ? key.range[0] - lineStart(text, key.range[0]) : undefined;
        walk(pair.value, keyColumn);
      }
    } else if (isSeq(node)) {
      if (node.flow && seqPadding === undefined && node.range && node.items.length > 0) seqPadding = text[node.range[0] + 1] === " ";
      for (const item of node.items) walk(item, undefined);
    }
  };
  walk(root, undefined);
  return { mapPadding: mapPadding ?? true, seqPadding: seqPadding ?? false, indentStep: indentStep ?? 2, flowLeafMaps };
}

function lineStart(text: string, position: number): number {
  return text.lastIndexOf("\n", position - 1) + 1;
}

/** The position just past the end of the line holding `position - 1` (a range's end). */
function lineEndAfter(text: string, position: number): number {
  if (position > 0 && text[position - 1] === "\n") return position;
  const newline = text.indexOf("\n", position);
  return newline === -1 ? text.length : newline + 1;
}

/** A scalar as text: the old node's quotes if it had them, plain where plain reads back the same, else double quotes. */
function renderScalar(value: unknown, flow: boolean, old?: Scalar): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return ".nan";
    if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  const text = String(value);
  if (old?.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(text);
  if (old?.type === Scalar.QUOTE_SINGLE && !/[\n\r]/.test(text)) return `'${text.replace(/'/g, "''")}'`;
  if (text !== "" && !/[\n\r\t]/.test(text) && text.trim() === text) {
    try {
      const probe = flow ? parse(`{k: ${text}}`) : parse(`k: ${text}`);
      if (isPlainObject(probe) && probe.k === text && Object.keys(probe).length === 1) return text;
    } catch {
      // Not plain; quoted below.
    }
  }
  return JSON.stringify(text);
}

function renderKey(key: string | number): string {
  return renderScalar(String(key), true);
}

/** A value on one line: `{ a: 1 }` and `[a, b]` padded as the file pads them. */
function renderFlow(value: unknown, style: Style): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = value.map((item) => renderFlow(item, style)).join(", ");
    return style.seqPadding ? `[ ${inner} ]` : `[${inner}]`;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = entries.map(([key, item]) => `${renderKey(key)}: ${renderFlow(item, style)}`).join(", ");
    return style.mapPadding ? `{ ${inner} }` : `{${inner}}`;
  }
  return renderScalar(value, true);
}

/** What follows `key:` in a block map whose keys start at `column`. */
function renderAfterKey(value: unknown, column: number, style: Style, flowLeaf: boolean): string {
  if (isScalarValue(value)) return ` ${renderScalar(value, false)}`;
  if (Array.isArray(value)) return ` ${renderFlow(value, style)}`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return " {}";
  if (flowLeaf && entries.every(([, item]) => isScalarValue(item))) return ` ${renderFlow(value, style)}`;
  const indent = " ".repeat(column + style.indentStep);
  return entries.map(([key, item]) => `\n${indent}${renderKey(key)}:${renderAfterKey(item, column + style.indentStep, style, flowLeaf)}`).join("");
}

/** Whether a new leaf map under this block map is written `{ value: 1, note: … }`: as its siblings are, else as the file does. */
function prefersFlowLeaf(map: YAMLMap, style: Style): boolean {
  for (const pair of map.items) if (isMap(pair.value)) return pair.value.flow === true;
  return style.flowLeafMaps;
}

/** New lines end as the file's do (a file saved on Windows keeps its CRLF). */
function withEndings(text: string, inserted: string): string {
  return text.includes("\r\n") ? inserted.replace(/\n/g, "\r\n") : inserted;
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function colonAfterKey(text: string, pair: Pair): number {
  const key = pair.key as Node | null;
  if (!key?.range) throw new CannotSplice("a key without a place");
  const colon = text.indexOf(":", key.range[1]);
  if (colon === -1 || text.slice(key.range[1], colon).trim() !== "") throw new CannotSplice("a key without its colon");
  return colon + 1;
}

/** The primitive operations one edit makes on a file whose data is `current`. */
function expand(current: unknown, path: ScenarioPath, value: unknown, out: ScenarioEdit[]): void {
  if (deepEqual(current, value)) return;
  if (isPlainObject(current) && isPlainObject(value)) {
    const old = Object.keys(current);
    const dropped = old.filter((key) => !Object.hasOwn(value, key));
    const keys = Object.keys(value);
    // Keys new to the top of the file are put in in the schema's order: each goes above the same kept key.
    const ordered = path.length === 0 ? [...keys].sort((a, b) => rankInSchema(a) - rankInSchema(b)) : keys;
    ordered.forEach((key) => {
      const index = keys.indexOf(key);
      if (Object.hasOwn(current, key)) return expand(current[key], [...path, key], value[key], out);
      // A new key goes in the new value's order: where a key the map drops was, between the keys it
      // keeps around it ({ value, note } becoming { low, high, note }: low and high go where value
      // was, under value's comment), else before the first later key that the map keeps.
      const kept = keys.slice(index + 1).find((later) => Object.hasOwn(current, later));
      const keptBefore = keys
        .slice(0, index)
        .reverse()
        .find((earlier) => Object.hasOwn(current, earlier));
      const from = keptBefore === undefined ? -1 : old.indexOf(keptBefore);
      const to = kept === undefined ? old.length : old.indexOf(kept);
      const replaced = dropped.find((key) => old.indexOf(key) > from && old.indexOf(key) < to);
      // A key new to the top of the file goes where the schema has it (discounting: beside discountRate, not after scenarios).
      const inOrder = path.length === 0 ? beforeInSchemaOrder(key, old, value) : undefined;
      const before = inOrder === undefined ? (replaced ?? kept) : (inOrder ?? undefined);
      const beforeKept = inOrder === undefined ? replaced === undefined : true;
      out.push({ path: [...path, key], value: value[key], ...(before !== undefined ? { before, beforeKept } : {}) });
    });
    // Dropped keys go last, once the keys that take their place are in.
    for (const key of dropped) out.push({ path: [...path, key], delete: true });
    return;
  }
  if (Array.isArray(current) && Array.isArray(value) && current.length === value.length) {
    value.forEach((item, index) => expand(current[index], [...path, index], item, out));
    return;
  }
  out.push({ path, value });
}

/** The file's top-level keys in the order the schema gives them (and docs/scenario-file.md). */
const schemaKeys: readonly string[] = Object.keys(caseSchema.shape);

/**
 * Where a top-level key new to the file goes: before the first key the file keeps that the schema puts
 * after it (null: after the last); undefined for a key the schema does not know, left to the data's order.
 * @example beforeInSchemaOrder("discounting", ["title", "discountRate", "baseline", "scenarios"], data) // "baseline"
 */
/** A top-level key's place in the schema; one it does not know after all the others. */
function rankInSchema(key: string): number {
  const at = schemaKeys.indexOf(key);
  return at < 0 ? schemaKeys.length : at;
}

function beforeInSchemaOrder(key: string, old: readonly string[], value: Record<string, unknown>): string | null | undefined {
  const at = schemaKeys.indexOf(key);
  if (at < 0) return undefined;
  return old.find((other) => Object.hasOwn(value, other) && schemaKeys.indexOf(other) > at) ?? null;
}

function childOf(node: unknown, segment: string | number): { pair?: Pair; node: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => keyText(item.key) === String(segment));
    return pair ? { pair, node: pair.value } : undefined;
  }
  if (isSeq(node) && typeof segment === "number" && segment < node.items.length) return { node: node.items[segment] };
  return undefined;
}

/** One primitive set or delete spliced into the text. */
function applyOne(text: string, edit: ScenarioEdit): string {
  const document = parseDocument(text, { customTags: scenarioYamlTags });
  if (document.errors.length > 0) throw new CannotSplice("the text does not parse");
  const style = styleOf(text, document.contents);
  if (edit.path.length === 0) throw new CannotSplice("the whole file replaced");
  // Walk down as far as the file goes.
  let parent: unknown = document.contents;
  let depth = 0;
  let found: { pair?: Pair; node: unknown } | undefined;
  for (; depth < edit.path.length; depth++) {
    const next = childOf(parent, edit.path[depth]!);
    if (!next) break;
    found = next;
    if (depth === edit.path.length - 1) break;
    parent = next.node;
  }
  const complete = depth === edit.path.length - 1 && found !== undefined && childOf(parent, edit.path[depth]!) !== undefined;

  if ("delete" in edit) {
    if (!complete) return text;
    return deleteFrom(text, parent, edit.path[depth]!);
  }

  if (complete) return replace(text, parent, found!, edit.value, style);
  // The path stops at `parent`: a map gets the missing key, anything else is replaced by maps.
  const rest = edit.path.slice(depth);
  let nested: unknown = edit.value;
  for (let index = rest.length - 1; index >= 1; index--) nested = { [String(rest[index])]: nested };
  if (isMap(parent))
    return insertInto(text, parent, String(rest[0]), nested, style, rest.length === 1 ? edit.before : undefined, rest.length === 1 && edit.beforeKept === true);
  throw new CannotSplice("a path through something that is not a map");
}

function replace(text: string, parent: unknown, found: { pair?: Pair; node: unknown }, value: unknown, style: Style): string {
  const node = found.node as Node | null;
  const flowParent = (isMap(parent) || isSeq(parent)) && parent.flow === true;
  if (isScalar(node) && node.range && isScalarValue(value) && (node.source !== "" || flowParent)) {
    if (node.value === value) return text;
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
      if (!found.pair) throw new CannotSplice("a block scalar in a list");
      let end = lineEndAfter(text, node.range[1]) - 1;
      if (text[end - 1] === "\r") end--;
      return splice(text, colonAfterKey(text, found.pair), end, ` ${renderScalar(value, false)}`);
    }
    // A number's tag stays while the new value fits it (`!!float 60` → `!!float 75`); one it no longer
    // fits goes with the old value (`!!int 7` → `2.5`, not `!!int 2.5`, which is no whole number).
    const tag = tagBefore(text, node);
    const from = tag && !fitsTag(tag.name, value) ? tag.start : node.range[0];
    return splice(text, from, node.range[1], renderScalar(value, flowParent, tag && from === tag.start ? undefined : node));
  }
  if (!node?.range) throw new CannotSplice("a value without a place");
  if (flowParent) return splice(text, node.range[0], node.range[1], renderFlow(value, style));
  if (!found.pair || !isMap(parent)) throw new CannotSplice("a block list item");
  const key = found.pair.key as Node;
  const column = key.range![0] - lineStart(text, key.range![0]);
  const start = colonAfterKey(text, found.pair);
  const rendered = renderAfterKey(value, column, style, prefersFlowLeaf(parent, style));
  // A block map's range ends past its last newline; the rendered text ends before its own.
  let end = node.range[1] > start && text[node.range[1] - 1] === "\n" ? node.range[1] - 1 : Math.max(node.range[1], start);
  if (end > start && text[end - 1] === "\r" && text[end] === "\n") end--;
  return splice(text, start, end, withEndings(text, rendered));
}

const NUMBER_TAGS: Readonly<Record<string, (value: unknown) => boolean>> = {
  "tag:yaml.org,2002:int": (value) => Number.isInteger(value),
  "!!int": (value) => Number.isInteger(value),
  "tag:yaml.org,2002:float": (value) => typeof value === "number",
  "!!float": (value) => typeof value === "number",
};

/** Whether a value may keep a scalar's tag: a number's tag only while the value is such a number; any other tag as it is. */
function fitsTag(tag: string, value: unknown): boolean {
  const fits = NUMBER_TAGS[tag.startsWith("!<") ? tag.slice(2, -1) : tag];
  return fits === undefined || fits(value);
}

/** The tag written just before a scalar (`!!int 7`, `!<tag:yaml.org,2002:int> 7`), with where it starts. */
function tagBefore(text: string, node: Scalar): { name: string; start: number } | undefined {
  if (!node.tag || !node.range) return undefined;
  const match = /(!!(?:int|float)|!<tag:yaml\.org,2002:(?:int|float)>)[ \t]+$/.exec(text.slice(Math.max(0, node.range[0] - 64), node.range[0]));
  return match ? { name: match[1]!, start: node.range[0] - match[0].length } : undefined;
}

function insertInto(text: string, map: YAMLMap, key: string, value: unknown, style: Style, before?: string, aboveItsComment = false): string {
  const last = map.items.at(-1);
  const next = before === undefined ? undefined : (map.items.find((item) => keyText(item.key) === before)?.key as Node | null | undefined)?.range?.[0];
  if (map.flow) {
    if (!map.range) throw new CannotSplice("a flow map without a place");
    const entry = `${renderKey(key)}: ${renderFlow(value, style)}`;
    if (next !== undefined) return splice(text, next, next, `${entry}, `);
    if (!last) return splice(text, map.range[0] + 1, map.range[1] - 1, style.mapPadding ? ` ${entry} ` : entry);
    const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Node | null)?.range?.[1];
    if (end === undefined) throw new CannotSplice("a flow map item without a place");
    return splice(text, end, end, `, ${entry}`);
  }
  if (!last) throw new CannotSplice("an empty block map");
  const firstKey = map.items[0]!.key as Node | null;
  const lastEnd = (last.value as Node | null)?.range?.[1] ?? (last.key as Node | null)?.range?.[1];
  if (!firstKey?.range || lastEnd === undefined) throw new CannotSplice("a block map item without a place");
  const column = firstKey.range[0] - lineStart(text, firstKey.range[0]);
  const line = `${" ".repeat(column)}${renderKey(key)}:${renderAfterKey(value, column, style, prefersFlowLeaf(map, style))}`;
  // Before a key that starts its own line (a block map's keys do, the first one perhaps after its parent's key).
  if (next !== undefined && text.slice(lineStart(text, next), next).trim() === "") {
    // Above the comment lines right over a key that stays, which belong to it.
    let at = lineStart(text, next);
    while (aboveItsComment && at > 0) {
      const above = lineStart(text, at - 1);
      if (!text.slice(above, at).trim().startsWith("#")) break;
      at = above;
    }
    return splice(text, at, at, withEndings(text, `${line}\n`));
  }
  const at = lineEndAfter(text, lastEnd);
  return splice(text, at, at, withEndings(text, at === text.length && !text.endsWith("\n") ? `\n${line}` : `${line}\n`));
}

function deleteFrom(text: string, parent: unknown, segment: string | number): string {
  if (!isMap(parent)) throw new CannotSplice("a delete from something that is not a map");
  const index = parent.items.findIndex((item) => keyText(item.key) === String(segment));
  const pair = parent.items[index]!;
  const key = pair.key as Node | null;
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? key?.range?.[1];
  if (!key?.range || valueEnd === undefined) throw new CannotSplice("a key without a place");
  if (parent.items.length === 1) throw new CannotSplice("the last key of a map");
  if (parent.flow) {
    const next = parent.items[index + 1];
    if (next) return splice(text, key.range[0], (next.key as Node).range![0], "");
    const previous = parent.items[index - 1]!;
    const previousEnd = (previous.value as Node | null)?.range?.[1] ?? (previous.key as Node).range![1];
    return splice(text, previousEnd, valueEnd, "");
  }
  return splice(text, lineStart(text, key.range[0]), lineEndAfter(text, valueEnd), "");
}

/**
 * A map's own value at `key`, never one it inherits: a chore named `__proto__` or `constructor` is a
 * key like any other, not Object.prototype (whose change would reach every object of the process).
 */
function ownValue(node: unknown, key: string | number): unknown {
  return (isPlainObject(node) || Array.isArray(node)) && Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
}

/** Sets `key` as the map's own property, `__proto__` included (an assignment to it would change the prototype instead). */
function setOwn(node: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * A deep copy in which no two places share a map or list, as the page's JSON has it. The yaml
 * library gives an alias (`team: *team`) the very object of its anchor, and `structuredClone` keeps
 * that sharing: an edit reached through the alias would then change the anchored part and every
 * other alias too, where the edit names one place.
 */
function unshared(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unshared);
  if (typeof value === "object" && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(copy, key, unshared(item));
    return copy;
  }
  return structuredClone(value);
}

/** The data the edits should leave, worked out on plain values. */
function expected(data: unknown, edits: readonly ScenarioEdit[]): unknown {
  let result: unknown = unshared(data);
  for (const edit of edits) {
    if (edit.path.length === 0) {
      if (!("delete" in edit)) result = structuredClone(edit.value);
      continue;
    }
    if (!isPlainObject(result) && !("delete" in edit)) result = {};
    let node = result as Record<string | number, unknown>;
    let missing = false;
    for (const segment of edit.path.slice(0, -1)) {
      let next = ownValue(node, segment);
      if (typeof next !== "object" || next === null) {
        if ("delete" in edit) {
          missing = true;
          break;
        }
        next = {};
        setOwn(node, segment, next);
      }
      node = next as Record<string | number, unknown>;
    }
    if (missing) continue;
    const last = edit.path.at(-1)!;
    if ("delete" in edit) {
      if (Object.hasOwn(node, last)) delete node[last];
    } else setOwn(node, last, structuredClone(edit.value));
  }
  return result;
}

/**
 * The whole file written again by the yaml library: only for shapes the splicing cannot reach (a
 * text that does not parse, a map losing its last key, a block list item replaced by a map, a value
 * reached through an alias, …). Comments survive, and so does every value the data leaves as it was
 * (a flow list `[a, b]`, an alias `*team`): only the values that changed are written anew, as the
 * README asks of a tool editing the user's file. Untouched lines may be re-spaced.
 */
function rerender(text: string, data: unknown): string {
  const kept = rerenderKeeping(text, data, true);
  const check = parseDocument(kept, { customTags: scenarioYamlTags });
  // A kept alias reads its anchor as the merge left it: if that changed, write every value anew.
  if (check.errors.length === 0 && deepEqual(check.toJS(), data)) return kept;
  return rerenderKeeping(text, data, false);
}

function rerenderKeeping(text: string, data: unknown, keepUnchanged: boolean): string {
  const document = parseDocument(text, { customTags: scenarioYamlTags });
  const style = styleOf(text, document.contents);
  const options = { lineWidth: 0, flowCollectionPadding: style.mapPadding, indent: style.indentStep } as const;
  if (document.errors.length > 0 || !isMap(document.contents) || !isPlainObject(data)) return withEndings(text, new Document(data).toString(options));
  const merge = (node: Node | null, value: unknown): Node => {
    if (keepUnchanged && node !== null && deepEqual(node.toJS(document), value)) return node;
    if (keepUnchanged && isSeq(node) && Array.isArray(value) && node.items.length === value.length) {
      node.items = node.items.map((item, index) => merge(item as Node | null, value[index]));
      return node;
    }
    if (isPlainObject(value) && isMap(node)) {
      node.items = node.items.filter((pair) => Object.hasOwn(value, keyText(pair.key)));
      for (const [key, item] of Object.entries(value)) {
        const pair = node.items.find((candidate) => keyText(candidate.key) === key);
        if (pair) pair.value = merge(pair.value as Node | null, item);
        else node.items.push(document.createPair(key, item));
      }
      return node;
    }
    if (isScalar(node) && isScalarValue(value)) {
      if (node.value !== value) {
        node.value = value;
        if (node.tag && !fitsTag(node.tag, value)) {
          node.tag = undefined;
          node.format = undefined;
        }
      }
      return node;
    }
    const created = document.createNode(value) as Node;
    if (node?.commentBefore) created.commentBefore = node.commentBefore;
    if (node?.comment) created.comment = node.comment;
    return created;
  };
  document.contents = merge(document.contents as Node | null, data) as typeof document.contents;
  return withEndings(text, document.toString(options));
}

/**
 * An edit of a value the file reaches through an alias (`team: *team`, then `team.people` changed)
 * as the edit of the alias itself: written out whole where the alias was, with the change, so the
 * part the anchor (`&team`) marks and every other line stay as they are. Any other edit as it is.
 */
function throughAlias(text: string, edit: ScenarioEdit): ScenarioEdit {
  const document = parseDocument(text, { customTags: scenarioYamlTags });
  if (document.errors.length > 0) return edit;
  let node: unknown = document.contents;
  for (let depth = 0; depth < edit.path.length; depth++) {
    const next = childOf(node, edit.path[depth]!);
    if (!next) return edit;
    if (isAlias(next.node) && depth < edit.path.length - 1) {
      const path = edit.path.slice(0, depth + 1);
      let value: unknown = expected(document.toJS(), [edit]);
      for (const segment of path) value = ownValue(value, segment);
      return { path, value };
    }
    node = next.node;
  }
  return edit;
}

/**
 * The paths of the aliases (`*name`) of the file that repeat `anchored`, in file order: not those of
 * another part the file marks with the same name later (`&name` again), which they repeat instead.
 */
function aliasPathsOf(document: Document, node: unknown, anchored: unknown, path: ScenarioPath = [], out: ScenarioPath[] = []): ScenarioPath[] {
  if (isAlias(node)) {
    if (node.resolve(document) === anchored) out.push(path);
  } else if (isMap(node)) {
    for (const pair of node.items) aliasPathsOf(document, pair.value, anchored, [...path, keyText(pair.key)], out);
  } else if (isSeq(node)) node.items.forEach((item, index) => aliasPathsOf(document, item, anchored, [...path, index], out));
  return out;
}

/**
 * Before an edit inside a part the file marks with an anchor (`team: &team …`) and repeats through
 * aliases (`*team`): each alias written out whole with the values it repeats now, so the edit
 * changes the anchored part alone, as the page and the data asked, and no other line.
 */
function expandAliasesOf(text: string, path: ScenarioPath): string {
  let result = text;
  for (;;) {
    const document = parseDocument(result, { customTags: scenarioYamlTags });
    if (document.errors.length > 0) return result;
    let node: unknown = document.contents;
    let aliases: ScenarioPath[] = [];
    for (let depth = 0; depth <= path.length && aliases.length === 0; depth++) {
      const anchor = (node as { anchor?: string } | null)?.anchor;
      if (anchor) aliases = aliasPathsOf(document, document.contents, node);
      if (depth === path.length) break;
      const next = childOf(node, path[depth]!);
      if (!next) break;
      node = next.node;
    }
    if (aliases.length === 0) return result;
    // The last first: writing it out moves no other alias's place in the text before it is written.
    const last = aliases.at(-1)!;
    let value: unknown = document.toJS();
    for (const segment of last) value = ownValue(value, segment);
    const expanded = applyOne(result, { path: last, value });
    if (expanded === result) return result;
    result = expanded;
  }
}

/**
 * Applies edits to a scenario file's text; every line no edit touches stays byte for byte.
 * @example editScenarioText("a: { value: 1, note: x } # mine\nb: 2\n", [{ path: ["a", "value"], value: 3 }]) // "a: { value: 3, note: x } # mine\nb: 2\n"
 */
export function editScenarioText(text: string, edits: readonly ScenarioEdit[]): string {
  const original = parseDocument(text, { customTags: scenarioYamlTags });
  const data = original.errors.length > 0 ? undefined : original.toJS();
  const want = expected(data ?? {}, edits);
  if (original.errors.length > 0) return rerender(text, want);
  try {
    let result = text;
    for (const edit of edits) {
      const current = parseDocument(result, { customTags: scenarioYamlTags }).toJS();
      const primitives: ScenarioEdit[] = [];
      if ("delete" in edit) primitives.push(edit);
      else {
        let at: unknown = current;
        for (const segment of edit.path) at = ownValue(at, segment);
        expand(at, edit.path, edit.value, primitives);
      }
      for (const primitive of primitives) {
        result = expandAliasesOf(result, primitive.path);
        result = applyOne(result, throughAlias(result, primitive));
      }
    }
    const check = parseDocument(result, { customTags: scenarioYamlTags });
    if (check.errors.length === 0 && deepEqual(check.toJS(), want)) return result;
  } catch (error) {
    if (!(error instanceof CannotSplice)) throw error;
  }
  return rerender(text, want);
}

/**
 * Writes `data` over the file's text: only the keys and items that differ are spliced in.
 * @example replaceScenarioData("# mine\ntitle: y\n", { title: "x" }) // "# mine\ntitle: x\n"
 */
export function replaceScenarioData(text: string, data: unknown): string {
  return editScenarioText(text, [{ path: [], value: data }]);
}

import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import { formatPath, type FieldPath, type Issue } from "./issues.js";
import { explainYamlError, TOO_DEEP } from "./yaml-errors.js";
import { scenarioYamlTags } from "./yaml-tags.js";
import { groupDigits } from "./text.js";

/** Scenario files are small; anything larger is a mistake (or an attack) and is refused before parsing. */
export const MAX_SOURCE_BYTES = 1_000_000;
/** Aliases may not expand into more nodes than this ("billion laughs"). */
export const MAX_ALIAS_COUNT = 200;
/** Syntax errors explained, at most: one mistake often trips the parser on every later line. */
export const MAX_SYNTAX_ERRORS = 50;

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed scenario file: its plain data, and a way back from a field to where it was written. */
export interface ScenarioSource {
  readonly text: string;
  readonly data: unknown;
  readonly issues: readonly Issue[];
  /** Where a field is written; `key: true` points at the key rather than the value. */
  locate(path: FieldPath, options?: { key?: boolean }): Position | undefined;
  /** A number's text as written at a field (`0.10`, `1_000`, `1.5e3`), for messages; undefined where no number is written. */
  writtenNumber(path: FieldPath): string | undefined;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Parses YAML or JSON text (JSON is read as YAML, which keeps positions for both).
 * Never throws: problems come back as issues with a line and column.
 * @example parseScenarioSource("title: x\n").data // { title: "x" }
 */
export function parseScenarioSource(text: string): ScenarioSource {
  const lineCounter = new LineCounter();
  const position = (offset: number): Position => {
    const found = lineCounter.linePos(offset);
    return { line: found.line, column: found.col };
  };
  const failed = (issue: Issue): ScenarioSource => ({ text, data: undefined, issues: [issue], locate: () => undefined, writtenNumber: () => undefined });

  const size = byteLength(text);
  if (size > MAX_SOURCE_BYTES) {
    return failed({
      path: [],
      code: "too_large",
      severity: "error",
      line: 1,
      column: 1,
      message: `the file is ${groupDigits(size)} bytes; allowed: a scenario file of at most ${groupDigits(MAX_SOURCE_BYTES)} bytes (1 MB)`,
    });
  }
  if (text.includes("\u0000")) {
    return failed({
      path: [],
      code: "not_text",
      severity: "error",
      line: 1,
      column: 1,
      message: "the file holds binary data, not text; expected a scenario written in YAML or JSON",
    });
  }
  if (text.trim() === "") {
    return failed({
      path: [],
      code: "empty",
      severity: "error",
      line: 1,
      column: 1,
      message: "the file is empty; expected a scenario (run `mlops-roi init` to start from a commented example)",
    });
  }

  // Duplicate keys are found below, in one pass: the parser's own check compares every key of a
  // map with every key before it, which takes minutes for a map of 60,000 keys.
  const document = parseYaml(text, lineCounter);
  const issues: Issue[] = [];
  const linesWithProblems = new Set<number>();
  // A tab in the indentation throws the parser off for the lines after it: only the lines that are
  // wrong whatever the tab stood for are reported with it.
  const stillWrong = document.errors.some((error) => error.code === "TAB_AS_INDENT") ? linesWrongDespiteTabs(text) : undefined;
  const cascade = (code: string, line: number) =>
    stillWrong !== undefined && code !== "TAB_AS_INDENT" && code !== "TAG_RESOLVE_FAILED" && !stillWrong.has(line);
  let unexplained = 0;
  // A text whose quote is never closed runs to the end of the file: what the parser trips on after it
  // (a map "never closed" whose "}" the text swallowed) follows from it, and is not said.
  let unclosedText = false;
  // A tag the parser does not know only warns, and keeps the value as text: an error here, which names the tag.
  const unknownTags = document.warnings.filter((warning) => warning.code === "TAG_RESOLVE_FAILED");
  for (const error of [...document.errors, ...unknownTags]) {
    if (unclosedText && error.code !== "TAG_RESOLVE_FAILED") continue;
    if (issues.length >= MAX_SYNTAX_ERRORS) {
      unexplained++;
      continue;
    }
    const problem = explainYamlError(error.code, error.message.split("\n")[0] ?? error.message, text, error.pos[0]);
    const at = position(problem.offset);
    // One mistake often trips the parser twice on the same line; the first explanation is the useful one.
    if (linesWithProblems.has(at.line) || cascade(error.code, at.line)) continue;
    linesWithProblems.add(at.line);
    // A tag's problem is about one field's value: named by its path ("defaults.team.hourlyCost is tagged !!float but ...").
    const path = error.code === "TAG_RESOLVE_FAILED" ? pathAt(document, problem.offset) : [];
    const message = path.length > 0 ? problem.message.replace(/^the value is/, `${formatPath(path)} is`) : problem.message;
    issues.push({ path, code: `yaml_${error.code.toLowerCase()}`, severity: "error", line: at.line, column: at.column, message });
    if (error.code === "MISSING_CHAR" && /^syntax error: (the|a) text opened with .* is never closed/.test(message)) unclosedText = true;
  }
  for (const duplicate of duplicateKeys(document)) {
    if (issues.length >= MAX_SYNTAX_ERRORS) {
      unexplained++;
      continue;
    }
    const at = position(duplicate.offset);
    if (linesWithProblems.has(at.line) || cascade("DUPLICATE_KEY", at.line)) continue;
    linesWithProblems.add(at.line);
    // __proto__ would be dropped from the data without a word (a scenario, a chore or a field gone).
    const reserved = duplicate.firstOffset === undefined;
    issues.push({
      path: [],
      code: reserved ? "reserved_key" : "yaml_duplicate_key",
      severity: "error",
      line: at.line,
      column: at.column,
      message: reserved
        ? `"__proto__" cannot be a name in a scenario file: JavaScript reserves it, and what it names would be left out without a word; rename it`
        : `syntax error: ${JSON.stringify(duplicate.key)} is written twice in the same group (first on line ${position(duplicate.firstOffset!).line}); keep one of them`,
    });
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  if (unexplained > 0) {
    const last = issues[issues.length - 1];
    issues.push({
      path: [],
      code: "yaml_more",
      severity: "error",
      line: last?.line ?? 1,
      column: last?.column ?? 1,
      message: `syntax error: ${groupDigits(unexplained)} more problem${unexplained === 1 ? "" : "s"} after these; fix these first`,
    });
  }
  let data: unknown;
  if (issues.length === 0) {
    joinSeparatedNumbers(document, text);
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // The yaml library signals alias expansion beyond the limit with a ReferenceError.
      const message = error instanceof Error ? error.message : String(error);
      const aliasBomb = /alias/i.test(message);
      const at = aliasBomb ? firstAlias(document) : undefined;
      issues.push({
        path: [],
        code: aliasBomb ? "alias_limit" : "yaml_invalid",
        severity: "error",
        ...(at !== undefined ? position(at) : { line: 1, column: 1 }),
        message: aliasBomb
          ? `the file's aliases (*name) expand into too many values (limit ${MAX_ALIAS_COUNT}); write the values out instead`
          : `syntax error: ${/call stack/i.test(message) ? TOO_DEEP : message}`,
      });
    }
  }
  const pairs = new WeakMap<YAMLMap, Map<string, Pair>>();
  return {
    text,
    data,
    issues,
    locate: (path, options) => locateNode(document, path, options?.key ?? false, position, pairs),
    writtenNumber: (path) => writtenNumberAt(document, text, path, pairs),
  };
}

function parseYaml(text: string, lineCounter: LineCounter): Document {
  return parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    strict: true,
    merge: false,
    customTags: scenarioYamlTags,
    // YAML 1.1's tags (!!timestamp, !!binary, !!set, …) are no scenario file's: unresolved, so that
    // the check below names them, instead of the library turning them into dates, bytes or maps.
    resolveKnownTags: false,
  });
}

/**
 * The lines that hold a syntax problem (or a key written twice) when each tab in the indentation is
 * read as 2, 4 or 8 spaces, whichever leaves the fewest: a problem on any other line is one the
 * tab caused (the tab is reported on its own). Expanding a tab keeps every line where it was.
 */
function linesWrongDespiteTabs(text: string): Set<number> {
  let best: Set<number> | undefined;
  for (const width of [2, 4, 8]) {
    const expanded = text.replace(/^[ \t]*\t[ \t]*/gm, (indent) => indent.replace(/\t/g, " ".repeat(width)));
    const lineCounter = new LineCounter();
    const document = parseYaml(expanded, lineCounter);
    const lines = new Set<number>();
    for (const error of document.errors) {
      const problem = explainYamlError(error.code, error.message.split("\n")[0] ?? error.message, expanded, error.pos[0]);
      lines.add(lineCounter.linePos(problem.offset).line);
    }
    for (const duplicate of duplicateKeys(document)) lines.add(lineCounter.linePos(duplicate.offset).line);
    if (best === undefined || lines.size < best.size) best = lines;
  }
  return best ?? new Set();
}

/**
 * A number written with thousands separators (or a decimal comma) inside braces: in
 * `{ low: 1,500, high: 4,000 }` the commas separate fields, so the parser reads low 1 and a field
 * "500" with no value. Such a value is given back as the text written ("1,500"), as it would be read
 * outside braces (`low: 1,500`), so that its check says the same: write it without separators. Only
 * digits that follow a number straight after a comma, or three after a comma and one space ("1, 500"),
 * with no ":" of their own, are joined.
 */
function joinSeparatedNumbers(document: Document, text: string): void {
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      let joined: { pair: Pair; start: number; end: number } | undefined;
      const kept: Pair[] = [];
      for (const item of node.items) {
        pending.push(item.value);
        const key = item.key;
        const keyRange = isScalar(key) ? (key.range ?? undefined) : undefined;
        const digits = keyRange === undefined ? "" : text.slice(keyRange[0], keyRange[1]);
        const digitsOnly = keyRange !== undefined && item.value === null && /^\d+$/.test(digits);
        // Straight after the comma; or after a comma and one space, a group of three ("1, 500").
        const separator = keyRange === undefined || !joined ? "" : text.slice(joined.end, keyRange[0]);
        if (node.flow && joined && digitsOnly && (separator === "," || (separator === ", " && digits.length === 3))) {
          joined.end = keyRange[1];
          continue;
        }
        if (joined) joinInto(joined, text);
        kept.push(item);
        const value = item.value;
        joined =
          node.flow && isScalar(value) && typeof value.value === "number" && value.range
            ? { pair: item, start: value.range[0], end: value.range[1] }
            : undefined;
      }
      if (joined) joinInto(joined, text);
      if (kept.length !== node.items.length) node.items = kept;
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    }
  }
}

function joinInto(joined: { pair: Pair; start: number; end: number }, text: string): void {
  const value = joined.pair.value as Scalar;
  if (value.range && joined.end === value.range[1]) return;
  const written = new Scalar(text.slice(joined.start, joined.end));
  written.range = [joined.start, joined.end, joined.end];
  joined.pair.value = written;
}

interface DuplicateKey {
  readonly key: string;
  readonly offset: number;
  /** Where the key is first written; undefined for a key named `__proto__`, which no map may have. */
  readonly firstOffset: number | undefined;
}

/**
 * Keys written twice in the same map, and keys named `__proto__`, in one pass over the document
 * (without recursion, so a deeply nested file cannot overflow the stack here). Keys are compared as
 * the data sees them: `1` and `"1"` are the same field.
 */
function duplicateKeys(document: Document): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const item of node.items) {
        pending.push(item.key, item.value);
        if (!isScalar(item.key)) continue;
        const key = String(item.key.value);
        const offset = item.key.range?.[0] ?? 0;
        const first = seen.get(key);
        if (key === "__proto__") found.push({ key, offset, firstOffset: undefined });
        else if (first === undefined) seen.set(key, offset);
        else found.push({ key, offset, firstOffset: first });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    } else if (isPair(node)) {
      pending.push(node.key, node.value);
    }
  }
  return found;
}

/**
 * The path of the field whose value is written at `offset` (a tag counts as part of its value):
 * the innermost pair or list item around it, or [] outside any.
 */
function pathAt(document: Document, offset: number): FieldPath {
  const path: (string | number)[] = [];
  let node: unknown = document.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const start = (item.key as Node | null)?.range?.[0];
        const end = (item.value as Node | null)?.range?.[1];
        return isScalar(item.key) && start !== undefined && end !== undefined && start <= offset && offset < end;
      });
      if (!pair) break;
      path.push(String((pair.key as { value: unknown }).value));
      node = pair.value;
      // The offset is on the value's own tag (before its range): this pair's value is the field.
      if (startsAfter(node, offset)) break;
    } else if (isSeq(node)) {
      // An item's tag comes before its range; the item is the last one starting after the previous item's end.
      const index = node.items.findIndex((item) => {
        const end = (item as Node | null)?.range?.[1];
        return end !== undefined && offset < end;
      });
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
      if (startsAfter(node, offset)) break;
    } else {
      break;
    }
  }
  return path;
}

/** Whether a node's range starts after `offset` (the offset is then on its tag or anchor). */
function startsAfter(node: unknown, offset: number): boolean {
  const start = (node as Node | null)?.range?.[0];
  return start !== undefined && start > offset;
}

/** Offset of the first alias (*name) in the document, where the expansion starts (without recursion, like `duplicateKeys`). */
function firstAlias(document: Document): number | undefined {
  let first: number | undefined;
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isAlias(node)) {
      const offset = node.range?.[0];
      if (offset !== undefined && (first === undefined || offset < first)) first = offset;
    } else if (isMap(node)) {
      for (const item of node.items) pending.push(item.key, item.value);
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    } else if (isPair(node)) {
      pending.push(node.key, node.value);
    }
  }
  return first;
}

function locateNode(
  document: Document,
  path: FieldPath,
  key: boolean,
  position: (offset: number) => Position,
  pairs: WeakMap<YAMLMap, Map<string, Pair>>,
): Position | undefined {
  let node: unknown = document.contents;
  let keyNode: unknown;
  let last: unknown = node;
  for (const segment of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = pairsOf(node, pairs).get(String(segment));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
    } else {
      break;
    }
    if (node === undefined || node === null) {
      node = keyNode;
      last = keyNode ?? last;
      break;
    }
    last = node;
  }
  const target = (key && keyNode ? keyNode : last) as Node | undefined;
  const range = target?.range;
  return range ? position(range[0]) : undefined;
}

/** A map's pairs by key, the first of each (as the data keeps it); indexed once per map, so a file with thousands of problems in one map is located in linear time. */
function pairsOf(node: YAMLMap, pairs: WeakMap<YAMLMap, Map<string, Pair>>): Map<string, Pair> {
  let index = pairs.get(node);
  if (!index) {
    index = new Map();
    for (const item of node.items) if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    pairs.set(node, index);
  }
  return index;
}

/** The text of the number written at `path`, as in the file; undefined when the field holds no number (or an alias to one). */
function writtenNumberAt(document: Document, text: string, path: FieldPath, pairs: WeakMap<YAMLMap, Map<string, Pair>>): string | undefined {
  let node: unknown = document.contents;
  for (const segment of path) {
    if (isMap(node)) node = pairsOf(node, pairs).get(String(segment))?.value;
    else if (isSeq(node) && typeof segment === "number") node = node.items[segment];
    else return undefined;
  }
  if (!isScalar(node) || typeof node.value !== "number" || !node.range) return undefined;
  return text.slice(node.range[0], node.range[1]);
}

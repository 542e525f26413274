import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { FieldPath, Issue } from "./issues.js";
import { explainYamlError } from "./yaml-errors.js";

/** Scenario files are small; anything larger is a mistake (or an attack) and is refused before parsing. */
export const MAX_SOURCE_BYTES = 1_000_000;
/** Aliases may not expand into more nodes than this ("billion laughs"). */
export const MAX_ALIAS_COUNT = 200;

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
  const failed = (issue: Issue): ScenarioSource => ({ text, data: undefined, issues: [issue], locate: () => undefined });

  const size = byteLength(text);
  if (size > MAX_SOURCE_BYTES) {
    return failed({
      path: [],
      code: "too_large",
      severity: "error",
      line: 1,
      column: 1,
      message: `the file is ${(size / 1_000_000).toFixed(1)} MB; a scenario file may be at most ${MAX_SOURCE_BYTES / 1_000_000} MB`,
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

  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, merge: false });
  const issues: Issue[] = [];
  const linesWithProblems = new Set<number>();
  for (const error of document.errors) {
    const problem = explainYamlError(error.code, error.message.split("\n")[0] ?? error.message, text, error.pos[0]);
    const at = position(problem.offset);
    // One mistake often trips the parser twice on the same line; the first explanation is the useful one.
    if (linesWithProblems.has(at.line)) continue;
    linesWithProblems.add(at.line);
    issues.push({ path: [], code: `yaml_${error.code.toLowerCase()}`, severity: "error", line: at.line, column: at.column, message: problem.message });
  }
  let data: unknown;
  if (issues.length === 0) {
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
          : `syntax error: ${message}`,
      });
    }
  }
  return { text, data, issues, locate: (path, options) => locateNode(document, path, options?.key ?? false, position) };
}

/** Offset of the first alias (*name) in the document, where the expansion starts. */
function firstAlias(document: Document): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function locateNode(document: Document, path: FieldPath, key: boolean, position: (offset: number) => Position): Position | undefined {
  let node: unknown = document.contents;
  let keyNode: unknown;
  let last: unknown = node;
  for (const segment of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
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

import { isMap, parseDocument } from "yaml";
import { formatPath, hasErrors, scenarioYamlTags, validateScenarioText, type Issue } from "../engine/index.js";
import { editScenarioText } from "../shared/scenario-edit.js";
import { applyEdits, SharedValueEdit, type InputChange } from "./apply-edits.js";
import { readCaseSheet } from "./case-sheet.js";
import { readWorkbook } from "./excel.js";
import { readAssumptions, type WorkbookProblem } from "./read-assumptions.js";
import { sheetNames } from "./sheet-names.js";
import { unpackedSizeProblem } from "./zip-parts.js";

export type { WorkbookProblem } from "./read-assumptions.js";
export type { InputChange } from "./apply-edits.js";

export type WorkbookImport =
  | {
      readonly ok: true;
      readonly text: string;
      readonly changes: readonly InputChange[];
      /** What the user should know beyond the changed inputs, in plain sentences (e.g. an unchecked hidden sheet). */
      readonly notices: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly WorkbookProblem[] };

const rangeParts = new Set(["low", "high", "value"]);

/** The leaf a validation issue is about, and which of its cells: `low`, `high`, or the number itself. */
function issueTarget(issue: Issue): { name: string; part: "low" | "high" | "likely" } {
  const path = [...issue.path];
  const last = String(path[path.length - 1]);
  if (rangeParts.has(last)) path.pop();
  return { name: formatPath(path), part: last === "low" || last === "high" ? last : "likely" };
}

/**
 * Reads an edited workbook back into scenario file text: the file stored in the workbook, with
 * the numbers and notes of the Assumptions sheet written into it. Any problem — a missing sheet,
 * text or a formula where a number belongs, an unknown row, a value the file does not allow —
 * comes back with its cell, and no text.
 *
 * With `current`, the scenario file as it is now, the import is a three-way merge against the file
 * as it was exported: only the inputs the workbook changed are written into `current`, so the
 * file's newer edits stay; an input changed in both since the export is a conflict, and no text.
 * @example const outcome = await importWorkbook(readFileSync("case.xlsx")); if (outcome.ok) writeFileSync("case.yaml", outcome.text)
 */
export async function importWorkbook(bytes: Uint8Array, current?: string): Promise<WorkbookImport> {
  // Before the spreadsheet library unpacks every part in memory: a zip bomb is refused by its sizes.
  const oversized = await unpackedSizeProblem(bytes);
  if (oversized) return { ok: false, problems: [{ message: oversized }] };
  let workbook: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    workbook = await readWorkbook(bytes);
  } catch {
    // The library's own words (about zip directories) would not help; say what the file should be.
    return {
      ok: false,
      problems: [{ message: "is not an Excel workbook (.xlsx); expected a workbook written by mlops-roi export (saved again as .xlsx after editing)" }],
    };
  }
  const assumptions = workbook.getWorksheet(sheetNames.assumptions);
  const stored = readCaseSheet(workbook);
  const problems: WorkbookProblem[] = [];
  if (!assumptions) problems.push({ message: `the sheet "${sheetNames.assumptions}" is missing; it holds the inputs to import (was it deleted or renamed?)` });
  if (!stored.ok) problems.push({ message: stored.problem });
  if (!assumptions || !stored.ok) return { ok: false, problems };

  const original = validateScenarioText(stored.text);
  if (!original.compiled || !original.file) {
    return {
      ok: false,
      problems: [{ cell: sheetNames.caseFile, message: "the scenario file stored in the workbook is damaged; export the scenario file again" }],
    };
  }
  const reading = readAssumptions(assumptions, original.compiled, original.file);
  if (reading.problems.length > 0) return { ok: false, problems: reading.problems };

  let applied: ReturnType<typeof applyEdits>;
  try {
    applied = applyEdits(stored.text, original.compiled, original.file, reading.edits);
  } catch (error) {
    if (!(error instanceof SharedValueEdit)) throw error;
    return { ok: false, problems: [{ cell: reading.cells.get(error.leaf)?.likely ?? sheetNames.assumptions, message: error.message }] };
  }
  const { changes } = applied;
  let text = applied.text;
  const notices: string[] = [];
  // The file to merge into must be a scenario file, and this workbook's case: a broken one is never
  // replaced (its edits since the export would be lost), nor another case's merged into.
  if (current !== undefined && current !== stored.text) {
    const refused = unmergeable(current) ?? (stored.state === "changed" ? undefined : anotherCase(current, stored.text));
    if (refused) return { ok: false, problems: [refused] };
  }
  const merging = current !== undefined && current !== stored.text;
  if (!merging && stored.state === "changed" && current !== stored.text) {
    // Everything but the Assumptions sheet's numbers and notes would come from this copy, unseen.
    return {
      ok: false,
      problems: [
        {
          cell: sheetNames.caseFile,
          message:
            `the hidden copy of the scenario file was changed after the export (its text no longer matches the SHA-256 export wrote in ${sheetNames.caseFile}!B5), ` +
            "so its title, labels or scenarios would be written with no cell showing them. Merge only the workbook's inputs into your own file " +
            "(mlops-roi import book.xlsx -o case.yaml --force), or export the scenario file again",
        },
      ],
    };
  }
  if (merging && stored.state === "changed") {
    notices.push(
      `the workbook's hidden copy of the scenario file (sheet ${sheetNames.caseFile}) was changed after the export; only the inputs on the ${sheetNames.assumptions} sheet were merged into the file, nothing else from that copy`,
    );
  }
  if (!merging && stored.state === "unchecked") {
    notices.push(
      `this workbook comes from an earlier version of mlops-roi that did not record a digest of its hidden copy of the scenario file, so a change to its title, labels or scenarios cannot be detected: compare the written file with yours`,
    );
  }
  if (merging && current !== undefined) {
    const merged = mergeInto(current, stored.text, applied.text, applied.inputs, original.compiled.leaves, reading.cells);
    if (!merged.ok) return merged;
    text = applied.writes.length === 0 ? current : editScenarioText(current, applied.writes);
  }
  const rebuilt = validateScenarioText(text);
  if (hasErrors(rebuilt.issues)) {
    const names = new Map(original.compiled.leaves.map((leaf, index) => [leaf.name, index]));
    // A problem the file merged into had before the merge (a misspelt field of its own) is that file's, at its line.
    const own = merging && current !== undefined ? validateScenarioText(current).issues.filter((issue) => issue.severity === "error") : [];
    const problemOf = (issue: Issue): WorkbookProblem => {
      const before = own.find((earlier) => earlier.message === issue.message && same(earlier.path, issue.path));
      if (before) return { message: issue.message, inScenarioFile: { line: before.line ?? 1, column: before.column ?? 1 } };
      const target = issueTarget(issue);
      const leaf = names.get(target.name);
      const cells = leaf === undefined ? undefined : reading.cells.get(leaf);
      if (leaf === undefined || !cells) return { message: `after the workbook's changes, ${formatPath(issue.path)}: ${issue.message}` };
      // The engine's message names the field and the value, e.g. "discountRate.value is -3; allowed: ...".
      return { cell: cells[target.part], message: issue.message };
    };
    return { ok: false, problems: rebuilt.issues.filter((issue) => issue.severity === "error").map(problemOf) };
  }
  return { ok: true, text, changes, notices };
}

const NOT_REPLACED =
  "it is not replaced, so the edits made to it since the export stay, and nothing was written: fix it and import again, or import to a new file (-o new.yaml)";

/**
 * Why the scenario file to merge into cannot be merged into, with its line and column: a YAML
 * syntax error, an empty file, or one whose top level is not a map of fields. Such a file is not
 * replaced either: whatever the user wrote in it since the export would be lost.
 */
function unmergeable(text: string): WorkbookProblem | undefined {
  const document = parseDocument(text, { customTags: scenarioYamlTags });
  const error = document.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    // The library's message, without its own " at line 4, column 3:" and the quoted lines after it.
    const what = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    return {
      inScenarioFile: at ? { line: at.line, column: at.col, whole: true } : { whole: true },
      message: `${what}: the file does not parse as YAML, so the workbook's changes cannot be merged into it; ${NOT_REPLACED}`,
    };
  }
  if (document.contents === null)
    return {
      inScenarioFile: { line: 1, column: 1, whole: true },
      message: `the file is empty (or holds only comments), so there is nothing to merge the workbook's changes into; ${NOT_REPLACED}`,
    };
  if (!isMap(document.contents)) {
    const { line, col } = linePosition(text, document.contents.range?.[0] ?? 0);
    return {
      inScenarioFile: { line, column: col, whole: true },
      message: `the file is not a scenario file (its top level is not a map of fields such as title: and scenarios:), so the workbook's changes cannot be merged into it; ${NOT_REPLACED}`,
    };
  }
  return undefined;
}

/** 1-based line and column of a character offset. */
function linePosition(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** The title and scenario names a case is known by. */
function identityOf(text: string): { title: string; scenarios: string[] } {
  const data = parseDocument(text, { customTags: scenarioYamlTags }).toJS() as Record<string, unknown> | null;
  const scenarios = data?.scenarios;
  return {
    title: typeof data?.title === "string" ? data.title : "",
    scenarios: typeof scenarios === "object" && scenarios !== null && !Array.isArray(scenarios) ? Object.keys(scenarios) : [],
  };
}

/**
 * Whether the scenario file to merge into is another case than the one the workbook was exported
 * from: a different title and different scenario names both. Its inputs would be written into a case
 * they were never about, without a word. Only one of them changed is an edit made to the file since
 * the export (a new title, an option added or renamed), which the merge keeps.
 */
function anotherCase(current: string, exported: string): WorkbookProblem | undefined {
  const file = identityOf(current);
  const workbook = identityOf(exported);
  const sameScenarios = file.scenarios.length === workbook.scenarios.length && file.scenarios.every((name) => workbook.scenarios.includes(name));
  if (file.title === workbook.title || sameScenarios) return undefined;
  const shown = (identity: { title: string; scenarios: string[] }) =>
    `"${identity.title}" (scenarios ${identity.scenarios.map((name) => `"${name}"`).join(", ") || "none"})`;
  return {
    inScenarioFile: { whole: true },
    message:
      `this is not the case the workbook was exported from: the workbook holds ${shown(workbook)}, the file ${shown(file)}, ` +
      "so merging would write one case's inputs into another; nothing was written. Import to a new file (-o new.yaml) to get the workbook's case, " +
      "or give -o the file the workbook was exported from",
  };
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return node;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * An input's value as the file writes it, in words: 0.08, "20 to 40", with its note after it.
 * @example shown({ value: 0.08, note: "ask finance" }) // '0.08, note: "ask finance"'
 */
function shown(value: unknown): string {
  if (value === undefined) return "nothing (not in the file)";
  if (typeof value !== "object" || value === null || Array.isArray(value)) return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const parts = [
    ...("value" in record ? [JSON.stringify(record.value)] : []),
    ...("low" in record || "high" in record ? [`${JSON.stringify(record.low)} to ${JSON.stringify(record.high)}`] : []),
    ...("note" in record ? [`note: ${JSON.stringify(record.note)}`] : []),
    ...Object.entries(record)
      .filter(([key]) => !["value", "low", "high", "note"].includes(key))
      .map(([key, entry]) => `${key}: ${JSON.stringify(entry)}`),
  ];
  return parts.length === 0 ? "nothing" : parts.join(", ");
}

/** The three values with what they share left out: `11, 12, 15` rather than three notes that agree. */
function shownApart(values: readonly unknown[]): string[] {
  const maps = values.every((value) => typeof value === "object" && value !== null && !Array.isArray(value));
  if (!maps) return values.map(shown);
  const records = values as Record<string, unknown>[];
  const keys = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const differing = keys.filter((key) => !records.every((record) => same(record[key], records[0]![key])));
  return records.map((record) => {
    if (differing.length === 1 && differing[0] === "value") return shown(record.value);
    return shown(Object.fromEntries(differing.filter((key) => key in record).map((key) => [key, record[key]])));
  });
}

/**
 * The conflicts of a three-way merge: an input the workbook changed that the file also changed,
 * differently, since the export. `exported` is the text stored in the workbook, `imported` that
 * text with the workbook's changes.
 */
function mergeInto(
  current: string,
  exported: string,
  imported: string,
  inputs: readonly { leaf: number; path: readonly (string | number)[] }[],
  leaves: readonly { name: string }[],
  cells: ReadonlyMap<number, { likely?: string }>,
): { ok: true } | { ok: false; problems: WorkbookProblem[] } {
  // Tagged numbers read as the scenario file's validation reads them (`!!float 60` is 60, not "60").
  const read = (text: string) => parseDocument(text, { customTags: scenarioYamlTags });
  const now = read(current);
  if (now.errors.length > 0) {
    return {
      ok: false,
      problems: [{ message: "the scenario file to write does not parse, so the workbook's changes cannot be merged into it; fix it or write elsewhere" }],
    };
  }
  const fileData = now.toJS();
  const exportedData = read(exported).toJS();
  const importedData = read(imported).toJS();
  const problems: WorkbookProblem[] = [];
  for (const input of inputs) {
    const base = valueAt(exportedData, input.path);
    const file = valueAt(fileData, input.path);
    const workbook = valueAt(importedData, input.path);
    if (same(base, file) || same(file, workbook)) continue;
    const cell = cells.get(input.leaf)?.likely;
    const [was, has, wants] = shownApart([base, file, workbook]);
    problems.push({
      ...(cell ? { cell } : {}),
      message: `${leaves[input.leaf]!.name} changed in both the scenario file and the workbook since the export: exported ${was}, the file has ${has}, the workbook ${wants}`,
    });
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

import { formatPath, hasErrors, validateScenarioText, type Issue } from "../engine/index.js";
import { applyEdits, type InputChange } from "./apply-edits.js";
import { readCaseSheet } from "./case-sheet.js";
import { readWorkbook } from "./excel.js";
import { readAssumptions, type WorkbookProblem } from "./read-assumptions.js";
import { sheetNames } from "./sheet-names.js";

export type { WorkbookProblem } from "./read-assumptions.js";
export type { InputChange } from "./apply-edits.js";

export type WorkbookImport =
  | { readonly ok: true; readonly text: string; readonly changes: readonly InputChange[] }
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
 * @example const outcome = await importWorkbook(readFileSync("case.xlsx")); if (outcome.ok) writeFileSync("case.yaml", outcome.text)
 */
export async function importWorkbook(bytes: Uint8Array): Promise<WorkbookImport> {
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

  const { text, changes } = applyEdits(stored.text, original.compiled, original.file, reading.edits);
  const rebuilt = validateScenarioText(text);
  if (hasErrors(rebuilt.issues)) {
    const names = new Map(original.compiled.leaves.map((leaf, index) => [leaf.name, index]));
    const problemOf = (issue: Issue): WorkbookProblem => {
      const target = issueTarget(issue);
      const leaf = names.get(target.name);
      const cells = leaf === undefined ? undefined : reading.cells.get(leaf);
      if (leaf === undefined || !cells) return { message: `after the workbook's changes, ${formatPath(issue.path)}: ${issue.message}` };
      // The engine's message names the field and the value, e.g. "discountRate.value is -3; allowed: ...".
      return { cell: cells[target.part], message: issue.message };
    };
    return { ok: false, problems: rebuilt.issues.filter((issue) => issue.severity === "error").map(problemOf) };
  }
  return { ok: true, text, changes };
}

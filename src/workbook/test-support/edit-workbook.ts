import { assumptionHeaders, type AssumptionColumn } from "../assumptions-sheet.js";
import { readWorkbook, workbookBytes, type Workbook, type Worksheet } from "../excel.js";
import { exportWorkbook } from "../export-workbook.js";
import { sheetNames } from "../sheet-names.js";
import { loadCase, workbookCases } from "./cases.js";

/** The exported workbook of a case from workbookCases(), by file name. */
export async function exportedCase(name: string): Promise<{ bytes: Uint8Array; text: string }> {
  const entry = workbookCases().find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no case ${name}`);
  const source = loadCase(entry.path);
  return { bytes: await exportWorkbook(source), text: source.text };
}

/** The column of an Assumptions header, as the sheet writes it. */
export function assumptionColumn(worksheet: Worksheet, name: AssumptionColumn): number {
  for (let row = 1; row <= 30; row++) {
    for (let column = 1; column <= 20; column++) if (worksheet.getCell(row, column).value === assumptionHeaders[name]) return column;
  }
  throw new Error(`no column ${name}`);
}

/** The Assumptions row of an input, by its place in the scenario file. */
export function assumptionRow(worksheet: Worksheet, path: string): number {
  const column = assumptionColumn(worksheet, "path");
  for (let row = 1; row <= worksheet.rowCount; row++) if (worksheet.getCell(row, column).value === path) return row;
  throw new Error(`no row for ${path}`);
}

/**
 * Opens a workbook, lets a test change it as a person would in Excel, and saves it again.
 * @example await edited(bytes, (workbook, cell) => { cell("defaults.team.people", "likely").value = 2; })
 */
export async function edited(
  bytes: Uint8Array,
  change: (workbook: Workbook, cell: (path: string, column: AssumptionColumn) => ReturnType<Worksheet["getCell"]>) => void,
): Promise<Uint8Array> {
  const workbook = await readWorkbook(bytes);
  const assumptions = workbook.getWorksheet(sheetNames.assumptions);
  change(workbook, (path, column) => {
    if (!assumptions) throw new Error("no Assumptions sheet");
    return assumptions.getCell(assumptionRow(assumptions, path), assumptionColumn(assumptions, column));
  });
  return workbookBytes(workbook);
}

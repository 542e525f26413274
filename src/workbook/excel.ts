/**
 * Our only door to exceljs: the rest of the workbook code uses these few functions and types, so
 * the library can be swapped without touching the sheets.
 */
import ExcelJS from "exceljs";

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type Cell = ExcelJS.Cell;
export type CellStyle = Partial<ExcelJS.Style>;
export type CellValue = ExcelJS.CellValue;

/** A new, empty workbook that asks spreadsheet programs to recompute every formula when opened. */
export function createWorkbook(): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "mlops-roi";
  workbook.calcProperties.fullCalcOnLoad = true;
  return workbook;
}

/**
 * The .xlsx bytes of a workbook. Compressed at the fastest level: the sheets are mostly formulas
 * that repeat, so the file is a tenth to a sixth larger than at the default level, for less than half
 * the time (the compressor runs in JavaScript, and a large case's sheets are tens of MB of XML).
 * `"store"` leaves every part uncompressed, for `replaceParts` (zip-parts.ts) to compress.
 */
export async function workbookBytes(workbook: Workbook, compression: "deflate" | "store" = "deflate"): Promise<Uint8Array> {
  const zip = compression === "store" ? { compression: "STORE" } : { compression: "DEFLATE", compressionOptions: { level: 1 } };
  const buffer = await workbook.xlsx.writeBuffer({ zip } as Partial<ExcelJS.XlsxWriteOptions>);
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * Reads .xlsx bytes; throws the library's error when they are not a workbook.
 * @example const workbook = await readWorkbook(readFileSync("case.xlsx"))
 */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's load() is typed for Node's Buffer; it reads the bytes with JSZip, which takes a
  // Uint8Array as it is (in Node and in a browser, where there is no Buffer).
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Where a worksheet's XML sits in the .xlsx file (exceljs names it by the sheet's id). */
export function worksheetPath(worksheet: Worksheet): string {
  return `xl/worksheets/sheet${worksheet.id}.xml`;
}

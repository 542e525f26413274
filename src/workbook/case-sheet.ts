import type { CellValue, Workbook, Worksheet } from "./excel.js";
import { sha256Hex } from "./sha256.js";
import { sheetNames } from "./sheet-names.js";
import { styled } from "./styles.js";

const MARKER = "mlops-roi scenario file";
const FORMAT_VERSION = 1;
const DIGEST_ROW = 5;
const FIRST_LINE_ROW = 6;
/** A cell holds at most 32,767 characters; longer lines continue in the next columns. */
const CHUNK = 32_000;

/**
 * Stores the scenario file's text, line by line, on a hidden sheet, so import can rebuild the file
 * with its comments, labels, release months and structure, and change only the numbers and notes.
 */
export function writeCaseSheet(worksheet: Worksheet, text: string): void {
  const lines = text.split(/\r?\n/);
  worksheet.getCell(1, 1).value = MARKER;
  worksheet.getCell(1, 2).value = FORMAT_VERSION;
  worksheet.getCell(2, 1).value = "line endings";
  worksheet.getCell(2, 2).value = text.includes("\r\n") ? "crlf" : "lf";
  worksheet.getCell(3, 1).value = "lines";
  worksheet.getCell(3, 2).value = lines.length;
  worksheet.getCell(4, 1).value =
    "The scenario file this workbook was made from. mlops-roi import rebuilds it from here and the Assumptions sheet: do not edit.";
  worksheet.getCell(4, 1).style = styled("subtitle");
  // What import checks the lines against: a change made to them after the export is then seen, and
  // the title, labels or scenarios it would bring in are not written without the user's knowing.
  worksheet.getCell(DIGEST_ROW, 1).value = "SHA-256 of the text";
  worksheet.getCell(DIGEST_ROW, 2).value = sha256Hex(text);
  lines.forEach((line, index) => {
    const row = worksheet.getRow(FIRST_LINE_ROW + index);
    if (line.length === 0) return;
    for (let start = 0, column = 1; start < line.length; start += CHUNK, column++) row.getCell(column).value = line.slice(start, start + CHUNK);
  });
  worksheet.getColumn(1).width = 100;
}

function textOf(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && "richText" in value) return value.richText.map((part) => part.text).join("");
  return "";
}

/**
 * `intact`: the lines are the ones export wrote (their SHA-256 matches the one stored beside them);
 * `changed`: they were edited since; `unchecked`: a workbook from before the digest was stored.
 */
export type CaseTextState = "intact" | "changed" | "unchecked";

export type CaseText = { ok: true; text: string; state: CaseTextState } | { ok: false; problem: string };

/** Reads the scenario file's text back from the hidden sheet, or says what is wrong with it. */
export function readCaseSheet(workbook: Workbook): CaseText {
  const worksheet = workbook.getWorksheet(sheetNames.caseFile);
  if (!worksheet) {
    return {
      ok: false,
      problem: `the hidden sheet "${sheetNames.caseFile}" is missing: this workbook was not made by mlops-roi export, or the sheet was deleted; export the scenario file again`,
    };
  }
  if (textOf(worksheet.getCell(1, 1).value) !== MARKER) {
    return { ok: false, problem: `${sheetNames.caseFile}!A1 should read "${MARKER}": the hidden sheet was changed; export the scenario file again` };
  }
  const version = worksheet.getCell(1, 2).value;
  if (version !== FORMAT_VERSION) {
    return {
      ok: false,
      problem: `${sheetNames.caseFile}!B1: this workbook's format is ${textOf(version) || "unknown"}; this version of mlops-roi reads format ${FORMAT_VERSION}`,
    };
  }
  const count = worksheet.getCell(3, 2).value;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
    return { ok: false, problem: `${sheetNames.caseFile}!B3: the number of lines is missing; the hidden sheet was changed` };
  }
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    const row = worksheet.getRow(FIRST_LINE_ROW + index);
    let line = "";
    for (let column = 1; ; column++) {
      const part = textOf(row.getCell(column).value);
      line += part;
      if (part.length < CHUNK) break;
    }
    lines.push(line);
  }
  const ending = textOf(worksheet.getCell(2, 2).value) === "crlf" ? "\r\n" : "\n";
  const text = lines.join(ending);
  const digest = textOf(worksheet.getCell(DIGEST_ROW, 2).value);
  const state: CaseTextState = digest === "" ? "unchecked" : digest === sha256Hex(text) ? "intact" : "changed";
  return { ok: true, text, state };
}

import { atom, type Expr, type FormulaValue, type RangeRef } from "./formula.js";

/** A cell the workbook has written, with the value it holds (cached or typed). */
export interface PlacedCell {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly value: FormulaValue;
}

/**
 * The letters of a 1-based column number.
 * @example columnLetters(28) // "AB"
 */
export function columnLetters(column: number): string {
  let letters = columnLetterCache[column];
  if (letters === undefined) {
    letters = "";
    for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
    // A workbook's formulas name the same few hundred columns hundreds of thousands of times.
    if (Number.isInteger(column) && column > 0 && column <= MAX_CACHED_COLUMN) columnLetterCache[column] = letters;
  }
  return letters;
}

/** Excel's last column (XFD). */
const MAX_CACHED_COLUMN = 16_384;
const columnLetterCache: string[] = [];

/** @example cellAddress(3, 2) // "B3" ; cellAddress(3, 2, true) // "$B$3" */
export function cellAddress(row: number, column: number, absolute = false): string {
  return absolute ? `$${columnLetters(column)}$${row}` : `${columnLetters(column)}${row}`;
}

/** A sheet name as formulas write it: quoted when it holds anything but letters, digits and _. */
export function sheetPrefix(sheet: string): string {
  let prefix = sheetPrefixes.get(sheet);
  if (prefix === undefined) {
    prefix = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replaceAll("'", "''")}'!`;
    sheetPrefixes.set(sheet, prefix);
  }
  return prefix;
}

/** A workbook has a handful of sheets, each named in hundreds of thousands of references. */
const sheetPrefixes = new Map<string, string>();

/** Where a cell is, as a person names it: `Assumptions!B14`. */
export function cellName(cell: { sheet: string; row: number; column: number }): string {
  return `${cell.sheet}!${cellAddress(cell.row, cell.column)}`;
}

/**
 * A reference to a placed cell from a formula on sheet `from`; other sheets are named and
 * referenced absolutely (so a copied formula still points at the input).
 */
export function refTo(cell: PlacedCell, from: string): Expr {
  const local = cell.sheet === from;
  return atom(local ? cellAddress(cell.row, cell.column) : `${sheetPrefix(cell.sheet)}${cellAddress(cell.row, cell.column, true)}`, cell.value);
}

/** A range over placed cells that lie in one row or one column, in order. */
export function rangeTo(cells: readonly PlacedCell[], from: string): RangeRef {
  const first = cells[0];
  const last = cells[cells.length - 1];
  if (!first || !last) throw new Error("a range needs at least one cell");
  const prefix = first.sheet === from ? "" : sheetPrefix(first.sheet);
  const text =
    cells.length === 1
      ? `${prefix}${cellAddress(first.row, first.column)}`
      : `${prefix}${cellAddress(first.row, first.column)}:${cellAddress(last.row, last.column)}`;
  return { text, values: cells.map((cell) => cell.value) };
}

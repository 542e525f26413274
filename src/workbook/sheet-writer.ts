import { cellName, rangeTo, refTo, type PlacedCell } from "./cell-address.js";
import type { CellStyle, Worksheet } from "./excel.js";
import type { Expr, FormulaValue, RangeRef } from "./formula.js";
import { ownStyle } from "./styles.js";

/**
 * A formula cell whose value the engine also knows: the workbook caches the engine's value, and a
 * test holds it against what the formula computes.
 */
export interface FormulaCheck {
  readonly cell: string;
  readonly formula: string;
  /** What the formula computes (in JavaScript, with the same operations as the spreadsheet). */
  readonly computed: FormulaValue;
  /** What the engine computed for this cell. */
  readonly engine: number | string;
}

/**
 * Writes one sheet: typed values, text and formulas with their cached results. Every formula cell
 * gets a result so that viewers that never recalculate still show numbers.
 */
export class SheetWriter {
  readonly name: string;

  constructor(
    readonly worksheet: Worksheet,
    private readonly checks: FormulaCheck[],
  ) {
    this.name = worksheet.name;
  }

  text(row: number, column: number, text: string, style?: CellStyle): void {
    const cell = this.worksheet.getCell(row, column);
    cell.value = text;
    if (style) cell.style = style;
  }

  /** An empty cell with a style (an input left open). */
  blank(row: number, column: number, style: CellStyle): void {
    const cell = this.worksheet.getCell(row, column);
    cell.value = null;
    cell.style = style;
  }

  /** A typed number (an input or a value fixed by the file's structure). */
  number(row: number, column: number, value: number, style?: CellStyle): PlacedCell {
    const cell = this.worksheet.getCell(row, column);
    cell.value = value;
    if (style) cell.style = style;
    return { sheet: this.name, row, column, value };
  }

  /**
   * A formula; `engine` is the engine's value for this cell when it has one, and is what the file
   * caches (the formula's own value otherwise).
   */
  formula(row: number, column: number, expr: Expr, style?: CellStyle, engine?: number | string): PlacedCell {
    const cell = this.worksheet.getCell(row, column);
    const cached = engine ?? expr.value;
    cell.value = { formula: expr.text, result: cached };
    if (style) cell.style = style;
    const placed = { sheet: this.name, row, column, value: expr.value };
    if (engine !== undefined) this.checks.push({ cell: cellName(placed), formula: expr.text, computed: expr.value, engine });
    return placed;
  }

  ref(cell: PlacedCell): Expr {
    return refTo(cell, this.name);
  }

  range(cells: readonly PlacedCell[]): RangeRef {
    return rangeTo(cells, this.name);
  }

  /** Makes a row tall enough for its wrapped text (spreadsheets do not grow rows a file sets). */
  fitRowHeight(row: number): void {
    let lines = 1;
    this.worksheet.getRow(row).eachCell((cell, column) => {
      if (typeof cell.value !== "string" || !cell.alignment?.wrapText) return;
      const width = this.worksheet.getColumn(column).width ?? 10;
      const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
      lines = Math.max(lines, Math.ceil(cell.value.length / perLine));
    });
    if (lines === 1) return;
    this.worksheet.getRow(row).height = 15 * lines + 2;
    this.worksheet.getRow(row).eachCell((cell) => {
      ownStyle(cell).alignment = { ...cell.alignment, vertical: "top" };
    });
  }

  widths(widths: readonly number[]): void {
    widths.forEach((width, index) => {
      this.worksheet.getColumn(index + 1).width = width;
    });
  }
}

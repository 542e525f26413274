import { cellName, rangeTo, refTo, type PlacedCell } from "./cell-address.js";
import type { CellStyle, Worksheet } from "./excel.js";
import { roundedTo, roundTo, type Expr, type FormulaValue, type RangeRef } from "./formula.js";
import { ownStyle, shownLength } from "./styles.js";

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
 * The text as one piece in memory. A formula's text is joined from its parts, which the JavaScript
 * engine keeps as a tree of those parts (tens of small objects) until the text is read; reading it
 * with a regular expression lays it out flat once, so a cell holds one string, not the tree (a
 * large case has hundreds of thousands of formulas, which the workbook reads only when written).
 */
export function flat(text: string): string {
  anyCharacter.test(text);
  return text;
}

const anyCharacter = /^[\s\S]/;

/**
 * Writes one sheet: typed values, text and formulas with their cached results. Every formula cell
 * gets a result so that viewers that never recalculate still show numbers.
 */
export class SheetWriter {
  readonly name: string;
  /**
   * References to cells of other sheets, made once each: a month sheet reads the same inputs in
   * every month (hundreds of thousands of references to a few hundred cells). An Expr never changes,
   * so one can stand in many formulas.
   */
  private readonly otherSheetRefs = new Map<PlacedCell, Expr>();

  /** Per column, the most characters a number written in it shows (see `fitNumbers`). */
  private readonly widestNumber = new Map<number, number>();
  /** Per row, the text in column A, and the rows with something in column B (see `fitLabels`). */
  private readonly labels = new Map<number, string>();
  private readonly besideLabel = new Set<number>();

  /** `checks`: where to keep the formula checks; undefined keeps none (an export that only writes the file). */
  constructor(
    readonly worksheet: Worksheet,
    private readonly checks: FormulaCheck[] | undefined,
  ) {
    this.name = worksheet.name;
  }

  /** The cell at a row and column, through its row (the worksheet's getCell works out an address object first). */
  private cell(row: number, column: number) {
    return this.worksheet.getRow(row).getCell(column);
  }

  /** Where every value goes: a cell of the worksheet (a streamed sheet keeps its own rows instead). */
  protected put(row: number, column: number, value: string | number | null, style: CellStyle | undefined): void {
    const cell = this.cell(row, column);
    cell.value = value;
    if (style) cell.style = style;
  }

  /** Where every formula goes, with the value the file caches. */
  protected putFormula(row: number, column: number, formula: string, result: FormulaValue, style: CellStyle | undefined): void {
    const cell = this.cell(row, column);
    cell.value = { formula: flat(formula), result };
    if (style) cell.style = style;
  }

  /** Text; an empty text is a blank cell, with the style when given (a band of fill, a header's corner). */
  text(row: number, column: number, text: string, style?: CellStyle): void {
    this.put(row, column, text === "" ? null : text, style);
    if (column === 1) this.labels.set(row, text);
    else if (column === 2 && text !== "") this.besideLabel.add(row);
  }

  /** Notes how wide a number of a cell shows, and that column B of its row is taken. */
  private noteNumber(row: number, column: number, value: FormulaValue, style: CellStyle | undefined): void {
    if (column === 2) this.besideLabel.add(row);
    if (typeof value !== "number" || !Number.isFinite(value)) return;
    const length = shownLength(value, style?.numFmt);
    if (length > (this.widestNumber.get(column) ?? 0)) this.widestNumber.set(column, length);
  }

  /**
   * Widens every column from `first` on to the longest number written in it as its format shows it,
   * so that none shows "###" (a column set wider keeps its width). A tenth more and two characters
   * more than the digits: a bold figure is wider, and a cell has its margins.
   */
  fitNumbers(first: number): void {
    for (const [column, length] of this.widestNumber) {
      if (column < first) continue;
      const sheetColumn = this.worksheet.getColumn(column);
      const width = Math.ceil(length * 1.1) + 2;
      if ((sheetColumn.width ?? 0) < width) sheetColumn.width = width;
    }
  }

  /**
   * Widens column A to its longest text that has something beside it in column B (a unit, a value),
   * which would cut it off; a title with nothing to its right runs on over the empty cells. At most
   * `widest` wide: a longer label (written with a wrapping style, see `wrapping`) runs over several
   * lines, its row made tall enough for them.
   */
  fitLabels(widest = Number.POSITIVE_INFINITY): void {
    let longest = 0;
    for (const row of this.besideLabel) longest = Math.max(longest, this.labels.get(row)?.length ?? 0);
    const column = this.worksheet.getColumn(1);
    const width = Math.min(longest + 2, widest);
    if ((column.width ?? 0) < width) column.width = width;
    const shown = column.width ?? width;
    for (const row of this.besideLabel) {
      const label = this.labels.get(row) ?? "";
      if (label.length + 2 > shown) this.setRowHeight(row, 15 * wrappedLines(label, shown) + 2);
    }
  }

  /** A row's height, in points. */
  protected setRowHeight(row: number, height: number): void {
    this.worksheet.getRow(row).height = height;
  }

  /** An empty cell with a style (an input left open). */
  blank(row: number, column: number, style: CellStyle): void {
    this.put(row, column, null, style);
  }

  /** A typed number (an input or a value fixed by the file's structure). */
  number(row: number, column: number, value: number, style?: CellStyle): PlacedCell {
    this.put(row, column, value, style);
    this.noteNumber(row, column, value, style);
    return { sheet: this.name, row, column, value };
  }

  /**
   * A formula; `engine` is the engine's value for this cell when it has one, and is what the file
   * caches (the formula's own value otherwise).
   */
  formula(row: number, column: number, expr: Expr, style?: CellStyle, engine?: number | string): PlacedCell {
    this.putFormula(row, column, expr.text, engine ?? expr.value, style);
    this.noteNumber(row, column, engine ?? expr.value, style);
    const placed = { sheet: this.name, row, column, value: expr.value };
    if (engine !== undefined && this.checks) this.checks.push({ cell: cellName(placed), formula: expr.text, computed: expr.value, engine });
    return placed;
  }

  /**
   * A money formula whose terms may cancel out (a category of the benefit, the total of work in
   * progress), rounded to a millionth of a unit, formula and cached value alike: the residue of
   * cancelling doubles (about 1e-10) shows as 0, not as a red "-€0".
   */
  settledFormula(row: number, column: number, expr: Expr, style: CellStyle, engine: number | undefined): PlacedCell {
    return this.formula(row, column, roundTo(expr, 6), style, engine === undefined ? undefined : roundedTo(engine, 6));
  }

  ref(cell: PlacedCell): Expr {
    if (cell.sheet === this.name) return refTo(cell, this.name);
    let expr = this.otherSheetRefs.get(cell);
    if (expr === undefined) {
      expr = refTo(cell, this.name);
      this.otherSheetRefs.set(cell, expr);
    }
    return expr;
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
      lines = Math.max(lines, Math.ceil(cell.value.length / charactersPerLine(width)));
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

/** About how many characters of text a line of a column `width` wide holds. */
function charactersPerLine(width: number): number {
  return Math.max(1, Math.floor(width * 1.1) - 1);
}

/**
 * The lines a text takes wrapped in a column `width` wide, word by word as a spreadsheet breaks it
 * (a count of characters alone undercounts: a word that does not fit starts the next line).
 * @example wrappedLines("a short label", 60) // 1 ; wrappedLines("word ".repeat(30), 60) // 3
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = charactersPerLine(width);
  let lines = 1;
  let used = 0;
  for (const word of text.trim().split(/\s+/)) {
    const length = word.length;
    if (used === 0) used = length;
    else if (used + 1 + length <= perLine) used += 1 + length;
    else {
      lines += 1;
      used = length;
    }
    while (used > perLine) {
      lines += 1;
      used -= perLine;
    }
  }
  return lines;
}

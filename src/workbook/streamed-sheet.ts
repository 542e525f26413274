import { cellAddress, columnLetters } from "./cell-address.js";
import type { CellStyle } from "./excel.js";
import type { FormulaValue } from "./formula.js";
import { flat, SheetWriter } from "./sheet-writer.js";

/**
 * A sheet whose cells are written as the file's XML as they come, not kept as the spreadsheet
 * library's cell objects: the month-by-month sheets (Simulation, Comparison). Those of a long case
 * with many options hold hundreds of thousands of formulas: as library cells they took most of the
 * export's memory (about 450 MB for 10 options over 240 months) and most of its time, which went into
 * turning them into XML at the end.
 *
 * The library still writes the sheet's frame (column widths, frozen panes, page setup) and one cell
 * of each style the sheet uses, which makes it number that style in the file's style table;
 * `spliceRows` then puts every row in place of the library's (see `exportWorkbook`).
 */
export class StreamedSheetWriter extends SheetWriter {
  /**
   * Each row's cells as XML, by column, less the opening `<c r="…" s="…"`: the style's number in the
   * file is known only once the library has written its style table.
   */
  private readonly rows: (string[] | undefined)[] = [];
  /** Each row's cells' style tokens, by column (-1: no style). */
  private readonly rowStyles: (number[] | undefined)[] = [];
  /** Rows given a height of their own (a wrapped label's), in points. */
  private readonly heights = new Map<number, number>();
  /** Each style this sheet uses, by identity (styles are shared objects, see `styled`), and its token. */
  private readonly styleTokens = new Map<CellStyle, number>();

  /**
   * The token of a cell's style. The first use of a style also gives the library a cell of that
   * style, in the first column: its rows are replaced by this sheet's own, and only the style's
   * number is read back.
   */
  private styleToken(style: CellStyle | undefined): number {
    if (!style) return -1;
    let token = this.styleTokens.get(style);
    if (token === undefined) {
      token = this.styleTokens.size;
      this.styleTokens.set(style, token);
      super.put(token + 1, STYLE_COLUMN, 0, style);
    }
    return token;
  }

  private set(row: number, column: number, token: number, xml: string): void {
    let cells = this.rows[row];
    let styles = this.rowStyles[row];
    if (cells === undefined || styles === undefined) {
      cells = [];
      styles = [];
      this.rows[row] = cells;
      this.rowStyles[row] = styles;
    }
    // Flat: a cell's XML is joined from a dozen pieces, which would otherwise stay as a tree of them
    // (three times the memory, for a sheet of hundreds of thousands of cells).
    cells[column] = flat(xml);
    styles[column] = token;
  }

  /** Not for a streamed sheet: the library, which would measure the row, does not hold its cells. */
  override fitRowHeight(row: number): void {
    throw new Error(`the ${this.name} sheet is streamed: row ${row}'s height cannot be fitted to cells the library does not hold`);
  }

  protected override setRowHeight(row: number, height: number): void {
    this.heights.set(row, height);
  }

  protected override put(row: number, column: number, value: string | number | null, style: CellStyle | undefined): void {
    const token = this.styleToken(style);
    if (value === null) {
      // The library leaves out an empty cell without a style.
      if (token < 0) {
        delete this.rows[row]?.[column];
        return;
      }
      this.set(row, column, token, "/>");
    } else if (typeof value === "number") this.set(row, column, token, `><v>${value}</v></c>`);
    else this.set(row, column, token, ` t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`);
  }

  protected override putFormula(row: number, column: number, formula: string, result: FormulaValue, style: CellStyle | undefined): void {
    const token = this.styleToken(style);
    const f = `<f>${escapeXml(formula)}</f>`;
    this.set(
      row,
      column,
      token,
      typeof result === "number"
        ? `>${f}<v>${result}</v></c>`
        : typeof result === "boolean"
          ? ` t="b">${f}<v>${result ? 1 : 0}</v></c>`
          : ` t="str">${f}<v>${escapeXml(result)}</v></c>`,
    );
  }

  /**
   * The sheet's XML as the library wrote it, with every row of this sheet in place of the library's
   * few, and the used range widened to match; in pieces, a row at a time, each row let go once given.
   * Each style's number is read from the cell the library wrote with it.
   */
  *spliceRows(libraryXml: string): Generator<string> {
    const styleOf = new Map<string, string>();
    for (const match of libraryXml.matchAll(/<c r="([A-Z]+\d+)"( s="\d+")?/g)) styleOf.set(match[1]!, match[2] ?? "");
    const styles = Array.from(this.styleTokens.values(), (token) => {
      const attribute = styleOf.get(cellAddress(token + 1, STYLE_COLUMN));
      if (attribute === undefined) throw new Error(`the ${this.name} sheet as written lacks the cell that gives style ${token} its number`);
      return attribute;
    });
    const sheetData = /<sheetData\/>|<sheetData>[\s\S]*<\/sheetData>/.exec(libraryXml);
    if (!sheetData) throw new Error(`the ${this.name} sheet as written has no sheetData`);
    yield libraryXml.slice(0, sheetData.index).replace(/<dimension ref="[^"]*"\/>/, () => {
      const range = this.usedRange();
      return range ? `<dimension ref="${range}"/>` : "";
    });
    yield "<sheetData>";
    for (let row = 1; row < this.rows.length; row++) {
      const cells = this.rows[row];
      const tokens = this.rowStyles[row];
      if (cells === undefined || tokens === undefined) continue;
      const height = this.heights.get(row);
      let xml = height === undefined ? `<row r="${row}">` : `<row r="${row}" ht="${height}" customHeight="1">`;
      let any = false;
      for (let column = 1; column < cells.length; column++) {
        const cell = cells[column];
        if (cell === undefined) continue;
        const token = tokens[column]!;
        xml += `<c r="${columnLetters(column)}${row}"${token < 0 ? "" : styles[token]}${cell}`;
        any = true;
      }
      this.rows[row] = undefined;
      this.rowStyles[row] = undefined;
      if (any) yield `${xml}</row>`;
    }
    yield "</sheetData>";
    yield libraryXml.slice(sheetData.index + sheetData[0].length);
  }

  /** The range from the first written cell to the last, as A1:XY99; undefined when the sheet is empty. */
  private usedRange(): string | undefined {
    let firstRow = 0;
    let lastRow = 0;
    let firstColumn = Number.POSITIVE_INFINITY;
    let lastColumn = 0;
    this.rows.forEach((cells, row) => {
      const first = cells?.findIndex((cell) => cell !== undefined) ?? -1;
      if (!cells || first < 0) return;
      if (firstRow === 0) firstRow = row;
      lastRow = row;
      firstColumn = Math.min(firstColumn, first);
      let last = cells.length - 1;
      while (cells[last] === undefined) last--;
      lastColumn = Math.max(lastColumn, last);
    });
    return lastRow === 0 ? undefined : `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, lastColumn)}`;
  }
}

/**
 * The column where the library gets one cell of each style: the first, as the library holds no other
 * cell of a streamed sheet. Excel's last (XFD) made it set up all 16,384 columns before it, and the
 * letters of every column up to there, then go through them as it wrote the sheet (0.05 s of the
 * export of a 10-option, 240-month case).
 */
const STYLE_COLUMN = 1;

/**
 * Text as XML character data: `&`, `<` and `>` escaped (quotes need no escape outside attributes),
 * and the control characters XML forbids left out.
 */
export function escapeXml(text: string): string {
  if (forbidden.test(text)) text = text.replace(forbiddenAll, "");
  if (!reserved.test(text)) return text;
  return text.replace(ampersands, "&amp;").replace(lessThans, "&lt;").replace(greaterThans, "&gt;");
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters XML forbids is the point
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters XML forbids is the point
const forbiddenAll = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const reserved = /[&<>]/;
const ampersands = /&/g;
const lessThans = /</g;
const greaterThans = />/g;

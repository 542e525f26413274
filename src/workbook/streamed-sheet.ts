import { cellAddress, columnLetters } from "./cell-address.js";
import type { CellStyle } from "./excel.js";
import type { FormulaValue } from "./formula.js";
import { SheetWriter } from "./sheet-writer.js";

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
  /** Each row's cells, in the order written: five numbers each (see `CELL_FIELDS`). */
  private readonly rows: (number[] | undefined)[] = [];
  /**
   * The cells' XML as UTF-8, one after another in the order written, each less its opening
   * `<c r="…" s="…"` (the style's number in the file is known only once the library has written its
   * style table), in pieces of CHUNK_BYTES or more. Bytes, not a string a cell: a sheet of hundreds of
   * thousands of cells held as strings was copied about by the garbage collector as it grew, then
   * encoded again to be compressed.
   */
  private readonly chunks: Uint8Array<ArrayBuffer>[] = [];
  /** How much of the last chunk is taken. */
  private chunkLength = 0;
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

  /**
   * Adds a cell's XML (less its opening) to its row: `head`, then `text` escaped (see `escapeXml`),
   * then `tail`; `token` NO_CELL takes back a cell written before. The text is escaped as it is
   * written, not first as a string of its own: most of a sheet's cells are formulas, a third of them
   * with `<` or `>`.
   */
  private set(row: number, column: number, token: number, head: string, text = "", tail = ""): void {
    let cells = this.rows[row];
    if (cells === undefined) {
      cells = [];
      this.rows[row] = cells;
    }
    // Room for the worst case: three bytes a character (UTF-8 of any character of one UTF-16 unit),
    // five for a character escaped (&amp;).
    const room = 3 * (head.length + tail.length) + 5 * text.length;
    let chunk = this.chunks[this.chunks.length - 1];
    if (chunk === undefined || this.chunkLength + room > chunk.length) {
      chunk = new Uint8Array(Math.max(CHUNK_BYTES, room));
      this.chunks.push(chunk);
      this.chunkLength = 0;
    }
    const start = this.chunkLength;
    this.chunkLength = writeUtf8(chunk, writeEscaped(chunk, writeUtf8(chunk, start, head), text), tail);
    cells.push(column, token, this.chunks.length - 1, start, this.chunkLength - start);
  }

  /** Not for a streamed sheet: the library, which would measure the row, does not hold its cells. */
  override fitRowHeight(row: number): void {
    throw new Error(`the ${this.name} sheet is streamed: row ${row}'s height cannot be fitted to cells the library does not hold`);
  }

  protected override put(row: number, column: number, value: string | number | null, style: CellStyle | undefined): void {
    const token = this.styleToken(style);
    if (value === null) {
      // The library leaves out an empty cell without a style.
      if (token < 0) {
        if (this.rows[row] !== undefined) this.set(row, column, NO_CELL, "");
        return;
      }
      this.set(row, column, token, "/>");
    } else if (typeof value === "number") this.set(row, column, token, `><v>${value}</v></c>`);
    else this.set(row, column, token, ` t="inlineStr"><is><t xml:space="preserve">`, value, "</t></is></c>");
  }

  protected override putFormula(row: number, column: number, formula: string, result: FormulaValue, style: CellStyle | undefined): void {
    const token = this.styleToken(style);
    if (typeof result === "number") this.set(row, column, token, "><f>", formula, `</f><v>${result}</v></c>`);
    else if (typeof result === "boolean") this.set(row, column, token, ` t="b"><f>`, formula, `</f><v>${result ? 1 : 0}</v></c>`);
    else this.set(row, column, token, ` t="str"><f>`, formula, `</f><v>${escapeXml(result)}</v></c>`);
  }

  /**
   * The sheet's XML as the library wrote it, with every row of this sheet in place of the library's
   * few, and the used range widened to match; in pieces, a row at a time (as UTF-8), each row let go
   * once given. Each style's number is read from the cell the library wrote with it.
   */
  *spliceRows(libraryXml: string): Generator<string | Uint8Array<ArrayBuffer>> {
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
    const longestStyle = styles.reduce((longest, style) => Math.max(longest, style.length), 0);
    for (let row = 1; row < this.rows.length; row++) {
      const cells = this.rows[row];
      if (cells === undefined) continue;
      this.rows[row] = undefined;
      const shown = shownCells(cells);
      if (shown.length === 0) continue;
      let size = 32;
      for (const cell of shown) size += cells[cell + 4]! + 18 + longestStyle;
      // Each cell's opening, `<c r="XFD1048576"` and its style, then its XML.
      const bytes = new Uint8Array(size);
      let at = writeAscii(bytes, 0, `<row r="${row}">`);
      for (const cell of shown) {
        const token = cells[cell + 1]!;
        at = writeAscii(bytes, at, `<c r="${columnLetters(cells[cell]!)}${row}"${token < 0 ? "" : styles[token]}`);
        const start = cells[cell + 3]!;
        const length = cells[cell + 4]!;
        bytes.set(this.chunks[cells[cell + 2]!]!.subarray(start, start + length), at);
        at += length;
      }
      at = writeAscii(bytes, at, "</row>");
      yield bytes.subarray(0, at);
    }
    this.chunks.length = 0;
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
      const shown = cells ? shownCells(cells) : [];
      if (!cells || shown.length === 0) return;
      if (firstRow === 0) firstRow = row;
      lastRow = row;
      firstColumn = Math.min(firstColumn, cells[shown[0]!]!);
      lastColumn = Math.max(lastColumn, cells[shown[shown.length - 1]!]!);
    });
    return lastRow === 0 ? undefined : `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, lastColumn)}`;
  }
}

/**
 * A cell of a row is five numbers in its row's list: its column, its style's token (-1: no style;
 * NO_CELL: the cell is taken back), the chunk that holds its XML, where in the chunk it starts and
 * its length in bytes.
 */
const CELL_FIELDS = 5;
/** The style token of a cell taken back (an empty cell without a style, which the library leaves out). */
const NO_CELL = -2;
/** The size of a chunk of cells' XML, unless a cell needs more. */
const CHUNK_BYTES = 1 << 20;
const encoder = new TextEncoder();

/**
 * Where in a row's list each cell shown starts, in column order: of cells written to the same
 * column, the last one written, unless it was taken back.
 */
function shownCells(cells: readonly number[]): number[] {
  const written: number[] = [];
  for (let cell = 0; cell < cells.length; cell += CELL_FIELDS) written.push(cell);
  // Stable: of cells of the same column, the last written stays last.
  written.sort((a, b) => cells[a]! - cells[b]!);
  const shown: number[] = [];
  for (let index = 0; index < written.length; index++) {
    const cell = written[index]!;
    const next = written[index + 1];
    if (next !== undefined && cells[next] === cells[cell]) continue;
    if (cells[cell + 1] !== NO_CELL) shown.push(cell);
  }
  return shown;
}

/**
 * Writes text as UTF-8 into bytes at `at`, which have room for it; where it ends. Character by
 * character while they are ASCII, as nearly all of a sheet's are (a call to the encoder for each of
 * a sheet's cells took three times as long), then by the encoder.
 */
function writeUtf8(bytes: Uint8Array, at: number, text: string): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) return at + index + encoder.encodeInto(text.slice(index), bytes.subarray(at + index)).written;
    bytes[at + index] = code;
  }
  return at + text.length;
}

/**
 * Writes text as `escapeXml` gives it, in UTF-8, into bytes at `at`, which have room for it; where it
 * ends. Character by character while they are ASCII, then by `escapeXml` and the encoder.
 */
function writeEscaped(bytes: Uint8Array, at: number, text: string): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) return writeUtf8(bytes, at, escapeXml(text.slice(index)));
    if (code === AMPERSAND) at = writeAscii(bytes, at, "&amp;");
    else if (code === LESS_THAN) at = writeAscii(bytes, at, "&lt;");
    else if (code === GREATER_THAN) at = writeAscii(bytes, at, "&gt;");
    else if ((code < 0x20 && code !== TAB && code !== LINE_FEED && code !== CARRIAGE_RETURN) || code === DELETE) continue;
    else bytes[at++] = code;
  }
  return at;
}

const AMPERSAND = 0x26;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const DELETE = 0x7f;

/** Writes text of ASCII characters only (tags, cell references, style numbers) into bytes at `at`; where it ends. */
function writeAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let index = 0; index < text.length; index++) bytes[at + index] = text.charCodeAt(index);
  return at + text.length;
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

import { MAX_LISTED_PROBLEMS, type Problem } from "./problems.js";

/**
 * A small RFC 4180 CSV reader for the exports measured here: quoted cells with doubled quotes,
 * delimiters and line breaks inside quotes, CRLF or LF line ends, a byte-order mark, and comma,
 * semicolon or tab as the delimiter (guessed from the header). Each row keeps its line, for messages.
 */

export interface CsvTable {
  /** Header cells as written. */
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

export interface CsvRow {
  /** 1-based line where the row starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

function guessDelimiter(firstLine: string): string {
  const counts = [",", ";", "\t"].map((delimiter) => ({ delimiter, count: firstLine.split(delimiter).length - 1 }));
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).delimiter;
}

/**
 * Splits CSV text into a header and rows; every problem names its line. Blank lines are skipped.
 * @example readCsv('a,b\n1,"x, y"\n') // { ok: true, value: { header: ["a", "b"], rows: [{ line: 2, cells: ["1", "x, y"] }] } }
 */
export function readCsv(text: string): { ok: true; value: CsvTable } | { ok: false; problems: Problem[] } {
  const source = text.replace(/^\uFEFF/, "");
  if (source.trim() === "") return { ok: false, problems: [{ record: "the file", message: "is empty: expected a header line and one line per record" }] };
  const delimiter = guessDelimiter(source.slice(0, source.search(/\r?\n|$/)));
  const records: CsvRow[] = [];
  const problems: Problem[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let at = 0;
  const end = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };
  while (at < source.length) {
    const character = source[at]!;
    if (character === '"' && cell === "") {
      const startLine = line;
      let closed = false;
      at++;
      while (at < source.length) {
        const inner = source[at]!;
        if (inner === '"') {
          if (source[at + 1] === '"') {
            cell += '"';
            at += 2;
            continue;
          }
          closed = true;
          at++;
          break;
        }
        if (inner === "\n") line++;
        cell += inner;
        at++;
      }
      if (!closed) {
        problems.push({
          record: `line ${startLine}`,
          message: "a quoted cell starts here and is never closed (the file looks truncated, or a quote is missing)",
        });
        return { ok: false, problems };
      }
      const next = source[at];
      if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") {
        problems.push({ record: `line ${line}`, message: 'text after a closing quote: a quoted cell must end at its quote (write "" for a quote inside it)' });
        return { ok: false, problems };
      }
      continue;
    }
    if (character === delimiter) {
      cells.push(cell);
      cell = "";
      at++;
      continue;
    }
    if (character === "\r" || character === "\n") {
      end();
      at += character === "\r" && source[at + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    cell += character;
    at++;
  }
  if (cell !== "" || cells.length > 0) end();
  const [header, ...rows] = records;
  if (!header) return { ok: false, problems: [{ record: "the file", message: "is empty: expected a header line and one line per record" }] };
  for (const row of rows) {
    if (row.cells.length !== header.cells.length && problems.length < MAX_LISTED_PROBLEMS) {
      problems.push({
        record: `line ${row.line}`,
        message: `has ${row.cells.length} cell${row.cells.length === 1 ? "" : "s"}, the header ${header.cells.length}${row === rows.at(-1) && row.cells.length < header.cells.length ? " (the file looks truncated)" : ""}`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { header: header.cells.map((name) => name.trim()), rows } };
}

/** A header name compared loosely: case, spaces, hyphens, underscores and brackets ignored ("Duration (hh:mm:ss)" is "durationhhmmss"). */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-()/:.]/g, "");
}

/** The index of the first header among `names` (compared loosely), or -1. */
export function columnIndex(header: readonly string[], ...names: string[]): number {
  const keys = header.map(headerKey);
  for (const name of names) {
    const index = keys.indexOf(headerKey(name));
    if (index !== -1) return index;
  }
  return -1;
}

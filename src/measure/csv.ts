import { detectDelimiter, parseCsv } from "../shared/csv.js";
import { MAX_LISTED_PROBLEMS, type Problem } from "./problems.js";

/**
 * The exports measured here as a header and rows, read with the project's CSV reader (the one
 * `track import` uses): a byte-order mark dropped, comma, semicolon or tab as the delimiter
 * (guessed from the header), every row the header's width. Each row keeps its line, for messages.
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

/**
 * Splits CSV text into a header and rows, with the project's one CSV reader (src/shared/csv.ts);
 * every problem names its line. Blank lines are skipped.
 * @example readCsv('a,b\n1,"x, y"\n') // { ok: true, value: { header: ["a", "b"], rows: [{ line: 2, cells: ["1", "x, y"] }] } }
 */
export function readCsv(text: string): { ok: true; value: CsvTable } | { ok: false; problems: Problem[] } {
  const source = text.replace(/^\uFEFF/, "");
  if (source.trim() === "") return { ok: false, problems: [{ record: "the file", message: "is empty: expected a header line and one line per record" }] };
  const parsed = parseCsv(source, detectDelimiter(source));
  const problems: Problem[] = parsed.issues.slice(0, MAX_LISTED_PROBLEMS).map((issue) => ({ record: `line ${issue.line}`, message: issue.message }));
  if (problems.length > 0) return { ok: false, problems };
  const records: CsvRow[] = parsed.records.filter((record) => !(record.cells.length === 1 && record.cells[0] === ""));
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

import { BoundedIssues, detectDelimiter, forEachCsvRecord, type CsvRecord } from "../shared/csv.js";
import { MAX_LISTED_PROBLEMS, type Problem } from "./problems.js";

/**
 * The exports measured here, read with the project's CSV reader (the one `track import` uses): a
 * byte-order mark dropped, comma, semicolon or tab as the delimiter (guessed from the header), every
 * row the header's width. Each row keeps its line, for messages.
 */

export interface CsvRow {
  /** 1-based line where the row starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * Reads CSV text one record at a time, with the project's one CSV reader (src/shared/csv.ts), and
 * hands each row to `visit` with the header's names (trimmed) as soon as it is read, while the file
 * has shown no problem of its own; blank lines are skipped. Returns the header, or the file's
 * problems (a quote, else rows not the header's width), each naming its line. No row is kept here
 * and only the first MAX_LISTED_PROBLEMS problems are, so a large file of bad lines costs a count,
 * not a message and a row for each line; the reader that checks the rows keeps what it needs.
 * @example readCsv('a,b\n1,"x, y"\n', (row) => rows.push(row)) // { ok: true, header: ["a", "b"] }, rows [{ line: 2, cells: ["1", "x, y"] }]
 */
export function readCsv(
  text: string,
  visit: (row: CsvRow, header: readonly string[]) => void,
): { ok: true; header: readonly string[] } | { ok: false; problems: Problem[] } {
  const source = text.replace(/^\uFEFF/, "");
  if (source.trim() === "") return { ok: false, problems: [{ record: "", message: "the file is empty; expected a header line and one line per record" }] };
  const issues = new BoundedIssues(MAX_LISTED_PROBLEMS);
  let header: CsvRecord | undefined;
  let names: readonly string[] = [];
  // Rows whose width is not the header's, the first MAX_LISTED_PROBLEMS of them; whether the last
  // one is the file's last row (then the file looks truncated) is known only at its end.
  const misfits: CsvRecord[] = [];
  let lastRow: CsvRecord | undefined;
  forEachCsvRecord(
    source,
    detectDelimiter(source),
    (record) => {
      if (record.cells.length === 1 && record.cells[0] === "") return;
      if (!header) {
        header = record;
        names = record.cells.map((name) => name.trim());
        return;
      }
      lastRow = record;
      if (record.cells.length !== header.cells.length) {
        if (misfits.length < MAX_LISTED_PROBLEMS) misfits.push(record);
      } else if (issues.count === 0 && misfits.length === 0) visit(record, names);
    },
    issues,
  );
  // A problem of the CSV itself (a quote) is told before, and instead of, rows of the wrong width.
  if (issues.count > 0) return { ok: false, problems: issues.kept.map((issue) => ({ record: `line ${issue.line}`, message: issue.message })) };
  if (!header) return { ok: false, problems: [{ record: "", message: "the file is empty; expected a header line and one line per record" }] };
  const width = header.cells.length;
  if (misfits.length > 0)
    return {
      ok: false,
      problems: misfits.map((row) => ({
        record: `line ${row.line}`,
        message: `has ${row.cells.length} cell${row.cells.length === 1 ? "" : "s"}, the header ${width}${row === lastRow && row.cells.length < width ? " (the file looks truncated)" : ""}`,
      })),
    };
  return { ok: true, header: names };
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

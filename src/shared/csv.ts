/**
 * A small RFC 4180 CSV reader: quoted cells with doubled quotes, delimiters and line breaks inside
 * quotes, CRLF or LF line ends. Each record keeps the line it starts on, for messages.
 */

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

/** A problem with one line of an input file. */
export interface LineIssue {
  line: number;
  /** The column (CSV header) or field concerned, when there is one. */
  column?: string;
  message: string;
}

/**
 * The problems of a file as they are found: every one is counted, the first `limit` are kept. A
 * file of millions of bad lines then costs a count, not millions of messages held at once (the
 * README's rule: bad input gets a clear error in bounded time and memory). Problems must be added
 * in line order, so the ones kept are the file's first.
 * @example const issues = new BoundedIssues(2); issues.push({ line: 1, message: "x" }); issues.count // 1
 */
export class BoundedIssues {
  readonly kept: LineIssue[] = [];
  /** Every problem added, kept or not. */
  count = 0;

  constructor(readonly limit: number = Number.POSITIVE_INFINITY) {}

  push(issue: LineIssue): void {
    this.count++;
    if (this.kept.length < this.limit) this.kept.push(issue);
  }
}

/**
 * Guesses the delimiter from the header line: the most frequent of comma, semicolon and tab
 * outside quotes (spreadsheets in many European locales write semicolons).
 * @example detectDelimiter("month;upkeepHours\n1;30") // ";"
 */
export function detectDelimiter(text: string): string {
  const counts = new Map([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/**
 * Splits CSV text into records. Problems (a quote left open, text after a closing quote) are
 * returned with their line; records on other lines are still read, so every problem shows at once.
 * @example parseCsv('a,b\n1,"x, y"\n').records[1]?.cells // ["1", "x, y"]
 */
export function parseCsv(text: string, delimiter = ","): { records: CsvRecord[]; issues: LineIssue[] } {
  const records: CsvRecord[] = [];
  const issues = forEachCsvRecord(text, delimiter, (record) => {
    records.push(record);
  });
  return { records, issues };
}

/**
 * `parseCsv` one record at a time: each record is handed to `visit` as soon as it is read (the
 * record is the visitor's to keep), so a reader that checks and keeps only what it needs never
 * holds every cell of a large file at once. Returns the problems, as `parseCsv` does (those `issues`
 * keeps, when it is given: it counts them all).
 * @example forEachCsvRecord("a,b\n1,2\n", ",", (record) => console.log(record.line, record.cells)) // logs 1 ["a", "b"], then 2 ["1", "2"]
 */
export function forEachCsvRecord(
  text: string,
  delimiter: string,
  visit: (record: CsvRecord) => void,
  issues: BoundedIssues = new BoundedIssues(),
): LineIssue[] {
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let at = 0;
  let broken = false;
  const length = text.length;
  // The delimiter's character code for the scan of unquoted text; a delimiter of several characters matches no one character, there as in the checks above.
  const delimiterCode = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;

  const endRecord = () => {
    cells.push(cell);
    if (!broken) visit({ line: recordLine, cells });
    cells = [];
    cell = "";
    broken = false;
  };

  while (at < length) {
    const character = text[at]!;
    if (character === '"' && cell === "") {
      // A quoted cell: read to the closing quote; "" is a quote inside it.
      const startLine = line;
      at++;
      let closed = false;
      while (at < length) {
        const inner = text[at]!;
        if (inner === '"') {
          if (text[at + 1] === '"') {
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
        issues.push({ line: startLine, message: "a quoted cell starts here and is never closed; every opening quote needs a closing quote" });
        broken = true;
        break;
      }
      const next = text[at];
      if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") {
        if (!broken) issues.push({ line, message: `text after a closing quote; a cell in quotes must end at the quote (write "" for a quote inside it)` });
        broken = true;
        while (at < length && text[at] !== delimiter && text[at] !== "\n" && text[at] !== "\r") at++;
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
      endRecord();
      at += character === "\r" && text[at + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (character === '"') {
      if (!broken)
        issues.push({ line, message: `a quote inside a cell that does not start with a quote; wrap the cell in quotes and write the quote twice ("")` });
      broken = true;
      cell += character;
      at++;
      continue;
    }
    // Unquoted text: up to the next delimiter, line end or quote, taken as one slice rather than
    // a character at a time (a large file would otherwise make a new string for every character).
    let end = at + 1;
    while (end < length) {
      const code = text.charCodeAt(end);
      if (code === delimiterCode || code === 10 || code === 13 || code === 34) break;
      end++;
    }
    cell += text.slice(at, end);
    at = end;
  }
  if (cell !== "" || cells.length > 0 || broken) endRecord();
  return issues.kept;
}

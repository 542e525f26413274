/**
 * What the measuring code returns: a value, or every problem found, each naming the record it is
 * about ("workflow_runs[17].created_at", "line 12, column created_on") so the user can find it.
 */

export interface Problem {
  /** The record and field: a JSON path or a CSV line and column; "" for a problem of the whole file, whose message names it ("the file is empty; …"). */
  readonly record: string;
  readonly message: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** At most this many problems are listed for one file; the count says how many there were. */
export const MAX_LISTED_PROBLEMS = 20;

/** A problem of one file of several, for the messages of `measure` and `track import --format`. */
export interface FileProblem extends Problem {
  readonly file: string;
  /** Not a problem of its own: the file's list stopped at MAX_LISTED_PROBLEMS, so it may have more. */
  readonly more?: true;
}

/** What ends a file's list of problems cut at MAX_LISTED_PROBLEMS. */
export const MORE_PROBLEMS = `the first ${MAX_LISTED_PROBLEMS} problems are listed; the file may have more`;

/**
 * A file's problems as a reader gives them, at most MAX_LISTED_PROBLEMS: a full list is followed by
 * a mark (`more: true`) that the file may have more, so the count is then "at least".
 * @example fileProblems("runs.json", [{ record: "workflow_runs[0]", message: "is not an object" }]) // [{ file: "runs.json", record: "workflow_runs[0]", message: "is not an object" }]
 */
export function fileProblems(file: string, problems: readonly Problem[]): FileProblem[] {
  const listed: FileProblem[] = problems.map((problem) => ({ file, ...problem }));
  if (problems.length >= MAX_LISTED_PROBLEMS) listed.push({ file, record: "", message: MORE_PROBLEMS, more: true });
  return listed;
}

/**
 * A problem in words: `RECORD: message`, or the message alone for one of the whole file.
 * @example problemText({ record: "", message: "the file is empty; expected a header line and one line per record" }) // "the file is empty; expected a header line and one line per record"
 */
export function problemText(problem: Problem): string {
  return problem.record === "" ? problem.message : `${problem.record}: ${problem.message}`;
}

/**
 * One line of a message: `FILE: RECORD: message`, `FILE: the file is empty; …`, or `FILE: the first 20 problems are listed; the file may have more`.
 * @example problemLine({ file: "incidents.csv", record: "line 12, column start", message: "'yesterday' is not a timestamp" }) // "incidents.csv: line 12, column start: 'yesterday' is not a timestamp"
 */
export function problemLine(problem: FileProblem): string {
  return problem.more ? `${problem.file}: ${problem.message}` : `${problem.file}: ${problemText(problem)}`;
}

/**
 * "3 problems", or "at least 20 problems" when a file's list was cut (a file of a million bad lines is not "20 problems").
 * @example problemCount(fileProblems("a.csv", [])) // "0 problems"
 */
export function problemCount(problems: readonly FileProblem[]): string {
  const count = problems.filter((problem) => !problem.more).length;
  return `${problems.some((problem) => problem.more) ? "at least " : ""}${count} problem${count === 1 ? "" : "s"}`;
}

export function failed<T>(problems: readonly Problem[]): Parsed<T> {
  return { ok: false, problems };
}

export function succeeded<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** A value quoted for a message: short, on one line. */
export function quoted(value: unknown): string {
  const text = typeof value === "string" ? `'${value}'` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text.replace(/[\r\n]/g, " ");
}

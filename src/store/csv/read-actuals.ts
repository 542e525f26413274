import { actualFields, type ActualField, type ActualMonth } from "../../shared/actual-fields.js";
import { ActualColumns } from "../actual-rows.js";
import { monthNumberOf } from "../calendar.js";
import { checkTeamName, MAX_NOTE_LENGTH, parseActualValue } from "../validate-actual.js";
import { mapHeader, type ColumnTarget } from "./columns.js";
import { freezePlanWords, teamsWithAPlanWords, teamWords } from "../planned-teams.js";
import { decodeText, type TextEncodingName } from "./decode.js";
import { BoundedIssues, detectDelimiter, forEachCsvRecord, type CsvRecord, type LineIssue } from "../../shared/csv.js";

export interface ReadActualsOptions {
  /** Shown in each row's source, e.g. "import actuals.csv line 12". */
  fileName: string;
  /** The team of rows when the file has no team column. */
  team: string;
  map?: ReadonlyMap<string, ColumnTarget>;
  encoding?: TextEncodingName;
  /** Default: guessed from the header line. */
  delimiter?: string;
  /** Numbers are written with a decimal comma ("12,5"). */
  decimalComma?: boolean;
  /** The horizon and start month of a team's plan; undefined when the team has no plan. */
  planOf: (team: string) => { horizonMonths: number; startMonth?: string | undefined } | undefined;
  /** The teams with a plan, named (with the closest one) for a team that has none. */
  plannedTeams?: readonly string[];
}

/**
 * The problems kept, in line order, of all those a file has: a file of millions of bad lines is
 * told by its first ones and their count, so reading it never holds a message per line (the README:
 * bad input gets a clear error in bounded time and memory; the command line shows 30).
 */
export const MAX_KEPT_ISSUES = 1000;
/** Team names remembered with what is wrong with them, beyond which each is checked again. */
const MAX_REMEMBERED_TEAMS = 10_000;

export interface ReadActuals {
  rows: ActualMonth[];
  /** The first MAX_KEPT_ISSUES problems, in line order. */
  issues: LineIssue[];
  /** Every problem found, `issues` and those left out. */
  issueCount: number;
  /**
   * The file names more teams without a plan than are remembered: they count as one problem in
   * `issueCount`, which is then the least the file has.
   */
  atLeast?: true;
  encoding?: TextEncodingName;
  delimiter?: string;
}

/**
 * Reads and checks every row of an actuals CSV before anything is written: encoding, quoting,
 * header, each value, months within the plan, and months given twice. Pure: bytes in, rows and
 * line-numbered problems out.
 * @example readActualsCsv(bytes, { fileName: "actuals.csv", team: "default", planOf: () => ({ horizonMonths: 12 }) }).issues
 */
export function readActualsCsv(bytes: Uint8Array, options: ReadActualsOptions): ReadActuals {
  const read = readActualsColumns(bytes, options);
  return {
    rows: read.columns.toMonths(),
    issues: read.issues,
    issueCount: read.issueCount,
    ...(read.atLeast ? { atLeast: true } : {}),
    ...(read.encoding ? { encoding: read.encoding } : {}),
    ...(read.delimiter !== undefined ? { delimiter: read.delimiter } : {}),
  };
}

export interface ReadActualColumns {
  /** Every row without a problem (the import writes them only when `issues` is empty). */
  columns: ActualColumns;
  /** The first MAX_KEPT_ISSUES problems, in line order. */
  issues: LineIssue[];
  /** Every problem found, `issues` and those left out. */
  issueCount: number;
  /**
   * The file names more teams without a plan than are remembered: they count as one problem in
   * `issueCount`, which is then the least the file has.
   */
  atLeast?: true;
  encoding?: TextEncodingName;
  delimiter?: string;
}

/**
 * `readActualsCsv` with the rows kept column by column (`ActualColumns`), as the import writes
 * them: a file of 100,000 months is then not held as 100,000 objects.
 * @example readActualsColumns(bytes, { fileName: "actuals.csv", team: "default", planOf: () => ({ horizonMonths: 12 }) }).columns.length
 */
export function readActualsColumns(bytes: Uint8Array, options: ReadActualsOptions): ReadActualColumns {
  const decoded = decodeText(bytes, options.encoding);
  if ("message" in decoded) {
    return {
      columns: new ActualColumns(options.fileName, [], 0),
      issues: [{ line: decoded.line ?? 1, message: decoded.message }],
      issueCount: 1,
    };
  }
  const delimiter = options.delimiter ?? detectDelimiter(decoded.text);
  if (options.decimalComma && delimiter === ",") {
    return {
      columns: new ActualColumns(options.fileName, [], 0),
      issues: [{ line: 1, message: "--decimal-comma needs cells separated by semicolons or tabs, but this file separates them with commas" }],
      issueCount: 1,
      encoding: decoded.encoding,
      delimiter,
    };
  }
  // Each record is checked as it is read, so a large file's cells are never all held at once.
  const found: { header?: CsvRecord; messages?: string[]; check?: (record: CsvRecord) => void; columns?: ActualColumns } = {};
  const rowIssues = new BoundedIssues(MAX_KEPT_ISSUES);
  const teamsWithoutPlan = new Map<string, number>();
  const parsing = new BoundedIssues(MAX_KEPT_ISSUES);
  const parseIssues = forEachCsvRecord(
    decoded.text,
    delimiter,
    (record) => {
      if (!record.cells.some((cell) => cell.trim() !== "")) return;
      if (found.header) {
        found.check?.(record);
        return;
      }
      found.header = record;
      const mapped = mapHeader(record.cells, options.map ?? new Map());
      if ("messages" in mapped) found.messages = mapped.messages;
      else {
        const checker = rowChecker(mapped.targets, delimiter, options, { issues: rowIssues, teamsWithoutPlan }, lineCount(decoded.text));
        found.columns = checker.columns;
        found.check = checker.check;
      }
    },
    parsing,
  );
  const header = found.header;
  if (!header)
    return {
      columns: new ActualColumns(options.fileName, [], 0),
      issues:
        parseIssues.length > 0
          ? parseIssues
          : [{ line: 1, message: "the file is empty; expected a header line (month, then field names) and one line per month" }],
      issueCount: Math.max(parsing.count, 1),
      encoding: decoded.encoding,
      delimiter,
    };
  if (found.messages)
    return {
      columns: new ActualColumns(options.fileName, [], 0),
      issues: [...parseIssues, ...found.messages.map((message) => ({ line: header.line, message }))],
      issueCount: parsing.count + found.messages.length,
      encoding: decoded.encoding,
      delimiter,
    };
  // Each list is in line order and holds its first problems, so the first of all are among them.
  const issues = [...parseIssues, ...rowIssues.kept];
  for (const [team, line] of teamsWithoutPlan) {
    issues.push({
      line,
      column: "team",
      message:
        team === MORE_TEAMS
          ? `this line and later ones name more teams without a plan in this store than are listed; freeze a plan for each, or check the team column`
          : teamWithoutPlanMessage(team, options.plannedTeams ?? []),
    });
  }
  issues.sort((a, b) => a.line - b.line);
  return {
    columns: found.columns ?? new ActualColumns(options.fileName, [], 0),
    issues: issues.slice(0, MAX_KEPT_ISSUES),
    issueCount: parsing.count + rowIssues.count + teamsWithoutPlan.size,
    ...(teamsWithoutPlan.has(MORE_TEAMS) ? { atLeast: true as const } : {}),
    encoding: decoded.encoding,
    delimiter,
  };
}

/**
 * A team the file names that has no plan: the teams that have one, the closest first when one is
 * close (a "Platform Team" for "platform team" would else be frozen as a second team), and how to
 * freeze a plan for it, in the words of `track add` (`teamsWithAPlanWords`, `freezePlanWords`).
 * @example teamWithoutPlanMessage("Platform Team", ["default", "platform team"]) // 'team "Platform Team" has no plan in this store; teams with a plan: "default", "platform team" (did you mean "platform team"?); or, for a new team, freeze its plan with: …'
 */
export function teamWithoutPlanMessage(team: string, plannedTeams: readonly string[]): string {
  return `${teamWords(team)} has no plan in this store${teamsWithAPlanWords(team, plannedTeams)}${freezePlanWords(team, plannedTeams)}`;
}

/** Where `rowChecker` puts the problems it finds. */
interface RowProblems {
  issues: BoundedIssues;
  /**
   * Teams with no plan in the store, with the first line that names each: at most MAX_KEPT_ISSUES - 1
   * of them, then MORE_TEAMS at the line of the first team beyond, so the problems kept say so.
   */
  teamsWithoutPlan: Map<string, number>;
}

/** Stands, in `teamsWithoutPlan`, for every team beyond those it names (no team name is empty). */
const MORE_TEAMS = "";

/**
 * Checks each record after the header (`check`): its team, month and values. A good row is added
 * to `columns`, a bad one's problems to `problems`.
 */
function rowChecker(
  targets: readonly ColumnTarget[],
  delimiter: string,
  options: ReadActualsOptions,
  problems: RowProblems,
  expectedRows: number,
): { columns: ActualColumns; check: (record: CsvRecord) => void } {
  const { issues, teamsWithoutPlan } = problems;
  // The line of each team's month, to name both lines of a month given twice.
  const lineOfMonth = new Map<string, Map<number, number>>();
  // Where the key columns are, and the measures' columns in header order, found once.
  const monthColumn = targets.indexOf("month");
  const teamColumn = targets.indexOf("team");
  const noteColumn = targets.indexOf("note");
  const measureColumns: number[] = [];
  const fieldOfColumn: number[] = [];
  targets.forEach((target, index) => {
    if (target === "month" || target === "team" || target === "note" || target === "skip") return;
    measureColumns.push(index);
    fieldOfColumn[index] = actualFields.indexOf(target);
  });
  const columns = new ActualColumns(
    options.fileName,
    measureColumns.map((index) => fieldOfColumn[index]!),
    expectedRows,
  );
  const measures = new Float64Array(actualFields.length);
  // Each team's name once, and what is wrong with it if anything: a file names its teams again and again.
  const teams = new Map<string, { name: string; problem: string | undefined }>();
  const decimalComma = { decimalComma: options.decimalComma ?? false };
  const check = (record: CsvRecord) => {
    const line = record.line;
    const cells = record.cells;
    if (cells.length !== targets.length) {
      issues.push({
        line,
        message: `${cells.length} cell${cells.length === 1 ? "" : "s"} where the header has ${targets.length}; check for a missing or extra ${delimiter === "\t" ? "tab" : `"${delimiter}"`} or an unquoted ${delimiter === "," ? "comma" : "delimiter"} inside a cell`,
      });
      return;
    }
    const written = (teamColumn >= 0 ? cells[teamColumn]!.trim() : undefined) || options.team;
    let known = teams.get(written);
    if (!known) {
      known = { name: written, problem: checkTeamName(written) };
      if (teams.size < MAX_REMEMBERED_TEAMS) teams.set(written, known);
    }
    const team = known.name;
    if (known.problem) {
      issues.push({ line, column: "team", message: known.problem });
      return;
    }
    const plan = options.planOf(team);
    if (!plan) {
      if (!teamsWithoutPlan.has(team) && !teamsWithoutPlan.has(MORE_TEAMS))
        teamsWithoutPlan.set(teamsWithoutPlan.size < MAX_KEPT_ISSUES - 1 ? team : MORE_TEAMS, line);
      return;
    }
    const monthText = monthColumn >= 0 ? cells[monthColumn]!.trim() : "";
    if (monthText === "") {
      issues.push({ line, column: "month", message: "month is empty; every line needs its month" });
      return;
    }
    const month = monthNumberOf(monthText, plan);
    if ("message" in month) {
      issues.push({ line, column: "month", message: month.message });
      return;
    }
    measures.fill(Number.NaN);
    let recorded = 0;
    let valid = true;
    for (const index of measureColumns) {
      const text = cells[index]!.trim();
      if (text === "") continue;
      const target = targets[index] as ActualField;
      const parsed = parseActualValue(target, text, decimalComma);
      if ("message" in parsed) {
        issues.push({ line, column: target, message: parsed.message });
        valid = false;
      } else {
        measures[fieldOfColumn[index]!] = parsed.value;
        recorded++;
      }
    }
    const note = noteColumn >= 0 ? cells[noteColumn]!.trim() : undefined;
    if (note !== undefined && note.length > MAX_NOTE_LENGTH) {
      issues.push({ line, column: "note", message: `note is ${note.length} characters long; allowed: at most ${MAX_NOTE_LENGTH}` });
      valid = false;
    }
    if (valid && recorded === 0) {
      issues.push({ line, message: `nothing is recorded for month ${month.month}; fill in at least one measure or remove the line` });
      valid = false;
    }
    let linesOfTeam = lineOfMonth.get(team);
    if (!linesOfTeam) {
      linesOfTeam = new Map();
      lineOfMonth.set(team, linesOfTeam);
    }
    const earlier = linesOfTeam.get(month.month);
    if (earlier !== undefined) {
      issues.push({
        line,
        column: "month",
        message: `month ${month.month}${team === options.team ? "" : ` of ${teamWords(team)}`} is also on line ${earlier}; give each month once`,
      });
      return;
    }
    linesOfTeam.set(month.month, line);
    if (!valid) return;
    columns.add(team, month.month, line, note, measures);
  };
  return { columns, check };
}

/** The line feeds in a text: room for every row after its header (a file whose lines end in a lone carriage return has none, and its columns grow as they fill). */
function lineCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

import type { ActualMonth, ActualValues } from "../../shared/actual-fields.js";
import { monthNumberOf } from "../calendar.js";
import { checkTeamName, MAX_NOTE_LENGTH, parseActualValue } from "../validate-actual.js";
import { mapHeader, type ColumnTarget } from "./columns.js";
import { decodeText, type TextEncodingName } from "./decode.js";
import { detectDelimiter, parseCsv, type LineIssue } from "../../shared/csv.js";

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
}

export interface ReadActuals {
  rows: ActualMonth[];
  issues: LineIssue[];
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
  const decoded = decodeText(bytes, options.encoding);
  if ("message" in decoded) {
    const match = /^line (\d+): (.*)$/s.exec(decoded.message);
    return { rows: [], issues: [match ? { line: Number(match[1]), message: match[2]! } : { line: 1, message: decoded.message }] };
  }
  const delimiter = options.delimiter ?? detectDelimiter(decoded.text);
  if (options.decimalComma && delimiter === ",") {
    return {
      rows: [],
      issues: [{ line: 1, message: "--decimal-comma needs cells separated by semicolons or tabs, but this file separates them with commas" }],
      encoding: decoded.encoding,
      delimiter,
    };
  }
  const { records, issues } = parseCsv(decoded.text, delimiter);
  const nonEmpty = records.filter((record) => record.cells.some((cell) => cell.trim() !== ""));
  const header = nonEmpty[0];
  if (!header)
    return {
      rows: [],
      issues: issues.length > 0 ? issues : [{ line: 1, message: "the file is empty; expected a header line (month, then field names) and one line per month" }],
      encoding: decoded.encoding,
      delimiter,
    };
  const mapped = mapHeader(header.cells, options.map ?? new Map());
  if ("messages" in mapped)
    return { rows: [], issues: [...issues, ...mapped.messages.map((message) => ({ line: header.line, message }))], encoding: decoded.encoding, delimiter };
  const targets = mapped.targets;

  const rows: ActualMonth[] = [];
  const firstLineOf = new Map<string, number>();
  const teamsWithoutPlan = new Map<string, number>();
  for (const record of nonEmpty.slice(1)) {
    const line = record.line;
    if (record.cells.length !== targets.length) {
      issues.push({
        line,
        message: `${record.cells.length} cell${record.cells.length === 1 ? "" : "s"} where the header has ${targets.length}; check for a missing or extra ${delimiter === "\t" ? "tab" : `"${delimiter}"`} or an unquoted ${delimiter === "," ? "comma" : "delimiter"} inside a cell`,
      });
      continue;
    }
    const cellOf = (target: ColumnTarget) => {
      const index = targets.indexOf(target);
      return index >= 0 ? record.cells[index]!.trim() : undefined;
    };
    const team = cellOf("team") || options.team;
    const teamProblem = checkTeamName(team);
    if (teamProblem) {
      issues.push({ line, column: "team", message: teamProblem });
      continue;
    }
    const plan = options.planOf(team);
    if (!plan) {
      if (!teamsWithoutPlan.has(team)) teamsWithoutPlan.set(team, line);
      continue;
    }
    const monthText = cellOf("month") ?? "";
    if (monthText === "") {
      issues.push({ line, column: "month", message: "month is empty; every line needs its month" });
      continue;
    }
    const month = monthNumberOf(monthText, plan);
    if ("message" in month) {
      issues.push({ line, column: "month", message: month.message });
      continue;
    }
    const values: ActualValues = {};
    let valid = true;
    targets.forEach((target, index) => {
      if (target === "month" || target === "team" || target === "note" || target === "skip") return;
      const text = record.cells[index]!.trim();
      if (text === "") return;
      const parsed = parseActualValue(target, text, { decimalComma: options.decimalComma ?? false });
      if ("message" in parsed) {
        issues.push({ line, column: target, message: parsed.message });
        valid = false;
      } else {
        values[target] = parsed.value;
      }
    });
    const note = cellOf("note");
    if (note !== undefined && note.length > MAX_NOTE_LENGTH) {
      issues.push({ line, column: "note", message: `note is ${note.length} characters long; allowed: at most ${MAX_NOTE_LENGTH}` });
      valid = false;
    }
    if (valid && Object.keys(values).length === 0) {
      issues.push({ line, message: `nothing is recorded for month ${month.month}; fill in at least one measure or remove the line` });
      valid = false;
    }
    const key = `${team}\u0000${month.month}`;
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      issues.push({
        line,
        column: "month",
        message: `month ${month.month}${team === options.team ? "" : ` of team ${team}`} is also on line ${earlier}; give each month once`,
      });
      continue;
    }
    firstLineOf.set(key, line);
    if (!valid) continue;
    rows.push({ team, month: month.month, values, ...(note ? { note } : {}), source: `import ${options.fileName} line ${line}` });
  }
  for (const [team, line] of teamsWithoutPlan) {
    issues.push({
      line,
      column: "team",
      message: `team ${JSON.stringify(team)} has no plan in this store; freeze one first: mlops-roi track plan CASE.yaml --team ${JSON.stringify(team)}`,
    });
  }
  issues.sort((a, b) => a.line - b.line);
  return { rows, issues, encoding: decoded.encoding, delimiter };
}

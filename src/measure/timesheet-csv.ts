import { columnIndex, readCsv } from "./csv.js";
import { MAX_LISTED_PROBLEMS, failed, quoted, succeeded, type Parsed, type Problem } from "./problems.js";
import { measuredNote, perMonth, perWeek, countedRecords, rangeOf, type Measurement, type MonthlyValue, type Observation, type Proposal } from "./proposal.js";
import { byMonthOf, parseTimestamp } from "./time.js";
import { formatNumber, plural } from "../format/numbers.js";
import { extent } from "./stats.js";
import { suggest } from "../engine/index.js";

/** One time entry: who, on which day, how long, and the labels rules match (tags, category, project). */
export interface TimeEntry {
  readonly line: number;
  readonly person: string | undefined;
  readonly day: number;
  readonly hours: number;
  readonly labels: readonly string[];
}

export interface Timesheet {
  /** "Toggl Track time entries" or "time sheet". */
  readonly format: string;
  readonly entries: readonly TimeEntry[];
}

/** Where a rule sends the hours of the entries it matches. */
export type TimeTarget = { readonly kind: "chore"; readonly task: string } | { readonly kind: "meetings" | "upkeep" | "building" };

export interface TimeRule {
  /** A tag, category or project, compared without regard to case. */
  readonly label: string;
  readonly target: TimeTarget;
}

/**
 * A `--map` rule: `LABEL=TARGET`, TARGET one of manualTasks.<name>, meetings, upkeep or building.
 * @example parseTimeRule("Data refresh=manualTasks.dataRefresh") // { ok: true, value: { label: "Data refresh", target: { kind: "chore", task: "dataRefresh" } } }
 */
export function parseTimeRule(text: string): Parsed<TimeRule> {
  const equals = text.lastIndexOf("=");
  const label = text.slice(0, equals).trim();
  const target = text.slice(equals + 1).trim();
  const problem = (message: string) => failed<TimeRule>([{ record: `--map ${quoted(text)}`, message }]);
  if (equals === -1 || label === "") return problem('expected LABEL=TARGET, e.g. "Data refresh=manualTasks.dataRefresh"');
  const chore = /^manualTasks\.(.+)$/.exec(target);
  if (chore) return succeeded({ label, target: { kind: "chore", task: chore[1]! } });
  if (target === "meetings" || target === "upkeep" || target === "building") return succeeded({ label, target: { kind: target } });
  const guess = nearestTarget(target);
  return problem(
    `${quoted(target)} is no target${guess ? `; did you mean ${quoted(guess)}? Allowed` : "; allowed"}: manualTasks.<chore name>, meetings, upkeep or building`,
  );
}

/**
 * The target a misspelt one probably meant (`suggest`, as for every other unknown name): a chore
 * with the group misspelt keeps its name.
 * @example nearestTarget("upkep") // "upkeep"
 * @example nearestTarget("manualTask.dataChecks") // "manualTasks.dataChecks"
 */
function nearestTarget(target: string): string | undefined {
  const dot = target.indexOf(".");
  if (dot > 0 && target.length > dot + 1 && suggest(target.slice(0, dot), ["manualTasks"])) return `manualTasks.${target.slice(dot + 1)}`;
  return suggest(target, ["meetings", "upkeep", "building"]);
}

/** "01:30:00" (hours can pass 24), "1:30" or a decimal number of hours, as hours. */
function hoursOf(text: string, clock: boolean): number | undefined {
  const trimmed = text.trim();
  const parts = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(trimmed);
  if (parts) return Number(parts[1]) + Number(parts[2]) / 60 + Number(parts[3] ?? 0) / 3600;
  if (clock || !/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** The longest one entry can be: a whole month of 31 days. */
const MAX_ENTRY_HOURS = 24 * 31;

/** Why a cell is no duration, and what is allowed: a negative number, a decimal comma and an entry longer than a month are each named. */
function durationProblem(cell: string, hours: number | undefined, toggl: boolean): string {
  const allowed = `allowed: ${toggl ? "hh:mm:ss, e.g. 01:30:00" : "hours, e.g. 1.5 or 1:30"}, from 0 to ${MAX_ENTRY_HOURS} (a month of 31 days)`;
  const trimmed = cell.trim();
  // Rounded, a duration just over the limit (744.4, 744:00:01) would read "744 hours", which the limit allows.
  if (hours !== undefined)
    return `${quoted(cell)} is ${Math.round(hours) > MAX_ENTRY_HOURS ? `${Math.round(hours)} hours` : `just over ${MAX_ENTRY_HOURS} hours`}, more than one entry can hold; ${allowed}`;
  if (/^-\s*\d/.test(trimmed)) return `${quoted(cell)} is negative; ${allowed}`;
  if (!toggl && /^\d+,\d+$/.test(trimmed)) return `${quoted(cell)} has a decimal comma; write it with a dot (${trimmed.replace(",", ".")}); ${allowed}`;
  return `${quoted(cell)} is not a duration; ${allowed}`;
}

/**
 * Time entries from a CSV, in one of two shapes (told apart by the header):
 * - Toggl Track's detailed export: User, Email, Client, Project, Task, Description, Billable, Start
 *   date, Start time, End date, End time, Duration (hh:mm:ss), Tags (comma-separated);
 * - our own: date, hours (a decimal number or h:mm), category (or tag), and optionally person
 *   and project.
 * A rule's label is matched against each tag, the category and the project.
 */
export function parseTimesheetCsv(text: string): Parsed<Timesheet> {
  let columns: TimesheetColumns | undefined;
  const problems: Problem[] = [];
  const entries: TimeEntry[] = [];
  const problem = (line: number, column: string, message: string) => {
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ record: `line ${line}, column ${column}`, message });
  };
  // Each row is checked as it is read; once one has a problem, no entry is kept (none will be measured).
  const table = readCsv(text, (row, header) => {
    columns ??= timesheetColumns(header);
    const { toggl, date, hours, person, labelColumns } = columns;
    if (columns.missing.length > 0) return;
    const day = parseTimestamp(row.cells[date]!);
    if (day === undefined) {
      problem(row.line, header[date]!, `${quoted(row.cells[date])} is not a date (expected e.g. 2026-01-05)`);
      return;
    }
    const spent = hoursOf(row.cells[hours]!, toggl);
    if (spent === undefined || spent > MAX_ENTRY_HOURS) {
      problem(row.line, header[hours]!, durationProblem(row.cells[hours]!, spent, toggl));
      return;
    }
    if (problems.length > 0) return;
    const labels = labelColumns.flatMap((index) =>
      row.cells[index]!.split(",")
        .map((label) => label.trim())
        .filter(Boolean),
    );
    entries.push({ line: row.line, person: person === -1 ? undefined : row.cells[person]!.trim() || undefined, day, hours: spent, labels });
  });
  if (!table.ok) return failed(table.problems);
  columns ??= timesheetColumns(table.header);
  if (columns.missing.length > 0) {
    return failed([
      {
        record: "line 1 (the header)",
        message: `no column ${columns.missing.join(", ")}: expected Toggl Track's detailed export (Start date, Duration, Tags, …) or the columns date, hours, category (found: ${table.header.join(", ")})`,
      },
    ]);
  }
  if (problems.length > 0) return failed(problems);
  if (entries.length === 0) return failed([{ record: "", message: "the file has a header but no entries: there is nothing to measure" }]);
  return succeeded({ format: columns.toggl ? "Toggl Track time entries" : "time sheet", entries });
}

interface TimesheetColumns {
  readonly toggl: boolean;
  readonly date: number;
  readonly hours: number;
  readonly person: number;
  readonly labelColumns: readonly number[];
  /** The columns needed but not found. */
  readonly missing: readonly string[];
}

/** Where a time sheet (ours or Toggl Track's) keeps what is read from it. */
function timesheetColumns(header: readonly string[]): TimesheetColumns {
  const toggl = columnIndex(header, "start date") !== -1 && columnIndex(header, "duration", "duration (hh:mm:ss)") !== -1;
  const date = toggl ? columnIndex(header, "start date") : columnIndex(header, "date", "day", "start");
  const hours = toggl ? columnIndex(header, "duration", "duration (hh:mm:ss)") : columnIndex(header, "hours", "duration");
  const person = columnIndex(header, "user", "person", "email", "name");
  const labelColumns = [columnIndex(header, "tags", "tag"), columnIndex(header, "category"), columnIndex(header, "project")].filter((index) => index !== -1);
  const missing = [date === -1 ? "date" : "", hours === -1 ? "hours" : "", labelColumns.length === 0 ? "category, tags or project" : ""].filter(Boolean);
  return { toggl, date, hours, person, labelColumns, missing };
}

export interface TimesheetOptions {
  readonly rules: readonly TimeRule[];
  /** team.people, when the time sheet does not say whose each entry is. */
  readonly people?: number;
  /** projects.alreadyLive, for upkeep a project and chores counted per project. */
  readonly liveProjects?: number;
  /** How the file counts an existing chore (per person by default, for a new one). */
  readonly choreCountedPer?: (task: string) => "person" | "project" | "team" | undefined;
}

const targetName = (target: TimeTarget) => (target.kind === "chore" ? `manualTasks.${target.task}` : target.kind);

/** Whether an entry has a rule's label among its tags, category and project, in any case ("Chore" is "chore"). */
function hasLabel(entry: TimeEntry, label: string): boolean {
  const wanted = label.toLowerCase();
  return entry.labels.some((other) => other.toLowerCase() === wanted);
}

/**
 * Hours a month per rule's target, and the inputs they propose (months with none count as 0):
 * - manualTasks.<name>.minutesPerWeek: minutes a week ÷ people who logged time that month (a chore
 *   per person), ÷ live projects (per project) or as they are (per team);
 * - meetings.hoursPerPersonPerMonth: hours a month ÷ people who logged time that month;
 * - projects.upkeepHoursPerMonth: hours a month ÷ live projects;
 * - building: hours a month, an observation (an input wants hours per project built).
 * The first rule whose label matches an entry's tag, category or project takes it.
 */
export function measureTimesheet(data: Timesheet, from: string, options: TimesheetOptions): Measurement {
  const { items: entries, span, months, notices, leftOut: leftOutOf } = countedRecords(data.entries, (entry) => entry.day, data.format);
  const proposals: Proposal[] = [];
  const observations: Observation[] = [];
  const peopleKnown = entries.every((entry) => entry.person !== undefined);
  const byTarget = new Map<string, { target: TimeTarget; entries: TimeEntry[] }>();
  let unmatched = 0;
  for (const entry of entries) {
    const rule = options.rules.find((candidate) => hasLabel(entry, candidate.label));
    if (!rule) {
      unmatched += entry.hours;
      continue;
    }
    const key = targetName(rule.target);
    const group = byTarget.get(key) ?? { target: rule.target, entries: [] };
    group.entries.push(entry);
    byTarget.set(key, group);
  }
  if (options.rules.length === 0) notices.push(`${data.format}: no --map rule given: nothing to measure (e.g. --map "Data refresh=manualTasks.dataRefresh")`);
  else if (unmatched > 0) notices.push(`${data.format}: ${unmatched.toFixed(1)} hours match no --map rule and are left out`);
  for (const rule of options.rules) {
    if (byTarget.has(targetName(rule.target))) continue;
    // Entries with the label only in a month left out are there: the label is not what is wrong.
    const labelled = data.entries.filter((entry) => hasLabel(entry, rule.label));
    const leftOut = leftOutOf(labelled);
    notices.push(
      leftOut
        ? `${data.format}: the entries labelled ${quoted(rule.label)} (--map) ${leftOut}: ${targetName(rule.target)} not measured`
        : `${data.format}: no entry has the label ${quoted(rule.label)} (--map)`,
    );
  }
  const entriesByMonth = byMonthOf(entries, (entry) => entry.day);
  const peopleIn = (month: string) => (peopleKnown ? new Set((entriesByMonth.get(month) ?? []).map((entry) => entry.person)).size : (options.people ?? 0));

  for (const { target, entries: matched } of byTarget.values()) {
    const matchedByMonth = byMonthOf(matched, (entry) => entry.day);
    const hoursIn = (month: string) => (matchedByMonth.get(month) ?? []).reduce((sum, entry) => sum + entry.hours, 0);
    const labels = options.rules.filter((rule) => targetName(rule.target) === targetName(target)).map((rule) => quoted(rule.label));
    // The people behind these entries, not everyone in the time sheet: the divisor is said apart (`dividedAmong`).
    const behind = peopleKnown ? ` by ${plural(new Set(matched.map((entry) => entry.person)).size, "person", "people")}` : "";
    const counted = `${plural(matched.length, "entry", "entries")} labelled ${labels.join(" or ")}${behind}`;
    const provenance = { source: data.format, from, period: months, counted };
    const monthly = (value: (month: (typeof months)[number], hours: number) => number | undefined): MonthlyValue[] =>
      months.flatMap((month) => {
        const result = value(month, hoursIn(month.month));
        return result === undefined ? [] : [{ month: month.month, value: result }];
      });
    /** For a figure per person: whom the hours were divided among, in the months the range is taken from. */
    const dividedAmong = (values: readonly MonthlyValue[]): string => {
      if (!peopleKnown) return `, divided by team.people (${options.people})`;
      const { min, max } = extent(values.map((entry) => peopleIn(entry.month)));
      if (values.length === 1) return `, divided among the ${plural(min, "person", "people")} who logged time`;
      return `, divided among the people who logged time that month (${min === max ? `${formatNumber(min)} each month` : `${formatNumber(min)} to ${formatNumber(max)}`})`;
    };
    const add = (input: string, what: string, values: MonthlyValue[], digits: number, perPerson: boolean) => {
      if (values.length === 0) return;
      const said = perPerson ? { ...provenance, counted: `${counted}${dividedAmong(values)}` } : provenance;
      proposals.push({ input, ...rangeOf(values, digits), note: measuredNote(what, said, span, values), monthly: values });
    };
    if (
      !peopleKnown &&
      options.people === undefined &&
      (target.kind === "meetings" || (target.kind === "chore" && (options.choreCountedPer?.(target.task) ?? "person") === "person"))
    ) {
      notices.push(`${data.format}: the time sheet does not say whose each entry is and team.people is not a plain number: ${targetName(target)} not proposed`);
      continue;
    }
    if (target.kind === "chore") {
      const per = options.choreCountedPer?.(target.task) ?? "person";
      if (per === "project" && !(options.liveProjects && options.liveProjects > 0)) {
        notices.push(`${data.format}: manualTasks.${target.task} is counted per project but projects.alreadyLive is not a plain number above 0: not proposed`);
        continue;
      }
      const divisor = (month: string) => (per === "person" ? peopleIn(month) : per === "project" ? options.liveProjects! : 1);
      const values = monthly((month, hours) => (divisor(month.month) > 0 ? perWeek(hours * 60, month) / divisor(month.month) : undefined));
      const whatPer = per === "person" ? "per person who logged time" : per === "project" ? `per live project (${options.liveProjects})` : "for the team";
      add(`manualTasks.${target.task}.minutesPerWeek`, `minutes a week ${whatPer}`, values, 0, per === "person");
    } else if (target.kind === "meetings") {
      const values = monthly((month, hours) => (peopleIn(month.month) > 0 ? perMonth(hours, month) / peopleIn(month.month) : undefined));
      add("meetings.hoursPerPersonPerMonth", "hours a month per person who logged time", values, 1, true);
    } else if (target.kind === "upkeep") {
      if (!(options.liveProjects && options.liveProjects > 0)) {
        notices.push(`${data.format}: projects.alreadyLive is not a plain number above 0 (or give --live-projects): upkeep hours per project not proposed`);
        continue;
      }
      const values = monthly((month, hours) => perMonth(hours, month) / options.liveProjects!);
      add("projects.upkeepHoursPerMonth", `hours a month ÷ ${plural(options.liveProjects, "live project")}`, values, 1, false);
    } else {
      const values = monthly((month, hours) => perMonth(hours, month));
      if (values.length > 0)
        observations.push({
          what: "building hours a month (the team)",
          ...rangeOf(values, 1),
          note: measuredNote("hours a month", provenance, span, values),
          monthly: values,
        });
    }
  }
  return { proposals, observations, notices };
}

import { isDeployment, type CiRun } from "./ci-runs.js";
import { parseGithubRuns } from "./github-actions.js";
import { parseGitlabPipelines } from "./gitlab-pipelines.js";
import { parseEventsCsv, type EventExport } from "./incidents-csv.js";
import { suggest } from "../engine/index.js";
import { fileProblems, quoted, type FileProblem, type Problem } from "./problems.js";
import { extent } from "./stats.js";
import { byMonthOf, exposures, monthOf, type MonthExposure } from "./time.js";
import type { Timesheet, TimeRule } from "./timesheet-csv.js";
import { parseTimesheetCsv } from "./timesheet-csv.js";

/**
 * `track import --format …`: a month's actuals from the same exports `measure` reads, as the rows of
 * our own actuals CSV (month as YYYY-MM, then the measures), so the store checks and writes them as
 * it does any import.
 */

export const actualsFormats = ["github-actions", "gitlab", "incidents", "timesheet"] as const;
export type ActualsFormat = (typeof actualsFormats)[number];

export interface ExportFile {
  readonly format: ActualsFormat;
  /** The file's name, for messages. */
  readonly name: string;
  readonly text: string;
}

export type { FileProblem };

/** The measures an export gives for each month it covers. */
type MonthValues = Map<string, Record<string, number>>;

/** Edge months the export covers for all but this many days still count (a weekend before the first record). */
export const EDGE_DAYS_TOLERATED = 3;

/**
 * The months an export covers whole (all but {@link EDGE_DAYS_TOLERATED} days), and a notice for
 * those it covers only in part: their counts would be too low, so they are left out.
 */
/** The first and last of the times, as wholeMonths takes them. */
function bounds(times: readonly number[]): [number, number] {
  const { min, max } = extent(times);
  return [min, max];
}

function wholeMonths(first: number, last: number, what: string, notices: string[]): MonthExposure[] {
  const months = exposures(first, last);
  const kept = months.filter((month) => month.days >= month.daysInMonth - EDGE_DAYS_TOLERATED);
  const partial = months.filter((month) => !kept.includes(month));
  if (partial.length > 0) {
    notices.push(
      `${what}: ${partial.map((month) => `${month.month} (${month.days} of ${month.daysInMonth} days)`).join(", ")} left out: the export covers only part of the month (export whole months)`,
    );
  }
  return kept;
}

const round = (value: number) => Math.round(value * 100) / 100;

function fromRuns(runs: readonly CiRun[], name: string, deployPattern: RegExp, notices: string[]): MonthValues {
  const values: MonthValues = new Map();
  const months = wholeMonths(...bounds(runs.map((run) => run.createdAt)), name, notices);
  const deployments = runs.filter((run) => isDeployment(run, deployPattern));
  if (deployments.length === 0) notices.push(`${name}: no finished run's name matches ${deployPattern} (--deploy-workflow): deployments recorded as 0`);
  const byMonth = byMonthOf(deployments, (run) => run.createdAt);
  for (const month of months) {
    const inMonth = byMonth.get(month.month) ?? [];
    values.set(month.month, { deployments: inMonth.length, incidents: inMonth.filter((run) => run.outcome === "failure").length });
  }
  return values;
}

function fromEvents(data: EventExport, name: string, notices: string[]): MonthValues {
  const values: MonthValues = new Map();
  const { events } = data;
  const months = wholeMonths(...bounds(events.map((event) => event.start)), name, notices);
  const hasDeployments = events.some((event) => event.kind === "deployment");
  const byMonth = byMonthOf(events, (event) => event.start);
  for (const month of months) {
    const inMonth = byMonth.get(month.month) ?? [];
    const incidents = inMonth.filter((event) => event.kind === "incident");
    const open = incidents.filter((event) => event.end === undefined);
    const record: Record<string, number> = { incidents: incidents.length };
    if (open.length === 0) record.hoursToRestore = round(incidents.reduce((sum, event) => sum + (event.end! - event.start) / 3_600_000, 0));
    else
      notices.push(
        `${name}: ${month.month}: ${open.length} incident${open.length === 1 ? " is" : "s are"} still open: hours to restore not recorded for the month`,
      );
    if (hasDeployments) record.deployments = inMonth.filter((event) => event.kind === "deployment").length;
    values.set(month.month, record);
  }
  return values;
}

const fieldOfTarget = { chore: "manualHours", meetings: "meetingHours", upkeep: "upkeepHours", building: "buildHours" } as const;

function fromTimesheet(data: Timesheet, name: string, rules: readonly TimeRule[], notices: string[]): MonthValues {
  const values: MonthValues = new Map();
  const { entries } = data;
  const months = wholeMonths(...bounds(entries.map((entry) => entry.day)), name, notices);
  const fields = [...new Set(rules.map((rule) => fieldOfTarget[rule.target.kind]))];
  let unmatched = 0;
  const sums = new Map<string, Record<string, number>>(months.map((month) => [month.month, Object.fromEntries(fields.map((field) => [field, 0]))]));
  for (const entry of entries) {
    const labels = entry.labels.map((label) => label.toLowerCase());
    const rule = rules.find((candidate) => labels.includes(candidate.label.toLowerCase()));
    const month = sums.get(monthOf(entry.day));
    if (!rule) unmatched += entry.hours;
    else if (month) month[fieldOfTarget[rule.target.kind]]! += entry.hours;
  }
  if (unmatched > 0) notices.push(`${name}: ${round(unmatched)} hours match no --map rule and are left out`);
  for (const [month, record] of sums) values.set(month, Object.fromEntries(Object.entries(record).map(([field, hours]) => [field, round(hours)])));
  return values;
}

/**
 * Why a time sheet's chore rules cannot give the months' manual hours of a plan whose chores are
 * `chores` (`choresOfPlan`): a chore the case does not have, or some of the plan's chores mapped and
 * others not. A month's `manualHours` is all the plan's chores together, so the hours logged for some
 * would stand for all of them (docs/measure.md, "Actuals from the same exports"). Empty when no chore
 * is mapped (the plan's manual hours stand) or every one is.
 * @example choreProblems("toggl.csv", rules("chore=manualTasks.noSuchChore"), ["manualDeployments", "dataChecks"])[0].message // "the plan's case has no chore 'noSuchChore'; its chores: manualDeployments, dataChecks"
 */
export function choreProblems(file: string, rules: readonly TimeRule[], chores: readonly string[]): FileProblem[] {
  const problems: FileProblem[] = [];
  const mapped = new Set<string>();
  const listed = chores.length > 0 ? `its chores: ${chores.join(", ")}` : "it has no chores (manualTasks)";
  for (const rule of rules) {
    if (rule.target.kind !== "chore") continue;
    const task = rule.target.task;
    if (chores.includes(task)) {
      mapped.add(task);
      continue;
    }
    const guess = suggest(task, chores);
    problems.push({
      file,
      record: `--map ${quoted(`${rule.label}=manualTasks.${task}`)}`,
      message: `the plan's case has no chore ${quoted(task)}${guess ? ` (did you mean ${quoted(guess)}?)` : ""}; ${listed}`,
    });
  }
  const missing = chores.filter((task) => !mapped.has(task));
  if (mapped.size > 0 && missing.length > 0) {
    const names = (tasks: readonly string[]) => tasks.map((task) => `manualTasks.${task}`).join(", ");
    problems.push({
      file,
      record: "--map",
      message:
        `maps ${names([...mapped])} but not ${names(missing)}: a month's manualHours are all the plan's chores together (${chores.join(", ")}), ` +
        `so the hours of some would stand for all of them. Map each chore's label too (--map "LABEL=manualTasks.${missing[0]}"; a chore with no entry in a month records 0 hours), ` +
        "or leave the chores out of --map and record manualHours with `track add` or a CSV of actuals",
    });
  }
  return problems;
}

/**
 * The actuals CSV (header `month,…`, one line per month) of several exports: each export gives the
 * measures of the months it covers whole; when two give the same measure for a month, the first in
 * the order incidents, GitHub Actions, GitLab, time sheet is kept (as in `measure`) and a notice names
 * the other. Problems are named by file and record; with any, there is no CSV.
 */
export function actualsCsv(
  files: readonly ExportFile[],
  options: {
    readonly deployPattern: RegExp;
    readonly rules: readonly TimeRule[];
    /** The chores of the plan the months go to (`choresOfPlan`), when known: a time sheet's chore rules are checked against them (`choreProblems`). */
    readonly chores?: readonly string[] | undefined;
  },
): { ok: true; csv: string; months: string[]; notices: string[] } | { ok: false; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const notices: string[] = [];
  const order: ActualsFormat[] = ["incidents", "github-actions", "gitlab", "timesheet"];
  const sources: { name: string; values: MonthValues }[] = [];
  for (const file of [...files].sort((a, b) => order.indexOf(a.format) - order.indexOf(b.format))) {
    const fail = (list: readonly Problem[]) => {
      problems.push(...fileProblems(file.name, list));
    };
    if (file.format === "github-actions" || file.format === "gitlab") {
      const parsed = file.format === "github-actions" ? parseGithubRuns(file.text) : parseGitlabPipelines(file.text);
      if (parsed.ok) sources.push({ name: file.name, values: fromRuns(parsed.value, file.name, options.deployPattern, notices) });
      else fail(parsed.problems);
    } else if (file.format === "incidents") {
      const parsed = parseEventsCsv(file.text);
      if (parsed.ok) sources.push({ name: file.name, values: fromEvents(parsed.value, file.name, notices) });
      else fail(parsed.problems);
    } else {
      const parsed = parseTimesheetCsv(file.text);
      if (!parsed.ok) fail(parsed.problems);
      else if (options.rules.length === 0)
        problems.push({
          file: file.name,
          record: "--map",
          message: 'a time sheet needs --map rules, e.g. --map "Meeting=meetings" --map "Data refresh=manualTasks.dataRefresh"',
        });
      else {
        const wrong = options.chores ? choreProblems(file.name, options.rules, options.chores) : [];
        if (wrong.length > 0) problems.push(...wrong);
        else sources.push({ name: file.name, values: fromTimesheet(parsed.value, file.name, options.rules, notices) });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const merged = new Map<string, Record<string, number>>();
  const from = new Map<string, string>();
  for (const source of sources) {
    for (const [month, record] of source.values) {
      const row = merged.get(month) ?? {};
      for (const [field, value] of Object.entries(record)) {
        const key = `${month} ${field}`;
        if (field in row) notices.push(`${month}: ${field} from ${source.name} (${value}) left out: ${from.get(key)} gives it (${row[field]})`);
        else {
          row[field] = value;
          from.set(key, source.name);
        }
      }
      merged.set(month, row);
    }
  }
  const months = [...merged.keys()].sort();
  const fields = [...new Set(months.flatMap((month) => Object.keys(merged.get(month)!)))];
  const lines = [
    ["month", ...fields].join(","),
    ...months.map((month) => [month, ...fields.map((field) => String(merged.get(month)![field] ?? ""))].join(",")),
  ];
  return { ok: true, csv: `${lines.join("\n")}\n`, months, notices };
}

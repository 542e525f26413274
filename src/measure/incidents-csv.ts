import { listInWords } from "../format/words.js";
import { columnIndex, readCsv } from "./csv.js";
import { MAX_LISTED_PROBLEMS, failed, quoted, succeeded, type Parsed, type Problem } from "./problems.js";
import { measuredNote, perMonth, countedRecords, rangeOf, type Measurement, type MonthlyValue, type Observation, type Proposal } from "./proposal.js";
import { mean } from "./stats.js";
import { byMonthOf, parseTimestamp } from "./time.js";
import { plural } from "../format/numbers.js";

/** A deployment or an incident read from a CSV export. */
export interface ChangeEvent {
  readonly line: number;
  readonly kind: "deployment" | "incident";
  readonly start: number;
  /** When service was restored (incidents); undefined while an incident is open. */
  readonly end: number | undefined;
}

export interface EventExport {
  /** "PagerDuty incidents" or "deployments and incidents". */
  readonly format: string;
  readonly events: readonly ChangeEvent[];
}

const deploymentWords = new Set(["deployment", "deploy", "release"]);
const incidentWords = new Set(["incident", "failure", "outage"]);

/**
 * Deployments and incidents from a CSV, in one of two shapes (told apart by the header):
 * - PagerDuty's incidents export: one incident a line, with created_on and resolved_on (and id,
 *   title or description, urgency, service, which are not needed);
 * - our own: `type` (deployment or incident), `start` (when it was deployed, when the incident
 *   began) and `end` (when service was restored; empty for a deployment or an open incident).
 * Times are ISO 8601 (with a zone, else read as written).
 */
export function parseEventsCsv(text: string): Parsed<EventExport> {
  let columns: EventColumns | undefined;
  const problems: Problem[] = [];
  const events: ChangeEvent[] = [];
  const problem = (line: number, column: string, message: string) => {
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ record: `line ${line}, column ${column}`, message });
  };
  // Each row is checked as it is read; once one has a problem, no event is kept (none will be measured).
  const table = readCsv(text, (row, header) => {
    columns ??= eventColumns(header);
    const { isPagerDuty, type, start, end } = columns;
    if (columns.missing.length > 0) return;
    const kindText = isPagerDuty ? "incident" : row.cells[type]!.trim().toLowerCase();
    const kind = deploymentWords.has(kindText) ? "deployment" : incidentWords.has(kindText) ? "incident" : undefined;
    if (!kind) {
      problem(row.line, header[type]!, `${quoted(row.cells[type])} is neither a deployment nor an incident (allowed: deployment, incident)`);
      return;
    }
    const at = parseTimestamp(row.cells[start]!);
    if (at === undefined) {
      problem(row.line, header[start]!, `${quoted(row.cells[start])} is not a timestamp (expected e.g. 2026-01-05T09:12:00Z)`);
      return;
    }
    const endText = end === -1 ? "" : row.cells[end]!.trim();
    const until = endText === "" ? undefined : parseTimestamp(endText);
    if (endText !== "" && until === undefined) {
      problem(row.line, header[end]!, `${quoted(endText)} is not a timestamp (expected e.g. 2026-01-05T11:40:00Z)`);
      return;
    }
    if (until !== undefined && until < at) {
      problem(row.line, header[end]!, `${quoted(endText)} is before ${quoted(row.cells[start])}: service cannot be restored before the incident starts`);
      return;
    }
    if (problems.length === 0) events.push({ line: row.line, kind, start: at, end: kind === "incident" ? until : undefined });
  });
  if (!table.ok) return failed(table.problems);
  columns ??= eventColumns(table.header);
  if (columns.missing.length > 0) {
    return failed([
      {
        record: "line 1 (the header)",
        message: `no column ${columns.missing.join(", ")}: expected PagerDuty's incidents export (created_on, resolved_on, …) or the columns type, start, end (found: ${table.header.join(", ")})`,
      },
    ]);
  }
  if (problems.length > 0) return failed(problems);
  if (events.length === 0) return failed([{ record: "", message: "the file has a header but no records: there is nothing to measure" }]);
  return succeeded({ format: columns.isPagerDuty ? "PagerDuty incidents" : "deployments and incidents", events });
}

interface EventColumns {
  readonly isPagerDuty: boolean;
  readonly type: number;
  readonly start: number;
  readonly end: number;
  /** The columns needed but not found. */
  readonly missing: readonly string[];
}

/** Where a deployments-and-incidents CSV (ours or PagerDuty's) keeps what is read from it. */
function eventColumns(header: readonly string[]): EventColumns {
  const created = columnIndex(header, "created_on", "created at");
  const isPagerDuty = created !== -1;
  const start = isPagerDuty ? created : columnIndex(header, "start", "started_at", "time", "timestamp");
  const end = isPagerDuty ? columnIndex(header, "resolved_on", "resolved at") : columnIndex(header, "end", "ended_at", "restored_at", "resolved_at");
  const type = isPagerDuty ? -1 : columnIndex(header, "type", "kind");
  const missing = [start === -1 ? "start" : "", !isPagerDuty && type === -1 ? "type" : "", isPagerDuty && end === -1 ? "resolved_on" : ""].filter(Boolean);
  return { isPagerDuty, type, start, end, missing };
}

export interface EventOptions {
  /** Live projects (projects.alreadyLive), for deployments per project. */
  readonly liveProjects?: number;
  /**
   * The team's deployments a month measured elsewhere (CI runs), for the change-failure rate when
   * the file itself has no deployments.
   */
  readonly deploymentsPerMonth?: { readonly monthly: readonly MonthlyValue[]; readonly source: string };
}

/**
 * Monthly figures of deployments and incidents and the inputs they propose:
 * - breakage.hoursToRestore: the month's mean of resolved − created over resolved incidents;
 * - breakage.changeFailureRate: incidents a month ÷ deployments a month (at most 1: a month with
 *   incidents and no deployment is 1 too), deployments from the file, else from the CI runs measured
 *   with it; a month with neither, or not counted by the CI runs, is left out, with a notice;
 * - breakage.deploymentsPerProjectPerMonth: the file's deployments a month ÷ live projects;
 * - incidents a month and deployments a month (the team), shown as observations.
 */
export function measureEvents(data: EventExport, from: string, options: EventOptions = {}): Measurement {
  const { items: events, span, months, notices, leftOut: leftOutOf } = countedRecords(data.events, (event) => event.start, data.format);
  const proposals: Proposal[] = [];
  const observations: Observation[] = [];
  const incidents = events.filter((event) => event.kind === "incident");
  const deployments = events.filter((event) => event.kind === "deployment");
  const provenance = { source: data.format, from, period: months };
  const grouped = new Map<readonly ChangeEvent[], Map<string, ChangeEvent[]>>();
  const inMonth = (list: readonly ChangeEvent[], month: string): readonly ChangeEvent[] => {
    let groups = grouped.get(list);
    if (!groups) grouped.set(list, (groups = byMonthOf(list, (event) => event.start)));
    return groups.get(month) ?? [];
  };

  const incidentsPerMonth = months.map((month) => ({ month: month.month, value: perMonth(inMonth(incidents, month.month).length, month) }));
  if (incidents.length > 0 && months.length > 0) {
    observations.push({
      what: "incidents a month",
      ...rangeOf(incidentsPerMonth, 1),
      note: measuredNote("incidents a month", { ...provenance, counted: plural(incidents.length, "incident") }, span, incidentsPerMonth),
      monthly: incidentsPerMonth,
    });
  }

  const restore: MonthlyValue[] = [];
  const resolved = incidents.filter((event) => event.end !== undefined);
  for (const month of months) {
    const hours = inMonth(resolved, month.month).map((event) => (event.end! - event.start) / 3_600_000);
    if (hours.length > 0) restore.push({ month: month.month, value: mean(hours) });
  }
  if (incidents.length > resolved.length)
    notices.push(
      `${data.format}: ${incidents.length - resolved.length} of ${plural(incidents.length, "incident")} ${incidents.length - resolved.length === 1 ? "has" : "have"} no resolved time and ${incidents.length - resolved.length === 1 ? "is" : "are"} left out of the hours to restore`,
    );
  if (restore.length > 0) {
    proposals.push({
      input: "breakage.hoursToRestore",
      ...rangeOf(restore, 1),
      note: measuredNote(
        "mean hours from an incident's start to its resolution, by month",
        { ...provenance, counted: plural(resolved.length, "resolved incident") },
        span,
        restore,
      ),
      monthly: restore,
    });
  }

  let deploymentsSource: { monthly: readonly MonthlyValue[]; source: string } | undefined = options.deploymentsPerMonth;
  if (deployments.length > 0 && months.length > 0) {
    const monthly = months.map((month) => ({ month: month.month, value: perMonth(inMonth(deployments, month.month).length, month) }));
    deploymentsSource = { monthly, source: `${plural(deployments.length, "deployment")} in the same file` };
    const counted = plural(deployments.length, "deployment");
    observations.push({
      what: "deployments a month (the team)",
      ...rangeOf(monthly, 1),
      note: measuredNote("deployments a month", { ...provenance, counted }, span, monthly),
      monthly,
    });
    if (options.liveProjects !== undefined && options.liveProjects > 0) {
      const perProject = monthly.map((entry) => ({ month: entry.month, value: entry.value / options.liveProjects! }));
      proposals.push({
        input: "breakage.deploymentsPerProjectPerMonth",
        ...rangeOf(perProject, 2),
        note: measuredNote(`deployments a month ÷ ${plural(options.liveProjects, "live project")}`, { ...provenance, counted }, span, perProject),
        monthly: perProject,
      });
    } else {
      notices.push(`${data.format}: projects.alreadyLive is not a plain number above 0 (or give --live-projects): deployments per project not proposed`);
    }
  }

  if (incidents.length > 0 && deploymentsSource) {
    const rates: MonthlyValue[] = [];
    // Months with more incidents than deployments, and months with incidents and no deployment:
    // a rate of 1 there is a cap, not a measurement, and each is named for what it is.
    const moreIncidents: string[] = [];
    const noDeployment: string[] = [];
    // Months the deployments' source does not cover (CI runs of a shorter period): their deployments are unknown, not 0.
    const uncovered: string[] = [];
    const neither: string[] = [];
    for (const entry of incidentsPerMonth) {
      const deployed = deploymentsSource.monthly.find((other) => other.month === entry.month)?.value;
      if (deployed === undefined) {
        if (entry.value > 0) uncovered.push(entry.month);
        continue;
      }
      if (deployed === 0 && entry.value === 0) {
        neither.push(entry.month);
        continue;
      }
      if (deployed === 0) noDeployment.push(entry.month);
      else if (entry.value > deployed) moreIncidents.push(entry.month);
      rates.push({ month: entry.month, value: deployed === 0 ? 1 : Math.min(1, entry.value / deployed) });
    }
    const monthsWord = (list: readonly string[]) => `${list.length === 1 ? "month" : "months"} ${listInWords(list)}`;
    // "2026-03 (more incidents than deployments: every deployment failed) and in 2026-02 (incidents with no deployment)"
    const cappedWhere = [
      ...(moreIncidents.length === 0 ? [] : [`${listInWords(moreIncidents)} (more incidents than deployments: every deployment failed)`]),
      ...(noDeployment.length === 0 ? [] : [`${listInWords(noDeployment)} (incidents with no deployment)`]),
    ].join(" and in ");
    if (cappedWhere !== "")
      notices.push(
        `${data.format}: the change-failure rate is taken as 1 in ${cappedWhere}: ` +
          "incidents no deployment caused (an outage of the platform, say) count too; check the incidents before writing the rate",
      );
    if (neither.length > 0)
      notices.push(
        `${data.format}: no deployment and no incident in ${monthsWord(neither)}: there is no change-failure rate to take there, so it is left out of the range`,
      );
    if (rates.length > 0) {
      if (uncovered.length > 0)
        notices.push(
          `${data.format}: no deployments counted (${deploymentsSource.source}) in ${monthsWord(uncovered)}: its incidents have nothing to divide by, so it is left out of the change-failure rate`,
        );
      const cappedText = cappedWhere === "" ? "" : `, taken as 1 in ${cappedWhere}`;
      proposals.push({
        input: "breakage.changeFailureRate",
        ...rangeOf(rates, 2, 1),
        note: measuredNote(
          `incidents a month ÷ deployments a month (${deploymentsSource.source}), at most 1${cappedText}`,
          { ...provenance, counted: plural(incidents.length, "incident") },
          span,
          rates,
        ),
        monthly: rates,
      });
    } else
      notices.push(`${data.format}: no deployments counted (${deploymentsSource.source}) in the months of the incidents: change-failure rate not proposed`);
  } else if (incidents.length > 0) {
    // Deployments only in a month left out are in the file: it is not that the file has none.
    const leftOut = leftOutOf(data.events.filter((event) => event.kind === "deployment"));
    notices.push(
      leftOut
        ? `${data.format}: the deployments in the file ${leftOut}, and no CI runs given: change-failure rate not proposed (add --github-runs or --gitlab-pipelines)`
        : `${data.format}: no deployments in the file and no CI runs given: change-failure rate not proposed (add --github-runs or --gitlab-pipelines)`,
    );
  }
  return { proposals, observations, notices };
}

import { teamWords } from "./planned-teams.js";
import { RecordedMonthsError, writeActuals, type DroppedMeasures } from "./actual-repository.js";
import type { ActualRows } from "./actual-rows.js";
import { restoreHoursWithoutIncident } from "../engine/index.js";
import { actualFields } from "../shared/actual-fields.js";
import type { ColumnTarget } from "./csv/columns.js";
import type { TextEncodingName } from "./csv/decode.js";
import type { LineIssue } from "../shared/csv.js";
import { readActualsColumns } from "./csv/read-actuals.js";
import type { StoreDatabase } from "./database.js";
import { sha256Hex } from "./fingerprint.js";
import { planCalendars, plannedTeams } from "./plan-repository.js";

export interface ImportActualsOptions {
  fileName: string;
  /** Team of rows when the file has no team column. */
  team: string;
  map?: ReadonlyMap<string, ColumnTarget>;
  encoding?: TextEncodingName;
  delimiter?: string;
  /** Numbers are written with a decimal comma ("12,5"). */
  decimalComma?: boolean;
  replace?: boolean;
  /** Check everything (months already recorded too, and what replacing them would drop), write nothing. */
  dryRun?: boolean;
  /** Called after each row is written, inside the transaction. */
  onRowWritten?: (written: number) => void;
}

export type ImportOutcome =
  /** Bad rows, or months already recorded: nothing was written. */
  | {
      status: "refused";
      /** The first problems (at most MAX_KEPT_ISSUES of a file's), in line order. */
      issues: LineIssue[];
      /** Every problem found, `issues` and those left out. */
      issueCount: number;
      /** `issueCount` is the least the file has (it names more teams without a plan than are counted). */
      atLeast?: true;
      reason: "invalid" | "already recorded" | "empty";
    }
  | {
      status: "checked" | "imported";
      months: number;
      teams: string[];
      /** Months replaced (with a dry run: that would be). */
      replaced: number;
      /** What the months replaced held that their new records do not give (gone with them; with a dry run: would be). */
      dropped?: DroppedMeasures[];
      encoding?: TextEncodingName;
      delimiter?: string;
      /** Months that record hours to restore with no incident (`restoreHoursWithoutIncident`), the first MAX_KEPT_WARNINGS in line order: recorded as given. */
      restoreHoursWithoutIncident?: RestoreHoursWithoutIncident[];
      /** How many months of the file record hours to restore with no incident, those kept and those left out. */
      restoreHoursWithoutIncidentCount?: number;
      /** The hours to restore of all those months (kept and left out), summed for each team, in the order the file names them: what they cost as outage is the team's plan's rule. */
      restoreHoursWithoutIncidentByTeam?: {
        team: string;
        hoursToRestore: number;
        /** The same hours by month of the team's plan: what they cost is the rule in force that month (`rulesInForce`). */
        byMonth?: { month: number; hoursToRestore: number }[];
      }[];
    };

/** A month of a CSV that records hours to restore with no incident. */
export interface RestoreHoursWithoutIncident {
  line: number;
  team: string;
  month: number;
  hoursToRestore: number;
}

/** How many months recording hours to restore with no incident an import names (the count says how many more). */
export const MAX_KEPT_WARNINGS = 10;

/**
 * The months of `rows` that record hours to restore with no incident, the first `MAX_KEPT_WARNINGS`,
 * how many in all, and the hours of all of them summed for each team.
 */
function restoreHoursWithoutIncidents(rows: ActualRows): {
  kept: RestoreHoursWithoutIncident[];
  count: number;
  byTeam: Map<string, number>;
  byTeamMonth: Map<string, Map<number, number>>;
} {
  const incidentsField = actualFields.indexOf("incidents");
  const hoursField = actualFields.indexOf("hoursToRestore");
  const kept: RestoreHoursWithoutIncident[] = [];
  const byTeam = new Map<string, number>();
  const byTeamMonth = new Map<string, Map<number, number>>();
  let count = 0;
  for (let row = 0; row < rows.length; row++) {
    const incidents = rows.value(row, incidentsField);
    const hoursToRestore = rows.value(row, hoursField);
    if (incidents === null || hoursToRestore === null || !restoreHoursWithoutIncident({ incidents, hoursToRestore })) continue;
    count++;
    byTeam.set(rows.team(row), (byTeam.get(rows.team(row)) ?? 0) + hoursToRestore);
    const months = byTeamMonth.get(rows.team(row)) ?? new Map<number, number>();
    months.set(rows.month(row), (months.get(rows.month(row)) ?? 0) + hoursToRestore);
    byTeamMonth.set(rows.team(row), months);
    if (kept.length < MAX_KEPT_WARNINGS) kept.push({ line: rows.line(row) ?? 0, team: rows.team(row), month: rows.month(row), hoursToRestore });
  }
  return { kept, count, byTeam, byTeamMonth };
}

/**
 * Imports a CSV of actuals into a store: every row is read and checked first (with its line),
 * then all rows are written in one transaction. Nothing is ever half-imported; a refused import
 * can be fixed and rerun.
 * @example importActualsCsv(store, readFileSync("actuals.csv"), { fileName: "actuals.csv", team: "default" })
 */
export function importActualsCsv(store: StoreDatabase, bytes: Uint8Array, options: ImportActualsOptions): ImportOutcome {
  const planOf = planCalendars(store);
  const read = readActualsColumns(bytes, {
    fileName: options.fileName,
    team: options.team,
    ...(options.map ? { map: options.map } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.decimalComma ? { decimalComma: true } : {}),
    planOf,
    plannedTeams: plannedTeams(store),
  });
  if (read.issueCount > 0)
    return { status: "refused", reason: "invalid", issues: read.issues, issueCount: read.issueCount, ...(read.atLeast ? { atLeast: true } : {}) };
  const rows = read.columns;
  if (rows.length === 0) return { status: "refused", reason: "empty", issues: [{ line: 1, message: "no months to import (only a header)" }], issueCount: 1 };
  const named = new Set<string>();
  for (let row = 0; row < rows.length; row++) named.add(rows.team(row));
  const teams = [...named];
  const warned = restoreHoursWithoutIncidents(rows);
  const described = {
    ...(warned.count > 0
      ? {
          restoreHoursWithoutIncident: warned.kept,
          restoreHoursWithoutIncidentCount: warned.count,
          restoreHoursWithoutIncidentByTeam: [...warned.byTeam].map(([team, hoursToRestore]) => ({
            team,
            hoursToRestore,
            byMonth: [...(warned.byTeamMonth.get(team) ?? [])].map(([month, hours]) => ({ month, hoursToRestore: hours })),
          })),
        }
      : {}),
    months: rows.length,
    teams,
    ...(read.encoding ? { encoding: read.encoding } : {}),
    ...(read.delimiter ? { delimiter: read.delimiter } : {}),
  };
  try {
    const result = writeActuals(store, rows, {
      replace: options.replace ?? false,
      importedFile: { fileName: options.fileName, sha256: sha256Hex(bytes) },
      ...(options.onRowWritten ? { onRowWritten: options.onRowWritten } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
    });
    return {
      status: options.dryRun ? "checked" : "imported",
      replaced: result.replaced,
      ...(result.dropped.length > 0 ? { dropped: result.dropped } : {}),
      ...described,
    };
  } catch (error) {
    if (!(error instanceof RecordedMonthsError)) throw error;
    const several = teams.length > 1 || teams[0] !== options.team;
    const issues = error.conflicts.map((conflict) => ({
      line: conflict.line ?? 0,
      column: "month",
      message: `month ${conflict.month}${several ? ` of ${teamWords(conflict.team)}` : ""} is already recorded (by ${conflict.storedSource})`,
    }));
    return { status: "refused", reason: "already recorded", issues, issueCount: issues.length };
  }
}

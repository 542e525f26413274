import { actualFields, type ActualField, type ActualMonth, type ActualValues } from "../shared/actual-fields.js";
import { StoreError, type StoreDatabase } from "./database.js";

/** A month that is already in the store, found while writing. */
export interface RecordedMonthConflict {
  team: string;
  month: number;
  /** Where the new row came from (e.g. "import actuals.csv line 4"). */
  source?: string;
  /** Where the stored row came from. */
  storedSource: string;
}

/** Writing would overwrite months already recorded; nothing was written. */
export class RecordedMonthsError extends StoreError {
  constructor(readonly conflicts: RecordedMonthConflict[]) {
    super(`${conflicts.length} month${conflicts.length === 1 ? " is" : "s are"} already recorded; use --replace to overwrite them`);
    this.name = "RecordedMonthsError";
  }
}

export interface WriteActualsOptions {
  /** Overwrite months already recorded (the whole month's record is replaced). */
  replace: boolean;
  /** Recorded in the imports table when the rows come from a file. */
  importedFile?: { fileName: string; sha256: string };
  /** Called after each row is written, inside the transaction (progress; tests use it to crash mid-import). */
  onRowWritten?: (written: number) => void;
}

const insertSql = `INSERT OR REPLACE INTO actuals (team, month, ${actualFields.join(", ")}, note, source, recorded_at)
  VALUES (@team, @month, ${actualFields.map((field) => `@${field}`).join(", ")}, @note, @source, @recordedAt)`;

/**
 * Writes months of actuals in ONE immediate transaction: either every row is stored or none is.
 * Months already recorded are refused (all listed) unless `replace`.
 * @example writeActuals(store, [{ team: "default", month: 1, values: { upkeepHours: 20 } }], { replace: false })
 */
export function writeActuals(database: StoreDatabase, rows: readonly ActualMonth[], options: WriteActualsOptions): { written: number; replaced: number } {
  const existing = database.prepare("SELECT source FROM actuals WHERE team = ? AND month = ?").pluck();
  const insert = database.prepare(insertSql);
  const horizonOf = database.prepare("SELECT horizon_months FROM plans WHERE team = ? AND superseded_at IS NULL").pluck();
  const write = database.transaction(() => {
    // Checked again inside the transaction: another process may have replaced the plan meanwhile.
    const horizons = new Map<string, number | undefined>();
    for (const row of rows) {
      if (!horizons.has(row.team)) horizons.set(row.team, horizonOf.get(row.team) as number | undefined);
      const horizon = horizons.get(row.team);
      if (horizon === undefined) throw new StoreError(`team ${JSON.stringify(row.team)} has no plan in this store; nothing was written`);
      if (!Number.isInteger(row.month) || row.month < 1 || row.month > horizon) {
        throw new StoreError(`month ${row.month} of team ${JSON.stringify(row.team)} is outside its plan's months 1 to ${horizon}; nothing was written`);
      }
    }
    const conflicts: RecordedMonthConflict[] = [];
    for (const row of rows) {
      const storedSource = existing.get(row.team, row.month) as string | undefined;
      if (storedSource !== undefined) conflicts.push({ team: row.team, month: row.month, ...(row.source ? { source: row.source } : {}), storedSource });
    }
    if (conflicts.length > 0 && !options.replace) throw new RecordedMonthsError(conflicts);
    const recordedAt = new Date().toISOString();
    let written = 0;
    for (const row of rows) {
      const parameters: Record<string, unknown> = { team: row.team, month: row.month, note: row.note ?? null, source: row.source ?? "track add", recordedAt };
      for (const field of actualFields) parameters[field] = row.values[field] ?? null;
      insert.run(parameters);
      written++;
      options.onRowWritten?.(written);
    }
    if (options.importedFile) {
      database
        .prepare("INSERT INTO imports (file_name, sha256, rows, replaced, imported_at) VALUES (?, ?, ?, ?, ?)")
        .run(options.importedFile.fileName, options.importedFile.sha256, written, conflicts.length, recordedAt);
    }
    return { written, replaced: conflicts.length };
  });
  return write.immediate();
}

type ActualRow = { team: string; month: number; note: string | null; source: string } & Record<ActualField, number | null>;

/**
 * A team's recorded months, in month order.
 * @example readActuals(store, "default").map((actual) => actual.month) // [1, 2, 3]
 */
export function readActuals(database: StoreDatabase, team: string): ActualMonth[] {
  const rows = database.prepare("SELECT * FROM actuals WHERE team = ? ORDER BY month").all(team) as ActualRow[];
  return rows.map((row) => {
    const values: ActualValues = {};
    for (const field of actualFields) {
      const value = row[field];
      if (value !== null && value !== undefined) values[field] = value;
    }
    return { team: row.team, month: row.month, values, ...(row.note ? { note: row.note } : {}), source: row.source };
  });
}

/**
 * Recorded months per team.
 * @example countActuals(store) // { default: 6 }
 */
export function countActuals(database: StoreDatabase): Record<string, number> {
  const rows = database.prepare("SELECT team, count(*) AS count FROM actuals GROUP BY team ORDER BY team").all() as { team: string; count: number }[];
  return Object.fromEntries(rows.map((row) => [row.team, row.count]));
}

import { teamWords } from "./planned-teams.js";
import { actualFields, type ActualField, type ActualMonth, type ActualValues } from "../shared/actual-fields.js";
import { monthRows, type ActualRows } from "./actual-rows.js";
import { noteWrite, StoreError, type StoreDatabase } from "./database.js";

/** A month that is already in the store, found while writing. */
export interface RecordedMonthConflict {
  team: string;
  month: number;
  /** Where the new row came from (e.g. "import actuals.csv line 4"). */
  source?: string;
  /** The new row's line in the file it was read from (4 for "import actuals.csv line 4"); absent for a row from no file. */
  line?: number;
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
  /** Check everything (the plan's months, months already recorded, what replacing them drops) and write nothing. */
  dryRun?: boolean;
}

const insertColumns = ["team", "month", ...actualFields, "note", "source", "recorded_at"];
const insertSql = `INSERT OR REPLACE INTO actuals (${insertColumns.join(", ")}) VALUES (${insertColumns.map(() => "?").join(", ")})`;

/** Rows per INSERT statement: fewer calls into SQLite for a large import. */
const BATCH_ROWS = 32;
const insertBatchSql = `INSERT OR REPLACE INTO actuals (${insertColumns.join(", ")}) VALUES ${Array.from({ length: BATCH_ROWS }, () => `(${insertColumns.map(() => "?").join(", ")})`).join(", ")}`;

/**
 * Writes months of actuals in ONE immediate transaction: either every row is stored or none is.
 * Months already recorded are refused (all listed) unless `replace`. `rows` is a list of months,
 * or the columns of an import (`ActualRows`).
 * @example writeActuals(store, [{ team: "default", month: 1, values: { upkeepHours: 20 } }], { replace: false })
 */
/** What a replaced month's record held that the record replacing it does not give: gone with it. */
export interface DroppedMeasures {
  readonly team: string;
  readonly month: number;
  readonly fields: readonly ActualField[];
  /** The note it had, when the new record has none. */
  readonly note?: string;
}

export function writeActuals(
  database: StoreDatabase,
  given: readonly ActualMonth[] | ActualRows,
  options: WriteActualsOptions,
): { written: number; replaced: number; dropped: DroppedMeasures[] } {
  const rows = isMonthList(given) ? monthRows(given) : given;
  const count = rows.length;
  const storedMonths = database.prepare("SELECT month, source FROM actuals WHERE team = ?").raw();
  const insert = database.prepare(insertSql);
  const insertBatch = count >= BATCH_ROWS ? database.prepare(insertBatchSql) : undefined;
  const horizonOf = database.prepare("SELECT horizon_months FROM plans WHERE team = ? AND superseded_at IS NULL").pluck();
  const write = database.transaction(() => {
    // A dry run writes nothing: counting it would commit a write (and need the write lock it does not take).
    if (!options.dryRun) noteWrite(database);
    // Checked again inside the transaction: another process may have replaced the plan meanwhile.
    const horizons = new Map<string, number | undefined>();
    for (let row = 0; row < count; row++) {
      const team = rows.team(row);
      const month = rows.month(row);
      if (!horizons.has(team)) horizons.set(team, horizonOf.get(team) as number | undefined);
      const horizon = horizons.get(team);
      if (horizon === undefined) throw new StoreError(`${teamWords(team)} has no plan in this store; nothing was written`);
      if (!Number.isInteger(month) || month < 1 || month > horizon) {
        throw new StoreError(`month ${month} of ${teamWords(team)} is outside its plan's months 1 to ${horizon}; nothing was written`);
      }
    }
    // Each team's recorded months, read once per team (at most its plan's horizon of them).
    const recorded = new Map<string, Map<number, string>>();
    const conflicts: RecordedMonthConflict[] = [];
    const conflictRows: number[] = [];
    for (let row = 0; row < count; row++) {
      const team = rows.team(row);
      let months = recorded.get(team);
      if (!months) {
        months = new Map(storedMonths.all(team) as [number, string][]);
        recorded.set(team, months);
      }
      const month = rows.month(row);
      const storedSource = months.get(month);
      if (storedSource === undefined) continue;
      const source = rows.source(row);
      const line = rows.line(row);
      conflicts.push({ team, month, ...(source ? { source } : {}), ...(line !== undefined ? { line } : {}), storedSource });
      conflictRows.push(row);
    }
    if (conflicts.length > 0 && !options.replace) throw new RecordedMonthsError(conflicts);
    // A month is replaced whole: what the record it replaces held and the new one leaves out is said.
    const dropped: DroppedMeasures[] = [];
    if (conflicts.length > 0) {
      const storedRow = database.prepare("SELECT * FROM actuals WHERE team = ? AND month = ?");
      conflicts.forEach((conflict, index) => {
        const row = conflictRows[index]!;
        const stored = storedRow.get(conflict.team, conflict.month) as ActualRow;
        const fields = actualFields.filter((field, at) => stored[field] !== null && (rows.value(row, at) ?? null) === null);
        const note = stored.note !== null && stored.note !== "" && (rows.note(row) ?? null) === null;
        if (fields.length > 0 || note) dropped.push({ team: conflict.team, month: conflict.month, fields, ...(note ? { note: stored.note! } : {}) });
      });
    }
    if (options.dryRun) return { written: 0, replaced: conflicts.length, dropped };
    const recordedAt = new Date().toISOString();
    // The parameters of BATCH_ROWS rows, refilled batch after batch: each row's columns in `insertColumns` order.
    const width = insertColumns.length;
    const fieldCount = actualFields.length;
    const parameters: unknown[] = new Array(width * (insertBatch ? BATCH_ROWS : 1));
    const fill = (row: number, at: number) => {
      parameters[at] = rows.team(row);
      parameters[at + 1] = rows.month(row);
      for (let field = 0; field < fieldCount; field++) parameters[at + 2 + field] = rows.value(row, field);
      parameters[at + fieldCount + 2] = rows.note(row) ?? null;
      parameters[at + fieldCount + 3] = rows.source(row) ?? "track add";
      parameters[at + fieldCount + 4] = recordedAt;
    };
    const onRowWritten = options.onRowWritten;
    let written = 0;
    if (insertBatch) {
      while (written + BATCH_ROWS <= count) {
        for (let index = 0; index < BATCH_ROWS; index++) fill(written + index, index * width);
        insertBatch.run(parameters);
        for (let index = 0; index < BATCH_ROWS; index++) {
          written++;
          onRowWritten?.(written);
        }
      }
      parameters.length = width;
    }
    while (written < count) {
      fill(written, 0);
      insert.run(parameters);
      written++;
      onRowWritten?.(written);
    }
    if (options.importedFile) {
      database
        .prepare("INSERT INTO imports (file_name, sha256, rows, replaced, imported_at) VALUES (?, ?, ?, ?, ?)")
        .run(options.importedFile.fileName, options.importedFile.sha256, written, conflicts.length, recordedAt);
    }
    return { written, replaced: conflicts.length, dropped };
  });
  // A dry run only reads: it takes no write lock.
  return options.dryRun ? write.deferred() : write.immediate();
}

function isMonthList(rows: readonly ActualMonth[] | ActualRows): rows is readonly ActualMonth[] {
  return Array.isArray(rows);
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

import Database from "better-sqlite3";
import { accessSync, constants, existsSync, lstatSync, mkdirSync, readlinkSync, realpathSync, rmSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { randomInt } from "node:crypto";
import { LATEST_SCHEMA_VERSION, migrations } from "./migrations.js";
import { logMismatch, readLogWrites, readStoreHeader } from "./write-ahead-log.js";

export type StoreDatabase = Database.Database;

/** A problem with the store a user can act on; the command line prints it without a stack trace. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}

/** Marks our SQLite files ("MLRO"), so another program's database is refused, not migrated. */
const APPLICATION_ID = 0x4d4c524f;
/** How long a writer waits for another process's transaction before giving up. */
const BUSY_TIMEOUT_MS = 15_000;

export { storePathFor } from "./store-path.js";

function schemaVersion(database: StoreDatabase): number {
  const exists = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return 0;
  return (database.prepare("SELECT max(version) AS version FROM schema_migrations").get() as { version: number | null }).version ?? 0;
}

function applyMigrations(database: StoreDatabase, path: string): void {
  // An up-to-date store is only read, so a read-only copy (a backup) can still be shown.
  if (schemaVersion(database) === LATEST_SCHEMA_VERSION) return;
  const migrate = database.transaction(() => {
    noteWrite(database);
    database.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    const row = database.prepare("SELECT max(version) AS version FROM schema_migrations").get() as { version: number | null };
    const current = row.version ?? 0;
    if (current > LATEST_SCHEMA_VERSION) {
      throw new StoreError(
        `${path} was written by a newer mlops-roi (store version ${current}; this one knows up to ${LATEST_SCHEMA_VERSION}); upgrade mlops-roi`,
      );
    }
    const record = database.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      database.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    if (current === 0) {
      database.pragma(`application_id = ${APPLICATION_ID}`);
      // A new store's count starts at random, so that two stores made apart do not count alike (src/store/write-ahead-log.ts).
      database.pragma(`user_version = ${firstWriteCount()}`);
    }
  });
  // IMMEDIATE: two processes opening a new store at once must not both migrate it.
  migrate.immediate();
}

const MAX_WRITE_COUNT = 2_147_483_647;

/**
 * The write count a new store starts at: a random number from 1 to 2^30, not 1, so that two stores
 * made apart do not count alike and a log of one is told from the other's (src/store/write-ahead-log.ts).
 * At least 2^30 writes follow before the count starts again at 1.
 */
export function firstWriteCount(): number {
  return randomInt(1, FIRST_WRITE_COUNTS + 1);
}

/** 2^30: the random first counts a new store may take. */
const FIRST_WRITE_COUNTS = 1_073_741_824;

/**
 * Counts a write in the store's header (`PRAGMA user_version`), inside the write's transaction: every
 * transaction then carries page 1 with its count into the write-ahead log, and a log left beside a
 * store can be told to belong to it or not (src/store/write-ahead-log.ts). Every write transaction calls it first.
 */
export function noteWrite(database: StoreDatabase): void {
  const writes = database.pragma("user_version", { simple: true }) as number;
  // PRAGMA user_version is a signed 32-bit number: the count starts again at 1 after 2,147,483,647 writes.
  database.pragma(`user_version = ${writes >= MAX_WRITE_COUNT ? 1 : writes + 1}`);
}

/**
 * Refuses a write-ahead log beside a store that another version of the store left (the store restored
 * from a copy with `cp`, the log of the one it replaced still beside it): SQLite would replay it onto
 * the store, mixing the two versions.
 *
 * A process writing the store meanwhile copies its log into the file and starts a new log between
 * any two reads, so the log and the header are read in the order that keeps each comparison true of
 * the store's own log: the file's count only grows, and a log starts right after the file holds
 * every earlier write. The log read before the header started no later than the header's count
 * allows (an older copy); the log read after it ends no earlier than the header's count (a newer
 * copy). Refused only when a second look finds the same.
 */
function refuseForeignLog(path: string): void {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return;
  }
  const wal = `${real}-wal`;
  const mismatch = (): string | undefined => {
    const earlier = readLogWrites(wal);
    const store = readStoreHeader(real);
    if (!store || !earlier) return undefined;
    const why = logMismatch(store, earlier);
    // The store may hold writes the log read before it does not: read the log as it is now.
    if (why === undefined || earlier.pageSize !== store.pageSize || store.writes <= earlier.last) return why;
    const later = readLogWrites(wal);
    return later && later.pageSize === store.pageSize && store.writes > later.last ? logMismatch(store, { ...later, first: 0 }) : undefined;
  };
  if (!existsSync(wal) || mismatch() === undefined) return;
  const why = mismatch(); // A second look: still another version's?
  if (why === undefined) return;
  const shown = real === resolve(path) ? path : real;
  throw new StoreError(
    `${shown}-wal, the write-ahead log beside the store, was not written on this version of ${shown} (${why}); SQLite would replay it onto the store, mixing two versions of it. If you restored ${shown} from a copy, move ${shown}-wal and ${shown}-shm away (they hold the changes of the version you replaced) and run again; else put back the store they belong to; nothing was written`,
  );
}

/** Whether a link is at `path` (false when nothing, or a file in the way of its folders, is). */
function isLink(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
  } catch {
    return false;
  }
}

/** The files SQLite keeps beside a store, by the path it opens them at, and what each holds. */
const journalFiles = [
  { suffix: "-wal", what: "write-ahead log" },
  { suffix: "-shm", what: "shared-memory index of the write-ahead log" },
  { suffix: "-journal", what: "rollback journal" },
] as const;

/**
 * The journal files beside a store that exist, as plain files; a StoreError for one that is a link
 * (pointing nowhere or anywhere), a folder, or a device, pipe or socket. SQLite opens `STORE-wal`, `STORE-shm` and
 * `STORE-journal` itself, through any link, and a link that points nowhere or a folder there was
 * reported as a read-only folder: the user named the store, not these, so nothing is written
 * through them. SQLite names them after the store's real path (a store that is a link keeps its
 * journal beside the file it points to).
 * @example journalFilesBeside("case.db") // ["/cases/case.db-wal", "/cases/case.db-shm"] while a process has it open
 */
export function journalFilesBeside(path: string): string[] {
  const found: string[] = [];
  let real = path;
  try {
    if (existsSync(path)) real = realpathSync(path);
  } catch {
    // A path that cannot be resolved: opening it says why.
  }
  const shown = real === resolve(path) ? path : real;
  for (const { suffix, what } of journalFiles) {
    const file = `${real}${suffix}`;
    const name = `${shown}${suffix}`;
    let stats: ReturnType<typeof lstatSync>;
    try {
      stats = lstatSync(file, { throwIfNoEntry: false });
    } catch {
      continue; // Not to be looked at: SQLite's own error says why.
    }
    if (!stats) continue;
    if (stats.isSymbolicLink()) {
      const target = readlinkSync(file);
      const where = existsSync(file) ? `a link to ${target}` : `a link to ${target}, which does not exist (it points nowhere)`;
      throw new StoreError(
        `${name} is ${where}; SQLite keeps the store's ${what} there, and nothing is read or written through a link you did not give: remove the link ${name} and run again; nothing was written`,
      );
    }
    if (stats.isDirectory())
      throw new StoreError(`${name} is a folder; SQLite keeps the store's ${what} there: move the folder away and run again; nothing was written`);
    if (!stats.isFile())
      throw new StoreError(
        `${name} is not a plain file (a device, pipe or socket); SQLite keeps the store's ${what} there: move it away and run again; nothing was written`,
      );
    found.push(file);
  }
  return found;
}

/**
 * Opens (or, with `create`, creates) a store: WAL journal so readers never block the writer, a busy
 * timeout so concurrent writers wait instead of failing, foreign keys on, and the schema migrated
 * to the latest version in one transaction.
 * @example const store = openStore("case.db", { create: true })
 */
export function openStore(path: string, options: { create?: boolean } = {}): StoreDatabase {
  // SQLite would create the store where a link that points nowhere leads (case.db → a folder
  // anywhere): a file is never created through a link (docs/commands.md, "How files are written").
  if (isLink(path) && !existsSync(path)) {
    throw new StoreError(
      `${path} is a link to ${readlinkSync(path)}, which does not exist; no store is created through a link: remove the link, or give the store with --db PATH`,
    );
  }
  if (!options.create && !existsSync(path)) {
    throw new StoreError(`${path}: no store here; freeze a plan first with \`mlops-roi track plan CASE.yaml\` (or give the store with --db PATH)`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) throw new StoreError(`${path} is a folder; expected a store file (.db)`);
  journalFilesBeside(path);
  refuseForeignLog(path);
  const creating = options.create === true && !existsSync(path);
  if (creating) {
    // As for every file the commands write: the folders on the way are made, and a file in their place is named.
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ENOTDIR" || code === "EEXIST")
        throw new StoreError(`cannot create the store ${path}: part of the path is a file, not a folder; nothing was written`);
      throw new StoreError(`cannot create the store ${path}: its folder cannot be made (${code ?? (error as Error).message}); nothing was written`);
    }
  }
  let database: StoreDatabase;
  try {
    database = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new StoreError((creating ? cannotCreate(path) : undefined) ?? accessProblem(path) ?? `${path}: cannot open the store (${(error as Error).message})`);
  }
  try {
    if (ofAnotherProgram(database)) {
      throw new StoreError(`${path} is a SQLite database of another program, not an mlops-roi store; give another path with --db`);
    }
    // Only `track plan` makes a store. Any other command given an empty file (or an SQLite file
    // with no tables) would turn it into one: it is refused before anything is written to it.
    if (!options.create && schemaVersion(database) === 0) throw new StoreError(notAStore(path));
    database.pragma("journal_mode = WAL");
    database.pragma("foreign_keys = ON");
    applyMigrations(database, path);
    return database;
  } catch (error) {
    database.close();
    if (error instanceof StoreError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_NOTADB") throw new StoreError(`${path} is not a store (not a SQLite database); give another path with --db`);
    if (code?.startsWith("SQLITE_READONLY") || code === "SQLITE_CANTOPEN")
      throw new StoreError((creating ? cannotCreate(path) : undefined) ?? readOnlyMessage(path, code));
    if (code === "SQLITE_BUSY") throw new StoreError(`${path} is busy: another process kept it locked for over ${BUSY_TIMEOUT_MS / 1000} seconds; try again`);
    throw error;
  }
}

/**
 * Removes a store a command created and could not fill (the disk full while the store was made or
 * its first plan written), with the journal files SQLite keeps beside it: the command says "nothing
 * was written", and an SQLite file without tables left behind would be refused by every other
 * command. A store that holds a plan (another process filled it meanwhile) is left as it is.
 * Only for a store the command itself created: one that was there before is never removed.
 */
export function removeUnfilledStore(path: string): void {
  if (isLink(path) || !existsSync(path)) return;
  if (holdsAPlan(path)) return;
  for (const file of [path, ...journalFiles.map(({ suffix }) => `${path}${suffix}`)]) {
    try {
      if (lstatSync(file, { throwIfNoEntry: false })?.isFile()) rmSync(file, { force: true });
    } catch {
      // Left as it is: the error the command reports comes first.
    }
  }
}

/** Whether the store at `path` holds a plan; false when it cannot be read as a store. */
function holdsAPlan(path: string): boolean {
  let database: StoreDatabase | undefined;
  try {
    database = new Database(path, { readonly: true, fileMustExist: true });
    const table = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'plans'").get();
    return table !== undefined && (database.prepare("SELECT count(*) AS count FROM plans").get() as { count: number }).count > 0;
  } catch {
    return false;
  } finally {
    database?.close();
  }
}

/**
 * Whether an SQLite database is another program's, not an mlops-roi store: it carries another
 * application id, or none and tables (an empty file, or one with no tables, may still become a store).
 */
export function ofAnotherProgram(database: StoreDatabase): boolean {
  const applicationId = database.pragma("application_id", { simple: true }) as number;
  const tables = database.prepare("SELECT count(*) AS count FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations'").get() as {
    count: number;
  };
  return applicationId !== APPLICATION_ID && (applicationId !== 0 || tables.count > 0);
}

/** What a command that reads a store says of a file that holds none yet. */
function notAStore(path: string): string {
  const what = statSync(path).size === 0 ? "an empty file" : "an SQLite database without tables";
  return `${path} is ${what}, not an mlops-roi store, and is left as it is; expected a store that \`mlops-roi track plan CASE.yaml\` made: freeze a plan into it first, or give another store with --db PATH`;
}

/**
 * Why a store cannot be opened or written, and what to do, from what the folder and the files
 * really allow this process (SQLite says only "unable to open database file"). Even reading a
 * store writes next to it: SQLite keeps its journal in `STORE-wal` and `STORE-shm` in the same
 * folder, or uses the ones there, which must then be readable and writable.
 */
export function readOnlyMessage(path: string, code: string): string {
  const found = accessProblem(path);
  if (found) return found;
  if (code === "SQLITE_READONLY_DIRECTORY" || code === "SQLITE_CANTOPEN")
    return `${path} cannot be opened (SQLite: ${code}), though the store, its folder ${resolve(dirname(path))} and the journal files beside it are there and you may read and write them; check the disk (full, or mounted read-only) and run again`;
  return `${path} cannot be written (read-only file or folder: ${code}); make it writable, or copy it to a writable folder and give it with --db`;
}

/** Whether this process may do `mode` (fs.constants: R_OK, W_OK, X_OK) to `path`. */
function may(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a journal file SQLite keeps beside a database holds no change to replay: an -shm (an
 * index SQLite rebuilds from the log; it holds no data), or an empty -wal or -journal. A file that
 * cannot be looked at is taken as holding changes.
 */
export function holdsNothing(file: string): boolean {
  if (file.endsWith("-shm")) return true;
  try {
    return lstatSync(file, { throwIfNoEntry: false })?.size === 0;
  } catch {
    return false;
  }
}

/** "it belongs to user 0, mode 600": who may do what to a file, for a message. */
function ownership(path: string): string {
  try {
    const stats = statSync(path);
    return `it belongs to user ${stats.uid}, mode ${(stats.mode & 0o777).toString(8)}`;
  } catch {
    return "its owner and mode cannot be read";
  }
}

/**
 * Why this process may not write in a folder, said plainly; undefined when it may.
 * @example folderNotWritable("/cases") // "its folder /cases is read-only for you (user 65534) (it belongs to user 0, mode 555)"
 * @example folderNotWritable("/mnt/cd") // "its folder /mnt/cd is read-only (on a disk mounted read-only)"
 */
export function folderNotWritable(folder: string): string | undefined {
  try {
    accessSync(folder, constants.W_OK);
    return undefined;
  } catch (error) {
    if ((error as { code?: string }).code === "EROFS") return `its folder ${folder} is read-only (on a disk mounted read-only)`;
    if (!existsSync(folder)) return undefined;
    const you = process.getuid ? `you (user ${process.getuid()})` : "you";
    return `its folder ${folder} is read-only for ${you} (${ownership(folder)})`;
  }
}

/**
 * Why a store cannot be created at `path` when its folder does not let this process write; undefined otherwise.
 * @example cannotCreate("ro/case.db") // "cannot create ro/case.db: its folder /work/ro is read-only for you (user 65534) (…); make the folder writable, or give the store with --db PATH in a writable folder; nothing was written"
 */
function cannotCreate(path: string): string | undefined {
  const readOnly = folderNotWritable(resolve(dirname(path)));
  return readOnly
    ? `cannot create ${path}: ${readOnly}; make the folder writable, or give the store with --db PATH in a writable folder; nothing was written`
    : undefined;
}

/**
 * The first thing in the way of opening a store that is true of the folder and the files, said
 * plainly; undefined when the folder, the store and its journal files all allow reading and writing.
 */
function accessProblem(path: string): string | undefined {
  let real = resolve(path);
  try {
    real = realpathSync(path);
  } catch {
    // Not there, or not to be resolved: what is missing is said below.
  }
  const folder = dirname(real);
  const shown = real === resolve(path) ? path : real;
  const you = process.getuid ? `you (user ${process.getuid()})` : "you";
  if (!existsSync(folder)) return `${path} cannot be opened: its folder ${folder} does not exist; give the store with --db PATH`;
  if (!may(folder, constants.X_OK))
    return `${path} cannot be opened: ${you} may not enter its folder ${folder} (${ownership(folder)}); make the folder accessible, or copy the store elsewhere and give it with --db`;
  if (existsSync(real) && !may(real, constants.R_OK))
    return `${path} cannot be opened: ${you} may not read it (${ownership(real)}); have it made readable for you, or run as its owner`;
  const present = journalFiles
    .map(({ suffix, what }) => ({ file: `${shown}${suffix}`, real: `${real}${suffix}`, what }))
    .filter((journal) => existsSync(journal.real));
  for (const journal of present) {
    if (may(journal.real, constants.R_OK | constants.W_OK)) continue;
    const cannot = `${path} cannot be opened: ${journal.file}, the store's ${journal.what}, is there and ${you} may not read and write it (${ownership(journal.real)}); SQLite must use it to open the store`;
    // What a process of a user who may only read the store leaves: an empty log and its index, holding nothing.
    if (present.every((other) => holdsNothing(other.real)))
      return `${cannot}, yet nothing beside the store holds a change to replay (a log or journal there is empty; an -shm is an index SQLite rebuilds), as a process that only read the store leaves them: when no command is using the store, move ${present.map((other) => other.file).join(" and ")} away and run again, or run as their owner`;
    return `${cannot}: run as its owner, or have it made readable and writable for you; do not delete it, it may hold the latest changes`;
  }
  const wal = present.some((journal) => journal.file.endsWith("-wal")) && present.some((journal) => journal.file.endsWith("-shm"));
  const readOnlyFolder = wal ? undefined : folderNotWritable(folder);
  if (readOnlyFolder)
    return `${path} cannot be opened: ${readOnlyFolder}, and even to read a store SQLite writes its journal (${basename(real)}-wal, ${basename(real)}-shm) next to it; make the folder writable, or copy the store to a writable folder and give it with --db`;
  if (existsSync(real) && !may(real, constants.W_OK))
    return `${path} cannot be written: ${you} may read it but not write it (${ownership(real)}); have it made writable for you, or copy it to a writable folder and give it with --db`;
  return undefined;
}

/**
 * The schema versions applied to a store, oldest first.
 * @example appliedVersions(store) // [1]
 */
export function appliedVersions(database: StoreDatabase): number[] {
  return (database.prepare("SELECT version FROM schema_migrations ORDER BY version").all() as { version: number }[]).map((row) => row.version);
}

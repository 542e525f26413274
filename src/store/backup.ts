import Database from "better-sqlite3";
import { chmodSync, closeSync, existsSync, lstatSync, openSync, readSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import {
  holdSignals,
  inspectTarget,
  isReadOnly,
  makeParentFolders,
  noteWritten,
  readOnlyFile,
  syncFile,
  syncFolder,
  temporaryPath,
} from "../shared/atomic-write.js";
import { teamWords } from "./planned-teams.js";
import { folderNotWritable, holdsNothing, journalFilesBeside, ofAnotherProgram, StoreError, type StoreDatabase } from "./database.js";

/**
 * Copies a live store with SQLite's online backup API (consistent even while another process
 * writes), into a temporary file with an unpredictable name next to the target, flushes it to
 * disk, renames it into place and flushes the folder: the rules of src/shared/atomic-write.ts
 * (Ctrl-C waits for the rename), except that SQLite opens the temporary file itself. An existing
 * target is only replaced with `force` (and keeps its permissions), never when it is read-only,
 * another program's SQLite database or another store (`anotherStore`); a
 * target that is a link is written through, the link kept; missing folders on the way to a new
 * target are created.
 *
 * SQLite reads `TARGET-wal` (and `-shm`, `-journal`) beside the file it opens, whichever file that
 * is: a log the replaced backup left there would be replayed onto the new one, showing old data or
 * corrupting it. So with `force`, SQLite first folds the old backup's log into the old backup and
 * removes it (the old backup stays whole, and a stop at any moment leaves a consistent file at the
 * name), and only then is the new copy renamed into place. A log beside a target that is not there
 * (left after a file of that name was deleted) belongs to nothing to fold into: it is refused, by
 * name, as is one that is a link or a folder.
 * @example await backupStore(store, "case-2025-03.db", { force: false })
 */
export async function backupStore(database: StoreDatabase, target: string, options: { force: boolean }): Promise<{ pages: number }> {
  const { real, stats } = inspectTarget(target);
  if (stats && isReadOnly(real, stats)) throw new StoreError(readOnlyFile(target));
  if (stats && !options.force) throw new StoreError(`${target} already exists; use --force to replace it`);
  if (resolve(database.name) === resolve(real)) throw new StoreError(`${target} is the store itself; back it up to another file`);
  // --force replaces an earlier backup, never another kind of file (the case file named by mistake).
  if (stats?.isFile() && !isSqliteFile(real))
    throw new StoreError(`${target} is not a store (not an SQLite file), so a backup will not replace it; back up to a new file, or over an earlier backup`);
  // Nor another store: two stores in one folder, one named for the other's backup by a slip.
  if (stats?.isFile()) {
    const other = anotherStore(database, real);
    if (other?.kind === "another program")
      throw new StoreError(
        `${target} is a SQLite database of another program, not an earlier backup of ${database.name}, so a backup will not replace it; back up to a new file, or over an earlier backup of this store; nothing was written`,
      );
    if (other?.kind === "another store") {
      const { first, more } = other;
      const plans = `the plan of ${teamWords(first.team)}, ${first.scenario} frozen from ${first.fileName} on ${first.frozenAt.slice(0, 10)}${more > 0 ? ` and ${more} more` : ""}`;
      throw new StoreError(
        `${target} is another store, not an earlier backup of ${database.name}: it holds none of its plans (it holds ${plans}), so a backup will not replace it; back up to a new file, or over an earlier backup of this store; nothing was written`,
      );
    }
  }
  const leftovers = journalFilesBeside(real);
  // Beside a target not there, only a log that holds changes is refused (named with its -shm, to move
  // away together): an -shm alone, or an empty log, has nothing to replay (the next process to open
  // the new backup resets an -shm), and is left as it is.
  const replayable = stats || leftovers.every(holdsNothing) ? [] : leftovers;
  if (replayable.length > 0)
    throw new StoreError(
      `${replayable.join(" and ")} ${replayable.length === 1 ? "is" : "are"} left beside ${target} from an earlier file of that name, and SQLite would replay ${replayable.length === 1 ? "it" : "them"} onto the new backup, corrupting it; remove ${replayable.length === 1 ? "it" : "them"} (or move ${replayable.length === 1 ? "it" : "them"} away) and run again; nothing was written`,
    );
  if (stats && leftovers.length > 0) foldJournal(real, target, leftovers);
  // A backup may go to a folder not made yet, as every other output file may.
  if (!stats) {
    try {
      makeParentFolders(real);
    } catch (error) {
      throw new StoreError(`${target}: its folder cannot be created (${(error as Error).message}); nothing was written`);
    }
  }
  const temporary = temporaryPath(real);
  // SQLite creates the file itself and would follow a link: make sure nothing is at the name yet.
  if (lstatSync(temporary, { throwIfNoEntry: false }))
    throw new StoreError(`${target}: something is already at the temporary name ${temporary}; nothing was written`);
  let pages: number;
  // SQLite copies the store over several turns of the event loop: Ctrl-C or SIGTERM meanwhile would
  // end the process with the temporary file half written. The signal waits for the copy's rename
  // (or its failure, which removes the temporary file), as it does for every other write.
  const release = holdSignals();
  try {
    const metadata = await database.backup(temporary);
    if (stats) chmodSync(temporary, stats.mode & 0o777);
    syncFile(temporary);
    renameSync(temporary, real);
    pages = metadata.totalPages;
    noteWritten({ path: target });
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof StoreError) throw error;
    // SQLite says only "unable to open database file" of a folder it may not write in.
    const readOnly = folderNotWritable(resolve(dirname(real)));
    if (readOnly) throw new StoreError(`cannot write ${target}: ${readOnly}; make the folder writable, or back up to another folder; nothing was written`);
    throw new StoreError(`${target}: the backup failed (${(error as Error).message}); nothing was written`);
  } finally {
    release();
  }
  try {
    syncFolder(dirname(real));
  } catch (error) {
    throw new StoreError(
      `${target} was written, but its folder could not be flushed to disk (${(error as Error).message}); check the disk before relying on it`,
    );
  }
  return { pages };
}

/**
 * Folds the journal an earlier backup left beside it into that backup and removes it, through
 * SQLite itself: `journal_mode = DELETE` checkpoints a write-ahead log into the file (or rolls a
 * hot rollback journal back) and deletes the journal files. Another process that has the backup
 * open holds its log: then nothing is done, and the user is told.
 */
function foldJournal(real: string, target: string, leftovers: readonly string[]): void {
  const names = leftovers.map((file) => basename(file)).join(", ");
  let earlier: Database.Database | undefined;
  let mode: unknown;
  try {
    earlier = new Database(real, { fileMustExist: true, timeout: 0 });
    mode = earlier.pragma("journal_mode = DELETE", { simple: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED")
      throw new StoreError(`${target} is open in another process (which keeps ${names} beside it); close it and run again; nothing was written`);
    throw new StoreError(
      `${target}: the journal an earlier use left beside it (${names}) could not be folded into it before it is replaced (${(error as Error).message}); move ${target} and ${names} away, or back up to another file; nothing was written`,
    );
  } finally {
    earlier?.close();
  }
  // SQLite answers the mode it kept when it could not change it: then the earlier backup is still in
  // WAL mode, and what is beside it may be a process's.
  if (mode !== "delete")
    throw new StoreError(`${target} is open in another process (which keeps ${names} beside it); close it and run again; nothing was written`);
  // Beside an earlier backup in rollback mode (not WAL), SQLite leaves what it never took for its
  // own, all of it harmless: an -shm (the next process to open the new backup resets it) and an
  // empty -wal or -journal (nothing in it to replay). Anything else still there is a process's that
  // opened the backup just now.
  const left = leftovers.filter((file) => lstatSync(file, { throwIfNoEntry: false }) !== undefined && !holdsNothing(file));
  if (left.length > 0)
    throw new StoreError(
      `${left.join(" and ")} ${left.length === 1 ? "is" : "are"} still beside ${target}: another process may have it open; close it and run again; nothing was written`,
    );
}

/** A plan another store holds, as `anotherStore` names it. */
export interface OtherPlan {
  team: string;
  scenario: string;
  fileName: string;
  frozenAt: string;
}

/**
 * What the SQLite file at a backup's target is when it is not an earlier backup of the store: another
 * program's database, or another store, with its first plan and how many more it holds.
 */
export type NotThisStore = { kind: "another program" } | { kind: "another store"; first: OtherPlan; more: number };

/**
 * Whether the SQLite file at `path` is something other than an earlier backup of `database`: another
 * store (it holds plans and none of them is one of `database`'s; a store keeps every plan it froze,
 * replaced ones too, so an earlier backup holds some of them), with its first plan, or another
 * program's database (`ofAnotherProgram`), which holds no plan either. Undefined for an earlier
 * backup, a store that holds no plan, or a file whose plans cannot be read (the other checks decide).
 * @example anotherStore(store, "b.db") // { kind: "another store", first: { team: "default", scenario: "compromise", fileName: "b.yaml", frozenAt: "2026-12-07T…" }, more: 0 }
 */
export function anotherStore(database: StoreDatabase, path: string): NotThisStore | undefined {
  // Reading a store in WAL mode makes SQLite create its -wal and -shm: those this look made, empty, go with it.
  const made = ["-wal", "-shm"].map((suffix) => `${path}${suffix}`).filter((file) => !existsSync(file));
  let target: Database.Database | undefined;
  try {
    target = new Database(path, { readonly: true, fileMustExist: true });
    if (ofAnotherProgram(target)) return { kind: "another program" };
    const theirs = target.prepare("SELECT team, scenario, file_name AS fileName, sha256, frozen_at AS frozenAt FROM plans ORDER BY id").all() as {
      team: string;
      scenario: string;
      fileName: string;
      sha256: string;
      frozenAt: string;
    }[];
    if (theirs.length === 0) return undefined;
    const ours = new Set(
      (database.prepare("SELECT team, sha256, frozen_at AS frozenAt FROM plans").all() as { team: string; sha256: string; frozenAt: string }[]).map(
        (plan) => `${plan.team}\u0000${plan.sha256}\u0000${plan.frozenAt}`,
      ),
    );
    if (theirs.some((plan) => ours.has(`${plan.team}\u0000${plan.sha256}\u0000${plan.frozenAt}`))) return undefined;
    const { team, scenario, fileName, frozenAt } = theirs[0]!;
    return { kind: "another store", first: { team, scenario, fileName, frozenAt }, more: theirs.length - 1 };
  } catch {
    return undefined;
  } finally {
    target?.close();
    for (const file of made) if (holdsNothing(file)) rmSync(file, { force: true });
  }
}

/** Whether a file starts as every SQLite database does ("SQLite format 3" and a zero byte). */
function isSqliteFile(path: string): boolean {
  const header = Buffer.alloc(16);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, "r");
    return readSync(descriptor, header, 0, 16, 0) === 16 && header.toString("latin1") === "SQLite format 3\u0000";
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

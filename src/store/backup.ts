import { chmodSync, closeSync, lstatSync, openSync, readSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
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
import { StoreError, type StoreDatabase } from "./database.js";

/**
 * Copies a live store with SQLite's online backup API (consistent even while another process
 * writes), into a temporary file with an unpredictable name next to the target, flushes it to
 * disk, renames it into place and flushes the folder: the rules of src/shared/atomic-write.ts
 * (Ctrl-C waits for the rename), except that SQLite opens the temporary file itself. An existing
 * target is only replaced with `force` (and keeps its permissions), never when it is read-only; a
 * target that is a link is written through, the link kept; missing folders on the way to a new
 * target are created.
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

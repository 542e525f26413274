import { existsSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { StoreError, type StoreDatabase } from "./database.js";

/**
 * Copies a live store with SQLite's online backup API (consistent even while another process
 * writes), into a temporary file next to the target, then renames it into place. An existing
 * target is only replaced with `force`.
 * @example await backupStore(store, "case-2025-03.db", { force: false })
 */
export async function backupStore(database: StoreDatabase, target: string, options: { force: boolean }): Promise<{ pages: number }> {
  if (existsSync(target) && !options.force) throw new StoreError(`${target} already exists; use --force to replace it`);
  if (resolve(database.name) === resolve(target)) throw new StoreError(`${target} is the store itself; back it up to another file`);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const metadata = await database.backup(temporary);
    renameSync(temporary, target);
    return { pages: metadata.totalPages };
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof StoreError) throw error;
    throw new StoreError(`${target}: the backup failed (${(error as Error).message}); nothing was written`);
  }
}

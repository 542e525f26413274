import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { shellPath } from "../format/shell-word.js";
import { UserError } from "./user-error.js";

/**
 * The one place every command and the web app's server write files. The guarantees:
 *
 * - The file is written to a new temporary file in the same folder, named `.NAME.<16 random hex
 *   digits>.tmp` and created with O_CREAT|O_EXCL|O_NOFOLLOW (a link or file already at that name
 *   is never followed or reused), flushed to disk (fsync), renamed over the target, and then the
 *   folder is flushed too. A reader sees the old file or the new one, never half of one.
 * - A read-only file (no write permission) is never replaced, not even with `force` (`readOnlyFile`);
 *   nor is a read-only `FILE.bak`, which replacing FILE would overwrite with the backup (`readOnlyBackup`).
 * - An existing file is only replaced with `force`; its previous content is then kept as
 *   `FILE.bak`, itself written as a complete new file (its own temporary file, fsynced) and renamed
 *   into place only together with the new file. If any step fails (a full disk, a refused rename),
 *   the file and the previous `FILE.bak` are left as they were, every temporary file is removed
 *   and the error says that nothing was written.
 * - A `FILE.bak` that is a symbolic link is never written through: the link itself is replaced by
 *   the new backup, and the file it pointed to is not touched.
 * - A target that is a symbolic link to a file is written through: the link is kept and the file
 *   it points to is replaced atomically (the temporary file is made in that file's folder); the
 *   backup is still `FILE.bak` next to the name given. A link that points nowhere, or to something
 *   that is not a plain file, is refused.
 * - The replaced file's permissions (and owner and group, where the process may set them) are kept
 *   on the new file and on its backup; a 0600 file stays 0600.
 */

/** Where a test can step in: the bytes written to each temporary file, and the random names. */
export interface WriteSeam {
  /** Writes all of `data` to the open file `fd`; tests make it fail as a full disk would. */
  write?(fd: number, data: Uint8Array, file: "content" | "backup"): void;
  /** The random part of temporary names (16 hex digits unless a test gives another). */
  randomSuffix?(): string;
  /** Renames a file into place; tests make the last rename fail to see everything put back. */
  rename?(from: string, to: string): void;
}

export interface WriteOptions {
  /** Replace an existing file (keeping the old one as `FILE.bak`). */
  force?: boolean;
  /** Only for tests: see WriteSeam. */
  io?: WriteSeam;
}

const { O_CREAT, O_EXCL, O_WRONLY, O_RDONLY } = constants;
/** Not defined on Windows, where links are rare and `O_EXCL` already refuses an existing name. */
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_DIRECTORY = constants.O_DIRECTORY ?? 0;

/**
 * What a refused replacement says, in every command.
 * @example alreadyExists("out/case.yaml") // "out/case.yaml already exists; use --force to replace it (the old file is kept as case.yaml.bak)"
 */
export function alreadyExists(path: string): string {
  return `${path} already exists; use --force to replace it (the old file is kept as ${basename(path)}.bak)`;
}

/**
 * What a refused write over a read-only file says, everywhere (commands, in-place edits, the web app's
 * Save): a file marked read-only (no write permission, `chmod 444`) is someone's way of saying "keep
 * this", so nothing replaces it, not even `--force`. `then` is how to go on where it is met; by
 * default a command's, which could write to another file. The `chmod` can be pasted as it is (`shellPath`:
 * a name with a space is quoted, one starting with "-" is given as "./-…").
 * @example readOnlyFile("board/case.xlsx") // "board/case.xlsx is read-only and is left as it is: make it writable (chmod u+w board/case.xlsx) and run again, or write to another file (a read-only file is never replaced, not even with --force)"
 */
export function readOnlyFile(path: string, then = "run again, or write to another file (a read-only file is never replaced, not even with --force)"): string {
  return `${path} is read-only and is left as it is: make it writable (chmod u+w ${shellPath(path)}) and ${then}`;
}

/**
 * What a refused write says when `FILE.bak` is read-only (`isReadOnlyBackup`): replacing FILE would
 * overwrite that backup with FILE's previous version, and a read-only file is someone's way of
 * saying "keep this", so FILE is not replaced either. `then` is how to go on, as for `readOnlyFile`.
 * @example readOnlyBackup("report.html") // "report.html.bak is read-only and is left as it is, so report.html is not replaced either (its previous version would be kept as report.html.bak): make it writable (chmod u+w report.html.bak) or move it away, and run again, or write to another file (a read-only file is never replaced, not even with --force)"
 */
export function readOnlyBackup(path: string, then = "run again, or write to another file (a read-only file is never replaced, not even with --force)"): string {
  const backup = `${path}.bak`;
  return `${backup} is read-only and is left as it is, so ${path} is not replaced either (its previous version would be kept as ${basename(backup)}): make it writable (chmod u+w ${shellPath(backup)}) or move it away, and ${then}`;
}

/**
 * Whether `FILE.bak`, where replacing `path` would keep its previous version, is a read-only plain
 * file. A link there is not looked through: the link itself would be replaced, not what it points to.
 */
export function isReadOnlyBackup(path: string): boolean {
  const backup = `${path}.bak`;
  const stats = lstatSync(backup, { throwIfNoEntry: false });
  return stats?.isFile() === true && isReadOnly(backup, stats);
}

/**
 * What a write that replaces `path` says when `FILE.bak`, where its previous version would be kept,
 * is a folder (`isFolderBackup`); `then` is how to go on, where it is met before the write.
 * @example folderBackup("case.yaml") // "cannot write case.yaml: case.yaml.bak is a folder, so the old file cannot be kept there; nothing was written"
 */
export function folderBackup(path: string, then?: string): string {
  return `cannot write ${path}: ${path}.bak is a folder, so the old file cannot be kept there; nothing was written${then ? `; move it away and ${then}` : ""}`;
}

/** Whether `FILE.bak`, where replacing `path` would keep its previous version, is a folder (a link there is not looked through). */
export function isFolderBackup(path: string): boolean {
  return lstatSync(`${path}.bak`, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** Whether `path` names an existing file that is read-only (`isReadOnly`), a link looked through. */
export function isReadOnlyPath(path: string): boolean {
  const { real, stats } = inspectTarget(path);
  return stats !== undefined && isReadOnly(real, stats);
}

/**
 * Whether an existing file is read-only: no write permission for anyone (what `chmod 444` and a
 * Windows read-only file give), or none for this process. Looked at by its mode, not only by
 * `access`, which lets the superuser write anything.
 */
export function isReadOnly(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Writes a file atomically (see the guarantees above). Refuses to replace an existing file unless
 * `force`; when it does replace one, the old version is kept as `FILE.bak` and its path returned.
 * @example writeFileAtomic("report.html", html, { force: true }) // { backup: "report.html.bak" }
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): { backup?: string; unchanged?: boolean } {
  const release = holdSignals();
  try {
    return writeNow(path, content, options);
  } finally {
    release();
  }
}

const heldSignals = ["SIGINT", "SIGTERM"] as const;
let writesUnderway = 0;
let signalDuringWrite: (typeof heldSignals)[number] | undefined;
const holdSignal = (signal: (typeof heldSignals)[number]) => {
  // Where another listener is there (serve's, a sampling loop's, the command line's stop), it deals with the signal itself.
  if (process.listenerCount(signal) === 1) signalDuringWrite ??= signal;
};
/** What waits for the writes underway to end (`whenWritesDone`). */
let waitingForWrites: (() => void)[] = [];

/**
 * Ctrl-C or SIGTERM in the middle of a write would end the process between two of its steps, leaving
 * a temporary file, or the previous backup moved aside as `.FILE.bak.<hex>.old` (the `.bak` itself
 * gone). While a write is underway, such a signal only waits: the write completes or fails as a
 * whole, and the process is then stopped by the same signal, as it would have been. Returns what
 * ends the hold. A synchronous write's signal is heard from the event loop, once the write's code is
 * done; the release waits two turns of the loop, so that the loop reads a pending signal in between.
 * A write that waits on the loop itself (SQLite's backup of a store) holds signals the same way, from
 * its start to its rename.
 */
export function holdSignals(): () => void {
  if (writesUnderway++ === 0) for (const signal of heldSignals) process.on(signal, holdSignal);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    setImmediate(() =>
      setImmediate(() => {
        if (--writesUnderway > 0) return;
        for (const signal of heldSignals) process.off(signal, holdSignal);
        const waiting = waitingForWrites;
        waitingForWrites = [];
        for (const then of waiting) then();
        const signal = signalDuringWrite;
        signalDuringWrite = undefined;
        if (signal) process.kill(process.pid, signal);
      }),
    );
  };
}

/**
 * Runs `then` once no write holds signals: at once when none does, else when the last one ends
 * (complete or failed as a whole). For the command line's stop, which says what was written.
 */
export function whenWritesDone(then: () => void): void {
  if (writesUnderway === 0) then();
  else waitingForWrites.push(then);
}

/** A file written in full: its path, and its previous version's backup when one was kept. */
export interface CompletedWrite {
  readonly path: string;
  readonly backup?: string;
}
const writeWatchers = new Set<(written: CompletedWrite) => void>();

/**
 * Calls `watcher` with each file written in full from now on (by `writeFileAtomic`, or a store's
 * backup); returns what stops it. The command line's stop says from this what was written.
 */
export function watchWrites(watcher: (written: CompletedWrite) => void): () => void {
  writeWatchers.add(watcher);
  return () => writeWatchers.delete(watcher);
}

/** Tells the watchers a file was written in full (renamed into place). */
export function noteWritten(written: CompletedWrite): void {
  for (const watcher of writeWatchers) watcher(written);
}

function writeNow(path: string, content: string | Uint8Array, options: WriteOptions): { backup?: string; unchanged?: boolean } {
  const io = { write: writeAll, randomSuffix, rename: renameSync, ...options.io };
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const target = inspectTarget(path);
  if (target.stats && isReadOnly(target.real, target.stats)) throw new UserError(readOnlyFile(path));
  if (target.stats && isReadOnlyBackup(path)) throw new UserError(readOnlyBackup(path));
  if (target.stats && !options.force) {
    throw new UserError(alreadyExists(path));
  }
  const made: string[] = [];
  const temporary = (nextTo: string, bytes: Uint8Array, file: "content" | "backup"): string => {
    const name = temporaryPath(nextTo, io.randomSuffix());
    made.push(writeTemporary(name, bytes, target.stats, io.write, file, path));
    return name;
  };
  // The same bytes again (a report regenerated in git, say): nothing to write, and no backup of a twin.
  if (target.stats?.isFile() && target.stats.size === data.byteLength && readWithoutFollowing(target.real).equals(data)) return { unchanged: true };
  try {
    if (!target.stats) {
      makeParentFolders(target.real);
      io.rename(temporary(target.real, data, "content"), target.real);
      made.length = 0;
      noteWritten({ path });
      syncFolders(path, [dirname(target.real)]);
      return {};
    }
    const backup = `${path}.bak`;
    if (isFolderBackup(path)) throw new UserError(folderBackup(path));
    const previousBackup = lstatSync(backup, { throwIfNoEntry: false });
    const newFile = temporary(target.real, data, "content");
    const newBackup = temporary(backup, readWithoutFollowing(target.real), "backup");
    commit(path, { newFile, newBackup, backup, real: target.real, previousBackup: previousBackup !== undefined, suffix: io.randomSuffix() }, io.rename);
    made.length = 0;
    noteWritten({ path, backup });
    syncFolders(path, [dirname(target.real), dirname(backup)]);
    return { backup };
  } catch (error) {
    for (const name of made) rmSync(name, { force: true });
    throw cannotWrite(path, error);
  }
}

/**
 * Creates the folders a new file at `path` goes into, as `mkdir -p` does: every command's output
 * (`init`, `export`, `import`, `report`, `track backup`, …) may name a folder not made yet.
 * @example makeParentFolders("backups/2025/case.db") // backups/ and backups/2025/ now exist
 */
export function makeParentFolders(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
}

/**
 * 16 random hexadecimal digits, from Node's crypto, loaded on the first write rather than at start:
 * a command that writes no file (`run` to the terminal) does without it (about 3 ms).
 */
function randomSuffix(): string {
  const { randomBytes } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return randomBytes(8).toString("hex");
}

/**
 * A temporary name next to `path`, in the same folder (so the rename is atomic) and unpredictable
 * (so nobody can place a link there beforehand).
 * @example temporaryPath("cases/a.yaml") // "cases/.a.yaml.3f9c0e1d2b4a6587.tmp"
 */
export function temporaryPath(path: string, suffix = randomSuffix()): string {
  return join(dirname(path), `.${basename(path)}.${suffix}.tmp`);
}

/**
 * The file a write to `path` replaces: `path` itself, or the plain file a link at `path` points to.
 * `stats` is undefined when there is nothing there yet. Refuses folders, devices and broken links.
 */
export function inspectTarget(path: string): { real: string; stats: Stats | undefined } {
  let entry: Stats | undefined;
  try {
    entry = lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw cannotWrite(path, error);
  }
  if (!entry) return { real: path, stats: undefined };
  let real = path;
  let stats = entry;
  if (entry.isSymbolicLink()) {
    try {
      real = realpathSync(path);
      stats = statSync(real);
    } catch {
      throw new UserError(
        `cannot write ${path}: it is a link to ${readlinkSync(path)}, which does not exist; nothing was written (a file is never created through a link)`,
      );
    }
  }
  if (stats.isDirectory()) throw new UserError(`${path} is a folder; give a file name to write to`);
  if (!stats.isFile()) throw new UserError(`cannot write ${path}: it is not a plain file (a device, pipe or socket); nothing was written`);
  return { real, stats };
}

/** fsyncs a file already written by another writer (SQLite's backup), so a rename may follow. */
export function syncFile(path: string): void {
  const fd = openSync(path, O_RDONLY | O_NOFOLLOW);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * fsyncs a folder, so that a rename in it survives a power cut. Windows cannot open a folder;
 * there the rename is all there is.
 */
export function syncFolder(folder: string): void {
  if (process.platform === "win32") return;
  const fd = openSync(folder, O_RDONLY | O_DIRECTORY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

/**
 * Creates `name` (never following or reusing what is there), gives it `like`'s owner and
 * permissions, writes `data` and flushes it. Removes the file again if any of that fails.
 */
function writeTemporary(
  name: string,
  data: Uint8Array,
  like: Stats | undefined,
  write: (fd: number, data: Uint8Array, file: "content" | "backup") => void,
  file: "content" | "backup",
  path: string,
): string {
  const mode = like ? like.mode & 0o777 : 0o666;
  let fd: number;
  try {
    fd = openSync(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ELOOP") {
      throw new UserError(
        `cannot write ${path}: something is already at the temporary name ${name}, and it is never reused; nothing was written (remove it and try again)`,
      );
    }
    throw error;
  }
  try {
    if (like) {
      keepOwner(fd, like);
      fchmodSync(fd, mode);
    }
    write(fd, data, file);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(name, { force: true });
    throw error;
  }
  closeSync(fd);
  return name;
}

/** Gives the new file the old one's owner and group where allowed (root, or a group one is in). */
function keepOwner(fd: number, like: Stats): void {
  if (typeof process.getuid !== "function" || typeof process.getgid !== "function") return;
  if (like.uid === process.getuid() && like.gid === process.getgid()) return;
  try {
    fchownSync(fd, like.uid, like.gid);
  } catch {
    try {
      fchownSync(fd, -1, like.gid);
    } catch {
      // Not allowed: the new file belongs to whoever writes it, as any rewritten file would.
    }
  }
}

function readWithoutFollowing(path: string): Buffer {
  const fd = openSync(path, O_RDONLY | O_NOFOLLOW);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Renames the complete new backup and the complete new file into place. The previous backup is
 * first moved aside (the entry itself: a link there is moved, not followed), so that if either
 * rename fails it is put back and both the file and its previous backup are as they were.
 */
function commit(
  path: string,
  step: { newFile: string; newBackup: string; backup: string; real: string; previousBackup: boolean; suffix: string },
  rename: (from: string, to: string) => void,
): void {
  const aside = join(dirname(step.backup), `.${basename(step.backup)}.${step.suffix}.old`);
  if (step.previousBackup) renameSync(step.backup, aside);
  let backupPlaced = false;
  try {
    rename(step.newBackup, step.backup);
    backupPlaced = true;
    rename(step.newFile, step.real);
  } catch (error) {
    try {
      if (step.previousBackup) renameSync(aside, step.backup);
      else if (backupPlaced) rmSync(step.backup, { force: true });
    } catch {
      throw new UserError(
        `cannot write ${path}: ${reasonOf(error) ?? (error as Error).message}; ${path} is unchanged, but its previous backup is now ${aside}`,
      );
    }
    throw error;
  }
  if (step.previousBackup) rmSync(aside, { force: true });
}

/** After the renames the file is written; a folder that cannot be flushed is reported as such. */
function syncFolders(path: string, folders: string[]): void {
  for (const folder of new Set(folders)) {
    try {
      syncFolder(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EINVAL" || code === "EISDIR" || code === "EPERM" || code === "EACCES") continue; // a folder that cannot be opened or flushed
      throw new UserError(
        `wrote ${path}, but its folder ${folder} could not be flushed to disk (${code ?? (error as Error).message}); check the disk before relying on it`,
      );
    }
  }
}

function reasonOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the disk is read-only",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    ENOENT: "its folder does not exist and cannot be created there",
    ENOTDIR: "part of the path is a file, not a folder",
    EEXIST: "part of the path is a file, not a folder",
    EISDIR: "it is a folder",
    ENAMETOOLONG: "its name is too long for the file system (give a shorter one)",
    ELOOP: "its path goes round a loop of links",
  };
  return code ? reasons[code] : undefined;
}

/** A file system refusal is the user's to fix (a read-only folder, a file where a folder should be). */
function cannotWrite(path: string, error: unknown): unknown {
  if (error instanceof UserError) return error;
  const reason = reasonOf(error);
  return reason ? new UserError(`cannot write ${path}: ${reason}; nothing was written`) : error;
}

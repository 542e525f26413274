import { mkdirSync, renameSync, writeFileSync, existsSync, copyFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, basename } from "node:path";

/** Where a command writes: the real terminal, or buffers in tests. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colours, progress bars). */
  readonly isTerminal: boolean;
  /** Whether stderr is a terminal: progress bars are drawn there, and only there. */
  readonly stderrIsTerminal?: boolean;
}

export const processOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTerminal: Boolean(process.stdout.isTTY),
  stderrIsTerminal: Boolean(process.stderr.isTTY),
};

/** A user's mistake: printed as a message (no stack trace) with exit code 1. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/**
 * Writes a file atomically (temp file in the same folder, then rename). Refuses to replace an
 * existing file unless `force`; when it does replace one, the old version is kept as `FILE.bak`.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: { force?: boolean } = {}): { backup?: string } {
  const exists = existsSync(path);
  if (exists && statSync(path).isDirectory()) throw new UserError(`${path} is a folder; give a file name to write to`);
  if (exists && !options.force) {
    throw new UserError(`${path} already exists; use --force to replace it (the old file is kept as ${basename(path)}.bak)`);
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, content);
    let backup: string | undefined;
    if (exists) {
      backup = `${path}.bak`;
      copyFileSync(path, backup);
    }
    renameSync(temporary, path);
    return backup ? { backup } : {};
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The temporary file could not even be created; there is nothing to clean up.
    }
    throw cannotWrite(path, error);
  }
}

/** A file system refusal is the user's to fix (a read-only folder, a file where a folder should be). */
function cannotWrite(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the disk is read-only",
    ENOSPC: "the disk is full",
    ENOENT: "its folder does not exist and cannot be created there",
    ENOTDIR: "part of the path is a file, not a folder",
    EEXIST: "part of the path is a file, not a folder",
    EISDIR: "it is a folder",
  };
  const reason = code ? reasons[code] : undefined;
  return reason ? new UserError(`cannot write ${path}: ${reason}; nothing was written`) : error;
}

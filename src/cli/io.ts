import { fstatSync, writeSync } from "node:fs";
import { UserError } from "../shared/user-error.js";
/** Where a command writes: the real terminal, or buffers in tests. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colours, progress bars). */
  readonly isTerminal: boolean;
  /** Whether stderr is a terminal: progress bars are drawn there, and only there. */
  readonly stderrIsTerminal?: boolean;
  /**
   * Our own terminal control on stderr (the progress bar's carriage return and line clearing), written
   * as is: everything written through `stdout` and `stderr` by the commands has control characters
   * made visible (see `withVisibleControls`).
   */
  stderrControl?(text: string): void;
}

/**
 * Characters a terminal would obey rather than show: control characters other than line breaks and
 * tabs (ESC starts colour, cursor, title and link sequences; U+009B is a one-character ESC [; a
 * carriage return alone writes over the line). A carriage return before a line feed is a Windows
 * line ending, kept: a file written to standard output (import, init) keeps its lines as they are.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const unsafe = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/g;

/**
 * Shows each control character as its \uXXXX escape, which is also what it means inside JSON and
 * double-quoted YAML text, so printed JSON and YAML keep their meaning.
 * @example visibleControls("Team \u001b[31mA") // "Team \\u001b[31mA"
 */
export function visibleControls(text: string): string {
  return text.replace(unsafe, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The output every command writes through: whatever a file, a store, a workbook or an argument put
 * into a message or a table is shown, never obeyed by the terminal.
 */
export function withVisibleControls(output: CliOutput): CliOutput {
  return {
    stdout: (text) => output.stdout(visibleControls(text)),
    stderr: (text) => output.stderr(visibleControls(text)),
    isTerminal: output.isTerminal,
    ...(output.stderrIsTerminal !== undefined ? { stderrIsTerminal: output.stderrIsTerminal } : {}),
    stderrControl: (text) => (output.stderrControl ?? output.stderr)(text),
  };
}

/**
 * Why standard output could not be written, in words a user can act on.
 * @example stdoutFailure({ code: "ENOSPC" }) // UserError "cannot write to standard output: the disk is full"
 */
export function stdoutFailure(error: NodeJS.ErrnoException): UserError {
  const reasons: Record<string, string> = {
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EIO: "an input/output error (the disk or the device failed)",
    EFBIG: "the file is too large for its disk",
    EROFS: "it is on a read-only disk",
    EBADF: "it is closed",
    EACCES: "permission denied",
  };
  return new UserError(`cannot write to standard output: ${reasons[error.code ?? ""] ?? error.message}`);
}

/** Whether a write to standard output has failed and been reported: the final flush then fails the same way, unsaid again. */
export let stdoutFailed = false;

/**
 * Writes all of `text` to the file `fd`, or throws: a write that takes only part of it (a disk that
 * fills up on the way) is continued, and the next one then says why it cannot go on. Node's own
 * standard output to a file let such a partial write pass, and exited 0 with the file cut short.
 * @example writeWhole(1, "done\n") // every byte written, or a UserError "cannot write to standard output: …"
 */
export function writeWhole(fd: number, text: string, write: (fd: number, buffer: Uint8Array, offset: number, length: number) => number = writeSync): void {
  const bytes = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < bytes.length) {
    let written: number;
    try {
      written = write(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      stdoutFailed = true;
      throw stdoutFailure(error as NodeJS.ErrnoException);
    }
    // A write that takes nothing and says nothing would loop for ever: a full disk by another name.
    if (written <= 0) {
      stdoutFailed = true;
      throw stdoutFailure({ name: "Error", message: "no byte could be written", code: "ENOSPC" });
    }
    offset += written;
  }
}

/**
 * Whether standard output is a file or a device other than a terminal (`> result.json`, `> /dev/full`):
 * written with `writeWhole`. A terminal or a pipe keeps Node's stream, whose errors main() reports.
 */
let stdoutIsFile: boolean | undefined;
function stdoutToFile(): boolean {
  if (stdoutIsFile === undefined) {
    try {
      const stats = fstatSync(1);
      stdoutIsFile = !process.stdout.isTTY && (stats.isFile() || stats.isCharacterDevice() || stats.isBlockDevice());
    } catch {
      stdoutIsFile = false;
    }
  }
  return stdoutIsFile;
}

export const processOutput: CliOutput = {
  stdout: (text) => {
    if (stdoutToFile()) writeWhole(1, text);
    else process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  isTerminal: Boolean(process.stdout.isTTY),
  stderrIsTerminal: Boolean(process.stderr.isTTY),
};

/**
 * A user's mistake: printed as a message (no stack trace) with exit code 1. Defined in
 * src/shared so the file writer shared with the server throws the very same class; the command
 * line's modules keep importing it from here.
 */
export { UserError };

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

/**
 * A user's mistake: printed as a message (no stack trace) with exit code 1. Defined in
 * src/shared so the file writer shared with the server throws the very same class; the command
 * line's modules keep importing it from here.
 */
export { UserError } from "../shared/user-error.js";

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

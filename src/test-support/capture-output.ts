import type { CliOutput } from "../cli/io.js";

/** A CliOutput that keeps what a command printed, for in-process tests. */
export interface CapturedOutput extends CliOutput {
  readonly stdoutText: () => string;
  readonly stderrText: () => string;
}

/**
 * Records stdout and stderr instead of printing them.
 * @example const output = captureOutput(); await runCli(["schema"], output); JSON.parse(output.stdoutText());
 */
export function captureOutput(options: { isTerminal?: boolean } = {}): CapturedOutput {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    isTerminal: options.isTerminal ?? false,
    stdoutText: () => out.join(""),
    stderrText: () => err.join(""),
  };
}

import { runCli } from "../cli/program.js";
import { captureOutput } from "./capture-output.js";

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the command line in-process, as a user would type it, and returns what they would see.
 * @example const { exitCode, stdout } = await runCliCaptured(["validate", "examples/seed.yaml"]);
 */
export async function runCliCaptured(argv: readonly string[]): Promise<CliRun> {
  const output = captureOutput();
  const exitCode = await runCli(argv, output);
  return { exitCode, stdout: output.stdoutText(), stderr: output.stderrText() };
}

/** A stack trace line, as Node prints it ("    at fn (file:1:2)"); a user must never see one. */
export const stackTraceLine = /^\s+at .+/m;

import { Command, CommanderError } from "commander";
import { registerExport } from "./commands/export.js";
import { registerImport } from "./commands/import.js";
import { registerInit } from "./commands/init.js";
import { registerMeasure } from "./commands/measure.js";
import { registerOptimize } from "./commands/optimize.js";
import { registerReport } from "./commands/report.js";
import { registerRun } from "./commands/run.js";
import { registerSchema } from "./commands/schema.js";
import { registerSensitivity } from "./commands/sensitivity.js";
import { registerServe } from "./commands/serve.js";
import { registerTrack } from "./commands/track.js";
import { registerValidate } from "./commands/validate.js";
import { registerVoi } from "./commands/voi.js";
import { StoppedBySignal } from "../shared/user-error.js";
import { processOutput, UserError, withVisibleControls, type CliOutput } from "./io.js";

export const VERSION = "0.1.0";

/**
 * Builds the command line. Tests call it in-process with captured output.
 * @example await runCli(["run", "examples/seed.yaml", "--json"], output)
 */
export function makeProgram(unsafeOutput: CliOutput = processOutput): Command {
  const output = withVisibleControls(unsafeOutput);
  const program = new Command("mlops-roi")
    .description("Turn how a data team spends its time into a business case, in money, for ML operations tooling.")
    .version(VERSION, "-v, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (text) => output.stdout(text), writeErr: (text) => output.stderr(text) })
    .addHelpText(
      "after",
      `
Examples:
  $ mlops-roi init --template team -o case.yaml
  $ mlops-roi validate case.yaml
  $ mlops-roi run case.yaml
  $ mlops-roi run case.yaml --json > result.json`,
    );
  registerInit(program, output);
  registerValidate(program, output);
  registerRun(program, output);
  registerReport(program, output);
  registerExport(program, output);
  registerImport(program, output);
  registerMeasure(program, output);
  registerSensitivity(program, output);
  registerVoi(program, output);
  registerOptimize(program, output);
  registerSchema(program, output);
  registerServe(program, output);
  registerTrack(program, output);
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: (text) => output.stdout(text), writeErr: (text) => output.stderr(text) });
  return program;
}

/**
 * Runs the command line and returns the exit code: 0 success, 1 bad input or a failed check,
 * 2 wrong usage. A user's mistake never prints a stack trace.
 */
export async function runCli(argv: readonly string[], unsafeOutput: CliOutput = processOutput): Promise<number> {
  // Messages quote file names, values and labels: their control characters are shown, never obeyed.
  const output = withVisibleControls(unsafeOutput);
  const program = makeProgram(output);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof StoppedBySignal) {
      output.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof UserError) {
      output.stderr(`error: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    output.stderr(`internal error: ${message}\nplease report this with the command and file that caused it\n`);
    if (process.env.MLOPS_ROI_DEBUG && error instanceof Error) output.stderr(`${error.stack}\n`);
    return 70;
  }
}

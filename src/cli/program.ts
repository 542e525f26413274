import { Command, CommanderError, type Option } from "commander";
import { StoppedBySignal } from "../shared/user-error.js";
import { processOutput, UserError, withVisibleControls, type CliOutput } from "./io.js";
import { valuesAfterDashDash } from "./option-values.js";

export const VERSION = "0.1.0";

type Register = (program: Command, output: CliOutput) => void;

/**
 * The commands, in the order `--help` lists them. Each is loaded only when it runs (or its help is
 * shown): a command's module brings the engine, the workbook, the charts or the store with it, and
 * `--help` or `validate` should not pay for what they do not use. `term` and `description` are what
 * the main `--help` lists without loading the command; program.test.ts checks they match it.
 */
export const commandTable: readonly { name: string; term: string; description: string; load: () => Promise<Register> }[] = [
  {
    name: "init",
    term: "init [options]",
    description: "Write a commented starting scenario file from a template.",
    load: async () => (await import("./commands/init.js")).registerInit,
  },
  {
    name: "validate",
    term: "validate <file>",
    description: "Check a scenario file and report every problem at once, with line and column.",
    load: async () => (await import("./commands/validate.js")).registerValidate,
  },
  {
    name: "run",
    term: "run [options] <file>",
    description: "Simulate every scenario month by month and compare each alternative with the baseline.",
    load: async () => (await import("./commands/run.js")).registerRun,
  },
  {
    name: "report",
    term: "report [options] <file>",
    description: "Write the decision-maker's report: one HTML file that opens offline, and a PDF on request.",
    load: async () => (await import("./commands/report.js")).registerReport,
  },
  {
    name: "export",
    term: "export [options] <file>",
    description: "Write the case as a live Excel workbook: the inputs on one sheet, every figure a formula over them.",
    load: async () => (await import("./commands/export.js")).registerExport,
  },
  {
    name: "import",
    term: "import [options] <workbook>",
    description: "Read an edited workbook's Assumptions sheet back into a scenario file.",
    load: async () => (await import("./commands/import.js")).registerImport,
  },
  {
    name: "measure",
    term: "measure [options] <scenario>",
    description: "Propose inputs from what the team's own systems recorded: CI runs, deployments and incidents, time sheets.",
    load: async () => (await import("./commands/measure.js")).registerMeasure,
  },
  {
    name: "sensitivity",
    term: "sensitivity [options] <file>",
    description:
      "Rank the inputs by how much they move the net present value: each range from its 5th to its 95th percentile, or, in a file without ranges, each input 20% lower and higher.",
    load: async () => (await import("./commands/sensitivity.js")).registerSensitivity,
  },
  {
    name: "voi",
    term: "voi [options] <file>",
    description: "What finding out more before choosing is worth: each option's chance of being best, and each input's value of information in money.",
    load: async () => (await import("./commands/voi.js")).registerVoi,
  },
  {
    name: "optimize",
    term: "optimize [options] <file>",
    description: "Find which capabilities of the catalogue to ask for, within a budget, and in what order.",
    load: async () => (await import("./commands/optimize.js")).registerOptimize,
  },
  {
    name: "schema",
    term: "schema [options]",
    description: "Print the JSON Schema of scenario files (for editors and other tools).",
    load: async () => (await import("./commands/schema.js")).registerSchema,
  },
  {
    name: "serve",
    term: "serve [options] [file]",
    description: "Open the case in the web app: edit it in the browser and watch the results change as you type.",
    load: async () => (await import("./commands/serve.js")).registerServe,
  },
  {
    name: "track",
    term: "track",
    description: "Plan versus actual: freeze the approved plan, record what really happened, and see whether it paid.",
    load: async () => (await import("./commands/track.js")).registerTrack,
  },
];

/**
 * Builds the command line with the commands named in `load` (all of them by default) ready to run;
 * the others are listed by name and description only. Tests call it in-process with captured output.
 * @example const program = await makeProgram(output); // every command, as the help of each shows it
 */
export async function makeProgram(
  unsafeOutput: CliOutput = processOutput,
  load: readonly string[] = commandTable.map((entry) => entry.name),
): Promise<Command> {
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
  const listed = new Map<Command, string>();
  for (const entry of commandTable) {
    if (load.includes(entry.name)) {
      (await entry.load())(program, output);
    } else {
      listed.set(program.command(entry.name).description(entry.description), entry.term);
    }
  }
  const help = program.createHelp();
  program.configureHelp({ subcommandTerm: (command) => listed.get(command) ?? help.subcommandTerm(command) });
  // Every option's default as the hand-written ones say it: "(default: 1)", "(default: report.html)";
  // commander's own quotes text and lists an empty list, "(default: [])", which is no default to say.
  const optionDescription = (option: Option) =>
    help
      .optionDescription(option)
      .replace(/ \(default: \[\]\)/, "")
      .replace(/\(default: "([^"]*)"\)/, "(default: $1)");
  const withPlainDefaults = (command: Command): void => {
    command.configureHelp({ optionDescription });
    command.commands.forEach(withPlainDefaults);
  };
  program.commands.forEach(withPlainDefaults);
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: (text) => output.stdout(text), writeErr: (text) => output.stderr(text) });
  return program;
}

/** The command whose module a command line needs: the one it runs, or the one whose help it asks for (`help run`). */
export function commandNeeded(argv: readonly string[]): string | undefined {
  const [first, second] = argv;
  const known = (name: string | undefined) => (name !== undefined && commandTable.some((entry) => entry.name === name) ? name : undefined);
  return first === "help" ? known(second) : known(first);
}

/**
 * `help track import` as `track import --help`: commander's own help command reads only the word after
 * it, so the help of a subcommand was its parent's. Undefined for `help` of no such command, which
 * printed the main help as if nothing was wrong.
 * @example helpAsOption(["help", "track", "import"]) // ["track", "import", "--help"]
 */
export function helpAsOption(argv: readonly string[]): readonly string[] | undefined {
  if (argv[0] !== "help" || argv.length < 2) return argv;
  if (!commandTable.some((entry) => entry.name === argv[1])) return undefined;
  return [...argv.slice(1), "--help"];
}

/**
 * Runs the command line and returns the exit code: 0 success, 1 bad input or a failed check,
 * 2 wrong usage. A user's mistake never prints a stack trace.
 */
export async function runCli(givenArgv: readonly string[], unsafeOutput: CliOutput = processOutput): Promise<number> {
  // Messages quote file names, values and labels: their control characters are shown, never obeyed.
  const output = withVisibleControls(unsafeOutput);
  const argv = helpAsOption(givenArgv);
  if (argv === undefined) {
    output.stderr(`error: help ${givenArgv[1]}: no such command; the commands: ${commandTable.map((entry) => entry.name).join(", ")}\n`);
    return 2;
  }
  const needed = commandNeeded(argv);
  const program = await makeProgram(output, needed ? [needed] : []);

  try {
    await program.parseAsync([...valuesAfterDashDash(argv, program)], { from: "user" });
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

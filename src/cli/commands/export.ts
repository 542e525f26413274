import { refuseOutput, refuseUnnamedLink } from "../output-file.js";
import type { Command } from "commander";
import { statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { UserError, type CliOutput } from "../io.js";
import { writeFileAtomic } from "../../shared/atomic-write.js";
import { loadScenario, SCENARIO_FILE_WORDS } from "../load.js";
import { shellPath } from "../../format/shell-word.js";
import { runMonteCarlo, type SamplingOptions } from "../uncertainty.js";
import { hearPendingStop } from "../stop.js";
import { underDocumentBudget } from "../interrupt-budget.js";

interface ExportOptions extends SamplingOptions {
  output?: string;
  force?: boolean;
}

/** case.yaml → case.xlsx in the current folder. */
/** The workbook beside its scenario file, by the same name: examples/team.yaml → examples/team.xlsx. */
function defaultOutput(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.xlsx`);
}

/** Whether the case was read from a file of its own, not a pipe, a device or a name under /dev or /proc (/dev/stdin, /dev/fd/63). */
export function isPlainFile(file: string): boolean {
  // Standard input (-) is no file beside which a workbook, or an import's case, could go.
  if (file === "-") return false;
  const full = resolve(file);
  if (full.startsWith("/dev/") || full.startsWith("/proc/")) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return true; // A file that cannot be looked at: loading it says why.
  }
}

export function registerExport(program: Command, output: CliOutput): void {
  program
    .command("export")
    .description("Write the case as a live Excel workbook: the inputs on one sheet, every figure a formula over them.")
    .argument("<file>", SCENARIO_FILE_WORDS)
    .option("-o, --output <file>", "workbook to write, ending in .xlsx (default: beside the scenario file, its name with .xlsx)")
    .option("--force", "replace the workbook if it exists (the old one is kept as .bak)")
    .option("--samples <n>", "Monte Carlo samples for the Distribution snapshot when the file has ranges (default: 10000; 0 for none)")
    .option("--seed <s>", "seed of the random draws (default: 1, as run and report)")
    .option("--lhs", "Latin hypercube sampling instead of plain random draws")
    .addHelpText(
      "after",
      `
The workbook opens in Excel and LibreOffice. Change the blue-on-yellow cells of the Assumptions
sheet and every other sheet recomputes; bring the changes back with mlops-roi import.

Sheets: Summary, Assumptions, Maintenance over time, Distribution snapshot (with ranges only),
Simulation, Comparison, Inputs by scenario.

Examples:
  $ mlops-roi export examples/seed.yaml -o case.xlsx
  $ mlops-roi export case.yaml -o board/case.xlsx --force
  $ mlops-roi import case.xlsx -o case.yaml`,
    )
    .action(async (file: string, options: ExportOptions) => {
      if (options.output === "-") {
        throw new UserError("-o -: a workbook cannot be written to the terminal (standard output); give a file ending in .xlsx, e.g. -o case.xlsx", 2);
      }
      // Read from standard input, the file has no name to put the workbook beside.
      if (file === "-" && options.output === undefined)
        throw new UserError(
          "the scenario file is read from standard input (-), so there is no file to write the workbook beside: give -o, e.g. -o case.xlsx",
          2,
        );
      // A case piped in (/dev/stdin, <(…)) has no folder and no name to put a workbook beside it, nor to import back into.
      const plain = isPlainFile(file);
      if (options.output === undefined && !plain) {
        throw new UserError(
          `${file} is not a plain file (a pipe, a device or a process's output), so there is nowhere beside it for the workbook: give the workbook's name with -o, e.g. -o case.xlsx`,
          2,
        );
      }
      const target = options.output ?? defaultOutput(file);
      if (extname(target).toLowerCase() !== ".xlsx") {
        throw new UserError(`-o ${target}: a workbook's name must end in .xlsx (Excel refuses other endings for this format)`, 2);
      }
      // Refuse before the Monte Carlo runs, so a refused export costs nothing.
      refuseOutput(target, { force: options.force ?? false, example: "case.xlsx", input: file });
      if (options.output === undefined)
        refuseUnnamedLink(
          target,
          `the workbook export writes beside the case by default`,
          `give -o ${shellPath(target)} to write through it, or remove the link`,
        );
      const { compiled, file: data, source } = loadScenario(file, output);
      if (!compiled) return;
      // The workbook shows the ranges, not which option is best how often: no decision analysis.
      const monteCarlo = await runMonteCarlo(compiled, options, output, { decision: false, document: "workbook", monthlyBands: "cumulative-net" });
      const [{ exportWorkbook }, { fastGzip }] = await Promise.all([import("../../workbook/export-workbook.js"), import("../../workbook/fast-gzip.js")]);
      // After loading the workbook's script, whose code cache is checked against the flags as they were.
      const bytes = await underDocumentBudget(() =>
        exportWorkbook({ text: source.text, file: data, compiled, ...(monteCarlo ? { monteCarlo } : {}) }, fastGzip),
      );
      // A Ctrl-C pressed while the workbook was made stops here, with nothing written.
      await hearPendingStop();
      const { backup } = writeFileAtomic(target, bytes, { force: options.force ?? false });
      output.stderr(
        `wrote ${target}${backup ? ` (previous version kept as ${backup})` : ""}\n` +
          `open it in Excel or LibreOffice and change the yellow cells on the Assumptions sheet; bring the changes back with: mlops-roi import ${shellPath(target)} -o ${plain ? `${shellPath(file)} --force` : shellPath(join(dirname(target), `${basename(target, extname(target))}.yaml`))}\n`,
      );
    });
}

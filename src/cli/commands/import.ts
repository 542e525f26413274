import type { Command } from "commander";
import { statSync } from "node:fs";
import { UserError, type CliOutput } from "../io.js";
import { writeFileAtomic } from "../../shared/atomic-write.js";
import { scenarioTextOf } from "../../shared/utf8.js";
import { inFileFormat } from "../../shared/case-text.js";
import { refuseOutput, wroteMessage } from "../output-file.js";
import { readBounded } from "../../shared/read-bounded.js";
import { MAX_SOURCE_BYTES } from "../../engine/index.js";
import type { WorkbookProblem } from "../../workbook/read-assumptions.js";

/** Workbooks are far smaller than this; anything larger is a mistake. */
const MAX_WORKBOOK_BYTES = 50_000_000;

function readBytes(path: string): Uint8Array {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new UserError(`${path} is a folder; expected a workbook (.xlsx) written by mlops-roi export`);
    if (stats.size > MAX_WORKBOOK_BYTES)
      throw new UserError(`${path} is ${(stats.size / 1_000_000).toFixed(0)} MB; a workbook from mlops-roi export is far smaller`);
    // Bounded as well: a device or a pipe has no size to check first.
    const read = readBounded(path, MAX_WORKBOOK_BYTES);
    if (read.tooLarge) throw new UserError(`${path} holds more than ${MAX_WORKBOOK_BYTES / 1_000_000} MB; a workbook from mlops-roi export is far smaller`);
    return new Uint8Array(read.bytes);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${path}: no such file (make one with \`mlops-roi export case.yaml -o ${path}\`)`);
    if (code === "EACCES") throw new UserError(`${path}: permission denied`);
    throw new UserError(`${path}: cannot be read (${(error as Error).message})`);
  }
}

/**
 * The scenario file import is about to replace, as it is now, for the three-way merge; none when
 * there is no such file yet.
 */
function readCurrent(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const read = readBounded(path, MAX_SOURCE_BYTES);
  if (read.tooLarge) throw new UserError(`${path} holds more than ${MAX_SOURCE_BYTES / 1_000_000} MB; a scenario file may be at most that`);
  // Merging into a file read with replacement characters would write them over the user's own letters.
  const decoded = scenarioTextOf(read.bytes);
  if ("message" in decoded) throw new UserError(`${path}:${decoded.line}:${decoded.column}: ${decoded.message}; nothing was written`);
  return decoded.text;
}

export function registerImport(program: Command, output: CliOutput): void {
  program
    .command("import")
    .description("Read an edited workbook's Assumptions sheet back into a scenario file.")
    .argument("<workbook>", "workbook written by mlops-roi export (.xlsx), edited in Excel or LibreOffice")
    .option("-o, --output <file>", "scenario file to write ('-' or nothing: the terminal)")
    .option("--force", "replace the scenario file if it exists (the old one is kept as .bak)")
    .addHelpText(
      "after",
      `
Only the Assumptions sheet is read: the numbers (Low, Likely, High) and your notes. Everything else
— scenario names, release months, comments — comes from the scenario file stored in the workbook,
on a hidden sheet with its SHA-256: if that copy was changed after the export, import refuses to
write it, and merges only the Assumptions sheet's inputs into an existing file given with -o.
A problem (text or a formula where a number belongs, an unknown row, a missing sheet) is reported
with its cell, and nothing is written. When the file given with -o exists, only the inputs the
workbook changed are written into it, so the file's own edits since the export stay; an input
changed in both is a conflict, reported with its three values, and nothing is written. A file
that does not parse as YAML, is empty or is not a map of fields is not replaced (its line and
column are named), nor is another case (a different title or different scenario names) merged
into: nothing is written; import to a new file instead.

Examples:
  $ mlops-roi import case.xlsx -o case.yaml --force
  $ mlops-roi import case.xlsx | diff case.yaml -`,
    )
    .action(async (workbook: string, options: { output?: string; force?: boolean }) => {
      const { importWorkbook } = await import("../../workbook/import-workbook.js");
      // The workbook itself, a folder, or an existing file without --force: refused before the workbook is read.
      if (options.output !== undefined && options.output !== "-")
        refuseOutput(options.output, {
          force: options.force ?? false,
          example: "case.yaml",
          input: workbook,
          endings: { endings: [".yaml", ".yml", ".json"], what: "a scenario file" },
        });
      const bytes = readBytes(workbook);
      // Without --force an existing file is refused below, so there is nothing to merge into.
      const current = options.output === undefined || options.output === "-" || !options.force ? undefined : readCurrent(options.output);
      const outcome = await importWorkbook(bytes, current);
      if (!outcome.ok) {
        // The file given with -o is what is wrong: named with its line and column, as any scenario file's problem.
        const place = (problem: WorkbookProblem) => {
          const { line, column } = problem.inScenarioFile!;
          return `${options.output}${line !== undefined ? `:${line}:${column ?? 1}` : ""}`;
        };
        const [only] = outcome.problems;
        // A file that cannot be merged into at all (it does not parse, it is another case) is the one problem.
        if (only?.inScenarioFile?.whole && options.output !== undefined) throw new UserError(`${place(only)}: ${only.message}`);
        for (const problem of outcome.problems) {
          // A problem the file merged into had itself, before the workbook's changes: named at its line, not blamed on the workbook.
          if (problem.inScenarioFile && options.output !== undefined)
            output.stderr(`${place(problem)}: error: ${problem.message} (in this file, not from the workbook)
`);
          else
            output.stderr(`${workbook}: ${problem.cell ? `${problem.cell}: ` : ""}${problem.message}
`);
        }
        const count = outcome.problems.length;
        throw new UserError(`${workbook}: ${count} problem${count === 1 ? "" : "s"}; nothing was written`);
      }
      for (const notice of outcome.notices) output.stderr(`${workbook}: note: ${notice}\n`);
      const summary =
        outcome.changes.length === 0
          ? "no input changed: the scenario file is as it was exported\n"
          : `${outcome.changes.length} input${outcome.changes.length === 1 ? "" : "s"} changed:\n${outcome.changes.map((change) => `  ${change.input}: ${change.description}\n`).join("")}`;
      if (options.output === undefined || options.output === "-") {
        output.stdout(outcome.text);
        output.stderr(summary);
        return;
      }
      const text = inFileFormat(options.output, outcome.text, current ?? outcome.text);
      output.stderr(`${summary}${wroteMessage(options.output, writeFileAtomic(options.output, text, { force: options.force ?? false }))}`);
    });
}

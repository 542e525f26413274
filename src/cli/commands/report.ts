import { shellPath } from "../../format/shell-word.js";
import { refuseOutput, refuseUnnamedLink, wroteMessage, type OutputEndings } from "../output-file.js";
import type { Command } from "commander";
import { resolve } from "node:path";
import { formatDay } from "../../format/dates.js";
import { paperSizes, type PaperSize } from "../../report/paper.js";
import { buildResult, withUncertainty } from "../../engine/index.js";
import { UserError, type CliOutput } from "../io.js";
import { writeFileAtomic } from "../../shared/atomic-write.js";
import { loadScenario, SCENARIO_FILE_WORDS } from "../load.js";
import { runMonteCarlo, type SamplingOptions } from "../uncertainty.js";
import { hearPendingStop } from "../stop.js";
import { underDocumentBudget } from "../interrupt-budget.js";

interface ReportOptions extends SamplingOptions {
  output: string;
  pdf?: string;
  paper: string;
  force?: boolean;
  date?: string;
  db?: string;
  team?: string;
}

function paperSize(value: string): PaperSize {
  const size = paperSizes.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (!size) throw new UserError(`--paper ${value}: allowed: ${paperSizes.map((candidate) => candidate.toLowerCase()).join(" or ")}`, 2);
  return size;
}

/** Refuses before any work is done, so a refused run writes nothing at all. */
/**
 * The date printed under the title: `--date YYYY-MM-DD`, else `SOURCE_DATE_EPOCH` (seconds since
 * 1970, as reproducible builds set it), else today — so the same file can give the same bytes.
 */
function reportDate(option: string | undefined, environment: string | undefined): Date {
  if (option !== undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(option);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
    if (!date) throw new UserError(`--date is "${option}"; allowed: a date as YYYY-MM-DD, e.g. 2026-05-01`, 2);
    // The form is right but the day is not in the calendar (2026-02-30): say that, not the form again.
    if (date.toISOString().slice(0, 10) !== option) {
      const month = Number(match![2]);
      const problem =
        month < 1 || month > 12
          ? `there is no month ${month}`
          : `${new Date(Date.UTC(2000, month - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${match![1]} has no day ${Number(match![3])}`;
      throw new UserError(`--date is "${option}", but ${problem}; allowed: a date that exists, as YYYY-MM-DD, e.g. 2026-05-01`, 2);
    }
    return date;
  }
  if (environment !== undefined && environment !== "") {
    if (!/^\d+$/.test(environment) || !Number.isSafeInteger(Number(environment) * 1000)) {
      throw new UserError(`SOURCE_DATE_EPOCH is "${environment}"; allowed: whole seconds since 1970-01-01, e.g. 1767225600`, 2);
    }
    return new Date(Number(environment) * 1000);
  }
  return new Date();
}

/** The files a report is written to, each with its option and the file name its refusal suggests. */
interface Target {
  readonly option: "-o" | "--pdf";
  readonly path: string;
  readonly example: string;
  readonly endings: OutputEndings;
}

const HTML_ENDINGS: OutputEndings = { endings: [".html", ".htm"], what: "an HTML report", otherwise: { ".pdf": "a PDF is written with --pdf" } };
const PDF_ENDINGS: OutputEndings = {
  endings: [".pdf"],
  what: "a PDF",
  otherwise: { ".html": "the HTML report is written with -o", ".htm": "the HTML report is written with -o" },
};

function checkTargets(targets: readonly Target[], force: boolean, input: string): void {
  if (targets.length === 2 && resolve(targets[0]!.path) === resolve(targets[1]!.path)) {
    throw new UserError(`--output and --pdf both name ${targets[0]!.path}; give them different files`, 2);
  }
  for (const target of targets) refuseOutput(target.path, { force, example: target.example, option: target.option, input, endings: target.endings });
}

export function registerReport(program: Command, output: CliOutput): void {
  program
    .command("report")
    .description("Write the decision-maker's report: one HTML file that opens offline, and a PDF on request.")
    .argument("<file>", SCENARIO_FILE_WORDS)
    .option("-o, --output <file>", "where to write the HTML report ('-' for standard output)", "report.html")
    .option("--pdf <file>", "also print the report to this PDF (needs Chromium)")
    .option("--paper <size>", "paper size of the PDF: a4 or letter", "a4")
    .option("--samples <n>", "Monte Carlo samples when the file has ranges (default: 10000 with ranges; 0 for none)")
    .option("--seed <s>", "seed of the random draws: the same seed gives the same report (default: 1)")
    .option("--lhs", "Latin hypercube sampling instead of plain random draws")
    .option("--force", "replace existing output files (the old ones are kept as .bak; an unchanged file is left as it is)")
    .option(
      "--date <YYYY-MM-DD>",
      "the date printed under the title (default: SOURCE_DATE_EPOCH when set, else today): the same file then gives the same bytes",
    )
    .option("--db <path>", "store of actuals for the plan-versus-actual section (default: the .db next to the case, when there is one)")
    .option("--team <name>", "whose plan versus actual to show when the store holds several teams")
    .addHelpText(
      "after",
      `
Examples:
  $ mlops-roi report examples/seed.yaml
  $ mlops-roi report case.yaml -o board/case.html --pdf board/case.pdf
  $ mlops-roi report examples/seed-uncertain.yaml --samples 20000 --seed 7
  $ mlops-roi report case.yaml --pdf case.pdf --paper letter --force`,
    )
    .action(async (file: string, options: ReportOptions, command: Command) => {
      // Loaded here, not at start: charts, the browser and the store take a second to load.
      const [{ chromiumAvailable, CHROMIUM_INSTALL_HINT }, { createReport }, { jargonInUserText }, { planVersusActualForReport }] = await Promise.all([
        import("../../report/browser.js"),
        import("../../report/create-report.js"),
        import("../../report/user-jargon.js"),
        import("./track/for-report.js"),
      ]);
      const paper = paperSize(options.paper);
      const toStdout = options.output === "-";
      checkTargets(
        [
          ...(toStdout ? [] : [{ option: "-o" as const, path: options.output, example: "report.html", endings: HTML_ENDINGS }]),
          ...(options.pdf ? [{ option: "--pdf" as const, path: options.pdf, example: "report.pdf", endings: PDF_ENDINGS }] : []),
        ],
        options.force ?? false,
        file,
      );
      if (!toStdout && command.getOptionValueSource("output") === "default")
        refuseUnnamedLink(options.output, `the default ${options.output}`, `give -o ${shellPath(options.output)} to write through it, or remove the link`);
      const date = reportDate(options.date, process.env.SOURCE_DATE_EPOCH);
      if (options.pdf && !chromiumAvailable()) throw new UserError(CHROMIUM_INSTALL_HINT);
      const { compiled, source } = loadScenario(file, output);
      if (!compiled) return;

      const summary = await runMonteCarlo(compiled, options, output, { document: "report", monthlyBands: "cumulative-net" });
      const deterministic = buildResult(compiled);
      const result = summary ? withUncertainty(deterministic, summary) : deterministic;
      const generatedOn = formatDay(date);
      const planVersusActual = await planVersusActualForReport(file, source.text, options, result);
      // The charts' script is loaded by now (its code cache is checked against the flags as they were).
      const { html, context } = await underDocumentBudget(() =>
        createReport(compiled, { result, generatedOn, ...(planVersusActual ? { planVersusActual } : {}) }),
      );
      for (const warning of jargonInUserText(context.result)) {
        output.stderr(
          `${file}: warning: ${warning.where} uses technical words a decision-maker may not know (${warning.words.join(", ")}); the report shows it as written\n`,
        );
      }
      // Print first: if Chromium fails, nothing has been written.
      // The PDF printer (and the browser driver it loads) only when a PDF is asked for.
      const pdf = options.pdf ? await (await import("../../report/pdf.js")).printPdf(html, { paper, title: context.result.title }) : undefined;

      // A Ctrl-C pressed while the charts or the PDF were made stops here, with nothing written.
      await hearPendingStop();
      if (toStdout) output.stdout(html);
      else report(output, options.output, writeFileAtomic(options.output, html, { force: options.force ?? false }));
      if (options.pdf && pdf) {
        report(output, options.pdf, writeFileAtomic(options.pdf, pdf, { force: options.force ?? false }));
      }
    });
}

function report(output: CliOutput, path: string, written: { backup?: string; unchanged?: boolean }): void {
  output.stderr(wroteMessage(path, written));
}

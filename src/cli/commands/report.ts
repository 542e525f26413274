import type { Command } from "commander";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { paperSizes, type PaperSize } from "../../report/paper.js";
import { buildResult, withUncertainty } from "../../engine/index.js";
import { UserError, type CliOutput } from "../io.js";
import { writeFileAtomic } from "../../shared/atomic-write.js";
import { loadScenario } from "../load.js";
import { runMonteCarlo, type SamplingOptions } from "../uncertainty.js";

interface ReportOptions extends SamplingOptions {
  output: string;
  pdf?: string;
  paper: string;
  force?: boolean;
  db?: string;
  team?: string;
}

function paperSize(value: string): PaperSize {
  const size = paperSizes.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (!size) throw new UserError(`--paper ${value}: allowed: ${paperSizes.map((candidate) => candidate.toLowerCase()).join(" or ")}`);
  return size;
}

/** Refuses before any work is done, so a refused run writes nothing at all. */
function checkTargets(targets: string[], force: boolean): void {
  if (targets.length === 2 && resolve(targets[0]!) === resolve(targets[1]!)) {
    throw new UserError(`--output and --pdf both name ${targets[0]}; give them different files`);
  }
  for (const target of targets) {
    if (!force && existsSync(target)) throw new UserError(`${target} already exists; use --force to replace it (the old file is kept as ${target}.bak)`);
  }
}

export function registerReport(program: Command, output: CliOutput): void {
  program
    .command("report")
    .description("Write the decision-maker's report: one HTML file that opens offline, and a PDF on request.")
    .argument("<file>", "scenario file (.yaml, .yml or .json)")
    .option("-o, --output <file>", "where to write the HTML report ('-' for standard output)", "report.html")
    .option("--pdf <file>", "also print the report to this PDF (needs Chromium)")
    .option("--paper <size>", "paper size of the PDF: a4 or letter", "a4")
    .option("--samples <n>", "Monte Carlo samples when the file has ranges (default 10000 with ranges; 0 for none)")
    .option("--seed <s>", "seed of the random draws: the same seed gives the same report (default 1)")
    .option("--lhs", "Latin hypercube sampling instead of plain random draws")
    .option("--force", "replace existing output files (the old ones are kept as .bak)")
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
    .action(async (file: string, options: ReportOptions) => {
      // Loaded here, not at start: charts, the browser and the store take a second to load.
      const [{ chromiumAvailable, CHROMIUM_INSTALL_HINT }, { createReport }, { printPdf }, { jargonInUserText }, { planVersusActualForReport }] = await Promise.all([
        import("../../report/browser.js"),
        import("../../report/create-report.js"),
        import("../../report/pdf.js"),
        import("../../report/user-jargon.js"),
        import("./track/for-report.js"),
      ]);
      const paper = paperSize(options.paper);
      const toStdout = options.output === "-";
      checkTargets([...(toStdout ? [] : [options.output]), ...(options.pdf ? [options.pdf] : [])], options.force ?? false);
      if (options.pdf && !chromiumAvailable()) throw new UserError(CHROMIUM_INSTALL_HINT);
      const { compiled, source } = loadScenario(file, output);
      if (!compiled) return;

      const summary = await runMonteCarlo(compiled, options, output);
      const deterministic = buildResult(compiled);
      const result = summary ? withUncertainty(deterministic, summary) : deterministic;
      const generatedOn = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
      const planVersusActual = await planVersusActualForReport(file, source.text, options, result);
      const { html, context } = await createReport(compiled, { result, generatedOn, ...(planVersusActual ? { planVersusActual } : {}) });
      for (const warning of jargonInUserText(context.result)) {
        output.stderr(`${file}: warning: ${warning.where} uses technical words a decision-maker may not know (${warning.words.join(", ")}); the report shows it as written\n`);
      }
      // Print first: if Chromium fails, nothing has been written.
      const pdf = options.pdf ? await printPdf(html, { paper, title: context.result.title }) : undefined;

      if (toStdout) output.stdout(html);
      else report(output, options.output, writeFileAtomic(options.output, html, { force: options.force ?? false }));
      if (options.pdf && pdf) {
        report(output, options.pdf, writeFileAtomic(options.pdf, pdf, { force: options.force ?? false }));
      }
    });
}

function report(output: CliOutput, path: string, written: { backup?: string }): void {
  output.stderr(`wrote ${path}${written.backup ? ` (previous version kept as ${written.backup})` : ""}\n`);
}

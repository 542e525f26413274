import { buildResult, MonteCarlo, STANDARD_SAMPLES, STANDARD_SEED, withUncertainty, type CompiledCase, type MonteCarloSummary } from "../engine/index.js";
import { formatDay } from "../format/dates.js";
import { chromiumAvailable } from "../report/browser.js";
import { createReport } from "../report/create-report.js";
import { printPdf } from "../report/pdf.js";
import { fastGzip } from "../workbook/fast-gzip.js";
import { exportWorkbook } from "../workbook/export-workbook.js";
import type { CaseExporters, ExportInput } from "./export-routes.js";

/** The same sampling as `mlops-roi report` without options, so an export matches the command line. */
const EXPORT_SAMPLES = STANDARD_SAMPLES;
const EXPORT_SEED = STANDARD_SEED;

function monteCarloOf(compiled: CompiledCase): MonteCarloSummary | undefined {
  if (compiled.uncertainLeaves.length === 0) return undefined;
  // The report and the workbook show the cumulative net's bands, not the live projects'.
  return MonteCarlo.summaryOf(compiled, { samples: EXPORT_SAMPLES, seed: EXPORT_SEED, monthlyBands: "cumulative-net" });
}

async function reportHtml({ compiled }: ExportInput): Promise<string> {
  const summary = monteCarloOf(compiled);
  const deterministic = buildResult(compiled);
  const result = summary ? withUncertainty(deterministic, summary) : deterministic;
  const generatedOn = formatDay(new Date());
  return (await createReport(compiled, { result, generatedOn })).html;
}

/**
 * The exports the page offers, made by the same modules as `mlops-roi report` and
 * `mlops-roi export`. The PDF is offered only where Chromium is installed.
 */
export function caseExporters(): CaseExporters {
  return {
    "report.html": { contentType: "text/html; charset=utf-8", extension: "html", render: reportHtml },
    ...(chromiumAvailable()
      ? {
          "report.pdf": {
            contentType: "application/pdf",
            extension: "pdf",
            render: async (input: ExportInput) => printPdf(await reportHtml(input), { paper: "A4", title: input.compiled.title }),
          },
        }
      : {}),
    "workbook.xlsx": {
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      extension: "xlsx",
      render: ({ text, file, compiled }: ExportInput) => {
        const monteCarlo = monteCarloOf(compiled);
        return exportWorkbook({ text, file, compiled, ...(monteCarlo ? { monteCarlo } : {}) }, fastGzip);
      },
    },
  };
}

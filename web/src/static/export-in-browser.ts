import {
  buildResult,
  hasErrors,
  MonteCarlo,
  STANDARD_SAMPLES,
  STANDARD_SEED,
  validateScenarioText,
  withUncertainty,
  type CompiledCase,
  type MonteCarloSummary,
} from "../../../src/engine/index.js";
import type { ExportKind } from "../../../src/shared/api-types.js";
import { exportFileName } from "../../../src/shared/export-file-name.js";

/**
 * The exports made in the page itself, for a page with no `mlops-roi serve` behind it (opened from
 * a static host): the HTML report and the workbook, by the same modules and with the same sampling
 * as the server's exports and `mlops-roi report`. The PDF needs Chromium, which only the server has.
 * This module, the report and exceljs are loaded only when an export is asked for.
 */

/** The kinds the page can make without a server. */
export const browserExportKinds = ["report.html", "workbook.xlsx"] as const satisfies readonly ExportKind[];
export type BrowserExportKind = (typeof browserExportKinds)[number];

/** The sampling of `mlops-roi report` without options and of the server's exports: the same figures. */
const EXPORT_SAMPLES = STANDARD_SAMPLES;
const EXPORT_SEED = STANDARD_SEED;

/** Thrown when the case cannot be exported; the message says why, for the status line. */
export class BrowserExportError extends Error {
  override name = "BrowserExportError";
}

function monteCarloOf(compiled: CompiledCase): MonteCarloSummary | undefined {
  if (compiled.uncertainLeaves.length === 0) return undefined;
  // The report and the workbook show the cumulative net's bands, not the live projects'.
  return MonteCarlo.summaryOf(compiled, { samples: EXPORT_SAMPLES, seed: EXPORT_SEED, monthlyBands: "cumulative-net" });
}

type TextWidth = (item: unknown, text: string | undefined) => number;

interface ReportMaker {
  createReport: typeof import("../../../src/report/create-report.js").createReport;
  /** Runs `draw` with Vega measuring text as the report does. */
  withReportMetrics<T>(draw: () => Promise<T>): Promise<T>;
}

/**
 * The report's module, loaded once. Importing it makes Vega measure text with the report's font
 * metrics (the same widths as in Node, so the same layout); the page's live charts keep the
 * browser's own measuring, so the report's is put in place only while a report is drawn.
 */
let reportModule: Promise<ReportMaker> | undefined;

function loadReport(): Promise<ReportMaker> {
  reportModule ??= (async () => {
    const vega = await import("vega");
    const metrics = (vega as unknown as { textMetrics: { width: TextWidth } }).textMetrics;
    const pageWidth = metrics.width;
    const { createReport } = await import("../../../src/report/create-report.js");
    const reportWidth = metrics.width;
    metrics.width = pageWidth;
    const withReportMetrics = async <T>(draw: () => Promise<T>): Promise<T> => {
      metrics.width = reportWidth;
      try {
        return await draw();
      } finally {
        metrics.width = pageWidth;
      }
    };
    return { createReport, withReportMetrics };
  })();
  return reportModule;
}

async function reportHtml(compiled: CompiledCase): Promise<string> {
  const { createReport, withReportMetrics } = await loadReport();
  const summary = monteCarloOf(compiled);
  const deterministic = buildResult(compiled);
  const result = summary ? withUncertainty(deterministic, summary) : deterministic;
  const generatedOn = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  return withReportMetrics(async () => (await createReport(compiled, { result, generatedOn })).html);
}

async function workbookBytes(text: string, file: unknown, compiled: CompiledCase): Promise<Uint8Array<ArrayBuffer>> {
  const { exportWorkbook } = await import("../../../src/workbook/export-workbook.js");
  const monteCarlo = monteCarloOf(compiled);
  const bytes = await exportWorkbook({ text, file, compiled, ...(monteCarlo ? { monteCarlo } : {}) });
  return new Uint8Array(bytes);
}

/**
 * Validates the scenario text as the server does and makes the file to download.
 * @example const { blob, fileName } = await exportInBrowser("report.html", caseText(data, "yaml"))
 */
export async function exportInBrowser(kind: BrowserExportKind, text: string): Promise<{ blob: Blob; fileName: string }> {
  const validation = validateScenarioText(text);
  if (hasErrors(validation.issues) || !validation.compiled) {
    throw new BrowserExportError(`the case has errors; fix them before exporting (${validation.issues[0]?.message ?? "it holds no case"})`);
  }
  const { compiled } = validation;
  switch (kind) {
    case "report.html":
      return { blob: new Blob([await reportHtml(compiled)], { type: "text/html;charset=utf-8" }), fileName: exportFileName(compiled.title, "html") };
    case "workbook.xlsx":
      return {
        blob: new Blob([await workbookBytes(text, validation.file, compiled)], {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }),
        fileName: exportFileName(compiled.title, "xlsx"),
      };
    default:
      return kind satisfies never;
  }
}

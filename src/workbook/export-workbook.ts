import { buildResult, withUncertainty, type CompiledCase, type MonteCarloSummary } from "../engine/index.js";
import { writeAssumptionsSheet } from "./assumptions-sheet.js";
import { writeCaseSheet } from "./case-sheet.js";
import { writeComparisonSheet } from "./comparison-sheet.js";
import { writeDistributionSheet } from "./distribution-sheet.js";
import { createWorkbook, workbookBytes, worksheetPath, type Workbook } from "./excel.js";
import { writeInputsSheet } from "./inputs-sheet.js";
import { writeMaintenanceSheet } from "./maintenance-sheet.js";
import { SheetWriter, type FormulaCheck } from "./sheet-writer.js";
import { sheetNames } from "./sheet-names.js";
import { writeSimulationSheet } from "./simulation-sheet.js";
import { StreamedSheetWriter } from "./streamed-sheet.js";
import { platformGzip, replaceParts, type GzipWriter } from "./zip-parts.js";
import { writeSummarySheet } from "./summary-sheet.js";

/** What export needs: the scenario file's text, its parsed data and the compiled case. */
export interface ExportSource {
  readonly text: string;
  readonly file: unknown;
  readonly compiled: CompiledCase;
  /** The Monte Carlo of a case with ranges, for the Distribution snapshot sheet (left out for a case without ranges). */
  readonly monteCarlo?: MonteCarloSummary;
}

export interface CaseWorkbook {
  readonly workbook: Workbook;
  /** Every formula cell whose value the engine also computed: what the formula gives and what the engine gave. */
  readonly checks: readonly FormulaCheck[];
}

/** Creates the sheets up front, in the order a reader meets them (exceljs keeps creation order). */
function createSheets(workbook: Workbook, withDistribution: boolean) {
  return {
    summary: workbook.addWorksheet(sheetNames.summary, { properties: { tabColor: { argb: "FF2F75B5" } } }),
    assumptions: workbook.addWorksheet(sheetNames.assumptions, { properties: { tabColor: { argb: "FFFFC000" } } }),
    maintenance: workbook.addWorksheet(sheetNames.maintenance),
    distribution: withDistribution ? workbook.addWorksheet(sheetNames.distribution, { properties: { tabColor: { argb: "FF7F7F7F" } } }) : undefined,
    simulation: workbook.addWorksheet(sheetNames.simulation),
    comparison: workbook.addWorksheet(sheetNames.comparison),
    inputs: workbook.addWorksheet(sheetNames.inputs),
    caseFile: workbook.addWorksheet(sheetNames.caseFile, { state: "veryHidden" }),
  };
}

/**
 * Builds the live workbook of a case: inputs on the Assumptions sheet, and every other figure a
 * formula over them that reproduces the engine, with the engine's values cached.
 * @example const { workbook } = buildCaseWorkbook({ text, file: validation.file, compiled: validation.compiled })
 */
export function buildCaseWorkbook(source: ExportSource): CaseWorkbook {
  const checks: FormulaCheck[] = [];
  return { workbook: buildWorkbook(source, checks).workbook, checks };
}

/**
 * The workbook; `checks` collects the formula checks when given. `streamed` writes the rows of the
 * month-by-month sheets (Simulation, Comparison) as XML of their own (see `StreamedSheetWriter`):
 * the workbook then lacks them until they are spliced into its file (`exportWorkbook`).
 */
function buildWorkbook(
  source: ExportSource,
  checks: FormulaCheck[] | undefined,
  streamed = false,
): { workbook: Workbook; streamedSheets: StreamedSheetWriter[] } {
  const { compiled } = source;
  // A file without ranges gives every sample the same numbers (`--samples` asked of one): there is no
  // spread to show, so the workbook is the single estimate's, as the report is (`createReport`) and the
  // web app's export (which runs no Monte Carlo then), not a snapshot "of the ranges" it does not have.
  const sampled = source.monteCarlo && compiled.uncertainLeaves.length > 0 ? source.monteCarlo : undefined;
  const result = sampled ? withUncertainty(buildResult(compiled), sampled) : buildResult(compiled);
  const workbook = createWorkbook();
  workbook.title = compiled.title;
  const sheets = createSheets(workbook, result.uncertainty !== undefined);
  const leafCells = writeAssumptionsSheet(sheets.assumptions, compiled, source.file, checks);
  const inputs = writeInputsSheet(sheets.inputs, compiled, result, leafCells, checks);
  // The month-by-month sheets: most of a long case's cells.
  const [simulationSheet, comparisonSheet] = [sheets.simulation, sheets.comparison].map((worksheet) =>
    streamed ? new StreamedSheetWriter(worksheet, checks) : new SheetWriter(worksheet, checks),
  );
  const simulation = writeSimulationSheet(simulationSheet!, compiled, result, inputs);
  const comparisons = writeComparisonSheet(comparisonSheet!, compiled, result, inputs, simulation);
  writeMaintenanceSheet(sheets.maintenance, compiled, result, inputs, simulation, checks);
  writeSummarySheet(sheets.summary, compiled, result, inputs, simulation, comparisons, checks);
  if (sheets.distribution) writeDistributionSheet(sheets.distribution, compiled, source.file, result, checks);
  writeCaseSheet(sheets.caseFile, source.text);
  const streamedSheets = [simulationSheet, comparisonSheet].filter((sheet) => sheet instanceof StreamedSheetWriter);
  return { workbook, streamedSheets };
}

/**
 * The .xlsx bytes of a case's live workbook. `gzip` makes the compressor of each part: the
 * platform's by default (in browsers); the command line and the server give Node's fastest level
 * (src/workbook/fast-gzip.ts).
 * @example writeFileSync("case.xlsx", await exportWorkbook({ text, file, compiled }, fastGzip))
 */
export async function exportWorkbook(source: ExportSource, gzip: () => GzipWriter = platformGzip): Promise<Uint8Array> {
  // No formula checks kept: they are for tests, and a large case has hundreds of thousands.
  const { workbook, streamedSheets } = buildWorkbook(source, undefined, true);
  // Stored: `replaceParts` compresses every part with the platform's DEFLATE, faster than the library's.
  const bytes = await workbookBytes(workbook, "store");
  return replaceParts(bytes, new Map(streamedSheets.map((sheet) => [worksheetPath(sheet.worksheet), (xml: string) => sheet.spliceRows(xml)])), gzip);
}

import { schedulePlan, type CaseResult, type CompiledCase, type MonthRow, type ParameterName } from "../engine/index.js";
import type { PlacedCell } from "./cell-address.js";
import { add, and, compare, flag, mul, num, sumRange, when, type Expr } from "./formula.js";
import type { ScenarioCells, WayFigure } from "./inputs-sheet.js";
import { setUpPage } from "./page-setup.js";
import type { SheetWriter } from "./sheet-writer.js";
import { simulationRows, type MonthContext, type RowKey, type SimulationRow, type YearlyLine } from "./simulation-rows.js";
import type { CellStyle } from "./excel.js";
import { formatOf, styled, wrapping } from "./styles.js";

/** The cells of one scenario's block on the Simulation sheet. */
export interface ScenarioSimulation {
  /** A row's cells, month 1 first. */
  readonly months: (key: RowKey) => readonly PlacedCell[];
  /** A row's Total cell (rows that add up). */
  readonly total: (key: RowKey) => PlacedCell;
  /** 1 from the month new work stops for good (to the end of the horizon), else 0. */
  readonly noNewWorkFromHere: readonly PlacedCell[];
}

/** Columns shared by the month-by-month sheets: label, unit, a summary column, then months. */
export const MONTH_SHEET_HEADER_ROW = 4;
export const FIRST_MONTH_COLUMN = 4;

/**
 * The widest the label column of a month-by-month sheet gets: it stays in view beside the months
 * (frozen) and prints on every page, so a longer label wraps onto more lines instead (the Simulation's
 * 191-character line of cloud costs made it 193 wide: wider than a laptop's screen, and on paper
 * only labels, no month, fitted on a page).
 */
export const MONTH_LABEL_WIDTH = 60;

/** A row's label in column A of a month-by-month sheet, wrapping when longer than the column holds. */
export function writeRowLabel(sheet: SheetWriter, row: number, label: string, style: CellStyle): void {
  sheet.text(row, 1, label, label.length + 2 > MONTH_LABEL_WIDTH ? wrapping(style) : style);
}

/**
 * The month-by-month sheets' label column and page: the months beside the frozen label, unit and
 * summary columns, on screen and on every printed page (a long plan prints at 60%, a short one a page wide).
 */
export function setUpMonthSheet(sheet: SheetWriter, lastRow: number, lastColumn: number, months: number): void {
  sheet.fitNumbers(3);
  sheet.fitLabels(MONTH_LABEL_WIDTH);
  setUpPage(sheet.worksheet, { frozenRows: MONTH_SHEET_HEADER_ROW, frozenColumns: 3, lastRow, lastColumn, landscape: true, fitToWidth: months <= 24 });
  if (months > 24) sheet.worksheet.pageSetup.scale = 60;
}

function engineValue(month: MonthRow, field: keyof MonthRow): number {
  const value = month[field];
  return typeof value === "boolean" ? (value ? 1 : 0) : value;
}

/** Writes the month numbers across the header row; formulas read them as `D$4`. */
export function writeMonthHeader(sheet: SheetWriter, months: number, summaryTitle: string): PlacedCell[] {
  sheet.text(MONTH_SHEET_HEADER_ROW, 1, "", styled("header"));
  sheet.text(MONTH_SHEET_HEADER_ROW, 2, "Unit", styled("header"));
  sheet.text(MONTH_SHEET_HEADER_ROW, 3, summaryTitle, styled("headerNumber"));
  const header: PlacedCell[] = [];
  for (let month = 1; month <= months; month++)
    header.push(sheet.number(MONTH_SHEET_HEADER_ROW, FIRST_MONTH_COLUMN + month - 1, month, styled("headerNumber", '"Month "0')));
  sheet.widths([54, 11, 13, ...header.map(() => 11)]);
  return header;
}

function totalOf(result: CaseResult, scenario: string, row: SimulationRow): number | undefined {
  const summary = result.scenarios[scenario]!.summary;
  if (row.key === "releases") return summary.projectsDelivered;
  if (row.key === "overloaded") return summary.overloadedMonths.length;
  return row.engineField ? (summary.totalHours[row.engineField] ?? summary.totalMoney[row.engineField]) : undefined;
}

/** The Expr made for a key, made by `make` the first time. */
function madeOnce<Key>(made: Map<Key, Expr>, key: Key, make: () => Expr): Expr {
  let expr = made.get(key);
  if (expr === undefined) {
    expr = make();
    made.set(key, expr);
  }
  return expr;
}

/**
 * Writes the month-by-month simulation of every scenario, one block of rows each, months across.
 * Every cell is a formula over the Inputs by scenario sheet and the month before, reproducing
 * `simulate.ts`; the engine's values are cached.
 */
export function writeSimulationSheet(sheet: SheetWriter, compiled: CompiledCase, result: CaseResult, inputs: readonly ScenarioCells[]): ScenarioSimulation[] {
  const months = compiled.horizonMonths;
  const currency = compiled.currency;
  const lastColumn = FIRST_MONTH_COLUMN + months - 1;
  sheet.text(1, 1, "Simulation: where each scenario's hours and money go, month by month", styled("title"));
  sheet.text(2, 1, "Every number is a formula over the Inputs by scenario sheet and the month before. Grey italic rows are working steps.", styled("subtitle"));
  const header = writeMonthHeader(sheet, months, "Total");

  let row = MONTH_SHEET_HEADER_ROW;
  const baselineCells = inputs[compiled.scenarios.findIndex((scenario) => scenario.name === compiled.baseline)]!;
  const blocks = compiled.scenarios.map((scenario, index) => {
    const capacityMode = scenario.releaseMode === "capacity";
    const plan = schedulePlan(scenario.releaseMonths, months, capacityMode);
    const engineMonths = result.scenarios[scenario.name]!.months;
    const cells = inputs[index]!;
    row += 2;
    const mode = capacityMode
      ? "projects go live when free hours have built them"
      : `releases in months ${Array.from(scenario.releaseMonths).join(", ") || "(none)"}`;
    const title = `${scenario.label}${scenario.name === compiled.baseline ? " (the baseline)" : ""}: ${mode}`;
    for (let c = 1; c <= lastColumn; c++) sheet.text(row, c, c === 1 ? title : "", styled("section"));

    // Rows first, then months: a month's formulas read rows of the month before that sit further down.
    const definitions = simulationRows(capacityMode, !cells.isBaseline);
    const rowOf = new Map<RowKey, number>();
    const placed = new Map<RowKey, PlacedCell[]>();
    for (const definition of definitions) {
      row += 1;
      rowOf.set(definition.key, row);
      placed.set(definition.key, []);
      const isNet = definition.key === "net";
      writeRowLabel(sheet, row, `  ${definition.label}`, styled(definition.helper ? "helperLabel" : isNet ? "keyLabel" : "label"));
      sheet.text(row, 2, definition.unit.replaceAll("{currency}", currency), styled("unit"));
    }
    // Each row's styles are looked up once, not in every month.
    const rowStyles = definitions.map((definition) => {
      const numberFormat = formatOf(definition.format, currency);
      return {
        formula: styled(definition.key === "net" ? "keyFigure" : "computed", numberFormat),
        fixed: styled("fixed", numberFormat),
        target: rowOf.get(definition.key)!,
        cells: placed.get(definition.key)!,
      };
    });
    for (let at = 0; at < months; at++) {
      const column = FIRST_MONTH_COLUMN + at;
      const month = sheet.ref(header[at]!);
      // A month's tooling inputs, ways of working and yearly starts, made once for all of its rows
      // that read them (an Expr never changes, so one can stand in many formulas).
      const tools = new Map<ParameterName, Expr>();
      const ways = new Map<WayFigure, Expr>();
      const yearStarts = new Map<YearlyLine, Expr>();
      // One context a month, shared by its rows: what it points at depends on the month alone.
      const context: MonthContext = {
        month,
        isFirstMonth: at === 0,
        current: (key) => sheet.ref(placed.get(key)![at]!),
        previous: (key) => (at === 0 ? num(0) : sheet.ref(placed.get(key)![at - 1]!)),
        input: (name) => sheet.ref(cells.input(name)),
        workedOut: (name) => sheet.ref(cells.workedOut(name)),
        tool: (name) =>
          madeOnce(tools, name, () => {
            const own = sheet.ref(cells.input(name));
            if (cells.isBaseline) return own;
            return when(compare(month, ">=", sheet.ref(cells.input("startMonth"))), own, sheet.ref(baselineCells.input(name)));
          }),
        // A yearly fee of its own starts its year with the change; the same fee as today's runs on in today's year.
        yearStart: (line) =>
          madeOnce(yearStarts, line, () => {
            if (cells.isBaseline) return num(1);
            const people = sheet.ref(cells.input("people"));
            // The line's yearly amount for a scenario's cells, as simulate.ts works it out.
            const yearly = (of: ScenarioCells): Expr =>
              line === "licences"
                ? add(sheet.ref(of.input("licenceFlatPerYear")), mul(sheet.ref(of.input("licencePerUserPerYear")), people))
                : line === "infrastructure"
                  ? add(sheet.ref(of.input("infrastructurePerYear")), mul(sheet.ref(of.input("infrastructurePerUserPerYear")), people))
                  : mul(sheet.ref(of.input("trainingPerPersonPerYear")), people);
            return when(
              and(compare(month, ">=", sheet.ref(cells.input("startMonth"))), compare(yearly(cells), "<>", yearly(baselineCells))),
              sheet.ref(cells.input("startMonth")),
              num(1),
            );
          }),
        way: (name) =>
          madeOnce(ways, name, () => {
            const after = sheet.ref(cells.way(name, "after"));
            if (cells.isBaseline) return after;
            return when(compare(sheet.ref(placed.get("wayInPlace")![at]!), "=", num(1)), after, sheet.ref(cells.way(name, "before")));
          }),
        planned: { releases: plan.scheduledReleases[at]!, buildShare: plan.scheduledBuildShare[at]! },
      };
      // By index, not `entries()`, whose [index, row] pairs are a new array in each of hundreds of thousands of cells.
      for (let index = 0; index < definitions.length; index++) {
        const definition = definitions[index]!;
        const built = definition.build(context);
        const { formula, fixed, target, cells: rowCells } = rowStyles[index]!;
        rowCells.push(
          typeof built === "number"
            ? sheet.number(target, column, built, fixed)
            : sheet.formula(target, column, built, formula, definition.engineField ? engineValue(engineMonths[at]!, definition.engineField) : undefined),
        );
      }
    }
    const totals = new Map<RowKey, PlacedCell>();
    for (const definition of definitions) {
      if (!definition.total) continue;
      const totalFormat = formatOf(definition.format === "yesNo" ? "count" : definition.format, currency);
      const cells = placed.get(definition.key)!;
      const totalRow = rowOf.get(definition.key)!;
      const sum = sumRange(sheet.range(cells));
      const style = styled("keyFigure", totalFormat);
      const engineTotal = totalOf(result, scenario.name, definition);
      // Work in progress is built, then goes live: over a case its months cancel out (the Summary adds them up itself).
      totals.set(
        definition.key,
        definition.key === "workInProgress" ? sheet.settledFormula(totalRow, 3, sum, style, engineTotal) : sheet.formula(totalRow, 3, sum, style, engineTotal),
      );
    }

    // New work stops for good in the first month of the last run of months where it cannot start.
    row += 1;
    writeRowLabel(sheet, row, "  New work can no longer start, from here to the end", styled("helperLabel"));
    sheet.text(row, 2, "yes / no", styled("unit"));
    const canStart = placed.get("canStartNewWork")!;
    const fromHere: PlacedCell[] = [];
    for (let at = months - 1; at >= 0; at--) {
      const cannot = compare(sheet.ref(canStart[at]!), "=", num(0));
      const expr = at === months - 1 ? flag(cannot) : flag(and(cannot, compare(sheet.ref(fromHere[0]!), "=", num(1))));
      fromHere.unshift(sheet.formula(row, FIRST_MONTH_COLUMN + at, expr, styled("computed", formatOf("yesNo", currency))));
    }
    return {
      months: (key: RowKey) => placed.get(key) ?? [],
      total: (key: RowKey) => {
        const cell = totals.get(key);
        if (!cell) throw new Error(`the Simulation sheet has no total for ${key}`);
        return cell;
      },
      noNewWorkFromHere: fromHere,
    };
  });

  setUpMonthSheet(sheet, row, lastColumn, months);
  return blocks;
}

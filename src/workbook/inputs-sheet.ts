import {
  fillParameters,
  parameterNames,
  parameterSpecs,
  P,
  PARAMETER_COUNT,
  quantityKind,
  type CaseResult,
  type CompiledCase,
  type ParameterName,
  type QuantityKindName,
} from "../engine/index.js";
import type { PlacedCell } from "./cell-address.js";
import type { Worksheet } from "./excel.js";
import { max, min, mul, num, sum, type Expr } from "./formula.js";
import { groupLabels, inputLabel, unitText } from "../format/input-labels.js";
import { setUpPage } from "./page-setup.js";
import { SheetWriter, type FormulaCheck } from "./sheet-writer.js";
import { formatOf, formats, rateMoneyFormat, styled } from "./styles.js";
import {
  capacityRows,
  readyMonthRow,
  scenarioRowsBefore,
  wayParameters,
  wayRows,
  type WayName,
  type WorkedOutName,
  type WorkedOutRow,
} from "./worked-out-inputs.js";

/** The cells one scenario's formulas read: its inputs and the figures worked out from them. */
export interface ScenarioCells {
  readonly input: (name: ParameterName) => PlacedCell;
  readonly workedOut: (name: WorkedOutName) => PlacedCell;
  /**
   * A figure of a way of working: the scenario's own ("after"), or the baseline's way for this
   * team ("before" its change is in place). The baseline has only its own.
   */
  readonly way: (name: WayFigure, phase: "before" | "after") => PlacedCell;
  readonly isBaseline: boolean;
}

/** Way-of-working figures the simulation reads: worked out, or inputs used as they are. */
export type WayFigure = WayName | "fixHoursPerFailure" | "upkeepHours" | "buildHours" | "valuePerMonth";

const manualLabels: Partial<Record<ParameterName, { label: string; unit: string }>> = {
  manualMinutesPerPerson: { label: "Chores per person (all chores)", unit: "minutes a week per person" },
  manualMinutesPerProject: { label: "Chores per live project (all chores)", unit: "minutes a week per project" },
  manualMinutesPerTeam: { label: "Chores for the whole team (all chores)", unit: "minutes a week" },
  manualSharePerPerson: { label: "Chores given as a share of every person's hours (all of them)", unit: "share" },
};

const INPUTS_HEADER_ROW = 4;

/**
 * How an input's number reads: money in the currency to its minor unit (a rate the month sheets
 * multiply: `rateMoneyFormat`; `values`, the row's), shares as percentages.
 */
function inputFormat(kind: QuantityKindName, currency: string, values: readonly number[]): string {
  // Money, and a product's yearly revenue, which may be larger.
  if (quantityKind(kind).unit === "money") return rateMoneyFormat(currency, values);
  if (["share", "contingency", "rate", "perYear"].includes(kind)) return formats.sharePrecise;
  if (["wholeCount", "months", "monthsPositive", "month"].includes(kind)) return formats.count;
  return formats.decimal;
}
const FIRST_SCENARIO_COLUMN = 3;

/**
 * Writes, for every scenario, each number the simulation reads — a formula pointing at its row on
 * the Assumptions sheet (the scenario's own value, else the shared default, chores added up), or
 * the engine's default where the file is silent — and the figures worked out from them.
 */
export function writeInputsSheet(
  worksheet: Worksheet,
  compiled: CompiledCase,
  result: CaseResult,
  leafCells: readonly PlacedCell[],
  checks: FormulaCheck[] | undefined,
): ScenarioCells[] {
  const sheet = new SheetWriter(worksheet, checks);
  const currency = compiled.currency;
  const scenarios = compiled.scenarios;
  const lastColumn = FIRST_SCENARIO_COLUMN + scenarios.length - 1;
  sheet.text(1, 1, "Inputs by scenario: what each scenario reads, and what is worked out from it", styled("title"));
  sheet.text(
    2,
    1,
    "Black: taken from the Assumptions sheet (change it there). Grey italic: a default, used because the scenario file does not set it.",
    styled("subtitle"),
  );
  sheet.text(INPUTS_HEADER_ROW, 1, "Input", styled("header"));
  sheet.text(INPUTS_HEADER_ROW, 2, "Unit", styled("header"));
  scenarios.forEach((scenario, index) => {
    sheet.text(
      INPUTS_HEADER_ROW,
      FIRST_SCENARIO_COLUMN + index,
      `${scenario.label}${scenario.name === compiled.baseline ? " (baseline)" : ""}`,
      styled("headerNumber"),
    );
  });

  const engineParameters = scenarios.map((scenario) => {
    const vector = new Float64Array(PARAMETER_COUNT);
    fillParameters(scenario, compiled.leafValues, vector);
    return vector;
  });
  const inputCells = scenarios.map(() => new Map<ParameterName, PlacedCell>());
  const workedOutCells = scenarios.map(() => new Map<WorkedOutName, PlacedCell>());

  let row = INPUTS_HEADER_ROW;
  const section = (title: string) => {
    row += 1;
    for (let c = 1; c <= lastColumn; c++) sheet.text(row, c, c === 1 ? title : "", styled("section"));
  };

  let group = "";
  section("Inputs (from the Assumptions sheet)");
  for (const name of parameterNames) {
    const source = parameterSpecs[name].source;
    const path = source.split(".");
    const heading = path.length === 1 ? "The whole case" : (groupLabels[path[0] ?? ""] ?? path[0] ?? "");
    if (heading !== group) {
      row += 1;
      sheet.text(row, 1, heading, styled("keyLabel"));
      group = heading;
    }
    row += 1;
    const manual = manualLabels[name];
    const described = manual ? undefined : inputLabel(path);
    sheet.text(row, 1, `  ${manual?.label ?? described?.label ?? source}`, styled("label"));
    sheet.text(row, 2, manual?.unit ?? (described ? unitText(described, currency) : ""), styled("unit"));
    const numberFormat = manual
      ? formats.general
      : name === "backlog" || name.endsWith("UntilMonth")
        ? formats.backlog
        : inputFormat(
            parameterSpecs[name].kind,
            currency,
            engineParameters.map((parameters) => parameters[P[name]]!),
          );
    scenarios.forEach((scenario, index) => {
      const column = FIRST_SCENARIO_COLUMN + index;
      const engine = engineParameters[index]![P[name]]!;
      const base = scenario.parameterLeaves[P[name]] ?? -1;
      const added = scenario.summedLeaves.filter(([parameter]) => parameter === P[name]).map(([, leaf]) => sheet.ref(leafCells[leaf]!));
      const factors = scenario.multipliedLeaves.filter(([parameter]) => parameter === P[name]).map(([, leaf]) => sheet.ref(leafCells[leaf]!));
      if (base < 0 && added.length === 0 && factors.length === 0) {
        if (Number.isNaN(engine)) sheet.text(row, column, "not used", styled("fixed"));
        // The engine's fallback; "no limit" (infinity) is written as a number no count reaches.
        else inputCells[index]!.set(name, sheet.number(row, column, Number.isFinite(engine) ? engine : 1e300, styled("fixed", numberFormat)));
        return;
      }
      // fillParameters: the scenario's value (or the default), plus what is added (chores, capability
      // costs), times the capabilities' effects, kept within what the input allows.
      const fallback = parameterSpecs[name].fallback;
      const start: Expr[] = base >= 0 ? [sheet.ref(leafCells[base]!)] : fallback !== 0 || added.length === 0 ? [num(fallback)] : [];
      let expr = sum(...start, ...added);
      if (factors.length > 0) {
        expr = factors.reduce((product, factor) => mul(product, factor), expr);
        const allowed = quantityKind(parameterSpecs[name].kind);
        expr = min(num(allowed.max), max(num(allowed.min), expr));
      }
      inputCells[index]!.set(name, sheet.formula(row, column, expr, styled("computed", numberFormat), engine));
    });
  }

  section("How projects are released (fixed by the scenario file)");
  row += 1;
  sheet.text(row, 1, "  Release mode", styled("label"));
  scenarios.forEach((scenario, index) =>
    sheet.text(row, FIRST_SCENARIO_COLUMN + index, scenario.releaseMode === "capacity" ? "capacity" : "schedule", styled("fixed")),
  );
  row += 1;
  sheet.text(row, 1, "  Release months", styled("label"));
  scenarios.forEach((scenario, index) =>
    sheet.text(
      row,
      FIRST_SCENARIO_COLUMN + index,
      scenario.releaseMode === "capacity" ? "when a build is done" : Array.from(scenario.releaseMonths).join(", ") || "none",
      styled("fixed"),
    ),
  );

  const baseIndex = scenarios.findIndex((scenario) => scenario.name === compiled.baseline);
  const beforeCells = scenarios.map(() => new Map<WayName, PlacedCell>());
  /** Writes a block of worked-out rows; `phase` "before" reads the baseline's way-of-working inputs. */
  const writeRows = <Name extends string>(definitions: readonly WorkedOutRow<Name>[], phase: "before" | "after", onlyAlternatives: boolean) => {
    for (const definition of definitions) {
      row += 1;
      sheet.text(row, 1, `  ${definition.label}`, styled("label"));
      sheet.text(row, 2, definition.unit.replaceAll("{currency}", currency), styled("unit"));
      scenarios.forEach((scenario, index) => {
        const column = FIRST_SCENARIO_COLUMN + index;
        if (onlyAlternatives && index === baseIndex) {
          sheet.text(row, column, "(the baseline)", styled("fixed"));
          return;
        }
        const inputFrom = (name: ParameterName): Expr => {
          const owner = phase === "before" && wayParameters.has(name) ? baseIndex : index;
          const cell = inputCells[owner]!.get(name);
          if (!cell) throw new Error(`scenario ${scenarios[owner]!.name}: input ${name} is not used but a formula needs it`);
          return sheet.ref(cell);
        };
        const earlier = (name: WorkedOutName): Expr => {
          const cell = phase === "before" ? beforeCells[index]!.get(name as WayName) : workedOutCells[index]!.get(name);
          if (!cell) throw new Error(`worked-out row ${name} is used before it is written`);
          return sheet.ref(cell);
        };
        const salaried = Number.isNaN(engineParameters[index]![P.hourlyCost]!);
        const expr = definition.build({ input: inputFrom, row: earlier, salaried });
        const summary = result.scenarios[scenario.name]!.summary;
        const name = definition.name as string;
        const engine =
          phase === "before"
            ? undefined
            : name === "hourlyCost"
              ? summary.hourlyCost
              : name === "paidAtTimeZero"
                ? summary.initialInvestment
                : name === "maxLiveProjectsPerPerson"
                  ? (summary.maxLiveProjectsPerPerson ?? "no limit")
                  : name === "liveProjectsPerPerson"
                    ? (summary.liveProjectsPerPerson ?? "no limit")
                    : name === "maxLiveProjects"
                      ? (summary.maxLiveProjects ?? "no limit")
                      : undefined;
        // Money here is a rate the month sheets multiply (an hour's cost, a month's pay): to the minor unit.
        const numberFormat = definition.format === "money" ? rateMoneyFormat(currency) : formatOf(definition.format, currency);
        const placed = sheet.formula(row, column, expr, styled("computed", numberFormat), engine);
        if (phase === "before") beforeCells[index]!.set(name as WayName, placed);
        else workedOutCells[index]!.set(name as WorkedOutName, placed);
      });
    }
  };
  section("Worked out from the inputs");
  writeRows(scenarioRowsBefore, "after", false);
  writeRows([readyMonthRow], "after", true);
  writeRows(wayRows, "after", false);
  writeRows(capacityRows, "after", false);
  if (scenarios.length > 1) {
    section("Until an alternative's change is in place, its team works the baseline's way: these figures, with its own team size");
    writeRows(wayRows, "before", true);
  }

  sheet.widths([58, 26, ...scenarios.map(() => 22)]);
  sheet.fitRowHeight(INPUTS_HEADER_ROW);
  sheet.fitLabels();
  setUpPage(sheet.worksheet, { frozenRows: INPUTS_HEADER_ROW, frozenColumns: 2, lastRow: row, lastColumn, fitToWidth: true });
  const wayInputs = new Set<WayFigure>(["fixHoursPerFailure", "upkeepHours", "buildHours", "valuePerMonth"]);
  return scenarios.map((scenario, index) => {
    const input = (name: ParameterName, owner = index): PlacedCell => {
      const cell = inputCells[owner]!.get(name);
      if (!cell) throw new Error(`scenario ${scenarios[owner]!.name}: input ${name} is not used but a formula needs it`);
      return cell;
    };
    const workedOut = (name: WorkedOutName): PlacedCell => {
      const cell = workedOutCells[index]!.get(name);
      if (!cell) throw new Error(`scenario ${scenario.name}: no worked-out ${name}`);
      return cell;
    };
    const isBaseline = index === baseIndex;
    return {
      input,
      workedOut,
      isBaseline,
      way: (name, phase) => {
        const before = phase === "before" && !isBaseline;
        if (wayInputs.has(name)) return input(name as ParameterName, before ? baseIndex : index);
        return before ? beforeCells[index]!.get(name as WayName)! : workedOut(name as WayName);
      },
    };
  });
}

import { fillParameters, type CaseResult, type CompiledCase } from "../engine/index.js";
import { parameterNames, parameterSpecs, P, PARAMETER_COUNT, type ParameterName } from "../engine/model/parameters.js";
import type { PlacedCell } from "./cell-address.js";
import type { Worksheet } from "./excel.js";
import { sum, type Expr } from "./formula.js";
import { groupLabels, inputLabel, unitText } from "./input-labels.js";
import { setUpPage } from "./page-setup.js";
import { SheetWriter, type FormulaCheck } from "./sheet-writer.js";
import { formatOf, formats, styled } from "./styles.js";
import { workedOutRows, type WorkedOutName } from "./worked-out-inputs.js";

/** The cells one scenario's formulas read: its inputs and the figures worked out from them. */
export interface ScenarioCells {
  readonly input: (name: ParameterName) => PlacedCell;
  readonly workedOut: (name: WorkedOutName) => PlacedCell;
}

const manualLabels: Partial<Record<ParameterName, { label: string; unit: string }>> = {
  manualMinutesPerPerson: { label: "Chores per person (all chores)", unit: "minutes a week per person" },
  manualMinutesPerProject: { label: "Chores per live project (all chores)", unit: "minutes a week per project" },
  manualMinutesPerTeam: { label: "Chores for the whole team (all chores)", unit: "minutes a week" },
};

const INPUTS_HEADER_ROW = 4;

/** How an input's number reads: money in the currency, shares as percentages. */
function inputFormat(kind: string, currency: string): string {
  if (kind === "money") return formatOf("money", currency);
  if (["share", "contingency", "rate", "perYear"].includes(kind)) return formats.sharePrecise;
  return formats.general;
}
const FIRST_SCENARIO_COLUMN = 3;

/**
 * Writes, for every scenario, each number the simulation reads — a formula pointing at its row on
 * the Assumptions sheet (the scenario's own value, else the shared default, chores added up), or
 * the engine's default where the file is silent — and the figures worked out from them.
 */
export function writeInputsSheet(worksheet: Worksheet, compiled: CompiledCase, result: CaseResult, leafCells: readonly PlacedCell[], checks: FormulaCheck[]): ScenarioCells[] {
  const sheet = new SheetWriter(worksheet, checks);
  const currency = compiled.currency;
  const scenarios = compiled.scenarios;
  const lastColumn = FIRST_SCENARIO_COLUMN + scenarios.length - 1;
  sheet.text(1, 1, "Inputs by scenario: what each scenario reads, and what is worked out from it", styled("title"));
  sheet.text(2, 1, "Black: taken from the Assumptions sheet (change it there). Grey italic: a default, used because the scenario file does not set it.", styled("subtitle"));
  sheet.text(INPUTS_HEADER_ROW, 1, "Input", styled("header"));
  sheet.text(INPUTS_HEADER_ROW, 2, "Unit", styled("header"));
  scenarios.forEach((scenario, index) => {
    sheet.text(INPUTS_HEADER_ROW, FIRST_SCENARIO_COLUMN + index, `${scenario.label}${scenario.name === compiled.baseline ? " (baseline)" : ""}`, styled("headerNumber"));
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
    const numberFormat = manual ? formats.general : name === "backlog" ? formats.backlog : inputFormat(parameterSpecs[name].kind, currency);
    scenarios.forEach((scenario, index) => {
      const column = FIRST_SCENARIO_COLUMN + index;
      const engine = engineParameters[index]![P[name]]!;
      const leaves = manual ? scenario.summedLeaves.filter(([parameter]) => parameter === P[name]).map(([, leaf]) => leaf) : [];
      const leaf = manual ? -1 : (scenario.parameterLeaves[P[name]] ?? -1);
      if (leaf >= 0 || leaves.length > 0) {
        const refs: Expr[] = (leaf >= 0 ? [leaf] : leaves).map((index) => sheet.ref(leafCells[index]!));
        inputCells[index]!.set(name, sheet.formula(row, column, sum(...refs), styled("computed", numberFormat), engine));
      } else if (Number.isNaN(engine)) {
        sheet.text(row, column, "not used", styled("fixed"));
      } else {
        // The engine's fallback; "no limit" (infinity) is written as a number no count reaches.
        const value = Number.isFinite(engine) ? engine : 1e300;
        inputCells[index]!.set(name, sheet.number(row, column, value, styled("fixed", numberFormat)));
      }
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
    sheet.text(row, FIRST_SCENARIO_COLUMN + index, scenario.releaseMode === "capacity" ? "when a build is done" : Array.from(scenario.releaseMonths).join(", ") || "none", styled("fixed")),
  );

  section("Worked out from the inputs");
  for (const definition of workedOutRows) {
    row += 1;
    sheet.text(row, 1, `  ${definition.label}`, styled("label"));
    sheet.text(row, 2, definition.unit.replaceAll("{currency}", currency), styled("unit"));
    scenarios.forEach((scenario, index) => {
      const inputs = inputCells[index]!;
      const worked = workedOutCells[index]!;
      const input = (name: ParameterName): Expr => {
        const cell = inputs.get(name);
        if (!cell) throw new Error(`scenario ${scenario.name}: input ${name} is not used but a formula needs it`);
        return sheet.ref(cell);
      };
      const earlier = (name: WorkedOutName): Expr => sheet.ref(worked.get(name)!);
      const salaried = Number.isNaN(engineParameters[index]![P.hourlyCost]!);
      const expr = definition.build(input, earlier, salaried);
      const summary = result.scenarios[scenario.name]!.summary;
      const engine =
        definition.name === "hourlyCost" ? summary.hourlyCost
        : definition.name === "paidAtTimeZero" ? summary.initialInvestment
        : definition.name === "maxLiveProjectsPerPerson" ? (summary.maxLiveProjectsPerPerson ?? "no limit")
        : undefined;
      worked.set(definition.name, sheet.formula(row, FIRST_SCENARIO_COLUMN + index, expr, styled("computed", formatOf(definition.format, currency)), engine));
    });
  }

  sheet.widths([58, 26, ...scenarios.map(() => 22)]);
  sheet.fitRowHeight(INPUTS_HEADER_ROW);
  setUpPage(sheet.worksheet, { frozenRows: INPUTS_HEADER_ROW, frozenColumns: 2, lastRow: row, lastColumn, fitToWidth: true });
  return scenarios.map((scenario, index) => ({
    input: (name) => {
      const cell = inputCells[index]!.get(name);
      if (!cell) throw new Error(`scenario ${scenario.name}: input ${name} is not used but a formula needs it`);
      return cell;
    },
    workedOut: (name) => workedOutCells[index]!.get(name)!,
  }));
}

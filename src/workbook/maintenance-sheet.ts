import type { CaseResult, CompiledCase } from "../engine/index.js";
import { liveProjectsKeptLabels } from "../format/words.js";
import { cellAddress } from "./cell-address.js";
import type { Worksheet } from "./excel.js";
import type { ScenarioCells } from "./inputs-sheet.js";
import { setUpPage } from "./page-setup.js";
import { SheetWriter, type FormulaCheck } from "./sheet-writer.js";
import type { ScenarioSimulation } from "./simulation-sheet.js";
import type { RowKey } from "./simulation-rows.js";
import { colours, formatOf, formats, ownStyle, styled } from "./styles.js";

const GROUP_ROW = 4;
const SCENARIO_ROW = 5;

const groups: readonly { key: RowKey; title: string; format: "count" | "hours" | "yesNo" }[] = [
  { key: "liveProjects", title: "Live projects", format: "count" },
  { key: "upkeepHours", title: "Upkeep hours", format: "hours" },
  { key: "freeHours", title: "Free hours", format: "hours" },
  { key: "canStartNewWork", title: "New work possible", format: "yesNo" },
];

/**
 * The seed's sheet (examples/seed.yaml) for every scenario: live projects, their upkeep, the free hours left
 * and whether new work can still start, month by month. Overloaded months show in red.
 */
export function writeMaintenanceSheet(
  worksheet: Worksheet,
  compiled: CompiledCase,
  result: CaseResult,
  inputs: readonly ScenarioCells[],
  simulation: readonly ScenarioSimulation[],
  checks: FormulaCheck[] | undefined,
): void {
  const sheet = new SheetWriter(worksheet, checks);
  const scenarios = compiled.scenarios;
  const count = scenarios.length;
  const months = compiled.horizonMonths;
  const lastColumn = 1 + groups.length * count;
  sheet.text(1, 1, "Maintenance over time: every live project needs upkeep, and upkeep eats the hours left for new work", styled("title"));
  sheet.text(
    2,
    1,
    "Free hours below zero mean the month is overloaded (red). New work starts only when the free hours reach the threshold below.",
    styled("subtitle"),
  );
  sheet.text(GROUP_ROW, 1, "", styled("header"));
  sheet.text(SCENARIO_ROW, 1, "Month", styled("header"));
  groups.forEach((group, g) => {
    const first = 2 + g * count;
    for (let index = 0; index < count; index++) {
      sheet.text(GROUP_ROW, first + index, index === 0 ? group.title : "", styled("header"));
      sheet.text(SCENARIO_ROW, first + index, scenarios[index]!.label, styled("headerNumber"));
    }
    if (count > 1) sheet.worksheet.mergeCells(GROUP_ROW, first, GROUP_ROW, first + count - 1);
    ownStyle(sheet.worksheet.getCell(GROUP_ROW, first)).alignment = { horizontal: "center" };
  });

  for (let at = 0; at < months; at++) {
    const row = SCENARIO_ROW + 1 + at;
    sheet.number(row, 1, at + 1, styled("keyLabel", formats.month));
    groups.forEach((group, g) => {
      scenarios.forEach((scenario, index) => {
        const source = simulation[index]!.months(group.key)[at]!;
        const engineRow = result.scenarios[scenario.name]!.months[at]!;
        const engine = engineRow[group.key as "liveProjects" | "upkeepHours" | "freeHours" | "canStartNewWork"];
        sheet.formula(
          row,
          2 + g * count + index,
          sheet.ref(source),
          styled("computed", formatOf(group.format, compiled.currency)),
          typeof engine === "boolean" ? (engine ? 1 : 0) : engine,
        );
      });
    });
  }

  const lastMonthRow = SCENARIO_ROW + months;
  // A light line between the groups keeps the four figures apart.
  groups.forEach((_group, g) => {
    for (let row = GROUP_ROW; row <= lastMonthRow; row++) {
      const cell = ownStyle(sheet.worksheet.getCell(row, 2 + g * count));
      cell.border = { ...cell.border, left: { style: "thin", color: { argb: "FFA6A6A6" } } };
    }
  });
  const freeFirst = 2 + 2 * count;
  const newWorkFirst = 2 + 3 * count;
  sheet.worksheet.addConditionalFormatting({
    ref: `${cellAddress(SCENARIO_ROW + 1, freeFirst)}:${cellAddress(lastMonthRow, freeFirst + count - 1)}`,
    rules: [
      {
        type: "cellIs",
        operator: "lessThan",
        formulae: ["0"],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: colours.warningFill } } },
      },
    ],
  });
  sheet.worksheet.addConditionalFormatting({
    ref: `${cellAddress(SCENARIO_ROW + 1, newWorkFirst)}:${cellAddress(lastMonthRow, newWorkFirst + count - 1)}`,
    rules: [{ type: "cellIs", operator: "equal", formulae: ["0"], priority: 2, style: { font: { color: { argb: "FFC00000" }, bold: true } } }],
  });

  // Each figure's words sit on their own row: the month column is too narrow to hold them.
  let row = lastMonthRow + 2;
  // A team of more than one keeps its whole projects together, as page 1 and the Summary sheet say it
  // (liveProjectsKeptLabels): examples/team.yaml's team of 4 keeps 9 today, about 2.4 per person, not "2".
  const summaryOf = (index: number) => result.scenarios[scenarios[index]!.name]!.summary;
  const kept = liveProjectsKeptLabels(
    scenarios.every((_scenario, index) => summaryOf(index).people === 1),
    scenarios.some((_scenario, index) => !Number.isInteger(summaryOf(index).people)),
  );
  sheet.text(row, 1, `${kept.count} (under Live projects):`, styled("label"));
  row += 1;
  scenarios.forEach((_scenario, index) => {
    const summary = summaryOf(index);
    const [name, engine] =
      kept.perPerson === undefined
        ? (["maxLiveProjectsPerPerson", summary.maxLiveProjectsPerPerson] as const)
        : (["maxLiveProjects", summary.maxLiveProjects] as const);
    sheet.formula(row, 2 + index, sheet.ref(inputs[index]!.workedOut(name)), styled("keyFigure", formats.count), engine ?? "no limit");
  });
  row += 2;
  if (kept.perPerson !== undefined) {
    sheet.text(row, 1, `${kept.perPerson} (under Live projects):`, styled("label"));
    row += 1;
    scenarios.forEach((_scenario, index) =>
      sheet.formula(
        row,
        2 + index,
        sheet.ref(inputs[index]!.workedOut("liveProjectsPerPerson")),
        styled("keyFigure", formats.tenth),
        summaryOf(index).liveProjectsPerPerson ?? "no limit",
      ),
    );
    row += 2;
  }
  sheet.text(row, 1, "Free hours a month needed to start new work (under Free hours):", styled("label"));
  row += 1;
  scenarios.forEach((_scenario, index) =>
    sheet.formula(row, freeFirst + index, sheet.ref(inputs[index]!.input("newWorkThresholdHours")), styled("keyFigure", formats.hours)),
  );

  sheet.widths([10, ...Array.from({ length: lastColumn - 1 }, () => 13)]);
  sheet.fitRowHeight(SCENARIO_ROW);
  setUpPage(sheet.worksheet, { frozenRows: SCENARIO_ROW, frozenColumns: 1, lastRow: row, lastColumn, landscape: count > 2, fitToWidth: true });
}

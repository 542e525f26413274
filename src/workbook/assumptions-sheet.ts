import {
  allowedUpTo,
  leafQuantile,
  quantityKind,
  inputReaders,
  unconvertedBuiltInPrices,
  type CompiledCase,
  type Leaf,
  type QuantityKindName,
} from "../engine/index.js";
import type { PlacedCell } from "./cell-address.js";
import type { Worksheet } from "./excel.js";
import { add, and, compare, exp, ln, max, min, mul, num, roundWhole, when, type Expr } from "./formula.js";
import { catalogueLabel, groupLabels, inputLabel, unitText, type InputLabel } from "../format/input-labels.js";
import { leafForm, type LeafForm } from "./leaf-form.js";
import { setUpPage } from "./page-setup.js";
import { inputMoneyDecimals, withoutResidue } from "../format/numbers.js";
import { builtInPricesWords, usedByName } from "../format/words.js";
import { SheetWriter, type FormulaCheck } from "./sheet-writer.js";
import { colours, formats, ownStyle, styled, styles } from "./styles.js";

/**
 * The Assumptions sheet's columns. Import finds them by these header texts, so columns can move
 * or be added without breaking older workbooks.
 */
export const assumptionHeaders = {
  input: "Input",
  low: "Low",
  likely: "Likely",
  high: "High",
  unit: "Unit",
  range: "Range",
  usedBy: "Used by",
  note: "Your note",
  path: "In the scenario file",
} as const;

export type AssumptionColumn = keyof typeof assumptionHeaders;
const columnOrder: readonly AssumptionColumn[] = ["input", "low", "likely", "high", "unit", "range", "usedBy", "note", "path"];
const column = Object.fromEntries(columnOrder.map((name, index) => [name, index + 1])) as Record<AssumptionColumn, number>;

/** The row the headers sit on; rows above hold the title and how to use the sheet. */
export const ASSUMPTIONS_HEADER_ROW = 5;

/** Where a leaf sits inside a scenario's inputs: without `defaults` or `scenarios.<name>`. */
export function innerPath(leaf: Leaf): readonly (string | number)[] {
  if (leaf.path[0] === "defaults") return leaf.path.slice(1);
  if (leaf.path[0] === "scenarios") return leaf.path.slice(2);
  return leaf.path;
}

function taskPer(file: unknown, leaf: Leaf): string | undefined {
  const inner = innerPath(leaf);
  if (inner[0] !== "manualTasks") return undefined;
  const read = (root: unknown, path: readonly (string | number)[]): unknown =>
    path.reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[String(key)] : undefined), root);
  const own = read(file, [...leaf.path.slice(0, -1), "per"]);
  return typeof own === "string" ? own : (read(file, ["defaults", "manualTasks", inner[1] ?? "", "per"]) as string | undefined);
}

/** The label and unit of a leaf; undefined for a field this version does not know. */
export function describeLeaf(file: unknown, leaf: Leaf, compiled?: CompiledCase): InputLabel | undefined {
  if (leaf.path[0] === "catalogue") {
    const name = String(leaf.path[1]);
    return catalogueLabel(leaf.path, compiled?.capabilities.find((capability) => capability.name === name)?.label ?? name);
  }
  return inputLabel(innerPath(leaf), taskPer(file, leaf));
}

const shareKinds: readonly QuantityKindName[] = ["share", "contingency", "rate", "perYear"];

/** An amount of money: any input, or a product's yearly revenue, which may be larger. */
const isMoney = (kind: QuantityKindName): boolean => quantityKind(kind).unit === "money";

/**
 * A number's format from its own value: whole money without cents, a share with decimals only when it
 * has them. A value worked out from a distribution (a range's ends) is judged without the residue of
 * working it out (1499.9999999999986 is a whole 1,500).
 */
function valueFormat(kind: QuantityKindName, exact: number, currency: string): string {
  const value = withoutResidue(exact);
  if (shareKinds.includes(kind)) return Number.isInteger(Math.round(value * 1e6) / 1e4) ? formats.share : formats.sharePrecise;
  if (isMoney(kind)) return moneyFormat([value], currency);
  return Number.isInteger(value) ? formats.general : formats.decimal;
}

/**
 * The format of a number worked out from a range's shape (its 5th and 95th percentiles, its middle):
 * money to the unit, as the workbook's other amounts; anything else by its own value.
 */
export function workedOutFormat(kind: QuantityKindName, value: number): string {
  // Money is to the unit here, whatever the currency: the currency does not matter.
  return isMoney(kind) ? "#,##0" : valueFormat(kind, value, "");
}

/**
 * Money input cells as the report writes the inputs (`inputMoneyDecimals`): to the unit when every
 * value is whole, or in yen from 100 up; else to the currency's minor unit (0.40 in euros, 0.400 in
 * Kuwaiti dinars; 0.4 yen shows 0.40, not a 0 that reads as free).
 */
function moneyFormat(values: readonly number[], currency: string): string {
  const decimals = Math.max(...values.map((value) => inputMoneyDecimals(value, currency)));
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
}

/**
 * The format of a range's Likely cell, its middle worked out from the ends (√(1,500 × 4,000) =
 * 2,449.49…): money as precise as its ends (whole units when they are whole), anything else with
 * the decimals a middle has.
 */
function middleFormat(kind: QuantityKindName, low: number, high: number, currency: string): string {
  if (isMoney(kind)) return moneyFormat([low, high], currency);
  if (quantityKind(kind).integer) return formats.general;
  return shareKinds.includes(kind) ? formats.sharePrecise : formats.decimal;
}

/**
 * Spreadsheet data validation: the program refuses a value the scenario file would refuse, and says
 * what is allowed as `validate` and `import` say it (with the largest value where the words do not give it).
 */
function validation(kind: QuantityKindName, allowBlank: boolean) {
  const allowed = quantityKind(kind);
  const common = { allowBlank, showErrorMessage: true, errorStyle: "stop", errorTitle: "Not allowed here", error: `Allowed: ${allowedUpTo(allowed)}.` };
  if (allowed.integer) return { ...common, type: "whole" as const, operator: "between" as const, formulae: [allowed.min, allowed.max] };
  if (allowed.exclusiveMin) return { ...common, type: "decimal" as const, operator: "greaterThan" as const, formulae: [allowed.min] };
  return { ...common, type: "decimal" as const, operator: "between" as const, formulae: [allowed.min, allowed.max] };
}

/**
 * The middle of a 90% interval, as the engine takes it (compile.ts): the median of a lognormal
 * when both ends are positive (or the file says lognormal), of a normal otherwise; kept within
 * what the input allows, and whole where it must be.
 */
export function intervalMiddle(low: Expr, high: Expr, shape: "auto" | "normal" | "lognormal", kind: QuantityKindName): Expr {
  const lognormal = () => exp(mul(num(0.5), add(ln(low), ln(high))));
  const normal = () => mul(num(0.5), add(low, high));
  const middle =
    shape === "normal"
      ? normal()
      : shape === "lognormal"
        ? lognormal()
        : when(and(compare(low, ">", num(0)), compare(high, ">", num(0))), lognormal(), normal());
  const allowed = quantityKind(kind);
  const clamped = min(num(allowed.max), max(num(allowed.min), middle));
  return allowed.integer ? roundWhole(clamped) : clamped;
}

function rangeText(form: LeafForm): string {
  if (form.kind === "point") return "";
  if (form.kind === "interval") return form.shape === "auto" ? "90% range" : `90% range, ${form.shape}`;
  return `${form.description} (change it in the scenario file)`;
}

/**
 * Writes one row per number of the scenario file — Low, Likely and High (a range's ends, or just
 * Likely for a single number), unit, the scenarios that read it, the user's note and its place in
 * the file — grouped as the file is: the whole case, the shared defaults, then each scenario.
 * Returns every leaf's Likely cell, by leaf index: the number the simulation uses.
 */
/**
 * The heading of the catalogue's rows: built-in values are starting assumptions, and, when the case
 * takes built-in prices in another currency than the catalogue's (the engine decides which), the
 * sentence every view writes of them (a yen workbook's "300" a month read as yen).
 */
export function catalogueGroupTitle(compiled: Pick<CompiledCase, "currency" | "capabilities" | "leaves">): string {
  const title = "Capabilities of the catalogue: what each costs and what it changes (built-in values are starting assumptions)";
  const prices = builtInPricesWords(compiled.currency, unconvertedBuiltInPrices(compiled));
  return prices === undefined ? title : `${title}. ${prices}`;
}

export function writeAssumptionsSheet(worksheet: Worksheet, compiled: CompiledCase, file: unknown, checks: FormulaCheck[] | undefined): PlacedCell[] {
  const sheet = new SheetWriter(worksheet, checks);
  const hasRanges = compiled.uncertainLeaves.length > 0;
  sheet.text(1, 1, `Assumptions — ${compiled.title}`, styled("title"));
  sheet.text(2, 1, "Blue numbers on yellow are the inputs: change them and every other sheet recomputes. Notes are yours to edit too.", styled("subtitle"));
  sheet.text(
    3,
    1,
    "Likely is the number the month-by-month sheets use. Give Low and High (a 90% range: 1 in 20 below Low, 1 in 20 above High) and Likely is worked out as its middle.",
    styled("subtitle"),
  );
  sheet.text(4, 1, "Take your changes back into a scenario file with: mlops-roi import <this workbook> -o scenario.yaml", styled("subtitle"));
  columnOrder.forEach((name) =>
    sheet.text(ASSUMPTIONS_HEADER_ROW, column[name], assumptionHeaders[name], styled(["low", "likely", "high"].includes(name) ? "headerNumber" : "header")),
  );

  // The engine's rule (inputReaders): top-level inputs, the risk adjustment's included, serve every
  // scenario; an alternative uses today's inputs it reads before its change is in place.
  const { all, onlyBefore } = inputReaders(compiled);
  const usedBy = all.map((indexes, leaf) => indexes.map((index) => usedByName(compiled.scenarios[index]!.label, onlyBefore[leaf]?.includes(index) ?? false)));

  const groups: { title: string; leaves: number[] }[] = [
    { title: "The whole case", leaves: [] },
    { title: "Shared defaults: every scenario uses these unless it sets its own", leaves: [] },
    ...compiled.scenarios.map((scenario) => ({
      title: `Scenario: ${scenario.label}${scenario.name === compiled.baseline ? " (the baseline)" : ""}`,
      leaves: [] as number[],
    })),
    { title: catalogueGroupTitle(compiled), leaves: [] },
  ];
  const catalogueGroup = groups.length - 1;
  const scenarioIndex = new Map(compiled.scenarios.map((scenario, index) => [scenario.name, index]));
  compiled.leaves.forEach((leaf, index) => {
    const group =
      leaf.path[0] === "defaults"
        ? 1
        : leaf.path[0] === "scenarios"
          ? 2 + (scenarioIndex.get(String(leaf.path[1])) ?? 0)
          : leaf.path[0] === "catalogue"
            ? catalogueGroup
            : 0;
    groups[group]?.leaves.push(index);
  });

  const likelyCells: PlacedCell[] = [];
  const leafRows: number[] = [];
  let row = ASSUMPTIONS_HEADER_ROW;
  for (const group of groups) {
    if (group.leaves.length === 0) continue;
    row += 1;
    for (let c = 1; c <= columnOrder.length; c++) sheet.text(row, c, c === 1 ? group.title : "", styled("section"));
    let subgroup = "";
    for (const index of group.leaves) {
      const leaf = compiled.leaves[index]!;
      const inner = innerPath(leaf);
      const heading =
        leaf.path[0] === "catalogue"
          ? (compiled.capabilities.find((capability) => capability.name === leaf.path[1])?.label ?? String(leaf.path[1]))
          : inner.length > 1
            ? (groupLabels[String(inner[0])] ?? String(inner[0]))
            : "";
      if (heading && heading !== subgroup) {
        row += 1;
        sheet.text(row, column.input, heading, styled("keyLabel"));
      }
      subgroup = heading;
      row += 1;
      leafRows.push(row);
      const described = describeLeaf(file, leaf, compiled);
      const form = leafForm(file, leaf);
      const numberFormat = valueFormat(leaf.kind, leaf.value, compiled.currency);
      const label = described?.label ?? String(inner[inner.length - 1]);
      // Under a capability's heading its name need not be repeated.
      const shown = leaf.path[0] === "catalogue" && label.startsWith(`${heading}: `) ? label.slice(heading.length + 2) : label;
      sheet.text(row, column.input, `  ${shown.charAt(0).toUpperCase()}${shown.slice(1)}`, styled("label"));
      if (form.kind === "distribution") {
        // Not editable here: its shape has more than two ends; the file holds it.
        const low = leafQuantile(leaf, 0.05);
        const high = leafQuantile(leaf, 0.95);
        sheet.number(row, column.low, low, styled("fixed", workedOutFormat(leaf.kind, low)));
        likelyCells[index] = sheet.number(row, column.likely, leaf.value, styled("fixed", workedOutFormat(leaf.kind, leaf.value)));
        sheet.number(row, column.high, high, styled("fixed", workedOutFormat(leaf.kind, high)));
      } else {
        for (const end of ["low", "high"] as const) {
          if (form.kind === "interval") sheet.number(row, column[end], form[end], styled("input", valueFormat(leaf.kind, form[end], compiled.currency)));
          else sheet.blank(row, column[end], styled("input", numberFormat));
          // Empty ends are allowed (a single number); a typed end must be a number the file accepts.
          worksheet.getCell(row, column[end]).dataValidation = validation(leaf.kind, true);
        }
        if (form.kind === "interval") {
          const low = sheet.ref({ sheet: sheet.name, row, column: column.low, value: form.low });
          const high = sheet.ref({ sheet: sheet.name, row, column: column.high, value: form.high });
          likelyCells[index] = sheet.formula(
            row,
            column.likely,
            intervalMiddle(low, high, form.shape, leaf.kind),
            styled("computed", middleFormat(leaf.kind, form.low, form.high, compiled.currency)),
            leaf.value,
          );
        } else {
          likelyCells[index] = sheet.number(row, column.likely, leaf.value, styled("input", numberFormat));
          worksheet.getCell(row, column.likely).dataValidation = validation(leaf.kind, false);
        }
      }
      sheet.text(row, column.unit, described ? unitText(described, compiled.currency) : "", styled("unit"));
      sheet.text(row, column.range, rangeText(form), styled("note"));
      const readers = usedBy[index] ?? [];
      sheet.text(
        row,
        column.usedBy,
        readers.length > 0 ? readers.join(", ") : "none (each scenario sets its own)",
        styled(readers.length > 0 ? "note" : "fixedText"),
      );
      sheet.text(row, column.note, leaf.note ?? "", styled("input"));
      const noteCell = ownStyle(worksheet.getCell(row, column.note));
      if (leaf.builtIn) noteCell.font = { ...styles.input.font, italic: true, color: { argb: colours.fixedFont } };
      noteCell.alignment = { wrapText: true, vertical: "top" };
      sheet.text(row, column.path, leaf.name, styled("unit"));
    }
  }
  sheet.widths([46, 11, 11, 11, 21, hasRanges ? 18 : 8, 30, 44, 38]);
  // Heights last: they depend on the widths.
  leafRows.forEach((leafRow) => sheet.fitRowHeight(leafRow));
  setUpPage(worksheet, {
    frozenRows: ASSUMPTIONS_HEADER_ROW,
    frozenColumns: 1,
    lastRow: row,
    lastColumn: columnOrder.length,
    landscape: true,
    fitToWidth: true,
  });
  return likelyCells;
}

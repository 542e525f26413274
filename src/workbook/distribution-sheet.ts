import { informationWords } from "../format/information-words.js";
import { parseInputPath } from "../format/input-description.js";
import { inputValueWriter } from "../format/input-value.js";
import { formatNumber, formatPaybackMonth, plural } from "../format/numbers.js";
import { NOTHING_TO_PAY_BACK } from "../format/words.js";
import { leafQuantile, type CaseResult, type CompiledCase, type PercentileSummary } from "../engine/index.js";
import { describeLeaf, workedOutFormat } from "./assumptions-sheet.js";
import type { Worksheet } from "./excel.js";
import { leafForm } from "./leaf-form.js";
import { setUpPage } from "./page-setup.js";
import { SheetWriter, type FormulaCheck } from "./sheet-writer.js";
import { formatOf, formats, percentFormat, styled } from "./styles.js";

/**
 * A range's ends as the file gives them, in the input's unit as the report's appendix writes them
 * (`inputValueWriter`): "4% a year to 12% a year", "€1,500 a month to €4,000 a month", where the
 * sheet wrote the file's bare numbers ("0.04 to 0.12", "1500 to 4000") beside cells showing 4% and 1,500.
 */
function rangeEnds(input: string, low: number, high: number, currency: string): string {
  const write = inputValueWriter(parseInputPath(input), currency);
  return `${write(low)} to ${write(high)}`;
}

/**
 * Months of the band a printed page holds under its header: a landscape A4 page at full size holds
 * about 30 rows below the sheet's repeated title rows, less a header of several lines.
 */
const BAND_MONTHS_A_PAGE = 24;

/** "Median (half …)" as it reads after an option's name: "…: median (half …)". */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * When the case has ranges: the Monte Carlo's percentiles, chances and the band of the cumulative
 * net, written as values. A snapshot of the export, clearly marked: it does not follow edits.
 */
export function writeDistributionSheet(
  worksheet: Worksheet,
  compiled: CompiledCase,
  file: unknown,
  result: CaseResult,
  checks: FormulaCheck[] | undefined,
): void {
  const uncertainty = result.uncertainty;
  if (!uncertainty) throw new Error("a distribution snapshot needs a Monte Carlo result");
  const sheet = new SheetWriter(worksheet, checks);
  const currency = compiled.currency;
  const money = formatOf("money", currency);
  const alternatives = compiled.scenarios.filter((scenario) => scenario.name !== compiled.baseline);
  const baseline = compiled.scenarios.find((scenario) => scenario.name === compiled.baseline)!;
  const lastColumn = Math.max(6, 1 + alternatives.length * 3);
  sheet.text(1, 1, "Distribution snapshot: values, not formulas", styled("title"));
  sheet.text(
    2,
    1,
    `How sure we are, from ${formatNumber(uncertainty.samples)} ${uncertainty.sampling === "latin-hypercube" ? "Latin hypercube" : "random"} samples (seed ${uncertainty.seed}) of the ranges on the Assumptions sheet, worked out when this workbook was exported.`,
    styled("subtitle"),
  );
  sheet.text(3, 1, "This sheet does NOT change when you edit the Assumptions: export again (mlops-roi export) for a fresh snapshot.", styled("keyLabel"));

  let row = 5;
  sheet.text(row, 1, `Against ${baseline.label}`, styled("header"));
  alternatives.forEach((scenario, index) => sheet.text(row, 2 + index, scenario.label, styled("headerNumber")));
  sheet.fitRowHeight(row);
  const amountLevels = [
    ["p5", "5% chance of less than"],
    // The outcomes' median, as run's "Median NPV": "Middle" read as the Summary's figures, those with every range at its middle.
    ["p50", "Median (half the samples above, half below)"],
    ["p95", "5% chance of more than"],
  ] as const;
  // A payback month is whole in every sample, and a sample that never pays back within the horizon
  // counts as after every month (docs/numbers.md, "Uncertainty"): its percentiles are the months by
  // which a share of the samples has paid back, "not within 12 months" when that share has not by
  // the end (null), never "5% chance of more than: never".
  const paybackLevels = [
    ["p5", "5% of the samples have paid back by"],
    ["p50", "Half the samples have paid back by"],
    ["p95", "95% of the samples have paid back by"],
  ] as const;
  const percentileRows = (
    title: string,
    pick: (name: string) => PercentileSummary,
    numberFormat: string | ((value: number) => string),
    levels: typeof amountLevels | typeof paybackLevels = amountLevels,
    never?: string,
    /** Words in place of an option's figures (an option that changes nothing has nothing to pay back). */
    instead: (name: string) => string | undefined = () => undefined,
  ) => {
    row += 1;
    for (let c = 1; c <= lastColumn; c++) sheet.text(row, c, c === 1 ? title : "", styled("section"));
    for (const [level, label] of levels) {
      row += 1;
      sheet.text(row, 1, `  ${label}`, styled("label"));
      alternatives.forEach((scenario, index) => {
        const value = pick(scenario.name)[level];
        const words = instead(scenario.name);
        if (words !== undefined) sheet.text(row, 2 + index, words, styled("fixed"));
        else if (value === null) sheet.text(row, 2 + index, never ?? "n/a", styled("fixed"));
        else sheet.number(row, 2 + index, value, styled("computed", typeof numberFormat === "string" ? numberFormat : numberFormat(value)));
      });
    }
  };
  const distributionOf = (name: string) => result.comparisons[name]!.distribution!;
  percentileRows("Net present value", (name) => distributionOf(name).npv, money);
  percentileRows("Return on cost", (name) => distributionOf(name).roi, percentFormat);
  // An option that changes nothing "pays back" in month 0 in every sample: it has nothing to pay back,
  // as the Summary and every other view say (docs/numbers.md, "An option that changes nothing").
  percentileRows(
    "Pays back in",
    (name) => distributionOf(name).paybackMonth,
    formats.payback,
    paybackLevels,
    formatPaybackMonth(null, compiled.horizonMonths),
    (name) => (result.comparisons[name]!.changesNothing ? NOTHING_TO_PAY_BACK : undefined),
  );
  row += 1;
  for (let c = 1; c <= lastColumn; c++) sheet.text(row, c, c === 1 ? "Chances" : "", styled("section"));
  row += 1;
  sheet.text(row, 1, `  Pays back within ${plural(compiled.horizonMonths, "month")}`, styled("label"));
  // An option that changes nothing has no chance of paying back nor of a gain: "n/a", as `run` gives them,
  // not the "over 99%" of its month 0 in every sample nor the "under 1%" of a gain it cannot have.
  const chance = (name: string, value: number, column: number) =>
    result.comparisons[name]!.changesNothing
      ? sheet.text(row, column, "n/a", styled("fixed"))
      : sheet.number(row, column, value, styled("keyFigure", formats.chance));
  alternatives.forEach((scenario, index) => chance(scenario.name, distributionOf(scenario.name).probabilityPaysBack, 2 + index));
  row += 1;
  sheet.text(row, 1, "  Net present value above zero", styled("label"));
  alternatives.forEach((scenario, index) => chance(scenario.name, distributionOf(scenario.name).probabilityNpvPositive, 2 + index));

  row += 2;
  sheet.text(row, 1, "The ranges behind it", styled("header"));
  ["5% below", "Likely", "5% above"].forEach((title, index) => sheet.text(row, 2 + index, title, styled("headerNumber")));
  sheet.text(row, 5, "Range", styled("header"));
  sheet.text(row, 6, "In the scenario file", styled("header"));
  const rangeRows: number[] = [];
  for (const index of compiled.uncertainLeaves) {
    const leaf = compiled.leaves[index]!;
    const form = leafForm(file, leaf);
    row += 1;
    // With the options that use it, as voi and the report write it (format/information-words.ts): today's default,
    // "Every tool we want"'s and "What will be approved"'s upkeep hours read alike without them.
    const label = describeLeaf(file, leaf, compiled)?.label ?? leaf.name;
    sheet.text(row, 1, `  ${informationWords({ inputs: [leaf.name] }, result, undefined, () => label)}`, styled("label"));
    [leafQuantile(leaf, 0.05), leaf.value, leafQuantile(leaf, 0.95)].forEach((value, offset) =>
      sheet.number(row, 2 + offset, value, styled("computed", workedOutFormat(leaf.kind, value))),
    );
    sheet.text(
      row,
      5,
      form.kind === "distribution"
        ? form.description
        : form.kind === "interval"
          ? `90% range, ${rangeEnds(leaf.name, form.low, form.high, compiled.currency)}`
          : "",
      styled("note"),
    );
    // The last column: a long path runs on into the empty cells to the right.
    sheet.text(row, 6, leaf.name, styled("unit"));
    rangeRows.push(row);
  }

  // The band starts a printed page of its own, and its header stands again over every BAND_MONTHS_A_PAGE
  // months, each block a page: only rows 1–3 repeat on every page, and the months past the first page of
  // the band printed under no header (team.yaml's page 9).
  row += 2;
  worksheet.getRow(row - 1).addPageBreak();
  // Not discounted, beside the net present value above that is: said in the title's own words.
  sheet.text(row, 1, "Cumulative net, month by month, not discounted: the band around the payback curve", styled("keyLabel"));
  const headerRows: number[] = [];
  const bandHeader = () => {
    row += 1;
    sheet.text(row, 1, "Month", styled("header"));
    alternatives.forEach((scenario, index) => {
      // The band's own percentiles of the outcomes, in the words of the rows above ("5% chance of less than"),
      // where the heads read "…: 5%" and "…: 95%": "middle" read as the Summary's figure with every range at its
      // middle (team.yaml's month 36: a median of €129,460 under "middle" beside the Summary's €129,248).
      amountLevels.forEach(([, label], offset) => sheet.text(row, 2 + index * 3 + offset, `${scenario.label}: ${lowerFirst(label)}`, styled("headerNumber")));
    });
    headerRows.push(row);
  };
  bandHeader();
  for (let at = 0; at < compiled.horizonMonths; at++) {
    if (at > 0 && at % BAND_MONTHS_A_PAGE === 0) {
      worksheet.getRow(row).addPageBreak();
      bandHeader();
    }
    row += 1;
    sheet.number(row, 1, at + 1, { ...styled("keyLabel", '"Month "0'), alignment: { horizontal: "left" } });
    alternatives.forEach((scenario, index) => {
      const band = result.comparisons[scenario.name]!.cumulativeNetBand!;
      [band.p5, band.p50, band.p95].forEach((values, offset) => sheet.number(row, 2 + index * 3 + offset, values[at]!, styled("computed", money)));
    });
  }

  sheet.widths([48, ...Array.from({ length: lastColumn - 1 }, () => 17)]);
  rangeRows.forEach((rangeRow) => sheet.fitRowHeight(rangeRow));
  headerRows.forEach((headerRow) => sheet.fitRowHeight(headerRow));
  setUpPage(worksheet, { frozenRows: 3, frozenColumns: 1, lastRow: row, lastColumn, landscape: true, fitToWidth: true });
}

import { paybackTolerance, cashCostFields, monthlyFieldNames, type CaseResult, type CompiledCase } from "../engine/index.js";
import type { PlacedCell } from "./cell-address.js";
import { add, and, compare, flag, max, mul, neg, num, pow, sub, sum, type Expr } from "./formula.js";
import type { ScenarioCells } from "./inputs-sheet.js";
import type { SheetWriter } from "./sheet-writer.js";
import { FIRST_MONTH_COLUMN, MONTH_SHEET_HEADER_ROW, setUpMonthSheet, writeMonthHeader, writeRowLabel, type ScenarioSimulation } from "./simulation-sheet.js";
import type { RowKey } from "./simulation-rows.js";
import { formatOf, styled } from "./styles.js";

/** One alternative against the baseline, month by month: time 0 in the summary column, then months. */
export interface AlternativeComparison {
  readonly scenarioIndex: number;
  readonly timeZero: PlacedCell;
  readonly netBenefit: readonly PlacedCell[];
  readonly cumulative: readonly PlacedCell[];
  readonly discountedNet: readonly PlacedCell[];
  readonly discountedCosts: readonly PlacedCell[];
  readonly changeHours: readonly PlacedCell[];
  /** Month by month, what the change's hours cost beyond the baseline's, at what they displace. */
  readonly changeCosts: readonly PlacedCell[];
  /** 1 where the cumulative net stays at or above zero from this month to the end. */
  readonly staysPaidBack: readonly PlacedCell[];
}

/**
 * Writes every alternative against the baseline: monthly net benefit, cumulative net (the payback
 * curve), discounting and the costs the ROI divides by, as `runner.ts` computes them.
 */
export function writeComparisonSheet(
  sheet: SheetWriter,
  compiled: CompiledCase,
  result: CaseResult,
  inputs: readonly ScenarioCells[],
  simulation: readonly ScenarioSimulation[],
): AlternativeComparison[] {
  const months = compiled.horizonMonths;
  const currency = compiled.currency;
  const money = formatOf("money", currency);
  const lastColumn = FIRST_MONTH_COLUMN + months - 1;
  const baseIndex = compiled.scenarios.findIndex((scenario) => scenario.name === compiled.baseline);
  const baseline = compiled.scenarios[baseIndex]!;
  sheet.text(1, 1, `Each alternative against ${baseline.label}, month by month`, styled("title"));
  // Time 0 is the start of the plan; a change that starts later pays its up-front cash at the end of
  // the month before it starts (docs/numbers.md, "Money, every hour counted once"), not at time 0.
  sheet.text(
    2,
    1,
    "Time 0 is the start of the plan, before month 1: a change that starts in month 1 pays its up-front cash there, undiscounted; one that starts later pays it in the month before it starts.",
    styled("subtitle"),
  );
  const header = writeMonthHeader(sheet, months, "Time 0");
  const base = simulation[baseIndex]!;
  const baseInputs = inputs[baseIndex]!;

  let row = MONTH_SHEET_HEADER_ROW;
  const comparisons: AlternativeComparison[] = [];
  compiled.scenarios.forEach((scenario, index) => {
    if (index === baseIndex) return;
    const alternative = simulation[index]!;
    const engine = result.comparisons[scenario.name]!;
    // The engine's rounding allowance for this comparison (it grows with the case's scale).
    const tolerance = paybackTolerance(engine.timeZeroNet, engine.cumulativeNet);
    const at = (key: RowKey, cells: ScenarioSimulation, month: number) => sheet.ref(cells.months(key)[month]!);
    row += 2;
    for (let c = 1; c <= lastColumn; c++) sheet.text(row, c, c === 1 ? `${scenario.label} against ${baseline.label}` : "", styled("section"));

    const line = (label: string, unit: string, helper = false) => {
      row += 1;
      writeRowLabel(sheet, row, `  ${label}`, styled(helper ? "helperLabel" : "label"));
      sheet.text(row, 2, unit, styled("unit"));
      return row;
    };

    const netRow = line("Net benefit", currency);
    const timeZero = sheet.formula(
      netRow,
      3,
      sub(sheet.ref(baseInputs.workedOut("paidAtTimeZero")), sheet.ref(inputs[index]!.workedOut("paidAtTimeZero"))),
      styled("computed", money),
      engine.timeZeroNet,
    );
    const netBenefit = header.map((_, month) =>
      sheet.formula(
        netRow,
        FIRST_MONTH_COLUMN + month,
        sub(at("net", alternative, month), at("net", base, month)),
        styled("computed", money),
        engine.monthlyNetBenefit[month],
      ),
    );

    const cumulativeRow = line("Cumulative net (paid back where it stays at or above zero)", currency);
    let running = sheet.formula(cumulativeRow, 3, sheet.ref(timeZero), styled("computed", money), engine.timeZeroNet);
    const cumulative = header.map((_, month) => {
      running = sheet.formula(
        cumulativeRow,
        FIRST_MONTH_COLUMN + month,
        add(sheet.ref(running), sheet.ref(netBenefit[month]!)),
        styled("keyFigure", money),
        engine.cumulativeNet[month],
      );
      return running;
    });

    // The case's discounting convention: monthly (one month's factor after another), or whole years:
    // month m is in year y = ⌈m ÷ 12⌉, discounted by (1 + rate)^−y at year end, (1 + rate)^−(y − ½) mid-year.
    const discounting = compiled.discounting ?? "monthly";
    const discountRow = line(
      discounting === "monthly"
        ? "Discount factor"
        : discounting === "yearEnd"
          ? "Discount factor (whole years, at year end)"
          : "Discount factor (whole years, mid-year)",
      "factor",
      true,
    );
    let discount = sheet.number(discountRow, 3, 1, styled("fixed", formatOf("discountFactor", currency)));
    const factor = sheet.ref(inputs[index]!.workedOut("discountFactor"));
    const annualRate = sheet.ref(inputs[index]!.input("discountRate"));
    const discounts = header.map((_, month) => {
      const year = Math.ceil((month + 1) / 12);
      const expr =
        discounting === "monthly" ? mul(sheet.ref(discount), factor) : pow(add(num(1), annualRate), num(-(discounting === "midYear" ? year - 0.5 : year)));
      discount = sheet.formula(discountRow, FIRST_MONTH_COLUMN + month, expr, styled("computed", formatOf("discountFactor", currency)));
      return discount;
    });

    const discountedRow = line("Net benefit, discounted (adds up to the NPV)", currency, true);
    const discountedNet = [
      sheet.formula(discountedRow, 3, sheet.ref(timeZero), styled("computed", money)),
      ...header.map((_, month) =>
        sheet.formula(discountedRow, FIRST_MONTH_COLUMN + month, mul(sheet.ref(netBenefit[month]!), sheet.ref(discounts[month]!)), styled("computed", money)),
      ),
    ];

    // A cash line as the ROI's costs count it: overload less the change's own bought hours, which the
    // change's price below counts already (simulate.ts; docs/numbers.md, every hour counted once).
    const cashLine = (key: RowKey, cells: ScenarioSimulation, scenarioIndex: number, month: number): Expr =>
      key === "overloadCost"
        ? sub(at(key, cells, month), mul(at("changeHoursBought", cells, month), sheet.ref(inputs[scenarioIndex]!.workedOut("hourlyCost"))))
        : at(key, cells, month);
    const cashRow = line("Extra cash the alternative pays (cost lines that rise; overload beyond the change's own bought hours)", currency, true);
    const cashFields = cashCostFields.map((field) => monthlyFieldNames[field]! as RowKey);
    const extraCash = [
      sheet.formula(cashRow, 3, max(num(0), neg(sheet.ref(timeZero))), styled("computed", money)),
      ...header.map((_, month) =>
        sheet.formula(
          cashRow,
          FIRST_MONTH_COLUMN + month,
          sum(...cashFields.map((key) => max(num(0), sub(cashLine(key, alternative, index, month), cashLine(key, base, baseIndex, month))))),
          styled("computed", money),
        ),
      ),
    ];

    const hoursRow = line("Team hours diverted into the change (setup, learning, dip, effort alongside)", "hours", true);
    const changeHoursOf = (cells: ScenarioSimulation, month: number): Expr =>
      add(
        add(add(at("setupHours", cells, month), at("learningHours", cells, month)), at("adoptionDipHours", cells, month)),
        at("alongsideHours", cells, month),
      );
    const changeHours = header.map((_, month) =>
      sheet.formula(
        hoursRow,
        FIRST_MONTH_COLUMN + month,
        sub(changeHoursOf(alternative, month), changeHoursOf(base, month)),
        styled("computed", formatOf("hours", currency)),
      ),
    );

    const changeCostRow = line("What those hours cost, at what they displace (beyond the baseline's)", currency, true);
    const changeCosts = header.map((_, month) =>
      sheet.formula(
        changeCostRow,
        FIRST_MONTH_COLUMN + month,
        sub(at("changeHoursCost", alternative, month), at("changeHoursCost", base, month)),
        styled("computed", money),
      ),
    );

    const costRow = line("Costs counted for the return on cost, discounted", currency, true);
    const discountedCosts = [
      sheet.formula(costRow, 3, sheet.ref(extraCash[0]!), styled("computed", money)),
      ...header.map((_, month) =>
        sheet.formula(
          costRow,
          FIRST_MONTH_COLUMN + month,
          mul(add(sheet.ref(extraCash[month + 1]!), max(num(0), sheet.ref(changeCosts[month]!))), sheet.ref(discounts[month]!)),
          styled("computed", money),
        ),
      ),
    ];

    const paidBackRow = line("Stays at or above zero from here to the end", "yes / no", true);
    const staysPaidBack: PlacedCell[] = [];
    for (let month = months - 1; month >= 0; month--) {
      const atOrAbove = compare(sheet.ref(cumulative[month]!), ">=", neg(num(tolerance)));
      const expr = month === months - 1 ? flag(atOrAbove) : flag(and(atOrAbove, compare(sheet.ref(staysPaidBack[0]!), "=", num(1))));
      staysPaidBack.unshift(sheet.formula(paidBackRow, FIRST_MONTH_COLUMN + month, expr, styled("computed", formatOf("yesNo", currency))));
    }

    comparisons.push({ scenarioIndex: index, timeZero, netBenefit, cumulative, discountedNet, discountedCosts, changeHours, changeCosts, staysPaidBack });
  });

  if (comparisons.length === 0) {
    row += 2;
    sheet.text(row, 1, "The case has only the baseline: there is nothing to compare.", styled("subtitle"));
  }
  setUpMonthSheet(sheet, row, lastColumn, months);
  return comparisons;
}

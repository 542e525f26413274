import {
  benefitCategories,
  benefitCategoryLabels,
  monthsWithoutNewWork,
  NOTHING_CHANGES,
  paybackTolerance,
  type BenefitCategory,
  type CaseResult,
  type CompiledCase,
} from "../engine/index.js";
import { lastYearWords } from "../format/last-year.js";
import { changeHoursRuleWords, liveProjectsKeptLabels, netGainName, returnOnCostDivisorWords } from "../format/words.js";
import { formatPaybackMonth, plural } from "../format/numbers.js";
import type { PlacedCell } from "./cell-address.js";
import type { AlternativeComparison } from "./comparison-sheet.js";
// The word every view gives an option that changes nothing (docs/numbers.md).
import { NOTHING_TO_PAY_BACK } from "../format/words.js";
import type { Worksheet } from "./excel.js";
import { add, and, atom, compare, div, extremeOfRange, matchExact, mul, neg, num, str, sub, sum, sumRange, when, type Expr } from "./formula.js";
import type { ScenarioCells } from "./inputs-sheet.js";
import { setUpPage } from "./page-setup.js";
import { SheetWriter, type FormulaCheck } from "./sheet-writer.js";
import type { ScenarioSimulation } from "./simulation-sheet.js";
import type { RowKey } from "./simulation-rows.js";
import { formatOf, formats, ownStyle, percentFormat, rateMoneyFormat, styled, wrapping } from "./styles.js";

type Totals = (key: RowKey) => Expr;

/** A scenario's money in one category over the horizon, from its Simulation totals (categories.ts). */
const categoryMoney: Record<BenefitCategory, (total: Totals, rate: Expr, capture: Expr) => Expr> = {
  change: (t, rate) => sub(mul(neg(rate), add(add(add(t("setupHours"), t("learningHours")), t("adoptionDipHours")), t("alongsideHours"))), t("externalSpend")),
  manualTasks: (t, rate) => mul(neg(rate), t("manualHours")),
  waiting: (t, rate) => mul(neg(rate), t("waitingHours")),
  meetings: (t, rate) => sub(mul(neg(rate), t("meetingHours")), t("otherTeamsCost")),
  upkeep: (t, rate) => mul(neg(rate), t("upkeepHours")),
  breakage: (t, rate) => sub(mul(neg(rate), t("breakageFixHours")), t("outageCost")),
  turnover: (t, rate) => sub(mul(neg(rate), add(t("rampUpHours"), t("knowledgeLossHours"))), t("hiringCost")),
  tooling: (t) => neg(add(add(add(t("licences"), t("infrastructure")), t("supportStaff")), t("training"))),
  delivery: (t, rate) =>
    sub(add(add(t("projectValue"), t("deliveryValue")), t("workInProgress")), mul(rate, add(t("buildHours"), t("scheduledBuildShortfallHours")))),
  unusedCapacity: (t, rate, capture) => mul(mul(neg(rate), t("idleHours")), sub(num(1), capture)),
  team: (t, rate) => sub(mul(rate, sub(t("capacityHours"), t("vacancyHours"))), t("payroll")),
};

const SUMMARY_HEADER_ROW = 5;

/** The month cash is paid in: 0 is the start, m the end of month m (engine's `investment.cashMonth`). */
const CASH_MONTH_FORMAT = '[<0.5]"at the start";"month "0';

/**
 * Writes what a decision-maker reads first: per alternative the NPV, ROI, payback month, what it
 * takes, where the benefit comes from; and per scenario its capacity. All formulas.
 */
export function writeSummarySheet(
  worksheet: Worksheet,
  compiled: CompiledCase,
  result: CaseResult,
  inputs: readonly ScenarioCells[],
  simulation: readonly ScenarioSimulation[],
  comparisons: readonly AlternativeComparison[],
  checks: FormulaCheck[] | undefined,
): void {
  const sheet = new SheetWriter(worksheet, checks);
  const currency = compiled.currency;
  const money = formatOf("money", currency);
  const months = compiled.horizonMonths;
  const baseIndex = compiled.scenarios.findIndex((scenario) => scenario.name === compiled.baseline);
  const baseline = compiled.scenarios[baseIndex]!;
  const lastColumn = 1 + Math.max(comparisons.length, compiled.scenarios.length);
  sheet.text(1, 1, compiled.title, styled("title"));
  sheet.text(2, 1, `Each alternative against ${baseline.label}, over ${plural(months, "month")}, in ${currency}.`, styled("subtitle"));
  sheet.text(3, 1, "Every figure is a formula: change a yellow cell on the Assumptions sheet and this page recomputes.", styled("subtitle"));
  if (result.uncertainty) {
    sheet.text(
      4,
      1,
      "The inputs given as ranges count here at their middle value; the Distribution snapshot sheet shows how sure the figures are.",
      styled("subtitle"),
    );
  }

  let row = SUMMARY_HEADER_ROW;
  const rowsToFit: number[] = [];
  const header = (title: string, labels: readonly string[]) => {
    sheet.text(row, 1, title, styled("header"));
    labels.forEach((label, index) => sheet.text(row, 2 + index, label, styled("headerNumber")));
    rowsToFit.push(row);
  };
  const section = (title: string) => {
    row += 1;
    for (let c = 1; c <= lastColumn; c++) sheet.text(row, c, c === 1 ? title : "", styled("section"));
  };
  const line = (label: string, emphasis = false) => {
    row += 1;
    sheet.text(row, 1, `  ${label}`, styled(emphasis ? "keyLabel" : "label"));
  };

  const inAlternatives = (build: (comparison: AlternativeComparison, column: number) => void) =>
    comparisons.forEach((comparison, index) => build(comparison, 2 + index));

  let changeNoteRow: number | undefined;
  if (comparisons.length > 0) {
    header(
      "Against the baseline",
      comparisons.map((comparison) => compiled.scenarios[comparison.scenarioIndex]!.label),
    );
    const engineOf = (comparison: AlternativeComparison) => result.comparisons[compiled.scenarios[comparison.scenarioIndex]!.name]!;

    section("Money");
    const npv = new Map<number, PlacedCell>();
    const presentCosts = new Map<number, PlacedCell>();
    // By the name page 1, run and the web app's cards give it (netGainName), where it read "Net present value (NPV)".
    line(netGainName(true), true);
    inAlternatives((comparison, column) =>
      npv.set(column, sheet.formula(row, column, sumRange(sheet.range(comparison.discountedNet)), styled("keyFigure", money), engineOf(comparison).npv)),
    );
    line("Present value of the costs (what the return on cost divides by)");
    inAlternatives((comparison, column) =>
      presentCosts.set(
        column,
        sheet.formula(row, column, sumRange(sheet.range(comparison.discountedCosts)), styled("computed", money), engineOf(comparison).presentValueOfCosts),
      ),
    );
    // Named as the report and the web app name it: the command line's "ROI on our investment" is another figure.
    line("Return on cost (NPV ÷ present value of the costs)", true);
    inAlternatives((_comparison, column) => {
      const costs = sheet.ref(presentCosts.get(column)!);
      const roi = when(compare(costs, ">", num(1e-9)), div(sheet.ref(npv.get(column)!), costs), str("n/a"));
      const value = engineOf(_comparison).roi;
      // Its decimals are those of the value it holds now: a return of −99.8% never reads "-100%".
      sheet.formula(row, column, roi, styled("keyFigure", percentFormat(value)), value ?? "n/a");
    });
    line("Pays back in (cumulative net at or above zero from then on)", true);
    // Not paid back by the plan's end: "not within 36 months", as run, optimize and the report say it, not "never".
    const notWithin = formatPaybackMonth(null, months);
    inAlternatives((comparison, column) => {
      const stays = sheet.range(comparison.staysPaidBack);
      const first = matchExact(1, stays);
      const last = sheet.ref(comparison.staysPaidBack[comparison.staysPaidBack.length - 1]!);
      const expr = when(
        compare(last, "=", num(0)),
        str(notWithin),
        when(
          compare(first, "=", num(1)),
          when(
            compare(sheet.ref(comparison.timeZero), ">=", neg(num(paybackTolerance(engineOf(comparison).timeZeroNet, engineOf(comparison).cumulativeNet)))),
            num(0),
            num(1),
          ),
          first,
        ),
      );
      // An option that changes nothing (no up-front net, a cumulative net of zero in every month) has
      // nothing to pay back: said in words, not as month 0's "from the start" (docs/numbers.md, "An option
      // that changes nothing"). Only of an option the engine flags (`changesNothing`: with ranges sampled, in
      // every sample too), as every other view says it: one that changes nothing at the middle of its ranges
      // alone keeps its month, as page 1, `run` and the Distribution snapshot give it.
      const timeZero = sheet.ref(comparison.timeZero);
      const cumulative = sheet.range(comparison.cumulative);
      const unchanged = and(
        compare(timeZero, "<=", num(NOTHING_CHANGES)),
        compare(timeZero, ">=", num(-NOTHING_CHANGES)),
        compare(extremeOfRange("MAX", cumulative), "<=", num(NOTHING_CHANGES)),
        compare(extremeOfRange("MIN", cumulative), ">=", num(-NOTHING_CHANGES)),
      );
      const engine = engineOf(comparison);
      const flagged = engine.changesNothing === true;
      sheet.formula(
        row,
        column,
        flagged ? when(unchanged, str(NOTHING_TO_PAY_BACK), expr) : expr,
        styled("keyFigure", formats.payback),
        flagged ? NOTHING_TO_PAY_BACK : (engine.paybackMonth ?? notWithin),
      );
    });
    // Not discounted, beside the NPV above that is: said in the row's own words.
    line("Net benefit over the whole horizon, not discounted");
    inAlternatives((comparison, column) =>
      sheet.formula(
        row,
        column,
        sheet.ref(comparison.cumulative[comparison.cumulative.length - 1]!),
        styled("computed", money),
        engineOf(comparison).totalNetBenefit,
      ),
    );
    // The months' net benefit, without the time-0 cash the line above holds: over a plan of a year or
    // less both lines cover every month, so the words say what tells them apart, as run's do (README:
    // "Its last 12 months, here the whole plan, gain €6,660 before the €2,000 paid at the start").
    line(`Net benefit of ${lastYearWords(result, undefined, true).counts}`);
    inAlternatives((comparison, column) => {
      const lastYear = comparison.netBenefit.slice(-12);
      const expr = sumRange(sheet.range(lastYear));
      sheet.formula(row, column, expr, styled("computed", money), engineOf(comparison).benefitLastTwelveMonths);
    });

    section("What it takes");
    const cash = new Map<number, PlacedCell>();
    const hoursCost = new Map<number, PlacedCell>();
    line("Cash paid up front (and before a later change starts)");
    inAlternatives((comparison, column) => {
      const alternative = simulation[comparison.scenarioIndex]!;
      const base = simulation[baseIndex]!;
      const expr = add(neg(sheet.ref(comparison.timeZero)), sub(sheet.ref(alternative.total("externalSpend")), sheet.ref(base.total("externalSpend"))));
      cash.set(column, sheet.formula(row, column, expr, styled("computed", money), engineOf(comparison).investment.cash));
    });
    // When that cash is paid, as run and the report's tables give it beside the amount ("€700 (month 5)",
    // format/asked-for.ts): the start, the end of the one month before a later change starts, or in parts.
    line("When that cash is paid (month m: at the end of month m, before a later change starts)");
    inAlternatives((comparison, column) => {
      const investment = engineOf(comparison).investment;
      const alternative = sheet.range(simulation[comparison.scenarioIndex]!.months("externalSpend"));
      const base = sheet.range(simulation[baseIndex]!.months("externalSpend"));
      const paid = alternative.values.map((value, at) => Number(value) - Number(base.values[at]) !== 0);
      const months = paid.flatMap((isPaid, at) => (isPaid ? [at + 1] : []));
      const atStart = sheet.ref(comparison.timeZero);
      const differs = `(${alternative.text}-${base.text}<>0)`;
      const count = add(when(compare(atStart, "<>", num(0)), num(1), num(0)), atom(`SUMPRODUCT(${differs}*1)`, months.length));
      const month = atom(
        `SUMPRODUCT(${differs}*(COLUMN(${alternative.text})-COLUMN(${alternative.text.replace(/:.*$/, "")})+1))`,
        months.reduce((a, b) => a + b, 0),
      );
      const expr = when(
        compare(sheet.ref(cash.get(column)!), "=", num(0)),
        str("–"),
        when(compare(count, ">", num(1)), str("in parts"), when(compare(atStart, "<>", num(0)), num(0), month)),
      );
      const engine = investment.cash === 0 ? "–" : investment.cashMonth === null ? "in parts" : investment.cashMonth;
      sheet.formula(row, column, expr, styled("computed", CASH_MONTH_FORMAT), engine);
    });
    line("Team hours put into the change (setup, learning, adoption dip, effort alongside)");
    const hours = new Map<number, PlacedCell>();
    inAlternatives((comparison, column) =>
      hours.set(
        column,
        sheet.formula(
          row,
          column,
          sumRange(sheet.range(comparison.changeHours)),
          styled("computed", formatOf("hours", currency)),
          engineOf(comparison).investment.teamHours,
        ),
      ),
    );
    line("What those hours cost, at what they displace");
    inAlternatives((comparison, column) => {
      hoursCost.set(
        column,
        sheet.formula(row, column, sumRange(sheet.range(comparison.changeCosts)), styled("computed", money), engineOf(comparison).investment.teamHoursCost),
      );
    });
    line("Investment in all", true);
    inAlternatives((comparison, column) =>
      sheet.formula(
        row,
        column,
        add(sheet.ref(cash.get(column)!), sheet.ref(hoursCost.get(column)!)),
        styled("keyFigure", money),
        engineOf(comparison).investment.total,
      ),
    );

    section("Where the benefit comes from (over the whole horizon, not discounted)");
    const categoryCells = new Map<number, PlacedCell[]>();
    for (const category of benefitCategories) {
      line(benefitCategoryLabels[category]);
      inAlternatives((comparison, column) => {
        const index = comparison.scenarioIndex;
        // Work in progress from its months: its Total cell is rounded (the Simulation sheet).
        const totalsOf =
          (cells: ScenarioSimulation): Totals =>
          (key) =>
            key === "workInProgress" ? sumRange(sheet.range(cells.months(key))) : sheet.ref(cells.total(key));
        const moneyOf = (scenario: number) =>
          categoryMoney[category](
            totalsOf(simulation[scenario]!),
            sheet.ref(inputs[scenario]!.workedOut("hourlyCost")),
            sheet.ref(inputs[scenario]!.input("captureShare")),
          );
        let expr = sub(moneyOf(index), moneyOf(baseIndex));
        if (category === "change") expr = add(sheet.ref(comparison.timeZero), expr);
        // The team's pay against its hours at the loaded rate cancels out when both scenarios keep the team.
        const cell = sheet.settledFormula(row, column, expr, styled("computed", money), engineOf(comparison).benefitByCategory[category]);
        categoryCells.set(column, [...(categoryCells.get(column) ?? []), cell]);
      });
    }
    line("All together (the net benefit over the whole horizon, not discounted)", true);
    inAlternatives((comparison, column) =>
      sheet.formula(
        row,
        column,
        sum(...(categoryCells.get(column) ?? []).map((cell) => sheet.ref(cell))),
        styled("keyFigure", money),
        engineOf(comparison).totalNetBenefit,
      ),
    );
    row += 1;
    // "Cost of making the change" counts every hour at the full cost, "Investment in all" above at what the
    // hours displace, as page 1 does: why the two can read differently (examples/solo.yaml: −€14,200 against
    // €12,382), the rule in the report's words (changeHoursRuleWords), its share a formula over the inputs.
    // Written always: an edit can make them differ (team.yaml with 12 people: €114,339 against −€131,382)
    // where they read alike at export, and the note, once written only then, was missing.
    const marker = "\u0000";
    const [before, after] = changeHoursRuleWords(marker, "“Investment in all” above, as page 1, counts").split(marker) as [string, string];
    const share = inputs[baseIndex]!.input("captureShare");
    const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const words = `${before}${Math.round(Number(share.value) * 100)}%${after}`;
    sheet.formula(row, 1, atom(`${quoted(before)}&TEXT(${sheet.ref(share).text},"0%")&${quoted(after)}`, words), styled("subtitle"), words);
    changeNoteRow = row;
    row += 1;
  } else {
    sheet.text(row, 1, "The case has only the baseline: there is nothing to compare.", styled("subtitle"));
  }

  row += 1;
  // The capacity table names the scenarios, not the alternatives: it starts a printed page with its
  // own header, and the alternatives' header is not repeated over it (repeatHeader below).
  sheet.worksheet.getRow(row - 1).addPageBreak();
  header(
    "Capacity, per scenario",
    compiled.scenarios.map((scenario) => `${scenario.label}${scenario.name === compiled.baseline ? " (baseline)" : ""}`),
  );
  const perScenario = (label: string, build: (index: number, column: number) => void) => {
    line(label);
    compiled.scenarios.forEach((_scenario, index) => build(index, 2 + index));
  };
  const summaryOf = (index: number) => result.scenarios[compiled.scenarios[index]!.name]!.summary;
  // A team of more than one keeps its whole projects together, as page 1's team card and run say it
  // (teamKeepsWords, liveProjectsKeptLabels): "one person can keep 2" read as 8 for examples/team.yaml's
  // team of 4, whose months keep 9 (about 2.4 per person).
  const kept = liveProjectsKeptLabels(
    compiled.scenarios.every((_scenario, index) => summaryOf(index).people === 1),
    compiled.scenarios.some((_scenario, index) => !Number.isInteger(summaryOf(index).people)),
  );
  // The share per person first, then the whole projects the team keeps together, as page 1 says them:
  // 2.37 a row under 9, labelled "the team can keep, per person", read as 9 ÷ 4.
  if (kept.perPerson !== undefined)
    perScenario(kept.perPerson, (index, column) =>
      sheet.formula(
        row,
        column,
        sheet.ref(inputs[index]!.workedOut("liveProjectsPerPerson")),
        styled("computed", formats.tenth),
        summaryOf(index).liveProjectsPerPerson ?? "no limit",
      ),
    );
  perScenario(kept.count, (index, column) =>
    kept.perPerson === undefined
      ? sheet.formula(
          row,
          column,
          sheet.ref(inputs[index]!.workedOut("maxLiveProjectsPerPerson")),
          styled("computed", formats.count),
          summaryOf(index).maxLiveProjectsPerPerson ?? "no limit",
        )
      : sheet.formula(
          row,
          column,
          sheet.ref(inputs[index]!.workedOut("maxLiveProjects")),
          styled("computed", formats.count),
          summaryOf(index).maxLiveProjects ?? "no limit",
        ),
  );
  // Every team of one at export: what one person can keep, which is what each person keeps of a team an
  // edit makes larger (examples/solo.yaml with 3 people read "one person can keep" beside a team of three).
  if (kept.perPerson === undefined) {
    const everyOne = and(...compiled.scenarios.map((_scenario, index) => compare(sheet.ref(inputs[index]!.input("people")), "=", num(1))));
    const label = when(everyOne, str(`  ${kept.count}`), str(`  ${EACH_PERSON_KEEPS}`));
    sheet.formula(row, 1, label, styled("label"), `  ${kept.count}`);
  }
  // "never" is not "every month": the months without time before new work stops for good (a change's
  // setup months, say) are counted, as page 1 and run's capacity table name them ("never (no room in
  // months 1–6)"): every month without time, less those of the last run to the end.
  const noRoomMonths = (index: number): Expr => {
    const blocks = simulation[index]!;
    const canStart = blocks.months("canStartNewWork");
    return sub(sub(num(canStart.length), sumRange(sheet.range(canStart))), sumRange(sheet.range(blocks.noNewWorkFromHere)));
  };
  const noRoomCount = (index: number): number => {
    const scenario = result.scenarios[compiled.scenarios[index]!.name]!;
    return monthsWithoutNewWork(scenario.months, scenario.summary.newWorkStopsMonth).length;
  };
  const stopsRow = row + 1;
  perScenario("New work can no longer start from month", (index, column) => {
    const flags = simulation[index]!.noNewWorkFromHere;
    const count = noRoomMonths(index);
    // "never", and beside it the months without room, in words ("never" read "never", then "Months before
    // then with no time to start new work: 6" on the next line, for examples/enterprise.yaml).
    const neverWords = when(
      compare(count, ">", num(0)),
      atom(`"never (no room in "&(${count.text})&" of the months)"`, neverWithRoomWords(Number(count.value))),
      str("never"),
    );
    const expr = when(compare(sheet.ref(flags[flags.length - 1]!), "=", num(0)), neverWords, matchExact(1, sheet.range(flags)));
    const stops = summaryOf(index).newWorkStopsMonth;
    const style = wrapping(styled("computed", formats.month));
    sheet.formula(row, column, expr, style, stops ?? (noRoomCount(index) > 0 ? neverWithRoomWords(noRoomCount(index)) : "never"));
  });
  perScenario("Months before then with no time to start new work", (index, column) => {
    sheet.formula(row, column, noRoomMonths(index), styled("computed", formats.count), noRoomCount(index));
  });
  perScenario("Projects delivered in the horizon", (index, column) =>
    sheet.formula(row, column, sheet.ref(simulation[index]!.total("releases")), styled("computed", formats.count), summaryOf(index).projectsDelivered),
  );
  perScenario("Live projects at the end", (index, column) => {
    const live = simulation[index]!.months("liveProjects");
    sheet.formula(row, column, sheet.ref(live[live.length - 1]!), styled("computed", formats.count), summaryOf(index).liveProjectsAtEnd);
  });
  perScenario("Overloaded months (upkeep and overheads exceed the hours)", (index, column) =>
    sheet.formula(row, column, sheet.ref(simulation[index]!.total("overloaded")), styled("computed", formats.count), summaryOf(index).overloadedMonths.length),
  );
  // The rate the hours are priced at, to the currency's minor unit as the Inputs by scenario sheet gives it
  // (€58.75, not €59: the hours times it must give the money beside them).
  const hourlyCostFormat = rateMoneyFormat(
    currency,
    compiled.scenarios.map((_, index) => summaryOf(index).hourlyCost),
  );
  perScenario("Cost of one hour of the team", (index, column) =>
    sheet.formula(row, column, sheet.ref(inputs[index]!.workedOut("hourlyCost")), styled("computed", hourlyCostFormat), summaryOf(index).hourlyCost),
  );

  row += 2;
  const howToRead = row;
  sheet.text(
    row,
    1,
    // At a rate of 0% nothing is discounted (docs/numbers.md): "discounted" and "present value" would read as if something were.
    result.discountRate === 0
      ? `How to read this: at the case's rate of 0% a year nothing is discounted, so the NPV is each month's net benefit added up, less the extra cash paid at the start, and the return on cost divides it by ${returnOnCostDivisorWords(0)}; a rate above 0% on the Assumptions sheet discounts both.`
      : // What the return on cost divides by, in the report's words (docs/numbers.md, "ROI"): the running costs
        // above today's too, as the row "Present value of the costs" above counts them, not only the change's
        // cash and hours (examples/team.yaml's open-source stack: €110,335 against €82,994 for its change).
        `How to read this: the NPV adds each month's net benefit, discounted, less the extra cash paid at the start (not discounted); the return on cost divides it by ${returnOnCostDivisorWords(result.discountRate)}.`,
    styled("subtitle"),
  );
  row += 1;
  sheet.text(
    row,
    1,
    "The Comparison sheet shows the months behind these figures; the Simulation sheet shows every scenario's hours and money.",
    styled("subtitle"),
  );

  sheet.widths([62, ...Array.from({ length: lastColumn - 1 }, () => 22)]);
  rowsToFit.forEach((header) => sheet.fitRowHeight(header));
  // Room for "never (no room in 6 of the months)" on two lines, whichever month it reads after an edit.
  sheet.worksheet.getRow(stopsRow).height = 32;
  sheet.fitNumbers(2);
  sheet.fitLabels();
  wrapAcross(sheet.worksheet, howToRead, lastColumn);
  if (changeNoteRow !== undefined) wrapAcross(sheet.worksheet, changeNoteRow, lastColumn);
  setUpPage(sheet.worksheet, {
    frozenRows: SUMMARY_HEADER_ROW,
    frozenColumns: 1,
    lastRow: row,
    lastColumn,
    landscape: true,
    fitToWidth: true,
    repeatHeader: false,
  });
}

/**
 * A long note across the printed page: merged over the columns, wrapped, its row as tall as its lines
 * (one line of it would run past the page's last column, where a printout cuts it off).
 */
function wrapAcross(worksheet: Worksheet, row: number, lastColumn: number): void {
  let width = 0;
  for (let column = 1; column <= lastColumn; column++) width += worksheet.getColumn(column).width ?? 10;
  const cell = worksheet.getCell(row, 1);
  const value = cell.value;
  const text = typeof value === "string" ? value : value !== null && typeof value === "object" && "result" in value ? String(value.result ?? "") : "";
  if (lastColumn > 1) worksheet.mergeCells(row, 1, row, lastColumn);
  ownStyle(cell).alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
  const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
  worksheet.getRow(row).height = 15 * Math.ceil(text.length / perLine) + 2;
}

/** The words of the row of live projects one person can keep, once a team of one is edited to more. */
const EACH_PERSON_KEEPS = "Live projects each person can keep";

/** "never", with the months before the end without time to start new work, as run's capacity table adds them. */
function neverWithRoomWords(count: number): string {
  return `never (no room in ${count} of the months)`;
}

import { lastYearWords } from "../../format/last-year.js";
import { cashMonthShort } from "../../format/asked-for.js";
import {
  bestLevelWords,
  bestShareWords,
  discountRateWords,
  listInWords,
  noRoomBefore,
  nothingToChooseWords,
  riskAdjustmentShares,
  sharedBestTail,
  doraPaybackWithNote,
  doraPaybackWords,
  hasRanges,
  NOTHING_TO_PAY_BACK,
  paybackFigure,
  TABLE_AT_THE_MIDDLE,
  keptAsTeamWords,
  liveProjectsKeptLabels,
  teamKeepsWords,
  worthUpTo,
} from "../../format/words.js";
import {
  benefitCategories,
  benefitCategoryLabels,
  nothingToChoose,
  recommend,
  recommendedOption,
  sameAsBest,
  type CaseResult,
  type ComparisonResult,
  type DecisionAnalysis,
  type ScenarioResult,
} from "../../engine/index.js";
import {
  formatChance,
  formatGain,
  formatHoursTenth as formatHours,
  formatMoneyExact as formatMoney,
  formatMonth,
  formatNumberFixed,
  formatPaybackMonth,
  formatPercent,
  formatShare,
  plural,
} from "../../format/numbers.js";
import { judgementSentences } from "../../format/judgement.js";
import { renderTable } from "./table.js";
import { shellPath, shellWord } from "../../format/shell-word.js";

function scenarioName(scenario: ScenarioResult): string {
  return scenario.label === scenario.name ? scenario.name : `${scenario.label} (${scenario.name})`;
}

/** How the case discounts, in words: the convention every present value follows. */
export function discountingText(result: CaseResult): string {
  // The file's rate as given, to a hundredth of a percent: 3.5% is not "4%" (nor "(1 + 4%)^−m/12"), 8.25% not "8.3%".
  const rate = formatShare(result.discountRate);
  if (result.discountRate === 0) return `not discounted (a rate of ${rate})`;
  switch (result.discounting) {
    case "yearEnd":
      return `every month of year y discounted as at the year's end, by (1 + ${rate})^−y`;
    case "midYear":
      return `every month of year y discounted as in the middle of the year, by (1 + ${rate})^−(y − 0.5)`;
    default:
      return `month m discounted by (1 + ${rate})^−m/12`;
  }
}

function comparisonTable(result: CaseResult, comparisons: ComparisonResult[]): string {
  const money = (value: number) => formatMoney(value, result.currency);
  // A net gain under one unit reads "less than €1", as page 1 and the report's table of options write it, not "€0".
  const gain = (value: number) => formatGain(value, result.currency);
  const risk = result.riskAdjustment;
  const rows = comparisons.flatMap((comparison) => {
    const row = [
      scenarioName(result.scenarios[comparison.alternative]!),
      gain(comparison.npv),
      formatPercent(comparison.roi),
      // Not paid back by the plan's end: "not within 12 months", as the report and optimize say it, not "never".
      // An option that changes nothing: "nothing to pay back", not "from the start" (`paybackFigure`).
      paybackFigure(comparison, result.horizonMonths),
      // Cash paid before a change that starts later is not up front: the month is said ("€700 (month 5)"), as the report says it.
      cashCell(comparison, money(comparison.investment.cash)),
      `${formatHours(comparison.investment.teamHours)} h`,
      // The last year's gain too, beside the sentence that says what it counts: "less than €1", not "€0".
      gain(comparison.benefitLastTwelveMonths),
    ];
    const adjusted = comparison.riskAdjusted;
    if (!risk || !adjusted) return [row];
    // Forrester TEI's risk-adjusted figures, on a line of their own under the unadjusted ones.
    return [row, [`  risk-adjusted ${riskAdjustmentShares(risk)}`, gain(adjusted.npv), formatPercent(adjusted.roi), "", "", "", ""]];
  });
  const lastYear = lastYearWords(result, comparisons);
  const later = comparisons.some((comparison) => cashMonthShort(comparison.investment) !== undefined);
  // A minus with a month: cash today's own change, starting later, pays then and the option does not.
  const inParts = comparisons.some((comparison) => comparison.investment.cashMonth === null);
  const todaysLater = comparisons.some((comparison) => comparison.investment.cash < 0 && cashMonthShort(comparison.investment) !== undefined);
  return [
    renderTable(["Alternative", "Net gain (NPV)", "ROI", "Pays back", "Up-front cash", "Team time", lastYear.heading], rows),
    // Over a plan of a year or less these months are all of it: the gain then differs from the total by the cash paid at the start alone.
    `  ${lastYear.heading}: the net benefit against today of ${lastYear.counts}.`,
    // The case's own figures hold with every range at its middle: said, with where their ranges are when sampled.
    ...(hasRanges(result) ? [`  ${TABLE_AT_THE_MIDDLE}${result.uncertainty ? "; “How sure we are” below gives where they fall" : ""}.`] : []),
    ...(later
      ? [
          `  Up-front cash: paid at the start, or at the end of the month in brackets, before a change that starts later${todaysLater ? " (under a minus, today's own change: the cash the option does not pay)" : ""}${inParts ? "; “in parts”: in more than one month (--json's investment.cashByMonth gives each)" : ""}.`,
        ]
      : []),
  ].join("\n");
}

function cashCell(comparison: ComparisonResult, cash: string): string {
  const when = cashMonthShort(comparison.investment);
  return when ? `${cash} (${when})` : cash;
}

/** The same results in the conventions of published peer calculations (DORA, Forrester TEI). */
/**
 * A figure to `decimals` decimals, grouped; one above zero that those decimals would write as zero reads
 * "under" their step ("under 0.001" at 3), never a "0.000" that reads as nothing at all. `exact` is the
 * figure to test when `value` was itself rounded before (a payback in months, held to a tenth).
 * @example fixedOrUnder(35792.5614, 3) // "35,792.561" ; fixedOrUnder(0.00004, 3) // "under 0.001"
 */
function fixedOrUnder(value: number, decimals: number, exact = value): string {
  const step = Math.pow(10, -decimals);
  return exact > 0 && exact < step / 2 ? `under ${formatNumberFixed(step, decimals)}` : formatNumberFixed(value, decimals);
}

/** The widest a table of `run` is before a cell's words move to a note under it: a terminal's 100 characters. */
const TABLE_WIDTH = 100;

/** The width of a text's widest line, in characters. */
function widestLine(text: string): number {
  return Math.max(...text.split("\n").map((line) => [...line].length));
}

function conventionsTable(result: CaseResult, comparisons: ComparisonResult[]): string {
  const money = (value: number) => formatMoney(value, result.currency);
  // What the option brings in today's money: above zero under one unit, "less than €1" (docs/numbers.md), not "€0".
  const gain = (value: number) => formatGain(value, result.currency);
  // Not paid back by the plan's end: "not within 12 months", as the table above says it, not "never".
  const notWithin = formatPaybackMonth(null, result.horizonMonths);
  // A payback in the first days of month 1 is "under 0.01" years, not "0.00" (`fixedOrUnder`); likewise
  // "under 0.1" months, as page 1 says, read from the years, since the JSON holds the months to a tenth.
  const years = (value: number | null) => (value === null ? notWithin : fixedOrUnder(value, 2));
  const months = (value: number | null, years: number | null) => (value === null ? notWithin : fixedOrUnder(value, 1, years === null ? value : years * 12));
  const rows = comparisons.map((comparison) => [
    comparison.label,
    gain(comparison.presentValueOfBenefits),
    money(comparison.presentValueOfCosts),
    // An option that changes nothing has no payback to time: "n/a", as its ROI, not "0.0" (docs/numbers.md).
    comparison.changesNothing ? "n/a" : months(comparison.conventions.paybackMonthInterpolated, comparison.conventions.paybackYears),
    comparison.changesNothing ? "n/a" : years(comparison.conventions.paybackYears),
    money(comparison.investment.total),
    formatPercent(comparison.conventions.roiOnInvestment),
  ]);
  const doraRows = (withNotes: boolean) =>
    comparisons.map((comparison) => {
      const figures = comparison.conventions.dora;
      const noted = withNotes ? doraPaybackWithNote(figures, result.horizonMonths) : undefined;
      return [
        comparison.label,
        money(figures.investment),
        // What it returns, as a gain: "less than €1" above 0 under one unit, not the "€0" of a value with no payback.
        gain(figures.value),
        money(figures.netBenefit),
        formatPercent(figures.roi),
        // No answer from DORA's formula: nothing to pay back ("n/a", as the ROI), or no value to pay back with
        // (doraPaybackWords), its reason in a note under the table when in the cell it makes the table too wide.
        noted?.cell ?? doraPaybackWords(figures, result.horizonMonths) ?? fixedOrUnder(figures.paybackYears!, 3),
      ];
    });
  const doraHeader = ["DORA's way", "Investment", "Value", "Net benefit", "ROI", "Pays back, years"];
  const doraInFull = renderTable(doraHeader, doraRows(false));
  const doraNotes = [
    ...new Set(
      comparisons.map((comparison) => doraPaybackWithNote(comparison.conventions.dora, result.horizonMonths)?.note).filter((note) => note !== undefined),
    ),
  ];
  const doraTooWide = doraNotes.length > 0 && widestLine(doraInFull) > TABLE_WIDTH;
  const doraTable = doraTooWide ? [renderTable(doraHeader, doraRows(true)), ...doraNotes.map((note) => `  ${note}.`)] : [doraInFull];
  return [
    renderTable(
      ["Other conventions", "PV of benefits", "PV of costs", "Pays back, months", "Pays back, years", "Our investment", "ROI on our investment"],
      rows,
    ),
    `  Net gain (NPV) and PV: ${discountingText(result)}${result.discountRate === 0 ? "" : "; cash at the start not discounted"}.`,
    "  ROI = net gain (NPV) ÷ PV of costs (Forrester TEI's (PV of benefits − PV of costs) ÷ PV of costs is the same number).",
    "  Our investment = up-front cash + the change's team hours at what they displace: the loaded rate for hours bought or taken from building, its captured share for idle ones.",
    "  ROI on our investment = total net benefit ÷ our investment, undiscounted (DORA's ROI, below, divides by everything the change costs).",
    "  Pays back: the month in which the cumulative net turns positive for good; in months and years: when within that month, interpolated (undiscounted).",
    "",
    ...doraTable,
    "  DORA's calculator and 2020 paper, undiscounted over the horizon: investment = what the change costs (up-front cash, the rise in",
    "  licences, infrastructure, support staff and training, the change's team hours); value = net benefit + investment;",
    "  ROI = net benefit ÷ investment; pays back = investment ÷ value a year.",
  ].join("\n");
}

function rangeText(low: number | null, high: number | null, format: (value: number) => string, never = "never"): string {
  const show = (value: number | null) => (value === null ? never : format(value));
  // "month 8", not "month 8 to month 8".
  return show(low) === show(high) ? show(low) : `${show(low)} to ${show(high)}`;
}

/** The labels of the decision's options other than `scenario`, in the file's order. */
function optionsOtherThan(decision: DecisionAnalysis, scenario: string): string[] {
  return decision.options.filter((option) => option.scenario !== scenario).map((option) => option.label);
}

/** The decision in two lines: how often the best option on average is best, and what knowing everything first is worth. */
function decisionLines(result: CaseResult, comparisons: readonly ComparisonResult[]): string[] {
  const decision = result.decision;
  // The decision weighs every option: said only when the table shows every one.
  if (!decision || comparisons.length < Object.keys(result.comparisons).length) return [];
  const best = decision.options.find((option) => option.scenario === decision.best)!;
  // Every other option changes nothing: today is the one choice, not "the best option in over 99% of the samples".
  if (nothingToChoose(decision))
    return [`  ${nothingToChooseWords(optionsOtherThan(decision, best.scenario), best.label)}`, ...pageOneElsewhere(result, decision.best)];
  // Above zero but under half a unit: "less than €1", not a "€0" that reads as nothing.
  const { figure: evpi, words: upToEvpi } = worthUpTo(decision.evpi, result.currency, (value) => formatMoney(value, result.currency));
  const worth =
    decision.evpi <= decision.noiseLevel
      ? `Knowing every input exactly before deciding would be worth ${evpi} (EVPI): no measurement is worth paying for`
      : decision.evppi.some((entry) => entry.aboveNoise)
        ? `Knowing every input exactly before deciding would be worth ${upToEvpi} (EVPI); \`mlops-roi voi\` ranks what is worth measuring`
        : // The inputs are worth something only together: voi says no input alone is worth measuring.
          `Knowing every input exactly before deciding would be worth ${upToEvpi} (EVPI), but no input alone is worth measuring (\`mlops-roi voi\` gives each one's worth)`;
  // Options that gain the same split the samples (ties count half): the others are named with their
  // share, so "the best option in 50% of the samples" does not read as losing the rest (voi says it so too).
  // Best in every sample, the others in none: said as the count, not "over 99%" and "under 1%" (docs/numbers.md).
  const counted = { samples: decision.samples, unit: "sample" };
  const others = sharedBestTail(decision.options, best.scenario, (scenario) => decision.options.find((option) => option.scenario === scenario)!.label, counted);
  // Options level at the top (a tie for best, shared) are said so, not "the best option in 50%" each.
  const level = bestLevelWords(decision, best.scenario, (scenario) => decision.options.find((option) => option.scenario === scenario)!.label, "sample");
  return [
    level
      ? `  Best on average: ${best.label}, ${level}`
      : `  Best on average: ${best.label}, the best option ${bestShareWords(decision.options, best.scenario, counted)}${others}`,
    ...pageOneElsewhere(result, decision.best),
    `  ${worth}`,
  ];
}

/**
 * Page 1 recommends from every range at its middle (`recommend`), the line above averages over the
 * samples: when they name different options (lopsided ranges, a close call), what page 1 says, so that
 * neither reads as a mistake beside the other. `averaged` names what gives the average (`voi`: its table).
 */
export function pageOneElsewhere(result: CaseResult, bestOnAverage: string, averaged = "the line above averages"): string[] {
  const recommendation = recommend(result);
  if (!recommendation) return [];
  const pick = recommendedOption(result, recommendation);
  if (pick === bestOnAverage) return [];
  const label = (name: string) => `“${result.comparisons[name]?.label ?? result.scenarios[name]?.label ?? name}”`;
  // A close call (`closeCallOf`: only when the best, the one recommended, gains money) has page 1 recommend
  // neither option: it sets the two side by side.
  const close = result.judgement?.closeCall;
  if (close) {
    // Options that gain the same as the best are all set side by side, as page 1 does (the engine's `CloseCall.options`).
    const names = close.options;
    // Those shown with the best's figure (`sameAsBest`) gain the same: none of them is "ahead" of
    // another, as the close call's line above says ("“A” and “B” gain the same, €5,612 each").
    const top = sameAsBest(close);
    const standing =
      top.length === 1
        ? `${label(pick)} ahead`
        : top.length === names.length
          ? `${listInWords(top.map(label))} gaining the same`
          : `${listInWords(top.map(label))} ahead, gaining the same,`;
    return [
      `  Page 1 of the report recommends ${names.length > 2 ? "none of them" : "neither option"}: it sets ${listInWords(names.map(label))} side by side as a close call, ${standing} with every range at its middle, where ${averaged} over the samples`,
    ];
  }
  return [
    recommendation.verdict === "go"
      ? `  Page 1 of the report recommends ${label(pick)}: the highest net gain with every range at its middle, where ${averaged} over the samples`
      : `  Page 1 of the report recommends staying with ${label(pick)}: no option gains money with every range at its middle, where ${averaged} over the samples`,
  ];
}

function uncertaintyTable(result: CaseResult, comparisons: ComparisonResult[]): string | undefined {
  const withRanges = comparisons.filter((comparison) => comparison.distribution);
  if (withRanges.length === 0 || !result.uncertainty) return undefined;
  const gain = (value: number) => formatGain(value, result.currency);
  // Month 0 reads as everywhere else: "from the start", not "month 0".
  const month = (value: number) => formatMonth(Math.round(value));
  const rows = withRanges.map((comparison) => {
    const distribution = comparison.distribution!;
    return [
      comparison.label,
      // A gain under one unit reads "less than €1", as the table above and page 1 say it, not "€0".
      gain(distribution.npv.p50 ?? 0),
      rangeText(distribution.npv.p5, distribution.npv.p95, gain),
      // A share of the samples not paid back by the plan's end: "not within 12 months", as the workbook says it.
      // Where 9 outcomes out of 10 fall (P5 to P95), as page 1 and the web app say it, and as the NPV's range.
      // An option that changes nothing has no payback to range over, nor a chance of one.
      comparison.changesNothing
        ? NOTHING_TO_PAY_BACK
        : rangeText(distribution.paybackMonth.p5, distribution.paybackMonth.p95, month, formatPaybackMonth(null, result.horizonMonths)),
      comparison.changesNothing ? "n/a" : formatChance(distribution.probabilityPaysBack),
      // Nor a chance of a gain: it has none by construction, not "under 1%" of the samples.
      comparison.changesNothing ? "n/a" : formatChance(distribution.probabilityNpvPositive),
    ];
  });
  const { samples, seed, sampling } = result.uncertainty;
  return [
    renderTable(["How sure we are", "Median NPV", "NPV, 90% range", "Pays back, 90% range", "Chance it pays back", "Chance NPV > 0"], rows),
    `  ${plural(samples, `${sampling === "latin-hypercube" ? "Latin hypercube" : "random"} sample`)}, seed ${seed}; ranges: ${
      // Not "0 inputs": a file without ranges samples the same numbers every time.
      result.uncertainty.inputs.length === 0 ? "none, so every sample gives the same numbers" : plural(result.uncertainty.inputs.length, "input")
    }`,
    // The Monte Carlo is not risk-adjusted (docs/numbers.md): said, beside the risk-adjusted line of the table above.
    ...(result.riskAdjustment
      ? [`  These NPVs are before the risk adjustment ${riskAdjustmentShares(result.riskAdjustment)}: the Monte Carlo is not risk-adjusted.`]
      : []),
    ...decisionLines(result, comparisons),
  ].join("\n");
}

function categoryTable(result: CaseResult, comparisons: ComparisonResult[]): string | undefined {
  const used = benefitCategories.filter((category) => comparisons.some((comparison) => Math.abs(comparison.benefitByCategory[category]) >= 0.5));
  if (used.length === 0) return undefined;
  const rows = used.map((category) => [
    benefitCategoryLabels[category],
    ...comparisons.map((comparison) => formatMoney(comparison.benefitByCategory[category], result.currency)),
  ]);
  rows.push(["Total", ...comparisons.map((comparison) => formatMoney(comparison.totalNetBenefit, result.currency))]);
  return renderTable(["Where the benefit comes from", ...comparisons.map((comparison) => comparison.label)], rows);
}

function capacityTable(scenarios: ScenarioResult[]): string {
  const row = (label: string, value: (scenario: ScenarioResult) => string) => [label, ...scenarios.map(value)];
  return renderTable(
    ["Team capacity", ...scenarios.map((scenario) => scenario.label)],
    [
      // A team of more than one keeps its whole projects together, page 1's figures (teamKeepsWords): "one
      // person can keep 2" read as 8 for a team of 4 whose months keep 9.
      scenarios.every((s) => s.summary.people === 1)
        ? row(liveProjectsKeptLabels(true).count, (s) =>
            s.summary.maxLiveProjectsPerPerson === null ? "no limit" : String(s.summary.maxLiveProjectsPerPerson),
          )
        : row(liveProjectsKeptLabels(false).count, (s) => {
            const kept = teamKeepsWords(s.summary);
            // The share per person first, as page 1 says it: "9 (about 2.4 per person)" read as 9 ÷ 4.
            return kept === undefined
              ? "no limit"
              : kept.perPerson === undefined
                ? kept.count
                : keptAsTeamWords({ count: kept.count, perPerson: kept.perPerson, per: kept.per }, { short: true });
          }),
      // Months without time for new work before it stops for good are named, as page 1 names them: "never"
      // alone read against page 1's "has none in months 7–8" of a change that starts late.
      row("Can no longer start new work from", (s) => {
        return `${formatMonth(s.summary.newWorkStopsMonth)}${noRoomBefore(s.months, s.summary.newWorkStopsMonth)}`;
      }),
      row("Projects released", (s) => String(s.summary.projectsDelivered)),
      row("Live projects at the end", (s) => String(s.summary.liveProjectsAtEnd)),
      row("Overloaded months", (s) =>
        s.summary.overloadedMonths.length === 0 ? "none" : `${s.summary.overloadedMonths.length} (from month ${s.summary.firstOverloadedMonth})`,
      ),
    ],
  );
}

function monthTable(result: CaseResult, scenario: ScenarioResult): string {
  const rows = scenario.months.map((month) => [
    String(month.month),
    String(month.liveProjects),
    month.releases > 0 ? String(month.releases) : "",
    formatHours(month.availableHours),
    formatHours(month.overheadHours),
    formatHours(month.upkeepHours),
    formatHours(month.freeHours) + (month.overloaded ? " OVERLOADED" : ""),
    formatHours(month.buildHours),
    month.canStartNewWork ? "yes" : "no",
    formatMoney(month.net, result.currency),
  ]);
  return renderTable(["Month", "Live", "Released", "Hours", "Overheads", "Upkeep", "Free", "Building", "New work", "Net money"], rows);
}

/**
 * The run command's text for people: the comparison first (money), then capacity, then months.
 * @example renderRunReport(result, { scenario: "optimal" })
 */
/** The engine's judgement under the table: a close call between the two best, and extraordinary results (said of the options shown). */
function judgementLines(result: CaseResult, comparisons: ComparisonResult[], file: string | undefined): string {
  const shown = (name: string) => comparisons.some((comparison) => comparison.alternative === name);
  // A command that runs as pasted: the case's file (when known) and the scenario, each as the shell reads it back.
  const command = (alternative: string) => `mlops-roi sensitivity ${file === undefined ? "" : `${shellPath(file)} `}--scenario ${shellWord(alternative)}`;
  return judgementSentences(result, { shown, whereToLook: (alternative) => `with: ${command(alternative)}` })
    .map((sentence) => `  ${sentence}`)
    .join("\n");
}

export function renderRunReport(
  result: CaseResult,
  options: {
    scenario?: string;
    /** The case's file as given on the command line: named in the command a caution asks to run. */
    file?: string;
  } = {},
): string {
  const all = Object.values(result.scenarios);
  const baseline = result.scenarios[result.baseline]!;
  const shown = options.scenario ? all.filter((scenario) => scenario.name === options.scenario) : all;
  const comparisons = Object.values(result.comparisons).filter((comparison) => shown.some((scenario) => scenario.name === comparison.alternative));
  const parts: string[] = [];
  parts.push(result.title);
  if (result.description) parts.push(result.description);
  parts.push(
    `${plural(result.horizonMonths, "month")} · ${result.currency} · compared with ${scenarioName(baseline)} · ${discountRateWords(result.discountRate)}`,
  );
  if (comparisons.length > 0) {
    parts.push("", comparisonTable(result, comparisons));
    const judgement = judgementLines(result, comparisons, options.file);
    if (judgement) parts.push(judgement);
    parts.push("", conventionsTable(result, comparisons));
    const ranges = uncertaintyTable(result, comparisons);
    if (ranges) parts.push("", ranges);
    const categories = categoryTable(result, comparisons);
    if (categories) parts.push("", categories);
  }
  const capacityScenarios = options.scenario && options.scenario !== result.baseline ? [baseline, ...shown] : shown;
  parts.push("", capacityTable(capacityScenarios));
  for (const scenario of shown) {
    parts.push("", `Month by month: ${scenarioName(scenario)}`, monthTable(result, scenario));
    const atStart = result.comparisons[scenario.name]?.timeZeroNet ?? 0;
    if (Math.round(atStart) !== 0)
      parts.push(
        `  ${formatMoney(Math.abs(atStart), result.currency)} ${atStart < 0 ? "paid" : "saved"} at the start against today (before month 1), in none of the months above.`,
      );
  }
  return `${parts.join("\n")}\n`;
}

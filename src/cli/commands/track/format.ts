import type { ComparedMonth, MonthFigures, PlanComparison } from "../../../store/compare.js";
import { DEFAULT_TEAM, teamWords } from "../../../store/planned-teams.js";
import type { Forecast } from "../../../store/forecast.js";
import type { PlanVersusActual } from "../../../store/plan-versus-actual.js";
import type { DroppedMeasures } from "../../../store/actual-repository.js";
import type { LearnedForecast, MoneyRange, Range90 } from "../../../engine/index.js";
import {
  formatChance,
  formatGain,
  formatHoursTenth as formatHours,
  formatInputMoney,
  formatMoneyAsRecorded,
  formatNumberAsGiven,
  formatMoneyExact as formatMoney,
  formatMonth,
  formatNumber,
  firstMonthsWriting,
  plural,
  type FirstMonthsWriting,
} from "../../../format/numbers.js";
import { renderTable } from "../../format/table.js";
import { learnedInputValue, observedFigureValue } from "../../../format/input-value.js";
import { describeInput, learnedInputLabel } from "../../../format/input-description.js";
import { actualFieldSpecs, type ActualField } from "../../../shared/actual-fields.js";
import {
  LEARNING_VERSUS_REFORECAST,
  PLAN_AS_APPROVED,
  labelWithRecordedShare,
  planOnSameSamples,
  planTwiceWords,
  listInWords,
  monthsUsedWords,
  paybackRow,
  unrecordedMonths,
  unrecordedMonthsWords,
} from "../../../format/words.js";

const NOT_RECORDED = "–";

function monthLabel(month: { month: number; calendarMonth?: string }): string {
  return month.calendarMonth ? `${month.month} (${month.calendarMonth})` : String(month.month);
}

function pair(planned: string, actual: string | undefined): string {
  return `${planned} / ${actual ?? NOT_RECORDED}`;
}

function otherOverheads(figures: MonthFigures): number {
  return figures.manualHours + figures.waitingHours + figures.meetingHours + figures.breakageFixHours;
}

/** The headline: the plan, what was recorded, and the money so far and at the end. */
export function renderSummary(comparison: PlanComparison, forecast: Forecast | null, forecastProblem?: string): string {
  const money = (value: number) => formatMoney(value, comparison.currency);
  const lines: string[] = [];
  lines.push(`Plan versus actual — ${teamWords(comparison.team)}`);
  lines.push(`Plan: "${comparison.scenarioLabel}" (${comparison.scenario}) against "${comparison.baselineLabel}" (${comparison.baseline})`);
  const end = comparison.months[comparison.months.length - 1]!;
  lines.push(
    `Frozen ${comparison.frozenAt.slice(0, 10)}, sha256 ${comparison.sha256.slice(0, 12)}…, ${plural(comparison.horizonMonths, "month")}${comparison.startMonth ? ` from ${comparison.startMonth} to ${end.calendarMonth}` : ""}`,
  );
  const last = comparison.lastRecordedMonth;
  if (last === null) {
    lines.push("Recorded: no month yet. Record one with `mlops-roi track add` or `mlops-roi track import`.");
  } else {
    const gaps = unrecordedMonthsWords(unrecordedMonths(comparison));
    lines.push(
      `Recorded: ${comparison.recordedMonths} of ${plural(comparison.horizonMonths, "month")}, through month ${monthLabel(comparison.months[last - 1]!)}` +
        (gaps ? `; ${gaps}` : ""),
    );
  }
  const soFar = comparison.soFar;
  const rows: string[][] = [];
  let paybackNote = "";
  if (last !== null) {
    // A figure no recorded month measured is the plan's working, not a measurement: the label says so.
    const recorded = (label: string, figure: { recordedMonths: number }) => labelWithRecordedShare(label, figure.recordedMonths, last);
    rows.push([recorded(`Cash spent to month ${last}`, soFar.cashSpent), money(soFar.cashSpent.planned), money(soFar.cashSpent.actual)]);
    rows.push([
      recorded(`Team hours on the change to month ${last}`, soFar.changeHours),
      `${formatHours(soFar.changeHours.planned)} h`,
      `${formatHours(soFar.changeHours.actual)} h`,
    ]);
    rows.push([`Benefit to month ${last}`, money(soFar.benefit.planned), money(soFar.benefit.actual)]);
  }
  if (forecast) {
    // Only months still ahead are re-forecast; with every month recorded the figures are actual.
    const note = last === null || last >= comparison.horizonMonths ? "" : " (re-forecast)";
    // A payback in a recorded month happened: "paid back in month 8", not "Pays back … month 8 (re-forecast)".
    const payback = paybackRow(forecast, (month) => `${formatMonth(month, "not within the horizon")}${note}`);
    rows.push([payback.label, formatMonth(forecast.paybackMonth.planned, "not within the horizon"), payback.now]);
    paybackNote = payback.note;
    // A net gain above zero that rounds to no whole unit reads "less than €1", never "€0" (docs/numbers.md).
    const gain = (value: number) => formatGain(value, comparison.currency);
    rows.push(["Net gain (NPV)", gain(forecast.npv.planned), `${gain(forecast.npv.now)}${note}`]);
    rows.push(["Net benefit over the horizon", money(forecast.totalBenefit.planned), `${money(forecast.totalBenefit.now)}${note}`]);
  }
  lines.push("", renderTable(["", "Plan", last === null ? "Now" : "Actual"], rows));
  // A payback that counts months with no record as planned: its mark's note, under the table.
  if (paybackNote) lines.push(`  ${paybackNote}`);
  if (forecastProblem) lines.push("", `No re-forecast: ${forecastProblem}`);
  return lines.join("\n");
}

/** A month of the table; month 1 after an up-front row is written as `first` says (`firstMonthsWriting`). */
function monthRow(month: ComparedMonth, currency: string, first?: FirstMonthsWriting): string[] {
  const planned = month.planned;
  const actual = month.actual ?? undefined;
  const money = (value: number) => formatMoney(value, currency);
  const cash = first?.cash ?? money;
  const label = monthLabel(month) + (month.actual && !month.recorded ? " *" : "");
  return [
    label,
    pair(String(planned.liveProjects), actual && String(actual.liveProjects)),
    pair(formatHours(planned.upkeepHours), actual && formatHours(actual.upkeepHours)),
    pair(formatHours(otherOverheads(planned)), actual && formatHours(otherOverheads(actual))),
    pair(formatHours(planned.buildHours), actual && formatHours(actual.buildHours)),
    pair(formatHours(planned.changeHours), actual && formatHours(actual.changeHours)),
    // A row written to the cent is so in each of its money cells: not "€3,600" of cash beside "-€3,600.40" of benefit.
    pair(cash(planned.cashSpent), actual && cash(actual.cashSpent)),
    first ? pair(first.columns[0]!.month1, first.columns[1]?.month1) : pair(money(planned.benefit), actual && money(actual.benefit)),
    first
      ? pair(first.columns[0]!.cumulative, first.columns[1]?.cumulative)
      : pair(money(planned.cumulativeBenefit), actual && money(actual.cumulativeBenefit)),
  ];
}

function upFrontRow(comparison: PlanComparison, first: FirstMonthsWriting): string[] {
  // Written to the cent, the row's cash is too: not "€2,000" of cash beside "-€2,000.40" of benefit.
  const recorded = comparison.lastRecordedMonth !== null;
  const actualCash = recorded ? first.cash(comparison.upFrontCash.actual) : undefined;
  const plannedBenefit = first.columns[0]!.upFront;
  const actualBenefit = first.columns[1]?.upFront;
  return [
    "up front",
    "",
    "",
    "",
    "",
    "",
    pair(first.cash(comparison.upFrontCash.planned), actualCash),
    pair(plannedBenefit, actualBenefit),
    pair(plannedBenefit, actualBenefit),
  ];
}

/** Under a table with an "up front" row (`track show`, `track forecast`). */
const UP_FRONT_NOTE = "  Up front: cash paid before month 1; record it in month 1's external spend, where it is then counted.";

/** The month-by-month table: each cell is "plan / actual". */
export function renderMonthTable(comparison: PlanComparison): string {
  const upFront = comparison.upFrontCash.planned !== 0 || comparison.timeZero.planned !== 0;
  const month1 = comparison.months[0];
  // Month 1's cumulative benefit is the up-front row's plus month 1's: as written too.
  const first =
    upFront && month1
      ? firstMonthsWriting(
          [[comparison.timeZero.planned, month1.planned.benefit], month1.actual ? [comparison.timeZero.actual, month1.actual.benefit] : undefined],
          comparison.currency,
        )
      : undefined;
  const rows = comparison.months.map((month) => monthRow(month, comparison.currency, month.month === 1 ? first : undefined));
  if (first) rows.unshift(upFrontRow(comparison, first));
  const table = renderTable(["Month", "Live", "Upkeep h", "Other h", "Build h", "Setup h", "Cash spent", "Benefit", "Cumulative benefit"], rows);
  const notes = [
    "  Other h: manual chores, waiting for jobs, meetings and fixing failures. Setup h: team hours on the change (setup, learning, the slow-down while adopting; staff alongside as planned).",
  ];
  if (upFront) notes.push(UP_FRONT_NOTE);
  if (first?.note) notes.push(`  ${first.note}`);
  if (comparison.months.some((month) => month.actual && !month.recorded)) notes.push("  * no record for this month: counted as planned.");
  return `Month by month (plan / actual; ${NOT_RECORDED} not recorded yet)\n${table}\n${notes.join("\n")}`;
}

function measureCell(value: number | undefined, digits = 0): string | undefined {
  if (value === undefined) return undefined;
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  return formatNumber(rounded, digits);
}

/** The measures a platform team reports upward, for the months that recorded any. */
export function renderUpwardMeasures(comparison: PlanComparison): string | undefined {
  const months = comparison.months.filter((month) => Object.keys(month.measures.actual).length > 0);
  if (months.length === 0) return undefined;
  const rows = months.map((month) => {
    const { planned, actual } = month.measures;
    return [
      monthLabel(month),
      measureCell(actual.activeUsersPerWeek) ?? NOT_RECORDED,
      measureCell(actual.satisfactionScore, 1) ?? NOT_RECORDED,
      pair(measureCell(planned.deployments, 1)!, measureCell(actual.deployments)),
      pair(measureCell(planned.incidents, 1)!, measureCell(actual.incidents)),
      pair(measureCell(planned.meanHoursToRestore, 1)!, measureCell(actual.meanHoursToRestore, 1)),
      measureCell(actual.daysFromIdeaToLive) ?? NOT_RECORDED,
      actual.peopleJoined === undefined && actual.peopleLeft === undefined
        ? NOT_RECORDED
        : `${measureCell(actual.peopleJoined) ?? NOT_RECORDED} / ${measureCell(actual.peopleLeft) ?? NOT_RECORDED}`,
    ];
  });
  return `What the platform team reports upward (plan / actual)\n${renderTable(
    ["Month", "Active users a week", "Satisfaction", "Deployments", "Incidents", "Hours to restore each", "Idea to live, days", "Joined / left"],
    rows,
  )}`;
}

/** A range of the forecast that learns, each end as `write` gives it: a change failure rate of 0.05 to 0.3 is "5% to 30%", not "0 to 0". */
function rangeText(range: Range90, write: (value: number) => string): string {
  return `${write(range.p5)} to ${write(range.p95)}`;
}

/** How many of the plan's 90% widths a median moved: "+0.8 widths". */
function movedText(moved: number): string {
  const rounded = Math.round(moved * 10) / 10;
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : "±"}${formatNumber(Math.abs(rounded), 1)} ${Math.abs(rounded) === 1 ? "width" : "widths"}`;
}

/**
 * The forecast that learns: then versus now (NPV range, chance of paying back), the inputs that moved
 * most, and the calibration of the plan's ranges. Every figure is the JSON's `learning`.
 */
export function renderLearning(learning: LearnedForecast, comparison: PlanComparison): string {
  // Net gains: one above zero that rounds to no whole unit reads "less than €1", never "€0".
  const money = (value: number) => formatGain(value, comparison.currency);
  const lines: string[] = [];
  const recorded = learning.monthsUsed;
  // A recorded month teaches the ranges only what it measures of them (upkeep with no live project measures none).
  const unused = comparison.recordedMonths;
  const head =
    recorded > 0
      ? `the plan's ranges updated by ${monthsUsedWords(recorded, unused)}`
      : unused === 0
        ? "not yet, as no month is recorded; the forecast is the plan"
        : `the plan's ranges as they were, as the ${unused === 1 ? "one month recorded measures" : `${formatNumber(unused)} months recorded measure`} nothing they bear on; each plan sample is worked out again from where things stand`;
  lines.push(
    `A forecast that learns: ${head} ` +
      `(${formatNumber(learning.samples)} plan samples, ${formatNumber(Math.round(learning.effectiveSamples))} effective as the months weigh them)`,
  );
  if (learning.money) {
    const { planned, now, approved } = learning.money;
    // "Then" is the plan as approved; beside it, once months are recorded, the plan on the update's own samples (like for like with now).
    const columns: MoneyRange[] = approved ? (comparison.recordedMonths > 0 ? [approved, planned, now] : [approved, now]) : [planned, now];
    const heads = approved
      ? [PLAN_AS_APPROVED, ...(comparison.recordedMonths > 0 ? [planOnSameSamples(learning.samples)] : []), "Now (forecast)"]
      : ["Then (plan)", "Now (forecast)"];
    lines.push(
      renderTable(
        ["", ...heads],
        [
          [`Chance of paying back by month ${comparison.horizonMonths}`, ...columns.map((range) => formatChance(range.probabilityPaysBack))],
          ["Net gain (NPV), 5% to 95%", ...columns.map((range) => `${money(range.npv.p5)} to ${money(range.npv.p95)}`)],
          ["Net gain (NPV), median", ...columns.map((range) => money(range.npv.p50))],
          ["Pays back (median)", ...columns.map((range) => formatMonth(range.paybackMonthP50, "not within the horizon"))],
        ],
      ),
    );
    if (approved && comparison.recordedMonths > 0) lines.push(planTwiceWords(approved.samples, learning.samples));
    // Beside the re-forecast above (its payback and net gain): why the two can differ, as the report says it.
    if (comparison.recordedMonths > 0) lines.push(LEARNING_VERSUS_REFORECAST);
  }
  if (learning.warning) lines.push("", `Note: ${learning.warning}`);
  if (learning.inputs.length > 0) {
    lines.push("", "Inputs that moved most (90% range, plan → now; median moved in widths of the plan's range)");
    lines.push(
      renderTable(
        ["Input", "Plan", "Now", "Moved"],
        learning.inputs.map((input) => {
          // In the input's unit, as the report writes it (a share as a percentage, hours as hours).
          // Named by its label, as the report and `voi` name it; the JSON keeps its path (`learning.inputs[].input`).
          const { unit } = describeInput(input.input);
          const label = learnedInputLabel(input, (name) => (name === comparison.scenario ? comparison.scenarioLabel : comparison.baselineLabel));
          const write = (value: number) => learnedInputValue(value, unit, comparison.currency);
          return [label, rangeText(input.planned, write), rangeText(input.now, write), movedText(input.moved)];
        }),
      ),
    );
  }
  lines.push("", `Calibration: ${learning.calibration.summary}.`);
  if (learning.observed.length > 0) {
    lines.push(
      renderTable(
        ["Observed", "Months", "Recorded", "Plan's 90% range", "Inside"],
        learning.observed.map((check) => [
          check.label,
          String(check.months),
          observedFigureValue(check.observed, check.figure),
          rangeText(check.planned, (value) => observedFigureValue(value, check.figure)),
          check.inside ? "yes" : "no",
        ]),
      ),
    );
  }
  return lines.join("\n");
}

/** `track show` as text. */
export function renderPlanVersusActual(view: PlanVersusActual): string {
  const parts = [renderSummary(view.comparison, view.forecast, view.forecastProblem), "", renderMonthTable(view.comparison)];
  const measures = renderUpwardMeasures(view.comparison);
  if (measures) parts.push("", measures);
  if (view.learning) parts.push("", renderLearning(view.learning, view.comparison));
  if (view.learningProblem) parts.push("", `No forecast that learns: ${view.learningProblem}`);
  return `${parts.join("\n")}\n`;
}

/** `track forecast` as text: actual months, then the re-forecast, against the plan. */
export function renderForecast(view: PlanVersusActual, forecast: Forecast, method: string): string {
  const money = (value: number) => formatMoney(value, view.comparison.currency);
  // A month up to the last recorded one that has no record is the plan's, not an actual (as track show marks it).
  const unrecorded = forecast.months.some((month) => month.source === "actual" && !month.recorded);
  // Cash paid before month 1 starts the cumulative benefit: its row makes month 1's add up (as track show's).
  const upFront = view.comparison.upFrontCash.planned !== 0 || forecast.timeZero.planned !== 0 || forecast.timeZero.now !== 0;
  const month1 = forecast.months[0];
  const first =
    upFront && month1
      ? firstMonthsWriting(
          [
            [forecast.timeZero.planned, month1.plannedBenefit],
            [forecast.timeZero.now, month1.benefit],
          ],
          view.comparison.currency,
        )
      : undefined;
  const [planned, now] = first?.columns ?? [];
  const rows = forecast.months.map((month) => [
    monthLabel(month),
    month.source === "actual" && !month.recorded ? "no record *" : month.source,
    pair(String(month.plannedLiveProjects), String(month.liveProjects)).replace(" / ", " → "),
    planned && now && month.month === 1 ? `${planned.month1} → ${now.month1}` : `${money(month.plannedBenefit)} → ${money(month.benefit)}`,
    planned && now && month.month === 1
      ? `${planned.cumulative} → ${now.cumulative}`
      : `${money(month.plannedCumulativeBenefit)} → ${money(month.cumulativeBenefit)}`,
  ]);
  if (planned && now) {
    const start = `${planned.upFront} → ${now.upFront}`;
    rows.unshift(["up front", "", "", start, start]);
  }
  const parts = [
    renderSummary(view.comparison, forecast),
    "",
    // With every month recorded nothing is re-forecast: the table is the plan against the actuals.
    forecast.fromMonth > view.comparison.horizonMonths
      ? "No re-forecast: every month is recorded (plan → actual)"
      : view.comparison.lastRecordedMonth === null
        ? // Nothing recorded: the forecast is the plan, not re-forecast (as the summary's columns say).
          "No re-forecast: no month is recorded yet, so the forecast is the plan (plan → now)"
        : `Re-forecast from month ${forecast.fromMonth} (plan → now)`,
    renderTable(["Month", "Source", "Live", "Benefit", "Cumulative benefit"], rows),
    ...(upFront ? [UP_FRONT_NOTE] : []),
    ...(first?.note ? [`  ${first.note}`] : []),
    ...(unrecorded ? ["  * no record for this month: counted as planned."] : []),
    "",
    `How: ${method}`,
  ];
  if (view.learning) parts.push("", renderLearning(view.learning, view.comparison), "", `How it learns: ${view.learning.method}`);
  if (view.learningProblem) parts.push("", `No forecast that learns: ${view.learningProblem}`);
  return `${parts.join("\n")}\n`;
}

/**
 * What the months replaced held that their new records do not give: a month is replaced whole, so
 * those measures and notes are no longer recorded (such a measure counts as planned again). Empty
 * when nothing was lost.
 * @example droppedText([{ team: "default", month: 20, fields: ["upkeepHours"], note: "important" }]) // "  month 20: upkeepHours and its note (\"important\") were recorded and are not in the new record: no longer recorded (the plan's values stand in)\n"
 * @example droppedText([{ team: "default", month: 20, fields: ["upkeepHours"] }], { dryRun: true }) // "  month 20: upkeepHours was recorded and is not in the new record: the import would drop it (the plan's values would stand in)\n"
 */
export function droppedText(dropped: readonly DroppedMeasures[] | undefined, options: { dryRun?: boolean } = {}): string {
  return (dropped ?? [])
    .map((month) => {
      const lost = [...month.fields, ...(month.note !== undefined ? [`its note (${JSON.stringify(month.note)})`] : [])];
      const one = lost.length === 1;
      const outcome = options.dryRun
        ? `the import would drop ${one ? "it" : "them"} (the plan's values would stand in)`
        : "no longer recorded (the plan's values stand in)";
      return `  month ${month.month}${month.team === DEFAULT_TEAM ? "" : ` of ${teamWords(month.team)}`}: ${listInWords(lost)} ${one ? "was" : "were"} recorded and ${one ? "is" : "are"} not in the new record: ${outcome}\n`;
    })
    .join("");
}

/**
 * A recorded value as `track add` echoes it, in the units `track show` writes: money in the plan's
 * currency, grouped, with the cents given (`formatMoneyAsRecorded`: yen, which has no minor unit, to
 * the yen); hours with "h"; counts and scores grouped; days with "days". The value as recorded,
 * nothing rounded away ("1e3" hours is "1,000 h", "12000.5000" of licences "€12,000.50").
 * @example recordedValueText("licences", 12000.5, "EUR") // "€12,000.50" ; recordedValueText("licences", 3600.4, "JPY") // "JP¥3,600" ; recordedValueText("upkeepHours", 1e3, "EUR") // "1,000 h"
 */
export function recordedValueText(field: ActualField, value: number, currency: string): string {
  const kind = actualFieldSpecs[field].kind;
  if (kind === "money") return formatMoneyAsRecorded(value, currency);
  // Every decimal given, as money's: 0.0000004 hours read "0 h", 12.3456789 "12.345679 h".
  const figure = formatNumberAsGiven(value);
  if (kind === "hours") return `${figure} h`;
  if (kind === "days") return `${figure} ${value === 1 ? "day" : "days"}`;
  return figure;
}

/** What recorded hours to restore cost as outage (the engine's `restoreHoursOutageCost`), at a plan's cost an hour; `team` names the plan's team when several are warned of. */
export interface OutageCost {
  cost: number;
  outageCostPerHour: number;
  /** Other costs an hour in force in some of the months (today's before the change is in place), after `outageCostPerHour`. */
  otherOutageCostsPerHour?: number[];
  currency: string;
  team?: string;
}

/**
 * What `track add` and `track import` say of months that record hours to restore with no incident
 * (`restoreHoursWithoutIncident`), one sentence for both: `given` names the measures as the user gave
 * them ("--hours-to-restore 6 with --incidents 0", or an import's lines), `incidents` how to record the
 * incidents, `outage` what the hours cost at the plan's outage cost (the engine's
 * `restoreHoursOutageCost`): one figure, or one for each team's plan when an import names several.
 * @example restoreHoursWarning("--hours-to-restore 6 with --incidents 0", "--incidents N", [{ cost: 900, outageCostPerHour: 150, currency: "EUR" }]) // "--hours-to-restore 6 with --incidents 0: hours to restore are summed over the month's incidents, and no incident is recorded; the hours are recorded as given and costed as outage (€900 at the plan's €150 an hour), …"
 */
export function restoreHoursWarning(given: string, incidents: string, outage: readonly OutageCost[], options: { dryRun?: boolean } = {}): string {
  const each = outage.map((team) => {
    const rates = [team.outageCostPerHour, ...(team.otherOutageCostsPerHour ?? [])].map((rate) => formatInputMoney(rate, team.currency)).join(" and ");
    // A team's name is quoted (`teamWords`), its plan named after the rate: "€900 at the €150 an hour of the plan of team "b"", not "team b's plan's".
    return team.team === undefined
      ? `${formatMoney(team.cost, team.currency)} at the plan's ${rates} an hour`
      : `${formatMoney(team.cost, team.currency)} at the ${rates} an hour of the plan of ${teamWords(team.team)}`;
  });
  const cost = each.length > 0 ? ` (${each.join("; ")})` : "";
  return (
    `${given}: hours to restore are summed over the month's incidents, and no incident is recorded; ` +
    `the hours ${options.dryRun ? "would be" : "are"} recorded as given and costed as outage${cost}, ` +
    `but with no incident they give no hours to restore each, and the forecast that learns leaves them out. ` +
    `If there was an outage, record its incidents (${incidents}); if there was none, record 0 hours to restore or leave them out`
  );
}

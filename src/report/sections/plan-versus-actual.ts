import { scenarioColour } from "../../charts/index.js";
import type { CaseResult } from "../../engine/index.js";
import type { CaseTracking, Forecast } from "../../shared/tracking-types.js";
import { planVersusActualSpec } from "../../charts/plan-versus-actual.js";
import type { ReportContext } from "../context.js";
import { escapeHtml } from "../escape.js";
import type { LearnedForecast, MoneyRange } from "../../engine/index.js";
import { formatCalendarMonth } from "../../format/dates.js";
import {
  formatChance,
  formatGain,
  formatHoursInTable,
  firstMonthsWriting,
  formatMoneyExact,
  formatMonth,
  formatNumber,
  plural,
  theMonths,
} from "../../format/numbers.js";
import {
  countedAsPlannedWords,
  labelWithRecordedShare,
  LEARNING_VERSUS_REFORECAST,
  monthsUsedWords,
  PLAN_AS_APPROVED,
  planOnSameSamples,
  planTwiceWords,
  netGainBasis,
  paybackRow,
  recordedShareWords,
  unrecordedMonths,
  unrecordedMonthsWords,
} from "../../format/words.js";
import { describeInput, learnedInputLabel } from "../../format/input-description.js";
import { learnedInputValue, observedFigureValue } from "../../format/input-value.js";
import { renderChartSvg } from "../render-svg.js";
import { chartFigure, figure, gainOrLoss, prose, userText } from "./parts.js";
import type { ReportSection } from "./section.js";

/** Plan versus actual, ready for the report: the figures and the chart already drawn. */
export interface PlanVersusActualReport {
  tracking: CaseTracking;
  chartSvg: string;
}

/**
 * Draws the chart of a case's plan versus actual, in the approved option's colour in the case's
 * other charts; the section itself only lays it out.
 * @example const planVersusActual = await preparePlanVersusActual(loadCaseTracking(text, "case.db")!, result)
 */
export async function preparePlanVersusActual(tracking: CaseTracking, result?: CaseResult): Promise<PlanVersusActualReport> {
  const scenario = tracking.plan.scenario;
  const colour = result?.comparisons[scenario] ? scenarioColour(result, scenario) : undefined;
  const spec = planVersusActualSpec(tracking.view, colour ? { colour } : {});
  return { tracking, chartSvg: await renderChartSvg(spec, "The gain so far: plan, what happened and the re-forecast") };
}

function monthName(month: { month: number; calendarMonth?: string }): string {
  if (!month.calendarMonth) return `month ${formatNumber(month.month)}`;
  return `month ${formatNumber(month.month)} (${formatCalendarMonth(month.calendarMonth, "long")})`;
}

/** "in month 10", "from the start", "not within the 36 months" ("the plan's one month": `theMonths`) */
function paybackWords(month: number | null, horizon: number): string {
  if (month === null) return `not within ${theMonths(horizon)}`;
  return month === 0 ? formatMonth(month) : `in ${formatMonth(month)}`;
}

/**
 * Whether it pays back, from what has happened so far: "it still pays back in month 10", "it now pays
 * back in month 12, where the plan said in month 10"; without a payback, "it still does not pay back
 * within the 24 months", "it now does not pay back within …, where the plan said in month 10" (not
 * "it still pays back not within"). A payback in a recorded month is behind us (the forecast's
 * `paidBack`): "It paid back in month 8, as planned", "It paid back in month 8, where the plan said in
 * month 10"; when months up to it have no record, it says the payback counts them as planned ("It
 * paid back in month 8, the month the plan said. Months 4–7 have no record: the payback counts them as planned.").
 */
function paybackNow(forecast: Forecast, horizon: number): string {
  const { now, planned } = forecast.paybackMonth;
  const pays = (month: number | null, shown = (words: string) => words) =>
    month === null ? `does not pay back ${shown(`within ${theMonths(horizon)}`)}` : `pays back ${shown(paybackWords(month, horizon))}`;
  // A payback in a recorded month happened: "It paid back in month 8", not "it still pays back in month 8".
  const paid = forecast.paidBack;
  if (paid) {
    const when = figure("payback-now", paybackWords(paid.month, horizon));
    // Months up to it with no record count as planned: the payback rests on them, and says so.
    const counted = countedAsPlannedWords(paid.countedAsPlanned);
    if (counted)
      return ` It paid back ${when}, ${paid.month === planned ? "the month the plan said" : `where the plan said ${paybackWords(planned, horizon)}`}. ${counted}`;
    return paid.month === planned ? ` It paid back ${when}, as planned.` : ` It paid back ${when}, where the plan said ${paybackWords(planned, horizon)}.`;
  }
  if (now === planned) return ` From what has happened so far, it still ${pays(now)}.`;
  return ` From what has happened so far, it now ${pays(now, (words) => figure("payback-now", words))}, where the plan said ${paybackWords(planned, horizon)}.`;
}

/** "Jan 2025" */
function shortCalendarMonth(calendarMonth: string): string {
  return formatCalendarMonth(calendarMonth, "short");
}

/**
 * Whether the plan was frozen from another case than the one reported: its approved option is not an
 * option here, or its title or horizon differ (an edited copy of this file keeps all three).
 */
export function planFromAnotherCase(context: ReportContext, report: PlanVersusActualReport): boolean {
  const plan = report.tracking.plan;
  return !context.result.comparisons[plan.scenario] || plan.result.title !== context.result.title || plan.horizonMonths !== context.result.horizonMonths;
}

/** The approved option by the plan's own label (the case reported may not have it). */
function planOption(report: PlanVersusActualReport): string {
  const plan = report.tracking.plan;
  const label = plan.result.scenarios[plan.scenario]?.label ?? plan.result.comparisons[plan.scenario]?.label ?? plan.scenario;
  return `“${userText(label)}”`;
}

/** Said loudly, first: the plan below is another case's, from its file, title and horizon. */
function anotherCaseWarning(context: ReportContext, report: PlanVersusActualReport): string {
  if (!planFromAnotherCase(context, report)) return "";
  const plan = report.tracking.plan;
  return `<p class="check" data-prose data-plan-from-another-case><strong>This plan comes from another case.</strong> It was frozen from ${escapeHtml(plan.fileName)}, “${userText(plan.result.title)}”, a plan of ${escapeHtml(plural(plan.horizonMonths, "month"))}, not from “${userText(context.result.title)}” (${escapeHtml(plural(context.result.horizonMonths, "month"))}) reported here. Every figure of this section is that plan's.</p>`;
}

function introduction(context: ReportContext, report: PlanVersusActualReport): string {
  const { plan, view, caseChanged } = report.tracking;
  const comparison = view.comparison;
  const frozen = new Date(plan.frozenAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const changed =
    caseChanged && !planFromAnotherCase(context, report)
      ? ` The case file has changed since then; this section compares with the plan as it was approved.`
      : "";
  // A store holds one plan per team: a team other than the default one is named, as track show names it.
  const whose = comparison.team === "default" ? "The plan" : `The plan of team “${userText(comparison.team)}”`;
  const last = comparison.lastRecordedMonth;
  if (last === null) {
    return prose(
      `${whose} approved on ${escapeHtml(frozen)} is ${planOption(report)}. Nothing has been recorded yet, so there is no comparison with what really happened.${changed}`,
    );
  }
  const lastMonth = comparison.months[last - 1]!;
  const { benefit, cashSpent } = comparison.soFar;
  const forecast = view.forecast;
  const payback = forecast ? paybackNow(forecast, comparison.horizonMonths) : "";
  // A gain or a loss against today, as a reader says it: never a negative gain ("-€36,700").
  const standing = (value: number, name?: string) => {
    const { loss, written } = gainOrLoss(value, context.money);
    return `${name ? figure(name, written) : escapeHtml(written)} ${loss ? "behind" : "ahead of"} today`;
  };
  // Judged on the two figures as the sentence gives them: "€36,700 behind, where the plan expected €36,700" reads as a mistake.
  const asPlanned = context.money(benefit.actual) === context.money(benefit.planned);
  const gainSentence = asPlanned
    ? `So far it is ${standing(benefit.actual, "gain-actual")}, as planned.`
    : `So far it is ${standing(benefit.actual, "gain-actual")}; the plan expected ${standing(benefit.planned)}.`;
  // Cash no recorded month measured is the plan's working, not what was spent: said so, not stated as fact.
  const spent =
    cashSpent.recordedMonths === 0
      ? `No cash spent was recorded: the ${figure("spent-actual", context.money(cashSpent.actual))} by then is worked out from the plan (${context.money(cashSpent.planned)} planned).`
      : `By then it had spent ${figure("spent-actual", context.money(cashSpent.actual))} in cash${cashSpent.recordedMonths < last ? ` (${escapeHtml(recordedShareWords(cashSpent.recordedMonths, last))})` : ""}, against ${context.money(cashSpent.planned)} planned.`;
  // Months before the last recorded one may have no record: their figures are the plan's, and the
  // sentence says so rather than "recorded what really happened up to" (as track show says it).
  const gaps = unrecordedMonths(comparison);
  const recorded =
    gaps.length === 0
      ? `The team recorded what really happened up to ${escapeHtml(monthName(lastMonth))}.`
      : `The team recorded what really happened in ${comparison.recordedMonths} of the ${last} months up to ${escapeHtml(monthName(lastMonth))}; ${escapeHtml(unrecordedMonthsWords(gaps))}.`;
  return prose(`${whose} approved on ${escapeHtml(frozen)} is ${planOption(report)}. ${recorded} ${spent} ${gainSentence}${payback}${changed}`);
}

function summaryTable(context: ReportContext, report: PlanVersusActualReport): string {
  const { comparison, forecast } = report.tracking.view;
  const last = comparison.lastRecordedMonth;
  const horizon = comparison.horizonMonths;
  const money = (value: number) => `<td class="number${value < -0.5 ? " negative" : ""}">${escapeHtml(context.money(value))}</td>`;
  // A gain above zero under one unit reads "less than €1" (formatGain), as track plan and the options table say, not "€0".
  const gain = (value: number) =>
    `<td class="number${value < -0.5 ? " negative" : ""}">${escapeHtml(formatGain(value, context.result.currency, context.money))}</td>`;
  const rows: string[] = [];
  let paybackNote = "";
  if (last !== null) {
    const soFar = comparison.soFar;
    // A figure no recorded month measured is the plan's working: its label says so.
    const recorded = (label: string, figure: { recordedMonths: number }) => escapeHtml(labelWithRecordedShare(label, figure.recordedMonths, last));
    rows.push(
      `<tr><td>${recorded(`Cash spent up to month ${formatNumber(last)}`, soFar.cashSpent)}</td>${money(soFar.cashSpent.planned)}${money(soFar.cashSpent.actual)}</tr>`,
    );
    rows.push(
      `<tr><td>${recorded(`Team time on the change up to month ${formatNumber(last)}`, soFar.changeHours)}</td><td class="number">${formatHoursInTable(soFar.changeHours.planned)}</td><td class="number">${formatHoursInTable(soFar.changeHours.actual)}</td></tr>`,
    );
    rows.push(`<tr><td>Gain against today up to month ${formatNumber(last)}</td>${money(soFar.benefit.planned)}${money(soFar.benefit.actual)}</tr>`);
  }
  if (forecast) {
    const when = (month: number | null) => (month === null ? "not within the plan" : formatMonth(month));
    // A payback in a recorded month happened: "paid back in month 8" (as track show says it), not "Pays back … month 8".
    const payback = paybackRow(forecast, when);
    // A payback that counts months with no record as planned: its mark's note, under the table.
    paybackNote = payback.note;
    rows.push(`<tr><td>${payback.label}</td><td class="number">${when(forecast.paybackMonth.planned)}</td><td class="number">${payback.now}</td></tr>`);
    // The plan's own rate: at 0% nothing is discounted, and "today's money" would say it was.
    rows.push(
      `<tr><td>Gain over the whole plan${netGainBasis(report.tracking.plan.result.discountRate, ", ")}</td>${gain(forecast.npv.planned)}${gain(forecast.npv.now)}</tr>`,
    );
  }
  const nowHead = last === null ? "Now" : last < horizon ? "What happened, then re-forecast" : "What happened";
  return `<table class="plan-actual">
  <thead><tr><th></th><th class="number">Plan</th><th class="number">${nowHead}</th></tr></thead>
  <tbody>${rows.join("")}</tbody>
</table>${paybackNote ? `\n<p class="key">${escapeHtml(paybackNote)}</p>` : ""}`;
}

function monthTable(context: ReportContext, report: PlanVersusActualReport): string {
  const comparison = report.tracking.view.comparison;
  const last = comparison.lastRecordedMonth;
  if (last === null) return "";
  // To the unit, not to three figures: a reader checks that each month added to the last "so far" gives the next.
  const money = (value: number, written = formatMoneyExact(value, context.result.currency)) =>
    `<td class="number${value < -0.5 ? " negative" : ""}">${escapeHtml(written)}</td>`;
  const upFront = comparison.upFrontCash.planned !== 0 || comparison.timeZero.planned !== 0;
  // Month 1's gain so far is the start's plus month 1's: as written too, to the cent when to the unit it would not be (as track show writes it).
  const month1 = comparison.months[0]!;
  const first = upFront
    ? firstMonthsWriting(
        [
          [comparison.timeZero.planned, month1.planned.benefit],
          [comparison.timeZero.actual, month1.actual!.benefit],
        ],
        context.result.currency,
        // As this table names them: its "Start" row, its "Gain this month" and "Gain so far" columns.
        { upFront: "The Start row's gain", month1: "month 1's gain this month", cumulative: "month 1's gain so far" },
      )
    : undefined;
  const [plannedFirst, actualFirst] = first?.columns ?? [];
  const rows = comparison.months.slice(0, last).map((month) => {
    const actual = month.actual!;
    const label = month.calendarMonth
      ? `${formatNumber(month.month)} <span class="key">${escapeHtml(shortCalendarMonth(month.calendarMonth))}</span>`
      : formatNumber(month.month);
    const mark = month.recorded ? "" : " *";
    const written = month.month === 1 ? first : undefined;
    // A row written to the cent is so in each of its money cells: not "€3,600" of cash beside "-€3,600.40".
    const cash = (value: number) => (written ? money(value, written.cash(value)) : money(value));
    const [plannedWritten, actualWritten] = written ? [plannedFirst, actualFirst] : [];
    return `<tr><td class="nowrap">${label}${mark}</td>${cash(month.planned.cashSpent)}${cash(actual.cashSpent)}<td class="number">${formatNumber(month.planned.liveProjects)}</td><td class="number">${formatNumber(actual.liveProjects)}</td>${money(month.planned.benefit, plannedWritten?.month1)}${money(actual.benefit, actualWritten?.month1)}${money(month.planned.cumulativeBenefit, plannedWritten?.cumulative)}${money(actual.cumulativeBenefit, actualWritten?.cumulative)}</tr>`;
  });
  if (first) {
    const cash = (value: number) => money(value, first.cash(value));
    rows.unshift(
      `<tr><td>Start</td>${cash(comparison.upFrontCash.planned)}${cash(comparison.upFrontCash.actual)}<td></td><td></td>${money(comparison.timeZero.planned, plannedFirst?.upFront)}${money(comparison.timeZero.actual, actualFirst?.upFront)}${money(comparison.timeZero.planned, plannedFirst?.upFront)}${money(comparison.timeZero.actual, actualFirst?.upFront)}</tr>`,
    );
  }
  const gaps = comparison.months.slice(0, last).some((month) => !month.recorded);
  return `<h3>Month by month, so far</h3>
<table class="months">
  <thead>
    <tr><th rowspan="2">Month</th><th colspan="2" class="group">Cash spent</th><th colspan="2" class="group">Live projects</th><th colspan="2" class="group">Gain this month</th><th colspan="2" class="group">Gain so far</th></tr>
    <tr><th class="number">Plan</th><th class="number">Actual</th><th class="number">Plan</th><th class="number">Actual</th><th class="number">Plan</th><th class="number">Actual</th><th class="number">Plan</th><th class="number">Actual</th></tr>
  </thead>
  <tbody>${rows.join("")}</tbody>
</table>
<p class="key">Gain is against today, after all costs. Cash spent is what the change and its tools cost in the month.${upFront ? " Start is the cash the plan pays before month 1; what was really paid then is counted in month 1." : ""}${first?.note ? ` ${escapeHtml(first.note)}` : ""}${gaps ? " * Nothing was recorded for this month, so it counts as planned." : ""}</p>`;
}

/**
 * What the recorded months say about the plan's ranges (the JSON's `learning`): the chance of paying
 * back and the gain's range then and now, the inputs that moved, and how well the ranges held.
 */
function learningPart(context: ReportContext, report: PlanVersusActualReport): string {
  const learning: LearnedForecast | undefined = report.tracking.view.learning;
  const comparison = report.tracking.view.comparison;
  if (!learning?.money || learning.monthsUsed === 0) return "";
  const { planned, now, approved } = learning.money;
  const gain = (value: number) => formatGain(value, context.result.currency, context.money);
  const months = monthsUsedWords(learning.monthsUsed, comparison.recordedMonths);
  // "Then" is the plan as approved (its own run, as its report gives it); beside it the plan on the update's own samples, like for like with now.
  const then = approved ?? planned;
  const cells = (write: (range: MoneyRange) => string) =>
    `<td class="number">${write(then)}</td>${approved ? `<td class="number">${write(planned)}</td>` : ""}`;
  const rows = [
    `<tr><td>Chance it pays back within the plan's ${escapeHtml(plural(comparison.horizonMonths, "month"))}</td>${cells((range) => (range === then ? figure("learning-chance-planned", formatChance(range.probabilityPaysBack)) : escapeHtml(formatChance(range.probabilityPaysBack))))}<td class="number">${figure("learning-chance-now", formatChance(now.probabilityPaysBack))}</td></tr>`,
    `<tr><td>Gain over the whole plan${netGainBasis(report.tracking.plan.result.discountRate, ", ")}: likely between</td>${cells((range) => `${escapeHtml(gain(range.npv.p5))} and ${escapeHtml(gain(range.npv.p95))}`)}<td class="number">${figure("learning-gain-low-now", gain(now.npv.p5))} and ${figure("learning-gain-high-now", gain(now.npv.p95))}</td></tr>`,
    `<tr><td>Gain over the whole plan, middle estimate</td>${cells((range) => escapeHtml(gain(range.npv.p50)))}<td class="number">${escapeHtml(gain(now.npv.p50))}</td></tr>`,
  ];
  const moved = learning.inputs.map((input) => {
    const { unit } = describeInput(input.input);
    // By the plan's own option labels, as the rest of this section names them.
    const label = learnedInputLabel(input, (name) => (name === comparison.scenario ? comparison.scenarioLabel : comparison.baselineLabel));
    const value = (number: number) => escapeHtml(learnedInputValue(number, unit, comparison.currency));
    return `<tr><td>${escapeHtml(label)}</td><td class="number">${value(input.planned.p5)} to ${value(input.planned.p95)}</td><td class="number">${value(input.now.p5)} to ${value(input.now.p95)}</td></tr>`;
  });
  const checks = learning.observed.map(
    (check) =>
      `<tr><td>${escapeHtml(check.label)}</td><td class="number">${escapeHtml(observedFigureValue(check.observed, check.figure))}</td><td class="number">${escapeHtml(observedFigureValue(check.planned.p5, check.figure))} to ${escapeHtml(observedFigureValue(check.planned.p95, check.figure))}</td><td>${check.inside ? "inside" : "outside"}</td></tr>`,
  );
  const calibration = learning.calibration;
  const verdict =
    calibration.verdict === "too narrow"
      ? `The ranges were too narrow: the next case should widen them about ${formatNumber(calibration.widenBy ?? 1, 1)} times around their middle.`
      : calibration.verdict === "too wide"
        ? "The ranges were wider than they needed to be: the next case can narrow them."
        : calibration.verdict === "about right"
          ? "The ranges were about right."
          : "That is too few to judge the ranges yet: a well-judged range misses one time in ten.";
  return `<h3>What the months so far say about the ranges</h3>
${prose(
  `The plan gave some of its numbers as ranges. Weighing each of its ${escapeHtml(formatNumber(learning.samples))} possible outcomes by how well it explains the ${escapeHtml(months)}, and working out the rest of the plan again from where things stand, the chance it pays back within the plan is now ${figure("learning-chance-now-prose", formatChance(now.probabilityPaysBack))}; the plan said ${escapeHtml(formatChance(then.probabilityPaysBack))}. ${LEARNING_VERSUS_REFORECAST}`,
)}
<table class="plan-actual">
  <thead><tr><th></th>${
    approved
      ? `<th class="number">${escapeHtml(PLAN_AS_APPROVED)}</th><th class="number">${escapeHtml(planOnSameSamples(learning.samples))}</th>`
      : `<th class="number">Then: the plan</th>`
  }<th class="number">Now</th></tr></thead>
  <tbody>${rows.join("")}</tbody>
</table>
${approved ? `<p class="key">${escapeHtml(planTwiceWords(approved.samples, learning.samples))}</p>` : ""}
${
  moved.length > 0
    ? `<table class="plan-actual" data-learning-inputs>
  <thead><tr><th>Numbers the months have measured, most moved first</th><th class="number">The plan's range</th><th class="number">Now</th></tr></thead>
  <tbody>${moved.join("")}</tbody>
</table>`
    : ""
}
${prose(
  `How well did the plan's ranges hold? ${figure("calibration-inside", `${formatNumber(calibration.inside)} of ${formatNumber(calibration.checked)}`)} measured ${calibration.checked === 1 ? "figure fell" : "figures fell"} inside the range the plan gave as 90% likely. ${verdict}`,
)}
<table class="plan-actual" data-calibration>
  <thead><tr><th>Measured</th><th class="number">Recorded</th><th class="number">The plan's 90% range</th><th></th></tr></thead>
  <tbody>${checks.join("")}</tbody>
</table>
${learning.warning ? `<p class="key">The months recorded lie outside most of what the plan thought possible, so today's ranges rest on the months more than on the plan.</p>` : ""}`;
}

/** Plan versus actual: shown only when the case has a store with a plan. */
export const planVersusActualSection: ReportSection = {
  id: "plan-versus-actual",
  part: "main",
  render(context) {
    const report = context.planVersusActual;
    if (!report) return "";
    const { comparison } = report.tracking.view;
    const recorded = comparison.lastRecordedMonth !== null;
    // With every month recorded there is nothing to re-forecast: no dotted line to speak of.
    const reForecast = report.tracking.view.forecast !== null && (comparison.lastRecordedMonth ?? 0) < comparison.horizonMonths;
    return `<section id="plan-versus-actual" class="block">
<h2>Plan and reality so far</h2>
${anotherCaseWarning(context, report)}
${introduction(context, report)}
${summaryTable(context, report)}
${
  recorded
    ? chartFigure(
        report.chartSvg,
        prose(
          `The grey dashed line is the gain the plan expected. ${
            reForecast
              ? "The solid line is what really happened, and the dotted line goes on from there with the plan's assumptions."
              : "The solid line is what really happened, every month of the plan."
          } The upright lines mark the month it pays back, as planned and as it looks now. Months nobody recorded count as planned.`,
        ),
      )
    : ""
}
${learningPart(context, report)}
${monthTable(context, report)}
</section>`;
  },
};

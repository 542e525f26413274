import {
  benefitCategories,
  cashSpent,
  changeHours,
  moneyByCategory,
  monthlyBenefit,
  plannedMeasures,
  recordedTimeZero,
  recordsCash,
  recordsChangeHours,
  valueRecordedMonth,
  agreeingRecord,
  type BenefitCategory,
  type MonthRow,
} from "../engine/index.js";
import { actualFields, type ActualMonth, type ActualValues } from "../shared/actual-fields.js";
import { calendarMonthOf } from "./calendar.js";
import type { FrozenPlan } from "./plan.js";
import type { MonthFigures, UpwardMeasures, ComparedMonth, PlanComparison } from "../shared/tracking-types.js";

/** Defined with the other plan-versus-actual types, which the views read without the store. */
export type { MonthFigures, UpwardMeasures, ComparedMonth, PlanComparison };

function figures(row: MonthRow, baseline: MonthRow, cumulative: number): MonthFigures {
  return {
    liveProjects: row.liveProjects,
    releases: row.releases,
    availableHours: row.availableHours,
    manualHours: row.manualHours,
    waitingHours: row.waitingHours,
    meetingHours: row.meetingHours,
    breakageFixHours: row.breakageFixHours,
    upkeepHours: row.upkeepHours,
    buildHours: row.buildHours,
    changeHours: changeHours(row),
    shortfallHours: row.shortfallHours,
    cashSpent: cashSpent(row),
    net: row.net,
    benefit: monthlyBenefit(row, baseline),
    cumulativeBenefit: cumulative,
  };
}

function actualMeasures(values: ActualValues): UpwardMeasures {
  const measures: UpwardMeasures = {};
  if (values.activeUsersPerWeek !== undefined) measures.activeUsersPerWeek = values.activeUsersPerWeek;
  if (values.satisfactionScore !== undefined) measures.satisfactionScore = values.satisfactionScore;
  if (values.deployments !== undefined) measures.deployments = values.deployments;
  if (values.incidents !== undefined) measures.incidents = values.incidents;
  if (values.hoursToRestore !== undefined && values.incidents !== undefined && values.incidents > 0) {
    measures.meanHoursToRestore = values.hoursToRestore / values.incidents;
  }
  if (values.daysFromIdeaToLive !== undefined) measures.daysFromIdeaToLive = values.daysFromIdeaToLive;
  if (values.peopleJoined !== undefined) measures.peopleJoined = values.peopleJoined;
  if (values.peopleLeft !== undefined) measures.peopleLeft = values.peopleLeft;
  return measures;
}

function zeroCategories(): Record<BenefitCategory, number> {
  return Object.fromEntries(benefitCategories.map((category) => [category, 0])) as Record<BenefitCategory, number>;
}

/**
 * Compares the recorded months with the frozen plan, month by month, valuing both with the same
 * money rules and against the same baseline month. Pure: the web app and the report reuse it.
 * Cash paid before month 1 counts in month 1 once month 1's external spend is recorded; until
 * then the plan's up-front payment is assumed.
 * @example comparePlanWithActuals(plan, [{ team: "default", month: 1, values: { upkeepHours: 0 } }]).soFar.benefit.actual
 */
export function comparePlanWithActuals(plan: FrozenPlan, actuals: readonly ActualMonth[]): PlanComparison {
  const result = plan.result;
  const scenario = result.scenarios[plan.scenario]!;
  const baseline = result.scenarios[plan.baseline]!;
  const comparison = result.comparisons[plan.scenario]!;
  const rules = plan.rules;
  const byMonth = new Map(actuals.filter((actual) => actual.team === plan.team).map((actual) => [actual.month, actual]));
  const recordedMonths = [...byMonth.keys()].filter((month) => month >= 1 && month <= plan.horizonMonths);
  const lastRecordedMonth = recordedMonths.length > 0 ? Math.max(...recordedMonths) : null;

  const firstMonthExternalRecorded = byMonth.get(1)?.values.externalSpend !== undefined;
  const recorded = recordedTimeZero(result, plan.scenario, plan.baseline, firstMonthExternalRecorded);
  const actualTimeZero = recorded.timeZero;
  const plannedInitialCash = scenario.summary.initialInvestment;
  const actualInitialCash = recorded.upFrontCash;

  const plannedByCategory = zeroCategories();
  const actualByCategory = zeroCategories();
  plannedByCategory.change = comparison.timeZeroNet;
  actualByCategory.change = actualTimeZero;
  let plannedCumulative = comparison.timeZeroNet;
  let actualCumulative = actualTimeZero;
  let plannedCash = plannedInitialCash;
  let actualCash = actualInitialCash;
  let plannedChange = 0;
  let actualChange = 0;
  // Recorded months that put their cash, and their hours on the change, on record.
  let cashRecorded = 0;
  let changeRecorded = 0;
  const actualMonthlyBenefit: number[] = [];
  const actualRows: MonthRow[] = [];
  const months: ComparedMonth[] = [];

  // The live projects of the month before, as the record stands: a month that records only one of
  // live projects and releases has the other follow it (`agreeingRecord`).
  let liveBefore: number | undefined;
  for (let at = 0; at < plan.horizonMonths; at++) {
    const month = at + 1;
    const plannedRow = scenario.months[at]!;
    const baselineRow = baseline.months[at]!;
    const record = byMonth.get(month);
    plannedCumulative += monthlyBenefit(plannedRow, baselineRow);
    const plannedFigures = figures(plannedRow, baselineRow, plannedCumulative);
    let actualFigures: MonthFigures | null = null;
    if (lastRecordedMonth !== null && month <= lastRecordedMonth) {
      const row = valueRecordedMonth(plannedRow, agreeingRecord(record?.values ?? {}, plannedRow, liveBefore), rules);
      liveBefore = row.liveProjects;
      const benefit = monthlyBenefit(row, baselineRow);
      actualCumulative += benefit;
      actualFigures = figures(row, baselineRow, actualCumulative);
      actualMonthlyBenefit.push(benefit);
      actualRows.push(row);
      plannedCash += cashSpent(plannedRow);
      actualCash += cashSpent(row);
      plannedChange += changeHours(plannedRow);
      actualChange += changeHours(row);
      if (record && recordsCash(record.values)) cashRecorded++;
      if (record && recordsChangeHours(record.values)) changeRecorded++;
      const baseMoney = moneyByCategory(baselineRow, rules.baselineHourlyCost, rules.baselineCaptureShare);
      const plannedMoney = moneyByCategory(plannedRow, rules.hourlyCost, rules.captureShare);
      const actualMoney = moneyByCategory(row, rules.hourlyCost, rules.captureShare);
      for (const category of benefitCategories) {
        plannedByCategory[category] += plannedMoney[category] - baseMoney[category];
        actualByCategory[category] += actualMoney[category] - baseMoney[category];
      }
    }
    const recordedFields = record ? actualFields.filter((field) => record.values[field] !== undefined) : [];
    months.push({
      month,
      ...(plan.startMonth ? { calendarMonth: calendarMonthOf(plan.startMonth, month) } : {}),
      recorded: record !== undefined,
      recordedFields,
      ...(record?.note ? { note: record.note } : {}),
      planned: plannedFigures,
      actual: actualFigures,
      measures: {
        planned: plannedMeasures(plannedRow, rules),
        actual: record ? actualMeasures(record.values) : {},
      },
    });
  }

  const throughMonth = lastRecordedMonth ?? 0;
  const plannedSoFar = throughMonth > 0 ? months[throughMonth - 1]!.planned.cumulativeBenefit : comparison.timeZeroNet;
  return {
    team: plan.team,
    scenario: plan.scenario,
    scenarioLabel: scenario.label,
    baseline: plan.baseline,
    baselineLabel: baseline.label,
    currency: plan.currency,
    horizonMonths: plan.horizonMonths,
    ...(plan.startMonth ? { startMonth: plan.startMonth } : {}),
    frozenAt: plan.frozenAt,
    sha256: plan.sha256,
    months,
    lastRecordedMonth,
    recordedMonths: recordedMonths.length,
    timeZero: { planned: comparison.timeZeroNet, actual: actualTimeZero },
    upFrontCash: { planned: plannedInitialCash, actual: actualInitialCash },
    soFar: {
      throughMonth,
      cashSpent: { planned: plannedCash, actual: actualCash, recordedMonths: cashRecorded },
      changeHours: { planned: plannedChange, actual: actualChange, recordedMonths: changeRecorded },
      benefit: { planned: plannedSoFar, actual: actualCumulative },
      benefitByCategory: { planned: plannedByCategory, actual: actualByCategory },
    },
    actualMonthlyBenefit,
    actualRows,
  };
}

import {
  discountFactors,
  monthlyBenefit,
  paidBackOn,
  paybackMonth,
  resumeFrom,
  resumeMethod,
  upFrontAdjustedNpv,
  upFrontPaidInMonth1,
  validateScenarioText,
  type MonthRow,
} from "../engine/index.js";
import { calendarMonthOf } from "./calendar.js";
import type { PlanComparison } from "./compare.js";
import type { FrozenPlan } from "./plan.js";
import type { ForecastMonth, Forecast } from "../shared/tracking-types.js";

/** Defined with the other plan-versus-actual types, which the views read without the store. */
export type { ForecastMonth, Forecast };

/** How the forecast is made, for docs/commands.md and `track forecast --help`: the engine's way of resuming a plan from a month. */
export const forecastMethod = resumeMethod;

/** The approved scenario's months after `lastMonth`, simulated again by the engine from the actual state so far. */
function simulateRemaining(plan: FrozenPlan, comparison: PlanComparison, lastMonth: number): MonthRow[] | { message: string } {
  const validation = validateScenarioText(plan.scenarioText);
  if (!validation.file) return { message: `the frozen scenario file cannot be read any more: ${validation.issues.map((issue) => issue.message).join("; ")}` };
  const lastRow = comparison.actualRows[lastMonth - 1]!;
  const releasedSoFar = comparison.actualRows.reduce((total, row) => total + row.releases, 0);
  const builtSoFar = comparison.actualRows.reduce((total, row) => total + row.buildHours, 0);
  const from = { scenario: plan.scenario, baseline: plan.baseline, afterMonth: lastMonth, liveProjects: lastRow.liveProjects, releasedSoFar, builtSoFar };
  return resumeFrom(validation.file, from, plan.result.scenarios[plan.scenario]!.months);
}

/**
 * Re-forecasts the rest of the horizon from the actuals so far (see `forecastMethod`) and gives
 * the updated payback month and NPV next to the planned ones. Pure.
 * @example forecastFromActuals(plan, comparePlanWithActuals(plan, actuals)).paybackMonth.now
 */
export function forecastFromActuals(plan: FrozenPlan, comparison: PlanComparison): Forecast | { message: string } {
  const result = plan.result;
  const planned = result.comparisons[plan.scenario]!;
  const plannedRows = result.scenarios[plan.scenario]!.months;
  const baselineRows = result.scenarios[plan.baseline]!.months;
  const lastMonth = comparison.lastRecordedMonth ?? 0;
  const horizon = plan.horizonMonths;

  let forecastRows: MonthRow[] = [];
  if (lastMonth === 0) forecastRows = plannedRows;
  else if (lastMonth < horizon) {
    const simulated = simulateRemaining(plan, comparison, lastMonth);
    if ("message" in simulated) return simulated;
    forecastRows = simulated;
  }

  const timeZero = lastMonth === 0 ? planned.timeZeroNet : comparison.timeZero.actual;
  const benefits: number[] = [];
  const cumulative: number[] = [];
  const months: ForecastMonth[] = [];
  let running = timeZero;
  for (let at = 0; at < horizon; at++) {
    const month = at + 1;
    const actual = month <= lastMonth;
    const row = actual ? comparison.actualRows[at]! : forecastRows[at - lastMonth]!;
    const benefit = monthlyBenefit(row, baselineRows[at]!);
    running += benefit;
    benefits.push(benefit);
    cumulative.push(running);
    months.push({
      month,
      ...(plan.startMonth ? { calendarMonth: calendarMonthOf(plan.startMonth, month) } : {}),
      source: actual ? "actual" : "forecast",
      recorded: comparison.months[at]?.recorded === true,
      liveProjects: row.liveProjects,
      plannedLiveProjects: plannedRows[at]!.liveProjects,
      benefit,
      plannedBenefit: planned.monthlyNetBenefit[at]!,
      cumulativeBenefit: running,
      plannedCumulativeBenefit: planned.cumulativeNet[at]!,
    });
  }
  // Up-front cash recorded in month 1 is discounted at time 0, where the plan has it (`upFrontPaidInMonth1`).
  const month1 = comparison.months[0];
  const upFront = month1?.recordedFields.includes("externalSpend")
    ? upFrontPaidInMonth1(comparison.actualRows[0]!.externalSpend, plannedRows[0]!.externalSpend, result.scenarios[plan.scenario]!.summary.initialInvestment)
    : 0;
  const paybackNow = paybackMonth(timeZero, cumulative);
  // A payback behind us rests on the months up to it that have no record, counted as planned.
  const paidBack = paidBackOn(paybackNow, comparison.lastRecordedMonth, comparison.months);
  return {
    fromMonth: lastMonth + 1,
    months,
    timeZero: { planned: planned.timeZeroNet, now: timeZero },
    paybackMonth: { planned: planned.paybackMonth, now: paybackNow },
    ...(paidBack ? { paidBack } : {}),
    // The plan's own discounting convention (a plan frozen before conventions existed discounted monthly).
    npv: {
      planned: planned.npv,
      now: upFrontAdjustedNpv(timeZero, benefits, upFront, discountFactors(plan.rules.discountRate, plan.result.discounting ?? "monthly", benefits.length)),
    },
    totalBenefit: { planned: planned.totalNetBenefit, now: running },
    liveProjectsAtEnd: { planned: plannedRows[horizon - 1]?.liveProjects ?? 0, now: months[horizon - 1]?.liveProjects ?? 0 },
  };
}

import {
  buildResult,
  compileCase,
  fillParameters,
  netPresentValue,
  paybackMonth,
  validateScenarioText,
  type CaseFile,
  type MonthRow,
} from "../engine/index.js";
import { P, PARAMETER_COUNT } from "../engine/model/parameters.js";
import type { ScenarioEntry } from "../engine/scenario/schema.js";
import { calendarMonthOf } from "./calendar.js";
import type { PlanComparison } from "./compare.js";
import type { FrozenPlan } from "./plan.js";

export interface ForecastMonth {
  month: number;
  calendarMonth?: string;
  /** "actual" up to the last recorded month, then "forecast". */
  source: "actual" | "forecast";
  liveProjects: number;
  plannedLiveProjects: number;
  benefit: number;
  plannedBenefit: number;
  cumulativeBenefit: number;
  plannedCumulativeBenefit: number;
}

export interface Forecast {
  /** First forecast month; horizon + 1 when every month is recorded. */
  fromMonth: number;
  months: ForecastMonth[];
  paybackMonth: { planned: number | null; now: number | null };
  npv: { planned: number; now: number };
  totalBenefit: { planned: number; now: number };
  liveProjectsAtEnd: { planned: number; now: number };
}

/** How the forecast is made, for docs/commands.md and `track forecast --help`. */
export const forecastMethod =
  "Months up to the last recorded month are the actuals. The rest of the horizon is the approved scenario simulated again from the actual state: " +
  "the live projects at the last recorded month, the release months still ahead, and only the part of the change (setup, learning, adoption dip, " +
  "up-front cash) that was planned after that month. The baseline stays as planned: it is what would have happened without the change.";

function parametersOf(file: CaseFile, scenario: string): { parameters: Float64Array; releaseMonths: Int32Array } | { message: string } {
  const { compiled, issues } = compileCase(file);
  if (!compiled) return { message: `the frozen scenario file no longer compiles: ${issues.map((issue) => issue.message).join("; ")}` };
  const entry = compiled.scenarios.find((candidate) => candidate.name === scenario);
  if (!entry) return { message: `the frozen scenario file has no scenario "${scenario}"` };
  const parameters = new Float64Array(PARAMETER_COUNT);
  fillParameters(entry, compiled.leafValues, parameters);
  return { parameters, releaseMonths: entry.releaseMonths };
}

/**
 * The approved scenario rewritten to start after `lastMonth`, from `liveProjects` live projects,
 * as a one-scenario case over the remaining months.
 */
function remainingCase(
  file: CaseFile,
  scenario: string,
  baseline: string,
  lastMonth: number,
  liveProjects: number,
  releasedSoFar: number,
): CaseFile | { message: string } {
  const resolved = parametersOf(file, scenario);
  if ("message" in resolved) return resolved;
  const p = resolved.parameters;
  const original: ScenarioEntry = file.scenarios[scenario] ?? {};
  const start = p[P.startMonth]!;
  const setupMonths = Math.max(1, Math.round(p[P.setupMonths]!));
  const setupEnd = start + setupMonths - 1;
  const change: Record<string, unknown> = { ...original.change };
  if (start > lastMonth) {
    change.startMonth = start - lastMonth;
  } else {
    // Only the setup months still ahead remain. The up-front cash now falls at the forecast's
    // time 0, which is ignored: it was paid in a recorded month.
    const remaining = Math.max(0, setupEnd - lastMonth);
    const share = remaining / setupMonths;
    change.startMonth = 1;
    change.setupMonths = Math.max(1, remaining);
    change.setupHours = p[P.setupHours]! * share;
    change.learningWeeksPerPerson = p[P.learningWeeksPerPerson]! * share;
    if (remaining === 0) change.adoptionDipMonths = Math.max(0, setupEnd + Math.round(p[P.adoptionDipMonths]!) - lastMonth);
  }
  const releases: Record<string, unknown> = { ...original.releases };
  releases.months = Array.from(resolved.releaseMonths)
    .filter((month) => month > lastMonth)
    .map((month) => month - lastMonth);
  const backlog = p[P.backlog]!;
  if (Number.isFinite(backlog)) releases.backlog = Math.max(0, Math.round(backlog - releasedSoFar));
  // The setup hours written above already include the capabilities' own: zero them in this case's
  // catalogue so they are not added a second time (their up-front cash was paid in a recorded month).
  let catalogue = file.catalogue;
  if (start <= lastMonth && original.capabilities?.length) {
    catalogue = { ...file.catalogue };
    for (const name of original.capabilities) catalogue[name] = { ...catalogue[name], setupHours: 0, upfrontCost: 0 };
  }
  const entry = {
    ...original,
    change,
    releases,
    projects: { ...original.projects, alreadyLive: Math.max(0, Math.round(liveProjects)) },
  } as ScenarioEntry;
  // The baseline comes along: until the change is in place the scenario works the baseline's way.
  const shortened = { ...file, horizonMonths: file.horizonMonths - lastMonth, ...(catalogue ? { catalogue } : {}) };
  if (baseline === scenario) return { ...shortened, baseline: scenario, scenarios: { [scenario]: entry } };
  const baselineResolved = parametersOf(file, baseline);
  if ("message" in baselineResolved) return baselineResolved;
  const baselineEntry = {
    ...(file.scenarios[baseline] ?? {}),
    releases: {
      ...file.scenarios[baseline]?.releases,
      months: Array.from(baselineResolved.releaseMonths)
        .filter((month) => month > lastMonth)
        .map((month) => month - lastMonth),
    },
  } as ScenarioEntry;
  return { ...shortened, baseline, scenarios: { [baseline]: baselineEntry, [scenario]: entry } };
}

function simulateRemaining(plan: FrozenPlan, comparison: PlanComparison, lastMonth: number): MonthRow[] | { message: string } {
  const validation = validateScenarioText(plan.scenarioText);
  if (!validation.file) return { message: `the frozen scenario file cannot be read any more: ${validation.issues.map((issue) => issue.message).join("; ")}` };
  const lastRow = comparison.actualRows[lastMonth - 1]!;
  const releasedSoFar = comparison.actualRows.reduce((total, row) => total + row.releases, 0);
  const file = remainingCase(validation.file, plan.scenario, plan.baseline, lastMonth, lastRow.liveProjects, releasedSoFar);
  if ("message" in file) return file;
  const { compiled, issues } = compileCase(file);
  if (!compiled) return { message: `the re-forecast case does not compile: ${issues.map((issue) => issue.message).join("; ")}` };
  const rows = buildResult(compiled).scenarios[plan.scenario]!.months;
  const planned = plan.result.scenarios[plan.scenario]!.months;
  // A yearly licence falls due in months 1, 13, 25... of the case, not of the forecast: use the plan's.
  return rows.map((row, index) => {
    const licences = planned[lastMonth + index]!.licences;
    return { ...row, month: lastMonth + index + 1, licences, net: row.net + row.licences - licences };
  });
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
    const benefit = row.net - baselineRows[at]!.net;
    running += benefit;
    benefits.push(benefit);
    cumulative.push(running);
    months.push({
      month,
      ...(plan.startMonth ? { calendarMonth: calendarMonthOf(plan.startMonth, month) } : {}),
      source: actual ? "actual" : "forecast",
      liveProjects: row.liveProjects,
      plannedLiveProjects: plannedRows[at]!.liveProjects,
      benefit,
      plannedBenefit: planned.monthlyNetBenefit[at]!,
      cumulativeBenefit: running,
      plannedCumulativeBenefit: planned.cumulativeNet[at]!,
    });
  }
  return {
    fromMonth: lastMonth + 1,
    months,
    paybackMonth: { planned: planned.paybackMonth, now: paybackMonth(timeZero, cumulative) },
    // The plan's own discounting convention (a plan frozen before conventions existed discounted monthly).
    npv: { planned: planned.npv, now: netPresentValue(timeZero, benefits, plan.rules.discountRate, 0, benefits.length, plan.result.discounting ?? "monthly") },
    totalBenefit: { planned: planned.totalNetBenefit, now: running },
    liveProjectsAtEnd: { planned: plannedRows[horizon - 1]?.liveProjects ?? 0, now: months[horizon - 1]?.liveProjects ?? 0 },
  };
}

import type { ActualMonth } from "./actual-fields.js";
import { comparePlanWithActuals, type PlanComparison } from "./compare.js";
import { forecastFromActuals, type Forecast } from "./forecast.js";
import type { FrozenPlan } from "./plan.js";

/** Everything a view shows about plan versus actual: the months so far and the re-forecast. */
export interface PlanVersusActual {
  comparison: PlanComparison;
  forecast: Forecast | null;
  /** Why there is no forecast, when there is none. */
  forecastProblem?: string;
}

/**
 * Compares the actuals with the plan and re-forecasts the rest of the horizon. Pure: the report,
 * the web app and `track show` all call this one function.
 * @example planVersusActual(plan, actuals).forecast?.paybackMonth.now
 */
export function planVersusActual(plan: FrozenPlan, actuals: readonly ActualMonth[]): PlanVersusActual {
  const comparison = comparePlanWithActuals(plan, actuals);
  const forecast = forecastFromActuals(plan, comparison);
  if ("message" in forecast) return { comparison, forecast: null, forecastProblem: forecast.message };
  return { comparison, forecast };
}

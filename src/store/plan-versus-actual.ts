import type { ActualMonth } from "../shared/actual-fields.js";
import { comparePlanWithActuals } from "./compare.js";
import { forecastFromActuals } from "./forecast.js";
import { learnedForecast } from "./learn.js";
import type { FrozenPlan } from "./plan.js";
import type { PlanVersusActual } from "../shared/tracking-types.js";

/** Defined with the other plan-versus-actual types, which the views read without the store. */
export type { PlanVersusActual };

/**
 * Compares the actuals with the plan and re-forecasts the rest of the horizon; for a plan with ranges,
 * also learns from the recorded months. Pure: the report, the web app and `track show` all call this one function.
 * @example planVersusActual(plan, actuals).forecast?.paybackMonth.now
 */
export function planVersusActual(plan: FrozenPlan, actuals: readonly ActualMonth[], options: { samples?: number } = {}): PlanVersusActual {
  const comparison = comparePlanWithActuals(plan, actuals);
  const forecast = forecastFromActuals(plan, comparison);
  const learned = learnedForecast(plan, comparison, actuals, options);
  const learning = learned === null ? {} : "message" in learned ? { learningProblem: learned.message } : { learning: learned };
  if ("message" in forecast) return { comparison, forecast: null, forecastProblem: forecast.message, ...learning };
  return { comparison, forecast, ...learning };
}

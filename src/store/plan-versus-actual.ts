import type { LearnedForecast } from "../engine/index.js";
import type { ActualMonth } from "./actual-fields.js";
import { comparePlanWithActuals, type PlanComparison } from "./compare.js";
import { forecastFromActuals, type Forecast } from "./forecast.js";
import { learnedForecast } from "./learn.js";
import type { FrozenPlan } from "./plan.js";

/** Everything a view shows about plan versus actual: the months so far and the re-forecast. */
export interface PlanVersusActual {
  comparison: PlanComparison;
  forecast: Forecast | null;
  /** Why there is no forecast, when there is none. */
  forecastProblem?: string;
  /**
   * With a plan that has ranges: the forecast that learns (the ranges updated by the recorded months,
   * the NPV range and chance of paying back then and now) and the calibration of the plan's ranges.
   */
  learning?: LearnedForecast;
  /** Why there is no forecast that learns for a plan with ranges, when there is none. */
  learningProblem?: string;
}

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

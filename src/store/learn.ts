import { approvedMoney, learnFromMonths, validateScenarioText, type LearnedForecast, type LearningMonth, type RecordedMonth } from "../engine/index.js";
import type { ActualMonth } from "../shared/actual-fields.js";
import type { PlanComparison } from "./compare.js";
import type { FrozenPlan } from "./plan.js";

/**
 * The forecast that learns, for a plan with ranges (the engine's `learnFromMonths`, docs/numbers.md): the
 * plan's ranges updated by the recorded months, the calibration of those ranges, and the NPV range and
 * chance of paying back as planned and as forecast today. Null when the plan has no range (the
 * deterministic re-forecast is all there is). Pure.
 * @example learnedForecast(plan, comparePlanWithActuals(plan, actuals), actuals)?.calibration.summary
 */
export function learnedForecast(
  plan: FrozenPlan,
  comparison: PlanComparison,
  actuals: readonly ActualMonth[],
  options: { samples?: number } = {},
): LearnedForecast | null | { message: string } {
  const validation = validateScenarioText(plan.scenarioText);
  if (!validation.file || !validation.compiled) {
    return { message: `the frozen scenario file cannot be read any more: ${validation.issues.map((issue) => issue.message).join("; ")}` };
  }
  const compiled = validation.compiled;
  if (compiled.uncertainLeaves.length === 0) return null;
  const last = comparison.lastRecordedMonth ?? 0;
  const byMonth = new Map(actuals.filter((actual) => actual.team === plan.team).map((actual) => [actual.month, actual]));
  const months: LearningMonth[] = [];
  const recorded: RecordedMonth[] = [];
  for (let month = 1; month <= last; month++) {
    const values = byMonth.get(month)?.values ?? {};
    recorded.push(values);
    // A month without a record counts as planned: it observes nothing.
    if (byMonth.has(month)) months.push({ month, liveProjects: comparison.actualRows[month - 1]!.liveProjects, values });
  }
  const uncertainty = plan.result.uncertainty;
  const distribution = plan.result.comparisons[plan.scenario]?.distribution;
  try {
    // "Then", the plan: its money as approved (its own distribution when it holds one), not the update's samples (docs/numbers.md).
    const approved = approvedMoney(
      compiled,
      plan.scenario,
      distribution && uncertainty ? { distribution, samples: uncertainty.samples, seed: uncertainty.seed, sampling: uncertainty.sampling } : undefined,
    );
    return learnFromMonths(
      compiled,
      plan.scenario,
      plan.baseline,
      months,
      {
        ...(options.samples ? { samples: options.samples } : {}),
        // The plan's own seed and sampling when it kept them.
        seed: uncertainty?.seed ?? 1,
        latinHypercube: uncertainty?.sampling === "latin-hypercube",
        money: true,
        approved,
      },
      {
        file: validation.file,
        recorded,
        upFrontRecordedInMonth1: byMonth.get(1)?.values.externalSpend !== undefined,
        liveProjects: last > 0 ? comparison.actualRows[last - 1]!.liveProjects : 0,
        releasedSoFar: comparison.actualRows.reduce((total, row) => total + row.releases, 0),
      },
    );
  } catch (error) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
}

import { buildResult, MonteCarlo, validateScenarioText, withUncertainty, type CaseResult, type CompiledCase } from "../engine/index.js";

/**
 * Today, an option with no changes of its own ("same", labelled "New option", as the web app's
 * "+ Add scenario" adds it), and one that makes a change ("tools"); the upkeep hours are a range, so a
 * Monte Carlo samples them. With `onlySame`, the option that changes nothing alone, so page 1 is about it.
 */
export function changesNothingCase(onlySame = false): Record<string, unknown> {
  return {
    title: "An option that changes nothing",
    currency: "EUR",
    horizonMonths: 12,
    discountRate: 0.08,
    freedHoursCaptureShare: 0.5,
    baseline: "today",
    defaults: {
      team: { people: 1, hoursPerMonth: 120, hourlyCost: 60 },
      projects: { alreadyLive: 2, upkeepHoursPerMonth: { low: 25, high: 35 }, valuePerMonth: 2500 },
      releases: { mode: "schedule" },
    },
    scenarios: {
      today: { label: "Today" },
      same: { label: "New option" },
      ...(onlySame ? {} : { tools: { label: "Better tools", projects: { upkeepHoursPerMonth: 11 }, change: { external: { consultants: 570 } } } }),
    },
  };
}

/** `changesNothingCase` compiled, its result, and the result with 200 samples of its ranges (seed 1). */
export function changesNothingResults(onlySame = false): { compiled: CompiledCase; result: CaseResult; sampled: CaseResult } {
  const compiled = validateScenarioText(JSON.stringify(changesNothingCase(onlySame))).compiled!;
  const result = buildResult(compiled);
  return { compiled, result, sampled: withUncertainty(result, MonteCarlo.summaryOf(compiled, { samples: 200, seed: 1 })) };
}

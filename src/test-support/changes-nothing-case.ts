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

/**
 * examples/close-call.yaml with "What will be approved" alone at €620 a user a month (a net gain of €44
 * with every range at its middle, ahead of today in about half the outcomes) and an option that changes
 * nothing ("same", "New option"): no close call, as that option is staying as today, not a rival. With
 * `sameFirst`, that option comes first in the file, before today.
 */
export function closeToNothingCase(sameFirst = false): Record<string, unknown> {
  return {
    title: "One data scientist, one option and one that changes nothing",
    currency: "EUR",
    horizonMonths: 12,
    discountRate: 0.08,
    freedHoursCaptureShare: 0.5,
    baseline: "current",
    defaults: {
      team: { people: 1, hoursPerMonth: 120, hourlyCost: 60 },
      projects: { upkeepHoursPerMonth: { low: 25, high: 35 }, valuePerMonth: { low: 1500, high: 4000 } },
      releases: { mode: "schedule", months: [4, 7, 10], newWorkThresholdHours: 80 },
    },
    scenarios: {
      ...(sameFirst ? { same: { label: "New option" } } : {}),
      current: { label: "Today" },
      compromise: {
        label: "What will be approved",
        projects: { upkeepHoursPerMonth: { low: 8, high: 30 } },
        tooling: { licences: { perUserPerMonth: 620 } },
      },
      ...(sameFirst ? {} : { same: { label: "New option" } }),
    },
  };
}

/** `closeToNothingCase` compiled, its result, and the result with 2,000 samples of its ranges (seed 1). */
export function closeToNothingResults(sameFirst = false): { compiled: CompiledCase; result: CaseResult; sampled: CaseResult } {
  const compiled = validateScenarioText(JSON.stringify(closeToNothingCase(sameFirst))).compiled!;
  const result = buildResult(compiled);
  return { compiled, result, sampled: withUncertainty(result, MonteCarlo.summaryOf(compiled, { samples: 2_000, seed: 1 })) };
}

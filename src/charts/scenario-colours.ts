import type { CaseResult } from "../engine/index.js";
import { ALTERNATIVE_COLOURS, BASELINE_COLOUR } from "./theme.js";

/**
 * Labels that tell scenarios apart: a label two scenarios share gets the scenario's key added,
 * so no two lines or bars merge in a chart.
 * @example scenarioLabels(result).get("optimal") // "Every tool we want"
 */
export function scenarioLabels(result: CaseResult): Map<string, string> {
  const counts = new Map<string, number>();
  for (const scenario of Object.values(result.scenarios)) counts.set(scenario.label, (counts.get(scenario.label) ?? 0) + 1);
  return new Map(
    Object.values(result.scenarios).map((scenario) => [
      scenario.name,
      (counts.get(scenario.label) ?? 0) > 1 ? `${scenario.label} (${scenario.name})` : scenario.label,
    ]),
  );
}

/** Scenario names in the order charts show them: the baseline first, then the alternatives. */
export function scenarioOrder(result: CaseResult): string[] {
  return [result.baseline, ...Object.keys(result.scenarios).filter((name) => name !== result.baseline)];
}

/**
 * The colour of each scenario, the same in every chart: grey for today, then the palette.
 * @example scenarioColour(result, "current") // "#8a9099"
 */
export function scenarioColour(result: CaseResult, name: string): string {
  if (name === result.baseline) return BASELINE_COLOUR;
  const index = Object.keys(result.comparisons).indexOf(name);
  return ALTERNATIVE_COLOURS[Math.max(0, index) % ALTERNATIVE_COLOURS.length]!;
}

/**
 * A colour scale for the given scenarios, keyed by their display labels.
 * @example colourScale(result, ["optimal"]) // { domain: ["Every tool we want"], range: ["#1b6ca8"] }
 */
export function colourScale(result: CaseResult, names: readonly string[]): { domain: string[]; range: string[] } {
  const labels = scenarioLabels(result);
  return { domain: names.map((name) => labels.get(name) ?? name), range: names.map((name) => scenarioColour(result, name)) };
}

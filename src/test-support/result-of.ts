import { buildResult, validateScenarioText, type CaseResult } from "../engine/index.js";

/**
 * Runs scenario data (the structure of a scenario file) through validation and the engine.
 * Throws with the issues when the data is invalid: for tests and benchmarks.
 * @example resultOf({ title: "x", ... }).comparisons.better?.npv
 */
export function resultOf(data: unknown): CaseResult {
  const validation = validateScenarioText(JSON.stringify(data));
  if (!validation.compiled) throw new Error(`invalid test case: ${validation.issues.map((issue) => issue.message).join("; ")}`);
  return buildResult(validation.compiled);
}

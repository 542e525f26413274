import type { CaseResult } from "./result.js";

/** The running costs an option adds against today over the whole horizon, not discounted, by kind (negative: it saves them). */
export interface RunningCostChanges {
  /** Licences and infrastructure. */
  tools: number;
  supportStaff: number;
  training: number;
}

/**
 * What the "Tools, support and training" category of the benefit is made of, by kind: the option's
 * totals less today's. Together they are −`benefitByCategory.tooling`; apart, a reader sees that the
 * DORA 2020 paper's reliability engineers are staff and the DORA AI calculator's US$4.8 million is
 * training, not tools.
 * @example runningCostChanges(enterprise, "platformFirst") // { tools: 324000, supportStaff: -64361.9, training: 0 }
 */
export function runningCostChanges(result: CaseResult, alternative: string): RunningCostChanges {
  const own = result.scenarios[alternative]!.summary.totalMoney;
  const today = result.scenarios[result.baseline]!.summary.totalMoney;
  const more = (...lines: string[]) => lines.reduce((sum, line) => sum + (own[line] ?? 0) - (today[line] ?? 0), 0);
  return { tools: more("licences", "infrastructure"), supportStaff: more("supportStaff"), training: more("training") };
}

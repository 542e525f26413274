import type { CaseResult, MoneyRules } from "../engine/index.js";

/**
 * The numbers of the approved scenario that turn recorded actuals into money: the engine's
 * (docs/numbers.md), kept with the plan as they were when it was frozen.
 */
export type { MoneyRules };

/**
 * The approved scenario frozen as the plan: the file as it was, its fingerprint, and the engine's
 * month-by-month result at the time. Later versions of the tool compare against these numbers,
 * not against a re-run, so the plan stays what was approved.
 */
export interface FrozenPlan {
  team: string;
  /** The approved alternative. */
  scenario: string;
  baseline: string;
  fileName: string;
  scenarioText: string;
  sha256: string;
  /** When the plan was frozen (ISO 8601). */
  frozenAt: string;
  /** Calendar month ("YYYY-MM") of month 1, when known. */
  startMonth?: string;
  horizonMonths: number;
  currency: string;
  toolVersion: string;
  /** The engine's result, kept to the baseline, the approved scenario and their comparison. */
  result: CaseResult;
  rules: MoneyRules;
}

/** A frozen plan as read back from a store, with its row id. */
export interface StoredPlan extends FrozenPlan {
  id: number;
}

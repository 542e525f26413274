import type { CaseResult } from "../engine/index.js";

/**
 * The numbers of the approved scenario that turn recorded actuals into money by the engine's own
 * rules (docs/numbers.md): what an hour costs, what a live project earns, what an outage costs.
 */
export interface MoneyRules {
  /** Loaded cost of one hour in the approved scenario. */
  hourlyCost: number;
  baselineHourlyCost: number;
  /** Share of unused freed hours worth their loaded cost. */
  captureShare: number;
  baselineCaptureShare: number;
  discountRate: number;
  valuePerLiveProject: number;
  outageCostPerHour: number;
  hoursToRestorePerIncident: number;
  deploymentsPerLiveProject: number;
  /** Expected failed changes a month for each live project (deployments × change failure rate). */
  incidentsPerLiveProject: number;
  hiringCostPerDeparture: number;
  knowledgeLossHoursPerDeparture: number;
  supportMonthlyCostEach: number;
  supportLiveProjectsEach: number;
  supportMinimum: number;
}

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

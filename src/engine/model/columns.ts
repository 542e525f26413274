/**
 * The month-by-month values the simulation writes, month-major so one month's values sit together:
 * `columns[(month - 1) * MONTHLY_FIELD_COUNT + field]`.
 * Hours first, then money (positive numbers are costs except `projectValue`, `recoveredCapacity` and `net`).
 */
export const monthlyFieldNames = [
  "liveProjects",
  "releases",
  "capacityHours",
  "vacancyHours",
  "rampUpHours",
  "adoptionDipHours",
  "availableHours",
  "manualHours",
  "waitingHours",
  "meetingHours",
  "breakageFixHours",
  "knowledgeLossHours",
  "setupHours",
  "learningHours",
  "overheadHours",
  "upkeepHours",
  "freeHours",
  "buildHours",
  "idleHours",
  "shortfallHours",
  "scheduledBuildShortfallHours",
  "canStartNewWork",
  "overloaded",
  "projectValue",
  "recoveredCapacity",
  "overloadCost",
  "payroll",
  "licences",
  "infrastructure",
  "supportStaff",
  "outageCost",
  "hiringCost",
  "otherTeamsCost",
  "externalSpend",
  "net",
] as const;

export type MonthlyField = (typeof monthlyFieldNames)[number];

/** Offsets of the fields, e.g. `F.freeHours`. */
export const F = Object.fromEntries(monthlyFieldNames.map((name, index) => [name, index])) as { readonly [K in MonthlyField]: number };

export const MONTHLY_FIELD_COUNT = monthlyFieldNames.length;

/** Cash cost columns: what the ROI counts as the alternative's extra cash when it rises (adjacent, from overloadCost). */
export const cashCostFields = [
  F.overloadCost,
  F.payroll,
  F.licences,
  F.infrastructure,
  F.supportStaff,
  F.outageCost,
  F.hiringCost,
  F.otherTeamsCost,
  F.externalSpend,
] as const;

/** Reads one value. @example columnValue(columns, F.freeHours, 0) // free hours in month 1 */
export function columnValue(columns: Float64Array, field: number, at: number): number {
  return columns[at * MONTHLY_FIELD_COUNT + field]!;
}

/** The scenario-level numbers that are not monthly. */
export interface SimulationScalars {
  /** Loaded cost of one hour. */
  hourlyCost: number;
  /** External spend paid at time 0 (before month 1), undiscounted. */
  initialInvestment: number;
  /** Projects released within the horizon. */
  projectsDelivered: number;
  /** The month whose hours and money every later month repeats, but for the yearly licence (the horizon when none). */
  settledMonth: number;
}

export function createColumns(months: number): Float64Array {
  return new Float64Array(MONTHLY_FIELD_COUNT * months);
}

export function createScalars(): SimulationScalars {
  return { hourlyCost: 0, initialInvestment: 0, projectsDelivered: 0, settledMonth: 0 };
}

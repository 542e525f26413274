/**
 * The month-by-month values the simulation writes, month-major so one month's values sit together:
 * `columns[(month - 1) * MONTHLY_FIELD_COUNT + field]`.
 * Hours first, then money (positive numbers are costs except `projectValue`, `recoveredCapacity`, `deliveryValue`,
 * `workInProgress` and `net`). `changeHoursCost` is not part of the net: it prices the hours the change takes
 * (setup, learning, dip, effort alongside) at what they displace, for the investment and the ROI's costs;
 * `changeHoursBought` is how many of those hours had to be bought (they are in `overloadCost` too).
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
  "alongsideHours",
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
  "deliveryValue",
  "workInProgress",
  "overloadCost",
  "payroll",
  "licences",
  "infrastructure",
  "supportStaff",
  "training",
  "outageCost",
  "hiringCost",
  "otherTeamsCost",
  "externalSpend",
  "net",
  "changeHoursCost",
  "changeHoursBought",
] as const;

export type MonthlyField = (typeof monthlyFieldNames)[number];

/** Offsets of the fields, e.g. `F.freeHours`. */
export const F = Object.fromEntries(monthlyFieldNames.map((name, index) => [name, index])) as { readonly [K in MonthlyField]: number };

export const MONTHLY_FIELD_COUNT = monthlyFieldNames.length;

/** The month's money columns, from the value of live projects to the net (the net included). */
export const moneyFieldNames = monthlyFieldNames.slice(monthlyFieldNames.indexOf("projectValue"), monthlyFieldNames.indexOf("net") + 1);

/** Cash cost columns: what the ROI counts as the alternative's extra cash when it rises. */
export const cashCostFields = [
  F.overloadCost,
  F.payroll,
  F.licences,
  F.infrastructure,
  F.supportStaff,
  F.training,
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
  /**
   * The last month in which the change is not yet wholly the option's way of working: the months
   * before it starts (worked as today), its setup and learning, its adoption dip and its staff
   * alongside; 0 when there are none (the baseline, a change in place from month 1).
   */
  changeEndMonth: number;
}

export function createColumns(months: number): Float64Array {
  return new Float64Array(MONTHLY_FIELD_COUNT * months);
}

export function createScalars(): SimulationScalars {
  return { hourlyCost: 0, initialInvestment: 0, projectsDelivered: 0, settledMonth: 0, changeEndMonth: 0 };
}

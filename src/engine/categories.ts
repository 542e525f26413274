import { columnValue, F as importedF } from "./model/columns.js";

// Module-local copies: imported bindings can be getters under some loaders, too slow for the hot loop.
const F = importedF;

/** Where an alternative's benefit comes from, in the cost framework's terms (docs/scenario-file.md). */
export const benefitCategories = [
  "change",
  "manualTasks",
  "waiting",
  "meetings",
  "upkeep",
  "breakage",
  "turnover",
  "tooling",
  "delivery",
  "unusedCapacity",
  "team",
] as const;

export type BenefitCategory = (typeof benefitCategories)[number];

/**
 * A scenario's money in one month split by category, so that alternative minus baseline gives the
 * benefit by category and the categories add up exactly to the net. Hours are valued at the loaded
 * rate; `delivery` is project and feature value (and work in progress) less the hours spent building; `unusedCapacity` takes back the
 * share of idle hours that is not captured. (The identity is derived in docs/numbers.md, "Benefit by category".)
 */
export function categoryMoney(columns: Float64Array, at: number, rate: number, capture: number, out: Float64Array): void {
  const get = (field: number) => columnValue(columns, field, at);
  out[0] = -rate * (get(F.setupHours) + get(F.learningHours) + get(F.adoptionDipHours) + get(F.alongsideHours)) - get(F.externalSpend);
  out[1] = -rate * get(F.manualHours);
  out[2] = -rate * get(F.waitingHours);
  out[3] = -rate * get(F.meetingHours) - get(F.otherTeamsCost);
  out[4] = -rate * get(F.upkeepHours);
  out[5] = -rate * get(F.breakageFixHours) - get(F.outageCost);
  // A vacant post is off the payroll: its hours cost nothing here (what it leaves undone shows as overload or fewer idle hours).
  out[6] = -rate * (get(F.rampUpHours) + get(F.knowledgeLossHours)) - get(F.hiringCost);
  out[7] = -(get(F.licences) + get(F.infrastructure) + get(F.supportStaff) + get(F.training));
  // Building: the team's hours and, by schedule, the hours bought for what the team had no time for;
  // the value of features delivered apart from projects, and (capacity mode) work in progress.
  out[8] = get(F.projectValue) + get(F.deliveryValue) + get(F.workInProgress) - rate * (get(F.buildHours) + get(F.scheduledBuildShortfallHours));
  out[9] = -rate * get(F.idleHours) * (1 - capture);
  out[10] = rate * (get(F.capacityHours) - get(F.vacancyHours)) - get(F.payroll);
}

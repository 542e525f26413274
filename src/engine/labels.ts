import type { BenefitCategory } from "./categories.js";

/** Plain-language names of the benefit categories, shared by every view. */
export const benefitCategoryLabels: Record<BenefitCategory, string> = {
  change: "Cost of making the change",
  manualTasks: "Manual chores",
  waiting: "Waiting for jobs to finish",
  meetings: "Meetings and hand-offs",
  upkeep: "Upkeep of live projects",
  breakage: "Failures and outages",
  turnover: "People leaving",
  tooling: "Tools, support and training",
  delivery: "More delivered (projects and features)",
  unusedCapacity: "Freed hours not counted as gain",
  team: "Team size and pay",
};

import type { ParameterName } from "../model/parameters.js";

/**
 * The inputs a capability may change, by their path in a scenario, and the parameters each one
 * multiplies. "manualTasks" scales every recurring chore: those given in minutes a week and those
 * given as a share of time alike.
 */
export const effectTargets = {
  manualTasks: ["manualMinutesPerPerson", "manualMinutesPerProject", "manualMinutesPerTeam", "manualSharePerPerson"],
  "waiting.runsPerWeekPerPerson": ["runsPerWeekPerPerson"],
  "waiting.minutesPerRun": ["minutesPerRun"],
  "waiting.focusLostShare": ["focusLostShare"],
  "waiting.contextSwitchMinutes": ["contextSwitchMinutes"],
  "meetings.hoursPerPersonPerMonth": ["meetingHoursPerPerson"],
  "meetings.otherTeamsHoursPerMonth": ["otherTeamsHours"],
  "projects.buildHours": ["buildHours"],
  "projects.upkeepHoursPerMonth": ["upkeepHours"],
  "projects.valuePerMonth": ["valuePerMonth"],
  "breakage.deploymentsPerProjectPerMonth": ["deploymentsPerProject"],
  "breakage.changeFailureRate": ["changeFailureRate"],
  "breakage.hoursToRestore": ["hoursToRestore"],
  "breakage.fixHoursPerFailure": ["fixHoursPerFailure"],
  "turnover.attritionPerYear": ["attritionPerYear"],
  "turnover.vacancyMonths": ["vacancyMonths"],
  "turnover.rampUpMonths": ["rampUpMonths"],
  "turnover.knowledgeLossHours": ["knowledgeLossHours"],
  "tooling.infrastructure.perMonth": ["infrastructurePerMonth"],
  "tooling.infrastructure.perLiveProjectPerMonth": ["infrastructurePerLiveProject"],
  "tooling.supportStaff.liveProjectsEach": ["supportLiveProjectsEach"],
} as const satisfies Record<string, readonly ParameterName[]>;

export type EffectTarget = keyof typeof effectTargets;

export const effectTargetNames = Object.keys(effectTargets) as EffectTarget[];

/** What a capability adds to a scenario: its costs land on these inputs. */
export const capabilityCosts = {
  setupHours: "setupHours",
  upfrontCost: "externalOther",
  monthlyCost: "licenceFlatPerMonth",
  monthlyCostPerPerson: "licencePerUserPerMonth",
} as const satisfies Record<string, ParameterName>;

export type CapabilityCost = keyof typeof capabilityCosts;

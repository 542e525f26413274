import type { QuantityKindName } from "../scenario/quantity.js";

/**
 * The flat parameter vector of one scenario. The simulation reads numbers from a Float64Array by
 * these offsets, so the Monte Carlo loop can refill it per draw without allocating objects.
 * `source` is where the number sits inside a scenario's inputs; `fallback` is used when the file is silent.
 */
export interface ParameterSpec {
  readonly source: string;
  readonly fallback: number;
  /** What the number is, so a drawn value can be kept within what is allowed (a share in 0..1). */
  readonly kind: QuantityKindName;
}

export const parameterSpecs = {
  people: { source: "team.people", fallback: Number.NaN, kind: "people" },
  hoursPerMonth: { source: "team.hoursPerMonth", fallback: Number.NaN, kind: "personHoursAMonth" },
  hourlyCost: { source: "team.hourlyCost", fallback: Number.NaN, kind: "money" },
  salaryAnnual: { source: "team.salary.annual", fallback: Number.NaN, kind: "money" },
  benefitsMultiplier: { source: "team.salary.benefitsMultiplier", fallback: Number.NaN, kind: "benefitsMultiplier" },
  workingHoursPerYear: { source: "team.salary.workingHoursPerYear", fallback: Number.NaN, kind: "positiveHours" },

  startMonth: { source: "change.startMonth", fallback: 1, kind: "month" },
  setupHours: { source: "change.setupHours", fallback: 0, kind: "hours" },
  setupMonths: { source: "change.setupMonths", fallback: 1, kind: "monthsPositive" },
  learningWeeksPerPerson: { source: "change.learningWeeksPerPerson", fallback: 0, kind: "weeks" },
  familiarity: { source: "change.familiarity", fallback: 0, kind: "share" },
  organisationFactor: { source: "change.organisationFactor", fallback: 1, kind: "factor" },
  contingencyShare: { source: "change.contingencyShare", fallback: 0, kind: "contingency" },
  adoptionDipShare: { source: "change.adoptionDipShare", fallback: 0, kind: "share" },
  adoptionDipMonths: { source: "change.adoptionDipMonths", fallback: 0, kind: "months" },
  externalConsultants: { source: "change.external.consultants", fallback: 0, kind: "money" },
  externalHardware: { source: "change.external.hardware", fallback: 0, kind: "money" },
  externalLicences: { source: "change.external.licences", fallback: 0, kind: "money" },
  externalTrainingPerPerson: { source: "change.external.trainingPerPerson", fallback: 0, kind: "money" },
  externalOther: { source: "change.external.other", fallback: 0, kind: "money" },
  alongsidePeople: { source: "change.alongside.people", fallback: 0, kind: "count" },
  alongsideMonths: { source: "change.alongside.forMonths", fallback: 0, kind: "months" },

  manualMinutesPerPerson: { source: "manualTasks.*[per=person]", fallback: 0, kind: "minutes" },
  manualMinutesPerProject: { source: "manualTasks.*[per=project]", fallback: 0, kind: "minutes" },
  manualMinutesPerTeam: { source: "manualTasks.*[per=team]", fallback: 0, kind: "minutes" },
  manualSharePerPerson: { source: "manualTasks.*[shareOfTime]", fallback: 0, kind: "share" },

  runsPerWeekPerPerson: { source: "waiting.runsPerWeekPerPerson", fallback: 0, kind: "count" },
  minutesPerRun: { source: "waiting.minutesPerRun", fallback: 0, kind: "minutes" },
  focusLostShare: { source: "waiting.focusLostShare", fallback: 0, kind: "share" },
  contextSwitchMinutes: { source: "waiting.contextSwitchMinutes", fallback: 0, kind: "minutes" },

  meetingHoursPerPerson: { source: "meetings.hoursPerPersonPerMonth", fallback: 0, kind: "personHoursAMonthOrNone" },
  otherTeamsHours: { source: "meetings.otherTeamsHoursPerMonth", fallback: 0, kind: "hours" },
  otherTeamsHourlyCost: { source: "meetings.otherTeamsHourlyCost", fallback: 0, kind: "money" },

  licenceFlatPerYear: { source: "tooling.licences.flatPerYear", fallback: 0, kind: "money" },
  licenceFlatPerMonth: { source: "tooling.licences.flatPerMonth", fallback: 0, kind: "money" },
  licencePerUserPerMonth: { source: "tooling.licences.perUserPerMonth", fallback: 0, kind: "money" },
  licencePerUserPerYear: { source: "tooling.licences.perUserPerYear", fallback: 0, kind: "money" },
  licencesFromMonth: { source: "tooling.licences.fromMonth", fallback: 1, kind: "month" },
  licencesUntilMonth: { source: "tooling.licences.untilMonth", fallback: Number.POSITIVE_INFINITY, kind: "month" },
  infrastructurePerMonth: { source: "tooling.infrastructure.perMonth", fallback: 0, kind: "money" },
  infrastructurePerYear: { source: "tooling.infrastructure.perYear", fallback: 0, kind: "money" },
  infrastructurePerUserPerYear: { source: "tooling.infrastructure.perUserPerYear", fallback: 0, kind: "money" },
  infrastructurePerLiveProject: { source: "tooling.infrastructure.perLiveProjectPerMonth", fallback: 0, kind: "money" },
  infrastructureFromMonth: { source: "tooling.infrastructure.fromMonth", fallback: 1, kind: "month" },
  infrastructureUntilMonth: { source: "tooling.infrastructure.untilMonth", fallback: Number.POSITIVE_INFINITY, kind: "month" },
  supportMonthlyCostEach: { source: "tooling.supportStaff.monthlyCostEach", fallback: 0, kind: "money" },
  supportAnnualSalaryEach: { source: "tooling.supportStaff.annualSalaryEach", fallback: 0, kind: "money" },
  supportBenefitsMultiplier: { source: "tooling.supportStaff.benefitsMultiplier", fallback: 1, kind: "benefitsMultiplier" },
  supportLiveProjectsEach: { source: "tooling.supportStaff.liveProjectsEach", fallback: 0, kind: "count" },
  supportMinimum: { source: "tooling.supportStaff.minimum", fallback: 0, kind: "count" },
  supportFromMonth: { source: "tooling.supportStaff.fromMonth", fallback: 1, kind: "month" },
  supportUntilMonth: { source: "tooling.supportStaff.untilMonth", fallback: Number.POSITIVE_INFINITY, kind: "month" },
  trainingPerPersonPerYear: { source: "tooling.training.perPersonPerYear", fallback: 0, kind: "money" },
  trainingFromMonth: { source: "tooling.training.fromMonth", fallback: 1, kind: "month" },
  trainingUntilMonth: { source: "tooling.training.untilMonth", fallback: Number.POSITIVE_INFINITY, kind: "month" },

  alreadyLive: { source: "projects.alreadyLive", fallback: 0, kind: "wholeCount" },
  buildHours: { source: "projects.buildHours", fallback: 0, kind: "hours" },
  upkeepHours: { source: "projects.upkeepHoursPerMonth", fallback: 0, kind: "hours" },
  valuePerMonth: { source: "projects.valuePerMonth", fallback: 0, kind: "money" },

  featuresPerYear: { source: "delivery.featuresPerYear", fallback: 0, kind: "count" },
  linesOfBusiness: { source: "delivery.linesOfBusiness", fallback: 1, kind: "count" },
  timeReinvestedShare: { source: "delivery.timeReinvestedShare", fallback: 1, kind: "share" },
  successRate: { source: "delivery.successRate", fallback: 0, kind: "share" },
  revenueImpactShare: { source: "delivery.revenueImpactShare", fallback: 0, kind: "share" },
  annualRevenue: { source: "delivery.annualRevenue", fallback: 0, kind: "revenue" },

  deploymentsPerProject: { source: "breakage.deploymentsPerProjectPerMonth", fallback: 0, kind: "count" },
  deploymentsPerYear: { source: "breakage.deploymentsPerYear", fallback: 0, kind: "count" },
  changeFailureRate: { source: "breakage.changeFailureRate", fallback: 0, kind: "share" },
  hoursToRestore: { source: "breakage.hoursToRestore", fallback: 0, kind: "hours" },
  outageCostPerHour: { source: "breakage.outageCostPerHour", fallback: 0, kind: "money" },
  fixHoursPerFailure: { source: "breakage.fixHoursPerFailure", fallback: 0, kind: "hours" },

  attritionPerYear: { source: "turnover.attritionPerYear", fallback: 0, kind: "perYear" },
  hiringCost: { source: "turnover.hiringCost", fallback: 0, kind: "money" },
  vacancyMonths: { source: "turnover.vacancyMonths", fallback: 0, kind: "fractionalMonths" },
  rampUpMonths: { source: "turnover.rampUpMonths", fallback: 0, kind: "fractionalMonths" },
  rampUpOutputShare: { source: "turnover.rampUpOutputShare", fallback: 0.5, kind: "share" },
  knowledgeLossHours: { source: "turnover.knowledgeLossHours", fallback: 0, kind: "hours" },

  newWorkThresholdHours: { source: "releases.newWorkThresholdHours", fallback: 0, kind: "hours" },
  backlog: { source: "releases.backlog", fallback: Number.POSITIVE_INFINITY, kind: "wholeCount" },

  discountRate: { source: "discountRate", fallback: 0, kind: "rate" },
  captureShare: { source: "freedHoursCaptureShare", fallback: 0.5, kind: "share" },
} as const satisfies Record<string, ParameterSpec>;

export type ParameterName = keyof typeof parameterSpecs;

export const parameterNames = Object.keys(parameterSpecs) as ParameterName[];

/** Offsets into the parameter vector, e.g. `P.upkeepHours`. */
export const P = Object.fromEntries(parameterNames.map((name, index) => [name, index])) as { readonly [K in ParameterName]: number };

export const PARAMETER_COUNT = parameterNames.length;

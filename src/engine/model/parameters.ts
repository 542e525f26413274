/**
 * The flat parameter vector of one scenario. The simulation reads numbers from a Float64Array by
 * these offsets, so the Monte Carlo loop can refill it per draw without allocating objects.
 * `source` is where the number sits inside a scenario's inputs; `fallback` is used when the file is silent.
 */
export interface ParameterSpec {
  readonly source: string;
  readonly fallback: number;
}

export const parameterSpecs = {
  people: { source: "team.people", fallback: Number.NaN },
  hoursPerMonth: { source: "team.hoursPerMonth", fallback: Number.NaN },
  hourlyCost: { source: "team.hourlyCost", fallback: Number.NaN },
  salaryAnnual: { source: "team.salary.annual", fallback: Number.NaN },
  benefitsMultiplier: { source: "team.salary.benefitsMultiplier", fallback: Number.NaN },
  workingHoursPerYear: { source: "team.salary.workingHoursPerYear", fallback: Number.NaN },

  startMonth: { source: "change.startMonth", fallback: 1 },
  setupHours: { source: "change.setupHours", fallback: 0 },
  setupMonths: { source: "change.setupMonths", fallback: 1 },
  learningWeeksPerPerson: { source: "change.learningWeeksPerPerson", fallback: 0 },
  familiarity: { source: "change.familiarity", fallback: 0 },
  organisationFactor: { source: "change.organisationFactor", fallback: 1 },
  contingencyShare: { source: "change.contingencyShare", fallback: 0 },
  adoptionDipShare: { source: "change.adoptionDipShare", fallback: 0 },
  adoptionDipMonths: { source: "change.adoptionDipMonths", fallback: 0 },
  externalConsultants: { source: "change.external.consultants", fallback: 0 },
  externalHardware: { source: "change.external.hardware", fallback: 0 },
  externalLicences: { source: "change.external.licences", fallback: 0 },
  externalTrainingPerPerson: { source: "change.external.trainingPerPerson", fallback: 0 },
  externalOther: { source: "change.external.other", fallback: 0 },

  manualMinutesPerPerson: { source: "manualTasks.*[per=person]", fallback: 0 },
  manualMinutesPerProject: { source: "manualTasks.*[per=project]", fallback: 0 },
  manualMinutesPerTeam: { source: "manualTasks.*[per=team]", fallback: 0 },

  runsPerWeekPerPerson: { source: "waiting.runsPerWeekPerPerson", fallback: 0 },
  minutesPerRun: { source: "waiting.minutesPerRun", fallback: 0 },
  focusLostShare: { source: "waiting.focusLostShare", fallback: 0 },
  contextSwitchMinutes: { source: "waiting.contextSwitchMinutes", fallback: 0 },

  meetingHoursPerPerson: { source: "meetings.hoursPerPersonPerMonth", fallback: 0 },
  otherTeamsHours: { source: "meetings.otherTeamsHoursPerMonth", fallback: 0 },
  otherTeamsHourlyCost: { source: "meetings.otherTeamsHourlyCost", fallback: 0 },

  licenceFlatPerYear: { source: "tooling.licences.flatPerYear", fallback: 0 },
  licenceFlatPerMonth: { source: "tooling.licences.flatPerMonth", fallback: 0 },
  licencePerUserPerMonth: { source: "tooling.licences.perUserPerMonth", fallback: 0 },
  infrastructurePerMonth: { source: "tooling.infrastructure.perMonth", fallback: 0 },
  infrastructurePerLiveProject: { source: "tooling.infrastructure.perLiveProjectPerMonth", fallback: 0 },
  supportMonthlyCostEach: { source: "tooling.supportStaff.monthlyCostEach", fallback: 0 },
  supportLiveProjectsEach: { source: "tooling.supportStaff.liveProjectsEach", fallback: 0 },
  supportMinimum: { source: "tooling.supportStaff.minimum", fallback: 0 },

  alreadyLive: { source: "projects.alreadyLive", fallback: 0 },
  buildHours: { source: "projects.buildHours", fallback: 0 },
  upkeepHours: { source: "projects.upkeepHoursPerMonth", fallback: Number.NaN },
  valuePerMonth: { source: "projects.valuePerMonth", fallback: 0 },

  deploymentsPerProject: { source: "breakage.deploymentsPerProjectPerMonth", fallback: 0 },
  changeFailureRate: { source: "breakage.changeFailureRate", fallback: 0 },
  hoursToRestore: { source: "breakage.hoursToRestore", fallback: 0 },
  outageCostPerHour: { source: "breakage.outageCostPerHour", fallback: 0 },
  fixHoursPerFailure: { source: "breakage.fixHoursPerFailure", fallback: 0 },

  attritionPerYear: { source: "turnover.attritionPerYear", fallback: 0 },
  hiringCost: { source: "turnover.hiringCost", fallback: 0 },
  vacancyMonths: { source: "turnover.vacancyMonths", fallback: 0 },
  rampUpMonths: { source: "turnover.rampUpMonths", fallback: 0 },
  rampUpOutputShare: { source: "turnover.rampUpOutputShare", fallback: 0.5 },
  knowledgeLossHours: { source: "turnover.knowledgeLossHours", fallback: 0 },

  newWorkThresholdHours: { source: "releases.newWorkThresholdHours", fallback: 0 },
  backlog: { source: "releases.backlog", fallback: Number.POSITIVE_INFINITY },

  discountRate: { source: "discountRate", fallback: 0 },
  captureShare: { source: "freedHoursCaptureShare", fallback: 0.5 },
} as const satisfies Record<string, ParameterSpec>;

export type ParameterName = keyof typeof parameterSpecs;

export const parameterNames = Object.keys(parameterSpecs) as ParameterName[];

/** Offsets into the parameter vector, e.g. `P.upkeepHours`. */
export const P = Object.fromEntries(parameterNames.map((name, index) => [name, index])) as { readonly [K in ParameterName]: number };

export const PARAMETER_COUNT = parameterNames.length;

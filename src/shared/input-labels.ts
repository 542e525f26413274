/** How the workbook names one input of a scenario file, in words a manager reads. */
export interface InputLabel {
  readonly label: string;
  /** Unit shown next to the value; `{currency}` is replaced by the case's currency code. */
  readonly unit: string;
}

const label = (text: string, unit: string): InputLabel => ({ label: text, unit });

/** Inputs by their place inside a scenario's inputs (or at the top of the file). */
const inputLabels: Record<string, InputLabel> = {
  discountRate: label("Discount rate", "share a year"),
  freedHoursCaptureShare: label("Share of freed hours that turns into useful work", "share"),

  "team.people": label("People in the team", "people"),
  "team.hoursPerMonth": label("Project hours one person has a month", "hours a month"),
  "team.hourlyCost": label("Cost of one hour of the team", "{currency} an hour"),
  "team.salary.annual": label("Gross annual salary of one person", "{currency} a year"),
  "team.salary.benefitsMultiplier": label("Employer costs on top of salary", "factor"),
  "team.salary.workingHoursPerYear": label("Paid working hours of one person a year", "hours a year"),

  "change.startMonth": label("Month the change starts", "month"),
  "change.setupHours": label("Hours to set up and migrate, in total", "hours"),
  "change.setupMonths": label("Months the setup is spread over", "months"),
  "change.learningWeeksPerPerson": label("Weeks each person spends learning", "weeks"),
  "change.familiarity": label("How well the team already knows the tools", "share (1 = fully)"),
  "change.organisationFactor": label("How slowly the organisation works (scales setup and learning)", "factor"),
  "change.contingencyShare": label("Contingency for things going wrong", "share"),
  "change.adoptionDipShare": label("Capacity lost while people adopt the new way of working", "share"),
  "change.adoptionDipMonths": label("Months the adoption dip lasts", "months"),
  "change.external.consultants": label("Consultants, paid once", "{currency}"),
  "change.external.hardware": label("Hardware, paid once", "{currency}"),
  "change.external.licences": label("Up-front licence fees", "{currency}"),
  "change.external.trainingPerPerson": label("Training paid for each person", "{currency} a person"),
  "change.external.other": label("Other one-off spending", "{currency}"),

  "waiting.runsPerWeekPerPerson": label("Runs one person waits for a week", "runs a week"),
  "waiting.minutesPerRun": label("Minutes one run takes", "minutes"),
  "waiting.focusLostShare": label("Share of a run's time lost to broken focus", "share"),
  "waiting.contextSwitchMinutes": label("Minutes lost switching back after each run", "minutes"),

  "meetings.hoursPerPersonPerMonth": label("Meetings and hand-offs, per person", "hours a month"),
  "meetings.otherTeamsHoursPerMonth": label("Hours other teams spend on them", "hours a month"),
  "meetings.otherTeamsHourlyCost": label("Cost of an hour of the other teams", "{currency} an hour"),

  "tooling.licences.flatPerYear": label("Licence: flat fee a year (paid in months 1, 13, 25, ...)", "{currency} a year"),
  "tooling.licences.flatPerMonth": label("Licence: flat fee a month", "{currency} a month"),
  "tooling.licences.perUserPerMonth": label("Licence: fee for each person a month", "{currency} a person a month"),
  "tooling.licences.perUserPerYear": label("Licence: fee for each person a year (with the yearly fee)", "{currency} a person a year"),
  "tooling.licences.fromMonth": label("Licences: first month paid", "month"),
  "tooling.licences.untilMonth": label("Licences: last month paid", "month"),
  "tooling.infrastructure.perMonth": label("Cloud and infrastructure a month", "{currency} a month"),
  "tooling.infrastructure.perYear": label("Cloud and infrastructure a year (with the yearly fee)", "{currency} a year"),
  "tooling.infrastructure.perUserPerYear": label("Cloud and infrastructure for each person a year", "{currency} a person a year"),
  "tooling.infrastructure.perLiveProjectPerMonth": label("Cloud and infrastructure for each live project", "{currency} a month"),
  "tooling.infrastructure.fromMonth": label("Cloud and infrastructure: first month paid", "month"),
  "tooling.infrastructure.untilMonth": label("Cloud and infrastructure: last month paid", "month"),
  "tooling.supportStaff.monthlyCostEach": label("Monthly cost of one support person", "{currency} a month"),
  "tooling.supportStaff.annualSalaryEach": label("Annual salary of one support person", "{currency} a year"),
  "tooling.supportStaff.benefitsMultiplier": label("Employer costs on top of a support person's salary", "factor"),
  "tooling.supportStaff.liveProjectsEach": label("Live projects one support person looks after", "projects"),
  "tooling.supportStaff.minimum": label("Support people needed even with no live project", "people"),
  "tooling.supportStaff.fromMonth": label("Support staff: first month paid", "month"),
  "tooling.supportStaff.untilMonth": label("Support staff: last month paid", "month"),
  "tooling.training.perPersonPerYear": label("Recurring training for each person a year", "{currency} a person a year"),
  "tooling.training.fromMonth": label("Training: first month paid", "month"),
  "tooling.training.untilMonth": label("Training: last month paid", "month"),

  "change.alongside.people": label("Staff on the change alongside the new way", "people"),
  "change.alongside.forMonths": label("Months they work on it", "months"),

  "delivery.featuresPerYear": label("Features or experiments delivered a year (per line of business)", "a year"),
  "delivery.linesOfBusiness": label("Lines of business", "count"),
  "delivery.timeReinvestedShare": label("Share of them the team has time for", "share"),
  "delivery.successRate": label("Share of features that succeed", "share"),
  "delivery.revenueImpactShare": label("Revenue one successful feature adds a year", "share of revenue"),
  "delivery.annualRevenue": label("Revenue of the product or portfolio", "{currency} a year"),

  "projects.alreadyLive": label("Projects already live at the start", "projects"),
  "projects.buildHours": label("Hours to build and release one project", "hours"),
  "projects.upkeepHoursPerMonth": label("Upkeep of one live project", "hours a month"),
  "projects.valuePerMonth": label("What one live project earns or saves", "{currency} a month"),

  "breakage.deploymentsPerProjectPerMonth": label("Changes released a month for each live project", "changes a month"),
  "breakage.deploymentsPerYear": label("Changes released a year by the whole team or product", "changes a year"),
  "breakage.changeFailureRate": label("Share of changes that fail", "share"),
  "breakage.hoursToRestore": label("Hours of outage until a failure is fixed", "hours"),
  "breakage.outageCostPerHour": label("What an hour of outage costs the business", "{currency} an hour"),
  "breakage.fixHoursPerFailure": label("Team hours spent on each failure", "hours"),

  "turnover.attritionPerYear": label("Share of the team leaving each year", "share a year"),
  "turnover.hiringCost": label("Cost of hiring a replacement", "{currency}"),
  "turnover.vacancyMonths": label("Months a seat stays empty", "months"),
  "turnover.rampUpMonths": label("Months a newcomer works at reduced output", "months"),
  "turnover.rampUpOutputShare": label("Share of full output during ramp-up", "share"),
  "turnover.knowledgeLossHours": label("Extra hours lost per departure", "hours"),

  "releases.newWorkThresholdHours": label("Free hours a month needed to start new work", "hours a month"),
  "releases.backlog": label("Most new projects to build (capacity mode)", "projects"),
};

/** Plain names of the input groups, for the sub-headings of the Assumptions sheet. */
export const groupLabels: Record<string, string> = {
  team: "Team and the cost of an hour",
  change: "Making the change (one-off)",
  manualTasks: "Manual chores",
  waiting: "Waiting for jobs to finish",
  meetings: "Meetings and hand-offs",
  tooling: "Tools and infrastructure",
  projects: "Projects",
  delivery: "Features delivered apart from projects",
  breakage: "Failures and outages",
  turnover: "People leaving",
  releases: "Releases",
};

/**
 * The label of an input, from its place inside a scenario's inputs: `["projects", "buildHours"]`,
 * or `["manualTasks", "tickets", "minutesPerWeek"]` for a chore.
 * @example inputLabel(["projects", "upkeepHoursPerMonth"], "person")?.label // "Upkeep of one live project"
 */
export function inputLabel(inner: readonly (string | number)[], taskPer?: string): InputLabel | undefined {
  if (inner[0] === "manualTasks" && inner.length === 3 && inner[2] === "minutesPerWeek") {
    const per = taskPer === "person" ? "per person" : taskPer === "project" ? "per live project" : "for the whole team";
    return label(`Chore: ${String(inner[1])}`, `minutes a week ${per}`);
  }
  if (inner[0] === "manualTasks" && inner.length === 3 && inner[2] === "shareOfTime")
    return label(`Chore: ${String(inner[1])}`, "share of every person's hours");
  return inputLabels[inner.join(".")];
}

/** The unit text with the currency filled in. */
export function unitText(input: InputLabel, currency: string): string {
  return input.unit.replaceAll("{currency}", currency);
}

const capabilityCostLabels: Record<string, InputLabel> = {
  setupHours: label("setup hours", "hours"),
  upfrontCost: label("paid once", "{currency}"),
  monthlyCost: label("fee a month", "{currency} a month"),
  monthlyCostPerPerson: label("fee for each person a month", "{currency} a person a month"),
};

/**
 * The label of a number of the capability catalogue (`catalogue.<name>.setupHours`,
 * `catalogue.<name>.effects.<input>`), named with the capability's own label.
 * @example catalogueLabel(["catalogue", "versioning", "effects", "projects.upkeepHoursPerMonth"], "Model and data versioning")?.label
 * // "Model and data versioning: multiplies Upkeep of one live project"
 */
export function catalogueLabel(path: readonly (string | number)[], capability: string): InputLabel | undefined {
  if (path[0] !== "catalogue") return undefined;
  if (path[2] === "effects") {
    const target = String(path[3] ?? "");
    const what = target === "manualTasks" ? "every manual chore" : (inputLabels[target]?.label ?? target);
    return label(`${capability}: multiplies ${what.charAt(0).toLowerCase()}${what.slice(1)}`, "× (1 = no change)");
  }
  const cost = capabilityCostLabels[String(path[2])];
  return cost ? label(`${capability}: ${cost.label}`, cost.unit) : undefined;
}

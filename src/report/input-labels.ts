import type { Assumption, CaseResult } from "../engine/index.js";
import { formatInputMoney, formatNumber } from "../format/numbers.js";

/** How an input's value is written. */
export type InputUnit = "money" | "hours" | "minutes" | "weeks" | "months" | "month" | "share" | "rate" | "people" | "count" | "factor";

interface InputMeaning {
  readonly label: string;
  readonly unit: InputUnit;
}

/** Plain words for every field of a scenario file, keyed by its path inside a scenario. */
const meanings: Record<string, InputMeaning> = {
  discountRate: { label: "Yearly rate for the value of money over time", unit: "rate" },
  freedHoursCaptureShare: { label: "Share of freed hours put to good use", unit: "share" },
  "team.people": { label: "People in the team", unit: "people" },
  "team.hoursPerMonth": { label: "Project hours one person has a month", unit: "hours" },
  "team.hourlyCost": { label: "Cost of one hour of the team's time", unit: "money" },
  "team.salary.annual": { label: "Yearly salary of one person", unit: "money" },
  "team.salary.benefitsMultiplier": { label: "Employer costs on top of salary", unit: "factor" },
  "team.salary.workingHoursPerYear": { label: "Paid hours a year of one person", unit: "hours" },
  "change.startMonth": { label: "Month the change starts", unit: "month" },
  "change.setupHours": { label: "Team hours to set up and move over", unit: "hours" },
  "change.setupMonths": { label: "Months the set-up takes", unit: "months" },
  "change.learningWeeksPerPerson": { label: "Weeks each person spends learning", unit: "weeks" },
  "change.familiarity": { label: "How well the team already knows the new tools", unit: "share" },
  "change.organisationFactor": { label: "Extra effort from how the company works", unit: "factor" },
  "change.contingencyShare": { label: "Extra allowed for things going wrong", unit: "share" },
  "change.adoptionDipShare": { label: "Team time lost while getting used to the change", unit: "share" },
  "change.adoptionDipMonths": { label: "Months of getting used to the change", unit: "months" },
  "change.external.consultants": { label: "Outside help", unit: "money" },
  "change.external.hardware": { label: "Hardware", unit: "money" },
  "change.external.licences": { label: "Licence fees paid up front", unit: "money" },
  "change.external.trainingPerPerson": { label: "Training for each person", unit: "money" },
  "change.external.other": { label: "Other one-off spending", unit: "money" },
  "change.alongside.people": { label: "People working on the change alongside the new way", unit: "people" },
  "change.alongside.forMonths": { label: "Months they work on it", unit: "months" },
  "waiting.runsPerWeekPerPerson": { label: "Jobs one person waits for each week", unit: "count" },
  "waiting.minutesPerRun": { label: "Minutes one job takes to run", unit: "minutes" },
  "waiting.focusLostShare": { label: "Share of waiting time lost to broken focus", unit: "share" },
  "waiting.contextSwitchMinutes": { label: "Minutes to get back to work after each job", unit: "minutes" },
  "meetings.hoursPerPersonPerMonth": { label: "Hours a month each person spends in meetings and hand-offs", unit: "hours" },
  "meetings.otherTeamsHoursPerMonth": { label: "Hours a month other teams spend on them", unit: "hours" },
  "meetings.otherTeamsHourlyCost": { label: "Cost of an hour of other teams' time", unit: "money" },
  "tooling.licences.flatPerYear": { label: "Licence fee a year", unit: "money" },
  "tooling.licences.flatPerMonth": { label: "Licence fee a month", unit: "money" },
  "tooling.licences.perUserPerMonth": { label: "Licence fee a month for each person", unit: "money" },
  "tooling.licences.perUserPerYear": { label: "Licence fee a year for each person", unit: "money" },
  "tooling.licences.fromMonth": { label: "First month licences are paid", unit: "month" },
  "tooling.licences.untilMonth": { label: "Last month licences are paid", unit: "month" },
  "tooling.infrastructure.perMonth": { label: "Computing costs a month", unit: "money" },
  "tooling.infrastructure.perYear": { label: "Computing costs a year", unit: "money" },
  "tooling.infrastructure.perUserPerYear": { label: "Computing costs a year for each person", unit: "money" },
  "tooling.infrastructure.perLiveProjectPerMonth": { label: "Computing costs a month for each live project", unit: "money" },
  "tooling.infrastructure.fromMonth": { label: "First month computing costs are paid", unit: "month" },
  "tooling.infrastructure.untilMonth": { label: "Last month computing costs are paid", unit: "month" },
  "tooling.supportStaff.monthlyCostEach": { label: "Monthly cost of one support person", unit: "money" },
  "tooling.supportStaff.annualSalaryEach": { label: "Yearly salary of one support person", unit: "money" },
  "tooling.supportStaff.benefitsMultiplier": { label: "Employer costs on top of a support person's salary", unit: "factor" },
  "tooling.supportStaff.liveProjectsEach": { label: "Live projects one support person looks after", unit: "count" },
  "tooling.supportStaff.minimum": { label: "Support people needed at least", unit: "count" },
  "tooling.supportStaff.fromMonth": { label: "First month support staff are paid", unit: "month" },
  "tooling.supportStaff.untilMonth": { label: "Last month support staff are paid", unit: "month" },
  "tooling.training.perPersonPerYear": { label: "Training a year for each person", unit: "money" },
  "tooling.training.fromMonth": { label: "First month training is paid", unit: "month" },
  "tooling.training.untilMonth": { label: "Last month training is paid", unit: "month" },
  "delivery.featuresPerYear": { label: "Features or experiments delivered a year", unit: "count" },
  "delivery.linesOfBusiness": { label: "Lines of business", unit: "count" },
  "delivery.timeReinvestedShare": { label: "Share of them the team has time for", unit: "share" },
  "delivery.successRate": { label: "Share of features that succeed", unit: "share" },
  "delivery.revenueImpactShare": { label: "Revenue one successful feature adds a year", unit: "share" },
  "delivery.annualRevenue": { label: "Yearly revenue of the product", unit: "money" },
  "projects.alreadyLive": { label: "Projects live at the start", unit: "count" },
  "projects.buildHours": { label: "Hours to build and release one project", unit: "hours" },
  "projects.upkeepHoursPerMonth": { label: "Upkeep hours a month for each live project", unit: "hours" },
  "projects.valuePerMonth": { label: "What one live project earns or saves a month", unit: "money" },
  "breakage.deploymentsPerProjectPerMonth": { label: "Changes released a month for each live project", unit: "count" },
  "breakage.deploymentsPerYear": { label: "Changes released a year by the whole team", unit: "count" },
  "breakage.changeFailureRate": { label: "Share of changes that fail", unit: "share" },
  "breakage.hoursToRestore": { label: "Hours of outage until a failure is fixed", unit: "hours" },
  "breakage.outageCostPerHour": { label: "Cost of an hour of outage", unit: "money" },
  "breakage.fixHoursPerFailure": { label: "Team hours to fix each failure", unit: "hours" },
  "turnover.attritionPerYear": { label: "Share of the team leaving each year", unit: "rate" },
  "turnover.hiringCost": { label: "Cost of hiring a replacement", unit: "money" },
  "turnover.vacancyMonths": { label: "Months a seat stays empty", unit: "months" },
  "turnover.rampUpMonths": { label: "Months a newcomer needs to get up to speed", unit: "months" },
  "turnover.rampUpOutputShare": { label: "Output of a newcomer while getting up to speed", unit: "share" },
  "turnover.knowledgeLossHours": { label: "Hours lost with each person who leaves", unit: "hours" },
  "releases.newWorkThresholdHours": { label: "Free hours a month needed to start new work", unit: "hours" },
  "releases.backlog": { label: "Most new projects to build", unit: "count" },
};

const segmentPattern = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[("(?:[^"\\]|\\.)*")\]|\[(\d+)\]/y;

/**
 * Splits an input's path as the engine writes it back into segments.
 * @example parseInputPath('scenarios["my case"].team.people') // ["scenarios", "my case", "team", "people"]
 */
export function parseInputPath(input: string): (string | number)[] {
  const segments: (string | number)[] = [];
  segmentPattern.lastIndex = 0;
  while (segmentPattern.lastIndex < input.length) {
    const match = segmentPattern.exec(input);
    if (!match) return [input];
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(JSON.parse(match[2]) as string);
    else segments.push(Number(match[3]));
  }
  return segments;
}

export interface InputDescription {
  /** The field inside a scenario, e.g. "projects.upkeepHoursPerMonth". */
  field: string;
  label: string;
  unit: InputUnit;
  /** The scenario that sets it, when it is a scenario's own value. */
  scenario?: string;
}

function words(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Whether a field inside a scenario (e.g. "projects.buildHours") has plain words of its own. */
export function hasMeaning(field: string): boolean {
  return meanings[field] !== undefined;
}

/**
 * Plain words for an input of the scenario file.
 * @example describeInput("scenarios.optimal.projects.upkeepHoursPerMonth").label // "Upkeep hours a month for each live project"
 */
export function describeInput(input: string): InputDescription {
  const segments = parseInputPath(input);
  let scenario: string | undefined;
  let inner = segments;
  if (segments[0] === "scenarios" && segments.length > 2) {
    scenario = String(segments[1]);
    inner = segments.slice(2);
  } else if (segments[0] === "defaults") {
    inner = segments.slice(1);
  }
  const field = inner.map(String).join(".");
  if (inner[0] === "manualTasks" && inner.length === 3) {
    if (inner[2] === "shareOfTime")
      return { field, label: `Share of time on the chore “${String(inner[1])}”`, unit: "share", ...(scenario ? { scenario } : {}) };
    return { field, label: `Minutes a week on the chore “${String(inner[1])}”`, unit: "minutes", ...(scenario ? { scenario } : {}) };
  }
  const meaning = meanings[field] ?? { label: words(String(inner[inner.length - 1] ?? input)), unit: "count" as const };
  return { field, label: meaning.label, unit: meaning.unit, ...(scenario ? { scenario } : {}) };
}

/**
 * An input's label with the options that use it, when not all of them do.
 * @example inputLabel(assumption, result) // "Upkeep hours a month for each live project (Today)"
 */
export function inputLabel(assumption: Assumption, result: CaseResult): string {
  const { label } = describeInput(assumption.input);
  const names = Object.keys(result.scenarios);
  if (assumption.usedBy.length === 0 || names.every((name) => assumption.usedBy.includes(name))) return label;
  const labels = assumption.usedBy.map((name) => result.scenarios[name]?.label ?? name);
  return `${label} (${labels.join(", ")})`;
}

/**
 * An input's value in its unit, as the user wrote it.
 * @example formatInputValue(0.25, "share", "EUR") // "25%"
 */
export function formatInputValue(value: number, unit: InputUnit, currency: string): string {
  switch (unit) {
    case "money":
      return formatInputMoney(value, currency);
    case "share":
    case "rate":
      return `${formatNumber(value * 100, 1)}%`;
    case "hours":
      return `${formatNumber(value, 2)} ${value === 1 ? "hour" : "hours"}`;
    case "minutes":
      return `${formatNumber(value, 2)} ${value === 1 ? "minute" : "minutes"}`;
    case "weeks":
      return `${formatNumber(value, 2)} ${value === 1 ? "week" : "weeks"}`;
    case "months":
      return `${formatNumber(value, 2)} ${value === 1 ? "month" : "months"}`;
    case "month":
      return `month ${formatNumber(value)}`;
    case "people":
      return `${formatNumber(value, 2)} ${value === 1 ? "person" : "people"}`;
    case "factor":
      return `×${formatNumber(value, 2)}`;
    case "count":
      return formatNumber(value, 2);
    default:
      return unit satisfies never;
  }
}

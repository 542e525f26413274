import type { ParameterName } from "../engine/index.js";
import { add, compare, div, int, max, mul, num, or, pow, roundWhole, str, sub, when, type Expr } from "./formula.js";

/**
 * The figures of a "way of working" (simulate.ts `waysOfWorking`): what a scenario's tooling
 * changes. An alternative works the baseline's way until its change is in place, so these are
 * worked out twice for an alternative: its own way, and the baseline's way for its team.
 */
export type WayName =
  | "departures"
  | "vacancyHours"
  | "rampUpHours"
  | "knowledgeLossHours"
  | "hiringPerMonth"
  | "waitingHours"
  | "meetingHours"
  | "choresFixedHours"
  | "choresPerProjectHours"
  | "failuresPerProject"
  | "failuresOfTeam"
  | "deliveryValuePerMonth"
  | "outagePerFailure"
  | "otherTeamsCost";

/** Figures that do not depend on the way of working. */
export type ScenarioFigureName =
  | "hourlyCost"
  | "payroll"
  | "capacityHours"
  | "setupMonthsWhole"
  | "contingencyFactor"
  | "setupPerMonth"
  | "learningPerMonth"
  | "changeEndsMonth"
  | "dipStartsMonth"
  | "dipEndsMonth"
  | "externalSpend"
  | "paidAtTimeZero"
  | "licencesPerMonth"
  | "alongsidePerMonth"
  | "alongsideEndsMonth"
  | "discountFactor"
  | "readyMonth"
  | "turnoverLossHours"
  | "hoursPerPersonNet"
  | "hoursPerProject"
  | "maxLiveProjectsPerPerson"
  | "liveProjectsPerPerson"
  | "maxLiveProjects";

export type WorkedOutName = WayName | ScenarioFigureName;

export type FormatKind = "hours" | "money" | "count" | "share" | "factor" | "tenth" | "discountFactor" | "month" | "text";

/** What a worked-out formula can point at. */
export interface WorkedOutContext {
  readonly input: (name: ParameterName) => Expr;
  readonly row: (name: WorkedOutName) => Expr;
  readonly salaried: boolean;
}

export interface WorkedOutRow<Name extends string = WorkedOutName> {
  readonly name: Name;
  readonly label: string;
  readonly unit: string;
  readonly format: FormatKind;
  readonly build: (context: WorkedOutContext) => Expr;
}

/** The inputs a way of working reads; the team's size (people, hours) is always the scenario's own. */
export const wayParameters: ReadonlySet<ParameterName> = new Set<ParameterName>([
  "attritionPerYear",
  "vacancyMonths",
  "rampUpMonths",
  "rampUpOutputShare",
  "knowledgeLossHours",
  "hiringCost",
  "runsPerWeekPerPerson",
  "minutesPerRun",
  "focusLostShare",
  "contextSwitchMinutes",
  "meetingHoursPerPerson",
  "manualMinutesPerPerson",
  "manualMinutesPerTeam",
  "manualMinutesPerProject",
  "manualSharePerPerson",
  "deploymentsPerProject",
  "deploymentsPerYear",
  "featuresPerYear",
  "linesOfBusiness",
  "timeReinvestedShare",
  "successRate",
  "revenueImpactShare",
  "annualRevenue",
  "changeFailureRate",
  "fixHoursPerFailure",
  "hoursToRestore",
  "outageCostPerHour",
  "upkeepHours",
  "buildHours",
  "valuePerMonth",
  "otherTeamsHours",
  "otherTeamsHourlyCost",
]);

/** Weeks in an average month, written as the fraction the engine uses. */
const weeksPerMonth = () => div(num(52), num(12));
const one = () => num(1);

/** The month the new way of working starts: after the setup, or at the change's start without one (simulate.ts). */
function newWayStarts({ input, row }: WorkedOutContext): Expr {
  return add(
    input("startMonth"),
    when(or(compare(input("setupHours"), ">", num(0)), compare(row("learningPerMonth"), ">", num(0))), row("setupMonthsWhole"), num(0)),
  );
}

/** The way of working, in the order and with the operations of simulate.ts. */
export const wayRows: readonly WorkedOutRow<WayName>[] = [
  {
    name: "departures",
    label: "People leaving a month (expected)",
    unit: "people a month",
    format: "factor",
    build: ({ input }) => div(mul(input("people"), input("attritionPerYear")), num(12)),
  },
  {
    name: "vacancyHours",
    label: "Hours lost to empty seats",
    unit: "hours a month",
    format: "hours",
    build: ({ input, row }) => mul(mul(row("departures"), input("vacancyMonths")), input("hoursPerMonth")),
  },
  {
    name: "rampUpHours",
    label: "Hours lost while newcomers ramp up",
    unit: "hours a month",
    format: "hours",
    build: ({ input, row }) => mul(mul(mul(row("departures"), input("rampUpMonths")), input("hoursPerMonth")), sub(one(), input("rampUpOutputShare"))),
  },
  {
    name: "knowledgeLossHours",
    label: "Hours lost to knowledge walking out",
    unit: "hours a month",
    format: "hours",
    build: ({ input, row }) => mul(row("departures"), input("knowledgeLossHours")),
  },
  {
    name: "hiringPerMonth",
    label: "Hiring cost a month",
    unit: "{currency} a month",
    format: "money",
    build: ({ input, row }) => mul(row("departures"), input("hiringCost")),
  },
  {
    name: "waitingHours",
    label: "Hours lost waiting for jobs",
    unit: "hours a month",
    format: "hours",
    build: ({ input }) =>
      div(
        mul(
          mul(mul(input("people"), input("runsPerWeekPerPerson")), weeksPerMonth()),
          add(mul(input("minutesPerRun"), input("focusLostShare")), input("contextSwitchMinutes")),
        ),
        num(60),
      ),
  },
  {
    name: "meetingHours",
    label: "Hours in meetings and hand-offs",
    unit: "hours a month",
    format: "hours",
    build: ({ input }) => mul(input("people"), input("meetingHoursPerPerson")),
  },
  {
    name: "choresFixedHours",
    label: "Chores per person and per team",
    unit: "hours a month",
    format: "hours",
    build: ({ input }) =>
      add(
        div(mul(add(mul(input("manualMinutesPerPerson"), input("people")), input("manualMinutesPerTeam")), weeksPerMonth()), num(60)),
        mul(mul(input("manualSharePerPerson"), input("people")), input("hoursPerMonth")),
      ),
  },
  {
    name: "choresPerProjectHours",
    label: "Chores for each live project",
    unit: "hours a month",
    format: "hours",
    build: ({ input }) => div(mul(input("manualMinutesPerProject"), weeksPerMonth()), num(60)),
  },
  {
    name: "failuresPerProject",
    label: "Failed changes for each live project",
    unit: "a month",
    format: "factor",
    build: ({ input }) => mul(input("deploymentsPerProject"), input("changeFailureRate")),
  },
  {
    name: "failuresOfTeam",
    label: "Failed changes a month of the team's own deployments (not per project)",
    unit: "failures a month",
    format: "factor",
    build: ({ input }) => mul(div(input("deploymentsPerYear"), num(12)), input("changeFailureRate")),
  },
  {
    name: "deliveryValuePerMonth",
    label: "Value of features delivered apart from projects",
    unit: "{currency} a month",
    format: "money",
    build: ({ input }) =>
      div(
        mul(
          mul(
            mul(mul(mul(input("featuresPerYear"), input("linesOfBusiness")), input("timeReinvestedShare")), input("successRate")),
            input("revenueImpactShare"),
          ),
          input("annualRevenue"),
        ),
        num(12),
      ),
  },
  {
    name: "outagePerFailure",
    label: "Outage cost of one failure",
    unit: "{currency}",
    format: "money",
    build: ({ input }) => mul(input("hoursToRestore"), input("outageCostPerHour")),
  },
  {
    name: "otherTeamsCost",
    label: "Other teams' hours in meetings, in money",
    unit: "{currency} a month",
    format: "money",
    build: ({ input }) => mul(input("otherTeamsHours"), input("otherTeamsHourlyCost")),
  },
];

/** Figures worked out before the way of working: pay, the change and its timing. */
export const scenarioRowsBefore: readonly WorkedOutRow<ScenarioFigureName>[] = [
  {
    name: "hourlyCost",
    label: "Cost of one hour of the team",
    unit: "{currency} an hour",
    format: "money",
    build: ({ input, salaried }) =>
      salaried ? div(mul(input("salaryAnnual"), input("benefitsMultiplier")), input("workingHoursPerYear")) : input("hourlyCost"),
  },
  {
    name: "payroll",
    label: "Team pay a month",
    unit: "{currency} a month",
    format: "money",
    build: ({ input, row, salaried }) =>
      salaried
        ? div(mul(mul(input("people"), input("salaryAnnual")), input("benefitsMultiplier")), num(12))
        : mul(mul(input("people"), input("hoursPerMonth")), row("hourlyCost")),
  },
  {
    name: "capacityHours",
    label: "Team hours a month",
    unit: "hours a month",
    format: "hours",
    build: ({ input }) => mul(input("people"), input("hoursPerMonth")),
  },
  {
    name: "setupMonthsWhole",
    label: "Months of setup (whole months, at least 1)",
    unit: "months",
    format: "month",
    build: ({ input }) => max(one(), roundWhole(input("setupMonths"))),
  },
  { name: "contingencyFactor", label: "Contingency multiplier", unit: "factor", format: "factor", build: ({ input }) => add(one(), input("contingencyShare")) },
  {
    name: "setupPerMonth",
    label: "Setup hours a month during the change",
    unit: "hours a month",
    format: "hours",
    build: ({ input, row }) => div(mul(mul(input("setupHours"), input("organisationFactor")), row("contingencyFactor")), row("setupMonthsWhole")),
  },
  {
    name: "learningPerMonth",
    label: "Learning hours a month during the change",
    unit: "hours a month",
    format: "hours",
    build: ({ input, row }) =>
      div(
        mul(
          mul(mul(mul(mul(input("learningWeeksPerPerson"), input("people")), input("hoursPerMonth")), div(num(12), num(52))), sub(one(), input("familiarity"))),
          input("organisationFactor"),
        ),
        row("setupMonthsWhole"),
      ),
  },
  {
    name: "changeEndsMonth",
    label: "Last month of the setup and learning",
    unit: "month",
    format: "month",
    build: ({ input, row }) => sub(add(input("startMonth"), row("setupMonthsWhole")), one()),
  },
  {
    name: "dipStartsMonth",
    label: "First month of the adoption dip (when the new way starts: after the setup, or at the start without one)",
    unit: "month",
    format: "month",
    build: newWayStarts,
  },
  {
    name: "dipEndsMonth",
    label: "Last month of the adoption dip",
    unit: "month",
    format: "month",
    build: ({ input, row }) => sub(add(row("dipStartsMonth"), roundWhole(input("adoptionDipMonths"))), one()),
  },
  {
    name: "externalSpend",
    label: "One-off spending, contingency included",
    unit: "{currency}",
    format: "money",
    build: ({ input, row }) =>
      mul(
        add(
          add(
            add(add(input("externalConsultants"), input("externalHardware")), input("externalLicences")),
            mul(input("externalTrainingPerPerson"), input("people")),
          ),
          input("externalOther"),
        ),
        row("contingencyFactor"),
      ),
  },
  {
    name: "paidAtTimeZero",
    label: "Paid up front, at time 0 (when the change starts in month 1; one that starts later pays in the month before it starts: 0 here)",
    unit: "{currency}",
    format: "money",
    build: ({ input, row }) => when(compare(input("startMonth"), "<=", one()), row("externalSpend"), num(0)),
  },
  {
    name: "licencesPerMonth",
    label: "Licences a month (besides a yearly fee)",
    unit: "{currency} a month",
    format: "money",
    build: ({ input }) => add(input("licenceFlatPerMonth"), mul(input("licencePerUserPerMonth"), input("people"))),
  },
  {
    name: "alongsidePerMonth",
    label: "Hours a month of staff on the change alongside the new way",
    unit: "hours a month",
    format: "hours",
    build: ({ input }) => mul(input("alongsidePeople"), input("hoursPerMonth")),
  },
  {
    name: "alongsideEndsMonth",
    label: "Last month of that effort",
    unit: "month",
    format: "month",
    build: ({ input }) => sub(add(input("startMonth"), roundWhole(input("alongsideMonths"))), one()),
  },
  {
    name: "discountFactor",
    label: "Discount factor for one month",
    unit: "factor",
    format: "discountFactor",
    build: ({ input }) => pow(add(one(), input("discountRate")), div(num(-1), num(12))),
  },
];

/** An alternative's new way of working starts once its setup is done (at once when it has no setup). */
export const readyMonthRow: WorkedOutRow<ScenarioFigureName> = {
  name: "readyMonth",
  label: "Month the new way of working starts (the change is in place)",
  unit: "month",
  format: "month",
  build: newWayStarts,
};

/** The most live projects one person can keep (capacity.ts), from the scenario's own way of working. */
/**
 * One person's net hours over one live project's (capacity.ts): "no limit" when a project needs none (or
 * so little that the ratio passes 1e300), 0 when steady work takes all of a person's hours, else the ratio
 * as `finish` writes it (whole projects, or unrounded).
 */
function projectsPerPerson(row: WorkedOutContext["row"], finish: (ratio: Expr) => Expr): Expr {
  const ratio = div(row("hoursPerPersonNet"), row("hoursPerProject"));
  return when(
    compare(row("hoursPerProject"), "<=", num(0)),
    str("no limit"),
    when(compare(row("hoursPerPersonNet"), "<=", num(0)), num(0), when(compare(ratio, ">", num(1e300)), str("no limit"), finish(ratio))),
  );
}

export const capacityRows: readonly WorkedOutRow<ScenarioFigureName>[] = [
  {
    name: "turnoverLossHours",
    label: "Hours lost to people leaving (empty seats, ramp-up, knowledge)",
    unit: "hours a month",
    format: "hours",
    build: ({ input, row }) =>
      mul(
        row("departures"),
        add(
          add(
            mul(input("vacancyMonths"), input("hoursPerMonth")),
            mul(mul(input("rampUpMonths"), input("hoursPerMonth")), sub(one(), input("rampUpOutputShare"))),
          ),
          input("knowledgeLossHours"),
        ),
      ),
  },
  {
    name: "hoursPerPersonNet",
    label: "Hours one person has, net of steady overheads",
    unit: "hours a month",
    format: "hours",
    build: ({ input, row }) =>
      sub(
        input("hoursPerMonth"),
        div(
          add(
            add(add(add(row("turnoverLossHours"), row("choresFixedHours")), row("waitingHours")), row("meetingHours")),
            mul(row("failuresOfTeam"), input("fixHoursPerFailure")),
          ),
          input("people"),
        ),
      ),
  },
  {
    name: "hoursPerProject",
    label: "Hours one live project needs (upkeep, chores, failures)",
    unit: "hours a month",
    format: "hours",
    build: ({ input, row }) => add(add(input("upkeepHours"), row("choresPerProjectHours")), mul(row("failuresPerProject"), input("fixHoursPerFailure"))),
  },
  {
    name: "maxLiveProjectsPerPerson",
    label: "Most live projects one person can keep",
    unit: "projects",
    format: "count",
    build: ({ row }) => projectsPerPerson(row, (ratio) => int(add(ratio, num(1e-9)))),
  },
  {
    // The JSON's `liveProjectsPerPerson`: one person's hours over one project's, unrounded (page 1's "about 2.4 per person").
    name: "liveProjectsPerPerson",
    label: "Live projects per person, unrounded",
    unit: "projects",
    format: "tenth",
    build: ({ row }) => projectsPerPerson(row, (ratio) => ratio),
  },
  {
    // The JSON's `maxLiveProjects`: the whole projects the team keeps together, ⌊people × per person⌋
    // (9 for examples/team.yaml's 4 people today, where 4 × 2 would say 8; docs/numbers.md, "Capacity").
    name: "maxLiveProjects",
    label: "Most live projects the team can keep",
    unit: "projects",
    format: "count",
    build: ({ input, row }) =>
      when(
        compare(row("hoursPerProject"), "<=", num(0)),
        str("no limit"),
        when(
          compare(row("hoursPerPersonNet"), "<=", num(0)),
          num(0),
          when(
            compare(div(row("hoursPerPersonNet"), row("hoursPerProject")), ">", num(1e300)),
            str("no limit"),
            int(add(mul(input("people"), div(row("hoursPerPersonNet"), row("hoursPerProject"))), num(1e-9))),
          ),
        ),
      ),
  },
];

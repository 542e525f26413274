import type { ParameterName } from "../engine/model/parameters.js";
import { add, compare, div, int, max, mul, num, pow, roundWhole, str, sub, when, type Expr } from "./formula.js";

/** Names of the per-scenario figures worked out once from the inputs. */
export type WorkedOutName =
  | "hourlyCost"
  | "payroll"
  | "capacityHours"
  | "departures"
  | "vacancyHours"
  | "rampUpHours"
  | "knowledgeLossHours"
  | "hiringPerMonth"
  | "setupMonthsWhole"
  | "contingencyFactor"
  | "setupPerMonth"
  | "learningPerMonth"
  | "changeEndsMonth"
  | "dipEndsMonth"
  | "externalSpend"
  | "paidAtTimeZero"
  | "waitingHours"
  | "meetingHours"
  | "choresFixedHours"
  | "choresPerProjectHours"
  | "failuresPerProject"
  | "licencesPerMonth"
  | "otherTeamsCost"
  | "discountFactor"
  | "turnoverLossHours"
  | "hoursPerPersonNet"
  | "hoursPerProject"
  | "maxLiveProjectsPerPerson";

export type FormatKind = "hours" | "money" | "count" | "share" | "factor" | "discountFactor" | "month" | "text";

export interface WorkedOutRow {
  readonly name: WorkedOutName;
  readonly label: string;
  readonly unit: string;
  readonly format: FormatKind;
  /** The formula, from references to the scenario's inputs and to rows above it. */
  readonly build: (input: (name: ParameterName) => Expr, row: (name: WorkedOutName) => Expr, salaried: boolean) => Expr;
}

/** Weeks in an average month, written as the fraction the engine uses. */
const weeksPerMonth = () => div(num(52), num(12));
const one = () => num(1);

/**
 * The figures the simulation needs that do not change from month to month, in the order and with
 * the operations of `simulate.ts` (and `capacity.ts` for the most projects one person can keep).
 */
export const workedOutRows: readonly WorkedOutRow[] = [
  {
    name: "hourlyCost",
    label: "Cost of one hour of the team",
    unit: "{currency} an hour",
    format: "money",
    build: (p, _r, salaried) => (salaried ? div(mul(p("salaryAnnual"), p("benefitsMultiplier")), p("workingHoursPerYear")) : p("hourlyCost")),
  },
  {
    name: "payroll",
    label: "Team pay a month",
    unit: "{currency} a month",
    format: "money",
    build: (p, r, salaried) => (salaried ? div(mul(mul(p("people"), p("salaryAnnual")), p("benefitsMultiplier")), num(12)) : mul(mul(p("people"), p("hoursPerMonth")), r("hourlyCost"))),
  },
  { name: "capacityHours", label: "Team hours a month", unit: "hours a month", format: "hours", build: (p) => mul(p("people"), p("hoursPerMonth")) },
  { name: "departures", label: "People leaving a month (expected)", unit: "people a month", format: "factor", build: (p) => div(mul(p("people"), p("attritionPerYear")), num(12)) },
  { name: "vacancyHours", label: "Hours lost to empty seats", unit: "hours a month", format: "hours", build: (p, r) => mul(mul(r("departures"), p("vacancyMonths")), p("hoursPerMonth")) },
  {
    name: "rampUpHours",
    label: "Hours lost while newcomers ramp up",
    unit: "hours a month",
    format: "hours",
    build: (p, r) => mul(mul(mul(r("departures"), p("rampUpMonths")), p("hoursPerMonth")), sub(one(), p("rampUpOutputShare"))),
  },
  { name: "knowledgeLossHours", label: "Hours lost to knowledge walking out", unit: "hours a month", format: "hours", build: (p, r) => mul(r("departures"), p("knowledgeLossHours")) },
  { name: "hiringPerMonth", label: "Hiring cost a month", unit: "{currency} a month", format: "money", build: (p, r) => mul(r("departures"), p("hiringCost")) },
  { name: "setupMonthsWhole", label: "Months of setup (whole months, at least 1)", unit: "months", format: "month", build: (p) => max(one(), roundWhole(p("setupMonths"))) },
  { name: "contingencyFactor", label: "Contingency multiplier", unit: "factor", format: "factor", build: (p) => add(one(), p("contingencyShare")) },
  {
    name: "setupPerMonth",
    label: "Setup hours a month during the change",
    unit: "hours a month",
    format: "hours",
    build: (p, r) => div(mul(mul(p("setupHours"), p("organisationFactor")), r("contingencyFactor")), r("setupMonthsWhole")),
  },
  {
    name: "learningPerMonth",
    label: "Learning hours a month during the change",
    unit: "hours a month",
    format: "hours",
    build: (p, r) =>
      div(
        mul(mul(mul(mul(mul(p("learningWeeksPerPerson"), p("people")), p("hoursPerMonth")), div(num(12), num(52))), sub(one(), p("familiarity"))), p("organisationFactor")),
        r("setupMonthsWhole"),
      ),
  },
  { name: "changeEndsMonth", label: "Last month of the change", unit: "month", format: "month", build: (p, r) => sub(add(p("startMonth"), r("setupMonthsWhole")), one()) },
  { name: "dipEndsMonth", label: "Last month of the adoption dip", unit: "month", format: "month", build: (p, r) => add(r("changeEndsMonth"), roundWhole(p("adoptionDipMonths"))) },
  {
    name: "externalSpend",
    label: "One-off spending, contingency included",
    unit: "{currency}",
    format: "money",
    build: (p, r) =>
      mul(add(add(add(add(p("externalConsultants"), p("externalHardware")), p("externalLicences")), mul(p("externalTrainingPerPerson"), p("people"))), p("externalOther")), r("contingencyFactor")),
  },
  {
    name: "paidAtTimeZero",
    label: "Paid up front (time 0: the change starts in month 1)",
    unit: "{currency}",
    format: "money",
    build: (p, r) => when(compare(p("startMonth"), "<=", one()), r("externalSpend"), num(0)),
  },
  {
    name: "waitingHours",
    label: "Hours lost waiting for jobs",
    unit: "hours a month",
    format: "hours",
    build: (p) => div(mul(mul(mul(p("people"), p("runsPerWeekPerPerson")), weeksPerMonth()), add(mul(p("minutesPerRun"), p("focusLostShare")), p("contextSwitchMinutes"))), num(60)),
  },
  { name: "meetingHours", label: "Hours in meetings and hand-offs", unit: "hours a month", format: "hours", build: (p) => mul(p("people"), p("meetingHoursPerPerson")) },
  {
    name: "choresFixedHours",
    label: "Chores per person and per team",
    unit: "hours a month",
    format: "hours",
    build: (p) => div(mul(add(mul(p("manualMinutesPerPerson"), p("people")), p("manualMinutesPerTeam")), weeksPerMonth()), num(60)),
  },
  { name: "choresPerProjectHours", label: "Chores for each live project", unit: "hours a month", format: "hours", build: (p) => div(mul(p("manualMinutesPerProject"), weeksPerMonth()), num(60)) },
  { name: "failuresPerProject", label: "Failed changes for each live project", unit: "a month", format: "factor", build: (p) => mul(p("deploymentsPerProject"), p("changeFailureRate")) },
  { name: "licencesPerMonth", label: "Licences a month (besides a yearly fee)", unit: "{currency} a month", format: "money", build: (p) => add(p("licenceFlatPerMonth"), mul(p("licencePerUserPerMonth"), p("people"))) },
  { name: "otherTeamsCost", label: "Other teams' hours in meetings, in money", unit: "{currency} a month", format: "money", build: (p) => mul(p("otherTeamsHours"), p("otherTeamsHourlyCost")) },
  { name: "discountFactor", label: "Discount factor for one month", unit: "factor", format: "discountFactor", build: (p) => pow(add(one(), p("discountRate")), div(num(-1), num(12))) },
  {
    name: "turnoverLossHours",
    label: "Hours lost to people leaving (empty seats, ramp-up, knowledge)",
    unit: "hours a month",
    format: "hours",
    build: (p, r) =>
      mul(
        r("departures"),
        add(add(mul(p("vacancyMonths"), p("hoursPerMonth")), mul(mul(p("rampUpMonths"), p("hoursPerMonth")), sub(one(), p("rampUpOutputShare")))), p("knowledgeLossHours")),
      ),
  },
  {
    name: "hoursPerPersonNet",
    label: "Hours one person has, net of steady overheads",
    unit: "hours a month",
    format: "hours",
    build: (p, r) => sub(p("hoursPerMonth"), div(add(add(add(r("turnoverLossHours"), r("choresFixedHours")), r("waitingHours")), r("meetingHours")), p("people"))),
  },
  {
    name: "hoursPerProject",
    label: "Hours one live project needs (upkeep, chores, failures)",
    unit: "hours a month",
    format: "hours",
    build: (p, r) => add(add(p("upkeepHours"), r("choresPerProjectHours")), mul(r("failuresPerProject"), p("fixHoursPerFailure"))),
  },
  {
    name: "maxLiveProjectsPerPerson",
    label: "Most live projects one person can keep",
    unit: "projects",
    format: "count",
    build: (_p, r) =>
      when(
        compare(r("hoursPerProject"), "<=", num(0)),
        str("no limit"),
        when(compare(r("hoursPerPersonNet"), "<=", num(0)), num(0), int(add(div(r("hoursPerPersonNet"), r("hoursPerProject")), num(1e-9)))),
      ),
  },
];

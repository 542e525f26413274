import { cashCostFields, monthlyFieldNames, type MonthlyField, type ParameterName } from "../engine/index.js";
import { add, and, ceiling, compare, div, flag, int, max, min, mod, mul, neg, num, roundWhole, sub, sum, when, type Expr } from "./formula.js";
import type { WayFigure } from "./inputs-sheet.js";
import type { WorkedOutName } from "./worked-out-inputs.js";

/** What a month's formula can point at. */
export interface MonthContext {
  /** The month number in the header row. */
  readonly month: Expr;
  readonly isFirstMonth: boolean;
  /** A row of this month, already written (rows above). */
  readonly current: (key: RowKey) => Expr;
  /** A row of the month before; the literal 0 in month 1 (nothing carried in). */
  readonly previous: (key: RowKey) => Expr;
  readonly input: (name: ParameterName) => Expr;
  readonly workedOut: (name: WorkedOutName) => Expr;
  /** A way-of-working figure for this month: the baseline's way until the change is in place, then the scenario's own. */
  readonly way: (name: WayFigure) => Expr;
  /** A tooling input for this month: the baseline's until the change starts, then the scenario's own. */
  readonly tool: (name: ParameterName) => Expr;
  /**
   * The month the year in force of a yearly line began: 1, or for an alternative whose change alters
   * that line's yearly amount, from the change's start, that month.
   */
  readonly yearStart: (line: YearlyLine) => Expr;
  /** Schedule mode: projects released and share of a project built in this month (from the file's release months). */
  readonly planned: { readonly releases: number; readonly buildShare: number };
}

/** The cost lines with a yearly amount, each with a year of its own (simulate.ts). */
export type YearlyLine = "licences" | "infrastructure" | "training";

export type RowFormat = "hours" | "money" | "count" | "factor" | "yesNo";

export interface SimulationRow {
  readonly key: RowKey;
  readonly label: string;
  readonly unit: string;
  readonly format: RowFormat;
  /** A working row: not a figure of the engine's result, but a step the formulas need. */
  readonly helper?: boolean;
  /** The engine's monthly column this row reproduces. */
  readonly engineField?: MonthlyField;
  /** Whether the Total column adds the months up. */
  readonly total?: boolean;
  /** The month's formula, or a number fixed by the scenario file's structure. */
  readonly build: (context: MonthContext) => Expr | number;
}

export type RowKey =
  | MonthlyField
  | "inChange"
  | "failures"
  | "usableHours"
  | "plannedBuildShare"
  | "plannedBuildHours"
  | "finishHours"
  | "finishedCurrent"
  | "hoursAfterFinish"
  | "canStartNew"
  | "newFinished"
  | "startsUnfinished"
  | "progressEnd"
  | "startedEnd"
  | "finishedThisMonth"
  | "supportPeople"
  | "supportCostEach"
  | "wayInPlace"
  | "buildHoursPerProject"
  | "finishedHoursThisMonth"
  | "changeHoursTaken"
  | "changeHoursBought"
  | "changeWouldBuild"
  | "changeDisplacedBuild";

const EPSILON = () => num(1e-9);
const zero = () => num(0);
const one = () => num(1);
const isOne = (expr: Expr) => compare(expr, "=", one());

const row = (
  key: RowKey,
  label: string,
  unit: string,
  format: RowFormat,
  build: SimulationRow["build"],
  extra: Partial<SimulationRow> = {},
): SimulationRow => ({
  key,
  label,
  unit,
  format,
  build,
  ...extra,
});

const engine = (field: MonthlyField, total = true): Partial<SimulationRow> => ({ engineField: field, total });
const helper: Partial<SimulationRow> = { helper: true };

/** Rows before building: releases, live projects and where the hours go (simulate.ts, in its order). */
function hourRows(capacityMode: boolean, alternative: boolean): SimulationRow[] {
  const inPlace = row(
    "wayInPlace",
    "The new way of working is in place (until then: the baseline's)",
    "yes / no",
    "yesNo",
    (c) => flag(compare(c.month, ">=", c.workedOut("readyMonth"))),
    helper,
  );
  return [
    ...(alternative ? [inPlace] : []),
    row(
      "releases",
      capacityMode ? "Projects going live (finished last month)" : "Projects going live (release months from the file)",
      "projects",
      "count",
      (c) => (capacityMode ? (c.isFirstMonth ? 0 : c.previous("finishedThisMonth")) : c.planned.releases),
      engine("releases"),
    ),
    row(
      "liveProjects",
      "Live projects",
      "projects",
      "count",
      (c) => add(c.isFirstMonth ? roundWhole(c.input("alreadyLive")) : c.previous("liveProjects"), c.current("releases")),
      engine("liveProjects", false),
    ),
    row("capacityHours", "Team hours", "hours", "hours", (c) => c.workedOut("capacityHours"), engine("capacityHours")),
    row("vacancyHours", "Lost to empty seats", "hours", "hours", (c) => c.way("vacancyHours"), engine("vacancyHours")),
    row("rampUpHours", "Lost while newcomers ramp up", "hours", "hours", (c) => c.way("rampUpHours"), engine("rampUpHours")),
    row(
      "inChange",
      "Setup and learning under way",
      "yes / no",
      "yesNo",
      (c) => flag(and(compare(c.month, ">=", c.input("startMonth")), compare(c.month, "<=", c.workedOut("changeEndsMonth")))),
      helper,
    ),
    row(
      "adoptionDipHours",
      "Lost to the adoption dip",
      "hours",
      "hours",
      (c) =>
        when(
          and(compare(c.month, ">=", c.workedOut("dipStartsMonth")), compare(c.month, "<=", c.workedOut("dipEndsMonth"))),
          mul(c.input("adoptionDipShare"), sub(sub(c.current("capacityHours"), c.current("vacancyHours")), c.current("rampUpHours"))),
          zero(),
        ),
      engine("adoptionDipHours"),
    ),
    row(
      "availableHours",
      "Hours available",
      "hours",
      "hours",
      (c) => sub(sub(sub(c.current("capacityHours"), c.current("vacancyHours")), c.current("rampUpHours")), c.current("adoptionDipHours")),
      engine("availableHours"),
    ),
    row(
      "manualHours",
      "Manual chores",
      "hours",
      "hours",
      (c) => add(c.way("choresFixedHours"), mul(c.way("choresPerProjectHours"), c.current("liveProjects"))),
      engine("manualHours"),
    ),
    row("waitingHours", "Waiting for jobs", "hours", "hours", (c) => c.way("waitingHours"), engine("waitingHours")),
    row("meetingHours", "Meetings and hand-offs", "hours", "hours", (c) => c.way("meetingHours"), engine("meetingHours")),
    row(
      "failures",
      "Failed changes",
      "failures",
      "factor",
      (c) => add(mul(c.way("failuresPerProject"), c.current("liveProjects")), c.way("failuresOfTeam")),
      helper,
    ),
    row("breakageFixHours", "Fixing failures", "hours", "hours", (c) => mul(c.current("failures"), c.way("fixHoursPerFailure")), engine("breakageFixHours")),
    row("knowledgeLossHours", "Knowledge lost with people leaving", "hours", "hours", (c) => c.way("knowledgeLossHours"), engine("knowledgeLossHours")),
    row(
      "setupHours",
      "Setting up the change",
      "hours",
      "hours",
      (c) => when(isOne(c.current("inChange")), c.workedOut("setupPerMonth"), zero()),
      engine("setupHours"),
    ),
    row(
      "learningHours",
      "Learning the new tools",
      "hours",
      "hours",
      (c) => when(isOne(c.current("inChange")), c.workedOut("learningPerMonth"), zero()),
      engine("learningHours"),
    ),
    row(
      "alongsideHours",
      "Staff on the change alongside the new way",
      "hours",
      "hours",
      (c) =>
        when(
          and(compare(c.month, ">=", c.input("startMonth")), compare(c.month, "<=", c.workedOut("alongsideEndsMonth"))),
          c.workedOut("alongsidePerMonth"),
          zero(),
        ),
      engine("alongsideHours"),
    ),
    row(
      "overheadHours",
      "Overheads in all",
      "hours",
      "hours",
      (c) =>
        sum(
          c.current("manualHours"),
          c.current("waitingHours"),
          c.current("meetingHours"),
          c.current("breakageFixHours"),
          c.current("knowledgeLossHours"),
          c.current("setupHours"),
          c.current("learningHours"),
          c.current("alongsideHours"),
        ),
      engine("overheadHours"),
    ),
    row("upkeepHours", "Upkeep of live projects", "hours", "hours", (c) => mul(c.way("upkeepHours"), c.current("liveProjects")), engine("upkeepHours")),
    row(
      "freeHours",
      "Free hours (negative: overloaded)",
      "hours",
      "hours",
      (c) => sub(sub(c.current("availableHours"), c.current("overheadHours")), c.current("upkeepHours")),
      engine("freeHours"),
    ),
    row(
      "overloaded",
      "Overloaded (upkeep and overheads exceed the hours)",
      "yes / no",
      "yesNo",
      (c) => flag(compare(c.current("freeHours"), "<", neg(EPSILON()))),
      engine("overloaded"),
    ),
    row(
      "shortfallHours",
      "Hours short",
      "hours",
      "hours",
      (c) => when(isOne(c.current("overloaded")), neg(c.current("freeHours")), zero()),
      engine("shortfallHours"),
    ),
    row(
      "canStartNewWork",
      "New work can start (free hours reach the threshold)",
      "yes / no",
      "yesNo",
      (c) => flag(and(compare(c.current("overloaded"), "=", zero()), compare(c.current("freeHours"), ">=", sub(c.input("newWorkThresholdHours"), EPSILON())))),
      { engineField: "canStartNewWork", total: false },
    ),
    row("usableHours", "Free hours that can go into building", "hours", "hours", (c) => max(c.current("freeHours"), zero()), helper),
    row("buildHoursPerProject", "Hours to build one project", "hours", "hours", (c) => c.way("buildHours"), helper),
  ];
}

/** Schedule mode: each release's build is spread evenly over the months since the previous one. */
function scheduleRows(): SimulationRow[] {
  return [
    row("plannedBuildShare", "Share of a project to build this month (from the release months)", "projects", "factor", (c) => c.planned.buildShare, helper),
    row("plannedBuildHours", "Build work planned", "hours", "hours", (c) => mul(c.current("plannedBuildShare"), c.current("buildHoursPerProject")), helper),
    row("buildHours", "Building projects", "hours", "hours", (c) => min(c.current("usableHours"), c.current("plannedBuildHours")), engine("buildHours")),
    row("idleHours", "Free hours not used", "hours", "hours", (c) => sub(c.current("usableHours"), c.current("buildHours")), engine("idleHours")),
    row(
      "scheduledBuildShortfallHours",
      "Planned build work with no team hours for it (bought at the hourly cost)",
      "hours",
      "hours",
      (c) => sub(c.current("plannedBuildHours"), c.current("buildHours")),
      engine("scheduledBuildShortfallHours"),
    ),
  ];
}

/**
 * Capacity mode: free hours first finish the project under way, then (when new work can start and
 * the backlog allows) build new projects one after another; a project finished this month goes
 * live next month. The working rows carry the project under way from month to month.
 */
function capacityRows(): SimulationRow[] {
  const build = (c: MonthContext) => c.current("buildHoursPerProject");
  // A project already past the build hours (they shrank when the change came in) is simply done.
  // No project can be built when it needs no build hours (before the change, a baseline releasing on schedule may have none).
  const canBuild = (c: MonthContext) => compare(build(c), ">", EPSILON());
  const slotsLeft = (c: MonthContext) => sub(c.input("backlog"), c.previous("startedEnd"));
  const leftAfterNew = (c: MonthContext) => sub(c.current("hoursAfterFinish"), mul(c.current("newFinished"), build(c)));
  return [
    row(
      "finishHours",
      "Hours to finish the project under way",
      "hours",
      "hours",
      (c) =>
        when(
          and(compare(c.previous("progressEnd"), ">", zero()), compare(c.current("usableHours"), ">", EPSILON()), canBuild(c)),
          max(zero(), min(c.current("usableHours"), sub(build(c), c.previous("progressEnd")))),
          zero(),
        ),
      helper,
    ),
    row(
      "finishedCurrent",
      "The project under way is finished",
      "yes / no",
      "yesNo",
      (c) =>
        flag(
          and(
            compare(c.previous("progressEnd"), ">", zero()),
            compare(add(c.previous("progressEnd"), c.current("finishHours")), ">=", sub(build(c), EPSILON())),
          ),
        ),
      helper,
    ),
    row("hoursAfterFinish", "Hours left for new projects", "hours", "hours", (c) => sub(c.current("usableHours"), c.current("finishHours")), helper),
    row(
      "canStartNew",
      "A new project can be started",
      "yes / no",
      "yesNo",
      (c) =>
        flag(
          and(
            isOne(c.current("canStartNewWork")),
            compare(c.current("hoursAfterFinish"), ">", EPSILON()),
            compare(c.previous("startedEnd"), "<", c.input("backlog")),
            canBuild(c),
          ),
        ),
      helper,
    ),
    row(
      "newFinished",
      "New projects started and finished this month",
      "projects",
      "count",
      (c) => when(isOne(c.current("canStartNew")), min(slotsLeft(c), int(div(add(c.current("hoursAfterFinish"), EPSILON()), build(c)))), zero()),
      helper,
    ),
    row(
      "startsUnfinished",
      "A new project is started and still under way",
      "yes / no",
      "yesNo",
      (c) => flag(and(isOne(c.current("canStartNew")), compare(c.current("newFinished"), "<", slotsLeft(c)), compare(leftAfterNew(c), ">", EPSILON()))),
      helper,
    ),
    row(
      "buildHours",
      "Building projects",
      "hours",
      "hours",
      (c) =>
        add(
          c.current("finishHours"),
          when(
            isOne(c.current("canStartNew")),
            when(
              isOne(c.current("startsUnfinished")),
              c.current("hoursAfterFinish"),
              min(c.current("hoursAfterFinish"), mul(c.current("newFinished"), build(c))),
            ),
            zero(),
          ),
        ),
      engine("buildHours"),
    ),
    row("idleHours", "Free hours not used", "hours", "hours", (c) => sub(c.current("usableHours"), c.current("buildHours")), engine("idleHours")),
    // Capacity mode builds only with hours the team has: nothing is bought (the row keeps the sheets alike).
    row("scheduledBuildShortfallHours", "Build hours bought (schedule mode only)", "hours", "hours", () => zero(), engine("scheduledBuildShortfallHours")),
    row(
      "progressEnd",
      "Build hours done on the project under way (end of month)",
      "hours",
      "hours",
      (c) =>
        when(
          and(compare(c.previous("progressEnd"), ">", zero()), compare(c.current("finishedCurrent"), "=", zero())),
          add(c.previous("progressEnd"), c.current("finishHours")),
          when(isOne(c.current("startsUnfinished")), leftAfterNew(c), zero()),
        ),
      helper,
    ),
    row(
      "startedEnd",
      "Projects started so far",
      "projects",
      "count",
      (c) => add(add(c.previous("startedEnd"), c.current("newFinished")), c.current("startsUnfinished")),
      helper,
    ),
    row(
      "finishedThisMonth",
      "Projects finished this month (live next month)",
      "projects",
      "count",
      (c) => add(c.current("finishedCurrent"), c.current("newFinished")),
      helper,
    ),
    row(
      "finishedHoursThisMonth",
      "Build hours of the projects finished this month",
      "hours",
      "hours",
      (c) =>
        add(
          when(isOne(c.current("finishedCurrent")), add(c.previous("progressEnd"), c.current("finishHours")), zero()),
          mul(c.current("newFinished"), build(c)),
        ),
      helper,
    ),
  ];
}

/**
 * When a cost line's year starts (simulate.ts, docs/numbers.md): month 1, or the change's start month when
 * the change brings a yearly amount of its own; a line's first month, when later, starts its first year.
 */
const YEAR_STARTS = (what: string) => `month 1, the line's first month if later, or the change's start month if it changes ${what}`;

/** Money rows (docs/numbers.md): positive numbers are costs, except project value, recovered hours and the net. */
function moneyRows(capacityMode: boolean): SimulationRow[] {
  // A cost line's window, and its yearly amount: due at the start of each year from the start of the
  // line's year or the line's first month, whichever is later, while the line runs (simulate.ts).
  const runsIn = (c: MonthContext, from: ParameterName, until: ParameterName) =>
    and(compare(c.month, ">=", c.tool(from)), compare(c.month, "<=", c.tool(until)));
  const yearlyDue = (c: MonthContext, line: YearlyLine, from: ParameterName, until: ParameterName) => {
    const first = max(c.yearStart(line), c.tool(from));
    return and(compare(c.month, ">=", first), compare(c.month, "<=", c.tool(until)), compare(mod(sub(c.month, first), num(12)), "=", zero()));
  };
  return [
    row("projectValue", "Value of live projects", "{currency}", "money", (c) => mul(c.current("liveProjects"), c.way("valuePerMonth")), engine("projectValue")),
    row(
      "deliveryValue",
      "Value of features delivered apart from projects",
      "{currency}",
      "money",
      (c) => c.way("deliveryValuePerMonth"),
      engine("deliveryValue"),
    ),
    row(
      "workInProgress",
      capacityMode ? "Work in progress: hours built at their cost, less those of projects going live" : "Work in progress (capacity mode only)",
      "{currency}",
      "money",
      (c) =>
        capacityMode ? mul(sub(c.current("buildHours"), c.isFirstMonth ? zero() : c.previous("finishedHoursThisMonth")), c.workedOut("hourlyCost")) : zero(),
      engine("workInProgress"),
    ),
    row(
      "recoveredCapacity",
      "Free hours not used, worth their share",
      "{currency}",
      "money",
      (c) => mul(mul(c.current("idleHours"), c.workedOut("hourlyCost")), c.input("captureShare")),
      engine("recoveredCapacity"),
    ),
    row(
      "overloadCost",
      "Cost of the hours short (overload and build hours bought)",
      "{currency}",
      "money",
      (c) => mul(add(c.current("shortfallHours"), c.current("scheduledBuildShortfallHours")), c.workedOut("hourlyCost")),
      engine("overloadCost"),
    ),
    row(
      "payroll",
      "Team pay (a vacant seat's share is not paid)",
      "{currency}",
      "money",
      (c) => mul(c.workedOut("payroll"), sub(one(), div(c.current("vacancyHours"), c.current("capacityHours")))),
      engine("payroll"),
    ),
    row(
      "licences",
      `Licences (monthly fees, and a yearly fee at the start of each licence year: ${YEAR_STARTS("the fee")})`,
      "{currency}",
      "money",
      (c) =>
        add(
          when(
            runsIn(c, "licencesFromMonth", "licencesUntilMonth"),
            add(c.tool("licenceFlatPerMonth"), mul(c.tool("licencePerUserPerMonth"), c.input("people"))),
            zero(),
          ),
          when(
            yearlyDue(c, "licences", "licencesFromMonth", "licencesUntilMonth"),
            add(c.tool("licenceFlatPerYear"), mul(c.tool("licencePerUserPerYear"), c.input("people"))),
            zero(),
          ),
        ),
      engine("licences"),
    ),
    row(
      "infrastructure",
      `Cloud and infrastructure (monthly costs, and yearly costs at the start of each infrastructure year: ${YEAR_STARTS("them")})`,
      "{currency}",
      "money",
      (c) =>
        add(
          when(
            runsIn(c, "infrastructureFromMonth", "infrastructureUntilMonth"),
            add(c.tool("infrastructurePerMonth"), mul(c.tool("infrastructurePerLiveProject"), c.current("liveProjects"))),
            zero(),
          ),
          when(
            yearlyDue(c, "infrastructure", "infrastructureFromMonth", "infrastructureUntilMonth"),
            add(c.tool("infrastructurePerYear"), mul(c.tool("infrastructurePerUserPerYear"), c.input("people"))),
            zero(),
          ),
        ),
      engine("infrastructure"),
    ),
    row(
      "supportPeople",
      "Support people needed",
      "people",
      "count",
      (c) =>
        when(
          compare(c.tool("supportLiveProjectsEach"), ">", zero()),
          max(c.tool("supportMinimum"), ceiling(max(zero(), sub(div(c.current("liveProjects"), c.tool("supportLiveProjectsEach")), EPSILON())))),
          c.tool("supportMinimum"),
        ),
      helper,
    ),
    row(
      "supportCostEach",
      "Cost of one support person a month",
      "{currency}",
      "money",
      (c) => add(c.tool("supportMonthlyCostEach"), div(mul(c.tool("supportAnnualSalaryEach"), c.tool("supportBenefitsMultiplier")), num(12))),
      helper,
    ),
    row(
      "supportStaff",
      "Support staff",
      "{currency}",
      "money",
      (c) => when(runsIn(c, "supportFromMonth", "supportUntilMonth"), mul(c.current("supportPeople"), c.current("supportCostEach")), zero()),
      engine("supportStaff"),
    ),
    row(
      "training",
      `Recurring training (a yearly cost at the start of each training year: ${YEAR_STARTS("it")})`,
      "{currency}",
      "money",
      (c) => when(yearlyDue(c, "training", "trainingFromMonth", "trainingUntilMonth"), mul(c.tool("trainingPerPersonPerYear"), c.input("people")), zero()),
      engine("training"),
    ),
    row("outageCost", "Outages", "{currency}", "money", (c) => mul(c.current("failures"), c.way("outagePerFailure")), engine("outageCost")),
    row("hiringCost", "Hiring replacements", "{currency}", "money", (c) => c.way("hiringPerMonth"), engine("hiringCost")),
    row("otherTeamsCost", "Other teams' hours", "{currency}", "money", (c) => c.way("otherTeamsCost"), engine("otherTeamsCost")),
    row(
      "externalSpend",
      "One-off spending (the month before a later change)",
      "{currency}",
      "money",
      (c) =>
        when(and(compare(c.input("startMonth"), ">", one()), compare(c.month, "=", sub(c.input("startMonth"), one()))), c.workedOut("externalSpend"), zero()),
      engine("externalSpend"),
    ),
    row(
      "net",
      "Net: value and recovered hours less all costs",
      "{currency}",
      "money",
      (c) =>
        // Every cash cost line, in the engine's order (simulate.ts subtracts them in the same order).
        cashCostFields.reduce(
          (total, field) => sub(total, c.current(monthlyFieldNames[field]!)),
          add(add(add(c.current("projectValue"), c.current("deliveryValue")), c.current("workInProgress")), c.current("recoveredCapacity")),
        ),
      engine("net"),
    ),
    ...changeCostRows(capacityMode),
  ];
}

/**
 * The change's hours at what they displace (simulate.ts): those that had to be bought, and in capacity
 * mode those the team would have spent building, at the loaded rate; the rest at the capture share.
 */
function changeCostRows(capacityMode: boolean): SimulationRow[] {
  return [
    row(
      "changeHoursTaken",
      "Hours the change takes (setup, learning, dip, effort alongside)",
      "hours",
      "hours",
      (c) => sum(c.current("setupHours"), c.current("learningHours"), c.current("adoptionDipHours"), c.current("alongsideHours")),
      helper,
    ),
    row(
      "changeHoursBought",
      "Of which had to be bought",
      "hours",
      "hours",
      (c) => min(c.current("changeHoursTaken"), add(c.current("shortfallHours"), c.current("scheduledBuildShortfallHours"))),
      { ...helper, ...engine("changeHoursBought", false) },
    ),
    row(
      "changeWouldBuild",
      "With them back, new work could start (capacity mode)",
      "yes / no",
      "yesNo",
      (c) =>
        capacityMode
          ? flag(
              and(
                compare(c.current("buildHoursPerProject"), ">", EPSILON()),
                compare(c.current("startedEnd"), "<", c.input("backlog")),
                compare(add(c.current("freeHours"), c.current("changeHoursTaken")), ">=", sub(c.input("newWorkThresholdHours"), EPSILON())),
              ),
            )
          : zero(),
      helper,
    ),
    row(
      "changeDisplacedBuild",
      "Of the others, hours that would have gone into building: all if new work could start, else what the unfinished project still needs",
      "hours",
      "hours",
      (c) => {
        const rest = sub(c.current("changeHoursTaken"), c.current("changeHoursBought"));
        if (!capacityMode) return zero();
        return when(
          compare(c.current("buildHoursPerProject"), ">", EPSILON()),
          when(
            isOne(c.current("changeWouldBuild")),
            rest,
            when(
              compare(c.current("progressEnd"), ">", zero()),
              max(zero(), min(rest, sub(c.current("buildHoursPerProject"), c.current("progressEnd")))),
              zero(),
            ),
          ),
          zero(),
        );
      },
      helper,
    ),
    row(
      "changeHoursCost",
      "What the change's hours cost: bought or building hours at the hourly cost, idle ones at the captured share",
      "{currency}",
      "money",
      (c) =>
        when(
          compare(c.current("changeHoursTaken"), ">", zero()),
          add(
            mul(add(c.current("changeHoursBought"), c.current("changeDisplacedBuild")), c.workedOut("hourlyCost")),
            mul(
              mul(sub(sub(c.current("changeHoursTaken"), c.current("changeHoursBought")), c.current("changeDisplacedBuild")), c.workedOut("hourlyCost")),
              c.input("captureShare"),
            ),
          ),
          zero(),
        ),
      engine("changeHoursCost"),
    ),
  ];
}

/** Every row of one scenario's block, in the order its formulas need them. */
export function simulationRows(capacityMode: boolean, alternative: boolean): SimulationRow[] {
  return [...hourRows(capacityMode, alternative), ...(capacityMode ? capacityRows() : scheduleRows()), ...moneyRows(capacityMode)];
}

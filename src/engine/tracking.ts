import { benefitCategories, categoryMoney, type BenefitCategory } from "./categories.js";
import { buildResult } from "./build-result.js";
import { compileCase, fillParameters } from "./model/compile.js";
import type { CompiledCase } from "./model/compiled.js";
import { createColumns, monthlyFieldNames } from "./model/columns.js";
import { P, PARAMETER_COUNT } from "./model/parameters.js";
import type { CaseResult, MonthRow } from "./result.js";
import type { CaseFile, ScenarioEntry } from "./scenario/schema.js";
import { validateScenarioText } from "./scenario/validate.js";
import { changeInPlaceMonth, hourlyCostOf, monthNet, supportCostEach, supportPeople, type CarriedBuild } from "./simulate.js";

export type { CarriedBuild } from "./simulate.js";

/**
 * Tracking a plan against what really happened, by the engine's own rules (docs/numbers.md): the
 * money rules a plan keeps, the value of a recorded month, and the simulation resumed from a month's
 * actual state. The store keeps plans and actuals; every formula that turns them into
 * money is here.
 */

/** Hours below this are rounding noise (as in the simulation). */
const EPSILON = 1e-9;

/**
 * The numbers of the approved scenario that turn recorded actuals into money by the engine's own
 * rules (docs/numbers.md): what an hour costs, what a live project earns, what an
 * outage costs. A plan stores them as they were when it was frozen (a JSON contract: add fields, never rename).
 */
export interface MoneyRules {
  /** Loaded cost of one hour in the approved scenario. */
  hourlyCost: number;
  baselineHourlyCost: number;
  /** Share of unused freed hours worth their loaded cost. */
  captureShare: number;
  baselineCaptureShare: number;
  discountRate: number;
  valuePerLiveProject: number;
  outageCostPerHour: number;
  hoursToRestorePerIncident: number;
  deploymentsPerLiveProject: number;
  /** Expected failed changes a month for each live project (deployments × change failure rate). */
  incidentsPerLiveProject: number;
  hiringCostPerDeparture: number;
  knowledgeLossHoursPerDeparture: number;
  supportMonthlyCostEach: number;
  supportLiveProjectsEach: number;
  supportMinimum: number;
  /** Upkeep hours a month of one live project after the change (absent from a plan stored before it was kept: 0). */
  upkeepHoursPerLiveProject?: number;
  /**
   * The month from which the approved scenario works its own way (`changeInPlaceMonth` in
   * src/engine/simulate.ts: the end of its setup); before it, the rates of `todaysWay` are in force
   * (docs/numbers.md, "An alternative works today's way until its change is in place"). Absent from a
   * plan stored before it was kept: `rulesOfStoredPlan` works it out from the plan's frozen file.
   */
  changeInPlaceMonth?: number;
  /** Today's rates of the way of working, in force before `changeInPlaceMonth`. */
  todaysWay?: TodaysWayRules;
  /** The month the approved scenario's change starts: its own fees from then, `todaysFees` before. */
  changeStartMonth?: number;
  /** Today's support staff rules, in force before `changeStartMonth`. */
  todaysFees?: TodaysFeeRules;
  /**
   * What an hour of build work is worth as work in progress (docs/numbers.md): the loaded rate when
   * the approved scenario builds by capacity, 0 by schedule. Absent from a plan stored before it was
   * kept: `rulesOfStoredPlan` works it out from the plan's frozen file.
   */
  workInProgressRate?: number;
}

/** The rates of the way of working an alternative takes from today until its change is in place: `MoneyRules`' own, today's values. */
export type TodaysWayRules = Pick<
  MoneyRules,
  | "valuePerLiveProject"
  | "outageCostPerHour"
  | "hoursToRestorePerIncident"
  | "deploymentsPerLiveProject"
  | "incidentsPerLiveProject"
  | "hiringCostPerDeparture"
  | "knowledgeLossHoursPerDeparture"
> & { upkeepHoursPerLiveProject: number };

/** The support staff rules an alternative takes from today until its change starts. */
export type TodaysFeeRules = Pick<MoneyRules, "supportMonthlyCostEach" | "supportLiveProjectsEach" | "supportMinimum">;

function parametersOf(compiled: CompiledCase, name: string): Float64Array | undefined {
  const scenario = compiled.scenarios.find((candidate) => candidate.name === name);
  if (!scenario) return undefined;
  const out = new Float64Array(PARAMETER_COUNT);
  fillParameters(scenario, compiled.leafValues, out);
  return out;
}

/**
 * The money rules of `scenario` (compared with `baseline`) in a compiled case, as a plan keeps them.
 * @example moneyRulesOf(compiled, "optimal", "current").hourlyCost // 60 for the seed
 */
export function moneyRulesOf(compiled: CompiledCase, scenario: string, baseline: string): MoneyRules {
  const p = parametersOf(compiled, scenario);
  const base = parametersOf(compiled, baseline);
  if (!p || !base) throw new Error(`the case has no scenario "${p ? baseline : scenario}"`);
  // The baseline is simulated in its own way from month 1; an alternative in today's until its change
  // is in place, with today's fees until its change starts (as `simulate` is given them).
  const alternative = scenario !== baseline;
  return {
    hourlyCost: hourlyCostOf(p),
    baselineHourlyCost: hourlyCostOf(base),
    captureShare: p[P.captureShare]!,
    baselineCaptureShare: base[P.captureShare]!,
    discountRate: p[P.discountRate]!,
    ...wayRulesOf(p),
    ...feeRulesOf(p),
    changeInPlaceMonth: alternative ? changeInPlaceMonth(p) : 1,
    todaysWay: wayRulesOf(base),
    changeStartMonth: alternative ? p[P.startMonth]! : 1,
    todaysFees: feeRulesOf(base),
    workInProgressRate: compiled.scenarios.find((candidate) => candidate.name === scenario)!.releaseMode === "capacity" ? hourlyCostOf(p) : 0,
  };
}

function wayRulesOf(p: Float64Array): TodaysWayRules {
  return {
    valuePerLiveProject: p[P.valuePerMonth]!,
    outageCostPerHour: p[P.outageCostPerHour]!,
    hoursToRestorePerIncident: p[P.hoursToRestore]!,
    deploymentsPerLiveProject: p[P.deploymentsPerProject]!,
    incidentsPerLiveProject: p[P.deploymentsPerProject]! * p[P.changeFailureRate]!,
    hiringCostPerDeparture: p[P.hiringCost]!,
    knowledgeLossHoursPerDeparture: p[P.knowledgeLossHours]!,
    upkeepHoursPerLiveProject: p[P.upkeepHours]!,
  };
}

function feeRulesOf(p: Float64Array): TodaysFeeRules {
  return {
    supportMonthlyCostEach: supportCostEach(p),
    supportLiveProjectsEach: p[P.supportLiveProjectsEach]!,
    supportMinimum: p[P.supportMinimum]!,
  };
}

/**
 * The money rules in force in `month` of a plan (docs/numbers.md, "Valuing a recorded month"): until
 * the change is in place the approved scenario works today's way, so a recorded month is valued at
 * today's value per project, outage cost, hours to restore, deployments and failures, turnover and
 * upkeep; until the change starts, at today's support staff. A plan's rules without today's (stored
 * before they were kept, and whose frozen file no longer compiles) are the approved scenario's in every month.
 * @example rulesInForce(rules, 1).hoursToRestorePerIncident // 8 (today's) for examples/team.yaml's "managed", in place from month 4
 */
export function rulesInForce(rules: MoneyRules, month: number): MoneyRules {
  let inForce = rules;
  if (rules.todaysWay && rules.changeInPlaceMonth !== undefined && month < rules.changeInPlaceMonth) inForce = { ...inForce, ...rules.todaysWay };
  if (rules.todaysFees && rules.changeStartMonth !== undefined && month < rules.changeStartMonth) inForce = { ...inForce, ...rules.todaysFees };
  return inForce;
}

/**
 * A stored plan's money rules, with today's rates and the months they are in force worked out from
 * its frozen scenario file when the plan was stored before they were kept (docs/numbers.md, "Valuing
 * a recorded month"): its recorded months before the change read at today's rates, as the plan itself
 * has them. When the frozen file no longer compiles the stored rules stand as they are (the approved
 * scenario's rates in every month).
 * @example rulesOfStoredPlan({ rules, scenarioText, scenario: "managed", baseline: "today" }).changeInPlaceMonth // 4
 */
export function rulesOfStoredPlan(plan: { rules: MoneyRules; scenarioText: string; scenario: string; baseline: string }): MoneyRules {
  const { rules } = plan;
  if (
    rules.changeInPlaceMonth !== undefined &&
    rules.todaysWay &&
    rules.changeStartMonth !== undefined &&
    rules.todaysFees &&
    rules.workInProgressRate !== undefined
  )
    return rules;
  const { compiled } = validateScenarioText(plan.scenarioText);
  if (!compiled) return rules;
  try {
    const now = moneyRulesOf(compiled, plan.scenario, plan.baseline);
    return {
      ...rules,
      changeInPlaceMonth: now.changeInPlaceMonth!,
      todaysWay: now.todaysWay!,
      changeStartMonth: now.changeStartMonth!,
      todaysFees: now.todaysFees!,
      workInProgressRate: now.workInProgressRate!,
    };
  } catch {
    return rules;
  }
}

/**
 * The chores whose hours together make a plan's manual hours (`manualHours`, all chores in one figure):
 * those of today and of the approved scenario, the file's defaults included, in the file's order. A
 * month's recorded manual hours stand for all of them (docs/commands.md, "track import --format").
 * @example choresOfPlan(file, "managed", "today") // ["manualDeployments", "dataChecks"] for examples/team.yaml
 */
export function choresOfPlan(file: CaseFile, scenario: string, baseline: string): string[] {
  const names = [file.defaults?.manualTasks, file.scenarios[baseline]?.manualTasks, file.scenarios[scenario]?.manualTasks].flatMap((tasks) =>
    Object.keys(tasks ?? {}),
  );
  return [...new Set(names)];
}

/** What a team recorded for one month; a measure left out was not recorded (the plan's value stands in). */
export interface RecordedMonth {
  manualHours?: number | undefined;
  waitingHours?: number | undefined;
  meetingHours?: number | undefined;
  breakageFixHours?: number | undefined;
  upkeepHours?: number | undefined;
  buildHours?: number | undefined;
  /**
   * Team hours on the change, together: setup, learning and the slow-down while adopting. Staff working
   * on the change alongside the new way are not recorded: the plan's hours count on top (as every
   * release has read a stored record).
   */
  setupHours?: number | undefined;
  /** Project hours available after holidays and empty seats. */
  availableHours?: number | undefined;
  liveProjects?: number | undefined;
  releases?: number | undefined;
  incidents?: number | undefined;
  /** Hours of outage, summed over the month's incidents. */
  hoursToRestore?: number | undefined;
  licences?: number | undefined;
  infrastructure?: number | undefined;
  externalSpend?: number | undefined;
  peopleLeft?: number | undefined;
}

/**
 * Whether a month records hours to restore but no incident (`incidents` 0, `hoursToRestore` above 0).
 * The hours are summed over the month's incidents, so the record says two things at once: its hours
 * are still costed as outage (`valueRecordedMonth`: outage hours cost the plan's outage cost), but
 * with no incident they give no hours to restore each (the upward measures) and the forecast that
 * learns leaves them out (it reads hours per failure only where failures were recorded). Recorded
 * as given, with a warning (docs/commands.md, "track").
 * @example restoreHoursWithoutIncident({ incidents: 0, hoursToRestore: 6 }) // true ; restoreHoursWithoutIncident({ hoursToRestore: 6 }) // false
 */
export function restoreHoursWithoutIncident(values: RecordedMonth): boolean {
  return values.incidents === 0 && values.hoursToRestore !== undefined && values.hoursToRestore > 0;
}

/**
 * What recorded hours to restore cost as outage: the hours at the plan's outage cost an hour
 * (docs/numbers.md). One rule for `valueRecordedMonth` and for what `track add` says of them.
 * @example restoreHoursOutageCost(6, { outageCostPerHour: 150 }) // 900
 */
export function restoreHoursOutageCost(hoursToRestore: number, rules: Pick<MoneyRules, "outageCostPerHour">): number {
  return hoursToRestore * rules.outageCostPerHour;
}

/**
 * A month's record with its live projects and releases made to agree, when only one of them was
 * recorded: a project goes live only by being released, so releases not recorded are the recorded
 * live projects less those of the month before (never below 0: fewer live projects than the month
 * before is a project retired, not a release undone), and live projects not recorded are those of the
 * month before plus the recorded releases. Without it a month recorded with 5 live projects where
 * the plan has 6 kept the plan's release, and the re-forecast lost a project of the backlog for good
 * (or, recorded with one more, made one the backlog does not have). `liveBefore` is the month
 * before's live projects as the record stands (recorded, or planned where it has no record); before
 * month 1, the plan's month 1 less its releases. A record of both, or of neither, is kept as it is.
 * @example agreeingRecord({ liveProjects: 5 }, { liveProjects: 6, releases: 1 }, 5) // { liveProjects: 5, releases: 0 }
 */
export function agreeingRecord(values: RecordedMonth, planned: Pick<MonthRow, "liveProjects" | "releases">, liveBefore: number | undefined): RecordedMonth {
  const before = liveBefore ?? planned.liveProjects - planned.releases;
  if (values.liveProjects !== undefined && values.releases === undefined) return { ...values, releases: Math.max(0, values.liveProjects - before) };
  if (values.liveProjects === undefined && values.releases !== undefined) return { ...values, liveProjects: before + values.releases };
  return values;
}

/**
 * What really happened in one month, as a row of the month table valued by the simulation's money
 * rules (docs/numbers.md). A measure that was not recorded takes the plan's
 * value for that month, so a missing number never shows up as a gain or a loss; a line whose driver
 * was recorded at its planned value (live projects for their value, upkeep and support staff) is the
 * plan's own figure, and follows the recorded driver otherwise (upkeep at the plan's hours per project). Recorded hours are spent against the hours available: what is left is unused
 * (worth the capture share), what is missing is an overload (paid at the loaded rate), exactly as in
 * the simulation; when the build hours are not recorded, the scheduled build the plan had to buy is
 * bought as planned. Hours available above or below the plan's are paid at the loaded rate. Support
 * staff follow the simulation's rule (one per so many live projects, at least the minimum) and the
 * net is the simulation's own sum.
 * @example valueRecordedMonth(plannedRow, { upkeepHours: 22, liveProjects: 2 }, plan.rules).net
 */
export function valueRecordedMonth(planned: MonthRow, values: RecordedMonth, planRules: MoneyRules): MonthRow {
  // Today's rates until the change is in place (its fees until it starts), as the simulation has them.
  const rules = rulesInForce(planRules, planned.month);
  const rate = rules.hourlyCost;
  const live = values.liveProjects ?? planned.liveProjects;
  const livePlanned = live === planned.liveProjects;
  const setupRecorded = values.setupHours !== undefined;
  // A recorded setup figure covers setup, learning and the slow-down while adopting.
  const setupHours = values.setupHours ?? planned.setupHours;
  const learningHours = setupRecorded ? 0 : planned.learningHours;
  const adoptionDipHours = setupRecorded ? 0 : planned.adoptionDipHours;
  const availableHours = values.availableHours ?? planned.availableHours + planned.adoptionDipHours - adoptionDipHours;
  const capacityHours = availableHours + planned.vacancyHours + planned.rampUpHours + adoptionDipHours;
  const payroll = planned.payroll + rate * (capacityHours - planned.capacityHours);

  const left = values.peopleLeft;
  const knowledgeLossHours = left === undefined ? planned.knowledgeLossHours : left * rules.knowledgeLossHoursPerDeparture;
  const hiringCost = left === undefined ? planned.hiringCost : left * rules.hiringCostPerDeparture;

  const manualHours = values.manualHours ?? planned.manualHours;
  const waitingHours = values.waitingHours ?? planned.waitingHours;
  const meetingHours = values.meetingHours ?? planned.meetingHours;
  const breakageFixHours = values.breakageFixHours ?? planned.breakageFixHours;
  // Staff on the change alongside the new way are not measured: the plan's hours, on top of a recorded
  // setup figure (0 in a plan stored before they existed). Stored records were written with this
  // meaning, so it stays: a record is never read differently from how it was written.
  const alongsideHours = planned.alongsideHours ?? 0;
  const overheadHours = manualHours + waitingHours + meetingHours + breakageFixHours + knowledgeLossHours + setupHours + learningHours + alongsideHours;
  // Upkeep not recorded follows the live projects recorded, at the plan's hours for each that month (a
  // month planned with none: the upkeep per project in force that month): a project recorded as not
  // live takes no upkeep, as it earns no value.
  const upkeepHours =
    values.upkeepHours ??
    (livePlanned
      ? planned.upkeepHours
      : live * (planned.liveProjects > 0 ? planned.upkeepHours / planned.liveProjects : (rules.upkeepHoursPerLiveProject ?? 0)));
  const freeHours = availableHours - overheadHours - upkeepHours;
  const buildHours = values.buildHours ?? planned.buildHours;
  const idleHours = Math.max(0, freeHours - buildHours);
  const shortfallHours = Math.max(0, buildHours - freeHours);
  // By schedule, build work the team had no hours for is bought (0 in a plan stored before the column existed).
  const boughtBuildHours = values.buildHours === undefined ? (planned.scheduledBuildShortfallHours ?? 0) : 0;

  const outageCost =
    values.hoursToRestore !== undefined
      ? restoreHoursOutageCost(values.hoursToRestore, rules)
      : values.incidents !== undefined
        ? values.incidents * rules.hoursToRestorePerIncident * rules.outageCostPerHour
        : planned.outageCost;
  const projectValue = livePlanned ? planned.projectValue : live * rules.valuePerLiveProject;
  const recoveredCapacity = idleHours * (rate * rules.captureShare);
  const overloadCost = (shortfallHours + boughtBuildHours) * rate;
  const licences = values.licences ?? planned.licences;
  const infrastructure = values.infrastructure ?? planned.infrastructure;
  const supportStaff = livePlanned
    ? planned.supportStaff
    : supportPeople(live, rules.supportLiveProjectsEach, rules.supportMinimum) * rules.supportMonthlyCostEach;
  const externalSpend = values.externalSpend ?? planned.externalSpend;
  const otherTeamsCost = planned.otherTeamsCost;
  // Not measured: the plan's features value and training. Work in progress is the plan's, moved by the
  // build hours recorded above or below it at what an hour of it is worth (the loaded rate when the
  // plan builds by capacity, 0 by schedule): build hours not spent are not work in progress.
  const deliveryValue = planned.deliveryValue ?? 0;
  const workInProgress = (planned.workInProgress ?? 0) + (buildHours - planned.buildHours) * (rules.workInProgressRate ?? 0);
  const training = planned.training ?? 0;
  const net = monthNet(
    projectValue,
    deliveryValue,
    workInProgress,
    recoveredCapacity,
    overloadCost,
    payroll,
    licences,
    infrastructure,
    supportStaff,
    training,
    outageCost,
    hiringCost,
    otherTeamsCost,
    externalSpend,
  );

  return {
    month: planned.month,
    liveProjects: live,
    releases: values.releases ?? planned.releases,
    capacityHours,
    vacancyHours: planned.vacancyHours,
    rampUpHours: planned.rampUpHours,
    adoptionDipHours,
    availableHours,
    manualHours,
    waitingHours,
    meetingHours,
    breakageFixHours,
    knowledgeLossHours,
    setupHours,
    learningHours,
    alongsideHours,
    overheadHours,
    upkeepHours,
    freeHours,
    buildHours,
    idleHours,
    shortfallHours,
    scheduledBuildShortfallHours: boughtBuildHours,
    canStartNewWork: planned.canStartNewWork,
    overloaded: shortfallHours > EPSILON,
    projectValue,
    recoveredCapacity,
    deliveryValue,
    workInProgress,
    overloadCost,
    payroll,
    licences,
    infrastructure,
    supportStaff,
    training,
    outageCost,
    hiringCost,
    otherTeamsCost,
    externalSpend,
    net,
    changeHoursCost: planned.changeHoursCost ?? 0,
    changeHoursBought: planned.changeHoursBought ?? 0,
  };
}

/**
 * A month's net against the baseline's month: what the change is worth that month.
 * @example monthlyBenefit(row, baselineRow) // row.net − baselineRow.net
 */
export function monthlyBenefit(row: MonthRow, baseline: MonthRow): number {
  return row.net - baseline.net;
}

/**
 * A month's money split by benefit category with the engine's own function; the categories add up
 * to the row's net.
 * @example moneyByCategory(row, plan.rules.hourlyCost, plan.rules.captureShare).upkeep // -1320
 */
export function moneyByCategory(row: MonthRow, hourlyCost: number, captureShare: number): Record<BenefitCategory, number> {
  const columns = createColumns(1);
  monthlyFieldNames.forEach((name, field) => {
    // A plan stored before a column existed has no value for it: nothing of it was planned.
    const value = row[name] ?? 0;
    columns[field] = typeof value === "boolean" ? (value ? 1 : 0) : value;
  });
  const out = new Float64Array(benefitCategories.length);
  categoryMoney(columns, 0, hourlyCost, captureShare, out);
  return Object.fromEntries(benefitCategories.map((category, index) => [category, out[index]!])) as Record<BenefitCategory, number>;
}

/** Cash a scenario pays in a month for the change and its tools: licences, infrastructure, support staff, training and external spend. */
export function cashSpent(row: MonthRow): number {
  return row.licences + row.infrastructure + row.supportStaff + (row.training ?? 0) + row.externalSpend;
}

/**
 * Whether a recorded month put any of its cash on record: licences, infrastructure or external spend.
 * Support staff and training are never recorded; they follow the plan's rules (support staff by the
 * live projects). A month that records none of the three has its cash worked out from the plan.
 * @example recordsCash({ upkeepHours: 20 }) // false
 */
export function recordsCash(values: RecordedMonth): boolean {
  return values.licences !== undefined || values.infrastructure !== undefined || values.externalSpend !== undefined;
}

/**
 * Whether a recorded month put its team hours on the change on record (`setupHours`); a month that
 * does not has the plan's setup, learning and adoption dip (staff alongside are the plan's in both).
 * @example recordsChangeHours({ setupHours: 40 }) // true
 */
export function recordsChangeHours(values: RecordedMonth): boolean {
  return values.setupHours !== undefined;
}

/**
 * Team hours diverted into the change in a month, as the engine's "Making the change" counts them:
 * setup, learning and the adoption dip (what a team records as `setupHours`) and staff working on the
 * change alongside the new way (the plan's, recorded or not; 0 in a plan stored before they existed).
 * @example changeHours({ setupHours: 40, learningHours: 10, adoptionDipHours: 5, alongsideHours: 160 }) // 215
 */
export function changeHours(row: Pick<MonthRow, "setupHours" | "learningHours" | "adoptionDipHours"> & { alongsideHours?: number | undefined }): number {
  return row.setupHours + row.learningHours + row.adoptionDipHours + (row.alongsideHours ?? 0);
}

/** The upward measures a plan expects in a month. */
export interface PlannedMeasures {
  deployments: number;
  incidents: number;
  meanHoursToRestore: number;
}

/**
 * The deployments, incidents and hours to restore a plan expects in a month, from its live projects,
 * at the rates in force that month (`rulesInForce`: today's until the change is in place).
 * @example plannedMeasures(row, plan.rules).deployments // live projects × deployments per live project
 */
export function plannedMeasures(row: MonthRow, planRules: MoneyRules): PlannedMeasures {
  const rules = rulesInForce(planRules, row.month);
  return {
    deployments: row.liveProjects * rules.deploymentsPerLiveProject,
    incidents: row.liveProjects * rules.incidentsPerLiveProject,
    meanHoursToRestore: rules.hoursToRestorePerIncident,
  };
}

/**
 * Net benefit at time 0 (the up-front cash) as recorded. The plan's, until month 1's external spend is
 * recorded: that figure then includes anything paid before month 1, so only the baseline's up-front
 * cash stays at time 0.
 * @example recordedTimeZero(plan.result, "better", "current", true).upFrontCash // 0
 */
export function recordedTimeZero(
  result: CaseResult,
  scenario: string,
  baseline: string,
  upFrontRecordedInMonth1: boolean,
): { timeZero: number; upFrontCash: number } {
  if (!upFrontRecordedInMonth1) {
    return { timeZero: result.comparisons[scenario]!.timeZeroNet, upFrontCash: result.scenarios[scenario]!.summary.initialInvestment };
  }
  return { timeZero: result.scenarios[baseline]!.summary.initialInvestment, upFrontCash: 0 };
}

/**
 * The part of month 1's recorded external spend that is the plan's up-front cash, paid before month 1:
 * what it holds above the plan's own external spend of month 1, up to the plan's up-front cash. The
 * net present value counts it at time 0, where the plan counts it, so that recording the up-front cash
 * in month 1 as asked does not move the NPV by a month's discount (a plan followed to the unit, up
 * front included, has the plan's NPV). 0 when month 1's external spend is not recorded.
 * @example upFrontPaidInMonth1(2000, 0, 2000) // 2000 ; upFrontPaidInMonth1(500, 0, 2000) // 500 ; upFrontPaidInMonth1(undefined, 0, 2000) // 0
 */
export function upFrontPaidInMonth1(recordedExternalSpend: number | undefined, plannedMonth1ExternalSpend: number, plannedUpFrontCash: number): number {
  if (recordedExternalSpend === undefined) return 0;
  return Math.max(0, Math.min(recordedExternalSpend - plannedMonth1ExternalSpend, plannedUpFrontCash));
}

/**
 * The net present value of a tracked plan's months with the up-front cash paid in month 1
 * (`upFrontPaidInMonth1`) counted at time 0, where the plan counts it (docs/numbers.md): time 0's net
 * less that cash, plus that cash at month 1's discount (month 1's benefit, which paid it, holds it
 * once), plus each month's benefit at its discount. One rule for the re-forecast (`track forecast`)
 * and for each sample of the forecast that learns.
 * @example upFrontAdjustedNpv(0, [-2500, 1000], 2000, [0.99, 0.98]) // 0 - 2000 + 2000 × 0.99 - 2500 × 0.99 + 1000 × 0.98 = -1515
 */
export function upFrontAdjustedNpv(timeZero: number, benefits: ArrayLike<number>, upFront: number, discounts: ArrayLike<number>): number {
  let npv = timeZero - upFront + (benefits.length > 0 ? upFront * discounts[0]! : 0);
  for (let at = 0; at < benefits.length; at++) npv += benefits[at]! * discounts[at]!;
  return npv;
}

/**
 * Whether a tracked plan's payback month is behind us: it falls in a month up to the last recorded
 * one, so it happened (those months are what was recorded, or planned where a month has no record)
 * rather than being forecast. Then its words are "paid back in month N", else "pays back" (a
 * forecast). A payback after the last recorded month, or none, is a forecast.
 * @example paidBack(10, 14) // true ; paidBack(10, 9) // false ; paidBack(null, 14) // false ; paidBack(10, null) // false
 */
export function paidBack(paybackMonth: number | null, lastRecordedMonth: number | null): boolean {
  return paybackMonth !== null && lastRecordedMonth !== null && paybackMonth <= lastRecordedMonth;
}

/** A tracked plan's payback that is behind us (`paidBack`), with what it rests on. */
export interface PaidBack {
  /** The payback month: 0 when it paid back from the start. */
  month: number;
  /**
   * The months up to the payback month that have no record: they count as planned, so the payback
   * rests on the plan's figures for them, not on what happened (empty when every one was recorded).
   */
  countedAsPlanned: number[];
}

/**
 * A tracked plan's payback once it is behind us (`paidBack`), with the months up to it that have no
 * record and so count as planned: "paid back in month 9" rests on months 4–8 as planned when only
 * months 1–3 and 9 were recorded, and the words must say so. Null while the payback is a forecast.
 * `months` are the plan's months, each with whether it has a record (a comparison's `months`).
 * @example paidBackOn(9, 9, comparison.months) // { month: 9, countedAsPlanned: [4, 5, 6, 7, 8] } with months 1–3 and 9 recorded
 * @example paidBackOn(10, 9, months) // null
 */
export function paidBackOn(
  paybackMonth: number | null,
  lastRecordedMonth: number | null,
  months: readonly { month: number; recorded: boolean }[],
): PaidBack | null {
  if (!paidBack(paybackMonth, lastRecordedMonth)) return null;
  const month = paybackMonth!;
  return { month, countedAsPlanned: months.filter((entry) => entry.month >= 1 && entry.month <= month && !entry.recorded).map((entry) => entry.month) };
}

/** Where a plan resumes: the actual state at the end of the last month recorded. */
export interface ResumePoint {
  /** The approved scenario and the baseline it is compared with. */
  scenario: string;
  baseline: string;
  /** The last month of the actual state; the resumed months are the ones after it. */
  afterMonth: number;
  /** Live projects at the end of `afterMonth`. */
  liveProjects: number;
  /** Projects released from month 1 to `afterMonth`. */
  releasedSoFar: number;
  /**
   * Build hours from month 1 to `afterMonth`, as recorded (the plan's in a month that does not record
   * them); left out, as planned. In capacity mode they move the build work carried into the resumed
   * months (`carriedBuild`).
   */
  builtSoFar?: number | undefined;
}

/** Where a plan stands at the end of a month: live projects, projects released so far and build hours so far. */
export interface PlanState {
  liveProjects: number;
  releasedSoFar: number;
  builtSoFar: number;
}

/**
 * The plan's own state at the end of month `afterMonth` of its month table `planned`.
 * @example plannedState(plannedRows, 4) // { liveProjects: 4, releasedSoFar: 0, builtSoFar: 300.9 } for examples/team.yaml's managed platform
 */
export function plannedState(planned: readonly Pick<MonthRow, "liveProjects" | "releases" | "buildHours">[], afterMonth: number): PlanState {
  let releasedSoFar = 0;
  let builtSoFar = 0;
  for (const row of planned.slice(0, afterMonth)) {
    releasedSoFar += row.releases;
    builtSoFar += row.buildHours;
  }
  return { liveProjects: planned[afterMonth - 1]?.liveProjects ?? 0, releasedSoFar, builtSoFar };
}

/**
 * Whether a resume point is the plan's own state: the same live projects and releases, and the same
 * build hours so far (to a millionth), so the project being built is as far along as planned. The
 * re-forecast from such a point is the plan's remaining months as they are (docs/numbers.md, "Valuing
 * a recorded month and resuming the plan"): simulated again, with the build work carried
 * (`carriedBuild`), they come out the same, to rounding.
 * @example resumesAsPlanned({ liveProjects: 4, releasedSoFar: 0, builtSoFar: 300.9 }, { liveProjects: 4, releasedSoFar: 0, builtSoFar: 300.9 }) // true
 */
export function resumesAsPlanned(from: Pick<ResumePoint, "liveProjects" | "releasedSoFar" | "builtSoFar">, planned: PlanState): boolean {
  const built = from.builtSoFar ?? planned.builtSoFar;
  return (
    Math.round(from.liveProjects) === Math.round(planned.liveProjects) &&
    Math.round(from.releasedSoFar) === Math.round(planned.releasedSoFar) &&
    Math.abs(built - planned.builtSoFar) <= 1e-6 * Math.max(1, Math.abs(planned.builtSoFar))
  );
}

/** What a month of a plan's month table tells of its build work (work in progress absent from a plan stored before it was kept). */
export type BuildMonth = Pick<MonthRow, "buildHours" | "releases"> & { workInProgress?: number | undefined };

/**
 * The build work a plan itself carries out of month `afterMonth` (capacity mode; docs/numbers.md,
 * "Valuing a recorded month and resuming the plan"), read from its month table: the projects
 * finished that month go live the month after, with the hours that then leave the work in progress,
 * and the hours built and not yet leaving it are the project under way. `rate` is the hour's worth
 * as work in progress (the loaded rate); `buildHours` a project's build hours that month, used only
 * for a plan stored without its work in progress.
 * @example plannedCarriedBuild(plannedRows, 4, 60, 280) // { progressHours: 20.9, pendingProjects: 1, pendingHours: 280 } for examples/team.yaml's managed platform
 */
export function plannedCarriedBuild(planned: readonly BuildMonth[], afterMonth: number, rate: number, buildHours: number): CarriedBuild {
  const next = planned[afterMonth];
  // The hours leaving the work in progress in a month: its build hours less its work in progress at the rate.
  const exact = rate > 0 && planned.slice(0, afterMonth + 1).every((row) => row.workInProgress !== undefined);
  const released = (row: BuildMonth) => (exact ? row.buildHours - row.workInProgress! / rate : row.releases * buildHours);
  let open = 0;
  for (const row of planned.slice(0, afterMonth)) open += row.buildHours - released(row);
  const pendingHours = next ? released(next) : 0;
  const progress = open - pendingHours;
  // Below a millionth of a project's hours is rounding, not a project under way.
  return { progressHours: progress > 1e-6 * Math.max(1, buildHours) ? progress : 0, pendingProjects: next?.releases ?? 0, pendingHours };
}

/** How the actual state at a resumed month differs from the plan's, for `carriedBuild`. */
export interface BuildMoved {
  /** Build hours so far above the plan's (below: negative). */
  extraHours: number;
  /** Projects released so far above the plan's (below: negative). */
  extraReleases: number;
  /** A project's build hours in the last recorded month. */
  buildHours: number;
  /** Projects that may still be started or go live: the backlog less the projects released so far (Infinity: no backlog). */
  projectsLeft: number;
}

/**
 * The build work carried out of the last recorded month (docs/numbers.md, "Valuing a recorded month
 * and resuming the plan"): the plan's (`plannedCarriedBuild`) moved by what was recorded, so that every
 * build hour is built once and leaves the work in progress once. Hours above the plan's go into the
 * project under way (one is started when none is and the backlog has one), finish it at `buildHours`
 * (it goes live the month after) and go on into the next; hours below it come off the project under
 * way, then off those the plan finished that month (which are then under way again). A project
 * released beyond the plan's is one of those finished or under way, whose hours then leave the work in
 * progress with it; one the plan released and the record does not goes live the month after, its
 * hours having left already. Hours no project can take (built beyond the backlog, or fewer than the
 * plan released) leave, or come back to, the work in progress in the first month.
 * @example carriedBuild({ progressHours: 20.9, pendingProjects: 1, pendingHours: 280 }, { extraHours: -200.9, extraReleases: 0, buildHours: 280, projectsLeft: 6 }) // { progressHours: 100, pendingProjects: 0, pendingHours: 0 }
 */
export function carriedBuild(plan: CarriedBuild, moved: BuildMoved): CarriedBuild {
  const { buildHours, projectsLeft } = moved;
  const tolerance = 1e-6 * Math.max(1, buildHours);
  let { progressHours: progress, pendingProjects: pending, pendingHours } = plan;
  // Hours leaving the work in progress in the first month with no project going live.
  let loose = 0;
  if (moved.extraReleases > 0) {
    // Released already: those finished first, then the one under way.
    let released = Math.round(moved.extraReleases);
    const fromPending = Math.min(released, pending);
    if (fromPending > 0) {
      const hours = (pendingHours / pending) * fromPending;
      loose += hours;
      pendingHours -= hours;
      pending -= fromPending;
      released -= fromPending;
    }
    if (released > 0 && progress > 0) {
      loose += progress;
      progress = 0;
    }
  } else if (moved.extraReleases < 0) {
    pending += Math.round(-moved.extraReleases);
  }
  let extra = moved.extraHours;
  if (extra > 0) {
    const started = () => pending + (progress > 0 ? 1 : 0);
    if (progress > 0 || started() < projectsLeft) progress += extra;
    else loose += extra;
    extra = 0;
    while (buildHours > tolerance && progress >= buildHours - tolerance) {
      const over = progress - buildHours;
      pending++;
      pendingHours += buildHours;
      progress = 0;
      if (over <= tolerance) break;
      if (started() < projectsLeft) progress = over;
      else {
        loose += over;
        break;
      }
    }
  } else if (extra < 0) {
    let short = -extra;
    const off = Math.min(short, progress);
    progress -= off;
    short -= off;
    // A project the plan finished that month, short of hours, is under way again.
    while (short > tolerance && pending > 0 && progress <= tolerance) {
      const each = pendingHours / pending;
      pending--;
      pendingHours -= each;
      const taken = Math.min(short, each);
      progress = each - taken;
      short -= taken;
    }
    if (short > tolerance) loose -= short;
  }
  if (progress <= tolerance) progress = 0;
  return { progressHours: progress, pendingProjects: pending, pendingHours: pendingHours + loose };
}

/**
 * The build work a resumed plan starts with (`carriedBuild`) from the actual state `from` and from the
 * plan's own state at that month (for the tooling lines' calendar), with the scenario's parameters `p`
 * and the baseline's `base` (whose build hours are in force until the change is in place).
 */
export function carriedBuilds(
  p: Float64Array,
  base: Float64Array | undefined,
  from: ResumePoint,
  planned: readonly BuildMonth[],
): { actual: CarriedBuild; onPlan: CarriedBuild } {
  const inForce = base && from.afterMonth < changeInPlaceMonth(p) ? base : p;
  const buildHours = inForce[P.buildHours]!;
  const onPlan = plannedCarriedBuild(planned, from.afterMonth, hourlyCostOf(p), buildHours);
  let plannedReleased = 0;
  let plannedBuilt = 0;
  for (const row of planned.slice(0, from.afterMonth)) {
    plannedReleased += row.releases;
    plannedBuilt += row.buildHours;
  }
  const backlog = p[P.backlog]!;
  const actual = carriedBuild(onPlan, {
    extraHours: from.builtSoFar === undefined ? 0 : from.builtSoFar - plannedBuilt,
    extraReleases: Math.round(from.releasedSoFar) - Math.round(plannedReleased),
    buildHours,
    projectsLeft: Number.isFinite(backlog) ? Math.max(0, Math.round(backlog - from.releasedSoFar)) : Number.POSITIVE_INFINITY,
  });
  return { actual, onPlan };
}

/** How a plan is resumed from a month, for docs/commands.md and `track forecast --help`. */
export const resumeMethod =
  "Months up to the last recorded month are the actuals (a month without a record counts as planned). When the actual state at the last recorded month is the plan's " +
  "(the same live projects, releases and build hours so far), the rest of the horizon is the plan's. Otherwise it is the approved scenario simulated again from the actual state: " +
  "the live projects at the last recorded month; in capacity mode, the project under way with the build hours already put into it (built once, never again) " +
  "and the projects finished that month going live the month after (by schedule, the release months and their build hours are fixed in advance: nothing is carried); " +
  "the release months still ahead; and only the part of the change (setup, learning, adoption dip, " +
  "staff alongside, up-front cash) that was planned after that month. The baseline stays as planned: it is what would have happened without the change.";

function resolved(file: CaseFile, scenario: string): { parameters: Float64Array; releaseMonths: Int32Array } | { message: string } {
  const { compiled, issues } = compileCase(file);
  if (!compiled) return { message: `the frozen scenario file no longer compiles: ${issues.map((issue) => issue.message).join("; ")}` };
  const entry = compiled.scenarios.find((candidate) => candidate.name === scenario);
  if (!entry) return { message: `the frozen scenario file has no scenario "${scenario}"` };
  const parameters = new Float64Array(PARAMETER_COUNT);
  fillParameters(entry, compiled.leafValues, parameters);
  return { parameters, releaseMonths: entry.releaseMonths };
}

/** Release months after `afterMonth`, counted from it. */
const monthsAfter = (releaseMonths: Int32Array, afterMonth: number): number[] =>
  Array.from(releaseMonths)
    .filter((month) => month > afterMonth)
    .map((month) => month - afterMonth);

/**
 * The case rewritten to start after `from.afterMonth` (see `resumeMethod`): the approved scenario from
 * the actual live projects, with the release months and backlog still ahead and only the part of its
 * setup planned after that month, over the remaining months; the baseline comes along as planned.
 * @example resumedCase(file, { scenario: "better", baseline: "current", afterMonth: 5, liveProjects: 2, releasedSoFar: 2 })
 */
export function resumedCase(file: CaseFile, from: ResumePoint): CaseFile | { message: string } {
  const { scenario, baseline, afterMonth: lastMonth } = from;
  const resolvedScenario = resolved(file, scenario);
  if ("message" in resolvedScenario) return resolvedScenario;
  const p = resolvedScenario.parameters;
  const original: ScenarioEntry = file.scenarios[scenario] ?? {};
  const start = p[P.startMonth]!;
  // The simulation's setup months: the change's start and as many months as it takes (at least one).
  const setupMonths = Math.max(1, Math.round(p[P.setupMonths]!));
  const setupEnd = start + setupMonths - 1;
  const change: Record<string, unknown> = { ...original.change };
  if (start > lastMonth) {
    change.startMonth = start - lastMonth;
  } else {
    // Only the setup months still ahead remain. The up-front cash now falls at the forecast's
    // time 0, which is ignored: it was paid in a recorded month.
    const remaining = Math.max(0, setupEnd - lastMonth);
    const share = remaining / setupMonths;
    change.startMonth = 1;
    change.setupMonths = Math.max(1, remaining);
    change.setupHours = p[P.setupHours]! * share;
    change.learningWeeksPerPerson = p[P.learningWeeksPerPerson]! * share;
    // With no setup left the resumed change has no setup hours, so its dip starts at once: only the
    // dip's months still ahead remain. As in the simulation, the dip starts after the setup when the
    // change takes setup or learning hours, else with the change.
    const learning = p[P.learningWeeksPerPerson]! * p[P.people]! * p[P.hoursPerMonth]! * (1 - p[P.familiarity]!) * p[P.organisationFactor]!;
    const dipStart = p[P.setupHours]! > 0 || learning > 0 ? setupEnd + 1 : start;
    if (remaining === 0) change.adoptionDipMonths = Math.max(0, dipStart + Math.round(p[P.adoptionDipMonths]!) - 1 - lastMonth);
    // Staff alongside work from the change's start for their months: only the months still ahead
    // remain (they started again from the resumed case's month 1 for all of them). Their people stay
    // as the file gives them, in the scenario or its defaults.
    if (p[P.alongsideMonths]! > 0) {
      const alongsideEnd = start + Math.round(p[P.alongsideMonths]!) - 1;
      change.alongside = { ...original.change?.alongside, forMonths: Math.max(0, alongsideEnd - lastMonth) };
    }
  }
  const releases: Record<string, unknown> = { ...original.releases };
  releases.months = monthsAfter(resolvedScenario.releaseMonths, lastMonth);
  const backlog = p[P.backlog]!;
  if (Number.isFinite(backlog)) releases.backlog = Math.max(0, Math.round(backlog - from.releasedSoFar));
  // The setup hours written above already include the capabilities' own: zero them in this case's
  // catalogue so they are not added a second time (their up-front cash was paid in a recorded month).
  let catalogue = file.catalogue;
  if (start <= lastMonth && original.capabilities?.length) {
    catalogue = { ...file.catalogue };
    for (const name of original.capabilities) catalogue[name] = { ...catalogue[name], setupHours: 0, upfrontCost: 0 };
  }
  const entry = {
    ...original,
    change,
    releases,
    projects: { ...original.projects, alreadyLive: Math.max(0, Math.round(from.liveProjects)) },
  } as ScenarioEntry;
  // The baseline comes along: until the change is in place the scenario works the baseline's way.
  // The resumed case is simulated once, on the file's own values: correlations between ranges play no
  // part, and those naming a scenario left out would not compile.
  const { correlations: _correlations, ...kept } = file;
  const shortened = { ...kept, horizonMonths: file.horizonMonths - lastMonth, ...(catalogue ? { catalogue } : {}) };
  if (baseline === scenario) return { ...shortened, baseline: scenario, scenarios: { [scenario]: entry } };
  const resolvedBaseline = resolved(file, baseline);
  if ("message" in resolvedBaseline) return resolvedBaseline;
  const baselineEntry = {
    ...(file.scenarios[baseline] ?? {}),
    releases: { ...file.scenarios[baseline]?.releases, months: monthsAfter(resolvedBaseline.releaseMonths, lastMonth) },
  } as ScenarioEntry;
  return { ...shortened, baseline, scenarios: { [baseline]: baselineEntry, [scenario]: entry } };
}

/** The tooling cost lines, which follow the plan's calendar (yearly amounts, start and end months). */
const toolingLines = ["licences", "infrastructure", "supportStaff", "training"] as const;

function simulateResumed(file: CaseFile, from: ResumePoint, carried: CarriedBuild): MonthRow[] | { message: string } {
  const resumed = resumedCase(file, from);
  if ("message" in resumed) return resumed;
  const { compiled, issues } = compileCase(resumed);
  if (!compiled) return { message: `the re-forecast case does not compile: ${issues.map((issue) => issue.message).join("; ")}` };
  return buildResult(compiled, compiled.leafValues, { [from.scenario]: carried }).scenarios[from.scenario]!.months;
}

/**
 * The approved scenario's months after `from.afterMonth` (see `resumeMethod`): the plan's own when
 * the actual state is the plan's (`resumesAsPlanned`), else simulated again from it, numbered as in the plan (`planned`: the plan's month table of the scenario).
 * The tooling lines keep the plan's calendar: a yearly fee falls due in months 1, 13, 25... of the
 * plan, not of the resumed case, and a line's start and end months are the plan's. Each is the
 * planned month's amount, moved by what the actual state changes in it (the resumed case from the
 * actual state less the same case from the plan's own state at that month).
 * @example resumeFrom(file, { scenario: "better", baseline: "current", afterMonth: 5, liveProjects: 2, releasedSoFar: 2 }, plannedRows)
 */
export function resumeFrom(file: CaseFile, from: ResumePoint, planned: readonly MonthRow[]): MonthRow[] | { message: string } {
  // The plan's own state: its remaining months, the project being built as far along as planned.
  if (resumesAsPlanned(from, plannedState(planned, from.afterMonth))) return planned.slice(from.afterMonth).map((row) => ({ ...row }));
  return resimulateFrom(file, from, planned);
}

/**
 * `resumeFrom` without its shortcut for the plan's own state: the months after `from.afterMonth`
 * always simulated again, in capacity mode with the build work carried out of the last recorded
 * month (`carriedBuilds`: the project under way keeps its hours, those finished go live the month after).
 * @example resimulateFrom(file, { scenario: "better", baseline: "current", afterMonth: 5, liveProjects: 2, releasedSoFar: 2 }, plannedRows)
 */
export function resimulateFrom(file: CaseFile, from: ResumePoint, planned: readonly MonthRow[]): MonthRow[] | { message: string } {
  const scenario = resolved(file, from.scenario);
  if ("message" in scenario) return scenario;
  const baseline = from.baseline === from.scenario ? undefined : resolved(file, from.baseline);
  if (baseline && "message" in baseline) return baseline;
  const carried = carriedBuilds(scenario.parameters, baseline?.parameters, from, planned);
  const rows = simulateResumed(file, from, carried.actual);
  if ("message" in rows) return rows;
  const lastMonth = from.afterMonth;
  const plannedLive = planned[lastMonth - 1]?.liveProjects ?? from.liveProjects;
  const plannedReleased = planned.slice(0, lastMonth).reduce((total, row) => total + row.releases, 0);
  const asPlanned = from.liveProjects === plannedLive && from.releasedSoFar === plannedReleased;
  const sameBuild = (Object.keys(carried.actual) as (keyof CarriedBuild)[]).every((key) => carried.actual[key] === carried.onPlan[key]);
  const onPlan = asPlanned
    ? sameBuild
      ? rows
      : simulateResumed(file, from, carried.onPlan)
    : simulateResumed(file, { ...from, liveProjects: plannedLive, releasedSoFar: plannedReleased }, carried.onPlan);
  if ("message" in onPlan) return onPlan;
  return rows.map((row, index) => {
    const plannedRow = planned[lastMonth + index]!;
    const resumed: MonthRow = { ...row, month: lastMonth + index + 1 };
    for (const line of toolingLines) {
      const amount = (plannedRow[line] ?? 0) + (row[line] - onPlan[index]![line]);
      resumed.net += row[line] - amount;
      resumed[line] = amount;
    }
    return resumed;
  });
}

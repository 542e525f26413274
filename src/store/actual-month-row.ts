import { benefitCategories, type BenefitCategory, type MonthRow } from "../engine/index.js";
import { categoryMoney } from "../engine/categories.js";
import { createColumns, monthlyFieldNames } from "../engine/model/columns.js";
import type { ActualValues } from "./actual-fields.js";
import type { MoneyRules } from "./plan.js";

/** Hours below this are rounding noise. */
const EPSILON = 1e-9;

function supportStaffCost(liveProjects: number, rules: MoneyRules): number {
  const people =
    rules.supportLiveProjectsEach > 0
      ? Math.max(rules.supportMinimum, Math.ceil(liveProjects / rules.supportLiveProjectsEach - EPSILON))
      : rules.supportMinimum;
  return people * rules.supportMonthlyCostEach;
}

/**
 * What really happened in one month, as a row of the engine's month table, so that the engine's own
 * money rules value it. A measure that was not recorded takes the plan's value for that month, so
 * a missing number never shows up as a gain or a loss. Recorded hours are spent against the hours
 * available; what is left is unused (worth the capture share), what is missing is an overload
 * (paid at the loaded rate), exactly as in the simulation. Hours available above or below the
 * plan's are paid at the loaded rate.
 * @example actualMonthRow(plannedRow, { upkeepHours: 22, liveProjects: 2 }, plan.rules).net
 */
export function actualMonthRow(planned: MonthRow, values: ActualValues, rules: MoneyRules): MonthRow {
  const rate = rules.hourlyCost;
  const live = values.liveProjects ?? planned.liveProjects;
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
  // Staff on the change alongside the new way are not measured: the plan's hours (0 in a plan stored before they existed).
  const alongsideHours = planned.alongsideHours ?? 0;
  const overheadHours = manualHours + waitingHours + meetingHours + breakageFixHours + knowledgeLossHours + setupHours + learningHours + alongsideHours;
  const upkeepHours = values.upkeepHours ?? planned.upkeepHours;
  const freeHours = availableHours - overheadHours - upkeepHours;
  const buildHours = values.buildHours ?? planned.buildHours;
  const idleHours = Math.max(0, freeHours - buildHours);
  const shortfallHours = Math.max(0, buildHours - freeHours);

  const outageCost =
    values.hoursToRestore !== undefined
      ? values.hoursToRestore * rules.outageCostPerHour
      : values.incidents !== undefined
        ? values.incidents * rules.hoursToRestorePerIncident * rules.outageCostPerHour
        : planned.outageCost;
  const projectValue = live * rules.valuePerLiveProject;
  const recoveredCapacity = idleHours * rate * rules.captureShare;
  const overloadCost = shortfallHours * rate;
  const licences = values.licences ?? planned.licences;
  const infrastructure = values.infrastructure ?? planned.infrastructure;
  const supportStaff = supportStaffCost(live, rules);
  const externalSpend = values.externalSpend ?? planned.externalSpend;
  const otherTeamsCost = planned.otherTeamsCost;
  // Not measured: the plan's features value, work in progress and training.
  const deliveryValue = planned.deliveryValue ?? 0;
  const workInProgress = planned.workInProgress ?? 0;
  const training = planned.training ?? 0;
  const net =
    projectValue +
    deliveryValue +
    workInProgress +
    recoveredCapacity -
    overloadCost -
    payroll -
    licences -
    infrastructure -
    supportStaff -
    training -
    outageCost -
    hiringCost -
    otherTeamsCost -
    externalSpend;

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
    scheduledBuildShortfallHours: 0,
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
  };
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

/** Cash the approved scenario pays in a month for the change and its tools. */
export function cashSpent(row: MonthRow): number {
  return row.licences + row.infrastructure + row.supportStaff + (row.training ?? 0) + row.externalSpend;
}

/** Team hours diverted into the change in a month: setup, learning and the adoption dip. */
export function changeHours(row: MonthRow): number {
  return row.setupHours + row.learningHours + row.adoptionDipHours;
}

import { F as importedF, MONTHLY_FIELD_COUNT } from "./model/columns.js";
import type { SimulationScalars } from "./model/columns.js";
import { P as importedP } from "./model/parameters.js";
import { fillDiscountFactors, paybackMonthGathered, type Discounting } from "./finance.js";

// Module-local copies: imported bindings can be getters under some loaders, too slow for the hot loop.
const F = importedF;
const FIELDS = MONTHLY_FIELD_COUNT;
const P = importedP;

/** The headline figures of one alternative against the baseline, for one set of inputs. */
export interface ComparisonFigures {
  npv: number;
  /** NPV ÷ present value of the alternative's costs; NaN when it costs nothing (shown as null). */
  roi: number;
  /** null when the cumulative net ends below zero. */
  paybackMonth: number | null;
  presentValueOfCosts: number;
  /** Net benefit at time 0 (the difference in up-front cash, usually negative). */
  timeZero: number;
}

/**
 * The baseline a scenario is compared with as it is simulated, and where the comparison goes
 * (preallocated). The baseline itself is compared with its own columns: every figure is zero.
 */
export interface Comparison {
  /** The baseline's columns, simulated already (or being simulated, for the baseline itself). */
  readonly base: Float64Array;
  readonly baseScalars: SimulationScalars;
  /** Monthly net benefit against the baseline. */
  readonly net: Float64Array;
  /** Cumulative net against the baseline at the end of each month, time 0 included. */
  readonly cumulative: Float64Array;
  readonly figures: ComparisonFigures;
  /** How months are discounted for the NPV and the present value of costs (default monthly). */
  readonly discounting?: Discounting;
}

// The discount factors of the last rate and convention seen, month by month: a Monte Carlo without
// a range on the rate would otherwise work out the same factors for every run of every scenario.
let lastRate = Number.NaN;
let lastDiscounting: Discounting = "monthly";
let filledMonths = 0;
let discountTable = new Float64Array(0);
function discountsOf(annualRate: number, discounting: Discounting, months: number): Float64Array {
  if (annualRate !== lastRate || discounting !== lastDiscounting || months > filledMonths) {
    if (discountTable.length < months) discountTable = new Float64Array(months);
    filledMonths = Math.max(months, filledMonths);
    fillDiscountFactors(annualRate, discounting, discountTable, filledMonths);
    lastRate = annualRate;
    lastDiscounting = discounting;
  }
  return discountTable;
}

/**
 * Zero as a double: what a cost line that did not rise adds to the change's costs. V8 holds a literal
 * 0 as a small integer, so an addition that has met only zeros by the time the optimising compiler
 * runs is compiled for integers, and the first rise throws that code away (compiling the simulation
 * again costs 0.04–0.07 s of CPU, in every Monte Carlo whose rarer cost lines rise late). −0 is a
 * double, and x + (−0) is x, bit for bit, for every x.
 */
const NO_RISE = -0;

/** How much a scenario's column in the row at `row` exceeds the baseline's at `baseRow` (`NO_RISE`, −0, when it does not). */
function riseOf(columns: Float64Array, row: number, base: Float64Array, baseRow: number, field: number): number {
  const difference = columns[row + field]! - base[baseRow + field]!;
  return difference > 0 ? difference : NO_RISE;
}

/** The first and last month parameters of every cost line with a window, in pairs. */
const WINDOWS = Int32Array.of(
  P.licencesFromMonth,
  P.licencesUntilMonth,
  P.infrastructureFromMonth,
  P.infrastructureUntilMonth,
  P.supportFromMonth,
  P.supportUntilMonth,
  P.trainingFromMonth,
  P.trainingUntilMonth,
);

/** Weeks in an average month. */
export const WEEKS_PER_MONTH = 52 / 12;
/** Hours below this are rounding noise, not a shortfall. */
const EPSILON = 1e-9;
/** Capacity mode: from this many whole projects' hours in a month, projects are built in bulk rather than one by one. */
const BULK_PROJECTS = 64;

export interface SimulationPlan {
  readonly months: number;
  readonly capacityMode: boolean;
  /** Schedule mode: projects released in each month (index month - 1). */
  readonly scheduledReleases: Float64Array;
  /** Schedule mode: projects' worth of build work done in each month, spread evenly before each release. */
  readonly scheduledBuildShare: Float64Array;
  /** Schedule mode: the last month with a release or build work in it (0 when none). */
  readonly lastScheduledMonth: number;
  /**
   * Once settled, repeat the last month instead of working every later one out again (the same
   * numbers, faster). false works out every month in full: the reference the shortcut is tested against.
   */
  readonly repeatSettledMonths: boolean;
  /**
   * Capacity mode: the build work a resumed simulation starts with (docs/numbers.md, "Valuing a
   * recorded month and resuming the plan"); none when absent. Set by `CaseRunner.carryBuild`.
   */
  carried?: CarriedBuild | undefined;
}

/**
 * Build work under way when a simulation starts (capacity mode): what the month loop carries from one
 * month to the next, for a plan resumed after a recorded month. Its hours are work in progress already
 * counted in the months before: they leave it when their project goes live, and are not built again.
 */
export interface CarriedBuild {
  /** Hours already put into the project under way (0: none under way). */
  progressHours: number;
  /** Projects finished in the month before: live from the first month. */
  pendingProjects: number;
  /**
   * Build hours that leave the work in progress in the first month: those of the finished projects,
   * and any hours no project can hold (built beyond the backlog's projects; negative when the months
   * before took back more hours than were recorded as built), so that work in progress nets to nothing.
   */
  pendingHours: number;
}

/**
 * Turns release months into per-month releases and build work. The build of a release is spread
 * evenly over the months after the previous release, up to and including its own month.
 * @example schedulePlan(Int32Array.of(4, 7), 8, false).scheduledBuildShare // [.25,.25,.25,.25,.33,.33,.33,0]
 */
export function schedulePlan(releaseMonths: Int32Array, months: number, capacityMode: boolean, repeatSettledMonths = true): SimulationPlan {
  const scheduledReleases = new Float64Array(months);
  const scheduledBuildShare = new Float64Array(months);
  if (!capacityMode) {
    const sorted = Int32Array.from(releaseMonths).sort();
    let previous = 0;
    for (let index = 0; index < sorted.length; ) {
      const month = sorted[index]!;
      let count = 0;
      while (index < sorted.length && sorted[index] === month) {
        count++;
        index++;
      }
      if (month < 1 || month > months) continue;
      scheduledReleases[month - 1] = count;
      for (let m = previous + 1; m <= month; m++) scheduledBuildShare[m - 1] = count / (month - previous);
      previous = month;
    }
  }
  let lastScheduledMonth = 0;
  for (let month = 1; month <= months; month++) if (scheduledReleases[month - 1]! > 0 || scheduledBuildShare[month - 1]! > 0) lastScheduledMonth = month;
  return { months, capacityMode, scheduledReleases, scheduledBuildShare, lastScheduledMonth, repeatSettledMonths };
}

/** The loaded cost of one hour: given directly, or salary × benefits multiplier ÷ working hours. */
export function hourlyCostOf(parameters: Float64Array): number {
  const given = parameters[P.hourlyCost] ?? Number.NaN;
  if (!Number.isNaN(given)) return given;
  return ((parameters[P.salaryAnnual] ?? 0) * (parameters[P.benefitsMultiplier] ?? 1)) / (parameters[P.workingHoursPerYear] ?? 1);
}

/**
 * What one support person costs a month (docs/numbers.md, tooling): the
 * monthly cost given, plus the annual salary × its benefits multiplier ÷ 12.
 * @example supportCostEach(parameters) // 12872.38 for a salary of 108,020 × 1.43
 */
export function supportCostEach(parameters: Float64Array): number {
  return parameters[P.supportMonthlyCostEach]! + (parameters[P.supportAnnualSalaryEach]! * parameters[P.supportBenefitsMultiplier]!) / 12;
}

/**
 * Support people needed for `live` live projects: one per `liveProjectsEach` (rounded up), at least
 * `minimum`; just the minimum when nobody looks after a given number of projects.
 * @example supportPeople(41, 20, 1) // 3
 */
export function supportPeople(live: number, liveProjectsEach: number, minimum: number): number {
  return liveProjectsEach > 0 ? Math.max(minimum, Math.ceil(live / liveProjectsEach - EPSILON)) : minimum;
}

/**
 * A month's net money: what the team's work earns (project and feature value, work in progress, the
 * captured share of idle hours) less everything it costs, in the order the month table lists them.
 * The simulation and the valuation of a recorded month both use it.
 */
export function monthNet(
  projectValue: number,
  deliveryValue: number,
  workInProgress: number,
  recoveredCapacity: number,
  overloadCost: number,
  payroll: number,
  licences: number,
  infrastructure: number,
  supportStaff: number,
  training: number,
  outageCost: number,
  hiringCost: number,
  otherTeamsCost: number,
  externalSpend: number,
): number {
  return (
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
    externalSpend
  );
}

/** Offsets of the "way of working" quantities: what a scenario's tooling changes, month by month. */
const W = {
  vacancy: 0,
  rampUp: 1,
  knowledgeLoss: 2,
  hiring: 3,
  waiting: 4,
  meetings: 5,
  manualFixed: 6,
  manualPerProject: 7,
  failuresPerProject: 8,
  fixHours: 9,
  outagePerFailure: 10,
  upkeepPerProject: 11,
  buildHours: 12,
  valuePerMonth: 13,
  otherTeams: 14,
  deliveryValue: 15,
  failuresFixed: 16,
} as const;
// Scratch space reused by every call (the simulation must not allocate).
const after = new Float64Array(17);
const until = new Float64Array(17);

/**
 * The last month within the horizon in which a cost line of `p` starts (after month 1) or stops: 0 when
 * every line runs the whole case.
 */
function lastWindowEdge(p: Float64Array, months: number): number {
  let last = 0;
  for (let index = 0; index < WINDOWS.length; index += 2) {
    const start = p[WINDOWS[index]!]!;
    const stop = p[WINDOWS[index + 1]!]! + 1;
    if (start > 1 && start <= months && start > last) last = start;
    if (stop <= months && stop > last) last = stop;
  }
  return last;
}

/**
 * Whether some cost line of `p` does not run in every month of the horizon: its window starts after
 * month 1 or stops before the last month. A window that starts after the horizon has no edge within
 * it (`lastWindowEdge` gives 0), yet its line runs in no month at all.
 * @example hasWindow(parameters, 6) // true for licences from month 8
 */
function hasWindow(p: Float64Array, months: number): boolean {
  for (let index = 0; index < WINDOWS.length; index += 2) {
    if (p[WINDOWS[index]!]! > 1 || p[WINDOWS[index + 1]!]! < months) return true;
  }
  return false;
}

/** Whether a cost line with the window [from, until] runs in `month`. */
function runs(month: number, from: number, until: number): boolean {
  return month >= from && month <= until;
}

/**
 * Whether `month` is a whole number of years (0, 12, 24, ... months) from `first`, before or after it.
 * Months are whole numbers, held as doubles: their difference is taken as an integer, whose remainder
 * is one instruction, where a double's is a library call (an eighth of a short case's Monte Carlo);
 * a fractional difference, which no file can give, keeps the double's remainder.
 * @example yearsApart(13, 1) // true
 */
export function yearsApart(month: number, first: number): boolean {
  const apart = month - first;
  const whole = apart | 0;
  return whole === apart ? whole % 12 === 0 : apart % 12 === 0;
}

/**
 * The first month from `from` on that is a whole number of years from `first`, and not before it:
 * where `yearsApart(month, first)` first holds for a month ≥ `first` counting up from `from`. Never
 * (+∞) when `first` is not a whole month, which no month is a whole number of years from.
 * @example firstYearlyMonth(3, 20) // 27
 */
export function firstYearlyMonth(first: number, from: number): number {
  if (!Number.isInteger(first)) return Number.POSITIVE_INFINITY;
  if (from <= first) return first;
  return first + Math.ceil((from - first) / 12) * 12;
}

/**
 * Whether a yearly amount of a cost line falls in `month`: at the start of each year, counted from the
 * start of the line's year (month 1, or the change's start month for a yearly amount the change
 * alters) or the line's first month, whichever is later, while the line runs.
 */
function yearlyDue(month: number, yearStart: number, from: number, until: number): boolean {
  const first = yearStart > from ? yearStart : from;
  return month >= first && month <= until && yearsApart(month, first);
}

/** The way of working of a parameter vector, for a team of `people` with `hoursPerMonth` each. */
function waysOfWorking(p: Float64Array, people: number, hoursPerMonth: number, out: Float64Array): void {
  // Turnover as an expected steady rate: departures a month, and the hours each one costs.
  const departures = (people * p[P.attritionPerYear]!) / 12;
  out[W.vacancy] = departures * p[P.vacancyMonths]! * hoursPerMonth;
  out[W.rampUp] = departures * p[P.rampUpMonths]! * hoursPerMonth * (1 - p[P.rampUpOutputShare]!);
  out[W.knowledgeLoss] = departures * p[P.knowledgeLossHours]!;
  out[W.hiring] = departures * p[P.hiringCost]!;
  out[W.waiting] = (people * p[P.runsPerWeekPerPerson]! * WEEKS_PER_MONTH * (p[P.minutesPerRun]! * p[P.focusLostShare]! + p[P.contextSwitchMinutes]!)) / 60;
  out[W.meetings] = people * p[P.meetingHoursPerPerson]!;
  out[W.manualFixed] =
    ((p[P.manualMinutesPerPerson]! * people + p[P.manualMinutesPerTeam]!) * WEEKS_PER_MONTH) / 60 + p[P.manualSharePerPerson]! * people * hoursPerMonth;
  out[W.manualPerProject] = (p[P.manualMinutesPerProject]! * WEEKS_PER_MONTH) / 60;
  out[W.failuresPerProject] = p[P.deploymentsPerProject]! * p[P.changeFailureRate]!;
  out[W.fixHours] = p[P.fixHoursPerFailure]!;
  out[W.outagePerFailure] = p[P.hoursToRestore]! * p[P.outageCostPerHour]!;
  out[W.upkeepPerProject] = p[P.upkeepHours]!;
  out[W.buildHours] = p[P.buildHours]!;
  out[W.valuePerMonth] = p[P.valuePerMonth]!;
  out[W.otherTeams] = p[P.otherTeamsHours]! * p[P.otherTeamsHourlyCost]!;
  // Features a year × lines of business × share the team has time for × success rate × revenue impact × revenue, a month.
  out[W.deliveryValue] =
    (p[P.featuresPerYear]! * p[P.linesOfBusiness]! * p[P.timeReinvestedShare]! * p[P.successRate]! * p[P.revenueImpactShare]! * p[P.annualRevenue]!) / 12;
  out[W.failuresFixed] = (p[P.deploymentsPerYear]! / 12) * p[P.changeFailureRate]!;
}

/**
 * The month from which an alternative with parameters `p` works its own way (docs/numbers.md, "An
 * alternative works today's way until its change is in place"): the end of its setup, or its start
 * month when it has no setup or learning hours. Before it, its way of working (chores, waiting,
 * meetings, upkeep, build hours, breakage, turnover, project value, delivery: `TODAYS_WAY_PARAMETERS`)
 * is today's; its fees (`TODAYS_FEE_PARAMETERS`) are today's until its start month. A number, not an
 * object: `simulate` asks it for every scenario of every sample.
 * @example changeInPlaceMonth(parameters) // 4: a start in month 2 and two months of setup
 */
export function changeInPlaceMonth(p: Float64Array): number {
  const startMonth = p[P.startMonth]!;
  const learning = p[P.learningWeeksPerPerson]! * p[P.people]! * p[P.hoursPerMonth]! * (1 - p[P.familiarity]!) * p[P.organisationFactor]!;
  const changes = p[P.setupHours]! > 0 || learning > 0;
  return changes ? startMonth + Math.max(1, Math.round(p[P.setupMonths]!)) : startMonth;
}

/**
 * The parameters whose baseline values an alternative reads before its change is in place: the ones
 * `waysOfWorking` reads (a test holds the list to it, watching it read them).
 */
export const TODAYS_WAY_PARAMETERS: readonly number[] = [
  P.attritionPerYear,
  P.vacancyMonths,
  P.rampUpMonths,
  P.rampUpOutputShare,
  P.knowledgeLossHours,
  P.hiringCost,
  P.runsPerWeekPerPerson,
  P.minutesPerRun,
  P.focusLostShare,
  P.contextSwitchMinutes,
  P.meetingHoursPerPerson,
  P.manualMinutesPerPerson,
  P.manualMinutesPerTeam,
  P.manualSharePerPerson,
  P.manualMinutesPerProject,
  P.deploymentsPerProject,
  P.changeFailureRate,
  P.fixHoursPerFailure,
  P.hoursToRestore,
  P.outageCostPerHour,
  P.upkeepHours,
  P.buildHours,
  P.valuePerMonth,
  P.otherTeamsHours,
  P.otherTeamsHourlyCost,
  P.featuresPerYear,
  P.linesOfBusiness,
  P.timeReinvestedShare,
  P.successRate,
  P.revenueImpactShare,
  P.annualRevenue,
  P.deploymentsPerYear,
].sort((a, b) => a - b);

/** `waysOfWorking`, for the test that holds `TODAYS_WAY_PARAMETERS` to what it reads. */
export const waysOfWorkingForTests = waysOfWorking;

/** The parameters of the fees an alternative pays at today's inputs until its change starts. */
export const TODAYS_FEE_PARAMETERS: readonly number[] = [
  P.licenceFlatPerMonth,
  P.licencePerUserPerMonth,
  P.licenceFlatPerYear,
  P.licencePerUserPerYear,
  P.licencesFromMonth,
  P.licencesUntilMonth,
  P.infrastructurePerMonth,
  P.infrastructurePerYear,
  P.infrastructurePerUserPerYear,
  P.infrastructurePerLiveProject,
  P.infrastructureFromMonth,
  P.infrastructureUntilMonth,
  P.supportLiveProjectsEach,
  P.supportMinimum,
  P.supportMonthlyCostEach,
  P.supportAnnualSalaryEach,
  P.supportBenefitsMultiplier,
  P.supportFromMonth,
  P.supportUntilMonth,
  P.trainingPerPersonPerYear,
  P.trainingFromMonth,
  P.trainingUntilMonth,
].sort((a, b) => a - b);

/**
 * Simulates one scenario month by month (docs/numbers.md) into preallocated columns. Hours available are
 * spent on overheads, then upkeep of every live project, then building; money follows docs/numbers.md.
 * `before` (the baseline's parameters) is how an alternative's team works until its change is in
 * place. `against` compares the scenario with the baseline month by month as it goes (docs/numbers.md):
 * net benefit, NPV, the present value of the change's costs, ROI and payback.
 * No allocation: safe to call 100,000 times.
 * @example simulate(parameters, schedulePlan(Int32Array.of(4, 7, 10), 12, false), columns, scalars)
 */
export function simulate(
  p: Float64Array,
  plan: SimulationPlan,
  out: Float64Array,
  scalars: SimulationScalars,
  detail = true,
  before?: Float64Array,
  against?: Comparison,
): void {
  const months = plan.months;
  const people = p[P.people]!;
  const hoursPerMonth = p[P.hoursPerMonth]!;
  const rate = hourlyCostOf(p);
  const salaried = Number.isNaN(p[P.hourlyCost]!);
  // The whole team's pay; a vacant post is off the payroll (its share of the pay is not paid: what its
  // hours leave undone shows as overload, bought at the loaded rate, or as fewer idle hours).
  const fullPayroll = salaried ? (people * p[P.salaryAnnual]! * p[P.benefitsMultiplier]!) / 12 : people * hoursPerMonth * rate;
  const capture = p[P.captureShare]!;

  // The change: setup and learning spread over the setup months, then the adoption dip.
  const startMonth = p[P.startMonth]!;
  const setupMonths = Math.max(1, Math.round(p[P.setupMonths]!));
  const organisation = p[P.organisationFactor]!;
  const contingency = 1 + p[P.contingencyShare]!;
  const setupPerMonth = (p[P.setupHours]! * organisation * contingency) / setupMonths;
  const learningPerMonth = (p[P.learningWeeksPerPerson]! * people * hoursPerMonth * (12 / 52) * (1 - p[P.familiarity]!) * organisation) / setupMonths;
  const setupEnd = startMonth + setupMonths - 1;
  // The dip starts with the new way of working: after the setup, or at the start when there is none.
  const changes = p[P.setupHours]! > 0 || learningPerMonth > 0;
  const dipStart = changes ? setupEnd + 1 : startMonth;
  const dipEnd = dipStart + Math.round(p[P.adoptionDipMonths]!) - 1;
  const dipShare = p[P.adoptionDipShare]!;
  // Effort alongside: staff on the change from its start, while the new way already applies.
  const alongsidePerMonth = p[P.alongsidePeople]! * hoursPerMonth;
  const alongsideEnd = startMonth + Math.round(p[P.alongsideMonths]!) - 1;
  const external =
    (p[P.externalConsultants]! + p[P.externalHardware]! + p[P.externalLicences]! + p[P.externalTrainingPerPerson]! * people + p[P.externalOther]!) *
    contingency;
  // Paid when the change starts: at time 0 for a change starting in month 1.
  scalars.initialInvestment = startMonth <= 1 ? external : 0;
  scalars.hourlyCost = rate;

  // How the team works: today's way (the baseline's inputs) until the change is in place — the end of
  // its setup — and the scenario's own way after. Fees and setup hours are paid from the start.
  const ready = before ? changeInPlaceMonth(p) : 1;
  // After this month the change, its dip and the switch of the way of working are all behind.
  const changeOver = Math.max(setupEnd, dipEnd, ready - 1, alongsidePerMonth > 0 ? alongsideEnd : 0);
  // The same, counting only what the change really has: a setup month only with setup or learning hours,
  // a dip month only with a share of the hours lost, a month alongside only with staff on it. The
  // baseline (no `before`) has no months worked as today before its change: only the change it makes itself.
  scalars.changeEndMonth = Math.max(
    0,
    ready - 1,
    before ? startMonth - 1 : 0,
    changes ? setupEnd : 0,
    dipShare > 0 && dipEnd >= dipStart ? dipEnd : 0,
    alongsidePerMonth > 0 && alongsideEnd >= startMonth ? alongsideEnd : 0,
  );
  waysOfWorking(p, people, hoursPerMonth, after);
  // Without `before` the change is in place from month 1 (`ready`): today's way is never read.
  if (before) waysOfWorking(before, people, hoursPerMonth, until);
  const threshold = p[P.newWorkThresholdHours]!;
  const backlog = p[P.backlog]!;
  // Tooling costs: an alternative pays today's until its change starts, and its own from then; a yearly
  // fee of its own starts its year with the change (it falls in the start month, 12 months later, ...).
  const tools = before ?? p;
  const ownToolsFrom = before ? startMonth : 1;
  let licenceFixed = tools[P.licenceFlatPerMonth]! + tools[P.licencePerUserPerMonth]! * people;
  let supportEach = tools[P.supportLiveProjectsEach]!;
  // The months each cost line runs (the tools in force: today's until the change starts).
  let licencesFrom = tools[P.licencesFromMonth]!;
  let licencesUntil = tools[P.licencesUntilMonth]!;
  let infrastructureFrom = tools[P.infrastructureFromMonth]!;
  let infrastructureUntil = tools[P.infrastructureUntilMonth]!;
  let supportFrom = tools[P.supportFromMonth]!;
  let supportUntil = tools[P.supportUntilMonth]!;
  let trainingFrom = tools[P.trainingFromMonth]!;
  let trainingUntil = tools[P.trainingUntilMonth]!;

  let live = Math.round(p[P.alreadyLive]!);
  let delivered = 0;
  // Capacity mode: a resumed plan starts with the build work carried from its last recorded month.
  const carried = plan.capacityMode ? plan.carried : undefined;
  let progress = carried ? carried.progressHours : 0; // capacity mode: build hours done on the project in progress
  let building = progress > 0;
  let pendingLive = carried ? carried.pendingProjects : 0; // capacity mode: finished last month, live from this month
  let pendingHours = carried ? carried.pendingHours : 0; // capacity mode: build hours of the projects finished last month
  let started = pendingLive + (building ? 1 : 0);

  // The way of working in force, held in locals (the hot loop reads them every month); it changes
  // at most once, in the month the change is in place.
  let vacancy = 0;
  let rampUp = 0;
  let knowledgeLoss = 0;
  let waitingHours = 0;
  let meetingHours = 0;
  let buildHours = 0;
  let manualFixed = 0;
  let manualPerProject = 0;
  let failuresPerProject = 0;
  let fixHours = 0;
  let upkeepPerProject = 0;
  let valuePerProject = 0;
  let outagePerFailure = 0;
  let hiring = 0;
  let otherTeams = 0;
  let deliveryValue = 0;
  let failuresFixed = 0;
  const capacity = people * hoursPerMonth;
  const rateCaptured = rate * capture;
  let licenceYearly = tools[P.licenceFlatPerYear]! + tools[P.licencePerUserPerYear]! * people;
  // Each yearly line's year: today's (from month 1) until the change starts; a line whose yearly amount
  // the change alters starts a year of its own with it, one it leaves as it is runs on in today's.
  let licenceYearStart = 1;
  let infrastructureYearStart = 1;
  let trainingYearStart = 1;
  let infrastructureFixed = tools[P.infrastructurePerMonth]!;
  let infrastructureYearly = tools[P.infrastructurePerYear]! + tools[P.infrastructurePerUserPerYear]! * people;
  let infrastructurePerProject = tools[P.infrastructurePerLiveProject]!;
  let supportMinimum = tools[P.supportMinimum]!;
  let supportCostEachNow = supportCostEach(tools);
  let trainingYearly = tools[P.trainingPerPersonPerYear]! * people;
  // Cost lines stop or start at their window's edges: no month before the last edge is settled.
  const lastEdge = tools === p ? lastWindowEdge(p, months) : Math.max(lastWindowEdge(tools, months), lastWindowEdge(p, months));
  // With no window at all (the usual case) each month's fees take the short form below.
  const windowed = lastEdge > 0 || hasWindow(tools, months) || (tools !== p && hasWindow(p, months));
  const capacityMode = plan.capacityMode;
  const scheduledReleases = plan.scheduledReleases;
  const scheduledBuildShare = plan.scheduledBuildShare;

  // The comparison with the baseline, accumulated month by month.
  const base = against?.base;
  const netBenefit = against?.net;
  const cumulative = against?.cumulative;
  const discounts = discountsOf(p[P.discountRate]!, against?.discounting ?? "monthly", months);
  // Every column for detail; for the baseline also what its comparisons read.
  const full = detail || base === out;
  // The baseline compared with itself is all zero: it is not worked out month by month.
  const compare = base !== undefined && base !== out;
  const timeZero = against ? against.baseScalars.initialInvestment - scalars.initialInvestment : 0;
  const paidAtTimeZero = -timeZero; // taken every run: see `deficit` below
  let costs = timeZero < 0 ? paidAtTimeZero : 0;
  let npv = timeZero;
  let running = timeZero;
  // For the payback month, gathered as the cumulative net is written (`paybackMonthGathered`).
  let scale = Math.abs(timeZero);
  let lastNotAbove = 0;
  let discount = 1;

  // Settled: from the month after `settledMonth` on, every month repeats it but for the yearly
  // licence. Once the baseline has settled too, the rest is worked out by the short loop below.
  const repeatSettledMonths = plan.repeatSettledMonths;
  const lastScheduledMonth = plan.lastScheduledMonth;
  const baseSettledMonth = against && base !== out ? against.baseScalars.settledMonth : 0;
  // The baseline's hourly cost: what its bought change hours cost in its overload line.
  const baseRate = against ? against.baseScalars.hourlyCost : rate;
  let settledMonth = months;
  let repeatFrom = months;
  // After the baseline's settled month only its live projects, licences and net money are written
  // month by month (they are all that change); its other columns are read from that month's row.
  const baseLastRow = ((compare ? baseSettledMonth : months) - 1) * FIELDS;

  for (let month = 1; month <= months; month++) {
    const at = month - 1;
    const row = at * FIELDS;
    const w = month < ready ? until : after;
    if (month === 1 || month === ready) {
      vacancy = w[W.vacancy]!;
      rampUp = w[W.rampUp]!;
      knowledgeLoss = w[W.knowledgeLoss]!;
      waitingHours = w[W.waiting]!;
      meetingHours = w[W.meetings]!;
      buildHours = w[W.buildHours]!;
      manualFixed = w[W.manualFixed]!;
      manualPerProject = w[W.manualPerProject]!;
      failuresPerProject = w[W.failuresPerProject]!;
      fixHours = w[W.fixHours]!;
      upkeepPerProject = w[W.upkeepPerProject]!;
      valuePerProject = w[W.valuePerMonth]!;
      outagePerFailure = w[W.outagePerFailure]!;
      hiring = w[W.hiring]!;
      otherTeams = w[W.otherTeams]!;
      deliveryValue = w[W.deliveryValue]!;
      failuresFixed = w[W.failuresFixed]!;
    }

    // Releases: schedule mode releases in the given months (live and maintained that month);
    // capacity mode makes a project live the month after its build is done.
    let releases: number;
    let scheduledBuild = 0;
    // Capacity mode: the build hours of projects going live leave work in progress this month.
    let releasedHours = 0;
    if (capacityMode) {
      releases = pendingLive;
      pendingLive = 0;
      releasedHours = pendingHours;
      pendingHours = 0;
    } else {
      releases = scheduledReleases[at]!;
      scheduledBuild = scheduledBuildShare[at]! * buildHours;
    }
    live += releases;
    delivered += releases;

    const inChange = month >= startMonth && month <= setupEnd;
    const inDip = month >= dipStart && month <= dipEnd;
    const dip = inDip ? dipShare * (capacity - vacancy - rampUp) : 0;
    const available = capacity - vacancy - rampUp - dip;
    const setup = inChange ? setupPerMonth : 0;
    const learning = inChange ? learningPerMonth : 0;
    const alongside = month >= startMonth && month <= alongsideEnd ? alongsidePerMonth : 0;
    const manual = manualFixed + manualPerProject * live;
    const failures = failuresPerProject * live + failuresFixed;
    const breakageFix = failures * fixHours;
    const overhead = manual + waitingHours + meetingHours + breakageFix + knowledgeLoss + setup + learning + alongside;
    const upkeep = upkeepPerProject * live;
    const free = available - overhead - upkeep;
    const overloaded = free < -EPSILON;
    // Negated every month, not only when overloaded: an operation first met after the optimising
    // compiler has run (an overload in the thousandth sample) throws its code away, and compiling
    // this function again costs about 0.1 s of CPU, as much as 100,000 months of it.
    const deficit = -free;
    const shortfall = overloaded ? deficit : 0;
    const canStart = !overloaded && free >= threshold - EPSILON;

    let build = 0;
    let remaining = free > 0 ? free : 0;
    if (capacityMode) {
      // Build hours may have shrunk when the change came in: a project already past them is done,
      // whether or not the month has a free hour to give it (it needs none).
      if (building && buildHours > EPSILON && progress >= buildHours - EPSILON) {
        building = false;
        pendingLive++;
        pendingHours += progress;
      }
      // A project that needs no build hours cannot be built in capacity mode (validation refuses it;
      // it can still appear before the change is in place when the baseline releases by schedule).
      while (remaining > EPSILON && buildHours > EPSILON) {
        if (!building) {
          if (!canStart || started >= backlog) break;
          // Hours for many whole projects (a large team, small builds): all but the last built at
          // once, so the month's work does not grow with the number of projects.
          if (remaining >= BULK_PROJECTS * buildHours) {
            const whole = Math.min(Math.floor(remaining / buildHours) - 1, backlog - started);
            const hours = whole * buildHours;
            started += whole;
            pendingLive += whole;
            pendingHours += hours;
            remaining -= hours;
            build += hours;
            if (started >= backlog) break;
          }
          building = true;
          progress = 0;
          started++;
        }
        // Build hours may have shrunk when the change came in: a project already past them is done.
        const spend = Math.max(0, Math.min(remaining, buildHours - progress));
        progress += spend;
        remaining -= spend;
        build += spend;
        if (progress >= buildHours - EPSILON) {
          building = false;
          pendingLive++;
          pendingHours += progress;
        }
      }
    } else {
      build = Math.min(remaining, scheduledBuild);
      remaining -= build;
    }
    const idle = remaining;
    // Hours short are bought at the loaded rate: overload, and by schedule the build work the team had
    // no hours for (a release is never delivered with hours nobody paid for).
    const boughtBuild = capacityMode ? 0 : scheduledBuild - build;

    // Settled: from next month on nothing changes but the yearly licence. The change and its dip are
    // over and the way of working is final (it switches when the new way starts, with the dip), and
    // no project is being built or about to go live.
    if (
      settledMonth === months &&
      repeatSettledMonths &&
      month > changeOver &&
      month >= lastEdge &&
      (capacityMode ? !building && pendingLive === 0 && releases === 0 : month > lastScheduledMonth)
    ) {
      settledMonth = month;
    }
    // The last month worked out in full: the short loop below repeats it.
    const last = settledMonth < months && (!compare || month >= baseSettledMonth);

    // Without detail (the Monte Carlo) only live projects are written, and what the baseline's
    // comparisons and the short loop read: change hours and money. The rest is detail.
    const written = full || last;
    out[row + F.liveProjects] = live;
    // What the change's hours displace (docs/numbers.md): hours that had to be
    // bought, and in capacity mode hours the team would have spent building, at the loaded rate; the
    // rest would have been idle, at the capture share. The same price in the investment and the ROI.
    const changeHours = setup + learning + dip + alongside;
    let changeHoursCost = 0;
    // The change's hours that had to be bought: in the overload line and in the change's price both.
    let boughtChange = 0;
    if (changeHours > 0) {
      const bought = shortfall + boughtBuild;
      boughtChange = changeHours < bought ? changeHours : bought;
      const rest = changeHours - boughtChange;
      // Hours that would have gone into building: all of them when, with all the month's change hours
      // back (bought ones included: the free hours without the change), new work could
      // start; else, with a project left unfinished, only the hours it still needs.
      let displaced = 0;
      if (capacityMode && buildHours > EPSILON) {
        // The hours the project under way still needs, worked out whether or not they are read: a
        // project left unfinished in the change's months can first come thousands of samples into a
        // Monte Carlo, after the optimising compiler has run, and arithmetic it never saw run throws
        // the compiled simulation away (compiling it again costs 0.05–0.1 s of CPU).
        const needed = buildHours - progress;
        const neededHours = needed > 0 ? needed : 0;
        const upToNeeded = needed >= rest ? rest : neededHours;
        if (started < backlog && free + changeHours >= threshold - EPSILON) displaced = rest;
        else if (building) displaced = upToNeeded;
      }
      changeHoursCost = (boughtChange + displaced) * rate + (rest - displaced) * rateCaptured;
    }
    if (written) {
      out[row + F.adoptionDipHours] = dip;
      out[row + F.setupHours] = setup;
      out[row + F.learningHours] = learning;
      out[row + F.alongsideHours] = alongside;
      out[row + F.changeHoursCost] = changeHoursCost;
      out[row + F.changeHoursBought] = boughtChange;
    }
    if (detail) {
      out[row + F.releases] = releases;
      out[row + F.capacityHours] = capacity;
      out[row + F.vacancyHours] = vacancy;
      out[row + F.rampUpHours] = rampUp;
      out[row + F.availableHours] = available;
      out[row + F.manualHours] = manual;
      out[row + F.waitingHours] = waitingHours;
      out[row + F.meetingHours] = meetingHours;
      out[row + F.breakageFixHours] = breakageFix;
      out[row + F.knowledgeLossHours] = knowledgeLoss;
      out[row + F.overheadHours] = overhead;
      out[row + F.upkeepHours] = upkeep;
      out[row + F.freeHours] = free;
      out[row + F.buildHours] = build;
      out[row + F.idleHours] = idle;
      out[row + F.shortfallHours] = shortfall;
      out[row + F.scheduledBuildShortfallHours] = boughtBuild;
      out[row + F.canStartNewWork] = canStart ? 1 : 0;
      out[row + F.overloaded] = overloaded ? 1 : 0;
    }

    const payroll = fullPayroll * (1 - vacancy / capacity);
    const projectValue = live * valuePerProject;
    const recovered = idle * rateCaptured;
    // Capacity mode: hours put into a project not yet live are worth their cost until it goes live,
    // when its value takes over (docs/numbers.md, work in progress).
    const workInProgress = capacityMode ? (build - releasedHours) * rate : 0;
    const overloadCost = (shortfall + boughtBuild) * rate;
    if (month === ownToolsFrom && tools !== p) {
      licenceFixed = p[P.licenceFlatPerMonth]! + p[P.licencePerUserPerMonth]! * people;
      // A new yearly fee starts its year with the change; the same fee as today's runs on in today's
      // year, line by line (a fee paid for today's year is neither paid again nor skipped).
      const ownYearly = p[P.licenceFlatPerYear]! + p[P.licencePerUserPerYear]! * people;
      if (ownYearly !== licenceYearly) licenceYearStart = startMonth;
      licenceYearly = ownYearly;
      infrastructureFixed = p[P.infrastructurePerMonth]!;
      const ownInfrastructureYearly = p[P.infrastructurePerYear]! + p[P.infrastructurePerUserPerYear]! * people;
      if (ownInfrastructureYearly !== infrastructureYearly) infrastructureYearStart = startMonth;
      infrastructureYearly = ownInfrastructureYearly;
      infrastructurePerProject = p[P.infrastructurePerLiveProject]!;
      supportEach = p[P.supportLiveProjectsEach]!;
      supportMinimum = p[P.supportMinimum]!;
      supportCostEachNow = supportCostEach(p);
      const ownTrainingYearly = p[P.trainingPerPersonPerYear]! * people;
      if (ownTrainingYearly !== trainingYearly) trainingYearStart = startMonth;
      trainingYearly = ownTrainingYearly;
      licencesFrom = p[P.licencesFromMonth]!;
      licencesUntil = p[P.licencesUntilMonth]!;
      infrastructureFrom = p[P.infrastructureFromMonth]!;
      infrastructureUntil = p[P.infrastructureUntilMonth]!;
      supportFrom = p[P.supportFromMonth]!;
      supportUntil = p[P.supportUntilMonth]!;
      trainingFrom = p[P.trainingFromMonth]!;
      trainingUntil = p[P.trainingUntilMonth]!;
    }
    const supportNeeded = supportPeople(live, supportEach, supportMinimum);
    let licences: number;
    let infrastructure: number;
    let support: number;
    let training: number;
    if (windowed) {
      licences =
        (runs(month, licencesFrom, licencesUntil) ? licenceFixed : 0) + (yearlyDue(month, licenceYearStart, licencesFrom, licencesUntil) ? licenceYearly : 0);
      infrastructure =
        (runs(month, infrastructureFrom, infrastructureUntil) ? infrastructureFixed + infrastructurePerProject * live : 0) +
        (yearlyDue(month, infrastructureYearStart, infrastructureFrom, infrastructureUntil) ? infrastructureYearly : 0);
      support = runs(month, supportFrom, supportUntil) ? supportNeeded * supportCostEachNow : 0;
      training = yearlyDue(month, trainingYearStart, trainingFrom, trainingUntil) ? trainingYearly : 0;
    } else {
      // Every line runs the whole case: each yearly amount falls at the start of each of its line's years.
      const yearStarts = yearsApart(month, licenceYearStart);
      licences = licenceFixed + (yearStarts ? licenceYearly : 0);
      const infrastructureYearStarts = infrastructureYearStart === licenceYearStart ? yearStarts : yearsApart(month, infrastructureYearStart);
      infrastructure = infrastructureFixed + infrastructurePerProject * live + (infrastructureYearStarts ? infrastructureYearly : 0);
      support = supportNeeded * supportCostEachNow;
      const trainingYearStarts = trainingYearStart === licenceYearStart ? yearStarts : yearsApart(month, trainingYearStart);
      training = trainingYearStarts ? trainingYearly : 0;
    }
    const outage = failures * outagePerFailure;
    const externalSpend = startMonth > 1 && month === startMonth - 1 ? external : 0;
    const net = monthNet(
      projectValue,
      deliveryValue,
      workInProgress,
      recovered,
      overloadCost,
      payroll,
      licences,
      infrastructure,
      support,
      training,
      outage,
      hiring,
      otherTeams,
      externalSpend,
    );
    if (written) {
      out[row + F.projectValue] = projectValue;
      out[row + F.deliveryValue] = deliveryValue;
      out[row + F.workInProgress] = workInProgress;
      out[row + F.training] = training;
      out[row + F.recoveredCapacity] = recovered;
      out[row + F.overloadCost] = overloadCost;
      out[row + F.payroll] = payroll;
      out[row + F.licences] = licences;
      out[row + F.infrastructure] = infrastructure;
      out[row + F.supportStaff] = support;
      out[row + F.outageCost] = outage;
      out[row + F.hiringCost] = hiring;
      out[row + F.otherTeamsCost] = otherTeams;
      out[row + F.externalSpend] = externalSpend;
      out[row + F.net] = net;
    }

    if (compare) {
      // Against the baseline: the net benefit, and the change's costs — cash lines that rise, and
      // team hours diverted into the change — for the ROI. This is the Monte Carlo's hottest code.
      discount = discounts[at]!;
      const benefit = net - base[row + F.net]!;
      netBenefit![at] = benefit;
      running += benefit;
      cumulative![at] = running;
      scale += Math.abs(running);
      if (!(running >= 0)) lastNotAbove = month;
      npv += benefit * discount;
      const baseRow = row < baseLastRow ? row : baseLastRow;
      // Overload beyond the change's own bought hours, which its price below counts already
      // (docs/numbers.md: every hour counted once).
      const c0 = overloadCost - boughtChange * rate - (base[baseRow + F.overloadCost]! - base[baseRow + F.changeHoursBought]! * baseRate);
      const c1 = payroll - base[baseRow + F.payroll]!;
      const c2 = licences - base[row + F.licences]!;
      const c3 = infrastructure - base[row + F.infrastructure]!;
      const c4 = support - base[baseRow + F.supportStaff]!;
      const c5 = outage - base[baseRow + F.outageCost]!;
      const c6 = hiring - base[baseRow + F.hiringCost]!;
      const c7 = otherTeams - base[baseRow + F.otherTeamsCost]!;
      const c8 = externalSpend - base[baseRow + F.externalSpend]!;
      const c9 = training - base[row + F.training]!;
      let extra = (c0 > 0 ? c0 : NO_RISE) + (c1 > 0 ? c1 : NO_RISE) + (c2 > 0 ? c2 : NO_RISE) + (c3 > 0 ? c3 : NO_RISE) + (c4 > 0 ? c4 : NO_RISE);
      extra += (c5 > 0 ? c5 : NO_RISE) + (c6 > 0 ? c6 : NO_RISE) + (c7 > 0 ? c7 : NO_RISE) + (c8 > 0 ? c8 : NO_RISE) + (c9 > 0 ? c9 : NO_RISE);
      // The change's hours, at what they displace (above), beyond the baseline's.
      const changeCost = changeHoursCost - base[baseRow + F.changeHoursCost]!;
      if (changeCost > 0) extra += changeCost;
      costs += extra * discount;
    }
    if (last) {
      repeatFrom = month;
      break;
    }
  }

  // The months after `repeatFrom` repeat it — for this scenario and for the baseline — but for the
  // yearly licence; no external spend is left (it is paid before the change). The arithmetic is the
  // main loop's, in the same order, on the same values, so the numbers are the same to the last bit.
  if (repeatFrom < months) {
    const pattern = (repeatFrom - 1) * FIELDS;
    const basePattern = pattern < baseLastRow ? pattern : baseLastRow;
    const leading =
      out[pattern + F.projectValue]! +
      out[pattern + F.deliveryValue]! +
      out[pattern + F.workInProgress]! +
      out[pattern + F.recoveredCapacity]! -
      out[pattern + F.overloadCost]! -
      out[pattern + F.payroll]!;
    // Past the last window edge every cost line either runs to the end or has stopped for good.
    const licencesRun = runs(repeatFrom, licencesFrom, licencesUntil);
    const infrastructureRuns = runs(repeatFrom, infrastructureFrom, infrastructureUntil);
    const infrastructureSteady = infrastructureRuns ? infrastructureFixed + infrastructurePerProject * live : 0;
    const support = out[pattern + F.supportStaff]!;
    const outage = out[pattern + F.outageCost]!;
    const externalSpend = out[pattern + F.externalSpend]!;
    // The change's costs but the yearly lines': the same every month (zero for the baseline itself).
    const costs01 = compare ? riseOf(out, pattern, base, basePattern, F.overloadCost) + riseOf(out, pattern, base, basePattern, F.payroll) : 0;
    const costs4 = compare ? riseOf(out, pattern, base, basePattern, F.supportStaff) : 0;
    const costsRest = compare
      ? riseOf(out, pattern, base, basePattern, F.outageCost) +
        riseOf(out, pattern, base, basePattern, F.hiringCost) +
        riseOf(out, pattern, base, basePattern, F.otherTeamsCost) +
        riseOf(out, pattern, base, basePattern, F.externalSpend)
      : 0;
    // The first month of each line's years (past the last window edge, every line runs or has stopped).
    const licenceFirst = licenceYearStart > licencesFrom ? licenceYearStart : licencesFrom;
    const infrastructureFirst = infrastructureYearStart > infrastructureFrom ? infrastructureYearStart : infrastructureFrom;
    const trainingFirst = trainingYearStart > trainingFrom ? trainingYearStart : trainingFrom;
    // The next month each line's yearly amount falls in, counted on twelve at a time (no remainder
    // taken every month: these months are most of a long case's Monte Carlo).
    let licenceDue = firstYearlyMonth(licenceFirst, repeatFrom + 1);
    let infrastructureDue = firstYearlyMonth(infrastructureFirst, repeatFrom + 1);
    let trainingDue = firstYearlyMonth(trainingFirst, repeatFrom + 1);
    for (let month = repeatFrom + 1; month <= months; month++) {
      const at = month - 1;
      const row = at * FIELDS;
      let licences = licencesRun ? licenceFixed : 0;
      if (month === licenceDue) {
        licenceDue += 12;
        if (month <= licencesUntil) licences += licenceYearly;
      }
      let infrastructure = infrastructureSteady;
      if (month === infrastructureDue) {
        infrastructureDue += 12;
        if (infrastructureYearly !== 0 && month <= infrastructureUntil) infrastructure += infrastructureYearly;
      }
      let training = 0;
      if (month === trainingDue) {
        trainingDue += 12;
        if (trainingYearly !== 0 && month <= trainingUntil) training = trainingYearly;
      }
      const net = leading - licences - infrastructure - support - training - outage - hiring - otherTeams - externalSpend;
      if (detail) {
        out.copyWithin(row, pattern, pattern + FIELDS);
        out[row + F.releases] = 0;
      }
      out[row + F.liveProjects] = live;
      if (full) {
        out[row + F.licences] = licences;
        out[row + F.infrastructure] = infrastructure;
        out[row + F.training] = training;
        out[row + F.net] = net;
      }
      if (!compare) continue;
      discount = discounts[at]!;
      const benefit = net - base[row + F.net]!;
      netBenefit![at] = benefit;
      running += benefit;
      cumulative![at] = running;
      scale += Math.abs(running);
      if (!(running >= 0)) lastNotAbove = month;
      npv += benefit * discount;
      const c2 = licences - base[row + F.licences]!;
      const c3 = infrastructure - base[row + F.infrastructure]!;
      const c9 = training - base[row + F.training]!;
      costs += (costs01 + (c2 > 0 ? c2 : NO_RISE) + (c3 > 0 ? c3 : NO_RISE) + costs4 + costsRest + (c9 > 0 ? c9 : NO_RISE)) * discount;
    }
  }
  scalars.settledMonth = settledMonth;
  scalars.projectsDelivered = delivered;
  if (against === undefined) return;
  if (!compare) {
    netBenefit!.fill(0);
    cumulative!.fill(0);
  }
  const figures = against.figures;
  figures.npv = npv;
  figures.presentValueOfCosts = costs;
  figures.roi = costs > 1e-9 ? npv / costs : Number.NaN;
  figures.paybackMonth = paybackMonthGathered(timeZero, cumulative!, scale, lastNotAbove);
  figures.timeZero = timeZero;
}

import { F } from "./model/columns.js";
import type { SimulationScalars } from "./model/columns.js";
import { P } from "./model/parameters.js";

/** Weeks in an average month. */
export const WEEKS_PER_MONTH = 52 / 12;
/** Hours below this are rounding noise, not a shortfall. */
const EPSILON = 1e-9;

export interface SimulationPlan {
  readonly months: number;
  readonly capacityMode: boolean;
  /** Schedule mode: projects released in each month (index month - 1). */
  readonly scheduledReleases: Float64Array;
  /** Schedule mode: projects' worth of build work done in each month, spread evenly before each release. */
  readonly scheduledBuildShare: Float64Array;
}

/**
 * Turns release months into per-month releases and build work. The build of a release is spread
 * evenly over the months after the previous release, up to and including its own month.
 * @example schedulePlan(Int32Array.of(4, 7), 8, false).scheduledBuildShare // [.25,.25,.25,.25,.33,.33,.33,0]
 */
export function schedulePlan(releaseMonths: Int32Array, months: number, capacityMode: boolean): SimulationPlan {
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
  return { months, capacityMode, scheduledReleases, scheduledBuildShare };
}

/** The loaded cost of one hour: given directly, or salary × benefits multiplier ÷ working hours. */
export function hourlyCostOf(parameters: Float64Array): number {
  const given = parameters[P.hourlyCost] ?? Number.NaN;
  if (!Number.isNaN(given)) return given;
  return ((parameters[P.salaryAnnual] ?? 0) * (parameters[P.benefitsMultiplier] ?? 1)) / (parameters[P.workingHoursPerYear] ?? 1);
}

/**
 * Simulates one scenario month by month (BRIEF §4) into preallocated columns. Hours available are
 * spent on overheads, then upkeep of every live project, then building; money follows BRIEF §5.
 * No allocation: safe to call 100,000 times.
 * @example simulate(parameters, schedulePlan(Int32Array.of(4, 7, 10), 12, false), columns, scalars)
 */
export function simulate(p: Float64Array, plan: SimulationPlan, out: Float64Array, scalars: SimulationScalars, detail = true): void {
  const months = plan.months;
  const people = p[P.people]!;
  const hoursPerMonth = p[P.hoursPerMonth]!;
  const rate = hourlyCostOf(p);
  const salaried = Number.isNaN(p[P.hourlyCost]!);
  const payroll = salaried ? (people * p[P.salaryAnnual]! * p[P.benefitsMultiplier]!) / 12 : people * hoursPerMonth * rate;
  const capture = p[P.captureShare]!;

  // Turnover as an expected steady rate: departures a month, and the hours each one costs.
  const departures = (people * p[P.attritionPerYear]!) / 12;
  const vacancy = departures * p[P.vacancyMonths]! * hoursPerMonth;
  const rampUp = departures * p[P.rampUpMonths]! * hoursPerMonth * (1 - p[P.rampUpOutputShare]!);
  const knowledgeLoss = departures * p[P.knowledgeLossHours]!;
  const hiring = departures * p[P.hiringCost]!;

  // The change: setup and learning spread over the setup months, then the adoption dip.
  const startMonth = p[P.startMonth]!;
  const setupMonths = Math.max(1, Math.round(p[P.setupMonths]!));
  const organisation = p[P.organisationFactor]!;
  const contingency = 1 + p[P.contingencyShare]!;
  const setupPerMonth = (p[P.setupHours]! * organisation * contingency) / setupMonths;
  const learningPerMonth =
    (p[P.learningWeeksPerPerson]! * people * hoursPerMonth * (12 / 52) * (1 - p[P.familiarity]!) * organisation) / setupMonths;
  const setupEnd = startMonth + setupMonths - 1;
  const dipEnd = setupEnd + Math.round(p[P.adoptionDipMonths]!);
  const dipShare = p[P.adoptionDipShare]!;
  const external =
    (p[P.externalConsultants]! + p[P.externalHardware]! + p[P.externalLicences]! + p[P.externalTrainingPerPerson]! * people + p[P.externalOther]!) *
    contingency;
  // Paid when the change starts: at time 0 for a change starting in month 1.
  scalars.initialInvestment = startMonth <= 1 ? external : 0;
  scalars.hourlyCost = rate;

  const waitingHours =
    (people * p[P.runsPerWeekPerPerson]! * WEEKS_PER_MONTH * (p[P.minutesPerRun]! * p[P.focusLostShare]! + p[P.contextSwitchMinutes]!)) / 60;
  const meetingHours = people * p[P.meetingHoursPerPerson]!;
  const manualFixed = ((p[P.manualMinutesPerPerson]! * people + p[P.manualMinutesPerTeam]!) * WEEKS_PER_MONTH) / 60;
  const manualPerProject = (p[P.manualMinutesPerProject]! * WEEKS_PER_MONTH) / 60;
  const failuresPerProject = p[P.deploymentsPerProject]! * p[P.changeFailureRate]!;
  const upkeepPerProject = p[P.upkeepHours]!;
  const buildHours = p[P.buildHours]!;
  const threshold = p[P.newWorkThresholdHours]!;
  const backlog = p[P.backlog]!;
  const licenceFixed = p[P.licenceFlatPerMonth]! + p[P.licencePerUserPerMonth]! * people;
  const supportEach = p[P.supportLiveProjectsEach]!;
  const otherTeams = p[P.otherTeamsHours]! * p[P.otherTeamsHourlyCost]!;

  let live = Math.round(p[P.alreadyLive]!);
  let delivered = 0;
  let progress = 0; // capacity mode: build hours done on the project in progress
  let building = false;
  let started = 0;
  let pendingLive = 0; // capacity mode: finished last month, live from this month

  for (let month = 1; month <= months; month++) {
    const at = month - 1;

    // Releases: schedule mode releases in the given months (live and maintained that month);
    // capacity mode makes a project live the month after its build is done.
    let releases: number;
    let scheduledBuild = 0;
    if (plan.capacityMode) {
      releases = pendingLive;
      pendingLive = 0;
    } else {
      releases = plan.scheduledReleases[at]!;
      scheduledBuild = plan.scheduledBuildShare[at]! * buildHours;
    }
    live += releases;
    delivered += releases;

    const capacity = people * hoursPerMonth;
    const inChange = month >= startMonth && month <= setupEnd;
    const inDip = month > setupEnd && month <= dipEnd;
    const dip = inDip ? dipShare * (capacity - vacancy - rampUp) : 0;
    const available = capacity - vacancy - rampUp - dip;
    const setup = inChange ? setupPerMonth : 0;
    const learning = inChange ? learningPerMonth : 0;
    const manual = manualFixed + manualPerProject * live;
    const failures = failuresPerProject * live;
    const breakageFix = failures * p[P.fixHoursPerFailure]!;
    const overhead = manual + waitingHours + meetingHours + breakageFix + knowledgeLoss + setup + learning;
    const upkeep = upkeepPerProject * live;
    const free = available - overhead - upkeep;
    const overloaded = free < -EPSILON;
    const shortfall = overloaded ? -free : 0;
    const canStart = !overloaded && free >= threshold - EPSILON;

    let build = 0;
    let remaining = free > 0 ? free : 0;
    if (plan.capacityMode) {
      while (remaining > EPSILON) {
        if (!building) {
          if (!canStart || started >= backlog) break;
          building = true;
          progress = 0;
          started++;
        }
        const spend = Math.min(remaining, buildHours - progress);
        progress += spend;
        remaining -= spend;
        build += spend;
        if (progress >= buildHours - EPSILON) {
          building = false;
          pendingLive++;
        }
      }
    } else {
      build = Math.min(remaining, scheduledBuild);
      remaining -= build;
    }
    const idle = remaining;

    // The Monte Carlo needs only live projects, change hours and money (below); the rest is detail.
    out[F.liveProjects * months + at] = live;
    out[F.adoptionDipHours * months + at] = dip;
    out[F.setupHours * months + at] = setup;
    out[F.learningHours * months + at] = learning;
    if (detail) {
      out[F.releases * months + at] = releases;
      out[F.capacityHours * months + at] = capacity;
      out[F.vacancyHours * months + at] = vacancy;
      out[F.rampUpHours * months + at] = rampUp;
      out[F.availableHours * months + at] = available;
      out[F.manualHours * months + at] = manual;
      out[F.waitingHours * months + at] = waitingHours;
      out[F.meetingHours * months + at] = meetingHours;
      out[F.breakageFixHours * months + at] = breakageFix;
      out[F.knowledgeLossHours * months + at] = knowledgeLoss;
      out[F.overheadHours * months + at] = overhead;
      out[F.upkeepHours * months + at] = upkeep;
      out[F.freeHours * months + at] = free;
      out[F.buildHours * months + at] = build;
      out[F.idleHours * months + at] = idle;
      out[F.shortfallHours * months + at] = shortfall;
      out[F.scheduledBuildShortfallHours * months + at] = plan.capacityMode ? 0 : scheduledBuild - build;
      out[F.canStartNewWork * months + at] = canStart ? 1 : 0;
      out[F.overloaded * months + at] = overloaded ? 1 : 0;
    }

    const projectValue = live * p[P.valuePerMonth]!;
    const recovered = idle * rate * capture;
    const overloadCost = shortfall * rate;
    const licences = licenceFixed + (at % 12 === 0 ? p[P.licenceFlatPerYear]! : 0);
    const infrastructure = p[P.infrastructurePerMonth]! + p[P.infrastructurePerLiveProject]! * live;
    const supportPeople = supportEach > 0 ? Math.max(p[P.supportMinimum]!, Math.ceil(live / supportEach - EPSILON)) : p[P.supportMinimum]!;
    const support = supportPeople * p[P.supportMonthlyCostEach]!;
    const outage = failures * p[P.hoursToRestore]! * p[P.outageCostPerHour]!;
    const externalSpend = startMonth > 1 && month === startMonth - 1 ? external : 0;

    out[F.projectValue * months + at] = projectValue;
    out[F.recoveredCapacity * months + at] = recovered;
    out[F.overloadCost * months + at] = overloadCost;
    out[F.payroll * months + at] = payroll;
    out[F.licences * months + at] = licences;
    out[F.infrastructure * months + at] = infrastructure;
    out[F.supportStaff * months + at] = support;
    out[F.outageCost * months + at] = outage;
    out[F.hiringCost * months + at] = hiring;
    out[F.otherTeamsCost * months + at] = otherTeams;
    out[F.externalSpend * months + at] = externalSpend;
    out[F.net * months + at] =
      projectValue + recovered - overloadCost - payroll - licences - infrastructure - support - outage - hiring - otherTeams - externalSpend;
  }
  scalars.projectsDelivered = delivered;
}

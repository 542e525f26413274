import { drawInputs, leafQuantile } from "./draws.js";
import { MonteCarlo, STANDARD_SAMPLES, STANDARD_SEED, type AlternativeDistribution } from "./monte-carlo.js";
import { keepWithinKind, quantityKind } from "./scenario/quantity.js";
import { groupDigitString, groupDigits } from "./scenario/text.js";
import { createRandom, deriveSeed, fillUniform, inverseNormalCdf, latinHypercubeColumn, quantile, type Distribution } from "./uncertainty/index.js";
import { discountFactors, paybackMonth, type Discounting } from "./finance.js";
import { F, MONTHLY_FIELD_COUNT, monthlyFieldNames } from "./model/columns.js";
import { compileCase, fillChosenParameters, fillParameters, varyingParameters, type VaryingParameters } from "./model/compile.js";
import type { CompiledCase, CompiledScenario } from "./model/compiled.js";
import { P, PARAMETER_COUNT } from "./model/parameters.js";
import type { MonthRow } from "./result.js";
import { CaseRunner } from "./runner.js";
import type { CaseFile } from "./scenario/schema.js";
import { WEEKS_PER_MONTH } from "./simulate.js";
import {
  carriedBuilds,
  moneyRulesOf,
  resumedCase,
  resumesAsPlanned,
  upFrontAdjustedNpv,
  upFrontPaidInMonth1,
  valueRecordedMonth,
  agreeingRecord,
  type BuildMonth,
  type CarriedBuild,
  type RecordedMonth,
} from "./tracking.js";

/**
 * A forecast that learns (docs/numbers.md, "A forecast that learns"): the plan's ranges updated by the
 * recorded months, and how well the plan's ranges held (its calibration). The plan's Monte Carlo samples
 * are the prior; each is weighted by how likely it makes the recorded months (importance sampling), and
 * the rest of the horizon is simulated again from the actual state for each sample.
 */

/** How far a month's recorded hours scatter around the expected figure: σ of their logarithm (about ±20%). */
export const LEARNING_HOURS_SIGMA = 0.2;
/** Hours added before taking logarithms, so a month with 0 hours recorded is a valid observation. */
export const LEARNING_HOURS_OFFSET = 1;
/** Plan samples drawn for the update. */
export const LEARNING_SAMPLES = 1000;
/** Below this effective sample size the update is tempered (see `learningMethod`). */
export const MIN_EFFECTIVE_SAMPLES = 100;

/** How the forecast learns, for docs/numbers.md and `track forecast --help`. */
export const learningMethod =
  `The plan's ranges are the prior: ${groupDigits(LEARNING_SAMPLES)} samples drawn as the plan's Monte Carlo draws them (its seed and sampling). ` +
  "Each sample is weighted by the likelihood of every recorded month: a month's recorded hours (upkeep, chores, meetings, waiting, fixing failures, " +
  "restoring service) are the sample's expected hours for that month at the recorded live projects, failures and deployments, times lognormal noise " +
  `(σ = ${LEARNING_HOURS_SIGMA} on log(hours + ${LEARNING_HOURS_OFFSET})); failures are Poisson with mean deployments × change failure rate, and ` +
  "deployments Poisson with mean deployments per live project × live projects. Months before the change is in place observe the baseline's inputs, " +
  "later months the approved scenario's. When the weights rest on fewer than half the samples (Kish's effective sample size), the samples are " +
  "resampled and moved instead (resample-move: the months' likelihood brought in by stages, each followed by Metropolis steps on the inputs' " +
  "probabilities); when the inputs are correlated and cannot be moved one by one, the likelihood is tempered so that " +
  `${MIN_EFFECTIVE_SAMPLES} samples carry the weight, and the forecast says so. For each sample the recorded months are valued by the engine's ` +
  "rules and the rest of the horizon is simulated again from the actual state; the NPV range and the chance of paying back are the samples' " +
  "percentiles and share.";

/** How calibration is scored, for docs/numbers.md and `track show --help`. */
export const calibrationMethod =
  "For each input with a range that the recorded months observe, the observed value (the recorded total over the exposure, e.g. upkeep hours ÷ " +
  "live-project months) is checked against the plan's 90% range of the same figure. With n such checks a well-judged plan misses about 1 in 10: the ranges " +
  "are too narrow when that many misses would happen by chance less than 5% of the time (one-sided binomial test, miss chance 0.1), and too wide " +
  "when at least 5 were checked and every observed value fell in the middle half of its range (chance 0.5^n < 5%); otherwise about right, or too few to " +
  "tell with fewer than 3 checks. The widening factor is the " +
  "smallest multiple of each range's half-widths (around its median) that would have put 90% of the observed values inside.";

/** One recorded month as the update reads it. */
export interface LearningMonth {
  month: number;
  /** Live projects at the end of the month (recorded, or the plan's when not recorded). */
  liveProjects: number;
  /** The recorded measures; a measure left out was not recorded and observes nothing. */
  values: RecordedMonth & { deployments?: number | undefined };
}

/** The figures the recorded months observe. */
export type ObservedFigure =
  | "upkeepPerLiveProject"
  | "choreHours"
  | "meetingHours"
  | "waitingHours"
  | "changeFailureRate"
  | "deploymentsPerLiveProject"
  | "restoreHoursPerFailure"
  | "fixHoursPerFailure";

interface FigureRule {
  id: ObservedFigure;
  /** The figure's one name, in the report's words: `track show` / `track forecast` and the report's plan versus actual both write it (`ObservedFigureCheck.label`). */
  label: string;
  unit: string;
  /** Parameters the expected value reads: the leaves behind them are the inputs observed. */
  parameters: readonly number[];
  model: "lognormal" | "poisson";
  /** The recorded value and its exposure (live projects, deployments, failures, or 1 a month), when the month observes the figure. */
  observe(month: LearningMonth): { value: number; exposure: number } | undefined;
  /** The month's expected value with the way of working `r` in force, for a team of `people` with `hours` each. */
  expected(r: Float64Array, people: number, hours: number, month: LearningMonth, exposure: number): number;
}

const hoursMonth = (value: number | undefined) => (value === undefined ? undefined : { value, exposure: 1 });

/** Parameter offsets as constants: the likelihood reads them for every sample and month. */
const {
  changeFailureRate: P_changeFailureRate,
  contextSwitchMinutes: P_contextSwitchMinutes,
  deploymentsPerProject: P_deploymentsPerProject,
  deploymentsPerYear: P_deploymentsPerYear,
  fixHoursPerFailure: P_fixHoursPerFailure,
  focusLostShare: P_focusLostShare,
  hoursPerMonth: P_hoursPerMonth,
  hoursToRestore: P_hoursToRestore,
  manualMinutesPerPerson: P_manualMinutesPerPerson,
  manualMinutesPerProject: P_manualMinutesPerProject,
  manualMinutesPerTeam: P_manualMinutesPerTeam,
  manualSharePerPerson: P_manualSharePerPerson,
  meetingHoursPerPerson: P_meetingHoursPerPerson,
  minutesPerRun: P_minutesPerRun,
  people: P_people,
  runsPerWeekPerPerson: P_runsPerWeekPerPerson,
  upkeepHours: P_upkeepHours,
} = P;

/** Hours that come with each failure (restoring service, fixing it): read where the month recorded incidents. */
function perFailureRule(id: ObservedFigure, label: string, field: "hoursToRestore" | "breakageFixHours", parameter: number): FigureRule {
  return {
    id,
    label,
    unit: "hours",
    parameters: [parameter],
    model: "lognormal",
    observe: (month) => {
      const hours = month.values[field];
      const incidents = month.values.incidents;
      return hours !== undefined && incidents !== undefined && incidents > 0 ? { value: hours, exposure: incidents } : undefined;
    },
    expected: (r, _people, _hours, _month, exposure) => r[parameter]! * exposure,
  };
}

const figureRules: readonly FigureRule[] = [
  {
    id: "upkeepPerLiveProject",
    label: "Upkeep hours a month for each live project",
    unit: "hours",
    parameters: [P_upkeepHours],
    model: "lognormal",
    observe: (month) =>
      month.values.upkeepHours !== undefined && month.liveProjects > 0 ? { value: month.values.upkeepHours, exposure: month.liveProjects } : undefined,
    expected: (r, _people, _hours, _month, exposure) => r[P_upkeepHours]! * exposure,
  },
  {
    id: "choreHours",
    label: "Hours of manual chores a month",
    unit: "hours",
    parameters: [P_manualMinutesPerPerson, P_manualMinutesPerTeam, P_manualMinutesPerProject, P_manualSharePerPerson, P_people, P_hoursPerMonth],
    model: "lognormal",
    observe: (month) => hoursMonth(month.values.manualHours),
    // As the simulation: minutes a week per person and per team, a share of time, and minutes a week per live project.
    expected: (r, people, hours, month) =>
      ((r[P_manualMinutesPerPerson]! * people + r[P_manualMinutesPerTeam]!) * WEEKS_PER_MONTH) / 60 +
      r[P_manualSharePerPerson]! * people * hours +
      ((r[P_manualMinutesPerProject]! * WEEKS_PER_MONTH) / 60) * month.liveProjects,
  },
  {
    id: "meetingHours",
    label: "Meeting hours a month",
    unit: "hours",
    parameters: [P_meetingHoursPerPerson, P_people],
    model: "lognormal",
    observe: (month) => hoursMonth(month.values.meetingHours),
    expected: (r, people) => people * r[P_meetingHoursPerPerson]!,
  },
  {
    id: "waitingHours",
    label: "Hours lost waiting a month",
    unit: "hours",
    parameters: [P_runsPerWeekPerPerson, P_minutesPerRun, P_focusLostShare, P_contextSwitchMinutes, P_people],
    model: "lognormal",
    observe: (month) => hoursMonth(month.values.waitingHours),
    expected: (r, people) =>
      (people * r[P_runsPerWeekPerPerson]! * WEEKS_PER_MONTH * (r[P_minutesPerRun]! * r[P_focusLostShare]! + r[P_contextSwitchMinutes]!)) / 60,
  },
  {
    id: "changeFailureRate",
    label: "Share of changes that fail",
    unit: "share",
    parameters: [P_changeFailureRate],
    model: "poisson",
    observe: (month) =>
      month.values.incidents !== undefined && month.values.deployments !== undefined && month.values.deployments > 0
        ? { value: month.values.incidents, exposure: month.values.deployments }
        : undefined,
    expected: (r, _people, _hours, _month, exposure) => exposure * r[P_changeFailureRate]!,
  },
  {
    id: "deploymentsPerLiveProject",
    label: "Changes released a month for each live project",
    unit: "deployments",
    parameters: [P_deploymentsPerProject, P_deploymentsPerYear],
    model: "poisson",
    observe: (month) =>
      month.values.deployments !== undefined && month.liveProjects > 0 ? { value: month.values.deployments, exposure: month.liveProjects } : undefined,
    expected: (r, _people, _hours, _month, exposure) => r[P_deploymentsPerProject]! * exposure + r[P_deploymentsPerYear]! / 12,
  },
  perFailureRule("restoreHoursPerFailure", "Hours to restore service after each failure", "hoursToRestore", P_hoursToRestore),
  perFailureRule("fixHoursPerFailure", "Hours fixing each failure", "breakageFixHours", P_fixHoursPerFailure),
];

/** 5th, 50th and 95th percentiles. */
export interface Range90 {
  p5: number;
  p50: number;
  p95: number;
}

/** An input with a range that the recorded months observe: the plan's range and today's. */
export interface LearnedInput {
  /** The input as the file names it, e.g. "scenarios.better.projects.upkeepHoursPerMonth". */
  input: string;
  /** The observed figures it feeds. */
  observedBy: ObservedFigure[];
  /** Which of the plan's two scenarios (the approved one and its baseline) read it: one of them, or both. */
  usedBy: string[];
  /** The plan's range as the file gives it: the input's own 5th, 50th and 95th percentiles (a `{ low, high }` range: low and high). */
  planned: Range90;
  now: Range90;
  /** How far the median moved, in units of the plan's 90% width (p95 − p5); signed. */
  moved: number;
  /** Today's 90% width as a share of the plan's. */
  widthShare: number;
}

/** A figure the recorded months observe, against the plan's range of it. */
export interface ObservedFigureCheck {
  figure: ObservedFigure;
  /** The figure's name, as every view writes it ("Upkeep hours a month for each live project"). */
  label: string;
  unit: string;
  /** Recorded months that observe it. */
  months: number;
  /** The recorded total over the exposure (e.g. upkeep hours ÷ live-project months). */
  observed: number;
  /**
   * The plan's range of the same figure over the same months (5%, 25%, 50%, 75%, 95%): the input's own
   * range when one input's range decides the figure (`plannedFrom: "range"`), else the plan's samples.
   */
  planned: Range90 & { p25: number; p75: number };
  /** Where `planned` comes from: the input's own range, or the percentiles of the plan's samples. */
  plannedFrom: "range" | "samples";
  now: Range90;
  /** Whether the observed value fell inside the plan's 90% range. */
  inside: boolean;
  /** The multiple of the range's half-width (around its median) that reaches the observed value: ≤ 1 inside. */
  halfWidths: number;
  /** Whether it fell in the middle half of the plan's range (its 25th to 75th percentile). */
  inMiddleHalf: boolean;
}

export interface Calibration {
  checked: number;
  inside: number;
  verdict: "about right" | "too narrow" | "too wide" | "too few to tell" | "nothing to check";
  /** With "too narrow": the factor on each range's half-widths that would have put 90% of the observed values inside. */
  widenBy: number | null;
  /** The chance of this many misses or more (or, for "too wide", of all in the middle half) with well-judged ranges. */
  chance: number | null;
  /** One sentence, e.g. "7 of 10 inside the planned 90% range: your ranges were about right". */
  summary: string;
  method: string;
}

/** The money as planned and as forecast today, over the same samples. */
export interface MoneyRange {
  npv: Range90;
  probabilityPaysBack: number;
  /** The median payback month; null when fewer than half the samples pay back. */
  paybackMonthP50: number | null;
}

/**
 * The approved option's money as the plan's own Monte Carlo gives it: what page 1 of the report and
 * `run --json` (`comparisons.<option>.distribution`) said when it was approved, with its samples.
 */
export interface ApprovedMoney extends MoneyRange {
  samples: number;
  seed: number;
  sampling: "random" | "latin-hypercube";
}

/** A Monte Carlo's distribution of an option and how it was drawn (the frozen plan's, when it holds one). */
export interface HeldDistribution {
  distribution: AlternativeDistribution;
  samples: number;
  seed: number;
  sampling: "random" | "latin-hypercube";
}

/**
 * The approved option's distribution as the plan's Monte Carlo gives it: the standard run (10,000
 * samples, seed 1), what `run`, the report and the web app give unless told otherwise. `track plan`
 * freezes it with the plan. Undefined for a case without ranges.
 * @example approvedDistribution(compiled, "compromise")?.distribution.npv.p5 // -2259.2 for examples/close-call.yaml
 */
export function approvedDistribution(compiled: CompiledCase, scenario: string): (HeldDistribution & { inputs: string[] }) | undefined {
  if (compiled.uncertainLeaves.length === 0) return undefined;
  const summary = MonteCarlo.summaryOf(compiled, { samples: STANDARD_SAMPLES, seed: STANDARD_SEED, decision: false, monthlyBands: "none" });
  const distribution = summary.distributions[scenario];
  if (!distribution) throw new Error(`the case has no alternative "${scenario}"`);
  return { distribution, samples: summary.samples, seed: summary.seed, sampling: summary.sampling, inputs: summary.inputs };
}

/**
 * The approved option's NPV range, chance of paying back and median payback as approved: the
 * distribution the plan holds, else the plan's case run by the standard Monte Carlo (10,000 samples,
 * seed 1: what `run`, the report and the web app give unless told otherwise).
 * @example approvedMoney(compiled, "compromise").npv.p5 // -2259.2 for examples/close-call.yaml
 */
export function approvedMoney(compiled: CompiledCase, scenario: string, held?: HeldDistribution): ApprovedMoney {
  const source = held ?? approvedDistribution(compiled, scenario);
  if (!source) throw new Error("the plan has no range: there is no distribution to give");
  const { npv, paybackMonth, probabilityPaysBack } = source.distribution;
  return {
    npv: { p5: npv.p5!, p50: npv.p50!, p95: npv.p95! },
    probabilityPaysBack,
    // A month, as today's median: the run's median between two months (month 5.5) is the earlier, by which half pay back.
    paybackMonthP50: paybackMonth.p50 === null ? null : Math.floor(paybackMonth.p50),
    samples: source.samples,
    seed: source.seed,
    sampling: source.sampling,
  };
}

export interface LearnedForecast {
  samples: number;
  seed: number;
  sampling: "random" | "latin-hypercube";
  /** Recorded months that observe at least one input with a range. */
  monthsUsed: number;
  /**
   * How many of the plan's samples the months leave effective: Kish's effective sample size of the plain
   * importance weights, (Σw)² ÷ Σw², before any resample-move or tempering.
   */
  effectiveSamples: number;
  /** Stages of resample-move when the plain weights rested on too few samples (0: the plain weights were used). */
  resampleMoveStages: number;
  /** The power the likelihood was raised to: 1 unless too few samples carried the weight and the inputs could not be moved. */
  tempering: number;
  /** Said when the update had to be tempered: the recorded months lie outside most of the plan's range. */
  warning?: string;
  inputs: LearnedInput[];
  observed: ObservedFigureCheck[];
  calibration: Calibration;
  /**
   * The NPV range and chance of paying back: `planned` is the plan's ranges drawn on the same samples as
   * the update (the like-for-like base of `now`), `approved` the plan's as approved (`approvedMoney`,
   * when asked for), `now` as forecast today (with no month recorded: the plan's as approved); null
   * when not asked for.
   */
  money: { planned: MoneyRange; now: MoneyRange; approved?: ApprovedMoney } | null;
  method: string;
}

export interface LearningOptions {
  samples?: number;
  seed?: number;
  latinHypercube?: boolean;
  /** Also value the money (slower): the rest of the horizon re-simulated per sample. Needs `file`. */
  money?: boolean;
  /** The plan's money as approved (`approvedMoney`), given beside the money. */
  approved?: ApprovedMoney;
}

/** The approved scenario and its baseline in a compiled case. */
interface Pair {
  scenario: CompiledScenario;
  scenarioIndex: number;
  baseline: CompiledScenario;
  baselineIndex: number;
}

function pairOf(compiled: CompiledCase, scenario: string, baseline: string): Pair {
  const scenarioIndex = compiled.scenarios.findIndex((entry) => entry.name === scenario);
  const baselineIndex = compiled.scenarios.findIndex((entry) => entry.name === baseline);
  if (scenarioIndex < 0 || baselineIndex < 0) throw new Error(`the case has no scenario "${scenarioIndex < 0 ? scenario : baseline}"`);
  return { scenario: compiled.scenarios[scenarioIndex]!, scenarioIndex, baseline: compiled.scenarios[baselineIndex]!, baselineIndex };
}

/**
 * The month the approved scenario's way of working is in force, as the simulation has it: after the
 * change's setup (its start month when it takes no setup or learning hours).
 */
export function changeReadyMonth(p: Float64Array): number {
  const setupMonths = Math.max(1, Math.round(p[P.setupMonths]!));
  const learning = p[P.learningWeeksPerPerson]! * p[P.people]! * p[P.hoursPerMonth]! * (1 - p[P.familiarity]!) * p[P.organisationFactor]!;
  const changes = p[P.setupHours]! > 0 || learning > 0;
  return p[P.startMonth]! + (changes ? setupMonths : 0);
}

/** The leaves behind a parameter of a scenario: the one it reads and those summed or multiplied into it. */
function leavesOf(scenario: CompiledScenario, parameter: number): number[] {
  const leaves: number[] = [];
  const direct = scenario.parameterLeaves[parameter]!;
  if (direct >= 0) leaves.push(direct);
  for (const [target, leaf] of scenario.summedLeaves) if (target === parameter) leaves.push(leaf);
  for (const [target, leaf] of scenario.multipliedLeaves) if (target === parameter) leaves.push(leaf);
  return leaves;
}

/** The percentiles of weighted values (the smallest value whose cumulative weight reaches each level). */
export function weightedPercentiles(values: Float64Array, weights: Float64Array, levels: readonly number[]): number[] {
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  let total = 0;
  for (const index of order) total += weights[index]!;
  return levels.map((level) => {
    const target = level * total;
    let running = 0;
    for (const index of order) {
      running += weights[index]!;
      if (running >= target && weights[index]! > 0) return values[index]!;
    }
    return values[order[order.length - 1]!]!;
  });
}

function range90(values: Float64Array, weights: Float64Array): Range90 {
  const [p5, p50, p95] = weightedPercentiles(values, weights, [0.05, 0.5, 0.95]);
  return { p5: p5!, p50: p50!, p95: p95! };
}

/** Kish's effective sample size of log-weights raised to the power `power`. */
function effectiveSize(logWeights: Float64Array, power: number, out: Float64Array): number {
  let top = Number.NEGATIVE_INFINITY;
  for (const value of logWeights) if (value > top) top = value;
  if (top === Number.NEGATIVE_INFINITY) {
    out.fill(0);
    return 0;
  }
  let sum = 0;
  let squares = 0;
  for (let index = 0; index < logWeights.length; index++) {
    const weight = Math.exp(power * (logWeights[index]! - top));
    out[index] = weight;
    sum += weight;
    squares += weight * weight;
  }
  for (let index = 0; index < out.length; index++) out[index] = out[index]! / sum;
  return (sum * sum) / squares;
}

/** log of the chance of `count` or more misses out of `checks` when each misses with chance `miss`. */
function binomialTail(checks: number, count: number, miss: number): number {
  let total = 0;
  let term = (1 - miss) ** checks;
  for (let k = 0; k <= checks; k++) {
    if (k >= count) total += term;
    term = (term * (checks - k) * miss) / ((k + 1) * (1 - miss));
  }
  return Math.min(1, total);
}

/**
 * The calibration verdict of the figures checked (see `calibrationMethod`).
 * @example calibrate([{ inside: true, halfWidths: 0.4, ... }, ...]).summary // "7 of 10 inside the planned 90% range: your ranges were about right"
 */
export function calibrate(checks: readonly Pick<ObservedFigureCheck, "inside" | "halfWidths" | "inMiddleHalf">[]): Calibration {
  const checked = checks.length;
  const inside = checks.filter((check) => check.inside).length;
  const method = calibrationMethod;
  if (checked === 0) {
    return {
      checked,
      inside,
      verdict: "nothing to check",
      widenBy: null,
      chance: null,
      summary: "Nothing to check yet: no recorded month observes an input the plan gave as a range",
      method,
    };
  }
  const head = `${inside} of ${checked} inside the planned 90% range`;
  const tooMany = binomialTail(checked, checked - inside, 0.1);
  if (checked - inside > 0 && tooMany < 0.05) {
    const factors = checks.map((check) => check.halfWidths).sort((a, b) => a - b);
    const needed = factors[Math.ceil(0.9 * checked) - 1]!;
    const widenBy = Math.ceil(needed * 10) / 10;
    return {
      checked,
      inside,
      verdict: "too narrow",
      widenBy,
      chance: tooMany,
      // As the report writes the factor: 12×, not 12.0× (widenBy is already to a tenth), grouped: 13,609.1×.
      summary: `${head}: too narrow; widen your ranges by about ${factorWords(widenBy)}× around their middle`,
      method,
    };
  }
  const allMiddle = checks.every((check) => check.inMiddleHalf);
  const byLuck = 0.5 ** checked;
  if (checked >= 5 && allMiddle) {
    return {
      checked,
      inside,
      verdict: "too wide",
      widenBy: null,
      chance: byLuck,
      summary: `${head}, all in the middle half: too wide; your ranges could be narrower`,
      method,
    };
  }
  if (checked < 3) {
    return {
      checked,
      inside,
      verdict: "too few to tell",
      widenBy: null,
      chance: tooMany,
      summary: `${head}: too few checks to tell yet (a well-judged 90% range misses 1 time in 10)`,
      method,
    };
  }
  return { checked, inside, verdict: "about right", widenBy: null, chance: tooMany, summary: `${head}: your ranges were about right`, method };
}

/** A figure and the recorded months that observe it. */
interface Figure {
  rule: FigureRule;
  observations: { value: number; exposure: number; month: LearningMonth }[];
}

/** Parameters that decide which way of working a month observes (the change's timing). */
const readyParameters = [P.startMonth, P.setupMonths, P.setupHours, P.learningWeeksPerPerson, P.people, P.hoursPerMonth, P.familiarity, P.organisationFactor];

/** The likelihood of the recorded months for one set of leaf values, and each observation's expected value. */
class Likelihood {
  private readonly scenarioP = new Float64Array(PARAMETER_COUNT);
  private readonly baselineP = new Float64Array(PARAMETER_COUNT);
  /** The parameters the ranges feed: only these are filled again for each sample. */
  private readonly scenarioVarying: VaryingParameters;
  private readonly baselineVarying: VaryingParameters;
  constructor(
    compiled: CompiledCase,
    private readonly pair: Pair,
    readonly figures: readonly Figure[],
  ) {
    fillParameters(pair.scenario, compiled.leafValues, this.scenarioP);
    fillParameters(pair.baseline, compiled.leafValues, this.baselineP);
    this.scenarioVarying = varyingParameters(pair.scenario, compiled.uncertainLeaves);
    this.baselineVarying = varyingParameters(pair.baseline, compiled.uncertainLeaves);
  }

  /** The log-likelihood; with `expected`, each figure's expected values are written at `[figure][at × its observations + m]`. */
  evaluate(leafValues: Float64Array, expected?: Float64Array[], at = 0): number {
    const { pair, scenarioP, baselineP } = this;
    fillChosenParameters(pair.scenario, this.scenarioVarying, leafValues, scenarioP);
    fillChosenParameters(pair.baseline, this.baselineVarying, leafValues, baselineP);
    const ready = pair.scenario === pair.baseline ? 1 : changeReadyMonth(scenarioP);
    const people = scenarioP[P.people]!;
    const hours = scenarioP[P.hoursPerMonth]!;
    let logLikelihood = 0;
    const figures = this.figures;
    for (let index = 0; index < figures.length; index++) {
      const figure = figures[index]!;
      const rule = figure.rule;
      const observations = figure.observations;
      const count = observations.length;
      for (let m = 0; m < count; m++) {
        const observation = observations[m]!;
        const r = observation.month.month < ready ? baselineP : scenarioP;
        const value = Math.max(0, rule.expected(r, people, hours, observation.month, observation.exposure));
        if (expected) expected[index]![at * count + m] = value;
        logLikelihood += logLikelihoodOf(rule.model, observation.value, value);
      }
    }
    return logLikelihood;
  }
}

function logLikelihoodOf(model: "lognormal" | "poisson", value: number, expected: number): number {
  if (model === "poisson") {
    if (expected <= 0) return value === 0 ? 0 : Number.NEGATIVE_INFINITY;
    return value * Math.log(expected) - expected;
  }
  const gap = Math.log(value + LEARNING_HOURS_OFFSET) - Math.log(expected + LEARNING_HOURS_OFFSET);
  return -(gap * gap) / (2 * LEARNING_HOURS_SIGMA * LEARNING_HOURS_SIGMA);
}

/** Samples of every range (one column per uncertain leaf, in `compiled.uncertainLeaves` order) with their weights. */
interface Weighted {
  columns: Float64Array[];
  weights: Float64Array;
}

function writeSample(compiled: CompiledCase, columns: readonly Float64Array[], sample: number, leafValues: Float64Array): void {
  const uncertain = compiled.uncertainLeaves;
  for (let input = 0; input < uncertain.length; input++) leafValues[uncertain[input]!] = columns[input]![sample]!;
}

/** The figures the months observe, among those an input with a range stands behind. */
function figuresOf(compiled: CompiledCase, pair: Pair, months: readonly LearningMonth[]): Figure[] {
  const uncertain = new Set(compiled.uncertainLeaves);
  const ranged = (rule: FigureRule) =>
    rule.parameters.some((parameter) => [pair.scenario, pair.baseline].some((entry) => leavesOf(entry, parameter).some((leaf) => uncertain.has(leaf))));
  return figureRules
    .filter(ranged)
    .map((rule) => ({
      rule,
      observations: months.flatMap((month) => {
        const seen = rule.observe(month);
        return seen ? [{ ...seen, month }] : [];
      }),
    }))
    .filter((figure) => figure.observations.length > 0);
}

/** Moves per stage of resample-move. */
const MOVE_STEPS = 4;

/**
 * Resample-move (sequential Monte Carlo with tempering): the likelihood is brought in by stages, each
 * keeping half the samples' weight effective; after each stage the samples are resampled and moved by
 * Metropolis steps on the probabilities (0–1) of the inputs the likelihood reads, whose prior is
 * uniform there. Null when one of those inputs is correlated with another (its prior is not uniform
 * alone): the caller falls back to tempering.
 */
function resampleMove(
  compiled: CompiledCase,
  pair: Pair,
  likelihood: Likelihood,
  prior: Float64Array[],
  priorLogLikelihood: Float64Array,
  seed: number,
  latinHypercube: boolean,
): { columns: Float64Array[]; stages: number } | null {
  const uncertain = compiled.uncertainLeaves;
  const correlated = new Set(compiled.correlationGroups.flat());
  const reads = new Set<number>();
  for (const parameter of [...readyParameters, ...likelihood.figures.flatMap((figure) => figure.rule.parameters)]) {
    for (const entry of [pair.scenario, pair.baseline]) for (const leaf of leavesOf(entry, parameter)) reads.add(leaf);
  }
  const movable = uncertain
    .map((leaf, input) => ({ leaf, input, distribution: compiled.leaves[leaf]!.distribution as Distribution, kind: quantityKind(compiled.leaves[leaf]!.kind) }))
    .filter(({ leaf }) => reads.has(leaf));
  if (movable.some(({ leaf }) => correlated.has(leaf))) return null;
  const samples = priorLogLikelihood.length;
  // The probabilities behind the plan's draws of these inputs: each reads its own seeded stream, as the Monte Carlo draws them.
  const probabilities = movable.map(({ leaf }) => {
    const column = new Float64Array(samples);
    const random = createRandom(deriveSeed(seed, leaf));
    if (latinHypercube) latinHypercubeColumn(random, samples, column);
    else fillUniform(random, column);
    return column;
  });
  let columns = prior.map((column) => Float64Array.from(column));
  let logLikelihood = Float64Array.from(priorLogLikelihood);
  const random = createRandom(deriveSeed(seed, 0x5e9c));
  const scratch = new Float64Array(samples);
  const leafValues = Float64Array.from(compiled.leafValues);
  let done = 0;
  let stages = 0;
  while (done < 1 && stages < 50) {
    // The largest step that keeps half the samples effective.
    let step = 1 - done;
    if (effectiveSize(logLikelihood, step, scratch) < samples / 2) {
      let low = 0;
      let high = step;
      for (let round = 0; round < 50; round++) {
        const middle = (low + high) / 2;
        if (effectiveSize(logLikelihood, middle, scratch) >= samples / 2) low = middle;
        else high = middle;
      }
      step = Math.max(low, 1e-6);
    }
    done = Math.min(1, done + step);
    effectiveSize(logLikelihood, step, scratch);
    // Systematic resampling.
    const picks = new Int32Array(samples);
    const offset = random() / samples;
    let cumulative = 0;
    let from = 0;
    for (let s = 0; s < samples; s++) {
      const target = offset + s / samples;
      while (from < samples - 1 && cumulative + scratch[from]! < target) cumulative += scratch[from++]!;
      picks[s] = from;
    }
    columns = columns.map((column) => Float64Array.from(picks, (pick) => column[pick]!));
    logLikelihood = Float64Array.from(picks, (pick) => logLikelihood[pick]!);
    for (let k = 0; k < probabilities.length; k++) probabilities[k] = Float64Array.from(picks, (pick) => probabilities[k]![pick]!);
    // Metropolis moves, scaled to the spread of each probability among the samples.
    const scales = probabilities.map((column) => {
      let sum = 0;
      let squares = 0;
      for (const value of column) {
        sum += value;
        squares += value * value;
      }
      const variance = Math.max(0, squares / samples - (sum / samples) ** 2);
      return Math.max(1e-4, (2.38 / Math.sqrt(movable.length)) * Math.sqrt(variance));
    });
    const proposed = new Float64Array(movable.length);
    for (let move = 0; move < MOVE_STEPS; move++) {
      for (let s = 0; s < samples; s++) {
        writeSample(compiled, columns, s, leafValues);
        for (let k = 0; k < movable.length; k++) {
          let u = probabilities[k]![s]! + scales[k]! * inverseNormalCdf(random());
          // Reflected into (0, 1), where the prior is uniform.
          while (u <= 0 || u >= 1) u = u <= 0 ? -u : 2 - u;
          proposed[k] = u;
          // The input's value at that probability, kept within what it allows (as `leafQuantile`).
          const input = movable[k]!;
          leafValues[input.leaf] = keepWithinKind(input.kind, quantile(input.distribution, u));
        }
        const candidate = likelihood.evaluate(leafValues);
        if (Math.log(random()) < done * (candidate - logLikelihood[s]!)) {
          logLikelihood[s] = candidate;
          for (let k = 0; k < movable.length; k++) {
            probabilities[k]![s] = proposed[k]!;
            columns[movable[k]!.input]![s] = leafValues[movable[k]!.leaf]!;
          }
        }
      }
    }
    // The moved samples' likelihood at the power reached so far is what the next stage weighs on.
    stages++;
  }
  // Not there after 50 stages: the caller tempers instead, and says so.
  if (done < 1) return null;
  return { columns, stages };
}

/** The context `learnFromMonths` needs to value the money: the file and the actual state. */
export interface MoneyContext {
  file: CaseFile;
  /** Every month from 1 to the last recorded month, with what was recorded ({} for a month without a record). */
  recorded: readonly RecordedMonth[];
  /** Whether month 1's external spend was recorded (then it holds anything paid before month 1). */
  upFrontRecordedInMonth1: boolean;
  /** Live projects at the end of the last recorded month, and projects released up to it. */
  liveProjects: number;
  releasedSoFar: number;
}

/**
 * Updates the plan's ranges by the recorded months and checks how well they held (see `learningMethod`
 * and `calibrationMethod`). With no month that observes a range, today's ranges and money are the
 * plan's, number for number.
 * @example learnFromMonths(compiled, "better", "current", [{ month: 2, liveProjects: 2, values: { upkeepHours: 9 } }]).inputs[0]?.now.p50
 */
export function learnFromMonths(
  compiled: CompiledCase,
  scenario: string,
  baseline: string,
  months: readonly LearningMonth[],
  options: LearningOptions = {},
  money?: MoneyContext,
): LearnedForecast {
  const samples = options.samples ?? LEARNING_SAMPLES;
  const seed = options.seed ?? 1;
  const latinHypercube = options.latinHypercube ?? false;
  const pair = pairOf(compiled, scenario, baseline);
  const prior = drawInputs(compiled, samples, seed, latinHypercube);
  const figures = figuresOf(compiled, pair, months);
  const likelihood = new Likelihood(compiled, pair, figures);
  const priorExpected = figures.map((figure) => new Float64Array(samples * figure.observations.length));
  const logLikelihood = new Float64Array(samples);
  const leafValues = Float64Array.from(compiled.leafValues);
  for (let s = 0; s < samples; s++) {
    writeSample(compiled, prior, s, leafValues);
    logLikelihood[s] = likelihood.evaluate(leafValues, priorExpected, s);
  }
  const even = new Float64Array(samples).fill(1 / samples);
  const planned: Weighted = { columns: prior, weights: even };
  let now: Weighted = planned;
  let effectiveSamples = samples;
  let tempering = 1;
  let stages = 0;
  let warning: string | undefined;
  const explained = logLikelihood.some((value) => value > Number.NEGATIVE_INFINITY);
  if (figures.length > 0 && !explained) {
    warning =
      "None of the plan's samples can produce the recorded months (for example failures where the plan has none): the forecast keeps the plan's ranges. See the calibration.";
    effectiveSamples = 0;
  } else if (figures.length > 0) {
    const weights = new Float64Array(samples);
    effectiveSamples = effectiveSize(logLikelihood, 1, weights);
    const fits = `only ${Math.round(effectiveSamples)} of ${groupDigits(samples)} plan samples fit them`;
    if (effectiveSamples >= samples / 2) {
      now = { columns: prior, weights };
    } else {
      const moved = resampleMove(compiled, pair, likelihood, prior, logLikelihood, seed, latinHypercube);
      if (moved) {
        now = { columns: moved.columns, weights: even };
        stages = moved.stages;
        if (effectiveSamples < MIN_EFFECTIVE_SAMPLES) {
          warning = `The recorded months lie outside most of the plan's ranges (${fits}): the samples were moved to where the months point. Your ranges were probably too narrow; see the calibration.`;
        }
      } else {
        // Correlated inputs cannot be moved one by one (nor samples a resample-move could not bring there in 50 stages): the likelihood is tempered until enough samples carry the weight.
        if (!(effectiveSamples >= MIN_EFFECTIVE_SAMPLES)) {
          let low = 0;
          let high = 1;
          for (let round = 0; round < 50; round++) {
            const middle = (low + high) / 2;
            if (effectiveSize(logLikelihood, middle, weights) >= MIN_EFFECTIVE_SAMPLES) low = middle;
            else high = middle;
          }
          tempering = low;
          effectiveSize(logLikelihood, low, weights);
          warning =
            `The recorded months lie outside most of the plan's ranges (${fits}). The update was tempered (the months count ${formatPower(tempering)} as much) ` +
            `so that ${MIN_EFFECTIVE_SAMPLES} samples carry the weight: today's ranges are wider than the months alone would make them.`;
        }
        now = { columns: prior, weights };
      }
    }
  }
  const nowExpected = now.columns === prior ? priorExpected : figures.map((figure) => new Float64Array(samples * figure.observations.length));
  if (now.columns !== prior) {
    for (let s = 0; s < samples; s++) {
      writeSample(compiled, now.columns, s, leafValues);
      likelihood.evaluate(leafValues, nowExpected, s);
    }
  }
  const inputs = figures.length > 0 ? learnedInputs(compiled, pair, figures, now) : [];
  const observed = figures.map((figure, index) =>
    figureCheck(figure, priorExpected[index]!, nowExpected[index]!, now.weights, exactFigureRange(compiled, pair, likelihood, index)),
  );
  const monthsUsed = new Set(figures.flatMap((figure) => figure.observations.map((observation) => observation.month.month))).size;
  return {
    samples,
    seed,
    sampling: latinHypercube ? "latin-hypercube" : "random",
    monthsUsed,
    effectiveSamples,
    resampleMoveStages: stages,
    tempering,
    ...(warning ? { warning } : {}),
    inputs,
    observed,
    calibration: calibrate(observed),
    money: options.money && money ? withApproved(moneyOf(compiled, pair, money, planned, now), money, options.approved) : null,
    method: learningMethod,
  };
}

/** The money with the plan's as approved beside it; with no month recorded, today's forecast is the plan's as approved. */
function withApproved(
  money: { planned: MoneyRange; now: MoneyRange },
  context: MoneyContext,
  approved: ApprovedMoney | undefined,
): { planned: MoneyRange; now: MoneyRange; approved?: ApprovedMoney } {
  if (!approved) return money;
  const { npv, probabilityPaysBack, paybackMonthP50 } = approved;
  return { ...money, ...(context.recorded.length === 0 ? { now: { npv, probabilityPaysBack, paybackMonthP50 } } : {}), approved };
}

/** The percentile levels of an input's or a figure's planned range. */
const PLANNED_LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * An input's value at a probability as its range gives it, to 12 significant figures: a `{ low, high }`
 * range's 5th and 95th percentiles are its low and high (the inverse normal is good to about 10⁻⁹).
 */
function exactQuantile(compiled: CompiledCase, leaf: number, probability: number): number {
  return Number(leafQuantile(compiled.leaves[leaf]!, probability).toPrecision(12));
}

/** An input's own 90% range and median. */
function exactRange(compiled: CompiledCase, leaf: number): Range90 {
  return { p5: exactQuantile(compiled, leaf, 0.05), p50: exactQuantile(compiled, leaf, 0.5), p95: exactQuantile(compiled, leaf, 0.95) };
}

/**
 * A figure's planned percentiles (5%, 25%, 50%, 75%, 95%) from the input's own range, when one input
 * with a range decides it over its months and the change's timing is no range: the figure then rises
 * with that input, so its percentiles are the figure at the input's. Undefined otherwise (the plan's samples tell).
 */
function exactFigureRange(compiled: CompiledCase, pair: Pair, likelihood: Likelihood, index: number): number[] | undefined {
  const figure = likelihood.figures[index]!;
  const uncertain = new Set(compiled.uncertainLeaves);
  const entries = pair.scenario === pair.baseline ? [pair.scenario] : [pair.scenario, pair.baseline];
  const timing = entries.some((entry) => readyParameters.some((parameter) => leavesOf(entry, parameter).some((leaf) => uncertain.has(leaf))));
  if (timing && pair.scenario !== pair.baseline) return undefined;
  const pointP = new Float64Array(PARAMETER_COUNT);
  fillParameters(pair.scenario, compiled.leafValues, pointP);
  const ready = pair.scenario === pair.baseline ? 1 : changeReadyMonth(pointP);
  const leaves = new Set<number>();
  for (const observation of figure.observations) {
    const entry = observation.month.month < ready ? pair.baseline : pair.scenario;
    for (const parameter of figure.rule.parameters) for (const leaf of leavesOf(entry, parameter)) if (uncertain.has(leaf)) leaves.add(leaf);
    if (figure.rule.id === "choreHours" || figure.rule.id === "meetingHours" || figure.rule.id === "waitingHours") {
      for (const parameter of [P.people, P.hoursPerMonth]) for (const leaf of leavesOf(pair.scenario, parameter)) if (uncertain.has(leaf)) leaves.add(leaf);
    }
  }
  if (leaves.size !== 1) return undefined;
  const [leaf] = [...leaves];
  const count = figure.observations.length;
  const exposure = figure.observations.reduce((total, observation) => total + observation.exposure, 0);
  const leafValues = Float64Array.from(compiled.leafValues);
  const expected = likelihood.figures.map((entry) => new Float64Array(entry.observations.length));
  const values = PLANNED_LEVELS.map((level) => {
    leafValues[leaf!] = exactQuantile(compiled, leaf!, level);
    likelihood.evaluate(leafValues, expected, 0);
    let total = 0;
    for (let m = 0; m < count; m++) total += expected[index]![m]!;
    return total / exposure;
  });
  // Only a figure that rises with the input has the input's percentiles.
  return values.every((value, at) => at === 0 || value >= values[at - 1]!) ? values : undefined;
}

function formatPower(power: number): string {
  return power >= 0.01 ? `${Math.round(power * 100)}%` : "less than 1%";
}

function learnedInputs(compiled: CompiledCase, pair: Pair, figures: readonly Figure[], now: Weighted): LearnedInput[] {
  const byLeaf = new Map<number, Set<ObservedFigure>>();
  const uncertain = compiled.uncertainLeaves;
  // The way of working each month observes, by the plan's own values: the baseline's before the change is in place.
  const pointP = new Float64Array(PARAMETER_COUNT);
  fillParameters(pair.scenario, compiled.leafValues, pointP);
  const ready = pair.scenario === pair.baseline ? 1 : changeReadyMonth(pointP);
  for (const figure of figures) {
    const regimes = new Set<CompiledScenario>();
    for (const observation of figure.observations) regimes.add(observation.month.month < ready ? pair.baseline : pair.scenario);
    for (const entry of regimes) {
      for (const parameter of figure.rule.parameters) {
        for (const leaf of leavesOf(entry, parameter)) {
          if (!uncertain.includes(leaf)) continue;
          const set = byLeaf.get(leaf) ?? new Set<ObservedFigure>();
          set.add(figure.rule.id);
          byLeaf.set(leaf, set);
        }
      }
    }
  }
  const inputs: LearnedInput[] = [];
  uncertain.forEach((leaf, input) => {
    const observedBy = byLeaf.get(leaf);
    if (!observedBy) return;
    // The plan's range is the input's own, as the file gives it, not its samples' percentiles.
    const before = exactRange(compiled, leaf);
    const after = range90(now.columns[input]!, now.weights);
    const width = before.p95 - before.p5;
    // The plan's scenarios that read it: an input of one option only is named with it (`learnedInputLabel`).
    const entries = pair.scenario === pair.baseline ? [pair.scenario] : [pair.scenario, pair.baseline];
    const usedBy = entries.filter((entry) =>
      Array.from({ length: PARAMETER_COUNT }, (_, parameter) => leavesOf(entry, parameter)).some((leaves) => leaves.includes(leaf)),
    );
    inputs.push({
      input: compiled.leaves[leaf]!.name,
      observedBy: [...observedBy],
      usedBy: usedBy.map((entry) => entry.name),
      planned: before,
      now: after,
      moved: width > 0 ? (after.p50 - before.p50) / width : 0,
      widthShare: width > 0 ? (after.p95 - after.p5) / width : 1,
    });
  });
  // The inputs that moved most first.
  return inputs.sort((a, b) => Math.abs(b.moved) - Math.abs(a.moved));
}

/** Each sample's figure over the observed months: its expected total over the exposure. */
function figurePerSample(figure: Figure, expected: Float64Array, exposure: number): Float64Array {
  const count = figure.observations.length;
  const samples = expected.length / count;
  const out = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    let total = 0;
    for (let m = 0; m < count; m++) total += expected[s * count + m]!;
    out[s] = total / exposure;
  }
  return out;
}

function figureCheck(
  figure: Figure,
  priorExpected: Float64Array,
  nowExpected: Float64Array,
  weights: Float64Array,
  exact: number[] | undefined,
): ObservedFigureCheck {
  let observedTotal = 0;
  let exposure = 0;
  for (const observation of figure.observations) {
    observedTotal += observation.value;
    exposure += observation.exposure;
  }
  const observed = observedTotal / exposure;
  const prior = figurePerSample(figure, priorExpected, exposure);
  const even = new Float64Array(prior.length).fill(1);
  const [p5, p25, p50, p75, p95] = (exact ?? weightedPercentiles(prior, even, PLANNED_LEVELS)) as [number, number, number, number, number];
  const half = observed >= p50 ? p95 - p50 : p50 - p5;
  const gap = Math.abs(observed - p50);
  return {
    figure: figure.rule.id,
    label: figure.rule.label,
    unit: figure.rule.unit,
    months: figure.observations.length,
    observed,
    planned: { p5, p25, p50, p75, p95 },
    plannedFrom: exact ? "range" : "samples",
    now: range90(figurePerSample(figure, nowExpected, exposure), weights),
    inside: observed >= p5 && observed <= p95,
    halfWidths: gap === 0 ? 0 : half > 0 ? gap / half : Number.POSITIVE_INFINITY,
    inMiddleHalf: observed >= p25 && observed <= p75,
  };
}

/** A month of a runner's columns as a month row. */
function rowOf(columns: Float64Array, at: number): MonthRow {
  const row: Record<string, number | boolean> = { month: at + 1 };
  for (let field = 0; field < MONTHLY_FIELD_COUNT; field++) {
    const name = monthlyFieldNames[field]!;
    const value = columns[at * MONTHLY_FIELD_COUNT + field]!;
    row[name] = name === "canStartNewWork" || name === "overloaded" ? value === 1 : value;
  }
  return row as unknown as MonthRow;
}

const toolingFields = [F.licences, F.infrastructure, F.supportStaff, F.training] as const;

/**
 * The NPV and payback as planned (the plan's samples, each simulated over the whole horizon) and as
 * forecast today (today's samples: the recorded months valued by the engine's rules with the sample's
 * inputs, the rest simulated again from the actual state as `resumeFrom` does, with the sample's
 * inputs). Samples the months rule out (weight below 10⁻¹² of the total) are not simulated again.
 */
function moneyOf(compiled: CompiledCase, pair: Pair, context: MoneyContext, planned: Weighted, now: Weighted): { planned: MoneyRange; now: MoneyRange } {
  const samples = planned.weights.length;
  const horizon = compiled.horizonMonths;
  const discounting: Discounting = compiled.discounting ?? "monthly";
  const runner = new CaseRunner(compiled);
  const leafValues = Float64Array.from(compiled.leafValues);
  const npv = new Float64Array(samples);
  const payback = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    writeSample(compiled, planned.columns, s, leafValues);
    runner.run(leafValues, false);
    npv[s] = runner.figures[pair.scenarioIndex]!.npv;
    payback[s] = runner.figures[pair.scenarioIndex]!.paybackMonth ?? Number.POSITIVE_INFINITY;
  }
  const plannedRange = moneyRange(npv, payback, planned.weights);
  const last = context.recorded.length;
  // With no month recorded the forecast is the plan. Months that measure none of the ranges leave
  // the weights even, but still change where things stand: each sample is worked out again from them.
  if (last === 0) return { planned: plannedRange, now: plannedRange };
  const resumed = last < horizon ? resumedRunners(compiled, pair, context) : null;
  const weights = Float64Array.from(now.weights);
  for (let s = 0; s < samples; s++) {
    if (weights[s]! < 1e-12) {
      weights[s] = 0;
      npv[s] = 0;
      continue;
    }
    writeSample(compiled, now.columns, s, leafValues);
    runner.run(leafValues, true);
    const figures = nowFigures(runner, pair, context, leafValues, resumed, discounting);
    npv[s] = figures.npv;
    payback[s] = figures.paybackMonth ?? Number.POSITIVE_INFINITY;
  }
  return { planned: plannedRange, now: moneyRange(npv, payback, weights) };
}

function moneyRange(npv: Float64Array, payback: Float64Array, weights: Float64Array): MoneyRange {
  let total = 0;
  let paying = 0;
  for (let s = 0; s < npv.length; s++) {
    total += weights[s]!;
    if (Number.isFinite(payback[s]!)) paying += weights[s]!;
  }
  const [median] = weightedPercentiles(payback, weights, [0.5]);
  return { npv: range90(npv, weights), probabilityPaysBack: paying / total, paybackMonthP50: Number.isFinite(median!) ? median! : null };
}

/** A compiled resumed case and its runner, with each of its ranges' leaf in the plan's case. */
interface ResumedRunner {
  runner: CaseRunner;
  /** [leaf in the resumed case, leaf in the plan's case] for the ranges the resumed case keeps. */
  shared: [number, number][];
  leafValues: Float64Array;
  scenarioIndex: number;
}

function resumedRunner(compiled: CompiledCase, file: CaseFile, from: Parameters<typeof resumedCase>[1]): ResumedRunner {
  const resumed = resumedCase(file, from);
  if ("message" in resumed) throw new Error(resumed.message);
  const { compiled: again, issues } = compileCase(resumed);
  if (!again) throw new Error(`the re-forecast case does not compile: ${issues.map((issue) => issue.message).join("; ")}`);
  const byName = new Map(compiled.leaves.map((leaf, index) => [leaf.name, index]));
  // Inputs the resumed case rewrites (the change's remaining setup, the releases ahead) are numbers
  // there, not ranges: they keep the value written; every range still in the case takes the sample's value.
  const shared: [number, number][] = [];
  for (const leaf of again.uncertainLeaves) {
    const original = byName.get(again.leaves[leaf]!.name);
    if (original !== undefined) shared.push([leaf, original]);
  }
  return {
    runner: new CaseRunner(again),
    shared,
    leafValues: Float64Array.from(again.leafValues),
    scenarioIndex: again.scenarios.findIndex((entry) => entry.name === from.scenario),
  };
}

interface ResumedRunners {
  actual: ResumedRunner;
  /** The same case resumed from the plan's own state, keyed by "live/released" (for the tooling lines' calendar). */
  onPlan: Map<string, ResumedRunner>;
  from: Parameters<typeof resumedCase>[1];
}

function resumedRunners(compiled: CompiledCase, pair: Pair, context: MoneyContext): ResumedRunners {
  const from = {
    scenario: pair.scenario.name,
    baseline: pair.baseline.name,
    afterMonth: context.recorded.length,
    liveProjects: context.liveProjects,
    releasedSoFar: context.releasedSoFar,
  };
  return { actual: resumedRunner(compiled, context.file, from), onPlan: new Map(), from };
}

function runResumed(resumed: ResumedRunner, leafValues: Float64Array, carried: CarriedBuild): Float64Array {
  for (const [leaf, original] of resumed.shared) resumed.leafValues[leaf] = leafValues[original]!;
  resumed.runner.carryBuild(resumed.scenarioIndex, carried);
  resumed.runner.run(resumed.leafValues, true);
  return resumed.runner.columns[resumed.scenarioIndex]!;
}

/** One sample's NPV and payback month today; `runner` has just run the plan's case with `leafValues`. */
function nowFigures(
  runner: CaseRunner,
  pair: Pair,
  context: MoneyContext,
  leafValues: Float64Array,
  resumed: ResumedRunners | null,
  discounting: Discounting,
): { npv: number; paybackMonth: number | null } {
  const compiled = runner.compiled;
  const horizon = compiled.horizonMonths;
  const last = context.recorded.length;
  const planned = runner.columns[pair.scenarioIndex]!;
  const base = runner.columns[pair.baselineIndex]!;
  const net = (columns: Float64Array, at: number) => columns[at * MONTHLY_FIELD_COUNT + F.net]!;
  const rules = moneyRulesOf({ ...compiled, leafValues }, pair.scenario.name, pair.baseline.name);
  const timeZero = context.upFrontRecordedInMonth1 ? runner.scalars[pair.baselineIndex]!.initialInvestment : runner.figures[pair.scenarioIndex]!.timeZero;
  const benefits = new Float64Array(horizon);
  // A month that records only one of live projects and releases has the other follow it, as in `track show`.
  let liveBefore: number | undefined;
  for (let at = 0; at < last; at++) {
    const plannedRow = rowOf(planned, at);
    const row = valueRecordedMonth(plannedRow, agreeingRecord(context.recorded[at]!, plannedRow, liveBefore), rules);
    liveBefore = row.liveProjects;
    benefits[at] = row.net - net(base, at);
  }
  // As `resumeFrom`: from the plan's own state (live projects, releases and build hours so far), the
  // plan's remaining months, with the project being built as far along as planned.
  const builtSoFar = (at: number, columns: Float64Array, recorded?: RecordedMonth) => recorded?.buildHours ?? columns[at * MONTHLY_FIELD_COUNT + F.buildHours]!;
  let asPlannedState = false;
  let built = 0;
  if (resumed && last < horizon) {
    const state = { liveProjects: planned[(last - 1) * MONTHLY_FIELD_COUNT + F.liveProjects]!, releasedSoFar: 0, builtSoFar: 0 };
    for (let at = 0; at < last; at++) {
      state.releasedSoFar += planned[at * MONTHLY_FIELD_COUNT + F.releases]!;
      state.builtSoFar += planned[at * MONTHLY_FIELD_COUNT + F.buildHours]!;
      built += builtSoFar(at, planned, context.recorded[at]);
    }
    asPlannedState = resumesAsPlanned({ ...resumed.from, builtSoFar: built }, state);
  }
  if (resumed && last < horizon && asPlannedState) {
    for (let at = last; at < horizon; at++) benefits[at] = net(planned, at) - net(base, at);
  } else if (resumed && last < horizon) {
    // As `resumeFrom`: the project under way carries its build hours so far (`carriedBuilds`).
    const buildMonths: BuildMonth[] = [];
    for (let at = 0; at <= last && at < horizon; at++) {
      const row = at * MONTHLY_FIELD_COUNT;
      buildMonths.push({ buildHours: planned[row + F.buildHours]!, releases: planned[row + F.releases]!, workInProgress: planned[row + F.workInProgress]! });
    }
    const scenarioParameters = runner.parameters[pair.scenarioIndex]!;
    const baseParameters = pair.scenarioIndex === pair.baselineIndex ? undefined : runner.parameters[pair.baselineIndex]!;
    const carried = carriedBuilds(scenarioParameters, baseParameters, { ...resumed.from, builtSoFar: built }, buildMonths);
    const rows = runResumed(resumed.actual, leafValues, carried.actual);
    let plannedLive = planned[(last - 1) * MONTHLY_FIELD_COUNT + F.liveProjects]!;
    let plannedReleased = 0;
    for (let at = 0; at < last; at++) plannedReleased += planned[at * MONTHLY_FIELD_COUNT + F.releases]!;
    plannedLive = Math.round(plannedLive);
    const asPlanned = plannedLive === resumed.from.liveProjects && plannedReleased === resumed.from.releasedSoFar;
    const sameBuild = (Object.keys(carried.actual) as (keyof CarriedBuild)[]).every((key) => carried.actual[key] === carried.onPlan[key]);
    let onPlan = rows;
    if (!asPlanned || !sameBuild) {
      const key = `${plannedLive}/${plannedReleased}`;
      let other = resumed.onPlan.get(key);
      if (!other) {
        other = resumedRunner(compiled, context.file, { ...resumed.from, liveProjects: plannedLive, releasedSoFar: plannedReleased });
        resumed.onPlan.set(key, other);
      }
      // The actual state's rows are kept aside: the second run reuses its own buffers.
      onPlan = runResumed(other, leafValues, carried.onPlan);
    }
    for (let index = 0; index < horizon - last; index++) {
      const at = last + index;
      // As `resumeFrom`: each tooling line is the planned month's amount moved by what the actual state changes in it.
      let month = net(rows, index);
      for (const field of toolingFields) {
        const amount = planned[at * MONTHLY_FIELD_COUNT + field]! + (rows[index * MONTHLY_FIELD_COUNT + field]! - onPlan[index * MONTHLY_FIELD_COUNT + field]!);
        month += rows[index * MONTHLY_FIELD_COUNT + field]! - amount;
      }
      benefits[at] = month - net(base, at);
    }
  }
  const rate = runner.parameters[pair.scenarioIndex]![P.discountRate]!;
  const discounts = discountFactors(rate, discounting, horizon);
  // Up-front cash recorded in month 1 is discounted at time 0, where the plan has it (`upFrontPaidInMonth1`).
  const upFront = context.upFrontRecordedInMonth1
    ? upFrontPaidInMonth1(context.recorded[0]?.externalSpend, planned[F.externalSpend]!, runner.scalars[pair.scenarioIndex]!.initialInvestment)
    : 0;
  const cumulative = new Float64Array(horizon);
  let running = timeZero;
  for (let at = 0; at < horizon; at++) {
    running += benefits[at]!;
    cumulative[at] = running;
  }
  return { npv: upFrontAdjustedNpv(timeZero, benefits, upFront, discounts), paybackMonth: paybackMonth(timeZero, cumulative) };
}

/**
 * A factor already to a tenth, as the report writes it: its whole part grouped, its tenth only when
 * there is one ("12", "13,609.1").
 * @example factorWords(13609.1) // "13,609.1"
 */
function factorWords(factor: number): string {
  const [whole, tenth] = String(factor).split(".");
  return `${groupDigitString(whole!)}${tenth ? `.${tenth}` : ""}`;
}

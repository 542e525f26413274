import { benefitCategories, categoryMoney, type BenefitCategory } from "./categories.js";
import { liveProjectCapacity, maxLiveProjectsPerPerson } from "./capacity.js";
import { columnValue, F, moneyFieldNames, monthlyFieldNames, MONTHLY_FIELD_COUNT, type MonthlyField } from "./model/columns.js";
import type { CompiledCase } from "./model/compiled.js";
import { P, PARAMETER_COUNT } from "./model/parameters.js";
import { changesNothing, discountFactors, paybackCrossing, withoutFloatNoise } from "./finance.js";
import type { Assumption, CaseResult, ComparisonResult, DoraFigures, MonthRow, RiskAdjustedFigures, ScenarioResult } from "./result.js";
import type { RiskAdjustment } from "./model/compiled.js";
import { CaseRunner } from "./runner.js";
import { judge } from "./judgement.js";
import { leafQuantile } from "./draws.js";
import { adoptionOrderOf } from "./optimize.js";
import type { MonteCarloSummary } from "./monte-carlo.js";
import { fillParameters, unconvertedBuiltInPrices } from "./model/compile.js";
import { changeInPlaceMonth, TODAYS_FEE_PARAMETERS, TODAYS_WAY_PARAMETERS, type CarriedBuild } from "./simulate.js";

const hourFields = monthlyFieldNames.filter((name) => name.endsWith("Hours"));
// The money columns, from the project value to the net (the month table's order).

/** The cash lines of the change itself, for DORA's investment. */
const changeCostFields = [F.licences, F.infrastructure, F.supportStaff, F.training, F.externalSpend] as const;
/**
 * The money columns that are prices and fees added up, written without floating point's noise
 * (`withoutFloatNoise`): a fee of 0.1 and one of 0.2 are 0.3 a month, not 0.30000000000000004
 * (docs/json.md). The figures the model works out (pay, value, net) are as computed.
 */
const priceFields: ReadonlySet<MonthlyField> = new Set(["licences", "infrastructure", "supportStaff", "training", "externalSpend"]);

/** DORA's figures (docs/numbers.md, "Conventions of peer calculations"): investment, value, net, ROI and payback in years. */
function doraFigures(investment: number, netBenefit: number, months: number): DoraFigures {
  const value = netBenefit + investment;
  const figures = { investment, value, netBenefit, roi: investment > 1e-9 ? netBenefit / investment : null };
  // A change that costs nothing (or less than today's own change) has nothing to pay back: no
  // payback, as no ROI, rather than a negative number of years; nor one without value to pay back with.
  return { ...figures, paybackYears: doraPaybackMissing(figures) === undefined ? investment / (value / (months / 12)) : null };
}

/**
 * Why DORA's payback (investment ÷ value a year, docs/numbers.md, "Conventions of peer
 * calculations") has no answer, when it has none (`paybackYears` null): "nothing to pay back" when
 * the change costs nothing over today (no investment, as no ROI); "no value" when it returns nothing
 * over the plan's months before its costs (a value at or below 0: the formula divides by it). Not
 * "never": the formula says nothing beyond the plan's months (a plan of one month whose change brings
 * its value later has none in it). Undefined when the payback is a number of years.
 * @example doraPaybackMissing({ investment: 500, value: 0 }) // "no value" ; doraPaybackMissing({ investment: -400, value: 500 }) // "nothing to pay back"
 */
export function doraPaybackMissing(figures: Pick<DoraFigures, "investment" | "value">): "nothing to pay back" | "no value" | undefined {
  if (!(figures.investment > 1e-9)) return "nothing to pay back";
  return figures.value > 1e-9 ? undefined : "no value";
}

/**
 * Gives `target`'s property `key` the value `compute` gives when the property is first read (later
 * reads get the same value): for parts of a result that cost much to build and that the web app's
 * headline, drawn at every keystroke, does not read. The property is enumerable like any other, so
 * JSON, spreading and structured clones read it as a plain one; it keeps its place among the
 * properties when `target` has it already, else it comes last. Returns `target`.
 * @example readWhenFirstRead({ a: 1 }, "b", () => 2) // { a: 1, b: 2 } once read
 */
function readWhenFirstRead<T extends object, K extends string, V>(target: T, key: K, compute: () => V): T & Record<K, V> {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
  return target as T & Record<K, V>;
}

/** Replaces a non-finite number by null so NaN or Infinity never reaches a view. */
export function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * One month's row from the scenario's columns, written out field by field in the columns' order
 * (after the month) so that every row is built alike: a loop setting the fields by name made each
 * row one field at a time, and took most of the time of building a long case's result.
 */
export function monthRow(c: Float64Array, at: number): MonthRow {
  const o = at * MONTHLY_FIELD_COUNT;
  return {
    month: at + 1,
    liveProjects: c[o + F.liveProjects]!,
    releases: c[o + F.releases]!,
    capacityHours: c[o + F.capacityHours]!,
    vacancyHours: c[o + F.vacancyHours]!,
    rampUpHours: c[o + F.rampUpHours]!,
    adoptionDipHours: c[o + F.adoptionDipHours]!,
    availableHours: c[o + F.availableHours]!,
    manualHours: c[o + F.manualHours]!,
    waitingHours: c[o + F.waitingHours]!,
    meetingHours: c[o + F.meetingHours]!,
    breakageFixHours: c[o + F.breakageFixHours]!,
    knowledgeLossHours: c[o + F.knowledgeLossHours]!,
    setupHours: c[o + F.setupHours]!,
    learningHours: c[o + F.learningHours]!,
    alongsideHours: c[o + F.alongsideHours]!,
    overheadHours: c[o + F.overheadHours]!,
    upkeepHours: c[o + F.upkeepHours]!,
    freeHours: c[o + F.freeHours]!,
    buildHours: c[o + F.buildHours]!,
    idleHours: c[o + F.idleHours]!,
    shortfallHours: c[o + F.shortfallHours]!,
    scheduledBuildShortfallHours: c[o + F.scheduledBuildShortfallHours]!,
    canStartNewWork: c[o + F.canStartNewWork] === 1,
    overloaded: c[o + F.overloaded] === 1,
    projectValue: c[o + F.projectValue]!,
    recoveredCapacity: c[o + F.recoveredCapacity]!,
    deliveryValue: c[o + F.deliveryValue]!,
    workInProgress: c[o + F.workInProgress]!,
    overloadCost: c[o + F.overloadCost]!,
    payroll: c[o + F.payroll]!,
    licences: withoutFloatNoise(c[o + F.licences]!),
    infrastructure: withoutFloatNoise(c[o + F.infrastructure]!),
    supportStaff: withoutFloatNoise(c[o + F.supportStaff]!),
    training: withoutFloatNoise(c[o + F.training]!),
    outageCost: c[o + F.outageCost]!,
    hiringCost: c[o + F.hiringCost]!,
    otherTeamsCost: c[o + F.otherTeamsCost]!,
    externalSpend: withoutFloatNoise(c[o + F.externalSpend]!),
    net: c[o + F.net]!,
    changeHoursCost: c[o + F.changeHoursCost]!,
    changeHoursBought: c[o + F.changeHoursBought]!,
  };
}

function scenarioResult(runner: CaseRunner, index: number): ScenarioResult {
  const compiled = runner.compiled;
  const scenario = compiled.scenarios[index]!;
  const months = runner.months;
  const columns = runner.columns[index]!;
  const value = (field: number, at: number) => columnValue(columns, field, at);
  let newWorkStopsMonth: number | null = null;
  for (let at = months - 1; at >= 0 && value(F.canStartNewWork, at) === 0; at--) newWorkStopsMonth = at + 1;
  const overloadedMonths: number[] = [];
  let firstReleaseMonth: number | null = null;
  for (let at = 0; at < months; at++) {
    if (value(F.overloaded, at) === 1) overloadedMonths.push(at + 1);
    if (firstReleaseMonth === null && value(F.releases, at) > 0) firstReleaseMonth = at + 1;
  }
  // Each column added up month after month, from the columns the rows are read from (the same
  // numbers, added in the same order), in one pass over the months.
  const totals = new Float64Array(MONTHLY_FIELD_COUNT);
  for (let at = 0, offset = 0; at < months; at++, offset += MONTHLY_FIELD_COUNT) {
    for (let field = 0; field < MONTHLY_FIELD_COUNT; field++) totals[field] = totals[field]! + columns[offset + field]!;
  }
  const sum = (name: MonthlyField) => totals[F[name]]!;
  const scalars = runner.scalars[index]!;
  const result: ScenarioResult = {
    name: scenario.name,
    label: scenario.label,
    ...(scenario.description ? { description: scenario.description } : {}),
    releaseMode: scenario.releaseMode,
    isBaseline: index === runner.baselineIndex,
    // Built when first read (below): in its place among the fields.
    months: [],
    summary: {
      hourlyCost: scalars.hourlyCost,
      maxLiveProjectsPerPerson: maxLiveProjectsPerPerson(runner.parameters[index]!),
      ...teamCapacity(runner.parameters[index]!),
      newWorkStopsMonth,
      newWorkThresholdHours: runner.parameters[index]![P.newWorkThresholdHours]!,
      firstOverloadedMonth: overloadedMonths[0] ?? null,
      overloadedMonths,
      projectsDelivered: scalars.projectsDelivered,
      liveProjectsAtEnd: months > 0 ? value(F.liveProjects, months - 1) : 0,
      backlog: Number.isFinite(runner.parameters[index]![P.backlog]!) ? runner.parameters[index]![P.backlog]! : null,
      firstReleaseMonth,
      changeStartMonth: runner.parameters[index]![P.startMonth]!,
      changeEndMonth: scalars.changeEndMonth,
      initialInvestment: withoutFloatNoise(scalars.initialInvestment),
      totalHours: Object.fromEntries(hourFields.map((name) => [name, sum(name)])),
      totalMoney: Object.fromEntries(moneyFieldNames.map((name) => [name, priceFields.has(name) ? withoutFloatNoise(sum(name)) : sum(name)])),
    },
  };
  // A long case's month rows are most of its result (2,400 rows of 41 figures for 10 options over
  // 240 months). The runner is not run again, so its columns stay as they are.
  return readWhenFirstRead(result, "months", () => {
    const rows: MonthRow[] = [];
    for (let at = 0; at < months; at++) rows.push(monthRow(columns, at));
    return rows;
  });
}

/**
 * Forrester TEI's risk adjustment of present values: benefits cut by one share, costs raised by another.
 * @example riskAdjusted(1000, 400, { benefits: 0.1, costs: 0.05 }) // { presentValueOfBenefits: 900, presentValueOfCosts: 420, npv: 480, roi: 1.142... }
 */
export function riskAdjusted(presentValueOfBenefits: number, presentValueOfCosts: number, shares: RiskAdjustment): RiskAdjustedFigures {
  const benefits = presentValueOfBenefits * (1 - shares.benefits);
  const costs = presentValueOfCosts * (1 + shares.costs);
  const npv = benefits - costs;
  return { presentValueOfBenefits: benefits, presentValueOfCosts: costs, npv, roi: costs > 1e-9 ? npv / costs : null };
}

/**
 * `conventions.paybackMonthInterpolated`: the crossing (`paybackCrossing`) to a tenth of a month, halves
 * up, but never at or before the end of the month before the payback month, where the cumulative net is
 * still below zero: a crossing in the first 0.05 months of month m reads m − 1 + 0.1, not m − 1 (5.04
 * months, in month 6, once read "5 months" beside "Month 6"; in month 1, 0.01 months once read 0, which
 * means nothing to pay back). 0 and null as the crossing.
 * @example interpolatedPayback(5.04) // 5.1 ; interpolatedPayback(4.07) // 4.1 ; interpolatedPayback(0.01) // 0.1
 */
function interpolatedPayback(crossing: number | null): number | null {
  if (crossing === null || crossing === 0) return crossing;
  // The crossing lies in (m − 1, m] for payback month m (docs/numbers.md, "Payback within its month").
  const monthBefore = Math.ceil(crossing) - 1;
  return Math.max(monthBefore * 10 + 1, Math.round(crossing * 10)) / 10;
}

function comparisonResult(runner: CaseRunner, index: number, scenarios: ScenarioResult[]): ComparisonResult {
  const compiled = runner.compiled;
  const months = runner.months;
  const baseIndex = runner.baselineIndex;
  const base = runner.columns[baseIndex]!;
  const alternative = runner.columns[index]!;
  const figures = runner.figures[index]!;
  const parameters = runner.parameters[index]!;
  const baseParameters = runner.parameters[baseIndex]!;
  const rate = runner.scalars[index]!.hourlyCost;
  const baseRate = runner.scalars[baseIndex]!.hourlyCost;

  const byCategory = new Float64Array(benefitCategories.length);
  const presentByCategory = new Float64Array(benefitCategories.length);
  const baseMoney = new Float64Array(benefitCategories.length);
  const alternativeMoney = new Float64Array(benefitCategories.length);
  // Up-front cash belongs to the change.
  byCategory[0] = figures.timeZero;
  presentByCategory[0] = figures.timeZero;
  const discounts = discountFactors(parameters[P.discountRate]!, compiled.discounting ?? "monthly", months);
  let teamHours = 0;
  let teamHoursCost = 0;
  let cashBeforeStart = -figures.timeZero;
  // The months the up-front cash is paid in: 0 is the start (time 0), m the end of month m (`Investment.cashMonth`).
  const cashMonths = new Map<number, number>(figures.timeZero !== 0 ? [[0, -figures.timeZero]] : []);
  // DORA's investment: the change's cash lines that rise, month by month, and the up-front cash.
  let changeCash = figures.timeZero < 0 ? -figures.timeZero : 0;
  for (let at = 0; at < months; at++) {
    const discount = discounts[at]!;
    categoryMoney(base, at, baseRate, baseParameters[P.captureShare]!, baseMoney);
    categoryMoney(alternative, at, rate, parameters[P.captureShare]!, alternativeMoney);
    for (let k = 0; k < benefitCategories.length; k++) {
      const difference = alternativeMoney[k]! - baseMoney[k]!;
      byCategory[k] = byCategory[k]! + difference;
      presentByCategory[k] = presentByCategory[k]! + difference * discount;
    }
    const hoursOf = (columns: Float64Array) =>
      columnValue(columns, F.setupHours, at) +
      columnValue(columns, F.learningHours, at) +
      columnValue(columns, F.adoptionDipHours, at) +
      columnValue(columns, F.alongsideHours, at);
    teamHours += hoursOf(alternative) - hoursOf(base);
    teamHoursCost += columnValue(alternative, F.changeHoursCost, at) - columnValue(base, F.changeHoursCost, at);
    const spend = columnValue(alternative, F.externalSpend, at) - columnValue(base, F.externalSpend, at);
    cashBeforeStart += spend;
    if (spend !== 0) cashMonths.set(at + 1, spend);
    for (const field of changeCostFields) {
      const rise = columnValue(alternative, field, at) - columnValue(base, field, at);
      if (rise > 0) changeCash += rise;
    }
  }
  const net = Array.from(runner.netBenefit[index]!);
  const cumulative = Array.from(runner.cumulativeNet[index]!);
  // The last twelve months, or every month of a shorter horizon: months that were not simulated are
  // not made up (an average × 12 would show a year of a case that covers less).
  const lastYear = net.slice(-12);
  const annual = lastYear.reduce((total, value) => total + value, 0);
  const scenario = compiled.scenarios[index]!;
  const record = (values: Float64Array) => Object.fromEntries(benefitCategories.map((name, k) => [name, values[k]!])) as Record<BenefitCategory, number>;
  const baseSummary = scenarios[baseIndex]!.summary;
  const summary = scenarios[index]!.summary;
  const investment = cashBeforeStart + teamHoursCost;
  const totalNetBenefit = cumulative[cumulative.length - 1] ?? 0;
  const crossing = paybackCrossing(figures.timeZero, runner.cumulativeNet[index]!);
  const presentValueOfBenefits = figures.npv + figures.presentValueOfCosts;
  const risk = compiled.riskAdjustment;
  return {
    alternative: scenario.name,
    label: scenario.label,
    baseline: compiled.baseline,
    npv: figures.npv,
    roi: finiteOrNull(figures.roi),
    paybackMonth: figures.paybackMonth,
    changesNothing: changesNothing(figures.timeZero, runner.cumulativeNet[index]!),
    investment: {
      cash: withoutFloatNoise(cashBeforeStart),
      cashMonth: cashMonths.size === 0 ? 0 : cashMonths.size === 1 ? [...cashMonths.keys()][0]! : null,
      ...(cashMonths.size > 1 ? { cashByMonth: [...cashMonths].map(([month, cash]) => ({ month, cash: withoutFloatNoise(cash) })) } : {}),
      teamHours,
      teamHoursCost,
      total: investment,
    },
    presentValueOfCosts: figures.presentValueOfCosts,
    presentValueOfBenefits,
    conventions: {
      roiOnInvestment: investment > 1e-9 ? totalNetBenefit / investment : null,
      paybackMonthInterpolated: interpolatedPayback(crossing),
      paybackYears: crossing === null ? null : crossing / 12,
      dora: doraFigures(changeCash + teamHoursCost, totalNetBenefit, months),
    },
    ...(risk ? { riskAdjusted: riskAdjusted(presentValueOfBenefits, figures.presentValueOfCosts, risk) } : {}),
    // The up-front spend against today's: prices added up, without floating point's noise.
    timeZeroNet: withoutFloatNoise(figures.timeZero),
    monthlyNetBenefit: net,
    cumulativeNet: cumulative,
    totalNetBenefit,
    benefitLastTwelveMonths: annual,
    benefitLastTwelveMonthsSpan: lastYear.length,
    benefitByCategory: record(byCategory),
    presentValueByCategory: record(presentByCategory),
    capacity: {
      maxLiveProjectsPerPerson: { baseline: baseSummary.maxLiveProjectsPerPerson, alternative: summary.maxLiveProjectsPerPerson },
      people: { baseline: baseSummary.people, alternative: summary.people },
      liveProjectsPerPerson: { baseline: baseSummary.liveProjectsPerPerson, alternative: summary.liveProjectsPerPerson },
      maxLiveProjects: { baseline: baseSummary.maxLiveProjects, alternative: summary.maxLiveProjects },
      newWorkStopsMonth: { baseline: baseSummary.newWorkStopsMonth, alternative: summary.newWorkStopsMonth },
      projectsDelivered: { baseline: baseSummary.projectsDelivered, alternative: summary.projectsDelivered },
      liveProjectsAtEnd: { baseline: baseSummary.liveProjectsAtEnd, alternative: summary.liveProjectsAtEnd },
      overloadedMonths: { baseline: baseSummary.overloadedMonths.length, alternative: summary.overloadedMonths.length },
    },
  };
}

/**
 * The scenarios (by index) that use each input (by leaf index): top-level inputs (the discount rate,
 * the capture share, and the risk adjustment's two shares, which every comparison applies) serve
 * every scenario; the rest, the catalogue's included, only the scenarios that read them — an
 * alternative reads today's inputs for its way of working until its change is in place and for its
 * fees until its change starts (docs/numbers.md, "An alternative works today's way until its change
 * is in place"), so it uses those of the baseline's too. One rule for `assumptions[].usedBy` and the
 * workbook's "Used by" column.
 */
export function scenariosUsing(compiled: CompiledCase): number[][] {
  return inputReaders(compiled).all;
}

/**
 * Both lists at once, by leaf index, in the file's order: `all`, the scenarios using each input
 * (`scenariosUsing`), and `onlyBefore`, of those the alternatives that read it only in their months
 * before their change is in place (today's way).
 * @example inputReaders(compiled).onlyBefore[leaf] // [2]: the third scenario reads it only before its change
 */
export function inputReaders(compiled: CompiledCase): { all: number[][]; onlyBefore: number[][] } {
  const every = compiled.scenarios.map((_, index) => index);
  const own = compiled.leaves.map((leaf) => new Set<number>(leaf.path.length === 1 || leaf.path[0] === "riskAdjustment" ? every : []));
  const before = compiled.leaves.map(() => new Set<number>());
  compiled.scenarios.forEach((scenario, index) => {
    for (const leaf of scenario.usedLeaves) own[leaf]?.add(index);
  });
  const baseline = compiled.scenarios.find((scenario) => scenario.name === compiled.baseline);
  if (baseline) {
    /** The baseline's leaves that feed the given parameters: their own, and what is summed or multiplied in. */
    const baselineLeaves = (parameters: readonly number[]): number[] => {
      const wanted = new Set(parameters);
      const leaves = parameters.map((parameter) => baseline.parameterLeaves[parameter]!).filter((leaf) => leaf >= 0);
      for (const [parameter, leaf] of [...baseline.summedLeaves, ...baseline.multipliedLeaves]) if (wanted.has(parameter)) leaves.push(leaf);
      return leaves;
    };
    const wayLeaves = baselineLeaves(TODAYS_WAY_PARAMETERS);
    const feeLeaves = baselineLeaves(TODAYS_FEE_PARAMETERS);
    const parameters = new Float64Array(PARAMETER_COUNT);
    compiled.scenarios.forEach((scenario, index) => {
      if (scenario === baseline) return;
      fillParameters(scenario, compiled.leafValues, parameters);
      const read = [...(changeInPlaceMonth(parameters) > 1 ? wayLeaves : []), ...(parameters[P.startMonth]! > 1 ? feeLeaves : [])];
      for (const leaf of read) if (!own[leaf]?.has(index)) before[leaf]?.add(index);
    });
  }
  return {
    all: own.map((readers, leaf) => every.filter((index) => readers.has(index) || before[leaf]!.has(index))),
    onlyBefore: before.map((readers) => every.filter((index) => readers.has(index))),
  };
}

/**
 * Runs the case with its point values and builds the result every view shows. `carried`, by scenario
 * name: the build work a scenario starts with (a plan resumed after a recorded month; none when absent).
 * @example buildResult(compiled).comparisons.better?.paybackMonth
 */
export function buildResult(
  compiled: CompiledCase,
  leafValues: Float64Array = compiled.leafValues,
  carried: Readonly<Record<string, CarriedBuild>> = {},
): CaseResult {
  const runner = new CaseRunner(compiled);
  // A plan resumed after a recorded month: the build work each scenario starts with (`CarriedBuild`).
  compiled.scenarios.forEach((scenario, index) => {
    if (carried[scenario.name]) runner.carryBuild(index, carried[scenario.name]);
  });
  runner.run(leafValues);
  const scenarios = compiled.scenarios.map((_, index) => scenarioResult(runner, index));
  const comparisons: Record<string, ComparisonResult> = {};
  compiled.scenarios.forEach((scenario, index) => {
    if (index === runner.baselineIndex) return;
    const comparison = comparisonResult(runner, index, scenarios);
    // The adoption order (one capability at a time, each set simulated) has a step for each of the
    // scenario's capabilities; it is worked out when first read.
    if (scenario.capabilities.length > 0 && scenario.capabilityContributions.length > 0) {
      comparisons[scenario.name] = readWhenFirstRead(comparison as ComparisonResult, "adoptionOrder", () => adoptionOrderOf(compiled, scenario.name));
    } else comparisons[scenario.name] = comparison;
  });
  const { all, onlyBefore } = inputReaders(compiled);
  const namesOf = (indexes: number[]) => indexes.map((index) => compiled.scenarios[index]!.name);
  const usedBy = all.map(namesOf);
  const usedOnlyBefore = onlyBefore.map(namesOf);
  const assumptions: Assumption[] = compiled.leaves.map((leaf, index) => ({
    input: leaf.name,
    value: leafValues[index]!,
    ...(leaf.distribution ? { range: { distribution: leaf.distribution, p5: leafQuantile(leaf, 0.05), p95: leafQuantile(leaf, 0.95) } } : {}),
    ...(leaf.note ? { note: leaf.note } : {}),
    usedBy: usedBy[index] ?? [],
    ...(usedOnlyBefore[index]?.length ? { usedOnlyBeforeChangeBy: usedOnlyBefore[index] } : {}),
  }));
  const baseParameters = runner.parameters[runner.baselineIndex]!;
  const unconverted = unconvertedBuiltInPrices(compiled);
  const result: Omit<CaseResult, "judgement"> = {
    title: compiled.title,
    ...(compiled.description ? { description: compiled.description } : {}),
    currency: compiled.currency,
    horizonMonths: compiled.horizonMonths,
    baseline: compiled.baseline,
    discountRate: baseParameters[P.discountRate]!,
    discounting: compiled.discounting ?? "monthly",
    ...(compiled.riskAdjustment ? { riskAdjustment: { ...compiled.riskAdjustment } } : {}),
    freedHoursCaptureShare: baseParameters[P.captureShare]!,
    scenarios: Object.fromEntries(scenarios.map((scenario) => [scenario.name, scenario])),
    comparisons,
    assumptions,
    notes: compiled.groupNotes.map((note) => ({ input: note.name, note: note.note })),
    ...(unconverted.length > 0 ? { unconvertedBuiltInPrices: unconverted } : {}),
    ...(compiled.correlations.length > 0
      ? {
          correlations: compiled.correlations.map((correlation) => ({
            between: [compiled.leaves[correlation.leaves[0]]!.name, compiled.leaves[correlation.leaves[1]]!.name] as [string, string],
            rank: correlation.rank,
            ...(correlation.note ? { note: correlation.note } : {}),
          })),
        }
      : {}),
  };
  return { ...result, judgement: judge(result as CaseResult) };
}

/**
 * Whether an option changes nothing against the baseline (`ComparisonResult.changesNothing`): with every
 * range at its middle (the comparison's own flag) and, once its ranges are sampled, in every sample
 * (`probabilityChangesNothing` 1): one that changes nothing at the middle may still change something in
 * some outcomes (docs/numbers.md, "An option that changes nothing"). The web app, which gets the
 * distributions apart from the result, asks the same.
 * @example optionChangesNothing({ changesNothing: true }, { probabilityChangesNothing: 1 }) // true
 */
export function optionChangesNothing(
  comparison: { readonly changesNothing?: boolean },
  distribution?: { readonly probabilityChangesNothing?: number },
): boolean {
  return comparison.changesNothing === true && (distribution === undefined || distribution.probabilityChangesNothing === 1);
}

/**
 * Adds a Monte Carlo's distributions and bands to a result (a new object; the input is unchanged).
 * @example withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 10_000, seed: 1 }).runAll().summarise())
 */
export function withUncertainty(result: CaseResult, summary: MonteCarloSummary): CaseResult {
  const comparisons = Object.fromEntries(
    Object.entries(result.comparisons).map(([name, comparison]) => {
      const distribution = summary.distributions[name];
      const band = summary.cumulativeNetBands[name];
      return [
        name,
        {
          ...comparison,
          changesNothing: optionChangesNothing(comparison, distribution),
          ...(distribution ? { distribution } : {}),
          ...(band ? { cumulativeNetBand: band } : {}),
        },
      ];
    }),
  );
  const scenarios = Object.fromEntries(
    Object.entries(result.scenarios).map(([name, scenario]) => {
      const band = summary.liveProjectBands[name];
      return [name, band ? { ...scenario, liveProjectsBand: band } : scenario];
    }),
  );
  const uncertain: CaseResult = {
    ...result,
    scenarios,
    comparisons,
    ...(summary.decision ? { decision: summary.decision } : {}),
    uncertainty: { samples: summary.samples, seed: summary.seed, sampling: summary.sampling, inputs: summary.inputs },
  };
  // The close call now knows how often the best option comes out ahead.
  return { ...uncertain, judgement: judge(uncertain) };
}

/** The summary's capacity of the whole team (`liveProjectCapacity`): its size, live projects per person unrounded, and whole projects kept. */
function teamCapacity(parameters: Float64Array): { people: number; liveProjectsPerPerson: number | null; maxLiveProjects: number | null } {
  const capacity = liveProjectCapacity(parameters);
  return { people: capacity.people, liveProjectsPerPerson: capacity.perPerson, maxLiveProjects: capacity.team };
}

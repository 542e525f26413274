import { capabilityCosts, effectTargets, type CapabilityCost } from "./catalogue/targets.js";
import type { CapabilityContribution, CompiledCapability, CompiledCase, CompiledScenario } from "./model/compiled.js";
import { P, PARAMETER_COUNT } from "./model/parameters.js";
import { fillParameters } from "./model/compile.js";
import {
  allDraws,
  beamSearch,
  exhaustiveSampled,
  paybackOfSet,
  SampledSets,
  sizeOf,
  successiveHalving,
  type SampledSearch,
  type SampledSet,
} from "./optimize-search.js";
import { CaseRunner } from "./runner.js";
import { withoutFloatNoise } from "./finance.js";
import { compareNames } from "./compare-names.js";
import { groupDigits } from "./scenario/text.js";
import { formatPath, type Issue } from "./scenario/issues.js";

const CANDIDATE = "\u0000candidate";

export type Objective = "npv" | "p50" | "payback" | "probability";

export interface OptimizeOptions {
  objective: Objective;
  /**
   * The most the set may cost in cash in its first year: up-front spend plus twelve months of its fees,
   * or the months of the plan in which they are paid when fewer, as in a plan shorter than a year (`cashMonthsOf`).
   */
  budget?: number;
  /** The most team hours its setup may take (before the organisation factor and contingency). */
  setupHours?: number;
  /** Capabilities to choose from (default: the whole catalogue). */
  candidates?: readonly string[];
  /** Monte Carlo samples per set for the p50 and probability objectives (default 400). */
  samples?: number;
  seed?: number;
  /** How many sets to list (default 10). */
  top?: number;
  /** Search every set up to this many candidates (default 16); beyond, a heuristic. */
  exhaustiveLimit?: number;
  /**
   * "auto": for npv and payback, every set up to `exhaustiveLimit` candidates, else greedy additions and
   * local search; for p50 and probability, up to `exhaustiveLimit` candidates every set on every draw
   * when that is at most EXACT_SET_SAMPLES set-draws, else successive halving over every set when
   * there are at most HALVING_SETS, else (and beyond `exhaustiveLimit`) a beam search. "heuristic" is
   * the beam search for p50 and probability.
   */
  method?: "auto" | "exhaustive" | "heuristic" | "successive-halving" | "beam";
}

export interface EvaluatedSet {
  capabilities: string[];
  /** The objective's value: NPV, median NPV, payback month (null: never) or chance of paying back. */
  objective: number | null;
  npv: number;
  /** Null when it does not pay back within the horizon, and for staying as today, which has no payback (`paybackOfSet`). */
  paybackMonth: number | null;
  npvP50?: number;
  probabilityPaysBack?: number;
  /** Cash in the first year: up-front spend plus `OptimizeResult.cashMonths` months of fees (12, or the months of the plan that pay them when fewer). */
  firstYearCash: number;
  setupHours: number;
}

export interface AdoptionStep {
  capability: string;
  label: string;
  description: string;
  /** NPV this capability adds to the ones adopted before it. */
  marginalNpv: number;
  cumulativeNpv: number;
}

export interface OptimizeResult {
  objective: Objective;
  /** The currency of every amount (`npv`, `firstYearCash`, the limits' budget, the steps and shares): the case's. */
  currency: string;
  /** "exhaustive" when every set within the limits was evaluated in full (then `proven`), else "heuristic". */
  method: "exhaustive" | "heuristic";
  methodDescription: string;
  /** Whether `best` is proven the best set within the limits (for p50 and probability: on these draws). */
  proven: boolean;
  /** How the sets were searched. */
  strategy: "exhaustive" | "greedy-local-search" | "successive-halving" | "beam-search";
  /** "proven best (…)" or "found by …, not proven": the sentence to show beside the answer. */
  howFound: string;
  /** For p50 and probability: the draws, the same for every set (common random numbers), and the work done. */
  sampling?: {
    samples: number;
    seed: number;
    commonRandomNumbers: true;
    /** Set-draws run: one set on one draw of the inputs (the unit of work). */
    setSamples: number;
    /** Sets run on every draw, among which `best` and `ranked` are chosen. */
    finalists: number;
  };
  candidates: string[];
  limits: { budget: number | null; setupHours: number | null };
  /**
   * The months of fees that each set's `firstYearCash`, and so the budget, counts: 12, or the months
   * of the plan in which the fees are paid when fewer, as in a plan shorter than a year (`cashMonthsOf`).
   */
  cashMonths: number;
  evaluated: number;
  ranked: EvaluatedSet[];
  best: EvaluatedSet | null;
  /** What to ask for first: the best set in the order that adds the most NPV at each step. */
  adoptionOrder: AdoptionStep[];
  /** Each pick's fair share of the best set's NPV (Shapley values; they add up to it). */
  shapleyNpv?: { capability: string; value: number }[];
  /**
   * When the best set loses money, its NPV with every range at its middle below 0 (ranked by payback or by the
   * chance of paying back it can be: a set that pays back in 2% of the draws ranks above staying as
   * today, which has no chance of paying back): the set, and `better`, the set of the highest NPV among
   * those ranked (staying as today, NPV 0, when none gains more). Ranked by the median NPV over the
   * ranges, only when that median is below 0 too: one above 0 gains in at least half the draws, though
   * its NPV with every range at its middle can be below 0 (skewed ranges). Absent otherwise.
   */
  bestLosesMoney?: { capabilities: string[]; npv: number; better: { capabilities: string[]; npv: number } };
}

/**
 * The best set's loss, when it has one (`OptimizeResult.bestLosesMoney`): `ranked` is every set ranked
 * by `objective`, before the top few are kept. Ranked by NPV the best is never below staying as
 * today's 0; ranked by the median NPV, a best set whose median is above 0 does not lose money by the
 * figure it ranks first by, whatever its NPV with every range at its middle.
 * @example lossOfBest([{ capabilities: ["scheduling"], npv: -1315, … }, { capabilities: [], npv: 0, … }], "probability") // { capabilities: ["scheduling"], npv: -1315, better: { capabilities: [], npv: 0 } }
 */
export function lossOfBest(ranked: readonly EvaluatedSet[], objective: Objective): OptimizeResult["bestLosesMoney"] {
  const best = ranked[0];
  if (!best || best.capabilities.length === 0 || !(best.npv < 0)) return undefined;
  if (objective === "p50" && !(best.objective !== null && best.objective < 0)) return undefined;
  let better: { capabilities: string[]; npv: number } = { capabilities: [], npv: 0 };
  for (const set of ranked) if (set.npv > better.npv) better = { capabilities: set.capabilities, npv: set.npv };
  return { capabilities: best.capabilities, npv: best.npv, better };
}

/**
 * Evaluates "the baseline plus a set of capabilities" quickly: one reusable runner whose candidate
 * scenario gets its capability costs and effects swapped in for each set.
 */
class SetEvaluator {
  readonly runner: CaseRunner;
  // The candidate scenario's lists, refilled for each set (the runner reads them on every run).
  private readonly summed: [number, number][] = [];
  private readonly multiplied: [number, number][] = [];
  private readonly chosen: string[] = [];
  readonly twoScenarioCase: CompiledCase;
  private readonly parameters: Float64Array;
  evaluations = 0;
  /** The months of fees a set's first-year cash counts (`cashMonthsOf`). */
  readonly cashMonths: number;
  /** 1 + the change's contingency share: what the plan pays for each unit of a capability's up-front cost (it is the change's external spend). */
  private readonly contingency: number;

  /**
   * `start` is the scenario the sets are added to (its own sums, without any capability's), and
   * `contributions[i]` what the i-th capability adds to it.
   */
  constructor(
    readonly compiled: CompiledCase,
    readonly capabilities: readonly CompiledCapability[],
    start: CompiledScenario,
    private readonly startSummed: readonly (readonly [number, number])[],
    private readonly contributions: readonly CapabilityContribution[],
  ) {
    const baseline = compiled.scenarios.find((scenario) => scenario.name === compiled.baseline)!;
    const candidateScenario: CompiledScenario = {
      ...start,
      name: CANDIDATE,
      label: "candidate",
      summedLeaves: this.summed,
      multipliedLeaves: this.multiplied,
      capabilities: this.chosen,
    };
    this.twoScenarioCase = { ...compiled, scenarios: [baseline, candidateScenario] };
    this.runner = new CaseRunner(this.twoScenarioCase);
    this.parameters = new Float64Array(this.runner.parameters[0]!.length);
    fillParameters(baseline, compiled.leafValues, this.parameters);
    this.cashMonths = cashMonthsOf(compiled.horizonMonths, feeMonthsOf(compiled));
    const startParameters = new Float64Array(this.parameters.length);
    fillParameters(start, compiled.leafValues, startParameters);
    this.contingency = 1 + startParameters[P.contingencyShare]!;
  }

  /** Points the candidate scenario at a set (a bit mask over `capabilities`). */
  select(mask: number): void {
    const { summed, multiplied } = this;
    summed.length = 0;
    multiplied.length = 0;
    this.chosen.length = 0;
    for (const pair of this.startSummed) summed.push([pair[0], pair[1]]);
    this.contributions.forEach((contribution, index) => {
      if ((mask & (1 << index)) === 0) return;
      this.chosen.push(contribution.name);
      for (const pair of contribution.summed) summed.push([pair[0], pair[1]]);
      for (const pair of contribution.multiplied) multiplied.push([pair[0], pair[1]]);
    });
  }

  /** First-year cash (up-front spend plus `cashMonthsOf` the plan's months of fees) and setup hours of a set, with every range at its middle. */
  costs(mask: number): { firstYearCash: number; setupHours: number } {
    const values = this.compiled.leafValues;
    const people = this.parameters[P.people]!;
    const months = this.cashMonths;
    let firstYearCash = 0;
    let setupHours = 0;
    this.capabilities.forEach((capability, index) => {
      if ((mask & (1 << index)) === 0) return;
      const value = (cost: CapabilityCost) => (capability.costLeaves[cost] >= 0 ? values[capability.costLeaves[cost]]! : 0);
      // Up front as the plan pays it: with the change's contingency, like every external cost of the change.
      firstYearCash += value("upfrontCost") * this.contingency + months * (value("monthlyCost") + value("monthlyCostPerPerson") * people);
      setupHours += value("setupHours");
    });
    // Prices and hours added up, without floating point's noise: 1,102.4, not 1,102.4000000000001; 0.3 hours, not 0.30000000000000004.
    return { firstYearCash: withoutFloatNoise(firstYearCash), setupHours: withoutFloatNoise(setupHours) };
  }

  deterministic(mask: number): { npv: number; paybackMonth: number | null } {
    this.select(mask);
    this.evaluations++;
    // Only the candidate changes from one set to the next: the baseline is simulated once.
    if (this.evaluations === 1) this.runner.run(this.compiled.leafValues, false);
    else this.runner.runAlternatives(this.compiled.leafValues);
    const figures = this.runner.figures[1]!;
    return { npv: figures.npv, paybackMonth: paybackOfSet(mask, figures.paybackMonth) };
  }
}

/** What a capability adds to the baseline (nothing there is written by the candidate itself). */
function contributionOnBaseline(capability: CompiledCapability): CapabilityContribution {
  const summed: [number, number][] = [];
  const multiplied: [number, number][] = [];
  for (const cost of Object.keys(capabilityCosts) as CapabilityCost[]) {
    const leaf = capability.costLeaves[cost];
    if (leaf >= 0) summed.push([P[capabilityCosts[cost]], leaf]);
  }
  for (const [target, leaf] of capability.effectLeaves) for (const parameter of effectTargets[target]) multiplied.push([P[parameter], leaf]);
  return { name: capability.name, summed, multiplied };
}

/**
 * The order in which to adopt a scenario's capabilities: at each step the one that adds the most NPV
 * to those before it. The steps' additions add up to the scenario's NPV less what it gains without
 * any capability (its own changes). Empty for a scenario without capabilities.
 * @example adoptionOrderOf(compiled, "compromise")[0]?.capability // "scheduling"
 */
export function adoptionOrderOf(compiled: CompiledCase, scenarioName: string): AdoptionStep[] {
  const scenario = compiled.scenarios.find((candidate) => candidate.name === scenarioName);
  if (!scenario || scenario.capabilityContributions.length === 0 || scenario.name === compiled.baseline) return [];
  const contributions = scenario.capabilityContributions;
  const added = new Set(contributions.flatMap((contribution) => contribution.summed));
  const startSummed = scenario.summedLeaves.filter((pair) => !added.has(pair as [number, number]));
  const pool = contributions.map((contribution) => compiled.capabilities.find((capability) => capability.name === contribution.name)!);
  const evaluator = new SetEvaluator(compiled, pool, scenario, startSummed, contributions);
  return adoptionOrder(evaluator, pool, (1 << pool.length) - 1);
}

function namesOf(mask: number, capabilities: readonly CompiledCapability[]): string[] {
  return capabilities.filter((_, index) => (mask & (1 << index)) !== 0).map((capability) => capability.name);
}

/**
 * Higher is better; ties broken by NPV. Staying as today has no payback (`paybackOfSet`), so for the
 * payback objectives it ranks below every set that pays back, and wins only when none does (then by
 * NPV, as every other tie).
 */
function score(set: EvaluatedSet, objective: Objective): number {
  switch (objective) {
    case "npv":
    case "p50":
    case "probability":
      return set.objective ?? Number.NEGATIVE_INFINITY;
    case "payback":
      return set.objective === null ? Number.NEGATIVE_INFINITY : -set.objective;
    default:
      return objective satisfies never;
  }
}

export function compareSets(a: EvaluatedSet, b: EvaluatedSet, objective: Objective): number {
  return (
    score(b, objective) - score(a, objective) ||
    b.npv - a.npv ||
    a.capabilities.length - b.capabilities.length ||
    compareNames(a.capabilities.join(), b.capabilities.join())
  );
}

/**
 * The months of fees a set's first-year cash counts, and so `--budget`: the months of the plan in
 * which its fees are paid, at most twelve. A set's monthly fees land on today's licences
 * (`capabilityCosts`), so they are paid from the month today's change starts, within today's licence
 * months (`fees`, `feeMonthsOf`; from month 1 and without end when the file gives neither): twelve in a
 * long plan, the plan's own months when it is shorter than a year (a plan of 6 months pays 6 months of
 * fees, not twelve), fewer when the fees start later than month 1 in a short plan (3 of a 6-month
 * plan's months from month 4). A set with €500 up front and €100 a month costs €1,700 in a plan of
 * 36 months, €1,100 in one of 6, €800 in one of 6 whose fees start in month 4.
 * @example cashMonthsOf(36) // 12 ; cashMonthsOf(6) // 6 ; cashMonthsOf(6, { from: 4, until: Infinity }) // 3
 */
export function cashMonthsOf(horizonMonths: number, fees: { from: number; until: number } = { from: 1, until: Number.POSITIVE_INFINITY }): number {
  return Math.max(0, Math.min(12, Math.min(horizonMonths, fees.until) - Math.max(1, fees.from) + 1));
}

/**
 * The months in which a set's monthly fees are paid (engine's simulate): from the month today's change
 * starts (`change.startMonth`, 1 when the file does not say), within today's licence months
 * (`tooling.licences.fromMonth` … `untilMonth`), with every range at its middle. `until` is the last month,
 * `Infinity` when they run to the plan's end however long it is.
 * @example feeMonthsOf(compiled) // { from: 1, until: Infinity }
 */
export function feeMonthsOf(compiled: CompiledCase): { from: number; until: number } {
  const baseline = compiled.scenarios.find((scenario) => scenario.name === compiled.baseline)!;
  const parameters = new Float64Array(PARAMETER_COUNT);
  fillParameters(baseline, compiled.leafValues, parameters);
  return { from: Math.max(parameters[P.startMonth]!, parameters[P.licencesFromMonth]!), until: parameters[P.licencesUntilMonth]! };
}

/**
 * The candidates that some listed set uses, in the candidates' order: the capabilities whose prices
 * the listed sets' NPV and first-year cash are made of. A candidate no listed set uses prices none of
 * them, so a view that names the prices behind the figures names these only.
 * @example capabilitiesInRanked({ candidates: ["a", "b", "c"], ranked: [{ capabilities: ["c"] }, { capabilities: ["a", "c"] }] }) // ["a", "c"]
 */
export function capabilitiesInRanked(result: {
  readonly candidates: readonly string[];
  readonly ranked: readonly { readonly capabilities: readonly string[] }[];
}): string[] {
  const used = new Set(result.ranked.flatMap((set) => set.capabilities));
  return result.candidates.filter((name) => used.has(name));
}

/** The most capabilities one search takes: a set is a bit mask of 31-bit integers (docs/commands.md, `optimize`). */
export const MAX_CANDIDATES = 30;

/**
 * For p50 and probability: every set within the limits is run on every draw (and the answer proven
 * best on those draws) when that is at most this many set-draws, e.g. 1,024 sets (10 candidates)
 * on 400 draws; more goes to the adaptive search. A set-draw is about a microsecond and a half.
 */
export const EXACT_SET_SAMPLES = 600_000;

/** For p50 and probability: successive halving over every set within the limits up to this many sets (14 candidates); beyond, a beam search. */
export const HALVING_SETS = 16_384;

/** The most draws per set for p50 and probability: beyond, the search takes minutes (docs/commands.md, `optimize`). */
export const MAX_OPTIMIZE_SAMPLES = 10_000;

/**
 * The inputs given as ranges that the optimiser's sets read (by their paths in the file): the
 * baseline's own and the candidates' costs and effects. Without any, every draw of the `p50` and
 * `probability` objectives is the same case: the median NPV is the NPV and the chance of paying back
 * is 0 or 1, so those objectives have nothing to add to `npv` and `payback` (docs/numbers.md). For
 * `probability` the discount rate is left out: the payback month is worked out before discounting, so
 * a range on the rate alone still leaves every draw's chance at 0 or 1.
 * @example rangesTheSetsRead(compiled) // ["defaults.projects.valuePerMonth"]
 */
export function rangesTheSetsRead(compiled: CompiledCase, candidates?: readonly string[], objective?: Objective): string[] {
  const baseline = compiled.scenarios.find((scenario) => scenario.name === compiled.baseline)!;
  const read = new Set(baseline.usedLeaves);
  for (const capability of compiled.capabilities) {
    if (candidates && !candidates.includes(capability.name)) continue;
    for (const leaf of Object.values(capability.costLeaves)) if (leaf >= 0) read.add(leaf);
    for (const [, leaf] of capability.effectLeaves) read.add(leaf);
  }
  const names = compiled.uncertainLeaves.filter((leaf) => read.has(leaf)).map((leaf) => compiled.leaves[leaf]!.name);
  return objective === "probability" ? names.filter((name) => name !== "discountRate") : names;
}

/**
 * Why `optimize` refuses a case whose baseline lists capabilities, as an issue at that field (for
 * `validate`'s form, with its line): every set is "today plus these", so a baseline with capabilities
 * of its own would be priced without their effects (staying as today read −€4,588 on
 * examples/seed.yaml, not €0) and could be given them twice (docs/commands.md, `optimize`).
 * Undefined when the baseline lists none.
 * @example baselineCapabilitiesIssue(compiled)?.path // ["scenarios", "current", "capabilities"]
 */
export function baselineCapabilitiesIssue(compiled: CompiledCase): Issue | undefined {
  const baseline = compiled.scenarios.find((scenario) => scenario.name === compiled.baseline)!;
  if (baseline.capabilities.length === 0) return undefined;
  return {
    path: ["scenarios", baseline.name, "capabilities"],
    code: "optimize_baseline_capabilities",
    severity: "error",
    message: `${formatPath(["scenarios", baseline.name, "capabilities"])} is [${baseline.capabilities.join(", ")}]; allowed for optimize: a baseline without capabilities, since every set is priced as today's way of working plus its capabilities (today's own would be left out of every set, staying as today included). Give what they change as the baseline's own inputs, or run optimize on a copy whose baseline lists none`,
  };
}

/**
 * Searches the sets of capabilities for the best "baseline plus these" scenario within the limits.
 * NPV and payback: every set when there are at most `exhaustiveLimit` candidates, else greedy
 * additions followed by single additions, removals and swaps until nothing improves. P50 and
 * probability: every set on the same draws of the inputs (common random numbers); when that is too
 * much work, successive halving over every set, or for too many sets a beam search (optimize-search.ts).
 * Ranks the best sets, orders the best one for adoption and splits its NPV among its picks.
 * @example optimize(compiled, { objective: "npv", budget: 20_000 }).best?.capabilities
 */
export function optimize(compiled: CompiledCase, options: OptimizeOptions): OptimizeResult {
  // A candidate named twice is one capability: counted twice, its costs and effects were doubled
  // (--from scheduling,scheduling ranked "scheduling, scheduling" at twice its fees).
  const pool = options.candidates
    ? [...new Set(options.candidates)].map((name) => {
        const found = compiled.capabilities.find((capability) => capability.name === name);
        if (!found) throw new RangeError(`"${name}" is not in the catalogue`);
        return found;
      })
    : [...compiled.capabilities];
  if (pool.length > MAX_CANDIDATES) throw new RangeError(`at most ${MAX_CANDIDATES} candidates can be searched, got ${pool.length}`);
  const baseline = compiled.scenarios.find((scenario) => scenario.name === compiled.baseline)!;
  const refused = baselineCapabilitiesIssue(compiled);
  if (refused) throw new RangeError(refused.message);
  const contributions = pool.map(contributionOnBaseline);
  const evaluator = new SetEvaluator(compiled, pool, baseline, baseline.summedLeaves, contributions);
  const samples = options.samples ?? 400;
  const seed = options.seed ?? 1;
  const limit = options.exhaustiveLimit ?? 16;
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_OPTIMIZE_SAMPLES)
    throw new RangeError(`samples must be a whole number from 1 to ${MAX_OPTIMIZE_SAMPLES}, got ${samples}`);
  const withinLimits = (mask: number) => {
    const costs = evaluator.costs(mask);
    return (
      (options.budget === undefined || costs.firstYearCash <= options.budget + 1e-9) &&
      (options.setupHours === undefined || costs.setupHours <= options.setupHours + 1e-9)
    );
  };
  const deterministic = options.objective === "npv" || options.objective === "payback" ? options.objective : "npv";
  // With no limits given, the words say every set, not every set "within the limits".
  const limited = options.budget !== undefined || options.setupHours !== undefined;
  const within = limited ? " within the limits" : "";
  const cache = new Map<number, EvaluatedSet>();
  const evaluate = (mask: number): EvaluatedSet => {
    const known = cache.get(mask);
    if (known) return known;
    const { npv, paybackMonth } = evaluator.deterministic(mask);
    const set: EvaluatedSet = {
      capabilities: namesOf(mask, pool),
      objective: deterministic === "npv" ? npv : paybackMonth,
      npv,
      paybackMonth,
      ...evaluator.costs(mask),
    };
    cache.set(mask, set);
    return set;
  };
  const top = options.top ?? 10;
  const common = {
    objective: options.objective,
    currency: compiled.currency,
    candidates: pool.map((capability) => capability.name),
    limits: { budget: options.budget ?? null, setupHours: options.setupHours ?? null },
    cashMonths: evaluator.cashMonths,
  };
  const finish = (ranked: EvaluatedSet[]) => {
    const best = ranked[0] ?? null;
    const bestMask = best ? pool.reduce((mask, capability, index) => (best.capabilities.includes(capability.name) ? mask | (1 << index) : mask), 0) : 0;
    const loss = lossOfBest(ranked, options.objective);
    return {
      ranked: ranked.slice(0, top),
      best,
      adoptionOrder: adoptionOrder(evaluator, pool, bestMask),
      ...(best && best.capabilities.length <= 12 ? { shapleyNpv: shapley(evaluator, pool, bestMask) } : {}),
      ...(loss ? { bestLosesMoney: loss } : {}),
    };
  };

  if (options.objective === "p50" || options.objective === "probability") {
    const sets = new SampledSets(compiled, baseline, baseline.summedLeaves, contributions, samples, seed, options.objective);
    const joined = new Map<number, string>();
    const namesKey = (mask: number) => {
      let key = joined.get(mask);
      if (key === undefined) joined.set(mask, (key = namesOf(mask, pool).join()));
      return key;
    };
    // As compareSets: the objective on the draws run, then NPV at the medians, fewer capabilities, names.
    // Staying as today pays back on no draw (`paybackOfSet`): it ranks below every set with any chance
    // of paying back and wins only when no set has one (then by NPV).
    const order = (a: SampledSet, b: SampledSet) =>
      sets.objectiveOf(b) - sets.objectiveOf(a) || b.npv - a.npv || sizeOf(a.mask) - sizeOf(b.mask) || compareNames(namesKey(a.mask), namesKey(b.mask));
    const finalists = Math.max(top, 32);
    const auto = options.method === undefined || options.method === "auto";
    const masks: number[] = [];
    if (options.method === "exhaustive" || options.method === "successive-halving" || (auto && pool.length <= limit)) {
      for (let mask = 0; mask < 2 ** pool.length; mask++) if (withinLimits(mask)) masks.push(mask);
    }
    const exact = options.method === "exhaustive" || (auto && pool.length <= limit && masks.length * samples <= EXACT_SET_SAMPLES);
    const halving = options.method === "successive-halving" || (auto && !exact && pool.length <= limit && masks.length <= HALVING_SETS);
    let search: SampledSearch;
    if (exact) search = exhaustiveSampled(sets, masks, order, within);
    else if (halving) search = successiveHalving(sets, masks, order, finalists, within);
    else {
      // The best by NPV at the medians, as greedy additions and local search find it, is one more start for the local search.
      const byMedians = greedyLocalSearch(
        pool.length,
        withinLimits,
        (mask) => evaluate(mask),
        (a, b) => compareSets(a, b, "npv") < 0,
      );
      search = beamSearch(sets, { candidates: pool.length, within: withinLimits, order, width: 8, finalists, seeds: [byMedians] });
    }
    const ranked = search.finalists.map((set) => {
      const { npvP50, probabilityPaysBack } = sets.summaryOf(set);
      return {
        capabilities: namesOf(set.mask, pool),
        objective: options.objective === "p50" ? npvP50 : probabilityPaysBack,
        npv: set.npv,
        paybackMonth: set.paybackMonth,
        npvP50,
        probabilityPaysBack,
        ...evaluator.costs(set.mask),
      } satisfies EvaluatedSet;
    });
    const draws = `${groupDigits(samples)} ${samples === 1 ? "draw" : "draws"} of the inputs (seed ${seed}), the same for every set`;
    return {
      ...common,
      method: search.proven ? "exhaustive" : "heuristic",
      methodDescription: `${search.description}; ${draws}`,
      proven: search.proven,
      strategy: search.strategy,
      howFound: search.proven
        ? `proven best on ${samples === 1 ? "this draw" : "these draws"} (exhaustive: every set${within} on ${allDraws(samples)})`
        : `found by ${search.strategy === "beam-search" ? "beam search and local search" : "successive halving"}, not proven best (the best of ${search.finalists.length} finalists run on ${allDraws(samples)})`,
      sampling: { samples, seed, commonRandomNumbers: true, setSamples: sets.setSamples, finalists: search.finalists.length },
      evaluated: sets.known.size,
      ...finish(ranked),
    };
  }

  const method = options.method === "exhaustive" || (options.method !== "heuristic" && pool.length <= limit) ? "exhaustive" : "heuristic";
  if (method === "exhaustive") {
    for (let mask = 0; mask < 2 ** pool.length; mask++) if (withinLimits(mask)) evaluate(mask);
  } else {
    greedyLocalSearch(pool.length, withinLimits, evaluate, (a, b) => compareSets(a, b, options.objective) < 0);
  }
  const ranked = [...cache.entries()]
    .filter(([mask]) => withinLimits(mask))
    .map(([, set]) => set)
    .sort((a, b) => compareSets(a, b, options.objective));
  return {
    ...common,
    method,
    methodDescription:
      method === "exhaustive"
        ? `every one of the ${groupDigits(2 ** pool.length)} sets of ${pool.length} ${pool.length === 1 ? "capability" : "capabilities"} was ${
            limited ? "checked against the limits" : "evaluated (no limits given)"
          }`
        : `heuristic (${pool.length} candidates is too many to try every set): greedy additions, then single additions, removals and swaps until nothing improved`,
    proven: method === "exhaustive",
    strategy: method === "exhaustive" ? "exhaustive" : "greedy-local-search",
    howFound:
      method === "exhaustive"
        ? `proven best (exhaustive: every set${within})`
        : "found by greedy additions and local search (single additions, removals and swaps), not proven best",
    evaluated: cache.size,
    ...finish(ranked),
  };
}

/**
 * Greedy additions (the capability that improves the objective most, while any does), then single
 * additions, removals and swaps until nothing improves. Returns the set it ends on.
 */
function greedyLocalSearch(
  candidates: number,
  within: (mask: number) => boolean,
  evaluate: (mask: number) => EvaluatedSet,
  better: (a: EvaluatedSet, b: EvaluatedSet) => boolean,
): number {
  let current = 0;
  evaluate(current);
  for (;;) {
    let next = current;
    for (let index = 0; index < candidates; index++) {
      const candidate = current | (1 << index);
      if (candidate === current || !within(candidate)) continue;
      if (better(evaluate(candidate), evaluate(next))) next = candidate;
    }
    if (next === current) break;
    current = next;
  }
  for (let improved = true; improved; ) {
    improved = false;
    const neighbours: number[] = [];
    for (let index = 0; index < candidates; index++) {
      neighbours.push(current ^ (1 << index));
      for (let other = 0; other < candidates; other++) {
        if ((current & (1 << index)) !== 0 && (current & (1 << other)) === 0) neighbours.push((current & ~(1 << index)) | (1 << other));
      }
    }
    for (const neighbour of neighbours) {
      if (!within(neighbour)) continue;
      if (better(evaluate(neighbour), evaluate(current))) {
        current = neighbour;
        improved = true;
      }
    }
  }
  return current;
}

/** The best set's picks in the order that adds the most NPV at each step; the marginals add up to its NPV. */
function adoptionOrder(evaluator: SetEvaluator, pool: readonly CompiledCapability[], bestMask: number): AdoptionStep[] {
  const steps: AdoptionStep[] = [];
  let current = 0;
  let currentNpv = evaluator.deterministic(0).npv;
  while (current !== bestMask) {
    let pick = -1;
    let pickNpv = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < pool.length; index++) {
      if ((bestMask & (1 << index)) === 0 || (current & (1 << index)) !== 0) continue;
      const npv = evaluator.deterministic(current | (1 << index)).npv;
      if (npv > pickNpv) {
        pick = index;
        pickNpv = npv;
      }
    }
    current |= 1 << pick;
    steps.push({
      capability: pool[pick]!.name,
      label: pool[pick]!.label,
      description: pool[pick]!.description,
      marginalNpv: pickNpv - currentNpv,
      cumulativeNpv: pickNpv,
    });
    currentNpv = pickNpv;
  }
  return steps;
}

/** Shapley values of the best set's NPV over its members (exact: every subset of the set). */
function shapley(evaluator: SetEvaluator, pool: readonly CompiledCapability[], bestMask: number): { capability: string; value: number }[] {
  const members = pool.map((_, index) => index).filter((index) => (bestMask & (1 << index)) !== 0);
  const count = members.length;
  const value = new Float64Array(1 << count);
  for (let subset = 0; subset < 1 << count; subset++) {
    let mask = 0;
    for (let bit = 0; bit < count; bit++) if (subset & (1 << bit)) mask |= 1 << members[bit]!;
    value[subset] = evaluator.deterministic(mask).npv;
  }
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  return members.map((member, bit) => {
    let total = 0;
    for (let subset = 0; subset < 1 << count; subset++) {
      if (subset & (1 << bit)) continue;
      let size = 0;
      for (let other = 0; other < count; other++) if (subset & (1 << other)) size++;
      const weight = (factorial(size) * factorial(count - size - 1)) / factorial(count);
      total += weight * (value[subset | (1 << bit)]! - value[subset]!);
    }
    return { capability: pool[member]!.name, value: total };
  });
}

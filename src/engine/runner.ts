import { createColumns, createScalars, type SimulationScalars } from "./model/columns.js";
import type { CompiledCase } from "./model/compiled.js";
import { fillParameters, fillChosenParameters, varyingParameters, type VaryingParameters } from "./model/compile.js";
import { PARAMETER_COUNT } from "./model/parameters.js";
import { schedulePlan, simulate, type CarriedBuild, type Comparison, type ComparisonFigures, type SimulationPlan } from "./simulate.js";

export type { ComparisonFigures } from "./simulate.js";

/**
 * Runs every scenario of a case into preallocated buffers and compares each alternative with the
 * baseline. One runner is reused for every Monte Carlo draw: `run(leafValues)` allocates nothing.
 * @example const runner = new CaseRunner(compiled); runner.run(compiled.leafValues); runner.figures[1]?.npv
 */
export class CaseRunner {
  readonly months: number;
  readonly baselineIndex: number;
  readonly parameters: Float64Array[];
  readonly columns: Float64Array[];
  readonly scalars: SimulationScalars[];
  /** Per scenario: monthly net benefit against the baseline (zero for the baseline itself). */
  readonly netBenefit: Float64Array[];
  /** Per scenario: cumulative net against the baseline at the end of each month, time 0 included. */
  readonly cumulativeNet: Float64Array[];
  readonly figures: ComparisonFigures[];
  private readonly plans: SimulationPlan[];
  private readonly comparisons: Comparison[];
  private varying: VaryingParameters[] | undefined;

  /** `repeatSettledMonths: false` works out every month in full (see `SimulationPlan`). */
  constructor(
    readonly compiled: CompiledCase,
    options: { repeatSettledMonths?: boolean } = {},
  ) {
    this.months = compiled.horizonMonths;
    this.baselineIndex = compiled.scenarios.findIndex((scenario) => scenario.name === compiled.baseline);
    const count = compiled.scenarios.length;
    this.plans = compiled.scenarios.map((scenario) =>
      schedulePlan(scenario.releaseMonths, this.months, scenario.releaseMode === "capacity", options.repeatSettledMonths ?? true),
    );
    this.parameters = Array.from({ length: count }, () => new Float64Array(PARAMETER_COUNT));
    this.columns = Array.from({ length: count }, () => createColumns(this.months));
    this.scalars = Array.from({ length: count }, createScalars);
    this.netBenefit = Array.from({ length: count }, () => new Float64Array(this.months));
    this.cumulativeNet = Array.from({ length: count }, () => new Float64Array(this.months));
    this.figures = Array.from({ length: count }, () => ({ npv: 0, roi: Number.NaN, paybackMonth: null, presentValueOfCosts: 0, timeZero: 0 }));
    const base = this.columns[this.baselineIndex]!;
    const baseScalars = this.scalars[this.baselineIndex]!;
    this.comparisons = this.figures.map((figures, index) => ({
      base,
      baseScalars,
      net: this.netBenefit[index]!,
      cumulative: this.cumulativeNet[index]!,
      figures,
      discounting: compiled.discounting ?? "monthly",
    }));
  }

  /**
   * The build work scenario `index` starts with in every later run (capacity mode; `CarriedBuild`):
   * for a plan resumed after a recorded month. `undefined` starts with none.
   */
  carryBuild(index: number, carried: CarriedBuild | undefined): void {
    this.plans[index]!.carried = carried;
  }

  /**
   * Simulates every scenario with the given leaf values and compares each with the baseline.
   * `detail: false` (the Monte Carlo, sensitivity) writes only live projects, the figures and
   * cumulative nets, and the baseline's money up to its settled month (after it, its licences and
   * net): the other columns are left stale.
   */
  run(leafValues: Float64Array, detail = true): void {
    const scenarios = this.compiled.scenarios;
    for (let index = 0; index < scenarios.length; index++) fillParameters(scenarios[index]!, leafValues, this.parameters[index]!);
    this.simulateAll(detail);
  }

  /**
   * `run(leafValues, false)` for every scenario but the baseline, whose last run stands: for
   * comparing many variants of the alternatives with one baseline whose inputs do not change (the
   * sets of capabilities of the adoption order and the optimiser). The baseline must have been run
   * (`run`) with these same values since the runner was made.
   */
  runAlternatives(leafValues: Float64Array): void {
    const scenarios = this.compiled.scenarios;
    const baselineIndex = this.baselineIndex;
    const baseline = this.parameters[baselineIndex]!;
    for (let index = 0; index < scenarios.length; index++) {
      if (index === baselineIndex) continue;
      fillParameters(scenarios[index]!, leafValues, this.parameters[index]!);
      simulate(this.parameters[index]!, this.plans[index]!, this.columns[index]!, this.scalars[index]!, false, baseline, this.comparisons[index]);
    }
  }

  /**
   * For runs that change only the ranges' leaves (the Monte Carlo): fills every parameter once from
   * `leafValues`; `runRanges` then refills only those the ranges feed.
   */
  prepareRanges(leafValues: Float64Array): void {
    const scenarios = this.compiled.scenarios;
    this.varying = scenarios.map((scenario) => varyingParameters(scenario, this.compiled.uncertainLeaves));
    for (let index = 0; index < scenarios.length; index++) fillParameters(scenarios[index]!, leafValues, this.parameters[index]!);
  }

  /** `run(leafValues, false)` after `prepareRanges`, when only the ranges' leaves have changed. */
  runRanges(leafValues: Float64Array): void {
    const scenarios = this.compiled.scenarios;
    const varying = this.varying;
    if (!varying) throw new Error("prepareRanges first");
    for (let index = 0; index < scenarios.length; index++) fillChosenParameters(scenarios[index]!, varying[index]!, leafValues, this.parameters[index]!);
    this.simulateAll(false);
  }

  private simulateAll(detail: boolean): void {
    // The baseline first (compared with itself: all zero), then each alternative against it. An
    // alternative works the baseline's way until its change is in place.
    const baselineIndex = this.baselineIndex;
    const baseline = this.parameters[baselineIndex]!;
    const scenarios = this.compiled.scenarios;
    simulate(
      baseline,
      this.plans[baselineIndex]!,
      this.columns[baselineIndex]!,
      this.scalars[baselineIndex]!,
      detail,
      undefined,
      this.comparisons[baselineIndex],
    );
    for (let index = 0; index < scenarios.length; index++) {
      if (index === baselineIndex) continue;
      simulate(this.parameters[index]!, this.plans[index]!, this.columns[index]!, this.scalars[index]!, detail, baseline, this.comparisons[index]);
    }
  }
}

import { cashCostFields as importedCashCostFields, createColumns, createScalars, F as importedF, MONTHLY_FIELD_COUNT, type SimulationScalars } from "./model/columns.js";
import type { CompiledCase } from "./model/compiled.js";
import { fillParameters } from "./model/compile.js";
import { P as importedP, PARAMETER_COUNT } from "./model/parameters.js";
import { monthlyDiscountFactor, paybackMonth } from "./finance.js";
import { schedulePlan, simulate, type SimulationPlan } from "./simulate.js";

// Module-local copies: imported bindings can be getters under some loaders, too slow for the hot loop.
const F = importedF;
const P = importedP;
const FIELDS = MONTHLY_FIELD_COUNT;
// The cash cost fields are adjacent, from overloadCost to externalSpend.
const CASH_FIELDS = importedCashCostFields.length;
if (CASH_FIELDS !== 9 || importedCashCostFields.some((field, index) => field !== importedF.overloadCost + index)) {
  throw new Error("the nine cash cost fields must be adjacent");
}

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

  constructor(readonly compiled: CompiledCase) {
    this.months = compiled.horizonMonths;
    this.baselineIndex = compiled.scenarios.findIndex((scenario) => scenario.name === compiled.baseline);
    const count = compiled.scenarios.length;
    this.plans = compiled.scenarios.map((scenario) => schedulePlan(scenario.releaseMonths, this.months, scenario.releaseMode === "capacity"));
    this.parameters = Array.from({ length: count }, () => new Float64Array(PARAMETER_COUNT));
    this.columns = Array.from({ length: count }, () => createColumns(this.months));
    this.scalars = Array.from({ length: count }, createScalars);
    this.netBenefit = Array.from({ length: count }, () => new Float64Array(this.months));
    this.cumulativeNet = Array.from({ length: count }, () => new Float64Array(this.months));
    this.figures = Array.from({ length: count }, () => ({ npv: 0, roi: Number.NaN, paybackMonth: null, presentValueOfCosts: 0, timeZero: 0 }));
  }

  /**
   * Simulates every scenario with the given leaf values and compares each with the baseline.
   * `detail: false` (the Monte Carlo) leaves the hour columns other than the change's unwritten.
   */
  run(leafValues: Float64Array, detail = true): void {
    const scenarios = this.compiled.scenarios;
    for (let index = 0; index < scenarios.length; index++) fillParameters(scenarios[index]!, leafValues, this.parameters[index]!);
    // An alternative works the baseline's way until its change is in place.
    const baseline = this.parameters[this.baselineIndex]!;
    for (let index = 0; index < scenarios.length; index++) {
      const before = index === this.baselineIndex ? undefined : baseline;
      simulate(this.parameters[index]!, this.plans[index]!, this.columns[index]!, this.scalars[index]!, detail, before);
    }
    for (let index = 0; index < scenarios.length; index++) this.compare(index);
  }

  private compare(index: number): void {
    const months = this.months;
    const base = this.columns[this.baselineIndex]!;
    const alternative = this.columns[index]!;
    const parameters = this.parameters[index]!;
    const rate = this.scalars[index]!.hourlyCost;
    const net = this.netBenefit[index]!;
    const cumulative = this.cumulativeNet[index]!;
    const figures = this.figures[index]!;
    const factor = monthlyDiscountFactor(parameters[P.discountRate]!);

    const timeZero = this.scalars[this.baselineIndex]!.initialInvestment - this.scalars[index]!.initialInvestment;
    let costs = timeZero < 0 ? -timeZero : 0;
    let npv = timeZero;
    let running = timeZero;
    let discount = 1;
    const first = F.overloadCost;
    for (let at = 0, row = 0; at < months; at++, row += FIELDS) {
      discount *= factor;
      const benefit = alternative[row + F.net]! - base[row + F.net]!;
      net[at] = benefit;
      running += benefit;
      cumulative[at] = running;
      npv += benefit * discount;
      // The alternative's costs: cash lines that rise, and team hours diverted into the change.
      let extra = 0;
      // Unrolled over the nine adjacent cash fields (checked at load): this is the Monte Carlo's hottest line.
      const o = row + first;
      const c0 = alternative[o]! - base[o]!;
      const c1 = alternative[o + 1]! - base[o + 1]!;
      const c2 = alternative[o + 2]! - base[o + 2]!;
      const c3 = alternative[o + 3]! - base[o + 3]!;
      const c4 = alternative[o + 4]! - base[o + 4]!;
      const c5 = alternative[o + 5]! - base[o + 5]!;
      const c6 = alternative[o + 6]! - base[o + 6]!;
      const c7 = alternative[o + 7]! - base[o + 7]!;
      const c8 = alternative[o + 8]! - base[o + 8]!;
      extra += (c0 > 0 ? c0 : 0) + (c1 > 0 ? c1 : 0) + (c2 > 0 ? c2 : 0) + (c3 > 0 ? c3 : 0) + (c4 > 0 ? c4 : 0);
      extra += (c5 > 0 ? c5 : 0) + (c6 > 0 ? c6 : 0) + (c7 > 0 ? c7 : 0) + (c8 > 0 ? c8 : 0);
      const changeHours =
        alternative[row + F.setupHours]! + alternative[row + F.learningHours]! + alternative[row + F.adoptionDipHours]! -
        (base[row + F.setupHours]! + base[row + F.learningHours]! + base[row + F.adoptionDipHours]!);
      if (changeHours > 0) extra += changeHours * rate;
      costs += extra * discount;
    }
    figures.npv = npv;
    figures.presentValueOfCosts = costs;
    figures.roi = costs > 1e-9 ? npv / costs : Number.NaN;
    figures.paybackMonth = paybackMonth(timeZero, cumulative);
    figures.timeZero = timeZero;
  }
}

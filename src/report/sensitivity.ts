import { CaseRunner, type CompiledCase } from "../engine/index.js";
import { describeInput } from "./input-labels.js";

/**
 * "What if this input were 20% lower or higher?" — the deterministic stand-in for the tornado
 * while inputs are single estimates. Each input of the file moves alone; everything else stays.
 */

/** Whole months and project counts: 20% of "month 3" is not a meaningful change, so they stay put. */
const wholeNumberFields = new Set(["change.startMonth", "change.setupMonths", "change.adoptionDipMonths", "projects.alreadyLive", "releases.backlog"]);

export interface InputSwing {
  /** The input's path in the file, as in `CaseResult.assumptions[].input`. */
  input: string;
  value: number;
  lowValue: number;
  highValue: number;
  /** The alternative's NPV with the input at `lowValue` and at `highValue`. */
  npvLow: number;
  npvHigh: number;
  /** |npvHigh − npvLow|, the ranking key. */
  swing: number;
}

export interface OneAtATimeSensitivity {
  alternative: string;
  /** The relative change tried in each direction (0.2 = 20%). */
  change: number;
  baseNpv: number;
  /** Inputs that move the NPV, largest swing first. */
  swings: InputSwing[];
}

function bounded(field: string, unit: string, value: number): number {
  if (unit === "share" || unit === "rate") return Math.min(1, Math.max(0, value));
  if (field === "team.salary.benefitsMultiplier") return Math.max(1, value);
  return Math.max(0, value);
}

/**
 * Re-runs the case with each input 20% lower and 20% higher, alone, and ranks the inputs by how
 * far they move the alternative's net present value.
 * @example oneAtATimeSensitivity(compiled, "optimal").swings[0]?.input // "defaults.projects.upkeepHoursPerMonth"
 */
export function oneAtATimeSensitivity(compiled: CompiledCase, alternative: string, change = 0.2): OneAtATimeSensitivity {
  const index = compiled.scenarios.findIndex((scenario) => scenario.name === alternative);
  if (index < 0) throw new Error(`no scenario named ${alternative}`);
  const runner = new CaseRunner(compiled);
  const values = Float64Array.from(compiled.leafValues);
  runner.run(values);
  const baseNpv = runner.figures[index]!.npv;
  const npvWith = (leaf: number, value: number): number => {
    values[leaf] = value;
    runner.run(values);
    values[leaf] = compiled.leafValues[leaf]!;
    return runner.figures[index]!.npv;
  };
  const swings: InputSwing[] = [];
  compiled.leaves.forEach((leaf, at) => {
    const { field, unit } = describeInput(leaf.name);
    const value = compiled.leafValues[at]!;
    if (value === 0 || wholeNumberFields.has(field)) return;
    const lowValue = bounded(field, unit, value * (1 - change));
    const highValue = bounded(field, unit, value * (1 + change));
    const npvLow = npvWith(at, lowValue);
    const npvHigh = npvWith(at, highValue);
    const swing = Math.abs(npvHigh - npvLow);
    if (Number.isFinite(swing) && swing > 1e-6 * Math.max(1, Math.abs(baseNpv))) {
      swings.push({ input: leaf.name, value, lowValue, highValue, npvLow, npvHigh, swing });
    }
  });
  swings.sort((a, b) => b.swing - a.swing);
  return { alternative, change, baseNpv, swings };
}

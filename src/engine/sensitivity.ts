import { clampToKind, leafQuantile } from "./draws.js";
import { quantityKind } from "./scenario/quantity.js";
import type { CompiledCase } from "./model/compiled.js";
import { CaseRunner } from "./runner.js";
import { sobolIndices, sampleInto, type Distribution } from "./uncertainty/index.js";
import { compareNames } from "./compare-names.js";

export interface TornadoBar {
  /** Path of the input in the scenario file. */
  input: string;
  /** The input's 5th and 95th percentiles. */
  inputLow: number;
  inputHigh: number;
  /** NPV with the input at its 5th and at its 95th percentile, every other input at its median. */
  low: number;
  high: number;
  /** |high − low|: how far this input alone moves the NPV. */
  swing: number;
}

export interface SobolResult {
  input: string;
  first: number;
  total: number;
  firstInterval: [number, number];
  totalInterval: [number, number];
}

/** Inputs the file correlates: the tornado and Sobol indices treat them as independent, so they are named together. */
export interface CorrelatedGroup {
  /** The inputs' paths, in file order. */
  inputs: string[];
  /** The declared rank correlations between them. */
  correlations: { between: [string, string]; rank: number }[];
}

/**
 * The groups of inputs linked by the file's correlations, by name: one-at-a-time and Sobol
 * sensitivity assume independent inputs, so a view names these beside its ranking.
 * @example correlatedGroups(compiled)[0]?.inputs // ["scenarios.optimal.projects.upkeepHoursPerMonth", ...]
 */
export function correlatedGroups(compiled: CompiledCase): CorrelatedGroup[] {
  const name = (leaf: number) => compiled.leaves[leaf]!.name;
  return compiled.correlationGroups.map((group) => ({
    inputs: group.map(name),
    correlations: compiled.correlations
      .filter((correlation) => correlation.rank !== 0 && group.includes(correlation.leaves[0]))
      .map((correlation) => ({ between: [name(correlation.leaves[0]), name(correlation.leaves[1])] as [string, string], rank: correlation.rank })),
  }));
}

/** The alternative sensitivity is about: the one named, else the one with the highest NPV at the medians. */
export function chooseAlternative(compiled: CompiledCase, name?: string): number {
  const runner = new CaseRunner(compiled);
  if (name !== undefined) {
    const index = compiled.scenarios.findIndex((scenario) => scenario.name === name);
    if (index < 0 || index === runner.baselineIndex) throw new RangeError(`"${name}" is not an alternative of this case`);
    return index;
  }
  runner.run(compiled.leafValues, false);
  let best = -1;
  compiled.scenarios.forEach((_, index) => {
    if (index === runner.baselineIndex) return;
    if (best < 0 || runner.figures[index]!.npv > runner.figures[best]!.npv) best = index;
  });
  if (best < 0) throw new RangeError("the case has no alternative to the baseline");
  return best;
}

/**
 * One-at-a-time sensitivity: each range at its 5th and 95th percentile with every other input at its
 * median, ranked by how far it moves the alternative's NPV.
 * @example tornado(compiled, 1)[0]?.input // "defaults.projects.valuePerMonth"
 */
export function tornado(compiled: CompiledCase, alternative: number): TornadoBar[] {
  const runner = new CaseRunner(compiled);
  const values = Float64Array.from(compiled.leafValues);
  const npvAt = (leaf: number, value: number) => {
    const saved = values[leaf]!;
    values[leaf] = value;
    runner.run(values, false);
    values[leaf] = saved;
    return runner.figures[alternative]!.npv;
  };
  const bars = compiled.uncertainLeaves.map((leafIndex) => {
    const leaf = compiled.leaves[leafIndex]!;
    const inputLow = leafQuantile(leaf, 0.05);
    const inputHigh = leafQuantile(leaf, 0.95);
    const low = npvAt(leafIndex, inputLow);
    const high = npvAt(leafIndex, inputHigh);
    return { input: leaf.name, inputLow, inputHigh, low, high, swing: Math.abs(high - low) };
  });
  return bars.sort((a, b) => b.swing - a.swing || compareNames(a.input, b.input));
}

/**
 * Global sensitivity of the alternative's NPV: Sobol first-order and total indices (Saltelli 2010 /
 * Jansen) with bootstrap intervals, from N·(D+2) runs of the case. N must be a power of two.
 */
export function sobol(compiled: CompiledCase, alternative: number, options: { baseSamples: number; seed: number; bootstrap?: number }): SobolResult[] {
  const uncertain = compiled.uncertainLeaves;
  if (uncertain.length === 0) return [];
  // The alternative's NPV against the baseline needs only those two scenarios: each is simulated
  // on its own and compared with the baseline, so leaving the others out changes no figure.
  const chosen = compiled.scenarios[alternative];
  const scenarios = compiled.scenarios.filter((scenario) => scenario === chosen || scenario.name === compiled.baseline);
  const runner = new CaseRunner({ ...compiled, scenarios });
  const figures = chosen ? runner.figures[scenarios.indexOf(chosen)] : undefined;
  const values = Float64Array.from(compiled.leafValues);
  // Only the ranges change from row to row: each run refills just the parameters they feed.
  runner.prepareRanges(values);
  const indices = sobolIndices(
    uncertain.length,
    (j, uniforms, out) => {
      const leaf = compiled.leaves[uncertain[j]!]!;
      sampleInto(leaf.distribution as Distribution, uniforms, out);
      clampToKind(leaf, out);
    },
    (columns, out) => {
      for (let row = 0; row < out.length; row++) {
        for (let j = 0; j < uncertain.length; j++) values[uncertain[j]!] = columns[j]![row]!;
        runner.runRanges(values);
        out[row] = figures!.npv;
      }
    },
    { baseSamples: options.baseSamples, seed: options.seed, ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}) },
  );
  return indices
    .map((index, j) => ({ input: compiled.leaves[uncertain[j]!]!.name, ...index }))
    .sort((a, b) => b.total - a.total || compareNames(a.input, b.input));
}

/** One input moved alone, in `oneAtATimeSensitivity`. */
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

/**
 * "What if this input were 20% lower or higher?" — the ranking of what moves the result while the
 * inputs are single estimates (with ranges, the tornado above). Each input with a value other than
 * 0 moves alone, kept within what it allows (a share stays within 0–1, the benefits multiplier at
 * least 1); whole numbers (months, counts of projects) stay put, since 20% of "month 3" is not a
 * meaningful change. Inputs whose swing is below a millionth of the NPV (at least 1) are left out.
 * @example oneAtATimeSensitivity(compiled, "optimal").swings[0]?.input // "defaults.projects.upkeepHoursPerMonth"
 */
/**
 * Whether an input moves the NPV at all: a swing within a millionth of the NPV (at least of 1) is the
 * residue of floating point, no effect. The rankings leave such an input out; views draw no bar for it.
 * @example movesNpv(4109.000000001, 4109, 4109) // false
 */
export function movesNpv(low: number, high: number, baseNpv: number): boolean {
  const swing = Math.abs(high - low);
  return Number.isFinite(swing) && swing > 1e-6 * Math.max(1, Math.abs(baseNpv));
}

export function oneAtATimeSensitivity(compiled: CompiledCase, alternative: string, change = 0.2): OneAtATimeSensitivity {
  const index = compiled.scenarios.findIndex((scenario) => scenario.name === alternative);
  if (index < 0) throw new RangeError(`no scenario named ${alternative}`);
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
  const within = (leaf: number, value: number): number => {
    const column = Float64Array.of(value);
    clampToKind(compiled.leaves[leaf]!, column);
    return column[0]!;
  };
  const swings: InputSwing[] = [];
  compiled.leaves.forEach((leaf, at) => {
    const value = compiled.leafValues[at]!;
    if (value === 0 || quantityKind(leaf.kind).integer) return;
    const lowValue = within(at, value * (1 - change));
    const highValue = within(at, value * (1 + change));
    const npvLow = npvWith(at, lowValue);
    const npvHigh = npvWith(at, highValue);
    const swing = Math.abs(npvHigh - npvLow);
    if (movesNpv(npvLow, npvHigh, baseNpv)) {
      swings.push({ input: leaf.name, value, lowValue, highValue, npvLow, npvHigh, swing });
    }
  });
  swings.sort((a, b) => b.swing - a.swing || compareNames(a.input, b.input));
  return { alternative, change, baseNpv, swings };
}

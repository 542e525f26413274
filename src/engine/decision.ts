import type { CompiledCase } from "./model/compiled.js";
import { decisionOutcome, deriveSeed, levelTolerance, partialValues } from "./uncertainty/index.js";
import { compareNames } from "./compare-names.js";

/** One option of the decision, "stay as today" included. */
export interface DecisionOption {
  scenario: string;
  label: string;
  /** Share of the samples in which this option has the highest NPV (ties shared equally); they add up to 1. */
  probabilityBest: number;
  /** Share of the samples in which it alone has the highest NPV (no other option level with it). */
  probabilityBestAlone: number;
  /**
   * Share of the samples in which it is level at the top with at least one other option (each such
   * sample counted whole): `probabilityBest` counts it 1 ÷ the number level there, which reads as a coin toss.
   */
  probabilityBestLevel: number;
  /** Mean NPV over the samples, against today (today's is 0). */
  expectedNpv: number;
  /** Mean of (the best option's NPV − this option's NPV) over the samples: what choosing it loses on average. */
  expectedLoss: number;
}

/** What knowing some inputs exactly before deciding would be worth (EVPPI). */
export interface InformationValue {
  /** The inputs' paths in the scenario file; more than one for a group. */
  inputs: string[];
  /** In the case's currency: at most `evpi`. */
  value: number;
  /** `value` ÷ `evpi` (0 when the EVPI is 0). */
  shareOfEvpi: number;
  /** Above the noise level: measurably worth something. */
  aboveNoise: boolean;
  /** Why it is a group, when it is one: "correlated" (declared correlations) or "asked" (named by the user). */
  group?: "correlated" | "asked";
}

/** The decision under uncertainty: which option is best how often, and what finding out more is worth. */
export interface DecisionAnalysis {
  samples: number;
  /** Every option, today included, in the file's order. */
  options: DecisionOption[];
  /** The option with the highest expected NPV. */
  best: string;
  /** Expected value of perfect information: E[max over options of NPV] − max over options of E[NPV]. */
  evpi: number;
  /**
   * `chanceAbove[a][b]`: the share of samples in which option a's NPV is above option b's (equal NPVs
   * count half), by scenario name; a pair's two chances add up to 1. How often one option beats another.
   */
  chanceAbove: Record<string, Record<string, number>>;
  /**
   * `chanceLevel[a][b]`: the share of samples in which options a and b have equal NPVs (the ties that
   * `chanceAbove` counts half), by scenario name; the same both ways. a comes out strictly ahead of b
   * in `chanceAbove[a][b] − chanceLevel[a][b] ÷ 2` of the samples.
   */
  chanceLevel: Record<string, Record<string, number>>;
  /** The share of samples in which two or more options are level at the top (share the best NPV). */
  chanceBestLevel: number;
  /** Per uncertain input, then per group, highest value first. */
  evppi: InformationValue[];
  /** What an input that carries no information scores by chance (the highest of 20 random groupings): values at or below it read as zero. */
  noiseLevel: number;
  /** How the EVPPI was estimated, in a sentence. */
  method: string;
  /**
   * Every option whose expected NPV is level with `best`'s (within `levelTolerance`), `best` first, then
   * in the file's order: more than one when options are tied for best on average, and each is then
   * marked alike (docs/commands.md, `voi`), not `best` alone as a winner.
   */
  bestOnAverage: string[];
}

export const EVPPI_METHOD =
  "Strong and Oakley's single-parameter method: the samples are grouped by the input's value into bins of about √N samples, the best option is taken in each bin; a group of inputs uses a grid of their quantiles with about √N cells";

/**
 * The decision analysis of a Monte Carlo's samples: `npv[scenario][sample]` (the baseline's entry
 * is ignored: its NPV against itself is 0) and `inputs[input][sample]`, the draws of the uncertain
 * inputs in the order of `compiled.uncertainLeaves`.
 * @example analyseDecision(compiled, mc.npv, inputs, 10_000, [], 1).evpi
 */
export function analyseDecision(
  compiled: CompiledCase,
  npv: readonly Float64Array[],
  inputs: readonly (Float64Array | Float32Array)[],
  count: number,
  groups: readonly { inputs: readonly number[]; why: "correlated" | "asked" }[],
  seed: number,
): DecisionAnalysis {
  /** A matrix over the options (row a, column b) by scenario name, without an option against itself. */
  const byPair = (matrix: readonly (readonly number[])[]) =>
    Object.fromEntries(
      compiled.scenarios.map((a, i) => [a.name, Object.fromEntries(compiled.scenarios.flatMap((b, j) => (i === j ? [] : [[b.name, matrix[i]![j]!]])))]),
    );
  const baselineIndex = compiled.scenarios.findIndex((scenario) => scenario.name === compiled.baseline);
  const values = compiled.scenarios.map((_, index) => (index === baselineIndex ? new Float64Array(count) : npv[index]!));
  const outcome = decisionOutcome(values, count);
  const names = compiled.uncertainLeaves.map((leaf) => compiled.leaves[leaf]!.name);
  const partial = partialValues(
    values,
    count,
    inputs,
    groups.map((group) => group.inputs),
    deriveSeed(seed, -1),
  );
  const whyOf = new Map(groups.map((group) => [group.inputs.join(","), group.why]));
  const evppi: InformationValue[] = partial.values
    .map((entry) => {
      const why = entry.inputs.length > 1 ? whyOf.get(entry.inputs.join(",")) : undefined;
      return {
        inputs: entry.inputs.map((input) => names[input]!),
        value: entry.value,
        shareOfEvpi: outcome.evpi > 0 ? Math.min(1, entry.value / outcome.evpi) : 0,
        aboveNoise: entry.value > partial.noiseLevel,
        ...(why ? { group: why } : {}),
      };
    })
    .sort((a, b) => b.value - a.value || compareNames(a.inputs.join(), b.inputs.join()));
  return {
    samples: count,
    options: compiled.scenarios.map((scenario, index) => ({
      scenario: scenario.name,
      label: scenario.label,
      probabilityBest: outcome.options[index]!.probabilityBest,
      probabilityBestAlone: outcome.options[index]!.probabilityBestAlone,
      probabilityBestLevel: outcome.options[index]!.probabilityBestLevel,
      expectedNpv: outcome.options[index]!.expectedValue,
      expectedLoss: outcome.options[index]!.expectedLoss,
    })),
    best: compiled.scenarios[outcome.best]!.name,
    evpi: outcome.evpi,
    chanceAbove: byPair(outcome.above),
    chanceLevel: byPair(outcome.level),
    chanceBestLevel: outcome.bestLevel,
    evppi,
    noiseLevel: partial.noiseLevel,
    method: EVPPI_METHOD,
    bestOnAverage: levelOnAverage(compiled, outcome),
  };
}

/** The options whose expected NPV is level with the best's (`levelTolerance`), the best first, then in the file's order. */
function levelOnAverage(compiled: CompiledCase, outcome: { best: number; options: readonly { expectedValue: number }[] }): string[] {
  const top = outcome.options[outcome.best]!.expectedValue;
  const level = compiled.scenarios.filter(
    (_, index) => index !== outcome.best && top - outcome.options[index]!.expectedValue <= levelTolerance(top, outcome.options[index]!.expectedValue),
  );
  return [compiled.scenarios[outcome.best]!.name, ...level.map((scenario) => scenario.name)];
}

import type { CompiledCase } from "./model/compiled.js";
import { decisionOutcome, deriveSeed, levelTolerance, partialValues } from "./uncertainty/index.js";
import { compareNames } from "./compare-names.js";

/** One option of the decision, "stay as today" included. */
export interface DecisionOption {
  scenario: string;
  label: string;
  /** Share of the samples in which this option has the highest NPV (ties shared equally); they add up to 1 (0 for an option that `changesNothing`). */
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
  /**
   * It changes nothing against the baseline in every sample (its NPV and its cumulative net are zero in
   * each: `changesNothing`): it is staying as today under another name, not a choice of its own, as it is
   * no rival in a close call (`rivals`). The decision weighs it as today, once (`optionsWeighed`): its
   * `probabilityBest`, `probabilityBestAlone` and `probabilityBestLevel` are 0, no tie at the top is
   * counted with it, and it is never `best` nor in `bestOnAverage`; its `expectedNpv` and `expectedLoss`
   * are today's (what choosing it would gain and lose).
   */
  changesNothing: boolean;
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
  /** Every option, today included, in the file's order; those that change nothing flagged (`DecisionOption.changesNothing`). */
  options: DecisionOption[];
  /** The option with the highest expected NPV (never one that changes nothing: of equal ones, the first in the file). */
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
  /** The share of samples in which two or more options are level at the top (share the best NPV); an option that changes nothing is not one of them. */
  chanceBestLevel: number;
  /** Per uncertain input, then per group, highest value first. */
  evppi: InformationValue[];
  /** What an input that carries no information scores by chance (the highest of 20 random groupings): values at or below it read as zero. */
  noiseLevel: number;
  /** How the EVPPI was estimated, in a sentence. */
  method: string;
  /**
   * Every option whose expected NPV is level with `best`'s (within `levelTolerance`), `best` first, then
   * in the file's order, but none that changes nothing (it is today, not an option level with it): more than one when options are tied for best on average, and each is then
   * marked alike (docs/commands.md, `voi`), not `best` alone as a winner.
   */
  bestOnAverage: string[];
}

export const EVPPI_METHOD =
  "Strong and Oakley's single-parameter method: the samples are grouped by the input's value into bins of about √N samples, the best option is taken in each bin; a group of inputs uses a grid of their quantiles with about √N cells";

/**
 * The decision analysis of a Monte Carlo's samples: `npv[scenario][sample]` (the baseline's entry
 * is ignored: its NPV against itself is 0) and `inputs[input][sample]`, the draws of the uncertain
 * inputs in the order of `compiled.uncertainLeaves`. `unchanged[scenario]`: whether that option
 * changes nothing against the baseline in every sample (`DecisionOption.changesNothing`): such an option
 * is weighed as today, once, not as an option of its own.
 * @example analyseDecision(compiled, mc.npv, inputs, 10_000, [], 1).evpi
 */
export function analyseDecision(
  compiled: CompiledCase,
  npv: readonly Float64Array[],
  inputs: readonly (Float64Array | Float32Array)[],
  count: number,
  groups: readonly { inputs: readonly number[]; why: "correlated" | "asked" }[],
  seed: number,
  unchanged: readonly boolean[] = [],
): DecisionAnalysis {
  /** A matrix over the options (row a, column b) by scenario name, without an option against itself. */
  const byPair = (matrix: readonly (readonly number[])[]) =>
    Object.fromEntries(
      compiled.scenarios.map((a, i) => [a.name, Object.fromEntries(compiled.scenarios.flatMap((b, j) => (i === j ? [] : [[b.name, matrix[i]![j]!]])))]),
    );
  const baselineIndex = compiled.scenarios.findIndex((scenario) => scenario.name === compiled.baseline);
  const values = compiled.scenarios.map((_, index) => (index === baselineIndex ? new Float64Array(count) : npv[index]!));
  // The options weighed: today and every option that changes something. One that changes nothing is
  // today again: counted too, it would share today's samples as a tie at the top, a choice it is not.
  const weighed = compiled.scenarios.flatMap((_, index) => (index === baselineIndex || unchanged[index] !== true ? [index] : []));
  const outcome = decisionOutcome(
    weighed.map((index) => values[index]!),
    count,
  );
  // How often one option comes out ahead of another stays a fact of every pair, that option included.
  const pairs = weighed.length === values.length ? outcome : decisionOutcome(values, count);
  const meanOfBest = outcome.options[outcome.best]!.expectedValue + outcome.evpi;
  const names = compiled.uncertainLeaves.map((leaf) => compiled.leaves[leaf]!.name);
  const partial = partialValues(
    weighed.map((index) => values[index]!),
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
    options: compiled.scenarios.map((scenario, index) => {
      const at = weighed.indexOf(index);
      if (at >= 0) {
        const option = outcome.options[at]!;
        return {
          scenario: scenario.name,
          label: scenario.label,
          probabilityBest: option.probabilityBest,
          probabilityBestAlone: option.probabilityBestAlone,
          probabilityBestLevel: option.probabilityBestLevel,
          expectedNpv: option.expectedValue,
          expectedLoss: option.expectedLoss,
          changesNothing: false,
        };
      }
      const expectedNpv = pairs.options[index]!.expectedValue;
      return {
        scenario: scenario.name,
        label: scenario.label,
        probabilityBest: 0,
        probabilityBestAlone: 0,
        probabilityBestLevel: 0,
        expectedNpv,
        expectedLoss: Math.max(0, meanOfBest - expectedNpv),
        changesNothing: true,
      };
    }),
    best: compiled.scenarios[weighed[outcome.best]!]!.name,
    evpi: outcome.evpi,
    chanceAbove: byPair(pairs.above),
    chanceLevel: byPair(pairs.level),
    chanceBestLevel: outcome.bestLevel,
    evppi,
    noiseLevel: partial.noiseLevel,
    method: EVPPI_METHOD,
    bestOnAverage: levelOnAverage(
      weighed.map((index) => compiled.scenarios[index]!.name),
      outcome,
    ),
  };
}

/**
 * The options a decision weighs (`DecisionOption.changesNothing`): every one, today included, but those
 * that change nothing against the baseline, which are today again. Their chances of being best add up to
 * 1; the views say the chances of these alone, and of an option that changes nothing that it does.
 * @example optionsWeighed(decision.options).map((option) => option.scenario) // ["current", "compromise"], without "same"
 */
export function optionsWeighed<Option extends { readonly changesNothing?: boolean }>(options: readonly Option[]): Option[] {
  return options.filter((option) => option.changesNothing !== true);
}

/**
 * Whether the decision has nothing to choose between: every option but today changes nothing against it
 * (`DecisionOption.changesNothing`), so today is the one choice weighed, best in every sample by
 * construction, not by what the samples show. `run`, `voi`, the report and the web app then say so
 * instead of a chance of being best.
 * @example nothingToChoose({ options: [today, { ...same, changesNothing: true }] }) // true
 */
export function nothingToChoose(decision: { readonly options: readonly { readonly changesNothing?: boolean }[] }): boolean {
  return optionsWeighed(decision.options).length < 2;
}

/** The options whose expected NPV is level with the best's (`levelTolerance`), the best first, then in the file's order: of `names`, the options weighed. */
function levelOnAverage(names: readonly string[], outcome: { best: number; options: readonly { expectedValue: number }[] }): string[] {
  const top = outcome.options[outcome.best]!.expectedValue;
  const level = names.filter(
    (_, index) => index !== outcome.best && top - outcome.options[index]!.expectedValue <= levelTolerance(top, outcome.options[index]!.expectedValue),
  );
  return [names[outcome.best]!, ...level];
}

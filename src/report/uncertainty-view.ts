import type { AlternativeDistribution, Band, CaseResult } from "../engine/index.js";

/**
 * What the report shows about ranges (docs/numbers.md, "Uncertainty"). A Monte Carlo run fills `distribution` and
 * `cumulativeBand`; the one-at-a-time tornado fills `tornado`. Without any of it the report says
 * plainly that the figures are single estimates and works out its own "what if 20% lower or
 * higher" sensitivity (see `sensitivity.ts`).
 */

export type { AlternativeDistribution, Band as CumulativeBand } from "../engine/index.js";

/** One bar of the tornado: the alternative's NPV with one input at the low and the high end of its range. */
export interface TornadoEntry {
  /** The input's path in the scenario file, as in `CaseResult.assumptions[].input`. */
  input: string;
  low: number;
  high: number;
  /** |high − low|: the ranking key. */
  swing: number;
}

export interface UncertaintyView {
  /** How many draws the figures come from (0 when nothing was sampled), and the seed that reproduces them. */
  samples: number;
  seed: number;
  /** By alternative name: percentiles and chances from the Monte Carlo. */
  distribution: Record<string, AlternativeDistribution>;
  /** By alternative name: P5/P50/P95 of the cumulative net at the end of each month. */
  cumulativeBand: Record<string, Band>;
  /** By alternative name, largest swing first: each range at its 5th and 95th percentile, every other range at its middle. */
  tornado: Record<string, TornadoEntry[]>;
}

/**
 * Reads the ranges the engine attached to a result (`withUncertainty`): each comparison's
 * `distribution` and `cumulativeNetBand`, and the run's samples and seed. Returns undefined for a
 * result of single estimates.
 * @example uncertaintyFromResult(withUncertainty(result, monteCarlo.summarise()))?.distribution.optimal?.probabilityPaysBack
 */
export function uncertaintyFromResult(result: CaseResult): UncertaintyView | undefined {
  const view: UncertaintyView = {
    samples: result.uncertainty?.samples ?? 0,
    seed: result.uncertainty?.seed ?? 0,
    distribution: {},
    cumulativeBand: {},
    tornado: {},
  };
  for (const [name, comparison] of Object.entries(result.comparisons)) {
    if (comparison.distribution) view.distribution[name] = comparison.distribution;
    if (comparison.cumulativeNetBand) view.cumulativeBand[name] = comparison.cumulativeNetBand;
  }
  return Object.keys(view.distribution).length > 0 ? view : undefined;
}

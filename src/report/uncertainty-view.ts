import type { CaseResult } from "../engine/index.js";

/**
 * What the report shows about ranges, once inputs can be ranges (BRIEF §6). The Monte Carlo run
 * fills it; without it the report says plainly that the figures are single estimates and works
 * out its own "what if 20% lower or higher" sensitivity (see `sensitivity.ts`).
 */

/** Percentiles of one figure across the draws. */
export interface Percentiles {
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

/** Percentiles where a draw may have no value (the case never pays back within the horizon). */
export interface PaybackPercentiles {
  p5: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
}

export interface AlternativeDistribution {
  npv: Percentiles;
  roi: Percentiles;
  paybackMonth: PaybackPercentiles;
  /** Share of draws in which the alternative pays back within the horizon (0–1). */
  probabilityPaysBack: number;
  /** Share of draws with a positive net present value (0–1). */
  probabilityNpvPositive: number;
}

/** The cumulative net against the baseline by month; index 0 is the end of month 1, like `cumulativeNet`. */
export interface CumulativeBand {
  p5: number[];
  p50: number[];
  p95: number[];
}

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
  /** How many draws the figures come from, and the seed that reproduces them. */
  samples: number;
  seed: number;
  /** By alternative name. */
  distribution: Record<string, AlternativeDistribution>;
  cumulativeBand: Record<string, CumulativeBand>;
  /** By alternative name; entries ranked by swing, largest first. Inputs at their 5th and 95th percentiles. */
  tornado: Record<string, TornadoEntry[]>;
}

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPercentiles(value: unknown): boolean {
  return isRecord(value) && ["p5", "p50", "p95"].every((key) => typeof value[key] === "number" || value[key] === null);
}

function asDistribution(value: unknown): AlternativeDistribution | undefined {
  if (!isRecord(value) || !isPercentiles(value.npv) || typeof value.probabilityPaysBack !== "number") return undefined;
  return value as unknown as AlternativeDistribution;
}

function asBand(value: unknown): CumulativeBand | undefined {
  if (!isRecord(value) || !Array.isArray(value.p5) || !Array.isArray(value.p50) || !Array.isArray(value.p95)) return undefined;
  return value as unknown as CumulativeBand;
}

function asTornado(value: unknown): TornadoEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ok = value.every((entry) => isRecord(entry) && typeof entry.input === "string" && typeof entry.low === "number" && typeof entry.high === "number");
  return ok ? (value as TornadoEntry[]) : undefined;
}

/**
 * Reads the ranges the engine attached to a result, when it did: `comparisons[x].distribution`
 * (with `cumulativeBand` and `tornado` on the comparison or inside the distribution). Returns
 * undefined for a result of single estimates. The shape is checked, not trusted.
 * @example uncertaintyFromResult(buildResult(compiled)) // undefined until inputs can be ranges
 */
export function uncertaintyFromResult(result: CaseResult): UncertaintyView | undefined {
  const view: UncertaintyView = { samples: 0, seed: 0, distribution: {}, cumulativeBand: {}, tornado: {} };
  for (const [name, comparison] of Object.entries(result.comparisons)) {
    const loose = comparison as unknown as Loose;
    const distribution = asDistribution(loose.distribution);
    if (!distribution) continue;
    view.distribution[name] = distribution;
    const inner = loose.distribution as Loose;
    const band = asBand(loose.cumulativeBand) ?? asBand(inner.cumulativeBand);
    if (band) view.cumulativeBand[name] = band;
    const tornado = asTornado(loose.tornado) ?? asTornado(inner.tornado);
    if (tornado) view.tornado[name] = [...tornado].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
    if (typeof inner.samples === "number") view.samples = inner.samples;
    if (typeof inner.seed === "number") view.seed = inner.seed;
  }
  return Object.keys(view.distribution).length > 0 ? view : undefined;
}

/**
 * Input distributions for Monte Carlo: their type, construction from a 90%
 * interval, exact quantiles, summary statistics and bulk sampling.
 */
import { inverseNormalCdf, inverseNormalCdfForSampling } from "./normal.js";
import { DEFAULT_PERT_LAMBDA, pertQuantile, samplePertInto } from "./pert.js";
import { validateDistribution, validateInterval90, type IntervalShape } from "./validate-distribution.js";

export { validateDistribution, validateInterval90, type IntervalShape } from "./validate-distribution.js";

/** An uncertain input. PERT's λ defaults to 4; lognormal's μ and σ belong to the underlying normal. */
export type Distribution =
  | { kind: "point"; value: number }
  | { kind: "uniform"; min: number; max: number }
  | { kind: "triangular"; min: number; mode: number; max: number }
  | { kind: "pert"; min: number; mode: number; max: number; lambda?: number }
  | { kind: "normal"; mean: number; sd: number }
  | { kind: "lognormal"; mu: number; sigma: number };

/** Φ⁻¹(0.95): the z-score of the upper bound of a central 90% interval. */
export const Z_90 = 1.6448536269514722;

function assertValid(d: Distribution): void {
  const problems = validateDistribution(d);
  if (problems.length > 0) throw new RangeError(`invalid ${d.kind} distribution: ${problems.join("; ")}`);
}

function assertProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
}

/**
 * The distribution whose 5th and 95th percentiles are `low` and `high`:
 * lognormal when both are positive (the usual shape for costs and
 * durations), normal otherwise, a point when they are equal. `shape` forces
 * one family; forcing "lognormal" with a bound ≤ 0 throws a RangeError.
 *
 * @example
 * fromInterval90(10, 30); // lognormal with quantile(d, 0.05) = 10, quantile(d, 0.95) = 30
 * fromInterval90(-5, 5); // { kind: "normal", mean: 0, sd: 3.0397… }
 */
export function fromInterval90(low: number, high: number, shape: IntervalShape = "auto"): Distribution {
  const problems = validateInterval90(low, high, shape);
  if (problems.length > 0) throw new RangeError(problems.join("; "));
  if (low === high) return { kind: "point", value: low };
  const lognormal = shape === "lognormal" || (shape === "auto" && low > 0 && high > 0);
  if (lognormal) {
    const logLow = Math.log(low);
    const logHigh = Math.log(high);
    return { kind: "lognormal", mu: 0.5 * (logLow + logHigh), sigma: (logHigh - logLow) / (2 * Z_90) };
  }
  return { kind: "normal", mean: 0.5 * (low + high), sd: (high - low) / (2 * Z_90) };
}

function triangularQuantile(min: number, mode: number, max: number, p: number): number {
  const range = max - min;
  if (range === 0) return min;
  const modeShare = (mode - min) / range;
  if (p <= modeShare) return min + Math.sqrt(p * (range * (mode - min)));
  return max - Math.sqrt((1 - p) * (range * (max - mode)));
}

/**
 * The p-quantile (inverse CDF) of `d`, exact for every kind up to rounding.
 * p = 0 and p = 1 give the support's ends (±Infinity, or 0 / Infinity for a
 * lognormal). Throws a RangeError for p outside [0, 1] or invalid parameters.
 *
 * @example
 * quantile({ kind: "uniform", min: 0, max: 10 }, 0.25); // 2.5
 */
export function quantile(d: Distribution, p: number): number {
  assertValid(d);
  assertProbability(p);
  switch (d.kind) {
    case "point":
      return d.value;
    case "uniform":
      return d.min + (d.max - d.min) * p;
    case "triangular":
      return triangularQuantile(d.min, d.mode, d.max, p);
    case "pert":
      return pertQuantile(d.min, d.mode, d.max, d.lambda ?? DEFAULT_PERT_LAMBDA, p);
    case "normal":
      return d.sd === 0 ? d.mean : d.mean + d.sd * inverseNormalCdf(p);
    case "lognormal":
      return d.sigma === 0 ? Math.exp(d.mu) : Math.exp(d.mu + d.sigma * inverseNormalCdf(p));
  }
}

/**
 * The median of `d`.
 *
 * @example
 * median({ kind: "lognormal", mu: Math.log(20), sigma: 0.5 }); // 20
 */
export function median(d: Distribution): number {
  switch (d.kind) {
    case "normal":
      assertValid(d);
      return d.mean;
    case "lognormal":
      assertValid(d);
      return Math.exp(d.mu);
    default:
      return quantile(d, 0.5);
  }
}

/**
 * The mean (expected value) of `d`.
 *
 * @example
 * mean({ kind: "pert", min: 0, mode: 2, max: 10 }); // (0 + 4·2 + 10) / 6 = 3
 */
export function mean(d: Distribution): number {
  assertValid(d);
  switch (d.kind) {
    case "point":
      return d.value;
    case "uniform":
      return 0.5 * (d.min + d.max);
    case "triangular":
      return (d.min + d.mode + d.max) / 3;
    case "pert": {
      const lambda = d.lambda ?? DEFAULT_PERT_LAMBDA;
      return (d.min + lambda * d.mode + d.max) / (lambda + 2);
    }
    case "normal":
      return d.mean;
    case "lognormal":
      return Math.exp(d.mu + 0.5 * d.sigma * d.sigma);
  }
}

function sampleTriangularInto(min: number, mode: number, max: number, uniforms: Float64Array, out: Float64Array): void {
  const range = max - min;
  const modeShare = range === 0 ? 1 : (mode - min) / range;
  const lowerScale = range * (mode - min);
  const upperScale = range * (max - mode);
  for (let i = 0; i < uniforms.length; i++) {
    const p = uniforms[i]!;
    out[i] = p <= modeShare ? min + Math.sqrt(p * lowerScale) : max - Math.sqrt((1 - p) * upperScale);
  }
}

/**
 * Maps each uniform in [0, 1] through the inverse CDF of `d` into `out`
 * (same length; `out` may be `uniforms` itself, for in-place use). Stratified
 * or antithetic uniforms keep their structure. PERT uses a tabulated inverse
 * CDF within ~1e-8 relative of `quantile`; normal and lognormal draws use Acklam's approximation
 * without the refining step (z within 1.2e-9, far below sampling noise); the others are exact.
 *
 * @example
 * const uniforms = new Float64Array(100_000);
 * fillUniform(createRandom(1), uniforms);
 * const costs = new Float64Array(uniforms.length);
 * sampleInto(fromInterval90(10, 30), uniforms, costs);
 */
export function sampleInto(d: Distribution, uniforms: Float64Array, out: Float64Array): void {
  assertValid(d);
  if (out.length !== uniforms.length) {
    throw new RangeError(`out has length ${out.length} but uniforms has length ${uniforms.length}`);
  }
  const count = uniforms.length;
  switch (d.kind) {
    case "point":
      out.fill(d.value);
      return;
    case "uniform": {
      const { min } = d;
      const range = d.max - d.min;
      for (let i = 0; i < count; i++) out[i] = min + range * uniforms[i]!;
      return;
    }
    case "triangular":
      sampleTriangularInto(d.min, d.mode, d.max, uniforms, out);
      return;
    case "pert":
      samplePertInto(d.min, d.mode, d.max, d.lambda ?? DEFAULT_PERT_LAMBDA, uniforms, out);
      return;
    case "normal": {
      const { mean: center, sd } = d;
      if (sd === 0) {
        out.fill(center);
        return;
      }
      for (let i = 0; i < count; i++) out[i] = center + sd * inverseNormalCdfForSampling(uniforms[i]!);
      return;
    }
    case "lognormal": {
      const { mu, sigma } = d;
      if (sigma === 0) {
        out.fill(Math.exp(mu));
        return;
      }
      for (let i = 0; i < count; i++) out[i] = Math.exp(mu + sigma * inverseNormalCdfForSampling(uniforms[i]!));
      return;
    }
  }
}

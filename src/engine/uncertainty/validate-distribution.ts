/**
 * Human-readable checks of distribution parameters, for error messages that
 * a scenario author can act on.
 */
import type { Distribution } from "./distributions.js";

function finiteProblems(parameters: Record<string, number | undefined>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && !Number.isFinite(value)) problems.push(`${name} must be a finite number, got ${String(value)}`);
  }
  return problems;
}

/**
 * Lists what is wrong with a distribution's parameters; an empty list means
 * it is valid. Accepts equal bounds (a degenerate, point-like distribution).
 *
 * @example
 * validateDistribution({ kind: "triangular", min: 5, mode: 3, max: 8 });
 * // ["min must be ≤ mode ≤ max, got min 5, mode 3, max 8"]
 */
export function validateDistribution(d: Distribution): string[] {
  switch (d.kind) {
    case "point":
      return finiteProblems({ value: d.value });
    case "uniform": {
      const problems = finiteProblems({ min: d.min, max: d.max });
      if (problems.length === 0 && !(d.min <= d.max)) problems.push(`min must be ≤ max, got min ${d.min}, max ${d.max}`);
      return problems;
    }
    case "triangular":
    case "pert": {
      const lambda = d.kind === "pert" ? d.lambda : undefined;
      const problems = finiteProblems({ min: d.min, mode: d.mode, max: d.max, lambda });
      if (problems.length === 0 && !(d.min <= d.mode && d.mode <= d.max)) {
        problems.push(`min must be ≤ mode ≤ max, got min ${d.min}, mode ${d.mode}, max ${d.max}`);
      }
      if (lambda !== undefined && Number.isFinite(lambda) && !(lambda >= 0)) problems.push(`lambda must be ≥ 0, got ${lambda}`);
      return problems;
    }
    case "normal": {
      const problems = finiteProblems({ mean: d.mean, sd: d.sd });
      if (problems.length === 0 && !(d.sd >= 0)) problems.push(`sd must be ≥ 0, got ${d.sd}`);
      return problems;
    }
    case "lognormal": {
      const problems = finiteProblems({ mu: d.mu, sigma: d.sigma });
      if (problems.length === 0 && !(d.sigma >= 0)) problems.push(`sigma must be ≥ 0, got ${d.sigma}`);
      return problems;
    }
    default: {
      const unknown: { kind?: unknown } = d;
      return [`unknown distribution kind ${JSON.stringify(unknown.kind)}`];
    }
  }
}

/** The shapes `fromInterval90` can produce; "auto" picks lognormal when both bounds are positive. */
export type IntervalShape = "auto" | "normal" | "lognormal";

/**
 * Lists what is wrong with a 90% interval (low = 5th, high = 95th percentile).
 *
 * @example
 * validateInterval90(-2, 10, "lognormal"); // ["lognormal bounds must both be > 0, got low -2, high 10"]
 */
export function validateInterval90(low: number, high: number, shape: IntervalShape = "auto"): string[] {
  const problems = finiteProblems({ low, high });
  if (problems.length > 0) return problems;
  if (!(low <= high)) problems.push(`low must be ≤ high, got low ${low}, high ${high}`);
  if (shape === "lognormal" && !(low > 0 && high > 0)) problems.push(`lognormal bounds must both be > 0, got low ${low}, high ${high}`);
  return problems;
}

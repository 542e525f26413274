/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 607/128, 14 terms, as
 * in Numerical Recipes 3rd ed. `gammln`): absolute error about 1e-15.
 */

const LANCZOS_COEFFICIENTS = [
  57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199, 0.339946499848118887e-4, 0.465236289270485756e-4,
  -0.983744753048795646e-4, 0.158088703224912494e-3, -0.210264441724104883e-3, 0.217439618115212643e-3, -0.16431810653676389e-3, 0.844182239838527433e-4,
  -0.261908384015814087e-4, 0.368991826595316234e-5,
] as const;
const SQRT_TWO_PI = 2.5066282746310005;

/**
 * The natural logarithm of the gamma function, for x > 0 (NaN otherwise).
 *
 * @example
 * logGamma(5); // ≈ Math.log(24)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shifted = x;
  let series = 0.999999999999997092;
  for (let j = 0; j < LANCZOS_COEFFICIENTS.length; j++) {
    shifted += 1;
    series += LANCZOS_COEFFICIENTS[j]! / shifted;
  }
  const base = x + 5.2421875;
  return (x + 0.5) * Math.log(base) - base + Math.log((SQRT_TWO_PI * series) / x);
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
 *
 * @example
 * logBeta(2, 3); // ≈ Math.log(1 / 12)
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

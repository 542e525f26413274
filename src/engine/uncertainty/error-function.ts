/**
 * The error function erf, the complementary error function erfc = 1 − erf
 * and the scaled erfcx(x) = exp(x²)·erfc(x), accurate to a few units in the
 * last place, including the far tail where 1 − erf(x) would cancel.
 *
 * Rational Chebyshev approximations from W. J. Cody, "Rational Chebyshev
 * approximations for the error function", Math. Comp. 23 (1969) 631–637,
 * with the coefficients of the netlib SPECFUN routine CALERF. Polynomials are
 * written out in Horner form so the hot paths are free of loops and loads.
 */

/** Below this, erf uses a direct rational approximation. */
const SMALL_ARGUMENT = 0.46875;
/** Beyond this, exp(y²)·erfc(y) = 1/(y√π) to double precision. */
const ASYMPTOTIC_ARGUMENT = 6.71e7;
/** Beyond this, erfc underflows to 0 in double precision. */
const UNDERFLOW_ARGUMENT = 26.543;
const ONE_OVER_SQRT_PI = 0.56418958354775628695;

/** erf(x) for |x| ≤ 0.46875. */
function smallErrorFunction(x: number): number {
  const s = x * x;
  const numerator = (((0.185777706184603153 * s + 3.1611237438705656) * s + 113.864154151050156) * s + 377.485237685302021) * s + 3209.37758913846947;
  const denominator = (((s + 23.6012909523441209) * s + 244.024637934444173) * s + 1282.61652607737228) * s + 2844.23683343917062;
  return (x * numerator) / denominator;
}

/** exp(y²)·erfc(y) for y > 0.46875 (not valid below). */
function scaledUpperTail(y: number): number {
  if (y <= 4) {
    const numerator =
      (((((((2.15311535474403846e-8 * y + 0.564188496988670089) * y + 8.88314979438837594) * y + 66.1191906371416295) * y + 298.635138197400131) * y +
        881.95222124176909) *
        y +
        1712.04761263407058) *
        y +
        2051.07837782607147) *
        y +
      1230.33935479799725;
    const denominator =
      (((((((y + 15.7449261107098347) * y + 117.693950891312499) * y + 537.181101862009858) * y + 1621.38957456669019) * y + 3290.79923573345963) * y +
        4362.61909014324716) *
        y +
        3439.36767414372164) *
        y +
      1230.33935480374942;
    return numerator / denominator;
  }
  if (y >= ASYMPTOTIC_ARGUMENT) return ONE_OVER_SQRT_PI / y;
  const s = 1 / (y * y);
  const numerator =
    ((((0.0163153871373020978 * s + 0.305326634961232344) * s + 0.360344899949804439) * s + 0.125781726111229246) * s + 0.0160837851487422766) * s +
    6.58749161529837803e-4;
  const denominator =
    ((((s + 2.56852019228982242) * s + 1.87295284992346047) * s + 0.527905102951428412) * s + 0.0605183413124413191) * s + 0.00233520497626869185;
  return (ONE_OVER_SQRT_PI - (s * numerator) / denominator) / y;
}

/** exp(−y²) computed as exp(−ŷ²)·exp(−(y − ŷ)(y + ŷ)) with ŷ = y truncated to 1/16, so ŷ² is exact. */
function gaussianFactor(y: number): number {
  const truncated = Math.trunc(y * 16) / 16;
  return Math.exp(-truncated * truncated) * Math.exp(-(y - truncated) * (y + truncated));
}

/** erfc(y) for y > 0.46875 (not valid below). */
function upperTail(y: number): number {
  if (y >= UNDERFLOW_ARGUMENT) return 0;
  return gaussianFactor(y) * scaledUpperTail(y);
}

/**
 * The complementary error function, erfc(x) = (2/√π)∫ₓ^∞ e^(−t²) dt.
 * Relative error is a few 1e-16 wherever the result is a normal double.
 *
 * @example
 * complementaryErrorFunction(0); // 1
 * complementaryErrorFunction(5); // 1.5374597944280349e-12
 */
export function complementaryErrorFunction(x: number): number {
  const y = Math.abs(x);
  if (y <= SMALL_ARGUMENT) return 1 - smallErrorFunction(x);
  if (x !== x) return Number.NaN;
  const tail = upperTail(y);
  return x < 0 ? 2 - tail : tail;
}

/**
 * The error function, erf(x) = (2/√π)∫₀ˣ e^(−t²) dt, with full relative
 * accuracy near 0 (where 1 − erfc(x) would lose digits).
 *
 * @example
 * errorFunction(0.5); // 0.5204998778130465
 */
export function errorFunction(x: number): number {
  const y = Math.abs(x);
  if (y <= SMALL_ARGUMENT) return smallErrorFunction(x);
  if (x !== x) return Number.NaN;
  const value = 1 - upperTail(y);
  return x < 0 ? -value : value;
}

/**
 * The scaled complementary error function, erfcx(x) = exp(x²)·erfc(x), which
 * stays representable (≈ 1/(x√π)) far beyond where erfc underflows.
 *
 * @example
 * scaledComplementaryErrorFunction(30); // ≈ 0.018795888861416751
 */
export function scaledComplementaryErrorFunction(x: number): number {
  if (x > SMALL_ARGUMENT) return scaledUpperTail(x);
  if (x !== x) return Number.NaN;
  const y = Math.abs(x);
  const scaled = y <= SMALL_ARGUMENT ? Math.exp(y * y) * (1 - smallErrorFunction(y)) : scaledUpperTail(y);
  return x >= 0 ? scaled : 2 * Math.exp(x * x) - scaled;
}

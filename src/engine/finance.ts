/**
 * Money over time: discounting with monthly periods, payback. Cash at time 0 (before month 1) is
 * not discounted; month m is discounted by (1 + annualRate)^(-m/12).
 */

/**
 * The factor that discounts one month.
 * @example monthlyDiscountFactor(0.1) // 0.99209... = 1.1^(-1/12)
 */
export function monthlyDiscountFactor(annualRate: number): number {
  return Math.pow(1 + annualRate, -1 / 12);
}

/**
 * Net present value of a time-0 flow and monthly flows (month 1 at index 0).
 * @example netPresentValue(-1000, Float64Array.of(600, 600), 0) // 200
 */
export function netPresentValue(timeZero: number, monthly: ArrayLike<number>, annualRate: number, offset = 0, length = monthly.length - offset): number {
  const factor = monthlyDiscountFactor(annualRate);
  let discount = 1;
  let total = timeZero;
  for (let index = 0; index < length; index++) {
    discount *= factor;
    total += (monthly[offset + index] ?? 0) * discount;
  }
  return total;
}

/**
 * The first month from which the cumulative net stays ≥ 0 to the end of the horizon; 0 when it
 * never falls below zero (nothing to pay back); null when it ends below zero.
 * `cumulative[i]` is the cumulative net at the end of month i + 1, time-0 flows included.
 * @example paybackMonth(-100, Float64Array.of(-60, -10, 20, 50)) // 3
 */
export function paybackMonth(timeZero: number, cumulative: ArrayLike<number>, offset = 0, length = cumulative.length - offset): number | null {
  const tolerance = 1e-9;
  let month = length;
  while (month > 0 && (cumulative[offset + month - 1] ?? 0) >= -tolerance) month--;
  if (month === length) return null;
  if (month === 0) return timeZero >= -tolerance ? 0 : 1;
  return month + 1;
}

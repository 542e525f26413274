/**
 * Money over time: discounting, payback. Cash at time 0 (before month 1) is never discounted. Month m
 * (in year y = ⌈m ÷ 12⌉) is discounted, by the case's `discounting` convention, by
 * - `monthly` (the default): (1 + annualRate)^(-m/12);
 * - `yearEnd`: (1 + annualRate)^(-y), every month of a year as if paid at its end (Forrester TEI);
 * - `midYear`: (1 + annualRate)^(-(y - 0.5)), every month of a year as if paid in its middle.
 */

/** How months are discounted; see the module comment. */
export type Discounting = "monthly" | "yearEnd" | "midYear";
export const discountingConventions: readonly Discounting[] = ["monthly", "yearEnd", "midYear"];

/**
 * An amount of money made of prices and fees added up, without the noise floating point adds: 0.7 ×
 * 1.1 + 12 × 0.1 is 1.97, not 1.9700000000000002 (docs/json.md). Kept to 15 significant digits, so a
 * real fraction of a cent (a yearly fee of €100 is €8.333… a month) stays as it is. For sums of
 * prices (and optimize's sums of the catalogue's setup hours) only, never for figures the Monte Carlo draws.
 * @example withoutFloatNoise(1.9700000000000002) // 1.97 ; withoutFloatNoise(-0.30000000000000004) // -0.3
 */
export function withoutFloatNoise(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  return Number(value.toPrecision(15));
}

/**
 * The factor that discounts one month.
 * @example monthlyDiscountFactor(0.1) // 0.99209... = 1.1^(-1/12)
 */
export function monthlyDiscountFactor(annualRate: number): number {
  return Math.pow(1 + annualRate, -1 / 12);
}

/**
 * Writes the discount factor of months 1 to `length` into `out` (month 1 at index 0). Monthly factors
 * are built by repeated multiplication, as the simulation always has (the same numbers to the last bit).
 * @example fillDiscountFactors(0.1, "yearEnd", new Float64Array(13)) // twelve times 1/1.1, then 1/1.21
 */
export function fillDiscountFactors(annualRate: number, discounting: Discounting, out: Float64Array, length = out.length): Float64Array {
  if (discounting === "monthly") {
    const factor = monthlyDiscountFactor(annualRate);
    let discount = 1;
    for (let index = 0; index < length; index++) {
      discount *= factor;
      out[index] = discount;
    }
    return out;
  }
  const shift = discounting === "midYear" ? 0.5 : 0;
  let discount = 1;
  for (let index = 0; index < length; index++) {
    if (index % 12 === 0) discount = Math.pow(1 + annualRate, -(index / 12 + 1 - shift));
    out[index] = discount;
  }
  return out;
}

/**
 * The discount factors of months 1 to `months` (a new array).
 * @example discountFactors(0.1, "midYear", 12)[0] // 0.9534... = 1.1^(-0.5)
 */
export function discountFactors(annualRate: number, discounting: Discounting, months: number): Float64Array {
  return fillDiscountFactors(annualRate, discounting, new Float64Array(months));
}

/**
 * Net present value of a time-0 flow and monthly flows (month 1 at index 0).
 * @example netPresentValue(-1000, Float64Array.of(600, 600), 0) // 200
 */
export function netPresentValue(
  timeZero: number,
  monthly: ArrayLike<number>,
  annualRate: number,
  offset = 0,
  length = monthly.length - offset,
  discounting: Discounting = "monthly",
): number {
  const discounts = discountFactors(annualRate, discounting, Math.max(0, length));
  let total = timeZero;
  for (let index = 0; index < length; index++) total += (monthly[offset + index] ?? 0) * discounts[index]!;
  return total;
}

/**
 * How far below zero a cumulative net may be and still count as paid back: rounding, not money.
 * Each month's addition to the running sum can be off by a rounding step of the sum, so the bound
 * grows with the case's scale: 10⁻¹² × (|time 0| + Σ |cumulative net|), and at least 10⁻⁹. A large
 * case that breaks even exactly pays back; a shortfall of a thousandth of a unit on a case of a few
 * thousand does not.
 * @example paybackTolerance(-100, Float64Array.of(-60, 40)) // 1e-9
 */
export function paybackTolerance(timeZero: number, cumulative: ArrayLike<number>, offset = 0, length = cumulative.length - offset): number {
  let scale = Math.abs(timeZero);
  for (let index = 0; index < length; index++) scale += Math.abs(cumulative[offset + index] ?? 0);
  return toleranceOfScale(scale);
}

function toleranceOfScale(scale: number): number {
  return Math.max(1e-9, 1e-12 * scale);
}

/**
 * The payback month, stepping back from month `from` over the months at or above −`tolerance` (the
 * months after `from` must all be ≥ 0): `paybackMonth` starts at the last month.
 */
function paybackScan(timeZero: number, cumulative: ArrayLike<number>, offset: number, length: number, tolerance: number, from: number): number | null {
  let month = from;
  while (month > 0 && (cumulative[offset + month - 1] ?? 0) >= -tolerance) month--;
  if (month === length) return null;
  if (month === 0) return timeZero >= -tolerance ? 0 : 1;
  return month + 1;
}

/**
 * The first month from which the cumulative net stays ≥ 0 to the end of the horizon; 0 when it
 * never falls below zero (nothing to pay back); null when it ends below zero.
 * `cumulative[i]` is the cumulative net at the end of month i + 1, time-0 flows included.
 * @example paybackMonth(-100, Float64Array.of(-60, -10, 20, 50)) // 3
 */
export function paybackMonth(timeZero: number, cumulative: ArrayLike<number>, offset = 0, length = cumulative.length - offset): number | null {
  return paybackScan(timeZero, cumulative, offset, length, paybackTolerance(timeZero, cumulative, offset, length), length);
}

/**
 * `paybackMonth` of a cumulative net from what was gathered while it was written, without reading
 * it twice more: `scale` is |time 0| + Σ |cumulative net|, added in month order as
 * `paybackTolerance` adds it, and `lastNotAbove` the last month (1-based) whose cumulative net was
 * not ≥ 0 (0 for none). Every later month is ≥ 0, which `paybackMonth` would step over: the same month.
 * @example paybackMonthGathered(-100, Float64Array.of(-60, -10, 20, 50), 240, 2) // 3
 */
export function paybackMonthGathered(timeZero: number, cumulative: ArrayLike<number>, scale: number, lastNotAbove: number): number | null {
  const length = cumulative.length;
  // A NaN makes the tolerance NaN, which no month meets: `paybackMonth` stops at the last month then.
  return paybackScan(timeZero, cumulative, 0, length, toleranceOfScale(scale), Number.isNaN(scale) ? length : lastNotAbove);
}

/**
 * Whether an option changes nothing against the baseline: its up-front net (time 0) and its
 * cumulative net at the end of every month are all zero (within a millionth of a unit of money, the
 * noise of adding the same amounts in another order). Such an option has no cost and no gain: it
 * does not "pay back from the start", it has nothing to pay back (docs/numbers.md, "An option that
 * changes nothing").
 * @example changesNothing(0, Float64Array.of(0, 0, 0)) // true
 * @example changesNothing(0, Float64Array.of(0, 5, 5)) // false
 */
export function changesNothing(timeZero: number, cumulative: ArrayLike<number>): boolean {
  if (!(Math.abs(timeZero) <= NOTHING_CHANGES)) return false;
  for (let month = 0; month < cumulative.length; month++) if (!(Math.abs(cumulative[month]!) <= NOTHING_CHANGES)) return false;
  return true;
}

/** How far from zero a net may be and still change nothing (`changesNothing`): a millionth of a unit of money. */
export const NOTHING_CHANGES = 1e-6;

/**
 * When the cumulative net crosses zero for good, in months from time 0, interpolated linearly within
 * the payback month: a payback month m whose cumulative net goes from −30 (end of month m − 1, or time
 * 0) to +10 (end of month m) gives m − 1 + 30 ÷ 40 = m − 0.25. 0 when there is nothing to pay back;
 * null when it does not pay back within the horizon. Unrounded.
 * @example paybackCrossing(-100, Float64Array.of(-60, -10, 20, 50)) // 2 + 10/30 = 2.333...
 */
export function paybackCrossing(timeZero: number, cumulative: ArrayLike<number>, offset = 0, length = cumulative.length - offset): number | null {
  const month = paybackMonth(timeZero, cumulative, offset, length);
  if (month === null || month === 0) return month;
  const before = month === 1 ? timeZero : (cumulative[offset + month - 2] ?? 0);
  const after = cumulative[offset + month - 1] ?? 0;
  const share = after > before ? -before / (after - before) : 1;
  return month - 1 + Math.min(1, Math.max(0, share));
}

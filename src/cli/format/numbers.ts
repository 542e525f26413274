/** Presentation rounding: the engine keeps full precision, views round. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Money in the case's currency, without cents.
 * @example formatMoney(12345.6, "EUR") // "€12,346"
 */
export function formatMoney(value: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    moneyFormats.set(currency, format);
  }
  return format.format(Math.abs(value) < 0.5 ? 0 : value);
}

/** @example formatHours(109.04) // "109" ; formatHours(2.5) // "2.5" */
export function formatHours(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? rounded.toLocaleString("en-GB") : rounded.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** @example formatPercent(0.7367) // "74%" */
export function formatPercent(value: number | null): string {
  if (value === null) return "n/a";
  return `${Math.round(value * 100).toLocaleString("en-GB")}%`;
}

/** @example formatMonth(null) // "never" */
export function formatMonth(month: number | null, never = "never"): string {
  if (month === null) return never;
  // Month 0: the cumulative net is never below zero (the same words in every view).
  return month === 0 ? "from the start" : `month ${month}`;
}

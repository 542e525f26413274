/**
 * How every view writes numbers: the command line, the report, the web app, the charts and the
 * workbook use these functions and nothing else, so a figure reads the same wherever it is shown.
 * The engine keeps full precision; the main text rounds to three significant figures so that
 * estimates do not look more precise than they are, and tables give money to the unit.
 *
 * One locale for every view: British English, whose currency symbols say which dollar is meant
 * ("US$", "CA$", "A$") and are plain for the rest ("€", "£").
 */

export const LOCALE = "en-GB";
const largeNumberWords: readonly (readonly [number, string])[] = [
  [1e9, "billion"],
  [1e6, "million"],
];
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/**
 * Rounds to `digits` significant figures, never past the units.
 * @example roundSignificant(7959, 3) // 7960
 */
export function roundSignificant(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(value))) + 1;
  const step = Math.pow(10, Math.max(0, magnitude - digits));
  const rounded = Math.round(value / step) * step;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * Money for the main text: three significant figures, millions and billions in words.
 * @example formatMoney(7959.4, "EUR") // "€7,960" ; formatMoney(2_345_678, "USD") // "US$2.35 million"
 */
export function formatMoney(value: number, currency: string): string {
  const rounded = roundSignificant(value);
  for (const [size, word] of largeNumberWords) {
    if (Math.abs(rounded) >= size) {
      const short = numberFormat(`short:${currency}`, () => new Intl.NumberFormat(LOCALE, { style: "currency", currency, maximumSignificantDigits: 3 }));
      return `${short.format(rounded / size)} ${word}`;
    }
  }
  return exactMoneyFormat(currency).format(rounded);
}

function exactMoneyFormat(currency: string): Intl.NumberFormat {
  return numberFormat(
    `exact:${currency}`,
    () => new Intl.NumberFormat(LOCALE, { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }),
  );
}

/**
 * Money to the unit, for tables and the assumptions where the reader checks sums.
 * @example formatMoneyExact(7959.4, "EUR") // "€7,959"
 */
export function formatMoneyExact(value: number, currency: string): string {
  const rounded = Math.round(value);
  return exactMoneyFormat(currency).format(rounded === 0 ? 0 : rounded);
}

/**
 * A money value an input holds: to the unit, cents kept when the user wrote them.
 * @example formatInputMoney(12.5, "EUR") // "€12.50"
 */
export function formatInputMoney(value: number, currency: string): string {
  if (Number.isInteger(value)) return formatMoneyExact(value, currency);
  return numberFormat(
    `cents:${currency}`,
    () => new Intl.NumberFormat(LOCALE, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  ).format(value);
}

/**
 * A plain number with thousands separators and at most `fractionDigits` decimals.
 * @example formatNumber(1234.56, 1) // "1,234.6"
 */
export function formatNumber(value: number, fractionDigits = 0): string {
  return numberFormat(`number:${fractionDigits}`, () => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: fractionDigits })).format(
    Math.abs(value) < Math.pow(10, -fractionDigits) / 2 ? 0 : value,
  );
}

/**
 * Team hours for the main text, to three significant figures.
 * @example formatHours(1234.5) // "1,230 hours" ; formatHours(1) // "1 hour"
 */
export function formatHours(value: number): string {
  const rounded = roundSignificant(value);
  return `${formatNumber(rounded)} ${rounded === 1 ? "hour" : "hours"}`;
}

/**
 * Team hours for tables, to a tenth of an hour, without the unit.
 * @example formatHoursTenth(109.04) // "109" ; formatHoursTenth(2.5) // "2.5"
 */
export function formatHoursTenth(value: number): string {
  return formatNumber(Math.round(value * 10) / 10, 1);
}

/**
 * A share as a whole percentage; `null` (a ratio with nothing to divide by) as "n/a".
 * @example formatPercent(0.874) // "87%" ; formatPercent(null) // "n/a"
 */
export function formatPercent(share: number | null): string {
  if (share === null) return "n/a";
  return `${formatNumber(Math.round(share * 100))}%`;
}

/**
 * A share given in the file (a risk adjustment's cut, say) as a percentage, to a tenth of a percent
 * so that 2.5% is not shown as 3%.
 * @example formatShare(0.025) // "2.5%" ; formatShare(0.1) // "10%"
 */
export function formatShare(share: number): string {
  return `${formatNumber(share * 100, 1)}%`;
}

/**
 * A share with its sign, for a change to a figure.
 * @example formatSignedShare(-0.1) // "−10%" ; formatSignedShare(0.025) // "+2.5%"
 */
export function formatSignedShare(share: number): string {
  return `${share < 0 ? "−" : "+"}${formatShare(Math.abs(share))}`;
}

/**
 * A chance as a percentage that never claims certainty a sample cannot give.
 * @example formatChance(0.874) // "87%" ; formatChance(1) // "over 99%" ; formatChance(0.001) // "under 1%"
 */
export function formatChance(share: number): string {
  if (share > 0.99) return "over 99%";
  if (share < 0.01) return "under 1%";
  return formatPercent(share);
}

/**
 * A month of the plan in words: month 0 is the start, before month 1; `null` (no such month) as `never`.
 * @example formatMonth(5) // "month 5" ; formatMonth(0) // "from the start" ; formatMonth(null) // "never"
 */
export function formatMonth(month: number | null, never = "never"): string {
  if (month === null) return never;
  // Month 0: the cumulative net is never below zero (the same words in every view).
  return month === 0 ? "from the start" : `month ${formatNumber(month)}`;
}

/**
 * The currency's symbol as every view writes it (the charts' axes and the workbook's cells too).
 * An unknown code reads as itself.
 * @example currencySymbol("EUR") // "€" ; currencySymbol("USD") // "US$"
 */
export function currencySymbol(currency: string): string {
  try {
    const parts = numberFormat(`symbol:${currency}`, () => new Intl.NumberFormat(LOCALE, { style: "currency", currency })).formatToParts(1);
    return parts.find((part) => part.type === "currency")?.value ?? currency;
  } catch {
    return currency;
  }
}

/**
 * A count with its noun, singular or plural.
 * @example plural(1, "project") // "1 project" ; plural(3, "live project") // "3 live projects"
 */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatNumber(count)} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * How every view writes numbers: the command line, the report, the web app, the charts and the
 * workbook use these functions and nothing else, so a figure reads the same wherever it is shown.
 * The engine keeps full precision; the main text rounds to three significant figures so that
 * estimates do not look more precise than they are, and tables give money to the unit.
 *
 * One locale for every view: British English, whose currency symbols say which dollar is meant
 * ("US$", "CA$", "A$") and are plain for the rest ("€", "£").
 */

import { groupDigitString, sameGain } from "../engine/index.js";

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
 * Written here rather than by `Intl.NumberFormat`, whose first use in a process loads the locale
 * data (about 12 ms, more than a deterministic `run` spends on its figures), and which a browser
 * with other locale data could write otherwise. The rules are Intl's for en-GB, and a test holds
 * them to it over random numbers of every size:
 * - the number is first written as its shortest decimal (what `String(value)` gives), then rounded
 *   half away from zero on those digits (1.005 to two decimals is 1.01);
 * - digits grouped by threes with ",", "." before the decimals, trailing zeros dropped down to the
 *   fewest decimals asked for;
 * - "-" before a negative number, and before one that rounds to zero (-0.3 to the unit is "-0");
 * - money: the currency's symbol before the number (after the "-"), with a no-break space between
 *   when the symbol ends in a letter ("CHF 1,235").
 * Currencies outside the table below, and numbers that are not finite, are left to Intl.
 */
const currencySymbols: Readonly<Record<string, string>> = {
  EUR: "€",
  GBP: "£",
  USD: "US$",
  CAD: "CA$",
  AUD: "A$",
  NZD: "NZ$",
  JPY: "JP¥",
  CNY: "CN¥",
  INR: "₹",
  BRL: "R$",
  MXN: "MX$",
  HKD: "HK$",
  KRW: "₩",
  ILS: "₪",
  TWD: "NT$",
  PHP: "₱",
  VND: "₫",
  XCD: "EC$",
  // Written as their code.
  ...Object.fromEntries(
    "CHF SEK NOK DKK ISK PLN CZK HUF RON BGN UAH TRY RUB SGD MYR THB IDR ZAR NGN KES EGP AED SAR ARS CLP COP PEN".split(" ").map((code) => [code, code]),
  ),
};

/** The symbol of a currency of the table; undefined for the rest. */
function knownSymbol(currency: string): string | undefined {
  return Object.hasOwn(currencySymbols, currency) ? currencySymbols[currency] : undefined;
}

/** The currencies this module writes itself; the rest go through Intl. */
export const CURRENCIES_WRITTEN_HERE: readonly string[] = Object.keys(currencySymbols);

/** How a number is rounded: to at most `digits` decimals, or to `digits` significant figures. */
type Rounding = { readonly decimals: number; readonly fewestDecimals?: number } | { readonly significant: number };

/**
 * A finite number rounded as it is written (see above): its significant digits, without trailing
 * zeros, and how many of them come before the point (negative or beyond them for leading or trailing
 * zeros).
 */
function roundedDigits(value: number, rounding: Rounding): { negative: boolean; digits: string; point: number } {
  const negative = value < 0 || Object.is(value, -0);
  // The shortest decimal: "123.45", "1e+21", "1.5e-7"; as digits with the point after `point` of them.
  const shortest = String(Math.abs(value));
  const exponentAt = shortest.indexOf("e");
  const mantissa = exponentAt < 0 ? shortest : shortest.slice(0, exponentAt);
  const exponent = exponentAt < 0 ? 0 : Number(shortest.slice(exponentAt + 1));
  const pointAt = mantissa.indexOf(".");
  let digits = pointAt < 0 ? mantissa : mantissa.slice(0, pointAt) + mantissa.slice(pointAt + 1);
  let point = (pointAt < 0 ? mantissa.length : pointAt) + exponent;
  const leadingZeros = digits.length - digits.replace(/^0+/, "").length;
  digits = digits.slice(leadingZeros);
  point -= leadingZeros;
  if (digits === "") point = 0;
  // Rounded half away from zero on those digits.
  const keep = "significant" in rounding ? rounding.significant : point + rounding.decimals;
  if (keep < digits.length) {
    const up = keep >= 0 && digits.charCodeAt(keep) >= 53; // "5"
    digits = keep > 0 ? digits.slice(0, keep) : "";
    if (up) {
      let at = digits.length - 1;
      while (at >= 0 && digits[at] === "9") at -= 1;
      if (at < 0) {
        digits = `1${"0".repeat(digits.length)}`;
        point += 1;
      } else digits = digits.slice(0, at) + String.fromCharCode(digits.charCodeAt(at) + 1) + "0".repeat(digits.length - at - 1);
    }
    digits = digits.replace(/0+$/, "");
    if (digits === "") point = 0;
  }
  return { negative, digits, point };
}

/**
 * A finite number written as en-GB's Intl.NumberFormat writes it (see above), without the sign's
 * handling of money.
 */
function writeNumber(value: number, rounding: Rounding): { negative: boolean; text: string } {
  const { negative, digits, point } = roundedDigits(value, rounding);
  const whole = point <= 0 ? "0" : digits.slice(0, point).padEnd(point, "0");
  let decimals = point >= 0 ? digits.slice(point) : "0".repeat(-point) + digits;
  const fewest = "decimals" in rounding ? (rounding.fewestDecimals ?? 0) : 0;
  if (decimals.length < fewest) decimals = decimals.padEnd(fewest, "0");
  const grouped = groupDigitString(whole);
  return { negative, text: decimals ? `${grouped}.${decimals}` : grouped };
}

/** A plain number, as en-GB's Intl writes it. */
function writePlain(value: number, rounding: Rounding): string {
  const { negative, text } = writeNumber(value, rounding);
  return negative ? `-${text}` : text;
}

/** The space between a symbol that ends in a letter and the number ("KWD 2,000", "€2,000"), as en-GB's Intl writes it. */
function symbolSpace(symbol: string): string {
  return /\p{L}$/u.test(symbol) ? "\u00a0" : "";
}

/** Money in a currency of the table, as en-GB's Intl writes it. */
function writeMoney(value: number, symbol: string, rounding: Rounding): string {
  const { negative, text } = writeNumber(value, rounding);
  return `${negative ? "-" : ""}${symbol}${symbolSpace(symbol)}${text}`;
}

/** Money as Intl writes it, for a currency outside the table or a number that is not finite. */
function intlMoney(value: number, currency: string, key: string, options: Intl.NumberFormatOptions): string {
  return numberFormat(`${key}:${currency}`, () => new Intl.NumberFormat(LOCALE, { style: "currency", currency, ...options })).format(value);
}

const shortMoney = { significant: 3 } as const;
const shortMoneyOptions = { maximumSignificantDigits: 3 } as const;
const exactMoney = { decimals: 0 } as const;
const exactMoneyOptions = { minimumFractionDigits: 0, maximumFractionDigits: 0 } as const;

/** Money rounded as asked, written here when it can be and by Intl otherwise. */
function money(value: number, currency: string, rounding: Rounding, key: string, options: Intl.NumberFormatOptions): string {
  const symbol = knownSymbol(currency);
  return symbol !== undefined && Number.isFinite(value) ? writeMoney(value, symbol, rounding) : intlMoney(value, currency, key, options);
}

/**
 * Rounds to the nearest whole number, a half away from zero (as the writing below and Intl do, and
 * as Excel's ROUND): −2.5 is −3, the minus of 2.5's 3, so that a loss written "−€3" in a table is
 * "loses €3" or "€3 less" in words. (`Math.round` takes a half up: −2.5 to −2.)
 * @example roundHalfAway(-2.5) // -3 ; roundHalfAway(2.5) // 3
 */
export function roundHalfAway(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

/**
 * Rounds to `digits` significant figures, never past the units; a half away from zero.
 * @example roundSignificant(7959, 3) // 7960
 */
export function roundSignificant(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(value))) + 1;
  const step = Math.pow(10, Math.max(0, magnitude - digits));
  const rounded = roundHalfAway(value / step) * step;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * Rounds to `digits` significant figures, past the units too (where `roundSignificant` stops at the
 * units and makes a share of 0.05 nought); a half away from zero.
 * @example roundSignificantFigures(0.05123) // 0.0512 ; roundSignificantFigures(15.08) // 15.1 ; roundSignificantFigures(7959) // 7960
 */
export function roundSignificantFigures(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  return Number(value.toPrecision(digits));
}

/**
 * A number to `digits` significant figures, past the units too, with thousands separators: a share
 * of 0.05 or 0.3 deployments a month keeps its figures, where `roundSignificant` (never past the
 * units) would write "0". A half away from zero.
 * @example formatSignificant(0.0512) // "0.0512" ; formatSignificant(15.08) // "15.1" ; formatSignificant(12_345) // "12,300"
 */
export function formatSignificant(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  if (value === 0) return "0";
  return writePlain(value, { significant: digits });
}

/**
 * Two net gains that are not the same (the engine's `sameGain`) but less than one unit apart: their gap in words,
 * "less than €1", in every view that says it (`run`'s and the web app's close call, page 1's), where
 * "leads by €1" beside "less than €1 more" elsewhere, or beside two equal figures, reads as a mistake.
 * One rule on the exact figures, as `sameGain` is, because each view rounds its figures its own way
 * (€1,234.60 and €1,233.90 are €1,235 and €1,234 in `run`, €1,230 each on page 1). Undefined
 * otherwise: the gap is said as a figure.
 * @example lessThanOneUnitApart(9996.4, 9995.6, "EUR") // "less than €1" ; lessThanOneUnitApart(1234.6, 1233.9, "EUR") // "less than €1"
 * @example lessThanOneUnitApart(9995.6, 9994.5, "EUR") // undefined
 */
export function lessThanOneUnitApart(a: number, b: number, currency: string): string | undefined {
  return !sameGain(a, b) && Math.abs(a - b) < 1 ? `less than ${formatMoneyExact(1, currency)}` : undefined;
}

/**
 * A computed value without the last bits' residue of floating point: twelve significant figures, far
 * beyond anything shown, and far above the residue (a range's 5th percentile, worked out from its
 * distribution, comes back as 1499.9999999999986 for the 1,500 the file gives).
 * @example withoutResidue(1499.9999999999986) // 1500
 */
export function withoutResidue(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/**
 * Money for the main text: three significant figures, millions and billions in words.
 * @example formatMoney(7959.4, "EUR") // "€7,960" ; formatMoney(2_345_678, "USD") // "US$2.35 million"
 */
export function formatMoney(value: number, currency: string): string {
  const rounded = roundSignificant(value);
  for (const [size, word] of largeNumberWords) {
    if (Math.abs(rounded) >= size) return `${money(rounded / size, currency, shortMoney, "short", shortMoneyOptions)} ${word}`;
  }
  return money(rounded, currency, exactMoney, "exact", exactMoneyOptions);
}

/**
 * Money to the unit, for tables and the assumptions where the reader checks sums.
 * @example formatMoneyExact(7959.4, "EUR") // "€7,959"
 */
export function formatMoneyExact(value: number, currency: string): string {
  const rounded = roundHalfAway(value);
  return money(rounded === 0 ? 0 : rounded, currency, exactMoney, "exact", exactMoneyOptions);
}

/**
 * Money to the currency's minor unit (`currencyDecimals`), every decimal of it written: to the cent
 * in euros, to the fils in Kuwaiti dinars (three decimals), to the unit in yen; for the few figures
 * that must add up where to the unit they would not (track add's plan and its parts, `moneyAddingUp`).
 * @example formatMoneyCents(-5600.8, "EUR") // "-€5,600.80" ; formatMoneyCents(2000.4, "KWD") // "KWD 2,000.400" ; formatMoneyCents(2000.4, "JPY") // "JP¥2,000"
 */
export function formatMoneyCents(value: number, currency: string): string {
  return moneyToDecimals(value, currency, currencyDecimals(currency));
}

/**
 * Money parts and their total written so that they add up as written, as a finance reader adds them:
 * to the unit (`formatMoneyExact`) when the parts rounded to the unit sum to their total rounded to
 * the unit; else to the currency's minor unit (`formatMoneyCents`: the cent, the fils of the Kuwaiti
 * dinar's three decimals), where -€3,600.40 and -€2,000.40 make -€5,600.80 (to the unit -€3,600 and
 * -€2,000 beside a total of -€5,601). The total is the sum of the parts as written: to the cent, parts
 * that round at half a cent could still miss the exact total by one.
 * A currency without a minor unit (the yen) is never written to the cent: each figure to the unit
 * on its own, the total too (so a month recorded as planned reads as the plan's total), and
 * `roundedApart` says when, so written, the parts do not add up to the total (`roundedApartWords`
 * says so). `write` writes any other figure said with them at the same precision. One rule for
 * `track add`'s month 1 and, through `firstMonthsWriting`, the up-front and month-1 rows of `track
 * show`'s, `track forecast`'s and the report's tables.
 * @example moneyAddingUp([-3600.4, -2000.4], "EUR").total // "-€5,600.80" ; moneyAddingUp([-3600, -2000], "EUR").total // "-€5,600"
 * @example moneyAddingUp([-3600.4, -2000.4], "JPY") // parts "-JP¥3,600" and "-JP¥2,000", total "-JP¥5,601", roundedApart true
 */
export function moneyAddingUp(
  parts: readonly number[],
  currency: string,
  options: { toTheCent?: boolean } = {},
): { toTheCent: boolean; roundedApart: boolean; parts: string[]; total: string; write: (value: number) => string; totalValue: number } {
  const unit = roundToTheUnit;
  // To the currency's minor unit (the cent, or the fils of a three-decimal dinar).
  const minor = Math.pow(10, currencyDecimals(currency));
  const cents = (value: number) => roundHalfAway(value * minor) / minor + 0;
  const addsUp = addsUpToTheUnit(parts);
  if (currencyDecimals(currency) === 0) {
    const write = (value: number) => formatMoneyExact(value, currency);
    const totalValue = unit(parts.reduce((sum, part) => sum + part, 0));
    return { toTheCent: false, roundedApart: !addsUp, parts: parts.map(write), total: write(totalValue), write, totalValue };
  }
  // `toTheCent`: figures written beside others that must be to the cent (the other column of a table row).
  const toTheUnit = !options.toTheCent && addsUp;
  const round = toTheUnit ? unit : cents;
  const write = (value: number) => (toTheUnit ? formatMoneyExact(value, currency) : formatMoneyCents(round(value), currency));
  const totalValue = parts.reduce((sum, part) => sum + round(part), 0);
  return { toTheCent: !toTheUnit, roundedApart: false, parts: parts.map((part) => write(round(part))), total: write(totalValue), write, totalValue };
}

/**
 * Figures of a currency without a minor unit that, each rounded to the unit on its own, do not add
 * up as written (`moneyAddingUp`'s `roundedApart`): what to say beside them.
 * @example roundedApartWords("JPY", "the plan") // "each rounded to JP¥1 on its own, so they can differ from the plan as written by JP¥1"
 */
export function roundedApartWords(currency: string, total = "their total"): string {
  const one = formatMoneyExact(1, currency);
  return `each rounded to ${one} on its own, so they can differ from ${total} as written by ${one}`;
}

/** Money rounded to the unit, a half away from zero; `+ 0`: a value that rounds to nothing is 0, not the −0 that would be written "-€0". */
function roundToTheUnit(value: number): number {
  return roundHalfAway(value) + 0;
}

/** Whether money parts rounded to the unit each sum to their total rounded to the unit. */
function addsUpToTheUnit(parts: readonly number[]): boolean {
  return parts.reduce((sum, part) => sum + roundToTheUnit(part), 0) === roundToTheUnit(parts.reduce((sum, part) => sum + part, 0));
}

/** A plan-versus-actual table's up-front benefit and month 1's benefit and cumulative benefit in one column (plan, actual or forecast), as written. */
export interface FirstMonthsWritten {
  upFront: string;
  month1: string;
  cumulative: string;
}

/** The up-front figure, month 1's and its cumulative, as a table's columns and rows name them, for its note (`firstMonthsWriting`). */
export interface FirstMonthsNames {
  /** The subject that starts the note: "The up-front figure". */
  upFront: string;
  month1: string;
  cumulative: string;
}

/** How a plan-versus-actual table writes its up-front row and month 1 (`firstMonthsWriting`). */
export interface FirstMonthsWriting {
  /** Each column's up-front figure, month 1's benefit and its cumulative benefit, as written; undefined for a column with none. */
  columns: (FirstMonthsWritten | undefined)[];
  /** The two rows' cash, at the precision of the benefit beside it (not "€2,000" beside "-€2,000.40"). */
  cash: (value: number) => string;
  /**
   * In a currency without a minor unit (the yen), when the figures rounded to the unit each do not
   * add up (month 1's cumulative is not the up-front figure plus month 1's as written): a note saying
   * so, for under the table. Absent otherwise.
   */
  note?: string;
}

/**
 * How the up-front row and month 1 of a plan-versus-actual table (`track show`, `track forecast`, the
 * report's "Plan and reality so far") are written, one rule for every such table: so that month 1's
 * cumulative benefit is the up-front figure plus month 1's benefit as written (`moneyAddingUp`, as
 * `track add` writes month 1): to the unit when every column adds up so, else every column, and the
 * two rows' cash, to the cent (€2,000.40 up front and a month of €3,600.40 read "-€2,000", "-€3,600"
 * and "-€5,601"; now "-€2,000.40", "-€3,600.40" and "-€5,600.80"). A currency without a minor unit
 * (the yen) is never written to the cent: each figure to the unit, as every other row's, and a
 * `note` says so when they do not add up. Each column is [the up-front figure, month 1's benefit], or
 * undefined when it has none (nothing recorded yet). `names` are the figures as the table names them
 * in its note (the report's table says "Start" and "gain", not "up front" and "benefit").
 * @example firstMonthsWriting([[-2000.4, -3600.4], undefined], "EUR").columns[0] // { upFront: "-€2,000.40", month1: "-€3,600.40", cumulative: "-€5,600.80" }
 * @example firstMonthsWriting([[-2000.4, -3600.4]], "JPY").columns[0] // { upFront: "-JP¥2,000", month1: "-JP¥3,600", cumulative: "-JP¥5,601" }, with a note
 */
export function firstMonthsWriting(
  columns: readonly (readonly [number, number] | undefined)[],
  currency: string,
  names: FirstMonthsNames = { upFront: "The up-front figure", month1: "month 1's benefit", cumulative: "month 1's cumulative benefit" },
): FirstMonthsWriting {
  // One column to the cent puts every column to the cent: the rows are read across.
  const toTheCent = columns.some((column) => column && moneyAddingUp(column, currency).toTheCent);
  const written = columns.map((column) => column && moneyAddingUp(column, currency, { toTheCent }));
  const roundedApart = written.some((adding) => adding?.roundedApart);
  return {
    columns: written.map((adding) => adding && { upFront: adding.parts[0]!, month1: adding.parts[1]!, cumulative: adding.total }),
    cash: (value) => (toTheCent ? formatMoneyCents(value, currency) : formatMoneyExact(value, currency)),
    ...(roundedApart ? { note: `${names.upFront} and ${names.month1} are ${roundedApartWords(currency, names.cumulative)}.` } : {}),
  };
}

/**
 * An amount above zero that rounds to no whole unit, in words: "less than €1", where "€0" would read
 * as nothing at all (a value of information above the noise level, say). Undefined for any other amount.
 * @example lessThanOneUnit(0.03, "EUR") // "less than €1"
 */
export function lessThanOneUnit(value: number, currency: string): string | undefined {
  return value > 0 && Math.round(value) === 0 ? `less than ${formatMoneyExact(1, currency)}` : undefined;
}

/**
 * A net gain as every view writes the figure: "less than €1" for one above zero that rounds to no
 * whole unit (`lessThanOneUnit`), never "€0", which reads as no gain at all; else as the view writes
 * money (`money`: to the unit by default, three significant figures in the report's text). One rule
 * for page 1's card and options table, `run`'s and the web app's close call, the web app's cards.
 * A loss under one unit is not a gain: it is written as `money` writes it.
 * @example formatGain(0.3, "EUR") // "less than €1" ; formatGain(7959.4, "EUR") // "€7,959" ; formatGain(-0.4, "EUR") // "€0"
 */
export function formatGain(value: number, currency: string, money: (value: number) => string = (amount) => formatMoneyExact(amount, currency)): string {
  return lessThanOneUnit(value, currency) ?? money(value);
}

/**
 * How many decimals each currency's money is written with where it is not two, as the Unicode CLDR
 * gives them (its "digits", which Intl uses): 0 for the yen, the won or the Icelandic króna, which
 * have no cents, and for the currencies whose minor unit ISO 4217 keeps but nobody writes (the
 * forint, the rupiah, the Colombian peso, the Iraqi dinar…: "HUF 6,001", not "HUF 6,000.50"); 3 for
 * the dinars and rials divided in thousandths (fils, baisa, millimes); 4 for Chile's and Uruguay's
 * units of account. Every other code, and one CLDR does not know, has two. The one rule of how many
 * decimals money is written with, wherever it is written with its minor unit (docs/scenario-file.md,
 * `currency`); a table here rather than Intl's answer, so every view and every browser write the same.
 */
export const MINOR_UNITS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    "AFN ALL BIF CLP COP DJF GNF HUF IDR IQD IRR ISK JPY KMF KPW KRW LAK LBP MGA MMK PKR PYG RWF SLL SOS SYP UGX UYI VND VUV XAF XOF XPF YER"
      .split(" ")
      .map((code) => [code, 0]),
  ),
  ...Object.fromEntries("BHD JOD KWD LYD OMR TND".split(" ").map((code) => [code, 3])),
  CLF: 4,
  UYW: 4,
};

/**
 * How many decimals the currency's money is written with (`MINOR_UNITS`, the Unicode CLDR's): 2 for the euro, 0
 * for the yen and the forint, 3 for the Kuwaiti dinar. 2 for a code the table does not know.
 * @example currencyDecimals("EUR") // 2 ; currencyDecimals("JPY") // 0 ; currencyDecimals("KWD") // 3
 */
export function currencyDecimals(currency: string): number {
  return Object.hasOwn(MINOR_UNITS, currency) ? MINOR_UNITS[currency]! : 2;
}

/** Money to `decimals` decimals, every one written, here when it can be and by Intl otherwise. */
function moneyToDecimals(value: number, currency: string, decimals: number): string {
  return money(value, currency, { decimals, fewestDecimals: decimals }, `decimals${decimals}`, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/**
 * An amount to the currency's minor unit (`currencyDecimals`): to the unit when it is whole at that
 * precision, else with every decimal of the minor unit: "€959.52", "€960", "KWD 959.525", and in a
 * currency without a minor unit (the yen) always to the unit, "JP¥56", not "JP¥56.40". For a
 * computed figure read against a bound given to the cent (optimize's first-year cash beside its
 * budget): €959.52 of fees read "€960" under "at most €959.60", as if over it.
 * @example formatMoneyToMinorUnit(959.523, "EUR") // "€959.52" ; formatMoneyToMinorUnit(56.4, "JPY") // "JP¥56" ; formatMoneyToMinorUnit(959.5254, "KWD") // "KWD 959.525"
 */
export function formatMoneyToMinorUnit(value: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const rounded = roundAsWritten(value, decimals);
  return Number.isInteger(rounded) ? formatMoneyExact(rounded, currency) : moneyToDecimals(rounded, currency, decimals);
}

/**
 * A recorded amount as `track add` echoes it: the value as recorded, to the currency's minor unit
 * and with any further decimal given (`formatMoneyAsGiven`: "€12,000.50", "€12,000.555", "KWD
 * 12,000.500"); in a currency without a minor unit (the yen), to the unit as every other yen figure
 * ("JP¥3,600", not "JP¥3,600.4"), and one above zero that rounds to no yen "less than JP¥1", not a
 * "JP¥0" that reads as nothing recorded.
 * @example formatMoneyAsRecorded(3600.4, "JPY") // "JP¥3,600" ; formatMoneyAsRecorded(0.4, "JPY") // "less than JP¥1" ; formatMoneyAsRecorded(12000.5, "KWD") // "KWD 12,000.500"
 */
export function formatMoneyAsRecorded(value: number, currency: string): string {
  if (currencyDecimals(currency) > 0) return formatMoneyAsGiven(value, currency);
  return lessThanOneUnit(value, currency) ?? formatMoneyExact(value, currency);
}

/**
 * Whether a money input is written to the unit: when it is whole, or, in a currency without a minor
 * unit (the yen), when rounding it to the unit moves it by half a percent at most (from 100 up, as
 * every other yen figure: "JP¥6,001", not "JP¥6,000.50"). Below that the cents the user wrote are kept:
 * 0.4 yen a month reads "JP¥0.40", not a "JP¥0" that reads as free, 2.5 yen "JP¥2.50", not "JP¥3".
 * The report's inputs, the workbook's input cells and the web app's catalogue follow it.
 * @example inputMoneyToTheUnit(6000.5, "JPY") // true ; inputMoneyToTheUnit(0.4, "JPY") // false ; inputMoneyToTheUnit(12.5, "EUR") // false
 */
export function inputMoneyToTheUnit(value: number, currency: string): boolean {
  return Number.isInteger(value) || (currencyDecimals(currency) === 0 && Math.abs(value) >= 100);
}

/**
 * A money value an input holds: to the unit, cents kept when the user wrote them, in a currency that
 * has cents or, in one without (the yen), below 100 (`inputMoneyToTheUnit`).
 * @example formatInputMoney(12.5, "EUR") // "€12.50" ; formatInputMoney(6000.5, "JPY") // "JP¥6,001" ; formatInputMoney(0.4, "JPY") // "JP¥0.40"
 */
export function formatInputMoney(value: number, currency: string): string {
  const decimals = inputMoneyDecimals(value, currency);
  return decimals === 0 ? formatMoneyExact(value, currency) : moneyToDecimals(value, currency, decimals);
}

/**
 * How many decimals `formatInputMoney` writes a money input with: none when it is written to the unit
 * (`inputMoneyToTheUnit`), else the currency's minor unit (`currencyDecimals`: 2 for the euro, 3 for
 * the Kuwaiti dinar), and 2 below 100 in a currency without one (the yen's "JP¥0.40"). For a view that
 * sets a number's precision rather than writing its text (the workbook's input cells).
 * @example inputMoneyDecimals(12.5, "EUR") // 2 ; inputMoneyDecimals(12.5, "KWD") // 3 ; inputMoneyDecimals(0.4, "JPY") // 2 ; inputMoneyDecimals(6000.5, "JPY") // 0
 */
export function inputMoneyDecimals(value: number, currency: string): number {
  if (inputMoneyToTheUnit(value, currency)) return 0;
  return currencyDecimals(currency) === 0 ? 2 : currencyDecimals(currency);
}

/**
 * A number as decimals, not in the exponent form String() gives below 1e-6 and from 1e21 up:
 * 1e-7 is "0.0000001" (`--budget 1e-7` read "€0.00"). Undefined for a fraction of more than 100 decimals.
 * @example withoutExponent(1e-7) // "0.0000001" ; withoutExponent(959.6) // "959.6"
 */
function withoutExponent(value: number): string | undefined {
  const written = String(value);
  const exponent = /^(-?)(\d)(?:\.(\d+))?e-(\d+)$/.exec(written);
  if (!exponent) return written;
  const decimals = (exponent[3]?.length ?? 0) + Number(exponent[4]);
  return decimals <= 100 ? `${exponent[1]}0.${"0".repeat(Number(exponent[4]) - 1)}${exponent[2]}${exponent[3] ?? ""}` : undefined;
}

/**
 * A number too small to write out in decimals (`withoutExponent`: more than 100 of them) as a power
 * of ten, its digits as given: 1e-200 is "1 × 10⁻²⁰⁰", 2.5e-150 "2.5 × 10⁻¹⁵⁰"; `write` writes the
 * digits before it (with a currency's symbol, say). Undefined for any other number.
 * @example powerOfTen(1e-200) // "1 × 10⁻²⁰⁰" ; powerOfTen(0.5) // undefined
 */
function powerOfTen(value: number, write: (digits: number) => string = (digits) => writePlain(digits, { decimals: 20 })): string | undefined {
  if (withoutExponent(value) !== undefined) return undefined;
  const [digits, exponent] = String(value).split("e");
  const superscript = [..."⁰¹²³⁴⁵⁶⁷⁸⁹"];
  const power = exponent!.replace(/^-/, "⁻").replace(/\d/g, (digit) => superscript[Number(digit)]!);
  return `${write(Number(digits))} × 10${power}`;
}

/**
 * A bound the user gave in money (optimize's --budget), written so that it reads as the bound used:
 * as an input is (`formatInputMoney`) when that form is the number itself, else with the decimals
 * given. 959.6 yen read "JP¥960" above a ranking that left out a set of JP¥960, as if within. A
 * currency without a minor unit (the yen) gets no cents it does not have: 0.4 yen is "JP¥0.4", not
 * "JP¥0.40". A tiny budget is written in full, not as a "€0.00" that reads as none, and one too small
 * for that (beyond 100 decimals) as a power of ten: 1e-200 read "at most less than €0.01".
 * @example formatMoneyAsGiven(959.6, "JPY") // "JP¥959.6" ; formatMoneyAsGiven(959.999, "EUR") // "€959.999" ; formatMoneyAsGiven(959.6, "EUR") // "€959.60"
 * @example formatMoneyAsGiven(1e-7, "EUR") // "€0.0000001" ; formatMoneyAsGiven(0.4, "JPY") // "JP¥0.4" ; formatMoneyAsGiven(1e-200, "EUR") // "€1 × 10⁻²⁰⁰"
 * @example formatMoneyAsGiven(1.5e21, "JPY") // "JP¥1,500,000,000,000,000,000,000"
 */
export function formatMoneyAsGiven(value: number, currency: string): string {
  const written = withoutExponent(value);
  const given = (amount: number, decimals: number) => moneyToDecimals(amount, currency, decimals);
  if (written === undefined) return powerOfTen(value, (digits) => given(digits, String(digits).split(".")[1]?.length ?? 0))!;
  // From 1e21 up the written form has an exponent ("1.5e+21"): a whole number, with no decimals to keep
  // (the exponent's characters once counted as five, "JP¥1,500,000,000,000,000,000,000.00000").
  const decimals = written.includes("e+") ? 0 : (written.split(".")[1]?.length ?? 0);
  // The input's form is the number itself: whole, or to the minor unit where an input keeps its cents (in a currency that has a minor unit).
  if (value < 0 || decimals === 0 || (decimals <= currencyDecimals(currency) && !inputMoneyToTheUnit(value, currency)))
    return formatInputMoney(value, currency);
  return given(value, decimals);
}

/**
 * A bound the user gave in a unit other than money (optimize's --setup-hours), quoted back as the
 * bound used: every digit given (`formatNumberAsGiven`), but in words a reader takes in rather than
 * JavaScript's exponent: one too small to write in decimals as a power of ten (1e-200 read
 * "setup at most 1e-200 hours"), one from 1e21 up grouped as every whole number is.
 * @example formatBoundAsGiven(300.5) // "300.5" ; formatBoundAsGiven(1e-200) // "1 × 10⁻²⁰⁰" ; formatBoundAsGiven(1e21) // "1,000,000,000,000,000,000,000"
 */
export function formatBoundAsGiven(value: number): string {
  if (Number.isFinite(value) && String(value).includes("e+")) return formatNumber(value);
  return powerOfTen(value) ?? formatNumberAsGiven(value);
}

/**
 * The number a figure written to at most `fractionDigits` decimals (`formatNumber`) reads as, from
 * the same rounding (on its shortest decimal, a half away from zero): 300.005 hours written "300.01"
 * read as 300.01, where Math.round(300.005 * 100) / 100 gives 300, below a limit of 300.005.
 * @example roundAsWritten(300.005, 2) // 300.01 ; roundAsWritten(0.0004, 2) // 0
 */
export function roundAsWritten(value: number, fractionDigits: number): number {
  if (!Number.isFinite(value)) return value;
  const { negative, digits, point } = roundedDigits(value, { decimals: fractionDigits });
  const magnitude = digits === "" ? 0 : Number(`${digits}e${point - digits.length}`);
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * A plain number with thousands separators and at most `fractionDigits` decimals.
 * @example formatNumber(1234.56, 1) // "1,234.6"
 */
export function formatNumber(value: number, fractionDigits = 0): string {
  const shown = Math.abs(value) < Math.pow(10, -fractionDigits) / 2 ? 0 : value;
  if (Number.isFinite(shown)) return writePlain(shown, { decimals: fractionDigits });
  return numberFormat(`number:${fractionDigits}`, () => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: fractionDigits })).format(shown);
}

/**
 * A number the user gave, quoted back in full: every digit it has, the whole part grouped by
 * thousands as every figure is (the editor's boxes and messages, optimize's --setup-hours: 0.0004
 * hours once read "0 hours", 300.5 "301 setup hours", 1e12 "1000000000000"). A small one JavaScript
 * writes with an exponent is written out in decimals while that takes at most 100 of them (1e-7 is
 * "0.0000001"); from 1e21 up, and below that, it keeps the exponent rather than run to dozens of digits.
 * @example formatNumberAsGiven(1e12) // "1,000,000,000,000" ; formatNumberAsGiven(1234.5678) // "1,234.5678" ; formatNumberAsGiven(1e-7) // "0.0000001" ; formatNumberAsGiven(1e21) // "1e+21"
 */
export function formatNumberAsGiven(value: number): string {
  const written = String(value);
  if (!Number.isFinite(value) || written.includes("e+")) return written;
  if (written.includes("e-")) return withoutExponent(value) ?? written;
  return writePlain(value, { decimals: written.length });
}

/**
 * A plain number with thousands separators and exactly `fractionDigits` decimals, for a column of
 * figures that reads to the same decimal ("1.500", "35,792.561"), grouped as every other figure is.
 * @example formatNumberFixed(35792.5614, 3) // "35,792.561" ; formatNumberFixed(0.5, 3) // "0.500"
 */
export function formatNumberFixed(value: number, fractionDigits: number): string {
  if (!Number.isFinite(value)) return formatNumber(value, fractionDigits);
  const shown = Math.abs(value) < Math.pow(10, -fractionDigits) / 2 ? 0 : value;
  return writePlain(shown, { decimals: fractionDigits, fewestDecimals: fractionDigits });
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
  return formatNumber(roundHalfAway(value * 10) / 10, 1);
}

/**
 * Team hours in a table cell that carries its unit, to a tenth as tables give hours (docs/numbers.md,
 * "How figures are written"): "1,383.2 hours", as `run` writes "1,383.2 h"; "1 hour".
 * @example formatHoursInTable(1383.23) // "1,383.2 hours" ; formatHoursInTable(1) // "1 hour"
 */
export function formatHoursInTable(value: number): string {
  const written = formatHoursTenth(value);
  return `${written} ${written === "1" ? "hour" : "hours"}`;
}

/**
 * A percentage that is not zero but would be written "0%" at its usual precision (`decimals`), to its
 * first significant figure ("0.04%", "-0.02%"): a rate that is there never reads as none. Never to a
 * figure that precision would itself write otherwise: 0.499% is "0.499%", not "0.5%", which is how
 * 0.5% is never written (it reads "1%" to the whole percent); so more figures are kept until the
 * figure is under the half step. Undefined for any other, which is written as usual.
 * @example tinyPercent(0.0004, "0", 0) // "0.04%" ; tinyPercent(0.00018, "0", 0) // "0.02%" ; tinyPercent(0.00499, "0", 0) // "0.499%"
 */
function tinyPercent(share: number, written: string, decimals: number): string | undefined {
  if (share === 0 || !Number.isFinite(share) || !/^-?0$/.test(written)) return undefined;
  const percent = withoutResidue(share * 100);
  const halfStep = Math.pow(10, -decimals) / 2;
  let text = writePlain(percent, { significant: 1 });
  // withoutResidue keeps twelve significant figures, so this ends, at the latest with the figure itself.
  for (let significant = 2; Math.abs(Number(text)) >= halfStep && significant <= 12; significant += 1) text = writePlain(percent, { significant });
  return `${text}%`;
}

/**
 * A percentage that is not −100% but would be written "-100%" at whole percents, to as many decimals
 * as it takes not to: a return on cost of −100% says that nothing at all comes back, which a return of
 * −99.8% (a little comes back) does not. Undefined for any other, which is written as usual.
 * @example wholeLoss(-0.99817, "-100") // "-99.8%" ; wholeLoss(-0.999973, "-100") // "-99.997%" ; wholeLoss(-1, "-100") // undefined
 */
function wholeLoss(share: number, written: string): string | undefined {
  if (share === -1 || written !== "-100") return undefined;
  const percent = withoutResidue(share * 100);
  for (let decimals = 1; decimals <= 10; decimals += 1) {
    const text = formatNumber(percent, decimals);
    if (text !== "-100") return `${text}%`;
  }
  return undefined;
}

/**
 * A share as a whole percentage; `null` (a ratio with nothing to divide by) as "n/a". One that is not
 * zero but under half a percent keeps its first significant figure, never "0%" (`tinyPercent`), and
 * one that is not −100% never reads "-100%" (`wholeLoss`).
 * @example formatPercent(0.874) // "87%" ; formatPercent(null) // "n/a" ; formatPercent(0.00018) // "0.02%" ; formatPercent(-0.99817) // "-99.8%"
 */
export function formatPercent(share: number | null): string {
  if (share === null) return "n/a";
  // Without the residue of the multiplication: 0.145 × 100 is 14.499999999999998, which read "14%".
  const written = formatNumber(roundHalfAway(withoutResidue(share * 100)));
  return tinyPercent(share, written, 0) ?? wholeLoss(share, written) ?? `${written}%`;
}

/**
 * How many decimals `formatPercent` writes a share with: 0 but for the shares it keeps from reading
 * "0%" or "-100%" (`tinyPercent`, `wholeLoss`), for a view that sets a number's precision rather than
 * writing its text (the workbook's number formats).
 * @example percentDecimals(0.874) // 0 ; percentDecimals(-0.99817) // 1 ; percentDecimals(0.00018) // 2 ; percentDecimals(null) // 0
 */
export function percentDecimals(share: number | null): number {
  return /\.(\d+)%$/.exec(formatPercent(share))?.[1]?.length ?? 0;
}

/**
 * A rate or share given in the file (the discount rate, the capture share, a risk adjustment's cut) as
 * a percentage, as the file writes it: to a hundredth of a percent, trailing zeros dropped, so that
 * 2.5% is not shown as 3% nor 8.25% as 8.3%; one that is not zero but under half a hundredth keeps its
 * first significant figure, never "0%" (`tinyPercent`).
 * @example formatShare(0.025) // "2.5%" ; formatShare(0.1) // "10%" ; formatShare(0.0825) // "8.25%" ; formatShare(0.0004) // "0.04%"
 */
export function formatShare(share: number): string {
  const written = formatNumber(share * 100, 2);
  return tinyPercent(share, written, 2) ?? `${written}%`;
}

/**
 * A share with its sign, for a change to a figure; no change (0, or a cut of 0 negated to −0) has no sign.
 * @example formatSignedShare(-0.1) // "−10%" ; formatSignedShare(0.025) // "+2.5%" ; formatSignedShare(-0) // "0%"
 */
export function formatSignedShare(share: number): string {
  if (share === 0) return formatShare(0);
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
 * A chance counted over `samples` samples (or draws: `unit`), as `formatChance` writes it, but when
 * the count is exactly none or every one of them: then what the samples show, "none of the 400 draws"
 * or "every one of the 10,000 samples", not "under 1%" or "over 99%", which beside a statement that
 * holds only when it is none (an option that ranks first only when no other pays back; nothing worth
 * measuring, which holds only when no other option is ever best) would read as a contradiction. A
 * chance above 0 and below 1 still never claims a certainty (docs/numbers.md, "How figures are written").
 * @example formatChanceOfSamples(0, 400, "draw") // "none of the 400 draws"
 * @example formatChanceOfSamples(1, 10000, "sample") // "every one of the 10,000 samples"
 * @example formatChanceOfSamples(0.001, 10000, "sample") // "under 1%"
 */
export function formatChanceOfSamples(share: number, samples: number, unit: string): string {
  return chanceCountWords(share, samples, unit) ?? formatChance(share);
}

/**
 * "none of the 400 draws" or "every one of the 10,000 samples" when a chance over `samples` is exactly
 * 0 or 1 (`formatChanceOfSamples`); `undefined` otherwise.
 */
export function chanceCountWords(share: number, samples: number, unit: string): string | undefined {
  if (!saidAsCount(share)) return undefined;
  if (share === 0) return `none of the ${plural(samples, unit)}`;
  return samples === 1 ? `the one ${unit}` : `every one of the ${plural(samples, unit)}`;
}

/**
 * Whether a chance over the samples is said as the count, not as a chance (`chanceCountWords`,
 * `shareOfWords`): exactly 0 or 1, none or every one of them. The one test of it every view uses.
 */
export function saidAsCount(share: number): boolean {
  return share === 0 || share === 1;
}

/**
 * A chance over the samples with what it is of, to follow "in": `written` (the chance as the view
 * writes it, "56%", rounded with the others of its whole) "of `whole`", or, for a chance of exactly 0
 * or 1 (`saidAsCount`), the count: "every one of them", "none of them", or, with `counted`, naming
 * the samples, "every one of the 10,000 outcomes" (`chanceCountWords`). So a share of exactly 1 never
 * reads "over 99%" beside another of the same samples said as "none of them".
 * @example shareOfWords(0.56, "56%", "them") // "56% of them"
 * @example shareOfWords(1, "over 99%", "them") // "every one of them"
 * @example shareOfWords(0, "under 1%", "the outcomes", { samples: 10000, unit: "outcome" }) // "none of the 10,000 outcomes"
 */
export function shareOfWords(share: number, written: string, whole: string, counted?: SamplesCounted): string {
  if (!saidAsCount(share)) return `${written} of ${whole}`;
  if (counted) return chanceCountWords(share, counted.samples, counted.unit)!;
  return share === 1 ? `every one of ${whole}` : `none of ${whole}`;
}

/** Whether `formatChance` writes a chance as "over 99%" or "under 1%", not as a percentage. */
function chanceAtAnEnd(share: number): boolean {
  return share > 0.99 || share < 0.01;
}

/**
 * Shares of one whole (each option's chance of being best, which add up to 1) as whole percentages
 * that add up to the whole's: largest-remainder rounding. Each share's percentage is cut to its whole
 * part, and the points still missing (100 − the sum of the whole parts, for shares that add up to 1)
 * go one each to the largest fractional parts; of equal fractional parts, to the larger share, then
 * to the one given first. Equal shares always read equal: when the points still missing cannot go to
 * each of them, equal shares keep their nearest whole percentage and no smaller fractional part gets
 * a point, so they may add up to a little less or more than the whole: by up to k − 1 points for k
 * equal shares (a third each reads 33, 33 and 33; five of 19.6% beside 2% read 20 each and 2, 102). docs/numbers.md,
 * "How figures are written", has worked examples.
 * @example roundSharesOfWhole([0.456, 0.455, 0.089]) // [46, 45, 9], where each rounded alone is 46 + 46 + 9 = 101
 * @example roundSharesOfWhole([0.335, 0.33, 0.335]) // [34, 33, 34], not [34, 33, 33]
 */
export function roundSharesOfWhole(shares: readonly number[], total?: number): number[] {
  const percents = shares.map((share) => withoutResidue(share * 100));
  const whole = percents.map((percent) => Math.floor(percent));
  total ??= Math.round(withoutResidue(percents.reduce((sum, percent) => sum + percent, 0)));
  let missing = total - whole.reduce((sum, part) => sum + part, 0);
  const order = percents
    .map((percent, index) => ({ index, remainder: withoutResidue(percent - whole[index]!), percent }))
    .sort((a, b) => b.remainder - a.remainder || b.percent - a.percent || a.index - b.index);
  // Equal shares are next to each other in that order: each run of them takes its points together.
  for (let start = 0; start < order.length && missing > 0; ) {
    const { percent, remainder } = order[start]!;
    let end = start;
    while (end < order.length && order[end]!.percent === percent) end += 1;
    const equal = order.slice(start, end);
    if (equal.length > missing) {
      // Too few points for each: they keep their nearest whole percentage, and the rest none.
      if (remainder >= 0.5) for (const { index } of equal) whole[index]! += 1;
      break;
    }
    for (const { index } of equal) whole[index]! += 1;
    missing -= equal.length;
    start = end;
  }
  return whole;
}

/**
 * Chances from samples that are shares of one whole, written together so that the percentages add up
 * to 100% (`roundSharesOfWhole`), not 99% or 101% as each rounded alone can. A share below 1% or above
 * 99% reads as `formatChance` writes it, "under 1%" or "over 99%" (samples never show a certainty, and
 * page 1 says the same chance so): 99.16% beside 0.84% reads "over 99%" and "under 1%", not "99%" and
 * "1%". The shares between keep their nearest whole percentages when those add up with the others
 * (to 100, or beside u shares "under 1%", which hide less than a point each, to 100 − u up to 100);
 * otherwise they are rounded together to the nearest such total, equal shares alike (`roundSharesOfWhole`).
 * @example formatChancesOfWhole([0.456, 0.455, 0.089]) // ["46%", "45%", "9%"]
 * @example formatChancesOfWhole([0.556, 0.437, 0.007]) // ["56%", "44%", "under 1%"]
 * @example formatChancesOfWhole([0.9916, 0.0084]) // ["over 99%", "under 1%"]
 * @example formatChancesOfWhole([0.0029, 0.5591, 0.438]) // ["under 1%", "56%", "44%"]
 * With `counted`, a share of exactly 0 or 1 reads as the count (`formatChanceOfSamples`):
 * @example formatChancesOfWhole([1, 0], { samples: 10000, unit: "sample" }) // ["every one of the 10,000 samples", "none of the 10,000 samples"]
 */
export function formatChancesOfWhole(shares: readonly number[], counted?: SamplesCounted): string[] {
  const between = shares.filter((share) => !chanceAtAnEnd(share));
  // Each "under 1%" hides less than a point: beside u of them, shares between that read 100 − u to
  // 100 points in all add up with them, and each keeps its nearest whole percentage.
  const hidden = shares.filter((share) => share < 0.01).length;
  const nearest = between.map((share) => Math.round(withoutResidue(share * 100)));
  const sum = nearest.reduce((total, percent) => total + percent, 0);
  const rounded = sum >= 100 - hidden && sum <= 100 ? nearest : roundSharesOfWhole(between, sum > 100 ? 100 : 100 - hidden);
  let next = 0;
  const atAnEnd = (share: number) => (counted ? formatChanceOfSamples(share, counted.samples, counted.unit) : formatChance(share));
  return shares.map((share) => (chanceAtAnEnd(share) ? atAnEnd(share) : `${formatNumber(rounded[next++]!)}%`));
}

/**
 * How many samples (or draws) chances were counted over, for the views that say a chance of exactly 0
 * or 1 as the count (`formatChanceOfSamples`): "none of the 400 draws".
 */
export type SamplesCounted = { samples: number; unit: string };

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
 * A payback month as the options' tables write it (the report's, `optimize`'s, the workbook's): an
 * option whose cumulative net does not turn positive for good within the plan is "not within 12
 * months", not "never", which would claim more than the plan's months can tell.
 * @example formatPaybackMonth(5, 12) // "month 5" ; formatPaybackMonth(null, 12) // "not within 12 months" ; formatPaybackMonth(null, 1) // "not within 1 month"
 */
export function formatPaybackMonth(month: number | null, horizonMonths: number): string {
  return formatMonth(month, `not within ${plural(horizonMonths, "month")}`);
}

/**
 * What comes before an amount of money: the symbol, with the space the text writes after one that
 * ends in a letter (the charts' axis and bar labels: "KWD 25.6k" as the text's "KWD 25,600").
 * @example currencyPrefix("KWD") // "KWD\u00a0" ; currencyPrefix("EUR") // "€"
 */
export function currencyPrefix(currency: string): string {
  const symbol = currencySymbol(currency);
  return `${symbol}${symbolSpace(symbol)}`;
}

/**
 * The currency's symbol as every view writes it (the charts' axes and the workbook's cells too).
 * An unknown code reads as itself.
 * @example currencySymbol("EUR") // "€" ; currencySymbol("USD") // "US$"
 */
export function currencySymbol(currency: string): string {
  const known = knownSymbol(currency);
  if (known !== undefined) return known;
  try {
    const parts = numberFormat(`symbol:${currency}`, () => new Intl.NumberFormat(LOCALE, { style: "currency", currency })).formatToParts(1);
    return parts.find((part) => part.type === "currency")?.value ?? currency;
  } catch {
    return currency;
  }
}

/**
 * A measured amount with its unit, to at most `fractionDigits` decimals: singular when the number
 * reads "1" ("1 year", not "1 years"), plural otherwise ("0.5 years", "12 months").
 * @example formatQuantity(12.04, 1, "month") // "12 months" ; formatQuantity(0.998, 2, "year") // "1 year"
 */
export function formatQuantity(value: number, fractionDigits: number, noun: string, pluralNoun = `${noun}s`): string {
  return pluralAsWritten(formatNumber(value, fractionDigits), noun, pluralNoun);
}

/**
 * A figure as written with its noun: singular when it reads "1", plural otherwise, whatever the
 * number behind it ("0.5 hours", "1 hour", "1,000 hours"). The one rule of `plural` and
 * `formatQuantity`, for a figure written another way (a bound quoted as given, `formatBoundAsGiven`).
 * @example pluralAsWritten("1", "setup hour") // "1 setup hour" ; pluralAsWritten("300.5", "hour") // "300.5 hours"
 */
export function pluralAsWritten(written: string, noun: string, pluralNoun = `${noun}s`): string {
  return `${written} ${written === "1" ? noun : pluralNoun}`;
}

/**
 * When within its month a payback falls, from the start, in months (to a tenth) and years (to a
 * hundredth): the JSON's `paybackMonthInterpolated` and `paybackYears`. A crossing in the first days of
 * month 1 reads "under 0.1 months" and "under 0.01 years", never "0 months, or 0 years", which would say
 * there was nothing to pay back.
 * @example formatPaybackWithin(4.1, 0.3417) // { months: "4.1 months", years: "0.34 years" }
 * @example formatPaybackWithin(0.1, 0.00075) // { months: "under 0.1 months", years: "under 0.01 years" }
 */
export function formatPaybackWithin(months: number, years: number): { months: string; years: string } {
  const crossing = years * 12;
  return {
    months: crossing > 0 && crossing < 0.05 ? "under 0.1 months" : formatQuantity(months, 1, "month"),
    years: years > 0 && years < 0.005 ? "under 0.01 years" : formatQuantity(years, 2, "year"),
  };
}

/**
 * The plan's months after "over" or "within": "the 12 months" ("the 12 months of the plan"), but for a
 * plan of one month "the plan's one month", not "the 1 month".
 * @example theMonths(12) // "the 12 months" ; theMonths(12, true) // "the 12 months of the plan" ; theMonths(1, true) // "the plan's one month"
 */
export function theMonths(count: number, ofThePlan = false): string {
  return count === 1 ? "the plan's one month" : `the ${plural(count, "month")}${ofThePlan ? " of the plan" : ""}`;
}

/**
 * A count with its noun, singular or plural.
 * @example plural(1, "project") // "1 project" ; plural(3, "live project") // "3 live projects"
 */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatNumber(count)} ${count === 1 ? noun : pluralNoun}`;
}

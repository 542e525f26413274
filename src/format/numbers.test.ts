import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRandom, sameGain } from "../engine/index.js";
import {
  formatBoundAsGiven,
  formatMoneyAsGiven,
  formatMoneyAsRecorded,
  formatMoneyCents,
  formatMoneyToMinorUnit,
  pluralAsWritten,
  roundAsWritten,
  moneyAddingUp,
  firstMonthsWriting,
  CURRENCIES_WRITTEN_HERE,
  currencySymbol,
  lessThanOneUnitApart,
  formatChance,
  formatChanceOfSamples,
  formatChancesOfWhole,
  roundSharesOfWhole,
  formatHours,
  formatHoursTenth,
  formatInputMoney,
  formatNumberAsGiven,
  currencyDecimals,
  formatMoney,
  formatMoneyExact,
  formatMonth,
  formatNumber,
  formatNumberFixed,
  formatPercent,
  percentDecimals,
  formatShare,
  formatSignedShare,
  plural,
  roundSignificant,
  formatSignificant,
  saidAsCount,
  shareOfWords,
} from "./numbers.js";

describe("report number formats", () => {
  it("rounds money to three significant figures in the main text", () => {
    expect(formatMoney(7959.4, "EUR")).toBe("€7,960");
    expect(formatMoney(4109, "EUR")).toBe("€4,110");
    expect(formatMoney(-2000, "EUR")).toBe("-€2,000");
    expect(formatMoney(123_456, "GBP")).toBe("£123,000");
    expect(formatMoney(87.6, "USD")).toBe("US$88");
  });
  it("writes millions short", () => {
    expect(formatMoney(2_345_678, "EUR")).toBe("€2.35 million");
    expect(formatMoney(-1_000_000, "EUR")).toBe("-€1 million");
    expect(formatMoney(3_456_000_000, "USD")).toBe("US$3.46 billion");
  });
  it("never prints a negative zero", () => {
    expect(formatMoney(-0.2, "EUR")).toBe("€0");
    expect(formatMoneyExact(-0.2, "EUR")).toBe("€0");
  });
  it("keeps units in tables and cents the user wrote", () => {
    expect(formatMoneyExact(7959.4, "EUR")).toBe("€7,959");
    expect(formatInputMoney(12.5, "EUR")).toBe("€12.50");
    expect(formatInputMoney(3600, "EUR")).toBe("€3,600");
  });
  it("writes an input in a currency without a minor unit to the unit, as every other figure in it: no 'JP¥6,000.50'", () => {
    expect(formatInputMoney(6000.5, "JPY")).toBe("JP¥6,001");
    expect(formatInputMoney(1234.4, "KRW")).toBe("₩1,234");
    expect(formatInputMoney(6000.5, "EUR")).toBe("€6,000.50");
    expect([currencyDecimals("EUR"), currencyDecimals("JPY"), currencyDecimals("ISK")]).toEqual([2, 0, 0]);
  });
  it("keeps the cents of a small input in a currency without a minor unit: 0.4 yen is not a 'JP¥0' that reads as free", () => {
    // Rounding to the yen moved 0.4 to 0 (free) and 2.5 to 3 (20% more); from 100 up it moves by half a percent at most.
    expect(formatInputMoney(0.4, "JPY")).toBe("JP¥0.40");
    expect(formatInputMoney(2.5, "JPY")).toBe("JP¥2.50");
    expect(formatInputMoney(-0.4, "KRW")).toBe("-₩0.40");
    expect(formatInputMoney(99.5, "JPY")).toBe("JP¥99.50");
    expect(formatInputMoney(100.5, "JPY")).toBe("JP¥101");
    expect(formatInputMoney(0.4, "EUR")).toBe("€0.40");
  });
  it("knows every currency's decimals from one table, the Unicode CLDR's as Intl gives them, the same in every browser", () => {
    // The table is what this platform's Intl writes, code by code (Intl is not asked at run time), for
    // every code it lists (the scenario file's list is Intl's); and the units of account Intl does not list (CLF, UYW: 4).
    for (const currency of Intl.supportedValuesOf("currency")) {
      const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
      expect([currency, currencyDecimals(currency)]).toEqual([currency, digits]);
    }
    expect([currencyDecimals("CLF"), currencyDecimals("UYW"), currencyDecimals("KWD"), currencyDecimals("HUF")]).toEqual([4, 4, 3, 0]);
    // The forint and the rupiah have cents in ISO 4217 that nobody writes: "HUF 6,001", not "HUF 6,000.50".
    expect(formatInputMoney(6000.5, "HUF").replaceAll("\u00a0", " ")).toBe("HUF 6,001");
    expect(currencyDecimals("XYZ")).toBe(2);
  });
  it("writes a three-decimal currency (KWD, BHD, …) to its fils wherever money keeps its minor unit, not to two decimals", () => {
    const plain = (text: string) => text.replaceAll("\u00a0", " ");
    // Each read "KWD 2,000.40", "KWD 12.50", "KWD 959.60".
    expect(plain(formatMoneyCents(2000.4, "KWD"))).toBe("KWD 2,000.400");
    expect(plain(formatInputMoney(12.5, "KWD"))).toBe("KWD 12.500");
    expect(plain(formatInputMoney(12.5, "BHD"))).toBe("BHD 12.500");
    expect(plain(formatMoneyAsGiven(959.6, "KWD"))).toBe("KWD 959.600");
    expect(plain(formatMoneyAsGiven(959.6055, "KWD"))).toBe("KWD 959.6055");
    // Parts that do not add up to the unit are written to the fils: "-KWD 5,600.80" hid the 0.008.
    const adding = moneyAddingUp([-3600.404, -2000.404], "OMR");
    expect([adding.parts.map(plain), plain(adding.total)]).toEqual([["-OMR 3,600.404", "-OMR 2,000.404"], "-OMR 5,600.808"]);
    // The euro and the yen as before.
    expect(formatMoneyCents(2000.4, "EUR")).toBe("€2,000.40");
    expect(formatInputMoney(12.5, "EUR")).toBe("€12.50");
    expect(moneyAddingUp([-3600.4, -2000.4], "EUR").total).toBe("-€5,600.80");
  });
  it("writes a computed amount to the currency's minor unit, whole when it is whole there: yen under 100 without sen", () => {
    // optimize's first-year cash read "JP¥56.40" beside "JP¥6,056".
    expect(formatMoneyToMinorUnit(56.4, "JPY")).toBe("JP¥56");
    expect(formatMoneyToMinorUnit(0.4, "JPY")).toBe("JP¥0");
    expect(formatMoneyToMinorUnit(6056.4, "JPY")).toBe("JP¥6,056");
    expect(formatMoneyToMinorUnit(959.523, "EUR")).toBe("€959.52");
    expect(formatMoneyToMinorUnit(959.999, "EUR")).toBe("€960");
    expect(formatMoneyToMinorUnit(959.5254, "KWD").replaceAll("\u00a0", " ")).toBe("KWD 959.525");
  });
  it("writes a recorded amount as given, but yen to the yen: 'JP¥3,600', not 'JP¥3,600.4' as typed", () => {
    expect(formatMoneyAsRecorded(3600.4, "JPY")).toBe("JP¥3,600");
    expect(formatMoneyAsRecorded(50.5, "JPY")).toBe("JP¥51");
    // Recorded, and not nothing: not "JP¥0".
    expect(formatMoneyAsRecorded(0.4, "JPY")).toBe("less than JP¥1");
    expect(formatMoneyAsRecorded(0, "JPY")).toBe("JP¥0");
    expect(formatMoneyAsRecorded(12000.5, "EUR")).toBe("€12,000.50");
    expect(formatMoneyAsRecorded(12000.555, "EUR")).toBe("€12,000.555");
    expect(formatMoneyAsRecorded(12000.5, "KWD").replaceAll("\u00a0", " ")).toBe("KWD 12,000.500");
  });
  it("rounds significant figures without going past the units", () => {
    expect(roundSignificant(7959)).toBe(7960);
    expect(roundSignificant(12.4)).toBe(12);
    expect(roundSignificant(0)).toBe(0);
    // Past the units too, for a figure under one (a change failure rate): not "0".
    expect(formatSignificant(0.0512)).toBe("0.0512");
    expect(formatSignificant(0.3)).toBe("0.3");
    expect(formatSignificant(15.08)).toBe("15.1");
    expect(formatSignificant(12_345)).toBe("12,300");
    expect(formatSignificant(-0.04449)).toBe("-0.0445");
  });
  it("writes hours, shares, months and counts in words", () => {
    expect(formatHours(1234.5)).toBe("1,230 hours");
    expect(formatHours(1)).toBe("1 hour");
    expect(formatPercent(0.874)).toBe("87%");
    // A share from the file keeps its tenth of a percent, in every view (report, terminal, web app).
    expect(formatShare(0.025)).toBe("2.5%");
    expect(formatShare(0.1)).toBe("10%");
    expect(formatSignedShare(-0.025)).toBe("−2.5%");
    expect(formatSignedShare(0.05)).toBe("+5%");
    // No change has no sign: a risk adjustment that cuts gains by 0 read "gains +0%", a raise.
    expect(formatSignedShare(-0)).toBe("0%");
    expect(formatSignedShare(0)).toBe("0%");
    // As the file writes it, to a hundredth of a percent: it said "8.3%" for a discount rate of 8.25%.
    expect(formatShare(0.0825)).toBe("8.25%");
    expect(formatShare(0.035)).toBe("3.5%");
    expect(formatSignedShare(-0.0825)).toBe("−8.25%");
  });

  it("never writes a tiny rate as the figure a larger one is written otherwise: 0.499% is not '0.5%' beside 0.5%'s '1%'", () => {
    // They read "0.5%" (0.00499) beside "1%" (0.005), and "0.005%" (0.0000499) beside "0.01%" (0.00005).
    expect(formatPercent(0.00499)).toBe("0.499%");
    expect(formatPercent(0.005)).toBe("1%");
    expect(formatPercent(-0.00499)).toBe("-0.499%");
    expect(formatPercent(-0.005)).toBe("-1%");
    expect(formatShare(0.0000499)).toBe("0.00499%");
    expect(formatShare(0.00005)).toBe("0.01%");
    expect(formatShare(-0.0000499)).toBe("-0.00499%");
    // Far from the half step, the first significant figure as before.
    expect(formatPercent(0.0044)).toBe("0.4%");
    expect(formatShare(0.000044)).toBe("0.004%");
  });

  it("never writes a return that is not -100% as -100%, which says that nothing at all comes back", () => {
    // A case whose licences dwarf its gains: ROI -0.99817 and -0.99997 (PV of benefits JP¥1.42 million
    // against costs of JP¥777 million and JP¥53.7 billion) both read "-100%" in run and the report.
    expect(formatPercent(-0.99817)).toBe("-99.8%");
    expect(formatPercent(-0.9999734554447237)).toBe("-99.997%");
    expect(formatPercent(-0.995)).toBe("-99.5%");
    // Below -100% too (a return on the investment alone can lose more than it): not "-100%".
    expect(formatPercent(-1.0004)).toBe("-100.04%");
    // -100% itself, and a figure that does not round to -100%, are written as before.
    expect(formatPercent(-1)).toBe("-100%");
    expect(formatPercent(-0.9949)).toBe("-99%");
    expect(formatPercent(-1.5)).toBe("-150%");
    // The decimals it writes, for the workbook's number formats: those of the text above.
    expect([-0.99817, -0.9999734554447237, -1, 0.874, 0.00018, 0.00499, null].map(percentDecimals)).toEqual([1, 3, 0, 0, 2, 3, 0]);
  });

  it("never writes a rate or share that is not zero as 0%: it keeps its first significant figure", () => {
    // It said "0%" for a capture share of 0.04%, and for a return on cost of 0.018%.
    expect(formatShare(0.0004)).toBe("0.04%");
    expect(formatShare(0.00004)).toBe("0.004%");
    expect(formatSignedShare(0.00004)).toBe("+0.004%");
    expect(formatPercent(0.00018)).toBe("0.02%");
    expect(formatPercent(-0.00018)).toBe("-0.02%");
    expect(formatPercent(0.004)).toBe("0.4%");
    // Zero is still 0%, and a figure that does not round to 0% is written as before.
    expect(formatShare(0)).toBe("0%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(0.005)).toBe("1%");
    expect(formatPercent(0.874)).toBe("87%");
    // A half rounds away from zero, also where the multiplication by 100 leaves a residue below it:
    // 0.145 × 100 is 14.499999999999998, which read "14%".
    expect(formatPercent(0.145)).toBe("15%");
    expect(formatPercent(0.285)).toBe("29%");
    expect(formatPercent(-0.145)).toBe("-15%");
    expect(formatMonth(0)).toBe("from the start");
    expect(formatMonth(12)).toBe("month 12");
    expect(plural(1, "project")).toBe("1 project");
    expect(plural(3, "person", "people")).toBe("3 people");
  });
});

describe("one way to write each figure, in every view", () => {
  it("chances never claim a certainty or an impossibility a sample cannot show", () => {
    expect(formatChance(0.5574)).toBe("56%");
    expect(formatChance(0.0035)).toBe("under 1%");
    expect(formatChance(0)).toBe("under 1%");
    expect(formatChance(0.9972)).toBe("over 99%");
    expect(formatChance(1)).toBe("over 99%");
    expect(formatChance(0.985)).toBe("99%");
  });

  it("chances counted over the samples say none or every one of them as the count, and keep 'under 1%' and 'over 99%' between", () => {
    expect(formatChanceOfSamples(0, 400, "draw")).toBe("none of the 400 draws");
    expect(formatChanceOfSamples(1, 10_000, "sample")).toBe("every one of the 10,000 samples");
    expect(formatChanceOfSamples(0.0025, 400, "draw")).toBe("under 1%");
    expect(formatChanceOfSamples(0.9975, 400, "draw")).toBe("over 99%");
    expect(formatChanceOfSamples(0.56, 400, "draw")).toBe("56%");
    const counted = { samples: 2_000, unit: "sample" };
    expect(formatChancesOfWhole([1, 0, 0], counted)).toEqual(["every one of the 2,000 samples", "none of the 2,000 samples", "none of the 2,000 samples"]);
    expect(formatChancesOfWhole([0.9965, 0.0035, 0], counted)).toEqual(["over 99%", "under 1%", "none of the 2,000 samples"]);
    // Without the count (page 1), as before.
    expect(formatChancesOfWhole([1, 0])).toEqual(["over 99%", "under 1%"]);
  });

  it("a chance with what it is of reads as the count at exactly 0 or 1, one rule for every view (shareOfWords, saidAsCount)", () => {
    expect(shareOfWords(0.56, "56%", "them")).toBe("56% of them");
    // The written chance of a share of 1 is "over 99%": the count is said instead, naming its whole.
    expect(shareOfWords(1, "over 99%", "them")).toBe("every one of them");
    expect(shareOfWords(0, "under 1%", "them")).toBe("none of them");
    expect(shareOfWords(0.9975, "over 99%", "them")).toBe("over 99% of them");
    expect(shareOfWords(1, "over 99%", "the outcomes", { samples: 10_000, unit: "outcome" })).toBe("every one of the 10,000 outcomes");
    expect(shareOfWords(0, "under 1%", "the outcomes", { samples: 400, unit: "draw" })).toBe("none of the 400 draws");
    expect([0, 1, 0.0001, 0.9999, 0.5].map(saidAsCount)).toEqual([true, true, false, false, false]);
  });

  it("hours for tables to a tenth, percentages with n/a, months with never", () => {
    expect(formatHoursTenth(109.04)).toBe("109");
    expect(formatHoursTenth(2.5)).toBe("2.5");
    expect(formatHoursTenth(1234.56)).toBe("1,234.6");
    expect(formatHoursTenth(-0.04)).toBe("0");
    expect(formatPercent(null)).toBe("n/a");
    expect(formatPercent(0.7367)).toBe("74%");
    expect(formatMonth(null)).toBe("never");
    expect(formatMonth(null, "not by the horizon")).toBe("not by the horizon");
    expect(formatMonth(1234)).toBe("month 1,234");
  });

  it("the currency symbol is the one the money figures carry, so charts and the workbook agree with the text", () => {
    for (const currency of ["EUR", "USD", "GBP", "CAD", "JPY", "CHF"]) {
      const symbol = currencySymbol(currency);
      expect(formatMoneyExact(1234, currency).replace(/[\d,.\s\u00a0]/g, "")).toBe(symbol);
    }
    expect(currencySymbol("USD")).toBe("US$");
    expect(currencySymbol("EUR")).toBe("€");
    expect(currencySymbol("XYZ")).toBe("XYZ");
  });
});

describe("numbers written without Intl, as Intl writes them", () => {
  // numbers.ts writes numbers and the money of its currencies itself (Intl's first use loads the
  // locale data); here every one of them is held to what en-GB's Intl.NumberFormat writes.
  const random = createRandom(20261206);
  const values: number[] = [0, -0, 0.5, -0.5, 1.005, 2.675, 0.045, 9.995, 999.5, 999_999.5, 0.3, -0.3, 1e21, 1.5e22, 123e-9, 5e-7, -5e-7, 1234.5];
  for (let exponent = -8; exponent <= 16; exponent += 1) {
    for (let i = 0; i < 60; i += 1) {
      const digits = 1 + Math.floor(random() * 17);
      const mantissa = Math.floor(random() * 10 ** digits) / 10 ** (digits - 1);
      const value = mantissa * 10 ** exponent;
      values.push(value, -value, Number(value.toPrecision(1 + Math.floor(random() * 4))));
      // Halves at each rounding place: 2.5, 0.25, 0.125, ... and just either side.
      const half = (Math.floor(random() * 1000) + 0.5) * 10 ** Math.floor(exponent / 2 - 2);
      values.push(half, -half, half * (1 + Number.EPSILON), half * (1 - Number.EPSILON));
    }
  }
  const intl = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat("en-GB", options);

  it("plain numbers to 0-3 decimals", () => {
    for (const digits of [0, 1, 2, 3]) {
      const format = intl({ maximumFractionDigits: digits });
      for (const value of values) {
        const shown = Math.abs(value) < 10 ** -digits / 2 ? 0 : value;
        expect([value, formatNumber(value, digits)]).toEqual([value, format.format(shown)]);
      }
    }
  });

  it("money of every currency of the table: to three figures, to the unit, with cents, and its symbol", () => {
    expect(CURRENCIES_WRITTEN_HERE.length).toBeGreaterThan(40);
    for (const currency of CURRENCIES_WRITTEN_HERE) {
      const short = intl({ style: "currency", currency, maximumSignificantDigits: 3 });
      const exact = intl({ style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
      const cents = intl({ style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const symbol = intl({ style: "currency", currency })
        .formatToParts(1)
        .find((part) => part.type === "currency")?.value;
      expect([currency, currencySymbol(currency)]).toEqual([currency, symbol]);
      for (const value of values.filter((_, index) => index % 7 === 0)) {
        const rounded = roundSignificant(value);
        const large = [1e9, 1e6].find((size) => Math.abs(rounded) >= size);
        const main = large ? `${short.format(rounded / large)} ${large === 1e9 ? "billion" : "million"}` : exact.format(rounded);
        expect([currency, value, formatMoney(value, currency)]).toEqual([currency, value, main]);
        const unit = Math.round(value);
        expect([currency, value, formatMoneyExact(value, currency)]).toEqual([currency, value, exact.format(unit === 0 ? 0 : unit)]);
        // A currency without a minor unit (the yen) keeps no cents in an input either, from 100 up.
        const toUnit = Number.isInteger(value) || (currencyDecimals(currency) === 0 && Math.abs(value) >= 100);
        const input = toUnit ? exact.format(unit === 0 ? 0 : unit) : cents.format(value);
        expect([currency, value, formatInputMoney(value, currency)]).toEqual([currency, value, input]);
      }
    }
  });

  it("leaves other currencies and numbers that are not finite to Intl", () => {
    expect(currencySymbol("XAF")).toBe("FCFA");
    expect(formatMoneyExact(-1234.4, "XOF")).toBe(intl({ style: "currency", currency: "XOF", maximumFractionDigits: 0 }).format(-1234));
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe("∞");
    expect(formatNumber(Number.NaN)).toBe("NaN");
  });
});

describe("formatNumberAsGiven", () => {
  it("quotes a number back with every digit it has, grouped as every other figure", () => {
    // The web editor quoted 1e12 back as "1000000000000".
    expect(formatNumberAsGiven(1e12)).toBe("1,000,000,000,000");
    expect(formatNumberAsGiven(-1e12)).toBe("-1,000,000,000,000");
    expect(formatNumberAsGiven(1234.5678)).toBe("1,234.5678");
    expect(formatNumberAsGiven(0.08)).toBe("0.08");
    expect(formatNumberAsGiven(120)).toBe("120");
    expect(formatNumberAsGiven(0.000001)).toBe("0.000001");
    expect(formatNumberAsGiven(123456789.123456)).toBe("123,456,789.123456");
    expect(formatNumberAsGiven(1e21)).toBe("1e+21");
    expect(formatNumberAsGiven(1e-7)).toBe("0.0000001");
    expect(formatNumberAsGiven(-1.5e-7)).toBe("-0.00000015");
    // Beyond 100 decimals the exponent stays: 5e-324 written out would be 324 digits.
    expect(formatNumberAsGiven(5e-324)).toBe("5e-324");
  });
});

describe("formatNumberFixed", () => {
  it("groups a number as every other figure and writes every decimal asked for", () => {
    expect(formatNumberFixed(35792.5614, 3)).toBe("35,792.561");
    expect(formatNumberFixed(0.5, 3)).toBe("0.500");
    expect(formatNumberFixed(2, 1)).toBe("2.0");
    expect(formatNumberFixed(-0.0004, 3)).toBe("0.000");
    expect(formatNumberFixed(1234567.891, 2)).toBe("1,234,567.89");
  });
});

describe("a negative figure, written as the minus of its positive", () => {
  it("rounds a half away from zero, as a loss or a saving in words is written from the figure's size: −€2.50 in a table is −€3 beside 'pays €3 less', not −€2", () => {
    const halves = [0.5, 2.5, 12_350, 1_234.5, 9_995.5, 0.125];
    const writers: [string, (value: number) => string][] = [
      ["formatMoneyExact", (value) => formatMoneyExact(value, "EUR")],
      ["formatMoney", (value) => formatMoney(value, "EUR")],
      ["formatMoney JPY", (value) => formatMoney(value, "JPY")],
      ["formatHoursTenth", (value) => formatHoursTenth(value / 10)],
      ["formatNumber", (value) => formatNumber(value)],
    ];
    for (const [name, write] of writers)
      for (const value of halves) {
        const positive = write(value);
        expect(write(-value), `${name}(${-value})`).toBe(positive === write(0) ? positive : `-${positive}`);
      }
    expect(formatMoneyExact(-2.5, "EUR")).toBe("-€3");
    expect(formatMoney(-12_350, "EUR")).toBe("-€12,400");
    expect(formatPercent(-0.125)).toBe("-13%");
    expect(roundSignificant(-12_350)).toBe(-12_400);
  });
});

describe("lessThanOneUnitApart", () => {
  it("says two gains that are not the same but less than one unit apart are so, whichever way a view rounds them", () => {
    // 80 cents apart, €9,996 each to the unit and €10,000 each on page 1: not "leads by €1".
    expect(lessThanOneUnitApart(9996.4, 9995.6, "EUR")).toBe("less than €1");
    // 70 cents apart, €1,235 and €1,234 to the unit but €1,230 each on page 1: page 1 says "less than €1
    // more", so run says "less than €1" too, not "by €1".
    expect(lessThanOneUnitApart(1234.6, 1233.9, "EUR")).toBe("less than €1");
    expect(lessThanOneUnitApart(9995.6, 9994.9, "EUR")).toBe("less than €1");
    // 30 cents apart: the same (sameGain), said so elsewhere.
    expect(lessThanOneUnitApart(9995.2, 9994.9, "EUR")).toBeUndefined();
    // A unit or more apart: the gap is said as a figure.
    expect(lessThanOneUnitApart(9996.4, 9995.4, "EUR")).toBeUndefined();
    expect(lessThanOneUnitApart(1234.6, 1233.9, "JPY")).toBe("less than JP¥1");
  });
});

describe("sameGain", () => {
  it("calls two net gains the same when they differ by less than half a unit, whichever way each view rounds them", () => {
    // 30 cents apart across a step of three significant figures (€10,000 and €9,990 rounded apart): the same.
    expect(sameGain(9995.2, 9994.9)).toBe(true);
    expect(sameGain(9994.9, 9995.2)).toBe(true);
    expect(sameGain(7960, 7960)).toBe(true);
    // 70 cents apart: €1 to the unit, so not the same, even where both read €10,000 or €9,995.
    expect(sameGain(9995.6, 9994.9)).toBe(false);
    expect(sameGain(10_000.4, 9999.9)).toBe(false);
    // Half a unit is €1 to the unit (formatMoneyExact rounds half away from zero).
    expect(sameGain(100.5, 100)).toBe(false);
    expect(formatMoneyExact(0.5, "EUR")).toBe("€1");
    expect(sameGain(100.49, 100)).toBe(true);
  });
});

describe("shares of one whole, written together (largest-remainder rounding)", () => {
  it("adds up to 100%, where each rounded alone said 101% or 99% (docs/numbers.md's worked example)", () => {
    // Each alone: 46% + 46% + 9% = 101%.
    expect([0.456, 0.455, 0.089].map(formatChance)).toEqual(["46%", "46%", "9%"]);
    expect(roundSharesOfWhole([0.456, 0.455, 0.089])).toEqual([46, 45, 9]);
    expect(formatChancesOfWhole([0.456, 0.455, 0.089])).toEqual(["46%", "45%", "9%"]);
    // Each alone: 33% three times, 99%.
    expect(formatChancesOfWhole([0.334, 0.333, 0.333])).toEqual(["34%", "33%", "33%"]);
    // Equal fractional parts: the larger share first, then the one given first.
    expect(roundSharesOfWhole([0.125, 0.875])).toEqual([12, 88]);
    expect(roundSharesOfWhole([0.335, 0.325, 0.34])).toEqual([34, 32, 34]);
  });

  it("writes equal shares alike, even where the points missing cannot go to each (then they add up to a little less or more than 100)", () => {
    // For k equal shares, by up to k − 1 points, not only 99 or 101 (docs/numbers.md and README said so).
    expect(roundSharesOfWhole([0.234, 0.234, 0.234, 0.164, 0.134])).toEqual([23, 23, 23, 16, 13]);
    expect(roundSharesOfWhole([0.196, 0.196, 0.196, 0.196, 0.196, 0.02])).toEqual([20, 20, 20, 20, 20, 2]);
    // 33.5%, 33% and 33.5%: one point is missing from 33 + 33 + 33; given to the first 33.5% alone, two
    // equal chances read 34% and 33%. Each keeps its nearest whole percentage instead: 34, 33, 34.
    expect(roundSharesOfWhole([0.335, 0.33, 0.335])).toEqual([34, 33, 34]);
    expect(formatChancesOfWhole([0.335, 0.33, 0.335, 0])).toEqual(["34%", "33%", "34%", "under 1%"]);
    // A third each: 33% each (99 points), not 34%, 33%, 33%; nor a point for a smaller fractional part.
    expect(roundSharesOfWhole([1 / 3, 1 / 3, 1 / 3])).toEqual([33, 33, 33]);
    expect(roundSharesOfWhole([0.334, 0.334, 0.332])).toEqual([33, 33, 33]);
    // Two equal shares that fit the points missing take one each, as any two shares would.
    expect(roundSharesOfWhole([0.255, 0.255, 0.245, 0.245])).toEqual([26, 26, 24, 24]);
    expect(roundSharesOfWhole([0.4475, 0.4475, 0.105])).toEqual([45, 45, 10]);
    // Equal shares that take their points leave the rest to the next fractional part.
    expect(roundSharesOfWhole([0.207, 0.207, 0.196, 0.195, 0.195])).toEqual([21, 21, 20, 19, 19]);
    // Three equal 16.6% and two points missing: each reads its nearest, 17% (101 points), not 17, 17, 16.
    expect(roundSharesOfWhole([0.166, 0.166, 0.166, 0.502])).toEqual([17, 17, 17, 50]);
  });

  it("never claims a certainty: 0% reads 'under 1%', 100% 'over 99%'", () => {
    expect(formatChancesOfWhole([0.997, 0.003])).toEqual(["over 99%", "under 1%"]);
    expect(formatChancesOfWhole([1, 0, 0])).toEqual(["over 99%", "under 1%", "under 1%"]);
    expect(formatChancesOfWhole([0.0035, 0.559, 0.4375])).toEqual(["under 1%", "56%", "44%"]);
  });

  it("writes a share above 99% or below 1% as each alone reads, as page 1 says the same chance: 99.16% beside 0.84% is 'over 99%' and 'under 1%', not '99%' and '1%'", () => {
    // examples/seed-uncertain.yaml: page 1 says "ahead of “Every tool we want” in over 99%" of the same 99.16%.
    expect(formatChancesOfWhole([0, 0.0084, 0.9916])).toEqual(["under 1%", "under 1%", "over 99%"]);
    expect(formatChancesOfWhole([0.9905, 0.0095])).toEqual([formatChance(0.9905), formatChance(0.0095)]);
    // Never "100%" nor "0%", whatever the rest.
    // docs/numbers.md: examples/close-call.yaml's 0.29%, 55.91% and 43.80%.
    expect(formatChancesOfWhole([0.0029, 0.5591, 0.438])).toEqual(["under 1%", "56%", "44%"]);
    expect(formatChancesOfWhole([0.996, 0.002, 0.002])).toEqual(["over 99%", "under 1%", "under 1%"]);
    expect(formatChancesOfWhole([0.985, 0.005, 0.005, 0.005])).toEqual(["99%", "under 1%", "under 1%", "under 1%"]);
    // Beside one "under 1%", which hides less than a point, shares between that read 99 or 100 points add up:
    // each keeps its nearest whole percentage, 55.6% reads 56% (rounded to a total of 99 it read 55%).
    expect(formatChancesOfWhole([0.556, 0.437, 0.007])).toEqual(["56%", "44%", "under 1%"]);
    // Nearest, they would read 101 points beside "under 1%": rounded together to 100 instead.
    expect(formatChancesOfWhole([0.335, 0.335, 0.325, 0.005])).toEqual(["34%", "34%", "32%", "under 1%"]);
  });

  it("docs/numbers.md says what the nearest percentages of 33.5%, 33.5% and 32.5% would have been: 34 + 34 + 33, 101 points", () => {
    const numbers = readFileSync(new URL("../../docs/numbers.md", import.meta.url), "utf8").replace(/\s+/g, " ");
    const shares = [0.335, 0.335, 0.325];
    const nearest = shares.map((share) => formatChance(share).replace("%", ""));
    const read = formatChancesOfWhole([...shares, 0.005]).map((text) => `"${text}"`);
    expect(numbers).toContain(
      `read ${read.slice(0, -1).join(", ")} and ${read.at(-1)} (the nearest, ${nearest.join(" + ")}, would be ${nearest.reduce((sum, each) => sum + Number(each), 0)} points)`,
    );
  });

  it("adds up to 100 for any shares of one whole none of which are equal", () => {
    const random = createRandom(7);
    for (let trial = 0; trial < 500; trial += 1) {
      const raw = Array.from({ length: 2 + Math.floor(random() * 5) }, () => random());
      const total = raw.reduce((sum, value) => sum + value, 0);
      const rounded = roundSharesOfWhole(raw.map((value) => value / total));
      expect(rounded.reduce((sum, value) => sum + value, 0)).toBe(100);
    }
  });
});

describe("a bound written as given", () => {
  it("writes a tiny budget in full, not as a '€0.00' that reads as none", () => {
    expect(formatMoneyAsGiven(1e-7, "EUR")).toBe("€0.0000001");
    expect(formatMoneyAsGiven(1.5e-7, "JPY")).toBe("JP¥0.00000015");
    // Too small to write in decimals: a power of ten, not "at most less than €0.01".
    expect(formatMoneyAsGiven(5e-324, "EUR")).toBe("€5 × 10⁻³²⁴");
    expect(formatMoneyAsGiven(1e-200, "EUR")).toBe("€1 × 10⁻²⁰⁰");
    expect(formatMoneyAsGiven(2.5e-150, "JPY")).toBe("JP¥2.5 × 10⁻¹⁵⁰");
    expect(formatMoneyAsGiven(959.6, "EUR")).toBe("€959.60");
  });

  it("keeps the decimals given past the input's form, in the currency's own form", () => {
    expect(formatMoneyAsGiven(959.6, "JPY")).toBe("JP¥959.6");
    expect(formatMoneyAsGiven(1234567.891, "EUR")).toBe("€1,234,567.891");
    expect(formatMoneyAsGiven(959.6, "XTS")).toBe(
      new Intl.NumberFormat("en-GB", { style: "currency", currency: "XTS", minimumFractionDigits: 2 }).format(959.6),
    );
    expect(formatMoneyAsGiven(959.999, "XTS")).toBe(
      new Intl.NumberFormat("en-GB", { style: "currency", currency: "XTS", minimumFractionDigits: 3 }).format(959.999),
    );
    expect(formatMoneyAsGiven(960, "JPY")).toBe("JP¥960");
  });

  it("writes a huge budget as the whole number it is, with no decimals made of its exponent ('JP¥1,500,000,000,000,000,000,000.00000')", () => {
    expect(formatMoneyAsGiven(1.5e21, "JPY")).toBe("JP¥1,500,000,000,000,000,000,000");
    expect(formatMoneyAsGiven(2.5e22, "EUR")).toBe("€25,000,000,000,000,000,000,000");
    expect(formatMoneyAsGiven(1e21, "EUR")).toBe("€1,000,000,000,000,000,000,000");
    expect(formatMoneyAsGiven(1.5e300, "EUR")).not.toContain(".");
  });

  it("gives a currency without a minor unit no cents it does not have: 0.4 yen is 'JP¥0.4', not 'JP¥0.40'", () => {
    expect(formatMoneyAsGiven(0.4, "JPY")).toBe("JP¥0.4");
    expect(formatMoneyAsGiven(2.55, "KRW")).toBe("₩2.55");
    expect(formatMoneyAsGiven(0.4, "EUR")).toBe("€0.40");
  });

  it("quotes a bound in other units as given, in words a reader takes in: 1e-200 hours is '1 × 10⁻²⁰⁰', 1e21 grouped", () => {
    expect(formatBoundAsGiven(300.5)).toBe("300.5");
    expect(formatBoundAsGiven(0.0004)).toBe("0.0004");
    expect(formatBoundAsGiven(1e-200)).toBe("1 × 10⁻²⁰⁰");
    expect(formatBoundAsGiven(1e21)).toBe("1,000,000,000,000,000,000,000");
    expect(pluralAsWritten(formatBoundAsGiven(1), "hour")).toBe("1 hour");
    expect(pluralAsWritten(formatBoundAsGiven(1.5), "setup hour")).toBe("1.5 setup hours");
  });

  it("reads a figure back as the number it is written as, from the same rounding", () => {
    expect(roundAsWritten(300.005, 2)).toBe(300.01);
    expect(formatNumber(300.005, 2)).toBe("300.01");
    expect(roundAsWritten(0.0004, 2)).toBe(0);
    expect(roundAsWritten(-2.5, 0)).toBe(-3);
    expect(roundAsWritten(1e21, 2)).toBe(1e21);
    expect(roundAsWritten(0.999, 2)).toBe(1);
  });

  it("writes hours with every decimal given, grouped: 0.0004 is not '0', 300.5 not '301'", () => {
    expect(formatNumberAsGiven(0.0004)).toBe("0.0004");
    expect(formatNumberAsGiven(1e-7)).toBe("0.0000001");
    expect(formatNumberAsGiven(1300.25)).toBe("1,300.25");
    expect(formatNumberAsGiven(1200)).toBe("1,200");
  });
});

describe("moneyAddingUp", () => {
  it("writes parts to the unit when they add up so, else to the cent, and nothing as €0.00, not -€0.00", () => {
    const whole = moneyAddingUp([-2000, -3600], "EUR");
    expect([whole.toTheCent, ...whole.parts, whole.total]).toEqual([false, "-€2,000", "-€3,600", "-€5,600"]);
    const cents = moneyAddingUp([-2000.4, -3600.4], "EUR");
    expect([cents.toTheCent, ...cents.parts, cents.total]).toEqual([true, "-€2,000.40", "-€3,600.40", "-€5,600.80"]);
    // A value that rounds to nothing, written beside those parts.
    expect(cents.write(-0.004)).toBe("€0.00");
    expect(moneyAddingUp([-0.4], "EUR").write(-0.4)).toBe("€0");
  });
});

describe("firstMonthsWriting: the up-front row and month 1 of every plan-versus-actual table, one rule", () => {
  it("writes every column and the two rows' cash to the unit when to the unit they add up, else to the cent", () => {
    const whole = firstMonthsWriting([[-2000, -3600], undefined], "EUR");
    expect(whole.columns).toEqual([{ upFront: "-€2,000", month1: "-€3,600", cumulative: "-€5,600" }, undefined]);
    expect(whole.cash(2000)).toBe("€2,000");
    expect(whole.note).toBeUndefined();
    // One column that does not add up to the unit puts both to the cent, cash too.
    const cents = firstMonthsWriting(
      [
        [-2000.4, -3600.4],
        [0, -5600.8],
      ],
      "EUR",
    );
    expect(cents.columns).toEqual([
      { upFront: "-€2,000.40", month1: "-€3,600.40", cumulative: "-€5,600.80" },
      { upFront: "€0.00", month1: "-€5,600.80", cumulative: "-€5,600.80" },
    ]);
    expect(cents.cash(2000.4)).toBe("€2,000.40");
  });

  it("never writes the yen to the sen: each figure to the yen, with a note when so they do not add up (they read 'JP¥2,000.40')", () => {
    const yen = firstMonthsWriting(
      [
        [-2000.4, -3600.4],
        [0, -5600.8],
      ],
      "JPY",
    );
    expect(yen.columns).toEqual([
      { upFront: "-JP¥2,000", month1: "-JP¥3,600", cumulative: "-JP¥5,601" },
      { upFront: "JP¥0", month1: "-JP¥5,601", cumulative: "-JP¥5,601" },
    ]);
    expect(yen.cash(2000.4)).toBe("JP¥2,000");
    expect(yen.note).toBe(
      "The up-front figure and month 1's benefit are each rounded to JP¥1 on its own, so they can differ from month 1's cumulative benefit as written by JP¥1.",
    );
    expect(firstMonthsWriting([[-2000, -3600]], "JPY").note).toBeUndefined();
    const plan = moneyAddingUp([-3600.4, -2000.4], "JPY");
    expect([plan.toTheCent, plan.roundedApart, ...plan.parts, plan.total]).toEqual([false, true, "-JP¥3,600", "-JP¥2,000", "-JP¥5,601"]);
    expect(plan.write(-5600.8)).toBe("-JP¥5,601");
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { lastYearWords } from "./last-year.js";

const seed = readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8");
const resultOver = (months: number, text = seed) =>
  buildResult(validateScenarioText(text.replace(/horizonMonths: \d+/, `horizonMonths: ${months}`).replace("months: [4, 7, 10]", "months: [4]")).compiled!);

describe("what the last year's gain counts", () => {
  it("names its months, and over a plan of a year or less says that the cash paid at the start is not in it", () => {
    const year = resultOver(12);
    // The seed's "Every tool we want" pays €2,000 at the start: the gain is the total less that cash.
    const optimal = year.comparisons.optimal!;
    expect(optimal.timeZeroNet).toBe(-2000);
    expect(optimal.benefitLastTwelveMonths).toBeCloseTo(optimal.totalNetBenefit - optimal.timeZeroNet, 6);
    expect(lastYearWords(year)).toEqual({
      heading: "Gain, last 12 months",
      counts: "months 1 to 12, not discounted, without the cash paid at the start",
      span: "the last 12 months",
    });
    expect(lastYearWords(resultOver(6))).toEqual({
      heading: "Gain, months 1–6",
      counts: "months 1 to 6, not discounted, without the cash paid at the start",
      span: "months 1–6",
    });
    // A sentence says its months after "over": "a gain of €850 over month 1".
    expect(lastYearWords({ ...year, horizonMonths: 1 }).span).toBe("month 1");
    // Only the options shown count: "What will be approved" pays nothing at the start.
    expect(lastYearWords(year, [year.comparisons.compromise!]).counts).toBe("months 1 to 12, not discounted");
    // A view whose figures follow edits (the workbook) names it all the same: an edit can add such cash.
    expect(lastYearWords(year, [year.comparisons.compromise!], true).counts).toBe("months 1 to 12, not discounted, without the cash paid at the start");
    expect(lastYearWords(resultOver(36), undefined, true).counts).toBe("months 25 to 36, not discounted");
    // Over a longer plan the cash at the start is in none of the last 12 months: nothing to say about it.
    expect(lastYearWords(resultOver(36))).toEqual({ heading: "Gain, last 12 months", counts: "months 25 to 36, not discounted", span: "the last 12 months" });
  });
});

describe("what the last year's gain counts, with cash paid in a later month", () => {
  // examples/seed.yaml with "What will be approved" starting in month 6 with €700 of consultants: paid at the end of month 5.
  const late = (text: string) =>
    text.replace("    label: What will be approved\n", "    label: What will be approved\n    change: { startMonth: 6, external: { consultants: 700 } }\n");

  it("says the cash paid in a later month is in the gain, and the cash paid at the start is not, as the month table adds them up", () => {
    const year = resultOver(12, late(seed));
    const compromise = year.comparisons.compromise!;
    expect(compromise.investment).toMatchObject({ cash: 700, cashMonth: 5 });
    // The month table: month 5 nets the €700, so the gain (the months added up) already holds it: 7,370 = 8,070 − 700.
    expect(compromise.monthlyNetBenefit[4]).toBeLessThan(0);
    expect(compromise.benefitLastTwelveMonths).toBeCloseTo(
      compromise.monthlyNetBenefit.reduce((sum, value) => sum + value, 0),
      6,
    );
    expect(compromise.timeZeroNet).toBe(0);
    // It said "months 1 to 12, not discounted, without the cash paid at the start" beside a gain with €700 of cash in it.
    expect(lastYearWords(year).counts).toBe("months 1 to 12, not discounted, the cash paid in month 5 included, the cash paid at the start not");
    expect(lastYearWords(year, [compromise]).counts).toBe("months 1 to 12, not discounted, the cash paid in month 5 included");
    expect(lastYearWords(year, [year.comparisons.optimal!]).counts).toBe("months 1 to 12, not discounted, without the cash paid at the start");
  });

  it("says it over a longer plan only when the month is one of the last 12", () => {
    expect(lastYearWords(resultOver(36, late(seed))).counts).toBe("months 25 to 36, not discounted");
    const inLastYear = resultOver(36, late(seed).replace("startMonth: 6", "startMonth: 30"));
    expect(inLastYear.comparisons.compromise!.investment.cashMonth).toBe(29);
    expect(lastYearWords(inLastYear).counts).toBe("months 25 to 36, not discounted, the cash paid in month 29 included");
  });
});

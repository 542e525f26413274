import { describe, expect, it } from "vitest";
import { resultOf } from "../test-support/result-of.js";

// One person at 60 an hour whose tools cut the upkeep of two live projects from 30 to 11 hours a month
// (38 hours a month, worth 1,140 at half their cost), for `consultants` paid at the start.
function paidAtTheStart(consultants: number): Record<string, unknown> {
  return {
    title: "Pays back in month 1",
    currency: "EUR",
    horizonMonths: 12,
    discountRate: 0.08,
    freedHoursCaptureShare: 0.5,
    baseline: "today",
    defaults: {
      team: { people: 1, hoursPerMonth: 120, hourlyCost: 60 },
      projects: { alreadyLive: 2, upkeepHoursPerMonth: 30, valuePerMonth: 2500 },
      releases: { mode: "schedule" },
    },
    scenarios: {
      today: {},
      tools: { projects: { upkeepHoursPerMonth: 11 }, change: { external: { consultants } } },
    },
  };
}

describe("the payback within its month", () => {
  it("is never 0, which means nothing to pay back, when something is paid back in month 1", () => {
    const tools = resultOf(paidAtTheStart(10)).comparisons.tools!;
    expect(tools.paybackMonth).toBe(1);
    // 10 ÷ 1,140 of the month: 0.009 months, which rounded to a tenth read 0.
    expect(tools.conventions.paybackYears! * 12).toBeCloseTo(10 / 1140, 6);
    expect(tools.conventions.paybackMonthInterpolated).toBe(0.1);
  });

  it("keeps its tenth of a month otherwise, and 0 when nothing is paid back", () => {
    expect(resultOf(paidAtTheStart(570)).comparisons.tools!.conventions.paybackMonthInterpolated).toBe(0.5);
    const free = resultOf(paidAtTheStart(0)).comparisons.tools!;
    expect(free.paybackMonth).toBe(0);
    expect(free.conventions.paybackMonthInterpolated).toBe(0);
  });

  it("never reads as the end of the month before the payback month, where the gain so far is still below zero", () => {
    // 1,140 a month pays back 5,750 in month 6: 5 + 50 ÷ 1,140 = 5.04 months, which rounded to a tenth read
    // 5, the end of month 5, beside payback month 6 ("Month 6 … 5 months … from the start" on page 1).
    const tools = resultOf(paidAtTheStart(5750)).comparisons.tools!;
    expect(tools.paybackMonth).toBe(6);
    expect(tools.cumulativeNet[4]!).toBeLessThan(0);
    expect(tools.conventions.paybackYears! * 12).toBeCloseTo(5 + 50 / 1140, 6);
    expect(tools.conventions.paybackMonthInterpolated).toBe(5.1);
    // 0.05 months or more into the month, the tenth is the nearest as before: 5 + 60 ÷ 1,140 = 5.053, 5.1;
    // 5 + 1,100 ÷ 1,140 = 5.96, 6.
    expect(resultOf(paidAtTheStart(5760)).comparisons.tools!.conventions.paybackMonthInterpolated).toBe(5.1);
    expect(resultOf(paidAtTheStart(6800)).comparisons.tools!.conventions.paybackMonthInterpolated).toBe(6);
  });
});

import { describe, expect, it } from "vitest";
import type { ActualMonth } from "../shared/actual-fields.js";
import { comparePlanWithActuals } from "./compare.js";
import { forecastFromActuals } from "./forecast.js";
import { learnedForecast } from "./learn.js";
import { caseText, planFor } from "./test-support/portfolio.js";

/**
 * The up-front cash recorded in month 1's external spend counts at time 0 in the NPV, where the plan
 * counts it (docs/numbers.md): one engine rule (`upFrontAdjustedNpv`) that the re-forecast and the
 * forecast that learns both call. These figures are the ones both gave before they shared it.
 */
const months = (externalSpend: number): ActualMonth[] => [
  { team: "default", month: 1, values: { externalSpend, upkeepHours: 3 } },
  { team: "default", month: 4, values: { liveProjects: 1 } },
];

describe("the NPV with the up-front cash recorded in month 1", () => {
  // [month 1's external spend, the re-forecast's NPV and payback month, the forecast that learns' NPV (5%, median, 95%), median payback and chance of paying back]
  const before = [
    [0, 1854.3324229579525, 20, -2274.7577479616693, 1898.2863578748286, 4274.525538091797, 20, 0.8350000000000001],
    [1000, 854.332422957953, 22, -3274.7577479616725, 898.2863578748274, 3274.525538091795, 22, 0.7400000000000001],
    [2000, -145.6675770420468, 24, -4274.757747961673, -101.71364212517278, 2274.5255380917947, 24, 0.5800000000000001],
    [2400, -543.1104178373649, 24, -4672.200588756989, -499.1564829204892, 1877.0826972964787, 24, 0.515],
    [9000, -7100.917290960109, null, -11230.007461879726, -7056.963356043234, -4680.724175826263, null, 0],
  ] as const;
  it.each(before)(
    "month 1's external spend of %d: the re-forecast's and the forecast that learns' figures are unchanged",
    (spend, npv, payback, p5, p50, p95, paybackP50, chance) => {
      const text = caseText(24).replace("      upkeepHoursPerMonth: 2\n", "      upkeepHoursPerMonth: { low: 1, high: 4 }\n");
      const plan = planFor("default", text);
      const actuals = months(spend);
      const comparison = comparePlanWithActuals(plan, actuals);
      const forecast = forecastFromActuals(plan, comparison);
      if ("message" in forecast) throw new Error(forecast.message);
      // To a billionth of a unit: the sum is now taken in one order for both, where the re-forecast added month 1's benefit and the cash before discounting them.
      expect(forecast.npv.now).toBeCloseTo(npv, 9);
      expect(forecast.paybackMonth.now).toBe(payback);
      const learned = learnedForecast(plan, comparison, actuals, { samples: 200 });
      if (learned === null || "message" in learned) throw new Error("no forecast that learns");
      const now = learned.money!.now;
      expect([now.npv.p5, now.npv.p50, now.npv.p95].map((value) => value.toFixed(9))).toEqual([p5, p50, p95].map((value) => value.toFixed(9)));
      expect(now.paybackMonthP50).toBe(paybackP50);
      expect(now.probabilityPaysBack).toBe(chance);
    },
  );
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { comparePlanWithActuals } from "./compare.js";
import { forecastFromActuals } from "./forecast.js";
import { planFor } from "./test-support/portfolio.js";

// The worked example of docs/numbers.md, "Valuing a recorded month and resuming the plan".
describe("docs/numbers.md: resuming the plan", () => {
  it("the seed's approved option with no live project at month 5: month 6, the NPV and the payback as the docs say", () => {
    const text = readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8");
    const plan = planFor("default", text, "compromise");
    const planned = plan.result.comparisons.compromise!;
    expect(Math.round(planned.npv)).toBe(7959);
    expect(planned.paybackMonth).toBe(5);
    const forecast = forecastFromActuals(plan, comparePlanWithActuals(plan, [{ team: "default", month: 5, values: { liveProjects: 0 } }]));
    if ("message" in forecast) throw new Error(forecast.message);
    expect(forecast.fromMonth).toBe(6);
    const month6 = forecast.months[5]!;
    expect(month6.plannedBenefit).toBeCloseTo(420, 6);
    // −€2,500 of project value, +€330 for 11 upkeep hours freed at half the €60 rate.
    expect(month6.benefit).toBeCloseTo(420 - 2500 + 11 * 60 * 0.5, 6);
    // Month 5 as recorded: −€2,500 of project value and +€330 for its 11 upkeep hours, no longer taken:
    // −€2,170 against the plan, discounted by 1.08^(−5/12), on the planned NPV's €7,959 and the months after.
    expect(Math.round(forecast.npv.now)).toBe(-8482);
    expect(forecast.paybackMonth.now).toBeNull();
  });
});

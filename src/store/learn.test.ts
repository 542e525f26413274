import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ActualMonth } from "../shared/actual-fields.js";
import { comparePlanWithActuals } from "./compare.js";
import { forecastFromActuals } from "./forecast.js";
import { learnedForecast } from "./learn.js";
import { planVersusActual } from "./plan-versus-actual.js";
import { caseText, planFor } from "./test-support/portfolio.js";

/** The test case with the better option's upkeep per live project given as a range. */
const withUpkeepRange = (range: string, months = 36) => caseText(months).replace("      upkeepHoursPerMonth: 2\n", `      upkeepHoursPerMonth: ${range}\n`);

function learned(text: string, actuals: ActualMonth[], samples = 300) {
  const plan = planFor("default", text);
  const comparison = comparePlanWithActuals(plan, actuals);
  const result = learnedForecast(plan, comparison, actuals, { samples });
  if (result === null || "message" in result) throw new Error(result === null ? "no ranges" : result.message);
  return { plan, comparison, result };
}

describe("learnedForecast", () => {
  it("is not made for a plan without ranges", () => {
    const plan = planFor("default", caseText(24));
    expect(learnedForecast(plan, comparePlanWithActuals(plan, []), [])).toBeNull();
    expect(planVersusActual(plan, []).learning).toBeUndefined();
  });

  it("with no month recorded, the forecast is the plan as approved: the same NPV range and chance of paying back", () => {
    const { result } = learned(withUpkeepRange("{ low: 1, high: 4 }"), []);
    expect(result.inputs).toEqual([]);
    const money = result.money!;
    expect(money.now).toEqual({
      npv: money.approved!.npv,
      probabilityPaysBack: money.approved!.probabilityPaysBack,
      paybackMonthP50: money.approved!.paybackMonthP50,
    });
    expect(result.calibration.verdict).toBe("nothing to check");
  });

  it("with a month recorded as planned and a project half-built in capacity mode, the forecast is the plan (examples/team.yaml's managed platform, month 4: its median NPV moved)", () => {
    const text = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8");
    const plan = planFor("default", text, "managed");
    const actuals: ActualMonth[] = [{ team: "default", month: 4, values: { buildHours: plan.result.scenarios.managed!.months[3]!.buildHours } }];
    const result = learnedForecast(plan, comparePlanWithActuals(plan, actuals), actuals, { samples: 200 });
    if (result === null || "message" in result) throw new Error("expected a forecast that learns");
    expect(result.money!.now).toEqual(result.money!.planned);
  });

  it("resumes each sample with the project under way as far along as the recorded build hours put it, as the re-forecast does (examples/team.yaml's managed platform, month 4 with 100 build hours: it built the project again from zero, about €2,800 above)", () => {
    // Ranges too narrow to matter: every sample is the re-forecast's case, to the euro.
    const text = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8")
      .replace("minutesPerRun: { low: 15, high: 25 }", "minutesPerRun: { low: 19.999, high: 20.001 }")
      .replace("valuePerMonth: { low: 1500, high: 4000,", "valuePerMonth: { low: 2449.999, high: 2450.001,");
    const plan = planFor("default", text, "managed");
    for (const buildHours of [100, 0, plan.result.scenarios.managed!.months[3]!.buildHours + 100]) {
      const actuals: ActualMonth[] = [{ team: "default", month: 4, values: { buildHours } }];
      const comparison = comparePlanWithActuals(plan, actuals);
      const reforecast = forecastFromActuals(plan, comparison);
      if ("message" in reforecast) throw new Error(reforecast.message);
      const result = learnedForecast(plan, comparison, actuals, { samples: 100 });
      if (result === null || "message" in result) throw new Error("expected a forecast that learns");
      expect(Math.abs(result.money!.now.npv.p50 - reforecast.npv.now), `${buildHours} build hours`).toBeLessThan(5);
      expect(result.money!.now.paybackMonthP50).toBe(reforecast.paybackMonth.now);
    }
  });

  it("values a month that records only releases with the live projects they leave, as the re-forecast does (examples/team.yaml's managed platform, month 6 with no release)", () => {
    // Ranges too narrow to matter: every sample is the re-forecast's case, to the euro.
    const text = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8")
      .replace("minutesPerRun: { low: 15, high: 25 }", "minutesPerRun: { low: 19.999, high: 20.001 }")
      .replace("valuePerMonth: { low: 1500, high: 4000,", "valuePerMonth: { low: 2449.999, high: 2450.001,");
    const plan = planFor("default", text, "managed");
    const actuals: ActualMonth[] = [{ team: "default", month: 6, values: { releases: 0 } }];
    const comparison = comparePlanWithActuals(plan, actuals);
    // Month 6 holds 5 live projects, not the plan's 6: the release did not happen.
    expect(comparison.actualRows[5]!.liveProjects).toBe(5);
    const reforecast = forecastFromActuals(plan, comparison);
    if ("message" in reforecast) throw new Error(reforecast.message);
    const result = learnedForecast(plan, comparison, actuals, { samples: 100 });
    if (result === null || "message" in result) throw new Error("expected a forecast that learns");
    expect(Math.abs(result.money!.now.npv.p50 - reforecast.npv.now)).toBeLessThan(5);
    expect(result.money!.now.paybackMonthP50).toBe(reforecast.paybackMonth.now);
  });

  it("gives the plan as approved from the distribution frozen with the plan, and works it out again for a plan frozen without one", () => {
    const text = withUpkeepRange("{ low: 1, high: 4 }");
    const plan = planFor("default", text);
    // `track plan` freezes the standard run's distribution of the approved option with the plan.
    const held = plan.result.comparisons.better!.distribution!;
    expect(plan.result.uncertainty).toMatchObject({ samples: 10_000, seed: 1, sampling: "random" });
    const actuals: ActualMonth[] = [];
    const fromHeld = learnedForecast(plan, comparePlanWithActuals(plan, actuals), actuals, { samples: 200 });
    if (fromHeld === null || "message" in fromHeld) throw new Error("no forecast that learns");
    expect(fromHeld.money!.approved).toMatchObject({
      npv: { p5: held.npv.p5, p50: held.npv.p50, p95: held.npv.p95 },
      probabilityPaysBack: held.probabilityPaysBack,
    });
    // The held one is what is given, not one worked out again (a plan frozen by another release keeps its own).
    const altered = structuredClone(plan);
    altered.result.comparisons.better!.distribution!.npv.p5 = -12_345;
    const fromAltered = learnedForecast(altered, comparePlanWithActuals(altered, actuals), actuals, { samples: 200 });
    if (fromAltered === null || "message" in fromAltered) throw new Error("no forecast that learns");
    expect(fromAltered.money!.approved!.npv.p5).toBe(-12_345);
    // A plan frozen before plans kept it: the standard run of its frozen file, the same figures.
    const older = structuredClone(plan);
    delete older.result.comparisons.better!.distribution;
    delete older.result.uncertainty;
    const fromOlder = learnedForecast(older, comparePlanWithActuals(older, actuals), actuals, { samples: 200 });
    if (fromOlder === null || "message" in fromOlder) throw new Error("no forecast that learns");
    expect(fromOlder.money!.approved).toEqual(fromHeld.money!.approved);
  });

  it("values each sample as the deterministic re-forecast does: a range a hair wide gives its NPV", () => {
    // Months 1–8 recorded; from month 7 one project fewer is live than planned (the resumed case starts
    // from another state than the plan's, so the tooling lines' calendar correction is exercised).
    const actuals: ActualMonth[] = Array.from({ length: 8 }, (_, index) => {
      const month = index + 1;
      return {
        team: "default",
        month,
        values: { upkeepHours: month >= 4 ? 2 * (month >= 7 ? 1 : Math.floor((month - 1) / 3)) : 6, ...(month >= 7 ? { liveProjects: 1 } : {}) },
      };
    });
    const { plan, comparison, result } = learned(withUpkeepRange("{ low: 1.999, high: 2.001 }"), actuals);
    const forecast = forecastFromActuals(plan, comparison);
    if ("message" in forecast) throw new Error(forecast.message);
    expect(forecast.npv.now).not.toBeCloseTo(forecast.npv.planned, 0);
    expect(result.money!.now.npv.p50).toBeCloseTo(forecast.npv.now, 0);
    expect(result.money!.planned.npv.p50).toBeCloseTo(forecast.npv.planned, 0);
    expect(result.money!.now.paybackMonthP50).toBe(forecast.paybackMonth.now);
  });

  it("resumes every sample from the recorded months even when they measure none of the ranges", () => {
    // Only live projects are recorded: one fewer than planned from month 7. No upkeep hours, so the
    // range on upkeep learns nothing, but the state the rest of the plan starts from has changed.
    const actuals: ActualMonth[] = Array.from({ length: 8 }, (_, index) => ({
      team: "default",
      month: index + 1,
      values: { liveProjects: index + 1 >= 7 ? 1 : Math.floor(index / 3) },
    }));
    const { plan, comparison, result } = learned(withUpkeepRange("{ low: 1.999, high: 2.001 }"), actuals);
    const forecast = forecastFromActuals(plan, comparison);
    if ("message" in forecast) throw new Error(forecast.message);
    expect(result.monthsUsed).toBe(0);
    expect(forecast.npv.now).not.toBeCloseTo(forecast.npv.planned, 0);
    expect(result.money!.now.npv.p50).toBeCloseTo(forecast.npv.now, 0);
    expect(result.money!.planned.npv.p50).toBeCloseTo(forecast.npv.planned, 0);
    expect(result.money!.now.paybackMonthP50).toBe(forecast.paybackMonth.now);
  });

  it("moves upkeep towards what was recorded and scores the plan's range", () => {
    // The plan said 1 to 4 hours a live project; the team records 8 from the change on (month 4).
    const actuals: ActualMonth[] = Array.from({ length: 12 }, (_, index) => {
      const month = index + 1;
      const live = Math.floor((month - 1) / 3);
      return { team: "default", month, values: { upkeepHours: month >= 4 ? 8 * live : 6 * live } };
    });
    const { result } = learned(withUpkeepRange("{ low: 1, high: 4 }"), actuals);
    const upkeep = result.inputs.find((input) => input.input === "scenarios.better.projects.upkeepHoursPerMonth")!;
    expect(upkeep.planned.p50).toBeCloseTo(2, 0);
    expect(upkeep.now.p50).toBeGreaterThan(5);
    expect(upkeep.moved).toBeGreaterThan(0.5);
    const check = result.observed.find((figure) => figure.figure === "upkeepPerLiveProject")!;
    expect(check.observed).toBe(8);
    expect(check.inside).toBe(false);
    expect(result.calibration.summary).toMatch(/^0 of 1 inside the planned 90% range/);
    expect(result.money!.now.npv.p50).toBeLessThan(result.money!.planned.npv.p50);
    expect(result.warning).toMatch(/outside most of the plan's ranges/);
  });
});

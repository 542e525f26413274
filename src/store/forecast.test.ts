import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ActualMonth } from "../shared/actual-fields.js";
import { comparePlanWithActuals } from "./compare.js";
import { forecastFromActuals, type Forecast } from "./forecast.js";
import type { FrozenPlan } from "./plan.js";
import { caseText, planFor } from "./test-support/portfolio.js";

function forecast(plan: FrozenPlan, actuals: ActualMonth[]): Forecast {
  const result = forecastFromActuals(plan, comparePlanWithActuals(plan, actuals));
  if ("message" in result) throw new Error(result.message);
  return result;
}

/** Months 1..last recorded with nothing that differs from the plan. */
const asPlannedThrough = (last: number): ActualMonth[] => [{ team: "default", month: last, values: {} }];

describe("forecastFromActuals", () => {
  it("re-forecasts the plan itself when every month so far went as planned, whatever month it starts from", () => {
    // Setup spread over three months, consultants up front and a yearly licence: the parts that
    // must neither be paid twice nor shifted when the forecast restarts mid-way.
    const plan = planFor("default", caseText(30));
    const planned = plan.result.comparisons.better!;
    for (let last = 0; last <= 30; last++) {
      const result = forecast(plan, last === 0 ? [] : asPlannedThrough(last));
      expect(result.fromMonth).toBe(last + 1);
      expect(result.npv.now, `from month ${last + 1}`).toBeCloseTo(planned.npv, 6);
      expect(result.paybackMonth.now).toBe(planned.paybackMonth);
      result.months.forEach((month, index) =>
        expect(month.cumulativeBenefit, `month ${index + 1} from ${last + 1}`).toBeCloseTo(planned.cumulativeNet[index]!, 6),
      );
    }
  });

  it("re-forecasts the plan itself in capacity mode when a month is recorded as planned with a project half-built (payback month 12 read month 13, NPV €217,678 read €215,199)", () => {
    const text = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8");
    const plan = planFor("default", text, "managed");
    const planned = plan.result.comparisons.managed!;
    const months = plan.result.scenarios.managed!.months;
    // Every month of the plan, even those with a project being built, recorded with its own build hours.
    for (let last = 1; last < 12; last++) {
      const result = forecast(plan, [{ team: "default", month: last, values: { buildHours: months[last - 1]!.buildHours } }]);
      expect(result.npv.now, `from month ${last + 1}`).toBeCloseTo(planned.npv, 6);
      expect(result.paybackMonth.now, `from month ${last + 1}`).toBe(planned.paybackMonth);
    }
    // Fewer build hours than planned: the state is not the plan's, and the rest is simulated again,
    // the project under way carrying its 100 hours (docs/numbers.md, "Valuing a recorded month and
    // resuming the plan"): it needs 180 more and goes live in month 6. Built again from zero, its 100
    // hours stayed work in progress for good and were built twice: payback in month 13, €209,325.
    const fewer = forecast(plan, [{ team: "default", month: 4, values: { buildHours: 100 } }]);
    expect(fewer.months[4]!.liveProjects).toBe(4);
    expect(fewer.months[4]!.plannedLiveProjects).toBe(5);
    expect(fewer.months[5]!.liveProjects).toBe(5);
    expect(fewer.months.slice(4, 11).map((month) => month.liveProjects)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    // Month 5's 300.9 build hours are all work in progress; the plan's month 5 takes the first project's 280 back.
    expect(Math.round(fewer.months[4]!.benefit)).toBe(23_837);
    expect(Math.round(fewer.months[4]!.plannedBenefit)).toBe(8_680);
    expect(fewer.paybackMonth.now).toBe(14);
    expect(Math.round(fewer.npv.now)).toBe(206_511);
  });

  it("a month recording only live projects, or only releases, has the other follow it: no project of the backlog is lost or made (team.yaml's month 6 at 5 live read 9 at the end and €162,478)", () => {
    const text = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8");
    const plan = planFor("default", text, "managed");
    const months = plan.result.scenarios.managed!.months;
    // The plan: 5 live after month 5, 6 after month 6 (one release each), 10 at the end.
    expect([months[4]!.liveProjects, months[5]!.liveProjects, months[5]!.releases, months[35]!.liveProjects]).toEqual([5, 6, 1, 10]);
    const at = (month: number, values: ActualMonth["values"]) => forecast(plan, [{ team: "default", month, values }]);
    // One project late: month 6's release did not happen. Recorded as live projects alone, as releases
    // alone, or as both, it is the same month and the same forecast: the project goes live in month 7,
    // with the one the plan has going live then.
    const both = at(6, { liveProjects: 5, releases: 0 });
    expect(both.months.slice(5, 8).map((month) => month.liveProjects)).toEqual([5, 7, 8]);
    expect(both.liveProjectsAtEnd.now).toBe(10);
    expect(Math.round(both.npv.now)).toBe(215_639);
    expect(both.paybackMonth.now).toBe(13);
    for (const alone of [at(6, { liveProjects: 5 }), at(6, { releases: 0 })]) {
      expect(alone.liveProjectsAtEnd.now).toBe(10);
      expect(alone.npv.now).toBeCloseTo(both.npv.now, 6);
      expect(alone.paybackMonth.now).toBe(13);
      expect(alone.months.map((month) => month.liveProjects)).toEqual(both.months.map((month) => month.liveProjects));
    }
    // One project early: month 4 recorded with 5 live (the plan has 4): it came out of the backlog,
    // which still ends at 10 live (it read 11, one more than the backlog holds).
    const early = at(4, { liveProjects: 5, releases: 1 });
    expect(early.liveProjectsAtEnd.now).toBe(10);
    for (const alone of [at(4, { liveProjects: 5 }), at(4, { releases: 1 })]) {
      expect(alone.liveProjectsAtEnd.now).toBe(10);
      expect(alone.npv.now).toBeCloseTo(early.npv.now, 6);
    }
    // Recorded at the plan's own live projects, the forecast is the plan's.
    expect(at(6, { liveProjects: 6 }).npv.now).toBeCloseTo(plan.result.comparisons.managed!.npv, 6);
  });

  it("re-forecasts a scenario written as the baseline plus capabilities without counting their setup twice", () => {
    const text = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8");
    const plan = planFor("default", text, "compromise");
    const planned = plan.result.comparisons.compromise!;
    // During the three setup months nothing is being built, so the forecast must give the plan back.
    for (const last of [1, 2, 3]) {
      const result = forecast(plan, asPlannedThrough(last));
      expect(result.npv.now, `from month ${last + 1}`).toBeCloseTo(planned.npv, 4);
      expect(result.paybackMonth.now).toBe(planned.paybackMonth);
    }
    // Later too, with a project half-built in capacity mode: the state is the plan's, so is the rest.
    for (const last of [4, 10]) expect(forecast(plan, asPlannedThrough(last)).npv.now).toBeCloseTo(planned.npv, 4);
  });

  it("discounts the forecast by the plan's own convention (year end, mid-year)", () => {
    for (const discounting of ["yearEnd", "midYear"]) {
      const plan = planFor("default", caseText(30).replace("discountRate: 0.08\n", `discountRate: 0.08\ndiscounting: ${discounting}\n`));
      expect(plan.result.discounting).toBe(discounting);
      const planned = plan.result.comparisons.better!;
      for (const last of [0, 5, 13])
        expect(forecast(plan, last === 0 ? [] : asPlannedThrough(last)).npv.now, `${discounting} from ${last + 1}`).toBeCloseTo(planned.npv, 6);
    }
  });

  it("re-forecasts the plan itself when the change starts later than the last recorded month", () => {
    const text = caseText(24).replace("      setupMonths: 3\n", "      setupMonths: 3\n      startMonth: 8\n");
    const plan = planFor("default", text);
    const planned = plan.result.comparisons.better!;
    for (const last of [1, 5, 6, 7, 8, 9, 10, 11]) {
      const result = forecast(plan, asPlannedThrough(last));
      expect(result.npv.now, `from month ${last + 1}`).toBeCloseTo(planned.npv, 6);
      expect(result.paybackMonth.now).toBe(planned.paybackMonth);
    }
  });

  it("a team behind schedule pays back later: fewer live projects carry forward", () => {
    const plan = planFor("default", caseText(24));
    const planned = plan.result.comparisons.better!;
    const plannedLive = plan.result.scenarios.better!.months[9]!.liveProjects;
    const behind = forecast(plan, [{ team: "default", month: 10, values: { liveProjects: plannedLive - 2 } }]);
    expect(behind.liveProjectsAtEnd.now).toBe(behind.liveProjectsAtEnd.planned - 2);
    expect(behind.npv.now).toBeLessThan(planned.npv);
    expect(behind.months[10]!.source).toBe("forecast");
    expect(behind.months[9]!.source).toBe("actual");
  });

  it("with every month recorded, the forecast is the actuals", () => {
    const plan = planFor("default", caseText(12));
    const result = forecast(plan, [{ team: "default", month: 12, values: { liveProjects: 0 } }]);
    expect(result.fromMonth).toBe(13);
    expect(result.months.every((month) => month.source === "actual")).toBe(true);
    expect(result.totalBenefit.now).toBeLessThan(result.totalBenefit.planned);
  });

  it("in capacity mode, carries the projects already live into the remaining months", () => {
    const text = caseText(36)
      .replace(/ {4}mode: schedule\n {4}months: \[[^\]]*\]\n/, "    mode: capacity\n")
      .replace("    upkeepHoursPerMonth: 6\n", "    upkeepHoursPerMonth: 6\n    buildHours: 150\n");
    const plan = planFor("default", text);
    const ahead = forecast(plan, [{ team: "default", month: 12, values: { liveProjects: plan.result.scenarios.better!.months[11]!.liveProjects + 3 } }]);
    const onPlan = forecast(plan, [{ team: "default", month: 12, values: {} }]);
    expect(ahead.liveProjectsAtEnd.now).toBeGreaterThan(onPlan.liveProjectsAtEnd.now);
    expect(ahead.totalBenefit.now).toBeGreaterThan(onPlan.totalBenefit.now);
  });

  it("says why when the frozen file cannot be read any more", () => {
    const plan = planFor("default", caseText(12));
    const broken = { ...plan, scenarioText: "title: [" };
    const result = forecastFromActuals(broken, comparePlanWithActuals(broken, asPlannedThrough(3)));
    expect(result).toEqual({ message: expect.stringContaining("the frozen scenario file cannot be read any more") });
  });
});

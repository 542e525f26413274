import { describe, expect, it } from "vitest";
import { resultOf } from "../test-support/result-of.js";
import { buildResult, CaseRunner, MonteCarlo, netPresentValue, riskAdjusted, validateScenarioText, benefitCategories } from "./index.js";

/**
 * A Forrester TEI-style three-year case. One person at €50 an hour whose 60 hours a month of meetings
 * the tooling removes (every freed hour is worth its cost: capture share 1), so the benefit is
 * 60 × 50 = €3,000 a month, €36,000 a year. Costs: €50,000 of consultants paid when the change starts
 * in month 1 (time 0, never discounted) and a €6,000 licence paid at the start of each year (months 1,
 * 13 and 25). 10% a year, every month of a year discounted as at the year's end.
 */
function forresterCase(extra: Record<string, unknown> = {}, meetings: unknown = 60): Record<string, unknown> {
  return {
    title: "Forrester-style three years",
    currency: "USD",
    horizonMonths: 36,
    discountRate: 0.1,
    discounting: "yearEnd",
    riskAdjustment: { benefits: 0.1, costs: 0.05 },
    freedHoursCaptureShare: 1,
    baseline: "today",
    defaults: {
      team: { people: 1, hoursPerMonth: 160, hourlyCost: 50 },
      projects: { upkeepHoursPerMonth: 0 },
      releases: { mode: "schedule" },
    },
    scenarios: {
      today: { meetings: { hoursPerPersonPerMonth: meetings } },
      tooling: {
        meetings: { hoursPerPersonPerMonth: 0 },
        tooling: { licences: { flatPerYear: 6000 } },
        change: { external: { consultants: 50000 } },
      },
    },
    ...extra,
  };
}

describe("a Forrester-style three-year case (10%, year-end discounting, cost at time 0, risk adjustment)", () => {
  const result = resultOf(forresterCase());
  const tooling = result.comparisons.tooling!;

  // By hand. Discount factors at year end: 1/1.1 = 0.909091, 1/1.21 = 0.826446, 1/1.331 = 0.751315;
  // their sum is 2.486852.
  //                     time 0     year 1     year 2     year 3
  //   benefits               0     36,000     36,000     36,000   PV 36,000 × 2.486852 = 89,526.67
  //   costs             50,000      6,000      6,000      6,000   PV 50,000 + 6,000 × 2.486852 = 64,921.11
  //   net              −50,000     30,000     30,000     30,000   NPV −50,000 + 30,000 × 2.486852 = 24,605.56
  // ROI (TEI) = (PV benefits − PV costs) ÷ PV costs = 24,605.56 ÷ 64,921.11 = 0.379007 (ours: NPV ÷ PV costs, the same).
  // Risk-adjusted: benefits − 10% = 80,574.00; costs + 5% = 68,167.17; NPV 12,406.84; ROI 0.182006.
  // Payback, undiscounted: −50,000 at time 0; month 1 is 3,000 − 6,000, so −53,000; months 2–12 add 3,000
  // each: −20,000 at the end of year 1; month 13 again −3,000: −23,000; months 14–20 bring it to
  // −2,000; month 21 adds 3,000 and crosses zero two thirds of the way through: 20 + 2,000 ÷ 3,000 =
  // 20.67 months, shown 20.7; 1.7222 years; the whole payback month is 21. After month 21 it never
  // falls below zero again (month 25's licence takes it from 10,000 to 7,000).
  // DORA's ROI: total net benefit 3,000 × 36 − 3 × 6,000 − 50,000 = 40,000 over the 50,000 invested = 0.8.
  const factors = [1 / 1.1, 1 / 1.21, 1 / 1.331];
  const sum = factors[0]! + factors[1]! + factors[2]!;

  it("lists the risk adjustment's two shares as used by every scenario, as the discount rate, not by none", () => {
    // The workbook's Assumptions sheet said "Used by: none (each scenario sets its own)" for them.
    const used = (input: string) => result.assumptions.find((assumption) => assumption.input === input)?.usedBy;
    expect(used("riskAdjustment.benefits")).toEqual(["today", "tooling"]);
    expect(used("riskAdjustment.costs")).toEqual(["today", "tooling"]);
    expect(used("discountRate")).toEqual(["today", "tooling"]);
  });

  it("takes the discounting convention and the risk adjustment from the file", () => {
    expect(result.discounting).toBe("yearEnd");
    expect(result.riskAdjustment).toEqual({ benefits: 0.1, costs: 0.05 });
    expect(sum).toBeCloseTo(2.486852, 6);
  });

  it("discounts every month of a year as at the year's end, time 0 in full", () => {
    expect(tooling.timeZeroNet).toBe(-50000);
    expect(tooling.npv).toBeCloseTo(-50000 + 30000 * sum, 6);
    expect(tooling.npv).toBeCloseTo(24605.56, 2);
  });

  it("gives the present values of benefits and costs, and TEI's ROI, as worked out by hand", () => {
    expect(tooling.presentValueOfCosts).toBeCloseTo(50000 + 6000 * sum, 6);
    expect(tooling.presentValueOfCosts).toBeCloseTo(64921.11, 2);
    expect(tooling.presentValueOfBenefits).toBeCloseTo(36000 * sum, 6);
    expect(tooling.presentValueOfBenefits).toBeCloseTo(89526.67, 2);
    const tei = (tooling.presentValueOfBenefits - tooling.presentValueOfCosts) / tooling.presentValueOfCosts;
    expect(tei).toBeCloseTo(0.379007, 6);
    expect(tooling.roi).toBeCloseTo(tei, 12);
  });

  it("risk-adjusts as TEI does: benefits cut by 10%, costs raised by 5%", () => {
    const adjusted = tooling.riskAdjusted!;
    expect(adjusted.presentValueOfBenefits).toBeCloseTo(89526.67 * 0.9, 1);
    expect(adjusted.presentValueOfBenefits).toBeCloseTo(80574.0, 2);
    expect(adjusted.presentValueOfCosts).toBeCloseTo(68167.17, 2);
    expect(adjusted.npv).toBeCloseTo(12406.84, 2);
    expect(adjusted.roi).toBeCloseTo(0.182006, 6);
    // The unadjusted figures stay as they were, beside the adjusted ones.
    expect(tooling.npv).toBeCloseTo(24605.56, 2);
  });

  it("pays back in month 21, 20.7 months or 1.72 years from time 0", () => {
    expect(tooling.paybackMonth).toBe(21);
    expect(tooling.cumulativeNet[19]).toBeCloseTo(-2000, 9);
    expect(tooling.cumulativeNet[20]).toBeCloseTo(1000, 9);
    expect(tooling.conventions.paybackMonthInterpolated).toBe(20.7);
    expect(tooling.conventions.paybackYears).toBeCloseTo((20 + 2 / 3) / 12, 12);
  });

  it("gives the return on our investment: total net benefit ÷ investment, undiscounted", () => {
    expect(tooling.investment.total).toBe(50000);
    expect(tooling.totalNetBenefit).toBeCloseTo(40000, 9);
    expect(tooling.conventions.roiOnInvestment).toBeCloseTo(0.8, 12);
  });

  it("gives DORA's figures: what the change costs over the horizon, what it returns, their ratio and payback", () => {
    const dora = tooling.conventions.dora;
    // $50,000 of consultants and three years of the $6,000 licence.
    expect(dora.investment).toBeCloseTo(68000, 9);
    expect(dora.value).toBeCloseTo(108000, 9);
    expect(dora.netBenefit).toBeCloseTo(40000, 9);
    expect(dora.roi).toBeCloseTo(40000 / 68000, 12);
    // $68,000 ÷ ($108,000 ÷ 3 years) = 1.89 years.
    expect(dora.paybackYears).toBeCloseTo(68000 / 36000, 12);
  });

  it("gives no DORA payback, as no DORA ROI, when the change costs less than today's own change", () => {
    // Today makes a larger change of its own (setup hours and consultants): the alternative's
    // investment over today's is negative, and there is nothing to pay back.
    const dora = resultOf({
      title: "t",
      currency: "EUR",
      horizonMonths: 6,
      discountRate: 0.1,
      freedHoursCaptureShare: 0.5,
      baseline: "a",
      defaults: {
        team: { people: 1, hoursPerMonth: 100, hourlyCost: 10 },
        projects: { alreadyLive: 1, upkeepHoursPerMonth: 50 },
        releases: { mode: "schedule", months: [] },
      },
      scenarios: {
        a: { change: { setupHours: 90, startMonth: 2, external: { consultants: 500 } } },
        b: { change: { setupHours: 30, startMonth: 3, external: { consultants: 100 } } },
      },
    }).comparisons.b!.conventions.dora;
    expect(dora.investment).toBeLessThan(0);
    expect(dora.roi).toBeNull();
    expect(dora.paybackYears).toBeNull();
  });

  it("splits the same NPV by category: the categories' present values add up to it", () => {
    const total = benefitCategories.reduce((sum, category) => sum + tooling.presentValueByCategory[category], 0);
    expect(total).toBeCloseTo(tooling.npv, 6);
  });

  it("discounts mid-year by (1 + r)^(-(y - 0.5)), and monthly by (1 + r)^(-m/12)", () => {
    const mid = resultOf(forresterCase({ discounting: "midYear" })).comparisons.tooling!;
    const midSum = factors.reduce((total, factor) => total + factor * Math.sqrt(1.1), 0);
    expect(mid.npv).toBeCloseTo(-50000 + 30000 * midSum, 6);
    expect(mid.presentValueOfCosts).toBeCloseTo(50000 + 6000 * midSum, 6);
    const monthly = resultOf(forresterCase({ discounting: "monthly" })).comparisons.tooling!;
    let byHand = -50000;
    for (let m = 1; m <= 36; m++) byHand += (3000 - (m % 12 === 1 ? 6000 : 0)) * 1.1 ** (-m / 12);
    expect(monthly.npv).toBeCloseTo(byHand, 6);
    // Payback and DORA's ROI do not discount: the same under every convention.
    expect(mid.conventions).toEqual(tooling.conventions);
    expect(monthly.conventions).toEqual(tooling.conventions);
  });
});

describe("the discounting convention applies wherever present values are computed", () => {
  it("simulate's NPV (with and without the settled-month shortcut) equals the NPV of its monthly net benefit", () => {
    for (const discounting of ["monthly", "yearEnd", "midYear"]) {
      const compiled = validateScenarioText(JSON.stringify(forresterCase({ discounting }))).compiled!;
      for (const repeatSettledMonths of [true, false]) {
        const runner = new CaseRunner(compiled, { repeatSettledMonths });
        runner.run(compiled.leafValues);
        const figures = runner.figures[1]!;
        expect(figures.npv).toBeCloseTo(netPresentValue(figures.timeZero, runner.netBenefit[1]!, 0.1, 0, 36, discounting as "yearEnd"), 6);
      }
    }
  });

  it("the Monte Carlo discounts each sample by the case's convention", () => {
    const compiled = validateScenarioText(JSON.stringify(forresterCase({}, { low: 40, high: 80 }))).compiled!;
    const monteCarlo = new MonteCarlo(compiled, { samples: 50, seed: 3 }).runAll();
    const hours = monteCarlo.inputs[0]!;
    const sum = 1 / 1.1 + 1 / 1.21 + 1 / 1.331;
    for (let sample = 0; sample < 50; sample++) {
      // Each sample saves its drawn meeting hours at €50 an hour, every month of the three years.
      expect(monteCarlo.npv[1]![sample]).toBeCloseTo(-50000 + (hours[sample]! * 50 * 12 - 6000) * sum, 6);
    }
  });
});

describe("the default convention", () => {
  it("is monthly: a file without `discounting` gives exactly what `discounting: monthly` gives", () => {
    const { discounting: _, riskAdjustment: __, ...plain } = forresterCase();
    const silent = resultOf(plain);
    const monthly = resultOf({ ...plain, discounting: "monthly" });
    expect(silent.discounting).toBe("monthly");
    expect(silent.comparisons.tooling!.npv).toBe(monthly.comparisons.tooling!.npv);
    expect(silent.comparisons.tooling!.presentValueOfCosts).toBe(monthly.comparisons.tooling!.presentValueOfCosts);
    expect(silent.comparisons.tooling!.npv).not.toBeCloseTo(resultOf(forresterCase()).comparisons.tooling!.npv, 0);
  });

  it("has no risk adjustment: no riskAdjusted figures unless the file asks", () => {
    const { riskAdjustment: _, ...plain } = forresterCase();
    const result = resultOf(plain);
    expect(result.riskAdjustment).toBeUndefined();
    expect(result.comparisons.tooling!.riskAdjusted).toBeUndefined();
  });
});

describe("riskAdjusted", () => {
  it("cuts benefits and raises costs by their shares", () => {
    expect(riskAdjusted(1000, 400, { benefits: 0.1, costs: 0.05 })).toEqual({
      presentValueOfBenefits: 900,
      presentValueOfCosts: 420,
      npv: 480,
      roi: 480 / 420,
    });
  });

  it("has no ROI when nothing costs more", () => {
    expect(riskAdjusted(1000, 0, { benefits: 0.2, costs: 0.1 })).toEqual({ presentValueOfBenefits: 800, presentValueOfCosts: 0, npv: 800, roi: null });
  });
});

describe("validation of the new inputs", () => {
  const issues = (data: Record<string, unknown>) => validateScenarioText(JSON.stringify(data)).issues.filter((issue) => issue.severity === "error");

  it("refuses an unknown convention, naming the allowed ones", () => {
    const found = issues(forresterCase({ discounting: "quarterly" }));
    expect(found.map((issue) => issue.path.join("."))).toEqual(["discounting"]);
    expect(found[0]!.message).toContain("allowed: monthly, yearEnd, midYear");
  });

  it("refuses risk shares outside 0–1 and unknown fields", () => {
    expect(issues(forresterCase({ riskAdjustment: { benefits: 1.5 } })).map((issue) => issue.path.join("."))).toEqual(["riskAdjustment.benefits"]);
    expect(issues(forresterCase({ riskAdjustment: { costs: -0.1 } })).map((issue) => issue.path.join("."))).toEqual(["riskAdjustment.costs"]);
    expect(issues(forresterCase({ riskAdjustment: { benefit: 0.1 } })).length).toBeGreaterThan(0);
  });

  it("keeps checking the rest of the file when a convention is wrong", () => {
    const data = forresterCase({ discounting: "quarterly" });
    (data.scenarios as Record<string, Record<string, unknown>>).tooling!.projects = { upkeepHoursPerMonth: -1 };
    expect(
      issues(data)
        .map((issue) => issue.path.join("."))
        .sort(),
    ).toEqual(["discounting", "scenarios.tooling.projects.upkeepHoursPerMonth"]);
  });
});

describe("buildResult", () => {
  it("reports the shares it applied and leaves the compiled case's numbers alone", () => {
    const compiled = validateScenarioText(JSON.stringify(forresterCase())).compiled!;
    expect(compiled.riskAdjustment).toEqual({ benefits: 0.1, costs: 0.05 });
    expect(buildResult(compiled).riskAdjustment).toEqual({ benefits: 0.1, costs: 0.05 });
  });
});

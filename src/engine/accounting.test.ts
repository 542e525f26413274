import { describe, expect, it } from "vitest";
import { buildResult, paybackMonth, paybackTolerance, validateScenarioText, type CaseResult } from "./index.js";

// The accounting rules, each on its smallest case: no hour free, none paid twice. One person with
// 100 hours a month at 10 an hour, no discounting, nothing live and no releases unless stated.

function resultOf(body: string): CaseResult {
  const text = `title: Accounting
currency: EUR
discountRate: 0
baseline: a
${body}`;
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => `${issue.line}: ${issue.message}`).join("\n"));
  return buildResult(validation.compiled);
}

const team = "team: {people: 1, hoursPerMonth: 100, hourlyCost: 10}";

describe("a vacant post is paid once", () => {
  it("is off the payroll while its hours are bought back: a team that must buy them back gains or loses nothing else", () => {
    const result = resultOf(`horizonMonths: 12
defaults: {${team}, projects: {alreadyLive: 1, upkeepHoursPerMonth: 100}, releases: {mode: schedule, months: []}}
scenarios:
  a: {}
  b: {turnover: {attritionPerYear: 0.12, vacancyMonths: 3, rampUpMonths: 0}}
`);
    const month = result.scenarios.b!.months[0]!;
    // 0.01 departures a month × 3 months × 100 hours: 3 hours a month with the seat empty.
    expect(month.vacancyHours).toBeCloseTo(3, 12);
    // Off the payroll: 3% of the 1,000 a month is not paid...
    expect(month.payroll).toBeCloseTo(970, 9);
    // ...and the 3 hours upkeep still needs are bought at the loaded rate.
    expect(month.overloadCost).toBeCloseTo(30, 9);
    expect(result.comparisons.b!.totalNetBenefit).toBeCloseTo(0, 9);
    expect(result.comparisons.b!.benefitByCategory.turnover).toBeCloseTo(0, 9);
  });

  it("costs only the idle hours it takes when the team has hours to spare", () => {
    const result = resultOf(`horizonMonths: 12
defaults: {${team}, projects: {alreadyLive: 0, upkeepHoursPerMonth: 0}, releases: {mode: schedule, months: []}}
freedHoursCaptureShare: 0.5
scenarios:
  a: {}
  b: {turnover: {attritionPerYear: 0.12, vacancyMonths: 3, rampUpMonths: 0}}
`);
    // 3 hours a month fewer idle hours (worth 0.5 × 10 each) and 30 less pay: +15 a month.
    expect(result.comparisons.b!.monthlyNetBenefit[0]).toBeCloseTo(15, 9);
  });

  it("saves a salaried team the vacant person's monthly pay", () => {
    const result = resultOf(`horizonMonths: 12
defaults:
  team: {people: 2, hoursPerMonth: 100, salary: {annual: 120000, benefitsMultiplier: 1, workingHoursPerYear: 1600}}
  projects: {alreadyLive: 0, upkeepHoursPerMonth: 0}
  releases: {mode: schedule, months: []}
scenarios:
  a: {}
  b: {turnover: {attritionPerYear: 0.12, vacancyMonths: 3, rampUpMonths: 0}}
`);
    // 0.02 departures a month × 3 months: 0.06 of a person's 10,000 a month off a payroll of 20,000.
    expect(result.scenarios.b!.months[0]!.payroll).toBeCloseTo(20_000 - 0.06 * 10_000, 9);
  });
});

describe("the adoption dip starts with the new way of working", () => {
  const upkeepHalved = (change: string) =>
    resultOf(`horizonMonths: 4
defaults: {${team}, projects: {alreadyLive: 1, upkeepHoursPerMonth: 40}, releases: {mode: schedule, months: []}}
freedHoursCaptureShare: 0.5
scenarios:
  a: {}
  b: {projects: {upkeepHoursPerMonth: 20}, change: {${change}}}
`);

  it("in the change's first month when it has no setup", () => {
    // 20 hours of upkeep freed, worth 0.5 × 10 each: +100 a month. In month 1 the dip takes half of
    // the 100 hours: 50 available − 20 upkeep = 30 idle against today's 60, so −30 × 5 = −150.
    const result = upkeepHalved("adoptionDipShare: 0.5, adoptionDipMonths: 1");
    expect(result.comparisons.b!.monthlyNetBenefit).toEqual([-150, 100, 100, 100]);
    expect(result.scenarios.b!.months.map((month) => month.adoptionDipHours)).toEqual([50, 0, 0, 0]);
  });

  it("in the month after the setup when there is one", () => {
    const result = upkeepHalved("setupHours: 10, adoptionDipShare: 0.5, adoptionDipMonths: 1");
    expect(result.scenarios.b!.months.map((month) => month.adoptionDipHours)).toEqual([0, 50, 0, 0]);
  });

  it("from the change's start month when that is later", () => {
    const result = upkeepHalved("startMonth: 3, adoptionDipShare: 0.5, adoptionDipMonths: 2");
    expect(result.scenarios.b!.months.map((month) => month.adoptionDipHours)).toEqual([0, 0, 50, 50]);
    // The new way starts with the dip: months 1 and 2 are today's.
    expect(result.comparisons.b!.monthlyNetBenefit.slice(0, 2)).toEqual([0, 0]);
  });
});

describe("a scheduled release's build hours are paid for", () => {
  it("buys the hours the team does not have at the loaded rate", () => {
    const result = resultOf(`horizonMonths: 2
defaults: {${team}, projects: {upkeepHoursPerMonth: 0, buildHours: 300}, releases: {mode: schedule, months: [2]}}
scenarios:
  a: {}
  b: {projects: {buildHours: 150}}
`);
    // Today: 150 build hours a month, 100 from the team and 50 bought at 10. b: 75 a month, 25 idle
    // hours worth 0.5 × 10. b gains 500 + 125 a month: 1,250 over the two months.
    expect(result.scenarios.a!.months.map((month) => month.scheduledBuildShortfallHours)).toEqual([50, 50]);
    expect(result.scenarios.a!.months.map((month) => month.overloadCost)).toEqual([500, 500]);
    expect(result.comparisons.b!.totalNetBenefit).toBeCloseTo(1250, 9);
    // The categories still add up: building is where the gain comes from.
    expect(result.comparisons.b!.benefitByCategory.delivery).toBeCloseTo(1250 + 250, 9);
    expect(result.comparisons.b!.benefitByCategory.unusedCapacity).toBeCloseTo(-250, 9);
  });
});

describe("payback on a large case that breaks even exactly", () => {
  it("pays back despite rounding in the running sum, and not with a real shortfall", () => {
    // Twelve months of +0.1 × 10⁸ after −1.2 × 10⁸ up front: the running sum misses zero by rounding.
    const monthly = 0.1e8 + 0.1;
    let running = -12 * monthly;
    const cumulative = Float64Array.from({ length: 12 }, () => (running += monthly));
    expect(cumulative[11]).not.toBe(0);
    expect(paybackMonth(-12 * monthly, cumulative)).toBe(12);
    // A real shortfall of one unit on that scale never pays back.
    const short = Float64Array.from(cumulative, (value, index) => (index === 11 ? -1 : value));
    expect(paybackMonth(-12 * monthly, short)).toBeNull();
    expect(paybackTolerance(-100, Float64Array.of(-60, 40))).toBe(1e-9);
  });
});

describe("which scenarios use an assumption", () => {
  it("lists for a catalogue value only the scenarios whose capabilities use it", () => {
    const result = resultOf(`horizonMonths: 12
defaults: {${team}, projects: {alreadyLive: 1, upkeepHoursPerMonth: 30}, releases: {mode: schedule, months: []}}
catalogue:
  monitoring: {monthlyCost: 200}
scenarios:
  a: {}
  b: {capabilities: [monitoring]}
  c: {projects: {upkeepHoursPerMonth: 20}}
`);
    const usedBy = (input: string) => result.assumptions.find((assumption) => assumption.input === input)?.usedBy;
    expect(usedBy("catalogue.monitoring.monthlyCost")).toEqual(["b"]);
    expect(usedBy("discountRate")).toEqual(["a", "b", "c"]);
    expect(usedBy("scenarios.c.projects.upkeepHoursPerMonth")).toEqual(["c"]);
  });
});

describe("the benefit of the last twelve months on a shorter horizon", () => {
  it("adds up the months there are instead of making up a year", () => {
    const result = resultOf(`horizonMonths: 6
defaults: {${team}, projects: {upkeepHoursPerMonth: 0}, releases: {mode: schedule, months: []}}
scenarios:
  a: {}
  b: {tooling: {licences: {flatPerMonth: 100}}}
`);
    const comparison = result.comparisons.b!;
    expect(comparison.benefitLastTwelveMonths).toBe(-600);
    expect(comparison.benefitLastTwelveMonthsSpan).toBe(6);
    expect(comparison.totalNetBenefit).toBe(-600);
  });
});

describe("an alternative's fees follow its change's start", () => {
  const result = resultOf(`horizonMonths: 14
defaults: {${team}, projects: {upkeepHoursPerMonth: 0}, releases: {mode: schedule, months: []}, tooling: {licences: {flatPerYear: 120}}}
scenarios:
  a: {}
  b:
    change: {startMonth: 4, setupHours: 30, external: {consultants: 500}}
    tooling: {licences: {flatPerMonth: 100, flatPerYear: 1200}, infrastructure: {perMonth: 50}}
`);
  const months = result.scenarios.b!.months;

  it("pays today's fees until the change starts, then its own, with its licence year from the start month", () => {
    // Today's yearly 120 in month 1; from month 4 its own 100 a month, and its yearly 1,200 in month 4
    // (the next one would fall in month 16, beyond this horizon — not in month 13).
    expect(months.map((month) => month.licences)).toEqual([120, 0, 0, 1300, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]);
    expect(months.map((month) => month.infrastructure).slice(0, 5)).toEqual([0, 0, 0, 50, 50]);
  });

  it("counts as investment only the cash paid before the change starts", () => {
    const comparison = result.comparisons.b!;
    // Months 1–3 are today's: nothing extra but the consultants, paid at the end of month 3.
    expect(comparison.monthlyNetBenefit.slice(0, 2)).toEqual([0, 0]);
    expect(comparison.investment.cash).toBe(500);
  });
});

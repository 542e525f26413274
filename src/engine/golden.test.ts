import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "./index.js";

// The seed's sheet (examples/seed.yaml; the README's Quick start case), month by month.
const sheet = [
  { months: [1, 2, 3], live: 0, upkeepToday: 0, upkeepBetter: 0, freeToday: 120, freeBetter: 120, newToday: true, newBetter: true },
  { months: [4, 5, 6], live: 1, upkeepToday: 30, upkeepBetter: 11, freeToday: 90, freeBetter: 109, newToday: true, newBetter: true },
  { months: [7, 8, 9], live: 2, upkeepToday: 60, upkeepBetter: 22, freeToday: 60, freeBetter: 98, newToday: false, newBetter: true },
  { months: [10, 11, 12], live: 3, upkeepToday: 90, upkeepBetter: 33, freeToday: 30, freeBetter: 87, newToday: false, newBetter: true },
];

describe("the seed's sheet (examples/seed.yaml)", () => {
  const text = readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8");
  const validation = validateScenarioText(text);
  const result = buildResult(validation.compiled!);
  const today = result.scenarios.current!;

  it("validates without issues", () => {
    expect(validation.issues).toEqual([]);
  });

  for (const better of ["optimal", "compromise"]) {
    it(`reproduces the seed's sheet (examples/seed.yaml) month by month for current and ${better}`, () => {
      const scenario = result.scenarios[better]!;
      for (const row of sheet) {
        for (const month of row.months) {
          const now = today.months[month - 1]!;
          const after = scenario.months[month - 1]!;
          expect({ month, live: now.liveProjects, upkeep: now.upkeepHours, free: now.freeHours, newWork: now.canStartNewWork }).toEqual({
            month,
            live: row.live,
            upkeep: row.upkeepToday,
            free: row.freeToday,
            newWork: row.newToday,
          });
          expect({ month, live: after.liveProjects, upkeep: after.upkeepHours, free: after.freeHours, newWork: after.canStartNewWork }).toEqual({
            month,
            live: row.live,
            upkeep: row.upkeepBetter,
            free: row.freeBetter,
            newWork: row.newBetter,
          });
        }
      }
    });
  }

  it("keeps at most 4 live projects per person today and 10 with better tooling", () => {
    expect(today.summary.maxLiveProjectsPerPerson).toBe(4);
    expect(result.scenarios.optimal!.summary.maxLiveProjectsPerPerson).toBe(10);
    expect(result.scenarios.compromise!.summary.maxLiveProjectsPerPerson).toBe(10);
  });

  it("stops new work from month 7 today and never with better tooling", () => {
    expect(today.summary.newWorkStopsMonth).toBe(7);
    expect(result.scenarios.optimal!.summary.newWorkStopsMonth).toBeNull();
  });

  it("values freed upkeep hours at the loaded rate times the capture share, and counts cash as cash", () => {
    // Optimal: 19 hours a project a month saved × €60 × 0.5, less a €3,600 yearly licence (month 1) and €2,000 at time 0.
    const optimal = result.comparisons.optimal!;
    const saved = [0, 0, 0, 19, 19, 19, 38, 38, 38, 57, 57, 57].map((hours) => hours * 60 * 0.5);
    const expected = saved.map((value, index) => value - (index === 0 ? 3600 : 0));
    optimal.monthlyNetBenefit.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 9));
    expect(optimal.investment.cash).toBe(2000);
    expect(optimal.cumulativeNet[11]).toBeCloseTo(expected.reduce((a, b) => a + b, 0) - 2000, 9);
    const factor = 1.08 ** (-1 / 12);
    const npv = expected.reduce((total, value, index) => total + value * factor ** (index + 1), -2000);
    expect(optimal.npv).toBeCloseTo(npv, 9);
    expect(optimal.paybackMonth).toBe(10);
  });

  it("computes ROI as NPV over the present value of the alternative's extra costs", () => {
    const compromise = result.comparisons.compromise!;
    const factor = 1.08 ** (-1 / 12);
    let costs = 0;
    for (let month = 1; month <= 12; month++) costs += 150 * factor ** month;
    expect(compromise.presentValueOfCosts).toBeCloseTo(costs, 9);
    expect(compromise.roi).toBeCloseTo(compromise.npv / costs, 12);
  });
});

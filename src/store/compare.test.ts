import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benefitCategories, validateScenarioText } from "../engine/index.js";
import type { ActualMonth, ActualValues } from "../shared/actual-fields.js";
import { comparePlanWithActuals } from "./compare.js";
import { freezePlan } from "./freeze-plan.js";
import type { FrozenPlan } from "./plan.js";
import { caseText, planFor } from "./test-support/portfolio.js";

/** The seed's sheet (examples/seed.yaml) with the "optimal" scenario approved. */
function seedPlan(): FrozenPlan {
  const text = readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8");
  const frozen = freezePlan({
    compiled: validateScenarioText(text).compiled!,
    text,
    fileName: "seed.yaml",
    sha256: "0".repeat(64),
    scenario: "optimal",
    team: "default",
    frozenAt: "2025-01-01T00:00:00.000Z",
    toolVersion: "test",
  });
  if ("message" in frozen) throw new Error(frozen.message);
  return frozen.plan;
}

const month = (number: number, values: ActualValues): ActualMonth => ({ team: "default", month: number, values });

/** Every measure the engine also plans, as the plan has it for that month. */
function asPlanned(plan: FrozenPlan, number: number): ActualValues {
  const row = plan.result.scenarios[plan.scenario]!.months[number - 1]!;
  return {
    manualHours: row.manualHours,
    waitingHours: row.waitingHours,
    meetingHours: row.meetingHours,
    breakageFixHours: row.breakageFixHours,
    upkeepHours: row.upkeepHours,
    buildHours: row.buildHours,
    setupHours: row.setupHours + row.learningHours + row.adoptionDipHours,
    availableHours: row.availableHours + row.adoptionDipHours,
    liveProjects: row.liveProjects,
    releases: row.releases,
    licences: row.licences,
    infrastructure: row.infrastructure,
    externalSpend: row.externalSpend,
  };
}

describe("comparePlanWithActuals", () => {
  it("with nothing recorded, shows the plan and no actual month", () => {
    const plan = seedPlan();
    const comparison = comparePlanWithActuals(plan, []);
    expect(comparison.lastRecordedMonth).toBeNull();
    expect(comparison.months.every((compared) => compared.actual === null)).toBe(true);
    expect(comparison.months.map((compared) => compared.planned.cumulativeBenefit)).toEqual(plan.result.comparisons.optimal!.cumulativeNet);
    expect(comparison.soFar.benefit).toEqual({ planned: -2000, actual: -2000 });
  });

  it("actuals equal to the plan give the plan's benefit, month by month and by category", () => {
    const plan = planFor("default", caseText(24));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 24 }), fc.boolean(), (months, full) => {
        // Month 1's external spend is left out so the up-front payment stays at time 0, as planned.
        const actuals = months.map((number) => month(number, full && number > 1 ? asPlanned(plan, number) : {}));
        const comparison = comparePlanWithActuals(plan, actuals);
        for (const compared of comparison.months.filter((row) => row.actual)) {
          expect(compared.actual!.benefit).toBeCloseTo(compared.planned.benefit, 6);
          expect(compared.actual!.cumulativeBenefit).toBeCloseTo(compared.planned.cumulativeBenefit, 6);
          expect(compared.actual!.cashSpent).toBeCloseTo(compared.planned.cashSpent, 6);
        }
        for (const category of benefitCategories) {
          expect(comparison.soFar.benefitByCategory.actual[category]).toBeCloseTo(comparison.soFar.benefitByCategory.planned[category], 6);
        }
      }),
      { seed: 8, numRuns: 60 },
    );
  });

  it("the benefit by category adds up to the benefit so far", () => {
    const plan = seedPlan();
    const comparison = comparePlanWithActuals(plan, [
      month(1, { externalSpend: 2500, setupHours: 10 }),
      month(4, { upkeepHours: 15, liveProjects: 1, incidents: 1, hoursToRestore: 3 }),
      month(5, { upkeepHours: 40, buildHours: 100, liveProjects: 2 }),
    ]);
    const sum = benefitCategories.reduce((total, category) => total + comparison.soFar.benefitByCategory.actual[category], 0);
    expect(sum).toBeCloseTo(comparison.soFar.benefit.actual, 6);
  });

  it("values the seed's month 4 by the engine's rules: 4 more upkeep hours cost half their loaded rate when the hours were unused", () => {
    const plan = seedPlan();
    const compared = comparePlanWithActuals(plan, [month(4, { upkeepHours: 15 })]).months[3]!;
    expect(compared.planned.benefit).toBeCloseTo(570, 9); // 19 hours freed × €60 × 0.5 capture
    expect(compared.actual!.benefit).toBeCloseTo(570 - 4 * 60 * 0.5, 9);
  });

  it("a project not yet live loses its monthly value; a recorded outage costs its hours", () => {
    const plan = seedPlan();
    const late = comparePlanWithActuals(plan, [month(4, { liveProjects: 0 })]).months[3]!;
    // −€2,500 of project value; the 11 upkeep hours the plan gave that project are not taken, and are
    // idle hours worth half the €60 rate (upkeep was not recorded: it follows the live projects recorded).
    expect(late.actual!.benefit).toBeCloseTo(570 - 2500 + 11 * 60 * 0.5, 9);
    expect(late.actual!.upkeepHours).toBe(0);
    // Two live where the plan had one: twice its upkeep hours.
    expect(comparePlanWithActuals(plan, [month(4, { liveProjects: 2 })]).months[3]!.actual!.upkeepHours).toBeCloseTo(22, 9);
    // Recorded upkeep stands as recorded.
    expect(comparePlanWithActuals(plan, [month(4, { liveProjects: 0, upkeepHours: 5 })]).months[3]!.actual!.upkeepHours).toBe(5);
    const withOutage = comparePlanWithActuals({ ...plan, rules: { ...plan.rules, outageCostPerHour: 100 } }, [month(4, { incidents: 2, hoursToRestore: 5 })])
      .months[3]!;
    expect(withOutage.actual!.benefit).toBeCloseTo(570 - 500, 9);
    expect(withOutage.measures.actual).toEqual({ incidents: 2, meanHoursToRestore: 2.5 });
  });

  it("counts up-front cash in month 1 once month 1's external spend is recorded", () => {
    const plan = seedPlan();
    const comparison = comparePlanWithActuals(plan, [month(1, { externalSpend: 2500 })]);
    expect(comparison.upFrontCash).toEqual({ planned: 2000, actual: 0 });
    expect(comparison.timeZero).toEqual({ planned: -2000, actual: 0 });
    expect(comparison.soFar.cashSpent).toEqual({ planned: 2000 + 3600, actual: 2500 + 3600, recordedMonths: 1 });
    // Month 1 records no setup hours: the hours on the change are the plan's.
    expect(comparison.soFar.changeHours.recordedMonths).toBe(0);
    expect(comparison.soFar.benefit.actual - comparison.soFar.benefit.planned).toBeCloseTo(-500, 9);
  });

  it("treats a month without a record before the last recorded one as planned, and says which fields were recorded", () => {
    const plan = seedPlan();
    const comparison = comparePlanWithActuals(plan, [month(3, { upkeepHours: 0, releases: 0 })]);
    expect(comparison.months.slice(0, 3).map((compared) => compared.recorded)).toEqual([false, false, true]);
    expect(comparison.months[0]!.actual?.benefit).toBeCloseTo(comparison.months[0]!.planned.benefit, 9);
    expect(comparison.months[2]!.recordedFields).toEqual(["upkeepHours", "releases"]);
    expect(comparison.months[3]!.actual).toBeNull();
  });

  it("books a departure at the plan's hiring cost and lost hours", () => {
    const plan = planFor("default", caseText(24));
    const rules = { ...plan.rules, hiringCostPerDeparture: 10_000, knowledgeLossHoursPerDeparture: 40 };
    const compared = comparePlanWithActuals({ ...plan, rules }, [month(6, { peopleLeft: 1 })]).months[5]!;
    // 40 lost hours come out of unused hours (worth half the rate), plus the hiring cost.
    expect(compared.actual!.benefit - compared.planned.benefit).toBeCloseTo(-10_000 - 40 * 60 * 0.5, 6);
  });

  it("ignores other teams' months", () => {
    const plan = seedPlan();
    expect(comparePlanWithActuals(plan, [{ team: "other", month: 2, values: { upkeepHours: 99 } }]).lastRecordedMonth).toBeNull();
  });
});

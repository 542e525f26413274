import { describe, expect, it } from "vitest";
import { resultOf } from "../test-support/result-of.js";
import { CaseRunner, validateScenarioText } from "./index.js";
import { columnValue, F, MONTHLY_FIELD_COUNT, monthlyFieldNames } from "./model/columns.js";
import { firstYearlyMonth, schedulePlan, yearsApart } from "./simulate.js";

const changeCase = {
  title: "a change with setup",
  currency: "EUR",
  horizonMonths: 10,
  discountRate: 0,
  freedHoursCaptureShare: 1,
  baseline: "today",
  defaults: {
    team: { people: 2, hoursPerMonth: 100, hourlyCost: 50 },
    projects: { alreadyLive: 2, upkeepHoursPerMonth: 30, valuePerMonth: 1000 },
    releases: { mode: "schedule" },
  },
  scenarios: {
    today: {},
    better: {
      projects: { upkeepHoursPerMonth: 10 },
      tooling: { licences: { flatPerMonth: 400 } },
      change: { startMonth: 2, setupHours: 90, setupMonths: 3, adoptionDipShare: 0.1, adoptionDipMonths: 2 },
    },
  },
};

describe("the month-by-month simulation", () => {
  it("runs the alternatives alone against the baseline's last run exactly as a full run does (runAlternatives)", () => {
    const compiled = validateScenarioText(JSON.stringify(changeCase)).compiled!;
    const own = compiled.leaves.findIndex((leaf) => leaf.name === "scenarios.better.projects.upkeepHoursPerMonth");
    expect(own).toBeGreaterThanOrEqual(0);
    const full = new CaseRunner(compiled);
    const alone = new CaseRunner(compiled);
    alone.run(compiled.leafValues, false);
    for (const upkeep of [4, 10, 17, 29.5]) {
      const values = Float64Array.from(compiled.leafValues);
      values[own] = upkeep;
      full.run(values, false);
      alone.runAlternatives(values);
      expect(alone.figures[1]).toEqual(full.figures[1]);
      expect(alone.cumulativeNet[1]).toEqual(full.cumulativeNet[1]);
    }
    // The upkeep moved the alternative's figures: the runs above were not all of one case.
    const first = new CaseRunner(compiled);
    first.run(compiled.leafValues, false);
    expect(alone.figures[1]!.npv).not.toBe(first.figures[1]!.npv);
  });

  it("reports each month as a row of every column, in the columns' order after the month, true/false for the two flags", () => {
    const validation = validateScenarioText(JSON.stringify(changeCase));
    const runner = new CaseRunner(validation.compiled!);
    runner.run(validation.compiled!.leafValues);
    const result = resultOf(changeCase);
    const better = result.scenarios.better!;
    expect(better.months).toHaveLength(10);
    for (const row of better.months) {
      expect(Object.keys(row)).toEqual(["month", ...monthlyFieldNames]);
      const values = row as unknown as Record<string, unknown>;
      monthlyFieldNames.forEach((name, field) => {
        const column = columnValue(runner.columns[1]!, field, row.month - 1);
        expect(values[name], name).toBe(name === "canStartNewWork" || name === "overloaded" ? column === 1 : column);
      });
    }
  });

  it("builds a scenario's month rows when first read, once, in their place among its fields, and its totals from the same columns", () => {
    const result = resultOf(changeCase);
    const better = result.scenarios.better!;
    expect(Object.keys(better)).toEqual(["name", "label", "releaseMode", "isBaseline", "months", "summary"]);
    const rows = better.months;
    expect(better.months).toBe(rows);
    expect(JSON.parse(JSON.stringify(better)).months).toEqual(rows);
    expect({ ...better }.months).toBe(rows);
    for (const name of monthlyFieldNames.filter((field) => field.endsWith("Hours"))) {
      const byRows = rows.reduce((total, row) => total + (row as unknown as Record<string, number>)[name]!, 0);
      expect(better.summary.totalHours[name], name).toBe(byRows);
    }
    expect(better.summary.totalMoney.net).toBe(rows.reduce((total, row) => total + row.net, 0));
    expect(better.summary.liveProjectsAtEnd).toBe(rows.at(-1)!.liveProjects);
    expect(better.summary.firstReleaseMonth).toBe(rows.find((row) => row.releases > 0)?.month ?? null);
  });

  it("keeps today's way of working until the change is in place, paying its fees and setup hours from its start", () => {
    const result = resultOf(changeCase);
    const months = result.scenarios.better!.months;
    // Setup runs in months 2–4 (30 hours each); the new upkeep applies from month 5; the dip follows in months 5–6.
    expect(months.map((month) => month.setupHours)).toEqual([0, 30, 30, 30, 0, 0, 0, 0, 0, 0]);
    expect(months.map((month) => month.upkeepHours)).toEqual([60, 60, 60, 60, 20, 20, 20, 20, 20, 20]);
    expect(months.map((month) => month.adoptionDipHours)).toEqual([0, 0, 0, 0, 20, 20, 0, 0, 0, 0]);
    // Its fee from the change's start (month 2); month 1 is today's, with no fee.
    expect(months.map((month) => month.licences)).toEqual([0, ...Array(9).fill(400)]);
    // Hours: 200 available; free = 200 − dip − setup − upkeep.
    expect(months.map((month) => month.freeHours)).toEqual([140, 110, 110, 110, 160, 160, 180, 180, 180, 180]);
    const comparison = result.comparisons.better!;
    // Benefit = freed hours × €50 (capture 1) − licence €400 from month 2; cumulative −5,700 by month 4,
    // −1,300 by month 8, +300 by month 9.
    expect(comparison.monthlyNetBenefit).toEqual([0, -1900, -1900, -1900, 600, 600, 1600, 1600, 1600, 1600]);
    expect(comparison.cumulativeNet[8]).toBe(300);
    expect(comparison.paybackMonth).toBe(9);
  });

  it("spreads a release's build hours over the months since the previous release", () => {
    const plan = schedulePlan(Int32Array.of(4, 7, 7), 8, false);
    expect(Array.from(plan.scheduledReleases)).toEqual([0, 0, 0, 1, 0, 0, 2, 0]);
    expect(Array.from(plan.scheduledBuildShare).map((share) => Number(share.toFixed(4)))).toEqual([0.25, 0.25, 0.25, 0.25, 0.6667, 0.6667, 0.6667, 0]);
  });

  it("builds projects in capacity mode with the free hours, starting one only above the threshold", () => {
    const result = resultOf({
      ...changeCase,
      horizonMonths: 6,
      defaults: {
        ...changeCase.defaults,
        projects: { alreadyLive: 0, buildHours: 250, upkeepHoursPerMonth: 50, valuePerMonth: 1000 },
        releases: { mode: "capacity", newWorkThresholdHours: 120 },
      },
      scenarios: { today: {} },
    });
    const months = result.scenarios.today!.months;
    // Month 1 builds 200 of project 1; month 2 finishes it (50) and starts project 2 (150); month 3 (one live,
    // 150 free) finishes project 2 (100) and starts project 3 (50). From month 4 (two live, 100 free) no new
    // project may start, but project 3 goes on with what is free and goes live in month 6.
    expect(months.map((month) => month.buildHours)).toEqual([200, 200, 150, 100, 100, 0]);
    expect(months.map((month) => month.liveProjects)).toEqual([0, 0, 1, 2, 2, 3]);
    expect(months.map((month) => month.canStartNewWork)).toEqual([true, true, true, false, false, false]);
    expect(result.scenarios.today!.summary.newWorkStopsMonth).toBe(4);
    expect(result.scenarios.today!.summary.projectsDelivered).toBe(3);
  });
});

describe("many projects a month in capacity mode", () => {
  const manyProjects = (buildHours: number, backlog?: number) =>
    resultOf({
      ...changeCase,
      horizonMonths: 4,
      defaults: {
        team: { people: 1, hoursPerMonth: 100, hourlyCost: 50 },
        projects: { alreadyLive: 0, buildHours, upkeepHoursPerMonth: 0, valuePerMonth: 1 },
        releases: { mode: "capacity", newWorkThresholdHours: 0, ...(backlog !== undefined ? { backlog } : {}) },
      },
      scenarios: { today: {} },
    }).scenarios.today!;

  it("builds them in bulk, with the numbers of building them one by one", () => {
    // 100 hours a month, 0.3 hours a project: 333 done and a third of one in month 1, 333 more in month 2, ...
    const months = manyProjects(0.3).months;
    expect(months.map((month) => month.buildHours)).toEqual([100, 100, 100, 100].map((hours) => expect.closeTo(hours, 6)));
    expect(months.map((month) => month.liveProjects)).toEqual([0, 333, 666, 1000]);
  });

  it("stops at the backlog", () => {
    expect(manyProjects(0.3, 400).months.map((month) => month.liveProjects)).toEqual([0, 333, 400, 400]);
  });

  it("builds a billion projects a month in no more time than a few", () => {
    // One by one, this took longer than anyone would wait (the test's time limit is the bound).
    const today = manyProjects(0.000001);
    expect(today.months[1]!.liveProjects).toBeGreaterThan(99_999_000);
    expect(today.months.every((month) => Number.isFinite(month.net))).toBe(true);
  });
});

describe("settled months", () => {
  // The alternative has nothing to build and settles in month 1; the baseline keeps building for
  // months, and its infrastructure (per live project) overtakes the alternative's flat fee in month 7.
  const lateBaseline = {
    title: "the baseline settles late",
    currency: "EUR",
    horizonMonths: 30,
    discountRate: 0.05,
    freedHoursCaptureShare: 0.5,
    baseline: "today",
    defaults: {
      team: { people: 2, hoursPerMonth: 160, hourlyCost: 50 },
      projects: { alreadyLive: 0, buildHours: 200, upkeepHoursPerMonth: 0, valuePerMonth: 500 },
      tooling: { infrastructure: { perLiveProjectPerMonth: 100 } },
      releases: { mode: "capacity", newWorkThresholdHours: 0, backlog: 12 },
    },
    scenarios: {
      today: {},
      lean: {
        tooling: { infrastructure: { perMonth: 1000, perLiveProjectPerMonth: 0 } },
        releases: { mode: "capacity", newWorkThresholdHours: 0, backlog: 0 },
      },
    },
  };

  it("are repeated only once the baseline has settled too, with the same numbers as working every month out", () => {
    const validation = validateScenarioText(JSON.stringify(lateBaseline));
    const compiled = validation.compiled!;
    expect(validation.issues).toEqual([]);
    const fast = new CaseRunner(compiled);
    const reference = new CaseRunner(compiled, { repeatSettledMonths: false });
    fast.run(compiled.leafValues);
    reference.run(compiled.leafValues);
    expect(fast.scalars[1]!.settledMonth).toBeLessThan(fast.scalars[0]!.settledMonth);
    expect(fast.scalars[0]!.settledMonth).toBeLessThan(30);
    expect(fast.columns).toEqual(reference.columns);
    expect(fast.figures).toEqual(reference.figures);
    expect(fast.cumulativeNet).toEqual(reference.cumulativeNet);
    // The flat fee counts as a cost of the change only while it is above the baseline's growing bill.
    const infrastructure = (runner: CaseRunner, index: number) =>
      Array.from({ length: 30 }, (_, at) => runner.columns[index]![at * MONTHLY_FIELD_COUNT + F.infrastructure]!);
    expect(infrastructure(fast, 0).some((value) => value > 1000)).toBe(true);
    expect(infrastructure(fast, 1).every((value) => value === 1000)).toBe(true);
  });
});

describe("whole years between months", () => {
  it("agrees with the remainder of the difference, whole, negative, zero and fractional", () => {
    for (let first = -30; first <= 30; first++) {
      for (let month = -30; month <= 630; month++) expect(yearsApart(month, first), `${month} from ${first}`).toBe((month - first) % 12 === 0);
    }
    for (const [month, first] of [
      [13.5, 1.5],
      [13, 1.5],
      [25.25, 1],
      [1, 13.0000001],
    ] as const) {
      expect(yearsApart(month, first), `${month} from ${first}`).toBe((month - first) % 12 === 0);
    }
    expect(yearsApart(13.5, 1.5)).toBe(true);
    expect(yearsApart(13, 1.5)).toBe(false);
  });

  it("counting on twelve at a time from firstYearlyMonth finds the months yearsApart finds, from any start", () => {
    for (const first of [-30, -13, -1, 0, 1, 2, 11, 12, 13, 37, 240, 1.5, 13.0000001, Number.POSITIVE_INFINITY, Number.NaN]) {
      for (let from = -20; from <= 300; from += 7) {
        const counted: number[] = [];
        let due = firstYearlyMonth(first, from);
        for (let month = from; month <= 400; month++) {
          if (month !== due) continue;
          counted.push(month);
          due += 12;
        }
        const expected: number[] = [];
        for (let month = from; month <= 400; month++) if (month >= first && yearsApart(month, first)) expected.push(month);
        expect(counted, `from ${from}, first ${first}`).toEqual(expected);
      }
    }
  });
});

describe("the last month of a change (summary.changeEndMonth)", () => {
  const endOf = (change: Record<string, unknown> | undefined) => {
    const better = change === undefined ? changeCase.scenarios.better : { ...changeCase.scenarios.better, change };
    const result = resultOf({ ...changeCase, scenarios: { today: {}, better } });
    // Each month after it works the option's own way: the month rows show no setup, dip or staff alongside.
    const months = result.scenarios.better!.months;
    const end = result.scenarios.better!.summary.changeEndMonth;
    for (const month of months.slice(end))
      expect([month.month, month.setupHours + month.learningHours + month.adoptionDipHours + month.alongsideHours]).toEqual([month.month, 0]);
    return { end, baseline: result.scenarios.today!.summary.changeEndMonth, months };
  };

  it("counts the setup, the adoption dip, staff alongside and the months before the change starts", () => {
    // Setup in months 2–4, the dip in months 5–6.
    const withDip = endOf(undefined);
    expect(withDip.end).toBe(6);
    expect(withDip.months[5]!.adoptionDipHours).toBeGreaterThan(0);
    expect(withDip.baseline).toBe(0);
    // No setup: in place from its start month, worked as today before it.
    expect(endOf({ startMonth: 4 }).end).toBe(3);
    expect(endOf({ startMonth: 1 }).end).toBe(0);
    // Staff alongside for 8 months from month 1.
    expect(endOf({ alongside: { people: 1, forMonths: 8 } }).end).toBe(8);
  });

  it("counts no month of a dip that loses no hours, nor of staff alongside for no month", () => {
    // A dip of no share over 14 months is no dip: the change is over with its setup (months 2–4); it said 18, past the end of the plan.
    expect(endOf({ startMonth: 2, setupHours: 90, setupMonths: 3, adoptionDipShare: 0, adoptionDipMonths: 14 }).end).toBe(4);
    expect(endOf({ startMonth: 2, setupHours: 90, setupMonths: 3, alongside: { people: 0, forMonths: 9 } }).end).toBe(4);
  });

  it("gives the baseline the last month of the change it makes itself, and 0 when it makes none", () => {
    const baselineEnd = (change: Record<string, unknown>) => {
      const result = resultOf({ ...changeCase, defaults: { ...changeCase.defaults, change }, scenarios: { today: {}, better: changeCase.scenarios.better } });
      const today = result.scenarios.today!;
      // After it, today's month rows show no setup, dip or staff alongside.
      for (const month of today.months.slice(today.summary.changeEndMonth))
        expect([month.month, month.setupHours + month.learningHours + month.adoptionDipHours + month.alongsideHours]).toEqual([month.month, 0]);
      return today.summary.changeEndMonth;
    };
    // Today is today's way from month 1: a start month alone, a dip of no share, a dip of no month are no change (it said 4, 6 and 5).
    expect(baselineEnd({ startMonth: 5 })).toBe(0);
    expect(baselineEnd({ startMonth: 3, adoptionDipShare: 0, adoptionDipMonths: 4 })).toBe(0);
    expect(baselineEnd({ startMonth: 6, adoptionDipShare: 0.2, adoptionDipMonths: 0, alongside: { people: 1, forMonths: 0 } })).toBe(0);
    // A change given in the defaults is made by today too: its setup (months 3–5), then its dip (months 6–7).
    expect(baselineEnd({ startMonth: 3, setupHours: 30, setupMonths: 3 })).toBe(5);
    expect(baselineEnd({ startMonth: 3, setupHours: 30, setupMonths: 3, adoptionDipShare: 0.1, adoptionDipMonths: 2 })).toBe(7);
  });
});

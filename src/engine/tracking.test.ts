import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, type CaseResult, type CompiledCase, type MonthRow, validateScenarioText } from "./index.js";
import {
  agreeingRecord,
  carriedBuild,
  changeHours,
  choresOfPlan,
  type MoneyRules,
  moneyRulesOf,
  paidBackOn,
  plannedCarriedBuild,
  plannedMeasures,
  plannedState,
  type RecordedMonth,
  resimulateFrom,
  resumeFrom,
  resumeMethod,
  resumedCase,
  resumesAsPlanned,
  rulesInForce,
  rulesOfStoredPlan,
  type TodaysFeeRules,
  type TodaysWayRules,
  valueRecordedMonth,
} from "./tracking.js";
import { moneyFieldNames } from "./model/columns.js";

const examples = new URL("../../examples/", import.meta.url);

interface Example {
  name: string;
  text: string;
  compiled: CompiledCase;
  result: CaseResult;
}

function load(name: string): Example {
  const text = readFileSync(new URL(name, examples), "utf8");
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(`${name}: ${validation.issues.map((issue) => issue.message).join("; ")}`);
  return { name, text, compiled: validation.compiled, result: buildResult(validation.compiled) };
}

const allExamples = [
  ...readdirSync(examples).filter((name) => name.endsWith(".yaml")),
  ...readdirSync(new URL("peers/", examples)).map((name) => `peers/${name}`),
].map(load);

const alternativesOf = (example: Example) => example.compiled.scenarios.map((scenario) => scenario.name).filter((name) => name !== example.compiled.baseline);

/** Every measure a team records, as the simulation has it for the month. */
function asSimulated(row: MonthRow): RecordedMonth {
  return {
    manualHours: row.manualHours,
    waitingHours: row.waitingHours,
    meetingHours: row.meetingHours,
    breakageFixHours: row.breakageFixHours,
    upkeepHours: row.upkeepHours,
    // Staff alongside the change are not recorded: the plan's count on top (docs/commands.md, "track").
    setupHours: row.setupHours + row.learningHours + row.adoptionDipHours,
    availableHours: row.availableHours + row.adoptionDipHours,
    liveProjects: row.liveProjects,
    releases: row.releases,
    licences: row.licences,
    infrastructure: row.infrastructure,
    externalSpend: row.externalSpend,
  };
}

/** The month's money columns, as the engine lists them. */
const moneyColumns = moneyFieldNames;

/** Money to a millionth of a unit of money relative to the month's payroll (sums of large numbers round). */
function expectSameMoney(actual: MonthRow, expected: MonthRow, where: string): void {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected.payroll) + Math.abs(expected.projectValue));
  for (const column of moneyColumns) {
    expect(Math.abs(Number(actual[column]) - Number(expected[column])), `${where} ${column}: ${actual[column]} vs ${expected[column]}`).toBeLessThanOrEqual(
      tolerance,
    );
  }
}

describe("valueRecordedMonth", () => {
  it("values a month recorded exactly as simulated to the simulation's own money, column by column, in every example", () => {
    let checked = 0;
    for (const example of allExamples) {
      for (const scenario of [example.compiled.baseline, ...alternativesOf(example)]) {
        const rules = moneyRulesOf(example.compiled, scenario, example.compiled.baseline);
        for (const row of example.result.scenarios[scenario]!.months) {
          const where = `${example.name} ${scenario} month ${row.month}`;
          expectSameMoney(valueRecordedMonth(row, asSimulated(row), rules), row, `${where} (all recorded)`);
          expectSameMoney(valueRecordedMonth(row, {}, rules), row, `${where} (nothing recorded)`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("gives the plan's money when the change starts late (today's tools and value until then) and by schedule the team buys build hours", () => {
    const text = `title: A late change and a short team
currency: EUR
horizonMonths: 12
discountRate: 0.08
baseline: current
defaults:
  team: { people: 1, hoursPerMonth: 100, hourlyCost: 60 }
  projects: { upkeepHoursPerMonth: 30, valuePerMonth: 1000, buildHours: 200 }
  releases: { mode: schedule, months: [2, 3, 4, 5, 6] }
  tooling:
    supportStaff: { monthlyCostEach: 500, liveProjectsEach: 2 }
scenarios:
  current: { label: Today }
  better:
    label: Better
    projects: { valuePerMonth: 1500, upkeepHoursPerMonth: 10 }
    tooling:
      supportStaff: { monthlyCostEach: 800, liveProjectsEach: 4 }
    change: { startMonth: 4, setupHours: 20 }
`;
    const validation = validateScenarioText(text);
    if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("; "));
    const rows = buildResult(validation.compiled).scenarios.better!.months;
    const rules = moneyRulesOf(validation.compiled, "better", "current");
    // The case does reach the situations a restated rule would miss.
    expect(rows.some((row) => row.scheduledBuildShortfallHours > 0)).toBe(true);
    expect(rows.some((row) => row.liveProjects > 0 && row.projectValue !== row.liveProjects * rules.valuePerLiveProject)).toBe(true);
    expect(rows.some((row) => row.supportStaff > 0 && row.supportStaff !== Math.ceil(row.liveProjects / 4) * 800)).toBe(true);
    for (const row of rows) {
      expectSameMoney(valueRecordedMonth(row, {}, rules), row, `month ${row.month} (nothing recorded)`);
      expectSameMoney(valueRecordedMonth(row, asSimulated(row), rules), row, `month ${row.month} (all recorded)`);
    }
  });

  it("covers support staff and fees: the enterprise case pays both, and valuing its months reproduces them", () => {
    const example = allExamples.find((candidate) => candidate.name === "enterprise.yaml")!;
    const rows = example.result.scenarios.composable!.months;
    expect(rows.every((row) => row.supportStaff > 0 && row.licences + row.infrastructure > 0)).toBe(true);
    const rules = moneyRulesOf(example.compiled, "composable", example.compiled.baseline);
    // One support engineer: a salary of 108,020 × benefits multiplier 1.43 ÷ 12 months.
    expect(rules.supportMonthlyCostEach).toBeCloseTo((108_020 * 1.43) / 12, 9);
    expect(rules.supportLiveProjectsEach).toBe(30);
    for (const row of rows) expect(valueRecordedMonth(row, asSimulated(row), rules).supportStaff).toBe(row.supportStaff);
  });

  it("recomputes support staff by the simulation's rule when the live projects differ from the plan", () => {
    const example = allExamples.find((candidate) => candidate.name === "enterprise.yaml")!;
    const rules = moneyRulesOf(example.compiled, "composable", example.compiled.baseline);
    const row = example.result.scenarios.composable!.months[11]!;
    const valued = valueRecordedMonth(row, { liveProjects: 61 }, rules);
    // 61 live projects at one engineer per 30: three engineers.
    expect(valued.supportStaff).toBeCloseTo(3 * ((108_020 * 1.43) / 12), 6);
    expect(valued.projectValue).toBeCloseTo(61 * rules.valuePerLiveProject, 6);
  });

  it("prices hours as the simulation does: more upkeep out of unused hours costs the captured share of the loaded rate", () => {
    const seed = allExamples.find((candidate) => candidate.name === "seed.yaml")!;
    const rules = moneyRulesOf(seed.compiled, "optimal", seed.compiled.baseline);
    const row = seed.result.scenarios.optimal!.months[3]!;
    const valued = valueRecordedMonth(row, { upkeepHours: row.upkeepHours + 4 }, rules);
    expect(rules.hourlyCost).toBe(60);
    expect(rules.captureShare).toBe(0.5);
    expect(valued.net - row.net).toBeCloseTo(-4 * 60 * 0.5, 9);
  });
});

describe("valueRecordedMonth before the change is in place: today's rates, as the plan has them", () => {
  const team = () => allExamples.find((candidate) => candidate.name === "team.yaml")!;

  it("costs a recorded incident of examples/team.yaml's managed platform in month 1 at today's 8 hours to restore, not the platform's 2 (one failure against a planned 0.8 read as €660 better)", () => {
    const example = team();
    const rules = moneyRulesOf(example.compiled, "managed", "today");
    const row = example.result.scenarios.managed!.months[0]!;
    // The plan's month 1 works today's way: 0.8 failures × 8 hours × €150 of outage.
    expect(row.outageCost).toBeCloseTo(0.8 * 8 * 150, 9);
    expect(rules.changeInPlaceMonth).toBe(4);
    const one = valueRecordedMonth(row, { incidents: 1 }, rules);
    expect(one.outageCost).toBeCloseTo(8 * 150, 9);
    expect(one.net - row.net).toBeCloseTo(-(8 * 150 - 0.8 * 8 * 150), 9);
    // Recording the planned failures gives the plan's month.
    expectSameMoney(valueRecordedMonth(row, { incidents: 0.8 }, rules), row, "month 1 with the planned 0.8 incidents");
    // Once the change is in place (month 4), the platform's own 2 hours to restore.
    const inPlace = example.result.scenarios.managed!.months[3]!;
    expect(valueRecordedMonth(inPlace, { incidents: 1 }, rules).outageCost).toBeCloseTo(2 * 150, 9);
  });

  it("plans today's incidents and hours to restore for the upward measures until the change is in place (it showed 0.4 and 2 in months 1–3)", () => {
    const example = team();
    const rules = moneyRulesOf(example.compiled, "managed", "today");
    const months = example.result.scenarios.managed!.months;
    expect(plannedMeasures(months[0]!, rules)).toEqual({ deployments: 4, incidents: expect.closeTo(0.8, 9), meanHoursToRestore: 8 });
    expect(plannedMeasures(months[2]!, rules).meanHoursToRestore).toBe(8);
    expect(plannedMeasures(months[3]!, rules)).toEqual({ deployments: 4, incidents: expect.closeTo(0.4, 9), meanHoursToRestore: 2 });
  });

  it("values departures, live projects and their upkeep at the rates in force that month, in every example (each month's own per-project figures)", () => {
    let before = 0;
    for (const example of allExamples) {
      for (const scenario of alternativesOf(example)) {
        const rules = moneyRulesOf(example.compiled, scenario, example.compiled.baseline);
        const inForce = (month: number) => rulesInForce(rules, month);
        for (const row of example.result.scenarios[scenario]!.months) {
          const where = `${example.name} ${scenario} month ${row.month}`;
          if (row.month < rules.changeInPlaceMonth!) before++;
          // One departure costs the hours and hiring the simulation gives each that month.
          const left = valueRecordedMonth(row, { peopleLeft: 1 }, rules);
          expect(left.knowledgeLossHours, where).toBeCloseTo(inForce(row.month).knowledgeLossHoursPerDeparture, 9);
          expect(left.hiringCost, where).toBeCloseTo(inForce(row.month).hiringCostPerDeparture, 9);
          if (row.liveProjects > 0) {
            // One more live project earns and takes what each of the month's planned ones does.
            const more = valueRecordedMonth(row, { liveProjects: row.liveProjects + 1 }, rules);
            const scale = (row.liveProjects + 1) / row.liveProjects;
            expect(more.projectValue, where).toBeCloseTo(row.projectValue * scale, 6);
            expect(more.upkeepHours, where).toBeCloseTo(row.upkeepHours * scale, 6);
          }
        }
      }
    }
    expect(before).toBeGreaterThan(20);
  });

  it("takes today's departures' cost, project value and support staff in examples/team.yaml's month 1, the platform's from when they apply", () => {
    const example = team();
    const rules = moneyRulesOf(example.compiled, "managed", "today");
    const today = moneyRulesOf(example.compiled, "today", "today");
    const month1 = example.result.scenarios.managed!.months[0]!;
    // Today loses 60 hours of knowledge with each leaver; the platform 20, once in place.
    expect(valueRecordedMonth(month1, { peopleLeft: 1 }, rules).knowledgeLossHours).toBe(60);
    expect(valueRecordedMonth(example.result.scenarios.managed!.months[3]!, { peopleLeft: 1 }, rules).knowledgeLossHours).toBe(20);
    expect(rulesInForce(rules, 1)).toMatchObject({ ...today.todaysWay, ...today.todaysFees, hourlyCost: rules.hourlyCost, captureShare: rules.captureShare });
    expect(rulesInForce(rules, 4)).toEqual(rules);
  });
});

describe("valueRecordedMonth: build hours recorded in capacity mode move the work in progress", () => {
  it("reads no build work in month 4 of examples/team.yaml's managed platform as €9,027 worse than planned, not better (its 300.9 planned hours stayed work in progress and went idle too)", () => {
    const team = allExamples.find((candidate) => candidate.name === "team.yaml")!;
    const rules = moneyRulesOf(team.compiled, "managed", "today");
    const row = team.result.scenarios.managed!.months[3]!;
    expect(row.buildHours).toBeCloseTo(300.8973333333334, 9);
    expect(rules.workInProgressRate).toBe(60);
    const none = valueRecordedMonth(row, { buildHours: 0 }, rules);
    // 300.9 hours idle at half the €60 rate, less their €60 an hour of work in progress.
    expect(none.workInProgress - row.workInProgress).toBeCloseTo(-row.buildHours * 60, 6);
    expect(none.net - row.net).toBeCloseTo(row.buildHours * 60 * 0.5 - row.buildHours * 60, 6);
    expectSameMoney(valueRecordedMonth(row, { buildHours: row.buildHours }, rules), row, "month 4 recorded at its planned build hours");
  });

  it("leaves the work in progress alone by schedule, where build work is not counted as it", () => {
    const seed = allExamples.find((candidate) => candidate.name === "seed.yaml")!;
    const rules = moneyRulesOf(seed.compiled, "optimal", seed.compiled.baseline);
    expect(rules.workInProgressRate).toBe(0);
    const row = seed.result.scenarios.optimal!.months[3]!;
    expect(valueRecordedMonth(row, { buildHours: row.buildHours + 10 }, rules).workInProgress).toBe(row.workInProgress);
  });
});

describe("agreeingRecord: live projects and releases recorded alone", () => {
  const planned = { liveProjects: 6, releases: 1 };
  it("releases not recorded follow the recorded live projects, never below 0", () => {
    expect(agreeingRecord({ liveProjects: 5 }, planned, 5)).toEqual({ liveProjects: 5, releases: 0 });
    expect(agreeingRecord({ liveProjects: 7, upkeepHours: 3 }, planned, 5)).toEqual({ liveProjects: 7, releases: 2, upkeepHours: 3 });
    // Fewer live projects than the month before: one retired, not a release undone.
    expect(agreeingRecord({ liveProjects: 3 }, planned, 5)).toEqual({ liveProjects: 3, releases: 0 });
  });
  it("live projects not recorded follow the recorded releases", () => {
    expect(agreeingRecord({ releases: 0 }, planned, 5)).toEqual({ releases: 0, liveProjects: 5 });
    expect(agreeingRecord({ releases: 2 }, planned, 5)).toEqual({ releases: 2, liveProjects: 7 });
  });
  it("before month 1 the month before is the plan's month less its releases; a record of both or neither stands", () => {
    expect(agreeingRecord({ liveProjects: 6 }, planned, undefined)).toEqual({ liveProjects: 6, releases: 1 });
    expect(agreeingRecord({ liveProjects: 2, releases: 4 }, planned, 5)).toEqual({ liveProjects: 2, releases: 4 });
    expect(agreeingRecord({ upkeepHours: 3 }, planned, 5)).toEqual({ upkeepHours: 3 });
  });
});

describe("choresOfPlan: the chores a plan's manual hours are made of", () => {
  it("gives today's and the approved scenario's chores, defaults included, in the file's order", () => {
    const team = allExamples.find((candidate) => candidate.name === "team.yaml")!;
    const file = validateScenarioText(team.text).file!;
    expect(choresOfPlan(file, "managed", "today")).toEqual(["manualDeployments", "dataChecks"]);
    const own = validateScenarioText(
      "title: t\ncurrency: EUR\nhorizonMonths: 12\ndiscountRate: 0.08\nbaseline: now\ndefaults:\n  team: { people: 2, hoursPerMonth: 100, hourlyCost: 50 }\n  manualTasks:\n    a: { minutesPerWeek: 30, per: person }\nscenarios:\n  now:\n    manualTasks:\n      b: { minutesPerWeek: 30, per: team }\n  later:\n    manualTasks:\n      c: { minutesPerWeek: 10, per: team }\n  other:\n    manualTasks:\n      d: { minutesPerWeek: 10, per: team }\n",
    );
    expect(choresOfPlan(own.file!, "later", "now")).toEqual(["a", "b", "c"]);
  });
});

describe("rulesOfStoredPlan: a plan stored before its rules kept today's rates", () => {
  it("works them out from the plan's frozen file, so its months before the change read at today's rates", () => {
    const example = allExamples.find((candidate) => candidate.name === "team.yaml")!;
    const rules = moneyRulesOf(example.compiled, "managed", "today");
    const { changeInPlaceMonth: _a, todaysWay: _b, changeStartMonth: _c, todaysFees: _d, workInProgressRate: _e, ...stored } = rules;
    expect(rulesOfStoredPlan({ rules: stored, scenarioText: example.text, scenario: "managed", baseline: "today" })).toEqual(rules);
    // A frozen file that no longer compiles leaves the stored rules as they are: the approved rates in every month.
    expect(rulesOfStoredPlan({ rules: stored, scenarioText: "title: broken", scenario: "managed", baseline: "today" })).toEqual(stored);
    expect(rulesInForce(stored, 1)).toEqual(stored);
  });
});

describe("moneyRulesOf", () => {
  it("gives the loaded hourly cost the simulation used", () => {
    for (const example of allExamples) {
      for (const scenario of alternativesOf(example)) {
        const rules = moneyRulesOf(example.compiled, scenario, example.compiled.baseline);
        expect(rules.hourlyCost).toBe(example.result.scenarios[scenario]!.summary.hourlyCost);
        expect(rules.baselineHourlyCost).toBe(example.result.scenarios[example.compiled.baseline]!.summary.hourlyCost);
      }
    }
  });
});

describe("resumeFrom", () => {
  /** Resumes `scenario` after `month` from the plan's own state at that month. */
  function resumeOnPlan(example: Example, scenario: string, month: number): MonthRow[] {
    const file = validateScenarioText(example.text).file!;
    const planned = example.result.scenarios[scenario]!.months;
    const releasedSoFar = planned.slice(0, month).reduce((total, row) => total + row.releases, 0);
    const from = { scenario, baseline: example.compiled.baseline, afterMonth: month, liveProjects: planned[month - 1]!.liveProjects, releasedSoFar };
    // Simulated again, not the plan's months taken as they are: these tests hold the resumed case to the plan.
    const rows = resimulateFrom(file, from, planned);
    if ("message" in rows) throw new Error(rows.message);
    return rows;
  }

  it("gives the plan's remaining months from the plan's own state, a project half-built in capacity mode included (it started again from zero: live 5 → 4 in month 5)", () => {
    const team = allExamples.find((example) => example.name === "team.yaml")!;
    const file = validateScenarioText(team.text).file!;
    const planned = team.result.scenarios.managed!.months;
    // examples/team.yaml's managed platform builds 300.9 hours in month 4: a project goes live in month 5.
    expect(plannedState(planned, 4)).toEqual({ liveProjects: 4, releasedSoFar: 0, builtSoFar: expect.closeTo(300.8973333333334, 9) });
    const from = { scenario: "managed", baseline: "today", afterMonth: 4, ...plannedState(planned, 4) };
    const rows = resumeFrom(file, from, planned);
    if ("message" in rows) throw new Error(rows.message);
    expect(rows.map((row) => row.liveProjects)).toEqual(planned.slice(4).map((row) => row.liveProjects));
    rows.forEach((row, index) => expectSameMoney(row, planned[4 + index]!, `team.yaml managed from month ${5 + index}`));
    // Simulated again, the half-built project carries its hours: the plan's months too (it started
    // again from zero and went live a month late).
    const again = resimulateFrom(file, from, planned);
    if ("message" in again) throw new Error(again.message);
    expect(again[0]!.liveProjects).toBe(5);
    again.forEach((row, index) => expectSameMoney(row, planned[4 + index]!, `team.yaml managed simulated again from month ${5 + index}`));
    // Build hours so far other than the plan's are not the plan's state: simulated again.
    expect(resumesAsPlanned({ ...from, builtSoFar: 200 }, plannedState(planned, 4))).toBe(false);
    expect(resumesAsPlanned({ ...from, builtSoFar: undefined }, plannedState(planned, 4))).toBe(true);
    const fewer = resumeFrom(file, { ...from, builtSoFar: 200 }, planned);
    if ("message" in fewer) throw new Error(fewer.message);
    expect(fewer[0]!.liveProjects).toBe(4);
  });

  it("simulated again from the plan's own state after any month, every example that builds by capacity gives the plan's remaining months (a project half-built restarted from zero)", () => {
    const byCapacity = allExamples.filter((example) => example.compiled.scenarios.some((scenario) => scenario.releaseMode === "capacity"));
    expect(byCapacity.map((example) => example.name)).toEqual(expect.arrayContaining(["team.yaml", "solo.yaml", "enterprise.yaml"]));
    let checked = 0;
    for (const example of byCapacity) {
      for (const scenario of alternativesOf(example)) {
        if (example.compiled.scenarios.find((entry) => entry.name === scenario)!.releaseMode !== "capacity") continue;
        const planned = example.result.scenarios[scenario]!.months;
        for (let month = 1; month < planned.length; month++) {
          const rows = resumeOnPlan(example, scenario, month);
          expect(
            rows.map((row) => row.liveProjects),
            `${example.name} ${scenario} from month ${month + 1}`,
          ).toEqual(planned.slice(month).map((row) => row.liveProjects));
          rows.forEach((row, index) => expectSameMoney(row, planned[month + index]!, `${example.name} ${scenario} from month ${month + 1}`));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  // Release by schedule: nothing is half-built when the plan resumes, so the plan's own state gives its months back.
  const scheduled = allExamples.filter((example) => example.compiled.scenarios.every((scenario) => scenario.releaseMode === "schedule"));

  it("resuming after month k from the plan's own state gives the plan's remaining months", () => {
    expect(scheduled.map((example) => example.name)).toEqual(expect.arrayContaining(["seed.yaml", "close-call.yaml"]));
    let checked = 0;
    for (const example of scheduled) {
      for (const scenario of alternativesOf(example)) {
        const planned = example.result.scenarios[scenario]!.months;
        for (let month = 1; month < planned.length; month++) {
          const rows = resumeOnPlan(example, scenario, month);
          expect(rows.map((row) => row.month)).toEqual(planned.slice(month).map((row) => row.month));
          rows.forEach((row, index) => expectSameMoney(row, planned[month + index]!, `${example.name} ${scenario} from month ${month + 1}`));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("in capacity mode, resuming while the change is still being set up gives the plan's remaining months", () => {
    const team = allExamples.find((example) => example.name === "team.yaml")!;
    for (const month of [1, 2, 3]) {
      const planned = team.result.scenarios.compromise!.months;
      resumeOnPlan(team, "compromise", month).forEach((row, index) => expectSameMoney(row, planned[month + index]!, `team.yaml from month ${month + 1}`));
    }
  });

  it("keeps only the months of staff alongside still ahead: resumed on the plan, the plan's months (they started again for all their months)", () => {
    const dora = allExamples.find((example) => example.name === "peers/dora-2020-elite-large.yaml")!;
    // Six months alongside in a plan of twelve: resumed after month 5, month 6 only still has them.
    const short = load("peers/dora-2020-elite-large.yaml");
    const text = dora.text.replace("forMonths: 12", "forMonths: 6");
    expect(text).not.toBe(dora.text);
    const validation = validateScenarioText(text);
    const example = { ...short, text, compiled: validation.compiled!, result: buildResult(validation.compiled!) };
    const planned = example.result.scenarios.transformed!.months;
    expect(planned.map((row) => row.alongsideHours > 0)).toEqual([true, true, true, true, true, true, false, false, false, false, false, false]);
    for (let month = 1; month < planned.length; month++) {
      resumeOnPlan(example, "transformed", month).forEach((row, index) => {
        expect(row.alongsideHours, `from month ${month + 1}, month ${month + index + 1}`).toBe(planned[month + index]!.alongsideHours);
        expectSameMoney(row, planned[month + index]!, `dora from month ${month + 1}`);
      });
    }
  });

  it("moves the setup still ahead to the start of the resumed case and keeps the release months still ahead", () => {
    const seed = allExamples.find((candidate) => candidate.name === "seed.yaml")!;
    const file = validateScenarioText(seed.text).file!;
    const resumed = resumedCase(file, { scenario: "optimal", baseline: "current", afterMonth: 5, liveProjects: 2, releasedSoFar: 2 });
    if ("message" in resumed) throw new Error(resumed.message);
    expect(resumed.horizonMonths).toBe(seed.compiled.horizonMonths - 5);
    expect(resumed.scenarios.optimal!.projects?.alreadyLive).toBe(2);
    expect(resumed.scenarios.optimal!.change?.startMonth).toBe(1);
  });

  it("says why when the scenario is not in the file", () => {
    const seed = allExamples.find((candidate) => candidate.name === "seed.yaml")!;
    const file = validateScenarioText(seed.text).file!;
    expect(resumedCase(file, { scenario: "missing", baseline: "current", afterMonth: 3, liveProjects: 0, releasedSoFar: 0 })).toEqual({
      message: expect.stringContaining('no scenario "missing"'),
    });
  });
});

describe("resuming carries the build work under way (capacity mode): every build hour is built once and leaves the work in progress once", () => {
  const team = allExamples.find((example) => example.name === "team.yaml")!;
  const file = validateScenarioText(team.text).file!;
  const planned = team.result.scenarios.managed!.months;
  const rules = moneyRulesOf(team.compiled, "managed", "today");

  /** examples/team.yaml's managed platform with month 4 recorded at `buildHours`: months 1–3 as planned, month 4 as recorded, the rest re-forecast. */
  function withMonth4(buildHours: number): MonthRow[] {
    const from = { scenario: "managed", baseline: "today", afterMonth: 4, ...plannedState(planned, 4), builtSoFar: buildHours };
    const rest = resimulateFrom(file, from, planned);
    if ("message" in rest) throw new Error(rest.message);
    return [...planned.slice(0, 3), valueRecordedMonth(planned[3]!, { buildHours }, rules), ...rest];
  }
  const total = (rows: readonly MonthRow[], column: "buildHours" | "workInProgress") => rows.reduce((sum, row) => sum + row[column], 0);

  it("the plan's month 4: 280 hours finish the first project (live in month 5) and 20.9 go into the next", () => {
    expect(planned[3]!.buildHours).toBeCloseTo(300.897, 3);
    const carried = plannedCarriedBuild(planned, 4, rules.hourlyCost, 280);
    expect(carried.pendingProjects).toBe(1);
    expect(carried.pendingHours).toBeCloseTo(280, 6);
    expect(carried.progressHours).toBeCloseTo(20.897, 3);
  });

  it("builds the six projects of the backlog in 1,680 hours over the horizon and nets the work in progress to nothing, whatever month 4 records (100 hours built a project again and left €6,000 of work in progress)", () => {
    const plannedHours = planned[3]!.buildHours;
    expect(total(planned, "buildHours")).toBeCloseTo(6 * 280, 6);
    for (const hours of [plannedHours, plannedHours + 100, 100, 0]) {
      const rows = withMonth4(hours);
      expect(rows.at(-1)!.liveProjects, `${hours} hours`).toBe(10);
      expect(total(rows, "buildHours"), `${hours} hours`).toBeCloseTo(6 * 280, 6);
      expect(total(rows, "workInProgress"), `${hours} hours`).toBeCloseTo(0, 6);
    }
  });

  it("recorded at the plan's build hours gives the plan; 100 more never later; 100 or none, the first project live in month 6 (the plan's month 5) and never earlier than planned", () => {
    const plannedHours = planned[3]!.buildHours;
    const live = (rows: readonly MonthRow[]) => rows.map((row) => row.liveProjects);
    expect(live(withMonth4(plannedHours))).toEqual(live(planned));
    withMonth4(plannedHours).forEach((row, at) => expectSameMoney(row, planned[at]!, `month ${at + 1}`));
    live(withMonth4(plannedHours + 100)).forEach((count, at) => expect(count, `month ${at + 1}`).toBeGreaterThanOrEqual(planned[at]!.liveProjects));
    for (const hours of [100, 0]) {
      const rows = withMonth4(hours);
      expect(live(rows).slice(4, 10), `${hours} hours`).toEqual([4, 5, 6, 7, 8, 9]);
      live(rows).forEach((count, at) => expect(count, `${hours} hours, month ${at + 1}`).toBeLessThanOrEqual(planned[at]!.liveProjects));
    }
    // 100 hours recorded: the first project has 100 of its 280 and takes 180 more in month 5, the next
    // project the other 120.9 of its 300.9; the first leaves the work in progress in month 6 with its 280.
    const rows = withMonth4(100);
    expect(rows[4]!.buildHours).toBeCloseTo(300.897, 3);
    expect(rows[5]!.workInProgress).toBeCloseTo((rows[5]!.buildHours - 280) * 60, 6);
  });

  it("moves the plan's build work by the hours recorded above or below it, into the next project and back, and by the projects released", () => {
    const plan = { progressHours: 20.9, pendingProjects: 1, pendingHours: 280 };
    const moved = { extraHours: 0, extraReleases: 0, buildHours: 280, projectsLeft: 6 };
    expect(carriedBuild(plan, moved)).toEqual(plan);
    expect(carriedBuild(plan, { ...moved, extraHours: -200.9 })).toEqual({ progressHours: expect.closeTo(100, 9), pendingProjects: 0, pendingHours: 0 });
    expect(carriedBuild(plan, { ...moved, extraHours: 100 })).toEqual({ progressHours: expect.closeTo(120.9, 9), pendingProjects: 1, pendingHours: 280 });
    // 300 more: the second project is finished too, and 40.9 go into a third.
    expect(carriedBuild(plan, { ...moved, extraHours: 300 })).toEqual({ progressHours: expect.closeTo(40.9, 9), pendingProjects: 2, pendingHours: 560 });
    // No project left to start: the hours leave the work in progress with those going live.
    expect(carriedBuild(plan, { ...moved, extraHours: 300, projectsLeft: 2 })).toEqual({
      progressHours: 0,
      pendingProjects: 2,
      pendingHours: expect.closeTo(600.9, 9),
    });
    // Fewer hours than the plan's projects so far: the difference comes back to the work in progress.
    expect(carriedBuild(plan, { ...moved, extraHours: -400 })).toEqual({ progressHours: 0, pendingProjects: 0, pendingHours: expect.closeTo(-99.1, 9) });
    // The project the plan finishes, recorded as released already: its hours leave with no project going live.
    expect(carriedBuild(plan, { ...moved, extraReleases: 1 })).toEqual({ progressHours: 20.9, pendingProjects: 0, pendingHours: 280 });
    // A project the plan released, not recorded as released: it goes live the month after.
    expect(carriedBuild(plan, { ...moved, extraReleases: -1 })).toEqual({ progressHours: 20.9, pendingProjects: 2, pendingHours: 280 });
  });
});

/** The money rules a plan keeps are plain numbers, or records of them (stored as JSON with the plan). */
const _rulesArePlain: Record<keyof MoneyRules, number | Record<keyof TodaysWayRules, number> | Record<keyof TodaysFeeRules, number>> =
  {} as Required<MoneyRules>;
void _rulesArePlain;

describe("paidBackOn: a payback behind us and the months it counts as planned", () => {
  const months = (recorded: readonly number[], horizon = 12) =>
    Array.from({ length: horizon }, (_, at) => ({ month: at + 1, recorded: recorded.includes(at + 1) }));

  it("names the months up to the payback that have no record: 'paid back in month 9' rests on them as planned", () => {
    // Months 1–3 and 9 recorded: the payback in month 9 counts months 4–8 as planned (it was stated as fact).
    expect(paidBackOn(9, 9, months([1, 2, 3, 9]))).toEqual({ month: 9, countedAsPlanned: [4, 5, 6, 7, 8] });
    // Months after the payback do not make it: only month 11 recorded, months 1–10 are the plan's.
    expect(paidBackOn(10, 11, months([11]))).toEqual({ month: 10, countedAsPlanned: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(paidBackOn(4, 6, months([1, 2, 3, 4, 5, 6]))).toEqual({ month: 4, countedAsPlanned: [] });
    expect(paidBackOn(0, 2, months([2]))).toEqual({ month: 0, countedAsPlanned: [] });
  });

  it("is null while the payback is a forecast, or there is none", () => {
    expect(paidBackOn(10, 9, months([9]))).toBeNull();
    expect(paidBackOn(null, 12, months([12]))).toBeNull();
    expect(paidBackOn(3, null, months([]))).toBeNull();
  });
});

describe("changeHours: the team's hours on the change, as the engine's \"Making the change\" counts them", () => {
  it("counts staff working on the change alongside the new way, with setup, learning and the dip (it left them out)", () => {
    const dora = allExamples.find((example) => example.name === "peers/dora-2020-elite-large.yaml")!;
    const month1 = dora.result.scenarios.transformed!.months[0]!;
    expect(month1.alongsideHours).toBeGreaterThan(0);
    expect(changeHours(month1)).toBe(month1.setupHours + month1.learningHours + month1.adoptionDipHours + month1.alongsideHours);
    expect(changeHours({ setupHours: 40, learningHours: 10, adoptionDipHours: 5, alongsideHours: 160 })).toBe(215);
    // A plan stored before the month table had staff alongside: none counted.
    expect(changeHours({ setupHours: 40, learningHours: 10, adoptionDipHours: 5 })).toBe(55);
  });

  it("adds the plan's staff alongside to a recorded setup figure, as stored records were written: recording the plan's setup gives the plan's month", () => {
    const dora = allExamples.find((example) => example.name === "peers/dora-2020-elite-large.yaml")!;
    const rules = moneyRulesOf(dora.compiled, "transformed", dora.compiled.baseline);
    const planned = dora.result.scenarios.transformed!.months[2]!;
    const recorded = valueRecordedMonth(planned, { setupHours: 100 }, rules);
    expect(recorded.alongsideHours).toBe(planned.alongsideHours);
    expect(changeHours(recorded)).toBe(100 + planned.alongsideHours);
    // Month 3 plans no setup, learning or dip: recording 0 setup hours is the plan's month, to the cent
    // (read as covering staff alongside too, it gained their 2,520 hours back: US$321,750).
    const asPlanned = valueRecordedMonth(planned, { setupHours: 0 }, rules);
    expect(asPlanned.net).toBeCloseTo(planned.net, 6);
    // Not recorded: the plan's staff alongside stand in.
    expect(changeHours(valueRecordedMonth(planned, { upkeepHours: 0 }, rules))).toBe(changeHours(planned));
  });
});

describe('how a plan is resumed, in words (track forecast\'s "How:")', () => {
  it("says the build work under way is carried in capacity mode only: by schedule nothing is (it described carrying it for every plan)", () => {
    expect(resumeMethod).toContain("in capacity mode, the project under way with the build hours already put into it");
    expect(resumeMethod).toContain("by schedule, the release months and their build hours are fixed in advance: nothing is carried");
  });
});

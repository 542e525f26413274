import { describe, expect, it } from "vitest";
import { buildResult, CaseRunner, paybackMonth, paybackTolerance, validateScenarioText, type CaseResult } from "./index.js";

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

describe("a project already past the new, smaller build hours is done (capacity mode)", () => {
  // Today builds a 300-hour project at 100 hours a month; b and c set up for 2 months (10 hours each)
  // while building 90 hours a month, then build with 150 hours. By month 3 the project has 180 hours.
  const result = resultOf(`horizonMonths: 6
freedHoursCaptureShare: 0.5
defaults: {${team}, projects: {buildHours: 300, upkeepHoursPerMonth: 10, valuePerMonth: 1000}, releases: {mode: capacity, newWorkThresholdHours: 50, backlog: 1}}
scenarios:
  a: {}
  b: {projects: {buildHours: 150}, meetings: {hoursPerPersonPerMonth: 105}, change: {setupHours: 20, setupMonths: 2}}
  c: {projects: {buildHours: 150}, meetings: {hoursPerPersonPerMonth: 95}, change: {setupHours: 20, setupMonths: 2}}
`);

  it("goes live the month after, even when the team has no free hour that month (it needs none)", () => {
    // b is overloaded from month 3 (105 hours of meetings); c has 5 free hours. Both go live in month 4.
    expect(result.scenarios.b!.months[2]!.freeHours).toBeLessThan(0);
    expect(result.scenarios.b!.months.map((month) => month.liveProjects)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(result.scenarios.c!.months.map((month) => month.liveProjects)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(result.scenarios.b!.summary.projectsDelivered).toBe(1);
  });
});

describe("the change's hours are priced at what they displace (capacity mode)", () => {
  // Today puts 100 hours a month into a 310-hour project, its last 10 in month 4 (90 idle). Each
  // option's change starts in month 4; capture share 0.5.
  const result = resultOf(`horizonMonths: 8
freedHoursCaptureShare: 0.5
defaults: {${team}, projects: {buildHours: 310, upkeepHoursPerMonth: 10, valuePerMonth: 100}, releases: {mode: capacity, newWorkThresholdHours: 50, backlog: 1}}
scenarios:
  a: {}
  b: {change: {setupHours: 60, startMonth: 4}}
  c: {change: {setupHours: 95, startMonth: 4}}
`);

  it("with the project still finished, every setup hour would have been idle: at the captured share", () => {
    expect(result.comparisons.b!.investment.teamHoursCost).toBeCloseTo(60 * 5, 9);
    expect(result.comparisons.b!.totalNetBenefit).toBeCloseTo(-300, 9);
  });

  it("with the project left 5 hours short, only those 5 would have built; the other 90 would have been idle", () => {
    expect(result.scenarios.c!.months[3]!.buildHours).toBeCloseTo(5, 12);
    // 5 × 10 + 90 × 5 = 500 (it was 950: every hour at the loaded rate). The NPV loses 525: those 500,
    // and a month's delay of the project (−100 of value, +25 of its hours idle a month later).
    expect(result.comparisons.c!.investment.teamHoursCost).toBeCloseTo(500, 9);
    expect(result.comparisons.c!.totalNetBenefit).toBeCloseTo(-525, 9);
  });
});

describe("a capability's manualTasks effect scales every chore", () => {
  it("those given as a share of time as well as those in minutes a week", () => {
    // 20% of 100 hours (20 hours) plus 138.46… minutes a week (10 hours a month): 30 hours; halved, 15.
    const result = resultOf(`horizonMonths: 12
freedHoursCaptureShare: 1
defaults:
  ${team}
  manualTasks: {rework: {shareOfTime: 0.2}, report: {minutesPerWeek: ${(10 * 60 * 12) / 52}, per: person}}
catalogue:
  halve: {label: Halve the chores, effects: {manualTasks: 0.5}}
scenarios:
  a: {}
  b: {capabilities: [halve]}
`);
    expect(result.scenarios.a!.months[0]!.manualHours).toBeCloseTo(30, 9);
    expect(result.scenarios.b!.months[0]!.manualHours).toBeCloseTo(15, 9);
    // 15 hours a month freed, each worth its 10: 1,800 over the year.
    expect(result.comparisons.b!.totalNetBenefit).toBeCloseTo(1800, 6);
  });
});

describe("a yearly fee is paid once a year, each line in a year of its own", () => {
  // Today pays 100 a year of infrastructure (months 1, 13, 25). Each alternative's change starts in month 4.
  const result = resultOf(`horizonMonths: 30
defaults: {${team}, tooling: {infrastructure: {perYear: 100}}}
scenarios:
  a: {}
  licence: {change: {startMonth: 4}, tooling: {licences: {flatPerYear: 2400}}}
  training: {change: {startMonth: 4}, tooling: {training: {perPersonPerYear: 50}}}
  infrastructure: {change: {startMonth: 4}, tooling: {infrastructure: {perYear: 300}}}
`);
  const paid = (scenario: string, line: "licences" | "infrastructure" | "training") =>
    result.scenarios[scenario]!.months.filter((month) => (month[line] ?? 0) > 0).map((month) => [month.month, month[line]]);

  it("a new licence starts its year with the change; today's unchanged infrastructure fee is not paid again in month 4", () => {
    expect(paid("licence", "licences")).toEqual([
      [4, 2400],
      [16, 2400],
      [28, 2400],
    ]);
    expect(paid("licence", "infrastructure")).toEqual([
      [1, 100],
      [13, 100],
      [25, 100],
    ]);
    expect(result.comparisons.licence!.totalNetBenefit).toBeCloseTo(-7200, 9);
  });

  it("a new training fee is paid from the change's start, not first a year after month 1", () => {
    expect(paid("training", "training")).toEqual([
      [4, 50],
      [16, 50],
      [28, 50],
    ]);
    expect(result.comparisons.training!.totalNetBenefit).toBeCloseTo(-150, 9);
  });

  it("a changed infrastructure fee starts its year with the change", () => {
    expect(paid("infrastructure", "infrastructure")).toEqual([
      [1, 100],
      [4, 300],
      [16, 300],
      [28, 300],
    ]);
    // 1,000 paid against today's 300.
    expect(result.comparisons.infrastructure!.totalNetBenefit).toBeCloseTo(-700, 9);
  });
});

describe("work in progress is worth its hours until the project goes live (capacity mode)", () => {
  // One live project needing 20 hours of upkeep; 80 free hours a month build the next, 300-hour one,
  // worth 500 a month once live; new work starts only with 50 free hours. b sets up for 70 hours in
  // month 1 (and then needs 10 hours of upkeep), so it has 10 free hours then: too few to start.
  const body = `horizonMonths: 8
freedHoursCaptureShare: 0.5
defaults: {${team}, projects: {alreadyLive: 1, upkeepHoursPerMonth: 20, buildHours: 300, valuePerMonth: 500}, releases: {mode: capacity, newWorkThresholdHours: 50}}
scenarios:
  a: {}
  b: {change: {setupHours: 70}, projects: {upkeepHoursPerMonth: 10}}
`;
  const result = resultOf(body);
  const today = result.scenarios.a!.months;
  const b = result.scenarios.b!.months;

  it("credits the hours put into an unfinished project at the loaded rate", () => {
    expect(today[0]!.buildHours).toBeCloseTo(80, 12);
    expect(today[0]!.workInProgress).toBeCloseTo(800, 9);
    expect(b[0]!.buildHours).toBe(0);
    expect(b[0]!.idleHours).toBeCloseTo(10, 12);
  });

  it("so an option that only takes hours from work that earns is worse than today that month, by about what it asks for", () => {
    // Today: 800 of work in progress; b: 10 idle hours at the capture share, 50.
    expect(result.comparisons.b!.monthlyNetBenefit[0]).toBeCloseTo(50 - 800, 9);
    expect(result.comparisons.b!.paybackMonth).not.toBe(0);
    // Its 70 setup hours would have gone into building: priced at the loaded rate.
    expect(result.comparisons.b!.investment.teamHoursCost).toBeCloseTo(700, 9);
  });

  it("turns into the project's value when it goes live: the work in progress is taken back", () => {
    // Today finishes the 300 hours in month 4 (80 + 80 + 80 + 60) and the project is live from month 5.
    expect(today[4]!.releases).toBe(1);
    expect(today[4]!.workInProgress).toBeCloseTo(10 * (today[4]!.buildHours - 300), 9);
  });

  it("counts unfinished work at its cost when the horizon ends before the release", () => {
    for (const months of [today, b]) {
      const credited = months.reduce((total, month) => total + month.workInProgress, 0);
      const released = months.reduce((total, month) => total + month.releases, 0) * 300;
      const built = months.reduce((total, month) => total + month.buildHours, 0);
      expect(credited).toBeCloseTo(10 * (built - released), 6);
    }
  });
});

describe("the hours the change takes have one price: what they displace", () => {
  // The dip of §1.5: half the hours for one month, no setup, schedule mode.
  const dip = (upkeep: number) =>
    resultOf(`horizonMonths: 4
freedHoursCaptureShare: 0.5
defaults: {${team}, projects: {alreadyLive: 1, upkeepHoursPerMonth: ${upkeep}}, releases: {mode: schedule, months: []}}
scenarios:
  a: {}
  b: {change: {adoptionDipShare: 0.5, adoptionDipMonths: 1}}
`).comparisons.b!;

  it("hours that would have been idle cost the capture share, in the NPV and in the investment alike", () => {
    // Upkeep 40: the 50 dip hours come out of 60 idle hours, worth 0.5 × 10 each.
    const comparison = dip(40);
    expect(comparison.npv).toBeCloseTo(-250, 9);
    expect(comparison.investment.teamHours).toBeCloseTo(50, 12);
    expect(comparison.investment.teamHoursCost).toBeCloseTo(250, 9);
    expect(comparison.presentValueOfCosts).toBeCloseTo(250, 9);
  });

  it("hours that must be bought cost the loaded rate, in both", () => {
    // Upkeep 80: 20 idle hours go first (100), then 30 hours are bought (300).
    const comparison = dip(80);
    expect(comparison.npv).toBeCloseTo(-400, 9);
    expect(comparison.investment.teamHoursCost).toBeCloseTo(400, 9);
    // The 30 bought hours are in the overload line too: the ROI's costs count them once, so an option
    // that only loses hours has no benefit to show (it read 700 of costs and 300 of "benefits").
    expect(comparison.presentValueOfCosts).toBeCloseTo(400, 9);
    expect(comparison.presentValueOfBenefits).toBeCloseTo(0, 9);
    expect(comparison.roi).toBeCloseTo(-1, 12);
  });

  it("counts overload beyond the change's own bought hours as a cost, once", () => {
    // Upkeep 110: today already buys 10 hours a month (100); the dip adds 50 bought hours (500), and
    // months 2–4 buy the same 10 as today. The bought dip hours are the change's price; the overload
    // line adds only what the change does not explain.
    const comparison = dip(110);
    expect(comparison.npv).toBeCloseTo(-500, 9);
    expect(comparison.investment.teamHoursCost).toBeCloseTo(500, 9);
    expect(comparison.presentValueOfCosts).toBeCloseTo(500, 9);
    expect(comparison.roi).toBeCloseTo(-1, 12);
  });

  it("a baseline buying its own change's hours nets them out too", () => {
    // Both make the same dip: nothing differs, so nothing costs more.
    const same = resultOf(`horizonMonths: 4
freedHoursCaptureShare: 0.5
defaults: {${team}, projects: {alreadyLive: 1, upkeepHoursPerMonth: 80}, releases: {mode: schedule, months: []}, change: {adoptionDipShare: 0.5, adoptionDipMonths: 1}}
scenarios:
  a: {}
  b: {}
`).comparisons.b!;
    expect(same.npv).toBeCloseTo(0, 9);
    expect(same.presentValueOfCosts).toBeCloseTo(0, 9);
  });

  it("an option starting late does not make today's own change in the months before its start: it replaces that plan", () => {
    // Today sets up 90 hours over months 1–3 (idle hours at 0.5 × 10 each); the option starts in month
    // 4 with no change of its own. In months 1–3 it works today's way with none of today's setup hours:
    // 30 more idle hours a month, +150 a month, and an investment of −90 hours (today's, dropped).
    const result = resultOf(`horizonMonths: 6
freedHoursCaptureShare: 0.5
defaults: {${team}, projects: {alreadyLive: 0, upkeepHoursPerMonth: 0}, releases: {mode: schedule, months: []}}
scenarios:
  a: {change: {setupHours: 90, setupMonths: 3}}
  b: {change: {setupHours: 0, startMonth: 4}}
`);
    const today = result.scenarios.a!.months;
    const option = result.scenarios.b!.months;
    expect(today.slice(0, 3).map((month) => month.setupHours)).toEqual([30, 30, 30]);
    expect(option.slice(0, 3).map((month) => month.setupHours + month.learningHours + month.adoptionDipHours + month.alongsideHours)).toEqual([0, 0, 0]);
    expect(result.comparisons.b!.monthlyNetBenefit.slice(0, 4).map((value) => Math.round(value * 1e9) / 1e9)).toEqual([150, 150, 150, 0]);
    expect(result.comparisons.b!.investment.teamHours).toBeCloseTo(-90, 9);
  });

  it("takes each side's bought change hours out of its overload at its own hourly cost, in the Monte Carlo's path too", () => {
    // Today (10 an hour) buys 30 of its own dip's 50 hours (300 of overload, all the change's); the
    // option (20 an hour) makes no change and buys nothing. Its costs are the payroll's rise alone,
    // 4 × 1,000: today's overload, less its change's 30 hours at today's 10, is 0 (at the option's 20
    // it would read −300 and the option 300 more in month 1: 4,300).
    const text = `title: Accounting
currency: EUR
discountRate: 0
baseline: a
horizonMonths: 4
freedHoursCaptureShare: 0.5
defaults: {team: {people: 1, hoursPerMonth: 100}, projects: {alreadyLive: 1, upkeepHoursPerMonth: 80}, releases: {mode: schedule, months: []}}
scenarios:
  a: {team: {hourlyCost: 10}, change: {adoptionDipShare: 0.5, adoptionDipMonths: 1}}
  b: {team: {hourlyCost: 20}}
`;
    const compiled = validateScenarioText(text).compiled!;
    const comparison = buildResult(compiled).comparisons.b!;
    expect(comparison.presentValueOfCosts).toBeCloseTo(4000, 9);
    // The Monte Carlo's runs write no month table for the option: the same costs from the same rule.
    const runner = new CaseRunner(compiled);
    runner.run(compiled.leafValues, false);
    expect(runner.figures[1]!.presentValueOfCosts).toBeCloseTo(4000, 9);
  });
});

describe("the peers' terms", () => {
  const body = (alternative: string) => `horizonMonths: 24
freedHoursCaptureShare: 1
defaults: {team: {people: 4, hoursPerMonth: 100, hourlyCost: 10}}
scenarios:
  a: {}
  b: ${alternative}
`;

  it("a chore as a share of every person's time", () => {
    const result = resultOf(body("{manualTasks: {toil: {shareOfTime: 0.125}}}"));
    expect(result.scenarios.b!.months[0]!.manualHours).toBeCloseTo(0.125 * 400, 9);
    expect(result.comparisons.b!.benefitByCategory.manualTasks).toBeCloseTo(-50 * 10 * 24, 6);
  });

  it("features a year × lines of business × reinvested share × success × impact × revenue", () => {
    const result = resultOf(
      body(
        "{delivery: {featuresPerYear: 12, linesOfBusiness: 2, timeReinvestedShare: 0.5, successRate: 0.5, revenueImpactShare: 0.01, annualRevenue: 1200000}}",
      ),
    );
    // 12 × 2 × 0.5 × 0.5 × 0.01 × 1,200,000 = 72,000 a year, 6,000 a month.
    expect(result.scenarios.b!.months[0]!.deliveryValue).toBeCloseTo(6000, 9);
    expect(result.comparisons.b!.totalNetBenefit).toBeCloseTo(144_000, 6);
  });

  it("deployments a year for the whole team", () => {
    const result = resultOf(
      body("{breakage: {deploymentsPerYear: 120, changeFailureRate: 0.1, hoursToRestore: 2, outageCostPerHour: 100, fixHoursPerFailure: 3}}"),
    );
    const month = result.scenarios.b!.months[0]!;
    // 10 deployments a month, one fails: 2 hours of outage at 100 and 3 hours of fixing.
    expect(month.outageCost).toBeCloseTo(200, 9);
    expect(month.breakageFixHours).toBeCloseTo(3, 9);
  });

  it("yearly fees per user, yearly infrastructure and recurring training, paid at the start of each year", () => {
    const result = resultOf(
      body("{tooling: {licences: {perUserPerYear: 100}, infrastructure: {perYear: 1000, perUserPerYear: 10}, training: {perPersonPerYear: 500}}}"),
    );
    const months = result.scenarios.b!.months;
    expect(months.map((month) => month.licences)).toEqual(months.map((_, at) => (at % 12 === 0 ? 400 : 0)));
    expect(months[12]!.infrastructure).toBeCloseTo(1040, 9);
    expect(months[1]!.infrastructure).toBe(0);
    expect(months[12]!.training).toBeCloseTo(2000, 9);
    expect(result.comparisons.b!.conventions.dora.investment).toBeCloseTo(2 * (400 + 1040 + 2000), 6);
  });

  it("start and end months on a cost line: five support people for the first year only", () => {
    const result = resultOf(body("{tooling: {supportStaff: {minimum: 5, annualSalaryEach: 60000, benefitsMultiplier: 1.2, untilMonth: 12}}}"));
    const months = result.scenarios.b!.months;
    // 60,000 × 1.2 ÷ 12 = 6,000 a month each.
    expect(months[0]!.supportStaff).toBeCloseTo(30_000, 9);
    expect(months[11]!.supportStaff).toBeCloseTo(30_000, 9);
    expect(months[12]!.supportStaff).toBe(0);
    const late = resultOf(body("{tooling: {infrastructure: {perMonth: 100, fromMonth: 7, untilMonth: 9}}}")).scenarios.b!.months;
    expect(late.map((month) => month.infrastructure).filter((value) => value > 0)).toEqual([100, 100, 100]);
    expect(late[6]!.infrastructure).toBe(100);
  });

  it("a cost line that starts after the plan ends costs nothing in any month of it", () => {
    // Licences from month 30 of a 24-month plan: no window edge falls within the plan, and no month pays.
    const result = resultOf(body("{tooling: {licences: {flatPerMonth: 100, fromMonth: 30}, supportStaff: {minimum: 1, monthlyCostEach: 500, fromMonth: 25}}}"));
    const months = result.scenarios.b!.months;
    expect(months.map((month) => month.licences + month.supportStaff)).toEqual(months.map(() => 0));
    expect(result.comparisons.b!.npv).toBe(0);
  });

  it("change effort alongside the benefits: its hours are the change's, and the new way applies from the start", () => {
    const result = resultOf(body("{change: {alongside: {people: 1, forMonths: 3}}, manualTasks: {toil: {shareOfTime: 0}}}"));
    const months = result.scenarios.b!.months;
    expect(months[0]!.alongsideHours).toBeCloseTo(100, 12);
    expect(months[3]!.alongsideHours).toBe(0);
    const comparison = result.comparisons.b!;
    expect(comparison.investment.teamHours).toBeCloseTo(300, 9);
    // Capture share 1: idle hours are worth the loaded rate, so the 300 hours cost 3,000.
    expect(comparison.investment.teamHoursCost).toBeCloseTo(3000, 9);
    expect(comparison.benefitByCategory.change).toBeCloseTo(-3000, 9);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText, type CaseResult } from "./index.js";
import { moneyRulesOf, valueRecordedMonth } from "./tracking.js";

// Worked examples of docs/numbers.md (and the contracts of docs/json.md and docs/commands.md) that a
// reader re-implementing the engine from the docs alone must be able to reproduce: the case in full
// (a scenario file in the docs, or a bundled example) and the figures the docs give, held to the engine.

const read = (...path: string[]): string => readFileSync(new URL(`../../${path.join("/")}`, import.meta.url), "utf8");
const numbers = read("docs", "numbers.md");
/** The docs' prose on one line, for phrases that a line break may split. */
const prose = (text: string): string => text.replace(/\s+/g, " ");
const numbersProse = prose(numbers);

/** Worked out when a test first reads it, so that a missing example fails its tests, not the whole file. */
function lazy<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

function resultOf(text: string): CaseResult {
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => `${issue.line}: ${issue.message}`).join("\n"));
  return buildResult(validation.compiled);
}

/** The scenario file of numbers.md whose title is `title` (a fenced yaml block, indented or not). */
function docsCase(title: string): string {
  const block = [...numbers.matchAll(/^( *)```yaml\n([\s\S]*?)^ *```/gm)].find((match) => match[2]!.includes(`title: ${title}\n`));
  if (!block) throw new Error(`docs/numbers.md has no scenario file titled "${title}"`);
  return block[2]!.replace(new RegExp(`^${block[1]}`, "gm"), "");
}

/** A figure as the docs write it: thousands commas, `decimals` places, a true minus sign (and `+` when asked). */
function shown(value: number, decimals = 0, plus = false): string {
  const text = Math.abs(value).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${value < 0 && text.replace(/[0,.]/g, "") !== "" ? "−" : plus && value > 0 ? "+" : ""}${text}`;
}

describe("docs/numbers.md, \"The change's hours have one price\": free hours with all the change's hours back", () => {
  const result = resultOf(read("examples", "enterprise.yaml"));
  const bigCloud = result.scenarios.bigCloud!.months;
  const month = bigCloud[0]!;
  const changeHours = month.setupHours + month.learningHours + month.adoptionDipHours + month.alongsideHours;

  it("bigCloud's months 1–6: with every change hour back, bought ones included, new work could start, so all are at the loaded rate", () => {
    // Read as "the rest (those not bought) back", the free hours stayed under the threshold: $479,575 and −44.4%.
    for (const each of bigCloud.slice(0, 6)) expect(each.changeHoursCost).toBeCloseTo(month.changeHoursCost, 6);
    expect(month.freeHours).toBeLessThan(0);
    expect(month.changeHoursBought).toBeCloseTo(-month.freeHours, 9);
    expect(month.freeHours + changeHours).toBeGreaterThanOrEqual(300);
    expect(month.changeHoursCost).toBeCloseTo(changeHours * result.scenarios.bigCloud!.summary.hourlyCost, 6);
    expect(numbersProse).toContain("free hours with all of its change hours added back, bought ones included");
    expect(numbersProse).toContain(
      `spend ${shown(changeHours, 2)} hours a month on the change in months 1–6 and have ${shown(month.freeHours, 2)} free hours, ${shown(month.changeHoursBought, 2)} of them bought; with all ${shown(changeHours, 2)} back the free hours are ${shown(month.freeHours + changeHours, 2)}, over the threshold of 300`,
    );
    expect(numbersProse).toContain(`$${shown(month.changeHoursCost, 2)} a month (\`changeHoursCost\`)`);
    const comparison = result.comparisons.bigCloud!;
    expect(numbersProse).toContain(`\`investment.teamHoursCost\` is $${shown(comparison.investment.teamHoursCost)} (ROI ${shown(comparison.roi! * 100, 1)}%)`);
    expect(numbersProse).toContain(
      `adding back only the ${shown(changeHours - month.changeHoursBought, 2)} not bought would give ${shown(month.freeHours + changeHours - month.changeHoursBought, 2)} free hours`,
    );
  });
});

describe('docs/numbers.md, "The change\'s hours have one price": the 310-hour project', () => {
  const caseText = lazy(() => docsCase("The change's hours priced at what they displace"));
  const caseResult = lazy(() => resultOf(caseText()));

  it("gives the case in full, at a discount rate of 0", () => {
    expect(caseText()).toContain("discountRate: 0\n");
    expect(numbersProse).toContain("At this discount rate of 0 the NPV is their sum");
  });

  it("setup60: 60 idle hours at 5, the NPV loses 300", () => {
    const comparison = caseResult().comparisons.setup60!;
    expect(comparison.investment.teamHoursCost).toBeCloseTo(300, 9);
    expect(comparison.npv).toBeCloseTo(-300, 9);
    expect(comparison.monthlyNetBenefit.map((value) => Math.round(value))).toEqual([0, 0, 0, -300, 0, 0, 0, 0]);
  });

  it("setup95: its month table is the docs' (it said month 5 lost 100 of value and got 75 back)", () => {
    const result = caseResult();
    const comparison = result.comparisons.setup95!;
    expect(comparison.investment.teamHoursCost).toBeCloseTo(500, 9);
    const monthly = comparison.monthlyNetBenefit.map((value) => shown(value, 0, true)).join(", ");
    expect(numbersProse).toContain(`Its monthly net benefit is ${monthly}.`);
    expect(numbersProse).toContain(`the NPV is their sum, ${shown(comparison.npv)} = −500 + 50 − 100 + 25`);
    expect(numbersProse).not.toContain("month 5 loses the project's 100 of value but gets 75 back");
    expect(result.scenarios.today!.months[4]!.net).toBeCloseTo(-3550, 9);
    expect(result.scenarios.setup95!.months[4]!.net).toBeCloseTo(-475, 9);
    expect(result.scenarios.setup95!.months[4]!.idleHours).toBeCloseTo(95, 9);
  });

  it("with a backlog of two, all 95 hours are at the loaded rate: 950", () => {
    const two = resultOf(caseText().replace("backlog: 1", "backlog: 2"));
    expect(two.scenarios.setup95!.months[3]!.changeHoursCost).toBeCloseTo(950, 9);
    expect(numbersProse).toContain("With a backlog of two (`backlog: 2`)");
  });
});

describe('docs/numbers.md and docs/json.md: the month columns of hours short and "overloadCost"', () => {
  it("the 300-hour project released in month 2: month 1's columns as the docs give them", () => {
    const result = resultOf(`title: A release bought in part
currency: EUR
horizonMonths: 2
discountRate: 0
baseline: today
defaults:
  team: { people: 1, hoursPerMonth: 100, hourlyCost: 10 }
  projects: { buildHours: 300, upkeepHoursPerMonth: 0 }
  releases: { mode: schedule, months: [2] }
scenarios:
  today: {}
  alt: { projects: { buildHours: 150 } }
`);
    const month = result.scenarios.today!.months[0]! as unknown as Record<string, number | boolean>;
    const sentence = numbersProse.match(/month 1 has (`freeHours`[^.]*?`overloadCost` \d+)/)?.[1];
    if (!sentence) throw new Error("docs/numbers.md gives no month 1 of the 300-hour release");
    const given = [...sentence.matchAll(/`(\w+)` (true|false|[\d,]+)/g)].map((match) => [match[1], match[2]]);
    expect(given.map(([name]) => name)).toEqual([
      "freeHours",
      "buildHours",
      "idleHours",
      "shortfallHours",
      "scheduledBuildShortfallHours",
      "overloaded",
      "overloadCost",
    ]);
    for (const [name, value] of given) expect([name, String(month[name!])]).toEqual([name, value!.replace(/,/g, "")]);
    // overloadCost = (shortfallHours + scheduledBuildShortfallHours) × rate, even with overloaded false.
    expect(numbersProse).toContain("**`overloadCost`** = (`shortfallHours` + `scheduledBuildShortfallHours`) × hourly cost");
    const json = prose(read("docs", "json.md"));
    expect(json).toContain("`overloadCost` = (`shortfallHours` + `scheduledBuildShortfallHours`) × the hourly cost");
    expect(json).toContain("`buildHours` 100, `shortfallHours` 0, `scheduledBuildShortfallHours` 50 and `overloadCost` 500");
  });
});

describe('docs/numbers.md, "Investment": each side\'s cash for its own change, at its own start', () => {
  const caseResult = lazy(() => resultOf(docsCase("Today's own change is the larger")));

  it("today's 5,000 paid at the end of month 3 for its change from month 4: the option's cash is −5,000 in month 3", () => {
    const result = caseResult();
    const { investment } = result.comparisons.alt!;
    expect([investment.cash, investment.cashMonth, investment.teamHours, investment.teamHoursCost]).toEqual([-5000, 3, -80, -3600]);
    expect(numbersProse).toContain("`alt`'s `investment.cash` is −5,000 with `cashMonth` 3, and its `teamHours` −80 (`teamHoursCost` −3,600:");
    expect(result.scenarios.today!.months[3]!.freeHours).toBeCloseTo(-40, 9);
    expect(numbersProse).toContain("today's month 4 has 40 free hours, so 40 of the 80 are bought at 60");
  });

  it("an option with a later change of its own pays its cash at its own start: in parts", () => {
    const result = caseResult();
    const { investment } = result.comparisons.late!;
    expect([investment.cash, investment.cashMonth, investment.cashByMonth]).toEqual([
      -4000,
      null,
      [
        { month: 3, cash: -5000 },
        { month: 5, cash: 1000 },
      ],
    ]);
    expect(numbersProse).toContain("`cash` −4,000, in parts (`cashMonth` null, `cashByMonth` −5,000 in month 3 and 1,000 in month 5)");
    expect(numbersProse).not.toContain("**Investment** = extra cash before the change starts");
  });
});

describe('docs/numbers.md, "An alternative works today\'s way until its change is in place"', () => {
  it("through month startMonth + setupMonths − 1: the managed platform's own upkeep from month 4 (it read as through month 4)", () => {
    const months = resultOf(read("examples", "team.yaml")).scenarios.managed!.months;
    expect(months.slice(0, 4).map((month) => month.upkeepHours)).toEqual([120, 120, 120, 44]);
    expect(numbersProse).toContain("Through month `startMonth + setupMonths − 1`, the last of its setup (through month `startMonth − 1`");
    expect(numbersProse).toContain("120 hours for 4 live projects, where its own 11 a project give 44 in month 4");
  });
});

describe("docs/numbers.md, page 1's saving against today's larger change (€12,000)", () => {
  const caseText = lazy(() => docsCase("A smaller change than today's"));

  it("the case in full: 200 of today's setup hours that would have built, at 60", () => {
    const text = caseText();
    const result = resultOf(text);
    const { investment } = result.comparisons.better!;
    expect([investment.cash, investment.teamHours, investment.teamHoursCost, investment.total]).toEqual([-5000, -200, -12000, -17000]);
    const month = result.scenarios.today!.months[0]!;
    expect([month.freeHours, month.setupHours, month.buildHours, month.freeHours + month.setupHours]).toEqual([80, 100, 80, 180]);
    expect(numbersProse).toContain(
      "today has 80 free hours in those months (240 − 60 of upkeep − 100 of setup), all spent building, and 180 with the setup hours back",
    );
    expect(numbersProse).toContain("200 × 60 = €12,000 (`investment` −5,000 of cash and −12,000 of team hours, −17,000)");
  });

  it("with nothing to build (backlog: 0), the hours come out of idle hours: €6,000", () => {
    const text = caseText();
    const { investment } = resultOf(text.replace("newWorkThresholdHours: 80 }", "newWorkThresholdHours: 80, backlog: 0 }")).comparisons.better!;
    expect([investment.cash, investment.teamHoursCost, investment.total]).toEqual([-5000, -6000, -11000]);
    expect(numbersProse).toContain(
      'With `releases.backlog: 0` nothing is built: the hours come out of idle hours, at the capture share of 0.5 (the default), the same sentence says "worth €6,000", and the `investment` is −5,000 of cash and −6,000 of team hours (−11,000)',
    );
  });
});

describe('docs/numbers.md, "What to ask for first" (run\'s adoptionOrder)', () => {
  it("examples/solo.yaml's essentials: from the option without capabilities, each step and the total as the docs give them", () => {
    const comparison = resultOf(read("examples", "solo.yaml")).comparisons.essentials!;
    const steps = comparison.adoptionOrder!;
    const start = steps[0]!.cumulativeNpv - steps[0]!.marginalNpv;
    expect(numbersProse).toContain(`starts at −€${shown(-start, 2)};`);
    const names: Record<string, string> = {
      scheduling: "scheduling",
      monitoring: "monitoring",
      experimentTracking: "experiment tracking",
      onDemandCompute: "on-demand compute",
    };
    const given = steps
      .map((step) => {
        const money = (value: number) => `${value < 0 ? "−" : ""}€${shown(Math.abs(value), 2)}`;
        return `${names[step.capability]} ${step.marginalNpv >= 0 ? "adds " : ""}${money(step.marginalNpv)} (${money(step.cumulativeNpv)}`;
      })
      .join("|");
    const shownSteps = given.split("|");
    for (const step of shownSteps) expect(numbersProse).toContain(step);
    expect(steps.at(-1)!.cumulativeNpv).toBeCloseTo(comparison.npv, 6);
    const sum = steps.reduce((total, step) => total + step.marginalNpv, 0);
    expect(sum).toBeCloseTo(comparison.npv - start, 6);
    expect(numbersProse).toContain(`the four steps add up to −€${shown(-sum, 2)} = ${shown(comparison.npv, 2)} + ${shown(-start, 2)}`);
  });

  it("the docs' tie: of two that give the same NPV, the one listed first; the steps' figures as the docs give them", () => {
    const text = docsCase("What to ask for first, a tie");
    const order = (result: CaseResult) =>
      result.comparisons.fewerMeetings!.adoptionOrder!.map((step) => [step.capability, step.marginalNpv, step.cumulativeNpv]);
    expect(order(resultOf(text))).toEqual([
      ["standup", 800, 600],
      ["notes", 125, 725],
      ["agenda", 68.75, 793.75],
    ]);
    expect(order(resultOf(text.replace("[notes, agenda, standup]", "[standup, agenda, notes]"))).map(([name]) => name)).toEqual(["standup", "agenda", "notes"]);
    for (const phrase of [
      "−200",
      "+800 (600)",
      "+125 both",
      "second (725)",
      "+68.75 (793.75, the option's NPV)",
      "Listed `[standup, agenda, notes]`, the agenda comes second",
    ]) {
      expect(numbersProse).toContain(phrase);
    }
  });

  it("commands.md says optimize's steps add up to the set's NPV because they start from today, and run's do not", () => {
    const commands = prose(read("docs", "commands.md"));
    expect(commands).toContain("starting from today, with each step's addition (they add up to the set's NPV, since today's is 0)");
    expect(commands).toContain(
      "starts from that option without its capabilities, its own change kept, so its steps add up to the option's NPV less that starting point's",
    );
    expect(prose(read("docs", "json.md"))).toContain("from the option without any of them (its own change kept)");
  });
});

describe('docs/scenario-file.md, "The capability catalogue": a capability\'s effects are overridden effect by effect', () => {
  const scenarioFile = prose(read("docs", "scenario-file.md"));
  const enterpriseText = read("examples", "enterprise.yaml");
  const governanceEffect = (result: CaseResult, target: string) =>
    result.assumptions.find(
      (assumption) => assumption.input.replace(/\["?|"?\]/g, (bracket) => (bracket.startsWith("[") ? "." : "")) === `catalogue.governance.effects.${target}`,
    );

  it("enterprise.yaml's governance writes manualTasks and keeps the built-in factor on other teams' hours, as the docs say", () => {
    const result = resultOf(enterpriseText);
    const own = governanceEffect(result, "manualTasks")!;
    const kept = governanceEffect(result, "meetings.otherTeamsHoursPerMonth")!;
    expect(own.value).toBe(0.6);
    expect(kept.value).toBe(0.7);
    expect(kept.usedBy).toContain("platformFirst");
    const last = result.scenarios.platformFirst!.months.at(-1)!;
    expect(last.otherTeamsCost).toBeCloseTo(result.scenarios.today!.months.at(-1)!.otherTeamsCost * kept.value, 6);
    expect(scenarioFile).toContain("and `effects` effect by effect: an effect you do not write keeps its built-in factor");
    expect(scenarioFile).toContain(
      `\`governance\` writes \`manualTasks: ${own.value}\` and keeps the built-in \`meetings.otherTeamsHoursPerMonth: ${kept.value}\``,
    );
  });

  it("a built-in effect given the factor 1 is switched off: other teams' hours are today's", () => {
    const ownLine = '      manualTasks: { value: 0.6, note: "our assumption: audit evidence is collected automatically" }\n';
    expect(enterpriseText).toContain(ownLine);
    const result = resultOf(enterpriseText.replace(ownLine, `${ownLine}      meetings.otherTeamsHoursPerMonth: 1\n`));
    const last = result.scenarios.platformFirst!.months.at(-1)!;
    expect(last.otherTeamsCost).toBeCloseTo(result.scenarios.today!.months.at(-1)!.otherTeamsCost, 6);
    expect(scenarioFile).toContain("to switch a built-in effect off, give it the factor 1");
  });
});

describe("docs/numbers.md: an option built from capabilities makes today's own change too", () => {
  const caseResult = lazy(() => resultOf(docsCase("An option built from capabilities makes today's own change too")));

  it("scheduled: today's 40 hours and 1,000 plus scheduling's 80 hours; investment 80 hours, 3,900, no cash; NPV −3,390", () => {
    const result = caseResult();
    const scheduled = result.scenarios.scheduled!.months;
    const today = result.scenarios.today!.months;
    expect(scheduled[2]!.setupHours).toBe(today[2]!.setupHours + 80);
    expect(scheduled[2]!.setupHours).toBe(120);
    expect(scheduled[0]!.setupHours + scheduled[1]!.setupHours).toBe(0);
    const comparison = result.comparisons.scheduled!;
    expect(comparison.investment.cash).toBe(0);
    expect(comparison.investment.teamHours).toBeCloseTo(80, 9);
    expect(comparison.investment.teamHoursCost).toBeCloseTo(3900, 6);
    expect(scheduled[2]!.freeHours).toBeCloseTo(-70, 9);
    expect(scheduled[2]!.changeHoursCost).toBeCloseTo(4940, 6);
    expect(today[2]!.changeHoursCost).toBeCloseTo(1040, 6);
    expect(comparison.npv).toBeCloseTo(-3390, 6);
    expect(numbersProse).toContain(
      `120 hours in month 3, where today spends 40, so its \`investment\` is 0 of cash and 80 team hours (\`teamHoursCost\` ${shown(comparison.investment.teamHoursCost)}`,
    );
    expect(numbersProse).toContain(`and its NPV ${shown(comparison.npv)}`);
    expect(numbersProse).toContain("an option written with `capabilities` (below) takes the baseline's own change as its own");
  });

  it("own writes a change of nothing: the 80 hours alone; later moves it to month 6: 120 hours there, none in month 3", () => {
    const result = caseResult();
    const own = result.comparisons.own!;
    expect(result.scenarios.own!.months[2]!.setupHours).toBe(80);
    expect(own.investment.teamHours).toBeCloseTo(40, 9);
    expect(own.investment.cash).toBe(-1000);
    expect(own.investment.cashMonth).toBe(2);
    expect(own.npv).toBeCloseTo(-310, 6);
    expect(numbersProse).toContain(`\`cash\` −1,000 in month 2; NPV ${shown(own.npv)}`);
    const later = result.scenarios.later!.months;
    expect(later[2]!.setupHours).toBe(0);
    expect(later[5]!.setupHours).toBe(120);
    expect(result.comparisons.later!.investment.cashByMonth).toEqual([
      { month: 2, cash: -1000 },
      { month: 5, cash: 1000 },
    ]);
  });
});

describe("docs/numbers.md, tracking: support staff of a recorded month in the enterprise case", () => {
  it("composable, one engineer per 30 (today's and platformFirst's per 20), at 61 live projects: 3 engineers, in US dollars", () => {
    const text = read("examples", "enterprise.yaml");
    const validation = validateScenarioText(text);
    const compiled = validation.compiled!;
    const result = buildResult(compiled);
    expect(result.currency).toBe("USD");
    const rules = (name: string) => moneyRulesOf(compiled, name, compiled.baseline);
    const composable = rules("composable");
    expect(composable.supportLiveProjectsEach).toBe(30);
    expect(rules("today").supportLiveProjectsEach).toBe(20);
    expect(rules("platformFirst").supportLiveProjectsEach).toBe(20);
    const each = composable.supportMonthlyCostEach;
    const valued = valueRecordedMonth(result.scenarios.composable!.months[11]!, { liveProjects: 61 }, composable);
    expect(valued.supportStaff).toBeCloseTo(Math.ceil(61 / 30) * each, 6);
    expect(numbersProse).toContain(`108,020 × 1.43 ÷ 12 = US$${shown(each, 2)} a month`);
    expect(numbersProse).toContain(
      "(`composable`, whose change sets one engineer per 30 live projects; today's and `platformFirst`'s is one per 20) recorded at 61 live projects",
    );
    expect(numbersProse).toContain(`needs ${Math.ceil(61 / 30)} engineers, US$${shown(valued.supportStaff, 2)}.`);
  });
});

describe("docs/numbers.md, \"The change's hours have one price\": the backlog is read after the month's own starts", () => {
  const caseText = lazy(() => docsCase("A project started in the month no longer counts"));

  it("setup40 starts the backlog's only project in month 1: 20 hours it still needs at 10, 20 at 5 (300, not 400)", () => {
    const result = resultOf(caseText());
    const month = result.scenarios.setup40!.months[0]!;
    expect(month.freeHours).toBeCloseTo(60, 9);
    expect(month.buildHours).toBeCloseTo(60, 9);
    expect(month.freeHours + month.setupHours).toBeGreaterThanOrEqual(50);
    expect(month.changeHoursCost).toBeCloseTo(20 * 10 + 20 * 5, 9);
    expect(result.comparisons.setup40!.investment.teamHoursCost).toBeCloseTo(300, 9);
    expect(numbersProse).toContain(`\`changeHoursCost\` ${shown(month.changeHoursCost)} (not 400, all at 10`);
    expect(numbersProse).toContain("a project the alternative starts in that month, with the free hours it has, no longer counts");
  });

  it("with a backlog of two, a project is still not started at the end of month 1: all 40 at 10, 400", () => {
    expect(caseText()).toContain("backlog: 1 }");
    const result = resultOf(caseText().replace("backlog: 1 }", "backlog: 2 }"));
    expect(result.scenarios.setup40!.months[0]!.changeHoursCost).toBeCloseTo(400, 9);
    expect(numbersProse).toContain("with `backlog: 2` one is, and it is 400");
  });
});

describe("docs/numbers.md: figures written so that a reader can redo them by hand", () => {
  it("the vacancy's 3 hours are bought for 30 (3 × 10), at the rate of 10, not 'at 30'", () => {
    const result = resultOf(`title: A seat left empty
currency: EUR
horizonMonths: 2
discountRate: 0
baseline: today
defaults:
  team: { people: 1, hoursPerMonth: 100, hourlyCost: 10 }
  projects: { alreadyLive: 1, upkeepHoursPerMonth: 100, valuePerMonth: 0 }
  releases: { mode: schedule, months: [] }
  turnover: { attritionPerYear: 0.12, vacancyMonths: 3 }
scenarios:
  today: {}
`);
    const month = result.scenarios.today!.months[0]!;
    expect(month.payroll).toBeCloseTo(970, 9);
    expect(month.shortfallHours).toBeCloseTo(3, 9);
    expect(month.overloadCost).toBeCloseTo(month.shortfallHours * 10, 9);
    expect(numbersProse).toContain(
      `the ${shown(month.shortfallHours)} hours upkeep still needs are bought for ${shown(month.overloadCost)} (${shown(month.shortfallHours)} × 10)`,
    );
  });

  it("team.yaml's today: free hours, the first project's last hours and the second's first, to three decimals that add up", () => {
    const result = resultOf(read("examples", "team.yaml"));
    const [first, second] = result.scenarios.today!.months;
    const free = first!.freeHours;
    expect(second!.freeHours).toBeCloseTo(free, 9);
    expect(first!.buildHours + second!.buildHours).toBeCloseTo(2 * free, 9);
    const three = (value: number) => shown(value, 3);
    expect(Number(three(320 - free)) + Number(three(2 * free - 320))).toBeCloseTo(Number(three(free)), 9);
    expect(numbersProse).toContain(
      `today): ${three(free)} free hours a month and 320-hour projects; month 1 puts ${three(free)} hours into the first, month 2 finishes it with ${three(320 - free)} and puts the other ${three(2 * free - 320)} into the second`,
    );
  });

  it("enterprise.yaml's platformFirst: the fewer vacant hours times the loaded rate, as written, give the US$ the docs say", () => {
    const result = resultOf(read("examples", "enterprise.yaml"));
    const vacant = (name: string) => result.scenarios[name]!.months.reduce((total, month) => total + month.vacancyHours, 0);
    const fewer = vacant("today") - vacant("platformFirst");
    const rate = result.scenarios.platformFirst!.summary.hourlyCost;
    expect(rate).toBeCloseTo((108_020 * 1.43) / 2_080, 9);
    const fewerShown = shown(fewer, 2);
    const rateShown = String(Number(rate.toFixed(5)));
    expect(Number(rateShown)).toBe(rate);
    expect(Math.round(Number(fewerShown) * Number(rateShown))).toBe(Math.round(fewer * rate));
    expect(numbersProse).toContain(
      `${fewerShown} fewer vacant hours over the 36 months are worth US$${shown(fewer * rate)} at the loaded rate of ${rateShown} an hour (108,020 × 1.43 ÷ 2,080)`,
    );
    expect(numbersProse).toContain(`so \`team\` is ${shown(result.comparisons.platformFirst!.benefitByCategory.team)}`);
  });
});

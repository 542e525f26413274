import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildResult,
  MonteCarlo,
  oneAtATimeSensitivity,
  DOUBTFUL_GAIN_CHANCE,
  recommend,
  validateScenarioText,
  withUncertainty,
  type CaseResult,
  type CompiledCase,
} from "../../engine/index.js";
import { createReport } from "../create-report.js";
import { formatChance, formatHours, formatMoney, formatMoneyExact } from "../../format/numbers.js";
import { judgementSentences } from "../../format/judgement.js";
import { textOf } from "../report-text.js";
import { ONE_MONTH_EXTRAORDINARY } from "../../test-support/one-month-case.js";
import { LATE_START_CASE } from "../../test-support/late-start-case.js";
import { ABOVE_PAYROLL_CASE } from "../../test-support/payroll-case.js";
import { STAY_ON_AVERAGE_CASE } from "../../test-support/stay-on-average-case.js";
import { oneOptionCase } from "../../test-support/one-option-case.js";

// Page 1's sentences against the figures they name: every range beside its own figure, no figure
// called cash that is not, and a deadline that says which model it is about.

const examples = new URL("../../../examples/", import.meta.url);

function compile(text: string): CompiledCase {
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(JSON.stringify(issues));
  return compiled;
}

async function pageOne(compiled: CompiledCase, result: CaseResult): Promise<string> {
  const { html } = await createReport(compiled, { result });
  // The first page runs from its section to the next page's first section (it holds sections of its own).
  const start = html.indexOf('<section id="summary"');
  const end = html.indexOf('<section id="options"');
  if (start < 0 || end < start) throw new Error("no first page");
  return textOf(html.slice(start, end).replace(/<\/?span[^>]*>/g, ""));
}

/**
 * The payback card's chance as page 1 writes it: with its basis beside the chance of a gain in today's money
 * where the two read differently and the case discounts, else alone.
 */
function paybackChanceSentence(distribution: { probabilityPaysBack: number; probabilityNpvPositive: number }, months: number, discountRate: number): string {
  const [paysBack, gain] = [formatChance(distribution.probabilityPaysBack), formatChance(distribution.probabilityNpvPositive)];
  return discountRate !== 0 && paysBack !== gain
    ? `The chance that it pays back within ${months} months, before valuing money over time, is ${paysBack} (of a gain in today's money: ${gain}).`
    : `The chance that it pays back within ${months} months is ${paysBack}.`;
}

describe.each(readdirSync(examples).filter((name) => name.endsWith(".yaml")))("page 1 of examples/%s", (name) => {
  const compiled = compile(readFileSync(new URL(name, examples), "utf8"));
  const deterministic = buildResult(compiled);
  const result =
    compiled.uncertainLeaves.length > 0
      ? withUncertainty(deterministic, new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise())
      : deterministic;
  const best = result.comparisons[recommend(result)!.best.alternative]!;
  const money = (value: number) => formatMoney(value, result.currency);

  it("puts the net gain's range right after the net gain, naming it, and calls nothing cash that is not", async () => {
    const text = await pageOne(compiled, result);
    const range = best.distribution?.npv;
    // A range whose two ends read the same is not shown as a range.
    const npv = range && money(range.p5!) !== money(range.p95!) ? range : undefined;
    if (npv)
      expect(text).toContain(
        `net gain over ${result.horizonMonths} months, in today's money The net gain is likely to fall between ${money(npv.p5!)} and ${money(npv.p95!)}.`,
      );
    else expect(text).not.toContain("likely to fall between");
    expect(text).not.toMatch(/plain cash/i);
  });

  it("says the payback month is that of every range at its middle, and where the outcomes' months fall", async () => {
    const text = await pageOne(compiled, result);
    const month = best.paybackMonth;
    const ranged = result.assumptions.some((assumption) => assumption.range);
    // It said "Month 12 the month the gain so far turns positive for good: 11.8 months … From then on, it has
    // earned back all it cost." as fact in examples/team.yaml, whose outcomes pay back from month 11 to 13.
    if (month !== null && month > 0)
      expect(text).toContain(
        `the month the gain so far${result.discountRate === 0 ? "" : ", not discounted,"} turns positive for good${ranged ? ", with every range at its middle" : ""}:`,
      );
    const spread = best.distribution?.paybackMonth;
    if (!spread || spread.p5 === null) {
      expect(text).not.toContain("it pays back between");
      return;
    }
    const low = Math.round(spread.p5);
    const high = spread.p95 === null ? null : Math.round(spread.p95);
    const words =
      high === null
        ? `In 9 outcomes out of 10, it pays back in month ${low} at the earliest, or not within ${result.horizonMonths} months.`
        : low === high
          ? `In 9 outcomes out of 10, it pays back in month ${low}.`
          : `In 9 outcomes out of 10, it pays back between month ${low} and month ${high}.`;
    expect(text).toContain(`${words} ${paybackChanceSentence(best.distribution!, result.horizonMonths, result.discountRate)}`);
  });

  it("says whether the deadline is for the first model or the first new one", async () => {
    const text = await pageOne(compiled, result);
    const first = result.scenarios[best.alternative]!.months[0]!;
    const liveAlready = first.liveProjects - first.releases > 0;
    if (best.capacity.projectsDelivered.alternative > 0)
      expect(text).toMatch(liveAlready ? /[Ff]irst new model in production by the end of month \d+/ : /[Ff]irst model in production by the end of month \d+/);
  });

  it("says in which months the recommended option's team has no time for new work, as the months say", async () => {
    if (best.capacity.projectsDelivered.alternative + best.capacity.liveProjectsAtEnd.alternative === 0) return;
    const text = await pageOne(compiled, result);
    const months = result.scenarios[best.alternative]!.months;
    const stops = best.capacity.newWorkStopsMonth.alternative;
    const without = months.filter((month, at) => !month.canStartNewWork && (stops === null || at + 1 < stops)).length;
    // enterprise.yaml once said "it has time for new work to the end" of an option with none in months 1-6.
    if (stops === null && without === 0) expect(text).toMatch(/it has time for new work in every month\./);
    if (stops === null && without > 0) expect(text).toMatch(/it has none in months? \d+(–\d+)?.*, then time for new work to the end\./);
    if (stops !== null && stops === best.capacity.newWorkStopsMonth.baseline) expect(text).toContain("It is the same with");
    // Never the same month twice over ("that happens from month 1" after "From month 1, today's team ...").
    expect(text).not.toMatch(/From month (\d+), today's team has no time left to start new work\. With [^.]*, that happens from month \1\./);
  });
});

describe("page 1's other sentences", () => {
  const seed = readFileSync(new URL("seed.yaml", examples), "utf8");

  it("shows the case's description under its title", async () => {
    const compiled = compile(
      seed.replace(
        "title: One data scientist, three releases a year",
        'title: One data scientist, three releases a year\ndescription: "Prepared for the budget round of May."',
      ),
    );
    const result = buildResult(compiled);
    expect(await pageOne(compiled, result)).toContain("One data scientist, three releases a year Prepared for the budget round of May. A plan of 12 months");
  });

  it("keeps '1 live project' in the singular", async () => {
    // 70 hours of upkeep a project out of 120: today one person keeps one project live, the option (50 hours) two.
    const compiled = compile(`title: One project each
currency: EUR
horizonMonths: 13
discountRate: 0.08
baseline: today
defaults:
  team: { people: 1, hoursPerMonth: 120, hourlyCost: 60 }
  projects: { alreadyLive: 1, upkeepHoursPerMonth: 70, valuePerMonth: 2500, buildHours: 240 }
  releases: { mode: capacity, newWorkThresholdHours: 40 }
scenarios:
  today: { label: Today }
  better:
    label: Better
    projects: { upkeepHoursPerMonth: 50 }
`);
    const result = buildResult(compiled);
    expect(result.comparisons.better!.capacity.maxLiveProjectsPerPerson).toEqual({ baseline: 1, alternative: 2 });
    // It said "One person can keep 1 live projects going today".
    expect(await pageOne(compiled, result)).toContain("One person can keep 1 live project going today, and 2 with “Better”.");
  });

  it("says an extraordinary gain over a plan of one month as such", async () => {
    const compiled = compile(ONE_MONTH_EXTRAORDINARY);
    const result = buildResult(compiled);
    expect(result.judgement.extraordinary.map((flag) => flag.reasons)).toEqual([["yearlyGainAboveHalfPayroll"]]);
    // It said "its gain over the 1 month, €850, is more than half of what today's team is paid over them".
    expect(await pageOne(compiled, result)).toContain(
      "its gain over the plan's one month, €850, is more than half of what today's team is paid over it, €1,000.",
    );
  });

  it("states the gain over a 12-month plan as what it is", async () => {
    const compiled = compile(seed);
    const result = buildResult(compiled);
    const text = await pageOne(compiled, result);
    expect(text).toContain(
      `Before valuing it over time, the gain over the 12 months is ${formatMoney(result.comparisons.compromise!.benefitLastTwelveMonths, "EUR")}.`,
    );
  });
});

describe("page 1's gain before valuing it over time, over a plan of 12 months with cash paid at the start", () => {
  it("says it with that cash and without it, the second the figure run and the web app's card give for the same months", async () => {
    // examples/close-call.yaml: "Every tool we want" pays €2,000 at the start. The web app's card read
    // "Gain, last 12 months €8,632 (months 1 to 12, not discounted, without the cash paid at the start)"
    // beside page 1's "Before valuing it over time, the gain over the 12 months is €6,630.", read as one gain.
    const compiled = compile(readFileSync(new URL("close-call.yaml", examples), "utf8"));
    const result = buildResult(compiled);
    const best = result.comparisons[recommend(result)!.best.alternative]!;
    expect(best.timeZeroNet).toBeLessThan(0);
    expect(best.totalNetBenefit).toBeCloseTo(best.benefitLastTwelveMonths + best.timeZeroNet, 6);
    expect(await pageOne(compiled, result)).toContain(
      `Before valuing it over time, the gain over the 12 months is ${formatMoney(best.totalNetBenefit, "EUR")} with the cash paid at the start, ${formatMoney(best.benefitLastTwelveMonths, "EUR")} without it.`,
    );
  });

  it("says a loss with that cash that is a gain without it as both", async () => {
    // One option that pays €30,000 at the start for tools that cut upkeep from 30 to 12 hours a month: its 12 months gain, the plan loses.
    const compiled = compile(oneOptionCase("    projects: { upkeepHoursPerMonth: 12 }\n    change: { external: { consultants: 30000 } }\n"));
    const result = buildResult(compiled);
    const option = result.comparisons.alt!;
    expect(option.totalNetBenefit).toBeLessThan(0);
    expect(option.benefitLastTwelveMonths).toBeGreaterThan(0);
    expect(await pageOne(compiled, result)).toContain(
      `Before valuing it over time, the loss over the 12 months is ${formatMoney(-option.totalNetBenefit, "EUR")} with the cash paid at the start; without it, a gain of ${formatMoney(option.benefitLastTwelveMonths, "EUR")}.`,
    );
  });
});

describe("page 1 of a close call", () => {
  it("gives the chance the recommended option comes out ahead of the runner-up, from the same draws", async () => {
    const compiled = compile(readFileSync(new URL("close-call.yaml", examples), "utf8"));
    const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());
    const recommendation = recommend(result)!;
    const chance = result.decision!.chanceAbove[recommendation.best.alternative]![recommendation.runnerUp!.alternative]!;
    expect(chance + result.decision!.chanceAbove[recommendation.runnerUp!.alternative]![recommendation.best.alternative]!).toBeCloseTo(1, 12);
    const text = await pageOne(compiled, result);
    expect(text).toContain(`Over the 2,000 outcomes of the ranges, it comes out ahead of “What will be approved” in ${formatChance(chance)} of them.`);
    // A close call: neither option wins in (almost) every outcome.
    expect(chance).toBeGreaterThan(0.3);
    expect(chance).toBeLessThan(0.8);
  });
});

describe("page 1 frames a close call as a choice", () => {
  it("names both options, says by how much and how often the first leads, and sets them side by side", async () => {
    const compiled = compile(readFileSync(new URL("close-call.yaml", examples), "utf8"));
    const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());
    const close = result.judgement.closeCall!;
    expect(close).not.toBeNull();
    const text = await pageOne(compiled, result);
    const label = (name: string) => `“${result.scenarios[name]!.label}”`;
    expect(text).toContain(`Two options are close: ${label(close.best)} and ${label(close.runnerUp)}.`);
    // The gap is the difference of the two figures beside it, to the unit, as `run` and the web app write it
    // (the engine's npvGapToTheUnit): 5,970 − 5,455 = 515. It said "but only €520 more than … (€5,450)", the
    // difference of its figures to three significant figures, beside `run`'s "by €515".
    const best = result.comparisons[close.best]!.npv;
    const runnerUp = result.comparisons[close.runnerUp]!.npv;
    expect(close.npvGapToTheUnit).toBe(Math.round(best) - Math.round(runnerUp));
    const gap = formatMoneyExact(close.npvGapToTheUnit, "EUR");
    expect(text).toContain(
      `${formatMoneyExact(best, "EUR")} over 12 months in today's money, but only ${gap} more than ${label(close.runnerUp)} (${formatMoneyExact(runnerUp, "EUR")})`,
    );
    // The same figure as the close call `run` and the web app write.
    expect(judgementSentences(result)[0]).toContain(`leads ${label(close.runnerUp)} by ${gap} (`);
    // And the table beside it writes the two figures the gap is worked out of.
    const { html: report } = await createReport(compiled, { result });
    const cells = [...report.matchAll(/data-figure="trade-off-npv">([^<]+)</g)].map((match) => match[1]);
    expect(cells).toEqual([formatMoneyExact(best, "EUR"), formatMoneyExact(runnerUp, "EUR")]);
    expect(text).not.toContain("Go ahead with");
    const { html } = await createReport(compiled, { result });
    expect([...html.matchAll(/data-trade-off="([^"]+)"/g)].map((match) => match[1])).toEqual([close.best, close.runnerUp]);
  });

  it("recommends one option when it clearly leads", async () => {
    const compiled = compile(readFileSync(new URL("seed.yaml", examples), "utf8"));
    const result = buildResult(compiled);
    expect(result.judgement.closeCall).toBeNull();
    const text = await pageOne(compiled, result);
    expect(text).toContain("Go ahead with");
    expect(text).not.toContain("Two options are close");
  });
});

describe("page 1's check on extraordinary results", () => {
  const extraordinary = `title: Cheap tools, a large gain
currency: EUR
horizonMonths: 36
discountRate: 0.08
baseline: today
defaults:
  team: {people: 2, hoursPerMonth: 120, hourlyCost: 50}
  projects: {alreadyLive: 3, upkeepHoursPerMonth: {low: 25, high: 40}}
  releases: {mode: schedule, months: []}
scenarios:
  today: {}
  cheap:
    tooling: {licences: {flatPerMonth: 40}}
    projects: {upkeepHoursPerMonth: {low: 2, high: 8}}
`;

  it("fires on an extraordinary result and names the assumptions that move it most", async () => {
    const compiled = compile(extraordinary);
    const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());
    expect(result.judgement.extraordinary.map((flag) => flag.alternative)).toEqual(["cheap"]);
    const text = await pageOne(compiled, result);
    expect(text).toContain("Check these figures before relying on them");
    expect(text).toContain("This is more than published studies of such investments usually find");
    // It names the assumptions "How sure are we?" lists first: here the upkeep ranges.
    const firstRisk = text.slice(text.indexOf("Assumption Net gain if low If high") + "Assumption Net gain if low If high ".length).split(" €")[0]!;
    // In quotes, as the report names every input in its prose: it ran together with the sentence ("most, Upkeep … today, and those below").
    expect(text.slice(0, text.indexOf("How sure are we?"))).toContain(`Check first the assumption that moves it most, “${firstRisk}”, and those below`);
  });

  it("stays silent on the bundled templates", async () => {
    for (const name of ["seed.yaml", "solo.yaml", "team.yaml", "enterprise.yaml"]) {
      const compiled = compile(readFileSync(new URL(name, examples), "utf8"));
      const result = buildResult(compiled);
      expect(result.judgement.extraordinary, name).toEqual([]);
      expect(await pageOne(compiled, result), name).not.toContain("Check these figures");
    }
  });
});

describe("page 1 with ranges that do not move the result", () => {
  it("says so, instead of a range whose two ends read the same", async () => {
    const compiled = compile(`title: A range that moves nothing
currency: EUR
horizonMonths: 12
discountRate: 0
baseline: today
defaults:
  team: {people: 1, hoursPerMonth: 100, hourlyCost: 50}
  projects: {alreadyLive: 2, upkeepHoursPerMonth: 30, valuePerMonth: {low: 1000, high: 3000}}
  releases: {mode: schedule, months: []}
scenarios:
  today: {}
  better: {projects: {upkeepHoursPerMonth: 20}, tooling: {licences: {flatPerMonth: 100}}}
`);
    const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 1_000, seed: 1 }).runAll().summarise());
    const text = await pageOne(compiled, result);
    expect(text).not.toMatch(/between (€[\d,]+) and \1/);
    expect(text).not.toContain("likely to fall between");
    expect(text).toContain(
      `Some inputs are ranges, not single numbers, but none of them moves the net gain of “better” much: over the 1,000 outcomes of the ranges, it stays at about ${formatMoney(result.comparisons.better!.distribution!.npv.p50!, "EUR")}.`,
    );
  });
});

describe("page 1's check of an extraordinary result", () => {
  it("says when several assumptions move it by the same amount, and how many the table shows (the DORA 2020 peer: its revenue inputs tie)", async () => {
    const compiled = compile(readFileSync(new URL("peers/dora-2020-elite-large.yaml", examples), "utf8"));
    const result = buildResult(compiled);
    const best = recommend(result)!.best.alternative;
    const swings = oneAtATimeSensitivity(compiled, best).swings.map((swing) => swing.swing);
    const tied = swings.filter((swing) => Math.abs(swing - swings[0]!) <= 1e-9 * Math.max(1, swings[0]!)).length;
    expect(tied).toBeGreaterThan(3);
    const words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    expect(await pageOne(compiled, result)).toContain(
      `Check first the assumptions that move it most, listed below (${words[tied - 1]} inputs move it by the same amount; the table shows three of them), against the team's own records.`,
    );
  });
});

describe("page 1's deadline beside today's first release", () => {
  it("compares from the change's start: before it the option runs as today does (team.yaml's managed platform started in month 4)", async () => {
    const { parse, stringify } = await import("yaml");
    const data = parse(readFileSync(new URL("team.yaml", examples), "utf8"));
    data.scenarios.managed.change = { ...(data.scenarios.managed.change ?? {}), startMonth: 4 };
    const compiled = compile(stringify(data));
    const result = buildResult(compiled);
    const recommendation = recommend(result)!;
    const text = await pageOne(compiled, result);
    const today = result.scenarios[result.baseline]!.months.find((row) => row.releases > 0 && row.month >= recommendation.changeStartMonth)?.month;
    const first = recommendation.firstReleaseMonth!;
    // Today's month-3 release comes before the change starts, and the option makes it too: not a delay of the change's.
    expect(result.scenarios[result.baseline]!.months[2]!.releases).toBeGreaterThan(0);
    if (today !== undefined && today < first)
      expect(text).toContain(`Today's way of working would release one by the end of month ${today}: the change holds the first release back by`);
    expect(text).not.toContain("Today's way of working would release one by the end of month 3");
  });
});

describe("page 1 when the best option loses money in today's money but not before valuing it over time", () => {
  // The seed with €10,000 of consultants and no licence for "Every tool we want", and a dearer
  // "What will be approved": the best gains a little over the 12 months, pays back in their last
  // month, and loses once later money is valued less.
  const seed = readFileSync(new URL("seed.yaml", examples), "utf8");
  const compiled = compile(seed.replace("value: 3600", "value: 0").replace("value: 2000", "value: 10000").replace("value: 150", "value: 1500"));
  const result = buildResult(compiled);
  const best = result.comparisons[recommend(result)!.best.alternative]!;

  it("says the loss is in today's money, and what it gains and when it pays back before that", async () => {
    expect(recommend(result)!.verdict).toBe("stay");
    expect(best.npv).toBeLessThan(0);
    expect(best.totalNetBenefit).toBeGreaterThan(0);
    expect(best.paybackMonth).not.toBeNull();
    const text = await pageOne(compiled, result);
    // It said "None of the options gains money within 12 months", beside "Month 12 ... it has earned back all it cost".
    expect(text).toContain("None of the options gains money within 12 months in today's money.");
    // The same gain as the card "What it returns" gives before valuing over time (€260 here).
    const gain = /Before valuing it over time, the gain over the 12 months is (€[\d,]+)[ .]/.exec(text)?.[1];
    expect(gain).toBeDefined();
    expect(text).toContain(`Before valuing money over time, it gains ${gain} and pays back in month ${best.paybackMonth};`);
    expect(text).not.toContain("it has earned back all it cost");
    expect(text).toContain("in today's money, it does not within the 12 months.");
  });
});

describe("the report on months with more work than hours", () => {
  // The seed with 50 hours of upkeep a live project: three live projects need 150 hours of the 120.
  const seed = readFileSync(new URL("seed.yaml", examples), "utf8");
  const compiled = compile(seed.replace(/(upkeepHoursPerMonth:\n\s+value:) 30/, "$1 50"));
  const result = buildResult(compiled);

  it("says the hours missing are bought in, as the money counts them, not that the work is left undone", async () => {
    const today = result.scenarios.current!;
    const month = today.months[today.summary.firstOverloadedMonth! - 1]!;
    // The engine buys the missing hours at the loaded rate and keeps every live project's value.
    expect(month.shortfallHours).toBeGreaterThan(0);
    expect(month.overloadCost).toBeCloseTo(month.shortfallHours * today.summary.hourlyCost, 9);
    expect(month.projectValue).toBe(month.liveProjects * 2500);
    const { html } = await createReport(compiled, { result });
    const text = textOf(html.replace(/<\/?span[^>]*>/g, ""));
    expect(text).not.toMatch(/undone/);
    expect(await pageOne(compiled, result)).toContain(
      `From month ${today.summary.firstOverloadedMonth}, today's one-person team has more work than hours: the hours missing are bought in (overtime or contractors) at the team's hourly cost.`,
    );
    expect(text).toContain("Where bars rise above the line, the team has more work than hours: the hours missing are bought in");
    expect(text).toContain("more work than hours: the hours missing are bought in");
  });
});

describe("page 1's gain over the last 12 months of a plan whose change is still under way in them", () => {
  // The seed over 18 months (releases every three months), "What will be approved" set up from month 6
  // over 6 months, "Every tool we want" on a dear licence: the recommended option's last 12 months
  // (7 to 18) hold five months of its setup.
  const seed = readFileSync(new URL("seed.yaml", examples), "utf8");
  const text = `${seed
    .replace("horizonMonths: 12", "horizonMonths: 18")
    .replace("months: [4, 7, 10]", "months: [4, 7, 10, 13, 16]")
    .replace("value: 3600", "value: 30000")}    change:\n      startMonth: 6\n      setupMonths: 6\n      setupHours: 60\n`;
  const compiled = compile(text);
  const result = buildResult(compiled);

  it("does not call them a year of running", async () => {
    const best = result.comparisons[recommend(result)!.best.alternative]!;
    expect(best.alternative).toBe("compromise");
    const summary = result.scenarios.compromise!.summary;
    expect(summary.changeEndMonth).toBe(11);
    // Months 7 to 11 of the last 12 still hold setup hours.
    expect(result.scenarios.compromise!.months.slice(6, 11).every((month) => month.setupHours > 0)).toBe(true);
    const page = await pageOne(compiled, result);
    // It said "Once running, it gains €16,500 a year (the last 12 months of the plan)."
    expect(page).not.toContain("Once running");
    expect(page).toContain(
      `Over the last 12 months of the plan, before valuing it over time, it gains ${formatMoney(best.benefitLastTwelveMonths, "EUR")}; the change is wholly in place only from month 12, so this is not yet a year of running.`,
    );
  });

  it("says a loss over those months as a loss, not as a negative gain", async () => {
    // The same case with a setup of 800 hours: months 7 to 18 lose money, and so does the plan.
    const dear = compile(text.replace("setupHours: 60", "setupHours: 800"));
    const dearResult = buildResult(dear);
    const best = dearResult.comparisons[recommend(dearResult)!.best.alternative]!;
    expect(best.benefitLastTwelveMonths).toBeLessThan(0);
    const page = await pageOne(dear, dearResult);
    // It said "it gains -€14,800".
    expect(page).not.toMatch(/gains [-−]/);
    expect(page).toContain(
      `Over the last 12 months of the plan, before valuing it over time, it loses ${formatMoney(-best.benefitLastTwelveMonths, "EUR")}; the change is wholly in place only from month 12`,
    );
  });

  it("says a loss before valuing over time as a loss (a 12-month plan)", async () => {
    const short = compile(
      text
        .replace("horizonMonths: 18", "horizonMonths: 12")
        .replace("months: [4, 7, 10, 13, 16]", "months: [4, 7, 10]")
        .replace("setupHours: 60", "setupHours: 800"),
    );
    const shortResult = buildResult(short);
    const best = shortResult.comparisons[recommend(shortResult)!.best.alternative]!;
    expect(best.totalNetBenefit).toBeLessThan(0);
    const page = await pageOne(short, shortResult);
    // It said "the gain over the 12 months is -€…".
    expect(page).not.toMatch(/gain over the 12 months is [-−]/);
    // It pays €2,000 at the start: the same months' loss without it is said too.
    expect(page).toContain(
      `Before valuing it over time, the loss over the 12 months is ${formatMoney(-best.totalNetBenefit, "EUR")} with the cash paid at the start, ${formatMoney(-best.benefitLastTwelveMonths, "EUR")} without it.`,
    );
  });

  it("counts no month of an adoption dip that loses no hours", async () => {
    // Set up in months 1–2, with a dip of no share over 12 months: no dip, so months 7 to 18 are a year of running.
    const noDip = compile(
      text.replace("startMonth: 6\n      setupMonths: 6", "startMonth: 1\n      setupMonths: 2\n      adoptionDipShare: 0\n      adoptionDipMonths: 12"),
    );
    const noDipResult = buildResult(noDip);
    expect(noDipResult.scenarios.compromise!.summary.changeEndMonth).toBe(2);
    const best = noDipResult.comparisons[recommend(noDipResult)!.best.alternative]!;
    expect(best.alternative).toBe("compromise");
    // It said "the change is wholly in place only from month 15".
    expect(await pageOne(noDip, noDipResult)).toContain(
      `Once running, it gains ${formatMoney(best.benefitLastTwelveMonths, "EUR")} a year, not discounted (the last 12 months of the plan).`,
    );
  });

  it("does not call them a year of running while today still makes a change of its own", async () => {
    // A change in the defaults, 140 setup hours over months 1–14, is today's too; the option sets up in months 1–2 instead.
    const both = compile(
      text
        .replace("defaults:\n", "defaults:\n  change: { setupHours: 140, setupMonths: 14 }\n")
        .replace("startMonth: 6\n      setupMonths: 6", "startMonth: 1\n      setupMonths: 2"),
    );
    const bothResult = buildResult(both);
    const best = bothResult.comparisons[recommend(bothResult)!.best.alternative]!;
    expect(bothResult.scenarios[best.alternative]!.summary.changeEndMonth).toBe(2);
    expect(bothResult.scenarios.current!.summary.changeEndMonth).toBe(14);
    // Months 7 to 14 of the last 12 still hold today's setup hours, which the comparison counts as the option's gain.
    expect(bothResult.scenarios.current!.months.slice(6, 14).every((month) => month.setupHours > 0)).toBe(true);
    const page = await pageOne(both, bothResult);
    // It said "Once running, it gains … a year".
    expect(page).not.toContain("Once running");
    expect(page).toContain(
      `Over the last 12 months of the plan, before valuing it over time, it gains ${formatMoney(best.benefitLastTwelveMonths, "EUR")}; today's team is making a change of its own until month 14, so this is not yet a year of running.`,
    );
  });

  it("still says 'once running' when the change is over before them (team.yaml)", async () => {
    const team = compile(readFileSync(new URL("team.yaml", examples), "utf8"));
    const teamResult = buildResult(team);
    const best = recommend(teamResult)!.best.alternative;
    expect(teamResult.scenarios[best]!.summary.changeEndMonth).toBeLessThan(teamResult.horizonMonths - 11);
    expect(await pageOne(team, teamResult)).toContain("Once running, it gains");
  });

  it("says the year's gain is not discounted, in a card whose net gain is in today's money (team.yaml)", async () => {
    const team = compile(readFileSync(new URL("team.yaml", examples), "utf8"));
    const teamResult = buildResult(team);
    const best = teamResult.comparisons[recommend(teamResult)!.best.alternative]!;
    // It said "Once running, it gains €118,000 a year (the last 12 months of the plan).", under "net gain over
    // 36 months, in today's money", of a figure `run` calls "not discounted".
    expect(await pageOne(team, teamResult)).toContain(
      `Once running, it gains ${formatMoney(best.benefitLastTwelveMonths, "EUR")} a year, not discounted (the last 12 months of the plan).`,
    );
  });
});

describe("page 1's hours given back, for a case without projects", () => {
  const peers = new URL("peers/", examples);
  const hoursUnit = async (name: string) => {
    const compiled = compile(readFileSync(new URL(name, peers), "utf8"));
    const result = buildResult(compiled);
    const best = recommend(result)!.best.alternative;
    const page = await pageOne(compiled, result);
    return {
      end: result.scenarios[best]!.summary.changeEndMonth,
      horizon: result.horizonMonths,
      unit: /hours a month given back to the team, ([^.]*?) Today/.exec(page)?.[1],
    };
  };

  it("says 'once running' only when the change is over within the plan", async () => {
    // The DORA 2020 paper's transformation keeps 18 people on it all year: the last month is still the change's.
    const dora2020 = await hoursUnit("dora-2020-elite-large.yaml");
    expect(dora2020.end).toBe(dora2020.horizon);
    expect(dora2020.unit).toBe("in the plan's last month");
    // DORA's AI calculator: a three-month dip, then running.
    const ai = await hoursUnit("dora-ai-roi-calculator.yaml");
    expect(ai.end).toBeLessThan(ai.horizon);
    expect(ai.unit).toBe("once running");
  });
});

describe("page 1's payback from the start, with ranges", () => {
  // examples/seed-uncertain.yaml with "What will be approved" free and its upkeep anywhere from 5 to
  // 45 hours: with every range at its middle it never dips below zero, but some outcomes never pay back.
  const text = readFileSync(new URL("seed-uncertain.yaml", examples), "utf8")
    .replace("value: 150", "value: 0")
    .replace(/(compromise:[\s\S]*?upkeepHoursPerMonth: \{ low:) 8, high: 15,/, "$1 5, high: 45,");
  const compiled = compile(text);
  const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());

  it("says 'never' of the middle of the ranges only, beside the chance that it pays back", async () => {
    const best = result.comparisons[recommend(result)!.best.alternative]!;
    expect(best.alternative).toBe("compromise");
    expect(best.paybackMonth).toBe(0);
    expect(best.distribution!.probabilityPaysBack).toBeLessThan(0.95);
    const page = await pageOne(compiled, result);
    // It said "It never costs more than it brings back. The chance that it pays back within 12 months is 84%."
    // Where the outcomes' payback months fall: from none to pay back (P5, month 0) to none within the plan (P95).
    expect(best.distribution!.paybackMonth).toMatchObject({ p5: 0, p95: null });
    expect(page).toContain(
      `With every range at its middle, it never costs more than it brings back. In 9 outcomes out of 10, it ranges from never costing more than it brings back to not paying back within 12 months. ${paybackChanceSentence(best.distribution!, 12, result.discountRate)}`,
    );
  });
});

describe("page 1's live projects the team can keep (examples/team.yaml, a team of 4)", () => {
  it("says the team's whole projects and their share per person, as the months keep them, not one person's rounded down", async () => {
    const compiled = compile(readFileSync(new URL("team.yaml", examples), "utf8"));
    const result = buildResult(compiled);
    const today = result.scenarios.today!;
    // The months keep 9 live projects today, more than 4 × the 2 one person was said to keep.
    expect(Math.max(...today.months.map((month) => month.liveProjects))).toBe(9);
    expect(today.summary.maxLiveProjectsPerPerson).toBe(2);
    const managed = result.scenarios.managed!.summary;
    const text = await pageOne(compiled, result);
    // It said "2 → 7 live projects one person can keep One person can keep 2 live projects going today, and 7 with …".
    expect(text).not.toContain("One person can keep");
    // Then "Today the team of 4 can keep 9 live projects going, about 2.4 per person", read as 9 ÷ 4 =
    // 2.25: the share per person comes first now, then the whole projects the team keeps together.
    expect(text).not.toMatch(/can keep \d+ live projects going, about/);
    const tenth = (value: number) => (Math.round(value * 10) / 10).toFixed(1);
    expect(text).toContain(
      `${today.summary.liveProjectsAtEnd} → ${managed.liveProjectsAtEnd} live projects at the end of the plan (room for ${managed.maxLiveProjects}) Today the team of 4 has hours for about ${tenth(today.summary.liveProjectsPerPerson!)} live projects per person, ${today.summary.maxLiveProjects} whole projects as a team; with “A managed platform”, about ${tenth(managed.liveProjectsPerPerson!)} per person, ${managed.maxLiveProjects} as a team.`,
    );
  });
});

describe("page 1's team card when the plan leaves the room for live projects unused (examples/solo.yaml)", () => {
  it("leads with the live projects the plan keeps, gives the room beside them, and says why no new model starts", async () => {
    const compiled = compile(readFileSync(new URL("solo.yaml", examples), "utf8"));
    const result = buildResult(compiled);
    const best = recommend(result)!.best;
    const today = result.scenarios[result.baseline]!.summary;
    const after = result.scenarios[best.alternative]!;
    // The plan never grows: no release, 2 live at the end, room for 7.
    expect(after.summary).toMatchObject({ projectsDelivered: 0, liveProjectsAtEnd: 2, maxLiveProjects: 7, newWorkStopsMonth: 1 });
    const most = Math.max(...after.months.map((month) => month.freeHours));
    const text = await pageOne(compiled, result);
    // It said "2 → 7 live projects one person can keep", growth the plan never delivers.
    expect(text).not.toContain(`${today.maxLiveProjectsPerPerson} → ${after.summary.maxLiveProjectsPerPerson} live projects one person can keep`);
    expect(text).toContain(
      `What changes for the team ${today.liveProjectsAtEnd} → ${after.summary.liveProjectsAtEnd} live projects at the end of the plan (room for ${after.summary.maxLiveProjects})`,
    );
    // A team of one is not "today's team"; the reason follows "the same".
    expect(text).toContain(
      `From month 1, today's one-person team has no time left to start new work. It is the same with “A managed setup”: its free hours, ${formatHours(most)} a month at most, stay under the ${formatHours(after.summary.newWorkThresholdHours)} it takes to start a new model, so the room for ${after.summary.maxLiveProjects} goes unused.`,
    );
    expect(formatHours(most)).toBe("70 hours");
    expect(text).not.toMatch(/today's team/i);
  });

  it("leads with the live projects the plan keeps when it releases its whole backlog, and says so (examples/team.yaml)", async () => {
    const compiled = compile(readFileSync(new URL("team.yaml", examples), "utf8"));
    const result = buildResult(compiled);
    const today = result.scenarios.today!.summary;
    const managed = result.scenarios.managed!.summary;
    // Every model of the backlog released: 10 live at the end, with hours for 30; every option ends with 10.
    expect(managed).toMatchObject({ backlog: 6, projectsDelivered: 6, liveProjectsAtEnd: 10, maxLiveProjects: 30 });
    for (const scenario of Object.values(result.scenarios))
      if (!scenario.isBaseline) expect(scenario.summary.liveProjectsAtEnd).toBe(managed.liveProjectsAtEnd);
    const text = await pageOne(compiled, result);
    // It said "9 → 30 live projects the team can keep", read as what the plan builds.
    expect(text).not.toContain(`→ ${managed.maxLiveProjects} live projects`);
    expect(text).toContain(
      `What changes for the team ${today.liveProjectsAtEnd} → ${managed.liveProjectsAtEnd} live projects at the end of the plan (room for ${managed.maxLiveProjects})`,
    );
    expect(text).toContain(
      `All ${managed.backlog} models of the backlog are released, so the plan ends with ${managed.liveProjectsAtEnd} live projects and the room for ${managed.maxLiveProjects} goes unused.`,
    );
    expect(text).toContain("today's team has no time left");
  });

  it("keeps the team's room as the big figure when the plan releases models and the backlog has more (examples/team.yaml, no backlog)", async () => {
    const compiled = compile(readFileSync(new URL("team.yaml", examples), "utf8").replace(/\n {4}backlog: \{[^\n]*/, ""));
    const result = buildResult(compiled);
    const managed = result.scenarios.managed!.summary;
    expect(managed.backlog).toBeNull();
    expect(managed.projectsDelivered).toBeGreaterThan(0);
    const text = await pageOne(compiled, result);
    expect(text).toContain(`${result.scenarios.today!.summary.maxLiveProjects} → ${managed.maxLiveProjects} live projects the team can keep`);
    expect(text).not.toContain("at the end of the plan (room for");
    expect(text).not.toContain("of the backlog");
  });
});

describe("page 1's live projects of a part-time team (examples/solo.yaml with half a person)", () => {
  it("counts the team in full-time people and gives a full-time person's share, not more per person than the team keeps", async () => {
    const compiled = compile(readFileSync(new URL("solo.yaml", examples), "utf8").replace(/people: \{ value: 1,/, "people: { value: 0.5,"));
    const result = buildResult(compiled);
    const today = result.scenarios.today!.summary;
    expect(today.people).toBe(0.5);
    expect(today.maxLiveProjects).toBe(1);
    const text = await pageOne(compiled, result);
    // It said "Today the team of 0.5 can keep 1 live project going, about 2.6 per person".
    expect(text).not.toContain("per person");
    expect(text).toContain(
      `Today the team of 0.5 full-time people has hours for about ${(Math.round(today.liveProjectsPerPerson! * 10) / 10).toFixed(1)} live projects per full-time person, 1 whole project as a team;`,
    );
  });

  it("leads with the live projects at the end when a team is over its hours, not with what its hours keep (people 0.4 and 0.1)", async () => {
    const part = (people: number) =>
      compile(readFileSync(new URL("solo.yaml", examples), "utf8").replace(/people: \{ value: 1,/, `people: { value: ${people},`));
    // Today's team over its hours: 2 live projects on hours for 1; the option's keeps its 2 on hours for 2.
    const compiled = part(0.4);
    const result = buildResult(compiled);
    const today = result.scenarios.today!.summary;
    const after = result.scenarios[recommend(result)!.best.alternative]!.summary;
    expect(today).toMatchObject({ liveProjectsAtEnd: 2, maxLiveProjects: 1 });
    expect(after).toMatchObject({ liveProjectsAtEnd: 2, maxLiveProjects: 2 });
    expect(today.overloadedMonths).toHaveLength(result.horizonMonths);
    const text = await pageOne(compiled, result);
    // It said "1 → 2 live projects the team can keep" of two teams that each end the plan with 2.
    expect(text).not.toContain("live projects the team can keep");
    expect(text).toContain(
      `What changes for the team ${today.liveProjectsAtEnd} → ${after.liveProjectsAtEnd} live projects at the end of the plan (today's hours keep ${today.maxLiveProjects})`,
    );
    expect(text).toContain("From month 1, today's team has more work than hours");
    // Both over their hours, every month: what the hours keep, against the 2 each has.
    const tenth = part(0.1);
    const both = buildResult(tenth);
    const bothAfter = both.scenarios[recommend(both)!.best.alternative]!.summary;
    expect([both.scenarios.today!.summary.maxLiveProjects, bothAfter.maxLiveProjects, bothAfter.liveProjectsAtEnd]).toEqual([0, 0, 2]);
    const bothText = await pageOne(tenth, both);
    // It said "0 → 0 live projects the team can keep" of two teams that each keep 2.
    expect(bothText).toContain("What changes for the team 2 → 2 live projects at the end of the plan (more than the hours keep: 0 each)");
    expect(bothText).toContain("have more work than hours");
  });
});

describe("page 1's last year's gain with cash paid in one of its months", () => {
  it("says that cash is in the gain, as run says it, so that it is not taken off a second time", async () => {
    // A 24-month plan whose option starts in month 15 with €700 of consultants, paid at the end of month 14.
    const compiled = compile(
      oneOptionCase("    projects: { upkeepHoursPerMonth: 11 }\n    change: { startMonth: 15, external: { consultants: 700 } }\n").replace(
        "horizonMonths: 12",
        "horizonMonths: 24",
      ),
    );
    const result = buildResult(compiled);
    const option = result.comparisons.alt!;
    expect(option.investment).toMatchObject({ cash: 700, cashMonth: 14 });
    // Month 14's net benefit holds the €700, and the last 12 months (13 to 24) hold month 14.
    expect(option.monthlyNetBenefit[13]).toBeLessThan(0);
    expect(option.benefitLastTwelveMonths).toBeCloseTo(
      option.monthlyNetBenefit.slice(12).reduce((sum, value) => sum + value, 0),
      6,
    );
    const text = await pageOne(compiled, result);
    // It said "Over the last 12 months of the plan, before valuing it over time, it gains €…;" with no word of the €700 in it.
    expect(text).toMatch(/Over the last 12 months of the plan, before valuing it over time, it gains €[\d,]+ \(the cash paid in month 14 included\);/);
  });
});

describe("page 1's payback not within the plan, with ranges", () => {
  // No payback with every range at its middle, but most outcomes (54%) pay back: the card said
  // "By the end of the plan it has still not earned back what it cost." as fact.
  it("says 'not earned back' of the middle of the ranges only, beside the chance that it pays back", async () => {
    const compiled = compile(STAY_ON_AVERAGE_CASE);
    const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());
    const option = result.comparisons.compromise!;
    expect(option.paybackMonth).toBeNull();
    expect(option.distribution!.probabilityPaysBack).toBeGreaterThan(0.5);
    const page = await pageOne(compiled, result);
    expect(page).not.toContain("By the end of the plan it has still not earned back");
    expect(option.distribution!.paybackMonth).toMatchObject({ p5: 0, p95: null });
    expect(page).toContain(
      `With every range at its middle, it has still not earned back what it cost by the end of the plan. In 9 outcomes out of 10, it ranges from never costing more than it brings back to not paying back within 12 months. The chance that it pays back within 12 months, before valuing money over time, is ${formatChance(option.distribution!.probabilityPaysBack)} (of a gain in today's money: ${formatChance(option.distribution!.probabilityNpvPositive)}).`,
    );
  });

  it("says it as fact of single estimates", async () => {
    const compiled = compile(STAY_ON_AVERAGE_CASE.replace("{ low: 10, high: 600 }", "120").replace("{ low: 12, high: 90 }", "30"));
    const result = buildResult(compiled);
    expect(result.comparisons.compromise!.paybackMonth).toBeNull();
    expect(await pageOne(compiled, result)).toContain("It has still not earned back what it cost by the end of the plan.");
  });
});

describe("page 1's chance of coming out ahead, when the recommended option clearly leads", () => {
  it("names the option it comes out ahead of, so that it is not read as the chance of gaining money", async () => {
    // examples/seed-uncertain.yaml with dearer licences: "What will be approved" beats "Every tool we want"
    // in nearly every outcome, but gains money against today in only about half of them.
    const text = readFileSync(new URL("seed-uncertain.yaml", examples), "utf8").replace("value: 3600", "value: 16000").replace("value: 150", "value: 800");
    const compiled = compile(text);
    const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());
    const recommendation = recommend(result)!;
    expect(recommendation.verdict).toBe("go");
    const ahead = result.decision!.chanceAbove.compromise!.optimal!;
    const gains = result.comparisons.compromise!.distribution!.probabilityNpvPositive;
    // Ahead in every one of the samples, never level: said as the count, as the decision section says the same
    // draws ("comes out best in every one of them"), where it read "in over 99% of them" beside it.
    expect(ahead).toBe(1);
    expect(result.decision!.chanceLevel.compromise!.optimal!).toBe(0);
    expect(gains).toBeLessThan(0.75);
    const page = await pageOne(compiled, result);
    // It said "it comes out ahead in over 99% of them", beside "The chance of any gain at all is 55%".
    expect(page).toContain(`Over the 2,000 outcomes of the ranges, it comes out ahead of “Every tool we want” in every one of them.`);
    expect(page).not.toContain("over 99% of them");
    expect(page).toContain(`The chance of any gain at all is ${formatChance(gains)}.`);
  });

  it("does not say a plain 'Go ahead' when the ranges leave a loss likely: the verdict and its reason say so", async () => {
    // The same case: it gains money against today in only about half of the outcomes.
    const text = readFileSync(new URL("seed-uncertain.yaml", examples), "utf8").replace("value: 3600", "value: 16000").replace("value: 150", "value: 800");
    const compiled = compile(text);
    const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());
    const recommendation = recommend(result)!;
    const gains = result.comparisons.compromise!.distribution!.probabilityNpvPositive;
    expect(recommendation.chanceOfGain).toBe(gains);
    expect(recommendation.doubtful).toBe(Math.round(gains * 100) < DOUBTFUL_GAIN_CHANCE * 100);
    expect(recommendation.doubtful).toBe(true);
    const page = await pageOne(compiled, result);
    expect(page).toContain("Go ahead with “What will be approved” only if a loss is a risk you can take.");
    expect(page).toContain(`It is far from sure: over the 2,000 outcomes of the ranges, the chance that it gains money at all is only ${formatChance(gains)}.`);
    // A sure gain keeps the plain verdict.
    const sure = compile(readFileSync(new URL("seed-uncertain.yaml", examples), "utf8"));
    const sureResult = withUncertainty(buildResult(sure), new MonteCarlo(sure, { samples: 2_000, seed: 1 }).runAll().summarise());
    expect(recommend(sureResult)!.doubtful).toBe(false);
    const surePage = await pageOne(sure, sureResult);
    expect(surePage).not.toContain("far from sure");
    expect(surePage).not.toContain("a risk you can take");
  });
});

describe("page 1, for gains above zero under one unit", () => {
  /** examples/seed.yaml over 24 months with every amount of money a hundred-thousandth as large. */
  const text = readFileSync(new URL("seed.yaml", examples), "utf8")
    .replace("horizonMonths: 12\n", "horizonMonths: 24\n")
    .replace("      value: 60\n", "      value: 0.0006\n")
    .replace("      value: 2500\n", "      value: 0.025\n")
    .replace("          value: 3600\n", "          value: 0.036\n")
    .replace("          value: 2000\n", "          value: 0.02\n")
    .replace("          value: 150\n", "          value: 0.0015\n");
  const compiled = compile(text);
  const result = buildResult(compiled);
  const best = result.comparisons[recommend(result)!.best.alternative]!;

  it("says the yearly gain is less than €1, not 'it gains €0 a year'", async () => {
    expect(best.benefitLastTwelveMonths).toBeGreaterThan(0);
    expect(best.benefitLastTwelveMonths).toBeLessThan(0.5);
    const page = await pageOne(compiled, result);
    expect(page).toContain("Once running, it gains less than €1 a year, not discounted (the last 12 months of the plan).");
    expect(page).not.toContain("gains €0");
  });

  it("writes the net gain if an input moves, in the table of what moves it most, 'less than €1', not '€0'", async () => {
    const moved = oneAtATimeSensitivity(compiled, best.alternative).swings.slice(0, 3);
    expect(moved.length).toBe(3);
    for (const swing of moved) {
      expect(swing.npvLow).toBeGreaterThan(0);
      expect(swing.npvHigh).toBeLessThan(0.5);
    }
    const { html } = await createReport(compiled, { result });
    const table = html.match(/<table class="compact" data-figure-table="top-risks">[\s\S]*?<\/table>/)?.[0];
    expect(table).toBeDefined();
    const cells = [...table!.matchAll(/<td class="number">([^<]*)<\/td>/g)].map((match) => match[1]);
    expect(cells).toHaveLength(6);
    expect(new Set(cells)).toEqual(new Set(["less than €1"]));
  });
});

describe("the cash an option asks for, with a change that starts in month 6", () => {
  it("says it is paid in month 5, before the change starts, where page 1 said '€700 up front' and the table 'Up front €700' alone", async () => {
    const compiled = compile(LATE_START_CASE);
    const result = buildResult(compiled);
    expect(result.scenarios.compromise!.summary.initialInvestment).toBe(0);
    expect(result.comparisons.compromise!.investment).toMatchObject({ cash: 700, cashMonth: 5 });
    expect(result.comparisons.optimal!.investment).toMatchObject({ cash: 2000, cashMonth: 0 });
    const page = await pageOne(compiled, result);
    expect(page).toContain("€700 in month 5, before the change starts in month 6, then €1,050 for tools over the 12 months");
    expect(page).not.toContain("up front, then €1,050");
    const { html } = await createReport(compiled, { result });
    const options = textOf(html.match(/<section id="options"[\s\S]*?<\/section>/)![0].replace(/<\/?span[^>]*>/g, ""));
    expect(options).toMatch(/€700\s*\(month 5\)/);
    expect(options).toContain("cash paid in a later month (in brackets under “Up front”) is discounted with that month");
    // Cash at the start keeps its plain figure.
    expect(options).not.toMatch(/€2,000\s*\(month/);
  });
});

describe("page 1's close-call table, with ranges", () => {
  it("labels the ranges in brackets as where the net gain falls in 9 outcomes out of 10, where nothing said what they were", async () => {
    const compiled = compile(readFileSync(new URL("close-call.yaml", examples), "utf8"));
    const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());
    const { html } = await createReport(compiled, { result });
    const table = html.match(/<table class="compact trade-off[^"]*"[\s\S]*?<\/table>\s*<p[^>]*>[\s\S]*?<\/p>/)![0].replace(/<\/?span[^>]*>/g, "");
    expect(result.comparisons.compromise!.distribution!.npv.p5).toBeLessThan(0);
    expect(textOf(table)).toMatch(/\(-€[\d,]+ to €[\d,]+\)/);
    expect(textOf(table)).toContain("In brackets: where the net gain falls in 9 outcomes out of 10.");
  });

  it("says its payback months are those with every range at its middle, where the month stood alone beside a chance over every outcome", async () => {
    const compiled = compile(readFileSync(new URL("close-call.yaml", examples), "utf8"));
    const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());
    const { html } = await createReport(compiled, { result });
    const table = textOf(html.match(/<table class="compact trade-off[^"]*"[\s\S]*?<\/table>\s*<p[^>]*>[\s\S]*?<\/p>/)![0].replace(/<\/?span[^>]*>/g, ""));
    // "What will be approved" pays back in month 5 with every range at its middle, in 89% of the outcomes within the plan.
    expect(result.comparisons.compromise!.paybackMonth).toBe(5);
    expect(table).toContain("month 5");
    expect(table).toContain("Pays back: with every range at its middle.");
  });

  it("has no such note without ranges in brackets", async () => {
    const compiled = compile(readFileSync(new URL("close-call.yaml", examples), "utf8"));
    const { html } = await createReport(compiled, { result: buildResult(compiled) });
    expect(html).not.toContain("In brackets");
  });
});

describe("the report's method note on team time", () => {
  it("prices the change's hours as page 1 does, idle ones at the capture share, where it said every hour is 'valued at the cost of an hour of the team's time'", async () => {
    // examples/solo.yaml: page 1 says 212 hours of the team's time worth €10,900, not 212 × the hourly cost.
    const compiled = compile(readFileSync(new URL("solo.yaml", examples), "utf8"));
    const result = buildResult(compiled);
    const { html } = await createReport(compiled, { result });
    const text = textOf(html.replace(/<\/?span[^>]*>/g, ""));
    expect(text).not.toContain("is valued at the cost of an hour of the team's time");
    expect(text).toContain(
      `Team time on the change is priced at what it displaces: an hour the team would have spent building, or has to buy, at the full cost of an hour of its time; an hour it would have left idle at ${Math.round(result.freedHoursCaptureShare * 100)}% of that cost, as freed hours count. Every hour is counted once.`,
    );
    // The rule the note states is the one page 1's figure follows: some hours below the full rate.
    const best = result.comparisons[recommend(result)!.best.alternative]!;
    const rate = result.scenarios[best.alternative]!.summary.hourlyCost;
    expect(best.investment.teamHoursCost).toBeLessThan(best.investment.teamHours * rate);
  });
});

describe("page 1's check of an extraordinary result, beside today's payroll", () => {
  it("says a yearly gain above today's whole payroll is more than it, where it said 'more than half of' it", async () => {
    const compiled = compile(ABOVE_PAYROLL_CASE);
    const result = buildResult(compiled);
    const page = await pageOne(compiled, result);
    expect(page).toContain("its gain over the last 12 months, €343,000, is more than what today's team is paid over them, €338,000,");
    expect(page).not.toContain("€343,000, is more than half of");
    // Below the whole payroll, "more than half of" it still.
    expect(page).toContain("the gain over the last 12 months, €315,000, is more than half of what today's team is paid over them, €338,000,");
  });
});

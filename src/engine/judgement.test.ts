import { describe, expect, it } from "vitest";
import {
  buildResult,
  closeByGap,
  deadlineOf,
  gapShareOf,
  MonteCarlo,
  recommend,
  sameAsBest,
  sameGainGroups,
  validateScenarioText,
  withUncertainty,
  type CaseResult,
} from "./index.js";

// One person, 100 hours a month at 10, one live project; options that cut its upkeep by different amounts.
function resultOf(scenarios: string, extra = "", todaysUpkeep = "60"): CaseResult {
  const text = `title: Judgement
currency: EUR
horizonMonths: 24
discountRate: 0
freedHoursCaptureShare: 1
baseline: a
defaults: {team: {people: 1, hoursPerMonth: 100, hourlyCost: 10}, projects: {alreadyLive: 1, upkeepHoursPerMonth: ${todaysUpkeep}}, releases: {mode: schedule, months: []}}
${extra}scenarios:
  a: {}
${scenarios}`;
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("\n"));
  const result = buildResult(validation.compiled);
  if (validation.compiled.uncertainLeaves.length === 0) return result;
  return withUncertainty(result, new MonteCarlo(validation.compiled, { samples: 4000, seed: 7 }).runAll().summarise());
}

describe("a close call", () => {
  it("is two options whose net gains are within 10% of the best's", () => {
    // Each month: b saves 30 hours (300), c 28 (280), minus a 50 licence: 250 and 230 a month.
    const result = resultOf(`  b: {projects: {upkeepHoursPerMonth: 30}, tooling: {licences: {flatPerMonth: 50}}}
  c: {projects: {upkeepHoursPerMonth: 32}, tooling: {licences: {flatPerMonth: 50}}}
`);
    const close = result.judgement.closeCall!;
    expect(close.best).toBe("b");
    expect(close.runnerUp).toBe("c");
    expect(close.npvGap).toBeCloseTo(24 * 20, 6);
    expect(close.gapShare).toBeCloseTo(20 / 250, 9);
    expect(close.chanceBestAhead).toBeNull();
  });

  it("names every option level with the best in every outcome: three copies of one option, with ranges or without", () => {
    const copies = `  b: {projects: {upkeepHoursPerMonth: 30}, tooling: {licences: {flatPerMonth: 50}}}
  c: {projects: {upkeepHoursPerMonth: 30}, tooling: {licences: {flatPerMonth: 50}}}
  d: {projects: {upkeepHoursPerMonth: 30}, tooling: {licences: {flatPerMonth: 50}}}
  e: {projects: {upkeepHoursPerMonth: 31}, tooling: {licences: {flatPerMonth: 50}}}
`;
    // Without ranges, the one outcome: b, c and d gain the same; e does not.
    expect(resultOf(copies).judgement.closeCall).toMatchObject({ best: "b", runnerUp: "c", levelWithBest: ["c", "d"] });
    // With ranges, level in every outcome (decision.chanceLevel 1), e in none: today's upkeep is the range.
    const ranged = resultOf(copies, "", "{low: 50, high: 70}");
    expect(ranged.decision!.chanceLevel.b!.d).toBe(1);
    expect(ranged.judgement.closeCall).toMatchObject({ best: "b", runnerUp: "c", levelWithBest: ["c", "d"] });
    // Copies of a range drawn each on its own are not level in every outcome.
    const apart = resultOf(copies.replaceAll("upkeepHoursPerMonth: 30", "upkeepHoursPerMonth: {low: 25, high: 35}"));
    expect(apart.judgement.closeCall?.levelWithBest ?? []).toEqual([]);
  });

  it("is not one where the best gains clearly more", () => {
    const result = resultOf(`  b: {projects: {upkeepHoursPerMonth: 30}}
  c: {projects: {upkeepHoursPerMonth: 50}}
`);
    expect(result.judgement.closeCall).toBeNull();
  });

  it("is, with ranges, one where the best comes out ahead in fewer than 75% of outcomes, even with a wider gap", () => {
    // b's upkeep is 10 to 50 hours (a 90% range, median about 22): its net gain at the median beats c's fixed
    // 28 hours by about 15%, but b's upkeep is above 28 in about a third of the outcomes.
    const result = resultOf(`  b: {projects: {upkeepHoursPerMonth: {low: 10, high: 50}}}
  c: {projects: {upkeepHoursPerMonth: 28}}
`);
    const close = result.judgement.closeCall!;
    expect(close.gapShare).toBeGreaterThan(0.1);
    expect(close.chanceBestAhead).toBe(result.decision!.chanceAbove[close.best]![close.runnerUp]);
    expect(close.chanceBestAhead!).toBeLessThan(0.75);
  });

  it("needs a best option that gains money", () => {
    const result = resultOf(`  b: {tooling: {licences: {flatPerMonth: 50}}}
  c: {tooling: {licences: {flatPerMonth: 51}}}
`);
    expect(result.judgement.closeCall).toBeNull();
  });

  it("is only ever of the recommended option, and only of a 'go': page 1 sets the two side by side on the close call alone", () => {
    const cases = [
      // Within 10%, a clear winner, twins listed either way round (the same net gain: the first listed leads
      // in both), a best that loses money, and a close call by the chance of coming out ahead.
      `  b: {projects: {upkeepHoursPerMonth: 30}, tooling: {licences: {flatPerMonth: 50}}}\n  c: {projects: {upkeepHoursPerMonth: 32}, tooling: {licences: {flatPerMonth: 50}}}\n`,
      `  b: {projects: {upkeepHoursPerMonth: 30}}\n  c: {projects: {upkeepHoursPerMonth: 50}}\n`,
      `  b: {projects: {upkeepHoursPerMonth: 30}}\n  c: {projects: {upkeepHoursPerMonth: 30}}\n`,
      `  c: {projects: {upkeepHoursPerMonth: 30}}\n  b: {projects: {upkeepHoursPerMonth: 30}}\n`,
      `  b: {tooling: {licences: {flatPerMonth: 50}}}\n  c: {tooling: {licences: {flatPerMonth: 51}}}\n`,
      `  b: {projects: {upkeepHoursPerMonth: {low: 10, high: 50}}}\n  c: {projects: {upkeepHoursPerMonth: 28}}\n`,
    ];
    const seen = cases.map((scenarios) => {
      const result = resultOf(scenarios);
      const recommendation = recommend(result)!;
      const close = result.judgement.closeCall;
      if (close) expect([close.best, recommendation.verdict]).toEqual([recommendation.best.alternative, "go"]);
      return close === null ? "none" : close.best;
    });
    // Both kinds are checked: four close calls (the twins' led by whichever is listed first) and two without.
    expect(seen).toEqual(["b", "none", "b", "c", "none", "b"]);
  });
});

describe("the options a close call sets side by side (CloseCall.options, npvShown, sameOnEveryFigure)", () => {
  // 30 hours a month saved at 10 over 24 months: 7,200, less two years of each licence.
  const option = (name: string, perYear: number) => `  ${name}: {projects: {upkeepHoursPerMonth: 30}, tooling: {licences: {flatPerYear: ${perYear}}}}\n`;

  it("names every option that gains the same as the next, not only as the best: net gains of 6,000, 5,999.60 and 5,999.20, each shown with the first's", () => {
    // c gains the same as b (0.40 apart) and d as c (0.40 apart), though d is 0.80 from b: it was named nowhere.
    const result = resultOf(option("b", 600) + option("c", 600.2) + option("d", 600.4));
    expect(result.comparisons.d!.npv).toBeCloseTo(5999.2, 6);
    const close = result.judgement.closeCall!;
    expect(close.options).toEqual(["b", "c", "d"]);
    expect(close.npvShown).toEqual({ b: result.comparisons.b!.npv, c: result.comparisons.b!.npv, d: result.comparisons.b!.npv });
    expect(sameGainGroups(result)).toEqual([["b", "c", "d"]]);
  });

  it("names a third option that is itself close to the best (within 10% of its net gain), each with its own figure, and no option further behind", () => {
    // b 6,000; c 5,700 (5% behind); d 5,580 (7% behind: close too, and was named nowhere); e 3,000 (50% behind).
    const result = resultOf(option("b", 600) + option("c", 750) + option("d", 810) + option("e", 2100));
    const close = result.judgement.closeCall!;
    expect([close.best, close.runnerUp]).toEqual(["b", "c"]);
    expect(close.options).toEqual(["b", "c", "d"]);
    expect(close.npvShown).toEqual({ b: result.comparisons.b!.npv, c: result.comparisons.c!.npv, d: result.comparisons.d!.npv });
    expect(close.sameOnEveryFigure).toBe(false);
  });

  it("says which options are named for the chance of coming out ahead alone (closeByChance): a third 23% behind, the best ahead of it in fewer than 75% of outcomes", () => {
    // b 5,200 and c 4,960 (5% behind: close by the gap); d's upkeep a wide range, 4,003 at its middle (23% behind).
    const result = resultOf(
      `  b: {projects: {upkeepHoursPerMonth: 30}, tooling: {licences: {flatPerYear: 1000}}}\n  c: {projects: {upkeepHoursPerMonth: 31}, tooling: {licences: {flatPerYear: 1000}}}\n  d: {projects: {upkeepHoursPerMonth: {low: 12, high: 102}}, tooling: {licences: {flatPerYear: 1000}}}\n`,
    );
    const close = result.judgement.closeCall!;
    expect(close.options).toEqual(["b", "c", "d"]);
    expect(result.decision!.chanceAbove.b!.d).toBeLessThan(0.75);
    expect(close.closeByChance).toEqual(["d"]);
    // Without ranges, none is.
    expect(resultOf(option("b", 600) + option("c", 750) + option("d", 810)).judgement.closeCall!.closeByChance).toEqual([]);
  });

  it("says when the options are the same on every figure: two copies of one option without ranges", () => {
    const copies = resultOf(option("b", 600) + option("c", 600));
    expect(copies.judgement.closeCall).toMatchObject({ options: ["b", "c"], sameOnEveryFigure: true });
    // The same net gain, but one pays up front: not the same on every figure.
    const upFront = resultOf(
      `${option("b", 600)}  c: {projects: {upkeepHoursPerMonth: 30}, tooling: {licences: {flatPerYear: 500}}, change: {external: {consultants: 200}}}\n`,
    );
    expect(upFront.judgement.closeCall).toMatchObject({ options: ["b", "c"], sameOnEveryFigure: false });
  });

  it("with ranges, counts the ends of each net gain's 90% range among the figures", () => {
    const ranged = (upkeep: string) =>
      `  b: {projects: {upkeepHoursPerMonth: ${upkeep}}, tooling: {licences: {flatPerYear: 600}}}\n  c: {projects: {upkeepHoursPerMonth: ${upkeep}}, tooling: {licences: {flatPerYear: 600}}}\n`;
    // Copies level in every outcome (today's upkeep is the range): the same ranges.
    expect(resultOf(ranged("30"), "", "{low: 50, high: 70}").judgement.closeCall).toMatchObject({ options: ["b", "c"], sameOnEveryFigure: true });
    // Copies whose ranges are each drawn on their own: the same at the middle, but page 1's table gives each its own 90% range.
    const apart = resultOf(ranged("{low: 25, high: 35}"));
    const npv = (name: string) => apart.comparisons[name]!.distribution!.npv;
    expect(npv("b").p5).not.toBeCloseTo(npv("c").p5!, 0);
    expect(apart.judgement.closeCall).toMatchObject({ sameOnEveryFigure: false });
  });
});

describe("the close call's split and gaps, one rule for page 1, run and the web app (sameAsBest, gapShareOf, closeByGap)", () => {
  // Page 1 and the command line's and web app's sentence each split the options and worked out each gap's
  // share of the best's net gain on their own; the engine's test of closeness is the one they now use.
  const option = (name: string, perYear: number) => `  ${name}: {projects: {upkeepHoursPerMonth: 30}, tooling: {licences: {flatPerYear: ${perYear}}}}\n`;

  it("splits the options into those that gain the same as the best and those it leads", () => {
    // b 6,000 and c 5,999.60 gain the same; d 5,580 is 7% behind.
    const result = resultOf(option("b", 600) + option("c", 600.2) + option("d", 810));
    const close = result.judgement.closeCall!;
    expect(close.options).toEqual(["b", "c", "d"]);
    expect(sameAsBest(close)).toEqual(["b", "c"]);
    expect(sameAsBest({ best: "a", options: ["a", "b"], npvShown: { a: 100, b: 90 } })).toEqual(["a"]);
  });

  it("gives each gap's share of the best's net gain, and whether it is close by itself, as the close call decides", () => {
    const result = resultOf(option("b", 600) + option("c", 750) + option("d", 810) + option("e", 2100));
    const close = result.judgement.closeCall!;
    const npv = (name: string) => result.comparisons[name]!.npv;
    expect(close.gapShare).toBe(gapShareOf(npv("b"), npv("c")));
    expect(gapShareOf(npv("b"), npv("d"))).toBeCloseTo(0.07, 9);
    expect(closeByGap(npv("b"), npv("d"))).toBe(true);
    expect(closeByGap(npv("b"), npv("e"))).toBe(false);
    expect(closeByGap(10_000, 9_000)).toBe(true);
    expect(closeByGap(10_000, 8_999)).toBe(false);
    expect(gapShareOf(-200, -300)).toBeCloseTo(0.5, 9);
  });
});

describe("deadlineOf", () => {
  it("is the recommendation's deadline of the option recommended", () => {
    const result = resultOf(`  b: {projects: {upkeepHoursPerMonth: 30}}\n`);
    const recommendation = recommend(result)!;
    const { changeStartMonth, firstReleaseMonth, releasesBeforeChange, todayFirstReleaseMonth } = recommendation;
    expect(deadlineOf(result, "b")).toEqual({ changeStartMonth, firstReleaseMonth, releasesBeforeChange, todayFirstReleaseMonth });
  });
});

describe("an extraordinary result", () => {
  it("is a yearly gain above half of today's payroll over the same months", () => {
    // b frees 60 hours a month, 600 of a 1,000 payroll: 7,200 a year against 12,000.
    const result = resultOf(`  b: {projects: {upkeepHoursPerMonth: 0}}
`);
    const [flag] = result.judgement.extraordinary;
    expect(flag!.alternative).toBe("b");
    expect(flag!.reasons).toEqual(["yearlyGainAboveHalfPayroll"]);
    expect(flag!.yearlyGain).toBeCloseTo(12 * 600, 6);
    expect(flag!.payroll).toBeCloseTo(12_000, 6);
  });

  it("is an ROI above 500%", () => {
    // 100 a month saved for a 15 licence: ROI (100 − 15) ÷ 15 = 567%; with a 20 licence, 400%: not extraordinary.
    const result = resultOf(`  b: {projects: {upkeepHoursPerMonth: 50}, tooling: {licences: {flatPerMonth: 15}}}
  c: {projects: {upkeepHoursPerMonth: 50}, tooling: {licences: {flatPerMonth: 20}}}
`);
    expect(result.comparisons.b!.roi).toBeCloseTo(85 / 15, 9);
    expect(result.comparisons.c!.roi).toBeCloseTo(4, 9);
    expect(result.judgement.extraordinary.map((flag) => [flag.alternative, flag.reasons])).toEqual([["b", ["roiAboveFiveHundredPercent"]]]);
  });

  it("is silent on an ordinary result", () => {
    // 100 a month saved for a 50 licence: ROI 100%, 600 a year against 12,000 of payroll.
    const result = resultOf(`  b: {projects: {upkeepHoursPerMonth: 50}, tooling: {licences: {flatPerMonth: 50}}}
`);
    expect(result.judgement.extraordinary).toEqual([]);
  });
});

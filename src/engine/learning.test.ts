import { describe, expect, it } from "vitest";
import { drawInputs, leafQuantile } from "./draws.js";
import { approvedMoney, calibrate, LEARNING_HOURS_OFFSET, LEARNING_HOURS_SIGMA, learnFromMonths, type LearningMonth } from "./learning.js";
import type { CompiledCase } from "./model/compiled.js";
import { validateScenarioText } from "./scenario/validate.js";
import { buildResult } from "./build-result.js";
import { MonteCarlo } from "./monte-carlo.js";
import { createRandom, deriveSeed, fillUniform, inverseNormalCdf, latinHypercubeColumn } from "./uncertainty/index.js";

/**
 * A plan with three ranges the recorded months observe: upkeep per live project after the change,
 * the change failure rate and the hours to restore service; deployments are a number (4 per live
 * project a month). Releases every second month from month 2.
 */
const text = `title: Learning test
currency: EUR
horizonMonths: 36
discountRate: 0.08
baseline: current
defaults:
  team:
    people: 3
    hoursPerMonth: 120
    hourlyCost: 60
  projects:
    upkeepHoursPerMonth: 6
    valuePerMonth: 2500
  releases:
    mode: schedule
    months: [2, 4, 6, 8, 10, 12]
  breakage:
    deploymentsPerProjectPerMonth: 4
    changeFailureRate: { low: 0.05, high: 0.25 }
    hoursToRestore: { low: 1, high: 6 }
    outageCostPerHour: 200
scenarios:
  current:
    label: Today
  better:
    label: Better tooling
    projects:
      upkeepHoursPerMonth: { low: 1.5, high: 4 }
    tooling:
      licences:
        perUserPerMonth: 100
    change:
      setupHours: 60
      setupMonths: 1
`;

function compiledCase(): CompiledCase {
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("\n"));
  return validation.compiled;
}

/** Poisson draws by inversion (small means only). */
function poisson(random: () => number, mean: number): number {
  let k = 0;
  let term = Math.exp(-mean);
  let cumulative = term;
  const u = random();
  while (u > cumulative && k < 10_000) {
    k++;
    term *= mean / k;
    cumulative += term;
  }
  return k;
}

/** Hours recorded around `expected` by the update's own observation model (lognormal on hours + offset). */
function noisyHours(random: () => number, expected: number): number {
  return Math.max(0, (expected + LEARNING_HOURS_OFFSET) * Math.exp(LEARNING_HOURS_SIGMA * inverseNormalCdf(random())) - LEARNING_HOURS_OFFSET);
}

const names = {
  upkeep: "scenarios.better.projects.upkeepHoursPerMonth",
  failureRate: "defaults.breakage.changeFailureRate",
  restore: "defaults.breakage.hoursToRestore",
} as const;

/** A true case drawn from the plan's ranges, and its recorded months 1 to `months`. */
function trueCase(compiled: CompiledCase, seed: number, months: number): { truth: Record<string, number>; recorded: LearningMonth[] } {
  const random = createRandom(seed);
  const truth: Record<string, number> = {};
  for (const name of Object.values(names)) {
    const leaf = compiled.leaves.find((candidate) => candidate.name === name)!;
    truth[name] = leafQuantile(leaf, random());
  }
  const planned = buildResult(compiled).scenarios.better!.months;
  const recorded: LearningMonth[] = [];
  for (let month = 1; month <= months; month++) {
    const live = planned[month - 1]!.liveProjects;
    // Month 1 is the change's setup: the baseline's upkeep (6 h a project, a number) is in force.
    const upkeepRate = month < 2 ? 6 : truth[names.upkeep]!;
    const deployments = poisson(random, 4 * live);
    const incidents = poisson(random, deployments * truth[names.failureRate]!);
    recorded.push({
      month,
      liveProjects: live,
      values: {
        upkeepHours: noisyHours(random, upkeepRate * live),
        deployments,
        incidents,
        ...(incidents > 0 ? { hoursToRestore: noisyHours(random, incidents * truth[names.restore]!) } : {}),
      },
    });
  }
  return { truth, recorded };
}

describe("a forecast that learns, against a known truth", () => {
  const compiled = compiledCase();

  it("covers the true inputs with its 90% ranges about 90% of the time, and narrows as months accrue", () => {
    const trials = 60;
    const accrued = [3, 12] as const;
    const hits = { 3: 0, 12: 0 };
    const checks = { 3: 0, 12: 0 };
    const widths = { 3: 0, 12: 0 };
    let tempered = 0;
    const moved = { 3: 0, 12: 0 };

    for (let trial = 0; trial < trials; trial++) {
      const { truth, recorded } = trueCase(compiled, 1000 + trial, 12);
      for (const months of accrued) {
        const learned = learnFromMonths(compiled, "better", "current", recorded.slice(0, months), { samples: 400, seed: 7 + trial });
        if (learned.tempering < 1) tempered++;
        if (learned.resampleMoveStages > 0) moved[months]++;
        for (const input of learned.inputs) {
          const value = truth[input.input]!;
          checks[months]++;
          if (value >= input.now.p5 && value <= input.now.p95) hits[months]++;
          widths[months] += input.widthShare;
        }
      }
    }
    const coverage3 = hits[3] / checks[3];
    const coverage12 = hits[12] / checks[12];
    // Measured: 136 of 157 (0.866) after 3 months (a month with no failure observes no hours to
    // restore, so fewer checks) and 161 of 180 (0.894) after 12. A well-calibrated update covers 90%;
    // with about 170 checks the binomial standard error is 2.3 points, and 400 samples per update add
    // a little: 0.82–0.97 is about ±3.5 standard errors.
    expect(coverage3).toBeGreaterThan(0.82);
    expect(coverage3).toBeLessThan(0.97);
    expect(coverage12).toBeGreaterThan(0.82);
    expect(coverage12).toBeLessThan(0.97);
    expect(checks[12]).toBe(trials * 3);
    // Narrower with more months: the average 90% width as a share of the plan's (measured 0.67 after 3 months, 0.28 after 12).
    expect(widths[12] / checks[12]).toBeLessThan(widths[3] / checks[3]);
    expect(widths[12] / checks[12]).toBeLessThan(0.45);
    // Twelve months of data outweigh what 400 plan samples can carry: the samples were moved (resample-move), never tempered.
    expect(moved[12]).toBe(trials);
    expect(tempered).toBe(0);
  }, 60_000);

  it("with no recorded month, today's ranges and money are the plan's, number for number", () => {
    const validation = validateScenarioText(text);
    const learned = learnFromMonths(
      compiled,
      "better",
      "current",
      [],
      { samples: 200, money: true },
      {
        file: validation.file!,
        recorded: [],
        upFrontRecordedInMonth1: false,
        liveProjects: 0,
        releasedSoFar: 0,
      },
    );
    expect(learned.inputs).toEqual([]);
    expect(learned.observed).toEqual([]);
    expect(learned.calibration.verdict).toBe("nothing to check");
    expect(learned.effectiveSamples).toBe(200);
    expect(learned.money!.now).toEqual(learned.money!.planned);
  });

  it("moves the samples and says so when the months lie far outside the plan's range", () => {
    const months: LearningMonth[] = [2, 3, 4, 5, 6].map((month) => ({ month, liveProjects: 2, values: { upkeepHours: 2 * 40 } }));
    const learned = learnFromMonths(compiled, "better", "current", months, { samples: 500 });
    expect(learned.resampleMoveStages).toBeGreaterThan(0);
    expect(learned.tempering).toBe(1);
    expect(learned.warning).toMatch(/outside most of the plan's ranges/);
    const upkeep = learned.inputs.find((input) => input.input === names.upkeep)!;
    expect(upkeep.moved).toBeGreaterThan(0.3);
    expect(learned.observed[0]!.inside).toBe(false);
  });

  it("tempers the update, and says so, when the inputs the months measure are correlated and cannot be moved alone", () => {
    const correlated = `${text}correlations:
  - between: [defaults.breakage.changeFailureRate, defaults.breakage.hoursToRestore]
    rank: 0.5
`;
    const validation = validateScenarioText(correlated);
    if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("\n"));
    // Half of every change fails, where the plan said 5% to 25%.
    const months: LearningMonth[] = [2, 3, 4, 5, 6, 7].map((month) => ({ month, liveProjects: 2, values: { deployments: 40, incidents: 20 } }));
    const learned = learnFromMonths(validation.compiled, "better", "current", months, { samples: 500 });
    expect(learned.resampleMoveStages).toBe(0);
    expect(learned.tempering).toBeGreaterThan(0);
    expect(learned.tempering).toBeLessThan(1);
    // The plan's samples as the months weigh them, before tempering: hardly any fit.
    expect(learned.effectiveSamples).toBeLessThan(100);
    expect(learned.warning).toMatch(/tempered/);
    const rate = learned.inputs.find((input) => input.input === names.failureRate)!;
    expect(rate.moved).toBeGreaterThan(0.4);
  });

  it("moves the samples from the plan's own draws: the probabilities it regenerates give the values the Monte Carlo drew", () => {
    for (const latinHypercube of [false, true]) {
      const columns = drawInputs(compiled, 300, 11, latinHypercube);
      compiled.uncertainLeaves.forEach((leaf, input) => {
        const probabilities = new Float64Array(300);
        const random = createRandom(deriveSeed(11, leaf));
        if (latinHypercube) latinHypercubeColumn(random, 300, probabilities);
        else fillUniform(random, probabilities);
        // The same values but for rounding (the Monte Carlo's inverse transform works a column at a time).
        probabilities.forEach((u, sample) => {
          const drawn = columns[input]![sample]!;
          expect(Math.abs(leafQuantile(compiled.leaves[leaf]!, u) - drawn)).toBeLessThan(1e-8 * Math.max(1, Math.abs(drawn)));
        });
      });
    }
  });

  it("gives each input's and each measured figure's plan range as the file's own, not its samples' percentiles", () => {
    // Months 3 to 5 after the change: upkeep, deployments, failures and hours to restore recorded.
    const months: LearningMonth[] = [3, 4, 5].map((month) => ({
      month,
      liveProjects: 2,
      values: { upkeepHours: 6, deployments: 8, incidents: 1, hoursToRestore: 3 },
    }));
    const learned = learnFromMonths(compiled, "better", "current", months, { samples: 200 });
    const plannedOf = (name: string) => learned.inputs.find((input) => input.input === name)!.planned;
    // The 200 samples' 5th and 95th percentiles read about 1.55 to 3.9, not the file's 1.5 to 4.
    expect(plannedOf(names.upkeep)).toEqual({ p5: 1.5, p50: Number(Math.sqrt(1.5 * 4).toPrecision(12)), p95: 4 });
    expect([plannedOf(names.failureRate).p5, plannedOf(names.failureRate).p95]).toEqual([0.05, 0.25]);
    expect([plannedOf(names.restore).p5, plannedOf(names.restore).p95]).toEqual([1, 6]);
    for (const figure of ["upkeepPerLiveProject", "changeFailureRate", "restoreHoursPerFailure"] as const) {
      expect(learned.observed.find((check) => check.figure === figure)).toMatchObject({ plannedFrom: "range" });
    }
    expect(learned.observed.find((check) => check.figure === "upkeepPerLiveProject")!.planned).toMatchObject({ p5: 1.5, p95: 4 });
  });

  it("gives the plan's money as approved: the standard Monte Carlo's distribution of the approved option", () => {
    const approved = approvedMoney(compiled, "better");
    const standard = MonteCarlo.summaryOf(compiled, { samples: 10_000, seed: 1 }).distributions.better!;
    expect(approved).toMatchObject({
      npv: { p5: standard.npv.p5, p50: standard.npv.p50, p95: standard.npv.p95 },
      probabilityPaysBack: standard.probabilityPaysBack,
      samples: 10_000,
      seed: 1,
      sampling: "random",
    });
  });

  it("observes the baseline's inputs in months before the change is in place", () => {
    // Month 1 is the setup: upkeep then is the baseline's (a number), so no range is learned from it.
    const learned = learnFromMonths(compiled, "better", "current", [{ month: 1, liveProjects: 1, values: { upkeepHours: 6 } }], { samples: 200 });
    expect(learned.inputs).toEqual([]);
  });
});

describe("calibration", () => {
  // Constructed checks: a value within half a half-width of the median is taken to be in the middle half.
  const check = (halfWidths: number) => ({ inside: halfWidths <= 1, halfWidths, inMiddleHalf: halfWidths <= 0.5 });

  it("7 of 10 inside: about right (3 misses in 10 happen 7% of the time with well-judged ranges)", () => {
    const result = calibrate([0.1, 0.3, 0.5, 0.6, 0.8, 0.9, 1, 1.4, 1.8, 2.5].map(check));
    expect(result.summary).toBe("7 of 10 inside the planned 90% range: your ranges were about right");
    expect(result.chance).toBeCloseTo(0.0702, 4);
  });

  it("5 of 10 inside: too narrow, widened by the factor that puts 9 of 10 inside", () => {
    const result = calibrate([0.2, 0.4, 0.6, 0.8, 1, 1.3, 1.5, 2.04, 2.6, 4].map(check));
    expect(result.verdict).toBe("too narrow");
    // The 9th smallest multiple of the half-width is 2.6.
    expect(result.widenBy).toBe(2.6);
    expect(result.summary).toBe("5 of 10 inside the planned 90% range: too narrow; widen your ranges by about 2.6× around their middle");
  });

  it("writes a whole widening factor as the report does, '12×', not '12.0×' beside the report's '12 times'", () => {
    const result = calibrate([0.5, 11.95, 11.96].map(check));
    expect(result.widenBy).toBe(12);
    expect(result.summary).toBe("1 of 3 inside the planned 90% range: too narrow; widen your ranges by about 12× around their middle");
  });

  it("groups a large widening factor's thousands, as the report's '13,609.1 times' does, not '13609.1×'", () => {
    const result = calibrate([0.5, 13609.05, 13609.06].map(check));
    expect(result.widenBy).toBe(13609.1);
    expect(result.summary).toBe("1 of 3 inside the planned 90% range: too narrow; widen your ranges by about 13,609.1× around their middle");
  });

  it("every one of 6 in the middle half: too wide", () => {
    const result = calibrate([0.1, 0.2, 0.3, 0.4, 0.45, 0.5].map(check));
    expect(result.verdict).toBe("too wide");
    expect(result.chance).toBeCloseTo(1 / 64, 10);
  });

  it("one miss of one check cannot tell; nothing recorded, nothing to check", () => {
    expect(calibrate([check(1.5)]).verdict).toBe("too few to tell");
    expect(calibrate([]).verdict).toBe("nothing to check");
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { buildResult, CaseRunner, MonteCarlo, validateScenarioText, type Band, type CompiledCase, type MonteCarloSummary } from "./index.js";
import { F, MONTHLY_FIELD_COUNT } from "./model/columns.js";
import { EXACT_BAND_BYTES } from "./monte-carlo.js";
import { percentiles } from "./uncertainty/index.js";
import { manyLiveProjectsCase } from "../test-support/many-live-projects.js";

// The monthly bands of runs too large to keep every sample's month are bucketed: each month's
// percentiles come from a collapsing histogram, within `band.error[month - 1]` of the exact ones
// (docs/numbers.md, "Monthly bands"). `bands: { exactBytes: 0 }` forces them on small runs, so
// they can be checked against the type-7 percentiles of every sample's path, worked out by brute force.

function compile(text: string): CompiledCase {
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("\n"));
  return validation.compiled;
}

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), "utf8");

/** Every sample's cumulative net (as the columns keep it: Float32) and live projects, `[scenario][month - 1][sample]`, run one by one. */
function everyPath(compiled: CompiledCase, samples: number, seed: number) {
  const inputs = new MonteCarlo(compiled, { samples, seed }).inputs;
  const runner = new CaseRunner(compiled);
  const values = Float64Array.from(compiled.leafValues);
  const months = compiled.horizonMonths;
  const net = compiled.scenarios.map(() => Array.from({ length: months }, () => new Float64Array(samples)));
  const live = compiled.scenarios.map(() => Array.from({ length: months }, () => new Float64Array(samples)));
  for (let sample = 0; sample < samples; sample++) {
    compiled.uncertainLeaves.forEach((leaf, j) => (values[leaf] = inputs[j]![sample]!));
    runner.run(values);
    compiled.scenarios.forEach((_, index) => {
      for (let at = 0; at < months; at++) {
        net[index]![at]![sample] = Math.fround(runner.cumulativeNet[index]![at]!);
        live[index]![at]![sample] = runner.columns[index]![at * MONTHLY_FIELD_COUNT + F.liveProjects]!;
      }
    });
  }
  return { net, live };
}

/**
 * A bucketed band against the exact percentiles of every path: each month's P5, P50 and P95 within
 * the month's stated error, and that error within the bound, w < 2 × (max − min) ÷ (bins − 1)
 * (for whole numbers: w − 1 with w ≤ max(1, that)). Returns the largest error seen.
 */
function expectWithinError(band: Band, columns: Float64Array[], bins: number, wholeNumbers: boolean): number {
  expect(band.error).toHaveLength(columns.length);
  let largest = 0;
  columns.forEach((column, at) => {
    const exact = percentiles(column, [0.05, 0.5, 0.95]);
    const error = band.error![at]!;
    const estimate = [band.p5[at]!, band.p50[at]!, band.p95[at]!];
    estimate.forEach((value, level) => expect(Math.abs(value - exact[level]!), `month ${at + 1}, level ${level}`).toBeLessThanOrEqual(error));
    let lowest = Number.POSITIVE_INFINITY;
    let highest = Number.NEGATIVE_INFINITY;
    for (const value of column) {
      lowest = Math.min(lowest, value);
      highest = Math.max(highest, value);
    }
    const bound = (2 * (highest - lowest)) / (bins - 1);
    if (wholeNumbers) {
      expect(Number.isInteger(error)).toBe(true);
      expect(error + 1).toBeLessThanOrEqual(Math.max(1, bound));
    } else if (highest === lowest) expect(error).toBe(0);
    else expect(error).toBeLessThan(bound);
    largest = Math.max(largest, error);
  });
  return largest;
}

const heavyTailed = `
title: heavy tails and losses
currency: EUR
horizonMonths: 30
discountRate: 0.05
baseline: today
defaults:
  team: { people: 3, hoursPerMonth: 120, hourlyCost: 60 }
  projects: { alreadyLive: 3, upkeepHoursPerMonth: 20, valuePerMonth: { low: 50, high: 500000 } }
  releases: { mode: schedule, months: [4, 10, 16] }
scenarios:
  today: {}
  costly:
    label: a costly change
    projects: { upkeepHoursPerMonth: { low: 1, high: 30 } }
    change: { setupHours: { low: 100, high: 3000 } }
    tooling: { licences: { flatPerMonth: { low: 10, high: 60000 } } }
  cheap:
    label: a cheap change
    projects: { upkeepHoursPerMonth: { distribution: uniform, min: 5, max: 15 } }
`;

const manyLive = manyLiveProjectsCase(100_000, 0.001);

describe("bucketed monthly bands", () => {
  for (const [name, text, samples, seed] of [
    ["team.yaml", example("team.yaml"), 700, 4],
    ["enterprise.yaml", example("enterprise.yaml"), 600, 2],
    ["a case with heavy-tailed ranges and losses", heavyTailed, 900, 3],
  ] as const) {
    it(`lie within their stated error of the exact percentiles of every path: ${name}`, () => {
      const compiled = compile(text);
      const { net } = everyPath(compiled, samples, seed);
      for (const bins of [8, 64, 4096]) {
        const summary = new MonteCarlo(compiled, { samples, seed, bands: { exactBytes: 0, bins } }).runAll().summarise();
        let largest = 0;
        compiled.scenarios.forEach((scenario, index) => {
          if (scenario.name === compiled.baseline) return;
          largest = Math.max(largest, expectWithinError(summary.cumulativeNetBands[scenario.name]!, net[index]!, bins, false));
        });
        expect(largest).toBeGreaterThan(0); // the ranges spread the months: something was bucketed
      }
    });
  }

  it("are exact, with an error of 0, in months where every sample has the same value", () => {
    // No ranges: every month is constant, so the bucketed bands are the deterministic path itself.
    const compiled = compile(example("seed.yaml"));
    const summary = new MonteCarlo(compiled, { samples: 300, seed: 1, bands: { exactBytes: 0, bins: 8 } }).runAll().summarise();
    for (const [name, comparison] of Object.entries(buildResult(compiled).comparisons)) {
      const band = summary.cumulativeNetBands[name]!;
      const path = comparison.cumulativeNet.map(Math.fround);
      expect(band).toEqual({ p5: path, p50: path, p95: path, error: path.map(() => 0) });
    }
  });

  it("bucket live projects beyond the budget as whole numbers, within w − 1 of the exact percentiles", () => {
    const compiled = compile(manyLive);
    const { live } = everyPath(compiled, 500, 9);
    for (const bins of [16, 4096]) {
      const summary = new MonteCarlo(compiled, { samples: 500, seed: 9, bands: { exactBytes: 0, bins } }).runAll().summarise();
      compiled.scenarios.forEach((scenario, index) => {
        const band = summary.liveProjectBands[scenario.name]!;
        const largest = expectWithinError(band, live[index]!, bins, true);
        expect(largest).toBeGreaterThan(bins === 16 ? 1000 : 0);
      });
      expect(summary.liveProjectBands.today!.p95.at(-1)).toBeGreaterThan(90_000);
    }
  });

  it("interpolate within a bin: on evenly spread live projects, many to a bin, far closer than the bound", () => {
    // alreadyLive is uniform: 3,000 samples in 16 bins put about 190 in each, evenly spread, so
    // placing each rank at the middle of its slice of the bin is off by a few projects, not by w.
    const compiled = compile(manyLive);
    const { live } = everyPath(compiled, 3000, 9);
    const summary = new MonteCarlo(compiled, { samples: 3000, seed: 9, bands: { exactBytes: 0, bins: 16 } }).runAll().summarise();
    compiled.scenarios.forEach((scenario, index) => {
      const band = summary.liveProjectBands[scenario.name]!;
      live[index]!.forEach((column, at) => {
        const exact = percentiles(column, [0.05, 0.5, 0.95]);
        const error = band.error![at]!;
        expect(error).toBeGreaterThan(1000);
        [band.p5[at]!, band.p50[at]!, band.p95[at]!].forEach((value, level) => expect(Math.abs(value - exact[level]!)).toBeLessThan(error / 20));
      });
    });
  });

  it("leave every other figure as it is: distributions and the decision analysis are the exact ones", () => {
    const compiled = compile(heavyTailed);
    const exact = MonteCarlo.summaryOf(compiled, { samples: 2000, seed: 5 });
    const bucketed = MonteCarlo.summaryOf(compiled, { samples: 2000, seed: 5, bands: { exactBytes: 0 } });
    expect(bucketed.distributions).toEqual(exact.distributions);
    expect(bucketed.decision).toEqual(exact.decision);
    expect(Object.values(exact.cumulativeNetBands).every((band) => band.error === undefined)).toBe(true);
    expect(Object.values(bucketed.cumulativeNetBands).every((band) => band.error !== undefined)).toBe(true);
  });

  it("give the same result whether run in one go or in chunks", () => {
    const compiled = compile(heavyTailed);
    const options = { samples: 1500, seed: 6, bands: { exactBytes: 0, bins: 32 } };
    const whole = new MonteCarlo(compiled, options).runAll().summarise();
    const chunked = new MonteCarlo(compiled, options);
    while (!chunked.step(333));
    expect(chunked.summarise()).toEqual(whole);
  });
});

/** The bench's widest case: the enterprise template over 240 months, with variants of its options up to 10 scenarios. */
function wideLongCase(months = 240): CompiledCase {
  const data = parse(example("enterprise.yaml")) as Record<string, unknown> & { scenarios: Record<string, Record<string, unknown>> };
  data.horizonMonths = months;
  const alternatives = Object.keys(data.scenarios).filter((name) => name !== data.baseline);
  for (let index = 0; Object.keys(data.scenarios).length < 10; index++) {
    const source = data.scenarios[alternatives[index % alternatives.length]!]!;
    data.scenarios[`variant${index + 1}`] = { ...source, label: `Variant ${index + 1}` };
  }
  return compile(stringify(data));
}

describe("exact bands at today's sizes", () => {
  it("keep every sample's month while the columns fit EXACT_BAND_BYTES, bit for bit, with no error field", () => {
    const compiled = compile(example("team.yaml"));
    const summary: MonteCarloSummary = MonteCarlo.summaryOf(compiled, { samples: 3000, seed: 2 });
    // The budget itself, given explicitly, changes nothing; the columns of 3,000 samples are far within it.
    expect(MonteCarlo.summaryOf(compiled, { samples: 3000, seed: 2, bands: { exactBytes: EXACT_BAND_BYTES } })).toEqual(summary);
    expect(JSON.stringify(summary)).not.toContain('"error"');
    const { net, live } = everyPath(compiled, 3000, 2);
    const exact = (columns: Float64Array[]) => {
      const rows = columns.map((column) => percentiles(column, [0.05, 0.5, 0.95]));
      return { p5: rows.map((row) => row[0]), p50: rows.map((row) => row[1]), p95: rows.map((row) => row[2]) };
    };
    compiled.scenarios.forEach((scenario, index) => {
      expect(summary.liveProjectBands[scenario.name]).toEqual(exact(live[index]!));
      if (scenario.name !== compiled.baseline) expect(summary.cumulativeNetBands[scenario.name]).toEqual(exact(net[index]!));
    });
  });

  it("are bucketed from the first sample whose columns exceed 512 MiB: 62,138 of 10 options over 240 months", () => {
    const compiled = wideLongCase();
    const last = Math.floor(EXACT_BAND_BYTES / (9 * 240 * 4));
    expect(last).toBe(62_137);
    expect(MonteCarlo.memory(compiled, last).exactBands).toBe(true);
    expect(MonteCarlo.memory(compiled, last + 1).exactBands).toBe(false);
    // The standard 10,000 samples of the largest case allowed (50 scenarios over 240 months) stay exact.
    expect(10_000 * 49 * 240 * 4).toBeLessThanOrEqual(EXACT_BAND_BYTES);
  });
});

describe("the Monte Carlo's memory", () => {
  it("grows with the samples by their figures and draws only, once the bands are bucketed: 1,000,000 samples of 10 options over 240 months within 1 GB", () => {
    const long = wideLongCase(240);
    const short = wideLongCase(12);
    const million = MonteCarlo.memory(long, 1_000_000);
    expect(million.exactBands).toBe(false);
    // Beyond the budget a sample costs the same whatever the months: they are in the fixed bins.
    expect(MonteCarlo.memory(short, 2_000_000).exactBands).toBe(false);
    expect(MonteCarlo.memory(short, 2_000_000).perSample).toBe(million.perSample);
    expect(MonteCarlo.memory(long, 2_000_000).perSample).toBe(million.perSample);
    expect(million.perSample).toBeLessThan(400);
    expect(million.bytes).toBeLessThan(0.8e9); // Node's own start-up and heap come on top
    // Exact bands count their month columns: 9 alternatives × 240 months × 4 bytes a sample.
    expect(MonteCarlo.memory(long, 10_000).perSample - million.perSample).toBe(9 * 240 * 4 + 10 * 240 * 8);
    // The largest run it allows fits, one more does not, and every smaller run fits too.
    const most = MonteCarlo.mostSamples(long, 2e9);
    expect(MonteCarlo.memory(long, most).bytes).toBeLessThanOrEqual(2e9);
    expect(MonteCarlo.memory(long, most + 1).bytes).toBeGreaterThan(2e9);
    for (const samples of [1, 10_000, 62_137, 62_138, 1_000_000]) expect(MonteCarlo.memory(long, samples).bytes).toBeLessThanOrEqual(2e9);
  });

  it("refuses nothing below the first run that does not fit, even where exact columns stop", () => {
    // A limit that the exact columns overrun before the budget ends: the answer stops there, though bucketed runs beyond would fit.
    const compiled = wideLongCase();
    const atBudget = MonteCarlo.memory(compiled, 62_137).bytes;
    const limit = atBudget - 1;
    const most = MonteCarlo.mostSamples(compiled, limit);
    expect(most).toBeLessThan(62_137);
    expect(MonteCarlo.memory(compiled, most).bytes).toBeLessThanOrEqual(limit);
    expect(MonteCarlo.memory(compiled, most + 1).bytes).toBeGreaterThan(limit);
    expect(MonteCarlo.mostSamples(compiled, 1)).toBe(0);
  });
});

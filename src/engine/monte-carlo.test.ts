import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, CaseRunner, dropSpareColumns, MonteCarlo, sobol, tornado, validateScenarioText, withUncertainty, type CompiledCase } from "./index.js";
import { F, MONTHLY_FIELD_COUNT } from "./model/columns.js";
import { percentiles, quantile } from "./uncertainty/index.js";
import { manyLiveProjectsCase } from "../test-support/many-live-projects.js";

function compile(text: string): CompiledCase {
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("\n"));
  return validation.compiled;
}

const seedText = readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8");
const uncertainText = readFileSync(new URL("../../examples/seed-uncertain.yaml", import.meta.url), "utf8");

describe("Monte Carlo of the whole case", () => {
  it("gives exactly the deterministic result when the case has no ranges", () => {
    const compiled = compile(seedText);
    const deterministic = buildResult(compiled);
    const summary = new MonteCarlo(compiled, { samples: 500, seed: 3 }).runAll().summarise();
    for (const [name, comparison] of Object.entries(deterministic.comparisons)) {
      const distribution = summary.distributions[name]!;
      for (const level of ["p5", "p10", "p50", "p90", "p95"] as const) {
        expect(distribution.npv[level]).toBe(comparison.npv);
        expect(distribution.roi[level]).toBe(comparison.roi);
        expect(distribution.paybackMonth[level]).toBe(comparison.paybackMonth);
      }
      expect(summary.cumulativeNetBands[name]!.p50).toEqual(comparison.cumulativeNet);
      expect(distribution.probabilityPaysBack).toBe(comparison.paybackMonth === null ? 0 : 1);
    }
  });

  it("runs the seed case at its medians when ranges are present, and spreads the results around it", () => {
    const compiled = compile(uncertainText);
    expect(compiled.uncertainLeaves.map((leaf) => compiled.leaves[leaf]!.name)).toEqual([
      "defaults.projects.upkeepHoursPerMonth",
      "defaults.projects.valuePerMonth",
      "scenarios.optimal.projects.upkeepHoursPerMonth",
      "scenarios.compromise.projects.upkeepHoursPerMonth",
    ]);
    const upkeep = compiled.leaves[compiled.uncertainLeaves[0]!]!;
    expect(upkeep.value).toBeCloseTo(Math.sqrt(25 * 35), 9); // the median of a lognormal 90% interval is the geometric mean
    expect(quantile(upkeep.distribution!, 0.05)).toBeCloseTo(25, 9);
    expect(quantile(upkeep.distribution!, 0.95)).toBeCloseTo(35, 9);
    const summary = new MonteCarlo(compiled, { samples: 20_000, seed: 11 }).runAll().summarise();
    const npv = summary.distributions.compromise!.npv;
    expect(npv.p5!).toBeLessThan(npv.p50!);
    expect(npv.p50!).toBeLessThan(npv.p95!);
    const atMedians = buildResult(compiled).comparisons.compromise!.npv;
    expect(atMedians).toBeGreaterThan(npv.p5!);
    expect(atMedians).toBeLessThan(npv.p95!);
    const band = summary.cumulativeNetBands.compromise!;
    band.p5.forEach((low, index) => expect(low).toBeLessThanOrEqual(band.p95[index]!));
  });

  it("gives each month's band of live projects and of cumulative net as percentiles of every sample's run", () => {
    // Brute force: keep every run's trajectory and take the percentiles month by month.
    const compiled = compile(readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8"));
    const monteCarlo = new MonteCarlo(compiled, { samples: 700, seed: 4 });
    const summary = monteCarlo.runAll().summarise();
    const runner = new CaseRunner(compiled);
    const values = Float64Array.from(compiled.leafValues);
    const live = compiled.scenarios.map(() => Array.from({ length: compiled.horizonMonths }, () => new Float64Array(700)));
    const net = compiled.scenarios.map(() => Array.from({ length: compiled.horizonMonths }, () => new Float64Array(700)));
    for (let sample = 0; sample < 700; sample++) {
      compiled.uncertainLeaves.forEach((leaf, j) => (values[leaf] = monteCarlo.inputs[j]![sample]!));
      runner.run(values);
      compiled.scenarios.forEach((_, index) => {
        for (let at = 0; at < compiled.horizonMonths; at++) {
          live[index]![at]![sample] = runner.columns[index]![at * MONTHLY_FIELD_COUNT + F.liveProjects]!;
          net[index]![at]![sample] = Math.fround(runner.cumulativeNet[index]![at]!);
        }
      });
    }
    let changing = 0;
    compiled.scenarios.forEach((scenario, index) => {
      const band = (columns: Float64Array[]) => {
        const rows = columns.map((column) => percentiles(column, [0.05, 0.5, 0.95]));
        return { p5: rows.map((row) => row[0]), p50: rows.map((row) => row[1]), p95: rows.map((row) => row[2]) };
      };
      const liveBand = summary.liveProjectBands[scenario.name]!;
      expect(liveBand).toEqual(band(live[index]!));
      if (liveBand.p5.some((value, at) => value !== liveBand.p95[at])) changing++;
      if (scenario.name !== compiled.baseline) expect(summary.cumulativeNetBands[scenario.name]).toEqual(band(net[index]!));
    });
    expect(changing).toBeGreaterThan(0); // the ranges move live projects in some scenario, so the bands are not flat
  });

  it("keeps the values themselves once live projects are too many to count one by one: the same bands, memory independent of the count", () => {
    // alreadyLive drawn between 0 and 10,000: the first samples are counted, then the values are kept.
    const text = manyLiveProjectsCase(10_000, 0.01);
    const compiled = compile(text);
    const samples = 400;
    const monteCarlo = new MonteCarlo(compiled, { samples, seed: 9 });
    const summary = monteCarlo.runAll().summarise();
    const runner = new CaseRunner(compiled);
    const values = Float64Array.from(compiled.leafValues);
    const live = compiled.scenarios.map(() => Array.from({ length: compiled.horizonMonths }, () => new Float64Array(samples)));
    for (let sample = 0; sample < samples; sample++) {
      compiled.uncertainLeaves.forEach((leaf, j) => (values[leaf] = monteCarlo.inputs[j]![sample]!));
      runner.run(values);
      compiled.scenarios.forEach((_, index) => {
        for (let at = 0; at < compiled.horizonMonths; at++) live[index]![at]![sample] = runner.columns[index]![at * MONTHLY_FIELD_COUNT + F.liveProjects]!;
      });
    }
    compiled.scenarios.forEach((scenario, index) => {
      const rows = live[index]!.map((column) => percentiles(column, [0.05, 0.5, 0.95]));
      expect(summary.liveProjectBands[scenario.name]).toEqual({
        p5: rows.map((row) => row[0]),
        p50: rows.map((row) => row[1]),
        p95: rows.map((row) => row[2]),
      });
    });
    expect(summary.liveProjectBands.today!.p95.at(-1)).toBeGreaterThan(9000);
  });

  it("runs ten million live projects as fast as ten", () => {
    // The table of counts grew with the largest count: ten million took 5.6 GB and 41 s for one sample (the test's time limit is the bound).
    const text = uncertainText.replace("  projects:\n", "  projects:\n    alreadyLive: 10000000\n");
    const summary = new MonteCarlo(compile(text), { samples: 2000, seed: 1 }).runAll().summarise();
    expect(summary.liveProjectBands.current!.p50[0]).toBe(10_000_000);
  });

  it("gives identical numbers for the same seed and different numbers for another", () => {
    const compiled = compile(uncertainText);
    const first = JSON.stringify(withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 3000, seed: 42 }).runAll().summarise()));
    const second = JSON.stringify(withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 3000, seed: 42 }).runAll().summarise()));
    const other = JSON.stringify(withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 3000, seed: 43 }).runAll().summarise()));
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it("gives the same result whether run in one go or in chunks", () => {
    const compiled = compile(uncertainText);
    const whole = new MonteCarlo(compiled, { samples: 2500, seed: 5, latinHypercube: true }).runAll().summarise();
    const chunked = new MonteCarlo(compiled, { samples: 2500, seed: 5, latinHypercube: true });
    while (!chunked.step(700));
    expect(chunked.summarise()).toEqual(whole);
  });

  it("gives every figure to the last bit with only some of its monthly bands, or none", () => {
    // team.yaml: capacity mode, so live projects and the settled months vary from sample to sample.
    const compiled = compile(readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8"));
    const options = { samples: 1500, seed: 9 };
    const full = new MonteCarlo(compiled, options).runAll().summarise();
    expect(Object.keys(full.cumulativeNetBands)).toHaveLength(3);
    expect(Object.keys(full.liveProjectBands)).toHaveLength(4);
    const netOnly = new MonteCarlo(compiled, { ...options, monthlyBands: "cumulative-net" }).runAll().summarise();
    expect(netOnly).toEqual({ ...full, liveProjectBands: {} });
    const figuresOnly = new MonteCarlo(compiled, { ...options, monthlyBands: "none" });
    while (!figuresOnly.step(400));
    const summary = figuresOnly.summarise();
    expect(summary).toEqual({ ...full, cumulativeNetBands: {}, liveProjectBands: {} });
    // Without bands, the result's comparisons and scenarios carry none.
    const result = withUncertainty(buildResult(compiled), summary);
    for (const comparison of Object.values(result.comparisons)) expect(comparison.cumulativeNetBand).toBeUndefined();
    for (const scenario of Object.values(result.scenarios)) expect(scenario.liveProjectsBand).toBeUndefined();
  });

  it("draws each range once per sample and keeps draws within what the input allows", () => {
    const text = uncertainText.replace("freedHoursCaptureShare:\n  value: 0.5", "freedHoursCaptureShare:\n  low: 0.2\n  high: 0.95\n  shape: normal");
    const compiled = compile(text);
    const monteCarlo = new MonteCarlo(compiled, { samples: 20_000, seed: 2 });
    expect(monteCarlo.inputs).toHaveLength(compiled.uncertainLeaves.length);
    const captureColumn = monteCarlo.inputs[compiled.uncertainLeaves.findIndex((leaf) => compiled.leaves[leaf]!.name === "freedHoursCaptureShare")]!;
    expect(Math.min(...captureColumn)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...captureColumn)).toBeLessThanOrEqual(1);
    expect(captureColumn.some((value) => value === 1)).toBe(true); // the normal's upper tail is clipped at 1
  });
});

describe("sensitivity", () => {
  const caseWithKnownOrder = `
title: known order
currency: EUR
horizonMonths: 24
discountRate: 0
freedHoursCaptureShare: 1
baseline: today
defaults:
  team: { people: 1, hoursPerMonth: 160, hourlyCost: 100 }
  projects: { alreadyLive: 4, upkeepHoursPerMonth: 30 }
  releases: { mode: schedule }
scenarios:
  today: {}
  better:
    projects: { upkeepHoursPerMonth: { low: 5, high: 15 } }
    tooling:
      licences:
        perUserPerMonth: { low: 100, high: 300 }
      infrastructure:
        perMonth: { low: 190, high: 210 }
`;

  it("ranks inputs by NPV swing in the order built into the case", () => {
    // Upkeep moves 4 projects × 10 hours × €100 × 24 months = €96,000; the licence €4,800; infrastructure €480.
    const compiled = compile(caseWithKnownOrder);
    const bars = tornado(compiled, 1);
    expect(bars.map((bar) => bar.input)).toEqual([
      "scenarios.better.projects.upkeepHoursPerMonth",
      "scenarios.better.tooling.licences.perUserPerMonth",
      "scenarios.better.tooling.infrastructure.perMonth",
    ]);
    expect(bars[0]!.swing).toBeCloseTo(4 * 10 * 100 * 24, 6);
    expect(bars[1]!.swing).toBeCloseTo(200 * 24, 6);
    expect(bars[2]!.swing).toBeCloseTo(20 * 24, 6);
    expect(bars[0]!.low).toBeGreaterThan(bars[0]!.high); // more upkeep, less NPV
  });

  it("puts the same input first in the Sobol ranking, and the indices of a linear case add up to one", () => {
    const compiled = compile(caseWithKnownOrder.replace("{ low: 100, high: 300 }", "{ distribution: uniform, min: 100, max: 300 }"));
    const indices = sobol(compiled, 1, { baseSamples: 4096, seed: 9 });
    expect(indices[0]!.input).toBe("scenarios.better.projects.upkeepHoursPerMonth");
    const sum = indices.reduce((total, index) => total + index.first, 0);
    expect(sum).toBeGreaterThan(0.9);
    expect(sum).toBeLessThan(1.1);
    for (const index of indices) {
      expect(index.firstInterval[0]).toBeLessThanOrEqual(index.first);
      expect(index.first).toBeLessThanOrEqual(index.firstInterval[1]);
    }
  });
});

describe("released Monte Carlos", () => {
  it("hand their memory to the next one, which gives the same numbers as a fresh one", () => {
    const compiled = compile(uncertainText);
    const fresh = new MonteCarlo(compiled, { samples: 3000, seed: 8 }).runAll().summarise();
    const first = new MonteCarlo(compiled, { samples: 3000, seed: 21 }).runAll();
    first.summarise();
    first.release();
    expect(() => first.summarise()).toThrow(/released/);
    expect(() => first.step(10)).toThrow(/released/);
    // The reused columns still hold the first run's numbers: every sample is written before it is read.
    expect(MonteCarlo.summaryOf(compiled, { samples: 3000, seed: 8 })).toEqual(fresh);
  });

  it("keep an alternative's month columns in one array, which the next one of the same size takes unless the spares were dropped", () => {
    const compiled = compile(uncertainText);
    const alternative = compiled.scenarios.findIndex((scenario) => scenario.name !== compiled.baseline);
    // Every alternative's array, as a set: the next Monte Carlo may hand them out in another order.
    const arraysOf = (monteCarlo: MonteCarlo) => new Set(monteCarlo.cumulative.filter((columns) => columns.length > 0).map((columns) => columns[0]!.buffer));
    const first = new MonteCarlo(compiled, { samples: 500, seed: 3 }).runAll();
    const columns = first.cumulative[alternative]!;
    expect(columns).toHaveLength(compiled.horizonMonths);
    // One array, month after month: it goes back to the system whole when let go.
    expect(new Set(columns.map((column) => column.buffer)).size).toBe(1);
    expect(columns[1]!.byteOffset).toBe(500 * 4);
    const arrays = arraysOf(first);
    expect(arrays.size).toBe(compiled.scenarios.length - 1);
    first.release();
    const second = new MonteCarlo(compiled, { samples: 500, seed: 3 });
    expect([...arraysOf(second)].every((array) => arrays.has(array))).toBe(true);
    second.release();
    dropSpareColumns();
    expect([...arraysOf(new MonteCarlo(compiled, { samples: 500, seed: 3 }))].some((array) => arrays.has(array))).toBe(false);
  });
});

describe("runs that change only the ranges", () => {
  it("refill only the parameters the ranges feed, to the same numbers as a full run", () => {
    const example = (name: string) => readFileSync(new URL(`../../examples/${name}.yaml`, import.meta.url), "utf8");
    // Ranges on what is summed (a chore's minutes, a capability's monthly cost) and multiplied (a capability's effect).
    const enterprise = example("enterprise")
      .replace("monthlyCost: { value: 3000,", "monthlyCost: { low: 2500, high: 3500,")
      .replace("manualTasks: { value: 0.6,", "manualTasks: { low: 0.5, high: 0.7,");
    const team = example("team").replace("minutesPerWeek: { value: 90,", "minutesPerWeek: { low: 60, high: 120,");
    expect(enterprise).not.toBe(example("enterprise"));
    expect(team).not.toBe(example("team"));
    for (const text of [team, enterprise, example("solo")]) {
      const compiled = compile(text);
      expect(compiled.uncertainLeaves.length).toBeGreaterThan(0);
      const monteCarlo = new MonteCarlo(compiled, { samples: 200, seed: 6 });
      const values = Float64Array.from(compiled.leafValues);
      const partial = new CaseRunner(compiled);
      partial.prepareRanges(values);
      const full = new CaseRunner(compiled);
      for (let sample = 0; sample < 200; sample++) {
        compiled.uncertainLeaves.forEach((leaf, j) => (values[leaf] = monteCarlo.inputs[j]![sample]!));
        partial.runRanges(values);
        full.run(values, false);
        expect(partial.parameters).toEqual(full.parameters);
        expect(partial.figures).toEqual(full.figures);
      }
    }
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty, type CompiledCase } from "./index.js";

// The decision analysis of a whole case: from the Monte Carlo's paired samples (every option sees the
// same draws), the chance each option is best, the expected loss of choosing it, and what finding
// out more before deciding is worth.

function compile(text: string): CompiledCase {
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("\n"));
  return validation.compiled;
}

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), "utf8");

/** A case whose choice turns on one input alone: the licence of the change, as a range across break-even. */
const oneInputDecides = `title: One input decides
currency: EUR
horizonMonths: 12
discountRate: 0
baseline: today
defaults:
  team: { people: 1, hoursPerMonth: 120, hourlyCost: 50 }
  projects: { alreadyLive: 2, upkeepHoursPerMonth: 30, valuePerMonth: 1000 }
  releases: { mode: schedule, months: [] }
  meetings:
    hoursPerPersonPerMonth: { low: 2, high: 6 }
scenarios:
  today: {}
  better:
    projects: { upkeepHoursPerMonth: 20 }
    tooling:
      licences:
        flatPerMonth: { distribution: normal, mean: 500, sd: 200 }
`;

describe("the decision analysis of a case", () => {
  it("adds up: chances sum to 1, losses are ≥ 0, the best option's loss is the EVPI, and each input is worth at most the EVPI", () => {
    for (const name of ["close-call.yaml", "seed-uncertain.yaml", "team.yaml"]) {
      const compiled = compile(example(name));
      const monteCarlo = new MonteCarlo(compiled, { samples: 4_000, seed: 3 }).runAll();
      const decision = monteCarlo.summarise().decision!;
      expect(decision.options.map((option) => option.scenario)).toEqual(compiled.scenarios.map((scenario) => scenario.name));
      expect(decision.options.reduce((sum, option) => sum + option.probabilityBest, 0)).toBeCloseTo(1, 12);
      for (const option of decision.options) expect(option.expectedLoss).toBeGreaterThanOrEqual(0);
      const best = decision.options.find((option) => option.scenario === decision.best)!;
      expect(best.expectedLoss).toBe(decision.evpi);
      for (const option of decision.options) expect(option.expectedNpv).toBeLessThanOrEqual(best.expectedNpv);
      // Today's NPV against itself is 0; an alternative's expected NPV is the mean of its samples.
      expect(decision.options.find((option) => option.scenario === compiled.baseline)!.expectedNpv).toBe(0);
      compiled.scenarios.forEach((scenario, index) => {
        if (scenario.name === compiled.baseline) return;
        const mean = monteCarlo.npv[index]!.reduce((sum, value) => sum + value, 0) / 4_000;
        expect(decision.options[index]!.expectedNpv).toBeCloseTo(mean, 6);
      });
      for (const entry of decision.evppi) {
        expect(entry.value).toBeGreaterThanOrEqual(0);
        expect(entry.value).toBeLessThanOrEqual(decision.evpi + 1e-9);
        expect(entry.aboveNoise).toBe(entry.value > decision.noiseLevel);
      }
      // Ranked, highest value first.
      expect(decision.evppi.map((entry) => entry.value)).toEqual([...decision.evppi.map((entry) => entry.value)].sort((a, b) => b - a));
    }
  });

  it("values an input that alone decides at the EVPI, and one that changes no decision at about 0", () => {
    const compiled = compile(oneInputDecides);
    const decision = new MonteCarlo(compiled, { samples: 50_000, seed: 1 }).runAll().summarise().decision!;
    const licence = decision.evppi.find((entry) => entry.inputs[0] === "scenarios.better.tooling.licences.flatPerMonth")!;
    const meetings = decision.evppi.find((entry) => entry.inputs[0] === "defaults.meetings.hoursPerPersonPerMonth")!;
    expect(decision.evpi).toBeGreaterThan(100);
    expect(Math.abs(licence.value - decision.evpi) / decision.evpi).toBeLessThan(0.01);
    expect(licence.aboveNoise).toBe(true);
    // Meetings cost the same hours with and without the change: they move no NPV and no decision.
    expect(meetings.value).toBeLessThanOrEqual(decision.noiseLevel);
    expect(meetings.aboveNoise).toBe(false);
  });

  it("values each group of correlated inputs as a whole, and a group asked for by name", () => {
    const compiled = compile(example("close-call.yaml"));
    const optimal = "scenarios.optimal.projects.upkeepHoursPerMonth";
    const compromise = "scenarios.compromise.projects.upkeepHoursPerMonth";
    const asked = ["defaults.projects.valuePerMonth", "defaults.projects.upkeepHoursPerMonth"];
    const decision = new MonteCarlo(compiled, { samples: 20_000, seed: 2, groups: [asked] }).runAll().summarise().decision!;
    const correlated = decision.evppi.find((entry) => entry.group === "correlated")!;
    expect(correlated.inputs).toEqual([optimal, compromise]);
    const alone = (input: string) => decision.evppi.find((entry) => entry.inputs.length === 1 && entry.inputs[0] === input)!.value;
    expect(correlated.value).toBeGreaterThanOrEqual(Math.max(alone(optimal), alone(compromise)) * 0.95);
    const group = decision.evppi.find((entry) => entry.group === "asked")!;
    expect([...group.inputs].sort()).toEqual([...asked].sort());
    expect(() => new MonteCarlo(compiled, { samples: 100, seed: 2, groups: [["defaults.team.people", compromise]] }).runAll().summarise()).toThrow(
      /"defaults.team.people" is not an input given as a range/,
    );
  });

  it("gives the same bytes for the same seed and lands in the result; none without an alternative or when turned off", () => {
    const compiled = compile(example("close-call.yaml"));
    const summary = (seed: number) => new MonteCarlo(compiled, { samples: 3_000, seed }).runAll().summarise();
    expect(JSON.stringify(summary(5).decision)).toBe(JSON.stringify(summary(5).decision));
    expect(JSON.stringify(summary(6).decision)).not.toBe(JSON.stringify(summary(5).decision));
    const result = withUncertainty(buildResult(compiled), summary(5));
    expect(result.decision).toEqual(summary(5).decision);
    expect(new MonteCarlo(compiled, { samples: 300, seed: 5, decision: false }).runAll().summarise().decision).toBeUndefined();
    const alone = compile(example("close-call.yaml").replace(/\n {2}optimal:[\s\S]*$/, "\n"));
    expect(alone.scenarios).toHaveLength(1);
    expect(new MonteCarlo(alone, { samples: 300, seed: 5 }).runAll().summarise().decision).toBeUndefined();
  });
});

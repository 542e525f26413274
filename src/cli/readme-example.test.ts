import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, STANDARD_SAMPLES, STANDARD_SEED, validateScenarioText, withUncertainty } from "../engine/index.js";
import { packageRoot } from "../shared/package-files.js";

// The JSON example of docs/json.md shows the seed's figures: a reader who runs the seed must see them.

const doc = readFileSync(join(packageRoot, "docs", "json.md"), "utf8");
// The run --json contract, up to the sensitivity contract's paragraph.
const example = doc.slice(0, doc.indexOf("\n`sensitivity --json`: "));

/** The number the example gives for a field, e.g. `"npv": 4108.70`. */
function shown(field: string): number {
  const match = example.match(new RegExp(`"${field}": (-?[\\d.]+)`));
  if (!match) throw new Error(`the JSON example of docs/json.md has no "${field}"`);
  return Number(match[1]);
}

/** The decimals a figure is shown with: the engine's figure must round to it. */
function decimals(field: string): number {
  return example.match(new RegExp(`"${field}": -?\\d+(?:\\.(\\d+))?`))?.[1]?.length ?? 0;
}

describe("the JSON example of docs/json.md", () => {
  const { compiled } = validateScenarioText(readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8"));
  const result = buildResult(compiled!);
  const optimal = result.comparisons.optimal!;
  const today = result.scenarios.current!;

  it("shows the seed's optimal option as the engine computes it", () => {
    const figures: Record<string, number> = {
      npv: optimal.npv,
      roi: optimal.roi!,
      paybackMonth: optimal.paybackMonth!,
      presentValueOfCosts: optimal.presentValueOfCosts,
      totalNetBenefit: optimal.totalNetBenefit,
      benefitLastTwelveMonths: optimal.benefitLastTwelveMonths,
      upkeep: optimal.benefitByCategory.upkeep,
    };
    for (const [field, value] of Object.entries(figures)) expect(shown(field), field).toBe(Number(value.toFixed(decimals(field))));
  });

  it("shows today's first month as the engine computes it", () => {
    const month = today.months[0]!;
    for (const field of ["availableHours", "upkeepHours", "freeHours", "buildHours", "idleHours", "shortfallHours", "projectValue", "net"] as const) {
      expect(shown(field), field).toBe(month[field]);
    }
    expect(shown("maxLiveProjectsPerPerson")).toBe(today.summary.maxLiveProjectsPerPerson);
    expect(shown("newWorkStopsMonth")).toBe(today.summary.newWorkStopsMonth);
  });
});

describe("the decision block of docs/json.md's example", () => {
  it("shows examples/close-call.yaml's decision analysis at 10,000 samples, seed 1, as the engine computes it", () => {
    const { compiled } = validateScenarioText(readFileSync(join(packageRoot, "examples", "close-call.yaml"), "utf8"));
    const decision = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: STANDARD_SAMPLES, seed: STANDARD_SEED })).decision!;
    const block = example.slice(example.indexOf('"decision": {'));
    const number = (field: string) => Number(block.match(new RegExp(`"${field}": (-?[\\d.]+)`))![1]);
    const optimal = decision.options.find((option) => option.scenario === "optimal")!;
    const alone = decision.evppi.find((entry) => entry.inputs.length === 1 && entry.inputs[0] === "scenarios.compromise.projects.upkeepHoursPerMonth")!;
    expect(decision.best).toBe("optimal");
    expect(block).toContain(`"bestOnAverage": ${JSON.stringify(decision.bestOnAverage)}`);
    expect(number("samples")).toBe(decision.samples);
    expect(number("evpi")).toBeCloseTo(decision.evpi, 1);
    expect(number("noiseLevel")).toBeCloseTo(decision.noiseLevel, 2);
    expect(number("probabilityBest")).toBeCloseTo(optimal.probabilityBest, 3);
    expect(number("expectedNpv")).toBeCloseTo(optimal.expectedNpv, 1);
    expect(number("expectedLoss")).toBeCloseTo(optimal.expectedLoss, 1);
    expect(alone).toBeDefined();
    // The evppi entries it shows are the first of the real list, in its order (highest value first).
    const entries = [
      ...block
        .slice(block.indexOf('"evppi": ['))
        .matchAll(/\{ "inputs": (\[[^\]]*\]),\s*"value": ([\d.]+),\s*"shareOfEvpi": ([\d.]+),\s*"aboveNoise": (true|false)(?:, "group": "(\w+)")? \}/g),
    ];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    entries.forEach((entry, index) => {
      const real = decision.evppi[index]!;
      expect(JSON.parse(entry[1]!), `evppi[${index}].inputs`).toEqual(real.inputs);
      expect(Number(entry[2])).toBeCloseTo(real.value, 1);
      expect(Number(entry[3])).toBeCloseTo(real.shareOfEvpi, 3);
      expect(entry[4]).toBe(String(real.aboveNoise));
      expect(entry[5]).toBe(real.group);
    });
    const words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    expect(block).toContain(`// the first ${words[entries.length]} of ${words[decision.evppi.length]}, highest value first`);
    expect(block).toContain(`in the file's order (${decision.options.map((option) => option.scenario).join(", ")})`);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { benefitCategoryLabels, buildResult, validateScenarioText } from "./index.js";
import { runningCostChanges } from "./running-costs.js";

const examples = new URL("../../examples/", import.meta.url);
const files = [...readdirSync(examples).filter((name) => name.endsWith(".yaml")), ...readdirSync(new URL("peers/", examples)).map((name) => `peers/${name}`)];

describe("running costs by kind", () => {
  it.each(files)("%s: together they are the tooling category of the benefit, with its sign turned", (name) => {
    const result = buildResult(validateScenarioText(readFileSync(new URL(name, examples), "utf8")).compiled!);
    for (const comparison of Object.values(result.comparisons)) {
      const costs = runningCostChanges(result, comparison.alternative);
      expect(costs.tools + costs.supportStaff + costs.training).toBeCloseTo(-comparison.benefitByCategory.tooling, 6);
    }
  });

  it("says what the DORA peers' running costs are: the 2020 paper's reliability engineers, the AI calculator's training", () => {
    const of = (name: string) => {
      const result = buildResult(validateScenarioText(readFileSync(new URL(`peers/${name}`, examples), "utf8")).compiled!);
      return runningCostChanges(result, Object.keys(result.comparisons)[0]!);
    };
    expect(of("dora-2020-elite-large.yaml")).toEqual({ tools: 0, supportStaff: 1_350_000, training: 0 });
    expect(of("dora-ai-roi-calculator.yaml").training).toBe(4_800_000);
  });
});

describe("the category's name", () => {
  it("names every kind it is made of, so a reader does not take support staff or training for tools", () => {
    const label = benefitCategoryLabels.tooling.toLowerCase();
    for (const kind of ["tools", "support", "training"]) expect(label).toContain(kind);
  });
});

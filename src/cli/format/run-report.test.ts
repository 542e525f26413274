import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty, type CaseResult } from "../../engine/index.js";
import { packageRoot } from "../package-files.js";
import { formatMoney } from "./numbers.js";
import { formatChance, renderRunReport } from "./run-report.js";

function resultOf(name: string, samples: number): CaseResult {
  const { compiled } = validateScenarioText(readFileSync(join(packageRoot, "examples", name), "utf8"));
  if (!compiled) throw new Error(`examples/${name} does not compile`);
  const result = buildResult(compiled);
  return samples > 0 ? withUncertainty(result, MonteCarlo.summaryOf(compiled, { samples, seed: 1 })) : result;
}

describe("formatChance", () => {
  it("rounds to a whole percent, never to a certainty or an impossibility the samples do not show", () => {
    expect(formatChance(0.5574)).toBe("56%");
    expect(formatChance(0.0035)).toBe("<1%");
    expect(formatChance(0.9972)).toBe(">99%");
    expect(formatChance(0.9916)).toBe("99%");
    expect(formatChance(0)).toBe("0%");
    expect(formatChance(1)).toBe("100%");
  });
});

describe("the run report's decision lines", () => {
  it("give the best option's chance of being best and the value of knowing everything first, from the result's decision", () => {
    const result = resultOf("close-call.yaml", 2_000);
    const decision = result.decision!;
    const best = decision.options.find((option) => option.scenario === decision.best)!;
    expect(decision.evpi).toBeGreaterThan(decision.noiseLevel);
    const text = renderRunReport(result);
    expect(text).toContain(`  Best on average: ${best.label}, the best option in ${formatChance(best.probabilityBest)} of the samples\n`);
    expect(text).toContain(
      `  Knowing every input exactly before deciding would be worth up to ${formatMoney(decision.evpi, "EUR")} (EVPI); \`mlops-roi voi\` ranks what is worth measuring\n`,
    );
    // Right under the ranges table, which they belong to.
    expect(text.indexOf("Best on average")).toBeGreaterThan(text.indexOf("samples, seed 1; ranges: 4 inputs"));
    expect(text.indexOf("Best on average")).toBeLessThan(text.indexOf("Where the benefit comes from"));
  });

  it("say no measurement is worth paying for when one option is best in every outcome", () => {
    const result = resultOf("team.yaml", 2_000);
    expect(result.decision!.evpi).toBeLessThanOrEqual(result.decision!.noiseLevel);
    const text = renderRunReport(result);
    expect(text).toContain("  Best on average: A managed platform, the best option in 100% of the samples\n");
    expect(text).toContain(`  Knowing every input exactly before deciding would be worth ${formatMoney(result.decision!.evpi, "EUR")} (EVPI): no measurement is worth paying for\n`);
  });

  it("are left out without ranges", () => {
    const text = renderRunReport(resultOf("seed.yaml", 0));
    expect(text).not.toContain("Best on average");
    expect(text).not.toContain("EVPI");
  });
});

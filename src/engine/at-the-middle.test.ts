import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "./index.js";
import { optimize } from "./optimize.js";
import { CaseRunner } from "./runner.js";

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../../examples/${name}`, import.meta.url)), "utf8");

// `optimize` and `sensitivity` say their figures are "with every range at its middle", in `run`'s and page 1's
// words: they must be the same figures, the case run once with each range at its middle (a whole-number input's rounded).
describe("the figures optimize and sensitivity give with every range at its middle", () => {
  it("are run's: sensitivity's base NPV is the option's NPV in run, a whole-number range rounded alike", () => {
    // alreadyLive as a range: its middle √(1 × 5) ≈ 2.24, run with 2 live projects.
    const text = example("close-call.yaml").replace(
      "  projects:\n    upkeepHoursPerMonth:",
      "  projects:\n    alreadyLive: { low: 1, high: 5 }\n    upkeepHoursPerMonth:",
    );
    expect(text).toContain("alreadyLive: { low: 1, high: 5 }");
    for (const file of [example("close-call.yaml"), text]) {
      const compiled = validateScenarioText(file).compiled!;
      const result = buildResult(compiled);
      // As `sensitivity` works out its base (src/cli/commands/sensitivity.ts).
      const runner = new CaseRunner(compiled);
      runner.run(compiled.leafValues, false);
      for (const [index, scenario] of compiled.scenarios.entries()) {
        if (scenario.name === compiled.baseline) continue;
        expect(runner.figures[index]!.npv).toBe(result.comparisons[scenario.name]!.npv);
      }
    }
  });

  it("are run's: optimize's NPV of its best set is run's NPV of that set written as a scenario", () => {
    const file = example("team.yaml");
    const compiled = validateScenarioText(file).compiled!;
    const best = optimize(compiled, { objective: "npv", budget: 30_000 }).ranked[0]!;
    const written = `${file.trimEnd()}\n  asked:\n    label: What we ask for\n    capabilities: [${best.capabilities.join(", ")}]\n`;
    const result = buildResult(validateScenarioText(written).compiled!);
    expect(result.comparisons.asked!.npv).toBeCloseTo(best.npv, 6);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, oneAtATimeSensitivity, validateScenarioText, type CompiledCase } from "./index.js";

function compile(text: string): CompiledCase {
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(JSON.stringify(issues));
  return compiled;
}

const seed = compile(readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8"));

describe("oneAtATimeSensitivity", () => {
  const sensitivity = oneAtATimeSensitivity(seed, "compromise");

  it("starts from the engine's own net present value", () => {
    expect(sensitivity.baseNpv).toBeCloseTo(buildResult(seed).comparisons.compromise!.npv, 6);
  });

  it("gives the NPV the engine gives with that one input moved by 20%", () => {
    for (const swing of sensitivity.swings.slice(0, 4)) {
      const leaf = seed.leaves.findIndex((candidate) => candidate.name === swing.input);
      const values = Float64Array.from(seed.leafValues);
      values[leaf] = seed.leafValues[leaf]! * 0.8;
      expect(swing.npvLow).toBeCloseTo(buildResult(seed, values).comparisons.compromise!.npv, 6);
      values[leaf] = seed.leafValues[leaf]! * 1.2;
      expect(swing.npvHigh).toBeCloseTo(buildResult(seed, values).comparisons.compromise!.npv, 6);
    }
  });

  it("ranks today's upkeep first: it is what the change saves", () => {
    // Today's upkeep 30 h → 24 or 36 h moves the saving of 19 h a project a month by ±6 h.
    expect(sensitivity.swings[0]?.input).toBe("defaults.projects.upkeepHoursPerMonth");
    const swings = sensitivity.swings.map((swing) => swing.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });

  it("leaves out inputs that do not move this option and the other option's inputs", () => {
    const inputs = sensitivity.swings.map((swing) => swing.input);
    // Every option releases the same projects in the same months: their value cancels out.
    expect(inputs).not.toContain("defaults.projects.valuePerMonth");
    expect(inputs).not.toContain("scenarios.optimal.tooling.licences.flatPerYear");
  });

  it("keeps shares within 0–1 and leaves whole months alone", () => {
    const text = readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8")
      .replace("value: 0.5\n  note: assumed; half", "value: 0.9\n  note: assumed; half")
      .replace("    change:\n      external:", "    change:\n      startMonth: 2\n      external:");
    const compiled = compile(text);
    const result = oneAtATimeSensitivity(compiled, "optimal");
    const capture = result.swings.find((swing) => swing.input === "freedHoursCaptureShare");
    expect(capture?.highValue).toBe(1);
    expect(result.swings.map((swing) => swing.input)).not.toContain("scenarios.optimal.change.startMonth");
  });
});

describe("oneAtATimeSensitivity keeps every input within what it allows", () => {
  it("the benefits multiplier never below 1, shares never above 1, whole numbers left alone", () => {
    const text = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8");
    const compiled = compile(text);
    const alternative = compiled.scenarios.find((scenario) => scenario.name !== compiled.baseline)!.name;
    for (const swing of oneAtATimeSensitivity(compiled, alternative).swings) {
      const leaf = compiled.leaves.find((candidate) => candidate.name === swing.input)!;
      expect([swing.input, leaf.kind === "month" || leaf.kind === "months" || leaf.kind === "wholeCount"]).toEqual([swing.input, false]);
      if (leaf.kind === "benefitsMultiplier") expect(swing.lowValue).toBeGreaterThanOrEqual(1);
      if (leaf.kind === "share" || leaf.kind === "rate") expect(swing.highValue).toBeLessThanOrEqual(1);
      expect(swing.lowValue).toBeGreaterThanOrEqual(0);
    }
  });
});

import { describe, expect, it } from "vitest";
import { validateScenarioText } from "./index.js";

function caseWith(upkeep: string): string {
  return `title: ranges
currency: EUR
horizonMonths: 12
discountRate: 0.05
baseline: today
defaults:
  team: { people: 1, hoursPerMonth: 120, hourlyCost: 60 }
  projects:
    upkeepHoursPerMonth: ${upkeep}
  releases: { mode: schedule, months: [4] }
scenarios:
  today: {}
`;
}

function messages(upkeep: string): string[] {
  return validateScenarioText(caseWith(upkeep)).issues.map((issue) => `${issue.line}: ${issue.message}`);
}

describe("ranges in scenario files", () => {
  it.each([
    ["{ low: 25, high: 35 }", "lognormal"],
    ["{ low: 0, high: 35 }", "normal"],
    ["{ low: 25, high: 35, shape: normal }", "normal"],
    ["{ distribution: uniform, min: 20, max: 40 }", "uniform"],
    ["{ distribution: triangular, min: 20, mode: 30, max: 45 }", "triangular"],
    ["{ distribution: pert, min: 20, mode: 30, max: 45, lambda: 4 }", "pert"],
    ["{ distribution: normal, mean: 30, sd: 3 }", "normal"],
    ["{ distribution: lognormal, mean: 30, sd: 3 }", "lognormal"],
  ])("accepts %s as a %s range", (upkeep, kind) => {
    const validation = validateScenarioText(caseWith(upkeep));
    expect(validation.issues).toEqual([]);
    const leaf = validation.compiled!.leaves.find((candidate) => candidate.name === "defaults.projects.upkeepHoursPerMonth")!;
    expect(leaf.distribution?.kind).toBe(kind);
    expect(validation.compiled!.uncertainLeaves).toHaveLength(1);
  });

  it("takes low = high as a plain number", () => {
    const validation = validateScenarioText(caseWith("{ low: 30, high: 30 }"));
    expect(validation.compiled!.uncertainLeaves).toHaveLength(0);
    expect(validation.compiled!.leaves.find((leaf) => leaf.name.endsWith("upkeepHoursPerMonth"))!.value).toBe(30);
  });

  it.each([
    ["{ low: 35, high: 25 }", /low must be ≤ high/],
    ["{ low: -5, high: 25 }", /allowed: hours, a number ≥ 0/],
    ["{ low: 0, high: 25, shape: lognormal }", /lognormal bounds must both be > 0/],
    ["{ distribution: triangular, min: 20, mode: 50, max: 45 }", /mode/],
    ["{ distribution: pert, min: 30, mode: 30, max: 20 }", /min/],
    ["{ distribution: normal, mean: 30, sd: -1 }", /standard deviation between 0 and 10,000,000/],
    ["{ distribution: lognormal, mean: 30, sd: 1e308 }", /standard deviation between 0 and 10,000,000/],
    ["{ distribution: normal, mean: 30, sd: 1e-320 }", /at least 0.000001/],
    ["{ low: 1e-320, high: 25 }", /at least 0.000001/],
    ["{ distribution: lognormal, mean: 0, sd: 3 }", /mean > 0/],
    ["{ distribution: gaussian, mean: 30, sd: 3 }", /uniform, triangular, pert, normal, lognormal/],
    ["{ low: 25 }", /high/],
  ])("rejects %s with a message naming the problem", (upkeep, pattern) => {
    const found = messages(upkeep);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join("\n")).toMatch(pattern);
    expect(found.join("\n")).toMatch(/^9: /m); // the line of the range
    expect(found.join("\n")).toContain("upkeepHoursPerMonth");
  });
});

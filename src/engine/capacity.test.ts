import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "./index.js";

// How many live projects a team keeps, against the months that keep them (docs/numbers.md, "Capacity").

describe("the live projects a team of more than one can keep (examples/team.yaml)", () => {
  const result = buildResult(validateScenarioText(readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8")).compiled!);
  const today = result.scenarios.today!;

  it("counts the team's whole projects together, not one person's rounded down times the team", () => {
    // Its 4 people each have 114.5 hours less about 25.5 of overheads, about 89 hours, for projects of 37.5 hours: 2.37 each.
    expect(today.summary.people).toBe(4);
    expect(today.summary.liveProjectsPerPerson).toBeCloseTo(2.373, 3);
    // One person's, rounded down, stays as it was: 2, which for the 4 of them is 8.
    expect(today.summary.maxLiveProjectsPerPerson).toBe(2);
    // Together they keep ⌊4 × 2.37⌋ = 9, and the months do keep 9 live, with hours to spare and none overloaded.
    expect(today.summary.maxLiveProjects).toBe(9);
    const most = Math.max(...today.months.map((month) => month.liveProjects));
    expect(most).toBe(9);
    expect(most).toBeGreaterThan(4 * today.summary.maxLiveProjectsPerPerson!);
    const nine = today.months.find((month) => month.liveProjects === 9)!;
    expect(nine.freeHours).toBeGreaterThanOrEqual(0);
    expect(today.summary.overloadedMonths).toEqual([]);
    // A tenth would need 37.5 hours more than the 18.5 left free.
    expect(nine.freeHours).toBeLessThan(37.5);
    // The comparison's capacity carries the same figures.
    expect(result.comparisons.managed!.capacity).toMatchObject({
      people: { baseline: 4, alternative: 4 },
      maxLiveProjects: { baseline: 9, alternative: result.scenarios.managed!.summary.maxLiveProjects },
      liveProjectsPerPerson: { baseline: today.summary.liveProjectsPerPerson },
    });
  });

  it("is one person's own for a team of one (examples/seed.yaml: 4, and 10 of 10.9 with better tooling)", () => {
    const seed = buildResult(validateScenarioText(readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8")).compiled!);
    expect(seed.scenarios.current!.summary).toMatchObject({ people: 1, liveProjectsPerPerson: 4, maxLiveProjects: 4, maxLiveProjectsPerPerson: 4 });
    expect(seed.scenarios.optimal!.summary).toMatchObject({ people: 1, maxLiveProjects: 10, maxLiveProjectsPerPerson: 10 });
    expect(seed.scenarios.optimal!.summary.liveProjectsPerPerson).toBeCloseTo(120 / 11, 9);
  });
});

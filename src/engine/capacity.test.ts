import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { backlogReleased, buildResult, overItsHoursAtEnd, roomLeftUnused, validateScenarioText } from "./index.js";

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

describe("room for live projects the plan leaves unused (examples/solo.yaml)", () => {
  const result = buildResult(validateScenarioText(readFileSync(new URL("../../examples/solo.yaml", import.meta.url), "utf8")).compiled!);
  const managed = result.scenarios.managed!;

  it("gives each scenario the free hours a month it takes to start a new model, the file's 80", () => {
    const threshold = result.assumptions.find((assumption) => assumption.input === "defaults.releases.newWorkThresholdHours")!;
    expect(threshold.value).toBe(80);
    for (const scenario of Object.values(result.scenarios)) expect(scenario.summary.newWorkThresholdHours).toBe(80);
  });

  it("is unused when no new model is released and the team could keep more than it ends with", () => {
    // Room for 7, 2 live at the end and no release: no month's free hours (70 at most) reach the 80.
    expect(managed.summary).toMatchObject({ maxLiveProjects: 7, liveProjectsAtEnd: 2, projectsDelivered: 0, newWorkStopsMonth: 1 });
    expect(Math.max(...managed.months.map((month) => month.freeHours))).toBeLessThan(managed.summary.newWorkThresholdHours);
    expect(roomLeftUnused(managed.summary)).toBe(true);
    // A plan that releases models uses its room, even when it ends below it; one that ends at its room has none left.
    expect(roomLeftUnused({ projectsDelivered: 1, liveProjectsAtEnd: 2, maxLiveProjects: 7 })).toBe(false);
    expect(roomLeftUnused({ projectsDelivered: 0, liveProjectsAtEnd: 7, maxLiveProjects: 7 })).toBe(false);
    expect(roomLeftUnused({ projectsDelivered: 0, liveProjectsAtEnd: 2, maxLiveProjects: null })).toBe(false);
  });

  it("is unused when the plan releases its whole backlog and the team could keep more (examples/team.yaml)", () => {
    const team = buildResult(validateScenarioText(readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8")).compiled!);
    const platform = team.scenarios.managed!.summary;
    // A backlog of 6, all released: 10 live at the end, room for 30.
    expect(platform).toMatchObject({ backlog: 6, projectsDelivered: 6, liveProjectsAtEnd: 10, maxLiveProjects: 30 });
    expect(backlogReleased(platform)).toBe(true);
    expect(roomLeftUnused(platform)).toBe(true);
    // Today releases 5 of the 6 before its time for new work runs out: its room is what it keeps.
    expect(backlogReleased(team.scenarios.today!.summary)).toBe(false);
    // Models still asked for, or none asked for at all (no backlog), leave the room the plan's to use.
    expect(roomLeftUnused({ projectsDelivered: 5, liveProjectsAtEnd: 9, maxLiveProjects: 30, backlog: 6 })).toBe(false);
    expect(roomLeftUnused({ projectsDelivered: 5, liveProjectsAtEnd: 9, maxLiveProjects: 30, backlog: null })).toBe(false);
    expect(backlogReleased({ projectsDelivered: 0, backlog: 0 })).toBe(false);
  });

  it("is over its hours when a team ends the plan with more live projects than they keep (examples/solo.yaml with 0.4 people)", () => {
    const part = buildResult(
      validateScenarioText(readFileSync(new URL("../../examples/solo.yaml", import.meta.url), "utf8").replace(/people: \{ value: 1,/, "people: { value: 0.4,"))
        .compiled!,
    );
    const today = part.scenarios.today!.summary;
    // 2 live at the end on hours for 1, more work than hours in every month.
    expect(today).toMatchObject({ liveProjectsAtEnd: 2, maxLiveProjects: 1 });
    expect(today.overloadedMonths).toHaveLength(part.horizonMonths);
    expect(overItsHoursAtEnd(today)).toBe(true);
    expect(overItsHoursAtEnd(part.scenarios.managed!.summary)).toBe(false);
    expect(overItsHoursAtEnd({ liveProjectsAtEnd: 2, maxLiveProjects: null })).toBe(false);
  });
});

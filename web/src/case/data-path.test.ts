import { describe, expect, it } from "vitest";
import { deleteIn, getIn, setIn } from "./data-path.js";
import { deleteScenario, duplicateScenario, renameScenario } from "./scenarios.js";

describe("editing case data", () => {
  it("sets a value without touching the original", () => {
    const data = { scenarios: { a: { label: "A" } } };
    const changed = setIn(data, ["scenarios", "a", "projects", "buildHours"], 80);
    expect(getIn(changed, ["scenarios", "a", "projects", "buildHours"])).toBe(80);
    expect(data).toEqual({ scenarios: { a: { label: "A" } } });
  });

  it("removes maps left empty, but never a scenario", () => {
    const data = { scenarios: { a: { projects: { buildHours: 80 } } }, defaults: { team: { people: 1 } } };
    expect(deleteIn(data, ["scenarios", "a", "projects", "buildHours"], 2)).toEqual({ scenarios: { a: {} }, defaults: { team: { people: 1 } } });
    expect(deleteIn(data, ["defaults", "team", "people"])).toEqual({ scenarios: { a: { projects: { buildHours: 80 } } } });
  });

  it("renames a scenario in place and keeps the baseline pointing at it", () => {
    const data = { baseline: "today", scenarios: { today: {}, better: { label: "Better" } } };
    const renamed = renameScenario(data, "today", "current");
    expect(Object.keys(renamed.scenarios as object)).toEqual(["current", "better"]);
    expect(renamed.baseline).toBe("current");
  });

  it("copies a scenario and refuses to delete the baseline", () => {
    const data = { baseline: "today", scenarios: { today: {}, better: { label: "Better", projects: { buildHours: 80 } } } };
    const copied = duplicateScenario(data, "better", "better-2");
    expect(getIn(copied, ["scenarios", "better-2"])).toEqual({ label: "Better (copy)", projects: { buildHours: 80 } });
    expect(deleteScenario(data, "today")).toBe(data);
    expect(Object.keys(deleteScenario(data, "better").scenarios as object)).toEqual(["today"]);
  });
});

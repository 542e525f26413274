import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, oneAtATimeSensitivity, validateScenarioText } from "../engine/index.js";
import { rankRisks } from "./risks.js";

describe("the risks' labels", () => {
  it("call today's input 'today' though an option reads it before its change is in place (it is in its usedBy)", () => {
    const { compiled } = validateScenarioText(readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8"));
    const result = buildResult(compiled!);
    const today = result.assumptions.find((assumption) => assumption.input === "defaults.projects.upkeepHoursPerMonth")!;
    expect(today.usedOnlyBeforeChangeBy).toContain("managed");
    const labels = rankRisks(result, "managed", undefined, oneAtATimeSensitivity(compiled!, "managed"))!.risks.map((risk) => risk.label);
    expect(labels).toContain("Upkeep hours a month for each live project, today");
    expect(labels).toContain("Upkeep hours a month for each live project, after the change");
  });
});

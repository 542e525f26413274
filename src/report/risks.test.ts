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

  it("call the change's own inputs 'for the change', not 'after the change' (its consultants are paid before it starts)", () => {
    const text = readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8").replace(
      "    label: What will be approved\n",
      "    label: What will be approved\n    change: { startMonth: 6, external: { consultants: 700 } }\n",
    );
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    const labels = rankRisks(result, "compromise", undefined, oneAtATimeSensitivity(compiled!, "compromise"))!.risks.map((risk) => risk.label);
    // It read "Outside help, paid once, after the change", of consultants paid at the end of month 5.
    expect(labels.filter((label) => label.startsWith("Outside help"))).toEqual(["Outside help, paid once, for the change"]);
    expect(labels).toContain("Upkeep hours a month for each live project, after the change");
  });
});

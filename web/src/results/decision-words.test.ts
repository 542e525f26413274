import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../../../src/engine/index.js";
import closeCallText from "../../../examples/close-call.yaml?raw";
import { formatChance, groupNote, informationLabel } from "./decision-words.js";

function resultOf(text: string) {
  const { compiled } = validateScenarioText(text);
  if (!compiled) throw new Error("the example should be valid");
  return buildResult(compiled);
}

describe("the decision panel's words", () => {
  const closeCall = resultOf(closeCallText);

  it("name an input with the editor's label and the options that use it when not all do", () => {
    expect(informationLabel(["scenarios.compromise.projects.upkeepHoursPerMonth"], closeCall)).toBe("Upkeep hours a month for each live project (What will be approved)");
    expect(informationLabel(["defaults.projects.upkeepHoursPerMonth"], closeCall)).toBe("Upkeep hours a month for each live project (Today)");
    expect(informationLabel(["defaults.projects.valuePerMonth"], closeCall)).toBe("What one live project earns or saves a month");
  });

  it("write a group's inputs that share a label once, their options together", () => {
    const pair = ["scenarios.optimal.projects.upkeepHoursPerMonth", "scenarios.compromise.projects.upkeepHoursPerMonth"];
    expect(informationLabel(pair, closeCall)).toBe("Upkeep hours a month for each live project (Every tool we want and What will be approved)");
    expect(informationLabel([...pair, "defaults.projects.valuePerMonth"], closeCall)).toBe(
      "Upkeep hours a month for each live project (Every tool we want and What will be approved); What one live project earns or saves a month",
    );
    expect(groupNote({ inputs: pair, value: 1, shareOfEvpi: 1, aboveNoise: true, group: "correlated" })).toBe("Finding out both at once: they move together");
    expect(groupNote({ inputs: [...pair, "x"], value: 1, shareOfEvpi: 1, aboveNoise: true, group: "asked" })).toBe("Finding out all at once");
    expect(groupNote({ inputs: [pair[0]!], value: 1, shareOfEvpi: 1, aboveNoise: true })).toBeUndefined();
  });

  it("never round a chance to a certainty it is not", () => {
    expect(formatChance(0)).toBe("0%");
    expect(formatChance(0.003)).toBe("under 1%");
    expect(formatChance(0.005)).toBe("1%");
    expect(formatChance(0.564)).toBe("56%");
    expect(formatChance(0.994)).toBe("99%");
    expect(formatChance(0.996)).toBe("over 99%");
    expect(formatChance(1)).toBe("100%");
  });
});

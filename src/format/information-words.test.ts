import { describe, expect, it } from "vitest";
import type { CaseResult } from "../engine/index.js";
import { informationLabel, informationParts } from "./information-words.js";

/** Just what the labels read: the scenarios' labels in file order and who uses each input. */
const result = {
  scenarios: {
    current: { label: "Today" },
    optimal: { label: "Every tool we want" },
    compromise: { label: "What will be approved" },
  },
  assumptions: [
    { input: "defaults.projects.upkeepHoursPerMonth", usedBy: ["current"] },
    { input: "defaults.projects.valuePerMonth", usedBy: ["current", "optimal", "compromise"] },
    { input: "scenarios.optimal.projects.upkeepHoursPerMonth", usedBy: ["optimal"] },
    { input: "scenarios.compromise.projects.upkeepHoursPerMonth", usedBy: ["compromise"] },
  ],
} as unknown as CaseResult;

describe("informationLabel", () => {
  it("names an input by its plain label, with the options that use it when not all do", () => {
    expect(informationLabel({ inputs: ["scenarios.compromise.projects.upkeepHoursPerMonth"] }, result)).toBe(
      "Upkeep hours a month for each live project (“What will be approved”)",
    );
    expect(informationLabel({ inputs: ["defaults.projects.valuePerMonth"] }, result)).toBe("What one live project earns or saves a month");
  });

  it("merges a group's inputs of the same field into one label, options in the file's order", () => {
    const group = { inputs: ["scenarios.compromise.projects.upkeepHoursPerMonth", "scenarios.optimal.projects.upkeepHoursPerMonth"] };
    expect(informationParts(group, result)).toEqual([{ label: "Upkeep hours a month for each live project", scenarios: ["optimal", "compromise"] }]);
    expect(informationLabel(group, result)).toBe("Upkeep hours a month for each live project (“Every tool we want” and “What will be approved”)");
    // Every option uses the field once today's value joins: no list of options then.
    const everyone = { inputs: [...group.inputs, "defaults.projects.upkeepHoursPerMonth"] };
    expect(informationLabel(everyone, result)).toBe("Upkeep hours a month for each live project");
  });

  it("lists a group's options as the report does, each in quotes, so that a label with a comma of its own is not read as two options", () => {
    // The web app's panel said "(Every tool, including monitoring, What will be approved)": three options to a reader;
    // with "and" alone it still read as one option that includes two things. Each option is in quotes, as page 1 writes them.
    const commas = { ...result, scenarios: { ...result.scenarios, optimal: { label: "Every tool, including monitoring" } } } as unknown as CaseResult;
    const group = { inputs: ["scenarios.optimal.projects.upkeepHoursPerMonth", "scenarios.compromise.projects.upkeepHoursPerMonth"] };
    expect(informationLabel(group, commas)).toBe("Upkeep hours a month for each live project (“Every tool, including monitoring” and “What will be approved”)");
  });

  it("joins different fields of a group with 'and'", () => {
    expect(informationLabel({ inputs: ["defaults.projects.valuePerMonth", "scenarios.optimal.projects.upkeepHoursPerMonth"] }, result)).toBe(
      "What one live project earns or saves a month and upkeep hours a month for each live project (“Every tool we want”)",
    );
  });
});

describe("informationLabel of an input an option reads only before its change", () => {
  // What will be approved starts later and works today's way until then (docs/numbers.md): it reads
  // today's upkeep hours in those months only. The report's and the workbook's "Used by" say so; `voi`
  // and the decision section said "(“Today” and “What will be approved”)" as if it were the option's own.
  const late = {
    ...result,
    assumptions: [
      { input: "scenarios.current.projects.upkeepHoursPerMonth", usedBy: ["current", "compromise"], usedOnlyBeforeChangeBy: ["compromise"] },
      { input: "scenarios.compromise.projects.upkeepHoursPerMonth", usedBy: ["compromise"] },
    ],
  } as unknown as CaseResult;

  it("marks the option, as every view of the inputs' users does", () => {
    const today = { inputs: ["scenarios.current.projects.upkeepHoursPerMonth"] };
    expect(informationParts(today, late)).toEqual([
      { label: "Upkeep hours a month for each live project", scenarios: ["current", "compromise"], onlyBeforeChange: ["compromise"] },
    ]);
    expect(informationLabel(today, late)).toBe("Upkeep hours a month for each live project (“Today” and “What will be approved” (before its change))");
  });

  it("does not mark it where the group also holds its own input of the same field", () => {
    const both = { inputs: ["scenarios.current.projects.upkeepHoursPerMonth", "scenarios.compromise.projects.upkeepHoursPerMonth"] };
    expect(informationLabel(both, late)).toBe("Upkeep hours a month for each live project (“Today” and “What will be approved”)");
  });
});

import { describe, expect, it } from "vitest";
import { validCaseText, withEdit } from "../../test-support/scenario-text.js";
import { validateScenarioText } from "./validate.js";

// What a new user types wrong in a case file, and what they are told (docs/scenario-file.md).

describe("a multiplier typed as a percentage", () => {
  const withFactor = (factor: string) => withEdit(validCaseText(), "    tooling:\n", `    change:\n      organisationFactor: ${factor}\n    tooling:\n`);

  it("warns that change.organisationFactor 30 is a multiplier: 1.3 means 30% more setup hours", () => {
    const { issues, compiled } = validateScenarioText(withFactor("30"));
    expect(compiled).toBeDefined();
    expect(issues).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "implausible",
        path: ["scenarios", "better", "change", "organisationFactor"],
        message: expect.stringMatching(
          /^scenarios\.better\.change\.organisationFactor is 30; it is a multiplier, not a percentage: 1\.3 means 30% more setup hours/,
        ),
      }),
    ]);
  });

  it("says nothing of a plausible factor, up to 5 (1.5: slow approvals)", () => {
    expect(validateScenarioText(withFactor("1.5")).issues).toEqual([]);
    expect(validateScenarioText(withFactor("5")).issues).toEqual([]);
    expect(validateScenarioText(withFactor("{ low: 1.1, high: 1.6 }")).issues).toEqual([]);
  });

  it("warns of a range whose middle is above 5", () => {
    const { issues } = validateScenarioText(withFactor("{ low: 20, high: 40 }"));
    expect(issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/organisationFactor is 28\.\d+ at its middle; it is a multiplier/)]);
  });
});

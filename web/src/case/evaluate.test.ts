import { describe, expect, it } from "vitest";
import teamText from "../../../examples/team.yaml?raw";
import { parseScenarioSource, validateScenarioText } from "../../../src/engine/index.js";
import { setIn, type CaseData } from "./data-path.js";
import { caseSourceText, evaluateCase } from "./evaluate.js";

const team = parseScenarioSource(teamText).data as CaseData;
const path = ["defaults", "team", "people", "value"];

describe("checking a case holding a number JSON cannot write", () => {
  it("says of 1e400 (infinite) what validate says of the file holding it, not that it is empty", () => {
    for (const [value, written] of [
      [Number.POSITIVE_INFINITY, ".inf"],
      [Number.NEGATIVE_INFINITY, "-.inf"],
      [Number.NaN, ".nan"],
    ] as const) {
      const fromPage = evaluateCase(setIn(team, path, value)).issues.filter((issue) => issue.path.join(".") === path.join("."));
      const fromFile = validateScenarioText(teamText.replace("people: { value: 4,", `people: { value: ${written},`)).issues;
      expect(fromPage.map((issue) => issue.message)).toEqual(fromFile.map((issue) => issue.message));
      expect(fromPage[0]?.message).not.toContain("empty");
    }
  });

  it("is plain JSON for every other case", () => {
    expect(caseSourceText(team)).toBe(JSON.stringify(team));
    expect(caseSourceText({ a: [1, Number.NEGATIVE_INFINITY], b: "1e400" })).toBe('{"a":[1,-.inf],"b":"1e400"}');
  });
});

import { describe, expect, it } from "vitest";
import { inFieldWords } from "./FieldMessages.js";

describe("a problem said under its own field", () => {
  it("names the field by its label in place of its place in the file, and the end of a range", () => {
    expect(
      inFieldWords(
        { path: ["defaults", "team", "people", "value"], message: "defaults.team.people.value is -2; allowed: a number of people (full-time equivalents) > 0" },
        "People in the team",
      ),
    ).toBe("People in the team is -2; allowed: a number of people (full-time equivalents) > 0");
    expect(inFieldWords({ path: ["defaults", "team", "people", "low"], message: "defaults.team.people.low is -2; allowed: …" }, "People in the team")).toBe(
      "People in the team, low end is -2; allowed: …",
    );
    expect(inFieldWords({ path: ["scenarios", "a", "people"], message: 'scenarios.a.people is the text "1,5"; expected a number' }, "People")).toBe(
      'People is the text "1,5"; expected a number',
    );
  });

  it("leaves a message about another place, or without a label, as it is", () => {
    const other = { path: ["defaults", "team", "people"], message: "scenarios.a.change.startMonth is after the horizon" };
    expect(inFieldWords(other, "People in the team")).toBe(other.message);
    const own = { path: ["defaults", "team", "constructor"], message: "defaults.team.constructor is 1; not allowed" };
    expect(inFieldWords(own, "Odd")).toBe("Odd is 1; not allowed");
    expect(inFieldWords(own, undefined)).toBe(own.message);
  });
});

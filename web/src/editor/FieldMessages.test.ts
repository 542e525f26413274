import { describe, expect, it } from "vitest";
import { labelAt } from "../case/field-labels.js";
import { inFieldWords, inSummaryWords } from "./FieldMessages.js";

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

  it("says of a list's item that the list includes it: release months 4, 7, 10 past a horizon of 6 read 'Months projects are released is 7'", () => {
    const issue = { path: ["defaults", "releases", "months", 1], message: "defaults.releases.months[1] is 7; allowed: a month between 1 and the horizon (6)" };
    expect(inFieldWords(issue, "Months projects are released")).toBe("Months projects are released includes 7; allowed: a month between 1 and the horizon (6)");
    expect(inSummaryWords(issue, (path) => labelAt({}, path))).toBe("Months projects are released includes 7; allowed: a month between 1 and the horizon (6)");
  });

  it("quotes a large number back grouped as every figure on the page, not in the 13 digits of the case's JSON", () => {
    // 1e12 typed in a field read "Months the case covers is 1000000000000; allowed: …".
    const horizon = { path: ["horizonMonths"], message: "horizonMonths is 1000000000000; allowed: a whole number of months between 1 and 240" };
    expect(inFieldWords(horizon, "Months the case covers")).toBe(
      "Months the case covers is 1,000,000,000,000; allowed: a whole number of months between 1 and 240",
    );
    expect(inSummaryWords(horizon, () => "Months the case covers")).toBe(
      "Months the case covers is 1,000,000,000,000; allowed: a whole number of months between 1 and 240",
    );
    expect(inFieldWords({ path: ["discountRate"], message: "discountRate is -12345.678; allowed: …" }, undefined)).toBe(
      "discountRate is -12,345.678; allowed: …",
    );
    const month = {
      path: ["defaults", "releases", "months", 0],
      message: "defaults.releases.months[0] is 100000; allowed: a month between 1 and the horizon (36)",
    };
    expect(inFieldWords(month, "Months projects are released")).toBe(
      "Months projects are released includes 100,000; allowed: a month between 1 and the horizon (36)",
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

describe("a problem said in the list above the inputs", () => {
  const data = { scenarios: { optimal: { label: "Every tool we want" } }, catalogue: { mine: { label: "Our own stack" } } };
  const words = (path: readonly (string | number)[]) => labelAt(data, path);

  it("says it as under its field, the end of a range included", () => {
    const issue = { path: ["defaults", "team", "people", "low"], message: "defaults.team.people.low is -2; allowed: …" };
    expect(inSummaryWords(issue, words)).toBe(inFieldWords(issue, "People in the team"));
    expect(inSummaryWords(issue, words)).toBe("People in the team, low end is -2; allowed: …");
  });

  it("names a place without a box of its own by the words the editor shows around it", () => {
    expect(
      inSummaryWords(
        {
          path: ["scenarios", "optimal", "tooling", "supportStaff", "people"],
          message: 'unknown field "people" in scenarios.optimal.tooling.supportStaff; allowed: …',
        },
        words,
      ),
    ).toBe('unknown field "people" in Support staff; allowed: …');
    expect(inSummaryWords({ path: ["catalogue", "mine", "per"], message: 'unknown field "per" in catalogue.mine; allowed: …' }, words)).toBe(
      'unknown field "per" in capability “Our own stack”; allowed: …',
    );
    // A longer place that only starts like one on the path is left alone.
    const other = { path: ["scenarios", "optimal", "tooling"], message: "scenarios.optimal.toolingX is odd" };
    expect(inSummaryWords(other, words)).toBe(other.message);
  });

  it("ends, and puts each place in words once, where a label itself reads like a place", () => {
    const copied = { scenarios: { a: { label: "Copy of scenarios.a" } } };
    const issue = { path: ["scenarios", "a", "bogus"], message: 'unknown field "bogus" in scenarios.a; allowed: …' };
    expect(inSummaryWords(issue, (path) => labelAt(copied, path))).toBe('unknown field "bogus" in scenario “Copy of scenarios.a”; allowed: …');
  });
});

describe("a problem with a box whose label ends with a typing hint", () => {
  it("reads as a sentence: the currency's label without its “(three letters, e.g. EUR)”, as the command line says it", () => {
    const issue = { path: ["currency"], message: 'currency ABC is not an ISO 4217 code; money is written as "ABC 1,000"' };
    // It read "Currency (three letters, e.g. EUR) ABC is not an ISO 4217 code; …".
    expect(inFieldWords(issue, labelAt({}, ["currency"]))).toBe('Currency ABC is not an ISO 4217 code; money is written as "ABC 1,000"');
    expect(inSummaryWords(issue, (path) => labelAt({}, path))).toBe('Currency ABC is not an ISO 4217 code; money is written as "ABC 1,000"');
  });
});

import { describe, expect, it } from "vitest";
import { readFixture } from "../../test-support/fixtures.js";
import { columnOf, lineOf, validCaseText, withEdit } from "../../test-support/scenario-text.js";
import type { Issue } from "./issues.js";
import { MAX_ALIAS_COUNT, MAX_SOURCE_BYTES } from "./source.js";
import { validateScenarioText } from "./validate.js";

// The bad-input suite: every way a user's file can be wrong gets a clear message with a line and
// column, naming the field, the value found and what is allowed — and all problems come at once.

function errors(text: string): Issue[] {
  return validateScenarioText(text).issues.filter((issue) => issue.severity === "error");
}

/** The only error of a text; fails the test when there is not exactly one. */
function onlyError(text: string): Issue {
  const found = errors(text);
  expect(found.map((issue) => issue.message)).toHaveLength(1);
  return found[0]!;
}

describe("a valid file", () => {
  it("validates without issues and compiles", () => {
    const validation = validateScenarioText(validCaseText());
    expect(validation.issues).toEqual([]);
    expect(validation.compiled?.scenarios.map((scenario) => scenario.name)).toEqual(["current", "better"]);
  });

  it("accepts { value, note } wherever a number goes, and keeps the note", () => {
    const text = withEdit(validCaseText(), "people: 1", 'people: { value: 1, note: "x" }');
    const validation = validateScenarioText(text);
    expect(validation.issues).toEqual([]);
    const leaf = validation.compiled?.leaves.find((candidate) => candidate.name === "defaults.team.people");
    expect(leaf).toMatchObject({ value: 1, note: "x" });
  });
});

describe("broken YAML", () => {
  it("points an unclosed bracket at the bracket, not at the next field", () => {
    const text = readFixture("unclosed-bracket.yaml");
    const issue = onlyError(text);
    expect(issue.code).toBe("yaml_bad_indent");
    expect(issue).toMatchObject({ line: lineOf(text, "months: ["), column: columnOf(text, "[4, 7") });
    expect(issue.message).toContain('opened with "["');
    expect(issue.message).toContain('add "]"');
  });

  it("points bad indentation at the line that is out of step", () => {
    const text = "title: A case\ndefaults:\n  team:\n    people: 1\n   hoursPerMonth: 120\n";
    const issue = onlyError(text);
    expect(issue).toMatchObject({ line: 5, column: 4 });
    expect(issue.message).toContain("indented by 3 spaces");
    expect(issue.message).toContain("same column");
  });

  it("names a key written twice and where it was first written", () => {
    const text = withEdit(validCaseText(), "    people: 1\n", "    people: 1\n    hoursPerMonth: 100\n    people: 2\n");
    const issues = errors(text);
    expect(issues.map((issue) => issue.code)).toContain("yaml_duplicate_key");
    const people = issues.find((issue) => issue.message.includes('"people"'));
    expect(people).toMatchObject({ line: lineOf(text, "people: 2"), column: 5 });
    expect(people?.message).toContain(`first on line ${lineOf(text, "people: 1")}`);
    expect(issues.find((issue) => issue.message.includes('"hoursPerMonth"'))?.message).toContain("written twice");
  });

  it("says a tab is not indentation", () => {
    const issue = onlyError("title: x\n\tcurrency: EUR\n");
    expect(issue).toMatchObject({ line: 2, column: 1, code: "yaml_tab_as_indent" });
    expect(issue.message).toContain("only spaces");
  });

  it("points an unclosed quote at the opening quote", () => {
    const issue = onlyError('title: "A case\ncurrency: EUR\n');
    expect(issue).toMatchObject({ line: 1, column: 8 });
    expect(issue.message).toContain("never closed");
  });

  it("suggests quotes for a value holding a colon, quoting the user's own value", () => {
    const issue = onlyError("title: Costs: the real ones\n");
    expect(issue.line).toBe(1);
    expect(issue.message).toContain('"Costs: the real ones"');
  });
});

describe("the wrong shape", () => {
  it("refuses a list at the top", () => {
    const issue = onlyError(readFixture("top-level-list.yaml"));
    expect(issue).toMatchObject({ code: "not_a_map", line: 1, column: 1 });
    expect(issue.message).toContain("a list");
    expect(issue.message).toContain("expected a map of fields");
  });

  it("refuses a bare value at the top", () => {
    expect(onlyError("just some words\n").message).toContain('the text "just some words"');
  });

  it("refuses an empty file", () => {
    const issue = onlyError(readFixture("empty.yaml"));
    expect(issue).toMatchObject({ code: "empty", line: 1, column: 1 });
    expect(issue.message).toContain("mlops-roi init");
  });

  it("refuses a file of whitespace", () => {
    expect(onlyError("  \n\n\t\n").code).toBe("empty");
  });

  it("refuses a file with only comments", () => {
    const issue = onlyError(readFixture("only-comments.yaml"));
    expect(issue).toMatchObject({ code: "empty", line: 1 });
    expect(issue.message).toContain("only comments");
  });

  it("refuses binary data", () => {
    expect(onlyError("\u0000\u0001ELF").code).toBe("not_text");
  });

  it("refuses scenarios written as a list, naming what it holds", () => {
    const text = `${validCaseText().split("scenarios:")[0]}scenarios:\n  - current\n  - better\n`;
    const issue = onlyError(text);
    expect(issue).toMatchObject({ line: lineOf(text, "- current"), column: 3 });
    expect(issue.message).toMatch(/^scenarios is a list of 2 items; expected a map of scenario name/);
  });

  it("explains an empty scenario", () => {
    const text = withEdit(validCaseText(), "  current: {}", "  current:");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ line: lineOf(text, "  current:"), column: 3 });
    expect(issue.message).toContain('write "current: {}" if it has nothing to set');
  });
});

describe("wrong types", () => {
  it('names the field, the text found and the kind of number for "thirty"', () => {
    const text = withEdit(validCaseText(), "hoursPerMonth: 120", "hoursPerMonth: thirty");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ code: "invalid_type", line: lineOf(text, "thirty"), column: columnOf(text, "thirty") });
    expect(issue.message).toMatch(
      /^defaults\.team\.hoursPerMonth is the text "thirty"; expected a number \(hours a month, a number > 0 and at most 744 \(24 hours × 31 days\)\), \{ value, note \}/,
    );
  });

  it("says how to write a number typed with a decimal comma or with separators, as a spreadsheet shows it", () => {
    const cases = [
      ["hoursPerMonth: 120", 'hoursPerMonth: "120,5"', "; write decimals with a point, e.g. 120.5"],
      ["hoursPerMonth: 120", 'hoursPerMonth: { value: "1,500" }', "; write it without separators, e.g. 1500"],
      ["hoursPerMonth: 120", 'hoursPerMonth: { value: "1.500,75" }', "; write it without separators, e.g. 1500.75"],
      // A whole part of 0 is no thousands: "0,125" is an eighth.
      ["hoursPerMonth: 120", 'hoursPerMonth: { value: "0,125" }', "; write decimals with a point, e.g. 0.125"],
    ] as const;
    for (const [from, to, hint] of cases) {
      const issue = onlyError(withEdit(validCaseText(), from, to));
      expect(issue.message, to).toMatch(/is the text "[\d.,]+"; expected a number/);
      expect(issue.message.endsWith(hint), `${to}: ${issue.message}`).toBe(true);
    }
    // Text that is no number gets no such hint.
    expect(onlyError(withEdit(validCaseText(), "hoursPerMonth: 120", "hoursPerMonth: thirty")).message).not.toContain("write");
  });

  it("quotes a number as written in the file, not as parsed (1e+21, 0.1): in YAML and in JSON, and in the hint to quote it", () => {
    const cases = [
      ["people: 1", "people: 1000000000000000000000", "defaults.team.people is 1000000000000000000000; allowed:"],
      ["people: 1", "people: 2.50e6", "defaults.team.people is 2.50e6; allowed:"],
      ["people: 1", "people: { value: 1.50e9, note: x }", "defaults.team.people.value is 1.50e9; allowed:"],
      ["people: 1", "people: { low: 1, high: 0x3B9ACA01 }", "defaults.team.people.high is 0x3B9ACA01; allowed:"],
    ] as const;
    for (const [from, to, said] of cases) {
      const issue = onlyError(withEdit(validCaseText(), from, to));
      expect(issue.message, to).toContain(said);
    }
    const title = onlyError(withEdit(validCaseText(), validCaseText().match(/^title: .*$/m)![0], "title: 1.10"));
    expect(title.message).toMatch(/^title is 1\.10; expected text: .*; write it in quotes, e\.g\. "1\.10"$/);
    // A range's own check names its numbers as written too ("got low 0.1, high 0.05" before).
    for (const [to, said] of [
      ["people: { low: 2.50, high: 1.0 }", "allowed: low must be ≤ high, got low 2.50, high 1.0"],
      ["people: { distribution: pert, min: 1.0, mode: 0.50e1, max: 3 }", "allowed: min must be ≤ mode ≤ max, got min 1.0, mode 0.50e1, max 3"],
    ] as const)
      expect(onlyError(withEdit(validCaseText(), "people: 1", to)).message, to).toContain(said);
    // The range itself is called a range, as the editor calls it: it was "is a map with low, high, note".
    expect(onlyError(withEdit(validCaseText(), "people: 1", "people: { low: 20, high: 12, note: x }")).message).toBe(
      "defaults.team.people is a range; allowed: low must be ≤ high, got low 20, high 12",
    );
    expect(onlyError(withEdit(validCaseText(), "people: 1", "people: { distribution: pert, min: 1.0, mode: 0.50e1, max: 3 }")).message).toMatch(
      /^defaults\.team\.people is a pert range; allowed: min must be ≤ mode ≤ max/,
    );
    const json = validateScenarioText('{"title": "x", "currency": "EUR", "horizonMonths": 12.50, "discountRate": 0.10}').issues;
    expect(json.find((issue) => issue.path.join(".") === "horizonMonths")?.message).toMatch(/^horizonMonths is 12\.50; /);
  });

  it("quotes numbers as written in the cross-field checks too (months past the horizon, a start month, build hours): not the parsed 13", () => {
    const text = withEdit(withEdit(validCaseText(), "horizonMonths: 12", "horizonMonths: 1.20e1"), "months: [4, 7, 10]", "months: [4, 7, 1.30e1]");
    expect(onlyError(text).message).toBe("defaults.releases.months[2] is 1.30e1; allowed: a month between 1 and the horizon (1.20e1)");
    // Also when the file has another mistake, whose parts are set aside for these checks.
    const withTypo = errors(withEdit(text, "  people: 1", "  people: 1\n    peeple: 2")).map((issue) => issue.message);
    expect(withTypo).toContain("defaults.releases.months[2] is 1.30e1; allowed: a month between 1 and the horizon (1.20e1)");
    const start = withEdit(validCaseText(), "  releases:\n    mode: schedule", "  change:\n    startMonth: 1.50e1\n  releases:\n    mode: schedule");
    expect(onlyError(start).message).toBe("defaults.change.startMonth is 1.50e1; allowed: a month between 1 and the horizon (12)");
    const capacity = withEdit(
      withEdit(validCaseText(), "    mode: schedule\n    months: [4, 7, 10]", "    mode: capacity"),
      "    valuePerMonth: 2500",
      "    valuePerMonth: 2500\n    buildHours: 0.00",
    );
    expect(onlyError(capacity).message).toContain("so projects.buildHours must be > 0 (hours to build one project); it is 0.00");
  });

  it("reports a map where a number belongs once, with the keys it has", () => {
    const text = withEdit(validCaseText(), "people: 1", "people: { amount: 1 }");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ line: lineOf(text, "people:"), column: columnOf(text, "{ amount") });
    expect(issue.message).toContain("defaults.team.people is a map with amount");
    expect(issue.message).toContain("{ value, note }");
  });

  it("offers value for a misspelt { vaule: ... }", () => {
    const issue = onlyError(withEdit(validCaseText(), "people: 1", "people: { vaule: 1 }"));
    expect(issue.message).toContain('did you mean "value" instead of "vaule"?');
  });

  it("names a map where a group of fields belongs with the fields allowed", () => {
    const text = withEdit(validCaseText(), "    projects:\n      upkeepHoursPerMonth: 11", "    projects: 11");
    const issue = onlyError(text);
    expect(issue.message).toBe("scenarios.better.projects is 11; expected a map of fields (note, alreadyLive, buildHours, upkeepHoursPerMonth, valuePerMonth)");
  });

  it("suggests quotes when a number is written where text belongs", () => {
    const issue = onlyError(withEdit(validCaseText(), "title: A small case", "title: 2024"));
    expect(issue.message).toBe('title is 2024; expected text: the title of the case; write it in quotes, e.g. "2024"');
  });

  it("refuses infinity and not-a-number", () => {
    // Quoted as written, with the upper limit 1e308 is told: it said "is infinite; expected …".
    expect(onlyError(withEdit(validCaseText(), "people: 1", "people: .inf")).message).toBe(
      "defaults.team.people is infinite (.inf); allowed: a number of people (full-time equivalents) > 0, at most 1,000,000",
    );
    expect(onlyError(withEdit(validCaseText(), "people: 1", "people: { value: 1e400 }")).message).toBe(
      "defaults.team.people.value is 1e400; allowed: a number of people (full-time equivalents) > 0, at most 1,000,000",
    );
    expect(onlyError(withEdit(validCaseText(), "people: 1", "people: 1e308")).message).toBe(
      "defaults.team.people is 1e308; allowed: a number of people (full-time equivalents) > 0, at most 1,000,000",
    );
    expect(onlyError(withEdit(validCaseText(), "people: 1", "people: .nan")).message).toContain("is not a number (.nan)");
  });

  it("refuses a note that is not text", () => {
    const text = withEdit(validCaseText(), "note: from the finance team", "note: 42");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ line: lineOf(text, "note: 42"), column: columnOf(text, "42") });
    expect(issue.message).toBe('defaults.team.hourlyCost.note is 42; a note is text; write it in quotes, e.g. "42"');
  });

  it("offers the currency in capitals when it was written in small letters (eur)", () => {
    expect(onlyError(withEdit(validCaseText(), "currency: EUR", "currency: eur")).message).toBe(
      'currency is the text "eur"; allowed: a three-letter currency code in capitals such as EUR, USD or GBP; did you mean EUR?',
    );
    expect(onlyError(withEdit(validCaseText(), "currency: EUR", "currency: euro")).message).toBe(
      'currency is the text "euro"; allowed: a three-letter currency code in capitals such as EUR, USD or GBP',
    );
  });

  it("ends the catalogue sentence of an unknown capability before its list (it ran on: 'not in the catalogue Allowed: …')", () => {
    const text = withEdit(validCaseText(), "  better:\n", "  better:\n    capabilities: [nope]\n");
    expect(onlyError(text).message).toMatch(/^scenarios\.better\.capabilities\[0\] is "nope", which is not in the catalogue\. Allowed: commands, /);
  });

  it("offers the allowed choices for a misspelt mode", () => {
    const issue = onlyError(withEdit(validCaseText(), "mode: schedule", "mode: schedul"));
    expect(issue.message).toBe('defaults.releases.mode is the text "schedul"; allowed: schedule, capacity; did you mean "schedule"?');
  });
});

describe("the forms of an input: number, { value, note }, range, distribution", () => {
  const at = (replacement: string) => withEdit(validCaseText(), "people: 1", `people: ${replacement}`);

  it("reads a map by its field names and reports that form's problem", () => {
    expect(onlyError(at("{ low: 1 }")).message).toBe("defaults.team.people.high is missing; expected a number: a number of people (full-time equivalents) > 0");
    expect(onlyError(at("{ low: 1, high: -2 }")).message).toContain("defaults.team.people.high is -2; allowed: a number of people");
  });

  it("does not mix forms: low is not allowed next to value", () => {
    expect(onlyError(at("{ value: 1, low: 1 }")).message).toBe('unknown field "low" in defaults.team.people; allowed: value, note');
  });

  it("reports a misspelt range field once, with a did-you-mean", () => {
    const text = at("{ low: 1, hihg: 2 }");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ code: "unknown_key", column: columnOf(text, "hihg") });
    expect(issue.message).toContain('did you mean "high"?');
  });

  it("offers the distribution meant", () => {
    const text = at("{ distribution: pret, min: 1, mode: 2, max: 3 }");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ column: columnOf(text, "pret") });
    expect(issue.message).toContain('defaults.team.people.distribution is the text "pret"; allowed: uniform, triangular, pert');
    expect(issue.message).toContain('did you mean "pert"?');
  });
});

describe("numbers out of range", () => {
  it("refuses negative hours", () => {
    const text = withEdit(validCaseText(), "upkeepHoursPerMonth: 30", "upkeepHoursPerMonth: -30");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ code: "too_small", line: lineOf(text, "-30"), column: columnOf(text, "-30") });
    expect(issue.message).toBe("defaults.projects.upkeepHoursPerMonth is -30; allowed: hours, a number ≥ 0");
  });

  it("refuses a share above 1, without repeating the bound", () => {
    const text = withEdit(
      validCaseText(),
      "  projects:\n    upkeepHoursPerMonth: 30",
      "  breakage:\n    changeFailureRate: 1.5\n  projects:\n    upkeepHoursPerMonth: 30",
    );
    const issue = onlyError(text);
    expect(issue).toMatchObject({ line: lineOf(text, "1.5"), column: columnOf(text, "1.5") });
    expect(issue.message).toBe("defaults.breakage.changeFailureRate is 1.5; allowed: a share between 0 and 1 (0.25 means 25%)");
  });

  it("refuses a month that is not a whole number", () => {
    const text = withEdit(validCaseText(), "months: [4, 7, 10]", "months: [4, 7.5, 10]");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ line: lineOf(text, "7.5"), column: columnOf(text, "7.5") });
    expect(issue.message).toMatch(/^defaults\.releases\.months\[1\] is 7\.5; allowed: a whole month number ≥ 1/);
  });

  it("reports a whole number far beyond its maximum once, with the maximum (not again as beyond the safe integers)", () => {
    const month = onlyError(withEdit(validCaseText(), "months: [4, 7, 10]", "months: [4, 7, 1e16]"));
    expect(month.message).toBe("defaults.releases.months[2] is 1e16; allowed: a whole month number ≥ 1 (month 1 is the first month of the case), at most 600");
    expect(onlyError(withEdit(validCaseText(), "horizonMonths: 12", "horizonMonths: 1e20")).message).toBe(
      "horizonMonths is 1e20; allowed: a whole number of months between 1 and 240",
    );
  });

  it("reports a horizon out of range once", () => {
    const issue = onlyError(withEdit(validCaseText(), "horizonMonths: 12", "horizonMonths: 700"));
    expect(issue.message).toBe("horizonMonths is 700; allowed: a whole number of months between 1 and 240");
  });

  it("says how long an over-long text is", () => {
    const issue = onlyError(withEdit(validCaseText(), "title: A small case", `title: ${"x".repeat(250)}`));
    expect(issue.message).toContain("allowed: text of at most 200 characters (it has 250 characters)");
  });
});

describe("unknown fields", () => {
  it.each([
    ["upkeepHoursPerMonth: 30", "upkeepHoursPerMonht: 30", "upkeepHoursPerMonht", "defaults.projects", "upkeepHoursPerMonth"],
    ["hourlyCost:", "hourlyCsot:", "hourlyCsot", "defaults.team", "hourlyCost"],
    ["horizonMonths: 12", "horizon: 12", "horizon", "the top level", "horizonMonths"],
  ])("%s misspelt as %s gets a did-you-mean at the key", (find, replacement, key, where, meant) => {
    const text = withEdit(validCaseText(), find, replacement);
    const issues = errors(text);
    // The misspelling is one mistake: the required field it hides is not reported missing as well.
    expect(issues.map((issue) => issue.message)).toHaveLength(1);
    const issue = issues[0]!;
    expect(issue).toMatchObject({ code: "unknown_key", line: lineOf(text, replacement), column: columnOf(text, key) });
    expect(issue.message).toContain(`unknown field "${key}" ${where === "the top level" ? "at" : "in"} ${where}; did you mean "${meant}"?`);
    expect(issue.message).toContain(`Allowed: `);
    expect(issue.message).toContain(meant);
  });

  it("lists what is allowed when nothing is close", () => {
    const issue = onlyError(withEdit(validCaseText(), "people: 1", "people: 1\n    favouriteColour: blue"));
    expect(issue.message).toBe('unknown field "favouriteColour" in defaults.team; allowed: note, people, hoursPerMonth, hourlyCost, salary');
  });

  it("names an unknown baseline scenario with a did-you-mean", () => {
    const text = withEdit(validCaseText(), "baseline: current", "baseline: curent");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ line: lineOf(text, "curent"), column: columnOf(text, "curent") });
    expect(issue.message).toBe('baseline is the text "curent"; allowed: the name of one of the scenarios (current, better); did you mean "current"?');
  });
});

describe("rules across fields", () => {
  it("reports a missing team.people at the team key", () => {
    const text = withEdit(validCaseText(), "    people: 1\n", "");
    const issues = errors(text);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.code).toBe("missing");
      expect(issue.message).toContain("team.people");
      expect(issue).toMatchObject({ line: lineOf(text, "  team:"), column: 3 });
    }
  });

  it("refuses both hourlyCost and salary", () => {
    const text = withEdit(
      validCaseText(),
      "    people: 1\n",
      "    people: 1\n    salary: { annual: 60000, benefitsMultiplier: 1.3, workingHoursPerYear: 1720 }\n",
    );
    const issues = errors(text);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.code).toBe("conflict");
      expect(issue.message).toContain("both team.hourlyCost and team.salary");
    }
  });

  it("refuses a release month past the horizon, once, at the month", () => {
    const text = withEdit(validCaseText(), "months: [4, 7, 10]", "months: [4, 7, 14]");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ code: "beyond_horizon", line: lineOf(text, "14]"), column: columnOf(text, "14]") });
    expect(issue.message).toBe("defaults.releases.months[2] is 14; allowed: a month between 1 and the horizon (12)");
  });

  it("refuses a cost's months from after until, at the month, and warns of a first month past the horizon (both validated silently and added nothing)", () => {
    const swapped = withEdit(
      validCaseText(),
      "        flatPerYear: 3600\n",
      "        flatPerYear: 3600\n      training: { perPersonPerYear: 100, fromMonth: 5, untilMonth: 3 }\n",
    );
    const issue = onlyError(swapped);
    expect(issue).toMatchObject({ code: "invalid", line: lineOf(swapped, "fromMonth: 5"), column: columnOf(swapped, "5, untilMonth") });
    expect(issue.message).toBe(
      "scenarios.better.tooling.training.fromMonth is 5 but scenarios.better.tooling.training.untilMonth is 3, so nothing would be paid; allowed: fromMonth ≤ untilMonth (swap them?)",
    );
    const late = withEdit(validCaseText(), "        flatPerYear: 3600\n", "        flatPerYear: 3600\n        fromMonth: 50\n");
    const lateIssues = validateScenarioText(late).issues;
    expect(lateIssues.map(({ severity, code, line, message }) => ({ severity, code, line, message }))).toEqual([
      {
        severity: "warning",
        code: "beyond_horizon",
        line: lineOf(late, "fromMonth: 50"),
        message: "scenarios.better.tooling.licences.fromMonth is 50, after the horizon (12), so nothing of it is paid within the case",
      },
    ]);
    // A last month past the horizon is a contract longer than the case: paid to its end, nothing said.
    expect(
      validateScenarioText(withEdit(validCaseText(), "        flatPerYear: 3600\n", "        flatPerYear: 3600\n        untilMonth: 50\n")).issues,
    ).toEqual([]);
  });

  it("warns of setup spread past the horizon, whose last months' hours are not counted", () => {
    const text = withEdit(
      validCaseText(),
      "        flatPerYear: 3600\n",
      "        flatPerYear: 3600\n    change:\n      startMonth: 3\n      setupMonths: 99\n",
    );
    expect(validateScenarioText(text).issues.map(({ severity, code, line, message }) => ({ severity, code, line, message }))).toEqual([
      {
        severity: "warning",
        code: "beyond_horizon",
        line: lineOf(text, "setupMonths: 99"),
        message:
          "scenarios.better.change.setupMonths is 99, so the setup, from month 3, runs past the horizon (12) and the hours of its months after month 12 are not counted; to count them all, at most 10 months",
      },
    ]);
    expect(validateScenarioText(withEdit(text, "setupMonths: 99", "setupMonths: 10")).issues).toEqual([]);
  });

  it("refuses capacity mode without buildHours", () => {
    const text = withEdit(validCaseText(), "mode: schedule", "mode: capacity");
    const issues = errors(text);
    // A problem in the shared defaults is reported once, naming every scenario it affects.
    expect(issues.map((issue) => issue.message)).toEqual([
      'scenarios "current", "better" release by capacity, so projects.buildHours must be > 0 (hours to build one project); it is missing',
    ]);
    // The months are ignored in capacity mode: a warning, reported once though both scenarios share it.
    const warnings = validateScenarioText(text).issues.filter((issue) => issue.severity === "warning");
    expect(warnings).toHaveLength(1);
  });
});

describe("correlations between ranges", () => {
  // The valid case with both upkeep figures as ranges, and a list of correlations appended.
  const ranged = () =>
    withEdit(
      withEdit(validCaseText(), "upkeepHoursPerMonth: 30", "upkeepHoursPerMonth: { low: 20, high: 40 }"),
      "upkeepHoursPerMonth: 11",
      "upkeepHoursPerMonth: { low: 5, high: 15 }",
    );
  const pair = "[defaults.projects.upkeepHoursPerMonth, scenarios.better.projects.upkeepHoursPerMonth]";
  const withCorrelations = (entries: string) => `${ranged()}correlations:\n${entries}`;

  it("accepts a pair of ranges and compiles it", () => {
    const validation = validateScenarioText(withCorrelations(`  - between: ${pair}\n    rank: 0.7\n    note: same jobs\n`));
    expect(validation.issues).toEqual([]);
    expect(validation.compiled?.correlations).toEqual([{ leaves: expect.any(Array), rank: 0.7, entry: 0, note: "same jobs" }]);
  });

  it("names the field, the value and what is allowed, with line and column, every problem at once", () => {
    const text = withCorrelations(
      `  - between: ${pair}\n    rank: 1.5\n  - between: [defaults.projects.upkeepHoursPerMonth]\n    rank: 0.5\n  - between: ${pair}\n    rank: high\n    strength: 3\n`,
    );
    const issues = errors(text);
    expect(issues.map((issue) => issue.message)).toEqual([
      "correlations[0].rank is 1.5; allowed: a rank correlation from -1 to 1",
      "correlations[1].between is a list of 1 item; allowed: a list of at least 2 items",
      'correlations[2].rank is the text "high"; expected a number from -1 to 1, e.g. 0.7',
      'unknown field "strength" in correlations[2]; allowed: between, rank, note',
    ]);
    expect(issues[0]).toMatchObject({ line: lineOf(text, "rank: 1.5"), column: columnOf(text, "1.5") });
  });

  it("refuses a single number, naming it and its value", () => {
    const [issue] = errors(withCorrelations("  - between: [defaults.team.people, scenarios.better.projects.upkeepHoursPerMonth]\n    rank: 0.5\n"));
    expect(issue?.message).toBe(
      "correlations[0].between[0] is defaults.team.people, a single number (1), not a range; give it as { low, high } to correlate it, or remove this correlation",
    );
  });

  it("quotes that single number as written in the file (1.0, not 1)", () => {
    const text = `${withEdit(ranged(), "people: 1", "people: 1.0")}correlations:\n  - between: [defaults.team.people, scenarios.better.projects.upkeepHoursPerMonth]\n    rank: 0.5\n`;
    const [issue] = errors(text);
    expect(issue?.message).toBe(
      "correlations[0].between[0] is defaults.team.people, a single number (1.0), not a range; give it as { low, high } to correlate it, or remove this correlation",
    );
  });
});

describe("all problems at once", () => {
  it("reports three separate mistakes as three issues, in file order", () => {
    const text = readFixture("three-mistakes.yaml");
    const issues = errors(text);
    expect(issues.map((issue) => [issue.line, issue.code])).toEqual([
      [lineOf(text, "hourlyCsot"), "unknown_key"],
      [lineOf(text, "-30"), "too_small"],
      [lineOf(text, "1.5"), "too_big"],
    ]);
  });

  it("reports rules across fields together with mistakes of form", () => {
    let text = withEdit(validCaseText(), "baseline: current", "baseline: curent");
    text = withEdit(text, "months: [4, 7, 10]", "months: [4, 7, 14]");
    text = withEdit(text, "upkeepHoursPerMonth: 11", "upkeepHoursPerMonth: -11");
    expect(errors(text).map((issue) => issue.code)).toEqual(["custom", "beyond_horizon", "too_small"]);
  });

  it("reports a missing field together with a typo elsewhere", () => {
    let text = withEdit(validCaseText(), "    people: 1\n", "");
    text = withEdit(text, "valuePerMonth: 2500", "valuePerMonht: 2500");
    const messages = errors(text).map((issue) => issue.message);
    expect(messages.some((message) => message.includes("no team.people"))).toBe(true);
    expect(messages.some((message) => message.includes('did you mean "valuePerMonth"?'))).toBe(true);
  });

  it("does not blame a missing field on a value that is only wrong", () => {
    const messages = errors(withEdit(validCaseText(), "people: 1", "people: one")).map((issue) => issue.message);
    expect(messages).toEqual([expect.stringMatching(/^defaults\.team\.people is the text "one"/)]);
  });
});

describe("numbers written with an explicit YAML tag", () => {
  const people = (value: string) => withEdit(validCaseText(), "people: 1", `people: ${value}`);
  const peopleOf = (text: string) => validateScenarioText(text).compiled?.leaves.find((leaf) => leaf.name === "defaults.team.people")?.value;

  it("reads !!float 2 as the number 2, as YAML 1.2's core schema does (its float pattern makes the fraction optional)", () => {
    for (const [written, value] of [
      ["!!float 2", 2],
      ["!!float 2.0", 2],
      ["!!float +2", 2],
      ["!!float 2e0", 2],
      ["!!int 2", 2],
      ["!!int 0x2", 2],
      ["!!int 0o2", 2],
    ] as const) {
      expect(errors(people(written)), written).toEqual([]);
      expect(peopleOf(people(written)), written).toBe(value);
    }
    const cost = withEdit(validCaseText(), "value: 60", "value: !!float 60");
    expect(validateScenarioText(cost).issues).toEqual([]);
    expect(validateScenarioText(cost).compiled?.leaves.find((leaf) => leaf.name === "defaults.team.hourlyCost")?.value).toBe(60);
  });

  it("says why a tagged text is not the number its tag claims, naming the field", () => {
    const text = people("!!int 1.5");
    expect(onlyError(text)).toMatchObject({
      path: ["defaults", "team", "people"],
      line: lineOf(text, "!!int 1.5"),
      column: columnOf(text, "!!int 1.5"),
      message:
        'defaults.team.people is tagged !!int but "1.5" is not a whole number as YAML writes one (digits, 0o17 or 0x1F); write it without the !!int tag, or as !!float',
    });
    expect(onlyError(people("!!float one")).message).toBe(
      'defaults.team.people is tagged !!float but "one" is not a number as YAML writes one (digits with an optional "." and exponent, e.g. 60, 60.5 or 6e1); write the number, or leave out the !!float tag',
    );
  });

  it("names a tag a scenario file does not use instead of reporting its value as text", () => {
    expect(onlyError(people("!count 1")).message).toBe(
      "defaults.team.people is tagged !count, which a scenario file does not use; allowed: no tag, or !!str, !!int, !!float, !!bool, !!null",
    );
    expect(onlyError(people("!!str 1")).message).toMatch(/^defaults\.team\.people is the text "1"/);
    // YAML 1.1's tags, which the parser would turn into a date, bytes or a map, are named too.
    for (const tagged of ["!!timestamp 2025-01-01", "!!timestamp 2025-01", "!!binary AAAA", "!!set {a, b}", "!!omap [{a: 1}]"]) {
      const tag = tagged.split(" ")[0];
      expect(onlyError(people(tagged)).message, tagged).toBe(
        `defaults.team.people is tagged ${tag}, which a scenario file does not use; allowed: no tag, or !!str, !!int, !!float, !!bool, !!null`,
      );
    }
  });

  it("says what a core tag takes where its text is not that, instead of calling the tag unused", () => {
    expect(onlyError(people("!!bool yes")).message).toBe(
      'defaults.team.people is tagged !!bool but "yes" is not true or false; write true or false, or leave out the !!bool tag',
    );
    expect(onlyError(people("!!null foo")).message).toBe(
      'defaults.team.people is tagged !!null but "foo" is not null (null, ~ or nothing); write null, or leave out the !!null tag',
    );
  });
});

describe("attacks and accidents", () => {
  it("refuses an alias bomb without expanding it", () => {
    const text = readFixture("alias-bomb.yaml");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ code: "alias_limit", line: lineOf(text, "*a"), column: columnOf(text, "*a") });
    expect(issue.message).toContain(`limit ${MAX_ALIAS_COUNT}`);
  });

  it("still reads a file that uses a few aliases", () => {
    const text = withEdit(validCaseText(), "hoursPerMonth: 120", "hoursPerMonth: &hours 120\n    hourlyCost: *hours").replace(
      / {4}hourlyCost:\n {6}value: 60\n {6}note: from the finance team\n/,
      "",
    );
    expect(validateScenarioText(text).issues).toEqual([]);
  });

  it("refuses a 10 MB file before parsing it", () => {
    const text = `title: x\n# ${"x".repeat(10 * 1024 * 1024)}\n`;
    const issue = onlyError(text);
    expect(issue).toMatchObject({ code: "too_large", line: 1, column: 1 });
    expect(issue.message).toBe("the file is 10,485,772 bytes; allowed: a scenario file of at most 1,000,000 bytes (1 MB)");
    expect(MAX_SOURCE_BYTES).toBe(1_000_000);
  });
});

describe("JSON input", () => {
  it("gets the line and column of the wrong value", () => {
    const text = readFixture("wrong-type.json");
    const issue = onlyError(text);
    expect(issue).toMatchObject({ line: lineOf(text, '"thirty"'), column: columnOf(text, '"thirty"') });
    expect(issue.message).toContain('defaults.team.hoursPerMonth is the text "thirty"');
  });

  it("names the missing comma", () => {
    const issue = onlyError('{\n  "title": "A case"\n  "currency": "EUR"\n}\n');
    expect(issue.line).toBe(3);
    expect(issue.message).toContain("a comma is missing");
  });

  it("validates the valid case written as JSON", () => {
    const file = validateScenarioText(validCaseText()).file;
    expect(validateScenarioText(JSON.stringify(file, null, 2)).issues).toEqual([]);
  });
});

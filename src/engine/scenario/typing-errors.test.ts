import { describe, expect, it } from "vitest";
import { columnOf, lineOf, validCaseText, withEdit } from "../../test-support/scenario-text.js";
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

describe("a number with thousands separators inside braces", () => {
  const withValue = (value: string) => withEdit(validCaseText(), "    valuePerMonth: 2500\n", `    valuePerMonth: ${value}\n`);

  it("is told to be written without separators, at the value as written, with no false unknown fields", () => {
    const text = withValue("{ low: 1,500, high: 4,000, note: ours }");
    const { issues } = validateScenarioText(text);
    expect(issues).toEqual([
      expect.objectContaining({
        path: ["defaults", "projects", "valuePerMonth", "low"],
        line: lineOf(text, "1,500"),
        column: columnOf(text, "1,500"),
        message: expect.stringMatching(/^defaults\.projects\.valuePerMonth\.low is the text "1,500"; .*write it without separators, e\.g\. 1500$/),
      }),
      expect.objectContaining({
        path: ["defaults", "projects", "valuePerMonth", "high"],
        column: columnOf(text, "4,000"),
        message: expect.stringMatching(/high is the text "4,000"; .*write it without separators, e\.g\. 4000$/),
      }),
    ]);
  });

  it("gives the same advice as outside braces, for millions and for a decimal comma", () => {
    const block = validateScenarioText(withValue("1,250,000")).issues.map((issue) => issue.message);
    const braces = validateScenarioText(withValue("{ value: 1,250,000 }")).issues.map((issue) => issue.message.replace("valuePerMonth.value", "valuePerMonth"));
    expect(block).toHaveLength(1);
    expect(braces[0]).toContain('valuePerMonth is the text "1,250,000"');
    expect(braces[0]).toMatch(/write it without separators, e\.g\. 1250000$/);
    expect(block[0]).toMatch(/write it without separators, e\.g\. 1250000$/);
    expect(validateScenarioText(withValue("{ value: 60,5 }")).issues[0]?.message).toMatch(/"60,5".*write decimals with a point, e\.g\. 60\.5$/);
  });

  it('joins a group of three digits after a comma and one space too (it read unknown field "500")', () => {
    const text = withValue("{ value: 1, 500, note: ours }");
    const messages = validateScenarioText(text).issues.map((issue) => issue.message);
    expect(messages).toEqual([expect.stringMatching(/valuePerMonth(\.value)? is the text "1, 500"; .*write it without separators, e\.g\. 1500$/)]);
    // Not two digits after the space, nor two spaces: a list-like value stays as YAML reads it.
    expect(validateScenarioText(withValue("{ value: 1, 50 }")).issues.map((issue) => issue.message)).toEqual([expect.stringContaining('unknown field "50"')]);
  });

  it("leaves a list of numbers written without spaces, and a field named by digits that has a value, as they are", () => {
    expect(validateScenarioText(withEdit(validCaseText(), "months: [4, 7, 10]", "months: [4,7,10]")).issues).toEqual([]);
    const named = validateScenarioText(withValue("{ value: 2500, 500: 1 }")).issues;
    expect(named.map((issue) => issue.message)).toEqual([expect.stringContaining('unknown field "500"')]);
  });
});

describe("a bracket or quote never closed, in JSON or YAML", () => {
  const messages = (text: string) => validateScenarioText(text).issues.map((issue) => `${issue.line}:${issue.column}: ${issue.message}`);

  it("names where the { was opened, in plain words, not the parser's 'flow map must end with a }'", () => {
    expect(messages('{"title": "x", ')).toEqual(['1:1: syntax error: the map opened with "{" at line 1, column 1 is never closed; add "}" at its end']);
    expect(messages("[1, 2")).toEqual(['1:1: syntax error: the list opened with "[" at line 1, column 1 is never closed; add "]" at its end']);
    expect(messages('{"title": "x",\n "defaults": {"team": 1,\n "b": 2\n')).toEqual([
      '2:14: syntax error: the map opened with "{" at line 2, column 14 is never closed; add "}" at its end',
    ]);
  });

  it('says only the quote never closed, not the map whose "}" the open text swallowed', () => {
    // It said also '3:1: syntax error: a map written with "{" is never closed; add "}" at its end'.
    expect(messages('{"title": "x\n}\n')).toEqual(['1:11: syntax error: the text opened with " at line 1, column 11 is never closed; add the closing "']);
  });

  it("says where, in the message itself, for a reader shown no line (the web app's status line)", () => {
    const text = withEdit(validCaseText(), "upkeepHoursPerMonth: 30", "upkeepHoursPerMonth: [30");
    const [first] = validateScenarioText(text).issues;
    expect(first?.message).toBe(
      `syntax error: the list opened with "[" at line ${lineOf(text, "[30")}, column ${columnOf(text, "[30")} is never closed; add "]" at its end`,
    );
    expect(messages('{"title": "x}')[0]).toBe('1:11: syntax error: the text opened with " at line 1, column 11 is never closed; add the closing "');
  });

  it("says what a stray closing bracket or comma is", () => {
    expect(messages('{"title": "x"}}')).toEqual([expect.stringContaining('1:15: syntax error: this "}" closes nothing: no "{" is open before it')]);
    expect(messages('{"title": "x",, "currency": "EUR"}')).toEqual([expect.stringContaining('1:15: syntax error: a "," with no item before it')]);
  });
});

describe("a tab in the indentation", () => {
  const tabbed = withEdit(validCaseText(), "    hoursPerMonth: 120\n", "\thoursPerMonth: 120\n");
  const where = (text: string) => validateScenarioText(text).issues.map((issue) => `${issue.line}:${issue.column}: ${issue.message}`);

  it("is the one problem reported, not the correctly indented lines after it", () => {
    expect(where(tabbed)).toEqual([`${lineOf(tabbed, "\thoursPerMonth")}:1: syntax error: a tab is used for indentation; YAML allows only spaces there`]);
  });

  it("hides no indentation mistake of its own elsewhere in the file", () => {
    const misindented = (text: string) => withEdit(text, "    upkeepHoursPerMonth: 30\n", "     upkeepHoursPerMonth: 30\n");
    const alone = where(misindented(validCaseText()));
    expect(alone.length).toBeGreaterThan(0);
    expect(where(misindented(tabbed))).toEqual([where(tabbed)[0], ...alone]);
  });
});

describe("a group whose first line alone is indented differently", () => {
  // As a case file writes its numbers, with a note each: { value: …, note: … }.
  const group = "title: x\nteam:\n   people: { value: 1 }\n    hoursPerMonth: { value: 120 }\n    hourlyCost: { value: 60 }\n";

  it("names that first line beside each line the parser blames (it named only the correct lines after it)", () => {
    const messages = validateScenarioText(group).issues.map((issue) => `${issue.line}: ${issue.message}`);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toContain("(line 3, the first of its group, is indented by 3: the mistake may be there)");
  });

  it("names it too when it is indented more than the rest (5 spaces, the rest at 4)", () => {
    const deeper = "title: x\nteam:\n     people: { value: 1 }\n    hoursPerMonth: { value: 120 }\n    hourlyCost: { value: 60 }\n";
    const messages = validateScenarioText(deeper).issues.map((issue) => issue.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toContain("(line 3, the first of its group, is indented by 5: the mistake may be there)");
  });

  it("does not when the line is the only one at its indentation, nor when the first line is the parent's", () => {
    const alone = "title: x\nteam:\n  people: { value: 1 }\n   hoursPerMonth: { value: 120 }\n";
    const messages = validateScenarioText(alone).issues.map((issue) => issue.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).not.toContain("the first of its group");
  });
});

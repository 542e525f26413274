import { describe, expect, it } from "vitest";
import { lineOf, validCaseText, withEdit } from "../../test-support/scenario-text.js";
import type { Issue } from "./issues.js";
import { keepWithinKind, MAX_MONEY, quantityKind, SMALLEST_NONZERO } from "./quantity.js";
import { MAX_CATALOGUE_ENTRIES, MAX_MANUAL_TASKS, MAX_SCENARIOS } from "./schema.js";
import { MAX_SOURCE_BYTES, MAX_SYNTAX_ERRORS } from "./source.js";
import { MAX_REPORTED_ISSUES, validateScenarioText } from "./validate.js";

// Bad input within the 1 MB limit is checked in bounded time and reported in bounded size
// (docs/scenario-file.md, "Top level"). The test's time limit is the bound: before, a file of
// 60,000 keys took minutes (every key was compared with every key before it, and every problem
// located by walking its whole map).

function errors(text: string): Issue[] {
  return validateScenarioText(text).issues.filter((issue) => issue.severity === "error");
}

/** The valid case with `lines` added under `defaults.team`. */
function withTeamLines(lines: string): string {
  return withEdit(validCaseText(), "    people: 1\n", `    people: 1\n${lines}`);
}

describe("a file of many keys", () => {
  it("reports 60,000 unknown fields of one group as the first ones and a count of the rest", () => {
    const text = withTeamLines(Array.from({ length: 60_000 }, (_, index) => `    u${index}: 1\n`).join(""));
    expect(text.length).toBeLessThan(MAX_SOURCE_BYTES);
    const issues = validateScenarioText(text).issues;
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(issues[0]?.message).toContain('unknown field "u0" in defaults.team');
    const last = issues.at(-1)!;
    expect(last).toMatchObject({ code: "more_issues", severity: "error", more: { errors: 60_000 - MAX_REPORTED_ISSUES, warnings: 0 } });
    expect(last.message).toContain("59,800 errors more");
  });

  it("finds 50,000 duplicate keys in one pass and names where each was first written", () => {
    const text = withTeamLines("    hourlyCost: 1\n".repeat(50_000));
    const issues = errors(text);
    expect(issues).toHaveLength(MAX_SYNTAX_ERRORS + 1);
    expect(issues[0]?.code).toBe("yaml_duplicate_key");
    expect(issues[0]?.message).toMatch(/"hourlyCost" is written twice in the same group \(first on line \d+\)/);
    expect(issues.at(-1)?.message).toMatch(/more problems after these/);
  });

  it("refuses a key named __proto__, which the data would drop without a word (a scenario or a chore gone), at its line", () => {
    for (const [find, replace] of [
      ["scenarios:\n", "scenarios:\n  __proto__:\n    label: Hidden\n"],
      ["    people: 1\n", "    people: 1\n  manualTasks:\n    __proto__: { minutesPerWeek: 30, per: person }\n"],
      ["    people: 1\n", '    people: 1\n    "__proto__": 3\n'],
    ] as const) {
      const text = withEdit(validCaseText(), find, replace);
      const line = text.split("\n").findIndex((candidate) => candidate.includes("__proto__")) + 1;
      const issues = errors(text);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: "reserved_key", line });
      expect(issues[0]?.message).toBe(
        '"__proto__" cannot be a name in a scenario file: JavaScript reserves it, and what it names would be left out without a word; rename it',
      );
    }
  });

  it("quotes a 100,000-character key in one short line, with its length: an unknown field and a scenario's name", () => {
    const long = "y".repeat(100_000);
    for (const text of [
      withTeamLines(`    ? ${long}\n    : 3\n`),
      withEdit(validCaseText(), "scenarios:\n", `scenarios:\n  ? ${long}\n  : { label: Long }\n`),
    ]) {
      const issues = errors(text);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.message).toContain(`"${"y".repeat(77)}..." (100,000 characters)`);
      expect(issues[0]!.message.length).toBeLessThan(400);
    }
  });

  it("treats 1 and '1' as the same field, as the data does", () => {
    const text = withTeamLines('    1: 1\n    "1": 2\n');
    expect(errors(text).map((issue) => issue.code)).toContain("yaml_duplicate_key");
  });
});

describe("limits on maps", () => {
  it(`refuses more than ${MAX_SCENARIOS} scenarios, naming the limit and the count (30,000 empty ones)`, () => {
    const text = `${validCaseText()}${Array.from({ length: 30_000 }, (_, index) => `  s${index}: {}\n`).join("")}`;
    const issue = errors(text);
    expect(issue).toHaveLength(1);
    expect(issue[0]?.message).toContain(`allowed: at most ${MAX_SCENARIOS} scenarios; this map has 30,002`);
    expect(issue[0]?.path).toEqual(["scenarios"]);
  });

  it(`accepts ${MAX_SCENARIOS} scenarios`, () => {
    const text = `${validCaseText()}${Array.from({ length: MAX_SCENARIOS - 2 }, (_, index) => `  s${index}: {}\n`).join("")}`;
    expect(validateScenarioText(text).compiled?.scenarios).toHaveLength(MAX_SCENARIOS);
  });

  it(`refuses more than ${MAX_MANUAL_TASKS} chores in a group and more than ${MAX_CATALOGUE_ENTRIES} capabilities of one's own`, () => {
    const tasks = Array.from({ length: MAX_MANUAL_TASKS + 1 }, (_, index) => `    t${index}: { minutesPerWeek: 1, per: team }\n`).join("");
    const withTasks = withEdit(validCaseText(), "  releases:\n", `  manualTasks:\n${tasks}  releases:\n`);
    expect(errors(withTasks).map((issue) => issue.message)).toEqual([
      expect.stringContaining(`allowed: at most ${MAX_MANUAL_TASKS} chores; this map has ${MAX_MANUAL_TASKS + 1}`),
    ]);
    const capabilities = Array.from({ length: MAX_CATALOGUE_ENTRIES + 1 }, (_, index) => `  c${index}: { monthlyCost: 1 }\n`).join("");
    const withCatalogue = `${validCaseText()}catalogue:\n${capabilities}`;
    expect(errors(withCatalogue).map((issue) => issue.message)).toEqual([
      expect.stringContaining(`allowed: at most ${MAX_CATALOGUE_ENTRIES} capabilities of your own; this map has ${MAX_CATALOGUE_ENTRIES + 1}`),
    ]);
  });

  it("says a file nested hundreds of levels deep is nested too deeply", () => {
    const text = `${validCaseText()}  deep: ${"[".repeat(5_000)}${"]".repeat(5_000)}\n`;
    expect(errors(text).map((issue) => issue.message)).toEqual([expect.stringContaining("nests lists or maps too deeply")]);
  });
});

describe("text", () => {
  it("refuses a label holding a line separator (U+2028), which breaks the report's charts", () => {
    const text = withEdit(validCaseText(), "  current: {}", '  current: { label: "Today\\Lby hand" }');
    expect(errors(text).map((issue) => issue.message)).toEqual([
      expect.stringContaining("allowed: a label on one line, without control characters; found a line separator (U+2028) at character 6"),
    ]);
  });

  it("refuses terminal escape sequences in a title, a scenario's name and a note", () => {
    let text = withEdit(validCaseText(), "title: A small case", 'title: "A \\e[31msmall\\e[0m case"');
    text = withEdit(text, "  current: {}", '  "cur\\x9brent": {}');
    text = withEdit(text, "note: from the finance team", 'note: "from \\e]8;;http://x\\afinance"');
    text = withEdit(text, "baseline: current", 'baseline: "cur\\x9brent"');
    const messages = errors(text).map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^title is the text .*; allowed: the title of the case on one line, without control characters; found an escape character \(U\+001B\) at character 3$/,
        ),
        expect.stringMatching(
          /^baseline is the text .*; allowed: the name of the scenario that describes today on one line, without control characters; found a control character \(U\+009B\) at character 4$/,
        ),
        expect.stringMatching(
          /^the name .* in scenarios is not allowed; allowed: a name on one line, without control characters; found a control character \(U\+009B\)/,
        ),
        expect.stringMatching(/^defaults\.team\.hourlyCost\.note is the text .*; allowed: a note without control characters; found an escape character/),
      ]),
    );
  });

  it("keeps line breaks and tabs in notes and descriptions", () => {
    const text = withEdit(validCaseText(), "note: from the finance team", 'note: "from the finance team\\n\\tchecked in May"');
    expect(validateScenarioText(text).issues).toEqual([]);
  });
});

describe("numbers too small to calculate with", () => {
  it("refuses 1e-320 working hours a year, which made the hour's cost infinite and every figure NaN", () => {
    const text = withEdit(
      validCaseText(),
      "    hourlyCost:\n      value: 60\n      note: from the finance team\n",
      "    salary: { annual: 50000, workingHoursPerYear: 1e-320 }\n",
    );
    expect(errors(text).map((issue) => issue.message)).toEqual([
      "defaults.team.salary.workingHoursPerYear is 1e-320; allowed: hours, a number > 0, at least 0.000001 (a smaller number is too small to calculate with)",
    ]);
  });

  it("refuses them in every kind of input, and in a range's bounds, but not 0 where 0 is allowed", () => {
    for (const [find, replacement] of [
      ["upkeepHoursPerMonth: 30", "upkeepHoursPerMonth: 1e-300"],
      ["valuePerMonth: 2500", "valuePerMonth: { low: 1e-9, high: 10 }"],
      ["discountRate: 0.08", "discountRate: 5e-324"],
      ["people: 1", "people: 1e-7"],
    ] as const) {
      expect(errors(withEdit(validCaseText(), find, replacement)).map((issue) => issue.message)).toEqual([expect.stringContaining("at least 0.000001")]);
    }
    expect(errors(withEdit(validCaseText(), "upkeepHoursPerMonth: 30", "upkeepHoursPerMonth: 0"))).toEqual([]);
  });

  it("keeps draws and products of effects out of the gap between 0 and the smallest number", () => {
    expect(keepWithinKind(quantityKind("count"), 1e-300)).toBe(SMALLEST_NONZERO);
    expect(keepWithinKind(quantityKind("people"), 0)).toBe(SMALLEST_NONZERO);
    expect(keepWithinKind(quantityKind("hours"), 0)).toBe(0);
    expect(keepWithinKind(quantityKind("share"), 1.5)).toBe(1);
    expect(keepWithinKind(quantityKind("wholeCount"), 2.6)).toBe(3);
  });
});

describe("amounts of money too large to mean anything", () => {
  it("refuses a licence of 1e12 a month, which page 1 wrote as '€1,000 billion', at its line with what is allowed", () => {
    const text = withEdit(validCaseText(), "        flatPerYear: 3600", "        flatPerMonth: 1e12");
    const issues = errors(text);
    expect(issues.map((issue) => [issue.line, issue.message])).toEqual([
      [lineOf(text, "flatPerMonth: 1e12"), "scenarios.better.tooling.licences.flatPerMonth is 1e12; allowed: an amount of money ≥ 0, at most 100,000,000,000"],
    ]);
  });

  it("refuses it in a range's bound and in a capability of one's own, and accepts the limit itself", () => {
    for (const [find, replacement] of [
      ["valuePerMonth: 2500", "valuePerMonth: { low: 10, high: 2e11 }"],
      ["    hourlyCost:\n      value: 60\n      note: from the finance team\n", "    hourlyCost: 1.5e11\n"],
    ] as const) {
      expect(errors(withEdit(validCaseText(), find, replacement)).map((issue) => issue.message)).toEqual([
        expect.stringContaining("allowed: an amount of money ≥ 0, at most 100,000,000,000"),
      ]);
    }
    const catalogue = `${validCaseText()}catalogue:\n  platform: { monthlyCost: 5e11 }\n`;
    expect(errors(catalogue).map((issue) => issue.message)).toEqual([expect.stringContaining("at most 100,000,000,000")]);
    expect(errors(withEdit(validCaseText(), "        flatPerYear: 3600", `        flatPerMonth: ${MAX_MONEY}`))).toEqual([]);
  });

  it("allows a whole product's yearly revenue up to 10,000,000,000,000, and keeps its draws there", () => {
    const delivery = (revenue: string) =>
      withEdit(
        validCaseText(),
        "  releases:\n",
        `  delivery: { featuresPerYear: 4, successRate: 0.3, revenueImpactShare: 0.01, annualRevenue: ${revenue} }\n  releases:\n`,
      );
    expect(errors(delivery("2e12"))).toEqual([]);
    expect(errors(delivery("2e13")).map((issue) => issue.message)).toEqual([expect.stringContaining("at most 10,000,000,000,000")]);
    expect(keepWithinKind(quantityKind("revenue"), 5e12)).toBe(5e12);
    expect(keepWithinKind(quantityKind("money"), 5e12)).toBe(MAX_MONEY);
  });
});

describe("one person's hours in a month", () => {
  it("are at most the 744 hours of a 31-day month: 45,658 (a date typed into the workbook) validated", () => {
    const text = withEdit(validCaseText(), "    hoursPerMonth: 120\n", "    hoursPerMonth: 45658\n");
    const meetings = withEdit(validCaseText(), "  releases:\n", "  meetings:\n    hoursPerPersonPerMonth: 745\n  releases:\n");
    expect(errors(text).map((issue) => [issue.line, issue.message])).toEqual([
      [lineOf(text, "hoursPerMonth: 45658"), "defaults.team.hoursPerMonth is 45658; allowed: hours a month, a number > 0 and at most 744 (24 hours × 31 days)"],
    ]);
    expect(errors(meetings).map((issue) => issue.message)).toEqual([
      "defaults.meetings.hoursPerPersonPerMonth is 745; allowed: hours a month, a number ≥ 0 and at most 744 (24 hours × 31 days)",
    ]);
    expect(errors(withEdit(validCaseText(), "    hoursPerMonth: 120\n", "    hoursPerMonth: 744\n"))).toEqual([]);
  });
});

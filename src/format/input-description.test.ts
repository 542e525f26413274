import { describe, expect, it } from "vitest";
import { buildResult, parameterNames, parameterSpecs, scenarioFields, unitWordsText, validateScenarioText } from "../engine/index.js";
import { describeInput, hasMeaning, inputLabel, parseInputPath } from "./input-description.js";
import { catalogueLabel, inputLabel as workbookLabel, unitText } from "./input-labels.js";
import { lateStartMeetingsCase } from "../test-support/late-start-meetings-case.js";

describe("parseInputPath", () => {
  it("reads dotted and quoted segments", () => {
    expect(parseInputPath('scenarios["my case"].team.people')).toEqual(["scenarios", "my case", "team", "people"]);
    expect(parseInputPath('defaults.manualTasks["re.run"].minutesPerWeek')).toEqual(["defaults", "manualTasks", "re.run", "minutesPerWeek"]);
    expect(parseInputPath("discountRate")).toEqual(["discountRate"]);
  });
});

describe("describeInput", () => {
  it("gives plain words and the scenario that sets the value", () => {
    expect(describeInput("scenarios.optimal.projects.upkeepHoursPerMonth")).toEqual({
      field: "projects.upkeepHoursPerMonth",
      label: "Upkeep hours a month for each live project",
      unit: "hours",
      scenario: "optimal",
    });
    expect(describeInput("defaults.team.hourlyCost")).toMatchObject({ label: "Cost of one hour of the team's time", unit: "money" });
    expect(describeInput("discountRate")).toMatchObject({ label: "Yearly discount rate (the value of money over time)", unit: "rate" });
  });
  it("names a chore by the user's own name", () => {
    expect(describeInput('defaults.manualTasks["weekly report"].minutesPerWeek').label).toBe("Minutes a week on the chore “weekly report”");
    expect(describeInput("defaults.manualTasks.toil.shareOfTime")).toMatchObject({ label: "Share of every person's time on the chore “toil”", unit: "share" });
  });

  it("has words of its own, in the report and in the workbook, for every input the engine reads", () => {
    const fields = parameterNames.map((name) => parameterSpecs[name].source).filter((source) => !source.startsWith("manualTasks"));
    expect(fields.filter((field) => !hasMeaning(field))).toEqual([]);
    expect(fields.filter((field) => workbookLabel(field.split(".")) === undefined)).toEqual([]);
  });
  it("has the workbook's words for every number of the schema: one label, units that agree", () => {
    const numbers = scenarioFields.filter((field) => (field.type === "number" || field.type === "list") && field.path[0] !== "correlations");
    for (const field of numbers.filter((candidate) => candidate.path[0] !== "catalogue")) {
      const path = field.path.map((segment) => (segment === "*" ? "weekly report" : segment));
      const input = `defaults${path.map((segment) => (/^[A-Za-z_$][\w$]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`)).join("")}`;
      const report = describeInput(input);
      const workbook = workbookLabel(path, "person");
      expect({ field: field.path.join("."), label: report.label, unit: report.unit }).toEqual({
        field: field.path.join("."),
        label: workbook?.label,
        unit: field.kind,
      });
      expect(workbook && unitText(workbook, "EUR").startsWith(unitWordsText(field.unit!, "EUR"))).toBe(true);
    }
    for (const field of numbers.filter((candidate) => candidate.path[0] === "catalogue")) {
      const path = field.path.map((segment) => (segment === "*" ? "versioning" : segment));
      expect(catalogueLabel(path, "Versioning")?.label).toBe(`Versioning: ${field.label.charAt(0).toLowerCase()}${field.label.slice(1)}`);
    }
    expect(workbookLabel(["manualTasks", "tickets", "minutesPerWeek"], "project")).toEqual({
      label: "Minutes a week on the chore “tickets”",
      unit: "minutes a week per live project",
    });
  });

  it("falls back to the field name in words", () => {
    expect(describeInput("defaults.team.somethingNew").label).toBe("Something new");
  });
});

describe("inputLabel", () => {
  // Tooling starts its change in month 4 and works today's way until then (docs/numbers.md): it reads
  // today's meetings before its change; Now, in place from month 1, never does.
  const text = lateStartMeetingsCase(true);
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(JSON.stringify(issues));
  const result = buildResult(compiled);
  const meetings = result.assumptions.find((entry) => entry.input === "scenarios.today.meetings.hoursPerPersonPerMonth")!;

  it("names the options that use an input, marking one that reads it only before its change", () => {
    expect(inputLabel(meetings, result)).toBe(`${describeInput(meetings.input).label} (Today, Tooling (before its change))`);
  });

  it("writes the options' and the input's labels as the view asks (the report's what-moves section escapes both)", () => {
    expect(
      inputLabel(
        meetings,
        result,
        (name) => `<${name}>`,
        (label) => label.toUpperCase(),
      ),
    ).toBe(`${describeInput(meetings.input).label.toUpperCase()} (<today>, <tooling> (before its change))`);
  });
});

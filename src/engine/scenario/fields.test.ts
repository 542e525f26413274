import { describe, expect, it } from "vitest";
import { parameterNames, parameterSpecs } from "../index.js";
import { fieldMeta, scenarioFields } from "./fields.js";
import { scenarioJsonSchema } from "./json-schema.js";
import { parseUnit, unitWordsText } from "./units.js";

const numbers = scenarioFields.filter((field) => field.type === "number" || field.type === "list");
const where = (path: readonly string[]) => path.join(".");

type Node = Record<string, unknown>;

/** Every number (or list of numbers) of the generated JSON Schema, with the title and unit it carries. */
function jsonSchemaNumbers(): { path: string; title: unknown; unit: unknown }[] {
  const root = scenarioJsonSchema() as Node;
  const defs = (root.$defs ?? {}) as Record<string, Node>;
  const open = (node: Node): Node => {
    const ref = typeof node.$ref === "string" ? defs[node.$ref.replace("#/$defs/", "")] : undefined;
    return ref ? { ...open(ref), ...node, $ref: undefined } : node;
  };
  const isNumber = (node: Node): boolean => {
    const opened = open(node);
    return opened.type === "number" || opened.type === "integer" || ((opened.anyOf ?? []) as Node[]).some((option) => isNumber(option));
  };
  const found: { path: string; title: unknown; unit: unknown }[] = [];
  const visit = (node: Node, path: string[]) => {
    const opened = open(node);
    if (path.length > 0 && path[0] !== "scenarios" && (isNumber(opened) || (opened.type === "array" && opened.items && isNumber(opened.items as Node)))) {
      found.push({ path: where(path), title: opened.title, unit: opened.unit });
      return;
    }
    for (const [key, child] of Object.entries((opened.properties ?? {}) as Record<string, Node>)) visit(child, [...path, key]);
    if (typeof opened.additionalProperties === "object") visit(opened.additionalProperties as Node, [...path, "*"]);
    if (opened.type === "array" && typeof opened.items === "object") visit(opened.items as Node, [...path, "*"]);
  };
  visit(root, []);
  return found;
}

describe("the field registry", () => {
  it("has a label and a unit of the vocabulary for every number of the schema, at every depth", () => {
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.filter((field) => field.label.trim() === "").map((field) => where(field.path))).toEqual([]);
    expect(numbers.filter((field) => field.unit === undefined || parseUnit(field.unit) === undefined).map((field) => where(field.path))).toEqual([]);
    for (const pattern of [
      "team.salary.annual",
      "manualTasks.*.minutesPerWeek",
      "manualTasks.*.shareOfTime",
      "catalogue.*.setupHours",
      "catalogue.*.monthlyCostPerPerson",
      "tooling.supportStaff.annualSalaryEach",
      "tooling.training.untilMonth",
      "delivery.annualRevenue",
      "breakage.outageCostPerHour",
      "turnover.knowledgeLossHours",
      "releases.months",
      "riskAdjustment.benefits",
      "correlations.*.rank",
      "horizonMonths",
    ])
      expect(numbers.map((field) => where(field.path))).toContain(pattern);
    expect(numbers.some((field) => field.path[0] === "catalogue" && field.path[2] === "effects" && field.path[3] === "projects.upkeepHoursPerMonth")).toBe(
      true,
    );
  });

  it("names every group and choice", () => {
    const others = scenarioFields.filter((field) => field.type === "group" || field.type === "choice");
    expect(others.filter((field) => field.label.trim() === "").map((field) => where(field.path))).toEqual([]);
  });

  it("lists every number of the generated JSON Schema, whose title and unit are the registry's", () => {
    const inJsonSchema = jsonSchemaNumbers();
    // Inside `defaults` the JSON Schema has a scenario's inputs: the registry lists them by their path inside a scenario.
    const inner = (path: string) => path.replace(/^defaults\./, "");
    expect(inJsonSchema.map((entry) => inner(entry.path)).sort()).toEqual(numbers.map((field) => where(field.path)).sort());
    for (const entry of inJsonSchema) {
      const field = numbers.find((candidate) => where(candidate.path) === inner(entry.path));
      expect({ path: entry.path, title: entry.title, unit: entry.unit }).toEqual({ path: entry.path, title: field?.label, unit: field?.unit });
    }
  });

  it("covers every input the engine reads", () => {
    const read = parameterNames.map((name) => parameterSpecs[name].source).filter((source) => !source.startsWith("manualTasks"));
    expect(read.filter((source) => fieldMeta(source.split("."))?.unit === undefined)).toEqual([]);
  });

  it("names a chore by the user's own name", () => {
    expect(fieldMeta(["scenarios", "optimal", "manualTasks", "weekly report", "minutesPerWeek"])).toMatchObject({
      label: "Minutes a week on the chore “weekly report”",
      unit: "minutes a week",
      kind: "minutes",
    });
    expect(fieldMeta(["catalogue", "versioning", "effects", "projects.buildHours"])?.label).toBe(
      "Capability “versioning”: multiplies hours to build and release one project",
    );
    expect(fieldMeta(["defaults", "team", "somethingNew"])).toBeUndefined();
  });
});

describe("units", () => {
  it("split into a word and a period, and read as the workbook writes them", () => {
    expect(parseUnit("money a person a year")).toEqual({ word: "money", kind: "money", period: "a person a year" });
    expect(parseUnit("jobs a week")).toEqual({ word: "jobs", kind: "count", period: "a week" });
    expect(parseUnit("hours a fortnight")).toBeUndefined();
    expect(parseUnit("litres")).toBeUndefined();
    expect(unitWordsText("money a person a year", "EUR")).toBe("EUR a person a year");
    expect(unitWordsText("rate", "EUR")).toBe("share a year");
    expect(unitWordsText("hours a month", "EUR")).toBe("hours a month");
  });
});

describe("the notes' help", () => {
  it("says what each note is about, not 'this input' for a scenario's, a group's or a pair's", () => {
    const text = JSON.stringify(scenarioJsonSchema());
    const subjects = [...text.matchAll(/Your own words about ([^;]+);/g)].map((match) => match[1]);
    for (const subject of ["this input", "this group of inputs", "this scenario", "this capability", "these two inputs", "the risk adjustment"])
      expect(subjects).toContain(subject);
  });
});

import { describe, expect, it } from "vitest";
import { parameterNames, parameterSpecs, inputsShape } from "../../../src/engine/index.js";
import { caseFields, inputGroups, numberFieldsOf, scenarioOwnFields, type Field } from "./field-tree.js";
import { inputSections } from "./sections.js";

describe("the editor's fields", () => {
  it("cover every number the engine reads", () => {
    const editable = new Set([...numberFieldsOf(inputGroups), ...numberFieldsOf(caseFields)].map((field) => field.path.join(".")));
    const read = parameterNames.map((name) => parameterSpecs[name].source).filter((source) => !source.startsWith("manualTasks"));
    expect(read.filter((source) => !editable.has(source))).toEqual([]);
  });

  it("place every input group of the schema in a section", () => {
    const placed = inputSections.flatMap((section) => section.groups.map((group) => group.key));
    expect(placed.sort()).toEqual(Object.keys(inputsShape).sort());
  });

  it("carry help, what is allowed and a unit from the schema", () => {
    const upkeep = numberFieldsOf(inputGroups).find((field) => field.path.join(".") === "projects.upkeepHoursPerMonth");
    expect(upkeep).toMatchObject({ kind: "number", quantity: true, unit: "hours", label: "Upkeep hours a month for each live project" });
    expect(upkeep?.help).toMatch(/Hours a month one live project needs/);
    expect(upkeep?.allowed).toMatch(/hours, a number ≥ 0/);
    const startMonth = numberFieldsOf(inputGroups).find((field) => field.path.join(".") === "change.startMonth");
    expect(startMonth).toMatchObject({ quantity: false, unit: "month", integer: true, fallback: 1 });
    const licence = numberFieldsOf(inputGroups).find((field) => field.path.join(".") === "tooling.licences.perUserPerYear");
    expect(licence).toMatchObject({ unit: "money", schemaUnit: "money a person a year" });
  });

  it("say what every number field allows, in the words validation uses, never only 'a number'", () => {
    const all = [...numberFieldsOf(caseFields), ...numberFieldsOf(inputGroups), ...numberFieldsOf(scenarioOwnFields)];
    expect(all.filter((field) => field.allowed === "a number").map((field) => field.path.join("."))).toEqual([]);
    const risk = numberFieldsOf(caseFields).find((field) => field.path.join(".") === "riskAdjustment.benefits");
    expect(risk?.allowed).toBe("a share between 0 and 1 (0.1 means 10%)");
  });

  it("show the schema's help as plain words: a field named in Markdown's backticks is quoted instead", () => {
    const helps: string[] = [];
    const collect = (fields: readonly Field[]): void => {
      for (const field of fields) {
        helps.push(field.help);
        if (field.kind === "group") collect(field.children);
        if (field.kind === "map") collect(field.entry);
      }
    };
    collect([...caseFields, ...inputGroups, ...scenarioOwnFields]);
    expect(helps.filter((help) => help.includes("`"))).toEqual([]);
    expect(helps.some((help) => help.includes("“benefits”"))).toBe(true);
  });

  it("know the choices, lists and texts", () => {
    const releases = inputGroups.find((group) => group.key === "releases");
    const children = releases?.kind === "group" ? releases.children : [];
    expect(children.find((field) => field.key === "mode")).toMatchObject({ kind: "choice", options: ["schedule", "capacity"] });
    expect(children.find((field) => field.key === "months")).toMatchObject({ kind: "monthList" });
    const chores = inputGroups.find((group) => group.key === "manualTasks");
    expect(chores).toMatchObject({ kind: "map", label: "Manual chores" });
    // A chore's fields take their words from the schema's "manualTasks.*", though their paths are the chore's own.
    expect(chores?.kind === "map" ? chores.entry.find((field) => field.key === "minutesPerWeek") : undefined).toMatchObject({
      path: ["minutesPerWeek"],
      label: "Minutes a week on the chore",
      unit: "minutes",
    });
    expect(caseFields.map((field) => field.key)).toEqual(expect.arrayContaining(["title", "currency", "horizonMonths", "discountRate"]));
    expect(scenarioOwnFields.map((field) => field.key)).toEqual(expect.arrayContaining(["label", "description", "note"]));
  });
});

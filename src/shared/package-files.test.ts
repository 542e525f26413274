import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { validateScenarioText, scenarioJsonSchema } from "../engine/index.js";
import { packageRoot, schemaPath } from "./package-files.js";

// What the package ships next to the code: the JSON Schema editors use, and the examples.

describe("schema/scenario.schema.json", () => {
  it("is the schema the engine validates with (regenerate with `npm run schema`)", () => {
    const shipped = JSON.parse(readFileSync(schemaPath, "utf8")) as unknown;
    expect(shipped).toEqual(scenarioJsonSchema());
  });
});

const examplesFolder = join(packageRoot, "examples");
const examples = readdirSync(examplesFolder).filter((name) => name.endsWith(".yaml"));

describe("examples/*.yaml", () => {
  it("includes the seed's sheet", () => {
    expect(examples).toContain("seed.yaml");
  });

  it.each(examples)("%s validates with no error and no warning", (name) => {
    const text = readFileSync(join(examplesFolder, name), "utf8");
    const validation = validateScenarioText(text);
    expect(validation.issues.map((issue) => `${issue.line}:${issue.column}: ${issue.message}`)).toEqual([]);
    expect(validation.compiled).toBeDefined();
  });

  it.each(examples)("%s starts with the editor's schema comment, pointing at the shipped schema", (name) => {
    const firstLine = readFileSync(join(examplesFolder, name), "utf8").split("\n")[0] ?? "";
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine);
    expect(match, firstLine).not.toBeNull();
    expect(resolve(dirname(join(examplesFolder, name)), match![1]!)).toBe(schemaPath);
  });
});

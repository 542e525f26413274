import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { packageRoot } from "./package-files.js";
import { lineDiff } from "../test-support/line-diff.js";
import { caseFormatOf, caseText, inFileFormat } from "./case-text.js";
import { editScenarioText } from "./scenario-edit.js";

const seed = readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8");

describe("caseText", () => {
  it("gives back the same text when nothing changed", () => {
    expect(caseText(parse(seed), "yaml", seed)).toBe(seed);
  });

  it("rewrites only what changed and keeps every comment", () => {
    const data = parse(seed);
    data.scenarios.current.projects = { upkeepHoursPerMonth: 40 };
    data.scenarios.optimal.projects.upkeepHoursPerMonth = { value: 12, note: "after the pilot" };
    delete data.scenarios.compromise.description;
    const text = caseText(data, "yaml", seed);
    expect(parse(text)).toEqual(data);
    const comments = seed.split("\n").filter((line) => line.trimStart().startsWith("#"));
    for (const comment of comments) expect(text).toContain(comment);
    expect(text).toContain("months: [4, 7, 10]");
    expect(text).not.toContain("The tools that matter most");
  });

  it("saving from the web app: only the edited lines differ, flow maps keep their padding", () => {
    const enterprise = readFileSync(join(packageRoot, "examples", "enterprise.yaml"), "utf8");
    expect(caseText(parse(enterprise), "yaml", enterprise)).toBe(enterprise);
    const data = parse(enterprise);
    data.catalogue.monitoring.monthlyCost.value = 2200;
    data.defaults.team.people.value = 21;
    const text = caseText(data, "yaml", enterprise);
    expect(parse(text)).toEqual(data);
    expect(lineDiff(enterprise, text)).toEqual({
      removed: [
        '    monthlyCost: { value: 2000, note: "our assumption: a hosted monitoring service at enterprise scale" }',
        "    people: { value: 20, note: data scientists and data engineers }",
      ],
      added: [
        '    monthlyCost: { value: 2200, note: "our assumption: a hosted monitoring service at enterprise scale" }',
        "    people: { value: 21, note: data scientists and data engineers }",
      ],
    });
  });

  it("writes a fresh file when there is no previous text, or it does not parse", () => {
    expect(caseText({ title: "x" }, "yaml")).toBe("title: x\n");
    expect(caseText({ title: "x" }, "yaml", "title: [unclosed")).toBe("title: x\n");
  });

  it("writes JSON for .json files", () => {
    expect(caseFormatOf("case.JSON")).toBe("json");
    expect(caseFormatOf("case.yml")).toBe("yaml");
    expect(caseText({ title: "x" }, "json", "{}")).toBe('{\n  "title": "x"\n}\n');
  });
});

describe("inFileFormat", () => {
  const data = parse(seed) as Record<string, unknown>;

  it("keeps a .json file JSON after an edit spliced in YAML's style, in its own indentation: only the new lines are added", () => {
    for (const indent of [2, 4, "\t"]) {
      const json = `${JSON.stringify(data, null, indent)}\n`;
      const edited = editScenarioText(json, [{ path: ["defaults", "breakage", "hoursToRestore"], value: { low: 2, high: 6, note: "measured" } }]);
      expect(() => JSON.parse(edited)).toThrow();
      const written = inFileFormat("case.json", edited, json);
      expect(JSON.parse(written)).toEqual(parse(edited));
      const { removed, added } = lineDiff(json, written);
      expect(removed).toEqual([]);
      expect(added.length).toBeGreaterThan(3);
    }
  });

  it("keeps a .json file's Windows line ends (CRLF): only the new lines are added, as for a YAML file", () => {
    const json = `${JSON.stringify(data, null, 2)}\n`.replaceAll("\n", "\r\n");
    const edited = editScenarioText(json, [{ path: ["defaults", "breakage", "hoursToRestore"], value: { low: 2, high: 6, note: "measured" } }]);
    const written = inFileFormat("case.json", edited, json);
    expect(JSON.parse(written)).toEqual(parse(edited));
    // It wrote every line again with "\n" alone.
    expect(
      written
        .split("\n")
        .slice(0, -1)
        .every((line) => line.endsWith("\r")),
    ).toBe(true);
    const { removed, added } = lineDiff(json, written);
    expect(removed).toEqual([]);
    expect(added.length).toBeGreaterThan(3);
  });

  it("keeps a .json file's UTF-8 byte-order mark, as a YAML file keeps it", () => {
    const json = `\uFEFF${JSON.stringify(data, null, 2)}\n`;
    const edited = editScenarioText(json, [{ path: ["defaults", "team", "people"], value: 2 }]);
    const written = inFileFormat("case.json", edited, json);
    expect(written.startsWith("\uFEFF{")).toBe(true);
    expect(lineDiff(json, written).removed).toEqual([expect.stringContaining('"people"')]);
  });

  it("leaves a YAML file's text as the edit made it", () => {
    const edited = editScenarioText(seed, [{ path: ["defaults", "team", "people"], value: 2 }]);
    expect(inFileFormat("case.yaml", edited, seed)).toBe(edited);
  });
});

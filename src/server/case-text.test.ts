import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../cli/package-files.js";
import { caseFormatOf, caseText } from "./case-text.js";

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

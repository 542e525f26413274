import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { jargonInUserText } from "./user-jargon.js";

describe("jargonInUserText", () => {
  it("names where the user's text uses technical words", () => {
    const text = readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8")
      .replace("label: Every tool we want", "label: Full MLOps platform")
      .replace("description: Everything by hand, as now.", "description: Cron jobs and a Jenkins pipeline.");
    const { compiled } = validateScenarioText(text);
    expect(jargonInUserText(buildResult(compiled!))).toEqual([
      { where: "scenarios.current.description", words: ["Jenkins", "pipeline"] },
      { where: "scenarios.optimal.label", words: ["MLOps"] },
    ]);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty, type CompiledCase } from "../../engine/index.js";
import { createReport } from "../create-report.js";
import { textOf } from "../report-text.js";

function compile(name: string): CompiledCase {
  const { compiled, issues } = validateScenarioText(readFileSync(new URL(`../../../examples/${name}`, import.meta.url), "utf8"));
  if (!compiled) throw new Error(JSON.stringify(issues));
  return compiled;
}

async function whatMovesText(name: string): Promise<string> {
  const compiled = compile(name);
  const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 1_000, seed: 1 }).runAll().summarise());
  const { html } = await createReport(compiled, { result });
  const section = html.match(/<section id="what-moves"[\s\S]*?<\/section>/)?.[0];
  if (!section) throw new Error(`no "what could change the result" section in the report of ${name}`);
  // textOf spaces the user's words apart from ours: close the gaps inside quotes and brackets.
  return textOf(section.replace(/<svg[\s\S]*?<\/svg>/g, ""))
    .replace(/([(“])\s+/g, "$1")
    .replace(/\s+([)”])/g, "$1");
}

describe("what could change the result, with linked assumptions", () => {
  it("names the inputs the file correlates and says the bars move them one at a time", async () => {
    const text = await whatMovesText("close-call.yaml");
    expect(text).toContain(
      "The case links some assumptions: “Upkeep hours a month for each live project (Every tool we want)” and “Upkeep hours a month for each live project (What will be approved)” tend to rise together.",
    );
    expect(text).toContain("Each bar moves one of them alone, so read linked bars together");
  });

  it("says nothing of links when the file declares none", async () => {
    const text = await whatMovesText("seed-uncertain.yaml");
    expect(text).not.toContain("links some assumptions");
    // Its two ranges that move the option are both shown: all there are, not "the two with the longest bars".
    expect(text).toContain("These are the only two ranges that move it: the assumptions to check first.");
  });
});

describe("what could change the result, with one range", () => {
  it("says the one bar shown in the singular", async () => {
    const seed = readFileSync(new URL("../../../examples/seed.yaml", import.meta.url), "utf8");
    const { compiled } = validateScenarioText(seed.replace(/upkeepHoursPerMonth:\s*\n\s*value: 30/, "upkeepHoursPerMonth:\n      low: 25\n      high: 35"));
    if (!compiled) throw new Error("the seed with one range should be valid");
    expect(compiled.uncertainLeaves).toHaveLength(1);
    const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 500, seed: 1 }).runAll().summarise());
    const { html } = await createReport(compiled, { result });
    const text = textOf(html.match(/<section id="what-moves"[\s\S]*?<\/section>/)![0].replace(/<svg[\s\S]*?<\/svg>/g, ""));
    // Every range that moves it is shown: it says so, not that "the one with the longest bar" is.
    expect(text).toContain("It is the only range that moves it: the assumption to check first.");
    expect(text).not.toContain("longest bar");
    expect(text).not.toContain("These are the assumptions");
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty, type CompiledCase } from "../../engine/index.js";
import { createReport } from "../create-report.js";
import { textOf } from "../report-text.js";

/** An example case, edited by `edit` when given (an edit that changes nothing is an error of the test). */
function compile(name: string, edit?: (yaml: string) => string): CompiledCase {
  const yaml = readFileSync(new URL(`../../../examples/${name}`, import.meta.url), "utf8");
  const edited = edit ? edit(yaml) : yaml;
  if (edit && edited === yaml) throw new Error(`the edit of ${name} changed nothing`);
  const { compiled, issues } = validateScenarioText(edited);
  if (!compiled) throw new Error(JSON.stringify(issues));
  return compiled;
}

async function whatMovesText(name: string, edit?: (yaml: string) => string): Promise<string> {
  const compiled = compile(name, edit);
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
  it("names a link only between inputs that both have a bar, by the bars' own labels", async () => {
    // close-call.yaml links the two options' upkeep; the chart is of "Every tool we want", whose net gain
    // "What will be approved"'s upkeep does not move: that input has no bar. The caption named both
    // ("… (Every tool we want)” and “… (What will be approved)” tend to rise together … read linked
    // bars together"), a pair of bars that is not in the chart.
    const text = await whatMovesText("close-call.yaml");
    expect(text).toContain("These are the only two ranges that move it");
    expect(text).not.toContain("What will be approved");
    expect(text).not.toContain("links some");
    expect(text).not.toContain("read linked bars together");
  });

  it("names the linked inputs that both have a bar, by the labels on the bars, and says the bars move them one at a time", async () => {
    // The same case with today's upkeep linked to the option's: both have a bar in its chart.
    const text = await whatMovesText("close-call.yaml", (yaml) =>
      yaml.replace(
        "between: [scenarios.optimal.projects.upkeepHoursPerMonth, scenarios.compromise.projects.upkeepHoursPerMonth]",
        "between: [defaults.projects.upkeepHoursPerMonth, scenarios.optimal.projects.upkeepHoursPerMonth]",
      ),
    );
    expect(text).toContain(
      "The case links some of these assumptions: “Upkeep hours a month for each live project, today” and “Upkeep hours a month for each live project, after the change” tend to rise together. Each bar moves one of them alone, so read linked bars together",
    );
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

/** The texts of the tornado's SVG, the lines of a wrapped label joined by a space. */
async function tornadoTexts(name: string): Promise<string[]> {
  const compiled = compile(name);
  const { html } = await createReport(compiled, { result: buildResult(compiled) });
  const svg = html.match(/<section id="what-moves"[\s\S]*?<\/section>/)?.[0].match(/<svg[\s\S]*?<\/svg>/)?.[0];
  if (!svg) throw new Error(`no tornado in the report of ${name}`);
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((match) =>
    match[1]!
      .replace(/<\/tspan>\s*<tspan[^>]*>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/&#39;/g, "'"),
  );
}

describe("the tornado's labels and axis", () => {
  it("keeps two inputs that differ only in their tail apart: each label whole, over two lines when long", async () => {
    // Cut at one width, today's and the change's features a year both read "Features or experiments
    // delivered a year (per line of business…", moving the net gain in opposite directions.
    const texts = await tornadoTexts("peers/dora-ai-roi-calculator.yaml");
    expect(texts).toContain("Features or experiments delivered a year (per line of business), today");
    expect(texts).toContain("Features or experiments delivered a year (per line of business), after the change");
    expect(texts.filter((text) => text.includes("…"))).toEqual([]);
  });

  it("titles its axis with the report's word for what each bar shows, the net gain", async () => {
    const texts = await tornadoTexts("peers/dora-ai-roi-calculator.yaml");
    expect(texts).toContain("Net gain (NPV, USD)");
    expect(texts.filter((text) => /net present value/i.test(text))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty, type CaseResult, type CompiledCase } from "../../engine/index.js";
import { createReport } from "../create-report.js";
import { textOf } from "../report-text.js";
import { SEED_UNCERTAIN, TINY_SEED_UNCERTAIN } from "../../test-support/tiny-seed-uncertain.js";

/**
 * Page 1's sentences of ranges when the gains are under one unit of the currency ("less than €1", never
 * "€0", docs/numbers.md "How figures are written"), and one name for the Monte Carlo's samples in the
 * whole report: "outcomes", as page 1 and the web app say, never "runs" in one section and "outcomes" in another.
 */

function compile(text: string): CompiledCase {
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(JSON.stringify(issues));
  return compiled;
}

function resultOf(compiled: CompiledCase): CaseResult {
  return withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 2_000, seed: 1 }));
}

/** The report's text as read: inline spans do not split words. */
async function reportText(compiled: CompiledCase, result: CaseResult): Promise<{ all: string; pageOne: string }> {
  const { html } = await createReport(compiled, { result });
  const start = html.indexOf('<section id="summary"');
  const end = html.indexOf('<section id="options"');
  const read = (part: string) => textOf(part.replace(/<\/?span[^>]*>/g, ""));
  return { all: read(html), pageOne: read(html.slice(start, end)) };
}

describe("page 1's ranges of a gain under one unit", () => {
  const compiled = compile(TINY_SEED_UNCERTAIN);
  const result = resultOf(compiled);

  it("says a net gain no range moves stays at 'less than €1', not 'at about €0'", async () => {
    const p50 = result.comparisons.compromise!.distribution!.npv.p50!;
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThan(0.5);
    const { pageOne } = await reportText(compiled, result);
    // It said "over 10,000 runs with new values from the ranges, it stays at about €0".
    expect(pageOne).toContain(
      "none of them moves the net gain of “What will be approved” much: over the 2,000 outcomes of the ranges, it stays at less than €1.",
    );
    expect(pageOne).not.toContain("about €0");
  });

  it("says a range whose ends are gains under one unit falls between 'less than €1' and its high end, not '€0'", async () => {
    // The same result, with the option's range reaching from a few cents to €5,000.
    const comparison = result.comparisons.compromise!;
    const distribution = comparison.distribution!;
    const wide: CaseResult = {
      ...result,
      comparisons: {
        ...result.comparisons,
        compromise: { ...comparison, distribution: { ...distribution, npv: { ...distribution.npv, p5: 0.3, p50: 0.4, p95: 5000 } } },
      },
    };
    const { pageOne } = await reportText(compiled, wide);
    // It said "The net gain is likely to fall between €0 and €5,000" and "falls between €0 and €5,000. Half of the runs gain more than €0".
    expect(pageOne).toContain("The net gain is likely to fall between less than €1 and €5,000.");
    expect(pageOne).toContain(
      "In 9 outcomes out of 10, the net gain of “What will be approved” falls between less than €1 and €5,000. The middle outcome gains less than €1.",
    );
    expect(pageOne).not.toMatch(/between €0 |more than €0/);
  });
});

describe("the Monte Carlo's samples, in the report's words", () => {
  it("are 'outcomes' in every section (page 1, the decision section, the method), never 'runs'", async () => {
    const compiled = compile(SEED_UNCERTAIN);
    const { all } = await reportText(compiled, resultOf(compiled));
    // The decision section said "Over the 2,000 runs of the plan" beside page 1's "Over the 2,000 outcomes of the ranges".
    expect(all).toContain("Over the 2,000 outcomes of the ranges, “What will be approved” comes out best in");
    expect(all).toContain(
      "The plan was worked out 2,000 times, each time with every range drawn at random (seed 1, so the same file gives the same report): 2,000 outcomes of the ranges. The ranges and chances in the report come from these outcomes.",
    );
    expect(all).not.toMatch(
      /\bruns of the plan|over all runs|in every run\b|runs out of|We ran the plan|The plan was run|these runs|runs with new values|Half of the runs/,
    );
  });
});

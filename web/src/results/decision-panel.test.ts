import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import closeCall from "../../../examples/close-call.yaml?raw";
import seedUncertain from "../../../examples/seed-uncertain.yaml?raw";
import team from "../../../examples/team.yaml?raw";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty } from "../../../src/engine/index.js";
import { formatChance } from "../../../src/format/numbers.js";
import { DecisionPanel } from "./DecisionPanel.js";
import { changesNothingResults, closeToNothingResults } from "../../../src/test-support/changes-nothing-case.js";

describe("the web app's decision panel", () => {
  it("gives chances of being best that add up to 100%, written together, where each rounded alone gives 46% + 46% + 9%", () => {
    // examples/close-call.yaml over 2,000 outcomes, seed 11, its chances of being best set to 8.9%, 45.6% and 45.5%.
    const { compiled } = validateScenarioText(closeCall);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 2_000, seed: 11 }));
    [0.089, 0.456, 0.455].forEach((share, index) => {
      const option = result.decision!.options[index]!;
      Object.assign(option, { probabilityBest: share, probabilityBestAlone: share, probabilityBestLevel: 0 });
    });
    expect(result.decision!.options.map((option) => formatChance(option.probabilityBest))).toEqual(["9%", "46%", "46%"]);
    const html = renderToStaticMarkup(createElement(DecisionPanel, { result, refining: false }));
    const shown = [...html.matchAll(/<span data-figure="probability-best">([^<]*)<\/span>/g)].map((match) => match[1]);
    expect(shown).toEqual(["9%", "46%", "45%"]);
  });

  it("says what knowing every input would be worth when no input alone is worth measuring, as the report and run do (seed-uncertain.yaml: €6)", () => {
    // It said "No measurement is worth paying for now: ... would not measurably change which option is
    // best" beside the report's and run's "worth up to €6": the inputs are worth €6 found out together.
    const { compiled } = validateScenarioText(seedUncertain);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 10_000, seed: 1 }));
    const decision = result.decision!;
    expect(decision.evppi.some((entry) => entry.aboveNoise)).toBe(false);
    expect(decision.evpi).toBeGreaterThan(decision.noiseLevel);
    const html = renderToStaticMarkup(createElement(DecisionPanel, { result, refining: false }));
    const nothing = /<p class="decision-nothing" data-decision="nothing-worth-measuring">([^<]*)<\/p>/.exec(html)?.[1];
    expect(nothing).toBe("No single figure is worth measuring before deciding: even knowing every figure for sure would be worth only €6.");
  });

  it("says an option best in every outcome, and those best in none, by the count beside 'Nothing is worth measuring' (team.yaml)", () => {
    const { compiled } = validateScenarioText(team);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 2_000, seed: 1 }));
    expect(result.decision!.options.map((option) => option.probabilityBest).sort()).toEqual([0, 0, 0, 1]);
    const html = renderToStaticMarkup(createElement(DecisionPanel, { result, refining: false }));
    // It read "Best in over 99% of outcomes" and "Best in under 1% of outcomes" beside "Nothing is worth measuring before deciding".
    expect(html).toContain('Best in <span data-figure="probability-best">every one of the 2,000 outcomes</span></span>');
    expect(html.match(/Best in <span data-figure="probability-best">none of the 2,000 outcomes<\/span><\/span>/g)).toHaveLength(3);
    expect(html).not.toMatch(/under 1%|over 99%/);
  });

  it("gives an option that changes nothing no chance of its own, and today no tie with it", () => {
    const { sampled } = closeToNothingResults(true);
    const html = renderToStaticMarkup(createElement(DecisionPanel, { result: sampled, refining: false }));
    const same = /<li data-option="same"[^>]*>[\s\S]*?<\/li>/.exec(html)?.[0];
    // It read "Best in 0%"… of outcomes beside "A tie for best is shared (half each for two options): “New option” is level at the top with “Today” …".
    expect(same).toContain("Changes nothing: the same choice as “Today”, counted once, under it");
    expect(same).not.toContain("probability-best");
    const shown = [...html.matchAll(/<span data-figure="probability-best">([^<]*)<\/span>/g)].map((match) => match[1]);
    expect(shown).toHaveLength(2);
    expect(html).not.toContain("level-at-the-top");
  });

  it("says there is nothing to choose between when every option but today changes nothing", () => {
    const { sampled } = changesNothingResults(true);
    const html = renderToStaticMarkup(createElement(DecisionPanel, { result: sampled, refining: false }));
    expect(html).toContain(
      '<p class="decision-nothing" data-decision="nothing-to-choose">“New option” changes nothing against “Today”: there is nothing to choose between, so nothing is worth measuring before deciding.</p>',
    );
    expect(html).not.toContain("probability-best");
  });
});

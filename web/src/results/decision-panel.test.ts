import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import closeCall from "../../../examples/close-call.yaml?raw";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty } from "../../../src/engine/index.js";
import { formatChance } from "../../../src/format/numbers.js";
import { DecisionPanel } from "./DecisionPanel.js";

describe("the web app's decision panel", () => {
  it("gives chances of being best that add up to 100%, written together, where each rounded alone gave 56% + 43% beside a share under 1%", () => {
    // examples/close-call.yaml over 2,000 outcomes, seed 11.
    const { compiled } = validateScenarioText(closeCall);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 2_000, seed: 11 }));
    const alone = result.decision!.options.map((option) => formatChance(option.probabilityBest));
    expect(alone).toEqual(["under 1%", "56%", "43%"]);
    const html = renderToStaticMarkup(createElement(DecisionPanel, { result, refining: false }));
    const shown = [...html.matchAll(/<span data-figure="probability-best">([^<]*)<\/span>/g)].map((match) => match[1]);
    expect(shown).toEqual(["under 1%", "56%", "44%"]);
  });
});

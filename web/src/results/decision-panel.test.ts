import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import closeCall from "../../../examples/close-call.yaml?raw";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty } from "../../../src/engine/index.js";
import { formatChance } from "../../../src/format/numbers.js";
import { DecisionPanel } from "./DecisionPanel.js";

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
});

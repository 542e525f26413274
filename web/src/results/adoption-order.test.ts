import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import seed from "../../../examples/seed.yaml?raw";
import { buildResult, validateScenarioText, type CaseResult } from "../../../src/engine/index.js";
import { AdoptionOrder } from "./AdoptionOrder.js";

/**
 * examples/seed.yaml's result with one option, "What will be approved", its order of adoption three
 * capabilities of the catalogue, each adding 10 cents to the net gain: what the table reads. (A whole
 * result: the table names whose order it is from the recommendation, which reads the scenarios.)
 */
function smallSteps(): CaseResult {
  const result = buildResult(validateScenarioText(seed).compiled!);
  const adoptionOrder = ["a", "b", "c"].map((capability, index) => ({
    capability,
    label: `Step ${capability}`,
    description: `What ${capability} does`,
    marginalNpv: 0.1,
    cumulativeNpv: 0.1 * (index + 1),
  }));
  return { ...result, comparisons: { compromise: { ...result.comparisons.compromise!, npv: 0.3, adoptionOrder } } };
}

describe("the web app's order of adoption", () => {
  it("writes a step and a total that gain under one unit 'less than €1', as the report's order of adoption does, not '€0'", () => {
    const html = renderToStaticMarkup(createElement(AdoptionOrder, { result: smallSteps() }));
    const cells = [...html.matchAll(/<tr data-capability="[^"]+">([\s\S]*?)<\/tr>/g)].map((row) =>
      [...row[1]!.matchAll(/<td class="number">([^<]*)<\/td>/g)].map((cell) => cell[1]),
    );
    // Each read "€0": 10 cents added, 10, 20 and 30 cents so far.
    expect(cells).toEqual([
      ["less than €1", "less than €1"],
      ["less than €1", "less than €1"],
      ["less than €1", "less than €1"],
    ]);
  });
});

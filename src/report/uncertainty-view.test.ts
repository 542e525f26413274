import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty } from "../engine/index.js";
import { createReport } from "./create-report.js";
import { mainText } from "./report-text.js";
import { uncertaintyFromResult } from "./uncertainty-view.js";

const { compiled } = validateScenarioText(readFileSync(new URL("../../examples/seed-uncertain.yaml", import.meta.url), "utf8"));

describe("uncertaintyFromResult", () => {
  it("is undefined for single estimates", () => {
    expect(uncertaintyFromResult(buildResult(compiled!))).toBeUndefined();
  });

  it("reads the Monte Carlo's distributions, bands, samples and seed from the result", () => {
    const summary = new MonteCarlo(compiled!, { samples: 400, seed: 5 }).runAll().summarise();
    const view = uncertaintyFromResult(withUncertainty(buildResult(compiled!), summary))!;
    expect(view.samples).toBe(400);
    expect(view.seed).toBe(5);
    expect(Object.keys(view.distribution).sort()).toEqual(["compromise", "optimal"]);
    expect(view.distribution.compromise).toEqual(summary.distributions.compromise);
    expect(view.cumulativeBand.optimal?.p95).toHaveLength(12);
  });
});

describe("a file with ranges", () => {
  it("without sampling: says the chances were not worked out and ranks the ranges", async () => {
    const { html, context } = await createReport(compiled!);
    expect(context.ranges).toBe("notSampled");
    expect(context.risks?.method).toBe("range");
    expect(mainText(html)).toContain("the chances were not worked out");
    expect(html).not.toContain('data-figure="payback-chance"');
  });

  it("with sampling: gives the range, the chance and the band", async () => {
    const summary = new MonteCarlo(compiled!, { samples: 400, seed: 5 }).runAll().summarise();
    const { html, context } = await createReport(compiled!, { result: withUncertainty(buildResult(compiled!), summary) });
    expect(context.ranges).toBe("sampled");
    expect(mainText(html)).toContain("We worked the plan out 400 times");
    expect(html).toContain('data-figure="payback-chance"');
    expect(mainText(html)).toContain("each shaded band is where 9 outcomes out of 10 fall");
  });
});

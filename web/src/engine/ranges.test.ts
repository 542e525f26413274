import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildResult, chooseAlternative, MonteCarlo, tornado, validateScenarioText, withUncertainty } from "../../../src/engine/index.js";
import enterprise from "../../../examples/enterprise.yaml?raw";
import { quickEvaluate } from "./quick-evaluate.js";
import { rangedSummary, withRanges } from "./ranges.js";

describe("the ranges the worker sends", () => {
  it("added to the page's own point result, give the result the command line gives for the same draws", async () => {
    const data = parse(enterprise) as unknown;
    const options = { samples: 2_000, seed: 7 };
    const chunks: number[] = [];
    const ranged = await rangedSummary(data, options, async (done) => {
      chunks.push(done);
      return true;
    });
    expect(ranged).toBeDefined();
    // As the worker posts it: a structured clone, with no month rows in it.
    const sent = structuredClone(ranged!);
    expect(JSON.stringify(sent)).not.toContain('"months"');
    const page = withRanges(quickEvaluate(data).result!, sent);

    const compiled = validateScenarioText(enterprise).compiled!;
    const cli = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, options).runAll().summarise());
    expect(JSON.stringify(page.result)).toBe(JSON.stringify(cli));
    const alternative = chooseAlternative(compiled);
    expect(page.tornado).toEqual({ alternative: compiled.scenarios[alternative]!.name, bars: tornado(compiled, alternative) });
    expect(page.tornado!.bars.length).toBeGreaterThan(0);
    // The run looked at the queue between chunks (so a newer edit could stop it).
    expect(chunks.length).toBeGreaterThan(1);
  });

  it("stop when asked between chunks, with nothing to add", async () => {
    const data = parse(enterprise) as unknown;
    expect(await rangedSummary(data, { samples: 2_000, seed: 1 }, async () => false)).toBeUndefined();
  });
});

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { builtInPricesWords } from "../format/words.js";
import { createReport } from "../report/create-report.js";
import { escapeHtml } from "../report/escape.js";
import { catalogueGroupTitle } from "../workbook/assumptions-sheet.js";
import { dollarCase } from "../test-support/built-in-prices.js";
import { makeTempFolder } from "../test-support/fixtures.js";
import { runCliCaptured } from "../test-support/run-cli.js";

const seed = readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8");

/** What `run`, the report, the workbook and `optimize` say of a case's built-in prices: each view's text. */
async function views(text: string) {
  const temp = makeTempFolder();
  try {
    const file = join(temp.path, "case.yaml");
    writeFileSync(file, text);
    const { compiled } = validateScenarioText(text);
    const { html } = await createReport(compiled!, { result: buildResult(compiled!) });
    const run = await runCliCaptured(["run", file]);
    const optimize = await runCliCaptured(["optimize", file, "--from", "scheduling,monitoring", "--samples", "200"]);
    expect([run.exitCode, optimize.exitCode]).toEqual([0, 0]);
    return { run: run.stderr, report: html, workbook: catalogueGroupTitle(compiled!), optimize: optimize.stdout };
  } finally {
    temp.remove();
  }
}

describe("the built-in prices a case in another currency takes unconverted", () => {
  it("are said in one sentence, the engine's, by run, the report, the workbook and optimize", async () => {
    // Each view wrote its own: the report decided from the rows' names (PRICE_COSTS) and wrote "Its prices
    // are stated in EUR; this case, in USD, takes them as written, unconverted", the workbook "built-in
    // prices are stated in EUR and taken here unconverted, in USD", optimize "the NPV and first-year cash
    // take them as written, unconverted, as USD".
    const sentence =
      "The built-in catalogue's prices are stated in EUR, but this case is in USD: they are taken as written, unconverted, as USD (scheduling 300 a month); give your own prices in USD under catalogue: in the file (catalogue.scheduling.monthlyCost).";
    const text = dollarCase(seed, ["scheduling.monthlyCost"]);
    const result = buildResult(validateScenarioText(text).compiled!);
    expect(result.unconvertedBuiltInPrices).toEqual([{ capability: "scheduling", cost: "monthlyCost", value: 300 }]);
    expect(builtInPricesWords(result.currency, result.unconvertedBuiltInPrices)).toBe(sentence);
    const said = await views(text);
    expect(said.run).toContain(`scenarios.optimal.capabilities takes built-in catalogue prices. ${sentence}`);
    expect(said.report).toContain(escapeHtml(sentence));
    expect(said.workbook).toContain(sentence);
    expect(said.optimize.replace(/\s+/g, " ")).toContain(`Warning: ${sentence}`);
  });

  it("are said nowhere when the file gives every price", async () => {
    const text = dollarCase(seed, []);
    expect(buildResult(validateScenarioText(text).compiled!).unconvertedBuiltInPrices).toBeUndefined();
    const said = await views(text);
    for (const [view, words] of Object.entries(said)) expect([view, /stated in EUR|unconverted/.test(words)]).toEqual([view, false]);
  });
});

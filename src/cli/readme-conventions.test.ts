import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { packageRoot } from "../shared/package-files.js";

// The conventions' fields are in the JSON, documented in docs/json.md (and their inputs in
// docs/scenario-file.md), and the figures docs/json.md and docs/numbers.md give for them are the
// seed's as the engine computes them.

const doc = (name: string): string => readFileSync(join(packageRoot, "docs", name), "utf8");
const jsonDoc = doc("json.md");
// The run --json contract, up to the sensitivity contract's paragraph.
const json = jsonDoc.slice(0, jsonDoc.indexOf("\n`sensitivity --json`: "));
const numbersSection = doc("numbers.md");
const scenarioFile = doc("scenario-file.md");

function shown(field: string): number {
  const match = json.match(new RegExp(`"${field}": (-?[\\d.]+)`));
  if (!match) throw new Error(`the JSON example of docs/json.md has no "${field}"`);
  return Number(match[1]);
}

describe("docs/ documents the conventions' fields", () => {
  const { compiled } = validateScenarioText(readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8"));
  const result = buildResult(compiled!);
  const optimal = result.comparisons.optimal!;

  it("every new field is in the result and has a line of its own under the JSON example", () => {
    expect(result.discounting).toBe("monthly");
    expect(Object.keys(optimal.conventions).sort()).toEqual(["dora", "paybackMonthInterpolated", "paybackYears", "roiOnInvestment"]);
    const fields = [
      "discounting",
      "riskAdjustment",
      "presentValueOfBenefits",
      ...Object.keys(optimal.conventions).map((name) => `conventions.${name}`),
      "riskAdjusted",
    ];
    for (const field of fields) expect(json, field).toMatch(new RegExp(`^- \`(comparisons\\.<name>\\.)?${field.replace(".", "\\.")}\`: `, "m"));
    for (const field of ["discounting", "riskAdjustment.benefits"]) expect(scenarioFile, field).toContain(`| \`${field}\``);
  });

  it("gives the seed's figures in the example and the worked examples", () => {
    expect(shown("presentValueOfBenefits")).toBe(Number(optimal.presentValueOfBenefits.toFixed(2)));
    expect(shown("roiOnInvestment")).toBe(Number(optimal.conventions.roiOnInvestment!.toFixed(2)));
    expect(shown("paybackMonthInterpolated")).toBe(optimal.conventions.paybackMonthInterpolated);
    expect(shown("paybackYears")).toBe(Number(optimal.conventions.paybackYears!.toFixed(3)));
    expect(numbersSection).toContain(`PV of benefits €${optimal.presentValueOfBenefits.toFixed(2).replace(/\B(?=(\d{3})+\.)/, ",")}`);
    expect(numbersSection).toContain(`−€${-optimal.cumulativeNet[8]!} after month 9 and €${optimal.cumulativeNet[9]!.toLocaleString("en-US")} after month 10`);
    expect(numbersSection).toContain(
      `total net benefit €${optimal.totalNetBenefit.toLocaleString("en-US")} ÷ investment €${optimal.investment.total.toLocaleString("en-US")}`,
    );
  });
});

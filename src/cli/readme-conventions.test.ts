import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { packageRoot } from "../shared/package-files.js";

// The conventions' fields are in the JSON, documented in the README, and the README's figures for
// them are the seed's as the engine computes them.

const readme = readFileSync(join(packageRoot, "README.md"), "utf8");
const json = readme.slice(readme.indexOf("## JSON output (`run --json`)"), readme.indexOf("`sensitivity --json`"));
const numbersSection = readme.slice(readme.indexOf("## Where the numbers come from"), readme.indexOf("## JSON output (`run --json`)"));

function shown(field: string): number {
  const match = json.match(new RegExp(`"${field}": (-?[\\d.]+)`));
  if (!match) throw new Error(`the README's JSON example has no "${field}"`);
  return Number(match[1]);
}

describe("the README documents the conventions' fields", () => {
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
    for (const field of ["discounting", "riskAdjustment.benefits"]) expect(readme, field).toContain(`| \`${field}\``);
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

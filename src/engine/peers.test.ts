import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult } from "./build-result.js";
import { validateScenarioText } from "./scenario/validate.js";

/**
 * The peers' published cases, written in their own terms (examples/peers), reproduce every published
 * figure to the currency unit under the peer's convention (`conventions.dora`). Sources:
 * docs/numbers.md, "Conventions of peer calculations".
 */
function comparisonOf(file: string, alternative: string) {
  const validation = validateScenarioText(readFileSync(new URL(`../../examples/peers/${file}`, import.meta.url), "utf8"));
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("\n"));
  return buildResult(validation.compiled).comparisons[alternative]!;
}

const toTheUnit = (value: number) => Math.round(value);

describe("DORA's AI-ROI calculator, default case (dora-team/dora.dev svelte/roi-calculator)", () => {
  const comparison = comparisonOf("dora-ai-roi-calculator.yaml", "ai");
  const dora = comparison.conventions.dora;

  it("gives DORA's investment: hard costs 5,065,000 and the J-curve 3,300,000", () => {
    expect(toTheUnit(comparison.benefitByCategory.tooling)).toBe(-5_065_000);
    expect(toTheUnit(comparison.benefitByCategory.change)).toBe(-3_300_000);
    expect(toTheUnit(dora.investment)).toBe(8_365_000);
  });

  it("gives each value line: headcount 11,000,000, features 990,000, downtime −344,000, value 11,646,000", () => {
    expect(toTheUnit(comparison.benefitByCategory.manualTasks)).toBe(11_000_000);
    expect(toTheUnit(comparison.benefitByCategory.delivery)).toBe(990_000);
    expect(toTheUnit(comparison.benefitByCategory.breakage)).toBe(-344_000);
    expect(toTheUnit(dora.value)).toBe(11_646_000);
  });

  it("gives the net benefit 3,281,000, ROI 39.2% and payback 0.7 years", () => {
    expect(toTheUnit(dora.netBenefit)).toBe(3_281_000);
    expect(toTheUnit(comparison.totalNetBenefit)).toBe(3_281_000);
    expect(dora.roi).toBeCloseTo(3_281_000 / 8_365_000, 12);
    expect((dora.roi! * 100).toFixed(1)).toBe("39.2");
    expect(dora.paybackYears).toBeCloseTo(8_365_000 / 11_646_000, 12);
    expect(dora.paybackYears!.toFixed(1)).toBe("0.7");
  });

  it("our own ROI differs only because we count the rise in downtime as a cost, not a lost value", () => {
    expect(comparison.presentValueOfCosts).toBeCloseTo(8_365_000 + 344_000, 4);
    expect(comparison.roi).toBeCloseTo(3_281_000 / 8_709_000, 12);
  });

  it("with 1,000 staff, DORA's second published figure: a benefit of 6,016,000", () => {
    const text = readFileSync(new URL("../../examples/peers/dora-ai-roi-calculator.yaml", import.meta.url), "utf8").replace("people: 500", "people: 1000");
    const result = buildResult(validateScenarioText(text).compiled!);
    expect(toTheUnit(result.comparisons.ai!.conventions.dora.netBenefit)).toBe(6_016_000);
  });
});

describe("DORA 2020, 'The ROI of DevOps Transformation': Elite performer, large organisation", () => {
  const comparison = comparisonOf("dora-2020-elite-large.yaml", "transformed");
  const dora = comparison.conventions.dora;

  it("gives each return line: rework 18,232,500, new features 48,666,667, downtime 13,687,500, 80,586,667 in all", () => {
    expect(toTheUnit(comparison.benefitByCategory.manualTasks)).toBe(18_232_500);
    expect(toTheUnit(comparison.benefitByCategory.delivery)).toBe(48_666_667);
    expect(toTheUnit(comparison.benefitByCategory.breakage)).toBe(13_687_500);
    expect(toTheUnit(dora.value)).toBe(80_586_667);
  });

  it("gives the paper's investment of 6,811,000, item by item", () => {
    // Consulting 400,000 + automation software 1,000,000 + training 200,000, paid up front.
    expect(toTheUnit(comparison.investment.cash)).toBe(1_600_000);
    // 18 FTE × 143,000 × 1.5 of the existing workforce.
    expect(toTheUnit(comparison.investment.teamHoursCost)).toBe(3_861_000);
    // 5 SREs × 180,000 × 1.5.
    expect(toTheUnit(comparison.benefitByCategory.tooling)).toBe(-1_350_000);
    expect(toTheUnit(dora.investment)).toBe(6_811_000);
  });

  it("gives the net return, ROI 10.832 and payback 0.085 years", () => {
    expect(toTheUnit(dora.netBenefit)).toBe(80_586_667 - 6_811_000);
    expect(dora.roi!.toFixed(3)).toBe("10.832");
    expect(dora.paybackYears!.toFixed(3)).toBe("0.085");
    expect(Math.round(dora.paybackYears! * 365)).toBe(31);
  });
});

describe("the peers' files", () => {
  it("send the reader to where the differences are said, docs/numbers.md's 'Where ours differ' (they said the README, which has none)", () => {
    const numbers = readFileSync(new URL("../../docs/numbers.md", import.meta.url), "utf8");
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const file of ["dora-ai-roi-calculator.yaml", "dora-2020-elite-large.yaml"]) {
      const text = readFileSync(new URL(`../../examples/peers/${file}`, import.meta.url), "utf8");
      const where = /^# .*?(README|docs\/numbers\.md)\b.*says where ours differ/m.exec(text)?.[1];
      expect([file, where]).toEqual([file, "docs/numbers.md"]);
      expect(numbers).toContain(`(\`${file}\`)`);
    }
    expect(numbers.split("**Where ours differ:**").length - 1).toBe(2);
    expect(readme).not.toContain("Where ours differ");
  });
});

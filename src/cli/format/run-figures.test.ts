import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, recommend, validateScenarioText, withUncertainty } from "../../engine/index.js";
import { packageRoot } from "../../shared/package-files.js";
import { createReport } from "../../report/create-report.js";
import { textOf } from "../../report/report-text.js";
import { renderRunReport } from "./run-report.js";
import { oneOptionCase } from "../../test-support/one-option-case.js";
import { withEdit, withEdits } from "../../test-support/scenario-text.js";

// The seed at a discount rate of 3.5% and a capture share of 12.5%: figures a finance reviewer checks
// against the file, not rounded to the whole percent.
function seedAt(rate: string, capture: string) {
  const text = readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8")
    .replace(/(discountRate:\n\s+value:) 0\.08/, `$1 ${rate}`)
    .replace(/(freedHoursCaptureShare:\n\s+value:) 0\.5/, `$1 ${capture}`);
  const { compiled } = validateScenarioText(text);
  if (!compiled) throw new Error("the seed does not compile");
  return { compiled, result: buildResult(compiled) };
}

describe("the discount rate and the capture share as the file gives them", () => {
  const { compiled, result } = seedAt("0.035", "0.125");

  it("run states the rate it discounts at, and its formula, to a tenth of a percent", () => {
    expect(result.discountRate).toBe(0.035);
    const text = renderRunReport(result);
    // It said "discount rate 4% a year" and "(1 + 4%)^−m/12" for a file's 3.5%.
    expect(text).toContain("· discount rate 3.5% a year");
    expect(text).toContain("month m discounted by (1 + 3.5%)^−m/12");
    expect(text).not.toContain("(1 + 4%)");
  });

  it("the report says the same rate and capture share", async () => {
    const text = textOf((await createReport(compiled, { result })).html);
    expect(text).toContain("discounted at 3.5% a year");
    expect(text).not.toContain("discounted at 4% a year");
    // It said the freed hours "count at 13% of their cost".
    expect(text).toContain("count at 12.5% of their cost");
    expect(text).not.toContain("count at 13% of their cost");
  });
});

describe("a discount rate of 8.25% and a capture share of 0.04%, as the file writes them", () => {
  const { compiled } = validateScenarioText(
    withEdits(
      oneOptionCase("    projects: { upkeepHoursPerMonth: 11 }\n"),
      ["discountRate: 0.08", "discountRate: 0.0825"],
      ["freedHoursCaptureShare: 0.5", "freedHoursCaptureShare: 0.0004"],
    ),
  );
  const result = buildResult(compiled!);

  it("run states them as written: 8.25%, not 8.3%", () => {
    expect([result.discountRate, result.freedHoursCaptureShare]).toEqual([0.0825, 0.0004]);
    const text = renderRunReport(result);
    // It said "discount rate 8.3% a year" and "(1 + 8.3%)^−m/12" for a file's 8.25%.
    expect(text).toContain("· discount rate 8.25% a year");
    expect(text).toContain("month m discounted by (1 + 8.25%)^−m/12");
    expect(text).not.toContain("8.3%");
  });

  it("the report says the same, in its text and its list of inputs, and never that a share of 0.04% is 0%", async () => {
    const { html } = await createReport(compiled!, { result });
    const text = textOf(html);
    expect(text).toContain("each month's money is discounted at 8.25% a year");
    // It said the freed hours "count at 0% of their cost".
    expect(text).toContain("count at 0.04% of their cost");
    expect(text).not.toMatch(/\b0% of their cost/);
    // The appendix's list of inputs gives the file's values as the text does (it said 8.3% and 0%).
    const value = (input: string) => new RegExp(`<tr data-input="${input}">[\\s\\S]*?data-label="Value">([^<]*)<`).exec(html)?.[1];
    expect([value("discountRate"), value("freedHoursCaptureShare")]).toEqual(["8.25% a year", "0.04%"]);
  });
});

describe("a payback in the first days of month 1", () => {
  // The seed's "What will be approved" with €10 of consultants and a first release in month 1: paid
  // back in the first days of month 1.
  const text = readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8");
  it("is said as under a tenth of a month and a hundredth of a year, not as 0 (nothing to pay back)", () => {
    const { compiled } = validateScenarioText(
      text
        .replace(/(compromise:[\s\S]*?)( {4}tooling:)/, "$1    change: { external: { consultants: 10 } }\n$2")
        .replace(/months: \[4, 7, 10\]/, "months: [1, 7, 10]"),
    );
    const result = buildResult(compiled!);
    const compromise = result.comparisons.compromise!;
    expect(compromise.paybackMonth).toBe(1);
    expect(compromise.conventions.paybackYears! * 12).toBeLessThan(0.05);
    const line = renderRunReport(result)
      .split("\n")
      .find((row) => row.startsWith("  What will be approved") && row.includes("%") && !row.includes("month"))!;
    // It said "0.0" and "0.00", as for an option with nothing to pay back.
    expect(line).toMatch(/under 0\.1 +under 0\.01 /);
  });
});

describe("run's best option on average beside page 1's recommendation", () => {
  // Upkeep after the change anywhere from 2 to 40 hours (lognormal: its middle, about 9 hours, is far
  // below its mean): with every range at its middle the tools gain money, averaged over the samples
  // they lose it.
  const resultAt = (licence: number) => {
    const { compiled } = validateScenarioText(
      oneOptionCase(`    projects: { upkeepHoursPerMonth: { low: 2, high: 40 } }\n    tooling: { licences: { perUserPerMonth: ${licence} } }\n`),
    );
    if (!compiled) throw new Error("the case does not compile");
    return withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());
  };

  it("says what page 1 recommends when the two name different options", () => {
    const result = resultAt(2000);
    expect(recommend(result)!.verdict).toBe("go");
    expect(result.comparisons.alt!.npv).toBeGreaterThan(0);
    expect(result.decision!.best).toBe("current");
    const run = renderRunReport(result);
    expect(run).toContain("Best on average: Today");
    // It said only "Best on average: Today", beside page 1's "Go ahead with “Tools”".
    expect(run).toContain(
      "Page 1 of the report recommends “Tools”: the highest net gain with every range at its middle, where the line above averages over the samples",
    );
  });

  it("says nothing more when they agree", () => {
    const result = resultAt(1000);
    expect(result.decision!.best).toBe("alt");
    expect(renderRunReport(result)).not.toContain("Page 1 of the report recommends");
  });
});

describe("run's best option on average beside page 1's close call", () => {
  // examples/close-call.yaml with the flat-licence option's upkeep after the change anywhere from 1 to
  // 60 hours: with every range at its middle it leads by €99, averaged over the samples the other leads,
  // and page 1 sets the two side by side ("Two options are close"), recommending neither.
  const text = withEdit(
    readFileSync(join(packageRoot, "examples", "close-call.yaml"), "utf8"),
    "upkeepHoursPerMonth: { low: 4, high: 12,",
    "upkeepHoursPerMonth: { low: 1, high: 60,",
  );

  it("does not say page 1 recommends the option a close call only puts first", () => {
    const { compiled } = validateScenarioText(text);
    if (!compiled) throw new Error("the case does not compile");
    const result = withUncertainty(buildResult(compiled), new MonteCarlo(compiled, { samples: 2_000, seed: 1 }).runAll().summarise());
    expect(result.judgement.closeCall?.best).toBe("optimal");
    expect(result.decision!.best).toBe("compromise");
    const run = renderRunReport(result);
    expect(run).toContain("Best on average: What will be approved");
    // It said "Page 1 of the report recommends “Every tool we want”", beside page 1's "Two options are close".
    expect(run).not.toContain("Page 1 of the report recommends “Every tool we want”");
    expect(run).toContain(
      "Page 1 of the report recommends neither option: it sets “Every tool we want” and “What will be approved” side by side as a close call, “Every tool we want” ahead with every range at its middle, where the line above averages over the samples",
    );
  });
});

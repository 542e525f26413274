import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty } from "../../engine/index.js";
import { threeYearCase } from "../../test-support/three-year-case.js";
import { createReport } from "../create-report.js";
import { findJargon } from "../jargon.js";
import { textOf } from "../report-text.js";

/** The Forrester-style three-year case (NPV $24,606, ROI 38%, payback 20.7 months; risk-adjusted $12,407, 18%). */
const compile = threeYearCase;

async function optionsOf(extra: Record<string, unknown>): Promise<string> {
  const compiled = compile(extra);
  const { html } = await createReport(compiled, { result: buildResult(compiled), generatedOn: "1 June 2026" });
  const section = html.match(/<section id="options"[\s\S]*?<\/section>/)?.[0];
  if (!section) throw new Error("no options section");
  return textOf(section.replace(/<\/?span[^>]*>/g, ""));
}

describe("the report's options table names the convention of each figure", () => {
  it("shows the risk-adjusted figures on their own line, and what each convention is", async () => {
    const text = await optionsOf({ discounting: "yearEnd", riskAdjustment: { benefits: 0.1, costs: 0.05 } });
    // Unadjusted: $24,606 (the report rounds to three figures), 38% return on cost, month 21 (20.7 months,
    // 1.72 years), and DORA's return on investment: the $40,000 gained over three years ÷ what the change
    // costs over them, $50,000 up front and 3 × $6,000 of licences = 59%.
    expect(text).toMatch(/Tooling recommended US\$24,600 month 21 \(20\.7 months, 1\.72 years\) US\$50,000 0 hours 38% 59%/);
    // Risk-adjusted, as worked out by hand in the engine's test: $12,407 and 18%.
    expect(text).toMatch(/risk-adjusted \(gains −10%, costs \+5%\) US\$12,400 18%/);
    expect(text).toContain("discounted at 10% a year as if it all came at the end of that year");
    expect(text).toContain("Return on cost: net gain ÷ today's value of the extra costs");
    // Named as DORA's, so it is not taken for the command line's "ROI on our investment", which divides by less.
    expect(text).toContain("Return on cost DORA's return on investment");
    expect(text).toContain("DORA's return on investment: the gain over the 36 months, not discounted, ÷ what the change costs over them");
    expect(text).toContain("Risk-adjusted, as Forrester does it: today's value of the gains −10% and of the costs +5%");
    expect(findJargon(text)).toEqual([]);
  });

  it("says no 'today's value' in its notes at a rate of 0%, where nothing is discounted", async () => {
    const text = await optionsOf({ discountRate: 0, riskAdjustment: { benefits: 0.1, costs: 0.05 } });
    // It said "net gain ÷ today's value of the extra costs" and "today's value of the gains −10%".
    expect(text).toContain("Return on cost: net gain ÷ the extra costs.");
    expect(text).toContain("Risk-adjusted, as Forrester does it: the gains −10% and the costs +5%");
    expect(text).toContain("The net gain counts every cost and every saving over the 36 months.");
    expect(text).not.toMatch(/today's (value|money)/);
  });

  it("says what the change costs over the plan's one month in the singular", async () => {
    const text = await optionsOf({ horizonMonths: 1 });
    // "the plan's one month", as page 1 says it, not "the 1 month".
    expect(text).toContain("DORA's return on investment: the gain over the plan's one month, not discounted, ÷ what the change costs over it (cash");
    expect(text).not.toContain("the 1 month");
    expect(text).not.toContain("costs over them");
  });

  it("has no risk-adjusted line without a risk adjustment, and says how months are discounted", async () => {
    const text = await optionsOf({});
    expect(text).not.toMatch(/risk-adjusted/i);
    expect(text).toContain("each month's money is discounted at 10% a year");
    expect(await optionsOf({ discounting: "midYear" })).toContain("as if it all came in the middle of that year");
  });

  it("says that nothing is discounted at a rate of 0%, in the table's notes and in the method, whatever the convention", async () => {
    for (const discounting of ["monthly", "yearEnd", "midYear"]) {
      const compiled = compile({ discountRate: 0, discounting });
      const { html } = await createReport(compiled, { result: buildResult(compiled), generatedOn: "1 June 2026" });
      const text = textOf(html.replace(/<\/?span[^>]*>/g, ""));
      expect(text, discounting).not.toMatch(/discounted at 0%/);
      expect(text, discounting).toContain(
        "Net gain: money is not discounted (the case's rate is 0% a year), so money later counts as much as money now; cash paid",
      );
      expect(text, discounting).toContain("Money is not discounted (the case's rate is 0% a year), so money later counts as much as money now. Cash paid");
      // The gain-over-time chart's lines end on the net gain itself at 0%.
      const result = buildResult(compiled);
      for (const comparison of Object.values(result.comparisons)) expect(comparison.cumulativeNet.at(-1)).toBeCloseTo(comparison.npv, 6);
      expect(text, discounting).toContain("at the case's rate of 0% nothing is discounted, so where a line ends is the net gain the summary gives");
    }
  });
});

describe("the payback in months and years, singular where it reads 1", () => {
  // 60 meeting hours a month saved at $50 ($3,000 a month) against consultants paid at the start:
  // $36,000 is earned back at the end of month 12, $3,000 at the end of month 1.
  const paidBackAfter = (consultants: number) =>
    compile({
      scenarios: {
        today: { label: "Today", meetings: { hoursPerPersonPerMonth: 60 } },
        tooling: { label: "Tooling", meetings: { hoursPerPersonPerMonth: 0 }, change: { external: { consultants } } },
      },
    });

  it("says 1 year and 1 month, in the options table and on page 1", async () => {
    for (const [consultants, within] of [
      [36_000, "12 months, or 1 year"],
      [3_000, "1 month, or 0.08 years"],
    ] as const) {
      const compiled = paidBackAfter(consultants);
      const result = buildResult(compiled);
      const { conventions } = result.comparisons.tooling!;
      expect(conventions.paybackMonthInterpolated).toBe(consultants / 3_000);
      const { html } = await createReport(compiled, { result, generatedOn: "1 June 2026" });
      const text = textOf(html.replace(/<\/?span[^>]*>/g, ""));
      expect(text).toContain(`(${within.replace(", or", ",")})`);
      expect(text).toContain(
        `the month the gain so far${result.discountRate === 0 ? "" : ", not discounted,"} turns positive for good: ${within}, from the start`,
      );
      expect(text).not.toMatch(/\b1 (years|months)\b/);
    }
  });
});

describe("the options table's tag in a close call", () => {
  it("tags no option 'recommended' where page 1 recommends neither (examples/close-call.yaml)", async () => {
    const text = readFileSync(new URL("../../../examples/close-call.yaml", import.meta.url), "utf8");
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    expect(result.judgement?.closeCall?.best).toBe("optimal");
    const { html } = await createReport(compiled!, { result });
    // Page 1 sets the two side by side ("Two options are close"), and run says "Page 1 of the report
    // recommends neither option"; the options table tagged “Every tool we want” "recommended".
    expect(textOf(html)).toContain("Two options are close");
    const options = html.slice(html.indexOf('<section id="options"'));
    expect(options).not.toContain('<span class="tag">recommended</span>');
  });

  it("writes the close options' net gains to the unit, as page 1's close call does (examples/close-call.yaml)", async () => {
    const text = readFileSync(new URL("../../../examples/close-call.yaml", import.meta.url), "utf8");
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    const close = result.judgement!.closeCall!;
    const { html } = await createReport(compiled!, { result });
    const options = textOf(html.slice(html.indexOf('<section id="options"')).replace(/<\/?span[^>]*>/g, ""));
    for (const name of close.options) {
      const comparison = result.comparisons[name]!;
      // To the unit, from the JSON: €5,455 for “What will be approved” (€5,454.99), as page 1 writes it, not €5,450.
      const toTheUnit = `€${Math.round(comparison.npv).toLocaleString("en-GB")}`;
      expect(options).toContain(`${compiled!.scenarios.find((scenario) => scenario.name === name)!.label} ${toTheUnit} month`);
      expect(textOf(html.slice(0, html.indexOf('<section id="options"')))).toContain(toTheUnit);
    }
  });

  it("still tags the option page 1 recommends when there is no close call", async () => {
    const text = readFileSync(new URL("../../../examples/seed.yaml", import.meta.url), "utf8");
    const { compiled } = validateScenarioText(text);
    const { html } = await createReport(compiled!, { result: buildResult(compiled!) });
    expect(textOf(html)).toContain("Go ahead with");
    expect(html.slice(html.indexOf('<section id="options"'))).toContain('<span class="tag">recommended</span>');
  });
});

describe("the report's options table where the case has ranges", () => {
  const examples = new URL("../../../examples/", import.meta.url);
  async function sectionOf(name: string, samples: number) {
    const { compiled } = validateScenarioText(readFileSync(new URL(name, examples), "utf8"));
    const deterministic = buildResult(compiled!);
    const result = samples > 0 ? withUncertainty(deterministic, new MonteCarlo(compiled!, { samples, seed: 1 }).runAll().summarise()) : deterministic;
    const { html } = await createReport(compiled!, { result, generatedOn: "1 June 2026" });
    return { result, text: textOf(html.match(/<section id="options"[\s\S]*?<\/section>/)![0].replace(/<\/?span[^>]*>/g, "")) };
  }

  it("says its figures are those of every range at its middle, and under each payback month where it falls in 9 outcomes out of 10", async () => {
    // It gave "month 12 (11.8 months, 0.99 years)" for examples/team.yaml's managed platform as fact.
    const { result, text } = await sectionOf("team.yaml", 1_000);
    for (const comparison of Object.values(result.comparisons)) {
      const { p5, p95 } = comparison.distribution!.paybackMonth;
      const end = (value: number) => `month ${Math.round(value)}`;
      expect(text).toContain(`9 in 10: ${end(p5!) === end(p95!) ? end(p5!) : `${end(p5!)} to ${end(p95!)}`}`);
    }
    expect(text).toContain("; “9 in 10”: where the month falls in 9 outcomes out of 10.");
    expect(text).toContain("With ranges in the file, every figure in this table is that of every range at its middle.");
  });

  it("says nothing of ranges the report did not sample beyond the middle, and nothing of ranges where the case has none", async () => {
    const unsampled = (await sectionOf("team.yaml", 0)).text;
    expect(unsampled).toContain("With ranges in the file, every figure in this table is that of every range at its middle.");
    expect(unsampled).not.toContain("9 in 10");
    const single = (await sectionOf("seed.yaml", 0)).text;
    expect(single).not.toContain("every range at its middle");
    expect(single).not.toContain("9 in 10");
  });
});

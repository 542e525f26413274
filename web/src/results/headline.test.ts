import { describe, expect, it } from "vitest";
import type { ComparisonResult } from "../../../src/engine/index.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty } from "../../../src/engine/index.js";
import { formatChance } from "../../../src/format/numbers.js";
import { paybackAndGainChancesDiffer } from "../../../src/format/words.js";
import { uncertaintyFromResult } from "../../../src/report/uncertainty-view.js";
import { tinyMoney } from "../../../src/test-support/tiny-money.js";
import { withEdits } from "../../../src/test-support/text-edits.js";
import seedUncertain from "../../../examples/seed-uncertain.yaml?raw";
import seed from "../../../examples/seed.yaml?raw";
import team from "../../../examples/team.yaml?raw";
import { STAY_ON_AVERAGE_CASE as stayVsAverage } from "../../../src/test-support/stay-on-average-case.js";
import { askedFor, Headline } from "./Headline.js";

const investment = (cash: number, teamHours: number, cashMonth: number | null = 0): ComparisonResult["investment"] => ({
  cash,
  cashMonth,
  teamHours,
  teamHoursCost: teamHours * 60,
  total: cash + teamHours * 60,
});

describe("what an option asks for, on its card", () => {
  it("says what it saves against today's own, bigger change, as page 1 does, not a negative amount asked for", () => {
    // It said "-€5,000 up front" and nothing of the 200 hours.
    expect(askedFor(investment(-5000, -200), "EUR")).toEqual({
      upFront: "€0",
      more: ", €5,000 less up front than today; 200 team hours less than today's own change",
    });
    expect(askedFor(investment(-5000, 0), "EUR")).toEqual({ upFront: "€0", more: ", €5,000 less up front than today" });
    // Today's own change starting in month 4 pays its cash at the end of month 3: not "up front".
    expect(askedFor(investment(-5000, 0, 3), "EUR")).toEqual({ upFront: "€0", more: ", €5,000 less in month 3 than today" });
    expect(askedFor(investment(0, -200), "EUR")).toEqual({ upFront: "€0", more: ", 200 team hours less than today's own change" });
    expect(askedFor(investment(2000, 120), "EUR")).toEqual({ upFront: "€2,000", more: " + 120 team hours on the change" });
    expect(askedFor(investment(0, 0), "EUR")).toEqual({ upFront: "€0", more: "" });
  });

  it("decides, as page 1 does (src/format/asked-for.ts), on the figures as written: no '+ 0 team hours on the change'", () => {
    expect(askedFor(investment(0, 0.04), "EUR")).toEqual({ upFront: "€0", more: "" });
    expect(askedFor(investment(-0.4, -0.04), "EUR")).toEqual({ upFront: "€0", more: "" });
    expect(askedFor(investment(0, 0.06), "EUR")).toEqual({ upFront: "€0", more: " + 0.1 team hours on the change" });
  });
});

/**
 * The card's chance that an option pays back, over 12 months, in page 1's words, held as the literal
 * sentence: with its basis beside the chance of a gain in today's money where the figures call for it
 * (`paybackAndGainChancesDiffer`, the rule the card and page 1 share, not a copy of it here), else alone.
 */
function paybackChanceSentence(range: { probabilityPaysBack: number; probabilityNpvPositive: number }, discountRate: number): string {
  const [paysBack, gain] = [formatChance(range.probabilityPaysBack), formatChance(range.probabilityNpvPositive)];
  return paybackAndGainChancesDiffer(range, discountRate)
    ? `The chance that it pays back within 12 months, before valuing money over time, is ${paysBack} (of a gain in today's money: ${gain}).`
    : `The chance that it pays back within 12 months is ${paysBack}.`;
}

describe("the chance an option pays back, on its card", () => {
  it("is given whenever the ranges hold it, in the report's words, even when the net gain moves by under one unit", () => {
    const { compiled } = validateScenarioText(tinyMoney(seedUncertain));
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 500, seed: 1 }));
    const distributions = uncertaintyFromResult(result)!.distribution;
    const html = renderToStaticMarkup(createElement(Headline, { result, distributions }));
    const shown = [...html.matchAll(/<span class="figure-range" data-figure="payback-chance">([^<]*)<\/span>/g)].map((match) =>
      match[1]!.trim().replaceAll("&#x27;", "'"),
    );
    const expected = Object.values(result.comparisons).map((comparison) => {
      const range = distributions[comparison.alternative]!;
      // The case the card hid it for: a net gain whose range is under one unit wide.
      expect(Math.round(range.npv.p95! - range.npv.p5!)).toBe(0);
      return paybackChanceSentence(range, result.discountRate);
    });
    expect(expected).toHaveLength(2);
    expect(shown).toEqual(expected);
  });
});

describe("the cash an option asks for, on its card, with a change that starts later", () => {
  it("says the month it is paid in, as page 1 does, where it said '€700 up front' of cash paid in month 5", () => {
    // examples/seed.yaml with "What will be approved" starting in month 6, with €700 of consultants.
    const text = seed.replace(
      "    label: What will be approved\n",
      "    label: What will be approved\n    change: { startMonth: 6, external: { consultants: 700 } }\n",
    );
    const { compiled, issues } = validateScenarioText(text);
    if (!compiled) throw new Error(JSON.stringify(issues));
    const result = buildResult(compiled);
    expect(result.comparisons.compromise!.investment).toMatchObject({ cash: 700, cashMonth: 5 });
    const html = renderToStaticMarkup(createElement(Headline, { result }));
    const card = html.slice(html.indexOf("What will be approved"));
    expect(card.replace(/<[^>]+>/g, "")).toContain("€700 in month 5, before the change starts in month 6");
    expect(card.replace(/<[^>]+>/g, "")).not.toContain("€700 up front");
    // The last year's gain holds that cash (month 5's net benefit): said, not "without the cash paid at the start" alone.
    expect(card.replace(/<[^>]+>/g, "")).toContain("months 1 to 12, not discounted, the cash paid in month 5 included, the cash paid at the start not");
  });
});

describe("when an option pays back, on its card, where the case has ranges", () => {
  it("says no payback is so with every range at its middle, as page 1's card does, not as fact beside a chance that it pays back", () => {
    // It read "Pays back not within 12 months The chance that it pays back within 12 months is 54%.", the first as fact.
    const { compiled } = validateScenarioText(stayVsAverage);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 500, seed: 1 }));
    const distributions = uncertaintyFromResult(result)!.distribution;
    expect(result.comparisons.compromise!.paybackMonth).toBeNull();
    expect(distributions.compromise!.probabilityPaysBack).toBeGreaterThan(0);
    const text = renderToStaticMarkup(createElement(Headline, { result, distributions }))
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ");
    // Over these 500 samples more than 1 in 20 do not pay back (P95 null), and the first do in month 4 (P5).
    expect(distributions.compromise!.paybackMonth).toMatchObject({ p5: 4, p95: null });
    expect(text).toContain(
      "not within 12 months With every range at its middle, it has still not earned back what it cost by the end of the plan. In 9 outcomes out of 10, it pays back in month 4 at the earliest, or not within 12 months. The chance that it",
    );
    // Before the ranges are sampled too.
    const bare = renderToStaticMarkup(createElement(Headline, { result: buildResult(compiled!), rangesComing: true })).replace(/<[^>]+>/g, "");
    expect(bare).toContain("With every range at its middle, it has still not earned back");
  });

  it("says a payback month is that of every range at its middle, and where the outcomes' months fall, as page 1's card does", () => {
    // It read "Pays back month 10 The chance that it pays back within 12 months is 99%.", the month as fact.
    const { compiled } = validateScenarioText(seedUncertain);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 500, seed: 1 }));
    const distributions = uncertaintyFromResult(result)!.distribution;
    const text = renderToStaticMarkup(createElement(Headline, { result, distributions }))
      .replace(/<[^>]+>/g, "")
      .replaceAll("&#x27;", "'")
      .replace(/\s+/g, " ");
    for (const comparison of Object.values(result.comparisons)) {
      const { p5, p95 } = distributions[comparison.alternative]!.paybackMonth;
      const low = Math.round(p5!);
      const high = Math.round(p95!);
      expect(text).toContain(
        `month ${comparison.paybackMonth} with every range at its middle ${low === high ? `In 9 outcomes out of 10, it pays back in month ${low}.` : `In 9 outcomes out of 10, it pays back between month ${low} and month ${high}.`} ${paybackChanceSentence(distributions[comparison.alternative]!, result.discountRate)}`,
      );
    }
  });

  it("says nothing more where the case has no ranges", () => {
    const { compiled } = validateScenarioText(seed);
    const text = renderToStaticMarkup(createElement(Headline, { result: buildResult(compiled!) }));
    expect(text).not.toContain("every range at its middle");
  });
});

describe("the chance an option pays back beside the chance of a gain in today's money, on its card", () => {
  it("says the payback's basis and the other chance where the two read differently, as page 1 does", () => {
    // examples/team.yaml over a year, today and the managed platform alone, with €13,000 of consultants:
    // page 1's verdict gives a 63% chance of any gain, where the card said only "The chance that it pays back within 12 months is 79%".
    const text = withEdits(
      `${team.slice(0, team.indexOf("  openSource:"))}${team.slice(team.indexOf("  managed:"), team.indexOf("  compromise:"))}`,
      ["horizonMonths: 36", "horizonMonths: 12"],
      ["consultants: { value: 15000", "consultants: { value: 13000"],
    );
    const { compiled } = validateScenarioText(text);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 2_000, seed: 1 }));
    const distributions = uncertaintyFromResult(result)!.distribution;
    const range = distributions.managed!;
    expect(formatChance(range.probabilityPaysBack)).not.toBe(formatChance(range.probabilityNpvPositive));
    const html = renderToStaticMarkup(createElement(Headline, { result, distributions }));
    const shown = [...html.matchAll(/<span class="figure-range" data-figure="payback-chance">([^<]*)<\/span>/g)].map((match) =>
      match[1]!.trim().replaceAll("&#x27;", "'"),
    );
    expect(shown).toEqual([
      `The chance that it pays back within 12 months, before valuing money over time, is ${formatChance(range.probabilityPaysBack)} (of a gain in today's money: ${formatChance(range.probabilityNpvPositive)}).`,
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty, type CaseResult } from "../../../src/engine/index.js";
import { createReport } from "../../../src/report/create-report.js";
import { plainSentence, recommendationText } from "../../../src/report/page-one-words.js";
import { uncertaintyFromResult } from "../../../src/report/uncertainty-view.js";
import closeCall from "../../../examples/close-call.yaml?raw";
import team from "../../../examples/team.yaml?raw";
import { Headline } from "./Headline.js";
import { Recommendation } from "./Recommendation.js";

function sampled(text: string): { result: CaseResult; compiled: NonNullable<ReturnType<typeof validateScenarioText>["compiled"]> } {
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(JSON.stringify(issues));
  return { compiled, result: withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 500, seed: 1 })) };
}

/** Page 1's verdict and the paragraph after it, as the report writes them, in plain text. */
async function reportsRecommendation(text: string): Promise<{ verdict: string; reason: string }> {
  const { compiled, result } = sampled(text);
  const { html } = await createReport(compiled, { result });
  const block = /<section class="recommendation"[^>]*>\s*<h2>Our recommendation<\/h2>\s*<p class="verdict">(.*?)<\/p>\s*<p data-prose>(.*?)<\/p>/s.exec(html);
  if (!block) throw new Error("page 1 has no recommendation");
  return { verdict: plainSentence(block[1]!), reason: plainSentence(block[2]!) };
}

/** The web app's recommendation, as its text reads. */
function shown(result: CaseResult): { heading: string; verdict: string; reason: string } {
  const html = renderToStaticMarkup(createElement(Recommendation, { result, uncertainty: uncertaintyFromResult(result), busy: false }));
  const part = (pattern: RegExp) => plainSentence(pattern.exec(html)?.[1] ?? "").replaceAll("&#x27;", "'");
  return {
    heading: part(/<h2[^>]*>(.*?)<\/h2>/s),
    verdict: part(/data-recommendation="verdict">(.*?)<\/p>/s),
    reason: part(/data-recommendation="reason">(.*?)<\/p>/s),
  };
}

describe("the recommendation above the cards", () => {
  it("makes page 1's recommendation, in its words, where the page only referred to “the recommended” option", async () => {
    const { result } = sampled(team);
    const page = shown(result);
    expect(page.heading).toBe("Our recommendation");
    expect(page.verdict).toBe("Go ahead with “A managed platform”.");
    expect(page.verdict).toBe((await reportsRecommendation(team)).verdict);
    // The reason after it is page 1's, with its amounts to the unit as the cards below write them.
    expect(page.reason).toMatch(
      /^Of the three options, it brings the most: €[\d,]+ over 36 months in today's money, against €[\d,]+ for “Four capabilities first”\./,
    );
    expect(page.reason).toContain(`€${Math.round(result.comparisons.managed!.npv).toLocaleString("en")} over 36 months`);
    expect(page.reason).toBe(recommendationText(result, uncertaintyFromResult(result), true)!.reason);
    // With page 1's own amounts, the very sentence page 1 prints.
    expect(recommendationText(result, uncertaintyFromResult(result))).toEqual(await reportsRecommendation(team));
  });

  it("says a close call as page 1 does, naming neither option as the one to go ahead with", async () => {
    const { result } = sampled(closeCall);
    const page = shown(result);
    expect(result.judgement?.closeCall).toBeDefined();
    expect(page.verdict).toBe((await reportsRecommendation(closeCall)).verdict);
    expect(page.verdict).toMatch(/^Two options are close: “.+” and “.+”\.$/);
    expect(page.reason).toContain("Choose on what matters more to you");
    // Its gap is that of the two figures it writes, to the unit as the cards: "€5,970 … only €520 more than … (€5,455)"
    // took the gap of page 1's figures to three significant figures (€5,970 and €5,450).
    const [best, gap, runnerUp] = /€([\d,]+) over 12 months in today's money, but only €([\d,]+) more than “.+” \(€([\d,]+)\)/
      .exec(page.reason)!
      .slice(1)
      .map((figure) => Number(figure.replaceAll(",", "")));
    expect(best! - runnerUp!).toBe(gap);
    expect(runnerUp).toBe(Math.round(result.comparisons[result.judgement!.closeCall!.runnerUp]!.npv));
  });
});

describe("the note under the cards", () => {
  it("says how the net gain is discounted, in the words of the report's note on the options' table", async () => {
    // The cards said "Net gain (NPV)" and nothing of how it is discounted.
    const text = team.replace(/^discountRate:/m, "discounting: yearEnd\ndiscountRate:");
    const { compiled, result } = sampled(text);
    const html = renderToStaticMarkup(createElement(Headline, { result }));
    const note = plainSentence(/data-note="discounting">(.*?)<\/p>/s.exec(html)?.[1] ?? "").replaceAll("&#x27;", "'");
    expect(note).toBe(
      "Net gain: today's money; each year's money is discounted at 8% a year as if it all came at the end of that year, and cash paid at the start counts in full.",
    );
    const { html: report } = await createReport(compiled, { result });
    expect(plainSentence(report)).toContain(note);
  });
});

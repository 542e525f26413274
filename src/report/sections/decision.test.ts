import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty, type CaseResult, type CompiledCase } from "../../engine/index.js";
import { createReport } from "../create-report.js";
import { formatChance, formatMoney, formatNumber } from "../../format/numbers.js";
import { describeInput } from "../../format/input-description.js";
import { findJargon } from "../jargon.js";
import { textOf } from "../report-text.js";
import { WORTH_FINDING_OUT } from "./decision.js";
import { bestChances } from "../../format/words.js";
import { STAY_ON_AVERAGE_CASE } from "../../test-support/stay-on-average-case.js";

const examples = new URL("../../../examples/", import.meta.url);

function compile(name: string): CompiledCase {
  const { compiled, issues } = validateScenarioText(readFileSync(new URL(name, examples), "utf8"));
  if (!compiled) throw new Error(JSON.stringify(issues));
  return compiled;
}

/** As the report of `report --samples 2000 --seed 1`. */
function resultOf(compiled: CompiledCase): CaseResult {
  return withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 2_000, seed: 1 }));
}

/** The text as read: inline spans (user words, figures) do not split words as other tags do. */
function read(html: string): string {
  return textOf(html.replace(/<\/?span[^>]*>/g, ""));
}

function sectionOf(html: string): string | undefined {
  return html.match(/<section id="decision"[\s\S]*?<\/section>/)?.[0];
}

function paragraphs(section: string): string[] {
  return [...section.matchAll(/<p data-prose>([\s\S]*?)<\/p>/g)].map((match) => read(match[1]!));
}

const withRanges = readdirSync(examples)
  .filter((name) => name.endsWith(".yaml"))
  .filter((name) => compile(name).uncertainLeaves.length > 0);

describe("the examples with ranges", () => {
  it("include a close call and clear winners", () => {
    expect(withRanges).toEqual(expect.arrayContaining(["close-call.yaml", "team.yaml", "seed-uncertain.yaml"]));
  });
});

describe.each(withRanges)("the decision section of examples/%s", (name) => {
  const compiled = compile(name);
  const result = resultOf(compiled);
  const decision = result.decision!;
  const money = (value: number) => formatMoney(value, result.currency);
  const label = (scenario: string) => result.scenarios[scenario]!.label;
  const reportPromise = createReport(compiled, { result, generatedOn: "1 June 2026" });

  it("sits on page 2, right after the options and before the money over time", async () => {
    const { html } = await reportPromise;
    const at = html.indexOf('<section id="decision"');
    expect(at).toBeGreaterThan(html.indexOf('<section id="options"'));
    expect(at).toBeLessThan(html.indexOf("When the money comes back"));
  });

  it("says how often each option comes out best, as the result's decision has it", async () => {
    const section = sectionOf((await reportPromise).html)!;
    const [shares] = paragraphs(section);
    expect(shares).toMatch(new RegExp(`^Over the ${formatNumber(decision.samples)} outcomes of the ranges, `));
    const ranked = [...decision.options].sort((a, b) => b.probabilityBest - a.probabilityBest);
    const first = ranked[0]!;
    // The chances are of one whole, written together (largest remainder: docs/numbers.md).
    const chances = bestChances(decision.options);
    // Best in every outcome, or in none, is said as that count, as run, voi and the web app say it.
    const firstShare = first.probabilityBest === 1 ? "in every one of them" : `in ${chances[first.scenario]} of them`;
    expect(shares).toContain(`“${label(first.scenario)}” comes out best ${firstShare}`);
    for (const option of ranked.slice(1))
      expect(shares).toMatch(new RegExp(`“${label(option.scenario)}”[^%]* in ${option.probabilityBest === 0 ? "none of them" : chances[option.scenario]}`));
    // A chance strictly between 0 and 1 claims no certainty: never "every run" or "never".
    expect(shares).not.toMatch(/every run|never/);
    // Every percentage in the sentence is one of the options' chances.
    const allowed = Object.values(chances);
    for (const percent of shares!.match(/(?:under |over )?\d+%/g) ?? []) expect(allowed).toContain(percent);
  });

  it("names what to pin down first, with what knowing it is worth, or says that nothing is", async () => {
    const section = sectionOf((await reportPromise).html)!;
    const text = paragraphs(section).join(" ");
    const worth = decision.evppi.filter((entry) => entry.aboveNoise).slice(0, WORTH_FINDING_OUT);
    const rows = [...section.matchAll(/<tr data-inputs="([^"]*)"><td>([\s\S]*?)<\/td><td class="number">([^<]*)<\/td><\/tr>/g)].map((match) => ({
      inputs: match[1]!.split(" "),
      what: read(match[2]!),
      value: read(match[3]!),
    }));
    expect(rows.map((row) => row.inputs)).toEqual(worth.map((entry) => entry.inputs));
    rows.forEach((row, index) => {
      expect(row.value).toBe(money(worth[index]!.value));
      for (const input of row.inputs) expect(row.what).toContain(describeInput(input).label);
      if (row.inputs.length > 1) expect(row.what).toMatch(/, found out together$/);
    });
    const amounts = text.match(/(?:US)?[€$£]\d[\d,]*(?:\.\d+)?(?: million| billion)?/g) ?? [];
    if (worth.length > 0) {
      expect(text).toContain(`Knowing every figure for sure would be worth up to ${money(decision.evpi)} in all.`);
      expect(text).not.toContain("worth measuring");
      expect(amounts).toEqual([money(decision.evpi)]);
    } else if (decision.evpi === 0) {
      expect(text).toContain("Nothing is worth measuring before deciding: knowing every figure for sure would not change the choice.");
      expect(amounts).toEqual([]);
    } else {
      expect(text).toContain(`worth measuring before deciding: even knowing every figure for sure would be worth only ${money(decision.evpi)}.`);
      expect(text).toMatch(decision.evpi <= decision.noiseLevel ? /^.*Nothing is worth/ : /No single figure is worth/);
      expect(amounts).toEqual([money(decision.evpi)]);
    }
  });

  it("uses no technical words", async () => {
    const section = sectionOf((await reportPromise).html)!;
    const ours = read(section.replace(/<span data-user>[^<]*<\/span>/g, " "));
    expect(findJargon(ours)).toEqual([]);
    expect(ours).not.toMatch(/EVPI|EVPPI|Monte Carlo|value of (perfect )?information|noise|sample|expected value|probability/i);
  });
});

describe("the decision section", () => {
  const compiled = compile("close-call.yaml");
  const result = resultOf(compiled);

  it("in the close call, names the two options' upkeep, together and one at a time", async () => {
    const section = sectionOf((await createReport(compiled, { result })).html)!;
    const text = read(section);
    expect(text).toContain("Upkeep hours a month for each live project (“Every tool we want” and “What will be approved”), found out together");
    expect(text).toContain("Upkeep hours a month for each live project (“What will be approved”)");
    expect(result.decision!.evppi[0]!.group).toBe("correlated");
  });

  it("says so when the best option on average is not the one recommended from the middle of every range", async () => {
    const decision = result.decision!;
    const compromise = decision.options.find((option) => option.scenario === "compromise")!;
    const other = { ...result, decision: { ...decision, best: "compromise" } };
    const text = paragraphs(sectionOf((await createReport(compiled, { result: other })).html)!)[0]!;
    expect(text).toContain(
      `Averaged over all outcomes, “What will be approved” gains the most: ${formatMoney(compromise.expectedNpv, "EUR")} against “Today”.`,
    );
    const today = { ...result, decision: { ...decision, best: "current" } };
    expect(paragraphs(sectionOf((await createReport(compiled, { result: today })).html)!)[0]).toContain(
      "Averaged over all outcomes, no option gains money against “Today”.",
    );
    expect(paragraphs(sectionOf((await createReport(compiled, { result })).html)!)[0]).not.toContain("Averaged");
  });

  it("says an average gain under one unit is 'less than €1', not '€0' beside 'gains the most'", async () => {
    const decision = result.decision!;
    const options = decision.options.map((option) => (option.scenario === "compromise" ? { ...option, expectedNpv: 0.3 } : option));
    const small = { ...result, decision: { ...decision, best: "compromise", options } };
    const text = paragraphs(sectionOf((await createReport(compiled, { result: small })).html)!)[0]!;
    expect(text).toContain("Averaged over all outcomes, “What will be approved” gains the most: less than €1 against “Today”.");
  });

  it("says an amount above the noise level but under one euro is worth less than €1, never that it is worth up to €0", async () => {
    const decision = result.decision!;
    const small = { ...decision.evppi[0]!, inputs: ["defaults.projects.upkeepHoursPerMonth"], group: undefined, value: 0.03, aboveNoise: true };
    const tiny = { ...result, decision: { ...decision, evpi: 0.3, noiseLevel: 0, evppi: [small] } };
    const text = read(sectionOf((await createReport(compiled, { result: tiny })).html)!);
    expect(text).toContain("less than €1");
    expect(text).toContain("Knowing every figure for sure would be worth less than €1 in all.");
    expect(text).not.toMatch(/€0\b/);
    // Nothing above the noise level: "worth less than €1", not "worth only €0".
    const none = { ...result, decision: { ...decision, evpi: 0.3, noiseLevel: 0.5, evppi: [{ ...small, aboveNoise: false }] } };
    expect(read(sectionOf((await createReport(compiled, { result: none })).html)!)).toContain(
      "Nothing is worth measuring before deciding: even knowing every figure for sure would be worth less than €1.",
    );
  });

  it('says in the method that the plan was run 1 time, not "1 times"', async () => {
    const once = withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 1, seed: 1 }));
    const text = read((await createReport(compiled, { result: once })).html);
    expect(text).toContain("The plan was worked out 1 time, each time with every range drawn at random");
    expect(read((await createReport(compiled, { result })).html)).toContain("The plan was worked out 2,000 times, each time");
  });

  it("is left out without ranges", async () => {
    const seed = compile("seed.yaml");
    expect(sectionOf((await createReport(seed, { result: buildResult(seed) })).html)).toBeUndefined();
  });
});

describe("the decision section's chances of being best", () => {
  it("add up to 100%, written together, where each rounded alone gives 46% + 46% + 9% (examples/close-call.yaml, 2,000 outcomes, seed 11, its chances set so)", async () => {
    const compiled = compile("close-call.yaml");
    const result = withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 2_000, seed: 11 }));
    [0.089, 0.456, 0.455].forEach((share, index) => {
      Object.assign(result.decision!.options[index]!, { probabilityBest: share, probabilityBestAlone: share, probabilityBestLevel: 0 });
    });
    expect(result.decision!.options.map((option) => formatChance(option.probabilityBest))).toEqual(["9%", "46%", "46%"]);
    const { html } = await createReport(compiled, { result });
    const first = paragraphs(sectionOf(html)!)[0]!;
    expect(first).toMatch(/comes out best in 46% of them; “[^”]+” in 45%; “[^”]+” in 9%\./);
  });

  it("keep each chance's nearest percentage where those add up with a share under 1% (examples/close-call.yaml, 2,000 outcomes, seed 11: 56.4%, 43.45%, 0.15%)", async () => {
    const compiled = compile("close-call.yaml");
    const result = withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 2_000, seed: 11 }));
    const { html } = await createReport(compiled, { result });
    const first = paragraphs(sectionOf(html)!)[0]!;
    // 56 + 43 beside "under 1%" adds up; rounded together to 100 points it read 44% for 43.45%.
    expect(first).toMatch(/comes out best in 56% of them; “[^”]+” in 43%; “[^”]+” in under 1%\./);
  });
});

describe("the decision section and page 1", () => {
  it("say one chance alike: an option best in 99.16% of the outcomes, ahead of the runner-up in the same 99.16%, is 'over 99%' in both, not '99%' beside page 1's 'over 99%' (examples/seed-uncertain.yaml, 10,000 outcomes, seed 1)", async () => {
    const compiled = compile("seed-uncertain.yaml");
    const result = withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 10_000, seed: 1 }));
    const decision = result.decision!;
    const best = decision.options.find((option) => option.scenario === decision.best)!;
    expect(best.probabilityBest).toBeCloseTo(0.9916, 9);
    // Page 1's figure is the chance of coming out ahead of the runner-up: here the same share of the outcomes.
    expect(decision.chanceAbove[decision.best]!.optimal).toBe(best.probabilityBest);
    const { html } = await createReport(compiled, { result });
    const pageOne = read(html.match(/<section class="recommendation"[\s\S]*?<\/section>/)![0]);
    expect(pageOne).toMatch(/comes out ahead of “Every tool we want” in over 99% of them/);
    const first = paragraphs(sectionOf(html)!)[0]!;
    // It read "comes out best in 99% of them; “Every tool we want” in 1%; “Today” in under 1%." Today, best
    // in none of the outcomes, is said as that count, apart from a chance under 1% that is not 0.
    expect(first).toMatch(/“What will be approved” comes out best in over 99% of them; “Every tool we want” in under 1%; “Today” in none of them\./);
  });
});

describe("page 1's close call", () => {
  it("rounds ahead and level with the share behind, as the decision section rounds the same shares of two options: 'level in 20%', where it said 21% (41% + 21% + 39% behind)", async () => {
    const compiled = compile("close-call.yaml");
    const result = resultOf(compiled);
    // Level in 20.5% of the outcomes, ahead in 40.6%, behind in 38.9% (a tie counts half in chanceBestAhead).
    result.judgement!.closeCall = { ...result.judgement!.closeCall!, chanceBestAhead: 0.406 + 0.205 / 2, chanceLevel: 0.205 };
    const { html } = await createReport(compiled, { result });
    const pageOne = read(html.match(/<section class="recommendation"[\s\S]*?<\/section>/)![0]);
    expect(pageOne).toContain("comes out ahead of “What will be approved” in 41% of them and level in 20%.");
  });
});

describe("the decision section beside a 'stay'", () => {
  // No option gains money with every range at its middle (page 1: "Do not go ahead … would lose €738"), but
  // the lopsided ranges make the option gain on average: the report must say so, as `run` does.
  it("says the option gains the most averaged over all outcomes, where it said nothing (compared with the option, not with today, which page 1 recommends)", async () => {
    const { compiled, issues } = validateScenarioText(STAY_ON_AVERAGE_CASE);
    if (!compiled) throw new Error(JSON.stringify(issues));
    const result = resultOf(compiled);
    expect(result.comparisons.compromise!.npv).toBeLessThan(0);
    const decision = result.decision!;
    expect(decision.best).toBe("compromise");
    const best = decision.options.find((option) => option.scenario === "compromise")!;
    expect(best.expectedNpv).toBeGreaterThan(0);
    const { html } = await createReport(compiled, { result });
    expect(read(html.match(/<section class="recommendation"[\s\S]*?<\/section>/)![0])).toContain("Do not go ahead");
    expect(paragraphs(sectionOf(html)!)[0]).toContain(
      `Averaged over all outcomes, “What will be approved” gains the most: ${formatMoney(best.expectedNpv, "EUR")} against “Today”.`,
    );
  });
});

import { describe, expect, it } from "vitest";
import { buildResult, optionsGainingTheSame, sameGainGroups, validateScenarioText, type CaseResult } from "../engine/index.js";
import { aboveWholePayroll, aheadAndLevelWords, judgementSentences } from "./judgement.js";
import { ABOVE_PAYROLL_CASE } from "../test-support/payroll-case.js";
import { formatChance } from "./numbers.js";
import { bestLevelWords } from "./words.js";

/**
 * A hand-built result whose close call names every option (each is close to the best here), with the
 * figure each is shown with as the engine gives it (`CloseCall.npvShown`: the first's of those that gain the same).
 */
function named(result: CaseResult, sameOnEveryFigure = false): CaseResult {
  for (const [name, comparison] of Object.entries(result.comparisons)) comparison.alternative = name;
  const close = result.judgement.closeCall!;
  const groups = sameGainGroups(result);
  const npvShown = Object.fromEntries(groups.flatMap((group) => group.map((name) => [name, result.comparisons[group[0]!]!.npv])));
  result.judgement.closeCall = { ...close, options: groups.flat(), npvShown, sameOnEveryFigure, closeByChance: [] };
  return result;
}

/** Two options level in 20.5% of the outcomes, "a" ahead in 40.6% and behind in 38.9%. */
const shares = { aheadAlone: 0.406, level: 0.205, behind: 0.389 };
// The engine's chance of coming out above counts a tie as half a win.
const chanceAbove = shares.aheadAlone + shares.level / 2;

describe("how often the best option comes out ahead of the runner-up and level with it", () => {
  it("is rounded with the share behind, as the decision section rounds the same shares: 'level in 20%', where each alone said 21% beside its 'level at the top … in 20%'", () => {
    // Each alone: 41% + 21% + 39% = 101%.
    expect([shares.aheadAlone, shares.level, shares.behind].map(formatChance)).toEqual(["41%", "21%", "39%"]);
    expect(aheadAndLevelWords(chanceAbove, shares.level)).toEqual({ ahead: "41%", level: "20%" });
    // The decision section of the same two options.
    const decision = {
      chanceBestLevel: shares.level,
      options: [
        { scenario: "a", probabilityBest: chanceAbove, probabilityBestAlone: shares.aheadAlone, probabilityBestLevel: shares.level },
        { scenario: "b", probabilityBest: 1 - chanceAbove, probabilityBestAlone: shares.behind, probabilityBestLevel: shares.level },
      ],
    };
    expect(bestLevelWords(decision, "a", (name) => name, "outcome")).toBe(
      "best alone in 41% of the outcomes and level at the top with b in 20%, b best alone in 39%",
    );
  });

  it("reads so in the close call of run and the web app", () => {
    const result = named({
      currency: "EUR",
      comparisons: { a: { label: "A", npv: 10_000 }, b: { label: "B", npv: 9_500 } },
      judgement: {
        closeCall: { best: "a", runnerUp: "b", npvGap: 500, gapShare: 0.05, chanceBestAhead: chanceAbove, chanceLevel: shares.level, levelWithBest: [] },
        extraordinary: [],
      },
    } as unknown as CaseResult);
    // It said "ahead in 41% and level in 21% of the outcomes".
    expect(judgementSentences(result)[0]).toContain("(5% of its net gain, ahead in 41% and level in 20% of the outcomes)");
  });

  it("gives the lead as the difference of the two figures to the unit, as a reader works it out beside them", () => {
    // close-call.yaml: €5,970 and €5,455 in the table, and "leads … by €516", the exact gap of 515.50 rounded on its own.
    const result = named({
      currency: "EUR",
      comparisons: { a: { label: "A", npv: 5970.4884 }, b: { label: "B", npv: 5454.9883 } },
      judgement: {
        closeCall: { best: "a", runnerUp: "b", npvGap: 515.5001, gapShare: 0.0863, chanceBestAhead: null, chanceLevel: null, levelWithBest: [] },
        extraordinary: [],
      },
    } as unknown as CaseResult);
    expect(judgementSentences(result)[0]).toBe("Close call: “A” leads “B” by €515 (9% of its net gain); weigh what each asks for and how soon it pays back.");
  });

  it("names every option that gains the same as the runner-up, with the chance said of the runner-up by name", () => {
    // It said "“A” leads “B” by €500 (5% of its net gain, ahead in 60% of the outcomes)" beside a “C” of B's €9,500.
    const result = named({
      currency: "EUR",
      comparisons: {
        a: { alternative: "a", label: "A", npv: 10_000 },
        b: { alternative: "b", label: "B", npv: 9_500 },
        c: { alternative: "c", label: "C", npv: 9_499.8 },
      },
      judgement: {
        closeCall: { best: "a", runnerUp: "b", npvGap: 500, gapShare: 0.05, chanceBestAhead: 0.6, chanceLevel: 0, levelWithBest: [] },
        extraordinary: [],
      },
    } as unknown as CaseResult);
    expect(judgementSentences(result)[0]).toBe(
      "Close call: “A” leads “B” and “C” by €500 each (5% of its net gain, ahead of “B” in 60% of the outcomes); weigh what each asks for and how soon it pays back.",
    );
    // A view that shows the runner-up alone names it alone.
    expect(judgementSentences(result, { shown: (name) => name !== "c" })[0]).toContain(
      "“A” leads “B” by €500 (5% of its net gain, ahead in 60% of the outcomes)",
    );
  });

  it("gives the lead over each of two runners-up that gain the same but are a unit apart to the unit", () => {
    // €9,501 and €9,500 in the table: "by €499 and €500", not "by €499 each" beside a €9,500.
    const result = named({
      currency: "EUR",
      comparisons: { a: { label: "A", npv: 10_000 }, b: { label: "B", npv: 9_500.6 }, c: { label: "C", npv: 9_500.4 } },
      judgement: {
        closeCall: { best: "a", runnerUp: "b", npvGap: 499.4, gapShare: 0.05, chanceBestAhead: null, chanceLevel: null, levelWithBest: [] },
        extraordinary: [],
      },
    } as unknown as CaseResult);
    expect(judgementSentences(result)[0]).toBe(
      "Close call: “A” leads “B” and “C” by €499 and €500 (5% of its net gain); weigh what each asks for and how soon it pays back.",
    );
  });

  it("keeps 'over 99%' and 'under 1%'", () => {
    expect(aheadAndLevelWords(0.9916, 0)).toEqual({ ahead: "over 99%", level: "under 1%" });
    expect(aheadAndLevelWords(0.5, 0.004)).toEqual({ ahead: formatChance(0.498), level: "under 1%" });
  });
});

describe("optionsGainingTheSame", () => {
  // The engine's rule for the runner-up's equals (its group in `sameGainGroups`, as the close call's `CloseCall.options`): page 1's "against €4,110 each for …".
  const result = {
    comparisons: {
      d: { alternative: "d", npv: 4_104.8 },
      a: { alternative: "a", npv: 5_000 },
      b: { alternative: "b", npv: 4_105 },
      c: { alternative: "c", npv: 4_105.2 },
      e: { alternative: "e", npv: 4_000 },
    },
    judgement: {
      closeCall: { best: "a", runnerUp: "c", npvGap: 894.8, gapShare: 0.18, chanceBestAhead: 0.6, chanceLevel: 0, levelWithBest: [] },
      extraordinary: [],
    },
  } as unknown as CaseResult;

  it("names every other option that gains the same, highest first, leaving out those asked", () => {
    expect(optionsGainingTheSame(result, "c", ["a"])).toEqual(["b", "d"]);
    expect(optionsGainingTheSame(result, "a")).toEqual([]);
  });
});

describe("an extraordinary yearly gain beside today's payroll", () => {
  it("is said to exceed the whole payroll when it does, where `run` said only 'above half of today's payroll'", () => {
    const { compiled, issues } = validateScenarioText(ABOVE_PAYROLL_CASE);
    if (!compiled) throw new Error(JSON.stringify(issues));
    const result = buildResult(compiled);
    const flags = result.judgement!.extraordinary;
    const managed = flags.find((flag) => flag.alternative === "managed")!;
    const compromise = flags.find((flag) => flag.alternative === "compromise")!;
    expect(managed.yearlyGain).toBeGreaterThan(managed.payroll);
    expect(compromise.yearlyGain).toBeLessThan(compromise.payroll);
    const text = judgementSentences(result).join("\n");
    expect(text).toContain("“A managed platform” — gain of €343,320 over the last 12 months above today's whole payroll (€337,939)");
    expect(text).toContain("“Four capabilities first” — gain of €314,750 over the last 12 months above half of today's payroll (half of €337,939)");
  });

  it("is not said to exceed it when the two read alike as written", () => {
    const money = (value: number) => `€${Math.round(value / 1000)}k`;
    expect(aboveWholePayroll({ yearlyGain: 338_200, payroll: 337_939 }, money)).toBe(false);
    expect(aboveWholePayroll({ yearlyGain: 343_320, payroll: 337_939 }, money)).toBe(true);
    expect(aboveWholePayroll({ yearlyGain: 314_750, payroll: 337_939 }, money)).toBe(false);
  });
});

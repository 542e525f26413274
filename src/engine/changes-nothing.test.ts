import { describe, expect, it } from "vitest";
import { changesNothingResults, closeToNothingCase, closeToNothingResults } from "../test-support/changes-nothing-case.js";
import { buildResult, MonteCarlo, nothingToChoose, optionChangesNothing, optionsWeighed, recommend, validateScenarioText, withUncertainty } from "./index.js";
import { changesNothing } from "./finance.js";

const run = () => changesNothingResults();

describe("an option that changes nothing against the baseline", () => {
  it("is flagged, with every range at its middle and in every sample: no cost, no gain, nothing to pay back", () => {
    const { result, sampled } = run();
    const same = result.comparisons.same!;
    // The rule's payback month is 0 (never below zero): the flag says it is no payback.
    expect(same.paybackMonth).toBe(0);
    expect(same.npv).toBe(0);
    expect(same.changesNothing).toBe(true);
    expect(sampled.comparisons.same!.distribution!.probabilityChangesNothing).toBe(1);
    expect(sampled.comparisons.same!.changesNothing).toBe(true);
  });

  it("is not flagged for an option that changes something", () => {
    const { result, sampled } = run();
    expect(result.comparisons.tools!.changesNothing).toBe(false);
    expect(sampled.comparisons.tools!.distribution!.probabilityChangesNothing).toBe(0);
    expect(sampled.comparisons.tools!.changesNothing).toBe(false);
  });

  it("is not flagged when some sample changes something, though the middle does not", () => {
    expect(optionChangesNothing({ changesNothing: true }, { probabilityChangesNothing: 0.5 })).toBe(false);
    expect(optionChangesNothing({ changesNothing: true }, { probabilityChangesNothing: 1 })).toBe(true);
    expect(optionChangesNothing({ changesNothing: true })).toBe(true);
    expect(optionChangesNothing({ changesNothing: false }, { probabilityChangesNothing: 1 })).toBe(false);
  });

  it("needs a zero up-front net and a zero cumulative net in every month", () => {
    expect(changesNothing(0, Float64Array.of(0, 0, 0))).toBe(true);
    expect(changesNothing(-1, Float64Array.of(0, 0, 0))).toBe(false);
    expect(changesNothing(0, Float64Array.of(0, 5, 0))).toBe(false);
    expect(changesNothing(0, Float64Array.of(0, Number.NaN))).toBe(false);
  });

  it("is no rival in a close call: the best is weighed against today alone", () => {
    const { result, sampled } = closeToNothingResults();
    for (const each of [result, sampled]) {
      expect(each.comparisons.same!.changesNothing).toBe(true);
      expect(each.comparisons.compromise!.npv).toBeGreaterThan(0);
      // It was "Two options are close: “What will be approved” and “New option”" (runner-up "same").
      expect(each.judgement!.closeCall).toBeNull();
      expect(recommend(each)!.verdict).toBe("go");
    }
    // Ahead of the option that changes nothing in fewer than 75% of outcomes: close by chance, had it been a rival.
    expect(sampled.decision!.chanceAbove.compromise!.same!).toBeLessThan(0.75);
  });

  it("is weighed as today in the decision analysis, once: never best, never level at the top with today, with no chance of its own", () => {
    // The case without it: the decision it should read.
    const file = closeToNothingCase() as { scenarios: Record<string, unknown> };
    delete file.scenarios.same;
    const compiled = validateScenarioText(JSON.stringify(file)).compiled!;
    const without = withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 2_000, seed: 1 })).decision!;
    const weighedWithout = without.options.map(({ scenario, probabilityBest, probabilityBestAlone, probabilityBestLevel, expectedNpv, expectedLoss }) => ({
      scenario,
      probabilityBest,
      probabilityBestAlone,
      probabilityBestLevel,
      expectedNpv,
      expectedLoss,
    }));
    // Wherever it stands in the file: first, it was `best` ("Best on average: New option, level at the top with Today").
    for (const sameFirst of [false, true]) {
      const decision = closeToNothingResults(sameFirst).sampled.decision!;
      const same = decision.options.find((option) => option.scenario === "same")!;
      const today = decision.options.find((option) => option.scenario === "current")!;
      expect(same.changesNothing).toBe(true);
      expect(today.changesNothing).toBe(false);
      // It was 0.5 each for today and it in half the samples, "level at the top" in every one of them.
      expect([same.probabilityBest, same.probabilityBestAlone, same.probabilityBestLevel]).toEqual([0, 0, 0]);
      expect(today.probabilityBestLevel).toBe(0);
      expect(decision.chanceBestLevel).toBe(0);
      // It was ["current", "same"] ("← best on average (level)" beside both in voi).
      expect(decision.best).toBe("current");
      expect(decision.bestOnAverage).toEqual(["current"]);
      // What choosing it gains and loses: today's.
      expect(same.expectedNpv).toBe(0);
      expect(same.expectedLoss).toBeCloseTo(today.expectedLoss, 9);
      // The options weighed read as the case without it, and their chances add up to 1.
      const weighed = optionsWeighed(decision.options);
      expect(weighed.map((option) => option.scenario)).toEqual(["current", "compromise"]);
      expect(weighed.reduce((total, option) => total + option.probabilityBest, 0)).toBeCloseTo(1, 12);
      expect(
        weighed.map(({ scenario, probabilityBest, probabilityBestAlone, probabilityBestLevel, expectedNpv, expectedLoss }) => ({
          scenario,
          probabilityBest,
          probabilityBestAlone,
          probabilityBestLevel,
          expectedNpv,
          expectedLoss,
        })),
      ).toEqual(weighedWithout);
      expect(decision.evpi).toBe(without.evpi);
      expect(decision.evppi.map((entry) => entry.value)).toEqual(without.evppi.map((entry) => entry.value));
      // How often one comes out ahead of another stays a fact of every pair: it is level with today in every outcome.
      expect(decision.chanceLevel.current!.same).toBe(1);
    }
  });

  it("is weighed apart when some sample changes something: only an option that changes nothing in every sample is today again", () => {
    const { sampled } = changesNothingResults();
    expect(sampled.decision!.options.map((option) => option.changesNothing)).toEqual([false, true, false]);
    // "New option" with its own range of upkeep hours: today's at the middle, drawn on its own in each sample.
    const file = closeToNothingCase() as { scenarios: Record<string, Record<string, unknown>> };
    file.scenarios.same = { label: "New option", projects: { upkeepHoursPerMonth: { low: 25, high: 35 } } };
    const compiled = validateScenarioText(JSON.stringify(file)).compiled!;
    const decision = withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 500, seed: 1 })).decision!;
    const same = decision.options.find((option) => option.scenario === "same")!;
    expect(same.changesNothing).toBe(false);
    expect(same.probabilityBest).toBeGreaterThan(0);
  });

  it("leaves the decision nothing to choose between when every option but today changes nothing", () => {
    const only = changesNothingResults(true).sampled.decision!;
    expect(nothingToChoose(only)).toBe(true);
    // Today is the one choice weighed: best in every sample by construction.
    expect(only.best).toBe("today");
    expect(only.options.find((option) => option.scenario === "today")!.probabilityBest).toBe(1);
    expect(only.evpi).toBe(0);
    expect(nothingToChoose(changesNothingResults().sampled.decision!)).toBe(false);
    expect(nothingToChoose(closeToNothingResults().sampled.decision!)).toBe(false);
  });
});

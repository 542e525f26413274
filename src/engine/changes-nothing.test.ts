import { describe, expect, it } from "vitest";
import { changesNothingResults, closeToNothingResults } from "../test-support/changes-nothing-case.js";
import { optionChangesNothing, recommend } from "./index.js";
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
});

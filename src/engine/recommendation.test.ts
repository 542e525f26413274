import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { buildResult, validateScenarioText } from "./index.js";
import { recommend, recommendedOption } from "./recommendation.js";

const seedText = readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8");

function resultOf(text: string) {
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(JSON.stringify(issues));
  return buildResult(compiled);
}

describe("recommend", () => {
  it("picks the option with the highest net present value and its first release", () => {
    const recommendation = recommend(resultOf(seedText))!;
    expect(recommendation.verdict).toBe("go");
    expect(recommendation.best.alternative).toBe("compromise");
    expect(recommendation.runnerUp?.alternative).toBe("optimal");
    expect(recommendation.firstReleaseMonth).toBe(4);
    expect(recommendation.changeStartMonth).toBe(1);
  });

  it("counts the deadline from the month the change starts", () => {
    // The change of "What will be approved" starts in month 5: the release of month 4 came before it.
    const text = seedText.replace("    label: What will be approved\n", "    label: What will be approved\n    change:\n      startMonth: 5\n");
    const recommendation = recommend(resultOf(text))!;
    expect(recommendation.best.alternative).toBe("compromise");
    expect(recommendation.changeStartMonth).toBe(5);
    expect(recommendation.firstReleaseMonth).toBe(7);
    // The release of month 4, before the change, is counted apart (page 1 says it before the deadline).
    expect(recommendation.releasesBeforeChange).toBe(1);
    expect(recommend(resultOf(seedText))!.releasesBeforeChange).toBe(0);
  });

  it("advises against when no option gains money", () => {
    const text = seedText.replace("value: 3600", "value: 90000").replace("value: 150\n", "value: 9000\n");
    const recommendation = recommend(resultOf(text))!;
    expect(recommendation.verdict).toBe("stay");
    expect(recommendation.best.npv).toBeLessThan(0);
  });

  it("calls a 'go' doubtful below an 80% chance of any gain as written to the whole percent, never one that reads 80%", () => {
    const result = resultOf(seedText);
    const withChance = (chance: number) => {
      const best = result.comparisons.compromise!;
      const comparisons = { ...result.comparisons, compromise: { ...best, distribution: { probabilityNpvPositive: chance } } };
      return recommend({ ...result, comparisons } as unknown as typeof result)!;
    };
    expect(withChance(0.7949)).toMatchObject({ verdict: "go", chanceOfGain: 0.7949, doubtful: true });
    // 79.96% is written "80%": not doubtful, so page 1 never says "far from sure … only 80%".
    expect(withChance(0.7996).doubtful).toBe(false);
    expect(withChance(0.99).doubtful).toBe(false);
    expect(recommend(result)!).toMatchObject({ chanceOfGain: null, doubtful: false });
  });

  it("has nothing to recommend without an alternative", () => {
    const text = seedText.slice(0, seedText.indexOf("  optimal:"));
    expect(recommend(resultOf(text))).toBeUndefined();
  });
});

describe("today's first release beside the recommended option's", () => {
  it("is the baseline's first release from the change's start: before it, the option runs as today does", () => {
    const team = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8");
    const result = resultOf(team);
    const recommendation = recommend(result)!;
    // The baseline releases from month 3; the managed platform's first release comes in month 5.
    expect(result.scenarios[result.baseline]!.months.find((month) => month.releases > 0)?.month).toBe(3);
    expect([recommendation.changeStartMonth, recommendation.todayFirstReleaseMonth, recommendation.firstReleaseMonth]).toEqual([1, 3, 5]);
    const data = parse(team);
    data.scenarios.managed.change = { ...data.scenarios.managed.change, startMonth: 4 };
    const later = resultOf(stringify(data));
    const fromMonth4 = recommend(later)!;
    expect([fromMonth4.best.alternative, fromMonth4.changeStartMonth]).toEqual(["managed", 4]);
    // Today's month-3 release comes before the change starts: the first one counted is the next.
    const next = later.scenarios[later.baseline]!.months.find((month) => month.month >= 4 && month.releases > 0)?.month;
    expect(next).toBeGreaterThan(3);
    expect(fromMonth4.todayFirstReleaseMonth).toBe(next);
  });
});

describe("recommendedOption", () => {
  it("is the best option on a 'go' and today (the baseline) on a 'stay', never the best option that loses money", () => {
    const go = resultOf(seedText);
    expect(recommendedOption(go, recommend(go)!)).toBe("compromise");
    // Tools that cut no upkeep (30 hours, as today): every option loses money, so page 1 recommends staying with today.
    const stay = resultOf(seedText.replaceAll("upkeepHoursPerMonth: 11", "upkeepHoursPerMonth: 30"));
    const recommendation = recommend(stay)!;
    expect(recommendation.verdict).toBe("stay");
    expect(recommendedOption(stay, recommendation)).toBe("current");
  });
});

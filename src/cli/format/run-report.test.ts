import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty, type CaseResult } from "../../engine/index.js";
import { packageRoot } from "../../shared/package-files.js";
import { formatChance, formatMoneyExact as formatMoney } from "../../format/numbers.js";
import { threeYearCase } from "../../test-support/three-year-case.js";
import { oneOptionCase } from "../../test-support/one-option-case.js";
import { withEdits } from "../../test-support/scenario-text.js";
import { renderRunReport } from "./run-report.js";
import { LATE_START_CASE } from "../../test-support/late-start-case.js";
import { TINY_SEED_UNCERTAIN } from "../../test-support/tiny-seed-uncertain.js";
import { judgementSentences } from "../../format/judgement.js";
import { closeCallCase, THIRD_CLOSE_BY_CHANCE } from "../../test-support/close-call-cases.js";
import { bestChances, paybackRangeWords } from "../../format/words.js";
import {
  ONE_MONTH_EIGHTY_CENTS,
  ONE_MONTH_EXTRAORDINARY,
  ONE_MONTH_NO_VALUE,
  ONE_MONTH_TIED,
  oneMonthThreeOptions,
} from "../../test-support/one-month-case.js";
import { createReport } from "../../report/create-report.js";
import { textOf } from "../../report/report-text.js";

function resultOf(name: string, samples: number): CaseResult {
  const { compiled } = validateScenarioText(readFileSync(join(packageRoot, "examples", name), "utf8"));
  if (!compiled) throw new Error(`examples/${name} does not compile`);
  const result = buildResult(compiled);
  return samples > 0 ? withUncertainty(result, MonteCarlo.summaryOf(compiled, { samples, seed: 1 })) : result;
}

describe("the run report's decision lines", () => {
  it("give the best option's chance of being best and the value of knowing everything first, from the result's decision", () => {
    const result = resultOf("close-call.yaml", 2_000);
    const decision = result.decision!;
    const best = decision.options.find((option) => option.scenario === decision.best)!;
    expect(decision.evpi).toBeGreaterThan(decision.noiseLevel);
    const text = renderRunReport(result);
    // The other options best in some samples follow with their shares, the largest first.
    const others = decision.options
      .filter((option) => option.scenario !== best.scenario && option.probabilityBest > 0)
      .sort((a, b) => b.probabilityBest - a.probabilityBest)
      .map((option) => `${option.label} in ${bestChances(decision.options)[option.scenario]}`);
    expect(others.length).toBeGreaterThan(0);
    expect(text).toContain(
      `  Best on average: ${best.label}, the best option in ${bestChances(decision.options)[best.scenario]} of the samples, ${others.slice(0, -1).join(", ")}${others.length > 1 ? " and " : ""}${others.at(-1)}\n`,
    );
    expect(text).toContain(
      `  Knowing every input exactly before deciding would be worth up to ${formatMoney(decision.evpi, "EUR")} (EVPI); \`mlops-roi voi\` ranks what is worth measuring\n`,
    );
    // Right under the ranges table, which they belong to.
    expect(text.indexOf("Best on average")).toBeGreaterThan(text.indexOf("samples, seed 1; ranges: 4 inputs"));
    expect(text.indexOf("Best on average")).toBeLessThan(text.indexOf("Where the benefit comes from"));
  });

  it("say two options that gain the same are level at the top in every sample, not 'the best option in 50% of the samples' each", () => {
    const option = "    projects: { upkeepHoursPerMonth: 11 }\n";
    const text = withEdits(oneOptionCase(`${option}  alt2:\n    label: Other tools\n${option}`), [
      "alreadyLive: 2, upkeepHoursPerMonth: 30,",
      "alreadyLive: 2, upkeepHoursPerMonth: { low: 25, high: 35 },",
    ]);
    const compiled = validateScenarioText(text).compiled!;
    const result = withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 1_000, seed: 1 }));
    // Equal in every sample: each is best in half of them (ties count half).
    expect(result.decision!.options.map((entry) => entry.probabilityBest)).toEqual([0, 0.5, 0.5]);
    // A tie for best is shared, not a coin toss: it read "Tools, the best option in 50% of the samples, Other tools in 50%".
    expect(result.decision!.options.map((entry) => entry.probabilityBestLevel)).toEqual([0, 1, 1]);
    expect(result.decision!.chanceBestLevel).toBe(1);
    expect(renderRunReport(result)).toContain("  Best on average: Tools, level at the top with Other tools in every sample\n");
    expect(renderRunReport(result)).not.toContain("50% of the samples");
    // Level in every sample, not "“Tools” ahead in 50% of the outcomes" (a tie counts half in chanceAbove).
    expect(result.decision!.chanceLevel.alt!.alt2).toBe(1);
    expect(renderRunReport(result)).toContain("  Close call: “Tools” and “Other tools” gain the same, €");
    expect(renderRunReport(result)).toMatch(/gain the same, €[\d,]+ \(level in every outcome\); they are the same on every figure/);
  });

  it("name both others when three options gain the same: not 'level at the top with another option' once per option", () => {
    const option = "    projects: { upkeepHoursPerMonth: 11 }\n";
    const text = withEdits(oneOptionCase(`${option}  alt2:\n    label: Other tools\n${option}  alt3:\n    label: Third tools\n${option}`), [
      "alreadyLive: 2, upkeepHoursPerMonth: 30,",
      "alreadyLive: 2, upkeepHoursPerMonth: { low: 25, high: 35 },",
    ]);
    const compiled = validateScenarioText(text).compiled!;
    const result = withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 1_000, seed: 1 }));
    expect(result.decision!.options.map((entry) => entry.probabilityBestLevel)).toEqual([0, 1, 1, 1]);
    expect(result.decision!.chanceBestLevel).toBe(1);
    // It read "Tools, level at the top with another option in every sample, Other tools level at the top with another
    // option in every sample, Third tools level at the top with another option in every sample".
    expect(renderRunReport(result)).toContain("  Best on average: Tools, level at the top with Other tools and Third tools in every sample\n");
  });

  it("name an option best in none of the samples 'in none of them', the count, as the report's decision section does (seed-uncertain.yaml with dearer licences)", async () => {
    const seed = readFileSync(join(packageRoot, "examples", "seed-uncertain.yaml"), "utf8");
    const { compiled } = validateScenarioText(withEdits(seed, ["value: 3600", "value: 16000"], ["value: 150", "value: 830"]));
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 2_000, seed: 1 }));
    const never = result.decision!.options.find((option) => option.scenario === "optimal")!;
    expect(never.probabilityBest).toBe(0);
    // It read "Best on average: Today, the best option in 52% of the samples, What will be approved in 48%".
    const line = renderRunReport(result)
      .split("\n")
      .find((text) => text.startsWith("  Best on average: "))!;
    expect(line).toMatch(
      // It read "… and Every tool we want in under 1%": 0 of the 2,000 samples, said as the count.
      /^ {2}Best on average: Today, the best option in \d+% of the samples, What will be approved in \d+% and Every tool we want in none of them$/,
    );
    const { html } = await createReport(compiled!, { result });
    const report = textOf(html).replace(/“ ([^”]*) ”/g, "“$1”");
    const [, today, approved] = line.match(/in (\d+%) of the samples, What will be approved in (\d+%)/)!;
    // It read "“Every tool we want” in under 1%" there, beside run's count.
    expect(report).toContain(`“Today” comes out best in ${today} of them; “What will be approved” in ${approved}; “Every tool we want” in none of them.`);
  });

  it("set the shares apart by '; ' when options named together stand beside another share, not 'Own stack in 49% and Today and Four capabilities first each in under 1%'", () => {
    const result = resultOf("team.yaml", 2_000);
    const decision = result.decision!;
    const shares: Record<string, number> = { managed: 0.51, openSource: 0.49, today: 0, compromise: 0 };
    const options = decision.options.map((option) => ({
      ...option,
      probabilityBest: shares[option.scenario]!,
      probabilityBestAlone: shares[option.scenario]!,
      probabilityBestLevel: 0,
    }));
    const text = renderRunReport({ ...result, decision: { ...decision, best: "managed", chanceBestLevel: 0, options } });
    expect(text).toContain(
      // Best in none of the samples: the count, not "each in under 1%".
      "  Best on average: A managed platform, the best option in 51% of the samples; Our own open-source stack in 49%; Today and Four capabilities first in none of them\n",
    );
  });

  it("say no measurement is worth paying for when one option is best in every outcome", () => {
    const result = resultOf("team.yaml", 2_000);
    expect(result.decision!.evpi).toBeLessThanOrEqual(result.decision!.noiseLevel);
    const text = renderRunReport(result);
    // Best in every sample, the others in none: said as the count. It read "in over 99% of the samples, … each in under 1%",
    // which beside "no measurement is worth paying for" cannot be: an option ever best beside it would make the EVPI above 0.
    expect(result.decision!.options.map((option) => option.probabilityBest).sort()).toEqual([0, 0, 0, 1]);
    expect(text).toContain(
      "  Best on average: A managed platform, the best option in every one of the 2,000 samples; Today, Our own open-source stack and Four capabilities first in none of them\n",
    );
    // The others named together are set apart from the best's share by "; ", as the report writes them, not
    // run on after a comma as if "Today" were one of the samples.
    expect(text).not.toContain("samples, Today");
    expect(text).toContain(
      `  Knowing every input exactly before deciding would be worth ${formatMoney(result.decision!.evpi, "EUR")} (EVPI): no measurement is worth paying for\n`,
    );
  });

  it('say an EVPI above zero but under one euro is worth less than €1, never "up to €0"', () => {
    const result = resultOf("close-call.yaml", 2_000);
    const worth = result.decision!.evppi.map((entry) => ({ ...entry, aboveNoise: true }));
    const above = renderRunReport({ ...result, decision: { ...result.decision!, evpi: 0.3, noiseLevel: 0, evppi: worth } });
    expect(above).toContain("  Knowing every input exactly before deciding would be worth less than €1 (EVPI); `mlops-roi voi` ranks");
    const below = renderRunReport({ ...result, decision: { ...result.decision!, evpi: 0.3, noiseLevel: 0.5 } });
    expect(below).toContain("  Knowing every input exactly before deciding would be worth less than €1 (EVPI): no measurement is worth paying for");
    expect(`${above}${below}`).not.toContain("worth €0");
    expect(`${above}${below}`).not.toContain("up to €0");
  });

  it("say no input alone is worth measuring when voi says so, though knowing them all would be worth something", () => {
    const result = resultOf("close-call.yaml", 2_000);
    const none = result.decision!.evppi.map((entry) => ({ ...entry, aboveNoise: false }));
    const text = renderRunReport({ ...result, decision: { ...result.decision!, evpi: 500, noiseLevel: 100, evppi: none } });
    expect(text).toContain(
      "  Knowing every input exactly before deciding would be worth up to €500 (EVPI), but no input alone is worth measuring (`mlops-roi voi` gives each one's worth)\n",
    );
    expect(text).not.toContain("ranks what is worth measuring");
  });

  it("are left out without ranges", () => {
    const text = renderRunReport(resultOf("seed.yaml", 0));
    expect(text).not.toContain("Best on average");
    expect(text).not.toContain("EVPI");
  });
});

describe("the run report's conventions", () => {
  const forrester = (extra: Record<string, unknown>) => renderRunReport(buildResult(threeYearCase(extra)));

  it("puts the risk-adjusted figures on their own line under the unadjusted ones", () => {
    const text = forrester({ discounting: "yearEnd", riskAdjustment: { benefits: 0.1, costs: 0.05 } });
    // By hand (src/engine/conventions.test.ts): NPV $24,606 and ROI 38%; risk-adjusted $12,407 and 18%.
    expect(text).toMatch(
      /Tooling \(tooling\)\s+US\$24,606\s+38%\s+month 21\s+US\$50,000[^\n]*\n\s+risk-adjusted \(gains −10%, costs \+5%\)\s+US\$12,407\s+18%\n/,
    );
    // The investment is the $50,000 paid up front (the change takes no team time): 80% = $40,000 ÷ $50,000.
    expect(text).toMatch(/Tooling\s+US\$89,527\s+US\$64,921\s+20\.7\s+1\.72\s+US\$50,000\s+80%\n/);
    expect(text).toContain("every month of year y discounted as at the year's end, by (1 + 10%)^−y");
  });

  it("names each convention, and shows no risk-adjusted line unless the file asks", () => {
    const text = forrester({});
    expect(text).not.toContain("risk-adjusted");
    expect(text).toContain("month m discounted by (1 + 10%)^−m/12");
    expect(text).toContain("ROI = net gain (NPV) ÷ PV of costs");
    expect(text).toContain("ROI on our investment = total net benefit ÷ our investment, undiscounted");
    expect(text).toContain("Our investment = up-front cash + the change's team hours at what they displace");
    expect(text).toContain("DORA's way");
    expect(forrester({ discounting: "midYear" })).toContain("discounted as in the middle of the year, by (1 + 10%)^−(y − 0.5)");
  });

  it("gives DORA's payback in years as n/a, like its ROI, when the change costs less than today's own change", () => {
    const { compiled } = validateScenarioText(
      [
        "title: t",
        "currency: EUR",
        "horizonMonths: 6",
        "discountRate: 0.1",
        "freedHoursCaptureShare: 0.5",
        "baseline: a",
        "defaults:",
        "  team: { people: 1, hoursPerMonth: 100, hourlyCost: 10 }",
        "  projects: { alreadyLive: 1, upkeepHoursPerMonth: 50 }",
        "  releases: { mode: schedule, months: [] }",
        "scenarios:",
        "  a:",
        "    change: { setupHours: 90, startMonth: 2, external: { consultants: 500 } }",
        "  b:",
        "    change: { setupHours: 30, startMonth: 3, external: { consultants: 100 } }",
        "",
      ].join("\n"),
    );
    const text = renderRunReport(buildResult(compiled!));
    // DORA's investment: the alternative's €100 of consultants less today's €500.
    expect(text).toMatch(/\n {2}b\s+-€400\s+€500\s+€900\s+n\/a\s+n\/a\n/);
    expect(text).not.toMatch(/-0\.\d{3}/);
  });

  it("says DORA's payback is not defined, not 'never', when the change brings no value in a plan of one month (investment ÷ a value of €0)", () => {
    const { compiled } = validateScenarioText(ONE_MONTH_NO_VALUE);
    const result = buildResult(compiled!);
    expect(result.comparisons.better!.conventions.dora).toMatchObject({ investment: 500, value: 0, paybackYears: null });
    const text = renderRunReport(result);
    expect(text).toMatch(/\n {2}Better\s+€500\s+€0\s+-€500\s+-100%\s+not defined: no value in the plan's one month\n/);
    expect(text).not.toMatch(/\n {2}Better\s+€500.*never/);
    // Over a longer plan, its months.
    const year = renderRunReport(buildResult(validateScenarioText(ONE_MONTH_NO_VALUE.replace("horizonMonths: 1\n", "horizonMonths: 12\n")).compiled!));
    expect(year).toMatch(/-100%\s+not defined: no value over the 12 months\n/);
  });

  it("moves DORA's 'not defined: no value …' to a note under its table when in the cell it makes the table wider than 100 characters", () => {
    const long = withEdits(ONE_MONTH_NO_VALUE, ["label: Better", "label: A managed platform for the data team"]);
    const text = renderRunReport(buildResult(validateScenarioText(long).compiled!));
    const table = text.slice(text.indexOf("  DORA's way"), text.indexOf("  DORA's calculator and 2020 paper"));
    // Its row read "… -100%  not defined: no value in the plan's one month", 124 characters wide.
    expect(table).toMatch(
      /\n {2}A managed platform for the data team\s+€500\s+€0\s+-€500\s+-100%\s+not defined \*\n {2}\* not defined: no value in the plan's one month\.\n$/,
    );
    for (const line of table.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(100);
    // A table narrow enough keeps the words in the cell.
    expect(renderRunReport(buildResult(validateScenarioText(ONE_MONTH_NO_VALUE).compiled!))).toMatch(/-100%\s+not defined: no value in the plan's one month\n/);
  });

  it("writes DORA's value above 0 but under one unit 'less than €1', not the '€0' of an option whose payback is not defined", () => {
    // Upkeep 0.0001 hours lower: a value of €0.0005 over the month, and so a payback of 83,333 years.
    const { compiled } = validateScenarioText(
      withEdits(ONE_MONTH_NO_VALUE, [
        "change: { external: { other: 500 } }",
        "change: { external: { other: 500 } }\n    projects: { upkeepHoursPerMonth: 89.9999 }",
      ]),
    );
    const result = buildResult(compiled!);
    const dora = result.comparisons.better!.conventions.dora;
    expect(dora.value).toBeGreaterThan(0);
    expect(dora.value).toBeLessThan(0.5);
    expect(dora.paybackYears).not.toBeNull();
    const text = renderRunReport(result);
    // It read "Better  €500  €0  -€500  -99.9999%  83,333.333" beside the "€0" of a value that has no payback.
    expect(text).toMatch(/\n {2}Better\s+€500\s+less than €1\s+-€500\s+-99\.9999%\s+83,333\.333\n/);
  });

  it("groups DORA's payback in years as every other figure, to three decimals", () => {
    // A licence far above what the change saves: DORA's payback runs to tens of thousands of years.
    const seed = readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8");
    const { compiled } = validateScenarioText(withEdits(seed, ["value: 3600", "value: 3600000000"]));
    const result = buildResult(compiled!);
    const years = result.comparisons.optimal!.conventions.dora.paybackYears!;
    expect(years).toBeGreaterThan(1_000);
    const row = renderRunReport(result)
      .split("\n")
      .find((line) => line.startsWith("  Every tool we want ") && line.includes("%") && !line.includes("month"))!;
    const written = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(years);
    expect(written).toContain(",");
    expect(row.trimEnd().endsWith(` ${written}`), row).toBe(true);
  });

  it("writes DORA's payback under a thousandth of a year 'under 0.001', as the table above writes 'under 0.01', not '0.000'", () => {
    // €1 of consultants against a year's value of €26,640: DORA's payback is 0.00004 years.
    const { compiled } = validateScenarioText(oneOptionCase("    projects: { upkeepHoursPerMonth: 11 }\n    change: { external: { consultants: 1 } }\n"));
    const result = buildResult(compiled!);
    const years = result.comparisons.alt!.conventions.dora.paybackYears!;
    expect(years).toBeGreaterThan(0);
    expect(years).toBeLessThan(0.0005);
    const lines = renderRunReport(result).split("\n");
    const dora = lines.slice(lines.findIndex((line) => line.startsWith("  DORA's way"))).find((line) => line.startsWith("  Tools "))!;
    // It read "Tools  €1  €26,640  €26,639  2,663,900%  0.000".
    expect(dora.trimEnd().endsWith(" under 0.001"), dora).toBe(true);
  });

  it("says '1 month', not '1 months', for a one-month plan", () => {
    const text = forrester({ horizonMonths: 1 });
    expect(text.split("\n")[1]).toMatch(/^1 month · USD · /);
    expect(text).not.toMatch(/\b1 months\b/);
  });

  it("says that nothing is discounted at a rate of 0%", () => {
    for (const discounting of ["monthly", "yearEnd", "midYear"]) {
      const text = forrester({ discountRate: 0, discounting });
      expect(text, discounting).toContain("Net gain (NPV) and PV: not discounted (a rate of 0%).");
      expect(text, discounting).not.toContain("(1 + 0%)");
    }
  });
});

describe("the run report's capacity table", () => {
  it("names the months without time for new work before it stops for good, as page 1 does, not a bare 'never' (a change that starts in month 9)", async () => {
    const seed = readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8");
    const text = withEdits(seed, [
      "    description: The tools that matter most, paid per user each month.\n",
      "    description: The tools that matter most, paid per user each month.\n    change:\n      startMonth: 9\n",
    ]);
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    const compromise = result.scenarios.compromise!;
    // The documented definition: no month from which new work never starts again, but months 7–8 without room.
    expect(compromise.summary.newWorkStopsMonth).toBeNull();
    expect(compromise.months.filter((month) => !month.canStartNewWork).map((month) => month.month)).toEqual([7, 8]);
    const row = renderRunReport(result)
      .split("\n")
      .find((line) => line.startsWith("  Can no longer start new work from"))!;
    // It read "month 7  never  never", beside page 1's "it has none in months 7–8".
    expect(row).toMatch(/ month 7 +never +never \(no room in months 7–8\)$/);
    const { html } = await createReport(compiled!, { result });
    expect(textOf(html).replace(/“ ([^”]*) ”/g, "“$1”")).toContain(
      "With “What will be approved”, it has none in months 7–8, then time for new work to the end.",
    );
  });
});

describe("the run report's live projects a team can keep", () => {
  it("gives a team of more than one its whole projects together and their share per person, not one person's rounded down", () => {
    const result = resultOf("team.yaml", 0);
    const text = renderRunReport(result);
    // It said "Live projects one person can keep  2" of a team of 4 whose months keep 9 live projects.
    expect(Math.max(...result.scenarios.today!.months.map((month) => month.liveProjects))).toBe(9);
    expect(text).not.toContain("Live projects one person can keep");
    // Then "9 (about 2.4 per person)", read as 9 ÷ 4 = 2.25: the share per person first, as page 1 says it.
    expect(text).toMatch(
      /^ {2}Live projects the team can keep +about 2\.4 per person, 9 as a team +about 4\.4 per person, 17 as a team +about 7\.7 per person, 30 as a team/m,
    );
    // A team of one: one person's, as before.
    expect(renderRunReport(resultOf("seed.yaml", 0))).toMatch(/^ {2}Live projects one person can keep +4 +10 +10$/m);
  });

  it("gives a part-time team's share per full-time person (solo.yaml with half a person)", () => {
    const text = readFileSync(join(packageRoot, "examples", "solo.yaml"), "utf8").replace(/people: \{ value: 1,/, "people: { value: 0.5,");
    const { compiled } = validateScenarioText(text);
    // It said "1 (about 2.6 per person)": more per person than the half-time team keeps.
    expect(renderRunReport(buildResult(compiled!))).toMatch(
      /^ {2}Live projects the team can keep +about 2\.6 per full-time person, 1 as a team +about 7\.5 per full-time person, 3 as a team/m,
    );
  });
});

describe("the run report's header", () => {
  it("prints the case's description under its title", () => {
    const seed = readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8");
    const { compiled } = validateScenarioText(
      seed.replace(
        "title: One data scientist, three releases a year",
        'title: One data scientist, three releases a year\ndescription: "Prepared for the budget round of May."',
      ),
    );
    expect(renderRunReport(buildResult(compiled!)).split("\n").slice(0, 2)).toEqual([
      "One data scientist, three releases a year",
      "Prepared for the budget round of May.",
    ]);
  });
});

describe("the run report's payback wording", () => {
  it("says 'month 8', not 'month 8 to month 8', and 'from the start' for a month 0", () => {
    const result = resultOf("seed-uncertain.yaml", 500);
    const comparison = result.comparisons.optimal!;
    comparison.distribution!.paybackMonth = { ...comparison.distribution!.paybackMonth, p5: 8, p95: 8 };
    const text = renderRunReport(result);
    expect(text).not.toContain("month 8 to month 8");
    expect(text).toMatch(/Every tool we want\s+\S+\s+\S+ to \S+\s+month 8\s/);
    result.comparisons.compromise!.paybackMonth = 0;
    expect(renderRunReport(result)).toMatch(/What will be approved \(compromise\)\s+\S+\s+\S+\s+from the start/);
    // The range of "How sure we are" too: it said "month 0 to never", then "from the start to never".
    result.comparisons.compromise!.distribution!.paybackMonth = { ...result.comparisons.compromise!.distribution!.paybackMonth, p5: 0, p95: null };
    const ranges = renderRunReport(result);
    expect(ranges).not.toContain("month 0");
    expect(ranges).toMatch(/What will be approved\s+\S+\s+\S+ to \S+\s+from the start to not within 12 months\s/);
    expect(ranges.split("\n").filter((line) => line.includes("What will be approved"))).not.toContainEqual(expect.stringContaining("never"));
  });

  it("gives the payback's range where 9 outcomes out of 10 fall (P5 to P95), as page 1 and the NPV's range do, not P10 to P90", () => {
    const result = resultOf("seed-uncertain.yaml", 500);
    const distribution = result.comparisons.optimal!.distribution!;
    // Apart at every level, so that the row shows which two it reads.
    distribution.paybackMonth = { p5: 3, p10: 5, p50: 6, p90: 8, p95: 11 };
    const text = renderRunReport(result);
    expect(text).toMatch(/How sure we are +Median NPV +NPV, 90% range +Pays back, 90% range/);
    expect(text).not.toContain("80% range");
    expect(text).toMatch(/Every tool we want\s+\S+\s+\S+ to \S+\s+month 3 to month 11\s/);
    // Page 1's words for the same outcomes.
    expect(paybackRangeWords(distribution.paybackMonth, result.horizonMonths)).toBe("In 9 outcomes out of 10, it pays back between month 3 and month 11.");
  });

  it("says an option that does not pay back by the plan's end does 'not pay back within 12 months', as the report and optimize say it, not 'never'", async () => {
    const result = resultOf("seed.yaml", 0);
    const optimal = result.comparisons.optimal!;
    optimal.paybackMonth = null;
    optimal.conventions = { ...optimal.conventions, paybackMonthInterpolated: null, paybackYears: null };
    const text = renderRunReport(result);
    // The options' table: "Pays back" reads as the report's table of options.
    expect(text).toMatch(/^ {2}Every tool we want \(optimal\) +€[\d,]+ +\S+ +not within 12 months +€/m);
    // The other conventions' months and years alike.
    expect(text).toMatch(/^ {2}Every tool we want +€[\d,]+ +€[\d,]+ +not within 12 months +not within 12 months +€/m);
    expect(text.split("\n").filter((line) => line.includes("Every tool we want"))).not.toContainEqual(expect.stringContaining("never"));
  });
});

describe("the run report's figures where the case has ranges", () => {
  it("says under its first table that they are those of every range at its middle, and where their ranges are", () => {
    // It showed "month 12" for examples/team.yaml's managed platform, whose outcomes pay back in months 11 to 13, as fact.
    const sampled = renderRunReport(resultOf("team.yaml", 500));
    expect(sampled).toContain(
      "  With ranges in the file, every figure in this table is that of every range at its middle; “How sure we are” below gives where they fall.",
    );
    expect(renderRunReport(resultOf("team.yaml", 0))).toContain(
      "  With ranges in the file, every figure in this table is that of every range at its middle.\n",
    );
    // Single numbers hold as they are: nothing to say.
    expect(renderRunReport(resultOf("seed.yaml", 0))).not.toContain("every range at its middle");
  });
});

describe("the run report's last year's gain, with cash paid in a later month", () => {
  it("says the cash paid in month 5 is in the gain, as month 5's net benefit holds it, and the cash paid at the start is not", () => {
    // examples/seed.yaml with "What will be approved" starting in month 6, with €700 of consultants paid at the end of month 5.
    const text = readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8").replace(
      "    label: What will be approved\n",
      "    label: What will be approved\n    change: { startMonth: 6, external: { consultants: 700 } }\n",
    );
    const result = buildResult(validateScenarioText(text).compiled!);
    const report = renderRunReport(result);
    // It said "…, not discounted, without the cash paid at the start." beside €7,370, a gain the €700 is already taken off.
    expect(report).toMatch(/What will be approved \(compromise\) .* €700 \(month 5\) .* €7,370\n/);
    expect(report).toContain(
      "  Gain, last 12 months: the net benefit against today of months 1 to 12, not discounted, the cash paid in month 5 included, the cash paid at the start not.",
    );
  });
});

describe("the run report's judgement lines", () => {
  it("say when the two best options are close, by how much and how often the first leads", () => {
    const result = resultOf("close-call.yaml", 2_000);
    const close = result.judgement.closeCall!;
    // In quotes: the labels are the user's words ("Every tool we want leads What will be approved" ran them together).
    const label = (name: string) => `“${result.comparisons[name]!.label}”`;
    // By the difference of the two figures in the table above, as a reader works it out (€5,970 − €5,455 = €515),
    // not the exact gap rounded on its own (€516).
    const asWritten = (name: string) => Math.round(result.comparisons[name]!.npv);
    const gap = asWritten(close.best) - asWritten(close.runnerUp);
    expect(gap).not.toBe(Math.round(close.npvGap));
    expect(renderRunReport(result)).toContain(
      `  Close call: ${label(close.best)} leads ${label(close.runnerUp)} by ${formatMoney(gap, "EUR")} (${Math.round(close.gapShare * 100)}% of its net gain, ahead in ${formatChance(close.chanceBestAhead!)} of the outcomes)`,
    );
  });

  it("say two options that gain the same as such, not one leading by €0", () => {
    const text = readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8");
    const { compiled } = validateScenarioText(
      `${text}  twin:\n    label: Its twin\n    projects: { upkeepHoursPerMonth: 11 }\n    tooling: { licences: { perUserPerMonth: 150 } }\n`,
    );
    const result = buildResult(compiled!);
    // It said "Close call: “What will be approved” leads “Its twin” by €0 (0% of its net gain)".
    expect(renderRunReport(result)).toContain(
      `  Close call: “What will be approved” and “Its twin” gain the same, ${formatMoney(result.comparisons.twin!.npv, "EUR")}; they are the same on every figure, so weigh what the figures do not show, such as what each option is and how it fits the team.`,
    );
  });

  it("flag an extraordinary result and say nothing on the templates", () => {
    const { compiled } = validateScenarioText(readFileSync(join(packageRoot, "examples", "peers", "dora-2020-elite-large.yaml"), "utf8"));
    const result = buildResult(compiled!);
    expect(renderRunReport(result)).toContain(
      "  Check before relying on it: “DevOps transformation” — ROI 1,083% above 500%; see which inputs drive it with: mlops-roi sensitivity --scenario transformed",
    );
    for (const name of ["seed.yaml", "solo.yaml", "team.yaml", "enterprise.yaml"]) {
      const text = renderRunReport(resultOf(name, 0));
      expect(text, name).not.toContain("Check before relying on it");
      expect(text, name).not.toContain("Close call");
    }
  });
});

describe("the run report's chances of being best", () => {
  it("add up to 100%, written together, where each rounded alone gives 46% + 46% + 9% (close-call, 2,000 samples, seed 11, its chances set so)", () => {
    const { compiled } = validateScenarioText(readFileSync(new URL("../../../examples/close-call.yaml", import.meta.url), "utf8"));
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 2_000, seed: 11 }));
    [0.089, 0.456, 0.455].forEach((share, index) => {
      Object.assign(result.decision!.options[index]!, { probabilityBest: share, probabilityBestAlone: share, probabilityBestLevel: 0 });
    });
    const line = renderRunReport(result)
      .split("\n")
      .find((candidate) => candidate.startsWith("  Best on average:"))!;
    // Each rounded alone it would read 46%, 46% and 9%: 101%.
    expect(line).toMatch(/the best option in 46% of the samples, .+ in 45% and .+ in 9%$/);
  });

  it("keeps each chance's nearest percentage where those add up with a share under 1%: 56.4%, 43.45% and 0.15% read 56%, 43% and under 1% (close-call, 2,000 samples, seed 11)", () => {
    const { compiled } = validateScenarioText(readFileSync(new URL("../../../examples/close-call.yaml", import.meta.url), "utf8"));
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 2_000, seed: 11 }));
    const line = renderRunReport(result)
      .split("\n")
      .find((candidate) => candidate.startsWith("  Best on average:"))!;
    // Rounded together to 100 points it read 44% for 43.45%.
    expect(line).toMatch(/the best option in 56% of the samples, .+ in 43% and .+ in under 1%$/);
  });
});

describe("the run report's ranges", () => {
  it("says a file without ranges has none, not '0 inputs', when it is sampled all the same", () => {
    const text = renderRunReport(resultOf("seed.yaml", 200));
    expect(text).toContain("  200 random samples, seed 1; ranges: none, so every sample gives the same numbers");
    expect(text).not.toContain("0 inputs");
  });
});

describe("the run report's extraordinary gain", () => {
  it("names the months the gain is over, as the table's heading does", () => {
    // One month: 80 hours of upkeep freed at 10 an hour, against 1,000 of pay.
    const { compiled } = validateScenarioText(ONE_MONTH_EXTRAORDINARY);
    const text = renderRunReport(buildResult(compiled!));
    // It said "gain of €850 over the last months".
    expect(text).toContain("Check before relying on it: “Better” — gain of €850 over month 1 above half of today's payroll (half of €1,000)");
  });
});

describe("two options whose net gains are 30 cents apart, straddling a rounding step (€9,995.20 and €9,994.90)", () => {
  it("are said to bring the same by run and by page 1 alike, by one rule (sameGain): run said so, page 1 that one brings €10 more", async () => {
    const { compiled } = validateScenarioText(ONE_MONTH_TIED);
    const result = buildResult(compiled!);
    expect([result.comparisons.first!.npv, result.comparisons.second!.npv]).toEqual([expect.closeTo(9995.2, 9), expect.closeTo(9994.9, 9)]);
    expect(renderRunReport(result)).toContain(
      "  Close call: “First” and “Second” gain the same, €9,995; they are the same on every figure, so weigh what the figures do not show, such as what each option is and how it fits the team.",
    );
    const { html } = await createReport(compiled!, { result });
    const page = textOf(html.slice(html.indexOf('<section id="summary"'), html.indexOf('<section id="options"'))).replace(/“ ([^”]*) ”/g, "“$1”");
    // Page 1's close call to the unit, as run writes it.
    expect(page).toContain("“First” and “Second” bring the same, €9,995 each over 1 month, not discounted (the discount rate is 0%).");
    expect(page).not.toContain("more than “Second”");
    // The two side by side give that one figure, not €9,995 and €9,995 apart by rounding.
    expect([...html.matchAll(/data-figure="trade-off-npv">([^<]*)</g)].map((match) => match[1])).toEqual(["€9,995", "€9,995"]);
    // And so does the table of the options further on, to the unit as page 1 (the close options), not "Second €9,990" after "€10,000".
    expect([...html.matchAll(/<tr data-option="(\w+)">\s*<td>[^\n]*<\/td>\s*<td class="number"[^>]*>([^<]*)</g)].map((match) => [match[1], match[2]])).toEqual([
      ["first", "€9,995"],
      ["second", "€9,995"],
    ]);
  });
});

describe("two options whose net gains are 40 cents apart, rounding apart to the unit (€9,995.60 and €9,995.20)", () => {
  it("are said to gain the same with both figures the table shows, not 'the same, €9,996' beside a €9,995", () => {
    const text = ONE_MONTH_TIED.replace("flatPerYear: 7004.8", "flatPerYear: 7004.4").replace("flatPerYear: 7005.1", "flatPerYear: 7004.8");
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    expect([result.comparisons.first!.npv, result.comparisons.second!.npv]).toEqual([expect.closeTo(9995.6, 9), expect.closeTo(9995.2, 9)]);
    const report = renderRunReport(result);
    expect(report).toMatch(/First \(first\) +€9,996 /);
    expect(report).toMatch(/Second \(second\) +€9,995 /);
    expect(report).toContain(
      "  Close call: “First” and “Second” gain the same, €9,996 and €9,995 (less than €1 apart); weigh what each asks for and how soon it pays back.",
    );
  });
});

describe("two options whose net gains are 80 cents apart, reading alike to the unit (€9,996.40 and €9,995.60)", () => {
  it("are said to be less than €1 apart by run, page 1 and the web app's words, not one leading by €1 beside two equal figures", async () => {
    const { compiled } = validateScenarioText(ONE_MONTH_EIGHTY_CENTS);
    const result = buildResult(compiled!);
    expect([result.comparisons.first!.npv, result.comparisons.second!.npv]).toEqual([expect.closeTo(9996.4, 9), expect.closeTo(9995.6, 9)]);
    const report = renderRunReport(result);
    // The table beside the sentence shows the two alike.
    expect(report).toMatch(/First \(first\) +€9,996 /);
    expect(report).toMatch(/Second \(second\) +€9,996 /);
    // It said "“First” leads “Second” by €1 (0% of its net gain)".
    expect(report).not.toContain("by €1 ");
    expect(report).toContain(
      "  Close call: “First” leads “Second” by less than €1, €9,996 each to the unit; weigh what each asks for and how soon it pays back.",
    );
    // The web app's note says it in the same words (src/format/judgement.ts).
    expect(judgementSentences(result)[0]).toBe(
      "Close call: “First” leads “Second” by less than €1, €9,996 each to the unit; weigh what each asks for and how soon it pays back.",
    );
    const { html } = await createReport(compiled!, { result });
    const page = textOf(html.slice(html.indexOf('<section id="summary"'), html.indexOf('<section id="options"')))
      .replace(/“ ([^”]*) ”/g, "“$1”")
      .replace(/\( ([^)]*) \)/g, "($1)");
    // It said "but only €1 more than “Second” (€10,000)" beside two figures of €10,000.
    expect(page).toContain(
      "“First” brings the most, €9,996 over 1 month, not discounted (the discount rate is 0%), but less than €1 more than “Second” (also €9,996 when rounded).",
    );
  });
});

describe("a close call of three options", () => {
  it("names a third that gains the same as the second, though 80 cents from the first (10,000, 9,999.60 and 9,999.20): run, the web app and page 1 alike", async () => {
    const text = oneMonthThreeOptions(7000, 7000.4, 7000.8);
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    expect(result.comparisons.third!.npv).toBeCloseTo(9999.2, 6);
    // It said "“First” and “Second” gain the same, €10,000", beside a “Third” 40 cents from “Second” named nowhere.
    const said =
      "Close call: “First”, “Second” and “Third” gain the same, €10,000 and €9,999 (less than €1 apart); weigh what each asks for and how soon it pays back.";
    expect(renderRunReport(result)).toContain(`  ${said}`);
    expect(judgementSentences(result)[0]).toBe(said);
    const page = await pageOneText(text, result);
    expect(page).toContain("Three options are close: “First”, “Second” and “Third”.");
    expect(page).toContain("“First”, “Second” and “Third” bring the same, €10,000 each over 1 month");
  });

  it("names a third behind two that gain the same (€10,000, €9,999.60 and €9,500): run, the web app and page 1 alike", async () => {
    const text = oneMonthThreeOptions(7000, 7000.4, 7500);
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    // It said "“First” and “Second” gain the same, €10,000" beside a “Third” 5% behind, named nowhere.
    const said =
      "Close call: “First” and “Second” gain the same, €10,000 each, and lead “Third” by €500 (5% of their net gain); weigh what each asks for and how soon it pays back.";
    expect(renderRunReport(result)).toContain(`  ${said}`);
    expect(judgementSentences(result)[0]).toBe(said);
    const page = await pageOneText(text, result);
    expect(page).toContain("Three options are close: “First”, “Second” and “Third”.");
    expect(page).toContain(
      "“First” and “Second” bring the same, €10,000 each over 1 month, not discounted (the discount rate is 0%), and only €500 more than “Third” (€9,500).",
    );
  });

  it("names a third option itself within 10% of the best (€10,000, €9,500 and €9,300), each with its lead: run, the web app and page 1 alike", async () => {
    const text = oneMonthThreeOptions(7000, 7500, 7700);
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    // It said "“First” leads “Second” by €500 (5% of its net gain)" beside a “Third” only €700 behind, named nowhere.
    const said =
      "Close call: “First” leads “Second” and “Third” by €500 and €700 (5% and 7% of its net gain); weigh what each asks for and how soon it pays back.";
    expect(renderRunReport(result)).toContain(`  ${said}`);
    expect(judgementSentences(result)[0]).toBe(said);
    const page = await pageOneText(text, result);
    expect(page).toContain("Three options are close: “First”, “Second” and “Third”.");
    expect(page).toContain(
      "“First” brings the most, €10,000 over 1 month, not discounted (the discount rate is 0%), but only €500 and €700 more than “Second” and “Third” (€9,500 and €9,300).",
    );
  });

  it("says page 1 sets two that gain the same beside a third with neither of the two ahead, and whom the close call's chance is of (copies whose ranges are drawn each on their own)", () => {
    const text = closeCallCase(
      "Twins with ranges",
      `  b: {label: Tools, projects: {upkeepHoursPerMonth: {low: 20, high: 40}}, tooling: {licences: {flatPerYear: 1000}}}
  c: {label: Its twin, projects: {upkeepHoursPerMonth: {low: 20, high: 40}}, tooling: {licences: {flatPerYear: 1000}}}
  d: {label: Twin three, projects: {upkeepHoursPerMonth: 30}, tooling: {licences: {flatPerYear: 1000}}}
`,
    );
    const { compiled } = validateScenarioText(text);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 2_000, seed: 1 }));
    expect(result.decision!.best).toBe("c");
    const run = renderRunReport(result);
    expect(run).toContain("Close call: “Tools” and “Its twin” gain the same, €5,612 each");
    // It said "… side by side as a close call, “Tools” ahead with every range at its middle" beside the line
    // above that says the two gain the same.
    expect(run).toContain(
      "Page 1 of the report recommends none of them: it sets “Tools”, “Its twin” and “Twin three” side by side as a close call, “Tools” and “Its twin” ahead, gaining the same, with every range at its middle, where the line above averages over the samples",
    );
    expect(run).not.toContain("“Tools” ahead with every range");
    // The close call's chance is of the runner-up: named, not "(“Tools” ahead in 50% of the outcomes)" beside a third.
    expect(judgementSentences(result)[0]).toMatch(/€5,612 each \(“Tools” ahead of “Its twin” in \d+% of the outcomes\), and lead “Twin three” by €412/);
  });

  it("says the chance of a third named for its chance alone (23% behind, the best ahead of it in 59% of the outcomes): run, the web app and page 1 alike", async () => {
    const text = THIRD_CLOSE_BY_CHANCE;
    const { compiled } = validateScenarioText(text);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 2_000, seed: 1 }));
    const third = result.decision!.chanceAbove.b!.d!;
    expect(third).toBeGreaterThan(0.5);
    expect(third).toBeLessThan(0.75);
    const chance = formatChance(third);
    // “First” comes out ahead of “Second” in every one of the samples: said as the count, then the third's
    // share "of them" (it said "in over 99% and of “Third” in 59% of the outcomes", beside a decision
    // section that says the same draws as counts).
    expect(result.decision!.chanceAbove.b!.c!).toBe(1);
    expect(result.decision!.chanceLevel.b!.c!).toBe(0);
    // It said "… (5% and 23% of its net gain, ahead of “Second” in over 99% of the outcomes)": a “Third”
    // 23% behind in a close call, and never why; page 1 said "ahead of “Second” in only over 99% of them".
    const said = `Close call: “First” leads “Second” and “Third” by €240 and €1,197 (5% and 23% of its net gain, ahead of “Second” in every one of the 2,000 outcomes and of “Third” in ${chance} of them); weigh what each asks for and how soon it pays back.`;
    expect(renderRunReport(result)).toContain(`  ${said}`);
    expect(judgementSentences(result)[0]).toBe(said);
    const page = await pageOneText(text, result);
    // (The count is the figure's whole text, "every one of them": the page's text closes up no space after it.)
    expect(page).toMatch(new RegExp(`it comes out ahead of “Second” in every one of them ?, and ahead of “Third” in only ${chance}`));
    expect(page).not.toContain("“Second” in over 99%");
  });

  it("says a third named for its chance that the best is ahead of in none of the outcomes as that count, not 'in only under 1%': run, the web app and page 1 alike", async () => {
    const text = THIRD_CLOSE_BY_CHANCE;
    const { compiled } = validateScenarioText(text);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 2_000, seed: 1 }));
    expect(result.judgement.closeCall!.closeByChance).toEqual(["d"]);
    // The same draws with “Third” ahead of “First” in every one of them: “First” ahead of it in none, an exact 0.
    result.decision!.chanceAbove.b!.d = 0;
    result.decision!.chanceAbove.d!.b = 1;
    const chance = formatChance(result.decision!.chanceAbove.b!.d!);
    expect(chance).toBe("under 1%");
    // It said "… and of “Third” in under 1% of the outcomes", and page 1 "ahead of “Third” in only under 1%".
    const said =
      "Close call: “First” leads “Second” and “Third” by €240 and €1,197 (5% and 23% of its net gain, ahead of “Second” in every one of the 2,000 outcomes and of “Third” in none of them); weigh what each asks for and how soon it pays back.";
    expect(renderRunReport(result)).toContain(`  ${said}`);
    expect(judgementSentences(result)[0]).toBe(said);
    const page = await pageOneText(text, result);
    expect(page).toMatch(/it comes out ahead of “Second” in every one of them ?, and ahead of “Third” in none of them ?\./);
    expect(page).not.toContain(chance);
    // Beside a share that is not a count, each says what it is of.
    result.decision!.chanceAbove.b!.c = 0.6;
    result.decision!.chanceAbove.c!.b = 0.4;
    result.judgement.closeCall!.chanceBestAhead = 0.6;
    expect(judgementSentences(result)[0]).toContain("ahead of “Second” in 60% of the outcomes and of “Third” in none of them)");
  });
});

/** Page 1's text (its summary), quotes and brackets closed up as a reader reads them. */
async function pageOneText(text: string, result: CaseResult): Promise<string> {
  const { compiled } = validateScenarioText(text);
  const { html } = await createReport(compiled!, { result });
  return textOf(html.slice(html.indexOf('<section id="summary"'), html.indexOf('<section id="options"')))
    .replace(/“ ([^”]*) ”/g, "“$1”")
    .replace(/\( ([^)]*) \)/g, "($1)");
}

describe("two options 70 cents apart, €1,235 and €1,234 to the unit (€1,234.60 and €1,233.90)", () => {
  it("are said to be less than €1 apart by run and the web app's note, as page 1 says it, not 'leads by €1'", async () => {
    const text = withEdits(ONE_MONTH_TIED, ["flatPerYear: 7004.8", "flatPerYear: 15765.4"], ["flatPerYear: 7005.1", "flatPerYear: 15766.1"]);
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    expect([result.comparisons.first!.npv, result.comparisons.second!.npv]).toEqual([expect.closeTo(1234.6, 9), expect.closeTo(1233.9, 9)]);
    const page = await pageOneText(text, result);
    expect(page).toContain(
      "“First” brings the most, €1,235 over 1 month, not discounted (the discount rate is 0%), but less than €1 more than “Second” (€1,234).",
    );
    const report = renderRunReport(result);
    expect(report).toMatch(/First \(first\) +€1,235 /);
    expect(report).toMatch(/Second \(second\) +€1,234 /);
    // It said "“First” leads “Second” by €1 (0.06% of its net gain)" where page 1 says "less than €1 more".
    expect(report).not.toContain("by €1 ");
    const said = "Close call: “First” leads “Second” by less than €1, €1,235 and €1,234 to the unit; weigh what each asks for and how soon it pays back.";
    expect(report).toContain(`  ${said}`);
    expect(judgementSentences(result)[0]).toBe(said);
  });
});

describe("two options that each gain under €1, a close call (€0.40 and €0.38)", () => {
  it("are said to gain 'less than €1' by run and the web app's note, as page 1 and the web app's cards say it, not '€0'", async () => {
    const text = withEdits(ONE_MONTH_TIED, ["flatPerYear: 7004.8", "flatPerYear: 16999.6"], ["flatPerYear: 7005.1", "flatPerYear: 16999.62"]);
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    expect([result.comparisons.first!.npv, result.comparisons.second!.npv]).toEqual([expect.closeTo(0.4, 9), expect.closeTo(0.38, 9)]);
    expect(result.judgement.closeCall).toMatchObject({ best: "first", runnerUp: "second" });
    const page = await pageOneText(text, result);
    expect(page).toContain("“First” and “Second” bring the same, less than €1 each over 1 month, not discounted (the discount rate is 0%).");
    // It said "gain the same, €0" beside page 1's "less than €1 each".
    const said =
      "Close call: “First” and “Second” gain the same, less than €1; they are the same on every figure, so weigh what the figures do not show, such as what each option is and how it fits the team.";
    expect(renderRunReport(result)).toContain(`  ${said}`);
    expect(judgementSentences(result)[0]).toBe(said);
  });
});

describe("run's table of the alternatives, for a net gain above zero under one unit (€0.40)", () => {
  it("writes it 'less than €1', as page 1 and the report's table of options do, where it read '€0', the risk-adjusted one too", async () => {
    const text = withEdits(ONE_MONTH_TIED, ["flatPerYear: 7004.8", "flatPerYear: 16999.6"], ["flatPerYear: 7005.1", "flatPerYear: 16999.62"]);
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    expect(result.comparisons.first!.npv).toBeCloseTo(0.4, 9);
    const report = renderRunReport(result);
    expect(report).toMatch(/First \(first\) +less than €1 /);
    expect(report).toMatch(/Second \(second\) +less than €1 /);
    // A risk adjustment of nothing leaves the gain as it is: its line says it the same way.
    const { compiled: adjusted } = validateScenarioText(`${text}riskAdjustment: { benefits: 0, costs: 0 }\n`);
    expect(adjusted).toBeDefined();
    expect(renderRunReport(buildResult(adjusted!))).toMatch(/risk-adjusted \(gains [^)]*\) +less than €1 /);
  });
});

describe("the run report's command to type", () => {
  it("quotes a scenario name the shell would split or read, so the command can be pasted as it is", () => {
    const text = readFileSync(join(packageRoot, "examples", "peers", "dora-2020-elite-large.yaml"), "utf8");
    for (const [name, word] of [
      ["the team's own", "'the team'\\''s own'"],
      ["all in $HOME", "'all in $HOME'"],
    ]) {
      const { compiled } = validateScenarioText(text.replaceAll(/^ {2}transformed:/gm, `  ${JSON.stringify(name)}:`));
      const result = buildResult(compiled!);
      expect(Object.keys(result.comparisons)).toEqual([name]);
      // It said "--scenario the team's own": the shell reads three words and an open quote.
      expect(renderRunReport(result)).toContain(`see which inputs drive it with: mlops-roi sensitivity --scenario ${word}\n`);
      // With the case's file, as run gives it: a command that runs as it is (it named no file, which sensitivity needs).
      expect(renderRunReport(result, { file: "cases/our team.yaml" })).toContain(
        `see which inputs drive it with: mlops-roi sensitivity 'cases/our team.yaml' --scenario ${word}\n`,
      );
    }
  });
});

describe("the run report's figures add up as printed", () => {
  it("says what the last year's gain leaves out, and where the cash paid at the start is, when the month tables do not hold it", () => {
    const result = resultOf("seed.yaml", 0);
    const text = renderRunReport(result);
    const optimal = result.comparisons.optimal!;
    // Over a 12-month plan the last 12 months are all of it: the gain differs from the total by the cash at the start.
    expect(optimal.benefitLastTwelveMonths - optimal.totalNetBenefit).toBeCloseTo(-optimal.timeZeroNet, 6);
    expect(text).toContain("Gain, last 12 months: the net benefit against today of months 1 to 12, not discounted, without the cash paid at the start.");
    expect(text).toContain(`  ${formatMoney(-optimal.timeZeroNet, "EUR")} paid at the start against today (before month 1), in none of the months above.`);
    // Today's own table has no such line.
    expect(text.split("Month by month: ")[1]).not.toContain("at the start against today");
  });

  it("says a close call only when the table shows both options", () => {
    const result = resultOf("close-call.yaml", 0);
    const close = result.judgement!.closeCall!;
    expect(renderRunReport(result)).toContain("Close call");
    expect(renderRunReport(result, { scenario: close.runnerUp })).not.toContain("Close call");
  });

  it("names no option the table leaves out, and counts one range in the singular", () => {
    const result = resultOf("close-call.yaml", 2_000);
    const shown = Object.keys(result.comparisons).find((name) => name !== result.decision!.best)!;
    const text = renderRunReport(result, { scenario: shown });
    const hidden = Object.keys(result.comparisons).filter((name) => name !== shown);
    for (const name of hidden) expect(text).not.toContain(result.comparisons[name]!.label);
    const one = { ...result, uncertainty: { ...result.uncertainty!, inputs: result.uncertainty!.inputs.slice(0, 1) } };
    expect(renderRunReport(one)).toContain("ranges: 1 input\n");
  });
});

describe("the run report's return on investment", () => {
  it("prints the investment it divides by, so that it can be worked out from the table (solo.yaml's hours are priced at what they displace)", () => {
    const result = resultOf("solo.yaml", 0);
    const text = renderRunReport(result);
    for (const comparison of Object.values(result.comparisons)) {
      const row = text
        .split("\n")
        .find((line) => line.startsWith(`  ${comparison.label} `) && line.includes(formatMoney(comparison.presentValueOfCosts, "EUR")))!;
      expect(row, comparison.alternative).toContain(formatMoney(comparison.investment.total, "EUR"));
      expect(comparison.conventions.roiOnInvestment).toBeCloseTo(comparison.totalNetBenefit / comparison.investment.total, 12);
    }
  });
});

describe("run's table of how sure we are, in a case with a risk adjustment", () => {
  it("says its NPVs are before it, where 'Median NPV' (then 'Likely NPV') stood unlabelled under the risk-adjusted line", () => {
    const compiled = threeYearCase({
      riskAdjustment: { benefits: 0.1, costs: 0.05 },
      defaults: {
        team: { people: 1, hoursPerMonth: 160, hourlyCost: { low: 40, high: 60 } },
        projects: { upkeepHoursPerMonth: 0 },
        releases: { mode: "schedule" },
      },
    });
    const result = withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: 200, seed: 1 }));
    const report = renderRunReport(result);
    expect(report).toContain("How sure we are");
    // The middle figure is the median, as its header says: page 1's "likely to fall between" is the 90% range.
    expect(report).toMatch(/How sure we are +Median NPV +NPV, 90% range/);
    expect(report).toContain("  These NPVs are before the risk adjustment (gains −10%, costs +5%): the Monte Carlo is not risk-adjusted.\n");
    // Without one, nothing of the kind.
    const plain = threeYearCase({
      defaults: {
        team: { people: 1, hoursPerMonth: 160, hourlyCost: { low: 40, high: 60 } },
        projects: { upkeepHoursPerMonth: 0 },
        releases: { mode: "schedule" },
      },
    });
    expect(renderRunReport(withUncertainty(buildResult(plain), MonteCarlo.summaryOf(plain, { samples: 200, seed: 1 })))).not.toContain("risk adjustment");
  });
});

describe("run's last year's gain and PV of benefits, above zero under one unit", () => {
  it("writes them 'less than €1', as the net gain beside them, where they read '€0'", () => {
    // examples/seed.yaml with every amount of money a hundred-thousandth as large.
    const text = withEdits(
      readFileSync(join(packageRoot, "examples", "seed.yaml"), "utf8"),
      ["      value: 60\n", "      value: 0.0006\n"],
      ["      value: 2500\n", "      value: 0.025\n"],
      ["          value: 3600\n", "          value: 0.036\n"],
      ["          value: 2000\n", "          value: 0.02\n"],
      ["          value: 150\n", "          value: 0.0015\n"],
    );
    const { compiled } = validateScenarioText(text);
    const result = buildResult(compiled!);
    for (const comparison of Object.values(result.comparisons)) {
      expect(comparison.benefitLastTwelveMonths).toBeGreaterThan(0);
      expect(comparison.benefitLastTwelveMonths).toBeLessThan(0.5);
      expect(comparison.presentValueOfBenefits).toBeGreaterThan(0);
      expect(comparison.presentValueOfBenefits).toBeLessThan(0.5);
    }
    const report = renderRunReport(result);
    expect(report).toMatch(/Every tool we want \(optimal\) +less than €1 +74% +month 10 +€0 +0 h +less than €1\n/);
    expect(report).toMatch(/What will be approved \(compromise\) +less than €1 +461% +month 5 +€0 +0 h +less than €1\n/);
    // PV of benefits; PV of costs is a cost and keeps its figure to the unit.
    expect(report).toMatch(/\n {2}Every tool we want +less than €1 +€0 +9\.3 /);
    expect(report).toMatch(/\n {2}What will be approved +less than €1 +€0 +4\.1 /);
  });
});

describe("run's table of how sure we are, of gains under one unit", () => {
  it("writes the likely NPV and its range 'less than €1', as the table above it and page 1 do, not '€0'", () => {
    const { compiled } = validateScenarioText(TINY_SEED_UNCERTAIN);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 1_000, seed: 1 }));
    for (const comparison of Object.values(result.comparisons)) {
      expect(comparison.distribution!.npv.p5!).toBeGreaterThan(0);
      expect(comparison.distribution!.npv.p95!).toBeLessThan(0.5);
    }
    const row = renderRunReport(result)
      .split("\n")
      .find((line) => line.startsWith("  What will be approved ") && line.includes("month 4"))!;
    // It read "What will be approved  €0  €0  month 4 to month 5 …" beside "less than €1" in the table above.
    expect(row).toMatch(/^ {2}What will be approved +less than €1 +less than €1 +month 4/);
  });
});

describe("run's up-front cash of a change that starts later", () => {
  it("says the month it is paid in, as the report does: '€700 (month 5)', where it said '€700' as if up front", () => {
    const { compiled, issues } = validateScenarioText(LATE_START_CASE);
    if (!compiled) throw new Error(JSON.stringify(issues));
    const text = renderRunReport(buildResult(compiled));
    expect(text).toMatch(/What will be approved \(compromise\) .* €700 \(month 5\) /);
    expect(text).toMatch(/Every tool we want \(optimal\) .* €2,000 /);
    expect(text).toContain("  Up-front cash: paid at the start, or at the end of the month in brackets, before a change that starts later.");
  });

  it("says the month under a minus too: cash today's own change, starting in month 4, pays at the end of month 3 and the option does not", () => {
    // Today starts a change of its own in month 4 with €5,000 of consultants; "What will be approved"
    // makes none (−€5,000 in month 3), "Every tool we want" pays €2,000 at the start (−€3,000 in two parts).
    const text = LATE_START_CASE.replace("    change: { startMonth: 6, external: { consultants: 700 } }\n", "").replace(
      "  current:\n    label: Today\n",
      "  current:\n    label: Today\n    change: { startMonth: 4, external: { consultants: 5000 } }\n",
    );
    const { compiled, issues } = validateScenarioText(text);
    if (!compiled) throw new Error(JSON.stringify(issues));
    const report = renderRunReport(buildResult(compiled));
    // They read "-€5,000" and "-€3,000" under "Up-front cash", as if saved at the start.
    expect(report).toMatch(/What will be approved \(compromise\) .* -€5,000 \(month 3\) /);
    expect(report).toMatch(/Every tool we want \(optimal\) .* -€3,000 \(in parts\) /);
    expect(report).toContain(
      "  Up-front cash: paid at the start, or at the end of the month in brackets, before a change that starts later (under a minus, today's own change: the cash the option does not pay); “in parts”: in more than one month (--json's investment.cashByMonth gives each).",
    );
  });
});

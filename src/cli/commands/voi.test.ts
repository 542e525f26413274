import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatMoneyExact as formatMoney } from "../../format/numbers.js";
import { bestChances } from "../../format/words.js";
import { packageRoot } from "../../shared/package-files.js";
import { makeTempFolder, readFixture } from "../../test-support/fixtures.js";
import { runCliCaptured, stackTraceLine } from "../../test-support/run-cli.js";
import { oneOptionCase } from "../../test-support/one-option-case.js";
import { STAY_ON_AVERAGE_CASE } from "../../test-support/stay-on-average-case.js";
import { withEdit, withEdits } from "../../test-support/scenario-text.js";

const closeCall = join(packageRoot, "examples", "close-call.yaml");
const team = join(packageRoot, "examples", "team.yaml");
const certain = join(packageRoot, "examples", "seed.yaml");
const optimalUpkeep = "scenarios.optimal.projects.upkeepHoursPerMonth";
const compromiseUpkeep = "scenarios.compromise.projects.upkeepHoursPerMonth";
const value = "defaults.projects.valuePerMonth";

interface Entry {
  inputs: string[];
  value: number;
  aboveNoise: boolean;
  group?: string;
}

/** Two options a euro apart over a year, and a range (meetings) that moves both alike: worth next to nothing to find out, as is the noise level. */
const BARELY_MATTERS = `title: Inputs that barely matter
currency: EUR
horizonMonths: 12
discountRate: 0
baseline: today
defaults:
  team: { people: 1, hoursPerMonth: 100, hourlyCost: 10 }
  projects: { alreadyLive: 1, upkeepHoursPerMonth: 20, valuePerMonth: 100, buildHours: 1000 }
  meetings: { hoursPerPersonPerMonth: { low: 4, high: 6 } }
  releases: { mode: capacity, newWorkThresholdHours: 80 }
scenarios:
  today: { label: Today }
  better:
    label: Better
    projects: { upkeepHoursPerMonth: { low: 19.9, high: 20.1 } }
    tooling: { licences: { flatPerYear: 0.5 } }
`;

/**
 * Two options that gain the same in every sample (the same upkeep, today's given as a range), written
 * to `folder`: each is best in half of the samples, ties shared, and level with the other on average.
 */
function writeEqualOptions(folder: string): string {
  const file = join(folder, "equal.yaml");
  const option = "    projects: { upkeepHoursPerMonth: 11 }\n";
  const text = withEdits(oneOptionCase(`${option}  alt2:\n    label: Other tools\n${option}`), [
    "alreadyLive: 2, upkeepHoursPerMonth: 30,",
    "alreadyLive: 2, upkeepHoursPerMonth: { low: 25, high: 35 },",
  ]);
  writeFileSync(file, text);
  return file;
}

describe("voi on inputs that barely matter", () => {
  it("says a value and a noise level both under one unit plainly: '(less than €1, at or below the noise level)', not '… of less than €1'", async () => {
    const temp = makeTempFolder();
    try {
      const file = join(temp.path, "barely.yaml");
      writeFileSync(file, BARELY_MATTERS);
      const json = JSON.parse((await runCliCaptured(["voi", file, "--json"])).stdout);
      const below = json.evppi.filter((entry: Entry) => !entry.aboveNoise);
      expect(below.length).toBeGreaterThan(0);
      for (const entry of below) expect(entry.value).toBeGreaterThan(0);
      expect(json.noiseLevel).toBeLessThan(0.5);
      const { stdout } = await runCliCaptured(["voi", file]);
      expect(stdout).toContain(
        "Hours a month each person spends in meetings and hand-offs: not worth measuring (less than €1, at or below the noise level).\n",
      );
      expect(stdout).not.toContain("noise level of less than");
    } finally {
      temp.remove();
    }
  });
});

describe("voi", () => {
  it("prints exactly run's decision analysis, with the file, currency and seed, as JSON", async () => {
    const voi = await runCliCaptured(["voi", closeCall, "--json", "--samples", "4000", "--seed", "3"]);
    expect(voi.exitCode).toBe(0);
    expect(voi.stderr).toBe("");
    const result = JSON.parse(voi.stdout);
    expect(Object.keys(result)).toEqual([
      "input",
      "currency",
      "seed",
      "samples",
      "options",
      "best",
      "evpi",
      "chanceAbove",
      "chanceLevel",
      "chanceBestLevel",
      "evppi",
      "noiseLevel",
      "method",
      "bestOnAverage",
    ]);
    // docs/json.md lists the same fields, in the same order.
    const contract = readFileSync(join(packageRoot, "docs", "json.md"), "utf8").match(/`voi --json`:[\s\S]*?`\{ ([^}]*) \}`/)![1]!;
    expect(
      contract
        .replace(/\s+/g, " ")
        .split(", ")
        .map((field) => JSON.parse(field)),
    ).toEqual(Object.keys(result));
    expect(result).toMatchObject({ input: closeCall, currency: "EUR", seed: 3, samples: 4000, best: "optimal" });
    const run = JSON.parse((await runCliCaptured(["run", closeCall, "--json", "--samples", "4000", "--seed", "3"])).stdout);
    const { input: _input, currency: _currency, seed: _seed, ...decision } = result;
    expect(decision).toEqual(run.decision);
    // Every option, today included, in the file's order; the chances of being best add up to 1.
    expect(result.options.map((option: { scenario: string }) => option.scenario)).toEqual(["current", "optimal", "compromise"]);
    expect(result.options.reduce((sum: number, option: { probabilityBest: number }) => sum + option.probabilityBest, 0)).toBeCloseTo(1, 12);
  });

  it("ranks the inputs by what finding them out is worth, in money, with the report's labels", async () => {
    const json = JSON.parse((await runCliCaptured(["voi", closeCall, "--json", "--samples", "4000"])).stdout);
    const { stdout, exitCode } = await runCliCaptured(["voi", closeCall, "--samples", "4000"]);
    expect(exitCode).toBe(0);
    const evppi: Entry[] = json.evppi;
    expect(evppi.map((entry) => entry.value)).toEqual([...evppi.map((entry) => entry.value)].sort((a, b) => b - a));
    // The close call turns on the two options' upkeep: together (they are correlated) most of all.
    expect(evppi[0]).toMatchObject({ inputs: [optimalUpkeep, compromiseUpkeep], group: "correlated", aboveNoise: true });
    expect(evppi[1]).toMatchObject({ inputs: [compromiseUpkeep], aboveNoise: true });
    const money = (amount: number) => formatMoney(amount, "EUR");
    expect(stdout).toContain(
      `1. Finding out upkeep hours a month for each live project (“Every tool we want” and “What will be approved”) together first is worth up to ${money(evppi[0]!.value)}.`,
    );
    expect(stdout).toContain(
      `2. Finding out upkeep hours a month for each live project (“What will be approved”) first is worth up to ${money(evppi[1]!.value)}.`,
    );
    expect(stdout).toContain(`${optimalUpkeep} + ${compromiseUpkeep} (correlated in the file)`);
    // The order on screen is the JSON's order.
    const positions = evppi.map((entry) =>
      stdout.indexOf(`\n     ${entry.inputs.join(" + ")}${entry.group === "correlated" ? " (correlated in the file)" : ""}\n`),
    );
    expect(positions.every((position) => position > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const entry of evppi.filter((candidate) => !candidate.aboveNoise)) {
      // A value of 0 is said as what it means; any other beside the noise level.
      const why =
        entry.value === 0
          ? `\\(knowing ${entry.inputs.length > 1 ? "them" : "it"} exactly would not change the choice\\)`
          : `\\(${money(entry.value)}, at or below the noise level of ${money(json.noiseLevel)}\\)`;
      expect(stdout).toMatch(new RegExp(`: not worth measuring ${why}\\.\\n\\s+${entry.inputs.join(" \\+ ").replace(/\./g, "\\.")}\\n`));
    }
    expect(stdout).toContain(`Knowing every input exactly before deciding would be worth up to ${money(json.evpi)}`);
    expect(stdout).not.toContain("No measurement is worth paying for");
    // The options table: chance of being best, expected NPV and expected loss, as in the JSON.
    for (const option of json.options) {
      // The chances are of one whole, written together (largest remainder: docs/numbers.md).
      const percent = bestChances(json.options)[option.scenario];
      expect(stdout).toMatch(new RegExp(`\\(${option.scenario}\\).*\\s${percent}\\s+${money(option.expectedNpv)}\\s+${money(option.expectedLoss)}\\n`));
    }
    expect(stdout).toMatch(/Every tool we want \(optimal\) ← best on average/);
  });

  it('says an amount above the noise level but under one euro is worth less than €1, never "up to €0"', async () => {
    // A plan of one month with the release in it: today's upkeep moves the choice by cents (seed 1, 10,000 samples).
    const temp = makeTempFolder();
    try {
      const file = join(temp.path, "one-month.yaml");
      writeFileSync(file, readFileSync(closeCall, "utf8").replace("horizonMonths: 12", "horizonMonths: 1").replace("months: [4, 7, 10]", "months: [1]"));
      const json = JSON.parse((await runCliCaptured(["voi", file, "--json"])).stdout);
      const cents = json.evppi.find((entry: Entry) => entry.inputs[0] === "defaults.projects.upkeepHoursPerMonth");
      expect(cents.aboveNoise).toBe(true);
      expect(cents.value).toBeLessThan(0.5);
      const { stdout } = await runCliCaptured(["voi", file]);
      expect(stdout).toContain("Finding out upkeep hours a month for each live project (“Today”) first is worth less than €1.");
      expect(stdout).not.toContain("worth up to €0");
    } finally {
      temp.remove();
    }
  });

  it("writes the best option's expected loss under one unit 'less than €1', as the EVPI it equals is said beneath it, not '€0'", async () => {
    // examples/seed-uncertain.yaml with every amount of money a thousandth as large: the EVPI is €0.006.
    const temp = makeTempFolder();
    try {
      const file = join(temp.path, "small.yaml");
      const text = withEdits(
        readFileSync(join(packageRoot, "examples", "seed-uncertain.yaml"), "utf8"),
        ["      value: 60\n", "      value: 0.06\n"],
        ["      low: 1500\n      high: 4000\n", "      low: 1.5\n      high: 4\n"],
        ["          value: 3600\n", "          value: 3.6\n"],
        ["          value: 2000\n", "          value: 2\n"],
        ["          value: 150\n", "          value: 0.15\n"],
      );
      writeFileSync(file, text);
      const json = JSON.parse((await runCliCaptured(["voi", file, "--json"])).stdout);
      const best = json.options.find((option: { scenario: string }) => option.scenario === json.best);
      expect(best.expectedLoss).toBe(json.evpi);
      expect(json.evpi).toBeGreaterThan(0);
      expect(json.evpi).toBeLessThan(0.5);
      const { stdout } = await runCliCaptured(["voi", file]);
      // Best in 99.16% of the samples ("Every tool we want" in 0.84%): "over 99%", as page 1 says the same chance
      // ("ahead of “Every tool we want” in over 99%"), not "99%" beside "1%" (docs/numbers.md).
      expect(stdout).toMatch(/What will be approved \(compromise\) ← best on average +over 99% +€8 +less than €1\n/);
      expect(stdout).toMatch(/Every tool we want \(optimal\) +under 1% /);
      expect(stdout).toContain("Knowing every input exactly before deciding would be worth less than €1 (the expected value of perfect information)");
      // examples/close-call.yaml a thousandth as large: a noise level of €0.001 is "less than €1", not "€0".
      const close = join(temp.path, "close.yaml");
      writeFileSync(
        close,
        withEdits(
          readFileSync(closeCall, "utf8"),
          ["      value: 60\n", "      value: 0.06\n"],
          ["      low: 1500\n      high: 4000\n", "      low: 1.5\n      high: 4\n"],
          ["          value: 3600\n", "          value: 3.6\n"],
          ["          value: 2000\n", "          value: 2\n"],
          ["          value: 150\n", "          value: 0.15\n"],
        ),
      );
      const closeJson = JSON.parse((await runCliCaptured(["voi", close, "--json"])).stdout);
      expect(closeJson.noiseLevel).toBeGreaterThan(0);
      expect(closeJson.noiseLevel).toBeLessThan(0.5);
      const closeText = (await runCliCaptured(["voi", close])).stdout;
      // Its inputs below the noise level are worth exactly 0: said as what that means, no "€0" beside a noise level.
      expect(closeJson.evppi.filter((entry: Entry) => !entry.aboveNoise).map((entry: Entry) => entry.value)).toEqual([0, 0]);
      expect(closeText).toContain("not worth measuring (knowing it exactly would not change the choice).");
      expect(closeText).not.toContain("noise level of €0");
    } finally {
      temp.remove();
    }
  });

  it("says, beside 'best on average', that page 1 recommends staying when no option gains with every range at its middle, as run does", async () => {
    const temp = makeTempFolder();
    try {
      const file = join(temp.path, "stay.yaml");
      writeFileSync(file, STAY_ON_AVERAGE_CASE);
      const { exitCode, stdout, stderr } = await runCliCaptured(["voi", file, "--samples", "2000"]);
      expect(exitCode, stderr).toBe(0);
      // It marked “What will be approved” best on average and said nothing of page 1's "Do not go ahead".
      expect(stdout).toContain("What will be approved (compromise) ← best on average");
      expect(stdout).toContain(
        "Page 1 of the report recommends staying with “Today”: no option gains money with every range at its middle, where the table averages over the samples",
      );
    } finally {
      temp.remove();
    }
  });

  it("refuses fewer than 100 samples in voi, whose sentences one sample made of nothing, and in run's tables, which said them", async () => {
    // run's tables said "Chance it pays back over 99%" and "no measurement is worth paying for" of one sample.
    const run = await runCliCaptured(["run", closeCall, "--samples", "1"]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "--samples is 1: run's tables give their chances to the nearest 1% and their ranges as 90% ones, which fewer than 100 samples cannot tell; allowed: 0 (single estimates, no chances) or 100 to ",
    );
    expect(run.stderr).toContain("; with --json, for a program, 1 to 99 as well\n");
    expect((await runCliCaptured(["run", closeCall, "--samples", "99"])).exitCode).toBe(2);
    // The JSON, for a program, gives its sample count beside its figures: any number.
    expect(JSON.parse((await runCliCaptured(["run", closeCall, "--samples", "1", "--json"])).stdout).uncertainty.samples).toBe(1);
    // It said "No measurement is worth paying for before deciding: … best in over 99% of the outcomes …
    // and knowing every input exactly would be worth nothing", of one outcome.
    const one = await runCliCaptured(["voi", closeCall, "--samples", "1"]);
    expect(one.exitCode).toBe(2);
    expect(one.stdout).toBe("");
    expect(one.stderr).toContain(
      "--samples is 1: the value of information gives each option's chance of being best to the nearest 1%, which fewer than 100 samples cannot tell; allowed: 100 to ",
    );
    expect((await runCliCaptured(["voi", closeCall, "--samples", "99"])).exitCode).toBe(2);
    // 0 too, in the same words: it answered "allowed: a whole number ≥ 1", and 1 to 99 were then refused.
    const none = await runCliCaptured(["voi", closeCall, "--samples", "0"]);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain("--samples is 0: the value of information gives each option's chance of being best to the nearest 1%");
    expect((await runCliCaptured(["voi", closeCall, "--samples", "100"])).stdout.split("\n")[1]).toBe(
      "100 random samples, seed 1 · EUR · NPVs against Today (current) · discount rate 8% a year",
    );
  });

  it("gives byte-identical output for the same seed, and other figures for another", async () => {
    const first = await runCliCaptured(["voi", closeCall, "--samples", "3000", "--seed", "4"]);
    const second = await runCliCaptured(["voi", closeCall, "--samples", "3000", "--seed", "4"]);
    const other = await runCliCaptured(["voi", closeCall, "--samples", "3000", "--seed", "5"]);
    expect(second.stdout).toBe(first.stdout);
    expect(other.stdout).not.toBe(first.stdout);
    const firstJson = await runCliCaptured(["voi", closeCall, "--samples", "3000", "--seed", "4", "--json"]);
    const secondJson = await runCliCaptured(["voi", closeCall, "--samples", "3000", "--seed", "4", "--json"]);
    expect(secondJson.stdout).toBe(firstJson.stdout);
  });

  it("says plainly that nothing is worth measuring when one option wins in every outcome (examples/team.yaml)", async () => {
    const { stdout, exitCode } = await runCliCaptured(["voi", team]);
    expect(exitCode).toBe(0);
    const json = JSON.parse((await runCliCaptured(["voi", team, "--json"])).stdout);
    expect(json.evpi).toBeLessThanOrEqual(json.noiseLevel);
    expect(stdout).toContain(
      "No measurement is worth paying for before deciding: A managed platform (managed) is best in every one of the 10,000 outcomes; Today (today), Our own open-source stack (openSource) and Four capabilities first (compromise) in none of them, and knowing every input exactly would be worth nothing.",
    );
    // Best in every sample and the others in none (the JSON's 1 and 0): the count, as the sentence rests on it, not
    // "over 99%" and "each in under 1%" beside an EVPI of 0, which an option ever best beside it would make above 0.
    expect(json.options.map((entry: { probabilityBest: number }) => entry.probabilityBest).sort()).toEqual([0, 0, 0, 1]);
    // One word for the same draws in the table and the sentence under it: "outcomes" (the table said "samples").
    expect(stdout).toMatch(/A managed platform \(managed\) ← best on average +every one of the 10,000 outcomes /);
    expect(stdout).toMatch(/Today \(today\) +none of the 10,000 outcomes /);
    expect(stdout).not.toContain("of the 10,000 samples");
    expect(stdout).not.toMatch(/under 1%|over 99%/);
    // The rate the expected NPVs are at, as run's header gives it (it gave none).
    expect(stdout.split("\n")[1]).toBe("10,000 random samples, seed 1 · EUR · NPVs against Today (today) · discount rate 8% a year");
    expect(stdout).not.toContain("Finding out");
    expect(stdout.match(/not worth measuring/g)).toHaveLength(json.evppi.length);
    // Every input is worth exactly 0 and so is the noise level: said as what it means, not "(€0, at or below the noise level of €0)".
    expect(json.noiseLevel).toBe(0);
    expect(stdout).not.toContain("noise level of €0");
    expect(stdout).toContain("What one live project earns or saves a month: not worth measuring (knowing it exactly would not change the choice).");
  });

  it("says no input alone would change the choice when each is worth 0, not 'each is at or below the noise level of €0' (examples/seed-uncertain.yaml)", async () => {
    const file = join(packageRoot, "examples", "seed-uncertain.yaml");
    const json = JSON.parse((await runCliCaptured(["voi", file, "--json", "--samples", "2000"])).stdout);
    expect(json.evpi).toBeGreaterThan(json.noiseLevel);
    expect(json.evppi.every((entry: Entry) => entry.value === 0)).toBe(true);
    const { stdout } = await runCliCaptured(["voi", file, "--samples", "2000"]);
    expect(stdout).toContain("No input alone is worth measuring: knowing any one of them exactly would not change the choice.");
    expect(stdout).not.toContain("noise level of €0");
  });

  it("says two options that gain the same are level at the top in every outcome, not 'best in 50%' each, as the reason nothing is worth measuring", async () => {
    const temp = makeTempFolder();
    try {
      const file = writeEqualOptions(temp.path);
      const json = JSON.parse((await runCliCaptured(["voi", file, "--json", "--samples", "2000"])).stdout);
      // The two options gain the same in every sample: each is "best" in half of them (ties shared), and knowing more is worth nothing.
      expect(json.evpi).toBe(0);
      expect(json.options.map((entry: { probabilityBest: number }) => entry.probabilityBest)).toEqual([0, 0.5, 0.5]);
      expect(json.chanceAbove.alt.alt2).toBe(0.5);
      const { stdout } = await runCliCaptured(["voi", file, "--samples", "2000"]);
      expect(stdout).toContain(
        "No measurement is worth paying for before deciding: Tools (alt) is level at the top with Other tools (alt2) in every outcome, and knowing every input exactly would be worth nothing.",
      );
      // It read "Tools (alt) is best in 50% of the outcomes, Other tools (alt2) in 50%": a coin toss to a reader.
      expect(json.chanceBestLevel).toBe(1);
      expect(json.options.map((entry: { probabilityBestAlone: number }) => entry.probabilityBestAlone)).toEqual([0, 0, 0]);
      expect(stdout).toContain(
        "  A tie for best is shared (half each for two options): Tools (alt) is level at the top with Other tools (alt2) in every outcome.\n",
      );
    } finally {
      temp.remove();
    }
  });

  it("marks every option level on average alike, not the first in the file alone as 'best on average'", async () => {
    const temp = makeTempFolder();
    try {
      const file = writeEqualOptions(temp.path);
      const json = JSON.parse((await runCliCaptured(["voi", file, "--json", "--samples", "2000"])).stdout);
      // `best` keeps its meaning (the first with the highest expected NPV); `bestOnAverage` lists every option level with it.
      expect(json.best).toBe("alt");
      expect(json.bestOnAverage).toEqual(["alt", "alt2"]);
      const { stdout } = await runCliCaptured(["voi", file, "--samples", "2000"]);
      // It marked "Tools (alt) ← best on average" and left "Other tools (alt2)", level with it, unmarked: a winner to a reader.
      expect(stdout).toMatch(/ {2}Tools \(alt\) ← best on average \(level\) +50%/);
      expect(stdout).toMatch(/ {2}Other tools \(alt2\) ← best on average \(level\) +50%/);
      // One option best on average is marked as before.
      const close = JSON.parse((await runCliCaptured(["voi", closeCall, "--json", "--samples", "2000"])).stdout);
      expect(close.bestOnAverage).toEqual([close.best]);
      expect((await runCliCaptured(["voi", closeCall, "--samples", "2000"])).stdout).toMatch(/Every tool we want \(optimal\) ← best on average +\d/);
    } finally {
      temp.remove();
    }
  });

  it("says a tie for best among three options is shared a third each, not 'half each for two options'", async () => {
    const temp = makeTempFolder();
    try {
      const file = join(temp.path, "three.yaml");
      const option = "    projects: { upkeepHoursPerMonth: 11 }\n";
      const text = withEdits(oneOptionCase(`${option}  alt2:\n    label: Other tools\n${option}  alt3:\n    label: Third tools\n${option}`), [
        "alreadyLive: 2, upkeepHoursPerMonth: 30,",
        "alreadyLive: 2, upkeepHoursPerMonth: { low: 25, high: 35 },",
      ]);
      writeFileSync(file, text);
      const json = JSON.parse((await runCliCaptured(["voi", file, "--json", "--samples", "600"])).stdout);
      // Each of the three is "best" in a third of the samples: ties are shared equally.
      const shares: number[] = json.options.map((entry: { probabilityBest: number }) => entry.probabilityBest);
      expect(shares[0]).toBe(0);
      for (const share of shares.slice(1)) expect(share).toBeCloseTo(1 / 3, 9);
      expect(json.chanceBestLevel).toBe(1);
      const { stdout } = await runCliCaptured(["voi", file, "--samples", "600"]);
      expect(stdout).toContain(
        "  A tie for best is shared (a third each for three options): Tools (alt) is level at the top with Other tools (alt2) and Third tools (alt3) in every outcome.\n",
      );
      expect(stdout).not.toContain("half each");
    } finally {
      temp.remove();
    }
  });

  it("values a group asked for with --group as a whole, beside each input alone", async () => {
    const { stdout, exitCode } = await runCliCaptured(["voi", closeCall, "--json", "--samples", "4000", "--group", `${compromiseUpkeep}, ${value}`]);
    expect(exitCode).toBe(0);
    const evppi: Entry[] = JSON.parse(stdout).evppi;
    const asked = evppi.find((entry) => entry.group === "asked");
    // Inputs in the file's order of ranges, whatever the order asked.
    expect(asked?.inputs).toEqual([value, compromiseUpkeep]);
    // Knowing more never is worth less: the group is worth at least its best member alone (up to the estimate's noise).
    const alone = evppi.find((entry) => entry.inputs.length === 1 && entry.inputs[0] === compromiseUpkeep)!;
    expect(asked!.value).toBeGreaterThan(0.8 * alone.value);
    expect(evppi.filter((entry) => entry.inputs.length === 1)).toHaveLength(4);
    const text = await runCliCaptured(["voi", closeCall, "--samples", "4000", "--group", `${compromiseUpkeep},${value}`]);
    expect(text.stdout).toContain(`${value} + ${compromiseUpkeep} (the group asked for)`);
  });

  it("refuses an input that is not a range in --group, or a group of one, with exit 2 and the allowed names", async () => {
    const wrong = await runCliCaptured(["voi", closeCall, "--group", `${compromiseUpkeep},scenarios.optimal.projects.upkeepHours`]);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr).toContain('"scenarios.optimal.projects.upkeepHours" is not an input given as a range');
    expect(wrong.stderr).toContain(`did you mean "${optimalUpkeep}"?`);
    expect(wrong.stderr).toContain(`Allowed: defaults.projects.upkeepHoursPerMonth, ${value}, ${optimalUpkeep}, ${compromiseUpkeep}`);
    expect(wrong.stderr).not.toMatch(stackTraceLine);
    // With nothing close to suggest, the sentence ends before the allowed names ("… in case.yaml Allowed:" ran on).
    const far = await runCliCaptured(["voi", closeCall, "--group", `${compromiseUpkeep},foo.bar`]);
    expect(far.stderr).toBe(
      `error: --group ${compromiseUpkeep},foo.bar: "foo.bar" is not an input given as a range in ${closeCall}. Allowed: defaults.projects.upkeepHoursPerMonth, ${value}, ${optimalUpkeep}, ${compromiseUpkeep}\n`,
    );
    const one = await runCliCaptured(["voi", closeCall, "--group", `${compromiseUpkeep},${compromiseUpkeep}`]);
    expect(one.exitCode).toBe(2);
    expect(one.stderr).toContain("a group needs at least two different inputs");
    const none = await runCliCaptured(["voi", closeCall, "--samples", "0"]);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain(
      "--samples is 0: the value of information gives each option's chance of being best to the nearest 1%, which fewer than 100 samples cannot tell; allowed: 100 to ",
    );
  });

  it("says a file without ranges has nothing uncertain to find out, with exit 1", async () => {
    const { exitCode, stdout, stderr } = await runCliCaptured(["voi", certain]);
    expect(exitCode).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("every input is a single number, so there is nothing uncertain to find out; give an input as { low, high }");
    expect(stderr).not.toMatch(stackTraceLine);
  });

  it("says a case with one scenario has nothing to choose between, with exit 1", async () => {
    const temp = makeTempFolder();
    try {
      const file = join(temp.path, "only-today.yaml");
      const text = withEdit(
        withEdit(readFixture("valid-minimal.yaml"), "    valuePerMonth: 2500\n", "    valuePerMonth: { low: 1500, high: 4000 }\n"),
        "  better:\n    projects:\n      upkeepHoursPerMonth: 11\n    tooling:\n      licences:\n        flatPerYear: 3600\n",
        "",
      );
      writeFileSync(file, text);
      const { exitCode, stdout, stderr } = await runCliCaptured(["voi", file]);
      expect(exitCode).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toContain("the case has only the baseline; add an alternative scenario to choose between");
    } finally {
      temp.remove();
    }
  });

  it("writes to a file with -o, and does not replace it without --force", async () => {
    const temp = makeTempFolder();
    try {
      const target = join(temp.path, "voi.json");
      writeFileSync(target, "keep me");
      const refused = await runCliCaptured(["voi", closeCall, "--json", "--samples", "2000", "-o", target]);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toMatch(/already exists; use --force/);
      expect(readFileSync(target, "utf8")).toBe("keep me");
      const written = await runCliCaptured(["voi", closeCall, "--json", "--samples", "2000", "-o", target, "--force"]);
      expect(written.exitCode).toBe(0);
      expect(written.stdout).toBe("");
      expect(written.stderr).toContain(`wrote ${target} (previous version kept as ${target}.bak)`);
      expect(JSON.parse(readFileSync(target, "utf8")).samples).toBe(2000);
    } finally {
      temp.remove();
    }
  });
});

describe("voi, sensitivity and optimize in a case with Forrester TEI's risk adjustment", () => {
  it("say their NPVs are before it, where they stood unlabelled beside run's risk-adjusted line", async () => {
    const temp = makeTempFolder();
    try {
      const file = join(temp.path, "tei.yaml");
      writeFileSync(
        file,
        [
          "title: Three years, TEI style",
          "currency: USD",
          "horizonMonths: 36",
          "discountRate: 0.1",
          "discounting: yearEnd",
          "riskAdjustment: { benefits: 0.1, costs: 0.05 }",
          "freedHoursCaptureShare: 1",
          "baseline: today",
          "defaults:",
          "  team: { people: 1, hoursPerMonth: 160, hourlyCost: 50 }",
          "  projects: { upkeepHoursPerMonth: 0 }",
          "  releases: { mode: schedule }",
          "scenarios:",
          "  today: { label: Today, meetings: { hoursPerPersonPerMonth: { low: 40, high: 80 } } }",
          "  tooling:",
          "    label: Tooling",
          "    meetings: { hoursPerPersonPerMonth: 0 }",
          "    tooling: { licences: { flatPerYear: 6000 } }",
          "    change: { external: { consultants: 50000 } }",
          "",
        ].join("\n"),
      );
      const aside =
        "Every NPV here is before the file's risk adjustment (gains −10%, costs +5%): run and the report give the risk-adjusted NPV on a line of its own under each option's figures.";
      const run = await runCliCaptured(["run", file]);
      // The same words as the aside below and the report ("gains"): it read "benefits −10%" beside their "gains −10%".
      expect(run.stdout).toContain("risk-adjusted (gains −10%, costs +5%)");
      for (const args of [
        ["voi", file, "--samples", "500"],
        ["sensitivity", file, "--method", "tornado"],
        ["optimize", file, "--from", "commands,versioning"],
      ]) {
        const { stdout, exitCode } = await runCliCaptured(args);
        expect(exitCode, args[0]).toBe(0);
        expect(stdout, args[0]).toContain(`\n  ${aside}\n`);
      }
      // A case without one says nothing of the kind.
      expect((await runCliCaptured(["voi", closeCall, "--samples", "500"])).stdout).not.toContain("risk adjustment");
    } finally {
      temp.remove();
    }
  });
});

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { oneAtATimeSensitivity, validateScenarioText } from "../../engine/index.js";
import { formatMoneyExact } from "../../format/numbers.js";
import { packageRoot } from "../../shared/package-files.js";
import { makeTempFolder } from "../../test-support/fixtures.js";
import { runCliCaptured, stackTraceLine } from "../../test-support/run-cli.js";
import { swingAsWritten } from "./sensitivity.js";

const uncertain = join(packageRoot, "examples", "seed-uncertain.yaml");
const certain = join(packageRoot, "examples", "seed.yaml");

/**
 * The tables' rows one line each, by path, as "  path  figures…": each row gives its input's label
 * (wrapped between words) with the figures on its first line, and its path beneath.
 */
function rowsByPath(stdout: string): string {
  const out: string[] = [];
  let first = -1;
  for (const line of stdout.split("\n")) {
    const path = /^ {4}(\S+)$/.exec(line);
    if (path && first >= 0) {
      const figures = out[first]!.slice(2).split(/ {2,}/).slice(1).join("  ");
      out.splice(first, out.length - first, `  ${path[1]}  ${figures}`);
      first = -1;
      continue;
    }
    if (/^ {2}\S.*? {2,}\S/.test(line) && !/[│█─]/.test(line)) first = out.length;
    out.push(line);
  }
  return out.join("\n");
}

describe("sensitivity", () => {
  it("says plainly that its rankings treat correlated inputs as independent, and names them in the JSON", async () => {
    const closeCall = join(packageRoot, "examples", "close-call.yaml");
    const optimal = "scenarios.optimal.projects.upkeepHoursPerMonth";
    const compromise = "scenarios.compromise.projects.upkeepHoursPerMonth";
    const json = await runCliCaptured(["sensitivity", closeCall, "--json", "--samples", "256"]);
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout).correlated).toEqual([{ inputs: [optimal, compromise], correlations: [{ between: [optimal, compromise], rank: 0.6 }] }]);
    // The compromise's upkeep does not move “Every tool we want” ("no effect"): the pair is left out, as the report's tornado caption leaves it out.
    // It read "Correlated inputs: scenarios.optimal… and scenarios.compromise… (rank correlation 0.6)": paths, and an input with no effect on this option.
    const text = await runCliCaptured(["sensitivity", closeCall, "--samples", "256"]);
    expect(text.stdout).not.toContain("Correlated inputs");
    expect(text.stdout).not.toContain("as if it were independent");
    // Compromise's own: its upkeep moves it, the optimal's does not.
    expect((await runCliCaptured(["sensitivity", closeCall, "--samples", "256", "--scenario", "compromise"])).stdout).not.toContain("Correlated inputs");
    // A pair that both move the option: named by the report's tornado labels, the rows' paths underneath.
    const temp = makeTempFolder();
    try {
      const file = join(temp.path, "linked.yaml");
      const today = "defaults.projects.upkeepHoursPerMonth";
      writeFileSync(file, readFileSync(closeCall, "utf8").replace(`between: [${optimal}, ${compromise}]`, `between: [${today}, ${optimal}]`));
      const linked = await runCliCaptured(["sensitivity", file, "--samples", "256"]);
      expect(linked.stdout).toContain(
        "  Correlated inputs: “Upkeep hours a month for each live project, today” and “Upkeep hours a month for each live project, after the change” (rank correlation 0.6),\n" +
          `    rows ${today} and ${optimal}.\n`,
      );
      expect(linked.stdout).toContain("as if it were independent");
      // --method sobol draws no tornado: the same pair is named all the same.
      expect((await runCliCaptured(["sensitivity", file, "--samples", "256", "--method", "sobol"])).stdout).toContain(
        "“Upkeep hours a month for each live project, today” and",
      );
    } finally {
      temp.remove();
    }
    // A file without correlations has neither.
    const plain = await runCliCaptured(["sensitivity", uncertain, "--json", "--samples", "256"]);
    expect(JSON.parse(plain.stdout).correlated).toBeUndefined();
    expect((await runCliCaptured(["sensitivity", uncertain, "--samples", "256"])).stdout).not.toContain("Correlated inputs");
  });

  it("prints the JSON contract: tornado bars ranked by swing and Sobol indices, each named by its path in the file", async () => {
    const { exitCode, stdout, stderr } = await runCliCaptured(["sensitivity", uncertain, "--json", "--samples", "256"]);
    expect(exitCode).toBe(0);
    expect(stderr).toBe("");
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ alternative: "compromise", currency: "EUR", sobolBaseSamples: 256 });
    expect(result.tornado.map((bar: { input: string }) => bar.input)).toEqual([
      "defaults.projects.upkeepHoursPerMonth",
      "scenarios.compromise.projects.upkeepHoursPerMonth",
      "defaults.projects.valuePerMonth",
      "scenarios.optimal.projects.upkeepHoursPerMonth",
    ]);
    for (const bar of result.tornado) {
      expect(Object.keys(bar).sort()).toEqual(["high", "input", "inputHigh", "inputLow", "low", "swing"]);
      expect(bar.swing).toBeCloseTo(Math.abs(bar.high - bar.low), 9);
    }
    const swings = result.tornado.map((bar: { swing: number }) => bar.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // The file's 90% interval of today's upkeep is 25 to 35 hours: its 5th and 95th percentiles.
    expect(result.tornado[0].inputLow).toBeCloseTo(25, 9);
    expect(result.tornado[0].inputHigh).toBeCloseTo(35, 9);
    expect(result.sobol).toHaveLength(4);
    for (const index of result.sobol) {
      expect(Object.keys(index).sort()).toEqual(["first", "firstInterval", "input", "total", "totalInterval"]);
      expect(index.firstInterval[0]).toBeLessThanOrEqual(index.firstInterval[1]);
      expect(index.totalInterval[0]).toBeLessThanOrEqual(index.totalInterval[1]);
    }
    const sobolOf = (input: string) => result.sobol.find((index: { input: string }) => index.input === input);
    // Value per project moves both the baseline and the alternative alike: it explains none of the NPV's spread.
    expect(sobolOf("defaults.projects.valuePerMonth").total).toBeLessThan(0.01);
    expect(sobolOf("defaults.projects.upkeepHoursPerMonth").total).toBeGreaterThan(0.4);
  });

  it("gives byte-identical JSON for the same seed, and other Sobol estimates for another", async () => {
    const first = await runCliCaptured(["sensitivity", uncertain, "--json", "--method", "sobol", "--samples", "256", "--seed", "4"]);
    const second = await runCliCaptured(["sensitivity", uncertain, "--json", "--method", "sobol", "--samples", "256", "--seed", "4"]);
    const other = await runCliCaptured(["sensitivity", uncertain, "--json", "--method", "sobol", "--samples", "256", "--seed", "5"]);
    expect(second.stdout).toBe(first.stdout);
    expect(other.stdout).not.toBe(first.stdout);
    expect(JSON.parse(first.stdout).tornado).toBeUndefined();
    const tornadoOnly = JSON.parse((await runCliCaptured(["sensitivity", uncertain, "--json", "--method", "tornado"])).stdout);
    expect(tornadoOnly.sobol).toBeUndefined();
    expect(tornadoOnly.tornado).toHaveLength(4);
  });

  it("draws a ranked table, a text tornado and the Sobol table in the terminal, without a negative zero", async () => {
    // With the default 1,024 base samples, value per project's first-order estimate is a hair below zero.
    const { exitCode, stdout } = await runCliCaptured(["sensitivity", uncertain]);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^Sensitivity of the net present value of What will be approved \(€7,768 with every range at its middle\)/);
    expect(stdout).toContain("Input (one at a time, 5th to 95th percentile)");
    expect(rowsByPath(stdout)).toMatch(/defaults\.projects\.upkeepHoursPerMonth\s+25 hours a month\s+35 hours a month\s+€5,433\s+€10,531\s+€5,098/);
    expect(stdout).toMatch(/█{20,}/);
    expect(stdout).toContain("Input (all varying together)");
    expect(stdout).toContain("first-order = share of the NPV's variance this input explains alone");
    expect(stdout).not.toMatch(/-0\.0+\b/);
  });

  it("draws no bar for an input that moves nothing, even by a residue of floating point, and does not let it set the scale", async () => {
    const closeCall = join(packageRoot, "examples", "close-call.yaml");
    const { stdout } = await runCliCaptured(["sensitivity", closeCall]);
    const json = JSON.parse((await runCliCaptured(["sensitivity", closeCall, "--json"])).stdout);
    const still = json.tornado.filter((bar: { swing: number }) => bar.swing < 0.5);
    expect(still.length).toBeGreaterThan(0);
    expect(stdout.match(/│ +no effect\n/g)).toHaveLength(still.length);
    for (const bar of still) expect(rowsByPath(stdout)).toMatch(new RegExp(`\\n {2}${bar.input.replaceAll(".", "\\.")} .* €0\\n`));
    // The scale runs from the lowest to the highest NPV of the inputs that move it.
    const moving = json.tornado.filter((bar: { swing: number }) => bar.swing >= 0.5);
    const lowest = Math.min(...moving.flatMap((bar: { low: number; high: number }) => [bar.low, bar.high]));
    expect(stdout).toContain(formatMoneyExact(lowest, "EUR"));
  });

  it("says where a Sobol estimate or its interval crosses what a true share can be", async () => {
    const closeCall = join(packageRoot, "examples", "close-call.yaml");
    const { stdout } = await runCliCaptured(["sensitivity", closeCall]);
    const json = JSON.parse((await runCliCaptured(["sensitivity", closeCall, "--json"])).stdout);
    const crossing = json.sobol.filter(
      (index: { first: number; total: number; firstInterval: number[]; totalInterval: number[] }) =>
        index.first > index.total + 5e-4 || [...index.firstInterval, ...index.totalInterval].some((value) => value > 1.005 || value < -0.005),
    );
    expect(crossing.length).toBeGreaterThan(0);
    for (const index of crossing) expect(stdout).toContain(index.input);
    expect(stdout).toMatch(
      /These are estimates from samples: a true share lies from 0 to 1, and a first-order share at most its total; the estimates for .* cross those bounds/,
    );
    expect((await runCliCaptured(["sensitivity", uncertain])).stdout).not.toContain("These are estimates from samples");
  });

  it("says the estimate crosses only when it does: an interval's end past 1 around an estimate within 0–1 is said as such", async () => {
    const enterprise = join(packageRoot, "examples", "enterprise.yaml");
    const { stdout } = await runCliCaptured(["sensitivity", enterprise]);
    const json = JSON.parse((await runCliCaptured(["sensitivity", enterprise, "--json"])).stdout);
    const value = json.sobol.find((index: { input: string }) => index.input === "defaults.projects.valuePerMonth");
    expect(value.first).toBeLessThanOrEqual(value.total);
    expect(Math.max(...value.firstInterval, ...value.totalInterval)).toBeGreaterThan(1.0005);
    // It said "the estimates for defaults.projects.valuePerMonth cross those bounds" of estimates 0.962 and 0.994.
    expect(stdout).not.toContain("cross those bounds");
    expect(stdout).toContain(
      "the estimates for defaults.projects.valuePerMonth lie within those bounds, but their 95% intervals reach above 1: the bootstrap's noise at an interval's end",
    );
  });

  it("writes the Sobol estimates and their intervals to the same 3 decimals", async () => {
    const enterprise = join(packageRoot, "examples", "enterprise.yaml");
    const { stdout } = await runCliCaptured(["sensitivity", enterprise, "--scenario", "bigCloud"]);
    const lines = rowsByPath(stdout).split("\n");
    const header = lines.findIndex((line) => line.includes("Input (all varying together)"));
    const rows = lines.slice(
      header + 2,
      lines.findIndex((line) => line.includes("Sobol indices from")),
    );
    expect(rows.length).toBe(2);
    for (const row of rows) {
      const numbers = row
        .trim()
        .split(/\s+(?:to\s+)?/)
        .slice(1);
      expect(numbers).toHaveLength(6);
      for (const number of numbers) expect(number).toMatch(/^-?\d\.\d{3}$/);
    }
    // It wrote "0.002  0.00 to 0.00" for a total of 0.00191 within [0.00171, 0.00216].
    expect(rowsByPath(stdout)).toMatch(/defaults\.projects\.valuePerMonth\s+0\.002\s+-0\.002 to 0\.005\s+0\.002\s+0\.002 to 0\.002\n/);
  });

  it("without ranges, ranks each input moved 20% alone: the ranking the report shows, from the engine, in the text and the JSON", async () => {
    const { exitCode, stdout } = await runCliCaptured(["sensitivity", certain]);
    expect(exitCode).toBe(0);
    expect(stdout).toContain("The file has no ranges, so each input is moved 20% lower and higher, alone");
    // Single numbers have no median: the NPV moved around is the one of the file as written.
    expect(stdout).toMatch(/^Sensitivity of the net present value of What will be approved \(€7,959 with every input as written\)/);
    const json = JSON.parse((await runCliCaptured(["sensitivity", certain, "--json"])).stdout);
    const { compiled } = validateScenarioText(readFileSync(certain, "utf8"));
    const engine = oneAtATimeSensitivity(compiled!, json.alternative);
    expect(json.tornado).toEqual([]);
    expect(json.oneAtATime).toEqual(JSON.parse(JSON.stringify(engine)));
    expect(json.oneAtATime.swings[0]).toMatchObject({ input: "defaults.projects.upkeepHoursPerMonth", value: 30, lowValue: 24, highValue: 36 });
    // The table's first row is that input, with the NPVs the JSON holds.
    const first = engine.swings[0]!;
    expect(rowsByPath(stdout)).toMatch(
      new RegExp(
        `defaults\\.projects\\.upkeepHoursPerMonth\\s+24 hours a month\\s+36 hours a month\\s+${formatMoneyExact(first.npvLow, "EUR")}\\s+${formatMoneyExact(first.npvHigh, "EUR")}`,
      ),
    );
  });

  it("without ranges, --method sobol says there are no Sobol indices and why, instead of a bare title about medians", async () => {
    const { exitCode, stdout } = await runCliCaptured(["sensitivity", certain, "--method", "sobol"]);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^Sensitivity of the net present value of What will be approved \(€7,959 with every input as written\)/);
    expect(stdout).not.toContain("median");
    expect(stdout).toContain("The file has no ranges, so there are no Sobol indices");
    expect(stdout).toContain("--method tornado");
    // The JSON keeps its contract: no indices.
    expect(JSON.parse((await runCliCaptured(["sensitivity", certain, "--method", "sobol", "--json"])).stdout).sobol).toEqual([]);
    // With both methods the ±20% table stands in, and says so once.
    const both = (await runCliCaptured(["sensitivity", certain])).stdout;
    expect(both).not.toContain("there are no Sobol indices");
  });

  it("analyses the alternative named, and refuses one that is not there with a suggestion", async () => {
    const named = JSON.parse((await runCliCaptured(["sensitivity", uncertain, "--json", "--method", "tornado", "--scenario", "optimal"])).stdout);
    expect(named.alternative).toBe("optimal");
    const wrong = await runCliCaptured(["sensitivity", uncertain, "--scenario", "optimul"]);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr).toContain("--scenario optimul: not an alternative in");
    expect(wrong.stderr).toContain('did you mean "optimal"?');
    expect(wrong.stderr).toContain("Allowed: optimal, compromise");
    expect(wrong.stderr).not.toMatch(stackTraceLine);
  });

  it("refuses a Sobol sample count that is not a power of two, with exit 2", async () => {
    const { exitCode, stdout, stderr } = await runCliCaptured(["sensitivity", uncertain, "--samples", "1000"]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--samples is 1,000; allowed: a power of two from 128, such as 1024 or 4096");
  });

  it('refuses fewer than 100 Sobol base samples, whose 95% intervals they cannot tell (2 gave an index of -0.831, "-30.246 to -0.644"), with exit 2', async () => {
    for (const samples of ["2", "64"]) {
      const { exitCode, stdout, stderr } = await runCliCaptured(["sensitivity", uncertain, "--method", "sobol", "--samples", samples]);
      expect(exitCode).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toBe(
        `error: --samples is ${samples}: Sobol's indices are given with their 95% intervals, which fewer than 100 samples cannot tell; allowed: a power of two from 128, such as 1024 or 4096\n`,
      );
    }
    expect((await runCliCaptured(["sensitivity", uncertain, "--method", "sobol", "--samples", "128"])).exitCode).toBe(0);
  });

  it("writes to a file with -o, and does not replace it without --force", async () => {
    const temp = makeTempFolder();
    try {
      const target = join(temp.path, "sensitivity.json");
      writeFileSync(target, "keep me");
      const refused = await runCliCaptured(["sensitivity", uncertain, "--json", "--method", "tornado", "-o", target]);
      expect(refused.exitCode).not.toBe(0);
      expect(refused.stderr).toMatch(/--force/);
      expect(readFileSync(target, "utf8")).toBe("keep me");
      const written = await runCliCaptured(["sensitivity", uncertain, "--json", "--method", "tornado", "-o", target, "--force"]);
      expect(written.exitCode).toBe(0);
      expect(written.stdout).toBe("");
      expect(JSON.parse(readFileSync(target, "utf8")).tornado).toHaveLength(4);
      // As --help says: the replaced file is kept as .bak.
      expect(readFileSync(`${target}.bak`, "utf8")).toBe("keep me");
      const help = (await runCliCaptured(["sensitivity", "--help"])).stdout.replace(/\s+/g, " ");
      expect(help).toContain("--force replace the output file if it exists (the old one is kept as .bak)");
    } finally {
      temp.remove();
    }
  });

  it("writes each row's swing as the difference of its two NPVs as written, not the exact gap a unit off beside them", async () => {
    expect(swingAsWritten(1467406.54, 1435273.24, 32133.3)).toBe(32134);
    expect(swingAsWritten(10.2, 10.6, 0.4)).toBe(1);
    expect(swingAsWritten(10.2, 10.4, 0.2)).toBe(0.2);
    const temp = makeTempFolder();
    try {
      // The seed in yen: the discount rate's row read "JP¥1,467,407  JP¥1,435,273  JP¥32,133".
      const file = join(temp.path, "yen.yaml");
      const yen = readFileSync(certain, "utf8")
        .replace("currency: EUR", "currency: JPY")
        .replace(/value: 60\n/, "value: 9000\n")
        .replace(/value: 2500\n/, "value: 375000\n")
        .replace(/value: 3600\n/, "value: 540000\n")
        .replace(/value: 2000\n/, "value: 300000\n");
      writeFileSync(file, yen);
      const { stdout, exitCode } = await runCliCaptured(["sensitivity", file]);
      expect(exitCode).toBe(0);
      const amount = (text: string) => Number(text.replace(/[^\d-]/g, ""));
      const rows = [...stdout.matchAll(/(-?JP¥[\d,]+)\s+(-?JP¥[\d,]+)\s+(JP¥[\d,]+)$/gm)];
      expect(rows.length).toBeGreaterThan(3);
      for (const [, low, high, swing] of rows) expect(amount(swing!), `${low} ${high} ${swing}`).toBe(Math.abs(amount(high!) - amount(low!)));
      expect(rowsByPath(stdout)).toMatch(/discountRate .*JP¥1,467,407\s+JP¥1,435,273\s+JP¥32,134$/m);
    } finally {
      temp.remove();
    }
  });

  it("writes net gains and swings under one unit 'less than CHF 1', not 'CHF 0' beside a bar that moves, and a residue of floating point still '€0'", async () => {
    const temp = makeTempFolder();
    try {
      const file = join(temp.path, "tiny.yaml");
      writeFileSync(
        file,
        [
          "title: Tiny",
          "currency: CHF",
          "horizonMonths: 12",
          "discountRate: 0.08",
          "baseline: current",
          "defaults:",
          "  team: { people: 1, hoursPerMonth: 120, hourlyCost: 0.01 }",
          "  projects: { alreadyLive: 1, upkeepHoursPerMonth: { low: 2, high: 4 }, valuePerMonth: 1 }",
          "  releases: { mode: schedule, months: [] }",
          "scenarios:",
          "  current: { label: Today }",
          "  alt: { label: Alt, projects: { upkeepHoursPerMonth: 1 } }",
          "",
        ].join("\n"),
      );
      const json = JSON.parse((await runCliCaptured(["sensitivity", file, "--method", "tornado", "--json"])).stdout);
      const [bar] = json.tornado;
      for (const value of [json.baseNpv, bar.low, bar.high, bar.swing]) {
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThan(0.5);
      }
      const stdout = (await runCliCaptured(["sensitivity", file, "--method", "tornado"])).stdout.replaceAll("\u00a0", " ");
      expect(stdout).toContain("Sensitivity of the net present value of Alt (less than CHF 1 with every range at its middle)");
      expect(rowsByPath(stdout)).toMatch(
        /defaults\.projects\.upkeepHoursPerMonth +2 hours a month +4 hours a month +less than CHF 1 +less than CHF 1 +less than CHF 1\n/,
      );
      expect(stdout).not.toContain("CHF 0");
    } finally {
      temp.remove();
    }
    // An input that moves nothing (seed-uncertain's value of a project) keeps a swing of €0.
    const { stdout } = await runCliCaptured(["sensitivity", uncertain, "--method", "tornado"]);
    expect(rowsByPath(stdout)).toMatch(/defaults\.projects\.valuePerMonth +€1,500 a month +€4,000 a month +€7,768 +€7,768 +€0\n/);
    // One that moves it by a residue of floating point (close-call.yaml's, a swing of 7e-12): "€0" too, beside "no effect".
    const closeCall = await runCliCaptured(["sensitivity", join(packageRoot, "examples", "close-call.yaml"), "--method", "tornado"]);
    expect(rowsByPath(closeCall.stdout)).toMatch(/defaults\.projects\.valuePerMonth +€1,500 a month +€4,000 a month +€5,970 +€5,970 +€0\n/);
  });
});

describe("the text tornado's labels", () => {
  it("name each input in words, wrapped between words and never cut mid-word, and two inputs alike read apart", async () => {
    // Two capabilities whose names end alike ("…Tracking"), each with a range on the same effect: as paths cut
    // to 48 characters from the end, both read "…king.effects["meetings.hoursPerPersonPerMonth"]".
    const text = readFileSync(certain, "utf8")
      .replace(
        "scenarios:",
        `catalogue:
  experimentTracking:
    effects:
      meetings.hoursPerPersonPerMonth: { low: 0.5, high: 0.9 }
  modelRunTracking:
    setupHours: 10
    effects:
      meetings.hoursPerPersonPerMonth: { low: 0.6, high: 0.95 }
scenarios:`,
      )
      .concat("  tracked:\n    label: Tracked\n    capabilities: [experimentTracking, modelRunTracking]\n");
    const temp = makeTempFolder();
    try {
      const file = join(temp.path, "long-labels.yaml");
      writeFileSync(file, text);
      const { stdout, exitCode } = await runCliCaptured(["sensitivity", file, "--scenario", "tracked", "--method", "tornado"]);
      expect(exitCode).toBe(0);
      const chart = stdout.split("\n\n")[2]!.split("\n").slice(0, -1);
      const labels = chart.map((line) => line.slice(2, line.search(/ {2,}[│█ ]/) < 0 ? undefined : line.search(/ {2,}[│█ ]/)).trim());
      expect(labels.join(" ")).not.toContain("…");
      // Every line of a label is whole words of the table's label.
      const table = stdout.split("\n\n")[1]!;
      for (const label of labels) {
        expect(label.length).toBeLessThanOrEqual(48);
        expect(table).toContain(label);
      }
      expect(new Set(labels.filter((label) => /^[A-Z]/.test(label))).size).toBe(labels.filter((label) => /^[A-Z]/.test(label)).length);
    } finally {
      temp.remove();
    }
  });

  it("give close-call.yaml's inputs by the report tornado's labels, the path beneath each in the tables, the longest not cut at the front", async () => {
    const { stdout } = await runCliCaptured(["sensitivity", join(packageRoot, "examples", "close-call.yaml")]);
    // It read "…enarios.compromise.projects.upkeepHoursPerMonth" in the chart, and each row only a path.
    expect(stdout).not.toContain("…");
    expect(stdout).toMatch(
      /\n {2}Upkeep hours a month for each live project, +25 hours a month +35 hours a month +€3,636 +€8,733 +€5,097\n {2}today\n {4}defaults\.projects\.upkeepHoursPerMonth\n/,
    );
    expect(stdout).toContain("\n  Upkeep hours a month for each live project  ");
    expect(stdout).toContain("\n  (“What will be approved”)\n    scenarios.compromise.projects.upkeepHoursPerMonth\n");
    expect(stdout).toMatch(/\n {2}Upkeep hours a month for each live project, +█+\n {2}today +│\n/);
    // The NPVs' rate, as run's header gives it.
    expect(stdout.split("\n")[1]).toBe("12 months · EUR · NPV against Today · discount rate 8% a year");
  });
});

describe("sensitivity's input columns", () => {
  it("write each input's value in its unit, as the report's appendix does: a discount rate as 6.4% a year, not 0.064, money with its symbol", async () => {
    const temp = makeTempFolder();
    try {
      const file = join(temp.path, "chf.yaml");
      writeFileSync(file, readFileSync(certain, "utf8").replace("currency: EUR\n", "currency: CHF\n"));
      const { stdout, exitCode } = await runCliCaptured(["sensitivity", file]);
      expect(exitCode).toBe(0);
      const text = rowsByPath(stdout).replaceAll("\u00a0", " ");
      expect(text).toMatch(/\n {2}discountRate +6\.4% a year +9\.6% a year +CHF /);
      expect(text).toMatch(/\n {2}defaults\.team\.hourlyCost +CHF 48 an hour +CHF 72 an hour +CHF /);
      expect(text).toMatch(/\n {2}freedHoursCaptureShare +40% +60% +CHF /);
      expect(text).toMatch(/\n {2}defaults\.team\.people +0\.8 people +1\.2 people +CHF /);
      expect(text).toMatch(/\n {2}scenarios\.compromise\.tooling\.licences\.perUserPerMonth +CHF 120 a person a month +CHF 180 a person a month +CHF /);
      // The JSON keeps the bare numbers.
      const json = JSON.parse((await runCliCaptured(["sensitivity", file, "--json"])).stdout);
      expect(json.oneAtATime.swings.find((swing: { input: string }) => swing.input === "discountRate").lowValue).toBeCloseTo(0.064, 12);
    } finally {
      temp.remove();
    }
  });
});

describe("sensitivity's samples", () => {
  it("holds Sobol's floor of 128 base samples to Sobol alone: the tornado draws none (--method tornado --samples 64 was refused with Sobol's reason)", async () => {
    const tornado = await runCliCaptured(["sensitivity", uncertain, "--method", "tornado", "--samples", "64"]);
    expect(tornado.stderr).toBe("");
    expect(tornado.exitCode).toBe(0);
    const sobol = await runCliCaptured(["sensitivity", uncertain, "--method", "sobol", "--samples", "64"]);
    expect(sobol.stderr).toContain("Sobol's indices are given with their 95% intervals");
    expect(sobol.exitCode).toBe(2);
  });
});

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixturePath, makeTempFolder, readFixture } from "../../test-support/fixtures.js";
import { runCliCaptured, stackTraceLine } from "../../test-support/run-cli.js";
import { withEdit } from "../../test-support/scenario-text.js";
import { templatePath } from "../../shared/package-files.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

const seed = templatePath("seed");

async function runJson(file: string, ...extra: string[]): Promise<{ text: string; result: Record<string, unknown> }> {
  const { exitCode, stdout, stderr } = await runCliCaptured(["run", file, "--json", ...extra]);
  expect(stderr).toBe("");
  expect(exitCode).toBe(0);
  return { text: stdout, result: JSON.parse(stdout) as Record<string, unknown> };
}

describe("run, for people", () => {
  it("prints a summary and a month table", async () => {
    const { exitCode, stdout, stderr } = await runCliCaptured(["run", seed]);
    expect(exitCode).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain("One data scientist, three releases a year");
    expect(stdout).toContain("Net gain (NPV)");
    expect(stdout).toMatch(/Pays back/);
    expect(stdout).toMatch(/^\s+Month\s+Live/m);
    // Twelve month rows.
    expect(stdout.match(/^ {2}(\d+) +\d+ /gm)?.length).toBeGreaterThanOrEqual(12);
  });

  it("prints what a run with every month's band would print, though it keeps no month (examples/team.yaml)", async () => {
    const team = templatePath("team");
    const { exitCode, stdout } = await runCliCaptured(["run", team, "--samples", "1500", "--seed", "7"]);
    expect(exitCode).toBe(0);
    const { validateScenarioText, MonteCarlo, buildResult, withUncertainty } = await import("../../engine/index.js");
    const compiled = validateScenarioText(readFileSync(team, "utf8")).compiled!;
    const summary = new MonteCarlo(compiled, { samples: 1500, seed: 7 }).runAll().summarise();
    expect(Object.keys(summary.cumulativeNetBands).length).toBeGreaterThan(0);
    const { renderRunReport } = await import("../format/run-report.js");
    expect(stdout).toBe(renderRunReport(withUncertainty(buildResult(compiled), summary), { file: team }));
  });

  it("shows one scenario with --scenario", async () => {
    const { exitCode, stdout } = await runCliCaptured(["run", seed, "--scenario", "optimal"]);
    expect(exitCode).toBe(0);
    expect(stdout).toContain("(optimal)");
    expect(stdout).not.toContain("(compromise)");
  });

  it("offers the scenario meant for a misspelt --scenario, exit 2 (wrong usage)", async () => {
    const { exitCode, stdout, stderr } = await runCliCaptured(["run", seed, "--scenario", "optimla"]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--scenario optimla: no such scenario");
    expect(stderr).toContain('did you mean "optimal"?');
    expect(stderr).toContain("current, optimal, compromise");
    // With nothing to suggest, the list is a sentence of its own.
    const far = await runCliCaptured(["run", seed, "--scenario", "zzzzzz"]);
    expect(far.stderr).toContain(`--scenario zzzzzz: no such scenario in ${seed}. Allowed: current, optimal, compromise`);
  });
});

describe("run --json, the contract for scripts", () => {
  it("keeps the names scripts rely on (examples/seed.yaml)", async () => {
    const { result } = await runJson(seed);
    const scenarios = result.scenarios as Record<string, { months: Record<string, unknown>[]; summary: Record<string, unknown> }>;
    expect(Object.keys(scenarios)).toEqual(["current", "optimal", "compromise"]);
    for (const scenario of Object.values(scenarios)) {
      expect(scenario.months).toHaveLength(12);
      scenario.months.forEach((month, index) => {
        expect(month.month).toBe(index + 1);
        expect(typeof month.liveProjects).toBe("number");
        expect(typeof month.upkeepHours).toBe("number");
        expect(typeof month.freeHours).toBe("number");
        expect(typeof month.canStartNewWork).toBe("boolean");
      });
      expect(typeof scenario.summary.maxLiveProjectsPerPerson).toBe("number");
    }
    const comparisons = result.comparisons as Record<string, { npv: unknown; roi: unknown; paybackMonth: unknown; cumulativeNet: unknown[] }>;
    expect(Object.keys(comparisons)).toEqual(["optimal", "compromise"]);
    for (const comparison of Object.values(comparisons)) {
      expect(typeof comparison.npv).toBe("number");
      expect(typeof comparison.roi === "number" || comparison.roi === null).toBe(true);
      expect(comparison.paybackMonth === null || Number.isInteger(comparison.paybackMonth)).toBe(true);
      expect(comparison.cumulativeNet).toHaveLength(12);
      for (const value of comparison.cumulativeNet) expect(typeof value).toBe("number");
    }
  });

  it("carries the seed's sheet (examples/seed.yaml) in those names", async () => {
    const { result } = await runJson(seed);
    const scenarios = result.scenarios as Record<
      string,
      { months: { liveProjects: number; upkeepHours: number; freeHours: number; canStartNewWork: boolean }[]; summary: { maxLiveProjectsPerPerson: number } }
    >;
    const today = scenarios.current!;
    const better = scenarios.optimal!;
    expect(today.months.map((month) => month.liveProjects)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    expect(today.months.map((month) => month.upkeepHours)).toEqual([0, 0, 0, 30, 30, 30, 60, 60, 60, 90, 90, 90]);
    expect(today.months.map((month) => month.freeHours)).toEqual([120, 120, 120, 90, 90, 90, 60, 60, 60, 30, 30, 30]);
    expect(today.months.map((month) => month.canStartNewWork)).toEqual([true, true, true, true, true, true, false, false, false, false, false, false]);
    expect(better.months.map((month) => month.freeHours)).toEqual([120, 120, 120, 109, 109, 109, 98, 98, 98, 87, 87, 87]);
    expect(better.months.every((month) => month.canStartNewWork)).toBe(true);
    expect(today.summary.maxLiveProjectsPerPerson).toBe(4);
    expect(better.summary.maxLiveProjectsPerPerson).toBe(10);
  });

  it("keeps the baseline and the chosen alternative with --scenario", async () => {
    const { result } = await runJson(seed, "--scenario", "compromise");
    expect(Object.keys(result.scenarios as object)).toEqual(["current", "compromise"]);
    expect(Object.keys(result.comparisons as object)).toEqual(["compromise"]);
  });

  it("writes paybackMonth null for a case that never pays back, and never NaN or Infinity", async () => {
    // An alternative that only costs money, and one identical to the baseline (a ratio of 0 to 0).
    let text = withEdit(readFixture("valid-minimal.yaml"), "    projects:\n      upkeepHoursPerMonth: 11\n", "");
    text = `${text}  same: {}\n`;
    const file = join(temp.path, "never.yaml");
    writeFileSync(file, text);
    const { text: json, result } = await runJson(file);
    expect(json).not.toMatch(/NaN|Infinity/);
    const comparisons = result.comparisons as Record<string, { paybackMonth: unknown; npv: number; cumulativeNet: number[] }>;
    expect(comparisons.better!.paybackMonth).toBeNull();
    expect(comparisons.better!.npv).toBeLessThan(0);
    expect(comparisons.same!.cumulativeNet.every((value) => value === 0)).toBe(true);
  });

  it("has no NaN or Infinity for any shipped example", async () => {
    const { readdirSync } = await import("node:fs");
    const { packageRoot } = await import("../../shared/package-files.js");
    const examples = readdirSync(join(packageRoot, "examples")).filter((name) => name.endsWith(".yaml"));
    for (const name of examples) {
      const { text } = await runJson(join(packageRoot, "examples", name));
      expect(text, name).not.toMatch(/NaN|Infinity/);
    }
  });
});

describe("run -o", () => {
  it("writes the output to a file, and refuses to replace it without --force", async () => {
    const target = join(temp.path, "result.json");
    const first = await runCliCaptured(["run", seed, "--json", "-o", target]);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toBe("");
    expect(JSON.parse(readFileSync(target, "utf8"))).toHaveProperty("comparisons");

    writeFileSync(target, "mine");
    const refused = await runCliCaptured(["run", seed, "--json", "-o", target]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain("already exists; use --force");
    expect(readFileSync(target, "utf8")).toBe("mine");

    const forced = await runCliCaptured(["run", seed, "--json", "-o", target, "--force"]);
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(`${target}.bak`, "utf8")).toBe("mine");
    expect(JSON.parse(readFileSync(target, "utf8"))).toHaveProperty("scenarios");
  });

  it("writes nothing for a bad file", async () => {
    const target = join(temp.path, "result.json");
    const { exitCode, stdout, stderr } = await runCliCaptured(["run", fixturePath("three-mistakes.yaml"), "--json", "-o", target]);
    expect(exitCode).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("3 errors; nothing was run");
    expect(stderr).not.toMatch(stackTraceLine);
    expect(existsSync(target)).toBe(false);
  });

  it("leaves an existing output untouched when the scenario is bad, even with --force", async () => {
    const target = join(temp.path, "result.txt");
    writeFileSync(target, "last week's result");
    const { exitCode } = await runCliCaptured(["run", fixturePath("unclosed-bracket.yaml"), "-o", target, "--force"]);
    expect(exitCode).toBe(1);
    expect(readFileSync(target, "utf8")).toBe("last week's result");
    expect(existsSync(`${target}.bak`)).toBe(false);
  });
});

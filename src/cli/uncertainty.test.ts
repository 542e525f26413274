import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MonteCarlo, validateScenarioText, MAX_SCENARIOS, type CompiledCase } from "../engine/index.js";
import { runCli } from "./program.js";
import { captureOutput } from "../test-support/capture-output.js";
import { wideLongCaseText } from "../test-support/wide-case.js";
import { DEFAULT_SAMPLES, mostSamples, parseWholeNumber, runMonteCarlo } from "./uncertainty.js";

const example = new URL("../../examples/seed-uncertain.yaml", import.meta.url).pathname;

/** The enterprise template over 240 months with variants of its options up to 10 scenarios (the bench's widest case). */
function tenOptionsOver240Months(): { text: string; compiled: CompiledCase } {
  const text = wideLongCaseText();
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("\n"));
  return { text, compiled: validation.compiled };
}

describe("the Monte Carlo on the command line", () => {
  it("stops cleanly on Ctrl-C: exit 130, a message, nothing printed or written", async () => {
    const output = captureOutput();
    const listenersBefore = process.listenerCount("SIGINT");
    const running = runCli(["run", example, "--samples", "2000000", "--json"], output);
    // Ctrl-C arrives while the samples run (the loop yields between chunks to hear it): once the
    // command listens for it, however long reading the file took on a busy machine.
    const pressCtrlC = setInterval(() => {
      if (process.listenerCount("SIGINT") > listenersBefore) process.emit("SIGINT");
    }, 20);
    const exitCode = await running.finally(() => clearInterval(pressCtrlC));
    expect(exitCode).toBe(130);
    expect(output.stderrText()).toMatch(/stopped after [\d,]+ of 2,000,000 samples; nothing was written/);
    expect(output.stdoutText()).toBe("");
  });

  it("draws a progress bar only on a terminal", async () => {
    const quiet = captureOutput();
    expect(await runCli(["run", example, "--samples", "20000", "--json"], quiet)).toBe(0);
    expect(quiet.stderrText()).not.toMatch(/Monte Carlo \[/);
  });

  it("gives byte-identical JSON for the same seed, and refuses a seed that is not a whole number", async () => {
    const first = captureOutput();
    const second = captureOutput();
    await runCli(["run", example, "--samples", "3000", "--seed", "9", "--json"], first);
    await runCli(["run", example, "--samples", "3000", "--seed", "9", "--json"], second);
    expect(second.stdoutText()).toBe(first.stdoutText());
    expect(JSON.parse(first.stdoutText()).comparisons.optimal.distribution.npv.p50).toEqual(expect.any(Number));
    const bad = captureOutput();
    expect(await runCli(["run", example, "--seed", "1.5"], bad)).toBe(2);
    expect(bad.stderrText()).toMatch(/--seed is "1.5"; allowed: a whole number ≥ 0/);
  });

  it.each([
    // voi said "allowed: a whole number ≥ 0" of -5, then refused 0 with "allowed: 100 to …".
    ["voi", [], /^error: --samples is "-5"; allowed: 100 to [\d,]+\n$/],
    ["report", ["-o", "never-written.html"], /^error: --samples is "-5"; allowed: 0 \(single estimates, no chances\) or 100 to [\d,]+\n$/],
    ["run", [], /^error: --samples is "-5"; allowed: 0 \(single estimates, no chances\) or 100 to [\d,]+; with --json, for a program, 1 to 99 as well\n$/],
    ["run", ["--json"], /^error: --samples is "-5"; allowed: a whole number from 0 to [\d,]+\n$/],
  ])("%s: a --samples that is no whole number is told what this command takes (exit 2)", async (command, rest, message) => {
    const output = captureOutput();
    expect(await runCli([command, example, "--samples", "-5", ...rest], output)).toBe(2);
    expect(output.stderrText()).toMatch(message);
  });

  it("refuses more samples than fit in memory, naming the memory, the case's size, the most this case allows and what to lower (exit 2)", async () => {
    const output = captureOutput();
    expect(await runCli(["run", example, "--samples", "1000000000", "--json"], output)).toBe(2);
    expect(output.stderrText()).toMatch(
      /^error: --samples is 1,000,000,000, which would take about 154 GB for this case \(3 scenarios over 12 months, 4 inputs as ranges\): 154 bytes a sample plus 4 MB for the monthly bands and counts; allowed: at most 12,966,692 \(2 GB\) — lower --samples, or run fewer options, months or ranges\n$/,
    );
    expect(output.stdoutText()).toBe("");
    // run's tables keep no month-by-month band: no bins or counts are said, and a few more samples fit.
    const tables = captureOutput();
    expect(await runCli(["run", example, "--samples", "1000000000"], tables)).toBe(2);
    expect(tables.stderrText()).toContain("154 bytes a sample plus 1 MB for the draws at hand; allowed: at most 12,986,743 (2 GB)");
  });

  it("runs a million samples of 10 options over 240 months, and refuses 10 million up front with what it would take", async () => {
    const wide = tenOptionsOver240Months();
    // Not run here (minutes): the bands are bucketed, so a million samples need a few hundred MB.
    const most = mostSamples(wide.compiled);
    expect(most).toBeGreaterThan(1_000_000);
    expect(MonteCarlo.memory(wide.compiled, 1_000_000).bytes).toBeLessThan(1e9);
    const folder = mkdtempSync(join(tmpdir(), "mlops-roi-samples-"));
    try {
      const file = join(folder, "wide.yaml");
      writeFileSync(file, wide.text);
      const output = captureOutput();
      expect(await runCli(["run", file, "--samples", "10000000", "--json"], output)).toBe(2);
      expect(output.stderrText()).toBe(
        `error: --samples is 10,000,000, which would take about 3.4 GB for this case (10 scenarios over 240 months, 4 inputs as ranges): 322 bytes a sample plus 214 MB for the monthly bands and counts; allowed: at most ${most.toLocaleString("en-US")} (2 GB) — lower --samples, or run fewer options, months or ranges\n`,
      );
      expect(output.stdoutText()).toBe("");
      // Latin hypercube draws every input whole (8 bytes a draw more): fewer samples fit.
      expect(mostSamples(wide.compiled, { latinHypercube: true })).toBeLessThan(most);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("runs the default samples of the largest case allowed: 50 scenarios over 240 months, every input a range", () => {
    const scenarios = Array.from(
      { length: MAX_SCENARIOS },
      (_, index) => `  s${index}: { projects: { upkeepHoursPerMonth: { low: 5, high: ${10 + index} } } }\n`,
    ).join("");
    const text = `title: large\ncurrency: EUR\nhorizonMonths: 240\ndiscountRate: 0.05\nbaseline: s0\ndefaults:\n  team: { people: 3, hoursPerMonth: 120, hourlyCost: 60 }\n  projects: { alreadyLive: 2, valuePerMonth: 1000 }\n  releases: { mode: schedule }\nscenarios:\n${scenarios}`;
    const validation = validateScenarioText(text);
    expect(validation.issues).toEqual([]);
    expect(mostSamples(validation.compiled!)).toBeGreaterThanOrEqual(DEFAULT_SAMPLES);
  });
});

describe("the collection after a command's Monte Carlo", () => {
  it("frees the run and its month columns before the report or workbook is made (it collected while they were still reachable, and freed nothing)", async () => {
    const validation = validateScenarioText(readFileSync(example, "utf8"));
    if (!validation.compiled) throw new Error("seed-uncertain.yaml does not validate");
    // The run, seen without holding it: a weak reference taken at its first step. The loop yields
    // between steps, so the reference no longer keeps the run alive by the time the command collects.
    let run: WeakRef<MonteCarlo> | undefined;
    const step = MonteCarlo.prototype.step;
    MonteCarlo.prototype.step = function (this: MonteCarlo, count: number) {
      run ??= new WeakRef(this);
      return step.call(this, count);
    };
    try {
      const summary = await runMonteCarlo(validation.compiled, { samples: "6000" }, captureOutput(), { decision: false, monthlyBands: "cumulative-net" });
      expect(summary?.samples).toBe(6000);
    } finally {
      MonteCarlo.prototype.step = step;
    }
    // No collection of the test's own: the one runMonteCarlo ran must have freed the run.
    expect(run).toBeDefined();
    expect(run!.deref()).toBeUndefined();
  });
});

describe("parseWholeNumber of a whole number too large to hold", () => {
  it("says the largest it takes (it said 'allowed: a whole number ≥ 0' of 99999999999999999999, which is one)", () => {
    expect(() => parseWholeNumber("--seed", "99999999999999999999", 0)).toThrow(
      '--seed is "99999999999999999999"; allowed: a whole number from 0 to 9,007,199,254,740,991',
    );
    expect(() => parseWholeNumber("--seed", "-1", 0)).toThrow('--seed is "-1"; allowed: a whole number ≥ 0');
    expect(parseWholeNumber("--seed", "9007199254740991", 0)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

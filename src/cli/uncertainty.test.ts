import { describe, expect, it } from "vitest";
import { validateScenarioText, MAX_SCENARIOS } from "../engine/index.js";
import { runCli } from "./program.js";
import { captureOutput } from "../test-support/capture-output.js";
import { DEFAULT_SAMPLES, mostSamples } from "./uncertainty.js";

const example = new URL("../../examples/seed-uncertain.yaml", import.meta.url).pathname;

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

  it("refuses more samples than fit in memory, naming the most this case allows (exit 2)", async () => {
    const output = captureOutput();
    expect(await runCli(["run", example, "--samples", "1000000000"], output)).toBe(2);
    expect(output.stderrText()).toMatch(
      /^error: --samples is 1,000,000,000, which would take up to [\d,.]+ GB for this case \(3 scenarios over 12 months\); allowed: at most [\d,]+\n$/,
    );
    expect(output.stdoutText()).toBe("");
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

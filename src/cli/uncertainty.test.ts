import { describe, expect, it } from "vitest";
import { runCli } from "./program.js";
import { captureOutput } from "../test-support/capture-output.js";

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
});

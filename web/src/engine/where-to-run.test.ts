import { describe, expect, it } from "vitest";
import { SLOW_MS, WORKER_THRESHOLD_SCENARIO_MONTHS, WhereToRun } from "./where-to-run.js";

const typical = 4 * 36;

describe("where the page evaluates a case", () => {
  it("keeps a typical case on the page's thread, and a case above the threshold in the worker", () => {
    const where = new WhereToRun();
    expect(where.runsHere(typical)).toBe(true);
    expect(where.runsHere(WORKER_THRESHOLD_SCENARIO_MONTHS)).toBe(true);
    expect(where.runsHere(WORKER_THRESHOLD_SCENARIO_MONTHS + 1)).toBe(false);
  });

  it("does not send a case to the worker for one slow run among quick ones (a garbage collection)", () => {
    const where = new WhereToRun();
    for (const ms of [12, 15, 11, SLOW_MS * 3, 14]) where.noteHere(ms);
    expect(where.runsHere(typical)).toBe(true);
  });

  it("sends it once most recent runs here are slow, and back after a quick run in the worker", () => {
    const where = new WhereToRun();
    for (const ms of [12, SLOW_MS + 15, SLOW_MS + 20, SLOW_MS + 5]) where.noteHere(ms);
    expect(where.runsHere(typical)).toBe(false);
    where.noteWorker(SLOW_MS + 5, typical);
    expect(where.runsHere(typical)).toBe(false);
    where.noteWorker(SLOW_MS - 5, typical);
    expect(where.runsHere(typical)).toBe(true);
    // Judged afresh on its return: the slow runs from before do not count.
    where.noteHere(14);
    expect(where.runsHere(typical)).toBe(true);
  });

  it("sends a case whose first run here was slow (a cold start) to the worker", () => {
    const where = new WhereToRun();
    where.noteHere(SLOW_MS * 3);
    expect(where.runsHere(typical)).toBe(false);
  });
});

/** Scenario-months above which a case is evaluated in the worker rather than on the page's thread. */
export const WORKER_THRESHOLD_SCENARIO_MONTHS = 2_400;
/**
 * A case whose recent evaluations on the page's thread took longer than this (their median) goes to
 * the worker: below a long task (50 ms), so typing and scrolling stay smooth. A median, not the last
 * run: one run slowed by garbage collection does not send the next edits the longer way round
 * (through the worker, a 10-option, 240-month case's figures took about 100 ms to reach the screen,
 * against 30 to 50 ms on the page's thread, where its evaluation takes 15 to 30 ms).
 */
export const SLOW_MS = 40;
/** How many of the latest evaluations on the page's thread that median is of. */
export const RECENT_RUNS = 5;

/**
 * Where the page evaluates a case: on its own thread while that is quick, in the worker when the
 * case is large or its recent evaluations here were slow; a quick run in the worker brings the
 * next edit back here, judged afresh.
 * @example const where = new WhereToRun(); where.noteHere(12); where.runsHere(144) // true
 */
export class WhereToRun {
  private slow = false;
  /** Milliseconds of the latest evaluations on the page's thread, oldest first. */
  private readonly recent: number[] = [];

  /** Whether a case of this many scenario-months is evaluated on the page's thread. */
  runsHere(scenarioMonths: number): boolean {
    return !this.slow && scenarioMonths <= WORKER_THRESHOLD_SCENARIO_MONTHS;
  }

  /** An evaluation on the page's thread took this long. */
  noteHere(engineMs: number): void {
    this.recent.push(engineMs);
    if (this.recent.length > RECENT_RUNS) this.recent.shift();
    const sorted = [...this.recent].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    this.slow = median > SLOW_MS;
  }

  /** An evaluation in the worker took this long, for a case of this many scenario-months. */
  noteWorker(engineMs: number, scenarioMonths: number): void {
    this.slow = engineMs > SLOW_MS || scenarioMonths > WORKER_THRESHOLD_SCENARIO_MONTHS;
    if (!this.slow) this.recent.length = 0;
  }
}

import { STANDARD_SAMPLES, STANDARD_SEED, type CaseResult } from "../../../src/engine/index.js";
import { isRecord } from "../case/data-path.js";
import type { Evaluation } from "../case/evaluate.js";
import type { RangedResult, RangedSummary, WorkerReply, WorkerRequest } from "./messages.js";
import { quickEvaluate } from "./quick-evaluate.js";
import { withRanges } from "./ranges.js";
import { WhereToRun } from "./where-to-run.js";

/** Draws of the page's Monte Carlo once refined: the same as the report and the workbook it exports, so the figures agree. */
export const LIVE_SAMPLES = STANDARD_SAMPLES;
export const LIVE_SEED = STANDARD_SEED;
/** The first, quick answer shown while the full run goes on (marked as being refined). */
export const PREVIEW_SAMPLES = 2_000;

function scenarioMonths(data: unknown): number {
  if (!isRecord(data)) return 0;
  const scenarios = isRecord(data.scenarios) ? Object.keys(data.scenarios).length : 0;
  const months = typeof data.horizonMonths === "number" ? data.horizonMonths : 0;
  return scenarios * months;
}

type Waiter = {
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
  progress?: (done: number, samples: number) => void;
  preview?: (ranged: RangedSummary) => void;
};

/** Which worker a request goes to: the ranges' long runs never hold up a large case's figures. */
type WorkerRole = "evaluate" | "ranges";

/**
 * Runs the engine for the page. A typical case runs right here (a few milliseconds), so the
 * figures follow every keystroke; a large case and the Monte Carlo of ranges go to Web Workers
 * (one each, so the figures of an edit never wait behind a Monte Carlo), and only the latest
 * answer is kept, so the page never freezes.
 */
export class CaseEvaluator {
  private readonly workers = new Map<WorkerRole, Worker>();
  private nextId = 0;
  private latestEvaluation = -1;
  private latestRanges = -1;
  private readonly waiting = new Map<number, Waiter>();
  private readonly where = new WhereToRun();

  /** Whether `data` is evaluated on the page's thread (`evaluateHere`) rather than in the worker. */
  runsHere(data: unknown): boolean {
    return this.where.runsHere(scenarioMonths(data));
  }

  /** Evaluates on the page's thread, at once; a case that took long sends the next edits to the worker. */
  evaluateHere(data: unknown): Evaluation {
    this.latestEvaluation = this.nextId++;
    const evaluation = quickEvaluate(data);
    this.where.noteHere(evaluation.engineMs);
    return evaluation;
  }

  /** Resolves with the evaluation, or with undefined when a newer request overtook this one. */
  async evaluate(data: unknown): Promise<Evaluation | undefined> {
    const id = this.nextId++;
    this.latestEvaluation = id;
    if (this.runsHere(data)) return this.evaluateHere(data);
    const reply = await this.send("evaluate", { kind: "evaluate", id, data });
    if (id !== this.latestEvaluation || reply.kind !== "evaluated") return undefined;
    // A worker run that turned out quick sends the next edit back to the page's thread.
    this.where.noteWorker(reply.evaluation.engineMs, scenarioMonths(data));
    return reply.evaluation;
  }

  /**
   * Runs the engine a few times while the page is idle, so the browser has compiled it to fast code
   * before the first keystroke (the first runs are several times slower than the later ones).
   */
  warmUp(data: unknown, runs = 12): void {
    let left = runs;
    if (!this.runsHere(data)) {
      // A large case is evaluated in the worker: warm that one up, a run at a time, answers unread
      // (an id nobody waits for), until the first edit.
      const before = this.latestEvaluation;
      const inWorker = () => {
        if (left-- <= 0 || this.latestEvaluation !== before) return;
        this.startWorker("evaluate").postMessage({ kind: "evaluate", id: this.nextId++, data } satisfies WorkerRequest);
        setTimeout(inWorker, 250);
      };
      setTimeout(inWorker, 400);
      return;
    }
    const step = () => {
      if (left-- <= 0) return;
      this.where.noteHere(quickEvaluate(data).engineMs);
      setTimeout(step, 20);
    };
    setTimeout(step, 200);
  }

  /**
   * The Monte Carlo of the case's ranges, in the worker, added to `point`, the point result of the
   * same data (the worker sends only what the point result lacks). Resolves with undefined when the
   * case has no range, or when a newer request replaced this one (the worker stops the old run).
   */
  async ranges(
    data: unknown,
    point: CaseResult,
    onProgress?: (done: number, samples: number) => void,
    onPreview?: (ranged: RangedResult) => void,
  ): Promise<RangedResult | undefined> {
    const id = this.nextId++;
    const previous = this.waiting.get(this.latestRanges);
    if (previous) {
      this.waiting.delete(this.latestRanges);
      previous.resolve({ kind: "ranges", id: this.latestRanges, ranged: undefined });
    }
    this.latestRanges = id;
    const reply = await this.send(
      "ranges",
      { kind: "ranges", id, data, samples: LIVE_SAMPLES, seed: LIVE_SEED, previewSamples: onPreview ? PREVIEW_SAMPLES : 0 },
      onProgress,
      onPreview && ((ranged) => onPreview(withRanges(point, ranged))),
    );
    return reply.kind === "ranges" && id === this.latestRanges && reply.ranged ? withRanges(point, reply.ranged) : undefined;
  }

  /** Stops the ranges under way (their case has changed); their promise resolves with undefined. */
  stopRanges(): void {
    const id = this.latestRanges;
    const waiter = this.waiting.get(id);
    if (!waiter) return;
    this.waiting.delete(id);
    waiter.resolve({ kind: "ranges", id, ranged: undefined });
    this.workers.get("ranges")?.postMessage({ kind: "stop", id } satisfies WorkerRequest);
  }

  private send(
    role: WorkerRole,
    request: WorkerRequest,
    progress?: (done: number, samples: number) => void,
    preview?: (ranged: RangedSummary) => void,
  ): Promise<WorkerReply> {
    const worker = this.startWorker(role);
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject, ...(progress ? { progress } : {}), ...(preview ? { preview } : {}) });
      worker.postMessage(request);
    });
  }

  private startWorker(role: WorkerRole): Worker {
    const running = this.workers.get(role);
    if (running) return running;
    const worker = new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module", name: "mlops-roi engine" });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      if (message.kind === "progress") {
        waiter.progress?.(message.done, message.samples);
        return;
      }
      if (message.kind === "preview") {
        if (message.id === this.latestRanges) waiter.preview?.(message.ranged);
        return;
      }
      this.waiting.delete(message.id);
      if (message.kind === "failed") waiter.reject(new Error(message.failure));
      else waiter.resolve(message);
    };
    worker.onerror = (event: ErrorEvent) => {
      // A worker that fails to load or crashes fails every request it holds; the next one starts afresh.
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`the engine worker failed: ${event.message}`));
      this.waiting.clear();
      worker.terminate();
      this.workers.delete(role);
    };
    this.workers.set(role, worker);
    return worker;
  }

  dispose(): void {
    for (const worker of this.workers.values()) worker.terminate();
    this.workers.clear();
    this.waiting.clear();
  }
}

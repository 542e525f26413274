import type { CaseResult, MonteCarloSummary, TornadoBar } from "../../../src/engine/index.js";
import type { Evaluation } from "../case/evaluate.js";

/** Messages between the page and the engine worker. */
export type WorkerRequest =
  | { readonly kind: "evaluate"; readonly id: number; readonly data: unknown }
  | {
      readonly kind: "ranges";
      readonly id: number;
      readonly data: unknown;
      readonly samples: number;
      readonly seed: number;
      /** A first, smaller run answered as a preview while the full one goes on; none when 0. */
      readonly previewSamples: number;
    }
  /** Stops the ranges under way: the case they were for has changed. */
  | { readonly kind: "stop"; readonly id: number };

/** The tornado of one alternative: what each input's range moves its NPV by. */
export interface RangedTornado {
  readonly alternative: string;
  readonly bars: readonly TornadoBar[];
}

/** The Monte Carlo's answer on the page: the result with its ranges, and the tornado of one alternative. */
export interface RangedResult {
  readonly result: CaseResult;
  readonly tornado: RangedTornado | undefined;
}

/**
 * The Monte Carlo's answer as the worker sends it: the ranges' summary, which the page adds to its
 * own point result of the same case (`withRanges` in ranges.ts), and the tornado.
 */
export interface RangedSummary {
  readonly summary: MonteCarloSummary;
  readonly tornado: RangedTornado | undefined;
}

export type WorkerReply =
  | { readonly kind: "evaluated"; readonly id: number; readonly evaluation: Evaluation }
  | { readonly kind: "ranges"; readonly id: number; readonly ranged: RangedSummary | undefined }
  | { readonly kind: "preview"; readonly id: number; readonly ranged: RangedSummary }
  | { readonly kind: "progress"; readonly id: number; readonly done: number; readonly samples: number }
  | { readonly kind: "failed"; readonly id: number; readonly failure: string };

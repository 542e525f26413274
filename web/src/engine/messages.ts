import type { CaseResult, TornadoBar } from "../../../src/engine/index.js";
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

/** The Monte Carlo's answer: the result with its ranges, and the tornado of one alternative. */
export interface RangedResult {
  readonly result: CaseResult;
  readonly tornado: { readonly alternative: string; readonly bars: readonly TornadoBar[] } | undefined;
}

export type WorkerReply =
  | { readonly kind: "evaluated"; readonly id: number; readonly evaluation: Evaluation }
  | { readonly kind: "ranges"; readonly id: number; readonly ranged: RangedResult | undefined }
  | { readonly kind: "preview"; readonly id: number; readonly ranged: RangedResult }
  | { readonly kind: "progress"; readonly id: number; readonly done: number; readonly samples: number }
  | { readonly kind: "failed"; readonly id: number; readonly failure: string };

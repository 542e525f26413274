import { LIVE_SAMPLES } from "../engine/case-evaluator.js";
import type { CaseResult } from "../../../src/engine/index.js";
import { useKeptHeight } from "./kept-height.js";
import { AT_THE_MIDDLE, NINE_IN_TEN_OUTCOMES } from "../../../src/format/words.js";

/**
 * What the cards' figures and the ranges beside them are: the figures are those of the case with every
 * range at its middle (a figure with no range beside it too); a range beside one is where 9 outcomes out
 * of 10 fall, as page 1 of the report says it (docs/numbers.md, "Ranges").
 */
export const RANGES_BESIDE_WORDS = `The cards' figures are those with ${AT_THE_MIDDLE}; a range beside one is where ${NINE_IN_TEN_OUTCOMES} fall.`;

/**
 * Says where the ranges come from, or that they are being worked out: from the keystroke on
 * (`coming`), before the worker has started, so the note does not vanish and come back.
 */
export function RangesNote({ result, progress, refining, coming }: { result: CaseResult; progress: number | undefined; refining?: boolean; coming?: boolean }) {
  const busy = refining === true || progress !== undefined || coming === true;
  const kept = useKeptHeight<HTMLParagraphElement>(busy);
  if (refining && result.uncertainty) {
    return (
      <p className="ranges-note" role="status" data-state="refining" ref={kept.ref} style={kept.style}>
        Ranges from the first {result.uncertainty.samples.toLocaleString("en-GB")} outcomes; refining them with {LIVE_SAMPLES.toLocaleString("en-GB")}, as the
        report and the workbook use… {Math.round((progress ?? 0) * 100)}%
      </p>
    );
  }
  if (progress !== undefined || coming) {
    return (
      <p className="ranges-note" role="status" ref={kept.ref} style={kept.style}>
        Working out the ranges… {Math.round((progress ?? 0) * 100)}%
      </p>
    );
  }
  if (!result.uncertainty) return null;
  const count = result.uncertainty.inputs.length;
  return (
    <p className="ranges-note" ref={kept.ref}>
      Ranges from {result.uncertainty.samples.toLocaleString("en-GB")} outcomes of the {count} {count === 1 ? "input" : "inputs"} given as a range (seed{" "}
      {result.uncertainty.seed}). {RANGES_BESIDE_WORDS}
    </p>
  );
}

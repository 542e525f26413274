import { recommend, type CaseResult } from "../../../src/engine/index.js";
import { judgementSentences } from "../../../src/format/judgement.js";
import { returnOnCostName } from "../../../src/format/words.js";
import { useKeptHeight } from "./kept-height.js";

/**
 * What a sceptical reader should weigh before trusting the figures above: a close call between the
 * two best options, and a result so large that its assumptions deserve a second look (the engine's
 * `judgement`, in the words of `run` and the report). While the ranges of an edit are worked out
 * (`busy`) it keeps its height, even when the edit ends the close call, so the page below stays put.
 */
export function JudgementNote({ result, busy }: { result: CaseResult; busy: boolean }) {
  // The chart "What moves the result most" is of the recommended option; another's drivers are its own inputs.
  const charted = recommend(result)?.best.alternative;
  const sentences = judgementSentences(result, {
    whereToLook: (alternative) => (alternative === charted ? "under “What moves the result most”." : "by moving its own inputs one at a time."),
    // Named as the cards above name the figure ("Return on cost 1,083%"), not the command line's "ROI".
    roiName: returnOnCostName(),
  });
  const kept = useKeptHeight<HTMLDivElement>(busy);
  return (
    <div className="judgement-note" role="note" aria-label="Before relying on these figures" ref={kept.ref} style={kept.style}>
      {sentences.length > 0 && (
        <div className="judgement-box">
          {sentences.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
      )}
    </div>
  );
}

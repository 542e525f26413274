import { memo } from "react";
import type { CaseResult } from "../../../src/engine/index.js";
import { recommendationText } from "../../../src/report/page-one-words.js";
import type { UncertaintyView } from "../../../src/report/uncertainty-view.js";
import { useKeptHeight } from "./kept-height.js";

/**
 * Page 1's recommendation above the cards, in the report's words (`recommendationText`): its verdict
 * ("Go ahead with “A managed platform”.") and the reason after it, from the engine's `recommend` and
 * `judgement` (amounts to the unit, as the cards write them), so the page never names "the recommended" option without saying which it is. While the
 * ranges of an edit are worked out (`busy`) it keeps its height, as the cards below do.
 */
function RecommendationView({ result, uncertainty, busy }: { result: CaseResult; uncertainty?: UncertaintyView | undefined; busy: boolean }) {
  // Its amounts to the unit, as the cards below write them.
  const words = recommendationText(result, uncertainty, true);
  const kept = useKeptHeight<HTMLElement>(busy);
  if (!words) return null;
  return (
    <section className="recommendation" aria-labelledby="recommendation-heading" ref={kept.ref} style={kept.style}>
      <h2 id="recommendation-heading">Our recommendation</h2>
      <p className="verdict" data-recommendation="verdict">
        {words.verdict}
      </p>
      <p data-recommendation="reason">{words.reason}</p>
    </section>
  );
}

export const Recommendation = memo(RecommendationView);

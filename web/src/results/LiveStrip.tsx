import type { CaseResult } from "../../../src/engine/index.js";
import { formatMoney, formatMonth } from "../format.js";
import { Amount } from "./Amount.js";

/**
 * On a narrow screen the headline figures are far from the field being typed in; this strip keeps
 * them in view at the bottom of the screen. Hidden on wide screens, where the cards stay beside the editor.
 */
export function LiveStrip({ result, stale }: { result: CaseResult | undefined; stale: boolean }) {
  if (!result) return null;
  const comparisons = Object.values(result.comparisons);
  if (comparisons.length === 0) return null;
  return (
    <aside className={`live-strip${stale ? " stale" : ""}`} aria-label="Headline figures">
      <a href="#results" className="live-strip-link">
        {comparisons.map((comparison) => (
          <span key={comparison.alternative} className="live-strip-item">
            <span className="live-strip-label">{comparison.label}</span> <Amount>{formatMoney(comparison.npv, result.currency)}</Amount> · pays back{" "}
            {comparison.paybackMonth === null ? "later" : formatMonth(comparison.paybackMonth)}
          </span>
        ))}
      </a>
    </aside>
  );
}

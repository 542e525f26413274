import { useCallback, useEffect, useState } from "react";
import type { CaseResult } from "../../../src/engine/index.js";
import { formatGain, formatMonth, plural, staleFiguresWords } from "../format.js";
import { AT_THE_MIDDLE, hasRanges, netGainName, NOTHING_TO_PAY_BACK } from "../../../src/format/words.js";
import { Amount } from "./Amount.js";

/** The CSS variable holding the strip's height: the page keeps that much room below its last line. */
const HEIGHT_VARIABLE = "--live-strip-height";

/**
 * Keeps the strip's height in a CSS variable on the page's root, so the page can always be scrolled
 * until its last line is above the strip (0 on wide screens, where the strip is not shown).
 */
function useHeightOnRoot(): (element: HTMLElement | null) => void {
  const [strip, setStrip] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!strip) return;
    const root = document.documentElement;
    // Read after the browser's own layout (a ResizeObserver's callback), never forced.
    const observer = new ResizeObserver(() => root.style.setProperty(HEIGHT_VARIABLE, `${strip.offsetHeight}px`));
    observer.observe(strip);
    return () => {
      observer.disconnect();
      root.style.removeProperty(HEIGHT_VARIABLE);
    };
  }, [strip]);
  return useCallback((element: HTMLElement | null) => setStrip(element), []);
}

/**
 * On a narrow screen the headline figures are far from the field being typed in; this strip keeps
 * them in view at the bottom of the screen, at most a third of the screen high (it scrolls beyond,
 * with many options). Hidden on wide screens, where the cards stay beside the editor.
 */
export function LiveStrip({ result, stale }: { result: CaseResult | undefined; stale: boolean }) {
  const heightOnRoot = useHeightOnRoot();
  if (!result) return null;
  const comparisons = Object.values(result.comparisons);
  if (comparisons.length === 0) return null;
  return (
    <aside ref={heightOnRoot} className={`live-strip${stale ? " stale" : ""}`} aria-label="Headline figures">
      <a href="#results" className="live-strip-link">
        {/* Greyed alone, the last case's figures read as the edit's: said in words, as the cards' note says it. */}
        {stale && <span className="live-strip-stale">{staleFiguresWords(":")}</span>}
        {comparisons.map((comparison) => (
          <span key={comparison.alternative} className="live-strip-item">
            <span className="live-strip-label">{comparison.label}</span> <span className="live-strip-name">{netGainName()}</span>{" "}
            <Amount>{formatGain(comparison.npv, result.currency)}</Amount> ·{" "}
            {comparison.changesNothing
              ? // No cost and no gain: nothing to pay back, as the cards say it, not "pays back from the start".
                `${NOTHING_TO_PAY_BACK}${hasRanges(result) ? ` with ${AT_THE_MIDDLE}` : ""}`
              : comparison.paybackMonth === null
                ? // Where the case has ranges, that is so with every range at its middle only, as the cards say.
                  `does not pay back within ${plural(result.horizonMonths, "month")}${hasRanges(result) ? ` with ${AT_THE_MIDDLE}` : ""}`
                : // A payback month with ranges is that of every range at its middle too, as the cards say.
                  `pays back ${formatMonth(comparison.paybackMonth)}${hasRanges(result) ? ` with ${AT_THE_MIDDLE}` : ""}`}
          </span>
        ))}
      </a>
    </aside>
  );
}

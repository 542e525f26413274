import { memo } from "react";
import { optionChangesNothing, type CaseResult, type ComparisonResult } from "../../../src/engine/index.js";
import { scenarioColour } from "../../../src/charts/scenario-colours.js";
import type { AlternativeDistribution } from "../../../src/engine/index.js";
import { formatChance, formatGain, formatHours, formatMoney, formatPercent, formatShare } from "../format.js";
import { lastYearWords } from "../../../src/format/last-year.js";
import { askedFor as askedForRule, cashPaidWords, netGainConventionWords } from "../../../src/format/asked-for.js";
import {
  AT_THE_MIDDLE,
  changesNothingWords,
  hasRanges,
  netGainName,
  paybackAndGainChancesDiffer,
  paybackChanceWords,
  paybackFigure,
  paybackMeaningAtTheMiddle,
  paybackRangeWords,
  returnOnCostName,
} from "../../../src/format/words.js";
import { Amount } from "./Amount.js";
import { useKeptHeight } from "./kept-height.js";

/** A gain of the card (a range's end too): "less than €1" above zero under one unit, never "€0" (`formatGain`). */
function money(value: number | null, currency: string): string {
  return value === null ? "n/a" : formatGain(value, currency);
}

/**
 * What an option asks for, beside its cash up front, in the card's words: the team's hours on the
 * change, or, against a baseline that makes a bigger change of its own (in the file's defaults), what
 * it saves ("€0 up front, €5,000 less up front than today; 200 team hours less than today's own change"), not a
 * negative amount asked for. What is said, and each figure, is page 1's rule (`askedFor` in
 * src/format/asked-for.ts), with the card's figures. The JSON's `investment` keeps the signed figures.
 * @example askedFor({ cash: -5000, teamHours: -200, ... }, "EUR") // { upFront: "€0", more: ", €5,000 less up front than today; 200 team hours less than today's own change" }
 */
export function askedFor(investment: ComparisonResult["investment"], currency: string): { upFront: string; more: string } {
  const asked = askedForRule(investment, { money: (value) => formatMoney(value, currency), hours: formatHours });
  const cashSaved = asked.cashSaved ? `, ${asked.cashSaved} less ${asked.cashSavedWhen ?? "up front"} than today` : "";
  const hours = asked.teamHours
    ? ` + ${asked.teamHours} team hours on the change`
    : asked.teamHoursSaved
      ? `${cashSaved ? ";" : ","} ${asked.teamHoursSaved} team hours less than today's own change`
      : "";
  return { upFront: asked.upFront, more: `${cashSaved}${hours}` };
}

/**
 * The figures a decision-maker reads first, one card per alternative: what it is worth, when it
 * pays back, what it asks for (cash up front, the team's hours on the change as they fall). Ranges
 * appear when the inputs are ranges.
 */
function HeadlineView({
  result,
  distributions,
  rangesComing = false,
}: {
  result: CaseResult;
  distributions?: Record<string, AlternativeDistribution>;
  /** The ranges of these figures are being worked out: each card says so where they will be. */
  rangesComing?: boolean;
}) {
  const baseline = result.scenarios[result.baseline];
  const comparisons = Object.values(result.comparisons);
  const lastYear = lastYearWords(result);
  const kept = useKeptHeight<HTMLElement>(rangesComing);
  const ranged = hasRanges(result);
  return (
    <section className="headline" aria-labelledby="headline-heading" ref={kept.ref} style={kept.style}>
      <h2 id="headline-heading">Against {baseline?.label ?? result.baseline}</h2>
      {comparisons.length === 0 && <p className="empty-note">Add a scenario to compare it with the baseline.</p>}
      <div className="cards">
        {comparisons.map((comparison) => {
          const range = distributions?.[comparison.alternative];
          // A range that no input moves (every draw the same) is no range.
          const spread = range && range.npv.p5 !== null && range.npv.p95 !== null && Math.round(range.npv.p95 - range.npv.p5) !== 0;
          const upFront = comparison.investment;
          // No cost and no gain in any month (nor in any outcome sampled so far): nothing to pay back, said
          // instead of a payback, its range and its chance, as page 1 says it (docs/numbers.md).
          const unchanged = optionChangesNothing(comparison, range);
          return (
            <article
              className="card"
              key={comparison.alternative}
              style={{ borderTopColor: scenarioColour(result, comparison.alternative) }}
              aria-labelledby={`card-${comparison.alternative}`}
            >
              <h3 id={`card-${comparison.alternative}`}>{comparison.label}</h3>
              <dl>
                <div className="figure figure-main">
                  <dt>{netGainName(true)}</dt>
                  <dd data-figure="npv" className={comparison.npv < 0 ? "negative" : undefined}>
                    {formatGain(comparison.npv, result.currency)}
                    {spread && range && (
                      <span className="figure-range">
                        {" "}
                        90% between <Amount>{money(range.npv.p5, result.currency)}</Amount> and <Amount>{money(range.npv.p95, result.currency)}</Amount>
                      </span>
                    )}
                    {!range && rangesComing && (
                      <span className="figure-range figure-range-coming" aria-hidden="true">
                        {" "}
                        90% range: being worked out…
                      </span>
                    )}
                  </dd>
                </div>
                <div className="figure">
                  <dt>Pays back</dt>
                  <dd data-figure="payback">
                    {paybackFigure({ ...comparison, changesNothing: unchanged }, result.horizonMonths)}
                    {unchanged && (
                      <span className="figure-range" data-figure="payback-meaning">
                        {" "}
                        {changesNothingWords(baseline?.label ?? result.baseline)}
                      </span>
                    )}
                    {/* A payback month with ranges is that of every range at its middle, as page 1's card says it;
                        where the outcomes' months fall follows, once the ranges are sampled. */}
                    {!unchanged && ranged && comparison.paybackMonth !== null && comparison.paybackMonth > 0 && ` with ${AT_THE_MIDDLE}`}
                    {/* Where the case has ranges, no payback is that of every range at its middle, not a fact the
                        chance beside it would contradict: said as page 1's card says it. */}
                    {!unchanged && ranged && paybackMeaningAtTheMiddle(comparison.paybackMonth, true) && (
                      <span className="figure-range" data-figure="payback-meaning">
                        {" "}
                        {paybackMeaningAtTheMiddle(comparison.paybackMonth, true)}
                      </span>
                    )}
                    {/* Whenever the ranges hold it, as page 1 of the report gives it: a case whose net gain moves
                        under one unit still has a chance of paying back. */}
                    {!unchanged && range && paybackRangeWords(range.paybackMonth, result.horizonMonths) && (
                      <span className="figure-range" data-figure="payback-range">
                        {" "}
                        {paybackRangeWords(range.paybackMonth, result.horizonMonths)}
                      </span>
                    )}
                    {!unchanged && range && (
                      <span className="figure-range" data-figure="payback-chance">
                        {" "}
                        {paybackChanceWords(
                          formatChance(range.probabilityPaysBack),
                          result.horizonMonths,
                          // Beside a chance of a gain in today's money that reads differently: both, with their basis, as page 1 says them.
                          paybackAndGainChancesDiffer(range, result.discountRate) ? formatChance(range.probabilityNpvPositive) : undefined,
                        )}
                      </span>
                    )}
                    {!unchanged && !range && rangesComing && (
                      <span className="figure-range figure-range-coming" aria-hidden="true">
                        chance: being worked out…
                      </span>
                    )}
                  </dd>
                </div>
                {comparison.riskAdjusted && result.riskAdjustment && (
                  <div className="figure">
                    <dt>Net gain, risk-adjusted</dt>
                    <dd data-figure="npv-risk-adjusted" className={comparison.riskAdjusted.npv < 0 ? "negative" : undefined}>
                      <Amount>{formatGain(comparison.riskAdjusted.npv, result.currency)}</Amount>
                      <span className="figure-range">
                        gains cut by {formatShare(result.riskAdjustment.benefits)}, costs raised by {formatShare(result.riskAdjustment.costs)}
                      </span>
                    </dd>
                  </div>
                )}
                <div className="figure">
                  <dt>{returnOnCostName(true)}</dt>
                  <dd data-figure="roi">{formatPercent(comparison.roi)}</dd>
                </div>
                <div className="figure">
                  <dt>What it asks for</dt>
                  <dd data-figure="investment">
                    {/* Cash paid before a change that starts later is not up front: its month is said, as page 1 says it. */}
                    <Amount>{askedFor(upFront, result.currency).upFront}</Amount>{" "}
                    {cashPaidWords(result, comparison, (value) => formatMoney(value, result.currency))}
                    {askedFor(upFront, result.currency).more}
                  </dd>
                </div>
                <div className="figure">
                  <dt>{lastYear.heading}</dt>
                  <dd data-figure="last-twelve">
                    <Amount>{formatGain(comparison.benefitLastTwelveMonths, result.currency)}</Amount>
                    <span className="figure-range">{lastYear.counts}</span>
                  </dd>
                </div>
              </dl>
            </article>
          );
        })}
      </div>
      {/* How the net gain is discounted, in the words of the note under the report's table of the options. */}
      {comparisons.length > 0 && (
        <p className="headline-note" data-note="discounting">
          {netGainConventionWords(result)}
        </p>
      )}
    </section>
  );
}

export const Headline = memo(HeadlineView);

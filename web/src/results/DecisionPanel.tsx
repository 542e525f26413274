import { memo } from "react";
import { nothingToChoose, type CaseResult, type InformationValue } from "../../../src/engine/index.js";
import { scenarioColour } from "../../../src/charts/scenario-colours.js";
import { informationLabel } from "../../../src/format/information-words.js";
import { bestChances, bestLevelWords, nothingToChooseWords, nothingToMeasureWords, tieShareWords, worthUpTo } from "../../../src/format/words.js";
import { saidAsCount } from "../../../src/format/numbers.js";
import { formatMoney } from "../format.js";
import { useKeptHeight } from "./kept-height.js";

/** Inputs (or groups) listed under "Worth finding out first". */
const SHOWN_INPUTS = 3;

/** Why several inputs are valued together, in a few words. */
function groupNote(entry: InformationValue): string | undefined {
  if (entry.inputs.length < 2) return undefined;
  const all = entry.inputs.length === 2 ? "both" : "all";
  return entry.group === "correlated" ? `Finding out ${all} at once: they move together` : `Finding out ${all} at once`;
}

/**
 * The decision under the ranges, as the engine worked it out from the same draws: how often each
 * option comes out best, and which inputs are worth finding out before choosing (named in the words
 * of the `voi` command). While the ranges are being worked out again it shows no figure, only that
 * they are coming, in the room the last analysis took.
 */
function DecisionPanelView({ result, refining }: { result: CaseResult; refining: boolean }) {
  const decision = result.decision;
  // While refining, the panel keeps the height it had, so the page below does not jump at each keystroke.
  const kept = useKeptHeight<HTMLElement>(refining);
  // A preview of the ranges (fewer draws) is not the analysis the report will show: wait for the full run.
  if (!decision || refining) {
    if (!refining) return null;
    return (
      <section className="decision" aria-labelledby="decision-heading" data-state="refining" aria-busy="true" ref={kept.ref} style={kept.style}>
        <h2 id="decision-heading">Which option comes out best</h2>
        <p className="section-note" role="status">
          Working out, from the ranges, how often each option comes out best and what is worth finding out first…
        </p>
      </section>
    );
  }
  // Every other option changes nothing: no choice to weigh, said in the words of run, voi and the report.
  if (nothingToChoose(decision)) {
    const today = decision.options.find((option) => option.scenario === decision.best)!;
    const same = decision.options.filter((option) => option !== today).map((option) => `“${option.label}”`);
    return (
      <section className="decision" aria-labelledby="decision-heading" data-state="ready" data-samples={decision.samples} ref={kept.ref}>
        <h2 id="decision-heading">Which option comes out best</h2>
        <p className="decision-nothing" data-decision="nothing-to-choose">
          {nothingToChooseWords(same, `“${today.label}”`)}
        </p>
      </section>
    );
  }
  const worth = decision.evppi.filter((entry) => entry.aboveNoise).slice(0, SHOWN_INPUTS);
  const seed = result.uncertainty?.seed;
  // A tie for best is shared (half each for two, a third each for three): said apart, so that 50% each does not read as a coin toss.
  const labelOf = (scenario: string) => `“${decision.options.find((option) => option.scenario === scenario)?.label ?? scenario}”`;
  const level = bestLevelWords(decision, decision.best, labelOf, "outcome");
  // The chances are of one whole: written together, they add up to 100% (docs/numbers.md).
  // Best in none or every one of the outcomes: said as the count, not "under 1%" or "over 99%" beside "nothing is worth measuring" (docs/numbers.md).
  const counted = { samples: decision.samples, unit: "outcome" };
  const chances = bestChances(decision.options, counted);
  // "up to €6", or "less than €1" under one unit: the words of voi, run and the report (worthUpTo).
  const worthOf = (value: number) => worthUpTo(value, result.currency, (amount) => formatMoney(amount, result.currency));
  const evpi = worthOf(decision.evpi);
  return (
    <section className="decision" aria-labelledby="decision-heading" data-state="ready" data-samples={decision.samples} ref={kept.ref}>
      <h2 id="decision-heading">Which option comes out best</h2>
      <p className="section-note">
        Over the same {decision.samples.toLocaleString("en-GB")} outcomes as the ranges{seed !== undefined ? ` (seed ${seed})` : ""}: how often each option has
        the highest net present value.
      </p>
      <ul className="decision-options">
        {decision.options.map((option) =>
          // An option that changes nothing is today again (`DecisionOption.changesNothing`): no chance of its own, said so.
          option.changesNothing ? (
            <li key={option.scenario} data-option={option.scenario} data-changes-nothing="true">
              <span className="decision-option-label">{option.label}</span>
              <span className="decision-option-share">Changes nothing: the same choice as {labelOf(result.baseline)}, counted once, under it</span>
            </li>
          ) : (
            <li key={option.scenario} data-option={option.scenario}>
              <span className="decision-option-label">{option.label}</span>
              <span className="decision-option-share">
                Best in <span data-figure="probability-best">{chances[option.scenario]}</span>
                {saidAsCount(option.probabilityBest) ? "" : " of outcomes"}
              </span>
              <span className="decision-bar" aria-hidden="true">
                <span style={{ width: `${option.probabilityBest * 100}%`, background: scenarioColour(result, option.scenario) }} />
              </span>
            </li>
          ),
        )}
      </ul>
      {level && (
        <p className="section-note" data-decision="level-at-the-top">
          A tie for best is shared ({tieShareWords(decision)}): {labelOf(decision.best)} is {level}.
        </p>
      )}
      <h3>Worth finding out first</h3>
      {worth.length === 0 ? (
        <p className="decision-nothing" data-decision="nothing-worth-measuring">
          {nothingToMeasureWords(decision, result.currency, (value) => formatMoney(value, result.currency))}
        </p>
      ) : (
        <>
          <p className="decision-evpi">
            Knowing every uncertain input exactly before choosing would be worth {evpi.upTo}
            <strong data-figure="evpi">{evpi.figure}</strong> in all. The inputs worth most:
          </p>
          <ol className="decision-worth">
            {worth.map((entry) => {
              const note = groupNote(entry);
              return (
                <li key={entry.inputs.join(",")} data-inputs={entry.inputs.join(",")}>
                  <span className="decision-input">
                    <span className="decision-input-name">{informationLabel(entry, result)}</span>
                    {note && <span className="decision-group-note">{note}</span>}
                  </span>
                  <span className="decision-value">
                    {worthOf(entry.value).upTo}
                    <span data-figure="information-value">{worthOf(entry.value).figure}</span>
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

export const DecisionPanel = memo(DecisionPanelView);

import { Fragment, memo } from "react";
import { optionRecommendedToGoAhead, recommend, type CaseResult } from "../../../src/engine/index.js";
import { ADOPTION_STAY_OPENING, adoptionOrderFor } from "../../../src/format/words.js";
import { formatGain, formatMoney } from "../format.js";

/**
 * For alternatives written as the baseline plus capabilities of the catalogue: what to ask for
 * first. The order comes from the engine's result (each step adds the most to those before it).
 */
function AdoptionOrderView({ result }: { result: CaseResult }) {
  const withOrder = Object.values(result.comparisons).filter((comparison) => comparison.adoptionOrder && comparison.adoptionOrder.length > 0);
  if (withOrder.length === 0) return null;
  // Whose order each table is, as the report's section says it: the recommended option (page 1's "go",
  // not in a close call), else the one with the highest net gain, is named when the table is not its.
  const recommendation = recommend(result);
  const best = recommendation?.best.alternative;
  const recommended = optionRecommendedToGoAhead(result, recommendation);
  const highest = withOrder.reduce((top, comparison) => (comparison.npv > top.npv ? comparison : top)).alternative;
  const quoted = (name: string) => `“${result.comparisons[name]?.label ?? result.scenarios[name]?.label ?? name}”`;
  return (
    <section className="adoption-order" aria-labelledby="adoption-heading">
      <h2 id="adoption-heading">What to ask for first</h2>
      {recommendation?.verdict === "stay" && <p data-adoption-stay>{ADOPTION_STAY_OPENING}</p>}
      {withOrder.map((comparison) => {
        const steps = comparison.adoptionOrder!;
        const start = steps[0]!.cumulativeNpv - steps[0]!.marginalNpv;
        const whose =
          best && best !== comparison.alternative
            ? adoptionOrderFor(quoted(comparison.alternative), quoted(best), recommended === best, comparison.alternative === highest).trim()
            : undefined;
        return (
          <Fragment key={comparison.alternative}>
            {whose && <p data-adoption-for={comparison.alternative}>{whose}</p>}
            <div className="table-scroll">
              <table className="adoption-table" data-option={comparison.alternative}>
                <caption>{comparison.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">Step</th>
                    <th scope="col">Improvement</th>
                    <th scope="col" className="number">
                      Adds to the net present value
                    </th>
                    <th scope="col" className="number">
                      So far
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {Math.abs(start) >= 0.5 && (
                    <tr>
                      <td />
                      <td>Before any of them (the option's own plan)</td>
                      <td />
                      <td className="number">{formatMoney(start, result.currency)}</td>
                    </tr>
                  )}
                  {steps.map((step, index) => (
                    <tr key={step.capability} data-capability={step.capability}>
                      <td>{index + 1}</td>
                      <td>
                        <strong>{step.label}</strong>
                        <br />
                        <span className="hint">{step.description}</span>
                      </td>
                      {/* A gain under one unit reads "less than €1", as the report's order of adoption says it, not "€0". */}
                      <td className="number">{formatGain(step.marginalNpv, result.currency)}</td>
                      <td className="number">{formatGain(step.cumulativeNpv, result.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Fragment>
        );
      })}
    </section>
  );
}

export const AdoptionOrder = memo(AdoptionOrderView);

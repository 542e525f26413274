import { tornadoSpec } from "../charts/tornado.js";
import { movesNpv, type CaseResult, type OneAtATimeSensitivity } from "../engine/index.js";
import { tornadoInputLabel } from "../format/input-description.js";
import type { UncertaintyView } from "./uncertainty-view.js";

/** One assumption that moves the result, in the report's words. */
export interface Risk {
  input: string;
  label: string;
  /** The alternative's net present value at the low and the high end. */
  npvLow: number;
  npvHigh: number;
}

export interface RiskRanking {
  alternative: string;
  /** "range": inputs at the ends of their ranges (5th and 95th percentiles); "twentyPercent": each input 20% lower and higher. */
  method: "range" | "twentyPercent";
  /** Relative change for "twentyPercent" (0.2). */
  change: number;
  baseNpv: number;
  lowLegend: string;
  highLegend: string;
  /** What the tornado's centre line is: the case as written, or with every range at its middle. */
  baseLabel: string;
  risks: Risk[];
}

/**
 * The assumptions that move the alternative's result most: from the tornado when inputs are ranges,
 * otherwise from the 20%-lower/20%-higher re-runs.
 * @example rankRisks(result, "compromise", undefined, oneAtATimeSensitivity(compiled, "compromise")).risks[0]?.label
 */
export function rankRisks(
  result: CaseResult,
  alternative: string,
  uncertainty: UncertaintyView | undefined,
  sensitivity: OneAtATimeSensitivity | undefined,
): RiskRanking | undefined {
  // Each bar by its label, the side it sits on named (`tornadoInputLabel`): the sensitivity command's note on linked inputs uses the same words.
  const label = (input: string) => tornadoInputLabel(result, alternative, input);
  const comparison = result.comparisons[alternative];
  if (!comparison) return undefined;
  const tornado = uncertainty?.tornado[alternative];
  if (tornado && tornado.length > 0) {
    // The tornado moves one range at a time around the case with every range at its middle.
    const median = comparison.npv;
    return {
      alternative,
      method: "range",
      change: 0,
      baseNpv: median,
      baseLabel: "Middle of every range",
      lowLegend: "Input at the low end of its range",
      highLegend: "Input at the high end of its range",
      // A range that does not move this option (it belongs to another) is no risk to it.
      risks: tornado
        .filter((entry) => movesNpv(entry.low, entry.high, median))
        .map((entry) => ({ input: entry.input, label: label(entry.input), npvLow: entry.low, npvHigh: entry.high })),
    };
  }
  if (!sensitivity || sensitivity.alternative !== alternative) return undefined;
  const percent = Math.round(sensitivity.change * 100);
  return {
    alternative,
    method: "twentyPercent",
    change: sensitivity.change,
    baseNpv: sensitivity.baseNpv,
    baseLabel: "As written",
    lowLegend: `Input ${percent}% lower`,
    highLegend: `Input ${percent}% higher`,
    risks: sensitivity.swings.map((swing) => ({ input: swing.input, label: label(swing.input), npvLow: swing.npvLow, npvHigh: swing.npvHigh })),
  };
}

/** Bars shown in the tornado: the inputs that move the result most. */
export const TORNADO_BARS = 10;

/** The risks the tornado draws a bar for, largest swing first: what its caption may name. */
export function shownRisks(risks: RiskRanking): Risk[] {
  return risks.risks.slice(0, TORNADO_BARS);
}

/**
 * The tornado chart of a risk ranking, shared by the report and the web app.
 * @example riskTornadoSpec("EUR", rankRisks(result, "optimal", view, undefined)!)
 */
export function riskTornadoSpec(currency: string, risks: RiskRanking) {
  return tornadoSpec({
    currency,
    baseNpv: risks.baseNpv,
    lowLegend: risks.lowLegend,
    highLegend: risks.highLegend,
    baseLabel: risks.baseLabel,
    bars: shownRisks(risks).map((risk) => ({ label: risk.label, npvLow: risk.npvLow, npvHigh: risk.npvHigh })),
  });
}

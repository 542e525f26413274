import { benefitByCategorySpec, cumulativeNetSpec, liveProjectsSpec, scenarioLabels, teamHoursSpec } from "../charts/index.js";
import { oneAtATimeSensitivity, recommend, type CaseResult, type CompiledCase, type Recommendation } from "../engine/index.js";
import { formatMoney } from "../format/numbers.js";
import { hasRanges } from "../format/words.js";
import { renderChartSvg } from "./render-svg.js";
import { rankRisks, riskTornadoSpec, type RiskRanking } from "./risks.js";
import type { UncertaintyView } from "./uncertainty-view.js";
import type { PlanVersusActualReport } from "./sections/plan-versus-actual.js";

/** How many inputs the tornado shows. */

/** Inline SVG of each chart; absent when there is nothing to draw (no alternative). */
export interface ReportCharts {
  cumulativeNet?: string;
  teamHours: string;
  liveProjects: string;
  benefitByCategory?: string;
  tornado?: string;
}

/** Everything a section needs, computed once: sections only lay it out. */
export interface ReportContext {
  result: CaseResult;
  uncertainty?: UncertaintyView;
  /**
   * "sampled": the file has ranges and they were sampled (chances and bands exist);
   * "notSampled": the file has ranges but no Monte Carlo ran (figures use each range's median);
   * "none": every input is a single number.
   */
  ranges: "sampled" | "notSampled" | "none";
  recommendation?: Recommendation;
  risks?: RiskRanking;
  charts: ReportCharts;
  /** Shown under the title, e.g. "3 May 2026"; left out when not given, so output can be compared. */
  generatedOn?: string;
  /** Plan versus actual, when the case has a store with a frozen plan (`mlops-roi track`). */
  planVersusActual?: PlanVersusActualReport;
  /** A scenario's display label (not escaped). */
  label(name: string): string;
  /** Money for the main text, in the case's currency. */
  money(value: number): string;
}

export interface ReportOptions {
  /** Ranges from a Monte Carlo run; without them the report says the figures are single estimates. */
  uncertainty?: UncertaintyView;
  generatedOn?: string;
  planVersusActual?: PlanVersusActualReport;
}

/**
 * Works out what the report shows — the recommendation, the assumptions that move the result, the
 * charts as SVG — from the engine's result. Re-runs the engine only for the 20% sensitivity.
 * @example const context = await createReportContext(compiled, buildResult(compiled))
 */
export async function createReportContext(compiled: CompiledCase, result: CaseResult, options: ReportOptions = {}): Promise<ReportContext> {
  const labels = scenarioLabels(result);
  const recommendation = recommend(result);
  const uncertainty = options.uncertainty;
  let risks: RiskRanking | undefined;
  if (recommendation) {
    const alternative = recommendation.best.alternative;
    const fromRanges = rankRisks(result, alternative, uncertainty, undefined);
    risks = fromRanges ?? rankRisks(result, alternative, undefined, oneAtATimeSensitivity(compiled, alternative));
  }
  const hasAlternatives = Object.keys(result.comparisons).length > 0;
  const charts: ReportCharts = {
    teamHours: await renderChartSvg(teamHoursSpec(result), "Where the team's hours go, month by month"),
    liveProjects: await renderChartSvg(liveProjectsSpec(result), "Live projects over time"),
  };
  if (hasAlternatives) {
    charts.cumulativeNet = await renderChartSvg(
      cumulativeNetSpec(result, uncertainty ? { bands: uncertainty.cumulativeBand } : {}),
      "Gain against today so far, month by month",
    );
    charts.benefitByCategory = await renderChartSvg(benefitByCategorySpec(result), "Where the gain comes from");
  }
  if (risks && risks.risks.length > 0) {
    charts.tornado = await renderChartSvg(riskTornadoSpec(result.currency, risks), "What moves the result most");
  }
  const sampled = uncertainty !== undefined && Object.keys(uncertainty.distribution).length > 0;
  return {
    result,
    ...(uncertainty ? { uncertainty } : {}),
    ranges: sampled ? "sampled" : hasRanges(result) ? "notSampled" : "none",
    ...(recommendation ? { recommendation } : {}),
    ...(risks ? { risks } : {}),
    charts,
    ...(options.generatedOn ? { generatedOn: options.generatedOn } : {}),
    ...(options.planVersusActual ? { planVersusActual: options.planVersusActual } : {}),
    label: (name) => labels.get(name) ?? name,
    money: (value) => formatMoney(value, result.currency),
  };
}

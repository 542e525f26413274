import { buildResult, recommend, tornado, type CaseResult, type CompiledCase } from "../engine/index.js";
import { createReportContext, type ReportContext, type ReportOptions } from "./context.js";
import { renderReportHtml } from "./html.js";
import { uncertaintyFromResult, type UncertaintyView } from "./uncertainty-view.js";

export interface Report {
  html: string;
  context: ReportContext;
}

/**
 * Adds the engine's tornado (each range at its 5th and 95th percentile) for the recommended option
 * when the file has ranges and the view has none for it yet. It needs no sampling.
 */
function withTornado(compiled: CompiledCase, result: CaseResult, view: UncertaintyView | undefined): UncertaintyView | undefined {
  if (compiled.uncertainLeaves.length === 0) return view;
  const best = recommend(result)?.best.alternative;
  if (best === undefined || (view?.tornado[best]?.length ?? 0) > 0) return view;
  const index = compiled.scenarios.findIndex((scenario) => scenario.name === best);
  const bars = tornado(compiled, index).map((bar) => ({ input: bar.input, low: bar.low, high: bar.high, swing: bar.swing }));
  const base: UncertaintyView = view ?? { samples: 0, seed: 0, distribution: {}, cumulativeBand: {}, tornado: {} };
  return { ...base, tornado: { ...base.tornado, [best]: bars } };
}

/**
 * Builds the decision-maker's report for a compiled case: runs the engine (unless a result is
 * given), picks up the ranges the result carries, renders the charts and the HTML.
 * @example const { html } = await createReport(compiled, { result: withUncertainty(buildResult(compiled), summary) })
 */
export async function createReport(compiled: CompiledCase, options: ReportOptions & { result?: CaseResult } = {}): Promise<Report> {
  const result = options.result ?? buildResult(compiled);
  const uncertainty = withTornado(compiled, result, options.uncertainty ?? uncertaintyFromResult(result));
  const context = await createReportContext(compiled, result, {
    ...(uncertainty ? { uncertainty } : {}),
    ...(options.generatedOn ? { generatedOn: options.generatedOn } : {}),
    ...(options.planVersusActual ? { planVersusActual: options.planVersusActual } : {}),
  });
  return { html: renderReportHtml(context), context };
}

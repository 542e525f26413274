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
  const given = options.result ?? buildResult(compiled);
  // A file without ranges gives every sample the same numbers (`--samples` asked of one): there are no
  // outcomes of ranges to speak of ("Some inputs are ranges", "the chance … is over 99%"), so the
  // report is the single estimate's, as without samples.
  const ranged = compiled.uncertainLeaves.length > 0;
  const result = !ranged && given.uncertainty ? buildResult(compiled) : given;
  const uncertainty = withTornado(compiled, result, ranged ? (options.uncertainty ?? uncertaintyFromResult(result)) : undefined);
  const context = await createReportContext(compiled, result, {
    ...(uncertainty ? { uncertainty } : {}),
    ...(options.generatedOn ? { generatedOn: options.generatedOn } : {}),
    ...(options.planVersusActual ? { planVersusActual: options.planVersusActual } : {}),
  });
  return { html: renderReportHtml(context), context };
}

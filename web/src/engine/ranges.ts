import {
  chooseAlternative,
  hasErrors,
  MonteCarlo,
  tornado,
  validateScenarioText,
  withUncertainty,
  type CaseResult,
  type CompiledCase,
} from "../../../src/engine/index.js";
import type { RangedResult, RangedSummary } from "./messages.js";
import { compileQuickly } from "./quick-evaluate.js";

/** Samples run between two looks at the message queue, so a newer edit can stop an old run. */
const CHUNK = 250;

/**
 * The Monte Carlo of a case whose inputs include ranges, run in chunks: `keepGoing` is asked
 * between chunks and a false answer stops the run (undefined is returned). Undefined too when the
 * case has errors or no range. It answers what the point result lacks (the ranges' summary and the
 * tornado): the page has the point result of the same case already, and a long case's month rows,
 * sent back with every answer, were most of the message and of the page's work to receive it.
 * @example withRanges(buildResult(compiled), (await rangedSummary(data, { samples: 2000, seed: 1 }, async () => true))!)
 */
export async function rangedSummary(
  data: unknown,
  options: { samples: number; seed: number },
  keepGoing: (done: number) => Promise<boolean>,
): Promise<RangedSummary | undefined> {
  const compiled = compileQuickly(data) ?? validCompiled(data);
  if (!compiled || compiled.uncertainLeaves.length === 0) return undefined;
  const monteCarlo = new MonteCarlo(compiled, options);
  while (!monteCarlo.step(CHUNK)) {
    if (!(await keepGoing(monteCarlo.done))) {
      monteCarlo.release();
      return undefined;
    }
  }
  const summary = monteCarlo.summarise();
  // The next edit runs again: its Monte Carlo reuses this one's memory.
  monteCarlo.release();
  const hasAlternative = compiled.scenarios.length > 1;
  const alternative = hasAlternative ? chooseAlternative(compiled) : -1;
  return {
    summary,
    tornado: alternative >= 0 ? { alternative: compiled.scenarios[alternative]!.name, bars: tornado(compiled, alternative) } : undefined,
  };
}

/**
 * The result with its ranges: the point result of a case with the Monte Carlo of the same case.
 * @example withRanges(buildResult(compiled), ranged).result.comparisons.better?.distribution?.npv.p50
 */
export function withRanges(point: CaseResult, ranged: RangedSummary): RangedResult {
  return { result: withUncertainty(point, ranged.summary), tornado: ranged.tornado };
}

/** The compiled case of data with warnings but no error, by the full validation. */
function validCompiled(data: unknown): CompiledCase | undefined {
  const validation = validateScenarioText(JSON.stringify(data) ?? "");
  return hasErrors(validation.issues) ? undefined : validation.compiled;
}

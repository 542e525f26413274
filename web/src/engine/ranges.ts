import {
  buildResult,
  chooseAlternative,
  hasErrors,
  MonteCarlo,
  tornado,
  validateScenarioText,
  withUncertainty,
  type CompiledCase,
} from "../../../src/engine/index.js";
import type { RangedResult } from "./messages.js";
import { compileQuickly } from "./quick-evaluate.js";

/** Samples run between two looks at the message queue, so a newer edit can stop an old run. */
const CHUNK = 250;

/**
 * The Monte Carlo of a case whose inputs include ranges, run in chunks: `keepGoing` is asked
 * between chunks and a false answer stops the run (undefined is returned). Undefined too when the
 * case has errors or no range.
 * @example await rangedResult(data, { samples: 2000, seed: 1 }, async () => true)
 */
export async function rangedResult(
  data: unknown,
  options: { samples: number; seed: number },
  keepGoing: (done: number) => Promise<boolean>,
): Promise<RangedResult | undefined> {
  const compiled = compileQuickly(data) ?? validCompiled(data);
  if (!compiled || compiled.uncertainLeaves.length === 0) return undefined;
  const monteCarlo = new MonteCarlo(compiled, options);
  while (!monteCarlo.step(CHUNK)) {
    if (!(await keepGoing(monteCarlo.done))) {
      monteCarlo.release();
      return undefined;
    }
  }
  const result = withUncertainty(buildResult(compiled), monteCarlo.summarise());
  // The next edit runs again: its Monte Carlo reuses this one's memory.
  monteCarlo.release();
  const hasAlternative = compiled.scenarios.length > 1;
  const alternative = hasAlternative ? chooseAlternative(compiled) : -1;
  return {
    result,
    tornado: alternative >= 0 ? { alternative: compiled.scenarios[alternative]!.name, bars: tornado(compiled, alternative) } : undefined,
  };
}

/** The compiled case of data with warnings but no error, by the full validation. */
function validCompiled(data: unknown): CompiledCase | undefined {
  const validation = validateScenarioText(JSON.stringify(data) ?? "");
  return hasErrors(validation.issues) ? undefined : validation.compiled;
}

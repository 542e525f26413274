// One deterministic 60-month run of a 5-scenario case: the unit of work the Monte Carlo repeats.
import { CaseRunner } from "../src/engine/index.js";
import { medianTime, type AnchorFigures } from "./anchor.js";
import { fiveScenarioCase } from "./cases.js";

export function benchEngine(anchor: AnchorFigures | undefined): void {
  const compiled = fiveScenarioCase();
  const runner = new CaseRunner(compiled);
  const scenarios = compiled.scenarios.length;
  const batch = 2_000;
  const median = medianTime(15, () => {
    for (let index = 0; index < batch; index++) runner.run(compiled.leafValues);
  });
  const perScenarioRun = (median / batch / scenarios) * 1000;
  console.log(`engine: ${scenarios}-scenario case, ${compiled.horizonMonths} months, deterministic run`);
  console.log(`  one case run (all ${scenarios} scenarios + comparisons): median ${((median / batch) * 1000).toFixed(1)} µs`);
  console.log(`  per scenario-run: median ${perScenarioRun.toFixed(2)} µs (target: well under 1,000 µs)`);
  const anchorRows = anchor?.steps.get("3d");
  if (anchor && anchorRows !== undefined) {
    const anchorPerRun = (anchorRows / anchor.samples) * 1000;
    console.log(`  anchor (bare loop, 60-month model per sample, hoisted): median ${anchorPerRun.toFixed(3)} µs per run`);
    console.log(`  ratio ours / anchor: ${(perScenarioRun / anchorPerRun).toFixed(1)}× (ours simulates every cost category, hours and money)`);
  }
}

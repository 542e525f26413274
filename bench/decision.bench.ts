// The value-of-information figures: what the decision analysis (chance each option is best, EVPI,
// EVPPI of every input) adds to a 100,000-sample Monte Carlo of the bench case (30 ranges, 3 options,
// 60 months), and what correlations add to drawing the inputs.
import { drawInputs } from "../src/engine/draws.js";
import { MonteCarlo } from "../src/engine/index.js";
import { median, timed } from "./anchor.js";
import { correlatedCase, uncertainCase } from "./cases.js";

const time = (work: () => void) => timed(1, work)[0]!;

export function benchDecision(): void {
  const compiled = uncertainCase(30);
  const samples = 100_000;
  console.log(
    `decision analysis: ${samples.toLocaleString("en-US")} samples × ${compiled.horizonMonths} months × ${compiled.scenarios.length} options, EVPPI of each of ${compiled.uncertainLeaves.length} inputs`,
  );
  // Paired rounds, the order alternating: the same Monte Carlo with and without the analysis (which
  // keeps every sample's draws during the run and works on them when summarised).
  const run = (decision: boolean) => () => MonteCarlo.summaryOf(compiled, { samples, seed: 7, decision });
  for (let warmUp = 0; warmUp < 2; warmUp++) {
    run(true)();
    run(false)();
  }
  const added: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < 9; round++) {
    const first = round % 2 === 0;
    const a = first ? time(run(false)) : 0;
    const b = time(run(true));
    const c = first ? 0 : time(run(false));
    without.push(first ? a : c);
    added.push(b - (first ? a : c));
  }
  // The analysis alone, on a finished run: the part that does not hide in the run's noise.
  const analysis: number[] = [];
  for (let repetition = 0; repetition < 5; repetition++) {
    const monteCarlo = new MonteCarlo(compiled, { samples, seed: 7 }).runAll();
    const bare = new MonteCarlo(compiled, { samples, seed: 7, decision: false }).runAll();
    const withAnalysis = time(() => monteCarlo.summarise());
    const withoutAnalysis = time(() => bare.summarise());
    analysis.push(withAnalysis - withoutAnalysis);
    monteCarlo.release();
    bare.release();
  }
  console.log(
    `  added to the Monte Carlo: median ${median(added).toFixed(0)} ms over 9 paired rounds (target ≤ 500 ms); the run without it: median ${median(without).toFixed(0)} ms`,
  );
  console.log(`    rounds: ${added.map((value) => value.toFixed(0)).join(", ")} ms`);
  console.log(`    of which the analysis when summarising: median ${median(analysis).toFixed(0)} ms of 5`);

  const correlated = correlatedCase(30, 5);
  for (const latinHypercube of [false, true]) {
    const ratios: number[] = [];
    const plainTimes: number[] = [];
    for (let round = 0; round < 9; round++) {
      drawInputs(compiled, samples, 7, latinHypercube);
      const plain = time(() => drawInputs(compiled, samples, 7, latinHypercube));
      const linked = time(() => drawInputs(correlated, samples, 7, latinHypercube));
      plainTimes.push(plain);
      ratios.push(linked / plain);
    }
    console.log(
      `  correlations (5 linked pairs of 30 inputs), ${latinHypercube ? "Latin hypercube" : "random"} draws of ${samples.toLocaleString("en-US")} samples: ` +
        `+${((median(ratios) - 1) * 100).toFixed(0)}% (median of 9 paired rounds), drawing without them ${median(plainTimes).toFixed(0)} ms`,
    );
  }
  // The same on a whole Monte Carlo (draws, simulation, percentiles and bands), paired round by round.
  const whole: number[] = [];
  for (let round = 0; round < 7; round++) {
    const plain = time(() => MonteCarlo.summaryOf(compiled, { samples, seed: 7, decision: false }));
    const linked = time(() => MonteCarlo.summaryOf(correlated, { samples, seed: 7, decision: false }));
    whole.push(linked / plain);
  }
  console.log(
    `  correlations on the whole Monte Carlo (random draws, 5 linked pairs): +${((median(whole) - 1) * 100).toFixed(0)}% (median of 7 paired rounds; target ≤ +20% to sampling)`,
  );
}

// Sobol indices against a bare Saltelli loop on the same model: the uncertain case with 30 ranges,
// N = 4,096 base rows, so N × (30 + 2) = 131,072 runs of the case. The bare loop is the simplest
// honest way to get the same indices: draw the A and B matrices (the same seeded streams as ours),
// build each A_B^(i), run the case's runner on every row (its plain `run(values, false)`), then the
// Saltelli 2010 first-order and Jansen total estimators in one pass each. What ours adds on top of
// it (its own overheads, and the bootstrap intervals the command prints) is what the ratio
// measures. Ours simulates only the two scenarios the NPV needs (the baseline and the alternative),
// so the bare loop is timed twice: on that same two-scenario runner (the target's ratio: Sobol's own
// overhead, the model the same) and on the runner of the whole case, every scenario run for each row.
import { pathToFileURL } from "node:url";
import { clampToKind } from "../src/engine/draws.js";
import { CaseRunner, chooseAlternative, sobol, type CompiledCase } from "../src/engine/index.js";
import { createRandom, deriveSeed, fillUniform, sampleInto, type Distribution } from "../src/engine/uncertainty/index.js";
import { median, timed } from "./anchor.js";
import { uncertainCase } from "./cases.js";

const BASE_SAMPLES = 4096;

/**
 * The bare Saltelli loop: first-order and total indices of the alternative's NPV, no intervals.
 * f(B) is taken from the pooled mean in the first-order sum, as ours does (an NPV's large mean
 * would otherwise add its noise to S1), so the two should agree but for rounding.
 */
export function bareSaltelli(
  compiled: CompiledCase,
  alternative: number,
  rows: number,
  seed: number,
  scenarios: "all" | "baseline and alternative",
): { first: Float64Array; total: Float64Array } {
  const uncertain = compiled.uncertainLeaves;
  const dimension = uncertain.length;
  // The A and B matrices, one column per input: uniforms through each input's distribution.
  const draw = (stream: number): Float64Array[] => {
    const random = createRandom(deriveSeed(seed, stream));
    return uncertain.map((leafIndex) => {
      const leaf = compiled.leaves[leafIndex]!;
      const uniforms = new Float64Array(rows);
      fillUniform(random, uniforms);
      const column = new Float64Array(rows);
      sampleInto(leaf.distribution as Distribution, uniforms, column);
      clampToKind(leaf, column);
      return column;
    });
  };
  const a = draw(1);
  const b = draw(2);
  const chosen = compiled.scenarios[alternative]!;
  const kept = scenarios === "all" ? compiled.scenarios : compiled.scenarios.filter((scenario) => scenario === chosen || scenario.name === compiled.baseline);
  const runner = new CaseRunner({ ...compiled, scenarios: kept });
  const figures = runner.figures[kept.indexOf(chosen)]!;
  const values = Float64Array.from(compiled.leafValues);
  const evaluate = (columns: Float64Array[]): Float64Array => {
    const out = new Float64Array(rows);
    for (let row = 0; row < rows; row++) {
      for (let j = 0; j < dimension; j++) values[uncertain[j]!] = columns[j]![row]!;
      runner.run(values, false);
      out[row] = figures.npv;
    }
    return out;
  };
  const outputsA = evaluate(a);
  const outputsB = evaluate(b);
  let sum = 0;
  for (let row = 0; row < rows; row++) sum += outputsA[row]! + outputsB[row]!;
  const mean = sum / (2 * rows);
  let squares = 0;
  for (let row = 0; row < rows; row++) squares += (outputsA[row]! - mean) ** 2 + (outputsB[row]! - mean) ** 2;
  const variance = squares / (2 * rows);
  const first = new Float64Array(dimension);
  const total = new Float64Array(dimension);
  for (let j = 0; j < dimension; j++) {
    const mixed = a.slice();
    mixed[j] = b[j]!;
    const outputsMixed = evaluate(mixed);
    let firstSum = 0;
    let totalSum = 0;
    for (let row = 0; row < rows; row++) {
      firstSum += (outputsB[row]! - mean) * (outputsMixed[row]! - outputsA[row]!);
      totalSum += (outputsA[row]! - outputsMixed[row]!) ** 2;
    }
    first[j] = firstSum / rows / variance;
    total[j] = totalSum / (2 * rows) / variance;
  }
  return { first, total };
}

/** Ours and the bare loops in turns, `rounds` times; the target is read on the median of the rounds' ratios. */
export function benchSobol(rounds = 7): void {
  const compiled = uncertainCase(30);
  const alternative = chooseAlternative(compiled);
  const dimension = compiled.uncertainLeaves.length;
  console.log(
    `sobol: D = ${dimension}, N = ${BASE_SAMPLES.toLocaleString("en-US")}, ${(BASE_SAMPLES * (dimension + 2)).toLocaleString("en-US")} runs of the case, against a bare Saltelli loop on the same runner`,
  );
  const work = {
    ours: () => void sobol(compiled, alternative, { baseSamples: BASE_SAMPLES, seed: 3 }),
    bareTwo: () => void bareSaltelli(compiled, alternative, BASE_SAMPLES, 3, "baseline and alternative"),
    bareAll: () => void bareSaltelli(compiled, alternative, BASE_SAMPLES, 3, "all"),
  };
  // All three estimate the same indices from the same draws; they differ only in rounding (the order of the sums).
  const names = compiled.uncertainLeaves.map((leaf) => compiled.leaves[leaf]!.name);
  const references = [
    bareSaltelli(compiled, alternative, BASE_SAMPLES, 3, "baseline and alternative"),
    bareSaltelli(compiled, alternative, BASE_SAMPLES, 3, "all"),
  ];
  let largest = 0;
  for (const index of sobol(compiled, alternative, { baseSamples: BASE_SAMPLES, seed: 3 })) {
    const j = names.indexOf(index.input);
    for (const reference of references) largest = Math.max(largest, Math.abs(index.first - reference.first[j]!), Math.abs(index.total - reference.total[j]!));
  }
  console.log(`  largest difference between ours and the bare loops' indices: ${largest.toExponential(1)}`);
  // This machine changes speed within seconds, so the three take turns (the order rotates) after
  // the untimed runs above, and each round's ratios compare runs made moments apart.
  const time = (run: () => void) => timed(1, run)[0]!;
  const times = { ours: [] as number[], bareTwo: [] as number[], bareAll: [] as number[] };
  const order = ["ours", "bareTwo", "bareAll"] as const;
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < order.length; turn++) {
      const name = order[(round + turn) % order.length]!;
      times[name].push(time(work[name]));
    }
  }
  const ratios = (to: number[]) => times.ours.map((ours, round) => ours / to[round]!);
  const toTwo = ratios(times.bareTwo);
  const toAll = ratios(times.bareAll);
  console.log(`  ours (with 200 bootstrap resamples for the intervals): median ${median(times.ours).toFixed(0)} ms`);
  console.log(`  bare Saltelli loop (indices only) on the same two-scenario runner: median ${median(times.bareTwo).toFixed(0)} ms`);
  console.log(
    `    ratio: median ${median(toTwo).toFixed(2)}× over ${rounds} rounds (target ≤ 2×); rounds ${toTwo.map((value) => value.toFixed(2)).join(", ")}`,
  );
  console.log(`  bare Saltelli loop (indices only) on the whole case's runner, every scenario: median ${median(times.bareAll).toFixed(0)} ms`);
  console.log(`    ratio: median ${median(toAll).toFixed(2)}× over ${rounds} rounds; rounds ${toAll.map((value) => value.toFixed(2)).join(", ")}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchSobol();

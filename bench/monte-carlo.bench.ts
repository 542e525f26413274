// The Monte Carlo and Sobol figures of the ranges issue: 100,000 samples × 60 months × 3 scenarios
// with 30 uncertain inputs; Sobol with D = 30, N = 4,096; the whole `run --samples 100000` command.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chooseAlternative, MonteCarlo, sobol } from "../src/engine/index.js";
import { median, medianTime, runAnchor, timed, type AnchorFigures } from "./anchor.js";
import { uncertainCase, uncertainCaseText } from "./cases.js";
import { projectRoot } from "./paths.js";

function ratio(ours: number, anchor: number | undefined): string {
  return anchor === undefined ? "" : `   anchor ${anchor.toFixed(0)} ms, ratio ${(ours / anchor).toFixed(2)}×`;
}

export function benchMonteCarlo(anchor: AnchorFigures | undefined): void {
  const compiled = uncertainCase(30);
  const samples = 100_000;
  console.log(`monte carlo: ${samples.toLocaleString("en-US")} samples × ${compiled.horizonMonths} months × ${compiled.scenarios.length} scenarios, ${compiled.uncertainLeaves.length} uncertain inputs`);
  // This machine's speed drifts over minutes: ours and the anchor take turns, three rounds, so both
  // are measured across the same stretch of time. Each round of ours starts with an untimed run, as
  // each of the anchor's steps does (the first run after a pause is slow, whatever runs). Ours is
  // the median of all our timed runs; the anchor's, the median of its runs' medians (the one at the
  // start included).
  const anchors: number[] = anchor?.steps.has("6") ? [anchor.steps.get("6")!] : [];
  // As the optimiser and the server run them: summarised, then released for the next one.
  const run = () => MonteCarlo.summaryOf(compiled, { samples, seed: 7 });
  const ours: number[] = [];
  for (let round = 0; round < 3; round++) {
    if (anchors.length > 0) {
      const figure = runAnchor()?.steps.get("6");
      if (figure !== undefined) anchors.push(figure);
    }
    run();
    ours.push(...timed(3, run));
  }
  // Where the time goes: drawing the inputs, running every scenario, percentiles and bands.
  const phases = { draw: [] as number[], run: [] as number[], summarise: [] as number[] };
  for (let repetition = 0; repetition < 3; repetition++) {
    let start = performance.now();
    const monteCarlo = new MonteCarlo(compiled, { samples, seed: 7 });
    phases.draw.push(performance.now() - start);
    start = performance.now();
    monteCarlo.runAll();
    phases.run.push(performance.now() - start);
    start = performance.now();
    monteCarlo.summarise();
    phases.summarise.push(performance.now() - start);
    monteCarlo.release();
  }
  const endToEnd = median(ours);
  const anchorEndToEnd = anchors.length > 0 ? median(anchors) : undefined;
  console.log(
    `  draw + simulate + percentiles and bands: median ${endToEnd.toFixed(0)} ms of ${ours.length} runs (target ≤ 1,000 ms, ≤ 3× anchor)${ratio(endToEnd, anchorEndToEnd)}`,
  );
  if (anchors.length > 1) console.log(`    anchor runs' medians: ${anchors.map((value) => `${value.toFixed(0)} ms`).join(", ")} (at the start, then before each round of ours)`);
  console.log(`    our runs: ${ours.map((value) => value.toFixed(0)).join(", ")} ms`);
  console.log(`    of which: draw ${median(phases.draw).toFixed(0)} ms, run ${median(phases.run).toFixed(0)} ms, percentiles and bands ${median(phases.summarise).toFixed(0)} ms (medians of 3)`);

  const alternative = chooseAlternative(compiled);
  const sobolTime = medianTime(3, () => {
    sobol(compiled, alternative, { baseSamples: 4096, seed: 3 });
  });
  console.log(`  Sobol D = 30, N = 4,096 (${(4096 * 32).toLocaleString("en-US")} runs + bootstrap): median ${sobolTime.toFixed(0)} ms (target ≤ 3,000 ms)${ratio(sobolTime, anchor?.steps.get("8"))}`);

  const folder = mkdtempSync(join(tmpdir(), "mlops-roi-bench-"));
  try {
    const file = join(folder, "uncertain.yaml");
    writeFileSync(file, uncertainCaseText(30));
    const cli = join(projectRoot, "bin", "mlops-roi.js");
    const walls: number[] = [];
    const memories: number[] = [];
    for (let repetition = 0; repetition < 3; repetition++) {
      const started = performance.now();
      const child = spawnSync(process.execPath, [cli, "run", file, "--samples", String(samples), "--json", "--timing", "-o", join(folder, `out${repetition}.json`)], { encoding: "utf8" });
      walls.push(performance.now() - started);
      if (child.status !== 0) throw new Error(child.stderr);
      const memory = /peak memory (\d+) MB/.exec(child.stderr);
      if (memory) memories.push(Number(memory[1]));
    }
    walls.sort((a, b) => a - b);
    memories.sort((a, b) => a - b);
    console.log(`  whole command \`run --samples 100000 --json\`, process start included: median ${walls[1]!.toFixed(0)} ms; peak memory median ${memories[1] ?? "?"} MB (target ≤ 300 MB)`);
  } catch (error) {
    console.log(`  whole command: could not run the built command line (${(error as Error).message.split("\n")[0]}); run \`npm run build\` first`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

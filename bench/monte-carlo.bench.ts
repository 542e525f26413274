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
  // This machine's speed drifts: by a third or more, over seconds to minutes, for any process. So ours
  // and the anchor take turns, five rounds: the anchor's run, then right after it an untimed run of
  // ours (as each of the anchor's steps has one) and three timed ones. Each round gives a ratio of
  // two figures measured moments apart; the target is read on the median of those ratios. The
  // ratio of the overall medians is printed too: it mixes figures from different moments.
  const rounds = anchor?.steps.has("6") ? 5 : 3;
  const anchors: number[] = [];
  const roundRatios: number[] = [];
  // As the optimiser and the server run them: summarised, then released for the next one.
  const run = () => MonteCarlo.summaryOf(compiled, { samples, seed: 7 });
  const ours: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const figure = anchor?.steps.has("6") ? runAnchor()?.steps.get("6") : undefined;
    run();
    const times = timed(3, run);
    ours.push(...times);
    if (figure !== undefined) {
      anchors.push(figure);
      roundRatios.push(median(times) / figure);
    }
  }
  // Where the time goes: setting up, drawing the inputs and running every scenario, percentiles and bands.
  const phases = { setUp: [] as number[], run: [] as number[], summarise: [] as number[] };
  for (let repetition = 0; repetition < 3; repetition++) {
    let start = performance.now();
    const monteCarlo = new MonteCarlo(compiled, { samples, seed: 7 });
    phases.setUp.push(performance.now() - start);
    start = performance.now();
    monteCarlo.runAll();
    phases.run.push(performance.now() - start);
    start = performance.now();
    monteCarlo.summarise();
    phases.summarise.push(performance.now() - start);
    monteCarlo.release();
  }
  const endToEnd = median(ours);
  console.log(`  draw + simulate + percentiles and bands: median ${endToEnd.toFixed(0)} ms of ${ours.length} runs (target ≤ 1,000 ms, ≤ 3× anchor)`);
  if (anchors.length > 0) {
    console.log(
      `    anchor: median ${median(anchors).toFixed(0)} ms; ratio per round (ours just after the anchor): ${roundRatios.map((value) => `${value.toFixed(2)}×`).join(", ")}; median ${median(roundRatios).toFixed(2)}× (the figure the target is read on)`,
    );
    console.log(`    ratio of the overall medians: ${(endToEnd / median(anchors)).toFixed(2)}×; the anchor's runs: ${anchors.map((value) => `${value.toFixed(0)} ms`).join(", ")}`);
  } else {
    console.log("    anchor: not measured (no ../shared/anchors here), so no ratio");
  }
  console.log(`    our runs, round by round: ${ours.map((value) => value.toFixed(0)).join(", ")} ms`);
  console.log(
    `    of which: set-up ${median(phases.setUp).toFixed(0)} ms, draws and runs ${median(phases.run).toFixed(0)} ms, percentiles and bands ${median(phases.summarise).toFixed(0)} ms (medians of 3)`,
  );

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

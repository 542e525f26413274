// The Monte Carlo and Sobol figures of the ranges issue: 100,000 samples × 60 months × 3 scenarios
// with 30 uncertain inputs; Sobol with D = 30, N = 4,096; the whole `run --samples 100000` command.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chooseAlternative, MonteCarlo, sobol } from "../src/engine/index.js";
import { median, medianTime, timed, type AnchorFigures } from "./anchor.js";
import { uncertainCase, uncertainCaseText } from "./cases.js";
import { projectRoot } from "./paths.js";

function ratio(ours: number, anchor: number | undefined): string {
  return anchor === undefined ? "" : `   anchor ${anchor.toFixed(0)} ms, ratio ${(ours / anchor).toFixed(2)}×`;
}

export function benchMonteCarlo(anchor: AnchorFigures | undefined, anchorRun: (() => void) | undefined): void {
  const compiled = uncertainCase(30);
  const samples = 100_000;
  console.log(
    `monte carlo: ${samples.toLocaleString("en-US")} samples × ${compiled.horizonMonths} months × ${compiled.scenarios.length} scenarios, ${compiled.uncertainLeaves.length} uncertain inputs`,
  );
  // This machine changes speed by a third or more within seconds, for any process. So the anchor's
  // end-to-end step runs in this process (its own code, loaded from its file) and takes turns with
  // ours run by run: 15 rounds, each one run of the anchor and one of ours (the order alternates),
  // after three untimed runs of each. The target is read on the median of the rounds' ratios. The
  // anchor's own figure, from its own process at the start, is printed beside it as a check.
  // The decision analysis (value of information) is timed on its own, as what it adds (decision.bench.ts).
  const run = () => MonteCarlo.summaryOf(compiled, { samples, seed: 7, decision: false });
  const ours: number[] = [];
  const anchors: number[] = [];
  const roundRatios: number[] = [];
  const time = (work: () => void) => timed(1, work)[0]!;
  // Warm up both (the anchor's own process has run the same functions in its earlier steps).
  for (let warmUp = 0; warmUp < 3; warmUp++) {
    run();
    anchorRun?.();
  }
  for (let round = 0; round < 15; round++) {
    if (anchorRun && round % 2 === 0) anchors.push(time(anchorRun));
    ours.push(time(run));
    if (anchorRun && round % 2 === 1) anchors.push(time(anchorRun));
    if (anchorRun) roundRatios.push(ours[round]! / anchors[round]!);
  }
  const endToEnd = median(ours);
  console.log(`  draw + simulate + percentiles and bands: median ${endToEnd.toFixed(0)} ms of ${ours.length} runs (target ≤ 1,000 ms, ≤ 3× anchor)`);
  if (anchorRun) {
    const separate = anchor?.steps.get("6");
    console.log(
      `    anchor's end-to-end step in this process, taking turns with ours: median ${median(anchors).toFixed(0)} ms` +
        (separate === undefined
          ? ""
          : ` (in its own process at the start: ${separate.toFixed(0)} ms; our median ÷ that: ${(endToEnd / separate).toFixed(2)}×)`),
    );
    console.log(
      `    ratio: median ${median(roundRatios).toFixed(2)}× over ${roundRatios.length} rounds (the figure the target is read on); rounds ${roundRatios.map((value) => value.toFixed(2)).join(", ")}`,
    );
    console.log(`    the anchor's runs: ${anchors.map((value) => value.toFixed(0)).join(", ")} ms`);
  } else {
    console.log("    anchor: not measured (no ../shared/anchors here, or its text changed shape), so no ratio");
  }
  console.log(`    our runs: ${ours.map((value) => value.toFixed(0)).join(", ")} ms`);
  // Where the time goes: setting up, drawing the inputs and running every scenario, percentiles and bands.
  const phases = { setUp: [] as number[], run: [] as number[], summarise: [] as number[] };
  for (let repetition = 0; repetition < 3; repetition++) {
    let start = performance.now();
    const monteCarlo = new MonteCarlo(compiled, { samples, seed: 7, decision: false });
    phases.setUp.push(performance.now() - start);
    start = performance.now();
    monteCarlo.runAll();
    phases.run.push(performance.now() - start);
    start = performance.now();
    monteCarlo.summarise();
    phases.summarise.push(performance.now() - start);
    monteCarlo.release();
  }
  console.log(
    `    of which: set-up ${median(phases.setUp).toFixed(0)} ms, draws and runs ${median(phases.run).toFixed(0)} ms, percentiles and bands ${median(phases.summarise).toFixed(0)} ms (medians of 3)`,
  );

  const alternative = chooseAlternative(compiled);
  const sobolTime = medianTime(3, () => {
    sobol(compiled, alternative, { baseSamples: 4096, seed: 3 });
  });
  console.log(
    `  Sobol D = 30, N = 4,096 (${(4096 * 32).toLocaleString("en-US")} runs + bootstrap): median ${sobolTime.toFixed(0)} ms (target ≤ 3,000 ms)${ratio(sobolTime, anchor?.steps.get("8"))}`,
  );

  const folder = mkdtempSync(join(tmpdir(), "mlops-roi-bench-"));
  try {
    const file = join(folder, "uncertain.yaml");
    writeFileSync(file, uncertainCaseText(30));
    const cli = join(projectRoot, "bin", "mlops-roi.js");
    const walls: number[] = [];
    const memories: number[] = [];
    for (let repetition = 0; repetition < 3; repetition++) {
      const started = performance.now();
      const child = spawnSync(
        process.execPath,
        [cli, "run", file, "--samples", String(samples), "--json", "--timing", "-o", join(folder, `out${repetition}.json`)],
        { encoding: "utf8" },
      );
      walls.push(performance.now() - started);
      if (child.status !== 0) throw new Error(child.stderr);
      const memory = /peak memory (\d+) MB/.exec(child.stderr);
      if (memory) memories.push(Number(memory[1]));
    }
    walls.sort((a, b) => a - b);
    memories.sort((a, b) => a - b);
    console.log(
      `  whole command \`run --samples 100000 --json\`, process start included: median ${walls[1]!.toFixed(0)} ms; peak memory median ${memories[1] ?? "?"} MB (target ≤ 300 MB)`,
    );
  } catch (error) {
    console.log(`  whole command: could not run the built command line (${(error as Error).message.split("\n")[0]}); run \`npm run build\` first`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

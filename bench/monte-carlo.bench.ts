// The Monte Carlo and Sobol figures of the ranges issue: 100,000 samples × 60 months × 3 scenarios
// with 30 uncertain inputs; Sobol with D = 30, N = 4,096; the whole `run --samples 100000` command.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chooseAlternative, MonteCarlo, sobol } from "../src/engine/index.js";
import { medianTime, type AnchorFigures } from "./anchor.js";
import { uncertainCase, uncertainCaseText } from "./cases.js";

function ratio(ours: number, anchor: number | undefined): string {
  return anchor === undefined ? "" : `   anchor ${anchor.toFixed(0)} ms, ratio ${(ours / anchor).toFixed(2)}×`;
}

export function benchMonteCarlo(anchor: AnchorFigures | undefined): void {
  const compiled = uncertainCase(30);
  const samples = 100_000;
  console.log(`monte carlo: ${samples.toLocaleString("en-US")} samples × ${compiled.horizonMonths} months × ${compiled.scenarios.length} scenarios, ${compiled.uncertainLeaves.length} uncertain inputs`);
  const endToEnd = medianTime(3, () => {
    new MonteCarlo(compiled, { samples, seed: 7 }).runAll().summarise();
  });
  console.log(`  draw + simulate + percentiles and bands: median ${endToEnd.toFixed(0)} ms (target ≤ 1,000 ms, ≤ 3× anchor)${ratio(endToEnd, anchor?.steps.get("6"))}`);

  const alternative = chooseAlternative(compiled);
  const sobolTime = medianTime(3, () => {
    sobol(compiled, alternative, { baseSamples: 4096, seed: 3 });
  });
  console.log(`  Sobol D = 30, N = 4,096 (${(4096 * 32).toLocaleString("en-US")} runs + bootstrap): median ${sobolTime.toFixed(0)} ms (target ≤ 3,000 ms)${ratio(sobolTime, anchor?.steps.get("8"))}`);

  const folder = mkdtempSync(join(tmpdir(), "mlops-roi-bench-"));
  try {
    const file = join(folder, "uncertain.yaml");
    writeFileSync(file, uncertainCaseText(30));
    const cli = fileURLToPath(new URL("../bin/mlops-roi.js", import.meta.url));
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

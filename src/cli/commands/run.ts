import type { Command } from "commander";
import { buildResult, withUncertainty, suggest } from "../../engine/index.js";
import { renderRunReport } from "../format/run-report.js";
import { UserError, type CliOutput } from "../io.js";
import { writeFileAtomic } from "../../shared/atomic-write.js";
import { refuseOutput, wroteMessage } from "../output-file.js";
import { toJson } from "../json.js";
import { loadScenario, SCENARIO_FILE_WORDS } from "../load.js";
import { runMonteCarlo, type SamplingOptions } from "../uncertainty.js";
import { formatNumber } from "../../format/numbers.js";

interface RunOptions extends SamplingOptions {
  json?: boolean;
  scenario?: string;
  output?: string;
  force?: boolean;
  timing?: boolean;
}

export function registerRun(program: Command, output: CliOutput): void {
  program
    .command("run")
    .description("Simulate every scenario month by month and compare each alternative with the baseline.")
    .argument("<file>", SCENARIO_FILE_WORDS)
    .option("--json", "print the full result as JSON (the stable contract for scripts)")
    .option("--scenario <name>", "show only this scenario (and its comparison with the baseline)")
    .option("--samples <n>", "Monte Carlo samples when the file has ranges: 0 for none, else at least 100 (any number with --json; default: 10000 with ranges)")
    .option("--seed <s>", "seed of the random draws: the same seed gives the same numbers (default: 1)")
    .option("--lhs", "Latin hypercube sampling instead of plain random draws")
    .option("--timing", "print how long the run took and its peak memory on stderr")
    .option("-o, --output <file>", "write the output to a file instead of the terminal ('-': the terminal)")
    .option("--force", "replace the output file if it exists (the old one is kept as .bak)")
    .addHelpText(
      "after",
      `
Examples:
  $ mlops-roi run examples/seed.yaml
  $ mlops-roi run examples/seed.yaml --scenario optimal
  $ mlops-roi run examples/seed-uncertain.yaml --samples 100000 --seed 7
  $ mlops-roi run examples/seed.yaml --json > result.json`,
    )
    .action(async (file: string, options: RunOptions) => {
      // Seconds since the process started (process.uptime, which needs no perf_hooks).
      const started = process.uptime();
      // Refused before anything runs: a folder, an existing file without --force, the scenario file itself.
      if (options.output && options.output !== "-")
        refuseOutput(options.output, { force: options.force ?? false, example: options.json ? "result.json" : "result.txt", input: file });
      const { compiled } = loadScenario(file, output);
      if (!compiled) return;
      const names = compiled.scenarios.map((scenario) => scenario.name);
      if (options.scenario !== undefined && !names.includes(options.scenario)) {
        const guess = suggest(options.scenario, names);
        throw new UserError(
          `--scenario ${options.scenario}: no such scenario in ${file}${guess ? `; did you mean "${guess}"?` : "."} Allowed: ${names.join(", ")}`,
          2,
        );
      }
      const simulated = process.uptime();
      // The tables show no month-by-month band: only the JSON carries them.
      const uncertainty = await runMonteCarlo(compiled, options, output, {
        monthlyBands: options.json ? "all" : "none",
        // The tables say chances and 90% ranges, which fewer than 100 samples cannot tell; the JSON gives the samples beside its figures.
        ...(options.json ? {} : { document: "run" as const }),
      });
      const sampled = process.uptime();
      const deterministic = buildResult(compiled);
      const result = uncertainty ? withUncertainty(deterministic, uncertainty) : deterministic;
      let text: string;
      if (options.json) {
        if (options.scenario !== undefined) {
          const keep = options.scenario;
          text = toJson({
            ...result,
            scenarios: Object.fromEntries(Object.entries(result.scenarios).filter(([name]) => name === keep || name === result.baseline)),
            comparisons: Object.fromEntries(Object.entries(result.comparisons).filter(([name]) => name === keep)),
          });
        } else {
          text = toJson(result);
        }
      } else {
        text = renderRunReport(result, { file, ...(options.scenario !== undefined ? { scenario: options.scenario } : {}) });
      }
      // "-" is the terminal, as for init, report and import.
      if (options.output && options.output !== "-") {
        output.stderr(wroteMessage(options.output, writeFileAtomic(options.output, text, { force: options.force ?? false })));
      } else {
        output.stdout(text);
      }
      if (options.timing) {
        const seconds = (from: number, to: number) => (to - from).toFixed(3);
        const samples = uncertainty?.samples ?? 0;
        const rate = samples > 0 ? `, ${formatNumber(samples / (sampled - simulated))} samples/s` : "";
        output.stderr(
          `timing: process start to end ${process.uptime().toFixed(3)} s; reading and checking ${seconds(started, simulated)} s; ` +
            `Monte Carlo ${formatNumber(samples)} samples ${seconds(simulated, sampled)} s${rate}; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
        );
      }
    });
}

import type { Command } from "commander";
import { buildResult } from "../../engine/index.js";
import { renderRunReport } from "../format/run-report.js";
import { UserError, writeFileAtomic, type CliOutput } from "../io.js";
import { toJson } from "../json.js";
import { loadScenario } from "../load.js";
import { suggest } from "../../engine/scenario/suggest.js";

export function registerRun(program: Command, output: CliOutput): void {
  program
    .command("run")
    .description("Simulate every scenario month by month and compare each alternative with the baseline.")
    .argument("<file>", "scenario file (.yaml, .yml or .json)")
    .option("--json", "print the full result as JSON (the stable contract for scripts)")
    .option("--scenario <name>", "show only this scenario (and its comparison with the baseline)")
    .option("-o, --output <file>", "write the output to a file instead of the terminal")
    .option("--force", "replace the output file if it exists (the old one is kept as .bak)")
    .addHelpText(
      "after",
      `
Examples:
  $ mlops-roi run examples/seed.yaml
  $ mlops-roi run examples/seed.yaml --scenario optimal
  $ mlops-roi run examples/seed.yaml --json > result.json`,
    )
    .action((file: string, options: { json?: boolean; scenario?: string; output?: string; force?: boolean }) => {
      const { compiled } = loadScenario(file, output);
      if (!compiled) return;
      const names = compiled.scenarios.map((scenario) => scenario.name);
      if (options.scenario !== undefined && !names.includes(options.scenario)) {
        const guess = suggest(options.scenario, names);
        throw new UserError(`--scenario ${options.scenario}: no such scenario in ${file}${guess ? `; did you mean "${guess}"?` : ""} Allowed: ${names.join(", ")}`);
      }
      const result = buildResult(compiled);
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
        text = renderRunReport(result, options.scenario !== undefined ? { scenario: options.scenario } : {});
      }
      if (options.output) {
        const { backup } = writeFileAtomic(options.output, text, { force: options.force ?? false });
        output.stderr(`wrote ${options.output}${backup ? ` (previous version kept as ${backup})` : ""}\n`);
      } else {
        output.stdout(text);
      }
    });
}

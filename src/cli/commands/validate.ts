import type { Command } from "commander";
import type { CliOutput } from "../io.js";
import { plural } from "../../format/numbers.js";
import { countSummary } from "../diagnostics.js";
import { loadScenario, SCENARIO_FILE_WORDS, STDIN_NAME } from "../load.js";

export function registerValidate(program: Command, output: CliOutput): void {
  program
    .command("validate")
    .description("Check a scenario file and report every problem at once, with line and column.")
    .argument("<file>", SCENARIO_FILE_WORDS)
    .addHelpText("after", "\nExample:\n  $ mlops-roi validate examples/seed.yaml")
    .action((file: string) => {
      const { compiled, issues } = loadScenario(file, output, { checkOnly: true });
      if (!compiled) return;
      const alternatives = compiled.scenarios.length - 1;
      // Warnings printed above a bare "valid" read as passed over: the line counts them.
      const warnings = issues.length > 0 ? ` (with ${countSummary(issues)} above)` : "";
      output.stdout(
        `${file === "-" ? STDIN_NAME : file}: valid${warnings} — ${compiled.scenarios.length} scenario${compiled.scenarios.length === 1 ? "" : "s"} (baseline "${compiled.baseline}" and ${alternatives} alternative${alternatives === 1 ? "" : "s"}), ${plural(compiled.leaves.length, "input")}, ${plural(compiled.horizonMonths, "month")}\n`,
      );
    });
}

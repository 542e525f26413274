import type { Command } from "commander";
import { scenarioJsonSchema } from "../../engine/index.js";
import type { CliOutput } from "../io.js";
import { writeFileAtomic } from "../../shared/atomic-write.js";
import { toJson } from "../json.js";
import { refuseOutput, wroteMessage } from "../output-file.js";

export function registerSchema(program: Command, output: CliOutput): void {
  program
    .command("schema")
    .description("Print the JSON Schema of scenario files (for editors and other tools).")
    .option("-o, --output <file>", "write it to a file ('-': the terminal)")
    .option("--force", "replace the output file if it exists (the old one is kept as .bak)")
    .addHelpText("after", "\nExample:\n  $ mlops-roi schema -o scenario.schema.json")
    .action((options: { output?: string; force?: boolean }) => {
      const text = toJson(scenarioJsonSchema());
      // "-" is the terminal, as for init, report and import.
      if (options.output && options.output !== "-") {
        refuseOutput(options.output, { force: options.force ?? false, example: "scenario.schema.json" });
        output.stderr(wroteMessage(options.output, writeFileAtomic(options.output, text, { force: options.force ?? false })));
      } else output.stdout(text);
    });
}

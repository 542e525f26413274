import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { Option, type Command } from "commander";
import { schemaPath, templateNames, templatePath, type TemplateName } from "../package-files.js";
import type { CliOutput } from "../io.js";
import { writeFileAtomic } from "../../shared/atomic-write.js";

const descriptions: Record<TemplateName, string> = {
  seed: "the seed's sheet: one person, three releases a year",
  solo: "a solo data scientist",
  team: "a small-business data team",
  enterprise: "an enterprise data organisation",
};

/** Points the editor's schema comment at the schema shipped with this package. */
function withSchemaComment(text: string, outputFile: string | undefined): string {
  const from = outputFile ? dirname(resolve(outputFile)) : process.cwd();
  let location = relative(from, schemaPath).split("\\").join("/");
  if (!location.startsWith(".")) location = `./${location}`;
  return text.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${location}`);
}

export function registerInit(program: Command, output: CliOutput): void {
  program
    .command("init")
    .description("Write a commented starting scenario file from a template.")
    .addOption(new Option("-t, --template <name>", "which template").choices([...templateNames]).default("seed"))
    .option("-o, --output <file>", "file to write; - for the terminal", "scenario.yaml")
    .option("--force", "replace the file if it exists (the old one is kept as .bak)")
    .addHelpText(
      "after",
      `
Templates:
${templateNames.map((name) => `  ${name.padEnd(11)} ${descriptions[name]}`).join("\n")}

Examples:
  $ mlops-roi init --template team -o our-case.yaml
  $ mlops-roi init --template solo -o - | less`,
    )
    .action((options: { template: TemplateName; output: string; force?: boolean }) => {
      const text = readFileSync(templatePath(options.template), "utf8");
      if (options.output === "-") {
        output.stdout(withSchemaComment(text, undefined));
        return;
      }
      const { backup } = writeFileAtomic(options.output, withSchemaComment(text, options.output), { force: options.force ?? false });
      output.stderr(
        `wrote ${options.output} from the ${options.template} template${backup ? ` (previous version kept as ${backup})` : ""}\n` +
          `next: edit the numbers marked "assumed", then run: mlops-roi run ${options.output}\n`,
      );
    });
}

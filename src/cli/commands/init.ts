import { refuseOutput, refuseUnnamedLink } from "../output-file.js";
import { shellPath } from "../../format/shell-word.js";
import { lstatSync, readFileSync, readlinkSync, statSync, type Stats } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Option, type Command } from "commander";
import { schemaPath, templateNames, templatePath, type TemplateName } from "../../shared/package-files.js";
import { UserError, type CliOutput } from "../io.js";
import { folderBackup, isFolderBackup, isReadOnlyBackup, isReadOnlyPath, readOnlyBackup, readOnlyFile, writeFileAtomic } from "../../shared/atomic-write.js";

const descriptions: Record<TemplateName, string> = {
  seed: "the seed's sheet: one person, three releases a year",
  solo: "a solo data scientist",
  team: "a small-business data team",
  enterprise: "an enterprise data organisation",
};

/**
 * The words each template's notes mark its starting assumptions with, which "next:" tells the user to
 * look for: the seed writes "assumed", the others "our assumption" (a test holds each to its text).
 */
export const ASSUMPTION_MARKS: Record<TemplateName, string> = {
  seed: "assumed",
  solo: "our assumption",
  team: "our assumption",
  enterprise: "our assumption",
};

/** The schema's name beside a case: committed with it, so it works for a colleague who clones the case's repository. */
export const SCHEMA_BESIDE_CASE = "mlops-roi.schema.json";

/** Points the editor's schema comment at the schema copy beside the case file. */
function withSchemaComment(text: string): string {
  return text.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=./${SCHEMA_BESIDE_CASE}`);
}

/**
 * The schema's place beside the case, checked before anything is written: a folder, a pipe or a
 * broken link of that name would only fail (or, a pipe, hang) once the case was written.
 * Returns the plain file there, if any.
 */
function schemaPlace(target: string): Stats | undefined {
  let entry: Stats | undefined;
  try {
    entry = lstatSync(target, { throwIfNoEntry: false });
  } catch {
    return undefined; // A path that cannot be looked at: the write says why.
  }
  if (!entry) return undefined;
  let stats = entry;
  let problem: string | undefined;
  if (entry.isSymbolicLink()) {
    try {
      stats = statSync(target);
    } catch {
      problem = `it is a link to ${readlinkSync(target)}, which does not exist`;
    }
    // A link is refused only where the schema would be written through it (`schemaBeside`): one that
    // points at this version's schema (a schema shared between case folders) is kept as it is.
  }
  if (!problem && stats.isDirectory()) problem = "it is a folder";
  else if (!problem && !stats.isFile()) problem = "it is not a plain file (a device, pipe or socket)";
  if (problem)
    throw new UserError(
      `cannot write ${target}, the schema init puts beside the case: ${problem}; nothing was written (move it away, or write the case elsewhere)`,
    );
  return stats;
}

/**
 * What becomes of the schema beside the case, decided before the case is written: written when
 * there is none, left as it is when it is this version's (not rewritten: a read-only copy is no
 * obstacle), and a different one kept unless --force, and the user told. A different one that
 * --force would replace but that is read-only, or whose backup `.bak` is (or is a folder), stops
 * `init` here, before it writes anything (it wrote the case, then failed on the schema).
 */
function schemaBeside(target: string, existing: Stats | undefined, force: boolean): { schema: string; write: boolean; note: string } {
  const schema = readFileSync(schemaPath, "utf8");
  const wrote = `wrote ${target} (the schema editors check the case against; commit it with the case)\n`;
  if (existing === undefined) return { schema, write: true, note: wrote };
  // A file of another size differs without reading it (it could be anything, and large).
  const differs = existing.size !== Buffer.byteLength(schema) || readFileSync(target, "utf8") !== schema;
  if (!differs) return { schema, write: false, note: `kept ${target}, this version's schema already\n` };
  if (!force) {
    return {
      schema,
      write: false,
      note: `kept the existing ${target}, which differs from this version's schema (mlops-roi schema -o ${SCHEMA_BESIDE_CASE} --force updates it)\n`,
    };
  }
  // Written through, a link would put the schema into whatever file it points to, which no option named.
  refuseUnnamedLink(target, "the schema init puts beside the case", "remove the link, or write the case elsewhere");
  const then = "run again, or write the case elsewhere";
  if (isReadOnlyPath(target)) throw new UserError(readOnlyFile(target, then));
  if (isReadOnlyBackup(target)) throw new UserError(readOnlyBackup(target, then));
  // A folder where the old copy would be kept fails the write too: here, before the case is written,
  // not after it, under a "nothing was written" that would no longer be true.
  if (isFolderBackup(target)) throw new UserError(folderBackup(target));
  return { schema, write: true, note: wrote };
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
    .action((options: { template: TemplateName; output: string; force?: boolean }, command: Command) => {
      const text = readFileSync(templatePath(options.template), "utf8");
      if (options.output === "-") {
        output.stdout(withSchemaComment(text));
        // The case's first line points editors at a schema beside it, which only a file written by
        // init gets: said on stderr, so that what is piped or redirected is the case alone.
        output.stderr(
          `printed the ${options.template} template; its first line points editors at ./${SCHEMA_BESIDE_CASE}, a copy of the schema beside the case that -o - does not write: in the case's folder, run mlops-roi schema -o ${SCHEMA_BESIDE_CASE}\n`,
        );
        return;
      }
      refuseOutput(options.output, { force: options.force ?? false, example: "scenario.yaml" });
      if (command.getOptionValueSource("output") === "default")
        refuseUnnamedLink(options.output, `init's default ${options.output}`, `give -o ${shellPath(options.output)} to write through it, or remove the link`);
      const schemaTarget = join(dirname(options.output), SCHEMA_BESIDE_CASE);
      if (resolve(schemaTarget) === resolve(options.output))
        throw new UserError(
          `-o ${options.output}: that is the name of the schema init writes beside the case; give the case another name, e.g. -o scenario.yaml`,
          2,
        );
      const schema = schemaBeside(schemaTarget, schemaPlace(schemaTarget), options.force ?? false);
      const { backup } = writeFileAtomic(options.output, withSchemaComment(text), { force: options.force ?? false });
      if (schema.write) writeFileAtomic(schemaTarget, schema.schema, { force: true });
      output.stderr(
        `wrote ${options.output} from the ${options.template} template${backup ? ` (previous version kept as ${backup})` : ""}\n` +
          schema.note +
          `next: edit the numbers marked "${ASSUMPTION_MARKS[options.template]}", then run: mlops-roi run ${shellPath(options.output)}\n`,
      );
    });
}

import "./zod-jitless.js";
import { statSync } from "node:fs";
import { hasErrors, validateScenarioText, MAX_SOURCE_BYTES, type Validation } from "../engine/index.js";
import { readBounded } from "../shared/read-bounded.js";
import { scenarioTextOf } from "../shared/utf8.js";
import { countSummary, formatIssues } from "./diagnostics.js";
import { UserError, type CliOutput } from "./io.js";
import { formatNumber } from "../format/numbers.js";

/**
 * What every command reads as a case, for its help and messages: YAML or JSON, whatever the file's
 * name ends in (a backup "case.yaml.bak", a pipe "<(...)"); `serve` alone asks for .yaml, .yml or
 * .json, the format it saves back in (docs/commands.md).
 */
export const SCENARIO_FILE_WORDS = "scenario file, in YAML or JSON (read whatever its name ends in)";

/** What messages call standard input, read for the file name "-". */
export const STDIN_NAME = "<stdin>";

/**
 * Reads and validates a scenario file ("-": standard input). Problems are printed with positions; any error stops the
 * command with exit 1 before anything is written.
 */
export function loadScenario(argument: string, output: CliOutput, options: { checkOnly?: boolean } = {}): Validation {
  // "-" is standard input (`mlops-roi validate - < case.yaml`), named so in messages.
  const fromStdin = argument === "-";
  const path = fromStdin ? STDIN_NAME : argument;
  const outcome = options.checkOnly ? "" : "; nothing was run";
  let text: string;
  try {
    const stats = fromStdin ? undefined : statSync(path);
    if (stats?.isDirectory()) throw new UserError(`${path} is a folder; expected a ${SCENARIO_FILE_WORDS}`);
    const tooLarge = (size: string) => {
      // Refused before reading on: a huge file is a mistake (or an attack), never a scenario.
      output.stderr(`${path}:1:1: error: the file is ${size} bytes; allowed: a scenario file of at most ${formatNumber(MAX_SOURCE_BYTES)} bytes (1 MB)\n`);
      return new UserError(`${path}: 1 error${outcome}`);
    };
    if (stats && stats.size > MAX_SOURCE_BYTES) throw tooLarge(formatNumber(stats.size));
    // Read with a bound too: a device or a pipe (/dev/zero, <(...)) has no size to check first.
    const read = readBounded(fromStdin ? 0 : path, MAX_SOURCE_BYTES);
    if (read.tooLarge) throw tooLarge(`more than ${formatNumber(MAX_SOURCE_BYTES)}`);
    const decoded = scenarioTextOf(read.bytes);
    if ("message" in decoded) {
      output.stderr(`${path}:${decoded.line}:${decoded.column}: error: ${decoded.message}\n`);
      throw new UserError(`${path}: 1 error${outcome}`);
    }
    text = decoded.text;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${path}: no such file (run \`mlops-roi init\` to create one)`);
    if (code === "EACCES") throw new UserError(`${path}: permission denied`);
    throw new UserError(`${path}: cannot be read (${(error as Error).message})`);
  }
  const validation = validateScenarioText(text);
  if (validation.issues.length > 0) output.stderr(`${formatIssues(path, text, validation.issues)}\n`);
  if (hasErrors(validation.issues) || !validation.compiled) {
    throw new UserError(`${path}: ${countSummary(validation.issues)}${outcome}`);
  }
  return validation;
}

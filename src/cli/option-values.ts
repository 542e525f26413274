import type { Command } from "commander";
import { UserError } from "./io.js";

/**
 * `-o -- -x.yaml` read as `-o -x.yaml`. Commander 14, as getopt does, takes the word after an
 * option that needs a value as its value, whatever it is, `--` included: `init -o -- -x.yaml` took
 * `--` as the file and stopped at "unknown option '-x.yaml'", and `init -o --` wrote a file named
 * `--`. Right after such an option, `--` now says that the next word is its value even if it
 * starts with a dash; with no word after it, it is wrong usage. Elsewhere `--` keeps its meaning
 * (what follows is not an option), and `-o -x.yaml` and `-o ./-x.yaml` work as before.
 * @example valuesAfterDashDash(["init", "-o", "--", "-x.yaml"], program) // ["init", "-o", "-x.yaml"]
 */
export function valuesAfterDashDash(argv: readonly string[], program: Command): readonly string[] {
  // Each flag of an option that takes a value, with what its help calls the value (`<file>`, `<s>`).
  const takesValue = new Map<string, string>();
  // Every option word the command line knows, to tell `-o --force` (a forgotten file name) from a file.
  const optionWords = new Set(["-h", "--help", "-v", "--version"]);
  let command: Command | undefined = program;
  // The options of the command line's command and, for `track`, of its subcommand: each is named
  // before its options (`track show --db FILE`).
  for (let index = 0; command; index++) {
    for (const option of command.options) {
      if (option.short) optionWords.add(option.short);
      if (option.long) optionWords.add(option.long);
      if (!option.required) continue;
      const value = /<[^>]*>/.exec(option.flags)?.[0] ?? "<value>";
      if (option.short) takesValue.set(option.short, value);
      if (option.long) takesValue.set(option.long, value);
    }
    const word = argv[index];
    command = command.commands.find((sub) => sub.name() === word || sub.aliases().includes(word ?? ""));
  }
  const result: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index]!;
    if (word === "--") {
      result.push(...argv.slice(index));
      break;
    }
    // `--output=--force`, `--output=`: the value attached to the option, checked as one after it is.
    const attached = /^(--[^=]+)=(.*)$/s.exec(word);
    if (attached && takesValue.has(attached[1]!) && isFileValue(takesValue.get(attached[1]!)!)) refuseOptionAsFile(attached[1]!, attached[2]!, optionWords);
    result.push(word);
    if (!takesValue.has(word) || index + 1 >= argv.length) continue;
    if (argv[index + 1] === "--") {
      const value = argv[index + 2];
      if (value === undefined) throw new UserError(noValueAfterDashDash(word, takesValue.get(word)!), 2);
      result.push(value);
      index += 2;
    } else {
      const value = argv[index + 1]!;
      if (isFileValue(takesValue.get(word)!)) refuseOptionAsFile(word, value, optionWords);
      result.push(value);
      index++;
    }
  }
  return result;
}

function isFileValue(value: string): boolean {
  return value === "<file>" || value === "<path>";
}

/**
 * `-o --force`, `-o -v` and `-o ''`: a file option followed by one of the command line's own option
 * words, or by nothing, is a forgotten file name, wrong usage (exit 2). It wrote a file named
 * "--force", printed the version and exited 0, or wrote to the terminal.
 * @example refuseOptionAsFile("-o", "--force", words) // throws "-o needs a file name; to write a file named --force use -o ./--force"
 */
function refuseOptionAsFile(flag: string, value: string, optionWords: ReadonlySet<string>): void {
  if (value === "") throw new UserError(`${flag} needs a file name, and '' is none; give the file to write, e.g. ${flag} case.yaml`, 2);
  const word = value.startsWith("--") ? value.split("=")[0]! : value;
  if (optionWords.has(word)) throw new UserError(`${flag} needs a file name; to write a file named ${value} use ${flag} ./${value}`, 2);
}

/**
 * What `-o --` with nothing after it says: the value goes after `--`; for a file (`<file>`, `<path>`),
 * one whose name starts with a dash may also be written ./-x.yaml; for any other value (a seed, a
 * note) `--seed=VALUE` gives it too, and no file is meant.
 * @example noValueAfterDashDash("--seed", "<s>") // "--seed --: no value after `--`; give the value right after it (--seed -- <s>), or as --seed=<s>"
 */
function noValueAfterDashDash(flag: string, value: string): string {
  if (isFileValue(value))
    return `${flag} --: no value after \`--\`; give it there (${flag} -- -x.yaml), or write a file whose name starts with a dash as ./-x.yaml`;
  const attached = flag.startsWith("--") ? `, or as ${flag}=${value}` : "";
  return `${flag} --: no value after \`--\`; give the value right after it (${flag} -- ${value})${attached}`;
}

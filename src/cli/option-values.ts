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
  let command: Command | undefined = program;
  // The options of the command line's command and, for `track`, of its subcommand: each is named
  // before its options (`track show --db FILE`).
  for (let index = 0; command; index++) {
    for (const option of command.options) {
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
    result.push(word);
    if (!takesValue.has(word) || index + 1 >= argv.length) continue;
    if (argv[index + 1] === "--") {
      const value = argv[index + 2];
      if (value === undefined) throw new UserError(noValueAfterDashDash(word, takesValue.get(word)!), 2);
      result.push(value);
      index += 2;
    } else {
      result.push(argv[index + 1]!);
      index++;
    }
  }
  return result;
}

/**
 * What `-o --` with nothing after it says: the value goes after `--`; for a file (`<file>`, `<path>`),
 * one whose name starts with a dash may also be written ./-x.yaml; for any other value (a seed, a
 * note) `--seed=VALUE` gives it too, and no file is meant.
 * @example noValueAfterDashDash("--seed", "<s>") // "--seed --: no value after `--`; give the value right after it (--seed -- <s>), or as --seed=<s>"
 */
function noValueAfterDashDash(flag: string, value: string): string {
  if (value === "<file>" || value === "<path>")
    return `${flag} --: no value after \`--\`; give it there (${flag} -- -x.yaml), or write a file whose name starts with a dash as ./-x.yaml`;
  const attached = flag.startsWith("--") ? `, or as ${flag}=${value}` : "";
  return `${flag} --: no value after \`--\`; give the value right after it (${flag} -- ${value})${attached}`;
}

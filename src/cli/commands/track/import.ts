import { statSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { countActuals } from "../../../store/actual-repository.js";
import { parseColumnMap } from "../../../store/csv/columns.js";
import { textEncodings, type TextEncodingName } from "../../../store/csv/decode.js";
import type { LineIssue } from "../../../store/csv/parse.js";
import { importActualsCsv } from "../../../store/import-actuals.js";
import { readBounded } from "../../../shared/read-bounded.js";
import { UserError, type CliOutput } from "../../io.js";
import { checkedTeam, storePath, withStore, withStoreOptions, type StoreOptions } from "./store-access.js";

interface ImportOptions extends StoreOptions {
  map: string[];
  encoding?: string;
  delimiter?: string;
  decimalComma?: boolean;
  replace?: boolean;
  dryRun?: boolean;
}

/** A CSV of actuals may hold 240 months for many teams; a file far beyond that is a mistake. */
const MAX_CSV_BYTES = 200_000_000;
/** Problems listed before "... and N more". */
const SHOWN_ISSUES = 30;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `file:line: column: message` lines, at most SHOWN_ISSUES of them. */
export function formatLineIssues(file: string, issues: readonly LineIssue[]): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => `${file}:${issue.line}: ${issue.message}`);
  if (issues.length > SHOWN_ISSUES) shown.push(`... and ${issues.length - SHOWN_ISSUES} more`);
  return shown.join("\n");
}

function readBytes(file: string): Uint8Array {
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new UserError(`${file} is a folder; expected a CSV file`);
    if (stats.size > MAX_CSV_BYTES)
      throw new UserError(`${file} is ${(stats.size / 1e6).toFixed(0)} MB; a CSV of actuals may be at most ${MAX_CSV_BYTES / 1e6} MB`);
    // Bounded as well: a device or a pipe has no size to check first.
    const read = readBounded(file, MAX_CSV_BYTES);
    if (read.tooLarge) throw new UserError(`${file} holds more than ${MAX_CSV_BYTES / 1e6} MB; a CSV of actuals may be at most ${MAX_CSV_BYTES / 1e6} MB`);
    return read.bytes;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${file}: no such file`);
    throw new UserError(`${file}: cannot be read (${(error as Error).message})`);
  }
}

export function registerTrackImport(track: Command, output: CliOutput): void {
  withStoreOptions(
    track
      .command("import")
      .description("Import months of actuals from a CSV file: every row is checked first, then all are written in one transaction (or none).")
      .argument("<csv>", "CSV file: a header line, then one line per month (and team)")
      .option("--map <column=field>", 'read a CSV column as a field, e.g. --map "Upkeep (h)=upkeepHours"; "=skip" ignores a column (repeatable)', collect, [])
      .option("--encoding <name>", `the file's encoding when it has no byte-order mark (${textEncodings.join(", ")}; default utf-8)`)
      .option("--delimiter <character>", "cell delimiter (default: guessed from the header: comma, semicolon or tab)")
      .option("--decimal-comma", 'numbers are written with a decimal comma, as "12,5" (cells then need a semicolon or tab delimiter)')
      .option("--replace", "overwrite months already recorded")
      .option("--dry-run", "check the file and report what would be imported, without writing"),
  )
    .addHelpText(
      "after",
      `
Columns: month (a month number or YYYY-MM), optionally team and note, and any of the measures of
\`track add\` by their field names (upkeepHours, liveProjects, ...). Headers match ignoring case,
spaces, hyphens and underscores ("Upkeep hours" reads as upkeepHours). Empty cells are not recorded.

Examples:
  $ mlops-roi track import actuals.csv --case case.yaml
  $ mlops-roi track import export.csv --db case.db --map "Month=month" --map "Upkeep (h)=upkeepHours" --map "Comments=skip"
  $ mlops-roi track import all-teams.csv --db portfolio.db --dry-run`,
    )
    .action(async (file: string, options: ImportOptions) => {
      const team = checkedTeam(options.team);
      const path = storePath(options);
      const columnMap = parseColumnMap(options.map);
      if ("message" in columnMap) throw new UserError(columnMap.message);
      if (options.encoding !== undefined && !(textEncodings as readonly string[]).includes(options.encoding.toLowerCase())) {
        throw new UserError(`--encoding ${options.encoding}: allowed: ${textEncodings.join(", ")}`);
      }
      const delimiter = options.delimiter === "\\t" || options.delimiter === "tab" ? "\t" : options.delimiter;
      if (delimiter !== undefined && (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r")) {
        throw new UserError(`--delimiter ${JSON.stringify(options.delimiter)}: expected one character such as , ; or tab`);
      }
      const bytes = readBytes(file);
      await withStore(path, {}, (store) => {
        const outcome = importActualsCsv(store, bytes, {
          fileName: basename(file),
          team,
          map: columnMap.map,
          ...(options.encoding ? { encoding: options.encoding.toLowerCase() as TextEncodingName } : {}),
          ...(delimiter ? { delimiter } : {}),
          decimalComma: options.decimalComma ?? false,
          replace: options.replace ?? false,
          dryRun: options.dryRun ?? false,
        });
        if (outcome.status === "refused") {
          const count = outcome.issues.length;
          const why =
            outcome.reason === "already recorded"
              ? `${count} month${count === 1 ? " is" : "s are"} already in ${path}; use --replace to overwrite`
              : outcome.reason === "empty"
                ? "no months to import"
                : `${count} problem${count === 1 ? "" : "s"}`;
          throw new UserError(`${formatLineIssues(file, outcome.issues)}\n${file}: ${why}; nothing was imported`);
        }
        const teams = outcome.teams;
        const summary = `${outcome.months} month${outcome.months === 1 ? "" : "s"} for ${teams.length === 1 ? `team ${teams[0]}` : `${teams.length} teams`}`;
        if (outcome.status === "checked") {
          output.stdout(`${file}: ${summary} checked (${outcome.encoding}, delimiter ${JSON.stringify(outcome.delimiter)}); nothing was written (--dry-run)\n`);
          return;
        }
        const counts = countActuals(store);
        output.stdout(
          `imported ${summary} from ${file} into ${path}${outcome.replaced > 0 ? ` (${outcome.replaced} replaced)` : ""}\n` +
            teams
              .slice(0, 10)
              .map((name) => `  team ${name}: ${counts[name] ?? 0} months recorded`)
              .join("\n") +
            (teams.length > 10 ? `\n  ... and ${teams.length - 10} more teams` : "") +
            "\n",
        );
      });
    });
}

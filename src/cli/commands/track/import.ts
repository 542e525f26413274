import { statSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import {
  actualsCsv,
  actualsFormats,
  parseTimeRule,
  problemCount,
  problemLine,
  problemText,
  type ActualsFormat,
  type TimeRule,
} from "../../../measure/index.js";
import { countActuals } from "../../../store/actual-repository.js";
import { parseColumnMap } from "../../../store/csv/columns.js";
import { textEncodings, type TextEncodingName } from "../../../store/csv/decode.js";
import type { LineIssue } from "../../../shared/csv.js";
import { importActualsCsv, type ImportOutcome } from "../../../store/import-actuals.js";
import { readBounded } from "../../../shared/read-bounded.js";
import { UserError, type CliOutput } from "../../io.js";
import { checkedTeam, storePath, withStore, withStoreOptions, type StoreOptions } from "./store-access.js";
import { teamWords } from "../../../store/planned-teams.js";
import { droppedText, restoreHoursWarning, type OutageCost } from "./format.js";
import { currentPlan } from "../../../store/plan-repository.js";
import type { StoreDatabase } from "../../../store/database.js";
import { choresOfPlan, restoreHoursOutageCost, rulesInForce, validateScenarioText } from "../../../engine/index.js";
import { formatNumberAsGiven, plural } from "../../../format/numbers.js";

interface ImportOptions extends StoreOptions {
  map: string[];
  encoding?: string;
  delimiter?: string;
  decimalComma?: boolean;
  replace?: boolean;
  dryRun?: boolean;
  format: string[];
  deployWorkflow: string;
}

/** A CSV of actuals may hold 240 months for many teams; a file far beyond that is a mistake. */
const MAX_CSV_BYTES = 200_000_000;
/** Problems listed before "... and N more". */
const SHOWN_ISSUES = 30;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * `file:line: column: message` lines, at most SHOWN_ISSUES of them, of `count` problems in all (the
 * issues given and those left out), or of at least `count` with `atLeast`.
 */
export function formatLineIssues(file: string, issues: readonly LineIssue[], count = issues.length, atLeast = false): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => `${file}:${issue.line}: ${issue.message}`);
  if (count > shown.length) shown.push(`... and ${atLeast ? "at least " : ""}${count - shown.length} more`);
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
      .argument("<files...>", "CSV file: a header line, then one line per month (and team); with --format, one or more exports")
      .option("--map <column=field>", 'read a CSV column as a field, e.g. --map "Upkeep (h)=upkeepHours"; "=skip" ignores a column (repeatable)', collect, [])
      .option("--encoding <name>", `the file's encoding when it has no byte-order mark (${textEncodings.join(", ")}; default utf-8)`)
      .option("--delimiter <character>", "cell delimiter (default: guessed from the header: comma, semicolon or tab)")
      .option("--decimal-comma", 'numbers are written with a decimal comma, as "12,5" (cells then need a semicolon or tab delimiter)')
      .option("--replace", "overwrite months already recorded")
      .option("--dry-run", "check the file and report what would be imported, without writing")
      .option("--format <format>", `read an export instead of our CSV: ${actualsFormats.join(", ")} (one for each file, in order; repeatable)`, collect, [])
      .option("--deploy-workflow <regex>", "with --format github-actions or gitlab: runs whose name matches are deployments (case ignored)", "deploy|release"),
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
  $ mlops-roi track import all-teams.csv --db portfolio.db --dry-run
  $ mlops-roi track import runs.json incidents.csv --format github-actions --format incidents --case case.yaml`,
    )
    .action(async (files: string[], options: ImportOptions) => {
      const team = checkedTeam(options.team);
      const path = storePath(options);
      if (options.format.length > 0) return importExports(files, options, team, path, output);
      if (files.length > 1) throw new UserError(`${files.length} files given: give one CSV of actuals, or --format for each export`, 2);
      const file = files[0]!;
      const columnMap = parseColumnMap(options.map);
      if ("message" in columnMap) throw new UserError(columnMap.message, 2);
      if (options.encoding !== undefined && !(textEncodings as readonly string[]).includes(options.encoding.toLowerCase())) {
        throw new UserError(`--encoding ${options.encoding}: allowed: ${textEncodings.join(", ")}`, 2);
      }
      const delimiter = options.delimiter === "\\t" || options.delimiter === "tab" ? "\t" : options.delimiter;
      if (delimiter !== undefined && (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r")) {
        throw new UserError(`--delimiter ${JSON.stringify(options.delimiter)}: expected one character such as , ; or tab`, 2);
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
          const count = outcome.issueCount;
          const why =
            outcome.reason === "already recorded"
              ? `${count} month${count === 1 ? " is" : "s are"} already in ${path}; use --replace to overwrite`
              : outcome.reason === "empty"
                ? "no months to import"
                : `${outcome.atLeast ? "at least " : ""}${count} problem${count === 1 ? "" : "s"}`;
          throw new UserError(`${formatLineIssues(file, outcome.issues, count, outcome.atLeast)}\n${file}: ${why}; nothing was imported`);
        }
        warnRestoreHours(file, outcome, store, output);
        const teams = outcome.teams;
        const summary = `${outcome.months} month${outcome.months === 1 ? "" : "s"} for ${teams.length === 1 ? teamWords(teams[0]!) : `${teams.length} teams`}`;
        if (outcome.status === "checked") {
          output.stdout(
            `${file}: ${summary} checked (${outcome.encoding}, delimiter ${JSON.stringify(outcome.delimiter)})${wouldReplace(outcome.replaced)}; nothing was written (--dry-run)\n` +
              droppedText(outcome.dropped, { dryRun: true }),
          );
          return;
        }
        const counts = countActuals(store);
        output.stdout(
          `imported ${summary} from ${file} into ${path}${outcome.replaced > 0 ? ` (${outcome.replaced} replaced)` : ""}\n` +
            droppedText(outcome.dropped) +
            teams
              .slice(0, 10)
              .map((name) => `  ${teamWords(name)}: ${plural(counts[name] ?? 0, "month")} recorded`)
              .join("\n") +
            (teams.length > 10 ? `\n  ... and ${teams.length - 10} more teams` : "") +
            "\n",
        );
      });
    });
}

/**
 * Warns of the months an import records with hours to restore and no incident (`restoreHoursWithoutIncident`),
 * by line and month, with what their hours cost as outage at each team's plan's cost an hour (as
 * `track add` says it): "warning: actuals.csv: line 3 (month 2, hoursToRestore 6) records hours to
 * restore with incidents 0: … costed as outage (€900 at the plan's €150 an hour), …".
 */
function warnRestoreHours(file: string, outcome: Extract<ImportOutcome, { months: number }>, store: StoreDatabase, output: CliOutput): void {
  const kept = outcome.restoreHoursWithoutIncident ?? [];
  if (kept.length === 0) return;
  const byTeam = outcome.restoreHoursWithoutIncidentByTeam ?? [];
  const outage: OutageCost[] = byTeam.flatMap(({ team, hoursToRestore, byMonth }) => {
    // Every team imported has a plan (the import refuses a team without one).
    const plan = currentPlan(store, team);
    if (!plan) return [];
    // Each month's hours at the outage cost in force that month (today's before the change is in place).
    const months = byMonth ?? [{ month: plan.horizonMonths, hoursToRestore }];
    const rates = [...new Set(months.map((entry) => rulesInForce(plan.rules, entry.month).outageCostPerHour))];
    const total = months.reduce((sum, entry) => sum + restoreHoursOutageCost(entry.hoursToRestore, rulesInForce(plan.rules, entry.month)), 0);
    const cost: OutageCost = {
      cost: total,
      outageCostPerHour: rates[0]!,
      ...(rates.length > 1 ? { otherOutageCostsPerHour: rates.slice(1) } : {}),
      currency: plan.currency,
    };
    return [byTeam.length === 1 ? cost : { ...cost, team }];
  });
  const count = outcome.restoreHoursWithoutIncidentCount ?? kept.length;
  const where = (month: (typeof kept)[number]) =>
    `line ${month.line} (month ${month.month}${month.team === outcome.teams[0] && outcome.teams.length === 1 ? "" : ` of ${teamWords(month.team)}`}, hoursToRestore ${formatNumberAsGiven(month.hoursToRestore)})`;
  const more = count > kept.length ? ` and ${count - kept.length} more` : "";
  const given = `${kept.map(where).join(", ")}${more} ${count === 1 ? "records" : "record"} hours to restore with incidents 0`;
  output.stderr(`warning: ${file}: ${restoreHoursWarning(given, "the incidents column", outage, { dryRun: outcome.status === "checked" })}\n`);
}

/** The chores of the team's plan (`choresOfPlan`), or undefined when it has none or its frozen file no longer reads (the import then says so itself). */
function planChores(store: StoreDatabase, team: string): string[] | undefined {
  const plan = currentPlan(store, team);
  if (!plan) return undefined;
  const { file } = validateScenarioText(plan.scenarioText);
  return file ? choresOfPlan(file, plan.scenario, plan.baseline) : undefined;
}

/** A dry run's count of the months `--replace` would replace (nothing when none). */
function wouldReplace(replaced: number): string {
  return replaced > 0 ? `, ${replaced} of them would replace ${replaced === 1 ? "a month" : "months"} already recorded` : "";
}

/** What `track import --format` reads: each export's text (UTF-8), with the same bound as a CSV of actuals. */
function exportText(file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(readBytes(file));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: not UTF-8 text (save the export as UTF-8); nothing was imported`);
  }
}

/**
 * `track import --format …`: the months of the exports (src/measure/actuals.ts) imported as a CSV of
 * actuals would be, all or none. A problem names its file and record.
 */
async function importExports(files: string[], options: ImportOptions, team: string, path: string, output: CliOutput): Promise<void> {
  if (options.format.length !== files.length)
    throw new UserError(
      `--format is given ${options.format.length} time${options.format.length === 1 ? "" : "s"} for ${files.length} file${files.length === 1 ? "" : "s"}: give one for each file, in order`,
      2,
    );
  const formats = options.format.map((format) => {
    if (!(actualsFormats as readonly string[]).includes(format)) throw new UserError(`--format ${format}: allowed: ${actualsFormats.join(", ")}`, 2);
    return format as ActualsFormat;
  });
  for (const [name, given] of [
    ["--encoding", options.encoding],
    ["--delimiter", options.delimiter],
    ["--decimal-comma", options.decimalComma],
  ] as const) {
    if (given !== undefined) throw new UserError(`${name} is for a CSV of actuals; exports read with --format are UTF-8 text`, 2);
  }
  let deployPattern: RegExp;
  try {
    deployPattern = new RegExp(options.deployWorkflow, "i");
  } catch (error) {
    throw new UserError(`--deploy-workflow ${options.deployWorkflow}: not a regular expression (${(error as Error).message})`, 2);
  }
  const rules: TimeRule[] = [];
  for (const text of options.map) {
    const rule = parseTimeRule(text);
    if (!rule.ok)
      throw new UserError(rule.problems.map((problem) => `${problemText(problem)} (with --format, --map takes the time sheet's rules)`).join("\n"), 2);
    rules.push(rule.value);
  }
  const exports = files.map((file, index) => ({ format: formats[index]!, name: file, text: exportText(file) }));
  // A time sheet's chore hours are the month's manual hours of every chore of the plan: its chores are
  // read from the plan's frozen file, so that a chore the case lacks, or some chores mapped and not
  // all, is refused rather than standing for the whole month (docs/measure.md).
  const chores =
    formats.includes("timesheet") && rules.some((rule) => rule.target.kind === "chore")
      ? await withStore(path, {}, (store) => planChores(store, team))
      : undefined;
  const converted = actualsCsv(exports, { deployPattern, rules, chores });
  const shown = files.join(", ");
  if (!converted.ok) {
    // A reader lists a file's first problems only: then the count is "at least" (a file of a million bad records is not "20 problems").
    throw new UserError(`${converted.problems.map(problemLine).join("\n")}\n${shown}: ${problemCount(converted.problems)}; nothing was imported`);
  }
  for (const notice of converted.notices) output.stderr(`note: ${notice}\n`);
  const bytes = new TextEncoder().encode(converted.csv);
  const monthOfLine = (line: number) => converted.months[line - 2];
  await withStore(path, {}, (store) => {
    const outcome = importActualsCsv(store, bytes, {
      fileName: files.map((file) => basename(file)).join(" + "),
      team,
      replace: options.replace ?? false,
      dryRun: options.dryRun ?? false,
    });
    if (outcome.status === "refused") {
      const issues = outcome.issues.map((issue) => `${shown}: ${monthOfLine(issue.line) ? `month ${monthOfLine(issue.line)}: ` : ""}${issue.message}`);
      const why =
        outcome.reason === "already recorded"
          ? `${outcome.issues.length} month${outcome.issues.length === 1 ? " is" : "s are"} already in ${path}; use --replace to overwrite (the whole month is replaced)`
          : outcome.reason === "empty"
            ? "no whole month to import"
            : `${outcome.issueCount} problem${outcome.issueCount === 1 ? "" : "s"}`;
      throw new UserError(`${issues.join("\n")}\n${shown}: ${why}; nothing was imported`);
    }
    warnRestoreHours(shown, outcome, store, output);
    const fields = converted.csv.slice(0, converted.csv.indexOf("\n")).split(",").slice(1).join(", ");
    const summary = `${outcome.months} month${outcome.months === 1 ? "" : "s"} (${converted.months.join(", ")}) of ${fields} for ${teamWords(team)}`;
    if (outcome.status === "checked")
      output.stdout(
        `${shown}: ${summary} checked${wouldReplace(outcome.replaced)}; nothing was written (--dry-run)\n${droppedText(outcome.dropped, { dryRun: true })}`,
      );
    else
      output.stdout(
        `imported ${summary} from ${shown} into ${path}${outcome.replaced > 0 ? ` (${outcome.replaced} replaced)` : ""}\n${droppedText(outcome.dropped)}`,
      );
  });
}

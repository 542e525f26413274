import { statSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { isMap, parseDocument } from "yaml";
import { validateScenarioText, type CaseFile } from "../../engine/index.js";
import {
  FetchProblem,
  fetchGithubRuns,
  fetchGitlabPipelines,
  measureCiRuns,
  measureEvents,
  measureTimesheet,
  parseEventsCsv,
  parseGithubRuns,
  parseGitlabPipelines,
  parseTimeRule,
  parseTimesheetCsv,
  parseTimestamp,
  readGithubRuns,
  readGitlabPipelines,
  type CiRun,
  type Measurement,
  type Observation,
  type Parsed,
  fileProblems,
  problemCount,
  problemLine,
  problemText,
  type FileProblem,
  type Proposal,
  type TimeRule,
} from "../../measure/index.js";
import { writeFileAtomic } from "../../shared/atomic-write.js";
import { refuseReadOnlyCase } from "../output-file.js";
import { readBounded } from "../../shared/read-bounded.js";
import { editScenarioText, type ScenarioEdit } from "../../shared/scenario-edit.js";
import { inFileFormat } from "../../shared/case-text.js";
import { countSummary, formatIssues } from "../diagnostics.js";
import { UserError, type CliOutput } from "../io.js";
import { loadScenario, SCENARIO_FILE_WORDS } from "../load.js";

/**
 * `mlops-roi measure`: inputs proposed from what the team's own systems recorded (CI runs,
 * deployments and incidents, time sheets) instead of guesses. The parsing and the arithmetic are in
 * src/measure (pure); this reads the files, fetches with a token from the environment, prints the
 * proposal and, with --write, sets only those inputs' lines in the scenario file.
 */

/** A year of a busy repository's runs as the API writes them is well under this; a larger file is a mistake. */
export const MAX_EXPORT_BYTES = 100_000_000;
/** Runs or pipelines `--from` fetches at most (the most recent). */
const MAX_FETCHED_RUNS = 5000;
const MAX_FETCHED_PIPELINES = 1000;

interface MeasureOptions {
  githubRuns?: string;
  gitlabPipelines?: string;
  incidents?: string;
  timesheet?: string;
  map: string[];
  deployWorkflow: string;
  liveProjects?: string;
  scenario?: string;
  from?: string;
  repo?: string;
  project?: string;
  since?: string;
  write?: boolean;
  json?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** An export's text, read with a bound; a problem names the file. */
function readExport(file: string): string {
  let bytes: Buffer;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new UserError(`${file} is a folder; expected an export file`);
    if (stats.size > MAX_EXPORT_BYTES)
      throw new UserError(
        `${file} is ${(stats.size / 1e6).toFixed(0)} MB; an export may be at most ${MAX_EXPORT_BYTES / 1e6} MB (export a shorter period); nothing was written`,
      );
    // Bounded as well: a device or a pipe has no size to check first.
    const read = readBounded(file, MAX_EXPORT_BYTES);
    if (read.tooLarge)
      throw new UserError(`${file} holds more than ${MAX_EXPORT_BYTES / 1e6} MB; an export may be at most that (export a shorter period); nothing was written`);
    bytes = read.bytes;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${file}: no such file`);
    if (code === "EACCES") throw new UserError(`${file}: permission denied`);
    throw new UserError(`${file}: cannot be read (${(error as Error).message})`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${file}: not UTF-8 text (save the export as UTF-8); nothing was written`);
  }
}

/** A plain number of an input: `4` or `{ value: 4 }`; undefined for a range or nothing. */
function plainNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "object" && value !== null && typeof (value as { value?: unknown }).value === "number") return (value as { value: number }).value;
  return undefined;
}

function at(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const key of path) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/**
 * Where an input of the case is read from and written to: `--scenario defaults`, `--scenario NAME`,
 * or by default the baseline's own value when it has one, else defaults.
 */
class Places {
  constructor(
    private readonly file: CaseFile,
    private readonly scenario: string | undefined,
  ) {}

  /** The path in the file an input is written to. */
  target(input: readonly string[]): string[] {
    if (this.scenario === "defaults") return ["defaults", ...input];
    if (this.scenario !== undefined) return ["scenarios", this.scenario, ...input];
    const baseline = ["scenarios", this.file.baseline, ...input];
    return at(this.file, baseline) !== undefined ? baseline : ["defaults", ...input];
  }

  /** The input's value as the scenario measured sees it: its own, else defaults'. */
  current(input: readonly string[]): unknown {
    const own = this.scenario === "defaults" ? undefined : at(this.file, ["scenarios", this.scenario ?? this.file.baseline, ...input]);
    return own ?? at(this.file, ["defaults", ...input]);
  }
}

function shownValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  const number = plainNumber(value);
  if (number !== undefined) return String(number);
  if (typeof value === "object" && value !== null && "low" in value && "high" in value)
    return `${(value as { low: unknown }).low}–${(value as { high: unknown }).high}`;
  return "(a distribution)";
}

const shownRange = (low: number, high: number) => (low === high ? String(low) : `${low}–${high}`);

interface Gathered {
  readonly measurements: Measurement[];
  readonly problems: FileProblem[];
}

function tokenFrom(name: string, what: string): string {
  const token = process.env[name];
  if (!token) throw new UserError(`--from ${what} needs a token in the environment variable ${name} (it is sent only to the API and written nowhere)`);
  return token;
}

/** The CI runs of the options: from export files, or fetched with --from. */
async function gatherRuns(
  options: MeasureOptions,
  output: CliOutput,
): Promise<{ runs: { runs: CiRun[]; source: string; from: string }[]; problems: FileProblem[] }> {
  const runs: { runs: CiRun[]; source: string; from: string }[] = [];
  const problems: FileProblem[] = [];
  const take = (parsed: Parsed<CiRun[]>, file: string, source: string, from = basename(file)) => {
    if (parsed.ok) runs.push({ runs: parsed.value, source, from });
    else problems.push(...fileProblems(file, parsed.problems));
  };
  if (options.githubRuns) take(parseGithubRuns(readExport(options.githubRuns)), options.githubRuns, "GitHub Actions runs");
  if (options.gitlabPipelines) take(parseGitlabPipelines(readExport(options.gitlabPipelines)), options.gitlabPipelines, "GitLab pipelines");
  if (options.from === undefined) return { runs, problems };
  const since = options.since;
  try {
    if (options.from === "github") {
      const repo = options.repo!;
      const fetched = await fetchGithubRuns(repo, {
        baseUrl: process.env.MLOPS_ROI_GITHUB_API || "https://api.github.com",
        token: tokenFrom("GITHUB_TOKEN", "github"),
        maxRuns: MAX_FETCHED_RUNS,
        ...(since ? { since } : {}),
      });
      if (fetched.truncated) output.stderr(`note: GitHub ${repo}: only the latest ${MAX_FETCHED_RUNS} runs were fetched (use --since for a shorter period)\n`);
      take(readGithubRuns(fetched.pages), `GitHub ${repo}`, "GitHub Actions runs", `the API (${repo})`);
    } else {
      const project = options.project!;
      const fetched = await fetchGitlabPipelines(project, {
        baseUrl: process.env.MLOPS_ROI_GITLAB_API || "https://gitlab.com/api/v4",
        token: tokenFrom("GITLAB_TOKEN", "gitlab"),
        maxRuns: MAX_FETCHED_PIPELINES,
        ...(since ? { since } : {}),
      });
      if (fetched.truncated)
        output.stderr(`note: GitLab ${project}: only the latest ${MAX_FETCHED_PIPELINES} pipelines were fetched (use --since for a shorter period)\n`);
      take(readGitlabPipelines(fetched.pipelines), `GitLab ${project}`, "GitLab pipelines", `the API (project ${project})`);
    }
  } catch (error) {
    if (error instanceof FetchProblem) throw new UserError(`${error.message}; nothing was written`);
    throw error;
  }
  return { runs, problems };
}

/** Every source's measurement, in order: deployments and incidents, CI runs, time sheet. */
async function gather(options: MeasureOptions, context: Context, output: CliOutput): Promise<Gathered> {
  const measurements: Measurement[] = [];
  const problems: FileProblem[] = [];
  const rules: TimeRule[] = [];
  for (const text of options.map) {
    const rule = parseTimeRule(text);
    if (!rule.ok) throw new UserError(rule.problems.map(problemText).join("\n"), 2);
    // The measured input is named by its dotted path (manualTasks.NAME.minutesPerWeek): a dot in NAME would split it into two keys.
    if (rule.value.target.kind === "chore" && rule.value.target.task === "__proto__")
      throw new UserError(
        `--map '${text}': a chore cannot be named __proto__ (JavaScript reserves it); allowed: manualTasks.<name>, e.g. manualTasks.dataChecks`,
        2,
      );
    if (rule.value.target.kind === "chore" && rule.value.target.task.includes("."))
      throw new UserError(
        `--map '${text}': a chore's name cannot hold a dot ('${rule.value.target.task}'); allowed: manualTasks.<name>, e.g. manualTasks.dataChecks`,
        2,
      );
    rules.push(rule.value);
  }
  const events = options.incidents ? parseEventsCsv(readExport(options.incidents)) : undefined;
  if (events && !events.ok) problems.push(...fileProblems(options.incidents!, events.problems));
  const timesheet = options.timesheet ? parseTimesheetCsv(readExport(options.timesheet)) : undefined;
  if (timesheet && !timesheet.ok) problems.push(...fileProblems(options.timesheet!, timesheet.problems));
  const ci = await gatherRuns(options, output);
  problems.push(...ci.problems);
  if (problems.length > 0) return { measurements, problems };

  const ciMeasurements = ci.runs.map(({ runs, source, from }) =>
    measureCiRuns(
      runs,
      { source, from },
      {
        deployPattern: context.deployPattern,
        changeFailureRate: events === undefined,
        ...(context.liveProjects !== undefined ? { liveProjects: context.liveProjects } : {}),
        ...(context.people !== undefined ? { people: context.people } : {}),
      },
    ),
  );
  if (events?.ok) {
    const ciDeployments = ciMeasurements.flatMap((measurement, index) =>
      measurement.observations.filter((observation) => observation.what.startsWith("deployments")).map((observation) => ({ observation, index })),
    )[0];
    measurements.push(
      measureEvents(events.value, basename(options.incidents!), {
        ...(context.liveProjects !== undefined ? { liveProjects: context.liveProjects } : {}),
        ...(ciDeployments
          ? { deploymentsPerMonth: { monthly: ciDeployments.observation.monthly, source: `deployment runs of ${ci.runs[ciDeployments.index]!.from}` } }
          : {}),
      }),
    );
  }
  measurements.push(...ciMeasurements);
  if (timesheet?.ok) {
    measurements.push(
      measureTimesheet(timesheet.value, basename(options.timesheet!), {
        rules,
        choreCountedPer: context.choreCountedPer,
        ...(context.liveProjects !== undefined ? { liveProjects: context.liveProjects } : {}),
        ...(context.people !== undefined ? { people: context.people } : {}),
      }),
    );
  } else if (rules.length > 0) throw new UserError("--map rules are for a time sheet: give it with --timesheet", 2);
  return { measurements, problems };
}

interface Context {
  readonly deployPattern: RegExp;
  readonly liveProjects?: number;
  readonly people?: number;
  readonly choreCountedPer: (task: string) => "person" | "project" | "team" | undefined;
  /** Chores whose minutes the file gives as a share of time: measured minutes are not written over them. */
  readonly choreShare: (task: string) => boolean;
}

function contextOf(file: CaseFile, places: Places, options: MeasureOptions): Context {
  let deployPattern: RegExp;
  try {
    deployPattern = new RegExp(options.deployWorkflow, "i");
  } catch (error) {
    throw new UserError(`--deploy-workflow ${options.deployWorkflow}: not a regular expression (${(error as Error).message})`, 2);
  }
  let liveProjects = plainNumber(places.current(["projects", "alreadyLive"]));
  if (options.liveProjects !== undefined) {
    liveProjects = Number(options.liveProjects);
    if (!Number.isInteger(liveProjects) || liveProjects < 1) throw new UserError(`--live-projects ${options.liveProjects}: expected a whole number ≥ 1`, 2);
  }
  const people = plainNumber(places.current(["team", "people"]));
  const task = (name: string) => (places.current(["manualTasks", name]) ?? {}) as { per?: "person" | "project" | "team"; shareOfTime?: unknown };
  return {
    deployPattern,
    ...(liveProjects !== undefined ? { liveProjects } : {}),
    ...(people !== undefined ? { people } : {}),
    choreCountedPer: (name) => task(name).per ?? plainPer(file, name),
    choreShare: (name) => task(name).shareOfTime !== undefined,
  };
}

/** A chore's `per` set anywhere in the file (defaults first), for a chore the measured scenario does not name. */
function plainPer(file: CaseFile, name: string): "person" | "project" | "team" | undefined {
  const found = [file.defaults, ...Object.values(file.scenarios)].map((entry) => entry?.manualTasks?.[name]?.per).find((per) => per !== undefined);
  return found;
}

/** Proposals of several sources for the same input: the first is kept (incidents before CI runs), the others named. */
function merged(measurements: readonly Measurement[]): { proposals: Proposal[]; observations: Observation[]; notices: string[] } {
  const proposals: Proposal[] = [];
  const observations: Observation[] = [];
  const notices: string[] = [];
  for (const measurement of measurements) {
    for (const proposal of measurement.proposals) {
      const kept = proposals.find((other) => other.input === proposal.input);
      if (kept)
        notices.push(
          `${proposal.input}: also measured (${shownRange(proposal.low, proposal.high)}) from ${sourceOf(proposal.note)}; the first source's is proposed`,
        );
      else proposals.push(proposal);
    }
    observations.push(...measurement.observations);
    notices.push(...measurement.notices);
  }
  return { proposals, observations, notices };
}

function sourceOf(note: string): string {
  return /; (.+?) from /.exec(note)?.[1] ?? "another source";
}

/** What one proposal writes: `{ low, high, note }`, or `{ value, note }` when both ends are the same. */
function written(proposal: Proposal): Record<string, unknown> {
  return proposal.low === proposal.high ? { value: proposal.low, note: proposal.note } : { low: proposal.low, high: proposal.high, note: proposal.note };
}

function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join("  ")).join("\n");
}

export function registerMeasure(program: Command, output: CliOutput): void {
  program
    .command("measure")
    .description("Propose inputs from what the team's own systems recorded: CI runs, deployments and incidents, time sheets.")
    .argument("<scenario>", `${SCENARIO_FILE_WORDS}, whose inputs are measured`)
    .option("--github-runs <file>", "JSON of GitHub Actions workflow runs (GET /repos/{owner}/{repo}/actions/runs)")
    .option("--gitlab-pipelines <file>", "JSON of GitLab pipelines (GET /projects/:id/pipelines, or each pipeline fetched on its own)")
    .option("--incidents <file>", "CSV of deployments and incidents (columns type, start, end) or PagerDuty's incidents export")
    .option("--timesheet <file>", "CSV of time entries (columns date, hours, category) or Toggl Track's detailed export")
    .option(
      "--map <label=target>",
      "time-sheet rule: entries tagged LABEL count as TARGET: manualTasks.<name>, meetings, upkeep or building (repeatable)",
      collect,
      [],
    )
    .option("--deploy-workflow <regex>", "a run whose workflow or pipeline name matches is a deployment (case ignored)", "deploy|release")
    .option("--live-projects <n>", "live projects to divide deployments and upkeep by (default: projects.alreadyLive of the file)")
    .option("--scenario <name>", "the scenario whose inputs are set, or defaults (default: the baseline's own value, else defaults)")
    .option("--from <system>", "fetch the CI runs instead of reading an export: github (with --repo, GITHUB_TOKEN) or gitlab (with --project, GITLAB_TOKEN)")
    .option("--repo <owner/name>", "the GitHub repository for --from github")
    .option("--project <id>", "the GitLab project (number or path) for --from gitlab")
    .option("--since <YYYY-MM-DD>", "with --from: only runs created on or after this day")
    .option("--write", "write the proposed ranges and their notes into the scenario file (only their lines change; the old file is kept as .bak)")
    .option("--json", "print the proposal as JSON")
    .addHelpText(
      "after",
      `
Each proposed input is the 5th to 95th percentile of its monthly values, written { low, high, note },
the note naming the source, the period and the count. Without --write nothing is written. Any
problem in an export (named by file and record) stops the command before anything is written.
--from reads the token from GITHUB_TOKEN or GITLAB_TOKEN, sends it only to the API
(MLOPS_ROI_GITHUB_API, MLOPS_ROI_GITLAB_API override its address) and writes it nowhere.
Mappings and assumptions: docs/measure.md.

Examples:
  $ mlops-roi measure case.yaml --github-runs runs.json --incidents incidents.csv
  $ mlops-roi measure case.yaml --timesheet toggl.csv --map "Data refresh=manualTasks.dataChecks" --map "Meeting=meetings" --write
  $ GITHUB_TOKEN=... mlops-roi measure case.yaml --from github --repo octo-org/models --since 2026-01-01`,
    )
    .action(async (file: string, options: MeasureOptions) => {
      if (options.from !== undefined && options.from !== "github" && options.from !== "gitlab")
        throw new UserError(`--from ${options.from}: allowed: github or gitlab`, 2);
      if (options.from === "github" && !options.repo) throw new UserError("--from github needs --repo owner/name", 2);
      if (options.from === "gitlab" && !options.project) throw new UserError("--from gitlab needs --project (its number or path)", 2);
      if (options.from === "github" && options.githubRuns) throw new UserError("give --github-runs or --from github, not both", 2);
      if (options.from === "gitlab" && options.gitlabPipelines) throw new UserError("give --gitlab-pipelines or --from gitlab, not both", 2);
      // A real day: 2026-02-30 would be sent to the API as it is.
      if (options.since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(options.since) || parseTimestamp(options.since) === undefined))
        throw new UserError(`--since ${options.since}: expected a day, YYYY-MM-DD`, 2);
      if (!options.githubRuns && !options.gitlabPipelines && !options.incidents && !options.timesheet && !options.from) {
        throw new UserError("nothing to measure: give --github-runs, --gitlab-pipelines, --incidents, --timesheet or --from", 2);
      }
      if (file === "-" && options.write)
        throw new UserError("--write writes the proposals into the scenario file, and standard input (-) is no file to write into: give the file's name", 2);
      const validation = loadScenario(file, output, { checkOnly: true });
      // Before the exports are read (or fetched): the proposals could not be written.
      if (options.write) refuseReadOnlyCase(file, "--write");
      const caseFile = validation.file!;
      if (options.scenario !== undefined && options.scenario !== "defaults" && !Object.hasOwn(caseFile.scenarios, options.scenario)) {
        throw new UserError(
          `--scenario ${options.scenario}: ${file} has no such scenario (allowed: defaults, ${Object.keys(caseFile.scenarios).join(", ")})`,
          2,
        );
      }
      const places = new Places(caseFile, options.scenario);
      const context = contextOf(caseFile, places, options);
      const gathered = await gather(options, context, output);
      if (gathered.problems.length > 0) {
        output.stderr(`${gathered.problems.map(problemLine).join("\n")}\n`);
        throw new UserError(`${problemCount(gathered.problems)} in the exports; nothing was written`);
      }
      const { proposals, observations, notices } = merged(gathered.measurements);
      const toWrite: Proposal[] = [];
      for (const proposal of proposals) {
        const chore = /^manualTasks\.(.+)\.minutesPerWeek$/.exec(proposal.input);
        if (chore && context.choreShare(chore[1]!)) {
          notices.push(`${proposal.input}: the chore is given as shareOfTime in ${file}; the measured minutes are shown, not written`);
          continue;
        }
        toWrite.push(proposal);
      }
      const rows = proposals.map((proposal) => {
        const input = proposal.input.split(".");
        return {
          input: proposal.input,
          path: places.target(input).join("."),
          current: places.current(input) ?? null,
          low: proposal.low,
          high: proposal.high,
          note: proposal.note,
          monthly: proposal.monthly,
          // Would be written with --write (a chore given as a share of time is shown only) ...
          writable: toWrite.includes(proposal),
          // ... and was: only with --write, which for --json writes before printing.
          written: options.write === true && toWrite.includes(proposal),
        };
      });
      for (const group of new Set(toWrite.map((proposal) => proposal.input.split(".")[0]!))) {
        const note = at(caseFile, [...places.target([group]), "note"]);
        if (typeof note === "string") notices.push(`${places.target([group]).join(".")}.note may describe the old figures: review it`);
      }
      if (options.json) {
        // Written first, so that `written: true` is said only of what the file now holds.
        if (options.write && toWrite.length > 0) writeProposals(file, validation.source.text, places, toWrite, context, output);
        output.stdout(`${JSON.stringify({ file, proposals: rows, observations, notices }, null, 2)}\n`);
      } else {
        const lines = [
          ["input", "now", "measured", "note"],
          ...rows.map((row) => [row.path, shownValue(row.current ?? undefined), shownRange(row.low, row.high), row.note]),
        ];
        output.stdout(proposals.length > 0 ? `${table(lines)}\n` : "no input could be measured from these exports\n");
        if (observations.length > 0) {
          output.stdout(
            `\nAlso measured (no input takes it as it is):\n${observations.map((observation) => `  ${observation.what}: ${shownRange(observation.low, observation.high)} — ${observation.note}`).join("\n")}\n`,
          );
        }
      }
      for (const notice of notices) output.stderr(`note: ${notice}\n`);
      if (!options.write) {
        if (toWrite.length > 0 && !options.json)
          output.stderr(`nothing was written; add --write to set ${toWrite.length === 1 ? "this input" : `these ${toWrite.length} inputs`} in ${file}\n`);
        return;
      }
      if (toWrite.length === 0) {
        output.stderr("no input to write; nothing was written\n");
        return;
      }
      if (!options.json) writeProposals(file, validation.source.text, places, toWrite, context, output);
    });
}

/** Sets the proposed inputs in the file's text (only their lines change), checks the result and writes it with a backup. */
function writeProposals(file: string, text: string, places: Places, proposals: readonly Proposal[], context: Context, output: CliOutput): void {
  const edits: ScenarioEdit[] = [];
  const document = parseDocument(text);
  for (const proposal of proposals) {
    const input = proposal.input.split(".");
    const path = places.target(input);
    // A one-line `{ value, note }` is written again whole, so the numbers come before the note; a block map keeps its lines.
    const node = document.getIn(path, true);
    if (isMap(node) && node.flow) edits.push({ path, value: 0 });
    edits.push({ path, value: written(proposal) });
    const chore = /^manualTasks\.(.+)\.minutesPerWeek$/.exec(proposal.input);
    // A chore new to the file is counted per person, as it was measured.
    if (chore && context.choreCountedPer(chore[1]!) === undefined) edits.push({ path: places.target(["manualTasks", chore[1]!, "per"]), value: "person" });
  }
  const updated = editScenarioText(text, edits);
  const check = validateScenarioText(updated);
  if (!check.compiled) {
    output.stderr(`${formatIssues(file, updated, check.issues)}\n`);
    throw new UserError(`${file}: the measured inputs would make the file invalid (${countSummary(check.issues)}); nothing was written`);
  }
  const { backup } = writeFileAtomic(file, inFileFormat(file, updated, text), { force: true });
  const count = proposals.length;
  output.stderr(`wrote ${count} input${count === 1 ? "" : "s"} into ${file}${backup ? ` (previous version kept as ${backup})` : ""}\n`);
}

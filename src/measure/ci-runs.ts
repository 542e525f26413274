import {
  measuredNote,
  perMonth,
  perWeek,
  countedRecords,
  rangeOf,
  type Measurement,
  type MonthlyValue,
  type Observation,
  type Proposal,
  type Provenance,
} from "./proposal.js";
import { mean } from "./stats.js";
import { byMonthOf } from "./time.js";
import { formatNumber } from "../format/numbers.js";

/** A CI run (a GitHub Actions workflow run or a GitLab pipeline) as both sources give it. */
export interface CiRun {
  /** Where it is in the export, for messages: "workflow_runs[3]". */
  readonly record: string;
  readonly id: number;
  /** The workflow's or pipeline's name ("" when it has none). */
  readonly name: string;
  /** The branch or tag. */
  readonly ref: string;
  /** What started it: push, pull_request, schedule, web, … */
  readonly trigger: string;
  /** Who started it; undefined when the export does not say (a GitLab pipeline list). */
  readonly actor: string | undefined;
  readonly createdAt: number;
  /** Minutes the run took from its start to its end; undefined while it has not finished. */
  readonly minutes: number | undefined;
  readonly outcome: "success" | "failure" | "other" | "unfinished";
}

/** What a run's figures depend on beyond the export. */
export interface CiOptions {
  /** Runs whose name (or, for GitLab, ref) matches are deployments. */
  readonly deployPattern: RegExp;
  /** Live projects, to turn the team's deployments into deployments per project (projects.alreadyLive). */
  readonly liveProjects?: number;
  /** People in the team (team.people), when the export does not say who started each run. */
  readonly people?: number;
  /** Also propose the change-failure rate from failed deployment runs (off when an incident export gives it). */
  readonly changeFailureRate: boolean;
}

/** Nobody waits for a scheduled run or a bot's; the runs a week a person waits for leave them out. */
export function isWaitedFor(run: CiRun): boolean {
  return run.trigger !== "schedule" && !(run.actor ?? "").endsWith("[bot]");
}

export function isDeployment(run: CiRun, pattern: RegExp): boolean {
  return (run.outcome === "success" || run.outcome === "failure") && (pattern.test(run.name) || (run.name === "" && pattern.test(run.ref)));
}

const plural = (count: number, word: string) => `${formatNumber(count)} ${count === 1 ? word : word === "person" ? "people" : `${word}s`}`;

/**
 * Monthly figures of CI runs and the inputs they propose:
 * - waiting.runsPerWeekPerPerson: runs people wait for (not scheduled, not a bot's) a week, per
 *   person who started one that month (or per team.people when the export does not name them);
 * - waiting.minutesPerRun: the month's mean of finished runs' minutes from start to end;
 * - breakage.deploymentsPerProjectPerMonth: finished deployment runs a month ÷ live projects;
 * - breakage.changeFailureRate: failed deployment runs ÷ deployment runs (when asked).
 * Counts are scaled to whole months from the days the export covers.
 */
export function measureCiRuns(allRuns: readonly CiRun[], provenance: Omit<Provenance, "period" | "counted">, options: CiOptions): Measurement {
  const { items: runs, span, months, notices, leftOut: leftOutOf } = countedRecords(allRuns, (run) => run.createdAt, provenance.source);
  const byMonth = byMonthOf(runs, (run) => run.createdAt);

  const waited = runs.filter(isWaitedFor);
  const actorsKnown = waited.every((run) => run.actor !== undefined);
  const people = new Set(waited.map((run) => run.actor));
  const deployments = runs.filter((run) => isDeployment(run, options.deployPattern));
  const proposals: Proposal[] = [];
  const observations: Observation[] = [];
  const full = { ...provenance, period: months };

  // Runs a week per person.
  const runsPerWeek: MonthlyValue[] = [];
  for (const month of months) {
    const monthRuns = (byMonth.get(month.month) ?? []).filter(isWaitedFor);
    const divisor = actorsKnown ? new Set(monthRuns.map((run) => run.actor)).size : (options.people ?? 0);
    if (monthRuns.length > 0 && divisor > 0) runsPerWeek.push({ month: month.month, value: perWeek(monthRuns.length, month) / divisor });
  }
  if (!actorsKnown && options.people === undefined) {
    notices.push(
      `${provenance.source}: the export does not say who started each run and team.people is not a plain number: runs a week per person not proposed`,
    );
  } else if (runsPerWeek.length > 0) {
    const who = actorsKnown ? `by ${plural(people.size, "person")}` : `divided by team.people (${options.people})`;
    const counted = `${plural(waited.length, "run")} ${who}`;
    proposals.push({
      input: "waiting.runsPerWeekPerPerson",
      ...rangeOf(runsPerWeek, 1),
      note: measuredNote(
        actorsKnown ? "runs a week per person who started one, scheduled and bots' runs left out" : "runs a week per person, scheduled and bots' runs left out",
        { ...full, counted },
        span,
        runsPerWeek,
      ),
      monthly: runsPerWeek,
    });
  }

  // Minutes a run.
  const minutesPerRun: MonthlyValue[] = [];
  let timed = 0;
  for (const month of months) {
    const minutes = (byMonth.get(month.month) ?? []).filter(isWaitedFor).flatMap((run) => (run.minutes === undefined ? [] : [run.minutes]));
    timed += minutes.length;
    if (minutes.length > 0) minutesPerRun.push({ month: month.month, value: mean(minutes) });
  }
  if (minutesPerRun.length > 0) {
    proposals.push({
      input: "waiting.minutesPerRun",
      ...rangeOf(minutesPerRun, 1),
      note: measuredNote("mean minutes from a run's start to its end, by month", { ...full, counted: plural(timed, "finished run") }, span, minutesPerRun),
      monthly: minutesPerRun,
    });
  }

  // Deployments and failed deployments.
  const deploymentsByMonth = byMonthOf(deployments, (run) => run.createdAt);
  const deploymentsPerMonth: MonthlyValue[] = months.map((month) => ({
    month: month.month,
    value: perMonth(deploymentsByMonth.get(month.month)?.length ?? 0, month),
  }));
  if (deployments.length === 0) {
    // Deployment runs only in a month left out are there: the pattern is not what is wrong.
    const leftOut = leftOutOf(allRuns.filter((run) => isDeployment(run, options.deployPattern)));
    notices.push(
      leftOut
        ? `${provenance.source}: the finished runs whose name matches ${options.deployPattern} (--deploy-workflow) ${leftOut}: no deployments counted`
        : `${provenance.source}: no finished run's name matches ${options.deployPattern} (--deploy-workflow): no deployments counted`,
    );
  } else if (months.length > 0) {
    const counted = `${plural(deployments.length, "deployment run")} (name matching ${options.deployPattern})`;
    const team = rangeOf(deploymentsPerMonth, 1);
    observations.push({
      what: "deployments a month (the team)",
      ...team,
      note: measuredNote("finished deployment runs a month", { ...full, counted }, span, deploymentsPerMonth),
      monthly: deploymentsPerMonth,
    });
    if (options.liveProjects !== undefined && options.liveProjects > 0) {
      const perProject = deploymentsPerMonth.map((entry) => ({ month: entry.month, value: entry.value / options.liveProjects! }));
      proposals.push({
        input: "breakage.deploymentsPerProjectPerMonth",
        ...rangeOf(perProject, 2),
        note: measuredNote(`finished deployment runs a month ÷ ${plural(options.liveProjects, "live project")}`, { ...full, counted }, span, perProject),
        monthly: perProject,
      });
    } else {
      notices.push(`${provenance.source}: projects.alreadyLive is not a plain number above 0 (or give --live-projects): deployments per project not proposed`);
    }
    if (options.changeFailureRate) {
      const rates: MonthlyValue[] = [];
      for (const month of months) {
        const inMonth = deploymentsByMonth.get(month.month) ?? [];
        if (inMonth.length > 0) rates.push({ month: month.month, value: inMonth.filter((run) => run.outcome === "failure").length / inMonth.length });
      }
      const failures = deployments.filter((run) => run.outcome === "failure").length;
      proposals.push({
        input: "breakage.changeFailureRate",
        ...rangeOf(rates, 2, 1),
        note: measuredNote("failed deployment runs ÷ deployment runs, by month", { ...full, counted: `${counted}, ${failures} failed` }, span, rates),
        monthly: rates,
      });
    }
  }
  return { proposals, observations, notices };
}

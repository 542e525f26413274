import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  actualsCsv,
  choreProblems,
  exposures,
  fileProblems,
  MORE_PROBLEMS,
  measureCiRuns,
  measureEvents,
  measureTimesheet,
  nextLink,
  parseEventsCsv,
  parseGithubRuns,
  parseGitlabPipelines,
  parseTimeRule,
  parseTimesheetCsv,
  parseTimestamp,
  percentile,
  problemCount,
  problemLine,
  problemText,
  readGitlabPipelines,
  type Measurement,
  type Parsed,
  type TimeRule,
} from "./index.js";

const fixture = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), "fixtures", name), "utf8");

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(parsed.problems.map(problemText).join("\n"));
  return parsed.value;
}

function problems<T>(parsed: Parsed<T>): string[] {
  if (parsed.ok) throw new Error("expected problems");
  return parsed.problems.map(problemText);
}

/** The proposal's months and values, and its range checked against the 5th and 95th percentiles of `expected`, rounded. */
function proposed(measurement: Measurement, input: string) {
  const proposal = measurement.proposals.find((candidate) => candidate.input === input);
  if (!proposal) throw new Error(`no proposal for ${input}: ${measurement.notices.join("; ")}`);
  return proposal;
}

/** 5th and 95th percentiles of two monthly values a and b: a + 0.05 (b − a) and a + 0.95 (b − a). */
function rangeOfTwo(a: number, b: number, digits: number) {
  const [low, high] = a < b ? [a, b] : [b, a];
  const round = (x: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  return { low: round(low + 0.05 * (high - low)), high: round(low + 0.95 * (high - low)) };
}

const rules = (...texts: string[]): TimeRule[] => texts.map((text) => value(parseTimeRule(text)));

describe("GitHub Actions workflow runs", () => {
  const runs = value(parseGithubRuns(fixture("github-actions-runs.json")));
  const measured = measureCiRuns(
    runs,
    { source: "GitHub Actions runs", from: "runs.json" },
    { deployPattern: /deploy|release/i, liveProjects: 4, changeFailureRate: true },
  );

  it("reads every run of the recorded response", () => {
    expect(runs).toHaveLength(19);
    const run = runs.find((candidate) => candidate.id === 9000000103)!;
    // Train model: run_started_at 08:01, updated_at 08:31.
    expect(run).toMatchObject({ name: "Train model", actor: "alice", trigger: "workflow_dispatch", minutes: 30, outcome: "success" });
    expect(runs.find((candidate) => candidate.id === 9000000112)).toMatchObject({ outcome: "unfinished", minutes: undefined });
  });

  it("counts runs a week per person who started one, leaving out scheduled and bots' runs", () => {
    // January (31 days of the period): 5 runs by alice and bob (the nightly schedule and dependabot left out);
    // February (28 days): 12 runs by alice, bob and carol.
    const proposal = proposed(measured, "waiting.runsPerWeekPerPerson");
    expect(proposal.monthly.map((month) => month.month)).toEqual(["2026-01", "2026-02"]);
    expect(proposal.monthly[0]!.value).toBeCloseTo((5 * 7) / 31 / 2, 10);
    expect(proposal.monthly[1]!.value).toBeCloseTo((12 * 7) / 28 / 3, 10);
    expect(proposal).toMatchObject(rangeOfTwo((5 * 7) / 31 / 2, 1, 1));
    expect(proposal.note).toContain("17 runs by 3 people");
    expect(proposal.note).toContain("2026-01-01 to 2026-02-28");
    expect(proposal.note).toContain("runs.json");
  });

  it("takes a run's minutes from run_started_at to updated_at, by month", () => {
    // January: 12, 20, 30, 10 and 8 minutes; February: 14, 16, 10, 10, 12, 10, 10, 18, 3, 10, 10 (the run in progress has none).
    const proposal = proposed(measured, "waiting.minutesPerRun");
    expect(proposal.monthly.map((month) => month.value)).toEqual([16, 123 / 11]);
    expect(proposal).toMatchObject(rangeOfTwo(16, 123 / 11, 1));
    expect(proposal.note).toContain("16 finished runs");
  });

  it("counts finished runs of deployment workflows, and the failed ones", () => {
    // Deploy model 104 (success) and 107 (failure) in January; Deploy model 110 and Release 111 in February (113 was cancelled).
    expect(proposed(measured, "breakage.deploymentsPerProjectPerMonth").monthly.map((month) => month.value)).toEqual([2 / 4, 2 / 4]);
    expect(proposed(measured, "breakage.deploymentsPerProjectPerMonth")).toMatchObject({ low: 0.5, high: 0.5 });
    expect(proposed(measured, "breakage.changeFailureRate").monthly.map((month) => month.value)).toEqual([0.5, 0]);
    expect(measured.observations.find((observation) => observation.what.startsWith("deployments"))).toMatchObject({ low: 2, high: 2 });
  });

  it("divides by team.people when it is asked to and by nobody when the live projects are unknown", () => {
    const withoutProjects = measureCiRuns(runs, { source: "GitHub Actions runs", from: "runs.json" }, { deployPattern: /deploy/i, changeFailureRate: false });
    expect(withoutProjects.proposals.map((proposal) => proposal.input)).toEqual(["waiting.runsPerWeekPerPerson", "waiting.minutesPerRun"]);
    expect(withoutProjects.notices.join("\n")).toMatch(/projects\.alreadyLive/);
  });

  it("reads a list of pages (gh api --paginate --slurp) and a bare list of runs", () => {
    const page = JSON.parse(fixture("github-actions-runs.json"));
    const half = page.workflow_runs.length >> 1;
    const pages = [
      { total_count: 19, workflow_runs: page.workflow_runs.slice(0, half) },
      { total_count: 19, workflow_runs: page.workflow_runs.slice(half) },
    ];
    expect(value(parseGithubRuns(JSON.stringify(pages)))).toHaveLength(19);
    expect(value(parseGithubRuns(JSON.stringify(page.workflow_runs)))).toHaveLength(19);
  });

  it("names the record of every problem", () => {
    const page = JSON.parse(fixture("github-actions-runs.json"));
    page.workflow_runs[17].created_at = "yesterday";
    delete page.workflow_runs[3].event;
    page.workflow_runs[5].actor = "alice";
    expect(problems(parseGithubRuns(JSON.stringify(page)))).toEqual([
      "workflow_runs[3].event: missing",
      "workflow_runs[5].actor: expected an object, got text 'alice'",
      "workflow_runs[17].created_at: 'yesterday' is not a timestamp (expected e.g. 2026-01-05T09:12:00Z)",
    ]);
  });

  it("says what is wrong with a file that is not the API's response", () => {
    expect(problems(parseGithubRuns(""))).toEqual(["the file is empty; expected the JSON of the API's response"]);
    expect(problems(parseGithubRuns('{ "total_count": 0, "workflow_runs": [] }'))).toEqual(["workflow_runs: is an empty list: there are no runs to measure"]);
    expect(problems(parseGithubRuns('{ "runs": [] }'))[0]).toMatch(/^workflow_runs: missing: expected the response of GET \/repos/);
    expect(problems(parseGithubRuns('{ "workflow_runs": {} }'))).toEqual(["workflow_runs: expected a list, got an object"]);
    expect(problems(parseGithubRuns(fixture("github-actions-runs.json").slice(0, 5000)))[0]).toMatch(
      /^end of file: the JSON stops in the middle \(the file looks truncated/,
    );
    expect(problems(parseGithubRuns('{\n  "workflow_runs": [ { "id": 1, } ]\n}'))[0]).toMatch(/^line 2 column \d+: not valid JSON/);
  });
});

describe("GitLab pipelines", () => {
  const runs = value(parseGitlabPipelines(fixture("gitlab-pipelines.json")));
  const measured = measureCiRuns(
    runs,
    { source: "GitLab pipelines", from: "pipelines.json" },
    { deployPattern: /deploy|release/i, liveProjects: 2, changeFailureRate: true },
  );

  it("reads each pipeline as fetched on its own: duration, else finished_at − started_at", () => {
    expect(runs).toHaveLength(10);
    expect(runs.find((run) => run.id === 70205)).toMatchObject({ minutes: 5, outcome: "other", actor: "bob", trigger: "web" });
    expect(runs.find((run) => run.id === 70209)).toMatchObject({ minutes: undefined, outcome: "unfinished" });
  });

  it("measures runs a week per person, minutes a run, deployments (by name or ref) and failed deployments", () => {
    // March (31 days): 4 pipelines people waited for, by alice and bob (the schedule left out), of 10, 15, 20 and 5 minutes.
    // April (30 days): 5, by carol, alice and bob; the running one has no minutes: 8, 12, 6 and 9.
    const perPerson = proposed(measured, "waiting.runsPerWeekPerPerson").monthly.map((month) => month.value);
    expect(perPerson[0]).toBeCloseTo((4 * 7) / 31 / 2, 10);
    expect(perPerson[1]).toBeCloseTo((5 * 7) / 30 / 3, 10);
    expect(proposed(measured, "waiting.minutesPerRun").monthly.map((month) => month.value)).toEqual([12.5, 8.75]);
    expect(proposed(measured, "waiting.minutesPerRun")).toMatchObject(rangeOfTwo(12.5, 8.75, 1));
    // "Deploy to production" in March; ref release/1.2 twice in April, once failed.
    expect(proposed(measured, "breakage.deploymentsPerProjectPerMonth").monthly.map((month) => month.value)).toEqual([1 / 2, 2 / 2]);
    expect(proposed(measured, "breakage.changeFailureRate").monthly.map((month) => month.value)).toEqual([0, 0.5]);
  });

  it("reads the list without users and times: minutes from updated_at − created_at, people from team.people", () => {
    const list = [
      { id: 1, status: "success", source: "push", ref: "main", created_at: "2026-03-02T10:00:00Z", updated_at: "2026-03-02T10:12:00Z" },
      { id: 2, status: "success", source: "push", ref: "main", created_at: "2026-03-20T10:00:00Z", updated_at: "2026-03-20T10:06:00Z" },
    ];
    const listed = value(readGitlabPipelines(list));
    expect(listed.map((run) => run.minutes)).toEqual([12, 6]);
    const withPeople = measureCiRuns(
      listed,
      { source: "GitLab pipelines", from: "list.json" },
      { deployPattern: /deploy/i, people: 2, changeFailureRate: false },
    );
    // 2 runs over the 19 days from the 2nd to the 20th, for 2 people.
    expect(proposed(withPeople, "waiting.runsPerWeekPerPerson").monthly[0]!.value).toBeCloseTo((2 * 7) / 19 / 2, 10);
    const withoutPeople = measureCiRuns(listed, { source: "GitLab pipelines", from: "list.json" }, { deployPattern: /deploy/i, changeFailureRate: false });
    expect(withoutPeople.proposals.map((proposal) => proposal.input)).toEqual(["waiting.minutesPerRun"]);
  });

  it("names the pipeline of every problem", () => {
    const list = JSON.parse(fixture("gitlab-pipelines.json"));
    list[2].finished_at = "2026-13-01T00:00:00Z";
    list[4].duration = -3;
    expect(problems(parseGitlabPipelines(JSON.stringify(list)))).toEqual([
      "[2].finished_at: '2026-13-01T00:00:00Z' is not a timestamp (expected e.g. 2026-01-05T09:12:00Z)",
      "[4].duration: -3 is not a number ≥ 0",
    ]);
    expect(problems(parseGitlabPipelines("[]"))).toEqual(["the file is an empty list: there are no pipelines to measure"]);
    expect(problems(parseGitlabPipelines('{ "workflow_runs": [] }'))[0]).toMatch(/expected a list of pipelines/);
  });
});

describe("deployments and incidents", () => {
  it("reads PagerDuty's incidents export: hours to restore and incidents a month", () => {
    const data = value(parseEventsCsv(fixture("pagerduty-incidents.csv")));
    expect(data.format).toBe("PagerDuty incidents");
    expect(data.events).toHaveLength(5);
    const measured = measureEvents(data, "incidents.csv");
    // January: 2.5, 3.5 (22:00 to 01:30 at UTC−5) and 1 hours; February: 8 hours, and one still open.
    const restore = proposed(measured, "breakage.hoursToRestore");
    expect(restore.monthly.map((month) => month.value)).toEqual([7 / 3, 8]);
    expect(restore).toMatchObject(rangeOfTwo(7 / 3, 8, 1));
    expect(measured.observations[0]).toMatchObject({ what: "incidents a month" });
    expect(measured.observations[0]!.monthly.map((month) => month.value)).toEqual([3, 2]);
    expect(measured.notices.join("\n")).toMatch(/1 of 5 incidents has no resolved time and is left out/);
    expect(measured.notices.join("\n")).toMatch(/change-failure rate not proposed/);
    const withDeployments = measureEvents(data, "incidents.csv", {
      deploymentsPerMonth: {
        monthly: [
          { month: "2026-01", value: 6 },
          { month: "2026-02", value: 4 },
        ],
        source: "CI",
      },
    });
    expect(proposed(withDeployments, "breakage.changeFailureRate").monthly.map((month) => month.value)).toEqual([3 / 6, 2 / 4]);
  });

  it("reads our own CSV of deployments and incidents, quoted cells across lines included", () => {
    const data = value(parseEventsCsv(fixture("deployments-incidents.csv")));
    expect(data.events.filter((event) => event.kind === "deployment")).toHaveLength(8);
    // The incident's note spans lines 9 and 10: the next deployment is on line 11.
    expect(data.events[8]).toMatchObject({ line: 11, kind: "deployment" });
    const measured = measureEvents(data, "events.csv", { liveProjects: 4 });
    // January: 5 deployments, 1 incident of 2 hours; February: 3 deployments, 2 incidents of 12 and 1 hours.
    expect(proposed(measured, "breakage.deploymentsPerProjectPerMonth").monthly.map((month) => month.value)).toEqual([5 / 4, 3 / 4]);
    expect(proposed(measured, "breakage.changeFailureRate").monthly.map((month) => month.value)).toEqual([1 / 5, 2 / 3]);
    expect(proposed(measured, "breakage.changeFailureRate")).toMatchObject(rangeOfTwo(1 / 5, 2 / 3, 2));
    expect(proposed(measured, "breakage.hoursToRestore").monthly.map((month) => month.value)).toEqual([2, 6.5]);
    expect(measured.notices.some((notice) => notice.includes("more incidents than deployments"))).toBe(false);
  });

  it("says where more incidents than deployments capped the change-failure rate at 1", () => {
    // January: 1 deployment and 3 incidents (capped); February: 2 deployments and 1 incident.
    const csv =
      "type,start,end\ndeployment,2026-01-05T10:00:00Z,\nincident,2026-01-06T10:00:00Z,2026-01-06T11:00:00Z\nincident,2026-01-12T10:00:00Z,2026-01-12T11:00:00Z\n" +
      "incident,2026-01-20T10:00:00Z,2026-01-20T12:00:00Z\ndeployment,2026-02-02T10:00:00Z,\ndeployment,2026-02-09T10:00:00Z,\nincident,2026-02-10T10:00:00Z,2026-02-10T11:00:00Z\n" +
      "deployment,2026-02-27T10:00:00Z,\n";
    const measured = measureEvents(value(parseEventsCsv(csv)), "events.csv", { liveProjects: 1 });
    const rates = proposed(measured, "breakage.changeFailureRate").monthly;
    expect(rates[0]!.value).toBe(1);
    expect(rates[1]!.value).toBeLessThan(1);
    const notice = measured.notices.find((text) => text.includes("more incidents than deployments"));
    expect(notice).toBe(
      "deployments and incidents: the change-failure rate is taken as 1 in 2026-01 (more incidents than deployments: every deployment failed): " +
        "incidents no deployment caused (an outage of the platform, say) count too; check the incidents before writing the rate",
    );
  });

  it("names each month taken as 1 for what it had: more incidents than deployments, or incidents with no deployment", () => {
    // January 2 deployments and 1 incident; February 1 incident and no deployment; March 1 deployment and 3 incidents.
    const csv =
      "type,start,end\ndeployment,2026-01-05T10:00:00Z,\ndeployment,2026-01-12T10:00:00Z,\nincident,2026-01-20T10:00:00Z,2026-01-20T11:00:00Z\n" +
      "incident,2026-02-10T10:00:00Z,2026-02-10T11:00:00Z\n" +
      "deployment,2026-03-02T10:00:00Z,\nincident,2026-03-03T10:00:00Z,2026-03-03T11:00:00Z\nincident,2026-03-10T10:00:00Z,2026-03-10T11:00:00Z\n" +
      "incident,2026-03-31T10:00:00Z,2026-03-31T11:00:00Z\n";
    const measured = measureEvents(value(parseEventsCsv(csv)), "inc.csv", { liveProjects: 1 });
    const rate = proposed(measured, "breakage.changeFailureRate");
    expect(rate.monthly.map((month) => month.value)).toEqual([1 / 2, 1, 1]);
    const where = "2026-03 (more incidents than deployments: every deployment failed) and in 2026-02 (incidents with no deployment)";
    expect(rate.note).toContain(`at most 1, taken as 1 in ${where};`);
    expect(measured.notices).toContain(
      `deployments and incidents: the change-failure rate is taken as 1 in ${where}: ` +
        "incidents no deployment caused (an outage of the platform, say) count too; check the incidents before writing the rate",
    );
    // February had no deployment: no sentence says every deployment failed there.
    expect([rate.note, ...measured.notices].join("\n")).not.toMatch(/2026-02[^;]*every deployment failed/);
  });

  it("takes a month with incidents and no deployment as 1 and names it, and leaves out and names a month with neither or with deployments unknown", () => {
    // Whole months: January 1 deployment and 2 incidents; February 1 incident and no deployment; March 2 deployments, no incident.
    const csv =
      "type,start,end\ndeployment,2026-01-01T10:00:00Z,\nincident,2026-01-10T10:00:00Z,2026-01-10T12:00:00Z\nincident,2026-01-20T10:00:00Z,2026-01-20T11:00:00Z\n" +
      "incident,2026-02-14T10:00:00Z,2026-02-14T13:00:00Z\ndeployment,2026-03-05T10:00:00Z,\ndeployment,2026-03-31T10:00:00Z,\n";
    const measured = measureEvents(value(parseEventsCsv(csv)), "inc2.csv", { liveProjects: 1 });
    const rate = proposed(measured, "breakage.changeFailureRate");
    // February was left out: the range was over January's 1 and March's 0 alone, "of 2 months".
    expect(rate.monthly).toEqual([
      { month: "2026-01", value: 1 },
      { month: "2026-02", value: 1 },
      { month: "2026-03", value: 0 },
    ]);
    // Sorted 0, 1, 1: the 5th percentile at rank 0.1 is 0.1, the 95th at rank 1.9 is 1.
    expect(rate).toMatchObject({ low: 0.1, high: 1 });
    expect(rate.note).toContain(
      "at most 1, taken as 1 in 2026-01 (more incidents than deployments: every deployment failed) and in 2026-02 (incidents with no deployment);",
    );
    expect(rate.note).toContain("3 incidents; 5th–95th percentile of 3 months");
    expect(measured.notices).toContain(
      "deployments and incidents: the change-failure rate is taken as 1 in 2026-01 (more incidents than deployments: every deployment failed) and in 2026-02 (incidents with no deployment): " +
        "incidents no deployment caused (an outage of the platform, say) count too; check the incidents before writing the rate",
    );

    // February with neither: no rate to take, named; January 1 incident ÷ 2 deployments, March 0 ÷ 1.
    const quiet =
      "type,start,end\ndeployment,2026-01-01T10:00:00Z,\ndeployment,2026-01-02T10:00:00Z,\nincident,2026-01-10T10:00:00Z,2026-01-10T12:00:00Z\ndeployment,2026-03-31T10:00:00Z,\n";
    const withQuietMonth = measureEvents(value(parseEventsCsv(quiet)), "quiet.csv", { liveProjects: 1 });
    expect(proposed(withQuietMonth, "breakage.changeFailureRate").monthly).toEqual([
      { month: "2026-01", value: 1 / 2 },
      { month: "2026-03", value: 0 },
    ]);
    expect(withQuietMonth.notices).toContain(
      "deployments and incidents: no deployment and no incident in month 2026-02: there is no change-failure rate to take there, so it is left out of the range",
    );

    // Deployments from CI runs that cover January only: February's deployments are unknown, not 0.
    const pagerDuty = value(parseEventsCsv(fixture("pagerduty-incidents.csv")));
    const januaryOnly = measureEvents(pagerDuty, "incidents.csv", {
      deploymentsPerMonth: { monthly: [{ month: "2026-01", value: 6 }], source: "deployment runs of runs.json" },
    });
    expect(proposed(januaryOnly, "breakage.changeFailureRate").monthly).toEqual([{ month: "2026-01", value: 3 / 6 }]);
    expect(januaryOnly.notices).toContain(
      "PagerDuty incidents: no deployments counted (deployment runs of runs.json) in month 2026-02: its incidents have nothing to divide by, so it is left out of the change-failure rate",
    );
  });

  it("writes a count of one in the singular in the notes it puts into the file: 1 resolved incident, 1 deployment, 1 live project, 1 entry", () => {
    const csv = "type,start,end\ndeployment,2026-01-01T10:00:00Z,\nincident,2026-01-08T12:00:00Z,2026-01-08T14:00:00Z\ndeployment,2026-02-28T10:00:00Z,\n";
    const measured = measureEvents(value(parseEventsCsv(csv)), "events.csv", { liveProjects: 1 });
    const notes = [...measured.proposals, ...measured.observations].map((entry) => entry.note).join("\n");
    expect(notes).toContain("1 resolved incident;");
    expect(notes).toContain("(2 deployments in the same file)");
    expect(notes).toContain("÷ 1 live project;");
    expect(notes).not.toMatch(/\b1 (incidents|deployments|live projects|resolved incidents)\b/);
    const sheet = value(parseTimesheetCsv("date,hours,category,person\n2026-03-02,2,upkeep,Ana\n2026-03-30,1,x,Ana\n"));
    const upkeep = proposed(measureTimesheet(sheet, "sheet.csv", { rules: rules("upkeep=upkeep"), liveProjects: 1 }), "projects.upkeepHoursPerMonth");
    expect(upkeep.note).toContain("hours a month ÷ 1 live project;");
    expect(upkeep.note).toContain("1 entry labelled 'upkeep' by 1 person");
  });

  it("gives the period and counts of the months it counts in the note, not of a short month it left out", () => {
    // January whole, then one day of February: February is left out of the figures.
    const csv = "type,start,end\ndeployment,2026-01-01T10:00:00Z,\nincident,2026-01-08T12:00:00Z,2026-01-08T14:00:00Z\ndeployment,2026-02-01T10:00:00Z,\n";
    const measured = measureEvents(value(parseEventsCsv(csv)), "events.csv", { liveProjects: 4 });
    const perProject = proposed(measured, "breakage.deploymentsPerProjectPerMonth");
    expect(perProject.low).toBe(0.25);
    // It said "2026-01-01 to 2026-02-01, 2 deployments" beside January's 1 deployment ÷ 4 projects = 0.25.
    expect(perProject.note).toContain("events.csv, 2026-01-01 to 2026-01-31, 1 deployment;");
    expect(proposed(measured, "breakage.changeFailureRate").note).toContain("(1 deployment in the same file)");
    expect(measured.notices.join("\n")).toContain("2026-02 (1 day) left out of the monthly counts");
    const runs = measureCiRuns(
      [
        {
          record: "workflow_runs[0]",
          id: 0,
          name: "ci",
          ref: "main",
          trigger: "push",
          actor: "ana",
          createdAt: Date.UTC(2026, 0, 5),
          minutes: 10,
          outcome: "success" as const,
        },
        {
          record: "workflow_runs[1]",
          id: 1,
          name: "ci",
          ref: "main",
          trigger: "push",
          actor: "ana",
          createdAt: Date.UTC(2026, 0, 20),
          minutes: 10,
          outcome: "success" as const,
        },
        {
          record: "workflow_runs[2]",
          id: 2,
          name: "ci",
          ref: "main",
          trigger: "push",
          actor: "ben",
          createdAt: Date.UTC(2026, 1, 2),
          minutes: 10,
          outcome: "success" as const,
        },
      ],
      { source: "GitHub Actions runs", from: "runs.json" },
      { deployPattern: /deploy/i, changeFailureRate: false },
    );
    expect(proposed(runs, "waiting.runsPerWeekPerPerson").note).toContain("runs.json, 2026-01-05 to 2026-01-31, 2 runs by 1 person;");
  });

  it("says the records a label or pattern matches all fall in a month left out, not that none match", () => {
    // January, then one day of February holding the only chore entry, deployment run and deployment.
    const sheet = value(parseTimesheetCsv("date,hours,category,person\n2026-01-05,2,meeting,Ana\n2026-01-26,1,meeting,Ana\n2026-02-02,1,chore,Ana\n"));
    const timesheet = measureTimesheet(sheet, "ts.csv", { rules: rules("meeting=meetings", "chore=manualTasks.dataChecks") }).notices.join("\n");
    // It said "no entry has the label 'chore' (--map)", as if the label were wrong.
    expect(timesheet).not.toContain("no entry has the label");
    expect(timesheet).toContain(
      "time sheet: the entries labelled 'chore' (--map) all fall in 2026-02 (2 days), left out of the monthly counts: fewer than 7 days of the month are in the export: manualTasks.dataChecks not measured",
    );
    // A label no entry has at all keeps the old notice.
    expect(measureTimesheet(sheet, "ts.csv", { rules: rules("meeting=meetings", "review=building") }).notices).toContain(
      "time sheet: no entry has the label 'review' (--map)",
    );

    const run = (id: number, name: string, day: number, month = 0) => ({
      record: `workflow_runs[${id}]`,
      id,
      name,
      ref: "main",
      trigger: "push",
      actor: "ana",
      createdAt: Date.UTC(2026, month, day),
      minutes: 10,
      outcome: "success" as const,
    });
    const ci = (runs: ReturnType<typeof run>[]) =>
      measureCiRuns(runs, { source: "GitHub Actions runs", from: "runs.json" }, { deployPattern: /deploy|release/i, changeFailureRate: false }).notices;
    const deployedInFebruary = ci([run(0, "ci", 5), run(1, "ci", 26), run(2, "Deploy model", 2, 1)]);
    // It said "no finished run's name matches /deploy|release/i (--deploy-workflow)".
    expect(deployedInFebruary.join("\n")).not.toContain("no finished run's name matches");
    expect(deployedInFebruary).toContain(
      "GitHub Actions runs: the finished runs whose name matches /deploy|release/i (--deploy-workflow) all fall in 2026-02 (2 days), left out of the monthly counts: fewer than 7 days of the month are in the export: no deployments counted",
    );
    expect(ci([run(0, "ci", 5), run(1, "ci", 26), run(2, "ci", 2, 1)])).toContain(
      "GitHub Actions runs: no finished run's name matches /deploy|release/i (--deploy-workflow): no deployments counted",
    );

    const events = (csv: string) => measureEvents(value(parseEventsCsv(`type,start,end\n${csv}`)), "events.csv").notices;
    const incidents = "incident,2026-01-05T10:00:00Z,2026-01-05T12:00:00Z\nincident,2026-01-26T10:00:00Z,2026-01-26T11:00:00Z\n";
    const deployedLate = events(`${incidents}deployment,2026-02-02T10:00:00Z,\n`);
    // It said "no deployments in the file".
    expect(deployedLate.join("\n")).not.toContain("no deployments in the file");
    expect(deployedLate).toContain(
      "deployments and incidents: the deployments in the file all fall in 2026-02 (2 days), left out of the monthly counts: fewer than 7 days of the month are in the export, and no CI runs given: change-failure rate not proposed (add --github-runs or --gitlab-pipelines)",
    );
    expect(events(`${incidents}incident,2026-02-02T10:00:00Z,\n`).join("\n")).toContain("no deployments in the file and no CI runs given");
  });

  it("names the line and column of every problem", () => {
    const bad =
      "type,start,end\ndeployment,2026-01-01T10:00:00Z,\nrollback,2026-01-02T10:00:00Z,\nincident,2026-01-03T10:00:00Z,2026-01-03T09:00:00Z\nincident,soon,\n";
    expect(problems(parseEventsCsv(bad))).toEqual([
      "line 3, column type: 'rollback' is neither a deployment nor an incident (allowed: deployment, incident)",
      "line 4, column end: '2026-01-03T09:00:00Z' is before '2026-01-03T10:00:00Z': service cannot be restored before the incident starts",
      "line 5, column start: 'soon' is not a timestamp (expected e.g. 2026-01-05T09:12:00Z)",
    ]);
    expect(problems(parseEventsCsv("when,what\n2026-01-01,deploy\n"))[0]).toMatch(/^line 1 \(the header\): no column start, type/);
    expect(problems(parseEventsCsv(""))).toEqual(["the file is empty; expected a header line and one line per record"]);
    expect(problems(parseEventsCsv("type,start,end\n"))).toEqual(["the file has a header but no records: there is nothing to measure"]);
    const truncated = fixture("pagerduty-incidents.csv").slice(0, 420);
    expect(problems(parseEventsCsv(truncated))[0]).toMatch(
      /^line \d+: (has \d+ cells, the header 10 \(the file looks truncated\)|a quoted cell starts here and is never closed)/,
    );
  });
});

describe("time sheets", () => {
  const mapping = rules("chore=manualTasks.dataChecks", "meeting=meetings", "retraining=upkeep", "build=building");

  it("reads Toggl Track's detailed export and maps tags to chores, meetings, upkeep and building", () => {
    const data = value(parseTimesheetCsv(fixture("toggl-time-entries.csv")));
    expect(data.format).toBe("Toggl Track time entries");
    expect(data.entries).toHaveLength(12);
    expect(data.entries[0]).toMatchObject({ person: "Ana", hours: 1, labels: ["chore", "data", "Churn model"] });
    const measured = measureTimesheet(data, "toggl.csv", { rules: mapping, liveProjects: 4, choreCountedPer: () => "person" });
    // March (31 days), Ana and Ben: chores 1 + 2 hours, meetings 1.5 + 2.5, upkeep 4, building 6.
    // April (30 days), Ana and Ben: chores 0.75 + 1.25, meetings 1, upkeep 3, building 5.
    const chores = proposed(measured, "manualTasks.dataChecks.minutesPerWeek");
    expect(chores.monthly[0]!.value).toBeCloseTo((180 * 7) / 31 / 2, 10);
    expect(chores.monthly[1]!.value).toBeCloseTo((120 * 7) / 30 / 2, 10);
    expect(chores).toMatchObject(rangeOfTwo((180 * 7) / 31 / 2, 14, 0));
    expect(proposed(measured, "meetings.hoursPerPersonPerMonth").monthly.map((month) => month.value)).toEqual([2, 0.5]);
    expect(proposed(measured, "projects.upkeepHoursPerMonth").monthly.map((month) => month.value)).toEqual([1, 0.75]);
    expect(measured.observations[0]).toMatchObject({ what: "building hours a month (the team)" });
    expect(measured.observations[0]!.monthly.map((month) => month.value)).toEqual([6, 5]);
    expect(measured.notices).toContain("Toggl Track time entries: 0.5 hours match no --map rule and are left out");
  });

  it("counts a chore per project or for the whole team as the file does", () => {
    const data = value(parseTimesheetCsv(fixture("toggl-time-entries.csv")));
    const perTeam = measureTimesheet(data, "toggl.csv", { rules: rules("chore=manualTasks.dataChecks"), choreCountedPer: () => "team" });
    expect(proposed(perTeam, "manualTasks.dataChecks.minutesPerWeek").monthly.map((month) => month.value)).toEqual([(180 * 7) / 31, (120 * 7) / 30]);
    const perProject = measureTimesheet(data, "toggl.csv", { rules: rules("chore=manualTasks.dataChecks"), choreCountedPer: () => "project" });
    expect(perProject.proposals).toEqual([]);
    expect(perProject.notices.join("\n")).toMatch(/counted per project but projects\.alreadyLive/);
  });

  it("reads our own time sheet: date, hours, category, person", () => {
    const text = "date,person,hours,category\n2026-05-01,Ana,2,Meetings\n2026-05-15,Ben,1:30,meetings\n2026-05-28,Ana,0.5,Email\n";
    const data = value(parseTimesheetCsv(text));
    const measured = measureTimesheet(data, "sheet.csv", { rules: rules("meetings=meetings") });
    // 3.5 hours over the 28 days from the 1st to the 28th of May, scaled to 31 days, for 2 people.
    expect(proposed(measured, "meetings.hoursPerPersonPerMonth").monthly[0]!.value).toBeCloseTo((3.5 * 31) / 28 / 2, 10);
  });

  it("names in the note the people behind a label's entries, and apart from them the people the hours are divided among", () => {
    // January, whole (the 1st to the 31st): alice 6 h of meetings, bob 3 h and carol 2 h of data checks.
    const january = "date,hours,category,person\n2026-01-01,6,meeting,alice\n2026-01-15,3,data,bob\n2026-01-31,2,data,carol\n";
    const mapped = rules("meeting=meetings", "data=manualTasks.dataChecks");
    const one = measureTimesheet(value(parseTimesheetCsv(january)), "time3.csv", { rules: mapped });
    const meetings = proposed(one, "meetings.hoursPerPersonPerMonth");
    // 6 hours ÷ the 3 people who logged time in January.
    expect(meetings.monthly).toEqual([{ month: "2026-01", value: 6 / 3 }]);
    // It said "1 entry labelled 'meeting' by 3 people": alice alone logged it.
    expect(meetings.note).toContain("1 entry labelled 'meeting' by 1 person, divided among the 3 people who logged time;");
    const checks = proposed(one, "manualTasks.dataChecks.minutesPerWeek");
    expect(checks.monthly[0]!.value).toBeCloseTo((5 * 60 * 7) / 31 / 3, 10);
    expect(checks.note).toContain("2 entries labelled 'data' by 2 people, divided among the 3 people who logged time;");

    // February, whole: alice 4 h of meetings and bob 1 h of nothing mapped; 2 people logged time.
    const two = measureTimesheet(value(parseTimesheetCsv(`${january}2026-02-01,4,meeting,alice\n2026-02-28,1,other,bob\n`)), "time.csv", { rules: mapped });
    const bothMonths = proposed(two, "meetings.hoursPerPersonPerMonth");
    expect(bothMonths.monthly.map((month) => month.value)).toEqual([6 / 3, 4 / 2]);
    expect(bothMonths.note).toContain("2 entries labelled 'meeting' by 1 person, divided among the people who logged time that month (2 to 3);");

    // Upkeep is divided among live projects, not people: the note says no divisor of people.
    const upkeepText = "date,hours,category\n2026-01-01,4,upkeep\n2026-01-31,2,upkeep\n";
    const upkeep = proposed(
      measureTimesheet(value(parseTimesheetCsv(upkeepText)), "u.csv", { rules: rules("upkeep=upkeep"), liveProjects: 2 }),
      "projects.upkeepHoursPerMonth",
    );
    expect(upkeep.monthly.map((month) => month.value)).toEqual([6 / 2]);
    expect(upkeep.note).toContain("2 entries labelled 'upkeep';");
    expect(upkeep.note).not.toContain("team.people");
    const perPerson = measureTimesheet(value(parseTimesheetCsv(upkeepText.replaceAll("upkeep", "data"))), "u.csv", {
      rules: rules("data=manualTasks.dataChecks"),
      people: 4,
    });
    expect(proposed(perPerson, "manualTasks.dataChecks.minutesPerWeek").note).toContain("2 entries labelled 'data', divided by team.people (4);");
  });

  it("refuses rules and entries it cannot read, naming them", () => {
    expect(problems(parseTimeRule("chore"))[0]).toMatch(/^--map 'chore': expected LABEL=TARGET/);
    expect(problems(parseTimeRule("chore=waiting"))[0]).toMatch(/'waiting' is no target; allowed: manualTasks\.<chore name>, meetings, upkeep or building/);
    // A misspelt target gets the nearest one, as every other unknown name does.
    expect(problems(parseTimeRule("chore=upkep"))).toEqual([
      "--map 'chore=upkep': 'upkep' is no target; did you mean 'upkeep'? Allowed: manualTasks.<chore name>, meetings, upkeep or building",
    ]);
    expect(problems(parseTimeRule("Data refresh=manualtask.dataChecks"))[0]).toContain("did you mean 'manualTasks.dataChecks'?");
    expect(problems(parseTimeRule("Standup=meeting"))[0]).toContain("did you mean 'meetings'?");
    expect(problems(parseTimesheetCsv("date,hours,category\n2026-05-01,two,x\n31/05/2026,1,x\n"))).toEqual([
      "line 2, column hours: 'two' is not a duration; allowed: hours, e.g. 1.5 or 1:30, from 0 to 744 (a month of 31 days)",
      "line 3, column date: '31/05/2026' is not a date (expected e.g. 2026-05-01)".replace("2026-05-01", "2026-01-05"),
    ]);
    expect(problems(parseTimesheetCsv("date;hours;category\n2026-05-01;99999;x\n2026-05-02;-1;x\n2026-05-03;1,5;x\n2026-05-04;800:00;x\n"))).toEqual([
      "line 2, column hours: '99999' is 99999 hours, more than one entry can hold; allowed: hours, e.g. 1.5 or 1:30, from 0 to 744 (a month of 31 days)",
      "line 3, column hours: '-1' is negative; allowed: hours, e.g. 1.5 or 1:30, from 0 to 744 (a month of 31 days)",
      "line 4, column hours: '1,5' has a decimal comma; write it with a dot (1.5); allowed: hours, e.g. 1.5 or 1:30, from 0 to 744 (a month of 31 days)",
      "line 5, column hours: '800:00' is 800 hours, more than one entry can hold; allowed: hours, e.g. 1.5 or 1:30, from 0 to 744 (a month of 31 days)",
    ]);
    // Just over the limit: it said "'744.4' is 744 hours, more than one entry can hold; allowed: ... from 0 to 744".
    expect(problems(parseTimesheetCsv("date,hours,category\n2026-05-01,744.4,x\n2026-05-02,744:01,x\n"))).toEqual([
      "line 2, column hours: '744.4' is just over 744 hours, more than one entry can hold; allowed: hours, e.g. 1.5 or 1:30, from 0 to 744 (a month of 31 days)",
      "line 3, column hours: '744:01' is just over 744 hours, more than one entry can hold; allowed: hours, e.g. 1.5 or 1:30, from 0 to 744 (a month of 31 days)",
    ]);
    expect(problems(parseTimesheetCsv("who,when\nAna,today\n"))[0]).toMatch(/^line 1 \(the header\): no column date, hours, category, tags or project/);
    const truncated = fixture("toggl-time-entries.csv").slice(0, 600);
    expect(problems(parseTimesheetCsv(truncated))[0]).toMatch(
      /^line \d+: (has \d+ cells?, the header 14 \(the file looks truncated\)|a quoted cell starts here)/,
    );
  });
});

describe("the arithmetic", () => {
  it("takes percentiles as spreadsheets do (PERCENTILE.INC)", () => {
    expect(percentile([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(percentile([4, 1, 3, 2], 0.95)).toBeCloseTo(3.85, 12);
    expect(percentile([7], 0.05)).toBe(7);
  });

  it("reads timestamps with a zone as instants and without one as written", () => {
    expect(parseTimestamp("2026-01-15T22:00:00-05:00")).toBe(Date.UTC(2026, 0, 16, 3));
    expect(parseTimestamp("2026-01-15 22:00:00")).toBe(Date.UTC(2026, 0, 15, 22));
    expect(parseTimestamp("2026-02-30")).toBeUndefined();
    expect(parseTimestamp("yesterday")).toBeUndefined();
  });

  it("scales months by the days of them the export covers", () => {
    expect(exposures(Date.UTC(2026, 0, 20, 15), Date.UTC(2026, 1, 28, 1))).toEqual([
      { month: "2026-01", days: 12, daysInMonth: 31 },
      { month: "2026-02", days: 28, daysInMonth: 28 },
    ]);
  });

  it("follows the next link of a Link header", () => {
    expect(nextLink('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"')).toBe("https://api.github.com/x?page=2");
    expect(nextLink('<https://api.github.com/x?page=1>; rel="prev"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });
});

describe("actuals from the same exports (track import --format)", () => {
  const options = { deployPattern: /deploy|release/i, rules: rules("chore=manualTasks.dataChecks", "meeting=meetings", "retraining=upkeep", "build=building") };
  const csv = (files: { format: "github-actions" | "gitlab" | "incidents" | "timesheet"; name: string; text: string }[]) => {
    const result = actualsCsv(files, options);
    if (!result.ok) throw new Error(result.problems.map((problem) => `${problem.file}: ${problem.record}: ${problem.message}`).join("\n"));
    return result;
  };

  it("marks a file's list cut at 20 problems with one flag and one wording, as measure does", () => {
    const bad = `type,start,end\n${"deployment,yesterday,\n".repeat(25)}`;
    const few = `type,start,end\n${"deployment,yesterday,\n".repeat(2)}`;
    const result = actualsCsv(
      [
        { format: "incidents", name: "incidents.csv", text: bad },
        { format: "timesheet", name: "hours.csv", text: few.replace("type,start,end", "date,hours,category") },
      ],
      options,
    );
    if (result.ok) throw new Error("expected problems");
    const marks = result.problems.filter((problem) => problem.more);
    expect(marks).toEqual([{ file: "incidents.csv", record: "", message: MORE_PROBLEMS, more: true }]);
    expect(MORE_PROBLEMS).toBe("the first 20 problems are listed; the file may have more");
    expect(problemLine(marks[0]!)).toBe("incidents.csv: the first 20 problems are listed; the file may have more");
    expect(problemLine(result.problems[0]!)).toBe("incidents.csv: line 2, column start: 'yesterday' is not a timestamp (expected e.g. 2026-01-05T09:12:00Z)");
    expect(problemCount(result.problems)).toBe("at least 22 problems");
    expect(problemCount(fileProblems("hours.csv", [{ record: "line 2", message: "x" }]))).toBe("1 problem");
  });

  it("refuses a time sheet's chore the plan's case does not have, naming it and the case's chores (it was taken as the month's manual hours)", () => {
    const sheet = { format: "timesheet" as const, name: "toggl.csv", text: fixture("toggl-time-entries.csv") };
    const chores = ["manualDeployments", "dataChecks"];
    const result = actualsCsv([sheet], { ...options, rules: rules("chore=manualTasks.noSuchChore"), chores });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(problemLine)).toEqual([
      "toggl.csv: --map 'chore=manualTasks.noSuchChore': the plan's case has no chore 'noSuchChore'; its chores: manualDeployments, dataChecks",
    ]);
    expect(choreProblems("toggl.csv", rules("chore=manualTasks.datachecks"), chores)[0]!.message).toContain("(did you mean 'dataChecks'?)");
  });

  it("refuses a time sheet that maps some of the plan's chores and not all: their hours would stand for the whole month's manual hours", () => {
    const sheet = { format: "timesheet" as const, name: "toggl.csv", text: fixture("toggl-time-entries.csv") };
    const chores = ["manualDeployments", "dataChecks"];
    const partial = actualsCsv([sheet], { ...options, chores });
    expect(partial.ok).toBe(false);
    if (partial.ok) return;
    expect(partial.problems).toHaveLength(1);
    expect(partial.problems[0]!.record).toBe("--map");
    expect(partial.problems[0]!.message).toMatch(
      /^maps manualTasks\.dataChecks but not manualTasks\.manualDeployments: a month's manualHours are all the plan's chores together \(manualDeployments, dataChecks\)/,
    );
    // Every chore mapped, or none: the months are read.
    const every = actualsCsv([sheet], {
      ...options,
      rules: rules("data=manualTasks.dataChecks", "chore=manualTasks.manualDeployments", "meeting=meetings"),
      chores,
    });
    expect(every.ok && every.csv).toBe("month,manualHours,meetingHours\n2026-03,3,4\n2026-04,2,1\n");
    const none = actualsCsv([sheet], { ...options, rules: rules("meeting=meetings"), chores });
    expect(none.ok && none.csv).toBe("month,meetingHours\n2026-03,4\n2026-04,1\n");
  });

  it("counts each month's deployments and failed deployments of CI runs", () => {
    expect(csv([{ format: "github-actions", name: "runs.json", text: fixture("github-actions-runs.json") }]).csv).toBe(
      "month,deployments,incidents\n2026-01,2,1\n2026-02,2,0\n",
    );
    expect(csv([{ format: "gitlab", name: "pipelines.json", text: fixture("gitlab-pipelines.json") }]).csv).toBe(
      "month,deployments,incidents\n2026-03,1,0\n2026-04,2,1\n",
    );
  });

  it("sums each month's incidents and hours to restore, leaving the hours out of a month with an open incident", () => {
    const result = csv([{ format: "incidents", name: "pd.csv", text: fixture("pagerduty-incidents.csv") }]);
    // January: 2.5 + 3.5 + 1 hours; February: one of the two still open.
    expect(result.csv).toBe("month,incidents,hoursToRestore\n2026-01,3,7\n2026-02,2,\n");
    expect(result.notices).toContain("pd.csv: 2026-02: 1 incident is still open: hours to restore not recorded for the month");
  });

  it("sums each month's hours of the time sheet by rule: chores, meetings, upkeep, building", () => {
    expect(csv([{ format: "timesheet", name: "toggl.csv", text: fixture("toggl-time-entries.csv") }]).csv).toBe(
      "month,manualHours,meetingHours,upkeepHours,buildHours\n2026-03,3,4,4,6\n2026-04,2,1,3,5\n",
    );
  });

  it("merges several exports, the incidents export first for a measure both give", () => {
    const result = csv([
      { format: "github-actions", name: "runs.json", text: fixture("github-actions-runs.json") },
      { format: "incidents", name: "events.csv", text: fixture("deployments-incidents.csv") },
    ]);
    // events.csv: January 5 deployments, 1 incident of 2 hours; February 3, 2 incidents of 12 and 1 hours.
    expect(result.csv).toBe("month,incidents,hoursToRestore,deployments\n2026-01,1,2,5\n2026-02,2,13,3\n");
    expect(result.notices).toContain("2026-01: deployments from runs.json (2) left out: events.csv gives it (5)");
  });

  it("leaves out a month the export covers only in part, but not for a weekend", () => {
    const run = (id: number, day: string) => ({
      id,
      name: "Deploy",
      status: "completed",
      conclusion: "success",
      event: "push",
      created_at: `${day}T10:00:00Z`,
      updated_at: `${day}T10:05:00Z`,
    });
    const text = JSON.stringify({ workflow_runs: [run(1, "2026-01-20"), run(2, "2026-02-10"), run(3, "2026-03-20")] });
    const partial = csv([{ format: "github-actions", name: "runs.json", text }]);
    expect(partial.months).toEqual(["2026-02"]);
    expect(partial.notices[0]).toBe(
      "runs.json: 2026-01 (12 of 31 days), 2026-03 (20 of 31 days) left out: the export covers only part of the month (export whole months)",
    );
    const weekend = JSON.stringify({ workflow_runs: [run(1, "2026-02-03"), run(2, "2026-02-27")] });
    expect(csv([{ format: "github-actions", name: "runs.json", text: weekend }]).months).toEqual(["2026-02"]);
  });

  it("names the file and record of every problem, and wants rules for a time sheet", () => {
    const result = actualsCsv(
      [
        { format: "incidents", name: "events.csv", text: "type,start,end\nincident,soon,\n" },
        { format: "timesheet", name: "toggl.csv", text: fixture("toggl-time-entries.csv") },
      ],
      { deployPattern: /deploy/i, rules: [] },
    );
    expect(result.ok ? [] : result.problems.map((problem) => `${problem.file}: ${problem.record}: ${problem.message}`)).toEqual([
      "events.csv: line 2, column start: 'soon' is not a timestamp (expected e.g. 2026-01-05T09:12:00Z)",
      'toggl.csv: --map: a time sheet needs --map rules, e.g. --map "Meeting=meetings" --map "Data refresh=manualTasks.dataRefresh"',
    ]);
  });
});

describe("a long export", () => {
  // 200,000 records from 2020 on: Math.min(...times) overflowed the stack (an internal error), and
  // every month filtered every record again (300,000 records took 12 seconds).
  const count = 200_000;
  const start = Date.UTC(2020, 0, 1);
  const at = (index: number) => new Date(start + index * 15 * 60_000).toISOString().replace(".000Z", "Z");

  it("of deployments and incidents, CI runs and time entries is measured, and turned into actuals, in one pass", { timeout: 20_000 }, () => {
    const events = `type,start,end\n${Array.from({ length: count }, (_, index) => `deployment,${at(index)},`).join("\n")}\n`;
    const measured = measureEvents(value(parseEventsCsv(events)), "events.csv", { liveProjects: 2 });
    expect(proposed(measured, "breakage.deploymentsPerProjectPerMonth").monthly.length).toBeGreaterThan(60);

    const runs = Array.from({ length: count }, (_, index) => ({
      id: index,
      name: index % 5 === 0 ? "deploy" : "ci",
      status: "completed",
      conclusion: "success",
      created_at: at(index),
      updated_at: at(index),
      run_started_at: at(index),
      actor: { login: `person${index % 7}` },
      event: "push",
    }));
    const parsed = value(parseGithubRuns(JSON.stringify({ total_count: count, workflow_runs: runs })));
    const ci = measureCiRuns(
      parsed,
      { source: "GitHub Actions runs", from: "runs.json" },
      { deployPattern: /deploy/i, changeFailureRate: true, liveProjects: 2 },
    );
    expect(proposed(ci, "waiting.runsPerWeekPerPerson").monthly.length).toBeGreaterThan(60);

    const sheet = `date,hours,category,person\n${Array.from({ length: count }, (_, index) => `${at(index).slice(0, 10)},0.25,chore,p${index % 9}`).join("\n")}\n`;
    const timed = measureTimesheet(value(parseTimesheetCsv(sheet)), "sheet.csv", { rules: rules("chore=manualTasks.dataChecks") });
    expect(proposed(timed, "manualTasks.dataChecks.minutesPerWeek").monthly.length).toBeGreaterThan(60);

    const actuals = actualsCsv(
      [
        { format: "incidents", name: "events.csv", text: events },
        { format: "timesheet", name: "sheet.csv", text: sheet },
      ],
      { deployPattern: /deploy/i, rules: rules("chore=manualTasks.dataChecks") },
    );
    expect(actuals.ok).toBe(true);
  });
});

describe("an export of many bad lines", () => {
  // Each bad line kept a row, or a message, until the first 20 were listed: about ten times the
  // file's size in memory. Read in a process whose heap is a few times the file's size, not ten.
  const child = fileURLToPath(new URL("../test-support/bad-lines-child.ts", import.meta.url));
  const lines = 800_000;
  const files = {
    "values.csv": ["incidents", `type,start,end,service,note\n${"deployment,yesterday,,api,\n".repeat(lines)}`],
    "widths.csv": ["incidents", `type,start,end,service,note\n${"deployment,2026-01-05T09:12:00Z\n".repeat(lines)}`],
    "hours.csv": ["timesheet", `date,hours,category\n${"2026-01-05,many,data\n".repeat(lines)}`],
  } as const;

  it("is read in bounded memory, its first 20 problems listed", { timeout: 60_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), "mlops-roi-bad-lines-"));
    try {
      const runs = Object.entries(files).map(async ([name, [kind, text]]) => {
        writeFileSync(join(folder, name), text);
        const { stdout } = await promisify(execFile)(process.execPath, ["--max-old-space-size=96", "--import", "tsx", child, kind, join(folder, name)], {
          cwd: fileURLToPath(new URL("../..", import.meta.url)),
          maxBuffer: 1_000_000,
        });
        return [name, JSON.parse(stdout) as { ok: boolean; problems: { record: string; message: string }[] }] as const;
      });
      const parsed = Object.fromEntries(await Promise.all(runs));
      for (const result of Object.values(parsed)) expect(result.problems).toHaveLength(20);
      expect(parsed["values.csv"]!.problems[19]).toEqual({
        record: "line 21, column start",
        message: "'yesterday' is not a timestamp (expected e.g. 2026-01-05T09:12:00Z)",
      });
      expect(parsed["widths.csv"]!.problems[19]).toEqual({ record: "line 21", message: "has 2 cells, the header 5" });
      expect(parsed["hours.csv"]!.problems[0]!.record).toBe("line 2, column hours");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

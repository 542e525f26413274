import { copyFileSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../../test-support/fixtures.js";
import { lineDiff } from "../../test-support/line-diff.js";
import { runCliCaptured, stackTraceLine } from "../../test-support/run-cli.js";
import { MAX_EXPORT_BYTES } from "./measure.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const fixture = (name: string) => join(root, "src/measure/fixtures", name);
const timesheetRules = ["--map", "chore=manualTasks.dataChecks", "--map", "meeting=meetings", "--map", "retraining=upkeep", "--map", "build=building"];
/** The time sheet's rules for `track import`: the plan's chores are all mapped (its month's manual hours are all of them). */
const importRules = ["--map", "data=manualTasks.dataChecks", "--map", "chore=manualTasks.manualDeployments", ...timesheetRules.slice(2)];

let temp: ReturnType<typeof makeTempFolder>;
let scenario: string;
beforeEach(() => {
  temp = makeTempFolder();
  scenario = join(temp.path, "team.yaml");
  copyFileSync(join(root, "examples/team.yaml"), scenario);
});
afterEach(() => temp.remove());

describe("measure", () => {
  it("prints each input it would set: where, its value now, the measured range and the note; nothing is written", async () => {
    const before = readFileSync(scenario);
    const { exitCode, stdout, stderr } = await runCliCaptured(["measure", scenario, "--github-runs", fixture("github-actions-runs.json")]);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^input +now +measured +note$/m);
    expect(stdout).toMatch(/^defaults\.waiting\.runsPerWeekPerPerson +10 +0\.6–1 +measured by mlops-roi measure: runs a week per person/m);
    expect(stdout).toMatch(/^defaults\.waiting\.minutesPerRun +15–25 +11\.4–15\.8 +measured/m);
    // team.yaml has 4 live projects: 2 deployments a month are 0.5 a project.
    expect(stdout).toMatch(/^defaults\.breakage\.deploymentsPerProjectPerMonth +1 +0\.5 +measured/m);
    expect(stdout).toMatch(/^defaults\.breakage\.changeFailureRate +0\.2 +0\.03–0\.48 +measured/m);
    expect(stdout).toContain("github-actions-runs.json, 2026-01-01 to 2026-02-28, 17 runs by 3 people; 5th–95th percentile of 2 months");
    expect(stderr).toContain("nothing was written; add --write");
    expect(readFileSync(scenario)).toEqual(before);
  });

  it("counts a file's problems as 'at least' when it lists only the first of them: a file of 500 bad lines is not '20 problems'", async () => {
    const incidents = join(temp.path, "incidents.csv");
    writeFileSync(incidents, `type,start,end,service,note\n${"deployment,yesterday,,api,\n".repeat(500)}`);
    const before = readFileSync(scenario);
    const { exitCode, stderr } = await runCliCaptured(["measure", scenario, "--incidents", incidents, "--write"]);
    expect(exitCode).toBe(1);
    expect(stderr.match(/^.*incidents\.csv: line \d+/gm)).toHaveLength(20);
    expect(stderr).toContain(`${incidents}: the first 20 problems are listed; the file may have more\n`);
    expect(stderr).toMatch(/error: at least 20 problems in the exports; nothing was written\n$/);
    expect(readFileSync(scenario)).toEqual(before);
  });

  it("counts the problems of files of many bad lines as 'at least', listing each file's first 20 in order, and counts a shorter list exactly", async () => {
    const lines = 100_000;
    const values = join(temp.path, "values.csv");
    writeFileSync(values, `type,start,end,service,note\n${"deployment,yesterday,,api,\n".repeat(lines)}`);
    const quotes = join(temp.path, "quotes.csv");
    writeFileSync(quotes, `date,hours,category\n${'2026-01-05,1,da"ta\n'.repeat(lines)}`);
    const { exitCode, stderr } = await runCliCaptured(["measure", scenario, "--incidents", values, "--timesheet", quotes]);
    expect(exitCode).toBe(1);
    const listed = (file: string) => stderr.split("\n").filter((line) => line.startsWith(`${file}: line `));
    expect(listed(values)).toEqual(
      Array.from(
        { length: 20 },
        (_, index) => `${values}: line ${index + 2}, column start: 'yesterday' is not a timestamp (expected e.g. 2026-01-05T09:12:00Z)`,
      ),
    );
    expect(listed(quotes).map((line) => line.slice(0, line.indexOf(": a quote")))).toEqual(
      Array.from({ length: 20 }, (_, index) => `${quotes}: line ${index + 2}`),
    );
    expect(stderr).toContain(`${values}: the first 20 problems are listed; the file may have more\n`);
    expect(stderr).toContain(`${quotes}: the first 20 problems are listed; the file may have more\n`);
    expect(stderr).toMatch(/\nerror: at least 40 problems in the exports; nothing was written\n$/);

    // Fewer than 20: counted exactly, the last row (cut short) said to look truncated.
    const short = join(temp.path, "short.csv");
    const good = "deployment,2026-01-05T09:12:00Z,,api,\n";
    writeFileSync(short, `type,start,end,service,note\n${good.repeat(lines)}deployment,2026-01-06\n${good.repeat(lines)}deployment,2026-01-07\n`);
    const cut = await runCliCaptured(["measure", scenario, "--incidents", short]);
    expect(cut.exitCode).toBe(1);
    expect(cut.stderr).toBe(
      `${short}: line ${lines + 2}: has 2 cells, the header 5\n${short}: line ${2 * lines + 3}: has 2 cells, the header 5 (the file looks truncated)\nerror: 2 problems in the exports; nothing was written\n`,
    );
  });

  it("gives the proposal as JSON, with each input's monthly values", async () => {
    const { exitCode, stdout } = await runCliCaptured(["measure", scenario, "--incidents", fixture("deployments-incidents.csv"), "--json"]);
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout);
    const rate = json.proposals.find((proposal: any) => proposal.input === "breakage.changeFailureRate");
    // Without --write nothing was written: `written` said true of every proposal.
    expect(rate).toMatchObject({ path: "defaults.breakage.changeFailureRate", current: { value: 0.2 }, low: 0.22, high: 0.64, writable: true, written: false });
    expect(rate.monthly).toEqual([
      { month: "2026-01", value: 0.2 },
      { month: "2026-02", value: 2 / 3 },
    ]);
    expect(json.observations.map((observation: any) => observation.what)).toEqual(["incidents a month", "deployments a month (the team)"]);
  });

  it("--write --json writes first and says `written` only of what the file now holds", async () => {
    const { exitCode, stdout, stderr } = await runCliCaptured(["measure", scenario, "--incidents", fixture("deployments-incidents.csv"), "--write", "--json"]);
    expect(exitCode, stderr).toBe(0);
    const rate = JSON.parse(stdout).proposals.find((proposal: any) => proposal.input === "breakage.changeFailureRate");
    expect(rate).toMatchObject({ writable: true, written: true });
    expect(parse(readFileSync(scenario, "utf8")).defaults.breakage.changeFailureRate).toMatchObject({ low: 0.22, high: 0.64 });
  });

  it("--write changes only the lines of the inputs it sets, notes included, and keeps the old file as .bak", async () => {
    const before = readFileSync(scenario, "utf8");
    const { exitCode, stderr } = await runCliCaptured([
      "measure",
      scenario,
      "--github-runs",
      fixture("github-actions-runs.json"),
      "--incidents",
      fixture("deployments-incidents.csv"),
      "--timesheet",
      fixture("toggl-time-entries.csv"),
      ...timesheetRules,
      "--write",
    ]);
    expect(exitCode, stderr).toBe(0);
    expect(stderr).toContain(`wrote 8 inputs into ${scenario} (previous version kept as ${scenario}.bak)`);
    const after = readFileSync(scenario, "utf8");
    expect(readFileSync(`${scenario}.bak`, "utf8")).toBe(before);
    const lines = before.split("\n");
    const defaults = lines.slice(lines.indexOf("defaults:"), lines.indexOf("scenarios:"));
    const set = [
      /^ {8}value: 60$/,
      /^ {8}note: "eyeballing input data/,
      /^ {4}runsPerWeekPerPerson: 10$/,
      /^ {4}minutesPerRun: /,
      /^ {4}hoursPerPersonPerMonth: /,
      /^ {4}upkeepHoursPerMonth: /,
      /^ {4}deploymentsPerProjectPerMonth: /,
      /^ {4}changeFailureRate: /,
      /^ {4}hoursToRestore: /,
    ];
    const { removed, added } = lineDiff(before, after);
    // Every other line, comments and the scenarios' own values included, is byte for byte as it was.
    expect(removed).toEqual(defaults.filter((line) => set.some((pattern) => pattern.test(line))));
    for (const line of added) expect(line).toMatch(/measured by mlops-roi measure|^ {8}(low|high): [\d.]+$/);
    expect(after).toContain(
      `    runsPerWeekPerPerson: { low: 0.6, high: 1, note: "measured by mlops-roi measure: runs a week per person who started one, scheduled and bots' runs left out; GitHub Actions runs from github-actions-runs.json, 2026-01-01 to 2026-02-28, 17 runs by 3 people; 5th–95th percentile of 2 months" }\n`,
    );
    // A block `value:` / `note:` becomes `low:`, `high:`, then the note, where the two lines were.
    expect(after).toContain(
      '    dataChecks:\n      minutesPerWeek:\n        low: 14\n        high: 20\n        note: "measured by mlops-roi measure: minutes a week per person who logged time;',
    );
    expect(stderr).toContain("note: defaults.waiting.note may describe the old figures: review it");
    expect((await runCliCaptured(["validate", scenario])).exitCode).toBe(0);
  });

  it("--write puts into the file the people behind a label's entries, not everyone in the time sheet", async () => {
    const sheet = join(temp.path, "time3.csv");
    writeFileSync(sheet, "date,hours,category,person\n2026-01-01,6,meeting,alice\n2026-01-15,3,data,bob\n2026-01-31,2,data,carol\n");
    const { exitCode, stderr } = await runCliCaptured([
      "measure",
      scenario,
      "--timesheet",
      sheet,
      "--map",
      "meeting=meetings",
      "--map",
      "data=manualTasks.dataChecks",
      "--write",
    ]);
    expect(exitCode, stderr).toBe(0);
    const meetings = parse(readFileSync(scenario, "utf8")).defaults.meetings.hoursPerPersonPerMonth;
    // 6 hours in January ÷ the 3 people who logged time; alice alone logged the meeting.
    expect(meetings.value).toBe(2);
    expect(meetings.note).toContain("1 entry labelled 'meeting' by 1 person, divided among the 3 people who logged time;");
  });

  it("counts a month with incidents and no deployment in the change-failure rate as 1, and names it", async () => {
    const incidents = join(temp.path, "inc2.csv");
    writeFileSync(
      incidents,
      "type,start,end\ndeployment,2026-01-01T10:00:00Z,\nincident,2026-01-10T10:00:00Z,2026-01-10T12:00:00Z\nincident,2026-01-20T10:00:00Z,2026-01-20T11:00:00Z\n" +
        "incident,2026-02-14T10:00:00Z,2026-02-14T13:00:00Z\ndeployment,2026-03-05T10:00:00Z,\ndeployment,2026-03-31T10:00:00Z,\n",
    );
    const { exitCode, stdout, stderr } = await runCliCaptured(["measure", scenario, "--incidents", incidents]);
    expect(exitCode, stderr).toBe(0);
    // January 2 ÷ 1 capped at 1, February 1 ÷ 0 taken as 1, March 0 ÷ 2: it said 0.05–0.95 over 2 months.
    expect(stdout).toMatch(/^defaults\.breakage\.changeFailureRate +0\.2 +0\.1–1 +measured .*, 3 incidents; 5th–95th percentile of 3 months$/m);
    expect(stderr).toContain(
      "the change-failure rate is taken as 1 in 2026-01 (more incidents than deployments: every deployment failed) and in 2026-02 (incidents with no deployment)",
    );
  });

  it("--scenario names where the inputs are written", async () => {
    const before = readFileSync(scenario, "utf8");
    const { exitCode, stderr } = await runCliCaptured([
      "measure",
      scenario,
      "--github-runs",
      fixture("github-actions-runs.json"),
      "--scenario",
      "today",
      "--write",
    ]);
    expect(exitCode, stderr).toBe(0);
    const { removed, added } = lineDiff(before, readFileSync(scenario, "utf8"));
    expect(removed).toEqual([]);
    // Only lines added to the scenario "today" (its new waiting and breakage groups), right after its description.
    const after = readFileSync(scenario, "utf8").split("\n");
    const start = after.indexOf("    description: Hand-made scripts and manual releases.") + 1;
    expect(after.slice(start, start + added.length)).toEqual(added);
    expect(added.filter((line) => /^ {4}\w/.test(line))).toEqual(["    waiting:", "    breakage:"]);
    for (const line of added)
      expect(line).toMatch(
        /^ {4}(waiting|breakage):$|^ {6}(runsPerWeekPerPerson|minutesPerRun|deploymentsPerProjectPerMonth|changeFailureRate)[: ]|^ {8}(value|low|high|note): /,
      );
    expect((await runCliCaptured(["measure", scenario, "--github-runs", fixture("github-actions-runs.json"), "--scenario", "tomorrow"])).exitCode).toBe(2);
  });

  describe("bad input: exit 1, the file and record named, nothing written", () => {
    const cases: [string, string, (file: string) => void, RegExp][] = [
      ["malformed JSON", "runs.json", (file) => writeFileSync(file, '{ "workflow_runs": [ { "id": 1, } ] }'), /runs\.json: line 1 column \d+: not valid JSON/],
      [
        "a wrong shape",
        "runs.json",
        (file) => {
          const page = JSON.parse(readFileSync(fixture("github-actions-runs.json"), "utf8"));
          page.workflow_runs[17].created_at = "yesterday";
          writeFileSync(file, JSON.stringify(page));
        },
        /runs\.json: workflow_runs\[17\]\.created_at: 'yesterday' is not a timestamp/,
      ],
      ["not the API's response", "runs.json", (file) => writeFileSync(file, '{ "jobs": [] }'), /runs\.json: workflow_runs: missing/],
      ["an empty list", "runs.json", (file) => writeFileSync(file, '{ "total_count": 0, "workflow_runs": [] }'), /runs\.json: workflow_runs: is an empty list/],
      // It read "runs.json: the file: is empty: expected …".
      ["an empty file", "runs.json", (file) => writeFileSync(file, ""), /runs\.json: the file is empty; expected the JSON of the API's response/],
      ["an empty time sheet", "sheet.csv", (file) => writeFileSync(file, ""), /sheet\.csv: the file is empty; expected a header line and one line per record/],
      ["an empty incidents CSV", "incidents.csv", (file) => writeFileSync(file, "\n"), /incidents\.csv: the file is empty; expected a header line/],
      [
        "a truncated file",
        "runs.json",
        (file) => writeFileSync(file, readFileSync(fixture("github-actions-runs.json"), "utf8").slice(0, 8000)),
        /runs\.json: end of file: the JSON stops in the middle \(the file looks truncated/,
      ],
      [
        "a huge file",
        "runs.json",
        (file) => {
          writeFileSync(file, "");
          truncateSync(file, MAX_EXPORT_BYTES + 1);
        },
        /runs\.json is 100 MB; an export may be at most 100 MB \(export a shorter period\); nothing was written/,
      ],
      [
        "a truncated CSV",
        "incidents.csv",
        (file) => writeFileSync(file, readFileSync(fixture("pagerduty-incidents.csv"), "utf8").slice(0, 420)),
        /incidents\.csv: line \d+: (has \d+ cells, the header 10 \(the file looks truncated\)|a quoted cell starts here and is never closed)/,
      ],
      [
        "a bad timestamp in a CSV",
        "incidents.csv",
        (file) => writeFileSync(file, "type,start,end\ndeployment,2026-01-01T10:00:00Z,\nincident,last tuesday,\n"),
        /incidents\.csv: line 3, column start: 'last tuesday' is not a timestamp/,
      ],
      [
        "a time sheet that is not UTF-8",
        "sheet.csv",
        (file) => writeFileSync(file, Buffer.from([0x64, 0x61, 0x74, 0x65, 0x0a, 0xe9, 0x0a])),
        /sheet\.csv: not UTF-8 text/,
      ],
    ];
    for (const [name, file, make, message] of cases) {
      it(name, async () => {
        const path = join(temp.path, file);
        make(path);
        const before = readFileSync(scenario);
        const option = file.endsWith(".json") ? "--github-runs" : file.startsWith("sheet") ? "--timesheet" : "--incidents";
        const { exitCode, stderr } = await runCliCaptured(["measure", scenario, option, path, ...(option === "--timesheet" ? timesheetRules : []), "--write"]);
        expect(exitCode).toBe(1);
        expect(stderr).toMatch(message);
        expect(stderr).toMatch(/nothing was written/);
        expect(stderr).not.toMatch(stackTraceLine);
        expect(readFileSync(scenario)).toEqual(before);
      });
    }
  });

  it("keeps a JSON scenario file JSON when it writes into it (it wrote YAML's {low: 0.6, note: …} into it)", async () => {
    const json = join(temp.path, "team.json");
    const original = `${JSON.stringify(parse(readFileSync(scenario, "utf8")), null, 2)}\n`;
    writeFileSync(json, original);
    const { exitCode } = await runCliCaptured(["measure", json, "--github-runs", fixture("github-actions-runs.json"), "--write"]);
    expect(exitCode).toBe(0);
    const written = readFileSync(json, "utf8");
    expect(() => JSON.parse(written)).not.toThrow();
    expect(JSON.parse(written).defaults.waiting.runsPerWeekPerPerson).toMatchObject({ low: 0.6, high: 1 });
  });

  it("refuses wrong usage with exit 2", async () => {
    expect((await runCliCaptured(["measure", scenario])).exitCode).toBe(2);
    expect((await runCliCaptured(["measure", scenario, "--from", "github"])).exitCode).toBe(2);
    expect((await runCliCaptured(["measure", scenario, "--from", "bitbucket"])).exitCode).toBe(2);
    const since = await runCliCaptured(["measure", scenario, "--from", "github", "--repo", "octo/models", "--since", "2026-02-30"]);
    expect(since.exitCode).toBe(2);
    expect(since.stderr).toBe("error: --since 2026-02-30: expected a day, YYYY-MM-DD\n");
    const rule = await runCliCaptured(["measure", scenario, "--timesheet", fixture("toggl-time-entries.csv"), "--map", "chore=waiting"]);
    expect(rule.exitCode).toBe(2);
    expect(rule.stderr).toMatch(/--map 'chore=waiting': 'waiting' is no target/);
    const misspelt = await runCliCaptured(["measure", scenario, "--timesheet", fixture("toggl-time-entries.csv"), "--map", "chore=upkep"]);
    expect(misspelt.exitCode).toBe(2);
    expect(misspelt.stderr).toBe(
      "error: --map 'chore=upkep': 'upkep' is no target; did you mean 'upkeep'? Allowed: manualTasks.<chore name>, meetings, upkeep or building\n",
    );
    const before = readFileSync(scenario);
    const dotted = await runCliCaptured([
      "measure",
      scenario,
      "--timesheet",
      fixture("toggl-time-entries.csv"),
      "--map",
      "chore=manualTasks.data.checks",
      "--write",
    ]);
    expect(dotted.exitCode).toBe(2);
    expect(dotted.stderr).toContain("--map 'chore=manualTasks.data.checks': a chore's name cannot hold a dot ('data.checks'); allowed: manualTasks.<name>");
    expect(readFileSync(scenario)).toEqual(before);
  });

  it("refuses a chore named __proto__, which the file could not hold, as wrong usage: no internal error, nothing written", async () => {
    const before = readFileSync(scenario);
    const { exitCode, stderr } = await runCliCaptured([
      "measure",
      scenario,
      "--timesheet",
      fixture("toggl-time-entries.csv"),
      "--map",
      "chore=manualTasks.__proto__",
      "--write",
    ]);
    expect(stderr).not.toMatch(/internal error/);
    expect(stderr).toContain("--map 'chore=manualTasks.__proto__': a chore cannot be named __proto__ (JavaScript reserves it)");
    expect(exitCode).toBe(2);
    expect(readFileSync(scenario)).toEqual(before);
  });
});

describe("measure --from", () => {
  let server: Server;
  let requests: IncomingMessage[];
  let base: string;
  const saved = { ...process.env };
  const token = "ghp_test-token-0123456789abcdef";

  beforeEach(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(request);
      const url = new URL(request.url!, base);
      const page = JSON.parse(readFileSync(fixture("github-actions-runs.json"), "utf8"));
      if (url.pathname === "/repos/octo-org/models/actions/runs") {
        const second = url.searchParams.get("page") === "2";
        const runs = second ? page.workflow_runs.slice(10) : page.workflow_runs.slice(0, 10);
        response.writeHead(200, {
          "Content-Type": "application/json",
          ...(second
            ? {}
            : {
                Link: `<${base}/repos/octo-org/models/actions/runs?per_page=100&page=2>; rel="next", <${base}/repos/octo-org/models/actions/runs?per_page=100&page=2>; rel="last"`,
              }),
        });
        response.end(JSON.stringify({ total_count: page.workflow_runs.length, workflow_runs: runs }));
        return;
      }
      const pipelines = JSON.parse(readFileSync(fixture("gitlab-pipelines.json"), "utf8")) as { id: number }[];
      if (url.pathname === "/projects/data%2Fmodels/pipelines") {
        // The list has no user, start, end or duration: those come from each pipeline's own page.
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(
          JSON.stringify(pipelines.map(({ id, status, ref, source, created_at, updated_at }: any) => ({ id, status, ref, source, created_at, updated_at }))),
        );
        return;
      }
      const one = /^\/projects\/data%2Fmodels\/pipelines\/(\d+)$/.exec(url.pathname);
      const found = one ? pipelines.find((pipeline) => pipeline.id === Number(one[1])) : undefined;
      response.writeHead(found ? 200 : 404, { "Content-Type": "application/json" });
      response.end(JSON.stringify(found ?? { message: "404 Not found" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.MLOPS_ROI_GITHUB_API = base;
    process.env.MLOPS_ROI_GITLAB_API = base;
    process.env.GITHUB_TOKEN = token;
    process.env.GITLAB_TOKEN = token;
  });
  afterEach(async () => {
    for (const name of ["MLOPS_ROI_GITHUB_API", "MLOPS_ROI_GITLAB_API", "GITHUB_TOKEN", "GITLAB_TOKEN"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("github: fetches both pages with the token and proposes what the export would", async () => {
    const fetched = await runCliCaptured(["measure", scenario, "--from", "github", "--repo", "octo-org/models", "--json"]);
    expect(fetched.exitCode, fetched.stderr).toBe(0);
    expect(requests.map((request) => new URL(request.url!, base).searchParams.get("page"))).toEqual([null, "2"]);
    expect(requests.every((request) => request.headers.authorization === `Bearer ${token}`)).toBe(true);
    const fromFile = await runCliCaptured(["measure", scenario, "--github-runs", fixture("github-actions-runs.json"), "--json"]);
    const ranges = (stdout: string) => JSON.parse(stdout).proposals.map(({ input, low, high }: any) => ({ input, low, high }));
    expect(ranges(fetched.stdout)).toEqual(ranges(fromFile.stdout));
    expect(JSON.parse(fetched.stdout).proposals[0].note).toContain("GitHub Actions runs from the API (octo-org/models)");
    expect(fetched.stdout + fetched.stderr).not.toContain(token);
  });

  it("github --write: the token is written nowhere", async () => {
    const { exitCode } = await runCliCaptured(["measure", scenario, "--from", "github", "--repo", "octo-org/models", "--since", "2026-01-01", "--write"]);
    expect(exitCode).toBe(0);
    expect(new URL(requests[0]!.url!, base).searchParams.get("created")).toBe(">=2026-01-01");
    expect(readFileSync(scenario, "utf8")).not.toContain(token);
    expect(readFileSync(scenario, "utf8")).toContain("from the API (octo-org/models)");
  });

  it("gitlab: lists the pipelines, then fetches each one for its duration and user", async () => {
    const { exitCode, stdout, stderr } = await runCliCaptured(["measure", scenario, "--from", "gitlab", "--project", "data/models", "--json"]);
    expect(exitCode, stderr).toBe(0);
    expect(requests).toHaveLength(11);
    expect(requests.every((request) => request.headers["private-token"] === token)).toBe(true);
    const minutes = JSON.parse(stdout).proposals.find((proposal: any) => proposal.input === "waiting.minutesPerRun");
    expect(minutes.monthly.map((month: any) => month.value)).toEqual([12.5, 8.75]);
    expect(stdout + stderr).not.toContain(token);
  });

  it("says what the API answered, without the token, and writes nothing", async () => {
    const before = readFileSync(scenario);
    const { exitCode, stderr } = await runCliCaptured(["measure", scenario, "--from", "github", "--repo", "octo-org/other", "--write"]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(
      /GitHub octo-org\/other: \/repos\/octo-org\/other\/actions\/runs answered 404 Not Found: 404 Not found \(check the repository or project name\); nothing was written/,
    );
    expect(stderr).not.toContain(token);
    expect(readFileSync(scenario)).toEqual(before);
    delete process.env.GITHUB_TOKEN;
    const missing = await runCliCaptured(["measure", scenario, "--from", "github", "--repo", "octo-org/models"]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/needs a token in the environment variable GITHUB_TOKEN/);
  });
});

describe("track import --format", () => {
  const store = () => join(temp.path, "team.db");
  const show = async () => JSON.parse((await runCliCaptured(["track", "show", "--db", store(), "--json"])).stdout).comparison.months;

  beforeEach(async () => {
    const plan = await runCliCaptured(["track", "plan", scenario, "--scenario", "compromise", "--start", "2026-01"]);
    expect(plan.exitCode, plan.stderr).toBe(0);
  });

  it("imports a month's deployments, failures, restore hours and chore hours from the exports", async () => {
    const { exitCode, stdout, stderr } = await runCliCaptured([
      "track",
      "import",
      fixture("deployments-incidents.csv"),
      fixture("toggl-time-entries.csv"),
      "--format",
      "incidents",
      "--format",
      "timesheet",
      ...importRules,
      "--db",
      store(),
    ]);
    expect(exitCode, stderr).toBe(0);
    expect(stdout).toMatch(
      /^imported 4 months \(2026-01, 2026-02, 2026-03, 2026-04\) of incidents, hoursToRestore, deployments, manualHours, meetingHours, upkeepHours, buildHours for team "default"/,
    );
    const months = await show();
    expect(months[0].recordedFields).toEqual(["incidents", "hoursToRestore", "deployments"]);
    expect(months[0].measures.actual).toMatchObject({ deployments: 5, incidents: 1, meanHoursToRestore: 2 });
    expect(months[2].recordedFields).toEqual(["manualHours", "meetingHours", "upkeepHours", "buildHours"]);
    expect(months[2].actual).toMatchObject({ manualHours: 3, meetingHours: 4, upkeepHours: 4, buildHours: 6 });
  });

  it("refuses a chore the case does not have, and some of the plan's chores mapped without the others (their hours read as the month's whole manual hours)", async () => {
    const sheet = fixture("toggl-time-entries.csv");
    const unknown = await runCliCaptured(["track", "import", sheet, "--format", "timesheet", "--map", "chore=manualTasks.noSuchChore", "--db", store()]);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain(
      `${sheet}: --map 'chore=manualTasks.noSuchChore': the plan's case has no chore 'noSuchChore'; its chores: manualDeployments, dataChecks\n`,
    );
    expect(unknown.stderr).toMatch(/1 problem; nothing was imported\n$/);
    const partial = await runCliCaptured(["track", "import", sheet, "--format", "timesheet", "--map", "chore=manualTasks.dataChecks", "--db", store()]);
    expect(partial.exitCode).toBe(1);
    expect(partial.stderr).toContain(`${sheet}: --map: maps manualTasks.dataChecks but not manualTasks.manualDeployments`);
    expect((await show()).every((month: any) => !month.recorded)).toBe(true);
  });

  it("checks everything first: a bad export names its file and record, and nothing is imported", async () => {
    const bad = join(temp.path, "runs.json");
    writeFileSync(
      bad,
      '{ "workflow_runs": [ { "id": 1, "status": "completed", "event": "push", "created_at": "yesterday", "updated_at": "2026-01-01T00:00:00Z" } ] }',
    );
    const { exitCode, stderr } = await runCliCaptured([
      "track",
      "import",
      fixture("deployments-incidents.csv"),
      bad,
      "--format",
      "incidents",
      "--format",
      "github-actions",
      "--db",
      store(),
    ]);
    expect(exitCode).toBe(1);
    expect(stderr).toContain(`${bad}: workflow_runs[0].created_at: 'yesterday' is not a timestamp`);
    expect(stderr).toMatch(/1 problem; nothing was imported/);
    expect((await show()).every((month: any) => !month.recorded)).toBe(true);
  });

  it("counts an export's problems as 'at least' when only its first are listed", async () => {
    const bad = join(temp.path, "incidents.csv");
    writeFileSync(bad, `type,start,end,service,note\n${"deployment,yesterday,,api,\n".repeat(500)}`);
    const { exitCode, stderr } = await runCliCaptured(["track", "import", bad, "--format", "incidents", "--db", store()]);
    expect(exitCode).toBe(1);
    expect(stderr).toContain(`${bad}: the first 20 problems are listed; the file may have more\n`);
    expect(stderr).toMatch(/: at least 20 problems; nothing was imported\n$/);
  });

  it("refuses months already recorded unless --replace, and a --format for each file", async () => {
    const args = ["track", "import", fixture("github-actions-runs.json"), "--format", "github-actions", "--db", store()];
    expect((await runCliCaptured(args)).exitCode).toBe(0);
    const again = await runCliCaptured(args);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/month 2026-01: month 1 is already recorded/);
    expect((await runCliCaptured([...args, "--replace"])).exitCode).toBe(0);
    expect(
      (
        await runCliCaptured([
          "track",
          "import",
          fixture("github-actions-runs.json"),
          fixture("gitlab-pipelines.json"),
          "--format",
          "github-actions",
          "--db",
          store(),
        ])
      ).exitCode,
    ).toBe(2);
    expect((await runCliCaptured(["track", "import", fixture("github-actions-runs.json"), "--format", "jenkins", "--db", store()])).exitCode).toBe(2);
  });
});

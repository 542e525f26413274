import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../../../test-support/fixtures.js";
import { runCliCaptured, stackTraceLine } from "../../../test-support/run-cli.js";
import { templatePath } from "../../../shared/package-files.js";

let temp: ReturnType<typeof makeTempFolder>;
let caseFile: string;
let store: string;
beforeEach(() => {
  temp = makeTempFolder();
  caseFile = join(temp.path, "seed.yaml");
  store = join(temp.path, "seed.db");
  copyFileSync(templatePath("seed"), caseFile);
});
afterEach(() => temp.remove());

async function track(...argv: string[]) {
  const run = await runCliCaptured(["track", ...argv]);
  expect(run.stderr).not.toMatch(stackTraceLine);
  return run;
}

async function planned() {
  const run = await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01");
  expect(run.exitCode).toBe(0);
}

describe("track plan", () => {
  it("freezes the approved scenario into a store next to the case", async () => {
    const { exitCode, stdout } = await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01");
    expect(exitCode).toBe(0);
    expect(stdout).toContain(`froze "Every tool we want" (optimal) as the plan of team "default" in ${store}`);
    expect(stdout).toMatch(/sha256 [0-9a-f]{12}…, 12 months from 2025-01 to 2025-12/);
    expect(stdout).toContain("pays back month 10");
    expect(existsSync(store)).toBe(true);
  });

  it("asks which scenario was approved when there are several, and writes nothing", async () => {
    const { exitCode, stderr } = await track("plan", caseFile);
    expect(exitCode).toBe(2);
    expect(stderr).toContain("the case has 2 alternatives; say which one was approved with --scenario NAME (allowed: optimal, compromise)");
    expect(existsSync(store)).toBe(false);
    expect((await track("plan", caseFile, "--scenario", "current")).stderr).toContain("is the baseline (today)");
    expect((await track("plan", caseFile, "--scenario", "optimum")).stderr).toContain('did you mean "optimal"?');
    expect((await track("plan", caseFile, "--scenario", "optimal", "--start", "March")).stderr).toContain("expected a calendar month as YYYY-MM");
  });

  it("wrong usage of an option is exit 2, as in every other command: --scenario, --start, --team, and import's --map, --encoding, --delimiter", async () => {
    const usage = [
      ["plan", caseFile],
      ["plan", caseFile, "--scenario", "current"],
      ["plan", caseFile, "--scenario", "optimum"],
      ["plan", caseFile, "--scenario", "optimal", "--start", "March"],
      ["plan", caseFile, "--scenario", "optimal", "--team", "@@"],
    ];
    for (const argv of usage) expect((await track(...argv)).exitCode, argv.join(" ")).toBe(2);
    expect(existsSync(store)).toBe(false);
    await planned();
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(csv, "month,upkeepHours\n1,3\n");
    const importUsage = [
      ["--map", "Upkeep=hoursOfUpkeep"],
      ["--map", "no equals sign"],
      ["--encoding", "latin9"],
      ["--delimiter", "ab"],
      ["--team", "@@"],
    ];
    for (const options of importUsage) expect((await track("import", csv, "--db", store, ...options)).exitCode, options.join(" ")).toBe(2);
    expect((await track("show", "--db", store)).stdout).toContain("Recorded: no month yet.");
  });

  it("prints next commands that reach the team it froze, pasteable as they are (a team or store with a space quoted)", async () => {
    const { stdout } = await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01", "--team", "platform team");
    // The import hint had no --team: pasted, it imported into team default.
    expect(stdout).toContain(
      `next: record a month with \`mlops-roi track add --db ${store} --team 'platform team' --month 1 --upkeep-hours 30\` or import a CSV with \`mlops-roi track import actuals.csv --db ${store} --team 'platform team'\``,
    );
    const added = await track("add", "--db", store, "--team", "platform team", "--month", "1", "--upkeep-hours", "3");
    expect(added.stdout).toContain(`see \`mlops-roi track show --db ${store} --team 'platform team'\``);
    const spaced = join(temp.path, "my stores", "case.db");
    const other = await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01", "--db", spaced);
    expect(other.stdout).toContain(`\`mlops-roi track import actuals.csv --db '${spaced}'\``);
  });

  it("says a plan that does not pay back within its horizon so, not 'pays back never'", async () => {
    const enterprise = join(temp.path, "enterprise.yaml");
    copyFileSync(templatePath("enterprise"), enterprise);
    const { exitCode, stdout } = await track("plan", enterprise, "--scenario", "bigCloud", "--start", "2025-01");
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^ {2}planned: does not pay back within the 36 months, net present value -US\$[\d,]+$/m);
    expect(stdout).not.toContain("pays back never");
  });

  it("writes a net gain above zero that rounds to no whole unit 'less than €1', never '€0' (plan, show, forecast)", async () => {
    // The seed's optimal option gains €4,108.70; consultants dearer by €4,108.40 leave a gain of €0.30.
    writeFileSync(caseFile, readFileSync(caseFile, "utf8").replace(/value: 2000\n/, "value: 6108.398301115966\n"));
    const plan = await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01");
    expect(plan.exitCode).toBe(0);
    // It said "net present value €0" of a plan that gains €0.30.
    expect(plan.stdout).toContain("net present value less than €1\n");
    const view = JSON.parse((await track("show", "--db", store, "--json")).stdout) as { forecast: { npv: { planned: number } } };
    expect(view.forecast.npv.planned).toBeCloseTo(0.3, 6);
    for (const command of ["show", "forecast"]) {
      const { stdout } = await track(command, "--db", store);
      expect(stdout).toMatch(/Net gain \(NPV\)\s+less than €1\s+less than €1\n/);
      expect(stdout).not.toMatch(/Net gain \(NPV\)\s+€0/);
    }
    // The report's "Plan and reality so far" said "€0" and "€0" beside its options table's "less than €1".
    const out = join(temp.path, "report.html");
    expect((await runCliCaptured(["report", caseFile, "--db", store, "-o", out])).exitCode).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/Gain over the whole plan, in today's money<\/td><td class="number">less than €1<\/td><td class="number">less than €1<\/td>/);
  });

  it("keeps the first plan unless --replace", async () => {
    await planned();
    const again = await track("plan", caseFile, "--scenario", "compromise");
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('already has a plan: "optimal" from seed.yaml');
    const replaced = await track("plan", caseFile, "--scenario", "compromise", "--replace");
    expect(replaced.exitCode).toBe(0);
    expect(replaced.stdout).toContain("replaced the plan frozen");
  });
});

describe("track add", () => {
  it("records a month and says what it was worth against the plan", async () => {
    await planned();
    const { exitCode, stdout } = await track(
      "add",
      "--case",
      caseFile,
      "--month",
      "2025-04",
      "--upkeep-hours",
      "15",
      "--live-projects",
      "1",
      "--note",
      "first model live",
    );
    expect(exitCode).toBe(0);
    expect(stdout).toContain('recorded month 4 (2025-04) for team "default": upkeepHours 15 h, liveProjects 1');
    expect(stdout).toContain("benefit this month €450 (plan €570)");
  });

  it("compares month 1's benefit that holds the up-front cash with the plan's month 1 and up-front cash, not month 1 alone", async () => {
    await planned();
    const { exitCode, stdout } = await track("add", "--db", store, "--month", "1", "--external-spend", "2000", "--licences", "3600", "--live-projects", "0");
    expect(exitCode).toBe(0);
    // It said "benefit this month -€5,600 (plan -€3,600)" of a month paid exactly as planned, €2,000 up front included.
    expect(stdout).toContain("  benefit this month -€5,600 (up-front cash included; plan -€5,600: -€3,600 in the month and -€2,000 up front); see");
    // Without the external spend the up-front cash stays at time 0: month 1 against month 1.
    const replaced = await track("add", "--db", store, "--month", "1", "--licences", "3600", "--replace");
    expect(replaced.stdout).toContain("  benefit this month -€3,600 (plan -€3,600); see");
  });

  it("writes month 1's plan as the sum of its parts as written, to the cent when to the unit they would not add up", async () => {
    // Consultants of 2000.4 up front and a licence of 3600.4 a month: to the unit -€2,000 and -€3,600, but -€5,601 together.
    writeFileSync(
      caseFile,
      readFileSync(caseFile, "utf8")
        .replace(/value: 3600\n/, "value: 3600.4\n")
        .replace(/value: 2000\n/, "value: 2000.4\n"),
    );
    await planned();
    const add = ["add", "--db", store, "--month", "1", "--external-spend", "2000.4", "--licences", "3600.4", "--live-projects", "0"];
    const { exitCode, stdout } = await track(...add);
    expect(exitCode).toBe(0);
    // It said "plan -€5,601: -€3,600 in the month and -€2,000 up front", each rounded on its own.
    expect(stdout).toContain("  benefit this month -€5,600.80 (up-front cash included; plan -€5,600.80: -€3,600.40 in the month and -€2,000.40 up front); see");
    // track show and track forecast write the up-front row and month 1 the same way: they read
    // "-€2,000", "-€3,600" and a cumulative "-€5,601", the row's parts rounded each on its own.
    const show = (await track("show", "--db", store)).stdout;
    // Their cash too, to the cent beside the benefit: it read "€2,000 / €0" beside "-€2,000.40 / €0.00",
    // and month 1's "€3,600 / €5,601" beside "-€3,600.40 / -€5,600.80".
    expect(show).toMatch(/ {2}up front {2,}€2,000\.40 \/ €0\.00 {2,}-€2,000\.40 \/ €0\.00 {2,}-€2,000\.40 \/ €0\.00\n/);
    expect(show).toMatch(/ {2}1 \(2025-01\) .* €3,600\.40 \/ €5,600\.80 {2,}-€3,600\.40 \/ -€5,600\.80 {2,}-€5,600\.80 \/ -€5,600\.80\n/);
    // The other months stay to the unit.
    expect(show).toMatch(/ {2}2 \(2025-02\) .* -€5,601 \/ –\n/);
    const forecast = (await track("forecast", "--db", store)).stdout;
    expect(forecast).toMatch(/ {2}up front {2,}-€2,000\.40 → €0\.00 {2,}-€2,000\.40 → €0\.00\n/);
    expect(forecast).toMatch(/ {2}1 \(2025-01\) {2,}actual .*-€3,600\.40 → -€5,600\.80 {2,}-€5,600\.80 → -€5,600\.80\n/);
  });

  it("writes the yen of month 1 and the up-front row to the yen, never the sen, and says when so they do not add up", async () => {
    writeFileSync(
      caseFile,
      readFileSync(caseFile, "utf8")
        .replace(/^currency: EUR$/m, "currency: JPY")
        .replace(/value: 3600\n/, "value: 3600.4\n")
        .replace(/value: 2000\n/, "value: 2000.4\n"),
    );
    await planned();
    const { stdout } = await track("add", "--db", store, "--month", "1", "--external-spend", "2000.4", "--licences", "3600.4", "--live-projects", "0");
    // It said "-JP¥5,600.80 (…; plan -JP¥5,600.80: -JP¥3,600.40 in the month and -JP¥2,000.40 up front)".
    expect(stdout).toContain(
      "  benefit this month -JP¥5,601 (up-front cash included; plan -JP¥5,601: -JP¥3,600 in the month and -JP¥2,000 up front, each rounded to JP¥1 on its own, so they can differ from the plan as written by JP¥1); see",
    );
    const note =
      "  The up-front figure and month 1's benefit are each rounded to JP¥1 on its own, so they can differ from month 1's cumulative benefit as written by JP¥1.\n";
    const show = (await track("show", "--db", store)).stdout;
    expect(show).toMatch(/ {2}up front {2,}JP¥2,000 \/ JP¥0 {2,}-JP¥2,000 \/ JP¥0 {2,}-JP¥2,000 \/ JP¥0\n/);
    expect(show).toMatch(/ {2}1 \(2025-01\) .* JP¥3,600 \/ JP¥5,601 {2,}-JP¥3,600 \/ -JP¥5,601 {2,}-JP¥5,601 \/ -JP¥5,601\n/);
    expect(show).toContain(note);
    const forecast = (await track("forecast", "--db", store)).stdout;
    expect(forecast).toMatch(/ {2}up front {2,}-JP¥2,000 → JP¥0 {2,}-JP¥2,000 → JP¥0\n/);
    expect(forecast).toContain(note);
    expect(`${show}${forecast}`).not.toMatch(/JP¥[\d,]+\.\d/);
  });

  it("echoes yen recorded to the yen, as every yen figure: 'JP¥3,600', not 'JP¥3,600.4' as typed", async () => {
    writeFileSync(caseFile, readFileSync(caseFile, "utf8").replace(/^currency: EUR$/m, "currency: JPY"));
    await planned();
    const { exitCode, stdout } = await track(
      "add",
      "--db",
      store,
      "--month",
      "2",
      "--licences",
      "3600.4",
      "--infrastructure",
      "50.5",
      "--external-spend",
      "0.4",
    );
    expect(exitCode).toBe(0);
    // It said "licences JP¥3,600.4, infrastructure JP¥50.5, externalSpend JP¥0.4".
    expect(stdout).toContain('for team "default": licences JP¥3,600, infrastructure JP¥51, externalSpend less than JP¥1\n');
    expect(stdout).not.toMatch(/JP¥[\d,]+\.\d/);
  });

  it("writes a three-decimal currency's month 1 and echo to its minor unit: 'KWD 5,600.808', not 'KWD 5,600.80'", async () => {
    // Consultants of 2000.404 dinars up front and a licence of 3600.404 a month: to the unit KWD 2,000 and KWD 3,600, but KWD 5,601 together.
    writeFileSync(
      caseFile,
      readFileSync(caseFile, "utf8")
        .replace(/^currency: EUR$/m, "currency: KWD")
        .replace(/value: 3600\n/, "value: 3600.404\n")
        .replace(/value: 2000\n/, "value: 2000.404\n"),
    );
    await planned();
    const { exitCode, stdout } = await track(
      "add",
      "--db",
      store,
      "--month",
      "1",
      "--external-spend",
      "2000.4004",
      "--licences",
      "3600.4",
      "--live-projects",
      "0",
    );
    expect(exitCode).toBe(0);
    const text = stdout.replaceAll("\u00a0", " ");
    // It said "licences KWD 3,600.40" and "plan -KWD 5,600.80: -KWD 3,600.40 in the month and -KWD 2,000.40 up front": the fils cut off.
    expect(text).toContain('for team "default": liveProjects 0, licences KWD 3,600.400, externalSpend KWD 2,000.4004\n');
    expect(text).toContain("(up-front cash included; plan -KWD 5,600.808: -KWD 3,600.404 in the month and -KWD 2,000.404 up front); see");
    const show = (await track("show", "--db", store)).stdout.replaceAll("\u00a0", " ");
    expect(show).toMatch(/ {2}up front {2,}KWD 2,000\.404 \/ KWD 0\.000 {2,}-KWD 2,000\.404 \/ KWD 0\.000 {2,}-KWD 2,000\.404 \/ KWD 0\.000\n/);
    expect(show).toMatch(
      / {2}1 \(2025-01\) .* KWD 3,600\.404 \/ KWD 5,600\.800 {2,}-KWD 3,600\.404 \/ -KWD 5,600\.800 {2,}-KWD 5,600\.808 \/ -KWD 5,600\.800\n/,
    );
  });

  it("writes the up-front row and month 1 of track show to the unit when to the unit they add up", async () => {
    await planned();
    await track("add", "--db", store, "--month", "1", "--external-spend", "2000", "--licences", "3600", "--live-projects", "0");
    const show = (await track("show", "--db", store)).stdout;
    expect(show).toMatch(/ {2}up front {2,}€2,000 \/ €0 {2,}-€2,000 \/ €0 {2,}-€2,000 \/ €0\n/);
    expect(show).toMatch(/ {2}1 \(2025-01\) .*-€3,600 \/ -€5,600 {2,}-€5,600 \/ -€5,600\n/);
  });

  it("says a payback in a recorded month happened ('paid back in month 10'), and keeps 'Pays back' for one still ahead", async () => {
    await planned();
    // The seed's plan pays back in month 10, with 3 live projects in month 9 and 11.
    await track("add", "--db", store, "--month", "9", "--live-projects", "2");
    const ahead = (await track("show", "--db", store)).stdout;
    expect(ahead).toMatch(/ {2}Pays back {2,}month 10 {2,}month 10 \(re-forecast\)\n/);
    await track("add", "--db", store, "--month", "11", "--live-projects", "3");
    const behind = (await track("show", "--db", store)).stdout;
    // It said "Pays back   month 10   month 10 (re-forecast)" with month 11 recorded.
    // Months 1–8 and 10 have no record: the payback counts them as planned, and says so under the table.
    const paid =
      / {2}Payback {2,}month 10 {2,}paid back in month 10 †\n(?: {2}.*\n)* {2}† Months 1–8 and month 10 have no record: the payback counts them as planned\.\n/;
    expect(behind).toMatch(paid);
    expect(behind).not.toContain("Pays back  ");
    expect((await track("forecast", "--db", store)).stdout).toMatch(paid);
  });

  it("says what a payback behind us rests on: the months up to it with no record count as planned (it stated 'paid back in month 10' as fact)", async () => {
    await planned();
    const months = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, at) => `${from + at},${[0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3][from + at - 1]}`);
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(csv, `month,liveProjects\n${[...months(1, 3), ...months(9, 11)].join("\n")}\n`);
    expect((await track("import", csv, "--db", store)).exitCode).toBe(0);
    const show = (await track("show", "--db", store)).stdout;
    // The payback's cell read "paid back in month 10, counting months 4–8, not recorded, as planned",
    // an 80-character column: it is marked, and the months are in a note under the table.
    expect(show).toMatch(/ {2}Payback {2,}month 10 {2,}paid back in month 10 †\n/);
    expect(show).toMatch(/\n {2}─[─ ]+\n(?: {2}.*\n)+ {2}† Months 4–8 have no record: the payback counts them as planned\.\n/);
    const json = JSON.parse((await track("forecast", "--db", store, "--json")).stdout) as { paidBack?: unknown };
    expect(json.paidBack).toEqual({ month: 10, countedAsPlanned: [4, 5, 6, 7, 8] });
    // Every month up to it recorded: nothing to say beyond the month.
    writeFileSync(csv, `month,liveProjects\n${months(4, 8).join("\n")}\n`);
    expect((await track("import", csv, "--db", store)).exitCode).toBe(0);
    const recorded = (await track("show", "--db", store)).stdout;
    expect(recorded).toMatch(/ {2}Payback {2,}month 10 {2,}paid back in month 10\n/);
    expect(recorded).not.toContain("†");
  });

  it("echoes the values recorded as track show writes them: money with its currency, grouped, hours with h, not as typed", async () => {
    await planned();
    const { exitCode, stdout } = await track(
      "add",
      "--db",
      store,
      "--month",
      "2",
      "--licences",
      "12000.5000",
      "--upkeep-hours",
      "1e3",
      "--deployments",
      "1200",
    );
    expect(exitCode).toBe(0);
    // It said "upkeepHours 1000, licences 12000.5, deployments 1200".
    expect(stdout).toContain('recorded month 2 (2025-02) for team "default": upkeepHours 1,000 h, licences €12,000.50, deployments 1,200\n');
    // Nothing rounded away: a value recorded is not echoed as none ("0 h"), nor cut at six decimals ("12.345679 h").
    const small = await track(
      "add",
      "--db",
      store,
      "--month",
      "3",
      "--upkeep-hours",
      "0.0000004",
      "--build-hours",
      "12.3456789",
      "--satisfaction-score",
      "4.25",
    );
    expect(small.stdout).toContain('for team "default": upkeepHours 0.0000004 h, buildHours 12.3456789 h, satisfactionScore 4.25\n');
  });

  it("echoes docs/commands.md's example as docs/commands.md quotes it", async () => {
    const docs = readFileSync(new URL("../../../../docs/commands.md", import.meta.url), "utf8").replace(/\s+/g, " ");
    const example = /`(--licences \S+ --upkeep-hours \S+)` reads "([^"]+)"/.exec(docs);
    expect(example).not.toBeNull();
    await planned();
    const { stdout } = await track("add", "--db", store, "--month", "2", ...example![1]!.split(" "));
    // The docs quoted "licences €12,000.50, upkeepHours 1,000 h": the echo lists the measures in their own order.
    expect(stdout).toContain(`for team "default": ${example![2]}\n`);
  });

  it("records hours to restore with no incident as given, and warns that they are costed as outage but measure no hours to restore each", async () => {
    await planned();
    const { exitCode, stdout, stderr } = await track("add", "--db", store, "--month", "2", "--incidents", "0", "--hours-to-restore", "6");
    expect(exitCode).toBe(0);
    expect(stdout).toContain('recorded month 2 (2025-02) for team "default": incidents 0, hoursToRestore 6 h\n');
    // It said nothing. (The seed costs an hour of outage at nothing.)
    expect(stderr).toBe(
      "warning: --hours-to-restore 6 with --incidents 0: hours to restore are summed over the month's incidents, and no incident is recorded; the hours are recorded as given and costed as outage (€0 at the plan's €0 an hour), but with no incident they give no hours to restore each, and the forecast that learns leaves them out. If there was an outage, record its incidents (--incidents N); if there was none, record 0 hours to restore or leave them out\n",
    );
    // No incident and no hours, or hours over incidents: nothing to say.
    expect((await track("add", "--db", store, "--month", "3", "--incidents", "0", "--hours-to-restore", "0")).stderr).toBe("");
    expect((await track("add", "--db", store, "--month", "4", "--incidents", "2", "--hours-to-restore", "6")).stderr).toBe("");
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(csv, "month,incidents,hoursToRestore\n5,0,2.5\n6,1,3\n7,0,4\n");
    // A dry run says what the import would do.
    expect((await track("import", csv, "--db", store, "--dry-run")).stderr).toContain("the hours would be recorded as given");
    const imported = await track("import", csv, "--db", store);
    expect(imported.exitCode).toBe(0);
    expect(imported.stderr).toBe(
      `warning: ${csv}: line 2 (month 5, hoursToRestore 2.5), line 4 (month 7, hoursToRestore 4) record hours to restore with incidents 0: hours to restore are summed over the month's incidents, and no incident is recorded; the hours are recorded as given and costed as outage (€0 at the plan's €0 an hour), but with no incident they give no hours to restore each, and the forecast that learns leaves them out. If there was an outage, record its incidents (the incidents column); if there was none, record 0 hours to restore or leave them out\n`,
    );
  });

  it("says what hours to restore with no incident cost in track import as in track add: one sentence, with the figure (import gave none)", async () => {
    // team.yaml costs an hour of outage €150.
    const teamCase = join(temp.path, "team.yaml");
    copyFileSync(new URL("../../../../examples/team.yaml", import.meta.url), teamCase);
    const teamStore = join(temp.path, "team.db");
    expect((await track("plan", teamCase, "--scenario", "managed", "--start", "2025-01")).exitCode).toBe(0);
    const added = await track("add", "--db", teamStore, "--month", "5", "--incidents", "0", "--hours-to-restore", "6");
    const costed = "costed as outage (€900 at the plan's €150 an hour)";
    expect(added.stderr).toContain(costed);
    const csv = join(temp.path, "restore.csv");
    writeFileSync(csv, "month,incidents,hoursToRestore\n5,0,6\n");
    const imported = await track("import", csv, "--db", teamStore, "--replace");
    expect(imported.exitCode).toBe(0);
    // It said "costed as outage at the plan's outage cost an hour", with no figure.
    expect(imported.stderr).toContain(costed);
    // The rest of the sentence is the same words as track add's, the measures named as each was given.
    const sentence = (text: string) => text.slice(text.indexOf(": hours to restore are summed"));
    expect(sentence(imported.stderr).replace("the incidents column", "--incidents N")).toBe(sentence(added.stderr));
    // Several months: their hours summed, at the plan's rate.
    writeFileSync(csv, "month,incidents,hoursToRestore\n6,0,2\n7,0,4.5\n");
    expect((await track("import", csv, "--db", teamStore, "--dry-run")).stderr).toContain("costed as outage (€975 at the plan's €150 an hour)");
    // Several teams: each team's hours at its own plan's rate (the seed's costs nothing).
    expect((await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01", "--db", teamStore, "--team", "b")).exitCode).toBe(0);
    writeFileSync(csv, "month,team,incidents,hoursToRestore\n8,default,0,6\n3,b,0,4\n");
    expect((await track("import", csv, "--db", teamStore, "--dry-run")).stderr).toContain(
      // It read "€900 at team default's plan's €150 an hour", the team's name run into the sentence.
      'costed as outage (€900 at the €150 an hour of the plan of team "default"; €0 at the €0 an hour of the plan of team "b")',
    );
  });

  it("costs hours to restore with no incident at the outage cost in force that month: today's until the change is in place", async () => {
    // team.yaml's managed platform, in place from month 4, with an outage cost of its own (€100 an hour against today's €150).
    const teamCase = join(temp.path, "team.yaml");
    const text = readFileSync(new URL("../../../../examples/team.yaml", import.meta.url), "utf8");
    const changed = text.replace(
      '      hoursToRestore: { value: 2, note: "DORA',
      '      outageCostPerHour: 100\n      hoursToRestore: { value: 2, note: "DORA',
    );
    expect(changed).not.toBe(text);
    writeFileSync(teamCase, changed);
    const teamStore = join(temp.path, "team.db");
    expect((await track("plan", teamCase, "--scenario", "managed", "--start", "2025-01")).exitCode).toBe(0);
    // Month 2 works today's way: €150 an hour (it said €600 at €100).
    expect((await track("add", "--db", teamStore, "--month", "2", "--incidents", "0", "--hours-to-restore", "6")).stderr).toContain(
      "costed as outage (€900 at the plan's €150 an hour)",
    );
    const csv = join(temp.path, "restore.csv");
    writeFileSync(csv, "month,incidents,hoursToRestore\n1,0,6\n5,0,6\n");
    expect((await track("import", csv, "--db", teamStore, "--dry-run")).stderr).toContain("costed as outage (€1,500 at the plan's €150 and €100 an hour)");
  });

  it("names an import's hours to restore with no incident with every decimal given, as track add echoes them", async () => {
    await planned();
    const csv = join(temp.path, "tiny-restore.csv");
    writeFileSync(csv, "month,incidents,hoursToRestore\n5,0,0.0000004\n6,0,12.3456789\n");
    const imported = await track("import", csv, "--db", store);
    expect(imported.exitCode).toBe(0);
    // It read "hoursToRestore 0" (recorded, and warned of, yet read as none) and "hoursToRestore 12.345679".
    expect(imported.stderr).toContain(`line 2 (month 5, hoursToRestore 0.0000004), line 3 (month 6, hoursToRestore 12.3456789) record hours to restore`);
  });

  it("refuses bad values, a month outside the plan, an empty record and a second record of a month", async () => {
    await planned();
    const bad = await track("add", "--db", store, "--month", "3", "--upkeep-hours", "-2", "--releases", "0.5");
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain("--upkeep-hours: upkeepHours is -2; allowed: hours, a number ≥ 0");
    expect(bad.stderr).toContain("--releases: releases is 0.5; allowed: a whole number ≥ 0");
    // An option has no --decimal-comma to point to, as a file has.
    const comma = await track("add", "--db", store, "--month", "3", "--upkeep-hours", "5,5");
    expect(comma.stderr).toBe('error: --upkeep-hours: upkeepHours is "5,5", which is not a number; write decimals with a dot: 5.5\nnothing was recorded\n');
    expect((await track("add", "--db", store, "--month", "13", "--upkeep-hours", "2")).stderr).toContain("month is 13; allowed: a month number from 1 to 12");
    expect((await track("add", "--db", store, "--month", "3")).stderr).toContain("nothing to record for month 3");
    expect((await track("add", "--db", store, "--month", "3", "--upkeep-hours", "2")).exitCode).toBe(0);
    const twice = await track("add", "--db", store, "--month", "3", "--upkeep-hours", "4");
    expect(twice.stderr).toContain('month 3 of team "default" is already recorded (by track add); use --replace');
    const replaced = await track("add", "--db", store, "--month", "3", "--upkeep-hours", "4", "--replace");
    expect(replaced.exitCode).toBe(0);
    expect(replaced.stdout).not.toContain("nothing to replace");
  });

  it("records a month with no record given --replace, and says there was nothing to replace (it said nothing)", async () => {
    await planned();
    const { exitCode, stdout } = await track("add", "--db", store, "--month", "2025-04", "--upkeep-hours", "5", "--replace");
    expect(exitCode).toBe(0);
    expect(stdout).toContain(
      'recorded month 4 (2025-04) for team "default": upkeepHours 5 h\n  nothing to replace: month 4 had no record, so it is recorded as a new month\n',
    );
    expect((await track("show", "--db", store)).stdout).toContain("Recorded: 1 of 12 months");
  });

  it("needs to know which store, and that the team has a plan", async () => {
    const which = await track("add", "--month", "1", "--upkeep-hours", "1");
    expect(which.stderr).toContain("which store? give --case CASE.yaml");
    expect(which.exitCode).toBe(2);
    expect((await track("add", "--db", join(temp.path, "none.db"), "--month", "1", "--upkeep-hours", "1")).stderr).toContain("no store here");
    // A mistyped --case was said only of the store named after it ("nope.db: no store here").
    const typo = await track("add", "--case", join(temp.path, "nope.yaml"), "--month", "1", "--upkeep-hours", "1");
    expect(typo.exitCode).toBe(1);
    expect(typo.stderr).toContain(`${join(temp.path, "nope.yaml")}: no such file, and no store ${join(temp.path, "nope.db")} beside where it would be`);
    await planned();
    const other = await track("add", "--db", store, "--team", "platform", "--month", "1", "--upkeep-hours", "1");
    expect(other.exitCode).toBe(1);
    expect(other.stderr).toContain('team "platform" has no plan; teams with a plan: "default"');
  });

  it("names the closest team with a plan for a mistyped --team in add, show and forecast, as track import does", async () => {
    await planned();
    const froze = await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01", "--team", "platform team");
    // It read "as the plan of team platform team", the name run into the sentence.
    expect(froze.stdout).toContain(`as the plan of team "platform team" in ${store}`);
    for (const argv of [
      ["add", "--db", store, "--team", "Platform Team", "--month", "2025-03", "--upkeep-hours", "5"],
      ["show", "--db", store, "--team", "Platform Team"],
      ["forecast", "--db", store, "--team", "Platform Team"],
    ]) {
      const { exitCode, stderr } = await track(...argv);
      expect(exitCode, argv[0]).toBe(1);
      expect(stderr, argv[0]).toContain(
        `error: ${store}: team "Platform Team" has no plan; teams with a plan: "default", "platform team" (did you mean "platform team"? choose one with --team)`,
      );
    }
    // It went on "…choose one with --team). Freeze one with: … --team "platform tem"", the typo offered first as a team to create.
    const typo = await track("add", "--db", store, "--team", "platform tem", "--month", "2025-03", "--upkeep-hours", "5");
    expect(typo.exitCode).toBe(1);
    expect(typo.stderr).toBe(
      `error: ${store}: team "platform tem" has no plan; teams with a plan: "default", "platform team" (did you mean "platform team"? choose one with --team); ` +
        'or, for a new team, freeze its plan with: mlops-roi track plan CASE.yaml --team "platform tem"\n',
    );
    // With no close name, freezing one is the way on.
    const other = await track("show", "--db", store, "--team", "finance");
    expect(other.stderr).toBe(
      `error: ${store}: team "finance" has no plan; teams with a plan: "default", "platform team" (choose one with --team). Freeze one with: mlops-roi track plan CASE.yaml --team "finance"\n`,
    );
    // track add names the team as track plan does: "for team "platform team"", not the name run into the sentence.
    const added = await track("add", "--db", store, "--team", "platform team", "--month", "2025-03", "--upkeep-hours", "5");
    expect(added.stdout).toContain('recorded month 3 (2025-03) for team "platform team": upkeepHours 5 h\n');
  });
});

describe("track import", () => {
  it("names the teams with a plan, and the closest, for a team in the file that has none, in track add's words", async () => {
    await planned();
    expect((await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01", "--team", "platform team")).exitCode).toBe(0);
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(csv, "month,team,upkeepHours\n2025-02,Platform Team,3\n2025-03,finance,3\n");
    const { exitCode, stderr } = await track("import", csv, "--db", store);
    expect(exitCode).toBe(1);
    // It only said to freeze a plan for "Platform Team": a second team beside "platform team". Then it said
    // "teams with a plan: default, platform team (…); for a new team, freeze its plan first: …", the names
    // unquoted and the hint in other words than track add's "; or, for a new team, freeze its plan with: …".
    expect(stderr).toContain(
      'actuals.csv:2: team "Platform Team" has no plan in this store; teams with a plan: "default", "platform team" (did you mean "platform team"?); or, for a new team, freeze its plan with: mlops-roi track plan CASE.yaml --team "Platform Team"\n',
    );
    // With no close name, freezing one is the way on, as track add says it.
    expect(stderr).toContain(
      'actuals.csv:3: team "finance" has no plan in this store; teams with a plan: "default", "platform team". Freeze one with: mlops-roi track plan CASE.yaml --team "finance"\n',
    );
    // The same words as track add's for the same teams, after the store's name and before "in this store".
    const added = async (team: string) => (await track("add", "--db", store, "--team", team, "--month", "2025-02", "--upkeep-hours", "3")).stderr;
    const hint = (text: string) =>
      text.slice(text.indexOf("; teams with a plan")).replace(" choose one with --team", "").replace(" (choose one with --team)", "").trim();
    expect(hint(stderr.split("\n")[0]!)).toBe(hint(await added("Platform Team")));
    expect(hint(stderr.split("\n")[1]!)).toBe(hint(await added("finance")));
  });

  it("names the teams of a store quoted where the report cannot tell which plan to show, as track add does", async () => {
    for (const team of ["platform team", "finance"])
      expect((await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01", "--team", team)).exitCode).toBe(0);
    const out = join(temp.path, "report.html");
    // It read "holds plans for 2 teams (finance, platform team)", and for a mistyped --team
    // "teams with a plan: finance, platform team", with no closest name and no way to freeze one.
    const which = await runCliCaptured(["report", caseFile, "-o", out]);
    expect(which.exitCode).toBe(1);
    expect(which.stderr).toContain('holds plans for 2 teams ("finance", "platform team"); say which one with --team');
    const typo = await runCliCaptured(["report", caseFile, "-o", out, "--team", "Platform Team"]);
    expect(typo.exitCode).toBe(1);
    expect(typo.stderr).toContain(
      `${store}: team "Platform Team" has no plan; teams with a plan: "finance", "platform team" (did you mean "platform team"?); or, for a new team, freeze its plan with: mlops-roi track plan CASE.yaml --team "Platform Team"\n`,
    );
  });

  it("names each team quoted in what it imported, as track add and track plan do", async () => {
    await planned();
    expect((await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01", "--team", "platform team")).exitCode).toBe(0);
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(csv, "month,team,upkeepHours\n2025-02,platform team,3\n2025-02,default,3\n");
    const both = await track("import", csv, "--db", store);
    expect(both.exitCode).toBe(0);
    // It read "  team platform team: 1 month recorded", the name run into the sentence.
    expect(both.stdout).toContain('  team "platform team": 1 month recorded\n  team "default": 1 month recorded\n');
    writeFileSync(csv, "month,upkeepHours\n2025-03,3\n2025-03,4\n");
    // It read "month 3 of team platform team is also on line 2".
    expect((await track("import", csv, "--db", store)).stderr).toContain("month 3 is also on line 2");
    writeFileSync(csv, "month,team,upkeepHours\n2025-03,platform team,3\n2025-03,platform team,4\n2025-02,default,5\n");
    const twice = await track("import", csv, "--db", store);
    expect(twice.stderr).toContain('actuals.csv:3: month 3 of team "platform team" is also on line 2; give each month once');
    writeFileSync(csv, "month,upkeepHours\n2025-04,3\n");
    const one = await track("import", csv, "--db", store, "--team", "platform team");
    // It read "imported 1 month for team platform team".
    expect(one.stdout).toContain('imported 1 month for team "platform team" from');
    writeFileSync(csv, "month,team,upkeepHours\n2025-04,platform team,3\n2025-04,default,3\n");
    // It read "month 4 of team platform team is already recorded".
    expect((await track("import", csv, "--db", store)).stderr).toContain(
      'actuals.csv:2: month 4 of team "platform team" is already recorded (by import actuals.csv line 2)',
    );
    // It read "Plan versus actual — team platform team".
    expect((await track("show", "--db", store, "--team", "platform team")).stdout).toContain('Plan versus actual — team "platform team"\n');
  });

  it("imports a CSV with a column mapping in one go", async () => {
    await planned();
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(
      csv,
      '\uFEFFMonth;Upkeep (h);Live projects;Comments\r\n2025-01;0;0;kick-off\r\n2025-02;0;0;\r\n2025-03;0;0;\r\n2025-04;14;1;"first model; live"\r\n',
    );
    const { exitCode, stdout, stderr } = await track("import", csv, "--db", store, "--map", "Upkeep (h)=upkeepHours", "--map", "Comments=note");
    expect(stderr).toBe("");
    expect(exitCode).toBe(0);
    expect(stdout).toContain('imported 4 months for team "default"');
    const database = new Database(store, { readonly: true });
    expect(database.prepare("SELECT note FROM actuals WHERE month = 4").pluck().get()).toBe("first model; live");
    database.close();
  });

  it("reports broken rows by line and imports nothing", async () => {
    await planned();
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(csv, 'month,upkeepHours,liveProjects\n1,0,0\n2,abc,0\n3,0\n2,1,0\n4,"1\n');
    const { exitCode, stderr } = await track("import", csv, "--db", store);
    expect(exitCode).toBe(1);
    expect(stderr).toContain(`${csv}:3: upkeepHours is "abc", which is not a number`);
    expect(stderr).toContain(`${csv}:4: 2 cells where the header has 3`);
    expect(stderr).toContain(`${csv}:5: month 2 is also on line 3; give each month once`);
    expect(stderr).toContain(`${csv}:6: a quoted cell starts here and is never closed`);
    expect(stderr).toContain("4 problems; nothing was imported");
    expect((await track("show", "--db", store)).stdout).toContain("Recorded: no month yet");
  });

  it("says a value too large for a number is too large, with what is allowed, not 'not a number'", async () => {
    await planned();
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(csv, "month,upkeepHours\n1,1e400\n");
    const { exitCode, stderr } = await track("import", csv, "--db", store);
    expect(exitCode).toBe(1);
    expect(stderr).toContain(`${csv}:2: upkeepHours is 1e400, too large; allowed: hours, a number ≥ 0, at most 1,000,000`);
    const added = await track("add", "--db", store, "--month", "1", "--upkeep-hours", "1e400");
    expect(added.stderr).toContain("--upkeep-hours: upkeepHours is 1e400, too large; allowed: hours, a number ≥ 0, at most 1,000,000");
  });

  it("says 'at least' of a file naming more teams without a plan than it counts", async () => {
    await planned();
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(csv, `team,month,upkeepHours\n${Array.from({ length: 3000 }, (_, index) => `t${index},1,3\n`).join("")}`);
    const { exitCode, stderr } = await track("import", csv, "--db", store);
    expect(exitCode).toBe(1);
    // 3,000 teams without a plan, 1,000 of them counted (the last kept problem stands for the rest).
    expect(stderr).toContain("... and at least 970 more");
    expect(stderr).toContain(`${csv}: at least 1000 problems; nothing was imported`);
  });

  it("counts exactly a file of many bad lines, beyond the problems it keeps", async () => {
    await planned();
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(csv, `month,upkeepHours\n${"x,1\n".repeat(2500)}`);
    const { exitCode, stderr } = await track("import", csv, "--db", store);
    expect(exitCode).toBe(1);
    expect(stderr).toContain("... and 2470 more");
    expect(stderr).toContain(`${csv}: 2500 problems; nothing was imported`);
  });

  it("explains a file in the wrong encoding", async () => {
    await planned();
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(csv, Buffer.from([...Buffer.from("month,note\n1,caf"), 0xe9, ...Buffer.from("\n")]));
    const { exitCode, stderr } = await track("import", csv, "--db", store);
    expect(exitCode).toBe(1);
    expect(stderr).toContain(`${csv}:2: byte 0xE9 is not valid UTF-8`);
    expect((await track("import", csv, "--db", store, "--encoding", "latin9")).stderr).toContain(
      "--encoding latin9: allowed: utf-8, utf-16le, utf-16be, windows-1252",
    );
  });

  it("refuses months already recorded unless --replace", async () => {
    await planned();
    const csv = join(temp.path, "actuals.csv");
    writeFileSync(csv, "month,upkeepHours\n1,0\n2,0\n");
    expect((await track("import", csv, "--db", store)).exitCode).toBe(0);
    const again = await track("import", csv, "--db", store);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain(`${csv}:2: month 1 is already recorded (by import actuals.csv line 2)`);
    expect(again.stderr).toContain("2 months are already in");
    expect((await track("import", csv, "--db", store, "--replace")).stdout).toContain("(2 replaced)");
  });

  it("says what a replaced month held that its new record leaves out, which is no longer recorded", async () => {
    await planned();
    expect((await track("add", "--db", store, "--month", "2", "--upkeep-hours", "10", "--licences", "500", "--note", "important")).exitCode).toBe(0);
    const csv = join(temp.path, "incidents.csv");
    writeFileSync(csv, "month,incidents\n2,2\n");
    const replaced = await track("import", csv, "--db", store, "--replace");
    expect(replaced.stdout).toContain(
      '  month 2: upkeepHours, licences and its note ("important") were recorded and are not in the new record: no longer recorded',
    );
    expect(replaced.stdout).toContain('  team "default": 1 month recorded');
    const again = await track("add", "--db", store, "--month", "2", "--incidents", "3", "--replace");
    expect(again.stdout).not.toContain("no longer recorded");
  });

  it("a dry run with --replace says what the import would drop, and a dry run without it refuses months already recorded", async () => {
    await planned();
    expect((await track("add", "--db", store, "--month", "2", "--upkeep-hours", "10", "--licences", "500", "--note", "important")).exitCode).toBe(0);
    const csv = join(temp.path, "incidents.csv");
    writeFileSync(csv, "month,incidents\n2,2\n3,1\n");
    const dry = await track("import", csv, "--db", store, "--replace", "--dry-run");
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('2 months for team "default" checked');
    expect(dry.stdout).toContain("1 of them would replace a month already recorded; nothing was written (--dry-run)");
    expect(dry.stdout).toContain(
      '  month 2: upkeepHours, licences and its note ("important") were recorded and are not in the new record: the import would drop them (the plan\'s values would stand in)',
    );
    const refused = await track("import", csv, "--db", store, "--dry-run");
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`${csv}:2: month 2 is already recorded (by track add)`);
    // Nothing was written: the month still holds what track add recorded.
    const database = new Database(store, { readonly: true });
    expect(database.prepare("SELECT month, upkeepHours, licences, incidents, note FROM actuals").all()).toEqual([
      { month: 2, upkeepHours: 10, licences: 500, incidents: null, note: "important" },
    ]);
    database.close();
  });
});

describe("track show and forecast", () => {
  it("prints plan versus actual month by month, with payback then and now", async () => {
    await planned();
    await track("add", "--db", store, "--month", "1", "--external-spend", "2500", "--setup-hours", "10");
    await track(
      "add",
      "--db",
      store,
      "--month",
      "4",
      "--upkeep-hours",
      "15",
      "--live-projects",
      "1",
      "--active-users-per-week",
      "3",
      "--satisfaction-score",
      "4",
    );
    const { exitCode, stdout } = await track("show", "--case", caseFile);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Plan versus actual — team "default"');
    expect(stdout).toContain("Recorded: 2 of 12 months, through month 4 (2025-04); months 2 and 3 have no record and count as planned");
    // Month 4 records neither cash nor setup hours, and months 2 and 3 nothing: the labels say which part is the plan's working.
    expect(stdout).toMatch(/Cash spent to month 4 \(recorded in 1 of 4 months, the others worked out from the plan\)\s+€5,600\s+€6,100/);
    expect(stdout).toMatch(/Team hours on the change to month 4 \(recorded in 1 of 4 months, the others worked out from the plan\)\s+\S+ h\s+\S+ h/);
    expect(stdout).toMatch(/Benefit to month 4\s+-€5,030\s+-€5,950/);
    expect(stdout).toMatch(/Pays back\s+month 10\s+month 10 \(re-forecast\)/);
    expect(stdout).toMatch(/^ {2}4 \(2025-04\)\s+1 \/ 1\s+11 \/ 15/m);
    expect(stdout).toMatch(/^ {2}5 \(2025-05\)\s+1 \/ –/m);
    expect(stdout).toContain("What the platform team reports upward");
  });

  it("says a figure no recorded month measured is worked out from the plan, and a fully recorded one plainly", async () => {
    await planned();
    await track("add", "--db", store, "--month", "1", "--upkeep-hours", "6");
    await track("add", "--db", store, "--month", "2", "--upkeep-hours", "6", "--setup-hours", "12");
    const { stdout } = await track("show", "--db", store);
    expect(stdout).toMatch(/Cash spent to month 2 \(not recorded: worked out from the plan\)\s+€/);
    expect(stdout).toMatch(/Team hours on the change to month 2 \(recorded in 1 of 2 months, the others worked out from the plan\)/);
    await track("add", "--db", store, "--month", "1", "--upkeep-hours", "6", "--setup-hours", "10", "--licences", "0", "--replace");
    await track("add", "--db", store, "--month", "2", "--upkeep-hours", "6", "--setup-hours", "12", "--external-spend", "0", "--replace");
    const again = (await track("show", "--db", store)).stdout;
    expect(again).toMatch(/^ {2}Cash spent to month 2\s+€/m);
    expect(again).toMatch(/^ {2}Team hours on the change to month 2\s+\S+ h/m);
    const view = JSON.parse((await track("show", "--db", store, "--json")).stdout) as {
      comparison: { soFar: { cashSpent: { recordedMonths: number }; changeHours: { recordedMonths: number } } };
    };
    expect(view.comparison.soFar.cashSpent.recordedMonths).toBe(2);
    expect(view.comparison.soFar.changeHours.recordedMonths).toBe(2);
  });

  it("counts the months without a record among those worked out from the plan, never 'Cash spent to month 4' plainly", async () => {
    await planned();
    // Every recorded month records its cash, but months 2 and 3 have no record: their cash is the plan's.
    await track("add", "--db", store, "--month", "1", "--external-spend", "2500", "--setup-hours", "10");
    await track("add", "--db", store, "--month", "4", "--licences", "0", "--setup-hours", "0", "--live-projects", "1");
    const { stdout } = await track("show", "--db", store);
    expect(stdout).toMatch(/Cash spent to month 4 \(recorded in 2 of 4 months, the others worked out from the plan\)\s+€/);
    expect(stdout).toMatch(/Team hours on the change to month 4 \(recorded in 2 of 4 months, the others worked out from the plan\)\s+\S+ h/);
    expect(stdout).not.toMatch(/^ {2}Cash spent to month 4\s+€/m);
  });

  it("prints JSON for scripts", async () => {
    await planned();
    await track("add", "--db", store, "--month", "2", "--upkeep-hours", "0");
    const { exitCode, stdout } = await track("show", "--db", store, "--json");
    expect(exitCode).toBe(0);
    const view = JSON.parse(stdout) as { comparison: { lastRecordedMonth: number; months: unknown[] }; forecast: { paybackMonth: { planned: number } } };
    expect(view.comparison.lastRecordedMonth).toBe(2);
    expect(view.comparison.months).toHaveLength(12);
    expect(view.forecast.paybackMonth.planned).toBe(10);
  });

  it("re-forecasts from the actuals: one project short at month 7 and the case no longer pays back in the year", async () => {
    await planned();
    await track("add", "--db", store, "--month", "7", "--live-projects", "1");
    const { exitCode, stdout } = await track("forecast", "--db", store);
    expect(exitCode).toBe(0);
    expect(stdout).toContain("Re-forecast from month 8 (plan → now)");
    expect(stdout).toMatch(/Pays back\s+month 10\s+not within the horizon \(re-forecast\)/);
    expect(stdout).toMatch(/^ {2}8 \(2025-08\)\s+forecast\s+2 → 1/m);
    const json = JSON.parse((await track("forecast", "--db", store, "--json")).stdout) as { paybackMonth: { planned: number; now: number } };
    expect(json.paybackMonth).toEqual({ planned: 10, now: null });
  });

  it("says nothing is re-forecast before any month is recorded, not 'Re-forecast from month 1' of the plan itself", async () => {
    await planned();
    const { stdout } = await track("forecast", "--db", store);
    expect(stdout).toContain("No re-forecast: no month is recorded yet, so the forecast is the plan (plan → now)");
    expect(stdout).not.toContain("Re-forecast from month");
    expect(stdout).not.toContain("(re-forecast)");
  });

  it("says nothing is re-forecast when every month is recorded, not 'Re-forecast from month (none: every month is recorded)'", async () => {
    await planned();
    for (let month = 1; month <= 12; month++) await track("add", "--db", store, "--month", String(month), "--upkeep-hours", "0");
    const json = JSON.parse((await track("forecast", "--db", store, "--json")).stdout) as { fromMonth: number; months: { source: string }[] };
    expect(json.fromMonth).toBe(13);
    expect(json.months.every((month) => month.source === "actual")).toBe(true);
    const { stdout } = await track("forecast", "--db", store);
    expect(stdout).toContain("No re-forecast: every month is recorded (plan → actual)");
    expect(stdout).not.toContain("Re-forecast from month");
  });

  it("keeps the plan's NPV when month 1 records the up-front cash as asked and every figure as planned, not a month's discount more (€4,121 against €4,109)", async () => {
    await planned();
    // The plan: €2,000 of consultants up front, the €3,600 licence in month 1, no live project yet.
    const add = ["add", "--db", store, "--month", "1", "--external-spend", "2000", "--licences", "3600", "--live-projects", "0", "--upkeep-hours", "0"];
    expect((await track(...add)).exitCode).toBe(0);
    const view = JSON.parse((await track("forecast", "--db", store, "--json")).stdout) as { npv: { planned: number; now: number } };
    expect(view.npv.now).toBeCloseTo(view.npv.planned, 6);
    const { stdout } = await track("forecast", "--db", store);
    expect(stdout).toMatch(/Net gain \(NPV\)\s+€4,109\s+€4,109 \(re-forecast\)\n/);
  });

  it("starts the forecast's table with the cash paid up front, so month 1's cumulative benefit adds up (as track show's)", async () => {
    await planned();
    await track("add", "--db", store, "--month", "4", "--upkeep-hours", "15", "--live-projects", "1");
    const { exitCode, stdout } = await track("forecast", "--db", store);
    expect(exitCode).toBe(0);
    // The seed's optimal option pays €2,000 before month 1: month 1 read "-€3,600" beside a cumulative "-€5,600".
    expect(stdout).toMatch(/^ {2}up front\s+-€2,000 → -€2,000\s+-€2,000 → -€2,000$/m);
    expect(stdout).toMatch(/^ {2}1 \(2025-01\)\s+no record \*\s+0 → 0\s+-€3,600 → -€3,600\s+-€5,600 → -€5,600$/m);
    expect(stdout).toContain("  Up front: cash paid before month 1; record it in month 1's external spend, where it is then counted.");
    const json = JSON.parse((await track("forecast", "--db", store, "--json")).stdout) as {
      timeZero: { planned: number; now: number };
      months: { benefit: number; cumulativeBenefit: number; plannedBenefit: number; plannedCumulativeBenefit: number }[];
    };
    expect(json.timeZero).toEqual({ planned: -2000, now: -2000 });
    let now = json.timeZero.now;
    let plan = json.timeZero.planned;
    for (const month of json.months) {
      now += month.benefit;
      plan += month.plannedBenefit;
      expect(month.cumulativeBenefit).toBeCloseTo(now, 6);
      expect(month.plannedCumulativeBenefit).toBeCloseTo(plan, 6);
    }
  });

  it("marks the months before the last recorded one that have no record as the plan's, not as actuals", async () => {
    await planned();
    await track("add", "--db", store, "--month", "1", "--upkeep-hours", "0");
    await track("add", "--db", store, "--month", "4", "--upkeep-hours", "15", "--live-projects", "1");
    const { exitCode, stdout } = await track("forecast", "--db", store);
    expect(exitCode).toBe(0);
    // Months 2 and 3 were never recorded: track show says they "count as planned"; the forecast called them "actual".
    expect(stdout).toMatch(/^ {2}1 \(2025-01\)\s+actual\s/m);
    expect(stdout).toMatch(/^ {2}2 \(2025-02\)\s+no record \*\s/m);
    expect(stdout).toMatch(/^ {2}3 \(2025-03\)\s+no record \*\s/m);
    expect(stdout).toMatch(/^ {2}4 \(2025-04\)\s+actual\s/m);
    expect(stdout).toContain("  * no record for this month: counted as planned.");
    const json = JSON.parse((await track("forecast", "--db", store, "--json")).stdout) as { months: { source: string; recorded: boolean }[] };
    expect(json.months.slice(0, 5).map(({ source, recorded }) => `${source} ${recorded}`)).toEqual([
      "actual true",
      "actual false",
      "actual false",
      "actual true",
      "forecast false",
    ]);
  });
});

describe("a store that is an empty file", () => {
  it("is refused by every command that reads it (exit 1, naming the file and what is expected) and left empty, with no journal beside it", async () => {
    const empty = join(temp.path, "empty.db");
    writeFileSync(empty, "");
    const expected = `error: ${empty} is an empty file, not an mlops-roi store, and is left as it is; expected a store that \`mlops-roi track plan CASE.yaml\` made`;
    for (const argv of [
      ["show", "--db", empty],
      ["forecast", "--db", empty],
      ["teams", "--db", empty],
      ["backup", "--db", empty, "--to", join(temp.path, "backup.db")],
      ["add", "--db", empty, "--month", "1", "--upkeep-hours", "20"],
    ]) {
      const { exitCode, stderr } = await track(...argv);
      expect(stderr, argv.join(" ")).toContain(expected);
      expect(exitCode, argv.join(" ")).toBe(1);
      expect(readFileSync(empty).length).toBe(0);
      expect(readdirSync(temp.path).sort()).toEqual(["empty.db", "seed.yaml"]);
    }
  });
});

describe("track backup", () => {
  it("copies the store with the online backup API and never overwrites without --force", async () => {
    await planned();
    await track("add", "--db", store, "--month", "1", "--upkeep-hours", "0");
    const target = join(temp.path, "backup.db");
    const first = await track("backup", "--db", store, "--to", target);
    expect(first.exitCode).toBe(0);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare("SELECT count(*) FROM actuals").pluck().get()).toBe(1);
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    expect((await track("backup", "--db", store, "--to", target)).stderr).toContain("already exists; use --force");
    expect((await track("backup", "--db", store, "--to", target, "--force")).exitCode).toBe(0);
    expect((await track("show", "--db", target)).stdout).toContain("Recorded: 1 of 12 months");
  });

  it("creates the folders a new backup goes into, as init, export and import do for their files", async () => {
    await planned();
    const target = join(temp.path, "backups", "2025", "seed.db");
    const run = await track("backup", "--db", store, "--to", target);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`backed up ${store} to ${target}`);
    expect((await track("show", "--db", target)).exitCode).toBe(0);
    // A file where a folder should be is still refused, with nothing written.
    writeFileSync(join(temp.path, "plain"), "x");
    const blocked = await track("backup", "--db", store, "--to", join(temp.path, "plain", "seed.db"));
    expect(blocked.exitCode).toBe(1);
    expect(blocked.stderr).toContain("nothing was written");
  });
});

describe("the report of a case with a store", () => {
  it("gains the plan-versus-actual section when the store next to the case has a plan", async () => {
    const withoutStore = join(temp.path, "before.html");
    expect((await runCliCaptured(["report", caseFile, "-o", withoutStore, "--samples", "0"])).exitCode).toBe(0);
    expect(readFileSync(withoutStore, "utf8")).not.toContain('id="plan-versus-actual"');

    await planned();
    await track("add", "--db", store, "--month", "4", "--upkeep-hours", "15", "--live-projects", "1");
    const withStore = join(temp.path, "after.html");
    const run = await runCliCaptured(["report", caseFile, "-o", withStore, "--samples", "0"]);
    expect(run.stderr).not.toMatch(stackTraceLine);
    expect(run.exitCode).toBe(0);
    const html = readFileSync(withStore, "utf8");
    expect(html).toContain("<h2>Plan and reality so far</h2>");
    expect(html).toContain("up to month 4 (April 2025)");
  });

  it("refuses a --db that does not exist instead of quietly leaving the section out", async () => {
    const run = await runCliCaptured(["report", caseFile, "-o", join(temp.path, "r.html"), "--samples", "0", "--db", join(temp.path, "missing.db")]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("missing.db: no store here");
  });
});

import { writeFileSync } from "node:fs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LearnedForecast } from "../../../engine/index.js";
import { formatSignificant } from "../../../format/numbers.js";
import { learnedInputValue } from "../../../format/input-value.js";
import { LEARNING_VERSUS_REFORECAST, PLAN_AS_APPROVED } from "../../../format/words.js";
import { makeTempFolder } from "../../../test-support/fixtures.js";
import { runCliCaptured, stackTraceLine } from "../../../test-support/run-cli.js";

let temp: ReturnType<typeof makeTempFolder>;
let caseFile: string;
let store: string;
beforeEach(() => {
  temp = makeTempFolder();
  caseFile = join(temp.path, "seed-uncertain.yaml");
  store = join(temp.path, "seed-uncertain.db");
  // The seed with ranges: upkeep 8 to 15 hours a live project with the better tools.
  writeFileSync(caseFile, readFileSync(new URL("../../../../examples/seed-uncertain.yaml", import.meta.url), "utf8"));
});
afterEach(() => temp.remove());

async function track(...argv: string[]) {
  const run = await runCliCaptured(["track", ...argv]);
  expect(run.stderr).not.toMatch(stackTraceLine);
  return run;
}

/** The plan, and upkeep of 20 hours a month for the one live project in months 4 to 6 (the plan said 8 to 15). */
async function plannedAndRecorded() {
  expect((await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01")).exitCode).toBe(0);
  for (const month of ["4", "5", "6"]) {
    expect((await track("add", "--db", store, "--month", month, "--upkeep-hours", "20", "--live-projects", "1")).exitCode).toBe(0);
  }
}

describe("track show and forecast with a plan that has ranges", () => {
  it("says how many of the recorded months the forecast learns from when some measure none of its ranges", async () => {
    await plannedAndRecorded();
    // Month 1 has no live project: its upkeep measures nothing the ranges bear on.
    expect((await track("add", "--db", store, "--month", "1", "--upkeep-hours", "0")).exitCode).toBe(0);
    const view = JSON.parse((await track("show", "--db", store, "--json")).stdout) as { learning: LearnedForecast; comparison: { recordedMonths: number } };
    expect(view.learning.monthsUsed).toBe(3);
    expect(view.comparison.recordedMonths).toBe(4);
    const text = (await track("show", "--db", store)).stdout;
    // It said "updated by 3 recorded months" under "Recorded: 4 of 12 months".
    expect(text).toContain("Recorded: 4 of 12 months");
    expect(text).toContain("A forecast that learns: the plan's ranges updated by 3 of the 4 recorded months, those that measure one of its ranges (");
  });

  it("show --json adds the forecast that learns and the calibration; the text shows the same figures", async () => {
    await plannedAndRecorded();
    const json = await track("show", "--db", store, "--json");
    expect(json.exitCode).toBe(0);
    const view = JSON.parse(json.stdout) as { learning: LearnedForecast; forecast: { paybackMonth: { planned: number } } };
    const learning = view.learning;
    expect(view.forecast.paybackMonth.planned).toBe(10);
    expect(learning.monthsUsed).toBe(3);
    const upkeep = learning.inputs[0]!;
    expect(upkeep.input).toBe("scenarios.optimal.projects.upkeepHoursPerMonth");
    expect(upkeep.now.p50).toBeGreaterThan(upkeep.planned.p50);
    expect(learning.observed[0]).toMatchObject({ figure: "upkeepPerLiveProject", months: 3, observed: 20, inside: false });
    expect(learning.calibration).toMatchObject({ checked: 1, inside: 0, verdict: "too few to tell" });
    expect(learning.money!.now.npv.p50).toBeLessThan(learning.money!.planned.npv.p50);

    const text = await track("show", "--db", store);
    expect(text.stdout).toContain("A forecast that learns: the plan's ranges updated by 3 recorded months");
    expect(text.stdout).toContain(`Calibration: ${learning.calibration.summary}.`);
    // Each figure as the text writes it, and the report too: three significant figures, in its unit.
    const value = (number: number) => learnedInputValue(number, "hours", "EUR");
    // The input by its label, as the report and `voi` name it (it read its path), and the plan's range as the file gives it, 8 to 15.
    expect([upkeep.planned.p5, upkeep.planned.p95]).toEqual([8, 15]);
    expect(text.stdout).toContain(
      `Upkeep hours a month for each live project (Every tool we want)  ${value(upkeep.planned.p5)} to ${value(upkeep.planned.p95)}  ${value(upkeep.now.p5)} to ${value(upkeep.now.p95)}`,
    );
    expect(text.stdout).not.toContain("scenarios.optimal.projects.upkeepHoursPerMonth");
    // The measured figure by the one name the report gives it too (it read "Upkeep hours per live project a month" here).
    expect(text.stdout).toMatch(/Upkeep hours a month for each live project\s+3\s+20\s+/);
    expect(learning.observed[0]!.label).toBe("Upkeep hours a month for each live project");
  });

  it("forecast --json carries the same learning as show", async () => {
    await plannedAndRecorded();
    const forecast = JSON.parse((await track("forecast", "--db", store, "--json")).stdout) as { learning: LearnedForecast; npv: { now: number } };
    const show = JSON.parse((await track("show", "--db", store, "--json")).stdout) as { learning: LearnedForecast };
    expect(forecast.learning).toEqual(show.learning);
    const text = (await track("forecast", "--db", store)).stdout;
    expect(text).toMatch(/Chance of paying back by month 12\s+\S+\s+\S+/);
    expect(text).toContain("How it learns: The plan's ranges are the prior");
  });

  it("with no month recorded the forecast that learns is the plan", async () => {
    expect((await track("plan", caseFile, "--scenario", "optimal")).exitCode).toBe(0);
    const view = JSON.parse((await track("show", "--db", store, "--json")).stdout) as { learning: LearnedForecast };
    const money = view.learning.money!;
    expect(money.now).toEqual({
      npv: money.approved!.npv,
      probabilityPaysBack: money.approved!.probabilityPaysBack,
      paybackMonthP50: money.approved!.paybackMonthP50,
    });
    expect(view.learning.calibration.verdict).toBe("nothing to check");
  });
});

describe("inputs and observed figures under one", () => {
  /**
   * The seed's "What will be approved" with breakage given as ranges (0.3 to 0.8 deployments a live
   * project a month, a change failure rate of 5% to 30%), planned, and months 4 and 5 recorded with
   * the deployments and incidents given: what `track show --json` then says.
   */
  async function withBreakage(deployments: string, incidents: string): Promise<{ learning: LearnedForecast }> {
    const breakage =
      "  breakage:\n    deploymentsPerProjectPerMonth: { low: 0.3, high: 0.8 }\n    changeFailureRate: { low: 0.05, high: 0.3 }\n    hoursToRestore: 4\n  releases:\n";
    writeFileSync(caseFile, readFileSync(caseFile, "utf8").replace("  releases:\n", breakage));
    expect((await track("plan", caseFile, "--scenario", "compromise", "--start", "2025-01")).exitCode).toBe(0);
    for (const month of ["4", "5"]) {
      const add = [
        "add",
        "--db",
        store,
        "--month",
        month,
        "--upkeep-hours",
        "11",
        "--live-projects",
        "1",
        "--deployments",
        deployments,
        "--incidents",
        incidents,
      ];
      expect((await track(...add)).exitCode).toBe(0);
    }
    return JSON.parse((await track("show", "--db", store, "--json")).stdout) as { learning: LearnedForecast };
  }
  it("writes a change failure rate of 0.05 to 0.3 and deployments of 0.3 to 0.8 to three significant figures, not '0 to 0' and '0 to 1'", async () => {
    const view = await withBreakage("4", "2");
    const rate = view.learning.observed.find((check) => check.figure === "changeFailureRate")!;
    expect(rate.observed).toBe(0.5);
    expect(rate.planned.p5).toBeLessThan(0.1);
    const text = (await track("show", "--db", store)).stdout;
    // It wrote "Change failure rate (failures ÷ deployments)  2  0  0 to 0  no": a failure rate of 0.5 read as none, inside no range.
    // Then "0.5" and "0.0487 to 0.298" where the report wrote "4.87% to 29.8%": a share is a percentage in both.
    const share = (value: number) => `${formatSignificant(value * 100)}%`.replace(".", "\\.");
    expect(text).toMatch(new RegExp(`Share of changes that fail\\s+2\\s+50%\\s+${share(rate.planned.p5)} to ${share(rate.planned.p95)}\\s+no`));
    expect(text).not.toMatch(/\s0 to [01]\s/);
  });

  it("gives the report's inputs and measured figures under one to three significant figures too, not '0% to 0%' and '0 to 1'", async () => {
    const view = await withBreakage("4", "2");
    const deployments = view.learning.observed.find((check) => check.figure === "deploymentsPerLiveProject")!;
    const out = join(temp.path, "report.html");
    const report = await runCliCaptured(["report", caseFile, "-o", out, "--force"]);
    expect(report.exitCode).toBe(0);
    const html = readFileSync(out, "utf8");
    // The inputs moved: a change failure rate of 5% to 30% read "0% to 0%", deployments of 0.3 to 0.8 "0 to 1".
    expect(html).not.toContain(">0% to 0%<");
    expect(html).toMatch(/Share of changes that fail<\/td><td class="number">[1-9][\d.]*% to [1-9][\d.]*%<\/td>/);
    // The measured figure's range read "0 to 1" beside a recorded 4.
    expect(html).toContain(`>${formatSignificant(deployments.planned.p5)} to ${formatSignificant(deployments.planned.p95)}<`);
    // The moved inputs' table and the measured figures' table write the same range alike, to three
    // significant figures: the moved one read "0.3 to 0.79" and "4.87% to 29.8%" above "4.9% to 29.8%".
    const range = `>${formatSignificant(deployments.planned.p5)} to ${formatSignificant(deployments.planned.p95)}<`;
    expect(html.split(range).length - 1).toBe(2);
    const rate = view.learning.observed.find((check) => check.figure === "changeFailureRate")!;
    const rateRange = `>${formatSignificant(rate.planned.p5 * 100)}% to ${formatSignificant(rate.planned.p95 * 100)}%<`;
    // In the part on the ranges (page 1's table of assumptions gives the file's range too, now the same).
    const learningPart = html.slice(html.indexOf("What the months so far say about the ranges"), html.indexOf("Month by month, so far"));
    expect(learningPart.split(rateRange).length - 1).toBe(2);
  });

  it("writes a recorded change failure rate that is not zero as a share to three figures in the report, not '0%' (1 failure in 8,000 deployments)", async () => {
    const view = await withBreakage("4000", "1");
    const rate = view.learning.observed.find((check) => check.figure === "changeFailureRate")!;
    expect(rate.observed).toBeCloseTo(0.00025, 10);
    const out = join(temp.path, "report.html");
    expect((await runCliCaptured(["report", caseFile, "-o", out, "--force"])).exitCode).toBe(0);
    // It read "Share of changes that fail 0%", as if none had failed.
    expect(readFileSync(out, "utf8")).toMatch(/Share of changes that fail<\/td><td class="number">0\.025%<\/td>/);
  });
});

describe("a forecast that has nothing to learn from yet", () => {
  it("is the plan's money when month 1 records the up-front cash as asked and measures nothing, not a month's discount more", async () => {
    expect((await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01")).exitCode).toBe(0);
    // €2,000 of consultants up front and the €3,600 licence, as planned, before any live project.
    const add = ["add", "--db", store, "--month", "1", "--external-spend", "2000", "--licences", "3600", "--live-projects", "0"];
    expect((await track(...add)).exitCode).toBe(0);
    const view = JSON.parse((await track("show", "--db", store, "--json")).stdout) as { learning: LearnedForecast };
    const { planned, now } = view.learning.money!;
    expect(now.npv.p5).toBeCloseTo(planned.npv.p5, 6);
    expect(now.npv.p50).toBeCloseTo(planned.npv.p50, 6);
    expect(now.npv.p95).toBeCloseTo(planned.npv.p95, 6);
  });

  it("says the months recorded measure nothing the ranges bear on, rather than that none is recorded", async () => {
    expect((await track("plan", caseFile, "--scenario", "optimal", "--start", "2025-01")).exitCode).toBe(0);
    // No live project yet: upkeep hours say nothing of the upkeep a project takes.
    for (const month of ["1", "2"]) expect((await track("add", "--db", store, "--month", month, "--live-projects", "0")).exitCode).toBe(0);
    const { stdout } = await track("forecast", "--db", store);
    expect(stdout).toContain(
      "A forecast that learns: the plan's ranges as they were, as the 2 months recorded measure nothing they bear on; each plan sample is worked out again from where things stand (1,000 plan samples",
    );
    expect(stdout).toContain("Calibration: Nothing to check yet: no recorded month observes an input the plan gave as a range.\n");
    expect(stdout).not.toMatch(/\w\.\./);
  });
});

describe("the plan's figures beside the forecast that learns (examples/close-call.yaml, option compromise)", () => {
  /** The close call planned from 2025-01 and six months recorded: upkeep of 28, 30 and 26 hours for its one live project in months 4 to 6. */
  async function closeCall() {
    const file = join(temp.path, "cc.yaml");
    const db = join(temp.path, "cc.db");
    writeFileSync(file, readFileSync(new URL("../../../../examples/close-call.yaml", import.meta.url), "utf8"));
    const csv = join(temp.path, "cc-actuals.csv");
    writeFileSync(
      csv,
      "month,upkeepHours,liveProjects,licences,note\n2025-01,0,0,150,start\n2025-02,0,0,150,\n2025-03,0,0,150,\n2025-04,28,1,150,first model\n2025-05,30,1,150,\n2025-06,26,1,150,\n",
    );
    expect((await track("plan", file, "--scenario", "compromise", "--start", "2025-01")).exitCode).toBe(0);
    expect((await track("import", csv, "--db", db)).exitCode).toBe(0);
    return { file, db };
  }

  it("calls the plan's figures the plan's as approved: page 1's NPV range and the file's own range of 8 to 30, not a re-draw of 1,000 samples", async () => {
    const { file, db } = await closeCall();
    const run = JSON.parse((await runCliCaptured(["run", file, "--json"])).stdout) as {
      comparisons: { compromise: { distribution: { npv: { p5: number; p50: number; p95: number }; probabilityPaysBack: number } } };
    };
    const approvedRun = run.comparisons.compromise.distribution;
    const view = JSON.parse((await track("show", "--db", db, "--json")).stdout) as { learning: LearnedForecast };
    const money = view.learning.money!;
    // The plan as approved is the run's own distribution (p5 −€2,259.20, median €5,484.48, p95 €10,264.27), not −€2,435 to €10,098.
    const { p5, p50, p95 } = approvedRun.npv;
    expect(money.approved).toMatchObject({ npv: { p5, p50, p95 }, probabilityPaysBack: approvedRun.probabilityPaysBack, samples: 10_000, seed: 1 });
    expect(Math.round(money.approved!.npv.p5)).toBe(-2259);
    // The input and the measured figure: the file's { low: 8, high: 30 }, not 8.02 to 30.3.
    const upkeep = view.learning.inputs[0]!;
    expect([upkeep.planned.p5, upkeep.planned.p95]).toEqual([8, 30]);
    expect(view.learning.observed[0]).toMatchObject({ figure: "upkeepPerLiveProject", plannedFrom: "range", planned: { p5: 8, p95: 30 } });
    for (const command of ["show", "forecast"]) {
      const { stdout } = await track(command, "--db", db);
      expect(stdout).toMatch(/The plan, as approved\s+The plan, on the same 1,000 samples\s+Now \(forecast\)/);
      expect(stdout).toMatch(/Net gain \(NPV\), 5% to 95%\s+-€2,259 to €10,264\s+-€2,435 to €10,098\s+/);
      expect(stdout).toMatch(/Net gain \(NPV\), median\s+€5,484\s+€5,314\s+/);
      expect(stdout).toContain("Upkeep hours a month for each live project (What will be approved)  8 hours to 30 hours  ");
      // The measured figure by one name in the text and the report (it read "Upkeep hours per live project a month" here).
      expect(stdout).toMatch(/\n {2}Upkeep hours a month for each live project\s+3\s+28\s+8 to 30\s+yes/);
      expect(stdout).not.toContain("8.02");
    }
    const out = join(temp.path, "cc.html");
    expect((await runCliCaptured(["report", file, "-o", out, "--force"])).exitCode).toBe(0);
    const part = readFileSync(out, "utf8").split("What the months so far say about the ranges")[1]!;
    // Page 1 says "€5,450 (-€2,260 to €10,300)": the section said "Then: the plan … -€2,430 and €10,100 … €5,310".
    expect(part).toContain(`<th class="number">${PLAN_AS_APPROVED}</th><th class="number">The plan, on the same 1,000 samples</th>`);
    expect(part).toContain('<td class="number">-€2,260 and €10,300</td><td class="number">-€2,430 and €10,100</td>');
    expect(part).toContain("8 hours to 30 hours");
    expect(part).toContain('<tr><td>Upkeep hours a month for each live project</td><td class="number">28</td>');
  });

  it("says in track show and track forecast, as the report does, why the forecast that learns differs from the re-forecast above it, and names inputs by their label", async () => {
    const { file, db } = await closeCall();
    for (const command of ["show", "forecast"]) {
      const { stdout } = await track(command, "--db", db);
      // "Pays back month 8 (re-forecast)" above, "not within the horizon" below: the reason was only in the report.
      expect(stdout).toContain("month 8 (re-forecast)");
      expect(stdout).toContain(LEARNING_VERSUS_REFORECAST);
      expect(stdout).toMatch(/\n {2}Upkeep hours a month for each live project \(What will be approved\) {2}/);
      expect(stdout).not.toContain("scenarios.compromise.projects.upkeepHoursPerMonth");
    }
    const out = join(temp.path, "cc.html");
    expect((await runCliCaptured(["report", file, "-o", out, "--force"])).exitCode).toBe(0);
    expect(readFileSync(out, "utf8")).toContain(LEARNING_VERSUS_REFORECAST);
  });

  it("names each of two inputs of the same label by the option that uses it, the baseline's before the change is in place", async () => {
    const file = join(temp.path, "ccs.yaml");
    const db = join(temp.path, "ccs.db");
    // Two months of setup: month 1 measures today's upkeep (25 to 35), month 4 the approved option's (8 to 30).
    const text = readFileSync(new URL("../../../../examples/close-call.yaml", import.meta.url), "utf8").replace(
      "    tooling:\n      licences:\n        perUserPerMonth:",
      "    change:\n      setupHours: 20\n      setupMonths: 2\n    tooling:\n      licences:\n        perUserPerMonth:",
    );
    writeFileSync(file, text);
    expect((await track("plan", file, "--scenario", "compromise", "--start", "2025-01")).exitCode).toBe(0);
    expect((await track("add", "--db", db, "--month", "1", "--upkeep-hours", "30", "--live-projects", "1")).exitCode).toBe(0);
    expect((await track("add", "--db", db, "--month", "4", "--upkeep-hours", "28", "--live-projects", "1")).exitCode).toBe(0);
    const view = JSON.parse((await track("show", "--db", db, "--json")).stdout) as { learning: LearnedForecast };
    expect(view.learning.inputs.map((input) => [input.input, input.usedBy])).toEqual([
      ["scenarios.compromise.projects.upkeepHoursPerMonth", ["compromise"]],
      ["defaults.projects.upkeepHoursPerMonth", ["current"]],
    ]);
    // Both read "Upkeep hours a month for each live project", one 8 to 30 hours, the other 25 to 35.
    const { stdout } = await track("show", "--db", db);
    expect(stdout).toContain("Upkeep hours a month for each live project (What will be approved)   8 hours to 30 hours");
    expect(stdout).toContain("Upkeep hours a month for each live project (Today)                  25 hours to 35 hours");
    const out = join(temp.path, "ccs.html");
    expect((await runCliCaptured(["report", file, "-o", out, "--force"])).exitCode).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain('<td>Upkeep hours a month for each live project (What will be approved)</td><td class="number">8 hours to 30 hours</td>');
    expect(html).toContain('<td>Upkeep hours a month for each live project (Today)</td><td class="number">25 hours to 35 hours</td>');
  });
});

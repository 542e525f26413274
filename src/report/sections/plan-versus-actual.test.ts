import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateScenarioText } from "../../engine/index.js";
import { makeTempFolder } from "../../test-support/fixtures.js";
import { caseText, loadCaseTracking, planFor, storeWithPlan } from "../../test-support/tracked-case.js";
import { createReport } from "../create-report.js";
import { findJargon } from "../jargon.js";
import { formatChance, formatMoney } from "../../format/numbers.js";
import { escapeHtml } from "../escape.js";
import { preparePlanVersusActual } from "./plan-versus-actual.js";
import { textOf } from "../report-text.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

const text = caseText(24);
const compiled = validateScenarioText(text).compiled!;

function section(html: string): string {
  return /<section id="plan-versus-actual"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
}

/** A store with the case's plan and, optionally, months of actuals. */
function storeWith(actuals: { month: number; liveProjects?: number; externalSpend?: number }[]): string {
  return storeWithPlan(temp.path, text, actuals);
}

describe("the plan-versus-actual section", () => {
  it("is left out when the case has no store", async () => {
    expect(loadCaseTracking(text, join(temp.path, "none.db"))).toBeUndefined();
    const { html } = await createReport(compiled);
    expect(html).not.toContain('id="plan-versus-actual"');
  });

  it("shows spent so far, gain so far and payback then and now, with a chart and a month table", async () => {
    const planned = planFor("default", text).result.scenarios.better!.months;
    const path = storeWith([
      { month: 1, externalSpend: 2500 },
      { month: 5, liveProjects: planned[4]!.liveProjects - 1 },
    ]);
    const tracking = loadCaseTracking(text, path)!;
    const { html } = await createReport(compiled, { planVersusActual: await preparePlanVersusActual(tracking) });
    const shown = section(html);
    expect(shown).toContain("<h2>Plan and reality so far</h2>");
    expect(shown).toContain("up to month 5 (May 2025)");
    const comparison = tracking.view.comparison;
    expect(shown).toContain(
      `Cash spent up to month 5 (recorded in 1 of 5 months, the others worked out from the plan)</td><td class="number">€${Math.round(comparison.soFar.cashSpent.planned).toLocaleString("en-GB")}`,
    );
    expect(shown).toMatch(/Pays back<\/td><td class="number">month \d+<\/td><td class="number">(month \d+|not within the plan)<\/td>/);
    expect(shown).toContain('<svg role="img" aria-label="The gain so far: plan, what happened and the re-forecast"');
    expect(shown.match(/<tr><td class="nowrap">/g)).toHaveLength(5);
    expect(shown).toContain("* Nothing was recorded for this month, so it counts as planned.");
    // A loss against today is "behind", never a negative gain ("gained -€2,000").
    const soFar = comparison.soFar.benefit;
    expect(soFar.actual).toBeLessThan(0);
    expect(shown).toContain(
      `So far it is <span data-figure="gain-actual">${formatMoney(-soFar.actual, "EUR")}</span> behind today; the plan expected ${escapeHtml(formatMoney(Math.abs(soFar.planned), "EUR"))} ${soFar.planned < 0 ? "behind" : "ahead of"} today.`,
    );
    expect(findJargon(shown.replace(/<svg[\s\S]*?<\/svg>/g, "").replace(/<[^>]+>/g, " "))).toEqual([]);
    // Second in the report: right after the summary.
    expect(html.indexOf('id="plan-versus-actual"')).toBeLessThan(html.indexOf('id="options"'));
  });

  it("does not state the plan's working as what was spent when no month recorded any cash", async () => {
    const planned = planFor("default", text).result.scenarios.better!.months;
    const path = storeWith([
      { month: 1, liveProjects: planned[0]!.liveProjects },
      { month: 2, liveProjects: planned[1]!.liveProjects },
    ]);
    const tracking = loadCaseTracking(text, path)!;
    const { html } = await createReport(compiled, { planVersusActual: await preparePlanVersusActual(tracking) });
    const shown = section(html);
    const soFar = tracking.view.comparison.soFar;
    expect(soFar.cashSpent.recordedMonths).toBe(0);
    expect(shown).toContain(
      `No cash spent was recorded: the <span data-figure="spent-actual">${escapeHtml(formatMoney(soFar.cashSpent.actual, "EUR"))}</span> by then is worked out from the plan`,
    );
    expect(shown).not.toContain("it had spent");
    expect(shown).toContain("Cash spent up to month 2 (not recorded: worked out from the plan)</td>");
    expect(shown).toContain("Team time on the change up to month 2 (not recorded: worked out from the plan)</td>");
    // What was recorded is the plan's own: the gain is as planned, neither more nor less.
    expect(shown).toMatch(/So far it is <span[^>]* data-figure="gain-actual">[^<-]+<\/span> (behind|ahead of) today, as planned\./);
  });

  it("does not call a gain more or less than planned when the two figures it gives read the same", async () => {
    // €3 more spent than planned in month 1: the gain so far is €3 less, which three significant figures do not show.
    const planned = planFor("default", text).result.scenarios.better!.months;
    // Month 1's external spend holds the change's up-front cash as well (recorded.upFrontCash).
    const upFront = loadCaseTracking(text, storeWith([{ month: 1, liveProjects: planned[0]!.liveProjects }]))!.view.comparison.upFrontCash.planned;
    const path = storeWithPlan(join(temp.path, "second"), text, [{ month: 1, externalSpend: planned[0]!.externalSpend + upFront + 3 }]);
    const tracking = loadCaseTracking(text, path)!;
    const { benefit } = tracking.view.comparison.soFar;
    expect(Math.round(benefit.planned - benefit.actual)).toBe(3);
    expect(formatMoney(benefit.actual, "EUR")).toBe(formatMoney(benefit.planned, "EUR"));
    const { html } = await createReport(compiled, { planVersusActual: await preparePlanVersusActual(tracking) });
    const shown = section(html);
    // It said "Its gain against today so far is €X, less than planned (€X)", the same figure twice.
    expect(shown).toMatch(/So far it is <span[^>]* data-figure="gain-actual">[^<-]+<\/span> (behind|ahead of) today, as planned\./);
  });

  it("says which months before the last recorded one have no record, instead of 'recorded what really happened up to' them", async () => {
    const planned = planFor("default", text).result.scenarios.better!.months;
    const path = storeWith([
      { month: 1, externalSpend: 2500 },
      { month: 4, liveProjects: planned[3]!.liveProjects },
    ]);
    const tracking = loadCaseTracking(text, path)!;
    expect(tracking.view.comparison.months.slice(0, 4).map((month) => month.recorded)).toEqual([true, false, false, true]);
    const { html } = await createReport(compiled, { planVersusActual: await preparePlanVersusActual(tracking) });
    const shown = textOf(section(html));
    expect(shown).toContain(
      "The team recorded what really happened in 2 of the 4 months up to month 4 (April 2025); months 2 and 3 have no record and count as planned.",
    );
    expect(shown).not.toContain("recorded what really happened up to");
    // Every month recorded: the plain sentence stands.
    const full = loadCaseTracking(
      text,
      storeWithPlan(
        join(temp.path, "full"),
        text,
        [1, 2, 3, 4].map((month) => ({ month })),
      ),
    )!;
    const plain = textOf(section((await createReport(compiled, { planVersusActual: await preparePlanVersusActual(full) })).html));
    expect(plain).toContain("The team recorded what really happened up to month 4 (April 2025).");
  });

  it("states the cash spent as a fact when every recorded month recorded it", async () => {
    const path = storeWith([
      { month: 1, externalSpend: 2500 },
      { month: 2, externalSpend: 0 },
    ]);
    const tracking = loadCaseTracking(text, path)!;
    const { html } = await createReport(compiled, { planVersusActual: await preparePlanVersusActual(tracking) });
    const shown = section(html);
    expect(shown).toContain(`By then it had spent <span data-figure="spent-actual">`);
    expect(shown).toContain("Cash spent up to month 2</td>");
  });

  it("speaks of no dotted re-forecast line, in its caption or its legend, when every month is recorded", async () => {
    const partly = section(
      (await createReport(compiled, { planVersusActual: await preparePlanVersusActual(loadCaseTracking(text, storeWith([{ month: 2 }]))!) })).html,
    );
    expect(partly).toContain("the dotted line goes on from there with the plan's assumptions");
    expect(partly).toContain("Re-forecast from what happened");
    const every = Array.from({ length: 24 }, (_, index) => ({ month: index + 1 }));
    const tracking = loadCaseTracking(text, storeWithPlan(join(temp.path, "every"), text, every))!;
    expect(tracking.view.forecast!.fromMonth).toBe(25);
    const shown = section((await createReport(compiled, { planVersusActual: await preparePlanVersusActual(tracking) })).html);
    // It said "the dotted line goes on from there" and its legend named a re-forecast it did not draw.
    expect(shown).not.toContain("dotted line");
    expect(shown).toContain("The solid line is what really happened, every month of the plan.");
    expect(shown).not.toContain("Re-forecast from what happened");
  });

  it("names the team whose plan it is when it is not the default one (a store holds a plan per team)", async () => {
    const path = storeWithPlan(join(temp.path, "teams"), text, [{ month: 2 }], "platform team");
    const tracking = loadCaseTracking(text, path, "platform team")!;
    const shown = section((await createReport(compiled, { planVersusActual: await preparePlanVersusActual(tracking) })).html);
    expect(shown).toContain("The plan of team “<span data-user>platform team</span>” approved on ");
    const own = section(
      (await createReport(compiled, { planVersusActual: await preparePlanVersusActual(loadCaseTracking(text, storeWith([{ month: 2 }]))!) })).html,
    );
    expect(own).toMatch(/The plan approved on \d+ \w+ \d{4} is “/);
    expect(own).not.toContain("The plan of team");
  });

  it("does not state the cash spent as a fact when a month before the last recorded one has no record", async () => {
    const path = storeWith([
      { month: 1, externalSpend: 2500 },
      { month: 4, externalSpend: 0 },
    ]);
    const tracking = loadCaseTracking(text, path)!;
    const shown = section((await createReport(compiled, { planVersusActual: await preparePlanVersusActual(tracking) })).html);
    // Months 2 and 3 have no record: their cash is the plan's, as the label and the sentence say.
    expect(shown).toContain("Cash spent up to month 4 (recorded in 2 of 4 months, the others worked out from the plan)</td>");
    expect(textOf(shown)).toMatch(/By then it had spent €[\d,]+ in cash \(recorded in 2 of 4 months, the others worked out from the plan\), against/);
  });

  it("gives the month table's money to the unit, so each month added to the gain so far gives the next", async () => {
    const planned = planFor("default", text).result.scenarios.better!.months;
    const path = storeWith([
      { month: 1, externalSpend: 2517 },
      { month: 2, externalSpend: 1234 },
      { month: 3 },
      { month: 4, liveProjects: planned[3]!.liveProjects + 1 },
    ]);
    const tracking = loadCaseTracking(text, path)!;
    const { html } = await createReport(compiled, { planVersusActual: await preparePlanVersusActual(tracking) });
    const table = section(html).match(/<h3>Month by month, so far<\/h3>[\s\S]*?<\/table>/)![0];
    const rows = [...table.matchAll(/<tr><td class="nowrap">([\s\S]*?)<\/tr>/g)].map((row) =>
      [...row[1]!.matchAll(/<td class="number[^"]*">([^<]*)<\/td>/g)].map((cell) => Number(cell[1]!.replace(/[€,]/g, "").replace("−", "-"))),
    );
    expect(rows).toHaveLength(4);
    const months = tracking.view.comparison.months;
    rows.forEach((row, at) => {
      // Cash spent, live projects, gain this month and gain so far, each planned then actual.
      expect(row[0]).toBe(Math.round(months[at]!.planned.cashSpent));
      expect(row[1]).toBe(Math.round(months[at]!.actual!.cashSpent));
      expect(row[7]).toBe(Math.round(months[at]!.actual!.cumulativeBenefit));
      if (at > 0) {
        expect(Math.abs(rows[at - 1]![6]! + row[4]! - row[6]!), `planned, month ${at + 1}`).toBeLessThanOrEqual(1);
        expect(Math.abs(rows[at - 1]![7]! + row[5]! - row[7]!), `actual, month ${at + 1}`).toBeLessThanOrEqual(1);
      }
    });
  });

  it("says nothing is recorded yet when there is only a plan, and says when the case file changed since", async () => {
    const path = storeWith([]);
    const tracking = loadCaseTracking(text.replace("Test case", "Edited case"), path)!;
    expect(tracking.caseChanged).toBe(true);
    const { html } = await createReport(compiled, { planVersusActual: await preparePlanVersusActual(tracking) });
    const shown = section(html);
    expect(shown).toContain("Nothing has been recorded yet");
    expect(shown).toContain("The case file has changed since then");
    expect(shown).not.toContain("<svg");
    expect(shown).not.toContain("data-plan-from-another-case");
  });

  it("says loudly when the plan was frozen from another case, and names its option by that plan's label", async () => {
    const path = storeWith([{ month: 2 }]);
    // The report is of another case (another title, horizon and options) that points at the same store.
    const other = `title: Another team's case
currency: EUR
horizonMonths: 12
discountRate: 0
baseline: today
defaults: {team: {people: 2, hoursPerMonth: 100, hourlyCost: 50}, projects: {alreadyLive: 1, upkeepHoursPerMonth: 30}, releases: {mode: schedule, months: []}}
scenarios:
  today: {}
  faster: {label: Faster pipelines, projects: {upkeepHoursPerMonth: 20}}
`;
    const tracking = loadCaseTracking(other, path, "default")!;
    const otherCompiled = validateScenarioText(other).compiled!;
    const { html } = await createReport(otherCompiled, { planVersusActual: await preparePlanVersusActual(tracking) });
    const shown = section(html);
    const plan = tracking.plan;
    expect(shown).toContain("data-plan-from-another-case");
    const warning = /<p[^>]*data-plan-from-another-case[^>]*>([\s\S]*?)<\/p>/.exec(shown)![1]!.replace(/<[^>]+>/g, "");
    expect(warning.replaceAll("&#39;", "'")).toContain(
      `This plan comes from another case. It was frozen from ${plan.fileName}, “${plan.result.title}”, a plan of 24 months, not from “Another team's case” (12 months) reported here.`,
    );
    // The approved option by the plan's own label, not its key.
    const label = plan.result.scenarios[plan.scenario]!.label;
    expect(shown).toContain(`The plan approved on`);
    expect(shown.replace(/<[^>]+>/g, "")).toContain(`is “${label}”.`);
    expect(shown).not.toContain("The case file has changed since then");
  });
});

describe("the plan-versus-actual section, for a plan with ranges", () => {
  /** The case with the better option's upkeep given as a range of 1 to 4 hours a live project. */
  const ranged = caseText(24).replace("      upkeepHoursPerMonth: 2\n", "      upkeepHoursPerMonth: { low: 1, high: 4 }\n");
  const rangedCompiled = validateScenarioText(ranged).compiled!;

  it("shows what the months say about the ranges with the JSON's figures: the chance then and now, the gain's range, the inputs moved, the calibration", async () => {
    // Upkeep of 8 hours a live project recorded from the change on (months 4 to 9), where the plan said 1 to 4.
    const planned = planFor("default", ranged).result.scenarios.better!.months;
    const actuals = [4, 5, 6, 7, 8, 9].map((month) => ({ month, upkeepHours: 8 * planned[month - 1]!.liveProjects }));
    const path = storeWithPlan(temp.path, ranged, actuals);
    const tracking = loadCaseTracking(ranged, path)!;
    const learning = tracking.view.learning!;
    const { html } = await createReport(rangedCompiled, { planVersusActual: await preparePlanVersusActual(tracking) });
    const shown = section(html);
    const figureOf = (name: string) => new RegExp(`<span(?: class="nowrap")? data-figure="${name}">([^<]*)</span>`).exec(shown)?.[1];
    expect(shown).toContain("<h3>What the months so far say about the ranges</h3>");
    expect(figureOf("learning-chance-now")).toBe(formatChance(learning.money!.now.probabilityPaysBack));
    // "Then" is the plan as approved (its own 10,000-sample run), not the update's 1,000 samples.
    expect(figureOf("learning-chance-planned")).toBe(formatChance(learning.money!.approved!.probabilityPaysBack));
    expect(figureOf("learning-gain-low-now")).toBe(escapeHtml(formatMoney(learning.money!.now.npv.p5, "EUR")));
    expect(figureOf("learning-gain-high-now")).toBe(escapeHtml(formatMoney(learning.money!.now.npv.p95, "EUR")));
    expect(figureOf("calibration-inside")).toBe(`${learning.calibration.inside} of ${learning.calibration.checked}`);
    expect(learning.calibration.checked).toBe(1);
    expect(shown).toContain('Upkeep hours a month for each live project</td><td class="number">8</td>');
    expect(shown).toContain("data-learning-inputs");
    expect(findJargon(shown.replace(/<svg[\s\S]*?<\/svg>/g, "").replace(/<[^>]+>/g, " "))).toEqual([]);
  });

  it("leaves the part out until a recorded month measures a range", async () => {
    const path = storeWithPlan(temp.path, ranged, []);
    const tracking = loadCaseTracking(ranged, path)!;
    const money = tracking.view.learning!.money!;
    expect(money.now).toEqual({
      npv: money.approved!.npv,
      probabilityPaysBack: money.approved!.probabilityPaysBack,
      paybackMonthP50: money.approved!.paybackMonthP50,
    });
    const { html } = await createReport(rangedCompiled, { planVersusActual: await preparePlanVersusActual(tracking) });
    expect(section(html)).not.toContain("What the months so far say about the ranges");
  });
});

describe("the plan-versus-actual payback, when there is none", () => {
  it("says it does not pay back, over a plan of one month as page 1 says it, not 'it still pays back not within the 1 month'", async () => {
    const oneMonth = caseText(1);
    const path = storeWithPlan(temp.path, oneMonth, [{ month: 1, externalSpend: 250000 }]);
    const tracking = loadCaseTracking(oneMonth, path)!;
    expect([tracking.view.forecast!.paybackMonth.now, tracking.view.forecast!.paybackMonth.planned]).toEqual([null, null]);
    const { html } = await createReport(validateScenarioText(oneMonth).compiled!, { planVersusActual: await preparePlanVersusActual(tracking) });
    const shown = textOf(section(html));
    expect(shown).toContain("From what has happened so far, it still does not pay back within the plan's one month.");
    expect(shown).not.toContain("pays back not within");
  });
});

describe("the plan-versus-actual month table's start and month 1", () => {
  it("adds up as written: to the cent when, to the unit, the start and month 1 would not make month 1's gain so far", async () => {
    // €2,000.40 up front and €200.40 a month of licences: to the unit -€2,000 and -€1,100 beside -€3,101.
    const cents = caseText(24).replace("consultants: 2000\n", "consultants: 2000.4\n").replace("perUserPerMonth: 100\n", "perUserPerMonth: 100.2\n");
    const path = storeWithPlan(temp.path, cents, [{ month: 2, liveProjects: 0 }]);
    const tracking = loadCaseTracking(cents, path)!;
    const { html } = await createReport(validateScenarioText(cents).compiled!, { planVersusActual: await preparePlanVersusActual(tracking) });
    const table = /<h3>Month by month, so far<\/h3>[\s\S]*?<\/table>/.exec(section(html))![0];
    const cells = (label: string) =>
      [...(new RegExp(`<tr><td[^>]*>${label}[\\s\\S]*?</tr>`).exec(table)?.[0] ?? "").matchAll(/<td class="number[^"]*">([^<]*)<\/td>/g)].map(
        (cell) => cell[1],
      );
    // It read "-€2,000", then "-€1,100" and "-€3,101".
    expect(cells("Start").slice(2)).toEqual(["-€2,000.40", "-€2,000.40", "-€2,000.40", "-€2,000.40"]);
    expect(cells("1 ").slice(4)).toEqual(["-€1,100.40", "-€1,100.40", "-€3,100.80", "-€3,100.80"]);
    // Their cash too, to the cent as the benefit beside it: it read "€2,000" beside "-€2,000.40", and "€1,400" beside "-€1,100.40".
    expect(cells("Start").slice(0, 2)).toEqual(["€2,000.40", "€2,000.40"]);
    expect(cells("1 ").slice(0, 2)).toEqual(["€1,400.40", "€1,400.40"]);
  });
});

describe("the plan-versus-actual month table's start and month 1 in yen", () => {
  it("writes them to the yen, never the sen, and says when so they do not add up (they read 'JP¥2,000.40')", async () => {
    const yen = caseText(24)
      .replace("currency: EUR", "currency: JPY")
      .replace("consultants: 2000\n", "consultants: 2000.4\n")
      .replace("perUserPerMonth: 100\n", "perUserPerMonth: 100.2\n");
    expect(yen).toContain("currency: JPY");
    const path = storeWithPlan(temp.path, yen, [{ month: 2, liveProjects: 0 }]);
    const tracking = loadCaseTracking(yen, path)!;
    const { html } = await createReport(validateScenarioText(yen).compiled!, { planVersusActual: await preparePlanVersusActual(tracking) });
    const table = /<h3>Month by month, so far<\/h3>[\s\S]*?<\/p>/.exec(section(html))![0];
    expect(table).not.toMatch(/JP¥[\d,]+\.\d/);
    expect(table).toContain("-JP¥2,000</td>");
    // In this table's own words: it spoke of "the up-front figure" and "month 1's cumulative benefit", which it has neither of.
    expect(textOf(table)).toContain(
      "The Start row's gain and month 1's gain this month are each rounded to JP¥1 on its own, so they can differ from month 1's gain so far as written by JP¥1.",
    );
    expect(textOf(table)).not.toMatch(/up-front figure|cumulative benefit/);
  });
});

describe("the plan-versus-actual payback, when it is behind us", () => {
  it("says it paid back in the recorded month it did, in the past tense, and keeps 'pays back' for a forecast", async () => {
    const planned = planFor("default", text).result;
    const payback = planned.comparisons.better!.paybackMonth!;
    // Every month up to the payback recorded as planned: the payback happened.
    const months = planned.scenarios.better!.months.slice(0, payback).map((row) => ({ month: row.month, liveProjects: row.liveProjects }));
    const after = loadCaseTracking(text, storeWith(months))!;
    expect(after.view.forecast!.paybackMonth.now).toBe(payback);
    const shown = section((await createReport(compiled, { planVersusActual: await preparePlanVersusActual(after) })).html);
    // It said "From what has happened so far, it still pays back in month N" and "Pays back … month N".
    expect(textOf(shown)).toMatch(new RegExp(`It paid back in month ${payback} ?, as planned\\.`));
    expect(shown).toContain(`<tr><td>Payback</td><td class="number">month ${payback}</td><td class="number">paid back in month ${payback}</td></tr>`);
    expect(textOf(shown)).not.toMatch(/pays back in month|Pays back/);
  });

  it("says the payback counts the months up to it that have no record as planned, rather than stating it as fact", async () => {
    const planned = planFor("default", text).result;
    const payback = planned.comparisons.better!.paybackMonth!;
    const liveProjects = planned.scenarios.better!.months[payback - 1]!.liveProjects;
    // Only the payback month recorded: every month before it is the plan's.
    const after = loadCaseTracking(text, storeWith([{ month: payback, liveProjects }]))!;
    const shown = section((await createReport(compiled, { planVersusActual: await preparePlanVersusActual(after) })).html);
    const counted = `Months 1–${payback - 1} have no record: the payback counts them as planned.`;
    // It said "It paid back in month N, as planned." and "paid back in month N", as if those months had
    // happened; then "…, the month the plan said, counting months 1–N, not recorded, as planned", in the table's cell too.
    expect(textOf(shown)).toMatch(new RegExp(`It paid back in month ${payback} ?, the month the plan said\\. ${counted}`));
    expect(shown).toContain(`<td class="number">paid back in month ${payback} †</td>`);
    expect(shown).toContain(`</table>\n<p class="key">† ${counted}</p>`);
    expect(textOf(shown)).not.toMatch(new RegExp(`It paid back in month ${payback} ?, as planned`));
  });

  it("keeps 'pays back' while the payback month is still ahead of the last recorded one", async () => {
    const planned = planFor("default", text).result;
    const payback = planned.comparisons.better!.paybackMonth!;
    const liveProjects = planned.scenarios.better!.months[payback - 2]!.liveProjects;
    const before = loadCaseTracking(text, storeWith([{ month: payback - 1, liveProjects }]))!;
    const shown = section((await createReport(compiled, { planVersusActual: await preparePlanVersusActual(before) })).html);
    expect(textOf(shown)).toContain(`From what has happened so far, it still pays back in month ${payback}.`);
    expect(shown).toContain(`<tr><td>Pays back</td><td class="number">month ${payback}</td><td class="number">month ${payback}</td></tr>`);
    expect(textOf(shown)).not.toContain("paid back");
  });
});

describe("the plan-versus-actual section of a plan at a discount rate of 0%", () => {
  it("says the gain over the whole plan is not discounted, not 'in today's money', with the plan's own rate", async () => {
    const undiscounted = caseText(24).replace("discountRate: 0.08", "discountRate: 0");
    const path = storeWithPlan(temp.path, undiscounted, [{ month: 1, externalSpend: 2500 }]);
    const tracking = loadCaseTracking(undiscounted, path)!;
    expect(tracking.plan.result.discountRate).toBe(0);
    const { html } = await createReport(validateScenarioText(undiscounted).compiled!, { planVersusActual: await preparePlanVersusActual(tracking) });
    const shown = textOf(section(html));
    // It read "Gain over the whole plan, in today's money".
    expect(shown).toContain("Gain over the whole plan, not discounted (the discount rate is 0%)");
    expect(shown).not.toContain("today's money");
  });
});

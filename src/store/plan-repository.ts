import { teamWords } from "./planned-teams.js";
import { rulesOfStoredPlan } from "../engine/index.js";
import { calendarIndex, calendarMonthOf } from "./calendar.js";
import { noteWrite, StoreError, type StoreDatabase } from "./database.js";
import type { FrozenPlan, StoredPlan } from "./plan.js";

interface PlanRow {
  id: number;
  team: string;
  scenario: string;
  baseline: string;
  file_name: string;
  scenario_text: string;
  sha256: string;
  frozen_at: string;
  start_month: string | null;
  horizon_months: number;
  currency: string;
  tool_version: string;
  result_json: string;
  rules_json: string;
}

function fromRow(row: PlanRow): StoredPlan {
  return {
    id: row.id,
    team: row.team,
    scenario: row.scenario,
    baseline: row.baseline,
    fileName: row.file_name,
    scenarioText: row.scenario_text,
    sha256: row.sha256,
    frozenAt: row.frozen_at,
    ...(row.start_month ? { startMonth: row.start_month } : {}),
    horizonMonths: row.horizon_months,
    currency: row.currency,
    toolVersion: row.tool_version,
    result: JSON.parse(row.result_json) as FrozenPlan["result"],
    // A plan stored before its rules kept today's rates (in force until the change is in place) has
    // them worked out from its frozen file (docs/numbers.md, "Valuing a recorded month").
    rules: rulesOfStoredPlan({
      rules: JSON.parse(row.rules_json) as FrozenPlan["rules"],
      scenarioText: row.scenario_text,
      scenario: row.scenario,
      baseline: row.baseline,
    }),
  };
}

/**
 * The team's current plan, or undefined when none was frozen.
 * @example currentPlan(store, "default")?.scenario // "compromise"
 */
export function currentPlan(database: StoreDatabase, team: string): StoredPlan | undefined {
  const row = database.prepare("SELECT * FROM plans WHERE team = ? AND superseded_at IS NULL").get(team) as PlanRow | undefined;
  return row ? fromRow(row) : undefined;
}

/** What reading a month of actuals needs of a team's plan: its horizon and the calendar month its month 1 falls in. */
export interface PlanCalendar {
  horizonMonths: number;
  startMonth?: string;
}

/**
 * Looks up each team's current plan's horizon and start month, all read at once from their own
 * columns: an import of many teams' months parses no frozen result (a plan's result and rules can
 * be hundreds of kilobytes of JSON). Undefined for a team without a current plan.
 * @example planCalendars(store)("default") // { horizonMonths: 24, startMonth: "2025-01" }
 */
export function planCalendars(database: StoreDatabase): (team: string) => PlanCalendar | undefined {
  // Every current plan read at once: a file may name millions of teams that have none, and each
  // would otherwise cost a query and a place in a cache (bounded memory: README).
  const rows = database.prepare("SELECT team, horizon_months, start_month FROM plans WHERE superseded_at IS NULL").all() as {
    team: string;
    horizon_months: number;
    start_month: string | null;
  }[];
  const known = new Map<string, PlanCalendar>(
    rows.map((row) => [row.team, { horizonMonths: row.horizon_months, ...(row.start_month ? { startMonth: row.start_month } : {}) }]),
  );
  return (team) => known.get(team);
}

/** Teams that have a current plan, in name order. */
export function plannedTeams(database: StoreDatabase): string[] {
  return (database.prepare("SELECT team FROM plans WHERE superseded_at IS NULL ORDER BY team").all() as { team: string }[]).map((row) => row.team);
}

/**
 * Saves a frozen plan as the team's current plan. A team that already has one keeps it unless
 * `replace`; a replaced plan is kept as history, never deleted. Recorded months stay on their
 * calendar months: under a plan that starts in another month they are numbered again (`moved`), and a
 * month the new plan does not cover refuses the change.
 * @example savePlan(store, plan, { replace: false }).id
 */
export function savePlan(
  database: StoreDatabase,
  plan: FrozenPlan,
  options: { replace: boolean },
): { id: number; replaced?: StoredPlan; moved?: { months: number[]; shift: number } } {
  const save = database.transaction(() => {
    noteWrite(database);
    const existing = currentPlan(database, plan.team);
    if (existing && !options.replace) {
      throw new StoreError(
        `${teamWords(plan.team)} already has a plan: "${existing.scenario}" from ${existing.fileName}, frozen ${existing.frozenAt.slice(0, 10)}; use --replace to freeze a new one (the old one is kept in the store's history)`,
      );
    }
    // A month is recorded for a calendar month: a new plan that starts in another month keeps each
    // on its calendar month, so its number moves by the months between the two starts.
    const recorded = (database.prepare("SELECT month FROM actuals WHERE team = ? ORDER BY month").all(plan.team) as { month: number }[]).map(
      (row) => row.month,
    );
    const oldStart = existing?.startMonth;
    const shift = oldStart && plan.startMonth ? (calendarIndex(plan.startMonth) ?? 0) - (calendarIndex(oldStart) ?? 0) : 0;
    const named = (month: number) => (oldStart ? `${calendarMonthOf(oldStart, month)} (month ${month})` : `month ${month}`);
    const first = recorded[0];
    const last = recorded[recorded.length - 1];
    if (first !== undefined && first - shift < 1) {
      throw new StoreError(
        `${teamWords(plan.team)} has actuals for ${named(first)}, before the new plan's first month ${plan.startMonth}; recorded months stay on their calendar months, so nothing was changed: start the plan in ${calendarMonthOf(oldStart!, first)} or earlier`,
      );
    }
    if (last !== undefined && last - shift > plan.horizonMonths) {
      throw new StoreError(
        `${teamWords(plan.team)} has actuals for ${named(last)}, beyond the new plan's horizon of ${plan.horizonMonths} months${plan.startMonth ? ` (to ${calendarMonthOf(plan.startMonth, plan.horizonMonths)})` : ""}; nothing was changed`,
      );
    }
    if (shift !== 0) {
      // One month at a time, in the order that never lands on a month not yet moved (the key is the month).
      const move = database.prepare("UPDATE actuals SET month = ? WHERE team = ? AND month = ?");
      for (const month of shift > 0 ? recorded : [...recorded].reverse()) move.run(month - shift, plan.team, month);
    }
    if (existing) database.prepare("UPDATE plans SET superseded_at = ? WHERE id = ?").run(plan.frozenAt, existing.id);
    const inserted = database
      .prepare(
        `INSERT INTO plans (team, scenario, baseline, file_name, scenario_text, sha256, frozen_at, start_month, horizon_months, currency, tool_version, result_json, rules_json)
         VALUES (@team, @scenario, @baseline, @fileName, @scenarioText, @sha256, @frozenAt, @startMonth, @horizonMonths, @currency, @toolVersion, @result, @rules)`,
      )
      .run({
        ...plan,
        startMonth: plan.startMonth ?? null,
        result: JSON.stringify(plan.result),
        rules: JSON.stringify(plan.rules),
      });
    return {
      id: Number(inserted.lastInsertRowid),
      ...(existing ? { replaced: existing } : {}),
      ...(shift !== 0 && recorded.length > 0 ? { moved: { months: recorded.map((month) => month - shift), shift } } : {}),
    };
  });
  return save.immediate();
}

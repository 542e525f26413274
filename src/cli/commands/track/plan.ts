import { basename } from "node:path";
import type { Command } from "commander";
import { calendarIndex, calendarMonthOf, calendarMonthOfDate } from "../../../store/calendar.js";
import { sha256Hex } from "../../../store/fingerprint.js";
import { freezePlan } from "../../../store/freeze-plan.js";
import { savePlan } from "../../../store/plan-repository.js";
import { listInWords } from "../../../format/words.js";
import { formatGain, formatMonth, plural, theMonths } from "../../../format/numbers.js";
import { UserError, type CliOutput } from "../../io.js";
import { loadScenario, SCENARIO_FILE_WORDS } from "../../load.js";
import { checkedTeam, storeAndTeamWords, storePath, withStore, withStoreOptions, type StoreOptions } from "./store-access.js";
import { teamWords } from "../../../store/planned-teams.js";

interface PlanOptions extends StoreOptions {
  scenario?: string;
  start?: string;
  replace?: boolean;
}

export function registerTrackPlan(track: Command, output: CliOutput, version: string): void {
  withStoreOptions(
    track
      .command("plan")
      .description("Freeze the approved scenario as the plan: the file, its SHA-256, the date and the month-by-month numbers.")
      .argument("<file>", SCENARIO_FILE_WORDS)
      .option("--scenario <name>", "the approved alternative (needed when the case has several)")
      .option("--start <YYYY-MM>", "calendar month of month 1, so actuals can be given as YYYY-MM (default: this month)")
      .option("--replace", "freeze a new plan for a team that has one (the old plan stays in the store's history)"),
  )
    .addHelpText(
      "after",
      `
The store is created next to the case file (case.yaml → case.db) unless --db is given.

Examples:
  $ mlops-roi track plan case.yaml --scenario compromise --start 2025-01
  $ mlops-roi track plan case.yaml --scenario optimal --team forecasting --db actuals.db`,
    )
    .action(async (file: string, options: PlanOptions) => {
      const team = checkedTeam(options.team);
      if (options.start !== undefined && calendarIndex(options.start) === undefined) {
        throw new UserError(`--start ${options.start}: expected a calendar month as YYYY-MM, e.g. 2025-01`, 2);
      }
      const validation = loadScenario(file, output);
      const compiled = validation.compiled!;
      const now = new Date();
      const frozen = freezePlan({
        compiled,
        text: validation.source.text,
        fileName: basename(file),
        sha256: sha256Hex(validation.source.text),
        scenario: options.scenario,
        team,
        startMonth: options.start?.slice(0, 7) ?? calendarMonthOfDate(now),
        frozenAt: now.toISOString(),
        toolVersion: version,
      });
      // Naming no scenario, or one that is not an alternative, is wrong usage (exit 2), as for `run --scenario`.
      if ("message" in frozen) throw new UserError(`${file}: ${frozen.message}`, frozen.usage ? 2 : 1);
      const plan = frozen.plan;
      const path = storePath(options, file);
      const saved = await withStore(path, { create: true }, (store) => savePlan(store, plan, { replace: options.replace ?? false }));
      const comparison = plan.result.comparisons[plan.scenario]!;
      const label = plan.result.scenarios[plan.scenario]!.label;
      output.stdout(
        `froze "${label}" (${plan.scenario}) as the plan of ${teamWords(team)} in ${path}\n` +
          `  file ${plan.fileName}, sha256 ${plan.sha256.slice(0, 12)}…, ${plural(plan.horizonMonths, "month")} from ${plan.startMonth} to ${calendarMonthOf(plan.startMonth!, plan.horizonMonths)}\n` +
          `  planned: ${comparison.paybackMonth === null ? `does not pay back within ${theMonths(plan.horizonMonths)}` : `pays back ${formatMonth(comparison.paybackMonth)}`}, net present value ${formatGain(comparison.npv, plan.currency)}\n` +
          (saved.replaced ? `  replaced the plan frozen ${saved.replaced.frozenAt.slice(0, 10)} (kept in the store's history)\n` : "") +
          (saved.moved ? `  ${movedMonths(plan.startMonth!, saved.moved.months)}\n` : "") +
          `next: record a month with \`mlops-roi track add ${storeAndTeamWords(path, team)} --month 1 --upkeep-hours 30\` or import a CSV with \`mlops-roi track import actuals.csv ${storeAndTeamWords(path, team)}\`\n`,
      );
    });
}

/**
 * Where recorded months went under a plan that starts in another month: each stays on its calendar month.
 * @example movedMonths("2025-03", [3, 5]) // "kept the 2 recorded months on their calendar months: 2025-03 and 2025-05 are now months 3 and 5"
 */
function movedMonths(startMonth: string, months: readonly number[]): string {
  const one = months.length === 1;
  const calendar =
    months.length <= 6
      ? listInWords(months.map((month) => calendarMonthOf(startMonth, month)))
      : `${calendarMonthOf(startMonth, months[0]!)} to ${calendarMonthOf(startMonth, months[months.length - 1]!)}`;
  const numbers = months.length <= 6 ? listInWords(months) : `${months[0]} to ${months[months.length - 1]}`;
  return `kept the ${one ? "recorded month on its calendar month" : `${months.length} recorded months on their calendar months`}: ${calendar} ${one ? "is now month" : "are now months"} ${numbers}`;
}

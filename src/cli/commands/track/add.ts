import type { Command } from "commander";
import { actualFields, actualFieldSpecs, valueKinds, type ActualField, type ActualValues } from "../../../shared/actual-fields.js";
import { readActuals, RecordedMonthsError, writeActuals, type DroppedMeasures } from "../../../store/actual-repository.js";
import { monthNumberOf } from "../../../store/calendar.js";
import { comparePlanWithActuals } from "../../../store/compare.js";
import { MAX_NOTE_LENGTH, parseActualValue } from "../../../store/validate-actual.js";
import { formatMoneyExact as formatMoney, moneyAddingUp, roundedApartWords } from "../../../format/numbers.js";
import { UserError, type CliOutput } from "../../io.js";
import { checkedTeam, requirePlan, storeAndTeamWords, storePath, withStore, withStoreOptions, type StoreOptions } from "./store-access.js";
import { teamWords } from "../../../store/planned-teams.js";
import { droppedText, recordedValueText, restoreHoursWarning } from "./format.js";
import { restoreHoursOutageCost, restoreHoursWithoutIncident, rulesInForce } from "../../../engine/index.js";

/** upkeepHours → --upkeep-hours */
export function optionNameOf(field: ActualField): string {
  return `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

type AddOptions = StoreOptions & { month?: string; note?: string; replace?: boolean } & Partial<Record<ActualField, string>>;

export function registerTrackAdd(track: Command, output: CliOutput): void {
  const command = withStoreOptions(
    track
      .command("add")
      .description("Record one month of actuals: hours by category, live projects, releases, incidents, cash, people, and the measures reported upward.")
      .requiredOption("--month <month>", "month number (1 = the plan's first month) or calendar month YYYY-MM"),
  );
  for (const field of actualFields) {
    const spec = actualFieldSpecs[field];
    const kind = valueKinds[spec.kind];
    command.option(`${optionNameOf(field)} <${spec.kind}>`, `${spec.description.replace(/\.$/, "")} (${kind.allowed})`);
  }
  command
    .option("--note <text>", "what happened this month, in words")
    .option("--replace", "overwrite the month if it is already recorded (the whole month is replaced)")
    .addHelpText(
      "after",
      `
A measure left out is not recorded: the plan's value for that month stands in for it.

Examples:
  $ mlops-roi track add --case case.yaml --month 3 --upkeep-hours 24 --live-projects 1 --licences 300
  $ mlops-roi track add --db case.db --month 2025-04 --releases 1 --incidents 2 --hours-to-restore 5 --note "first model live"`,
    )
    .action(async (options: AddOptions) => {
      const team = checkedTeam(options.team);
      const path = storePath(options);
      const values: ActualValues = {};
      const problems: string[] = [];
      for (const field of actualFields) {
        const text = options[field];
        if (text === undefined) continue;
        const parsed = parseActualValue(field, text, { option: true });
        if ("message" in parsed) problems.push(`${optionNameOf(field)}: ${parsed.message}`);
        else values[field] = parsed.value;
      }
      if (options.note !== undefined && options.note.length > MAX_NOTE_LENGTH)
        problems.push(`--note is ${options.note.length} characters long; allowed: at most ${MAX_NOTE_LENGTH}`);
      if (problems.length > 0) throw new UserError(`${problems.join("\n")}\nnothing was recorded`);
      if (Object.keys(values).length === 0) {
        throw new UserError(`nothing to record for month ${options.month}; give at least one measure, e.g. --upkeep-hours 24 (see mlops-roi track add --help)`);
      }
      await withStore(path, {}, (store) => {
        const plan = requirePlan(store, team, path);
        const month = monthNumberOf(options.month!, plan);
        if ("message" in month) throw new UserError(`--month: ${month.message}`);
        let dropped: DroppedMeasures[] = [];
        let replaced = 0;
        try {
          ({ dropped, replaced } = writeActuals(
            store,
            [{ team, month: month.month, values, ...(options.note ? { note: options.note } : {}), source: "track add" }],
            { replace: options.replace ?? false },
          ));
        } catch (error) {
          if (error instanceof RecordedMonthsError) {
            throw new UserError(
              `month ${month.month} of ${teamWords(team)} is already recorded (by ${error.conflicts[0]!.storedSource}); use --replace to overwrite it; nothing was recorded`,
            );
          }
          throw error;
        }
        const comparison = comparePlanWithActuals(plan, readActuals(store, team));
        const compared = comparison.months[month.month - 1]!;
        const money = (value: number) => formatMoney(value, plan.currency);
        // Month 1's external spend holds what was paid before it: against the plan's month 1 and its
        // up-front cash together, not against month 1 alone (a plan followed to the unit read €2,000 short).
        const upFront = month.month === 1 ? comparison.timeZero.planned - comparison.timeZero.actual : 0;
        const actual = compared.actual!.benefit;
        let benefitWords = money(actual);
        let planWords = `plan ${money(compared.planned.benefit)}`;
        if (upFront !== 0) {
          // The plan and its two parts must add up as written (moneyAddingUp, as track show writes
          // them): to the unit when they do, else all of the sentence's figures, the benefit recorded
          // too, to the cent (to the unit -€3,600 and -€2,000 beside a plan of -€5,601, or a plan of
          // -€5,600 beside a month recorded exactly as planned reading -€5,601).
          const adding = moneyAddingUp([compared.planned.benefit, upFront], plan.currency);
          benefitWords = adding.write(actual);
          planWords = `up-front cash included; plan ${adding.total}: ${adding.parts[0]} in the month and ${adding.parts[1]} up front${adding.roundedApart ? `, ${roundedApartWords(plan.currency, "the plan")}` : ""}`;
        }
        if (restoreHoursWithoutIncident(values)) {
          const given = `--hours-to-restore ${options.hoursToRestore} with --incidents ${options.incidents}`;
          output.stderr(
            `warning: ${restoreHoursWarning(given, "--incidents N", [
              {
                cost: restoreHoursOutageCost(values.hoursToRestore!, rulesInForce(plan.rules, month.month)),
                outageCostPerHour: rulesInForce(plan.rules, month.month).outageCostPerHour,
                currency: plan.currency,
              },
            ])}\n`,
          );
        }
        const recorded = Object.entries(values)
          .map(([field, value]) => `${field} ${recordedValueText(field as ActualField, value, plan.currency)}`)
          .join(", ");
        output.stdout(
          `recorded month ${month.month}${compared.calendarMonth ? ` (${compared.calendarMonth})` : ""} for ${teamWords(team)}: ${recorded}\n` +
            droppedText(dropped) +
            // --replace allows overwriting a recorded month; a month with no record is recorded all the same, and said to be new.
            (options.replace && replaced === 0 ? `  nothing to replace: month ${month.month} had no record, so it is recorded as a new month\n` : "") +
            `  benefit this month ${benefitWords} (${planWords}); see \`mlops-roi track show ${storeAndTeamWords(path, team)}\`\n`,
        );
      });
    });
}

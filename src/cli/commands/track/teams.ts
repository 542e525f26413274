import type { Command } from "commander";
import { countActuals } from "../../../store/actual-repository.js";
import { currentPlan, plannedTeams } from "../../../store/plan-repository.js";
import { renderTable } from "../../format/table.js";
import type { CliOutput } from "../../io.js";
import { toJson } from "../../json.js";
import { storePath, withStore, type StoreOptions } from "./store-access.js";

export function registerTrackTeams(track: Command, output: CliOutput): void {
  track
    .command("teams")
    .description("List the teams in a store: each one's plan and how many months are recorded.")
    .option("--db <path>", "the store (SQLite file)")
    .option("--case <file>", "the case file; its store is the file next to it with .db")
    .option("--json", "print the list as JSON")
    .addHelpText("after", "\nExample:\n  $ mlops-roi track teams --db portfolio.db")
    .action(async (options: Omit<StoreOptions, "team"> & { json?: boolean }) => {
      const path = storePath({ ...options, team: "default" });
      await withStore(path, {}, (store) => {
        const counts = countActuals(store);
        const teams = plannedTeams(store).map((team) => {
          const plan = currentPlan(store, team)!;
          return {
            team,
            scenario: plan.scenario,
            fileName: plan.fileName,
            frozenAt: plan.frozenAt,
            horizonMonths: plan.horizonMonths,
            monthsRecorded: counts[team] ?? 0,
          };
        });
        if (options.json) {
          output.stdout(toJson(teams));
          return;
        }
        if (teams.length === 0) {
          output.stdout(`${path}: no team has a plan yet\n`);
          return;
        }
        const rows = teams.map((entry) => [
          entry.team,
          `${entry.scenario} (${entry.fileName})`,
          entry.frozenAt.slice(0, 10),
          `${entry.monthsRecorded} of ${entry.horizonMonths}`,
        ]);
        output.stdout(`${renderTable(["Team", "Plan", "Frozen", "Months recorded"], rows)}\n`);
      });
    });
}

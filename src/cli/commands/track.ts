import type { Command } from "commander";
import type { CliOutput } from "../io.js";
import { registerTrackAdd } from "./track/add.js";
import { registerTrackBackup } from "./track/backup.js";
import { registerTrackImport } from "./track/import.js";
import { registerTrackPlan } from "./track/plan.js";
import { registerTrackShow } from "./track/show.js";
import { registerTrackTeams } from "./track/teams.js";

export function registerTrack(program: Command, output: CliOutput): void {
  const track = program
    .command("track")
    .description("Plan versus actual: freeze the approved plan, record what really happened, and see whether it paid.")
    .addHelpText(
      "after",
      `
Examples:
  $ mlops-roi track plan case.yaml --scenario compromise --start 2025-01
  $ mlops-roi track add --case case.yaml --month 2025-02 --upkeep-hours 24 --live-projects 1
  $ mlops-roi track import actuals.csv --case case.yaml
  $ mlops-roi track show --case case.yaml
  $ mlops-roi track forecast --case case.yaml
  $ mlops-roi track teams --db portfolio.db
  $ mlops-roi track backup --case case.yaml --to case-backup.db`,
    );
  // The version frozen with each plan: the one the program was built with.
  registerTrackPlan(track, output, program.version() ?? "unknown");
  registerTrackAdd(track, output);
  registerTrackImport(track, output);
  registerTrackShow(track, output);
  registerTrackTeams(track, output);
  registerTrackBackup(track, output);
}

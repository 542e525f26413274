import type { Command } from "commander";
import { readActuals } from "../../../store/actual-repository.js";
import { calibrationMethod, learningMethod } from "../../../engine/index.js";
import { forecastMethod } from "../../../store/forecast.js";
import { planVersusActual } from "../../../store/plan-versus-actual.js";
import { UserError, type CliOutput } from "../../io.js";
import { toJson } from "../../json.js";
import { renderForecast, renderPlanVersusActual } from "./format.js";
import { checkedTeam, requirePlan, storePath, withStore, withStoreOptions, type StoreOptions } from "./store-access.js";
import { teamWords } from "../../../store/planned-teams.js";

interface ShowOptions extends StoreOptions {
  json?: boolean;
}

/** Opens the store, finds the team's plan and compares it with the actuals: what show and forecast both need. */
async function withPlanView(
  options: StoreOptions,
  use: (view: ReturnType<typeof planVersusActual>, plan: ReturnType<typeof requirePlan>, team: string) => void,
): Promise<void> {
  const team = checkedTeam(options.team);
  const path = storePath(options);
  await withStore(path, {}, (store) => {
    const plan = requirePlan(store, team, path);
    use(planVersusActual(plan, readActuals(store, team)), plan, team);
  });
}

export function registerTrackShow(track: Command, output: CliOutput): void {
  withStoreOptions(
    track
      .command("show")
      .description("Print plan versus actual month by month: hours, live projects, cash, benefit, and payback then and now.")
      .option("--json", "print the comparison as JSON"),
  )
    .addHelpText(
      "after",
      `
With ranges in the plan, show also gives the forecast that learns (the NPV range and chance of paying back, then and now; see
\`track forecast --help\`) and the calibration of the plan's ranges: ${calibrationMethod}

Examples:
  $ mlops-roi track show --case case.yaml
  $ mlops-roi track show --db portfolio.db --team forecasting --json > plan-vs-actual.json`,
    )
    .action(async (options: ShowOptions) => {
      await withPlanView(options, (view) => {
        if (options.json) {
          const { actualRows: _rows, actualMonthlyBenefit: _benefit, ...comparison } = view.comparison;
          output.stdout(toJson({ ...view, comparison }));
        } else {
          output.stdout(renderPlanVersusActual(view));
        }
      });
    });

  withStoreOptions(
    track
      .command("forecast")
      .description("Re-forecast the rest of the horizon from the actuals so far: the updated payback month and net present value.")
      .option("--json", "print the forecast as JSON"),
  )
    .addHelpText(
      "after",
      `
How: ${forecastMethod}

With ranges in the plan, the forecast also learns: ${learningMethod}

Examples:
  $ mlops-roi track forecast --case case.yaml
  $ mlops-roi track forecast --db case.db --json`,
    )
    .action(async (options: ShowOptions) => {
      await withPlanView(options, (view, plan, team) => {
        if (!view.forecast) throw new UserError(`cannot re-forecast ${teamWords(team)}: ${view.forecastProblem}`);
        if (options.json) {
          const learning = view.learning ? { learning: view.learning } : view.learningProblem ? { learningProblem: view.learningProblem } : {};
          output.stdout(toJson({ team, scenario: plan.scenario, method: forecastMethod, ...view.forecast, ...learning }));
        } else output.stdout(renderForecast(view, view.forecast, forecastMethod));
      });
    });
}

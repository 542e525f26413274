import { validateScenarioText } from "../../engine/index.js";
import { actualFields, type ActualField } from "../../shared/actual-fields.js";
import type { StoreDatabase } from "../database.js";
import { sha256Hex } from "../fingerprint.js";
import { freezePlan } from "../freeze-plan.js";
import { savePlan } from "../plan-repository.js";
import type { FrozenPlan } from "../plan.js";

/**
 * A case over `months` months, modelled on the seed's sheet: one alternative that cuts upkeep,
 * paid by a monthly licence, with setup hours spread over three months.
 */
export function caseText(months = 120): string {
  const releases = Array.from({ length: Math.floor(months / 3) }, (_, index) => 4 + index * 3).filter((month) => month <= months);
  return `title: Test case over ${months} months
currency: EUR
horizonMonths: ${months}
discountRate: 0.08
baseline: current
defaults:
  team:
    people: 2
    hoursPerMonth: 120
    hourlyCost: 60
  projects:
    upkeepHoursPerMonth: 6
    valuePerMonth: 2500
  releases:
    mode: schedule
    months: [${releases.join(", ")}]
    newWorkThresholdHours: 40
  tooling:
    licences:
      flatPerYear: 1200
scenarios:
  current:
    label: Today
  better:
    label: Better tooling
    projects:
      upkeepHoursPerMonth: 2
    tooling:
      licences:
        perUserPerMonth: 100
    change:
      setupHours: 90
      setupMonths: 3
      external:
        consultants: 2000
`;
}

/** Freezes the case's "better" scenario as the plan of one team. */
export function planFor(team: string, text = caseText(), options: { startMonth?: string } | string = {}): FrozenPlan {
  const scenario = typeof options === "string" ? options : "better";
  if (typeof options === "string") options = {};
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => issue.message).join("\n"));
  const frozen = freezePlan({
    compiled: validation.compiled,
    text,
    fileName: "case.yaml",
    sha256: sha256Hex(text),
    scenario,
    team,
    ...(options.startMonth ? { startMonth: options.startMonth } : {}),
    frozenAt: "2025-01-01T00:00:00.000Z",
    toolVersion: "test",
  });
  if ("message" in frozen) throw new Error(frozen.message);
  return frozen.plan;
}

export function teamName(index: number): string {
  return `team-${String(index + 1).padStart(2, "0")}`;
}

/** Freezes one plan per team (all from the same case). */
export function freezeTeams(store: StoreDatabase, teams: number, months = 120): void {
  const text = caseText(months);
  const template = planFor(teamName(0), text);
  for (let index = 0; index < teams; index++) savePlan(store, { ...template, team: teamName(index) }, { replace: false });
}

/** A deterministic value for a field, team and month (no randomness: reruns give the same file). */
function fieldValue(field: ActualField, team: number, month: number): number {
  const seed = (team * 31 + month * 17 + field.length * 7) % 23;
  switch (field) {
    case "satisfactionScore":
      return 1 + (seed % 5);
    case "liveProjects":
      return Math.floor(month / 3);
    case "releases":
    case "incidents":
    case "peopleJoined":
    case "peopleLeft":
    case "deployments":
    case "activeUsersPerWeek":
      return seed % 4;
    default:
      return seed + 0.5;
  }
}

/**
 * A CSV of actuals with a team column: every month of every team, every measure filled in.
 * @example portfolioCsv(2, 12).split("\n").length // 26 (header, 24 rows, final newline)
 */
export function portfolioCsv(teams: number, months: number): string {
  const lines = [["team", "month", ...actualFields, "note"].join(",")];
  for (let team = 0; team < teams; team++) {
    for (let month = 1; month <= months; month++) {
      lines.push(
        [
          teamName(team),
          String(month),
          ...actualFields.map((field) => String(fieldValue(field, team, month))),
          month === 1 ? '"first month, after kick-off"' : "",
        ].join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

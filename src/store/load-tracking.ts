import { existsSync } from "node:fs";
import { readActuals } from "./actual-repository.js";
import { openStore, StoreError } from "./database.js";
import { sha256Hex } from "./fingerprint.js";
import { currentPlan, plannedTeams } from "./plan-repository.js";
import type { StoredPlan } from "./plan.js";
import { planVersusActual } from "./plan-versus-actual.js";
import { freezePlanWords, quotedTeam, teamsWithAPlanWords, teamWords } from "./planned-teams.js";
import type { CaseTracking } from "../shared/tracking-types.js";

/** Defined with the other plan-versus-actual types, which the views read without the store. */
export type { CaseTracking };

function chooseTeam(teams: readonly string[], plans: (team: string) => StoredPlan | undefined, fingerprint: string, storePath: string): string {
  const matching = teams.filter((team) => plans(team)?.sha256 === fingerprint);
  if (matching.length === 1) return matching[0]!;
  if (teams.includes("default")) return "default";
  if (teams.length === 1) return teams[0]!;
  throw new StoreError(`${storePath} holds plans for ${teams.length} teams (${teams.map(quotedTeam).join(", ")}); say which one with --team`);
}

/**
 * Reads plan versus actual for a case when its store exists; undefined when there is no store or
 * no plan in it (the views then simply leave the section out). Without a team, the plan frozen
 * from this very case file is chosen, else the default team's, else the only one.
 * @example loadCaseTracking(text, "case.db")?.view.forecast?.paybackMonth.now
 */
export function loadCaseTracking(caseText: string, storePath: string, team?: string): CaseTracking | undefined {
  if (!existsSync(storePath)) return undefined;
  const store = openStore(storePath);
  try {
    const teams = plannedTeams(store);
    if (team !== undefined && !teams.includes(team)) {
      throw new StoreError(`${storePath}: ${teamWords(team)} has no plan${teamsWithAPlanWords(team, teams)}${freezePlanWords(team, teams)}`);
    }
    if (teams.length === 0) return undefined;
    const fingerprint = sha256Hex(caseText);
    const chosen = team ?? chooseTeam(teams, (name) => currentPlan(store, name), fingerprint, storePath);
    const plan = currentPlan(store, chosen)!;
    return { storePath, plan, view: planVersusActual(plan, readActuals(store, chosen)), caseChanged: plan.sha256 !== fingerprint };
  } finally {
    store.close();
  }
}

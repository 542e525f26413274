import type { Command } from "commander";
import { existsSync } from "node:fs";
import { StoreError, openStore, readOnlyMessage, removeUnfilledStore, storePathFor, type StoreDatabase } from "../../../store/database.js";
import { currentPlan, plannedTeams } from "../../../store/plan-repository.js";
import { DEFAULT_TEAM, freezePlanWords, teamsWithAPlanWords, teamWords } from "../../../store/planned-teams.js";
import type { StoredPlan } from "../../../store/plan.js";
import { checkTeamName } from "../../../store/validate-actual.js";
import { UserError } from "../../io.js";
import { shellPath, shellWord } from "../../../format/shell-word.js";

/** The options every `track` command shares. */
export interface StoreOptions {
  db?: string;
  case?: string;
  team: string;
}

export { DEFAULT_TEAM };

/**
 * The options a printed `track` command needs to reach a store and team, pasteable as they are: the
 * store, and the team unless it is the default one (else the command would read or write team default).
 * @example storeAndTeamWords("team.db", "platform team") // "--db team.db --team 'platform team'"
 */
export function storeAndTeamWords(path: string, team: string): string {
  return `--db ${shellPath(path)}${team === DEFAULT_TEAM ? "" : ` --team ${shellWord(team)}`}`;
}

/** Adds --db, --case and --team to a track command. */
export function withStoreOptions(command: Command): Command {
  return command
    .option("--db <path>", "the store (SQLite file)")
    .option("--case <file>", "the case file; its store is the file next to it with .db (case.yaml → case.db)")
    .option("--team <name>", "the team whose plan and actuals these are", DEFAULT_TEAM);
}

/**
 * Where the store is: --db, else next to --case (or the given case file).
 * @example storePath({ case: "case.yaml", team: "default" }) // "case.db"
 */
export function storePath(options: StoreOptions, caseFile?: string): string {
  if (options.db) return options.db;
  const file = caseFile ?? options.case;
  if (file) {
    const store = storePathFor(file);
    // A mistyped case file: said of the file typed, not only of the store named after it.
    if (!existsSync(file) && !existsSync(store))
      throw new UserError(
        `${file}: no such file, and no store ${store} beside where it would be; give the case file the plan was frozen from, or the store with --db PATH`,
      );
    return store;
  }
  throw new UserError("which store? give --case CASE.yaml (uses CASE.db next to it) or --db PATH", 2);
}

export function checkedTeam(team: string): string {
  const problem = checkTeamName(team);
  if (problem) throw new UserError(`--team: ${problem}`, 2);
  return team;
}

/**
 * Runs a command's work on an open store and closes it afterwards; a store problem becomes a
 * user's error (message, exit 1), never a stack trace. A store the command created (`create`) and
 * whose work failed is removed, so that "nothing was written" holds (removeUnfilledStore).
 */
export async function withStore<T>(path: string, options: { create?: boolean }, work: (store: StoreDatabase) => T | Promise<T>): Promise<T> {
  let store: StoreDatabase | undefined;
  const creating = options.create === true && !existsSync(path);
  try {
    store = openStore(path, options);
    return await work(store);
  } catch (error) {
    store?.close();
    store = undefined;
    if (creating) removeUnfilledStore(path);
    if (error instanceof StoreError) throw new UserError(error.message);
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_BUSY") throw new UserError(`${path} is busy: another process kept it locked too long; try again`);
    if (code?.startsWith("SQLITE_READONLY") || code === "SQLITE_CANTOPEN") throw new UserError(readOnlyMessage(path, code));
    if (code === "SQLITE_FULL") throw new UserError(`${path}: the disk is full; nothing was written`);
    throw error;
  } finally {
    store?.close();
  }
}

/**
 * The team's current plan, or a clear error naming the teams that have one, and the closest, as
 * `track import` names them.
 */
export function requirePlan(store: StoreDatabase, team: string, path: string): StoredPlan {
  const plan = currentPlan(store, team);
  if (plan) return plan;
  const teams = plannedTeams(store);
  const others = teamsWithAPlanWords(team, teams, "choose one with --team");
  // A close name with a plan is most likely what was meant: freezing the name as given comes second, for a new team.
  throw new UserError(`${path}: ${teamWords(team)} has no plan${others}${freezePlanWords(team, teams)}`);
}

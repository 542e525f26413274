import { copyFileSync } from "node:fs";
import { openStore } from "../database.js";
import { plannedTeams, savePlan } from "../plan-repository.js";
import { caseText, planFor } from "./portfolio.js";

/** Freezes a plan for `team` in the store at `path`, opening and closing it as a command does. */
export function freeze(path: string, team: string): void {
  const store = openStore(path, { create: true });
  try {
    savePlan(store, planFor(team, caseText(12)), { replace: false });
  } finally {
    store.close();
  }
}

/**
 * The store at `path` as a process that froze a plan for `team` and stopped before closing it leaves
 * it, copied to `crashed`: the file without the write, and beside it the log that holds it.
 */
export function stoppedWhileFreezing(path: string, team: string, crashed: string): void {
  const store = openStore(path);
  try {
    savePlan(store, planFor(team, caseText(12)), { replace: false });
    for (const suffix of ["", "-wal", "-shm"]) copyFileSync(`${path}${suffix}`, `${crashed}${suffix}`);
  } finally {
    store.close();
  }
}

/** The teams with a plan in the store at `path`. */
export function teamsIn(path: string): string[] {
  const store = openStore(path);
  try {
    return plannedTeams(store);
  } finally {
    store.close();
  }
}

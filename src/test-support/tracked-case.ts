import { join } from "node:path";
import { writeActuals } from "../store/actual-repository.js";
import { openStore } from "../store/database.js";
import { savePlan } from "../store/plan-repository.js";
import { planFor } from "../store/test-support/portfolio.js";

/**
 * Tracked cases for the tests of the views (the report may not import the store itself): a case
 * frozen as a plan in a store, with months of actuals, read back as the views receive it.
 */
export { loadCaseTracking } from "../store/load-tracking.js";
export { caseText, planFor } from "../store/test-support/portfolio.js";

/** A store (case.db in `folder`) with the plan frozen from `text` for team "default" from January 2025, and the months of actuals given. */
export function storeWithPlan(
  folder: string,
  text: string,
  actuals: readonly { month: number; liveProjects?: number; externalSpend?: number }[],
  team = "default",
): string {
  const path = join(folder, "case.db");
  const store = openStore(path, { create: true });
  try {
    savePlan(store, planFor(team, text, { startMonth: "2025-01" }), { replace: false });
    writeActuals(
      store,
      actuals.map(({ month, ...values }) => ({ team, month, values })),
      { replace: false },
    );
  } finally {
    store.close();
  }
  return path;
}

import { existsSync } from "node:fs";
import type { CaseResult } from "../../../engine/index.js";
import type { PlanVersusActualReport } from "../../../report/sections/plan-versus-actual.js";
import { storePathFor } from "../../../store/store-path.js";
import { UserError } from "../../io.js";

/**
 * Plan versus actual for the report of a case: from --db, or from the store next to the case file
 * when there is one. Undefined (no section) when there is no store or no plan in it.
 * @example await planVersusActualForReport("case.yaml", text, {}, result) // reads case.db if it exists
 */
export async function planVersusActualForReport(
  caseFile: string,
  caseText: string,
  options: { db?: string; team?: string },
  result?: CaseResult,
): Promise<PlanVersusActualReport | undefined> {
  const path = options.db ?? storePathFor(caseFile);
  if (!existsSync(path)) {
    if (options.db !== undefined) throw new UserError(`--db ${path}: no store here (freeze a plan first with \`mlops-roi track plan ${caseFile}\`)`);
    // No store next to the case: the store (and SQLite) is not loaded at all.
    return undefined;
  }
  const [{ preparePlanVersusActual }, { StoreError }, { loadCaseTracking }] = await Promise.all([
    import("../../../report/sections/plan-versus-actual.js"),
    import("../../../store/database.js"),
    import("../../../store/load-tracking.js"),
  ]);
  try {
    const tracking = loadCaseTracking(caseText, path, options.team);
    return tracking ? await preparePlanVersusActual(tracking, result) : undefined;
  } catch (error) {
    if (error instanceof StoreError) throw new UserError(error.message);
    throw error;
  }
}

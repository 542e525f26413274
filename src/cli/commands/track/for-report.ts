import { existsSync } from "node:fs";
import type { CaseResult } from "../../../engine/index.js";
import { preparePlanVersusActual, type PlanVersusActualReport } from "../../../report/sections/plan-versus-actual.js";
import { storePathFor, StoreError } from "../../../store/database.js";
import { loadCaseTracking } from "../../../store/load-tracking.js";
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
  if (options.db !== undefined && !existsSync(path))
    throw new UserError(`--db ${path}: no store here (freeze a plan first with \`mlops-roi track plan ${caseFile}\`)`);
  try {
    const tracking = loadCaseTracking(caseText, path, options.team);
    return tracking ? await preparePlanVersusActual(tracking, result) : undefined;
  } catch (error) {
    if (error instanceof StoreError) throw new UserError(error.message);
    throw error;
  }
}

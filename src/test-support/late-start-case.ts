import { readFileSync } from "node:fs";
import { withEdit } from "./text-edits.js";

/**
 * examples/seed.yaml with "What will be approved" starting its change in month 6, with €700 of
 * consultants: the cash is paid at the end of month 5, not up front (`investment.cashMonth` 5,
 * `summary.initialInvestment` 0).
 */
export const LATE_START_CASE = withEdit(
  readFileSync(new URL("../../examples/seed.yaml", import.meta.url), "utf8"),
  "    label: What will be approved\n",
  "    label: What will be approved\n    change: { startMonth: 6, external: { consultants: 700 } }\n",
);

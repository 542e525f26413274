import { readFileSync } from "node:fs";
import { withEdit } from "./text-edits.js";

const TEAM = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8");
/** examples/team.yaml's value of a live model, its note included (the note speaks of the example's own figures). */
const TEAM_VALUE = /valuePerMonth: \{ low: 1500, high: 4000, note: "[^"]*" \}/.exec(TEAM)?.[0];

/**
 * examples/team.yaml with each live model worth 15,000 to 30,000 a month: “A managed platform” gains
 * €343,320 over the last 12 months, more than today's whole payroll over them (€337,939), and
 * “Four capabilities first” €314,750, more than half of it only.
 */
export const ABOVE_PAYROLL_CASE = withEdit(TEAM, TEAM_VALUE ?? "valuePerMonth: { low: 1500, high: 4000, … }", "valuePerMonth: { low: 15000, high: 30000 }");

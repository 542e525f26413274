import { readFileSync } from "node:fs";

/**
 * examples/team.yaml with each live model worth 15,000 to 30,000 a month: “A managed platform” gains
 * €343,320 over the last 12 months, more than today's whole payroll over them (€337,939), and
 * “Four capabilities first” €314,750, more than half of it only.
 */
export const ABOVE_PAYROLL_CASE = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8").replace(
  /valuePerMonth: \{ low: 1500, high: 4000, note: "[^"]*" \}/,
  "valuePerMonth: { low: 15000, high: 30000 }",
);

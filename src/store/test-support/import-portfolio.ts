import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countActuals } from "../actual-repository.js";
import { openStore } from "../database.js";
import { importActualsCsv } from "../import-actuals.js";
import { freezeTeams, portfolioCsv } from "./portfolio.js";

/** The store benchmark's workload, here so that both the benchmark and the store's tests can run it. */
export interface PortfolioImport {
  teams: number;
  rows: number;
  /** Months recorded per team after the import. */
  monthsPerTeam: Record<string, number>;
  /** Time to read, check and write the CSV (plans frozen beforehand are not counted). */
  milliseconds: number;
}

/**
 * Freezes one plan per team in a new store, then imports `years` of monthly actuals for every team
 * from one CSV, timing the import alone.
 * @example importPortfolio(50, 10).rows // 6000
 */
export function importPortfolio(teams = 50, years = 10): PortfolioImport {
  const directory = mkdtempSync(join(tmpdir(), "mlops-roi-bench-"));
  try {
    const store = openStore(join(directory, "portfolio.db"), { create: true });
    try {
      freezeTeams(store, teams, years * 12);
      const bytes = new TextEncoder().encode(portfolioCsv(teams, years * 12));
      const start = performance.now();
      const outcome = importActualsCsv(store, bytes, { fileName: "portfolio.csv", team: "default" });
      const milliseconds = performance.now() - start;
      if (outcome.status === "refused") throw new Error(`import refused: ${JSON.stringify(outcome.issues.slice(0, 3))}`);
      const monthsPerTeam = countActuals(store);
      return { teams: outcome.teams.length, rows: outcome.months, monthsPerTeam, milliseconds };
    } finally {
      store.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

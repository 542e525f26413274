// Importing 10 years of monthly actuals for 50 teams (6,000 rows) into a fresh SQLite store.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { countActuals } from "../src/store/actual-repository.js";
import { openStore } from "../src/store/database.js";
import { importActualsCsv } from "../src/store/import-actuals.js";
import { freezeTeams, portfolioCsv } from "../src/store/test-support/portfolio.js";

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

/** Prints the median import time over a few fresh stores. */
export function benchStore(repetitions = 5): void {
  const times: number[] = [];
  let rows = 0;
  for (let index = 0; index < repetitions; index++) {
    const result = importPortfolio();
    rows = result.rows;
    times.push(result.milliseconds);
  }
  times.sort((a, b) => a - b);
  console.log(`store: import ${rows.toLocaleString("en-US")} monthly rows (50 teams × 10 years) from CSV into SQLite, one transaction`);
  console.log(`  median ${times[times.length >> 1]!.toFixed(0)} ms over ${repetitions} fresh stores (target: a few seconds)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchStore();

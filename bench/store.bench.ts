// Importing 10 years of monthly actuals for 50 teams (6,000 rows) into a fresh SQLite store.
import { pathToFileURL } from "node:url";
import { importPortfolio } from "../src/store/test-support/import-portfolio.js";

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

// Importing actuals into a SQLite store. Two workloads: 10 years of monthly actuals for 50 teams
// (6,000 rows) timed in this process, and 100,000 rows (500 teams × 200 months, every measure
// filled in) timed both in this process and as the whole `track import` command a user runs.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { countActuals } from "../src/store/actual-repository.js";
import { openStore } from "../src/store/database.js";
import { importActualsCsv } from "../src/store/import-actuals.js";
import { importPortfolio } from "../src/store/test-support/import-portfolio.js";
import { freezeTeams, portfolioCsv } from "../src/store/test-support/portfolio.js";
import { median } from "./anchor.js";
import { meterModule } from "./commands.bench.js";
import { projectRoot } from "./paths.js";

const LARGE_TEAMS = 500;
const LARGE_MONTHS = 200;

/** Prints the median import times: 6,000 rows in this process, then 100,000 rows in this process and as a whole command. */
export function benchStore(repetitions = 5): void {
  const times: number[] = [];
  let rows = 0;
  for (let index = 0; index < repetitions; index++) {
    const result = importPortfolio();
    rows = result.rows;
    times.push(result.milliseconds);
  }
  console.log(`store: import ${rows.toLocaleString("en-US")} monthly rows (50 teams × 10 years) from CSV into SQLite, one transaction`);
  console.log(`  median ${median(times).toFixed(0)} ms over ${repetitions} fresh stores (target: a few seconds)`);
  benchLargeImport(repetitions);
}

/**
 * 100,000 rows: a store holding one frozen plan per team (made once, copied fresh for every run),
 * and one CSV with a team column. In this process: reading, checking and writing (opening the store
 * not counted). As a whole command: `node bin/mlops-roi.js track import FILE --db STORE`, start-up
 * included, CPU time (user + system, the process's own accounting) and peak memory.
 */
function benchLargeImport(repetitions: number): void {
  const folder = mkdtempSync(join(tmpdir(), "mlops-roi-bench-store-"));
  try {
    const template = join(folder, "template.db");
    const setUp = openStore(template, { create: true });
    try {
      freezeTeams(setUp, LARGE_TEAMS, LARGE_MONTHS);
    } finally {
      setUp.close();
    }
    const csv = join(folder, "actuals.csv");
    writeFileSync(csv, portfolioCsv(LARGE_TEAMS, LARGE_MONTHS));
    const bytes = readFileSync(csv);
    const rows = LARGE_TEAMS * LARGE_MONTHS;
    const fresh = (index: number) => {
      const path = join(folder, `store-${index}.db`);
      copyFileSync(template, path);
      return path;
    };
    const remove = (path: string) => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    };
    console.log(
      `store: import ${rows.toLocaleString("en-US")} monthly rows (${LARGE_TEAMS} teams × ${LARGE_MONTHS} months, ${(bytes.length / 1e6).toFixed(1)} MB of CSV)`,
    );

    const times: number[] = [];
    for (let index = 0; index <= repetitions; index++) {
      const path = fresh(index);
      const store = openStore(path);
      try {
        const start = performance.now();
        const outcome = importActualsCsv(store, bytes, { fileName: "actuals.csv", team: "default" });
        const milliseconds = performance.now() - start;
        if (outcome.status !== "imported" || outcome.months !== rows)
          throw new Error(`import did not write ${rows} rows: ${JSON.stringify(outcome).slice(0, 300)}`);
        const counts = countActuals(store);
        if (Object.keys(counts).length !== LARGE_TEAMS) throw new Error(`expected ${LARGE_TEAMS} teams in the store, found ${Object.keys(counts).length}`);
        if (index > 0) times.push(milliseconds);
      } finally {
        store.close();
        remove(path);
      }
    }
    console.log(`  in this process (read, check, write): median ${median(times).toFixed(0)} ms over ${times.length} fresh stores, after one untimed`);

    const cli = join(projectRoot, "bin", "mlops-roi.js");
    const meter = meterModule(folder);
    const usages: { cpu: number; peakMb: number; wall: number }[] = [];
    for (let index = 0; index <= repetitions; index++) {
      const path = fresh(index);
      const out = join(folder, "usage.json");
      rmSync(out, { force: true });
      const started = performance.now();
      const child = spawnSync(process.execPath, ["--require", meter, cli, "track", "import", csv, "--db", path], {
        encoding: "utf8",
        env: { ...process.env, MLOPS_ROI_BENCH_METER: out, CI: "true" },
      });
      const wall = performance.now() - started;
      remove(path);
      if (child.status !== 0 || !existsSync(out)) {
        console.log(`  whole command: could not run the built command line (${child.stderr.split("\n")[0]}); run \`npm run build\` first`);
        return;
      }
      if (!child.stdout.startsWith(`imported ${rows} months for ${LARGE_TEAMS} teams`)) throw new Error(`unexpected output: ${child.stdout.slice(0, 200)}`);
      if (index > 0) usages.push({ ...(JSON.parse(readFileSync(out, "utf8")) as { cpu: number; peakMb: number }), wall });
    }
    console.log(
      `  whole command \`track import\`, start-up included: CPU median ${median(usages.map((usage) => usage.cpu)).toFixed(2)} s, ` +
        `peak memory median ${median(usages.map((usage) => usage.peakMb)).toFixed(0)} MB, wall median ${(median(usages.map((usage) => usage.wall)) / 1000).toFixed(2)} s ` +
        `over ${usages.length} runs after one untimed (target ≤ 2 s)`,
    );
    console.log(`    CPU of each run: ${usages.map((usage) => usage.cpu.toFixed(2)).join(", ")} s`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchStore();

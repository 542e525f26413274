/**
 * A separate process that writes to a store, for the crash and concurrency tests:
 *   import <db> <csv> [crashAfterRows]  — imports a CSV; with crashAfterRows, says "mid-transaction"
 *                                         after that many rows and waits inside the transaction to be killed
 *   add <db> <team> <month,month,...>   — records each month in its own transaction, as `track add` does
 * Prints "ready", then waits for the file <db>.go before writing, so two children start together.
 */
import { existsSync, readFileSync, writeSync } from "node:fs";
import { writeActuals } from "../actual-repository.js";
import { openStore } from "../database.js";
import { importActualsCsv } from "../import-actuals.js";

const [mode, path, ...rest] = process.argv.slice(2);
if (!mode || !path) throw new Error("usage: store-child import|add DB ...");

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (milliseconds: number) => Atomics.wait(pause, 0, 0, milliseconds);

const store = openStore(path);
writeSync(1, "ready\n");
while (!existsSync(`${path}.go`)) sleep(5);

if (mode === "import") {
  const [csv, crashAfter] = rest;
  const crashAt = crashAfter === undefined ? undefined : Number(crashAfter);
  const outcome = importActualsCsv(store, readFileSync(csv!), {
    fileName: "portfolio.csv",
    team: "default",
    onRowWritten: (written) => {
      if (written !== crashAt) return;
      writeSync(1, "mid-transaction\n");
      // Block inside the open transaction until the parent kills this process.
      for (;;) sleep(60_000);
    },
  });
  writeSync(1, `${outcome.status}\n`);
} else if (mode === "add") {
  const [team, months] = rest;
  for (const month of months!.split(",").map(Number)) {
    writeActuals(store, [{ team: team!, month, values: { upkeepHours: month, liveProjects: 1 }, source: `child ${process.pid}` }], { replace: false });
  }
  writeSync(1, "done\n");
}
store.close();

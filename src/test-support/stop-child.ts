// The command line's executable (`main`, as bin/mlops-roi.js runs it) in a process of its own, from the
// sources (run with `node --import tsx`), which sends itself a signal at a chosen moment of a command,
// as a user pressing Ctrl-C then would: a test checks what it said, how it exited and what the folder holds.
//   node --import tsx stop-child.ts WHEN SIGNAL FILE -- COMMAND...
// WHEN: "during-monte-carlo" (as the samples' loop starts listening), "after-monte-carlo" (as it stops listening), "during-write" (after the rename
// that puts FILE in place), "during-backup" (once SQLite's backup has copied a page of the store).
import fs from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { main } from "../cli/main.js";

const [when, signal, file, separator, ...argv] = process.argv.slice(2) as [string, NodeJS.Signals, string, string, ...string[]];
if (separator !== "--") throw new Error("usage: stop-child.ts WHEN SIGNAL FILE -- COMMAND...");
let sent = false;
const stop = () => {
  if (sent) return;
  sent = true;
  process.kill(process.pid, signal);
};

if (when === "during-monte-carlo") {
  // The samples' loop listens for Ctrl-C after the command line's own stop: the second listener is the loop's.
  let listeners = 0;
  process.on("newListener", (event) => {
    if (event === "SIGINT" && ++listeners === 2) stop();
  });
} else if (when === "after-monte-carlo") {
  process.on("removeListener", (event) => {
    if (event === "SIGINT") stop();
  });
} else if (when === "during-write") {
  const rename = fs.renameSync;
  fs.renameSync = (from, to) => {
    rename(from, to);
    if (String(to).endsWith(file)) stop();
  };
  syncBuiltinESMExports();
} else if (when === "during-backup") {
  const Database = createRequire(import.meta.url)("better-sqlite3") as typeof import("better-sqlite3");
  const backup = Database.prototype.backup;
  Database.prototype.backup = function (this: InstanceType<typeof Database>, destination: string, options?: import("better-sqlite3").BackupOptions) {
    let steps = 0;
    // One page a step, so the copy takes several turns of the event loop; the signal comes after the first page.
    return backup.call(this, destination, {
      ...options,
      progress: () => {
        if (++steps === 2) stop();
        return 1;
      },
    });
  };
} else {
  throw new Error(`stop-child.ts: no such moment ${when}`);
}

main(argv).then((code) => process.exit(code));

import { copyFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "./database.js";
import { savePlan } from "./plan-repository.js";
import { caseText, planFor } from "./test-support/portfolio.js";
import { freeze, stoppedWhileFreezing, teamsIn } from "./test-support/stopped-stores.js";
import { temporaryFolders } from "./test-support/temporary.js";
import { readStoreHeader } from "./write-ahead-log.js";

const folder = temporaryFolders();

describe("two stores in one folder", () => {
  it("a log left beside one store is not replayed onto another store put in its place, even at the same number of writes", () => {
    const here = folder();
    const a = join(here, "a.db");
    const b = join(here, "b.db");
    freeze(a, "team-a");
    freeze(b, "team-b");
    const crashed = join(here, "crashed.db");
    stoppedWhileFreezing(a, "team-a2", crashed);
    // b.db copied over the store by mistake (or restored as if it were a backup of it): a's log stays beside it.
    copyFileSync(b, crashed);
    // The two stores each counted a making and a plan: the log continued a's count from where b's stood,
    // and SQLite replayed a's pages onto b without a word ("team-a", "team-a2": b's plan gone).
    expect(() => teamsIn(crashed)).toThrow(
      /crashed\.db-wal, the write-ahead log beside the store, was not written on this version of .*crashed\.db \(.*or another store\)/,
    );
    // Nothing was replayed: with the log moved away the store is b as it was.
    for (const suffix of ["-wal", "-shm"]) renameSync(`${crashed}${suffix}`, join(here, `moved${suffix}`));
    expect(teamsIn(crashed)).toEqual(["team-b"]);
  });

  it("starts each new store's count of writes apart, at random, and replays a new store's own log when it stopped right after it was made", () => {
    const here = folder();
    const counts = ["a.db", "b.db", "c.db"].map((name) => {
      const path = join(here, name);
      freeze(path, "team");
      return readStoreHeader(path)!.writes;
    });
    expect(new Set(counts).size).toBe(3);
    for (const count of counts) expect(count).toBeGreaterThan(1);
    // A store made and left with its first writes all in its log: its file counts none yet, and the log is its own.
    const made = join(here, "made.db");
    const store = openStore(made, { create: true });
    try {
      savePlan(store, planFor("team", caseText(12)), { replace: false });
      for (const suffix of ["", "-wal", "-shm"]) copyFileSync(`${made}${suffix}`, join(here, `stopped.db${suffix}`));
    } finally {
      store.close();
    }
    expect(readStoreHeader(join(here, "stopped.db"))?.writes).toBe(0);
    expect(teamsIn(join(here, "stopped.db"))).toEqual(["team"]);
  });

  it("does not replay another store's log onto a store just made, whose file counts no write yet", () => {
    const here = folder();
    const a = join(here, "a.db");
    freeze(a, "team-a");
    const crashed = join(here, "crashed.db");
    stoppedWhileFreezing(a, "team-a2", crashed);
    // A store just made, its making and plan still in its log: its file is one page and counts no write.
    const made = join(here, "made.db");
    const store = openStore(made, { create: true });
    try {
      savePlan(store, planFor("team-b", caseText(12)), { replace: false });
      copyFileSync(made, join(here, "empty.db"));
    } finally {
      store.close();
    }
    expect(readStoreHeader(join(here, "empty.db"))).toMatchObject({ writes: 0, pages: 1 });
    // That file copied over the store, beside a's log: a's last transaction alone was replayed onto an
    // empty file (the store then unreadable, "database disk image is malformed", or a's pages mixed in).
    copyFileSync(join(here, "empty.db"), crashed);
    expect(() => teamsIn(crashed)).toThrow(
      /crashed\.db-wal, the write-ahead log beside the store, was not written on this version of .*crashed\.db \(.*or another store\)/,
    );
    for (const suffix of ["-wal", "-shm"]) renameSync(`${crashed}${suffix}`, join(here, `moved${suffix}`));
    expect(readStoreHeader(crashed)).toMatchObject({ writes: 0, pages: 1 });
  });
});

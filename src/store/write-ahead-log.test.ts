import { copyFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeActuals } from "./actual-repository.js";
import { openStore } from "./database.js";
import { freeze, stoppedWhileFreezing, teamsIn } from "./test-support/stopped-stores.js";
import { temporaryFolders } from "./test-support/temporary.js";
import { logMismatch, readLogWrites, readStoreHeader } from "./write-ahead-log.js";

const folder = temporaryFolders();

describe("a write-ahead log beside a store", () => {
  it("is replayed when it belongs to the store: a process that stopped after writing loses nothing", () => {
    const here = folder();
    const path = join(here, "case.db");
    freeze(path, "team-01");
    freeze(path, "team-02");
    const crashed = join(here, "crashed.db");
    stoppedWhileFreezing(path, "team-03", crashed);
    expect(readdirSync(here).sort()).toEqual(["case.db", "crashed.db", "crashed.db-shm", "crashed.db-wal"]);
    expect(teamsIn(crashed)).toEqual(["team-01", "team-02", "team-03"]);
  });

  it("is refused when the store was restored with cp from an older copy, where SQLite mixed the log's pages into it without a word", () => {
    const here = folder();
    const path = join(here, "case.db");
    freeze(path, "team-01");
    const older = join(here, "older.db");
    copyFileSync(path, older);
    freeze(path, "team-02");
    const crashed = join(here, "crashed.db");
    stoppedWhileFreezing(path, "team-03", crashed);
    // The user puts the older copy back over the store; the log of the version it replaced stays beside it.
    copyFileSync(older, crashed);
    // The count starts at random (firstWriteCount): the older copy holds the making and a plan.
    const start = readStoreHeader(older)!.writes - 1;
    expect(() => openStore(crashed)).toThrow(
      `${crashed}-wal, the write-ahead log beside the store, was not written on this version of ${crashed} (it continues the store from its write ${start + 2}, and the store holds only ${start + 1} writes: the store is an older copy than the one the log was written on, or another store); SQLite would replay it onto the store, mixing two versions of it. If you restored ${crashed} from a copy, move ${crashed}-wal and ${crashed}-shm away (they hold the changes of the version you replaced) and run again; else put back the store they belong to; nothing was written`,
    );
    // Nothing was replayed: the restored copy is as it was, and with the log moved away it opens as restored.
    expect(readStoreHeader(crashed)?.writes).toBe(start + 1);
    for (const suffix of ["-wal", "-shm"]) renameSync(`${crashed}${suffix}`, join(here, `moved${suffix}`));
    expect(teamsIn(crashed)).toEqual(["team-01"]);
  });

  it("replays the log onto a copy that holds exactly the writes it continues, as docs/commands.md says (move the log away before putting a copy back)", () => {
    const here = folder();
    const path = join(here, "case.db");
    freeze(path, "team-01");
    const copy = join(here, "copy.db");
    copyFileSync(path, copy);
    const crashed = join(here, "crashed.db");
    stoppedWhileFreezing(path, "team-02", crashed);
    copyFileSync(copy, crashed);
    // The copy cannot be told from the file the log was written on: the stopped process's plan comes back.
    expect(teamsIn(crashed)).toEqual(["team-01", "team-02"]);
  });

  it("tells a log that ends before the store's writes, and one of another page size, from one that belongs", () => {
    expect(logMismatch({ pageSize: 4096, writes: 5 }, { pageSize: 4096, first: 4, last: 4 })).toContain(
      "the store is a newer copy than the one the log was written on, or another store",
    );
    expect(logMismatch({ pageSize: 4096, writes: 3 }, { pageSize: 1024, first: 4, last: 4 })).toBe("its pages are of 1024 bytes and the store's of 4096");
    for (const writes of [3, 4, 5]) expect(logMismatch({ pageSize: 4096, writes }, { pageSize: 4096, first: 4, last: 5 })).toBeUndefined();
    // A log from before writes were counted (every count 0) belongs to a store that counts none either.
    expect(logMismatch({ pageSize: 4096, writes: 0 }, { pageSize: 4096, first: 0, last: 0 })).toBeUndefined();
    expect(logMismatch({ pageSize: 4096, writes: 2 }, undefined)).toBeUndefined();
  });

  it("counts every write in the store's header: making the store, a plan, a month of actuals", () => {
    const path = join(folder(), "case.db");
    freeze(path, "team-01");
    // Making the store starts the count at random (firstWriteCount); the plan counts one more.
    const made = readStoreHeader(path)!.writes - 1;
    expect(made).toBeGreaterThanOrEqual(1);
    expect(made).toBeLessThanOrEqual(2 ** 30);
    const store = openStore(path);
    try {
      writeActuals(store, [{ team: "team-01", month: 1, values: { upkeepHours: 20 } }], { replace: false });
    } finally {
      store.close();
    }
    expect(readStoreHeader(path)?.writes).toBe(made + 2);
  });

  it("counts no write for a dry run of an import, which writes nothing (it committed a count, taking the write lock)", () => {
    const path = join(folder(), "case.db");
    freeze(path, "team-01");
    const writes = readStoreHeader(path)!.writes;
    const store = openStore(path);
    try {
      const outcome = writeActuals(store, [{ team: "team-01", month: 1, values: { upkeepHours: 20 } }], { replace: false, dryRun: true });
      expect(outcome.written).toBe(0);
      expect(store.pragma("user_version", { simple: true })).toBe(writes);
    } finally {
      store.close();
    }
    expect(readStoreHeader(path)?.writes).toBe(writes);
  });

  it("reads a log whose transaction copies page 1 in 200,000 frames, where reading it ran out of stack (RangeError)", () => {
    const path = join(folder(), "crafted.db-wal");
    writeFileSync(path, craftedLog(512, 200_000));
    expect(readLogWrites(path)).toEqual({ pageSize: 512, first: 0, last: 199_999, whole: true });
  });

  it("reads the write counts of a log's committed copies of page 1", () => {
    const here = folder();
    const path = join(here, "case.db");
    freeze(path, "team-01");
    const crashed = join(here, "crashed.db");
    stoppedWhileFreezing(path, "team-02", crashed);
    const writes = readStoreHeader(path)!.writes - 1;
    expect(readStoreHeader(crashed)).toMatchObject({ pageSize: 4096, writes });
    expect(readLogWrites(`${crashed}-wal`)).toEqual({ pageSize: 4096, first: writes + 1, last: writes + 1 });
  });
});

/**
 * A log of `frames` copies of page 1 (pages of `pageSize` bytes) in one transaction, committed by the
 * last, each counting one more write than the one before, with SQLite's salts and checksums (little-endian).
 */
function craftedLog(pageSize: number, frames: number): Buffer {
  const log = Buffer.alloc(32 + frames * (24 + pageSize));
  const sum = (start: number, end: number, [s0, s1]: [number, number]): [number, number] => {
    for (let at = start; at < end; at += 8) {
      s0 = (s0 + log.readUInt32LE(at) + s1) >>> 0;
      s1 = (s1 + log.readUInt32LE(at + 4) + s0) >>> 0;
    }
    return [s0, s1];
  };
  log.writeUInt32BE(0x377f0682, 0);
  log.writeUInt32BE(3_007_000, 4);
  log.writeUInt32BE(pageSize, 8);
  log.writeUInt32BE(1, 16);
  log.writeUInt32BE(2, 20);
  let sums = sum(0, 24, [0, 0]);
  log.writeUInt32BE(sums[0], 24);
  log.writeUInt32BE(sums[1], 28);
  for (let frame = 0; frame < frames; frame++) {
    const at = 32 + frame * (24 + pageSize);
    log.writeUInt32BE(1, at);
    log.writeUInt32BE(frame === frames - 1 ? 1 : 0, at + 4);
    log.writeUInt32BE(1, at + 8);
    log.writeUInt32BE(2, at + 12);
    log.writeUInt32BE(frame, at + 24 + 60);
    sums = sum(at, at + 8, sums);
    sums = sum(at + 24, at + 24 + pageSize, sums);
    log.writeUInt32BE(sums[0], at + 16);
    log.writeUInt32BE(sums[1], at + 20);
  }
  return log;
}

import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { anotherStore, backupStore } from "./backup.js";
import { openStore } from "./database.js";
import { savePlan } from "./plan-repository.js";
import { caseText, freezeTeams, planFor } from "./test-support/portfolio.js";
import { temporaryFolders } from "./test-support/temporary.js";

const folder = temporaryFolders();

function rowsOf(path: string): number {
  const copy = new Database(path, { readonly: true });
  try {
    return copy.prepare("SELECT count(*) FROM schema_migrations").pluck().get() as number;
  } finally {
    copy.close();
  }
}

/** Every row of every table of an SQLite file, as it reads when opened (its write-ahead log applied). */
function contentsOf(path: string): Record<string, string[]> {
  const database = new Database(path, { fileMustExist: true });
  try {
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((table) => [table, (database.prepare(`SELECT * FROM "${table}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort()]),
    );
  } finally {
    database.close();
  }
}

/**
 * Leaves beside `path` the write-ahead log (and its index) of a change not yet folded into the
 * file, as a process that stopped while it had the file open leaves them.
 */
function leaveLog(path: string, change: string): void {
  const here = `${path}.saved`;
  const database = new Database(path);
  database.pragma("journal_mode = WAL");
  database.pragma("wal_autocheckpoint = 0");
  database.exec(change);
  copyFileSync(`${path}-wal`, `${here}-wal`);
  copyFileSync(`${path}-shm`, `${here}-shm`);
  database.close();
  renameSync(`${here}-wal`, `${path}-wal`);
  renameSync(`${here}-shm`, `${path}-shm`);
}

describe("backupStore", () => {
  it("replaces an earlier backup that has a log left beside it: the new backup, opened, holds exactly the store's contents", async () => {
    const here = folder();
    const store = openStore(join(here, "case.db"), { create: true });
    const target = join(here, "backup.db");
    try {
      freezeTeams(store, 1, 12);
      await backupStore(store, target, { force: false });
      leaveLog(target, "DELETE FROM schema_migrations");
      expect(readdirSync(here).sort()).toEqual(["backup.db", "backup.db-shm", "backup.db-wal", "case.db", "case.db-shm", "case.db-wal"]);
      savePlan(store, planFor("team-02", caseText(12)), { replace: false });
      await backupStore(store, target, { force: true });
      expect(readdirSync(here).sort()).toEqual(["backup.db", "case.db", "case.db-shm", "case.db-wal"]);
      const expected = contentsOf(join(here, "case.db"));
      expect(expected.plans).toHaveLength(2);
      expect(contentsOf(target)).toEqual(expected);
    } finally {
      store.close();
    }
  });

  it("refuses a log left beside a backup no longer there, and one beside a backup another process has open", async () => {
    const here = folder();
    const store = openStore(join(here, "case.db"), { create: true });
    const target = join(here, "backup.db");
    try {
      await backupStore(store, target, { force: false });
      leaveLog(target, "DELETE FROM schema_migrations");
      renameSync(target, join(here, "moved.db"));
      await expect(backupStore(store, target, { force: true })).rejects.toThrow(
        `${target}-wal and ${target}-shm are left beside ${target} from an earlier file of that name, and SQLite would replay them onto the new backup, corrupting it; remove them (or move them away) and run again; nothing was written`,
      );
      expect(existsSync(target)).toBe(false);

      renameSync(join(here, "moved.db"), target);
      const reader = new Database(target);
      reader.prepare("SELECT count(*) FROM schema_migrations").get();
      try {
        await expect(backupStore(store, target, { force: true })).rejects.toThrow(
          `${target} is open in another process (which keeps backup.db-wal, backup.db-shm beside it); close it and run again; nothing was written`,
        );
      } finally {
        reader.close();
      }
    } finally {
      store.close();
    }
  });

  it("writes a new backup beside a lone -shm or an empty log left from an earlier file of that name (nothing to replay), where it was refused", async () => {
    const here = folder();
    const store = openStore(join(here, "case.db"), { create: true });
    try {
      freezeTeams(store, 1, 12);
      const expected = contentsOf(join(here, "case.db"));
      for (const [name, leftovers] of [
        ["shm.db", { "-shm": Buffer.alloc(32_768, 1) }],
        ["wal.db", { "-wal": "" }],
        ["both.db", { "-wal": "", "-shm": Buffer.alloc(32_768, 1) }],
        ["journal.db", { "-journal": "" }],
      ] as const) {
        const target = join(here, name);
        for (const [suffix, content] of Object.entries(leftovers)) writeFileSync(`${target}${suffix}`, content);
        await backupStore(store, target, { force: false });
        expect(contentsOf(target)).toEqual(expected);
      }
      // A log that holds something is still refused, by name.
      const target = join(here, "logged.db");
      writeFileSync(`${target}-wal`, "x");
      await expect(backupStore(store, target, { force: false })).rejects.toThrow(
        `${target}-wal is left beside ${target} from an earlier file of that name, and SQLite would replay it onto the new backup`,
      );
      expect(existsSync(target)).toBe(false);
    } finally {
      store.close();
    }
  });

  it("replaces an earlier backup in rollback mode beside which SQLite leaves an empty log and an -shm (nothing to replay), where it was refused as open in another process", async () => {
    const here = folder();
    const store = openStore(join(here, "case.db"), { create: true });
    const target = join(here, "backup.db");
    try {
      await backupStore(store, target, { force: false });
      // The earlier backup in rollback mode (as one written by other means is, or one whose
      // replacing stopped after the fold); beside it, an -shm and an empty -wal, no process's.
      const earlier = new Database(target);
      earlier.pragma("journal_mode = DELETE");
      earlier.close();
      writeFileSync(`${target}-wal`, "");
      writeFileSync(`${target}-shm`, Buffer.alloc(32_768, 1));
      savePlan(store, planFor("team-02", caseText(12)), { replace: false });
      await backupStore(store, target, { force: true });
      const expected = contentsOf(join(here, "case.db"));
      expect(expected.plans).toHaveLength(1);
      expect(contentsOf(target)).toEqual(expected);
    } finally {
      store.close();
    }
  });

  it("writes through a target that is a link (the link kept), keeps the replaced file's permissions and leaves no temporary file", async () => {
    const here = folder();
    const store = openStore(join(here, "case.db"), { create: true });
    mkdirSync(join(here, "backups"));
    const real = join(here, "backups", "latest.db");
    // An earlier backup: an empty store.
    openStore(real, { create: true }).close();
    chmodSync(real, 0o600);
    const earlier = readFileSync(real);
    const link = join(here, "latest.db");
    symlinkSync(join("backups", "latest.db"), link);
    try {
      await expect(backupStore(store, link, { force: false })).rejects.toThrow(/already exists; use --force/);
      expect(readFileSync(real)).toEqual(earlier);
      await backupStore(store, link, { force: true });
    } finally {
      store.close();
    }
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join("backups", "latest.db"));
    expect(readdirSync(join(here, "backups"))).toEqual(["latest.db"]);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(rowsOf(real)).toBeGreaterThan(0);
  });

  it("replaces only an earlier backup, even with --force: the case file named by mistake is left as it was", async () => {
    const here = folder();
    const store = openStore(join(here, "case.db"), { create: true });
    const caseFile = join(here, "case.yaml");
    writeFileSync(caseFile, "title: mine\n");
    try {
      await expect(backupStore(store, caseFile, { force: true })).rejects.toThrow(
        /case\.yaml is not a store \(not an SQLite file\), so a backup will not replace it/,
      );
    } finally {
      store.close();
    }
    expect(readFileSync(caseFile, "utf8")).toBe("title: mine\n");
  });

  it("replaces only an earlier backup, even with --force: another program's SQLite database named by mistake is left as it was", async () => {
    const here = folder();
    const other = join(here, "app.db");
    const app = new Database(other);
    app.exec("CREATE TABLE customers (id INTEGER, name TEXT); INSERT INTO customers VALUES (1, 'Ada')");
    app.close();
    const before = readFileSync(other);
    const store = openStore(join(here, "case.db"), { create: true });
    try {
      // It replaced app.db with a copy of case.db, its customers gone, no .bak kept.
      await expect(backupStore(store, other, { force: true })).rejects.toThrow(
        `${other} is a SQLite database of another program, not an earlier backup of ${join(here, "case.db")}, so a backup will not replace it; back up to a new file, or over an earlier backup of this store; nothing was written`,
      );
    } finally {
      store.close();
    }
    expect(readFileSync(other)).toEqual(before);
    expect(readdirSync(here).sort()).toEqual(["app.db", "case.db"]);
  });

  it("replaces only an earlier backup of this store, even with --force: another store in the folder named by mistake is left as it was", async () => {
    const here = folder();
    const other = join(here, "other.db");
    const otherStore = openStore(other, { create: true });
    try {
      savePlan(otherStore, planFor("platform", caseText(24)), { replace: false });
    } finally {
      otherStore.close();
    }
    const before = contentsOf(other);
    const store = openStore(join(here, "case.db"), { create: true });
    try {
      freezeTeams(store, 1, 12);
      // It replaced other.db with a copy of case.db, platform's plan gone, no .bak kept.
      await expect(backupStore(store, other, { force: true })).rejects.toThrow(
        `${other} is another store, not an earlier backup of ${join(here, "case.db")}: it holds none of its plans (it holds the plan of team "platform", better frozen from case.yaml on `,
      );
      expect(readdirSync(here).sort()).toEqual(["case.db", "case.db-shm", "case.db-wal", "other.db"]);
      // An earlier backup of this store, taken before a plan was added, is replaced as before.
      const earlier = join(here, "earlier.db");
      await backupStore(store, earlier, { force: false });
      savePlan(store, planFor("team-02", caseText(12)), { replace: false });
      await backupStore(store, earlier, { force: true });
      expect(contentsOf(earlier).plans).toHaveLength(2);
    } finally {
      store.close();
    }
    expect(contentsOf(other)).toEqual(before);
  });

  it("refuses a link that points nowhere instead of creating a file through it", async () => {
    const here = folder();
    const store = openStore(join(here, "case.db"), { create: true });
    const link = join(here, "backup.db");
    symlinkSync(join(here, "elsewhere", "backup.db"), link);
    try {
      await expect(backupStore(store, link, { force: true })).rejects.toThrow(/is a link to .*, which does not exist; nothing was written/);
    } finally {
      store.close();
    }
    expect(readdirSync(here).filter((name) => name.startsWith("backup.db") || name.startsWith(".backup"))).toEqual(["backup.db"]);
  });
});

describe("anotherStore", () => {
  it("says what a target is as a typed value, not a marker string among words: another program's database, another store and its plans, or nothing", async () => {
    const here = folder();
    const app = join(here, "app.db");
    const database = new Database(app);
    database.exec("CREATE TABLE customers (id INTEGER)");
    database.close();
    const other = join(here, "other.db");
    const otherStore = openStore(other, { create: true });
    try {
      savePlan(otherStore, planFor("platform", caseText(24)), { replace: false });
      savePlan(otherStore, planFor("data", caseText(24)), { replace: false });
    } finally {
      otherStore.close();
    }
    const store = openStore(join(here, "case.db"), { create: true });
    try {
      freezeTeams(store, 1, 12);
      // It returned "another program's database", a string the caller compared, beside the plans in words.
      expect(anotherStore(store, app)).toEqual({ kind: "another program" });
      expect(anotherStore(store, other)).toEqual({
        kind: "another store",
        first: { team: "platform", scenario: "better", fileName: "case.yaml", frozenAt: expect.any(String) },
        more: 1,
      });
      const earlier = join(here, "earlier.db");
      await backupStore(store, earlier, { force: false });
      expect(anotherStore(store, earlier)).toBeUndefined();
    } finally {
      store.close();
    }
  });
});

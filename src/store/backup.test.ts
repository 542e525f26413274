import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupStore } from "./backup.js";
import { openStore } from "./database.js";
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

describe("backupStore", () => {
  it("writes through a target that is a link (the link kept), keeps the replaced file's permissions and leaves no temporary file", async () => {
    const here = folder();
    const store = openStore(join(here, "case.db"), { create: true });
    mkdirSync(join(here, "backups"));
    const real = join(here, "backups", "latest.db");
    writeFileSync(real, "old");
    chmodSync(real, 0o600);
    const link = join(here, "latest.db");
    symlinkSync(join("backups", "latest.db"), link);
    try {
      await expect(backupStore(store, link, { force: false })).rejects.toThrow(/already exists; use --force/);
      expect(readFileSync(real, "utf8")).toBe("old");
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

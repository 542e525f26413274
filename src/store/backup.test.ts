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

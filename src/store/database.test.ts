import Database from "better-sqlite3";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { actualFields } from "../shared/actual-fields.js";
import { appliedVersions, openStore, StoreError, storePathFor } from "./database.js";
import { LATEST_SCHEMA_VERSION } from "./migrations.js";
import { temporaryFolders } from "./test-support/temporary.js";

const folder = temporaryFolders();

describe("openStore", () => {
  it("creates a store in WAL mode with every migration applied once", () => {
    const path = join(folder(), "case.db");
    const store = openStore(path, { create: true });
    expect(store.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.pragma("busy_timeout", { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(appliedVersions(store)).toEqual([LATEST_SCHEMA_VERSION]);
    store.close();
    const again = openStore(path);
    expect(appliedVersions(again)).toEqual([LATEST_SCHEMA_VERSION]);
    again.close();
  });

  it("has a column for every recorded measure", () => {
    const store = openStore(join(folder(), "case.db"), { create: true });
    const columns = (store.prepare("PRAGMA table_info(actuals)").all() as { name: string }[]).map((column) => column.name);
    store.close();
    expect(columns).toEqual(["team", "month", ...actualFields, "note", "source", "recorded_at"]);
  });

  it("never creates a store through a link that points nowhere (case.db left linking to a file not made yet)", () => {
    const directory = folder();
    mkdirSync(join(directory, "elsewhere"));
    const target = join(directory, "elsewhere", "team.db");
    symlinkSync(target, join(directory, "case.db"));
    expect(() => openStore(join(directory, "case.db"), { create: true })).toThrow(
      `${join(directory, "case.db")} is a link to ${target}, which does not exist; no store is created through a link: remove the link, or give the store with --db PATH`,
    );
    expect(() => openStore(join(directory, "case.db"))).toThrow(StoreError);
    expect(existsSync(target)).toBe(false);
  });

  it("creates the folders a new store goes into, as every written file's, and names a file in their way", () => {
    const directory = folder();
    const store = openStore(join(directory, "stores", "2025", "case.db"), { create: true });
    expect(appliedVersions(store)).toEqual([LATEST_SCHEMA_VERSION]);
    store.close();
    writeFileSync(join(directory, "notes"), "a file");
    expect(() => openStore(join(directory, "notes", "case.db"), { create: true })).toThrow(
      `cannot create the store ${join(directory, "notes", "case.db")}: part of the path is a file, not a folder; nothing was written`,
    );
  });

  it("refuses to create a store where none exists unless asked", () => {
    expect(() => openStore(join(folder(), "missing.db"))).toThrow(/no store here; freeze a plan first/);
  });

  it("refuses a file that is not SQLite, another program's database, and a store from a newer version", () => {
    const directory = folder();
    const text = join(directory, "notes.db");
    writeFileSync(text, "this is not a database, just text that is long enough to have a header".repeat(10));
    expect(() => openStore(text)).toThrow(StoreError);
    expect(() => openStore(text)).toThrow(/not a store \(not a SQLite database\)/);

    const foreign = join(directory, "foreign.db");
    const other = new Database(foreign);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY)");
    other.close();
    expect(() => openStore(foreign)).toThrow(/another program, not an mlops-roi store/);

    const newer = join(directory, "newer.db");
    openStore(newer, { create: true }).close();
    const raw = new Database(newer);
    raw.prepare("INSERT INTO schema_migrations VALUES (?, 'from the future', '2030-01-01')").run(LATEST_SCHEMA_VERSION + 1);
    raw.close();
    expect(() => openStore(newer)).toThrow(/written by a newer mlops-roi/);
  });

  it("never turns an empty file (or an SQLite file without tables) into a store when only reading: refused, left byte for byte", () => {
    const directory = folder();
    const empty = join(directory, "empty.db");
    writeFileSync(empty, "");
    expect(() => openStore(empty)).toThrow(
      `${empty} is an empty file, not an mlops-roi store, and is left as it is; expected a store that \`mlops-roi track plan CASE.yaml\` made: freeze a plan into it first, or give another store with --db PATH`,
    );
    expect(readFileSync(empty).length).toBe(0);

    const blank = join(directory, "blank.db");
    const raw = new Database(blank);
    raw.exec("CREATE TABLE scratch (id INTEGER); DROP TABLE scratch");
    raw.close();
    const before = readFileSync(blank);
    expect(() => openStore(blank)).toThrow(`${blank} is an SQLite database without tables, not an mlops-roi store, and is left as it is`);
    expect(readFileSync(blank).equals(before)).toBe(true);
    expect(readdirSync(directory).sort()).toEqual(["blank.db", "empty.db"]);

    // Freezing a plan (create) may still make the store in a file the user made empty for it.
    const store = openStore(empty, { create: true });
    expect(appliedVersions(store)).toEqual([LATEST_SCHEMA_VERSION]);
    store.close();
  });

  it("names a journal file beside the store that is a link (pointing nowhere or somewhere) or a folder, and writes nothing through it", () => {
    const directory = folder();
    const path = join(directory, "case.db");
    openStore(path, { create: true }).close();
    const nowhere = join(directory, "gone", "case.db-wal");
    symlinkSync(nowhere, `${path}-wal`);
    for (const create of [false, true]) {
      expect(() => openStore(path, { create })).toThrow(
        `${path}-wal is a link to ${nowhere}, which does not exist (it points nowhere); SQLite keeps the store's write-ahead log there, and nothing is read or written through a link you did not give: remove the link ${path}-wal and run again; nothing was written`,
      );
    }
    expect(existsSync(join(directory, "gone"))).toBe(false);

    const elsewhere = join(directory, "elsewhere.txt");
    writeFileSync(elsewhere, "not SQLite's");
    symlinkSync(elsewhere, `${path}-shm`);
    expect(() => openStore(path)).toThrow(`${path}-wal is a link to ${nowhere}, which does not exist`);
    // Where the link leads may exist as a folder: SQLite would create the log there; nothing is.
    mkdirSync(join(directory, "gone"));
    expect(() => openStore(path)).toThrow(`${path}-wal is a link to ${nowhere}, which does not exist`);
    expect(readdirSync(join(directory, "gone"))).toEqual([]);
    rmSync(`${path}-wal`);
    expect(() => openStore(path)).toThrow(`${path}-shm is a link to ${elsewhere}; SQLite keeps the store's shared-memory index of the write-ahead log there`);
    expect(readFileSync(elsewhere, "utf8")).toBe("not SQLite's");
    rmSync(`${path}-shm`);
    mkdirSync(`${path}-wal`);
    expect(() => openStore(path)).toThrow(`${path}-wal is a folder; SQLite keeps the store's write-ahead log there: move the folder away and run again`);
    rmSync(`${path}-wal`, { recursive: true });
  });

  it("names a journal file beside the store that is a socket or a pipe (SQLite would fail on it, or wait on a pipe for ever)", async () => {
    const directory = folder();
    const path = join(directory, "case.db");
    openStore(path, { create: true }).close();
    const server = createServer();
    await new Promise<void>((listening) => server.listen(`${path}-journal`, listening));
    try {
      expect(() => openStore(path)).toThrow(
        `${path}-journal is not a plain file (a device, pipe or socket); SQLite keeps the store's rollback journal there: move it away and run again; nothing was written`,
      );
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  it("puts the store next to the case file", () => {
    expect(storePathFor("cases/team.yaml")).toBe("cases/team.db");
    expect(storePathFor("case.JSON")).toBe("case.db");
    expect(storePathFor("case")).toBe("case.db");
  });
});

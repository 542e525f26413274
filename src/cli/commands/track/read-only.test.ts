import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../../../test-support/fixtures.js";
import { runCliCaptured } from "../../../test-support/run-cli.js";
import { templatePath } from "../../../shared/package-files.js";

// A store in a folder the user may read but not write: SQLite writes its journal next to the store
// even to read it (SQLITE_READONLY_DIRECTORY), which was an "internal error" with exit 70.

const child = fileURLToPath(new URL("../../../test-support/cli-child.ts", import.meta.url));
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const canDropToNobody = asRoot && spawnSync("setpriv", ["--version"]).status === 0;

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => {
  chmodSync(join(temp.path, "case"), 0o755);
  temp.remove();
});

/** Runs the command line as a user without write access to the folder: this user, or nobody when the tests run as root (root may write anywhere). */
async function runAsReader(args: string[]): Promise<{ exitCode: number; stderr: string }> {
  if (!asRoot) return runCliCaptured(args);
  const run = spawnSync("setpriv", [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", process.execPath, "--import", "tsx", child, ...args], {
    encoding: "utf8",
    env: { ...process.env, HOME: temp.path },
  });
  return { exitCode: run.status ?? -1, stderr: run.stderr };
}

describe.runIf(!asRoot || canDropToNobody)("a store in a read-only folder", () => {
  it("is a clear error with exit 1 for track show and report, naming the folder and what to do", async () => {
    const folder = join(temp.path, "case");
    mkdirSync(folder);
    const caseFile = join(folder, "case.yaml");
    copyFileSync(templatePath("seed"), caseFile);
    expect((await runCliCaptured(["track", "plan", caseFile, "--scenario", "optimal"])).exitCode).toBe(0);
    const out = join(temp.path, "out");
    mkdirSync(out);
    chmodSync(out, 0o777);
    if (asRoot) for (const name of ["", ...readdirSync(folder)]) chownSync(join(folder, name), NOBODY, NOBODY);
    chmodSync(temp.path, 0o755);
    chmodSync(folder, 0o555);

    const expected = `error: ${join(folder, "case.db")} cannot be opened: its folder ${folder} is read-only`;
    const show = await runAsReader(["track", "show", "--case", caseFile]);
    expect(show.stderr).toContain(expected);
    expect(show.stderr).toContain("copy the store to a writable folder and give it with --db");
    expect(show.stderr).not.toContain("internal error");
    expect(show.exitCode).toBe(1);
    const report = await runAsReader(["report", caseFile, "-o", join(out, "report.html")]);
    expect(report.stderr).toContain(expected);
    expect(report.exitCode).toBe(1);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe.runIf(!asRoot || canDropToNobody)("a store SQLite cannot open in a writable folder", () => {
  /** A store in a folder anyone may write, planned as this user, with `case.db` readable and writable by all. */
  async function plannedStore(): Promise<{ folder: string; caseFile: string; store: string }> {
    const folder = join(temp.path, "case");
    mkdirSync(folder);
    const caseFile = join(folder, "case.yaml");
    copyFileSync(templatePath("seed"), caseFile);
    expect((await runCliCaptured(["track", "plan", caseFile, "--scenario", "optimal"])).exitCode).toBe(0);
    chmodSync(temp.path, 0o755);
    chmodSync(folder, 0o777);
    const store = join(folder, "case.db");
    chmodSync(store, 0o666);
    return { folder, caseFile, store };
  }

  it("names the write-ahead log the user may not read or write, not the folder, which is writable", async () => {
    const { folder, caseFile, store } = await plannedStore();
    // A log left by another user's process that stopped: readable and writable by its owner only.
    const database = new Database(store);
    database.pragma("wal_autocheckpoint = 0");
    database.exec("CREATE TABLE IF NOT EXISTS later (a)");
    copyFileSync(`${store}-wal`, join(temp.path, "wal"));
    copyFileSync(`${store}-shm`, join(temp.path, "shm"));
    database.close();
    renameSync(join(temp.path, "wal"), `${store}-wal`);
    renameSync(join(temp.path, "shm"), `${store}-shm`);
    chmodSync(`${store}-wal`, 0o000);
    chmodSync(`${store}-shm`, 0o000);

    const show = await runAsReader(["track", "show", "--case", caseFile]);
    expect(show.stderr).toContain(`error: ${store} cannot be opened: ${store}-wal, the store's write-ahead log, is there and you (user `);
    expect(show.stderr).toContain("may not read and write it (it belongs to user ");
    expect(show.stderr).not.toContain(`its folder ${folder} is read-only`);
    expect(show.exitCode).toBe(1);
  });

  it("says an empty log and its index another user's reading left hold nothing, and may be moved away, where it said not to delete them", async () => {
    const { caseFile, store } = await plannedStore();
    // What a process of a user who may only read the store leaves beside it: an empty log and an index, its owner's only.
    writeFileSync(`${store}-wal`, "");
    writeFileSync(`${store}-shm`, Buffer.alloc(32_768));
    chmodSync(`${store}-wal`, 0o644);
    chmodSync(`${store}-shm`, 0o644);
    if (!asRoot) for (const suffix of ["-wal", "-shm"]) chmodSync(`${store}${suffix}`, 0o444);
    const add = await runAsReader(["track", "add", "--case", caseFile, "--month", "2", "--upkeep-hours", "5"]);
    expect(add.stderr).toContain(`error: ${store} cannot be opened: ${store}-wal, the store's write-ahead log, is there and you (user `);
    expect(add.stderr).toContain(`yet nothing beside the store holds a change to replay`);
    expect(add.stderr).toContain(`when no command is using the store, move ${store}-wal and ${store}-shm away and run again`);
    expect(add.stderr).not.toContain("do not delete it");
    expect(add.exitCode).toBe(1);
  });

  it("says the store itself cannot be read, not that its folder is read-only", async () => {
    const { folder, caseFile, store } = await plannedStore();
    chmodSync(store, 0o000);
    const show = await runAsReader(["track", "show", "--case", caseFile]);
    expect(show.stderr).toContain(`error: ${store} cannot be opened: you (user `);
    expect(show.stderr).toContain("may not read it (it belongs to user ");
    expect(show.stderr).toContain("mode 0)");
    expect(show.stderr).not.toContain(`its folder ${folder} is read-only`);
    expect(show.exitCode).toBe(1);
  });
});

describe.runIf(!asRoot || canDropToNobody)("writing a new store or a backup into a read-only folder", () => {
  it("names the folder as read-only, not SQLite's 'unable to open database file' nor 'even to read a store'", async () => {
    const folder = join(temp.path, "case");
    mkdirSync(folder);
    const caseFile = join(folder, "case.yaml");
    copyFileSync(templatePath("seed"), caseFile);
    expect((await runCliCaptured(["track", "plan", caseFile, "--scenario", "optimal"])).exitCode).toBe(0);
    const store = join(folder, "case.db");
    chmodSync(temp.path, 0o755);
    chmodSync(folder, 0o777);
    chmodSync(caseFile, 0o644);
    chmodSync(store, 0o666);
    const readOnly = join(temp.path, "ro");
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);

    // It said "the backup failed (unable to open database file); nothing was written".
    const backup = await runAsReader(["track", "backup", "--db", store, "--to", join(readOnly, "b.db")]);
    expect(backup.stderr).toContain(`error: cannot write ${join(readOnly, "b.db")}: its folder ${readOnly} is read-only for you (user `);
    expect(backup.stderr).toContain("make the folder writable, or back up to another folder; nothing was written");
    expect(backup.exitCode).toBe(1);
    // It said "cannot be opened: … even to read a store SQLite writes its journal", of a store the user was creating.
    const plan = await runAsReader(["track", "plan", caseFile, "--scenario", "optimal", "--db", join(readOnly, "s.db")]);
    expect(plan.stderr).toContain(`error: cannot create ${join(readOnly, "s.db")}: its folder ${readOnly} is read-only for you (user `);
    expect(plan.stderr).toContain("make the folder writable, or give the store with --db PATH in a writable folder; nothing was written");
    expect(plan.exitCode).toBe(1);
    expect(readdirSync(readOnly)).toEqual([]);
  });
});

import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../../../test-support/fixtures.js";
import type { StoreDatabase } from "../../../store/database.js";
import { withStore } from "./store-access.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

/** Work that fills the store past what SQLite may write (as a full disk would): SQLite's own SQLITE_FULL. */
function fillPastTheDisk(store: StoreDatabase): void {
  const pages = store.pragma("page_count", { simple: true }) as number;
  store.pragma(`max_page_count = ${pages}`);
  store.exec("CREATE TABLE filler (text TEXT)");
  store.prepare("INSERT INTO filler VALUES (?)").run("x".repeat(100_000));
}

describe("a store that cannot be filled", () => {
  it("is removed, with its journal files, when the command created it, so that 'nothing was written' is true", async () => {
    const path = join(temp.path, "case.db");
    await expect(withStore(path, { create: true }, fillPastTheDisk)).rejects.toThrow(`${path}: the disk is full; nothing was written`);
    // An SQLite file without tables was left, which every other command then refused.
    expect(readdirSync(temp.path)).toEqual([]);
  });

  it("is left as it was when it was there before the command", async () => {
    const path = join(temp.path, "case.db");
    await withStore(path, { create: true }, (store) => store.exec("CREATE TABLE kept (a); INSERT INTO kept VALUES (1)"));
    await expect(withStore(path, { create: true }, fillPastTheDisk)).rejects.toThrow("the disk is full");
    const store = new Database(path, { readonly: true });
    expect(store.prepare("SELECT count(*) FROM kept").pluck().get()).toBe(1);
    store.close();
    const empty = join(temp.path, "empty.db");
    writeFileSync(empty, "");
    await expect(
      withStore(empty, { create: true }, () => {
        throw Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
      }),
    ).rejects.toThrow("the disk is full");
    // A file given that was there before is never removed, even one track plan would have made a store of.
    expect(readdirSync(temp.path)).toEqual(expect.arrayContaining(["case.db", "empty.db"]));
  });
});

import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { writeActuals } from "./actual-repository.js";
import { openStore, type StoreDatabase } from "./database.js";
import { savePlan } from "./plan-repository.js";
import { caseText, planFor } from "./test-support/portfolio.js";
import { temporaryFolders } from "./test-support/temporary.js";

/** What another process does to the store right after each look at the store's header or its log. */
const meanwhile = vi.hoisted(() => ({ step: undefined as (() => void) | undefined }));

vi.mock("./write-ahead-log.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("./write-ahead-log.js")>();
  const then = <T>(value: T): T => {
    meanwhile.step?.();
    return value;
  };
  return {
    ...original,
    readStoreHeader: (path: string) => then(original.readStoreHeader(path)),
    readLogWrites: (path: string) => then(original.readLogWrites(path)),
  };
});

const folder = temporaryFolders();

describe("the check of a write-ahead log while another process writes the store", () => {
  it("never refuses the store's own log, however the writer copies the log in and starts a new one between the looks", () => {
    const path = join(folder(), "case.db");
    const maker = openStore(path, { create: true });
    savePlan(maker, planFor("team-01", caseText(12)), { replace: false });
    maker.close();
    // The writer keeps the store open, so its log stays beside the store between its writes.
    const writer: StoreDatabase = openStore(path);
    let month = 0;
    const write = () => writeActuals(writer, [{ team: "team-01", month: (month++ % 12) + 1, values: { upkeepHours: month } }], { replace: true });
    try {
      write();
      // After each look: a write, the whole log copied into the store (it starts again), and a write in the new log.
      meanwhile.step = () => {
        write();
        writer.pragma("wal_checkpoint(TRUNCATE)");
        write();
      };
      for (let look = 0; look < 5; look++) {
        expect(() => openStore(path).close()).not.toThrow();
      }
    } finally {
      meanwhile.step = undefined;
      writer.close();
    }
  });
});

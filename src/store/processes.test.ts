import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { countActuals } from "./actual-repository.js";
import { openStore } from "./database.js";
import { importActualsCsv } from "./import-actuals.js";
import { savePlan } from "./plan-repository.js";
import { caseText, freezeTeams, planFor, portfolioCsv } from "./test-support/portfolio.js";
import { temporaryFolders } from "./test-support/temporary.js";

const folder = temporaryFolders();
const child = fileURLToPath(new URL("./test-support/store-child.ts", import.meta.url));

interface Running {
  process: ChildProcess;
  /** Resolves when the child prints this line. */
  said(line: string): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function run(...args: string[]): Running {
  const started = spawn(process.execPath, ["--import", "tsx", child, ...args], { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiting: { line: string; resolve: () => void }[] = [];
  started.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const wait of waiting.filter((candidate) => stdout.split("\n").includes(candidate.line))) wait.resolve();
  });
  started.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    started.on("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
  return {
    process: started,
    said: (line) =>
      new Promise<void>((resolve, reject) => {
        if (stdout.split("\n").includes(line)) return resolve();
        waiting.push({ line, resolve });
        void exit.then(({ code, signal }) => reject(new Error(`child exited (${code ?? signal}) before saying "${line}": ${stderr}`)));
      }),
    exit,
  };
}

describe("a store shared by processes", () => {
  it("a process killed in the middle of an import leaves the store consistent with none of its rows, and the import can be rerun", async () => {
    const directory = folder();
    const path = join(directory, "portfolio.db");
    const csv = join(directory, "portfolio.csv");
    const store = openStore(path, { create: true });
    freezeTeams(store, 20, 120);
    store.close();
    writeFileSync(csv, portfolioCsv(20, 120));

    const importer = run("import", path, csv, "1500");
    await importer.said("ready");
    writeFileSync(`${path}.go`, "");
    await importer.said("mid-transaction");
    importer.process.kill("SIGKILL");
    const { signal } = await importer.exit;
    expect(signal).toBe("SIGKILL");

    const raw = new Database(path);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(raw.prepare("SELECT count(*) FROM actuals").pluck().get()).toBe(0);
    expect(raw.prepare("SELECT count(*) FROM imports").pluck().get()).toBe(0);
    raw.close();

    const reopened = openStore(path);
    const outcome = importActualsCsv(reopened, readFileSync(csv), { fileName: "portfolio.csv", team: "default" });
    expect(outcome.status).toBe("imported");
    expect(Object.values(countActuals(reopened))).toEqual(Array.from({ length: 20 }, () => 120));
    expect(reopened.pragma("integrity_check", { simple: true })).toBe("ok");
    reopened.close();
  });

  it("two processes recording months at the same time lose nothing", async () => {
    const path = join(folder(), "case.db");
    const store = openStore(path, { create: true });
    savePlan(store, planFor("default", caseText(120)), { replace: false });
    store.close();
    const odd = Array.from({ length: 60 }, (_, index) => 2 * index + 1);
    const even = odd.map((month) => month + 1);
    const first = run("add", path, "default", odd.join(","));
    const second = run("add", path, "default", even.join(","));
    await Promise.all([first.said("ready"), second.said("ready")]);
    writeFileSync(`${path}.go`, "");
    const exits = await Promise.all([first.exit, second.exit]);
    expect(exits.map((exit) => [exit.code, exit.stderr])).toEqual([
      [0, ""],
      [0, ""],
    ]);
    const check = openStore(path);
    const months = check.prepare("SELECT month FROM actuals WHERE team = 'default' ORDER BY month").pluck().all();
    const writers = check.prepare("SELECT count(DISTINCT source) FROM actuals").pluck().get();
    check.close();
    expect(months).toEqual(Array.from({ length: 120 }, (_, index) => index + 1));
    expect(writers).toBe(2);
  });
});

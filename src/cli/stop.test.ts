import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { templatePath } from "../shared/package-files.js";
import { chromiumAvailable } from "../report/browser.js";
import { makeTempFolder } from "../test-support/fixtures.js";
import { runCliCaptured } from "../test-support/run-cli.js";
import { listensForStops, stopMessage } from "./stop.js";

const child = new URL("../test-support/stop-child.ts", import.meta.url).pathname;
const uncertain = new URL("../../examples/seed-uncertain.yaml", import.meta.url).pathname;

let temp: ReturnType<typeof makeTempFolder>;
let scenario: string;
beforeEach(() => {
  temp = makeTempFolder();
  scenario = join(temp.path, "case.yaml");
  copyFileSync(uncertain, scenario);
});
afterEach(() => temp.remove());

/** The executable, stopped by `signal` at the moment `when` of the command (see stop-child.ts). */
function stoppedAt(when: string, signal: NodeJS.Signals, file: string, argv: readonly string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", child, when, signal, file, "--", ...argv], { encoding: "utf8", timeout: 60_000 });
  return { status: run.status, signal: run.signal, stderr: run.stderr, stdout: run.stdout };
}

describe("Ctrl-C once the Monte Carlo has finished", () => {
  for (const [command, output] of [
    ["export", "case.xlsx"],
    ["report", "report.html"],
  ] as const) {
    it(`${command}: says nothing was written and exits 130 (it ended without a word), and writes nothing`, () => {
      const run = stoppedAt("after-monte-carlo", "SIGINT", output, [command, scenario, "-o", join(temp.path, output), "--samples", "2000"]);
      expect(run.stderr).toMatch(/(^|\n)stopped; nothing was written\n$/);
      expect(run.status).toBe(130);
      expect(readdirSync(temp.path)).toEqual(["case.yaml"]);
    }, 60_000);
  }

  it("during the held write: the file is written in full, and the stop says so, with the backup kept (143 after SIGTERM)", async () => {
    const workbook = join(temp.path, "case.xlsx");
    expect((await runCliCaptured(["export", scenario, "-o", workbook, "--samples", "2000"])).exitCode).toBe(0);
    writeFileSync(workbook, "an older workbook\n");
    const run = stoppedAt("during-write", "SIGTERM", "case.xlsx", ["export", scenario, "-o", workbook, "--samples", "2000", "--force"]);
    expect(run.stderr).toMatch(
      new RegExp(`\\nstopped after writing in full: ${workbook} \\(previous version kept as ${workbook}\\.bak\\); nothing else was written\\n$`),
    );
    expect(run.status).toBe(143);
    expect(readdirSync(temp.path).sort()).toEqual(["case.xlsx", "case.xlsx.bak", "case.yaml"]);
    // A whole workbook: import reads it back.
    expect((await runCliCaptured(["import", workbook, "-o", join(temp.path, "back.yaml")])).exitCode).toBe(0);
    expect(readFileSync(`${workbook}.bak`, "utf8")).toBe("an older workbook\n");
  }, 60_000);
});

describe("SIGTERM during the Monte Carlo", () => {
  it("report: says nothing was written and exits 143 (the loop hears Ctrl-C only: the report was written, exit 0)", () => {
    const run = stoppedAt("during-monte-carlo", "SIGTERM", "report.html", ["report", scenario, "-o", join(temp.path, "report.html"), "--samples", "200000"]);
    expect(run.stderr).toMatch(/(^|\n)stopped; nothing was written\n$/);
    expect(run.status).toBe(143);
    expect(readdirSync(temp.path)).toEqual(["case.yaml"]);
  }, 60_000);
});

describe("track backup stopped by Ctrl-C while SQLite copies the store", () => {
  it("completes the copy, leaves no temporary file or journal, and says the backup was written in full", async () => {
    const seed = join(temp.path, "seed.yaml");
    copyFileSync(templatePath("seed"), seed);
    expect((await runCliCaptured(["track", "plan", seed, "--scenario", "optimal", "--start", "2025-01"])).exitCode).toBe(0);
    const backup = join(temp.path, "backups", "seed.db");
    const run = stoppedAt("during-backup", "SIGINT", "seed.db", ["track", "backup", "--case", seed, "--to", backup]);
    expect(run.stderr).toBe(`stopped after writing in full: ${backup}; nothing else was written\n`);
    expect(run.status).toBe(130);
    expect(readdirSync(join(temp.path, "backups"))).toEqual(["seed.db"]);
    expect(readFileSync(backup).subarray(0, 16).toString("latin1")).toBe("SQLite format 3\u0000");
    const shown = await runCliCaptured(["track", "show", "--db", backup]);
    expect(shown.exitCode).toBe(0);
  }, 60_000);
});

describe("Ctrl-C while report prints its PDF", () => {
  const mainChild = new URL("../test-support/main-child.ts", import.meta.url).pathname;

  /** Chromium's own temporary folders anywhere in `folder`, one level down included. */
  function chromiumFolders(folder: string): string[] {
    const found: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith("org.chromium.")) found.push(entry.name);
      else if (entry.isDirectory()) found.push(...readdirSync(join(folder, entry.name)).filter((name) => name.startsWith("org.chromium.")));
    }
    return found;
  }

  it.skipIf(!chromiumAvailable())(
    "leaves none of Chromium's temporary folders in TMPDIR",
    async () => {
      const scratch = join(temp.path, "tmp");
      mkdirSync(scratch);
      // Its own process group, as a terminal's command is: Ctrl-C reaches Chromium too.
      const child = spawn(
        process.execPath,
        ["--import", "tsx", mainChild, "report", scenario, "-o", join(temp.path, "r.html"), "--pdf", join(temp.path, "r.pdf"), "--samples", "0"],
        {
          detached: true,
          stdio: "ignore",
          env: { ...process.env, TMPDIR: scratch },
        },
      );
      const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
      // Pressed once Chromium has made its temporary folder: until then there is nothing to leave.
      let ended = false;
      void exited.then(() => (ended = true));
      while (!ended && chromiumFolders(scratch).length === 0) await new Promise((done) => setTimeout(done, 20));
      expect(ended).toBe(false);
      process.kill(-child.pid!, "SIGINT");
      expect(await exited).toBe(130);
      expect(chromiumFolders(scratch)).toEqual([]);
      // tsx, which runs the sources, keeps its cache there too.
      expect(readdirSync(scratch).filter((name) => !name.startsWith("tsx-"))).toEqual([]);
    },
    60_000,
  );
});

describe("stopMessage", () => {
  it("names each file written in full and its backup, or says nothing was written", () => {
    expect(stopMessage([])).toBe("stopped; nothing was written");
    expect(stopMessage([{ path: "r.html" }, { path: "r.pdf", backup: "r.pdf.bak" }, { path: "x" }])).toBe(
      "stopped after writing in full: r.html, r.pdf (previous version kept as r.pdf.bak) and x; nothing else was written",
    );
  });
});

describe("listensForStops", () => {
  it("listens where the work after the Monte Carlo is short, and leaves the terminal's own Ctrl-C to long synchronous work", () => {
    for (const argv of [
      ["report", "case.yaml"],
      ["export", "case.yaml"],
      ["run", "case.yaml", "-o", "out.json"],
      ["track", "backup", "store.db"],
    ])
      expect(listensForStops(argv), argv.join(" ")).toBe(true);
    // A Sobol analysis or the optimiser's search runs for many seconds between turns of the event loop:
    // a listener would hold a Ctrl-C until it ends, and the command would then print or write all the same.
    for (const argv of [
      ["sensitivity", "case.yaml", "--method", "sobol"],
      ["optimize", "case.yaml", "--objective", "p50"],
      ["voi", "case.yaml"],
      ["serve", "case.yaml"],
      ["track", "record", "store.db"],
      ["validate", "case.yaml"],
    ])
      expect(listensForStops(argv), argv.join(" ")).toBe(false);
  });
});

import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../shared/atomic-write.js";
import { makeTempFolder } from "../test-support/fixtures.js";
import { captureOutput } from "../test-support/capture-output.js";
import { runCliCaptured } from "../test-support/run-cli.js";
import { UserError, visibleControls, withVisibleControls, writeWhole } from "./io.js";
import { createProgress } from "./progress.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

describe("UserError", () => {
  it("is the class the shared file writer throws, so the command line prints its refusals as a user's error", () => {
    const target = join(temp.path, "case.yaml");
    writeFileSync(target, "mine");
    let thrown: unknown;
    try {
      writeFileAtomic(target, "new");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).exitCode).toBe(1);
  });
});

describe("what the commands print", () => {
  it("shows control characters as escapes instead of letting the terminal obey them, and keeps line breaks and tabs", () => {
    expect(visibleControls("Team \u001b[31mred\u001b[0m\r\u009b2J\u0007\u007f\n\tnext: Küche €")).toBe(
      "Team \\u001b[31mred\\u001b[0m\\u000d\\u009b2J\\u0007\\u007f\n\tnext: Küche €",
    );
  });

  it("keeps Windows line endings (a carriage return before a line feed), and escapes a carriage return alone", () => {
    expect(visibleControls("title: x\r\nnote: y\r\n")).toBe("title: x\r\nnote: y\r\n");
    expect(visibleControls("done\rowned\r\n")).toBe("done\\u000downed\r\n");
  });

  it("keeps printed JSON meaning what it meant", () => {
    const value = { label: "a\u009bb\u0085c", note: "\u001b]8;;x\u0007" };
    expect(JSON.parse(visibleControls(JSON.stringify(value)))).toEqual(value);
  });

  it("escapes what a command prints from a file name or value, but draws the progress bar as is", async () => {
    const missing = join(temp.path, "case\u001b[2J\u001b]0;owned\u0007.yaml");
    const { exitCode, stderr } = await runCliCaptured(["validate", missing]);
    expect(exitCode).toBe(1);
    expect(stderr).toContain("case\\u001b[2J\\u001b]0;owned\\u0007.yaml: no such file");
    expect([...stderr].filter((character) => character !== "\n" && visibleControls(character) !== character)).toEqual([]);
    const captured = captureOutput();
    const bar = createProgress(withVisibleControls({ ...captured, stderrIsTerminal: true }), "Monte Carlo", 0);
    bar.update(1, 2);
    bar.done();
    expect(captured.stderrText()).toMatch(/^\rMonte Carlo \[.*\] 50% \(1\/2\)/);
    expect(captured.stderrText().endsWith("\r\u001b[2K")).toBe(true);
  });
});

describe("standard output that cannot be written", () => {
  const mainChild = new URL("../test-support/main-child.ts", import.meta.url).pathname;
  const fullDevice = "/dev/full";

  it.skipIf(!existsSync(fullDevice))(
    "on a full disk says so in words and exits 1, with no stack trace",
    () => {
      for (const argv of [
        ["run", "examples/team.yaml", "--samples", "0"],
        ["schema"],
        ["report", "examples/team.yaml", "-o", "-", "--samples", "0", "--date", "2026-01-01"],
      ]) {
        const full = openSync(fullDevice, "w");
        try {
          const run = spawnSync(process.execPath, ["--import", "tsx", mainChild, ...argv], {
            stdio: ["ignore", full, "pipe"],
            encoding: "utf8",
            timeout: 60_000,
          });
          expect(run.stderr).toBe("error: cannot write to standard output: the disk is full\n");
          expect(run.status).toBe(1);
        } finally {
          closeSync(full);
        }
      }
    },
    120_000,
  );

  it("writes every byte of a write the disk takes only in part, and fails once it takes none", () => {
    const text = `${"x".repeat(100)}€\n`;
    const taken: number[] = [];
    // A disk with room for 40 bytes, which a write fills as far as it can.
    let room = 40;
    const fillingDisk = (_fd: number, _buffer: Uint8Array, _offset: number, length: number): number => {
      if (room === 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      const count = Math.min(room, length);
      room -= count;
      taken.push(count);
      return count;
    };
    expect(() => writeWhole(1, text, fillingDisk)).toThrow(new UserError("cannot write to standard output: the disk is full"));
    expect(taken).toEqual([40]);
    // A disk that takes 7 bytes at a time, without end: everything is written, in order.
    const parts: Buffer[] = [];
    writeWhole(1, text, (_fd, buffer, offset, length) => {
      const count = Math.min(7, length);
      parts.push(Buffer.from(buffer.subarray(offset, offset + count)));
      return count;
    });
    expect(Buffer.concat(parts).toString("utf8")).toBe(text);
  });
});

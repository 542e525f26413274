import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTempFolder } from "../test-support/fixtures.js";
import { runCliCaptured } from "../test-support/run-cli.js";
import { readBounded } from "./read-bounded.js";

let temp: ReturnType<typeof makeTempFolder>;
beforeEach(() => {
  temp = makeTempFolder();
});
afterEach(() => temp.remove());

describe("readBounded", () => {
  it("reads a file up to the limit whole", () => {
    const file = join(temp.path, "small.txt");
    writeFileSync(file, "x".repeat(100));
    expect(readBounded(file, 100)).toEqual({ bytes: Buffer.from("x".repeat(100)), tooLarge: false });
  });

  it("stops one byte past the limit, on a file and on a device without end", () => {
    const file = join(temp.path, "large.txt");
    writeFileSync(file, "x".repeat(200_001));
    const large = readBounded(file, 200_000);
    expect(large.tooLarge).toBe(true);
    expect(large.bytes.length).toBe(200_000);
    expect(readBounded("/dev/zero", 5_000_000).tooLarge).toBe(true);
  });

  it("refuses a folder as reading one does", () => {
    expect(() => readBounded(temp.path, 10)).toThrow(expect.objectContaining({ code: "EISDIR" }));
  });
});

describe("commands that read a file the user names", () => {
  it("stop at their limit on /dev/zero instead of reading for ever", async () => {
    const workbook = await runCliCaptured(["import", "/dev/zero"]);
    expect(workbook.exitCode).toBe(1);
    expect(workbook.stderr).toBe("error: /dev/zero holds more than 50 MB; a workbook from mlops-roi export is far smaller\n");
    const actuals = await runCliCaptured(["track", "import", "/dev/zero", "--db", join(temp.path, "case.db")]);
    expect(actuals.exitCode).toBe(1);
    expect(actuals.stderr).toMatch(/^error: \/dev\/zero holds more than \d+ MB; a CSV of actuals may be at most \d+ MB\n$/);
  });
});
